"""The inbound DAG's fetch and load tasks email the alerts their files raised (a quarantine
rate over the ISA's, a file refused), as `asbhub inbound run` does: to the partner's contact and
the operators, file names and counts only."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from asbhub.airflow import tasks
from asbhub.pipeline.inbound.status import InboundFileResult
from tests.alerts.conftest import COLLECTOR, CONTACT, OPERATORS, AlertWorld, Mailbox


def a_file(name: str, alert: str | None) -> InboundFileResult:
    return InboundFileResult(
        partner_id=COLLECTOR,
        name=name,
        sha256="0" * 64,
        contract="outcome/1.0",
        status="partially_loaded",
        rows_in=10,
        rows_loaded=6,
        rows_quarantined=4,
        alert=alert,
        received_at=datetime.now(UTC),
    )


def test_a_file_over_its_quarantine_rate_is_emailed_from_the_task(
    world: AlertWorld, mailbox: Mailbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASBHUB_HOME", str(world.home))
    alert = f"{COLLECTOR}: outcomes-1.csv: 4 of 10 rows quarantined (40%), over the ISA's 10%"
    files = [a_file("outcomes-1.csv", alert), a_file("outcomes-2.csv", None)]
    with tasks.hub_for(str(world.config_dir), "test") as hub:
        tasks.tell(hub, COLLECTOR, files)
    [sent] = mailbox.received
    assert sorted(sent.rcpt_tos) == sorted([CONTACT[COLLECTOR], OPERATORS])
    assert "outcomes-1.csv" in sent.text and "40%" in sent.text
    assert "outcomes-2.csv" not in sent.text


def test_no_alert_no_mail_and_no_server_is_not_the_tasks_failure(
    world: AlertWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASBHUB_HOME", str(world.home))
    monkeypatch.setenv("ASBHUB_ALERTS_TO", OPERATORS)
    monkeypatch.setenv("ASBHUB_ALERTS_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("ASBHUB_ALERTS_SMTP_PORT", "9")  # nothing listens: the mail cannot go
    with tasks.hub_for(str(world.config_dir), "test") as hub:
        tasks.tell(hub, COLLECTOR, [a_file("outcomes-2.csv", None)])
        tasks.tell(hub, COLLECTOR, [a_file("outcomes-1.csv", f"{COLLECTOR}: over the rate")])
