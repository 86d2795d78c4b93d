"""The asbhub command line: global options, output and exit codes over thin command modules."""

from __future__ import annotations

import importlib
import json
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import typer
from pydantic import BaseModel
from rich.console import Console
from typer.core import TyperGroup

from asbhub import settings as settings_mod
from asbhub.errors import HubError

if TYPE_CHECKING:
    # The Context class of the click that typer vendors; TyperGroup.invoke receives one.
    from typer._click import Context as ClickContext

# Each module exports `app` (a Typer group named after the module) or `register(root)`.
COMMAND_MODULES = [
    "asbhub.commands.demo",
    "asbhub.commands.db",
    "asbhub.commands.contracts",
    "asbhub.commands.validate",
    "asbhub.commands.partners",
    "asbhub.commands.remote",
    "asbhub.commands.seed",
    "asbhub.commands.ingest",
    "asbhub.commands.outbound",
    "asbhub.commands.inbound",
    "asbhub.commands.pii",
    "asbhub.commands.retention",
    "asbhub.commands.disposal",
    "asbhub.commands.hold",
    "asbhub.commands.ledger",
    "asbhub.commands.serve",
]

err_console = Console(stderr=True)


class HubGroup(TyperGroup):
    """Root group that turns hub errors into a one-line message and the right exit code."""

    def invoke(self, ctx: ClickContext) -> Any:
        try:
            return super().invoke(ctx)
        except HubError as exc:
            err_console.print(f"error: {exc}", markup=False, highlight=False, soft_wrap=True)
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
            data = result.model_dump(mode="json") if isinstance(result, BaseModel) else result
            sys.stdout.write(json.dumps(data, indent=2, default=str) + "\n")
        elif human is not None:
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


def _register_commands() -> None:
    for module_name in COMMAND_MODULES:
        module = importlib.import_module(module_name)
        if hasattr(module, "register"):
            module.register(app)
        else:
            app.add_typer(module.app, name=module_name.rsplit(".", 1)[1])


_register_commands()


def main() -> None:
    """Console-script entry point."""
    app()
