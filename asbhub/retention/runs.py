"""A disposal run's life: find it, approve it (Airflow's approval step or the CLI), cancel it."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from asbhub.errors import DataError
from asbhub.retention.status import RunStatus
from asbhub.store.models import DisposalRun


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


def approve_run(session: Session, run_id: str, by: str) -> DisposalRun:
    """Record who approved; the certificate shows this name. Approving twice is harmless."""
    if not by or not by.strip():
        raise DataError("an approval needs the approver's name (--by)")
    run = get_run(session, run_id, for_update=True)
    if run.approved_by:
        if run.approved_by != by.strip():
            raise DataError(
                f"disposal run {run_id} was already approved by {run.approved_by} "
                f"at {run.approved_at:%Y-%m-%d %H:%M} UTC"
            )
        return run
    if run.status != RunStatus.PLANNED:
        raise DataError(
            f"disposal run {run_id} is {run.status}; only a planned run can be approved"
        )
    run.approved_by = by.strip()
    run.approved_at = datetime.now(UTC)
    run.status = RunStatus.APPROVED
    return run


def cancel_run(session: Session, run_id: str) -> DisposalRun:
    run = get_run(session, run_id, for_update=True)
    if run.status not in (RunStatus.PLANNED, RunStatus.APPROVED):
        raise DataError(
            f"disposal run {run_id} is {run.status}: only a run not yet executing can "
            "be cancelled (an interrupted run is resumed with `asbhub disposal execute`)"
        )
    run.status = RunStatus.CANCELLED
    return run
