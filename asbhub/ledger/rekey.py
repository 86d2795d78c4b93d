"""Rotating the ledger key: the whole chain re-keyed under a new key, the lookups left alone.

`asbhub ledger rekey` first verifies the ledger under the current key and refuses to go on
unless it is intact. Then, in one locked transaction, it recomputes every live event's hash
under the new key (each over the same content and the new hash of the event before), gives
every sealed event the new link and a new seal (its digest stays: its content is gone), and
appends an event, under the new key, that records the rotation: the two keys' fingerprints
and, for every head recorded outside the chain (the last good verification, each disposal
run's certificate) and for the old head, the hash that event had under the old key. A head
kept on paper, or frozen in a certificate, is then still checked: by that record, which the
new key chains like any other event (ledger/verify.py).

What it does not re-key: the keyed hashes the store keeps to find things by (references in the
ledger and in disposal runs, incidents' field digests, records' deny lists) stand for values
the hub no longer holds, so they cannot be made again. They stay under the key they were made
with, which from the first rotation on is given as ASBHUB_LEDGER_LOOKUP_KEY. Someone holding
that key can still test a guess at a reference against them; no one holding only an old
ledger key can rewrite the chain unseen once the new key is in use.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from asbhub.errors import DataError
from asbhub.ledger.chain import (
    REKEYED,
    Event,
    EventKind,
    LedgerKey,
    append,
    event_body,
    lock_chain,
)
from asbhub.ledger.seal import seal_of
from asbhub.ledger.verify import anchored_seqs, verify
from asbhub.store.models import LedgerEvent

CHUNK = 5000


class Rekeyed(BaseModel):
    events: int  # events re-chained (live) or re-sealed (sealed), before the rotation's own
    sealed: int
    from_fingerprint: str
    to_fingerprint: str
    old_head_seq: int
    old_head_hash: str
    anchors: int  # heads recorded outside the chain whose old hash the rotation keeps
    head_seq: int  # the rotation's own event
    head_hash: str


def rekey(session: Session, old: LedgerKey, new: LedgerKey, by: str, why: str) -> Rekeyed:
    """Re-key the ledger from `old` to `new` in the caller's transaction (see the module)."""
    if new.secret == old.secret:
        raise DataError("the new ledger key is the key in use: nothing to rotate")
    if new.lookup != old.lookup:
        raise DataError(
            "the new key must keep the lookup key of the old one (LedgerKey(new, old.lookup)): "
            "the store's keyed lookups cannot be made again"
        )
    lock_chain(session)
    checked = verify(session, old)
    if not checked.ok:
        raise DataError(
            f"the ledger does not verify under the current key, so it is not re-keyed: event "
            f"{checked.first_bad_seq}: {checked.problem}. Find out why first (see the "
            "information manager's guide); re-keying would hide it"
        )
    if not checked.head_seq:
        raise DataError("the ledger is empty: start with the new key instead")
    keep = anchored_seqs(session) | {checked.head_seq}
    heads: dict[str, str] = {}
    events = session.scalars(
        select(LedgerEvent).order_by(LedgerEvent.seq).execution_options(yield_per=CHUNK)
    )
    pending: list[dict[str, Any]] = []
    prev: str | None = None
    count = sealed = 0
    for ev in events:
        link = ev.prev_hash if prev is None else prev  # the first keeps where the chain starts
        if ev.seq in keep:
            heads[str(ev.seq)] = ev.hash
        if ev.sealed_at is None:
            digest, seal = new.chain_hash(link, event_body(ev)), None
        else:  # its content is gone: its digest stands, under a new link and a new seal
            digest, seal = ev.hash, seal_of(new, ev, link=link)
            sealed += 1
        pending.append({"seq": ev.seq, "prev_hash": link, "hash": digest, "seal": seal})
        prev, count = digest, count + 1
        if len(pending) >= CHUNK:
            session.execute(update(LedgerEvent), pending)  # by primary key, many at once
            pending.clear()
    if pending:
        session.execute(update(LedgerEvent), pending)
    session.expire_all()
    recorded = append(
        session,
        new,
        Event(
            kind=EventKind.ALTERATION,
            actor=by,
            justification=why,
            details={
                REKEYED: {
                    "from": old.fingerprint,
                    "to": new.fingerprint,
                    "old_head_seq": checked.head_seq,
                    "heads": heads,
                }
            },
        ),
    )
    return Rekeyed(
        events=count,
        sealed=sealed,
        from_fingerprint=old.fingerprint,
        to_fingerprint=new.fingerprint,
        old_head_seq=checked.head_seq,
        old_head_hash=checked.head_hash or "",
        anchors=len(heads),
        head_seq=recorded.last_seq,
        head_hash=recorded.head_hash,
    )
