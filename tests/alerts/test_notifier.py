"""A hub DAG task that failed for good emails the partner's contact and the operators once,
naming DAG, task, run and the hub's own reason; the watcher and foreign messages stay out."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from airflow.sdk.exceptions import AirflowFailException

from asbhub.airflow import tasks
from asbhub.airflow.alerts import hub_alerts_dag
from asbhub.airflow.factory import partner_inbound_dag, partner_outbound_dag, police_ingest_dag
from asbhub.airflow.notifier import TaskFailed
from asbhub.airflow.retention import retention_disposal_dag
from asbhub.partners import load_partners
from tests.alerts.conftest import ACKER, CONTACT, OPERATORS, Mailbox, assert_no_personal_data
from tests.pipeline.partners_here import local_partner_config

NIGHT = date(2026, 11, 25)
RUN_ID = "scheduled__2026-11-25T02:00:00+00:00"
MISSING = "partner_basildon_council_not_configured"


@pytest.fixture
def broken_partner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """ACKER's transport names a connection nobody set, as tests/dags does; returns config."""
    local_partner_config(
        tmp_path / "config",
        tmp_path / "partners",
        monkeypatch,
        only={ACKER},
        transports={
            ACKER: {
                "type": "local",
                "connection_id": MISSING,
                "folders": {"inbox": "inbox", "outbox": "outbox", "processed": "processed"},
            }
        },
    )
    monkeypatch.setenv("ASBHUB_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ASBHUB_DATABASE_URL", f"sqlite:///{tmp_path / 'hub.sqlite3'}")
    return tmp_path / "config"


def failure_context(dag: Any, task_id: str, exc: BaseException) -> dict[str, Any]:
    """What Airflow's task runner hands an on_failure_callback after the last try."""
    ti = SimpleNamespace(dag_id=dag.dag_id, task_id=task_id, run_id=RUN_ID, try_number=3)
    return {"dag": dag, "ti": ti, "task_instance": ti, "run_id": RUN_ID, "exception": exc}


def notify(dag: Any, task_id: str, exc: BaseException) -> None:
    for callback in dag.get_task(task_id).on_failure_callback:
        callback(failure_context(dag, task_id, exc))


def test_a_delivery_that_failed_for_good_tells_the_partner_and_the_operators(
    broken_partner: Path, mailbox: Mailbox
) -> None:
    (partner,) = load_partners(broken_partner / "partners")
    dag = partner_outbound_dag(partner, broken_partner)
    with pytest.raises(AirflowFailException) as failed:
        tasks.deliver_partner_batches(ACKER, NIGHT, str(broken_partner), "airflow test")
    notify(dag, "deliver", failed.value)
    (mail,) = mailbox.received
    assert mail.rcpt_tos == [CONTACT[ACKER], OPERATORS]
    assert str(mail.message["Subject"]) == f"[ASB hub] task failed: {ACKER}"
    for named in (dag.dag_id, "task deliver", "after 3 tries", RUN_ID, MISSING):
        assert named in mail.text, named


def test_a_message_the_hub_did_not_write_is_named_by_its_type_only(
    broken_partner: Path, mailbox: Mailbox
) -> None:
    (partner,) = load_partners(broken_partner / "partners")
    dag = partner_inbound_dag(partner, broken_partner)
    incident = {"victim_name": "Deborah Fitzgerald", "narrative": "IP Deborah FITZGERALD"}
    notify(dag, "load", ValueError("cannot parse 'Deborah Fitzgerald' of 165 Harbour Street"))
    (mail,) = mailbox.received
    assert "ValueError (its message is left out" in mail.text
    assert "Harbour Street" not in mail.text
    assert_no_personal_data(mailbox.received, {**incident, "narrative": "x"})


def test_a_transport_still_failing_after_the_retries_is_a_failed_delivery(
    broken_partner: Path, mailbox: Mailbox
) -> None:
    (partner,) = load_partners(broken_partner / "partners")
    dag = partner_outbound_dag(partner, broken_partner)
    notify(dag, "deliver", tasks.DeliveryFailed(f"{ACKER}: night {NIGHT}: failed_transport: x"))
    (mail,) = mailbox.received
    assert str(mail.message["Subject"]) == f"[ASB hub] delivery failed: {ACKER}"


def test_the_watcher_sends_nothing_its_failed_step_has_told_already(
    broken_partner: Path, mailbox: Mailbox
) -> None:
    (partner,) = load_partners(broken_partner / "partners")
    dag = partner_outbound_dag(partner, broken_partner)
    notify(dag, "watcher", AirflowFailException("a step of this run failed"))
    assert mailbox.received == []


def test_without_a_partner_the_operators_alone_hear(broken_partner: Path, mailbox: Mailbox) -> None:
    dag = police_ingest_dag(broken_partner)
    notify(dag, "ingest_landing", AirflowFailException("ingest counts do not add up for: x.csv"))
    (mail,) = mailbox.received
    assert mail.rcpt_tos == [OPERATORS]
    assert "ingest counts do not add up" in mail.text


def test_every_task_of_every_hub_dag_has_the_notifier(broken_partner: Path) -> None:
    (partner,) = load_partners(broken_partner / "partners")
    dags = {
        ACKER: [partner_outbound_dag(partner, broken_partner)],
        None: [
            police_ingest_dag(broken_partner),
            retention_disposal_dag(),
            hub_alerts_dag(broken_partner),
        ],
    }
    dags[ACKER].append(partner_inbound_dag(partner, broken_partner))
    for partner_id, built in dags.items():
        for dag in built:
            for task in dag.tasks:
                callbacks = [c for c in task.on_failure_callback if isinstance(c, TaskFailed)]
                assert len(callbacks) == 1, (dag.dag_id, task.task_id)
                assert callbacks[0].partner_id == partner_id, (dag.dag_id, task.task_id)
