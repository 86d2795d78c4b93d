"""The `force_feedback` DAG: found in dags/, nightly at the summary's cut-off, after every
partner's inbound run, owned and retried like the hub's other DAGs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from airflow.sdk import CronTriggerTimetable

from asbhub.airflow.factory import OWNER
from asbhub.airflow.feedback import DAG_ID, FEEDBACK_AT
from asbhub.pipeline.feedback import CUT_OFF

REPO = Path(__file__).resolve().parents[2]


def test_the_dag_runs_at_the_cut_off_after_every_partners_inbound_time(dagbag: Any) -> None:
    dag = dagbag.dags[DAG_ID]
    assert f"{CUT_OFF:%H:%M}" == FEEDBACK_AT
    assert dag.timetable == CronTriggerTimetable(
        f"{CUT_OFF.minute} {CUT_OFF.hour} * * *", timezone="Europe/London"
    )
    inbound = [
        yaml.safe_load(path.read_text(encoding="utf-8"))["schedule"]["inbound"]
        for path in (REPO / "config" / "partners").glob("*.yaml")
    ]
    assert inbound and max(inbound) < FEEDBACK_AT


def test_the_dag_is_one_owned_retried_task_one_run_at_a_time(dagbag: Any) -> None:
    dag = dagbag.dags[DAG_ID]
    [summarise] = dag.tasks
    assert summarise.task_id == "summarise"
    assert (summarise.owner, summarise.retries) == (OWNER, 2)
    assert dag.max_active_runs == 1 and not dag.catchup
    assert {"force", "feedback"} <= set(dag.tags)
