"""`asbhub feedback run`: the night's outcome summary back to the force."""

from __future__ import annotations

from datetime import UTC, date, datetime

import typer

from asbhub.cli import hub_context
from asbhub.errors import HubError

app = typer.Typer(help="Outcome summaries back to the force.", no_args_is_help=True)


@app.command("run")
def command_run(
    ctx: typer.Context,
    night: str = typer.Option(None, "--night", help="The night, YYYY-MM-DD (default: today)."),
    fmt: str = typer.Option("csv", "--format", help="csv or jsonl."),
) -> None:
    """Write the night's outcome-summary/1.1 file and manifest under staging/force/, and log
    its rows as disclosures to the force. Re-running a night writes nothing new. Conflicts
    between partners are flagged in the file for the force: they do not fail the run."""
    if fmt not in ("csv", "jsonl"):
        raise HubError(f"--format {fmt!r}: give csv or jsonl")
    try:
        the_night = date.fromisoformat(night) if night else None
    except ValueError:
        raise HubError(f"--night {night!r} is not a date (YYYY-MM-DD)") from None
    from asbhub.pipeline.feedback import LONDON, run_feedback
    from asbhub.runtime import Hub

    context = hub_context(ctx)
    hub = Hub(settings=context.settings, actor="asbhub feedback")
    try:
        result = run_feedback(
            hub,
            the_night or datetime.now(UTC).astimezone(LONDON).date(),
            fmt,  # type: ignore[arg-type]
        )
    finally:
        hub.close()
    context.emit(
        result,
        f"{result.batch_id} {result.status}: {result.rows} row(s) "
        f"({result.updated_referrals} updated, {result.conflicts} flagged as conflicts), "
        f"{result.disclosed} disclosure(s) logged\n"
        + "\n".join(f"  {key}" for key in result.files),
    )
