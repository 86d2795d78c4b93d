"""The `retention_disposal` DAG: plan, approval (Airflow's human-in-the-loop step, or the CLI),
execution, verification and certificate; each task calls asbhub.retention and nothing more."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from airflow.providers.standard.operators.hitl import ApprovalOperator
from airflow.providers.standard.operators.python import ShortCircuitOperator
from airflow.sdk import DAG, task

DAG_ID = "retention_disposal"


def _hub() -> Any:
    """The retention context for this worker's settings (imported here, not at parse time)."""
    from asbhub.retention.service import retention_context
    from asbhub.settings import resolve

    return retention_context(resolve())


@task
def plan(logical_date: Any = None) -> str:
    """Record what is due, by class and rule; returns the disposal run id."""
    from asbhub.retention.plan import plan_disposal

    with _hub() as rc, rc.store.session() as session:
        as_of = logical_date.date() if logical_date else None
        return plan_disposal(session, rc.schedule(), rc.key, as_of, planned_by="airflow").run_id


def _needs_approval(run_id: str) -> bool:
    """False (skip the approval step) when someone already approved the run with the CLI."""
    from asbhub.retention.runs import get_run

    with _hub() as rc, rc.store.session() as session:
        return get_run(session, run_id).approved_by is None


@task(trigger_rule="none_failed_min_one_success")
def record_approval(run_id: str, approval: dict[str, Any] | None = None) -> str:
    """Store the approver's name (the certificate shows it); a CLI approval stands as it is."""
    from asbhub.retention.runs import approve_run, get_run

    with _hub() as rc, rc.store.session() as session:
        run = get_run(session, run_id)
        if run.approved_by:
            return run.approved_by
        user = (approval or {}).get("responded_by_user") or {}
        name = user.get("name") or user.get("id")
        if not name:
            raise ValueError(f"disposal run {run_id}: the approval did not say who approved it")
        return approve_run(session, run_id, str(name)).approved_by or ""


@task
def execute(run_id: str) -> dict[str, Any]:
    from asbhub.retention.execute import execute_run

    with _hub() as rc:
        return execute_run(
            rc.store, run_id, rc.key, rc.areas, rc.remote(), ack_days=rc.ack_days()
        ).model_dump(mode="json")


@task
def verify(run_id: str) -> dict[str, Any]:
    from asbhub.retention.verify import verify_run

    with _hub() as rc:
        result = verify_run(rc.store, run_id, rc.areas, rc.remote())
    if not result.ok:
        raise RuntimeError(
            f"disposal run {run_id}: {len(result.survivors)} records remain; "
            "see the certificate, fix, and re-run execute"
        )
    return result.model_dump(mode="json")


@task(trigger_rule="all_done")
def certificate(run_id: str) -> str:
    """Write the certificate in HTML, CSV and JSON whatever verification found."""
    from asbhub.retention.certificate import build_certificate, render

    with _hub() as rc, rc.store.session() as session:
        cert = build_certificate(session, run_id)
        folder = rc.settings.reports_dir
        folder.mkdir(parents=True, exist_ok=True)
        for fmt in ("html", "csv", "json"):
            (folder / f"{run_id}.{fmt}").write_text(render(cert, fmt), encoding="utf-8")  # type: ignore[arg-type]
    return str(folder / f"{run_id}.html")


with DAG(
    dag_id=DAG_ID,
    schedule="@monthly",
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    tags=["asbhub", "retention"],
    default_args={"retries": 1, "retry_delay": timedelta(minutes=5)},
    doc_md=__doc__,
) as dag:
    run_id = plan()
    needs_approval = ShortCircuitOperator(
        task_id="needs_approval",
        python_callable=_needs_approval,
        op_args=[run_id],
        ignore_downstream_trigger_rules=False,
    )
    approval = ApprovalOperator(
        task_id="approval",
        subject="Approve disposal run {{ ti.xcom_pull(task_ids='plan') }}",
        body=(
            "The retention schedule makes the records in disposal run "
            "{{ ti.xcom_pull(task_ids='plan') }} due for disposal. Review the plan with "
            "`asbhub disposal report {{ ti.xcom_pull(task_ids='plan') }}` and approve or reject. "
            "Approving with `asbhub disposal approve RUN --by NAME` counts the same."
        ),
        response_timeout=timedelta(days=14),
        retries=0,
    )
    approved_by = record_approval(run_id, approval.output)
    needs_approval >> approval >> approved_by
    executed = execute(run_id)
    verified = verify(run_id)
    approved_by >> executed >> verified >> certificate(run_id)
