"""`asbhub inbound run|status`: collect partners' outcomes and acks; show each file's account."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from asbhub.cli import hub_context
from asbhub.errors import HubError

if TYPE_CHECKING:
    from asbhub.partners import PartnerConfig
    from asbhub.pipeline.inbound.run import InboundResult
    from asbhub.pipeline.inbound.status import InboundFileResult

# Each command imports the pipeline modules it uses (they load the store and the transports),
# so that `asbhub inbound --help` stays quick.

app = typer.Typer(help="Outcomes and disposal acks from partners.", no_args_is_help=True)


@app.command("run")
def command_run(
    ctx: typer.Context,
    partner: list[str] = typer.Option(None, "--partner", help="Partner id (repeatable)."),
    all_partners: bool = typer.Option(False, "--all", help="Every configured partner."),
    max_bytes: int = typer.Option(
        None,
        "--max-bytes",
        min=1,
        help="Size limit per file (default $ASBHUB_INBOUND_MAX_BYTES or 100 MB).",
    ),
    settle_seconds: float = typer.Option(
        None,
        "--settle-seconds",
        min=0,
        help="Wait between the two listings that show a file is complete (default: each "
        "partner's transport.settle_seconds).",
    ),
) -> None:
    """Fetch new files from partners' outboxes, load what is valid, quarantine and report the
    rest; exit 1 when a partner could not be reached or a file could not be fetched or
    processed (each is named), or when the run raised an alert (a quarantine rate over the
    ISA's limit): each needs a person. Each ALERT line is also emailed to the partner's alerts
    contact and the operators (ASBHUB_ALERTS_TO)."""
    if bool(partner) == all_partners:
        raise HubError("give --partner ID (one or more) or --all")
    from asbhub.pipeline.inbound.run import run_inbound
    from asbhub.runtime import Hub

    context = hub_context(ctx)
    hub = Hub(settings=context.settings, actor="asbhub inbound")
    try:
        result = run_inbound(
            hub,
            None if all_partners else partner,
            max_bytes=max_bytes,
            settle_seconds=settle_seconds,
        )
    finally:
        hub.close()
    lines = []
    for p in result.partners:
        lines.append(f"{p.partner_id}: {p.status}" + (f" ({p.reason})" if p.reason else ""))
        lines.extend(f"    {_line(f)}" for f in p.files)
        lines.extend(
            f"    {name}: still being written, left for the next run" for name in p.still_writing
        )
        if not p.files and not p.still_writing and p.status == "ok":
            lines.append("    nothing new")
    lines.extend(f"ALERT {alert}" for alert in result.alerts)
    context.emit(result, "\n".join(lines))
    _send_alerts(result, hub.partners if result.alerts else [])
    if not result.ok or result.alerts:
        raise typer.Exit(1)


@app.command("status")
def command_status(
    ctx: typer.Context,
    partner: str = typer.Option(None, "--partner", help="Only this partner's files."),
    limit: int = typer.Option(200, "--limit", min=1, help="How many files, newest first."),
) -> None:
    """Each file received: rows in = rows loaded + rows quarantined, its status and report."""
    from asbhub.pipeline.inbound.status import inbound_status
    from asbhub.runtime import Hub

    context = hub_context(ctx)
    hub = Hub(settings=context.settings, actor="asbhub inbound")
    try:
        if partner:
            hub.partner(partner)  # an unknown id is a usage error, not an empty list
        status = inbound_status(hub, partner, limit)
    finally:
        hub.close()
    lines = [f"{f.partner_id:<24} {_line(f)}" for f in status.files] or ["no files received"]
    context.emit(status, "\n".join(lines))


def _send_alerts(result: InboundResult, partners: list[PartnerConfig]) -> None:
    """Email the run's alert lines to the partners' contacts and the operators; the run's own
    exit code stands whatever the mail server does: the files are loaded and reported."""
    from asbhub.alerts.checks import inbound_alerts

    alerts = inbound_alerts(result)
    if alerts:
        from asbhub.alerts.mail import send_and_say

        send_and_say(alerts, partners)


def _line(f: InboundFileResult) -> str:
    counts = f"{f.rows_in} in = {f.rows_loaded} loaded + {f.rows_quarantined} quarantined"
    extra = [
        x
        for x in (
            f.reason,
            f"failure: {f.failure}" if f.failure else None,
            "changed under an old name" if f.changed_under_old_name else None,
            f.rejection_report,
        )
        if x
    ]
    return f"{f.name}: {f.status}, {counts}" + (f" ({'; '.join(extra)})" if extra else "")
