"""Exception types the hub raises; the CLI maps them to exit codes 1 (data) and 2 (usage)."""

from __future__ import annotations


class HubError(Exception):
    """Base of every error the hub reports to a person rather than as a traceback."""

    exit_code = 2


class DataError(HubError):
    """The input or the data is wrong; the message says what and where."""

    exit_code = 1


class ConfigError(HubError):
    """A configuration file is wrong; exit 1 because the user can fix the file."""

    exit_code = 1

    def __init__(self, problems: list[str] | str) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))


class EnvironmentProblem(HubError):
    """Something outside the data is missing or unreachable (store, server, key)."""

    exit_code = 2


class UnreadableFile(HubError):
    """A file cannot be read as the format it claims (encoding, format, size, empty)."""

    exit_code = 2
