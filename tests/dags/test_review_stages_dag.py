"""The retention DAG's review stages answered as people answer them: `airflow dags test` runs the
real DAG (its human-in-the-loop steps parked, waiting for input), and each answer is recorded as
Airflow's own response endpoint records it (the task's human-in-the-loop row: chosen option, the
reason box, who answered, when; then the parked task resumed). Two stages approved by two
people: the run executes and the certificate lists both. A rejection at the second stage, or
one person answering both: the run fails where someone sees it, the disposal run is cancelled
or waits, and nothing is disposed of."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import select

from asbhub.store.engine import Store
from asbhub.store.models import DisposalApproval, DisposalRun
from tests.dags.conftest import AIRFLOW, GOOD, NIGHT, NightHome, build_home

CONFIG = Path(__file__).resolve().parents[2] / "config"
DAG_ID = "retention_disposal"
IM, DPO = "Ann Information-Manager", "Dev Protection-Officer"
STAGES = [
    {"id": "information_manager", "title": "Information manager"},
    {"id": "data_protection_officer", "title": "Data protection officer"},
]


@pytest.fixture(scope="module")
def review_home(tmp_path_factory: pytest.TempPathFactory) -> NightHome:
    home = build_home(tmp_path_factory.mktemp("review"), {GOOD})
    schedule = yaml.safe_load((CONFIG / "retention.yaml").read_text(encoding="utf-8"))
    schedule["review_stages"] = STAGES
    config = Path(home.env["ASBHUB_CONFIG_DIR"])
    (config / "retention.yaml").write_text(yaml.safe_dump(schedule), encoding="utf-8")
    return home


def run_answering(
    home: NightHome, answers: dict[str, tuple[str, str, str]], as_of: str, day: date
) -> tuple[subprocess.CompletedProcess[str], str]:
    """`airflow dags test` with conf as_of; each stage's step, once it waits, gets the answer
    (option, reason, who) for its task id. Returns the finished process and its run id."""
    process = subprocess.Popen(
        [AIRFLOW, "dags", "test", DAG_ID, day.isoformat(), "--conf", json.dumps({"as_of": as_of})],
        env=home.env,
        cwd=home.env["AIRFLOW_HOME"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    answered: set[tuple[str, str]] = set()
    deadline = time.monotonic() + 420
    try:
        while process.poll() is None and time.monotonic() < deadline:
            for ti_id, task_id, run_id in waiting(home):
                if task_id in answers and (run_id, task_id) not in answered:
                    option, reason, who = answers[task_id]
                    respond(home, ti_id, option, reason, who)
                    answered.add((run_id, task_id))
            time.sleep(1)
    finally:  # never leave the DAG run behind, whatever failed here
        if process.poll() is None:
            process.kill()
    out, err = process.communicate(timeout=60)
    runs = home.airflow_rows(
        "SELECT run_id FROM dag_run WHERE dag_id = ? ORDER BY id DESC LIMIT 1", DAG_ID
    )
    return subprocess.CompletedProcess(process.args, process.returncode, out, err), runs[0][0]


def waiting(home: NightHome) -> list[tuple[str, str, str]]:
    """Human-in-the-loop steps waiting for an answer: (task instance id, task id, run id)."""
    try:
        return [
            (str(ti_id), str(task_id), str(run_id))
            for ti_id, task_id, run_id in home.airflow_rows(
                "SELECT h.ti_id, t.task_id, t.run_id FROM hitl_detail h "
                "JOIN task_instance t ON t.id = h.ti_id "
                "WHERE h.responded_at IS NULL AND t.dag_id = ?",
                DAG_ID,
            )
        ]
    except sqlite3.OperationalError:  # the table is being written; look again
        return []


# What Airflow's response endpoint (PATCH .../hitlDetails) does with an answer, minus HTTP and
# sign-in: record it on the task's human-in-the-loop row and resume the parked task.
RESPOND = """
import json, sys, uuid
from airflow._shared.timezones import timezone
from airflow.models.hitl import HITLDetail, HITLUser
from airflow.models.taskinstance import TaskInstance
from airflow.models.trigger import handle_event_submit
from airflow.settings import Session
from airflow.triggers.base import TriggerEvent
from airflow.utils.state import TaskInstanceState

