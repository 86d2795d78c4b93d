"""The s.62 ledger: chaining, bulk appends, concurrent writers, tamper detection and search."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, text

from asbhub import ledger
from asbhub.errors import DataError, EnvironmentProblem
from asbhub.ledger import Event, EventKind
from asbhub.store.engine import Store
from asbhub.store.models import LedgerEvent, LedgerReference

KEY = ledger.load_key("test-ledger-key-synthetic-only")
T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def _events(n: int, start: int = 0) -> list[Event]:
    return [
        Event(
            kind=EventKind.DISCLOSURE,
            actor="outbound",
            justification="nightly feed",
            references=[f"R-{i:016X}"],
            recipient="council-a",
            details={"batch": "B1", "n": i},
            at=T0 + timedelta(seconds=i),
        )
        for i in range(start, start + n)
    ]


def _filled(store: Store, n: int = 6) -> None:
    with store.session() as session:
        ledger.append_many(session, KEY, _events(n))


def _verify(store: Store) -> ledger.Verification:
    with store.session() as session:
        return ledger.verify(session, KEY)


def test_a_fresh_chain_verifies_and_never_holds_a_reference_in_clear(store: Store) -> None:
    _filled(store, 5)
    result = _verify(store)
    assert result.ok and result.events_checked == 5 and result.head_seq == 5
    with store.session() as session:
        dumped = " ".join(str(r) for r in session.execute(text("SELECT * FROM ledger_events")))
        dumped += " ".join(str(r) for r in session.execute(text("SELECT * FROM ledger_references")))
    assert "R-0000000000000001" not in dumped
    assert KEY.reference_hash("R-0000000000000001") in dumped


def test_append_many_is_one_chain_with_single_appends(store: Store) -> None:
    with store.session() as session:
        first = ledger.append(session, KEY, _events(1)[0])
        bulk = ledger.append_many(session, KEY, _events(2000, start=1))
    assert (first.last_seq, bulk.first_seq, bulk.last_seq) == (1, 2, 2001)
    assert _verify(store).ok
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(LedgerReference)) == 2001


def test_an_empty_append_is_refused(store: Store) -> None:
    with pytest.raises(DataError), store.session() as session:
        ledger.append_many(session, KEY, [])


def test_concurrent_writers_keep_one_unbroken_chain(store: Store) -> None:
    errors: list[BaseException] = []

    def writer(w: int) -> None:
        try:
            for i in range(10):
                with store.session() as session:
                    ledger.append(session, KEY, _events(1, start=w * 100 + i)[0])
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    result = _verify(store)
    assert result.ok and result.events_checked == 40


def _sql(store: Store, *statements: str) -> None:
    """Tamper as a DBA could: foreign keys off, then raw SQL behind the ledger's back."""
    with store.engine.begin() as conn:
        if store.dialect == "sqlite":
            conn.execute(text("PRAGMA defer_foreign_keys = ON"))
            conn.execute(text("PRAGMA ignore_check_constraints = ON"))
        else:
            conn.execute(text("SET LOCAL session_replication_role = replica"))
        for statement in statements:
            conn.execute(text(statement))


def test_an_edited_event_is_found(store: Store) -> None:
    _filled(store)
    _sql(store, "UPDATE ledger_events SET recipient = 'someone-else' WHERE seq = 3")
    result = _verify(store)
    assert not result.ok and result.first_bad_seq == 3 and "edited" in (result.problem or "")


def test_a_deleted_event_is_found(store: Store) -> None:
    _filled(store)
    _sql(
        store,
        "DELETE FROM ledger_references WHERE seq = 4",
        "DELETE FROM ledger_events WHERE seq = 4",
    )
    result = _verify(store)
    assert not result.ok and result.first_bad_seq == 4 and "deleted" in (result.problem or "")


def test_a_deleted_and_renumbered_event_is_found(store: Store) -> None:
    _filled(store)
    _sql(
        store,
        "DELETE FROM ledger_references WHERE seq = 2",
        "DELETE FROM ledger_events WHERE seq = 2",
    )
    _sql(
        store,
        *(f"UPDATE ledger_events SET seq = {seq - 1} WHERE seq = {seq}" for seq in range(3, 7)),
        *(f"UPDATE ledger_references SET seq = {seq - 1} WHERE seq = {seq}" for seq in range(3, 7)),
    )
    result = _verify(store)
    assert not result.ok and result.first_bad_seq == 2


