"""Ledger verifications, kept so the audit view shows the last result whoever ran it."""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from asbhub.ledger import LedgerKey, Verification, verify
from asbhub.store.models import LedgerVerification


class LastVerification(BaseModel):
    """A verification, who ran it and when."""

    result: Verification
    by: str
    at: datetime


def record_verification(session: Session, result: Verification, by: str) -> LastVerification:
    """Keep this result (in the caller's transaction); earlier results stay as history."""
    row = LedgerVerification(
        at=datetime.now(UTC),
        by=by,
        ok=result.ok,
        events_checked=result.events_checked,
        head_seq=result.head_seq,
        head_hash=result.head_hash,
        first_bad_seq=result.first_bad_seq,
        problem=result.problem,
    )
    session.add(row)
    return LastVerification(result=result, by=by, at=row.at)


def last_verification(session: Session) -> LastVerification | None:
    row = session.scalars(
        select(LedgerVerification).order_by(LedgerVerification.id.desc()).limit(1)
    ).first()
    if row is None:
        return None
    result = Verification(
        ok=row.ok,
        events_checked=row.events_checked,
        head_seq=row.head_seq,
        head_hash=row.head_hash,
        first_bad_seq=row.first_bad_seq,
        problem=row.problem,
    )
    return LastVerification(result=result, by=row.by, at=row.at)


def verify_and_record(session: Session, key: LedgerKey, by: str) -> LastVerification:
    """Walk the chain now and keep the result for the audit view."""
    return record_verification(session, verify(session, key), by)