ti_id, (option, reason, who) = uuid.UUID(sys.argv[1]), sys.argv[2:5]
with Session() as session:
    ti = session.get(TaskInstance, ti_id)
    hitl = session.get(HITLDetail, ti_id)
    hitl.responded_by = HITLUser(id=who.split()[0].lower(), name=who)
    hitl.responded_at = timezone.utcnow()
    hitl.chosen_options = [option]
    hitl.params_input = {"reason": reason}
    session.add(hitl)
    if ti.state in (TaskInstanceState.AWAITING_INPUT, TaskInstanceState.DEFERRED):
        handle_event_submit(
            TriggerEvent(hitl.as_resume_event_payload()), task_instance=ti, session=session
        )
    session.commit()
"""


def respond(home: NightHome, ti_id: str, option: str, reason: str, who: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", RESPOND, ti_id, option, reason, who],
        env=home.env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]


def stages_of(home: NightHome) -> list[tuple[str, str, str, str | None, str]]:
    """The latest disposal run's decisions, and its status."""
    store = Store(home.hub_url)
    try:
        with store.session() as session:
            run = session.scalars(select(DisposalRun).order_by(DisposalRun.id.desc())).first()
            assert run is not None
            return [
                (a.stage, a.decision, a.decided_by, a.reason, run.status)
                for a in session.scalars(
                    select(DisposalApproval)
                    .where(DisposalApproval.run_pk == run.id)
                    .order_by(DisposalApproval.position)
                )
            ]
    finally:
        store.dispose()


def states(home: NightHome, run_id: str) -> dict[str, Any]:
    rows = home.airflow_rows(
        "SELECT task_id, state FROM task_instance WHERE dag_id = ? AND run_id = ?",
        DAG_ID,
        run_id,
    )
    return dict(rows)


def test_two_stages_answered_in_airflow_then_a_rejection_then_one_person_twice(
    review_home: NightHome,
) -> None:
    approve = {
        "approval_information_manager": ("Approve", "", IM),
        "approval_data_protection_officer": ("Approve", "", DPO),
    }
    done, run_id = run_answering(review_home, approve, "2032-06-01", NIGHT)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert stages_of(review_home) == [
        ("information_manager", "approved", IM, None, "verified"),
        ("data_protection_officer", "approved", DPO, None, "verified"),
    ]
    ran = states(review_home, run_id)
    assert ran["execute"] == "success" and ran["certificate"] == "success"
    assert ran["watcher"] == "skipped"

    reject = {
        "approval_information_manager": ("Approve", "", IM),
        "approval_data_protection_officer": ("Reject", "a hold is expected on two", DPO),
    }
    done, run_id = run_answering(review_home, reject, "2032-07-01", NIGHT + timedelta(days=1))
    assert stages_of(review_home) == [
        ("information_manager", "approved", IM, None, "cancelled"),
        ("data_protection_officer", "rejected", DPO, "a hold is expected on two", "cancelled"),
    ]
    ran = states(review_home, run_id)
    assert ran["record_data_protection_officer"] == "failed"
    assert ran["execute"] == "upstream_failed" and ran["watcher"] == "failed"

    twice = {
        "approval_information_manager": ("Approve", "", IM),
        "approval_data_protection_officer": ("Approve", "", IM),
    }
    done, run_id = run_answering(review_home, twice, "2032-08-01", NIGHT + timedelta(days=2))
    # The second answer is refused: the run waits for another person, nothing executes.
    assert stages_of(review_home) == [("information_manager", "approved", IM, None, "planned")]
    ran = states(review_home, run_id)
    assert ran["record_data_protection_officer"] == "failed" and ran["execute"] != "success"
