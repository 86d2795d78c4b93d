"""`asbhub alerts check`: what in the store needs a person, emailed to whom it concerns."""

from __future__ import annotations

import typer

from asbhub.cli import hub_context
from asbhub.errors import EnvironmentProblem

# The command imports the alert checks when it runs (they load the store), so that
# `asbhub alerts --help` stays quick.

app = typer.Typer(
    help="Alerts to partners' contacts and the hub's operators.", no_args_is_help=True
)


@app.command("check")
def command_check(
    ctx: typer.Context,
    hours: int = typer.Option(
        None,
        "--hours",
        min=1,
        help="Hours a delivered high-risk referral may wait uncollected in a partner's inbox "
        "(default $ASBHUB_ALERTS_COLLECT_HOURS, else 24).",
    ),
) -> None:
    """Find high-risk referrals not collected in time, disposal acks overdue and a failed
    ledger verification, and email each to the operators (ASBHUB_ALERTS_TO) and the partner's
    contact; exit 1 when any was found, 0 when all is well."""
    from asbhub.alerts.checks import check_thresholds
    from asbhub.alerts.mail import SendReport, describe, send_alerts
    from asbhub.runtime import Hub
    from asbhub.settings import options

    context = hub_context(ctx)
    opts = options()
    hub = Hub(settings=context.settings, actor="asbhub alerts")
    try:
        alerts = check_thresholds(hub, hours or opts.alerts_collect_hours)
        partners = hub.partners
    finally:
        hub.close()
    problem: EnvironmentProblem | None = None
    try:
        report = send_alerts(alerts, partners, opts)
    except EnvironmentProblem as exc:  # show what was found before saying it did not go
        report, problem = SendReport(not_sent=[str(exc)]), exc
    lines = [f"ALERT {alert.kind} {alert.text}" for alert in alerts] or ["no alerts"]
    context.emit(
        {"alerts": [a.model_dump(mode="json") for a in alerts], **report.model_dump(mode="json")},
        "\n".join([*lines, *describe(report)]),
    )
    if problem is not None:
        raise problem
    if alerts:
        raise typer.Exit(1)
