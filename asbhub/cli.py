"""The asbhub command line: global options, output and exit codes over thin command modules."""

from __future__ import annotations

import importlib
import inspect
import json
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperCommand, TyperGroup

from asbhub import settings as settings_mod
from asbhub.errors import HubError

if TYPE_CHECKING:
    from pydantic import BaseModel

    # The click that typer vendors: TyperGroup.invoke receives its Context.
    from typer._click import Command as ClickCommand
    from typer._click import Context as ClickContext


@dataclass(frozen=True)
class CommandEntry:
    """One top-level command of the root: where it lives and the line the root help shows.

    The root help is printed from this table alone, so `asbhub --help` imports no command
    module (each pulls in the store, the pipeline, Great Expectations or Presidio).
    tests/cli/test_lazy_commands.py checks every line against the help its module declares."""

    name: str
    module: str  # exports `app` (a Typer group) or `register(root)` (plain commands)
    summary: str


# In the order the root help lists them: plain commands first, then the groups.
COMMANDS = (
    CommandEntry(
        "demo",
        "asbhub.commands.demo",
        "Seed a night, run the real DAGs against an SFTP server and an S3 endpoint on loopback, "
        "answer as the partners, run retention, and print what happened.",
    ),
    CommandEntry(
        "validate",
        "asbhub.commands.validate",
        "Validate every record; exit 0 valid, 1 invalid records, 2 unreadable file.",
    ),
    CommandEntry(
        "seed",
        "asbhub.commands.seed",
        "Write a synthetic incident/1.0 extract (invented people, drama-range phone numbers).",
    ),
    CommandEntry(
        "serve",
        "asbhub.commands.serve",
        "Serve the audit view; users and roles come from ASBHUB_WEB_USERS (there is no default).",
    ),
    CommandEntry("db", "asbhub.commands.db", "The hub store."),
    CommandEntry(
        "contracts",
        "asbhub.commands.contracts",
        "Contracts: the formats that cross the hub's boundary.",
    ),
    CommandEntry("partners", "asbhub.commands.partners", "Partner configuration."),
    CommandEntry(
        "remote",
        "asbhub.commands.remote",
        "List, fetch, deliver and remove files in a partner's folders.",
    ),
    CommandEntry(
        "areas",
        "asbhub.commands.areas",
        "The hub's areas: landing, staging, archive, quarantine, reports.",
    ),
    CommandEntry("ingest", "asbhub.commands.ingest", "The force's incident extracts."),
    CommandEntry("outbound", "asbhub.commands.outbound", "Nightly feeds to partners."),
    CommandEntry("inbound", "asbhub.commands.inbound", "Outcomes and disposal acks from partners."),
    CommandEntry("feedback", "asbhub.commands.feedback", "Outcome summaries back to the force."),
    CommandEntry("casereview", "asbhub.commands.casereview", "Community Trigger flags."),
    CommandEntry("pii", "asbhub.commands.pii", "Find and redact personal data in free text."),
    CommandEntry(
        "retention",
        "asbhub.commands.retention",
        "The retention schedule and disposal planning.",
    ),
    CommandEntry(
        "disposal",
        "asbhub.commands.disposal",
        "Disposal runs: approve, execute, verify, certify.",
    ),
    CommandEntry(
        "hold", "asbhub.commands.hold", "Legal holds: a held record is never disposed of."
    ),
    CommandEntry("ledger", "asbhub.commands.ledger", "The DPA 2018 s.62 ledger."),
    CommandEntry(
        "alerts", "asbhub.commands.alerts", "Alerts to partners' contacts and the hub's operators."
    ),
)


def summary_of(help_text: str | None) -> str:
    """The first paragraph of a help text on one line: what the root help lists for a command."""
    return " ".join(inspect.cleandoc(help_text or "").split("\n\n")[0].split())


def load_command(entry: CommandEntry) -> ClickCommand:
    """Import the entry's module and build its command exactly as an eager registration would."""
    module = importlib.import_module(entry.module)
    holder = typer.Typer(
        rich_markup_mode=app.rich_markup_mode,
        pretty_exceptions_short=app.pretty_exceptions_short,
    )
    if hasattr(module, "register"):
        module.register(holder)
    else:
        holder.add_typer(module.app, name=entry.name)
    command = typer.main.get_group(holder).commands.get(entry.name)
    if command is None:
        raise LookupError(f"{entry.module} does not define the command {entry.name!r}")
    return command


class LazyCommand(TyperCommand):
    """Stands in for a command in the root's listing; its module is imported only when used.

    Running it, or asking for its help, goes through make_context, which hands over to the real
    command: the context it returns belongs to that command, so the rest of the run is the
    real command's."""

    def __init__(self, entry: CommandEntry) -> None:
        super().__init__(entry.name, help=entry.summary, add_help_option=False)
        self.entry = entry

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: ClickContext | None = None,
        **extra: Any,
    ) -> ClickContext:
        return load_command(self.entry).make_context(info_name, args, parent=parent, **extra)


class HubGroup(TyperGroup):
    """Root group: lists the commands from COMMANDS, and turns hub errors into a one-line
    message and the right exit code."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        for entry in COMMANDS:
            self.commands.setdefault(entry.name, LazyCommand(entry))

    def invoke(self, ctx: ClickContext) -> Any:
        try:
            return super().invoke(ctx)
        except HubError as exc:
            from rich.console import Console

            Console(stderr=True).print(
                f"error: {exc}", markup=False, highlight=False, soft_wrap=True
            )
            # typer.Exit: typer vendors click, so click.exceptions.Exit is not caught as an exit.
            raise typer.Exit(exc.exit_code) from exc


app = typer.Typer(
    cls=HubGroup,
    name="asbhub",
    help="ASB partner data hub: referrals out, outcomes in, retention with proof.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@dataclass
class Context:
    """What every command receives: resolved settings and the output mode."""

    settings: settings_mod.Settings
    json_output: bool

    def emit(self, result: BaseModel | dict[str, Any], human: str | None = None) -> None:
        """Print a result as JSON (with --json) or as the human text given."""
        if self.json_output:
            from pydantic import BaseModel  # loaded already by the command that has a result

            data = result.model_dump(mode="json") if isinstance(result, BaseModel) else result
            sys.stdout.write(json.dumps(data, indent=2, default=str) + "\n")
        elif human is not None:
            from rich.console import Console

            Console().print(human, highlight=False, markup=False, soft_wrap=True)


@app.callback()
def _global_options(
    ctx: typer.Context,
    config_dir: str = typer.Option(
        None,
        "--config-dir",
        envvar=settings_mod.CONFIG_DIR_ENV,
        help="Folder with partners/ and retention.yaml.",
    ),
    home: str = typer.Option(
        None,
        "--home",
        envvar=settings_mod.HOME_ENV,
        help="Working folder: SQLite store, staging, reports.",
    ),
    json_output: bool = typer.Option(False, "--json", help="Print machine-readable results."),
) -> None:
    ctx.obj = Context(settings=settings_mod.resolve(config_dir, home), json_output=json_output)


def hub_context(ctx: typer.Context) -> Context:
    obj = ctx.find_root().obj
    assert isinstance(obj, Context)
    return obj


def main() -> None:
    """Console-script entry point."""
    app()
