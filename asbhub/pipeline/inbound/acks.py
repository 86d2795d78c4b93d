"""Inbound disposal-acks: each closes its disposal notice (asbhub.retention.notices), or is
quarantined with the reason; a repeated ack is harmless."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from asbhub.errors import DataError
from asbhub.pipeline.inbound.job import CLOCK_SKEW, FileJob, FileTally, set_aside
from asbhub.records import Row, RowProblem
from asbhub.retention.notices import acknowledge
from contracts.disposal import DisposalAck


def load_acks(job: FileJob, session: Session, rows: Sequence[Row], tally: FileTally) -> None:
    now = datetime.now(UTC)
    for row in rows:
        record = row.record if row.ok else None
        if not isinstance(record, DisposalAck):
            set_aside(job, session, row, row.problems, tally)
            continue
        if record.disposed_at > now + CLOCK_SKEW:
            set_aside(
                job, session, row, [RowProblem(row.line, "disposed_at", "is in the future")], tally
            )
            continue
        try:
            acknowledge(
                session, job.partner.id, record.notice_id, record.referral_id, record.disposed_at
            )
        except DataError as exc:
            set_aside(job, session, row, [RowProblem(row.line, None, str(exc))], tally)
            continue
        tally.loaded += 1
