"""The `retention_disposal` DAG: plan, one approval per review stage of the schedule (Airflow's
human-in-the-loop step, or the CLI), execution, verification and certificate; each task calls
asbhub.retention and nothing more. Built here, like the nightly DAGs in asbhub.airflow.factory;
dags/retention_disposal.py only names it."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from airflow.providers.standard.operators.hitl import HITLOperator
from airflow.providers.standard.operators.python import ShortCircuitOperator
from airflow.sdk import DAG, Param, task
from airflow.sdk.exceptions import AirflowFailException, AirflowSkipException

from asbhub.airflow.notifier import TaskFailed
from asbhub.airflow.watch import watch
from asbhub.errors import DataError
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


APPROVE, REJECT = "Approve", "Reject"


def _stages() -> Any:
    """The schedule's review stages, read when the DAG is parsed (a missing schedule: the
    information manager's alone; a wrong one fails the parse, where it shows)."""
    from asbhub.airflow.factory import config_dir
    from asbhub.retention.schedule import review_stages

    return review_stages(config_dir(Path(__file__).resolve().parents[2] / "config"))


def _stage_needed(disposal_run: str, stage: str) -> bool:
    """False (skip this stage's approval step) when the stage was decided with the CLI."""
    from asbhub.retention.runs import approvals, get_run

    with _hub() as rc, rc.store.session() as session:
        run = get_run(session, disposal_run)
        return stage not in {a.stage for a in approvals(session, run)}


@task(trigger_rule="none_failed_min_one_success")
def record_stage(disposal_run: str, stage: str, answer: dict[str, Any] | None = None) -> str:
    """Store the stage's decision (who, approve or reject, the reason); a CLI decision stands
    as it is. A rejection cancels the run and fails this task, so nothing after it runs."""
    from asbhub.retention.runs import approvals, decide_stage, get_run

    with _hub() as rc, rc.store.session() as session:
        stages = rc.schedule().review_stages
        run = get_run(session, disposal_run)
        decided = {a.stage: a for a in approvals(session, run)}
        if stage not in decided:
            user = (answer or {}).get("responded_by_user") or {}
            name = user.get("name") or user.get("id")
            if not name:
                raise AirflowFailException(
                    f"disposal run {disposal_run}: stage {stage}'s answer did not say who gave it"
                )
            chosen = list((answer or {}).get("chosen_options") or [])
            reason = str(((answer or {}).get("params_input") or {}).get("reason") or "")
            try:
                decide_stage(
                    session,
                    disposal_run,
                    stages,
                    str(name),
                    approve=chosen == [APPROVE],
                    stage=stage,
                    reason=reason or ("rejected in Airflow" if chosen != [APPROVE] else None),
                )
            except DataError as exc:  # the planner, or a second stage by the same person
                raise AirflowFailException(str(exc)) from exc
            decided = {a.stage: a for a in approvals(session, run)}
        decision = decided[stage]
    if decision.decision != "approved":
        raise AirflowFailException(
            f"disposal run {disposal_run} rejected at stage {stage} by {decision.decided_by}: "
            f"{decision.reason}; the run is cancelled"
        )
    return decision.decided_by


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
    from the document frozen at verification (the same bytes `asbhub disposal report` writes).
    A run a stage rejected, or that never executed, has none."""
    from asbhub.retention.frozen import certificate_text
    from asbhub.retention.runs import get_run

    with _hub() as rc, rc.store.session() as session:
        if get_run(session, disposal_run).executed_at is None:
            raise AirflowSkipException(f"disposal run {disposal_run} did not execute")
        folder = rc.areas.home / "reports"
        folder.mkdir(parents=True, exist_ok=True)
        keys = []
        for fmt in ("html", "csv", "json"):
            text = certificate_text(session, rc.key, disposal_run, fmt)
            (folder / f"{disposal_run}.{fmt}").write_text(text, encoding="utf-8")
            keys.append(rc.areas.save(folder / f"{disposal_run}.{fmt}"))
    return keys[0]


DOC = """Disposal runs of the retention schedule: plan (what is due, by class and rule), one
approval per review stage of the schedule in its order (Airflow's human-in-the-loop step, skipped
for a stage decided with the CLI; a rejection, with its reason, cancels the run), execute, verify,
certificate; a watcher fails the run when any of them failed."""


def retention_disposal_dag() -> DAG:
    """The DAG; its tasks are this module's functions, one approval step per review stage."""
    stages = _stages()
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
        steps: list[Any] = [disposal_run]
        before: Any = disposal_run
        for number, stage in enumerate(stages, start=1):
            needed = ShortCircuitOperator(
                task_id=f"needs_{stage.id}",
                python_callable=_stage_needed,
                op_args=[disposal_run, stage.id],
                ignore_downstream_trigger_rules=False,
            )
            ask = HITLOperator(
                task_id=f"approval_{stage.id}",
                subject=f"Disposal run {{{{ ti.xcom_pull(task_ids='plan') }}}}: stage {number} "
                f"of {len(stages)}, {stage.title}",
                options=[APPROVE, REJECT],
                body=(
                    f"Stage {number} of {len(stages)} ({stage.title}). The retention schedule "
                    "makes the records in disposal run {{ ti.xcom_pull(task_ids='plan') }} due "
                    "for disposal. Review the plan with `asbhub disposal report "
                    "{{ ti.xcom_pull(task_ids='plan') }}` and approve or reject (with a reason). "
                    "The planner may not answer, nor one person answer two stages. "
                    f"`asbhub disposal approve|reject RUN --stage {stage.id} --by NAME` counts "
                    "the same."
                ),
                params={"reason": Param("", type="string", title="Reason (needed to reject)")},
                response_timeout=timedelta(days=14),
                # A person's answer is never asked for again by a retry: a rejection stands.
                retries=0,
            )
            recorded = record_stage.override(task_id=f"record_{stage.id}")(
                disposal_run,
                stage.id,
                ask.output,  # type: ignore[arg-type]
            )
            before >> needed >> ask >> recorded
            steps += [needed, ask, recorded]
            before = recorded
        executed = execute(disposal_run)
        verified = verify(disposal_run)
        certified = certificate(disposal_run)
        before >> executed >> verified >> certified
        # A failed verification still writes its certificate (saying so), and fails the run.
        watch([*steps, executed, verified, certified])
    return dag
