"""The s.62 ledger's chain: keys, events and appends; references only ever as keyed hashes."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from functools import cached_property, lru_cache
from typing import Any

from pydantic import BaseModel
from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from asbhub.errors import DataError, EnvironmentProblem
from asbhub.ledger.bulk import bulk_insert
from asbhub.store.models import LedgerEvent, LedgerReference

KEY_ENV = "ASBHUB_LEDGER_KEY"
LOOKUP_ENV = "ASBHUB_LEDGER_LOOKUP_KEY"
REKEYED = "ledger_rekeyed"  # the details key of the event that records a key rotation
AIRFLOW_VARIABLE = "asbhub_ledger_key"
GENESIS = "0" * 64
# Any constant will do: every writer of the chain takes this PostgreSQL advisory lock.
ADVISORY_LOCK_ID = 0x5A5B62
INSERT_CHUNK = 5000


class EventKind(StrEnum):
    """The six kinds of processing s.62 requires a log of."""

    COLLECTION = "collection"
    ALTERATION = "alteration"
    CONSULTATION = "consultation"
    DISCLOSURE = "disclosure"
    COMBINATION = "combination"
    ERASURE = "erasure"


@dataclass(frozen=True)
class LedgerKey:
    """The secrets behind the ledger, each use a sub-key derived from one of two secrets.

    `secret` keys the chain and the seals: it can be rotated (`asbhub ledger rekey` re-chains
    and re-seals the whole ledger under a new one). `lookup_secret` keys what the store keeps
    to find things by later (the keyed hashes that stand for references, incidents' field
    digests, records' deny lists): those cannot be made again without the values they stand
    for, so they stay under the key they were made with, which is the ledger key until the
    first rotation and ASBHUB_LEDGER_LOOKUP_KEY after it.
    """

    secret: bytes
    lookup_secret: bytes | None = None

    @property
    def lookup(self) -> bytes:
        """The secret of the store's keyed lookups (never rotated)."""
        return self.lookup_secret or self.secret

    def lookup_key(self, label: bytes) -> bytes:
        """The sub-key of one kind of keyed lookup the store keeps (references, incidents'
        field digests, case-review identities; deny lists derive theirs from `lookup` in
        asbhub.pii.deny_list): from the lookup secret, which a rotation leaves as it is."""
        return hmac.new(self.lookup, label, hashlib.sha256).digest()

    @cached_property
    def _reference_key(self) -> bytes:
        return self.lookup_key(b"asbhub/ledger/reference")

    @cached_property
    def _chain_key(self) -> bytes:
        return hmac.new(self.secret, b"asbhub/ledger/chain", hashlib.sha256).digest()

    @cached_property
    def fingerprint(self) -> str:
        """Names the chain key in the ledger (a rotation records from which to which) without
        revealing anything of it."""
        return hmac.new(self.secret, b"asbhub/ledger/fingerprint", hashlib.sha256).hexdigest()[:16]

    def reference_hash(self, reference: str) -> str:
        """The keyed hash that stands for a reference in the ledger and in certificates."""
        return hmac.digest(self._reference_key, reference.strip().encode(), "sha256").hex()

    @cached_property
    def _seal_key(self) -> bytes:
        return hmac.new(self.secret, b"asbhub/ledger/seal", hashlib.sha256).digest()

    def chain_hash(self, prev_hash: str, body: bytes) -> str:
        return hmac.digest(self._chain_key, prev_hash.encode() + body, "sha256").hex()

    def seal_hash(self, body: bytes) -> str:
        """The MAC that binds a sealed event's kept facts to its place and digest in the chain."""
        return hmac.digest(self._seal_key, body, "sha256").hex()


def load_key(value: str | None = None, lookup: str | None = None) -> LedgerKey:
    """The ledger key from the argument, $ASBHUB_LEDGER_KEY or the Airflow Variable; with the
    lookup key ($ASBHUB_LEDGER_LOOKUP_KEY) once the ledger key has been rotated."""
    from asbhub.settings import secret

    secret_value = value or secret("ledger_key")
    if not secret_value:
        raise EnvironmentProblem(
            f"no ledger key: set {KEY_ENV} (or the Airflow variable {AIRFLOW_VARIABLE}) to the "
            "secret the information manager holds; it must never be stored in the repository"
        )
    lookup_value = lookup if value else (lookup or secret("ledger_lookup_key"))
    for name, given in ((KEY_ENV, secret_value), (LOOKUP_ENV, lookup_value)):
        if given is not None and len(given) < 16:
            raise EnvironmentProblem(
                f"the ledger key in {name} is too short: use at least 16 characters"
            )
    return LedgerKey(secret_value.encode(), lookup_value.encode() if lookup_value else None)


@dataclass
class Event:
    """One thing done to personal data, before it is chained."""

    kind: EventKind | str
    actor: str
    justification: str
    references: Sequence[str] = ()
    recipient: str | None = None
    details: dict[str, Any] = field(default_factory=dict)
    at: datetime | None = None


class Appended(BaseModel):
    first_seq: int
    last_seq: int
    head_hash: str


def canonical(
    seq: int,
    at: datetime,
    kind: str,
    actor: str,
    justification: str,
    recipient: str | None,
    reference_hashes: Sequence[str],
    details: dict[str, Any],
) -> bytes:
    """The bytes an event's hash covers: stable across engines and JSON column round trips."""
    body = {
        "seq": seq,
        "at": _instant(at),
        "kind": kind,
        "actor": actor,
        "justification": justification,
        "recipient": recipient,
        "reference_hashes": list(reference_hashes),
        "details": details,
    }
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def event_body(ev: LedgerEvent, as_seq: int | None = None) -> bytes:
    """A stored live event's canonical bytes (as written at `as_seq`, to diagnose a move)."""
    return canonical(
        ev.seq if as_seq is None else as_seq,
        ev.at,
        ev.kind,
        ev.actor,
        ev.justification,
        ev.recipient,
        ev.reference_hashes,
        ev.details,
    )


@lru_cache(maxsize=64)
def _instant(at: datetime) -> str:
    """UTC with microseconds: what both engines give back for a stored timestamp."""
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def lock_chain(session: Session) -> None:
    """Serialise writers of the chain until this transaction ends."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": ADVISORY_LOCK_ID})
    else:
        # A no-op write takes SQLite's write lock now, so no other writer reads a stale head.
        session.execute(text("UPDATE ledger_events SET seq = seq WHERE 0"))


def head(session: Session) -> tuple[int, str]:
    """The last event's seq and hash, or (0, genesis) for an empty ledger."""
    row = session.execute(
        select(LedgerEvent.seq, LedgerEvent.hash).order_by(LedgerEvent.seq.desc()).limit(1)
    ).first()
    return (row[0], row[1]) if row else (0, GENESIS)


def keyed_head(session: Session, key: LedgerKey) -> tuple[int, str]:
    """The last event's seq and hash, as `head`, read once; refused when this key did not
    write it: after a rotation of the ledger key, a process still holding the old key would
    otherwise break the chain for good (and a last event altered since would be chained
    over)."""
    ev = session.scalars(select(LedgerEvent).order_by(LedgerEvent.seq.desc()).limit(1)).first()
    if ev is None:
        return 0, GENESIS
    # A sealed last event's seal is checked by verification; sealing keeps no recent event.
    if ev.sealed_at is None and key.chain_hash(ev.prev_hash, event_body(ev)) != ev.hash:
        raise EnvironmentProblem(
            f"the ledger's last event ({ev.seq}) does not verify under this ledger key, so "
            "nothing is chained onto it: the ledger key was rotated (`asbhub ledger rekey`) "
            f"and this process still has the old one in {KEY_ENV}, or that event was altered; "
            "run `asbhub ledger verify`"
        )
    return ev.seq, ev.hash


def append(session: Session, key: LedgerKey, event: Event) -> Appended:
    """Chain one event onto the ledger, in the caller's transaction."""
    return append_many(session, key, [event])


def append_many(session: Session, key: LedgerKey, events: Iterable[Event]) -> Appended:
    """Chain many events in one locked pass, inserted with executemany in chunks."""
    lock_chain(session)
    seq, prev = keyed_head(session, key)
    first = seq + 1
    now = datetime.now(UTC)
    rows: list[dict[str, Any]] = []
    refs: list[dict[str, Any]] = []
    for event in events:
        seq += 1
        at = (event.at or now).astimezone(UTC)
        kind = EventKind(event.kind).value
        hashes = sorted({key.reference_hash(r) for r in event.references})
        body = canonical(
            seq, at, kind, event.actor, event.justification, event.recipient, hashes, event.details
        )
        digest = key.chain_hash(prev, body)
        rows.append(
            {
                "seq": seq,
                "at": at,
                "kind": kind,
                "actor": event.actor,
                "justification": event.justification,
                "recipient": event.recipient,
                "reference_hashes": hashes,
                "details": event.details,
                "prev_hash": prev,
                "hash": digest,
            }
        )
        refs.extend({"seq": seq, "reference_hash": h} for h in hashes)
        prev = digest
        if len(rows) >= INSERT_CHUNK:
            _flush(session, rows, refs, analyze=rows[0]["seq"] == first)
    _flush(session, rows, refs)
    if seq < first:
        raise DataError("nothing to append: no ledger events were given")
    return Appended(first_seq=first, last_seq=seq, head_hash=prev)


def _flush(
    session: Session, rows: list[dict[str, Any]], refs: list[dict[str, Any]], analyze: bool = False
) -> None:
    if rows:
        bulk_insert(session, LedgerEvent.__table__, rows)
        if analyze and session.get_bind().dialect.name == "postgresql":
            # With statistics that say "empty", PostgreSQL plans the references' foreign-key
            # check as a scan of the growing table, once per row; fresh statistics (which also
            # invalidate that cached plan) keep it on the primary key.
            session.execute(text("ANALYZE ledger_events"))
        rows.clear()
    if refs:
        bulk_insert(session, LedgerReference.__table__, refs)
        refs.clear()


def prune_through(
    session: Session,
    key: LedgerKey,
    last_seq: int,
    actor: str,
    why: str,
    references: Sequence[str] = (),
) -> Appended:
    """Erase events 1..last_seq (retention) and record, in the chain, where it now starts."""
    lock_chain(session)
    row = session.execute(select(LedgerEvent.hash).where(LedgerEvent.seq == last_seq)).first()
    if row is None:
        raise DataError(f"ledger event {last_seq} does not exist; nothing to prune through it")
    session.execute(delete(LedgerReference).where(LedgerReference.seq <= last_seq))
    session.execute(delete(LedgerEvent).where(LedgerEvent.seq <= last_seq))
    return append(
        session,
        key,
        Event(
            kind=EventKind.ERASURE,
            actor=actor,
            justification=why,
            references=references,
            details={"ledger_pruned_through": last_seq, "ledger_pruned_head": row[0]},
        ),
    )
