"""The `retention_disposal` DAG: plan, approval (Airflow's human-in-the-loop step, or the CLI),
execution, verification and certificate; each task calls asbhub.retention and nothing more.
Built here, like the nightly DAGs in asbhub.airflow.factory; dags/retention_disposal.py only
names it."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from airflow.providers.standard.operators.hitl import ApprovalOperator
from airflow.providers.standard.operators.python import ShortCircuitOperator
from airflow.sdk import DAG, task

from asbhub.airflow.notifier import TaskFailed
from asbhub.airflow.watch import watch
from asbhub.settings import options

DAG_ID = "retention_disposal"


def _hub() -> Any:
    """The retention context for this worker's settings (imported here, not at parse time)."""
    from asbhub.retention.service import retention_context
    from asbhub.settings import resolve

    return retention_context(resolve())


@task
def plan() -> str:
    """Record what is due, by class and rule; returns the disposal run id.

    Triggered with conf `{"disposal_run": RUN}`, the DAG takes up a run an information manager
    planned (and perhaps approved) with the CLI instead of planning another; with
    `{"as_of": DATE}` it plans as on that date rather than the run's logical date.
    """
    from datetime import date

    from airflow.sdk import get_current_context

    from asbhub.retention.plan import plan_disposal
    from asbhub.retention.runs import get_run

    context = get_current_context()
    conf = dict(getattr(context.get("dag_run"), "conf", None) or {})
    with _hub() as rc, rc.store.session() as session:
        if conf.get("disposal_run"):
            return get_run(session, str(conf["disposal_run"])).run_id
        logical = context.get("logical_date")
        as_of = (
            date.fromisoformat(conf["as_of"])
            if conf.get("as_of")
            else (logical.date() if logical else None)
        )
        return plan_disposal(session, rc.schedule(), rc.key, as_of, planned_by="airflow").run_id


def _needs_approval(disposal_run: str) -> bool:
    """False (skip the approval step) when someone already approved the run with the CLI."""
    from asbhub.retention.runs import get_run

    with _hub() as rc, rc.store.session() as session:
        return get_run(session, disposal_run).approved_by is None


@task(trigger_rule="none_failed_min_one_success")
def record_approval(disposal_run: str, approval: dict[str, Any] | None = None) -> str:
    """Store the approver's name (the certificate shows it); a CLI approval stands as it is."""
    from asbhub.retention.runs import approve_run, get_run

    with _hub() as rc, rc.store.session() as session:
        run = get_run(session, disposal_run)
        if run.approved_by:
            return run.approved_by
        user = (approval or {}).get("responded_by_user") or {}
        name = user.get("name") or user.get("id")
        if not name:
            raise ValueError(
                f"disposal run {disposal_run}: the approval did not say who approved it"
            )
        return approve_run(session, disposal_run, str(name)).approved_by or ""


@task
def execute(disposal_run: str) -> dict[str, Any]:
    from asbhub.retention.execute import execute_run

    with _hub() as rc:
        return execute_run(
            rc.store, disposal_run, rc.key, rc.areas, rc.remote(), ack_days=rc.ack_days()
        ).model_dump(mode="json")


@task
def verify(disposal_run: str) -> dict[str, Any]:
    from asbhub.retention.verify import verify_run

    with _hub() as rc:
        result = verify_run(rc.store, disposal_run, rc.areas, rc.remote(), key=rc.key)
    if not result.ok:
        where = sorted({s.where for s in result.survivors})
        raise RuntimeError(
            f"disposal run {disposal_run}: verification failed, {len(result.survivors)} copies "
            f"of disposed records remain in {', '.join(where[:10])}; see the certificate, fix, "
            "and re-run execute"
        )
    return result.model_dump(mode="json")


@task(trigger_rule="all_done")
def certificate(disposal_run: str) -> str:
    """Write the certificate in HTML, CSV and JSON whatever verification found, each rendered
    from the document frozen at verification (the same bytes `asbhub disposal report` writes)."""
    from asbhub.retention.frozen import certificate_text

    with _hub() as rc, rc.store.session() as session:
        folder = rc.areas.home / "reports"
        folder.mkdir(parents=True, exist_ok=True)
        keys = []
        for fmt in ("html", "csv", "json"):
            text = certificate_text(session, rc.key, disposal_run, fmt)
            (folder / f"{disposal_run}.{fmt}").write_text(text, encoding="utf-8")
            keys.append(rc.areas.save(folder / f"{disposal_run}.{fmt}"))
    return keys[0]


DOC = """Disposal runs of the retention schedule: plan (what is due, by class and rule), approval
(Airflow's human-in-the-loop step, skipped when the run was approved with the CLI), execute,
verify, certificate; a watcher fails the run when any of them failed."""


def retention_disposal_dag() -> DAG:
    """The DAG; its tasks are this module's functions."""
    with DAG(
        dag_id=DAG_ID,
        schedule="@monthly",
        start_date=datetime(2026, 1, 1),
        catchup=False,
        max_active_runs=1,
        tags=["asbhub", "retention"],
        # Every step is idempotent (a run resumes where it stopped), so retrying is safe.
        default_args={
            "owner": "asb-hub-information-management",
            "retries": 2,
            "retry_delay": timedelta(seconds=options().retry_delay_seconds),
            "retry_exponential_backoff": True,
            # A step failed for good (a verification that found copies left): the operators hear.
            "on_failure_callback": [TaskFailed()],
        },
        doc_md=DOC,
    ) as dag:
        disposal_run: Any = plan()  # the run id, at run time
        needs_approval = ShortCircuitOperator(
            task_id="needs_approval",
            python_callable=_needs_approval,
            op_args=[disposal_run],
            ignore_downstream_trigger_rules=False,
        )
        approval = ApprovalOperator(
            task_id="approval",
            subject="Approve disposal run {{ ti.xcom_pull(task_ids='plan') }}",
            body=(
                "The retention schedule makes the records in disposal run "
                "{{ ti.xcom_pull(task_ids='plan') }} due for disposal. Review the plan with "
                "`asbhub disposal report {{ ti.xcom_pull(task_ids='plan') }}` and approve or "
                "reject. "
                "Approving with `asbhub disposal approve RUN --by NAME` counts the same."
            ),
            response_timeout=timedelta(days=14),
            # A person's answer is never asked for again by a retry: a rejection stands.
            retries=0,
        )
        approved_by = record_approval(disposal_run, approval.output)  # type: ignore[arg-type]
        needs_approval >> approval >> approved_by
        executed = execute(disposal_run)
        verified = verify(disposal_run)
        certified = certificate(disposal_run)
        approved_by >> executed >> verified >> certified
        # A failed verification still writes its certificate (saying so), and fails the run.
        watch([disposal_run, needs_approval, approval, approved_by, executed, verified, certified])
    return dag
