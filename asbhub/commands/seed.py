"""`asbhub seed`: write a synthetic incident/1.0 extract into the landing folder."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path

import typer

from asbhub.errors import EnvironmentProblem
from asbhub.seed import MAX_INCIDENTS, write_extract


class ExtractFormatChoice(StrEnum):
    CSV = "csv"
    JSONL = "jsonl"


def register(root: typer.Typer) -> None:
    """Add `seed` to the root app as a plain command (it has no sub-commands)."""
    root.command("seed")(seed)


def seed(
    ctx: typer.Context,
    incidents: int = typer.Option(
        ..., "--incidents", "-n", min=0, max=MAX_INCIDENTS, help="How many incidents to write."
    ),
    seed_value: int = typer.Option(
        0, "--seed", help="Same seed and count, same file, byte for byte."
    ),
    out: Path | None = typer.Option(
        None, "--out", help="Folder (or file) to write; default: the landing folder under --home."
    ),
    night: str | None = typer.Option(
        None,
        "--night",
        metavar="YYYY-MM-DD",
        help="The night the extract is for; incidents fall in the 30 days before. Default: today.",
    ),
    fmt: ExtractFormatChoice = typer.Option(
        ExtractFormatChoice.CSV, "--format", help="csv (RFC 4180) or jsonl."
    ),
) -> None:
    """Write a synthetic incident/1.0 extract (invented people, drama-range phone numbers)."""
    from asbhub.cli import hub_context  # the cli module imports this one: import late
    from asbhub.runtime import Hub

    hub = hub_context(ctx)
    night_date = _parse_night(night)
    # Into the landing area, wherever the hub's areas are (a bucket: written, then saved there).
    seeding = Hub(settings=hub.settings, actor="asbhub seed") if out is None else None
    target = seeding.areas.home / "landing" if seeding is not None else out
    assert target is not None
    try:
        result = write_extract(target, incidents, seed_value, night_date, fmt.value)
        if seeding is not None and seeding.areas.remote:
            seeding.areas.save(Path(result.path))
    except OSError as exc:
        reason = exc.strerror or exc
        raise EnvironmentProblem(f"cannot write the extract to {target}: {reason}") from exc
    finally:
        if seeding is not None:
            seeding.close()
    hub.emit(result, f"wrote {result.rows:,} incidents ({result.contract}) to {result.path}")


def _parse_night(night: str | None) -> date:
    if night is None:
        return date.today()
    try:
        return date.fromisoformat(night)
    except ValueError:
        raise typer.BadParameter(
            f"{night!r} is not a date: give it as YYYY-MM-DD", param_hint="--night"
        ) from None
