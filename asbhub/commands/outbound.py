"""`asbhub outbound run`: tonight's minimised feeds to one partner or all of them."""

from __future__ import annotations

from datetime import date

import typer

from asbhub.cli import hub_context
from asbhub.errors import HubError
from asbhub.pipeline.outbound import run_outbound
from asbhub.runtime import Hub

app = typer.Typer(help="Nightly feeds to partners.", no_args_is_help=True)


@app.command("run")
def command_run(
    ctx: typer.Context,
    partner: list[str] = typer.Option(None, "--partner", help="Partner id (repeatable)."),
    all_partners: bool = typer.Option(False, "--all", help="Every configured partner."),
    night: str = typer.Option(None, "--night", help="The night, YYYY-MM-DD (default: today)."),
) -> None:
    """Stage, check and deliver the night's batch; re-running a night sends nothing twice."""
    if bool(partner) == all_partners:
        raise HubError("give --partner ID (one or more) or --all")
    try:
        the_night = date.fromisoformat(night) if night else None
    except ValueError:
        raise HubError(f"--night {night!r} is not a date (YYYY-MM-DD)") from None
    context = hub_context(ctx)
    hub = Hub(settings=context.settings, actor="asbhub outbound")
    try:
        result = run_outbound(hub, None if all_partners else partner, the_night)
    finally:
        hub.close()
    lines = []
    for p in result.partners:
        sent = ", ".join(f"{b.batch_id} ({b.referrals} referrals)" for b in p.batches) or "nothing"
        lines.append(f"{p.partner_id:<28} {p.status:<20} {sent}")
        if p.reason:
            lines.append(f"    {p.reason}")
    context.emit(result, "\n".join(lines))
    if not result.ok:
        raise typer.Exit(1)
