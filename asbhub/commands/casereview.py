"""`asbhub casereview evaluate|list|close`: ASB Case Review (Community Trigger) flags."""

from __future__ import annotations

from datetime import date

import typer

from asbhub.cli import hub_context
from asbhub.errors import HubError

# Each command imports the Case Review modules it uses (they load the store's models), so that
# `asbhub casereview --help` stays quick.

app = typer.Typer(
    help="Community Trigger flags.\n\nASB Case Review: repeated complaints by one victim, or "
    "about one place, within the window config/casereview.yaml sets.",
    no_args_is_help=True,
)


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise HubError(f"--as-of {value!r} is not a date (YYYY-MM-DD)") from None


@app.command("evaluate")
def command_evaluate(
    ctx: typer.Context,
    as_of: str = typer.Option(None, "--as-of", help="The last day of the window (default today)."),
) -> None:
    """Count qualifying complaints in the window (config/casereview.yaml) and raise or extend
    triggers; re-running changes nothing. The police_ingest DAG runs this after every ingest.
    A trigger opened is emailed to the operators and the partners concerned (asbhub.alerts),
    and the command exits 1: a case review needs a person."""
    from asbhub.alerts.checks import community_trigger_alerts
    from asbhub.casereview.evaluate import evaluate
    from asbhub.runtime import Hub

    context = hub_context(ctx)
    hub = Hub(settings=context.settings, actor="asbhub casereview")
    try:
        result = evaluate(hub, _day(as_of))
        alerts = community_trigger_alerts(hub, result)
        partners = hub.partners if alerts else []
    finally:
        hub.close()
    lines = [
        f"as of {result.as_of} (window {result.window}, from {result.window_start}): "
        f"{result.qualifying} qualifying complaint(s), {len(result.opened)} trigger(s) opened, "
        f"{len(result.extended)} extended, {result.open_triggers} open",
        *(
            f"  {c.trigger_id} {c.kind} {c.change}: {c.complaints} counted, "
            f"added {', '.join(c.added)}"
            for c in result.changes
        ),
    ]
    if result.without_victim_key:
        lines.append(
            f"  {result.without_victim_key} complaint(s) without a victim identity "
            "(no name, or neither date of birth nor postcode): counted by location only"
        )
    context.emit(result, "\n".join(lines))
    if alerts:
        from asbhub.alerts.mail import send_and_say

        send_and_say(alerts, partners)
        raise typer.Exit(1)


@app.command("list")
def command_list(
    ctx: typer.Context,
    json_output: bool = typer.Option(False, "--json", help="Print machine-readable results."),
) -> None:
    """List the open triggers: kind, opened, complaints, window, the incidents' references and
    the partners holding a related referral. References only, never names."""
    from asbhub.casereview.triggers import open_triggers
    from asbhub.runtime import Hub

    context = hub_context(ctx)
    context.json_output = context.json_output or json_output
    hub = Hub(settings=context.settings, actor="asbhub casereview")
    try:
        with hub.store.session() as session:
            listed = open_triggers(session)
    finally:
        hub.close()
    lines = [
        f"{t.trigger_id} {t.kind:<8} opened {t.opened_as_of} ({t.complaints} complaint(s) in "
        f"{t.window}, threshold {t.threshold}): {', '.join(t.incidents)}; partners: "
        f"{', '.join(t.partners) or 'none'}"
        for t in listed.triggers
    ]
    context.emit(listed, "\n".join(lines) or "no open Community Triggers")


@app.command("close")
def command_close(
    ctx: typer.Context,
    trigger_id: str = typer.Argument(..., help="The trigger, e.g. CT-0123456789AB."),
    by: str = typer.Option(..., "--by", help="Who closes it."),
    reason: str = typer.Option(..., "--reason", help="The case review's outcome, in brief."),
) -> None:
    """Close a trigger once its case review is done; its complaints do not count again."""
    from asbhub.casereview.triggers import close_trigger
    from asbhub.runtime import Hub

    context = hub_context(ctx)
    hub = Hub(settings=context.settings, actor="asbhub casereview")
    try:
        with hub.store.session() as session:
            closed = close_trigger(session, trigger_id, by, reason)
    finally:
        hub.close()
    context.emit(closed, f"{closed.trigger_id} closed by {by}")
