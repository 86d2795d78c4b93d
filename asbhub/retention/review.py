"""Review items: records a `review` rule made due, listed for a person, and their decisions.

A decision is `keep` (the record stays, and is not listed again until its next review date) or
`dispose` (the record is planned for disposal in the next run, like any record a `dispose` rule
makes due). Every decision is logged in the s.62 ledger.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from enum import StrEnum

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from asbhub import ledger
from asbhub.errors import DataError
from asbhub.ledger import Event, EventKind, LedgerKey
from asbhub.retention.status import ItemStatus, RunStatus
from asbhub.store.models import DisposalItem, DisposalRun, ReviewDecision

DEFAULT_NEXT_REVIEW_DAYS = 365


class Decision(StrEnum):
    KEEP = "keep"
    DISPOSE = "dispose"


class ReviewItem(BaseModel):
    id: int
    run_id: str
    record_class: str
    rule: str
    reference_hash: str
    target: str


class ReviewList(BaseModel):
    items: list[ReviewItem]


class DecisionResult(BaseModel):
    id: int
    decision: Decision
    record_class: str
    rule: str
    reference_hash: str
    decided_by: str
    decided_at: datetime
    next_review_on: date | None
    ledger_seq: int


def pending_reviews(session: Session) -> ReviewList:
    """Review items no one has decided yet, from the runs that listed them (newest first)."""
    rows = session.execute(
        select(DisposalItem, DisposalRun.run_id)
        .join(DisposalRun, DisposalRun.id == DisposalItem.run_pk)
        .where(DisposalItem.status == ItemStatus.REVIEW, DisposalRun.status != RunStatus.CANCELLED)
        .order_by(DisposalRun.planned_at.desc(), DisposalItem.id)
    ).all()
    seen: set[tuple[str, str]] = set()
    items: list[ReviewItem] = []
    for item, run_id in rows:
        if (item.record_class, item.reference_hash) in seen:
            continue  # listed again by a later run: the latest listing is the one to decide
        seen.add((item.record_class, item.reference_hash))
        items.append(
            ReviewItem(
                id=item.id,
                run_id=run_id,
                record_class=item.record_class,
                rule=item.rule,
                reference_hash=item.reference_hash,
                target=item.target,
            )
        )
    return ReviewList(items=items)


def decide(
    session: Session,
    key: LedgerKey,
    item_id: int,
    decision: str,
    by: str,
    reason: str,
    next_review_on: date | None = None,
) -> DecisionResult:
    """Record a person's decision on a review item, and log it."""
    try:
        chosen = Decision(decision.strip().lower())
    except ValueError as exc:
        raise DataError(f"decision {decision!r} is not one of keep, dispose") from exc
    if not by or not by.strip():
        raise DataError("a review decision needs the name of who decided (--by)")
    if not reason or not reason.strip():
        raise DataError("a review decision needs a reason (--reason)")
    item = session.get(DisposalItem, item_id)
    if item is None or item.status != ItemStatus.REVIEW:
        raise DataError(
            f"there is no review item {item_id} waiting for a decision; "
            "`asbhub disposal review` lists them"
        )
    now = datetime.now(UTC)
    if chosen is Decision.KEEP:
        next_review_on = next_review_on or (now.date() + timedelta(days=DEFAULT_NEXT_REVIEW_DAYS))
        if next_review_on <= now.date():
            raise DataError(f"the next review date {next_review_on} must be in the future")
    else:
        next_review_on = None
    row = ReviewDecision(
        item_pk=item.id,
        record_class=item.record_class,
        rule=item.rule,
        reference_hash=item.reference_hash,
        decision=chosen.value,
        decided_by=by.strip(),
        decided_at=now,
        reason=reason.strip(),
        next_review_on=next_review_on,
    )
    session.add(row)
    item.status = ItemStatus.KEPT if chosen is Decision.KEEP else ItemStatus.DECIDED
    item.detail = f"review decision: {chosen.value} by {by.strip()}"
    session.flush()
    appended = ledger.append(
        session,
        key,
        Event(
            kind=EventKind.CONSULTATION,
            actor=by.strip(),
            justification=f"retention review ({item.rule}): {reason.strip()}"[:500],
            references=[item.target],
            at=now,
            details={
                "review_decision": chosen.value,
                "record_class": item.record_class,
                "rule": item.rule,
                "decision_id": row.id,
                "next_review_on": next_review_on.isoformat() if next_review_on else None,
            },
        ),
    )
    return DecisionResult(
        id=row.id,
        decision=chosen,
        record_class=item.record_class,
        rule=item.rule,
        reference_hash=item.reference_hash,
        decided_by=row.decided_by,
        decided_at=now,
        next_review_on=next_review_on,
        ledger_seq=appended.last_seq,
    )
