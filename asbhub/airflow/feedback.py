"""Builds the `force_feedback` DAG: each night, after every partner's inbound run, the outcome
summary for the force (asbhub.pipeline.feedback); dags/force_feedback.py only names it.

Scheduled like the hub's other nightly DAGs (Europe/London wall-clock, one run at a time, the
factory's owner and retries). The summary's cut-off is the same 08:00: a run is never early for
its night, and outcomes a late inbound run brings go in the next night's summary.
"""

from __future__ import annotations

from typing import Any

from airflow.sdk import DAG, get_current_context, task
from airflow.sdk.exceptions import AirflowFailException

from asbhub.airflow import tasks
from asbhub.airflow.factory import DEFAULT_ARGS, LONDON, START, london_daily
from asbhub.errors import DataError

DAG_ID = "force_feedback"
# After the partners' inbound runs (06:30 and 07:00 in config/partners); the same time as
# asbhub.pipeline.feedback.CUT_OFF, which tests/feedback/test_dag.py holds it to.
FEEDBACK_AT = "08:00"


def summarise_night(config_dir: str, actor: str) -> dict[str, Any]:
    """Write the run's night's summary; a refused night fails for a person, not for a retry."""
    from asbhub.pipeline.feedback import run_feedback

    context = get_current_context()
    night = tasks.night_of(context.get("logical_date"), context["dag_run"].run_after)
    try:
        with tasks.hub_for(config_dir, actor) as hub:
            result = run_feedback(hub, night)
    except DataError as exc:  # the same store refuses the same way on a retry
        raise AirflowFailException(str(exc)) from exc
    tasks.log.info(
        "%s %s: %d row(s), %d flagged as conflicts, %d disclosure(s)",
        result.batch_id,
        result.status,
        result.rows,
        result.conflicts,
        result.disclosed,
    )
    return result.model_dump(mode="json")


def force_feedback_dag(config_dir: str) -> DAG:
    with DAG(
        dag_id=DAG_ID,
        schedule=london_daily(FEEDBACK_AT),
        start_date=START,
        catchup=False,  # a missed night is caught up by the next: its window starts there
        max_active_runs=1,
        default_args=DEFAULT_ARGS,
        tags=["force", "feedback", "outcome-summary"],
        doc_md=f"The force's outcome summary (outcome-summary/1.1) at {FEEDBACK_AT} {LONDON}, "
        "after the partners' inbound runs: written under staging/force/ and disclosed in the "
        "ledger. Conflicts between partners are flagged in the file, not failures.",
    ) as dag:

        @task(task_id="summarise")
        def summarise() -> dict[str, Any]:
            return summarise_night(config_dir, f"airflow {DAG_ID}")

        summarise()
    return dag
