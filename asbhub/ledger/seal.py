"""Seal ledger events: drop what they said about people, keep their place in the chain.

A sealed event keeps what an information manager needs to answer "who was sent what, when, under
which agreement, and when was it disposed of" about a record the hub no longer holds, and nothing
that identifies a person:

* its seq, time and kind, and its recipient (a partner id): when, what processing, to whom;
* from its details only the facts in KEPT_DETAILS: the batch id and ISA reference of a disclosure
  (the ISA names the fields the partner may receive, so batch + ISA say what was sent), the run id,
  class and count of an erasure, a frozen certificate's digest, a review decision and its rule,
  the extract file of a collection; every other detail (outcome ids and statuses, file lines,
  free text) is dropped;
* its justification only for a disclosure, where it is the ISA's lawful basis (configuration, not
  about anyone); elsewhere it can quote a subject-access request or a person, so it goes;
* not its actor: a person's name when the event is a consultation;
* of its reference hashes only those of records the hub accounts for: records a disposal run
  disposed of (so the look-up of a disposed referral, batch or file still finds its events) and
  incident references (named by collection events, the force's own reference, for look-ups by
  incident). A person's pseudonymous tokens and any other hash are dropped with the content;
* its prev_hash and hash, untouched, so every link of the chain is still checked end to end.

The content the hash was computed over is gone, so a sealed event cannot be re-hashed; instead a
seal (HMAC under a key derived from the ledger key) binds the kept facts to the event's seq,
prev_hash and hash, and to when and by which run it was sealed. Editing a kept fact, the digest,
the link or the seq of a sealed event breaks its seal, and unsealing one (clearing sealed_at)
leaves content that no longer matches its hash. Like the chain itself, this is evidence against
anyone without the key, not against its holder.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from asbhub.ledger.bulk import bulk_insert
from asbhub.ledger.chain import REKEYED, EventKind, LedgerKey, _instant
from asbhub.store.models import LedgerEvent, LedgerReference

KEPT_DETAILS = frozenset(
    {
        "batch_id",
        "isa_reference",
        "partner_id",
        "run_id",
        "record_class",
        "rules",
        "count",
        "sealed",
        "first_seq",
        "last_seq",
        "source",
        "query",
        "certificate_sha256",
        "rule",
        "review_decision",
        # where a pruned chain starts (ledger/verify.py reads these from the chain itself)
        "ledger_pruned_through",
        "ledger_pruned_head",
        # the hashes events had before a rotation of the ledger key (ledger/rekey.py)
        REKEYED,
    }
)


def seal_body(
    seq: int,
    at: datetime,
    kind: str,
    recipient: str | None,
    justification: str,
    reference_hashes: Sequence[str],
    details: dict[str, Any],
    prev_hash: str,
    digest: str,
    sealed_at: datetime,
    sealed_by: str | None,
) -> bytes:
    """The bytes a seal covers: the kept facts, the event's place and digest, and the sealing."""
    body = {
        "seq": seq,
        "at": _instant(at),
        "kind": kind,
        "recipient": recipient,
        "justification": justification,
        "reference_hashes": list(reference_hashes),
        "details": details,
        "prev_hash": prev_hash,
        "hash": digest,
        "sealed_at": _instant(sealed_at),
        "sealed_by": sealed_by,
    }
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def seal_of(
    key: LedgerKey, ev: LedgerEvent, as_seq: int | None = None, link: str | None = None
) -> str:
    """The seal a sealed event should carry (as written at `as_seq`, to diagnose a move; with
    the link `link` instead of its own, to re-seal it after a rotation of the ledger key)."""
    assert ev.sealed_at is not None
    return key.seal_hash(
        seal_body(
            ev.seq if as_seq is None else as_seq,
            ev.at,
            ev.kind,
            ev.recipient,
            ev.justification,
            ev.reference_hashes,
            ev.details,
            ev.prev_hash if link is None else link,
            ev.hash,
            ev.sealed_at,
            ev.sealed_by,
        )
    )


def seal_events(
    session: Session,
    key: LedgerKey,
    events: Sequence[LedgerEvent],
    record_hashes: Collection[str],
    sealed_by: str,
    now: datetime,
) -> int:
    """Seal these (live) events in the caller's transaction, keeping of their reference hashes
    only those in `record_hashes`; returns how many were sealed."""
    rows: list[dict[str, Any]] = []
    refs: list[dict[str, Any]] = []
    for ev in events:
        if ev.sealed_at is not None:
            continue
        kept = sorted(h for h in ev.reference_hashes if h in record_hashes)
        details = {k: v for k, v in (ev.details or {}).items() if k in KEPT_DETAILS}
        justification = ev.justification if ev.kind == EventKind.DISCLOSURE.value else ""
        body = seal_body(
            ev.seq,
            ev.at,
            ev.kind,
            ev.recipient,
            justification,
            kept,
            details,
            ev.prev_hash,
            ev.hash,
            now,
            sealed_by,
        )
        rows.append(
            {
                "seq": ev.seq,
                "actor": "",
                "justification": justification,
                "reference_hashes": kept,
                "details": details,
                "sealed_at": now,
                "sealed_by": sealed_by,
                "seal": key.seal_hash(body),
            }
        )
        refs.extend({"seq": ev.seq, "reference_hash": h} for h in kept)
    if not rows:
        return 0
    seqs = [r["seq"] for r in rows]
    session.execute(delete(LedgerReference).where(LedgerReference.seq.in_(seqs)))
    session.execute(update(LedgerEvent), rows)  # by primary key, one statement per chunk
    bulk_insert(session, LedgerReference.__table__, refs)
    return len(rows)


def sealed_seqs(session: Session, seqs: Collection[int]) -> set[int]:
    """Which of these events are sealed."""
    if not seqs:
        return set()
    return set(
        session.scalars(
            select(LedgerEvent.seq).where(
                LedgerEvent.seq.in_(list(seqs)), LedgerEvent.sealed_at.is_not(None)
            )
        )
    )
