"""Sealed events keep the chain whole: every tamper with a sealed event, and a cut tail, is found
and named."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from asbhub import ledger
from asbhub.ledger.seal import seal_events
from asbhub.store.engine import Store
from asbhub.store.models import LedgerEvent
from asbhub.web.health import record_verification
from tests.ledger.test_ledger import KEY, T0, _events, _filled, _sql, _verify

SEALED = (2, 3, 4, 5)


def _sealed_chain(store: Store) -> None:
    """Eight disclosures; 2-5 sealed as retention would, keeping their referral hashes."""
    _filled(store, 8)
    with store.session() as session:
        events = session.scalars(select(LedgerEvent).where(LedgerEvent.seq.in_(SEALED))).all()
        records = {h for e in events for h in e.reference_hashes}
        sealed = seal_events(session, KEY, events, records, "DR-20310601-ABC123", datetime.now(UTC))
    assert sealed == len(SEALED)


def test_a_chain_with_sealed_events_verifies_end_to_end(store: Store) -> None:
    _sealed_chain(store)
    result = _verify(store)
    assert result.ok and result.events_checked == 8 and result.first_seq == 1
    assert result.counts["disclosure"].model_dump() == {"live": 4, "sealed": 4}
    assert "disclosure 4 live + 4 sealed" in result.summary()
    with store.session() as session:
        found = ledger.search(session, KEY, "R-0000000000000003", by="IM", why="SAR 1")
    assert [(h.seq, h.recipient, h.sealed_by) for h in found.disclosures] == [
        (4, "council-a", "DR-20310601-ABC123")
    ]
    assert found.disclosures[0].details == {}  # neither "batch" nor "n" is a kept fact


TAMPERS = {
    "a kept fact edited": (
        ["UPDATE ledger_events SET recipient = 'council-z' WHERE seq = 3"],
        3,
        "sealed event 3's seal does not match",
    ),
    "a sealed event's digest altered": (
        [f"UPDATE ledger_events SET hash = '{'f' * 64}' WHERE seq = 3"],
        3,
        "sealed event 3's seal does not match",
    ),
    "a sealed event's link altered": (
        [f"UPDATE ledger_events SET prev_hash = '{'e' * 64}' WHERE seq = 4"],
        4,
        "sealed event 4's seal does not match",
    ),
    "a sealed event unsealed": (
        ["UPDATE ledger_events SET sealed_at = NULL WHERE seq = 3"],
        3,
        "edited",
    ),
    "a live event sealed without the key": (
        ["UPDATE ledger_events SET sealed_at = at, seal = '" + "a" * 64 + "' WHERE seq = 7"],
        7,
        "sealed event 7's seal does not match",
    ),
    "a sealed event deleted": (
        ["DELETE FROM ledger_references WHERE seq = 4", "DELETE FROM ledger_events WHERE seq = 4"],
        4,
        "event 4 missing",
    ),
    "sealed events reordered": (
        [
            f"UPDATE {table} SET seq = {new} WHERE seq = {old}"
            for table in ("ledger_events", "ledger_references")
            for old, new in ((3, 100), (4, 3), (100, 4))
        ],
        3,
        "reordered",
    ),
}


@pytest.mark.parametrize("tamper", list(TAMPERS))
def test_each_tamper_with_a_sealed_event_is_found_and_named(store: Store, tamper: str) -> None:
    _sealed_chain(store)
    statements, seq, problem = TAMPERS[tamper]
    _sql(store, *statements)
    result = _verify(store)
    assert not result.ok and result.first_bad_seq == seq, result
    assert problem in (result.problem or ""), result.problem
    assert "LEDGER BROKEN" in result.summary()


def test_an_event_inserted_among_sealed_ones_is_found(store: Store) -> None:
    _sealed_chain(store)
    _sql(
        store,
        *(
            f"UPDATE {table} SET seq = {seq + 1} WHERE seq = {seq}"
            for seq in range(8, 3, -1)
            for table in ("ledger_events", "ledger_references")
        ),
    )
    with store.session() as session:
        prev = session.scalar(select(LedgerEvent.hash).where(LedgerEvent.seq == 3))
    with store.engine.begin() as conn:
        conn.execute(
            LedgerEvent.__table__.insert(),
            {
                "seq": 4,
                "at": T0,
                "kind": "disclosure",
                "actor": "",
                "justification": "",
                "recipient": "council-z",
                "reference_hashes": [],
                "details": {},
                "prev_hash": prev,
                "hash": "b" * 64,
                "sealed_at": T0,
                "sealed_by": "DR-forged",
                "seal": "c" * 64,
            },
        )
    result = _verify(store)
    assert not result.ok and result.first_bad_seq == 4 and "inserted" in (result.problem or "")


def _verified_by(store: Store, who: str) -> ledger.Verification:
    with store.session() as session:
        result = ledger.verify(session, KEY)
        record_verification(session, result, who)
    return result


def test_deleting_the_newest_events_is_found_against_the_last_verification(store: Store) -> None:
    _sealed_chain(store)
    assert _verified_by(store, "IM Jones").head_seq == 8
    _sql(
        store,
        "DELETE FROM ledger_references WHERE seq >= 7",
        "DELETE FROM ledger_events WHERE seq >= 7",
    )
    result = _verified_by(store, "IM Jones")
    assert not result.ok and result.first_bad_seq == 7
    assert "events 7-8 missing from the end of the ledger" in (result.problem or "")
    assert "verification by IM Jones" in (result.problem or "")
    # a failed check is no new anchor: the next check still sees the cut
    assert not _verify(store).ok


def test_replacing_the_newest_event_is_found_against_the_last_verification(store: Store) -> None:
    _filled(store, 4)
    _verified_by(store, "IM Jones")
    _sql(
        store,
        "DELETE FROM ledger_references WHERE seq = 4",
        "DELETE FROM ledger_events WHERE seq = 4",
    )
    with store.session() as session:  # a new event 4, properly chained by someone with the key
        ledger.append(session, KEY, _events(1, start=40)[0])
    result = _verify(store)
    assert not result.ok and result.first_bad_seq == 4
    assert "event 4 is not the head the verification by IM Jones" in (result.problem or "")


def test_an_empty_ledger_that_was_verified_with_events_is_not_intact(store: Store) -> None:
    _filled(store, 3)
    _verified_by(store, "IM Jones")
    _sql(store, "DELETE FROM ledger_references", "DELETE FROM ledger_events")
    result = _verify(store)
    assert not result.ok and "events 1-3 missing from the end" in (result.problem or "")
