"""Legal holds: a held reference is never planned for disposal, nor disposed if held later."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from asbhub.errors import DataError
from asbhub.store.models import LegalHold


class Hold(BaseModel):
    id: int
    reference: str
    reason: str
    placed_by: str
    placed_at: datetime
    removed_by: str | None = None
    removed_at: datetime | None = None
    removal_reason: str | None = None

    @classmethod
    def of(cls, row: LegalHold) -> Hold:
        return cls.model_validate(row, from_attributes=True)


def _required(value: str, what: str) -> str:
    if not value or not value.strip():
        raise DataError(f"a legal hold needs {what}")
    return value.strip()


def add_hold(session: Session, reference: str, reason: str, by: str) -> Hold:
    """Place a hold on a reference (referral id, incident reference, batch id, file name...)."""
    reference = _required(reference, "the reference it holds")
    if len(reference) > 64:
        raise DataError(f"reference {reference[:20]}... is longer than 64 characters")
    existing = session.scalar(
        select(LegalHold).where(LegalHold.reference == reference, LegalHold.removed_at.is_(None))
    )
    if existing is not None:
        return Hold.of(existing)
    row = LegalHold(
        reference=reference,
        reason=_required(reason, "a reason"),
        placed_by=_required(by, "who placed it (--by)"),
        placed_at=datetime.now(UTC),
    )
    session.add(row)
    session.flush()
    return Hold.of(row)


def remove_hold(session: Session, reference: str, by: str, reason: str) -> Hold:
    row = session.scalar(
        select(LegalHold).where(
            LegalHold.reference == reference.strip(), LegalHold.removed_at.is_(None)
        )
    )
    if row is None:
        raise DataError(f"there is no active legal hold on {reference}")
    row.removed_by = _required(by, "who removed it (--by)")
    row.removal_reason = _required(reason, "a reason for removing it")
    row.removed_at = datetime.now(UTC)
    session.flush()
    return Hold.of(row)


def list_holds(session: Session, include_removed: bool = False) -> list[Hold]:
    query = select(LegalHold).order_by(LegalHold.placed_at, LegalHold.id)
    if not include_removed:
        query = query.where(LegalHold.removed_at.is_(None))
    return [Hold.of(row) for row in session.scalars(query)]


def held_references(session: Session) -> set[str]:
    return set(session.scalars(select(LegalHold.reference).where(LegalHold.removed_at.is_(None))))


def held(session: Session, references: Iterable[str]) -> set[str]:
    """Which of these references are under an active hold."""
    wanted = {r for r in references if r}
    return wanted & held_references(session) if wanted else set()
