"""`asbhub outbound run | urgent | held | release`: tonight's minimised feeds to one partner or
all of them, the urgent referrals between nights, and the referrals set aside from a batch."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import typer

from asbhub.cli import hub_context
from asbhub.errors import HubError

if TYPE_CHECKING:
    from asbhub.pipeline.outbound import OutboundResult

# Each command imports the pipeline modules it uses (they load the store and the transports),
# so that `asbhub outbound --help` stays quick.

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
    from asbhub.pipeline.outbound import run_outbound
    from asbhub.runtime import Hub

    context = hub_context(ctx)
    hub = Hub(settings=context.settings, actor="asbhub outbound")
    try:
        result = run_outbound(hub, None if all_partners else partner, the_night)
    finally:
        hub.close()
    report(context, result)


@app.command("urgent")
def command_urgent(
    ctx: typer.Context,
    partner: list[str] = typer.Option(
        None, "--partner", help="Partner id (repeatable; default: every partner)."
    ),
) -> None:
    """Send now what cannot wait for the night: referrals with a high THRIVE risk or a
    vulnerable victim, and escalations, each partner's in an urgent batch of its own."""
    from asbhub.pipeline.outbound import run_urgent
    from asbhub.runtime import Hub

    context = hub_context(ctx)
    hub = Hub(settings=context.settings, actor="asbhub outbound urgent")
    try:
        result = run_urgent(hub, partner or None)
    finally:
        hub.close()
    report(context, result)


def _batch_line(batch: Any) -> str:
    """A batch and what it carried: referrals, and changes, notices and flags when any."""
    parts = [f"{batch.referrals} referrals"]
    parts += [
        f"{count} {label}"
        for count, label in (
            (batch.changes, "changes"),
            (batch.notices, "disposal notices"),
            (batch.flags, "Community Trigger flags"),
        )
        if count
    ]
    return f"{batch.batch_id} ({', '.join(parts)})"


def report(context: Any, result: OutboundResult) -> None:
    """Each partner's line, what was set aside, and exit 1 when a person is needed."""
    lines = []
    for p in result.partners:
        sent = ", ".join(_batch_line(b) for b in p.batches) or "nothing"
        lines.append(f"{p.partner_id:<28} {p.status:<20} {sent}")
        if p.reason:
            lines.append(f"    {p.reason}")
        for item in p.set_aside:
            lines.append(f"    SET ASIDE {item.referral_id} ({item.check}): {item.reason}")
    if result.set_aside:
        lines.append(
            f"{result.set_aside} referral(s) set aside: see `asbhub outbound held`; release "
            "each after a fix with `asbhub outbound release REF --by NAME --reason TEXT`"
        )
    context.emit(result, "\n".join(lines))
    if not result.ok or result.set_aside:
        raise typer.Exit(1)


@app.command("held")
def command_held(
    ctx: typer.Context,
    partner: str = typer.Option(None, "--partner", help="Only this partner's."),
) -> None:
    """List the referrals set aside from a batch and not yet released, with the reason."""
    from asbhub.pipeline.set_aside import list_held
    from asbhub.runtime import Hub

    context = hub_context(ctx)
    hub = Hub(settings=context.settings, actor="asbhub outbound")
    try:
        if partner is not None:
            hub.partner(partner)  # an unknown id is a clear error, not an empty list
        held = list_held(hub, partner)
    finally:
        hub.close()
    lines = [
        f"{h.referral_id}  {h.partner_id:<24} {h.incident_ref}  set aside from {h.batch_id} "
        f"at {h.set_aside_at:%Y-%m-%d %H:%M}Z"
        + ("  HIGH RISK" if h.high_risk else "")
        + f"\n    {h.check}: {h.reason}"
        for h in held
    ] or ["no referrals set aside"]
    context.emit({"held": [h.model_dump(mode="json") for h in held]}, "\n".join(lines))


@app.command("release")
def command_release(
    ctx: typer.Context,
    referral_id: str = typer.Argument(..., metavar="REF", help="The referral id (R-...)."),
    by: str = typer.Option(..., "--by", help="Who releases it."),
    reason: str = typer.Option(..., "--reason", help="What was fixed."),
) -> None:
    """Release a set-aside referral after a fix: it goes in the partner's next batch, where it
    is checked again."""
    from asbhub.pipeline.set_aside import release
    from asbhub.runtime import Hub

    context = hub_context(ctx)
    hub = Hub(settings=context.settings, actor=f"asbhub outbound release ({by})")
    try:
        done = release(hub, referral_id, by, reason)
    finally:
        hub.close()
    context.emit(
        done,
        f"{done.referral_id} released by {done.released_by} for {done.partner_id}: it goes in "
        "the partner's next batch, checked again",
    )
