"""The root's command table: true to the modules it names, and enough for `--help` on its own.

`asbhub --help` is printed from asbhub.cli.COMMANDS without importing any command module; these
tests keep that table from drifting away from the commands the modules really declare."""

from __future__ import annotations

import json
import pkgutil
import re
import subprocess
import sys
import textwrap

import pytest
import typer
from typer.testing import CliRunner

import asbhub.commands
from asbhub.cli import COMMANDS, CommandEntry, app, load_command, summary_of

runner = CliRunner()

# What a command module may pull in; none of it is needed to print help.
HEAVY = (
    "sqlalchemy",
    "alembic",
    "great_expectations",
    "presidio_analyzer",
    "spacy",
    "airflow",
    "asbhub.pipeline",
    "asbhub.store",
    "asbhub.retention",
    "asbhub.ledger",
)


def _entry_id(entry: CommandEntry) -> str:
    return entry.name


def _names_declared_by(module_name: str) -> list[str]:
    """The top-level names a command module adds to the root, read from the module itself."""
    module = __import__(module_name, fromlist=["_"])
    if hasattr(module, "register"):
        holder = typer.Typer()
        module.register(holder)
        return [info.name or "" for info in holder.registered_commands]
    return [module_name.rsplit(".", 1)[1]]


def test_every_command_module_is_in_the_table_once_per_command() -> None:
    modules = {
        f"asbhub.commands.{info.name}"
        for info in pkgutil.iter_modules(asbhub.commands.__path__)
        if not info.name.startswith("_")
    }
    assert {entry.module for entry in COMMANDS} == modules
    declared = sorted((name, m) for m in modules for name in _names_declared_by(m))
    assert sorted((entry.name, entry.module) for entry in COMMANDS) == declared


@pytest.mark.parametrize("entry", COMMANDS, ids=_entry_id)
def test_table_summary_is_the_help_the_module_declares(entry: CommandEntry) -> None:
    command = load_command(entry)
    assert command.name == entry.name
    assert entry.summary
    assert entry.summary == summary_of(command.help)


@pytest.mark.parametrize("entry", COMMANDS, ids=_entry_id)
def test_every_command_and_subcommand_answers_help(entry: CommandEntry) -> None:
    result = runner.invoke(app, [entry.name, "--help"])
    assert result.exit_code == 0, result.output
    assert f"Usage: asbhub {entry.name}" in result.output
    for sub in getattr(load_command(entry), "commands", {}):
        result = runner.invoke(app, ["--json", entry.name, sub, "--help"])
        assert result.exit_code == 0, (sub, result.output)
        assert f"Usage: asbhub {entry.name} {sub}" in result.output


def test_root_help_lists_every_command_in_table_order() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0, result.output
    # A listed command starts a row of the panel; options start with "-", wrapped text with spaces.
    listed = [m.group(1) for m in re.finditer(r"^│ ([a-z]\S*) ", result.output, re.MULTILINE)]
    assert listed == [entry.name for entry in COMMANDS]


def test_summary_of_takes_the_first_paragraph_on_one_line() -> None:
    text = """Seed a night,
        and print it.

    More detail the listing leaves out."""
    assert summary_of(text) == "Seed a night, and print it."
    assert summary_of(None) == ""


def _modules_after(argv: list[list[str]]) -> tuple[list[str], str]:
    """Run the CLI with each argv in a fresh interpreter; the modules it loaded and its output."""
    code = textwrap.dedent(
        f"""
        import contextlib, io, json, sys
        from asbhub.cli import app
        out = io.StringIO()
        for args in {argv!r}:
            with contextlib.redirect_stdout(out):
                try:
                    app(args, prog_name="asbhub")
                except SystemExit as exc:
                    assert exc.code in (0, None), (args, exc.code)
        print(json.dumps({{"modules": sorted(sys.modules), "output": out.getvalue()}}))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout.strip().splitlines()[-1])
    return data["modules"], data["output"]


def _loaded(modules: list[str], prefix: str) -> list[str]:
    return [m for m in modules if m == prefix or m.startswith(prefix + ".")]


def test_root_help_imports_no_command_module_and_nothing_heavy() -> None:
    modules, output = _modules_after([["--help"]])
    assert "disposal" in output and "ledger" in output
    assert _loaded(modules, "asbhub.commands") == []
    for heavy in HEAVY:
        assert _loaded(modules, heavy) == [], heavy


def test_group_help_imports_that_group_only() -> None:
    modules, output = _modules_after([["disposal", "--help"]])
    assert "Usage: asbhub disposal" in output
    assert _loaded(modules, "asbhub.commands") == ["asbhub.commands", "asbhub.commands.disposal"]


def test_no_group_help_imports_anything_heavy() -> None:
    modules, output = _modules_after([[e.name, "--help"] for e in COMMANDS])
    assert output.count("Usage: asbhub ") == len(COMMANDS)
    for heavy in HEAVY:
        assert _loaded(modules, heavy) == [], heavy
