"""`asbhub ingest run`: load the force's extracts from the landing area."""

from __future__ import annotations

from pathlib import Path

import typer

from asbhub.cli import hub_context
from asbhub.pipeline.ingest import ingest_folder, ingest_prefix
from asbhub.runtime import Hub

app = typer.Typer(help="The force's incident extracts.", no_args_is_help=True)


@app.command("run")
def command_run(
    ctx: typer.Context,
    source: Path = typer.Option(None, "--from", help="Landing folder (default: HOME/landing)."),
    connection: str = typer.Option(
        None, "--from-connection", help="Read the landing area from this connection's store."
    ),
    prefix: str = typer.Option("landing", "--prefix", help="With --from-connection: the prefix."),
) -> None:
    """Validate and load every extract in the landing area; quarantine what is wrong."""
    context = hub_context(ctx)
    hub = Hub(settings=context.settings, actor="asbhub ingest")
    try:
        if connection:
            result = ingest_prefix(hub, connection, prefix)
        else:
            result = ingest_folder(hub, source or context.settings.home / "landing")
    finally:
        hub.close()
    lines = [
        f"{f.name}: {f.status}, {f.rows_in} rows = {f.loaded} loaded + {f.already_known} known "
        f"+ {f.quarantined} quarantined; {f.referrals} referrals, {f.not_asb} not ASB"
        + (f" ({f.reason})" if f.reason else "")
        for f in result.files
    ] or ["no extracts in the landing folder"]
    context.emit(result, "\n".join(lines))
    if any(f.status == "quarantined" or f.quarantined for f in result.files):
        raise typer.Exit(1)
