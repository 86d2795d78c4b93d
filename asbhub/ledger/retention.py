"""Ledger retention: an event is sealed only once every record it names is gone and its own
period has run, and never while a legal hold covers one of those records or a record linked to it.

An event's period (the `ledger_event` class in config/retention.yaml) is a minimum: the disclosure
log of a referral the hub still holds is the evidence of what was done with it, so it lives as
long as the referral does. Events name records only by keyed hash, so "is this record still held"
is asked the other way round: the hub hashes the references it still holds (referral ids, incident
references, batch ids, quarantine and inbound-file ids, disposal runs and notices) and an event
naming any of them waits.
When planning, records the same run plans to dispose of count as gone (the ledger class is
planned last); execution checks again after those records have gone, so a record kept back by a
hold placed after planning keeps its events too.

Sealed events stay in the chain (ledger/seal.py), so disposal is not limited to a prefix.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from datetime import UTC, datetime
from itertools import groupby

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from asbhub.ledger.chain import Event, EventKind, LedgerKey, append, lock_chain
from asbhub.ledger.seal import seal_events
from asbhub.retention.holds import held_references
from asbhub.retention.status import ItemStatus, RunStatus
from asbhub.store.models import (
    Delivery,
    DisposalItem,
    DisposalNotice,
    DisposalRun,
    InboundFile,
    Incident,
    LedgerEvent,
    LedgerReference,
    QuarantineItem,
    Referral,
)

CLASS = "ledger_event"
# Events that name records because the records belong together (an erasure or a consultation
# names whatever it happened to touch, which links nothing).
LINKING_KINDS = (
    EventKind.COLLECTION.value,
    EventKind.ALTERATION.value,
    EventKind.DISCLOSURE.value,
    EventKind.COMBINATION.value,
)
TARGET_PREFIX = "ledger:"


def target_of(seq: int) -> str:
    return f"{TARGET_PREFIX}{seq}"


def seq_of(target: str) -> int:
    return int(target.removeprefix(TARGET_PREFIX))


def live_reference_hashes(
    session: Session, key: LedgerKey, going: Collection[str] = ()
) -> set[str]:
    """Keyed hashes of every reference to a record the hub still holds, leaving out the records
    in `going` (planned for disposal) and an incident whose referrals all go with them.

    A person's pseudonymous token is not a record: the referral that carries it is, and the
    events naming a token name that referral too. Counting tokens would keep a person's old
    disclosures for as long as any newer referral about them lives."""
    gone = set(going)
    live: set[str] = set()
    h = key.reference_hash
    referred: set[int] = set()
    kept_incidents: set[int] = set()
    for referral_id, incident_pk in session.execute(
        select(Referral.referral_id, Referral.incident_id).execution_options(yield_per=10000)
    ):
        referred.add(incident_pk)
        if referral_id in gone:
            continue
        kept_incidents.add(incident_pk)
        live.add(h(referral_id))
    for pk, incident_ref in session.execute(
        select(Incident.id, Incident.incident_ref).execution_options(yield_per=10000)
    ):
        if pk in kept_incidents or (pk not in referred and incident_ref not in gone):
            live.add(h(incident_ref))
    for (batch_id,) in session.execute(
        select(Delivery.batch_id).where(Delivery.disposed_at.is_(None))
    ):
        if batch_id not in gone:
            live.add(h(batch_id))
    for (pk,) in session.execute(select(QuarantineItem.id)):
        if f"Q-{pk}" not in gone:
            live.add(h(f"Q-{pk}"))
    for (pk,) in session.execute(
        select(InboundFile.id).where(InboundFile.archive_path.is_not(None))
    ):
        if f"IF-{pk}" not in gone:
            live.add(h(f"IF-{pk}"))
    # a disposal run and its certificate are kept for good, and so is the event that froze it
    for reference in session.scalars(
        select(DisposalRun.run_id).union_all(select(DisposalNotice.notice_id))
    ):
        if reference not in gone:
            live.add(h(reference))
    return live


def protected_hashes(session: Session, key: LedgerKey, holds: Collection[str]) -> dict[str, str]:
    """Keyed hash -> the held reference protecting it: each held reference, and the records
    linked to it (a referral's incident; an incident's referrals), in the store or the ledger."""
    if not holds:
        return {}
    h = key.reference_hash
    protected = {h(r): r for r in holds}
    wanted = list(holds)
    for referral_id, incident_ref in session.execute(
        select(Referral.referral_id, Incident.incident_ref)
        .join(Incident, Incident.id == Referral.incident_id)
        .where((Referral.referral_id.in_(wanted)) | (Incident.incident_ref.in_(wanted)))
    ):
        if referral_id in holds:
            protected.setdefault(h(incident_ref), referral_id)
        if incident_ref in holds:
            protected.setdefault(h(referral_id), incident_ref)
    # After the store has let go, the ledger still links them: a disclosure or an outcome names
    # a referral and its incident together. Only records count (not a person's tokens).
    named = aliased(LedgerReference)
    co_named: dict[str, str] = {}
    for other, held_hash in session.execute(
        select(named.reference_hash, LedgerReference.reference_hash)
        .join(named, named.seq == LedgerReference.seq)
        .join(LedgerEvent, LedgerEvent.seq == LedgerReference.seq)
        .where(
            LedgerReference.reference_hash.in_(list(protected)),
            named.reference_hash != LedgerReference.reference_hash,
            LedgerEvent.kind.in_(LINKING_KINDS),
        )
        .distinct()
    ):
        co_named.setdefault(other, protected[held_hash])
    for linked in _record_hashes(session, set(co_named) - set(protected)):
        protected[linked] = co_named[linked]
    return protected


def _planned_elsewhere(session: Session) -> set[str]:
    """Targets of the run being planned (the one open run still in `planned`), other classes."""
    return set(
        session.scalars(
            select(DisposalItem.target)
            .join(DisposalRun, DisposalRun.id == DisposalItem.run_pk)
            .where(
                DisposalRun.status == RunStatus.PLANNED,
                DisposalItem.record_class != CLASS,
                DisposalItem.status == ItemStatus.PLANNED,
            )
        )
    )


def _unsealed(session: Session, where: object) -> Iterator[tuple[int, list[str]]]:
    """(seq, reference hashes) of live events matching `where`, in seq order."""
    rows = session.execute(
        select(LedgerEvent.seq, LedgerReference.reference_hash)
        .outerjoin(LedgerReference, LedgerReference.seq == LedgerEvent.seq)
        .where(LedgerEvent.sealed_at.is_(None), where)  # type: ignore[arg-type]
        .order_by(LedgerEvent.seq)
        .execution_options(yield_per=10000)
    )
    for seq, group in groupby(rows, key=lambda r: r[0]):
        yield seq, [r[1] for r in group if r[1] is not None]


def due_events(
    session: Session, key: LedgerKey, cutoff: datetime, holds: Collection[str]
) -> Iterator[tuple[str, set[str]]]:
    """(target, hold references) for each event old enough whose records are all gone; the hold
    references are those protecting it (the planner counts such an event as held)."""
    live = live_reference_hashes(session, key, _planned_elsewhere(session))
    protected = protected_hashes(session, key, holds)
    for seq, hashes in _unsealed(session, LedgerEvent.at < cutoff):
        if not live.isdisjoint(hashes):
            continue
        yield target_of(seq), {protected[x] for x in hashes if x in protected}


class SealBatch(BaseModel):
    """What became of one batch of planned events."""

    sealed: list[int]
    kept: list[int]  # a record it names is still held, or a hold covers it


def seal_planned(
    session: Session, key: LedgerKey, run_id: str, seqs: Sequence[int], actor: str
) -> SealBatch:
    """Seal the planned events whose records are gone and that no hold covers (checked again
    now), and log the sealing as one erasure event naming no one."""
    lock_chain(session)
    live = live_reference_hashes(session, key)
    protected = protected_hashes(session, key, held_references(session))
    events = session.scalars(
        select(LedgerEvent).where(LedgerEvent.seq.in_(list(seqs))).order_by(LedgerEvent.seq)
    ).all()
    kept = {
        ev.seq
        for ev in events
        if ev.sealed_at is None
        and not (
            live.isdisjoint(ev.reference_hashes)
            and protected.keys().isdisjoint(ev.reference_hashes)
        )
    }
    going = [ev for ev in events if ev.seq not in kept and ev.sealed_at is None]
    records = _record_hashes(session, {x for ev in going for x in ev.reference_hashes})
    sealed = seal_events(session, key, going, records, run_id, datetime.now(UTC))
    if sealed:
        append(
            session,
            key,
            Event(
                kind=EventKind.ERASURE,
                actor=actor,
                justification=f"retention schedule, disposal run {run_id}",
                details={
                    "run_id": run_id,
                    "record_class": CLASS,
                    "sealed": sealed,
                    "first_seq": going[0].seq,
                    "last_seq": going[-1].seq,
                },
            ),
        )
    # an event missing or sealed already (a resumed run) counts as sealed
    return SealBatch(sealed=[s for s in seqs if s not in kept], kept=sorted(kept))


def _record_hashes(session: Session, hashes: set[str]) -> set[str]:
    """Of these hashes, those of records the hub accounts for: disposed of by a disposal run,
    or an incident's reference (named by a collection event)."""
    if not hashes:
        return set()
    found: set[str] = set()
    wanted = sorted(hashes)
    for i in range(0, len(wanted), 5000):
        chunk = wanted[i : i + 5000]
        found.update(
            session.scalars(
                select(DisposalItem.reference_hash).where(
                    DisposalItem.reference_hash.in_(chunk),
                    DisposalItem.status == ItemStatus.DISPOSED,
                )
            )
        )
        found.update(
            session.scalars(
                select(LedgerReference.reference_hash)
                .join(LedgerEvent, LedgerEvent.seq == LedgerReference.seq)
                .where(
                    LedgerReference.reference_hash.in_(chunk),
                    LedgerEvent.kind == EventKind.COLLECTION.value,
                )
            )
        )
    return found
