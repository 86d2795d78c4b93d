"""The sender: a plain relay when no connection is set, a login where the connection has one,
and the inbound run's alert lines as one message per file."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from asbhub.alerts.checks import inbound_alerts
from asbhub.alerts.mail import send_alerts
from asbhub.alerts.model import Alert, AlertKind
from asbhub.pipeline.inbound.run import InboundResult, PartnerInboundResult
from asbhub.pipeline.inbound.status import FileStatus, InboundFileResult
from asbhub.settings import options
from tests.alerts.conftest import OPERATORS, Mailbox, free_port

ALERT = Alert(kind=AlertKind.LEDGER_VERIFICATION_FAILED, references=("ledger-event-7",), text="x")


def test_without_a_connection_a_plain_relay_is_used(
    smtp_server: tuple[Controller, Mailbox], mailbox: Mailbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller, _ = smtp_server
    monkeypatch.delenv("AIRFLOW_CONN_SMTP_DEFAULT")
    monkeypatch.setenv("ASBHUB_ALERTS_SMTP_HOST", controller.hostname)
    monkeypatch.setenv("ASBHUB_ALERTS_SMTP_PORT", str(controller.port))
    monkeypatch.setenv("ASBHUB_ALERTS_FROM", "asb-hub-relay@hub.example.org")
    report = send_alerts([ALERT], [], options())
    assert [s.to for s in report.sent] == [[OPERATORS]]
    (mail,) = mailbox.received
    assert mail.mail_from == "asb-hub-relay@hub.example.org"


def test_the_connection_s_login_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    logins: list[tuple[bytes, bytes]] = []

    def authenticate(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> Any:
        logins.append((data.login, data.password))
        return AuthResult(success=data.password == b"synthetic-password")

    box = Mailbox()
    controller = Controller(
        box,
        hostname="127.0.0.1",
        port=free_port(),
        authenticator=authenticate,
        auth_require_tls=False,
    )
    controller.start()
    try:
        connection = {
            "conn_type": "smtp",
            "host": "127.0.0.1",
            "port": controller.port,
            "login": "asbhub",
            "password": "synthetic-password",
            "extra": {"disable_ssl": True, "disable_tls": True, "from_email": "a@hub.example.org"},
        }
        monkeypatch.setenv("AIRFLOW_CONN_HUB_MAIL", json.dumps(connection))
        monkeypatch.setenv("ASBHUB_ALERTS_SMTP_CONNECTION", "hub_mail")
        monkeypatch.setenv("ASBHUB_ALERTS_TO", OPERATORS)
        send_alerts([ALERT], [], options())
    finally:
        controller.stop()
    assert logins == [(b"asbhub", b"synthetic-password")]
    assert len(box.received) == 1


def test_each_inbound_alert_line_is_one_alert_for_its_partner() -> None:
    def received(name: str, alert: str | None) -> InboundFileResult:
        return InboundFileResult(
            partner_id="maldon_council",
            name=name,
            sha256="ab" * 32,
            contract="outcome/1.0",
            status=FileStatus.PARTIALLY_LOADED,
            rows_in=10,
            rows_loaded=5,
            rows_quarantined=5,
            alert=alert,
            received_at=datetime.now(UTC),
        )

    line = (
        "maldon_council: outcomes-1.csv: 5 of 10 rows quarantined (50%), over the ISA alert rate "
        "of 20%"
    )
    result = InboundResult(
        partners=[
            PartnerInboundResult(
                partner_id="maldon_council",
                files=[received("outcomes-1.csv", line), received("outcomes-2.csv", None)],
            )
        ]
    )
    (alert,) = inbound_alerts(result)
    assert (alert.kind, alert.partner_id, alert.references) == (
        AlertKind.INBOUND_FILE,
        "maldon_council",
        ("outcomes-1.csv",),
    )
    assert alert.text == line


def test_a_reference_must_be_an_identifier_not_prose() -> None:
    with pytest.raises(ValueError, match="not identifiers"):
        Alert(kind=AlertKind.TASK_FAILED, references=("Deborah Fitzgerald",), text="x")
