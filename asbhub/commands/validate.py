"""`asbhub validate`: check a CSV or JSON Lines file against a rows contract."""

from __future__ import annotations

from pathlib import Path

import typer

from asbhub.cli import hub_context
from asbhub.errors import HubError
from asbhub.records import DEFAULT_MAX_BYTES
from asbhub.validation import describe, validate_file
from contracts.registry import CONTRACTS, UnknownContract


def register(root: typer.Typer) -> None:
    root.command("validate")(command_validate)


def command_validate(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="CSV or JSON Lines file."),
    contract: str = typer.Option(..., "--contract", help="e.g. outcome/1.0"),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="Refuse larger files."),
) -> None:
    """Validate every record; exit 0 valid, 1 invalid records, 2 unreadable file."""
    try:
        model = CONTRACTS[contract]
    except KeyError:
        raise HubError(str(UnknownContract(contract))) from None
    if model.kind != "rows":
        raise HubError(f"{contract} is a JSON document format; validate takes a rows contract")
    result = validate_file(file, contract, max_bytes)
    hub_context(ctx).emit(result, describe(result))
    if result.exit_code:
        raise typer.Exit(result.exit_code)
