"""Search the s.62 ledger by reference: who was sent what, and when it was disposed of.

Sealed events (ledger/seal.py) still answer for a disposed record: partner, batch, ISA reference,
kind and time, and the run that sealed them; what they said about people is gone."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from asbhub.errors import DataError
from asbhub.ledger.chain import Event, EventKind, LedgerKey, append
from asbhub.retention.status import ItemStatus
from asbhub.store.models import DisposalItem, DisposalRun, LedgerEvent, LedgerReference


class SearchHit(BaseModel):
    seq: int
    at: datetime
    kind: str
    actor: str
    justification: str
    recipient: str | None
    details: dict[str, Any]
    sealed_at: datetime | None = None
    sealed_by: str | None = None  # the disposal run that sealed it

    @property
    def sealed(self) -> bool:
        return self.sealed_at is not None


class Disposal(BaseModel):
    run_id: str
    record_class: str
    rule: str
    disposed_at: datetime | None


class SearchResult(BaseModel):
    """Who was sent what about a reference, and when it was disposed."""

    reference_hash: str
    events: list[SearchHit]
    disclosures: list[SearchHit]
    disposals: list[Disposal]
    logged_as_seq: int


def search(session: Session, key: LedgerKey, reference: str, by: str, why: str) -> SearchResult:
    """Answer for one reference; the search is itself logged as a consultation."""
    if not by.strip() or not why.strip():
        raise DataError("a ledger search needs who is asking (--by) and why (--why)")
    ref_hash = key.reference_hash(reference)
    rows = session.scalars(
        select(LedgerEvent)
        .join(LedgerReference, LedgerReference.seq == LedgerEvent.seq)
        .where(LedgerReference.reference_hash == ref_hash)
        .order_by(LedgerEvent.seq)
    ).all()
    hits = [
        SearchHit(
            seq=e.seq,
            at=e.at,
            kind=e.kind,
            actor=e.actor,
            justification=e.justification,
            recipient=e.recipient,
            details=e.details,
            sealed_at=e.sealed_at,
            sealed_by=e.sealed_by,
        )
        for e in rows
    ]
    disposals = [
        Disposal(run_id=run_id, record_class=cls, rule=rule, disposed_at=at)
        for run_id, cls, rule, at in session.execute(
            select(
                DisposalRun.run_id,
                DisposalItem.record_class,
                DisposalItem.rule,
                DisposalItem.disposed_at,
            )
            .join(DisposalRun, DisposalRun.id == DisposalItem.run_pk)
            .where(
                DisposalItem.reference_hash == ref_hash, DisposalItem.status == ItemStatus.DISPOSED
            )
        )
    ]
    logged = append(
        session,
        key,
        Event(
            kind=EventKind.CONSULTATION,
            actor=by,
            justification=why,
            references=[reference],
            details={"query": "ledger search"},
        ),
    )
    return SearchResult(
        reference_hash=ref_hash,
        events=hits,
        disclosures=[h for h in hits if h.kind == EventKind.DISCLOSURE.value],
        disposals=disposals,
        logged_as_seq=logged.last_seq,
    )


def count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(LedgerEvent)) or 0)