def test_an_inserted_event_is_found(store: Store) -> None:
    _filled(store)
    # make room at 3, as a forger would have to
    _sql(
        store,
        *(f"UPDATE ledger_events SET seq = {seq + 1} WHERE seq = {seq}" for seq in range(6, 2, -1)),
        *(
            f"UPDATE ledger_references SET seq = {seq + 1} WHERE seq = {seq}"
            for seq in range(6, 2, -1)
        ),
    )
    with store.engine.begin() as conn:
        conn.execute(
            LedgerEvent.__table__.insert(),
            {
                "seq": 3,
                "at": T0,
                "kind": "disclosure",
                "actor": "x",
                "justification": "forged",
                "recipient": "council-z",
                "reference_hashes": [],
                "details": {},
                "prev_hash": "a" * 64,
                "hash": "b" * 64,
            },
        )
    result = _verify(store)
    assert not result.ok and result.first_bad_seq == 3 and "inserted" in (result.problem or "")


def test_reordered_events_are_found(store: Store) -> None:
    _filled(store)
    _sql(
        store,
        *(
            f"UPDATE {table} SET seq = {new} WHERE seq = {old}"
            for table in ("ledger_events", "ledger_references")
            for old, new in ((3, 100), (4, 3), (100, 4))
        ),
    )
    result = _verify(store)
    assert not result.ok and result.first_bad_seq == 3 and "reordered" in (result.problem or "")


def test_a_tampered_reference_index_is_found(store: Store) -> None:
    _filled(store)
    _sql(store, "DELETE FROM ledger_references WHERE seq = 5")
    result = _verify(store)
    assert not result.ok and result.first_bad_seq == 5 and "index" in (result.problem or "")


def test_a_wrong_key_fails_at_the_first_event(store: Store) -> None:
    _filled(store)
    with store.session() as session:
        result = ledger.verify(session, ledger.load_key("another-key-entirely-0000"))
    assert not result.ok and result.first_bad_seq == 1


def test_pruning_a_prefix_keeps_the_chain_verifiable(store: Store) -> None:
    _filled(store, 8)
    with store.session() as session:
        ledger.prune_through(session, KEY, 5, actor="retention", why="6-year rule")
    result = _verify(store)
    assert result.ok and result.first_seq == 6 and result.events_checked == 4
    # deleting more than the chain says it pruned is caught
    _sql(
        store,
        "DELETE FROM ledger_references WHERE seq = 6",
        "DELETE FROM ledger_events WHERE seq = 6",
    )
    result = _verify(store)
    assert not result.ok and result.first_bad_seq == 6


def test_search_answers_who_was_sent_what_and_is_itself_logged(store: Store) -> None:
    _filled(store, 3)
    with store.session() as session:
        found = ledger.search(session, KEY, "R-0000000000000001", by="IM Jones", why="SAR 2026/17")
    assert [h.seq for h in found.events] == [2]
    assert found.disclosures[0].recipient == "council-a"
    assert found.logged_as_seq == 4
    with store.session() as session:
        logged = session.get(LedgerEvent, 4)
        assert logged is not None and logged.kind == "consultation" and logged.actor == "IM Jones"
        again = ledger.search(session, KEY, "R-0000000000000001", by="IM Jones", why="check")
    assert [h.kind for h in again.events] == ["disclosure", "consultation"]
    assert _verify(store).ok


def test_search_needs_who_and_why(store: Store) -> None:
    with pytest.raises(DataError), store.session() as session:
        ledger.search(session, KEY, "R-1", by=" ", why="x")


def test_a_missing_key_is_an_environment_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ledger.KEY_ENV, raising=False)
    monkeypatch.delenv("AIRFLOW_VAR_ASBHUB_LEDGER_KEY", raising=False)
    with pytest.raises(EnvironmentProblem, match="ASBHUB_LEDGER_KEY"):
        ledger.load_key()
