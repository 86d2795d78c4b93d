"""Verify the s.62 ledger: recompute every link and say where and how it was tampered with."""

from __future__ import annotations

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from asbhub.ledger.chain import GENESIS, EventKind, LedgerKey, canonical
from asbhub.store.models import DisposalRun, LedgerEvent, LedgerReference


class Verification(BaseModel):
    """The result of walking the chain: ok, or the first bad seq and why."""

    ok: bool
    events_checked: int
    first_seq: int | None = None
    head_seq: int | None = None
    head_hash: str | None = None
    first_bad_seq: int | None = None
    problem: str | None = None


def verify(session: Session, key: LedgerKey) -> Verification:
    """Recompute every hash and link; report the first event that is edited, missing, inserted
    or out of order, and any recorded ledger head that is no longer in the chain."""
    start = _legitimate_start(session)
    expected_seq, prev, checked = None, None, 0
    events = session.execute(
        select(LedgerEvent).order_by(LedgerEvent.seq).execution_options(yield_per=5000)
    )
    refs = iter(
        session.execute(
            select(LedgerReference.seq, LedgerReference.reference_hash).order_by(
                LedgerReference.seq, LedgerReference.reference_hash
            )
        )
    )
    pending_ref = next(refs, None)
    last: LedgerEvent | None = None
    for (ev,) in events:
        if expected_seq is None:
            expected_seq, prev = start
            if ev.seq != expected_seq:
                return _bad(checked, expected_seq, _gap_message(expected_seq, ev.seq))
        elif ev.seq != expected_seq:
            return _bad(checked, expected_seq, _gap_message(expected_seq, ev.seq))
        body = canonical(
            ev.seq,
            ev.at,
            ev.kind,
            ev.actor,
            ev.justification,
            ev.recipient,
            ev.reference_hashes,
            ev.details,
        )
        if key.chain_hash(ev.prev_hash, body) != ev.hash:
            return _bad(checked, ev.seq, _diagnose(session, key, ev, prev))
        if ev.prev_hash != prev:
            return _bad(
                checked,
                ev.seq,
                f"event {ev.seq} does not link to event {ev.seq - 1}: "
                "an event was inserted, replaced or reordered before it",
            )
        indexed: list[str] = []
        while pending_ref is not None and pending_ref[0] <= ev.seq:
            if pending_ref[0] == ev.seq:
                indexed.append(pending_ref[1])
            pending_ref = next(refs, None)
        if sorted(indexed) != sorted(ev.reference_hashes):
            return _bad(
                checked,
                ev.seq,
                f"the reference index for event {ev.seq} does not match "
                "the event: a search would give a wrong answer",
            )
        prev, expected_seq, checked, last = ev.hash, ev.seq + 1, checked + 1, ev
    if last is None:
        return Verification(ok=True, events_checked=0)
    missing_head = _first_lost_anchor(session, start[0], last.seq)
    if missing_head:
        return _bad(checked, last.seq + 1, missing_head)
    return Verification(
        ok=True, events_checked=checked, first_seq=start[0], head_seq=last.seq, head_hash=last.hash
    )


def _diagnose(session: Session, key: LedgerKey, ev: LedgerEvent, prev: str | None) -> str:
    """Say why an event's hash fails: moved from another position, inserted, or edited."""
    for written_as in range(max(1, ev.seq - 64), ev.seq + 65):
        body = canonical(
            written_as,
            ev.at,
            ev.kind,
            ev.actor,
            ev.justification,
            ev.recipient,
            ev.reference_hashes,
            ev.details,
        )
        if written_as != ev.seq and key.chain_hash(ev.prev_hash, body) == ev.hash:
            return (
                f"the event at seq {ev.seq} was written as event {written_as}: events were "
                "reordered, or deleted or inserted and the rest renumbered"
            )
    following = session.scalar(select(LedgerEvent.prev_hash).where(LedgerEvent.seq == ev.seq + 1))
    if following is not None and following == prev:
        return (
            f"event {ev.seq} was inserted: it is not in the chain (event {ev.seq + 1} links "
            f"to the event before it)"
        )
    return (
        f"event {ev.seq}'s content does not match its hash: it was edited (or written "
        "without the ledger key)"
    )


def _bad(checked: int, seq: int, problem: str) -> Verification:
    return Verification(ok=False, events_checked=checked, first_bad_seq=seq, problem=problem)


def _gap_message(expected: int, found: int) -> str:
    if found > expected:
        span = f"event {expected}" if found == expected + 1 else f"events {expected}-{found - 1}"
        return f"{span} missing: deleted from the ledger"
    return f"event {found} appears where {expected} was expected: events were reordered"


def _legitimate_start(session: Session) -> tuple[int, str]:
    """Where the chain may start: 1, or just after the latest prune the chain itself records."""
    pruned = session.scalars(
        select(LedgerEvent.details)
        .where(LedgerEvent.kind == EventKind.ERASURE.value)
        .order_by(LedgerEvent.seq.desc())
    )
    for details in pruned:
        if isinstance(details, dict) and "ledger_pruned_through" in details:
            return int(details["ledger_pruned_through"]) + 1, str(details["ledger_pruned_head"])
    return 1, GENESIS


def _first_lost_anchor(session: Session, start: int, last_seq: int) -> str | None:
    """Disposal runs record the ledger head they saw; one missing from the chain means events
    after it were deleted (the one tampering a chain cannot show by itself)."""
    for run_id, verification in session.execute(
        select(DisposalRun.run_id, DisposalRun.verification).where(
            DisposalRun.ledger_head.is_not(None)
        )
    ):
        anchor = (verification or {}).get("ledger_head")
        if not anchor or int(anchor["seq"]) < start:
            continue  # pruned by retention since; the prune itself is in the chain
        found = session.scalar(
            select(LedgerEvent.hash).where(LedgerEvent.seq == int(anchor["seq"]))
        )
        if found != anchor["hash"]:
            return (
                f"the ledger head (event {anchor['seq']}) recorded by disposal run {run_id} is "
                f"no longer in the chain: events after {last_seq} were deleted or replaced"
            )
    return None
