"""A disposal run's life: find it, have each review stage approve or reject it (Airflow's
approval steps or the CLI), cancel it.

The schedule names the review stages (`review_stages` in retention.yaml; the information manager
alone when it names none). They decide in the schedule's order; the planner may not approve,
nor one person approve two stages; a rejection at any stage cancels the run with its reason.
A run is approved, and may execute, when its last stage approves."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from asbhub.errors import DataError
from asbhub.retention.schedule import DEFAULT_STAGES, ReviewStage
from asbhub.retention.status import RunStatus
from asbhub.store.models import DisposalApproval, DisposalRun


def get_run(session: Session, run_id: str, for_update: bool = False) -> DisposalRun:
    query = select(DisposalRun).where(DisposalRun.run_id == run_id.strip())
    if for_update and session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update()
    run = session.scalar(query)
    if run is None:
        raise DataError(
            f"there is no disposal run {run_id}; `asbhub retention plan` prints new ids"
        )
    return run


def approvals(session: Session, run: DisposalRun) -> list[DisposalApproval]:
    """The stages' decisions on a run so far, in the schedule's order."""
    return list(
        session.scalars(
            select(DisposalApproval)
            .where(DisposalApproval.run_pk == run.id)
            .order_by(DisposalApproval.position)
        )
    )


def awaited_stage(
    session: Session, run: DisposalRun, stages: Sequence[ReviewStage]
) -> ReviewStage | None:
    """The stage the run waits for; None once every stage approved (or the run is no longer
    planned)."""
    if run.status != RunStatus.PLANNED:
        return None
    decided = {a.stage for a in approvals(session, run)}
    return next((s for s in stages if s.id not in decided), None)


def decide_stage(
    session: Session,
    run_id: str,
    stages: Sequence[ReviewStage],
    by: str,
    *,
    approve: bool,
    stage: str | None = None,
    reason: str | None = None,
) -> DisposalRun:
    """Record one stage's decision (the awaited one, or `stage`, which must be it). Deciding a
    stage again as the same person the same way is harmless; anything else is refused with why."""
    name = " ".join((by or "").split())
    if not name:
        raise DataError("a decision needs the reviewer's name (--by)")
    if not approve and not (reason or "").strip():
        raise DataError("a rejection needs its reason (--reason): the certificate keeps it")
    run = get_run(session, run_id, for_update=True)
    done = approvals(session, run)
    if stage is not None and stage not in {s.id for s in stages}:
        known = ", ".join(s.id for s in stages)
        raise DataError(f"there is no review stage {stage!r} (the schedule's stages: {known})")
    decision = "approved" if approve else "rejected"
    for prior in done:
        if stage is not None and prior.stage != stage:
            continue
        same = (prior.decided_by.casefold(), prior.decision) == (name.casefold(), decision)
        if same and (stage is not None or awaited_stage(session, run, stages) is None):
            return run  # the same decision told again (that stage's, or the last): no change
        if stage is not None:
            raise DataError(
                f"stage {stage} of disposal run {run_id} was already {prior.decision} by "
                f"{prior.decided_by} at {prior.decided_at:%Y-%m-%d %H:%M} UTC"
            )
    if run.status != RunStatus.PLANNED:
        raise DataError(
            f"disposal run {run_id} is {run.status}; only a planned run awaits a review stage"
        )
    awaited = awaited_stage(session, run, stages)
    assert awaited is not None  # a planned run with every stage approved is approved
    if stage is not None and stage != awaited.id:
        raise DataError(
            f"disposal run {run_id} awaits stage {awaited.id} ({awaited.title}) first; the "
            "stages decide in the schedule's order"
        )
    if name.casefold() == run.planned_by.casefold():
        raise DataError(f"{name} planned disposal run {run_id} and may not approve or reject it")
    other = next((a for a in done if a.decided_by.casefold() == name.casefold()), None)
    if other is not None:
        raise DataError(
            f"{name} already decided stage {other.stage} of disposal run {run_id}; each stage "
            "needs another person"
        )
    now = datetime.now(UTC)
    session.add(
        DisposalApproval(
            run_pk=run.id,
            stage=awaited.id,
            position=[s.id for s in stages].index(awaited.id),
            title=awaited.title,
            decision=decision,
            decided_by=name,
            decided_at=now,
            reason=(reason or "").strip() or None,
            seen=seen_counts(run),
        )
    )
    if not approve:
        run.status = RunStatus.CANCELLED
    elif awaited.id == stages[-1].id:
        run.approved_by, run.approved_at, run.status = name, now, RunStatus.APPROVED
    session.flush()
    return run


def seen_counts(run: DisposalRun) -> dict[str, dict[str, int]]:
    """What a reviewer is shown: per class, the records planned for disposal and for review."""
    shown: dict[str, dict[str, int]] = {}
    for record_class, rules in (run.counts or {}).items():
        totals = shown.setdefault(record_class, {"planned": 0, "held": 0})
        for info in rules.values():
            totals["planned"] += int(info.get("planned", 0))
            totals["held"] += int(info.get("held", 0))
    return shown


def approve_run(
    session: Session, run_id: str, by: str, stages: Sequence[ReviewStage] = DEFAULT_STAGES
) -> DisposalRun:
    """Approve the stage the run awaits (with one stage, the run itself)."""
    return decide_stage(session, run_id, stages, by, approve=True)


def cancel_run(session: Session, run_id: str) -> DisposalRun:
    run = get_run(session, run_id, for_update=True)
    if run.status not in (RunStatus.PLANNED, RunStatus.APPROVED):
        raise DataError(
            f"disposal run {run_id} is {run.status}: only a run not yet executing can "
            "be cancelled (an interrupted run is resumed with `asbhub disposal execute`)"
        )
    run.status = RunStatus.CANCELLED
    return run
