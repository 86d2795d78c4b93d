"""Alerts by email: one message per alert to its recipients, through the Airflow SMTP connection
ASBHUB_ALERTS_SMTP_CONNECTION names (`smtp_default` unless set), else a plain SMTP host and port
(ASBHUB_ALERTS_SMTP_HOST, ASBHUB_ALERTS_SMTP_PORT).

The provider's SmtpHook does the SMTP work, so a connection means here what it means to Airflow:
SSL unless its extra says `disable_ssl`, STARTTLS unless `disable_tls`, a login when it has one,
`from_email` as the sender. The connection is found the hub's one way (asbhub's connectors:
Airflow's own lookup inside a task, `AIRFLOW_CONN_<ID>` outside), so the CLI and a DAG task
reach the same server.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from asbhub.alerts.model import MAX_REFERENCES, Alert, AlertKind, recipients
from asbhub.errors import ConfigError, EnvironmentProblem
from asbhub.options import Options
from asbhub.partners import PartnerConfig

if TYPE_CHECKING:
    from airflow.sdk import Connection

log = logging.getLogger(__name__)
DEFAULT_FROM = "asbhub-alerts@localhost"
BODY = """<p>{{ alert.text }}</p>
{% if shown %}<p>References ({{ alert.references | length }}):</p>
<ul>{% for ref in shown %}<li>{{ ref }}</li>{% endfor %}</ul>
{% if more %}<p>… and {{ more }} more.</p>{% endif %}{% endif %}
<p>{{ alert.action }}</p>
<p>Sent by the ASB partner data hub. This message names references only; look them up in the
hub (the audit view, or the asbhub commands) with your own access.</p>
"""


class SentAlert(BaseModel):
    kind: AlertKind
    partner_id: str | None
    to: list[str]


class SendReport(BaseModel):
    """What went out; `not_sent` says why alerts were kept back (no server, no recipient)."""

    sent: list[SentAlert] = []
    not_sent: list[str] = []


def mail_connection(opts: Options) -> Connection | None:
    """The SMTP server as an Airflow connection, or None when none is configured (and then
    Airflow is not even imported: importing it configures the process's logging)."""
    from connectors.connection import lookup_connection

    try:
        found = lookup_connection(opts.alerts_smtp_connection)
    except ConfigError:
        found = None
    except Exception as exc:  # Airflow's own lookup in a task: not defined there
        if type(exc).__name__ != "AirflowNotFoundException":
            raise
        found = None
    if found is None and not opts.alerts_smtp_host:
        return None
    from airflow.sdk import Connection

    if found is not None:
        return Connection(
            conn_id=found.conn_id,
            conn_type=found.conn_type,
            host=found.host,
            port=found.port,
            login=found.login,
            password=found.password.get_secret_value() if found.password else None,
            extra=json.dumps(found.extra),
        )
    if opts.alerts_smtp_host:
        # A relay on the hub's own network: no SSL, no STARTTLS, no login.
        return Connection(
            conn_id="asbhub_alerts_plain",
            conn_type="smtp",
            host=opts.alerts_smtp_host,
            port=opts.alerts_smtp_port,
            extra=json.dumps({"disable_ssl": True, "disable_tls": True, "retry_limit": 1}),
        )
    return None


def render(alert: Alert) -> str:
    """The message body (HTML, every value escaped)."""
    from jinja2 import Environment

    shown = alert.references[:MAX_REFERENCES]
    template = Environment(autoescape=True).from_string(BODY)
    return template.render(alert=alert, shown=shown, more=len(alert.references) - len(shown))


def send_alerts(
    alerts: Sequence[Alert], partners: Sequence[PartnerConfig], opts: Options
) -> SendReport:
    """Send each alert to its recipients over one SMTP session. Raises EnvironmentProblem when
    the server refuses or cannot be reached; returns what was kept back, and why, when no
    server or no recipient is configured."""
    report = SendReport()
    addressed = [(alert, recipients(alert, partners, opts.alerts_to)) for alert in alerts]
    for alert, to in addressed:
        if not to:
            report.not_sent.append(
                f"{alert.subject}: no recipient (set ASBHUB_ALERTS_TO, or the partner's "
                "contacts.alerts)"
            )
    addressed = [(alert, to) for alert, to in addressed if to]
    if not addressed:
        return report
    connection = mail_connection(opts)
    if connection is None:
        report.not_sent.extend(
            f"{alert.subject}: no mail server (add the Airflow connection "
            f"{opts.alerts_smtp_connection!r}, or set ASBHUB_ALERTS_SMTP_HOST)"
            for alert, _ in addressed
        )
        return report
    try:
        with _hook(connection) as hook:
            sender = hook.from_email or opts.alerts_from or DEFAULT_FROM
            for alert, to in addressed:
                hook.send_email_smtp(
                    to=to,
                    from_email=sender,
                    subject=alert.subject,
                    html_content=render(alert),
                    custom_headers={"X-ASB-Hub-Alert": str(alert.kind)},
                )
                report.sent.append(SentAlert(kind=alert.kind, partner_id=alert.partner_id, to=to))
    except Exception as exc:  # smtplib, ssl, socket and the provider's own AirflowException
        raise EnvironmentProblem(
            f"alerts could not be sent through {connection.conn_id!r} "
            f"({connection.host}:{connection.port}): {type(exc).__name__}: {exc}; "
            f"{len(report.sent)} of {len(addressed)} went"
        ) from exc
    return report


def _hook(connection: Connection) -> Any:
    """The provider's SMTP hook over a connection already found (imported when first sending)."""
    from airflow.providers.smtp.hooks.smtp import SmtpHook

    class ResolvedSmtpHook(SmtpHook):
        @classmethod
        def get_connection(cls, conn_id: str) -> Connection:  # the one found, not a lookup
            return connection

    return ResolvedSmtpHook(smtp_conn_id=connection.conn_id)


def describe(report: SendReport) -> list[str]:
    """One line per alert sent or kept back, for the CLI."""
    return [
        f"sent {s.kind} ({s.partner_id or 'hub'}) to {', '.join(s.to)}" for s in report.sent
    ] + [f"NOT SENT {reason}" for reason in report.not_sent]


def send_and_say(alerts: Sequence[Alert], partners: Sequence[PartnerConfig]) -> None:
    """For a command: send the alerts and say on stderr what went (stdout may be its JSON). A
    mail server that fails is said too, and is not the command's failure: what it did stands."""
    from rich.console import Console

    from asbhub.settings import options

    try:
        lines = describe(send_alerts(alerts, partners, options()))
    except EnvironmentProblem as exc:
        lines = [f"error: {exc}"]
    console = Console(stderr=True)
    for line in lines:
        console.print(line, markup=False, highlight=False, soft_wrap=True)
