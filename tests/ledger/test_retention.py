"""The ledger outlives what it logs: events wait for their records, are sealed (not deleted) when
the records go, still answer "who was sent what" afterwards, and a hold reaches linked records."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text

from asbhub import ledger
from asbhub.retention.holds import add_hold, remove_hold
from asbhub.store.engine import Store
from asbhub.store.models import DisposalRun, LedgerReference
from tests.ledger.history import KEY, R_A1, R_B1, R_B2, TOKEN, History, build, ts


@pytest.fixture
def history(store: Store, tmp_path: Path) -> History:
    return build(store, tmp_path)


def _verify(history: History) -> ledger.Verification:
    with history.store.session() as s:
        return ledger.verify(s, KEY)


def _search(history: History, reference: str) -> ledger.SearchResult:
    with history.store.session() as s:
        return ledger.search(s, KEY, reference, by="IM Jones", why="SAR 2031/4")


def test_events_of_a_referral_still_held_survive_their_own_period(history: History) -> None:
    # six years after the disclosure, but the council has not yet held the case closed six years
    run_id, checked = history.run(date(2030, 12, 20))
    assert checked.ok
    assert history.items(run_id) == {}
    events = history.events()
    assert all(e.sealed_at is None for e in events.values())
    assert events[3].actor == "outbound" and events[3].details["batch_id"] == "B-council-a-20241203"
    assert _verify(history).ok


def test_a_disposed_referral_keeps_a_sealed_disclosure_log(history: History) -> None:
    run_id, checked = history.run(date(2031, 6, 1))
    assert checked.ok, checked.survivors
    # INC-1 and its one referral went, so its collection, disclosure and outcome are sealed;
    # INC-2 still has a referral at the housing provider, so every event naming it waits
    assert history.items(run_id) == {f"ledger:{n}": "disposed" for n in (1, 3, 4)}
    events = history.events()
    assert {n for n, e in events.items() if e.sealed_at is not None} == {1, 3, 4}
    disclosure = events[3]
    assert disclosure.sealed_by == run_id and disclosure.actor == ""
    assert disclosure.recipient == "council-a"
    assert disclosure.details == {"batch_id": "B-council-a-20241203", "isa_reference": "ISA-7"}
    assert disclosure.justification == "Crime and Disorder Act 1998 s.115"  # the ISA's basis
    assert events[4].details == {"partner_id": "council-a"}  # no outcome id, no file line
    # the person's token is dropped from sealed events; the referral and incident hashes stay
    token = KEY.reference_hash(TOKEN)
    assert token not in disclosure.reference_hashes
    assert KEY.reference_hash(R_A1) in disclosure.reference_hashes
    with history.store.session() as s:
        named = set(
            s.scalars(select(LedgerReference.seq).where(LedgerReference.reference_hash == token))
        )
    assert named == {5, 7}  # the live disclosures of INC-2 still name it
    result = _verify(history)
    assert result.ok and result.first_seq == 1 and result.events_checked == len(events)
    assert result.counts["disclosure"].sealed == 1 and result.counts["disclosure"].live == 2
    assert result.counts["collection"].sealed == 1
    found = _search(history, R_A1)
    assert [(d.seq, d.recipient, d.sealed_by) for d in found.disclosures] == [
        (3, "council-a", run_id)
    ]
    assert found.disclosures[0].details["isa_reference"] == "ISA-7"
    assert [d.run_id for d in found.disposals] == [run_id]
    by_incident = _search(history, "INC-000001")
    assert {e.seq for e in by_incident.events} >= {1, 3, 4}
    assert _verify(history).ok  # the searches were logged on the same chain


def test_a_hold_on_a_disposed_referral_protects_its_incidents_collection(
    history: History,
) -> None:
    history.run(date(2031, 6, 1))
    with history.store.session() as s:
        add_hold(s, R_B1, "complaint about what the council was sent", "Legal Services")
    run_id, checked = history.run(date(2032, 6, 1))
    assert checked.ok
    # R-B2 went, and with it INC-2; but INC-2 is linked to the held R-B1 (its disclosure named
    # both), so INC-2's collection and every event naming INC-2 or R-B1 stays live
    assert history.items(run_id) == {}
    with history.store.session() as s:
        counts = s.scalar(select(DisposalRun.counts).where(DisposalRun.run_id == run_id))
    assert counts["ledger_event"]["ledger-6y"]["held"] == 5
    events = history.events()
    assert all(events[n].sealed_at is None for n in (2, 5, 6, 7, 8))
    assert events[2].details["source"] == "extract-2024-12-02.csv"
    with history.store.session() as s:
        remove_hold(s, R_B1, "Legal Services", "complaint closed")
    run_id, checked = history.run(date(2032, 7, 1))
    assert checked.ok
    assert history.items(run_id) == {f"ledger:{n}": "disposed" for n in (2, 5, 6, 7, 8)}
    result = _verify(history)
    assert result.ok
    assert result.counts["disclosure"].live == 0 and result.counts["disclosure"].sealed == 3
    assert [d.recipient for d in _search(history, R_B2).disclosures] == ["housing-b"]


def test_a_hold_placed_after_planning_keeps_the_events_of_the_referral_it_keeps(
    history: History,
) -> None:
    from asbhub.retention.execute import execute_run
    from asbhub.retention.plan import plan_disposal
    from asbhub.retention.runs import approve_run

    with history.store.session() as s:
        run_id = plan_disposal(s, history.schedule, KEY, date(2031, 6, 1)).run_id
        approve_run(s, run_id, "A. Information-Manager")
    assert set(history.items(run_id)) == {"ledger:1", "ledger:3", "ledger:4"}
    with history.store.session() as s:
        add_hold(s, "INC-000001", "inquiry", "Legal Services")
    execute_run(history.store, run_id, KEY, history.areas)
    assert set(history.items(run_id).values()) == {"held"}
    assert all(e.sealed_at is None for e in history.events().values())
    assert _verify(history).ok


def test_sealed_events_hold_no_personal_data(history: History) -> None:
    history.run(date(2031, 6, 1))
    with history.store.session() as s:
        rows = s.execute(text("SELECT * FROM ledger_events WHERE sealed_at IS NOT NULL")).all()
    dumped = " ".join(str(r) for r in rows)
    for personal in (TOKEN, KEY.reference_hash(TOKEN), "O-" + R_A1, "ingest", "inbound"):
        assert personal not in dumped


def test_the_audit_views_look_up_answers_for_a_disposed_referral(history: History) -> None:
    from asbhub.web.queries import look_up

    run_id, _checked = history.run(date(2031, 6, 1))
    with history.store.session() as s:
        answer = look_up(s, KEY, R_A1, by="IM Jones", why="SAR 2031/4")
    assert [
        (d.recipient, d.batch_id, d.isa_reference, d.sealed_by) for d in answer.disclosures
    ] == [("council-a", "B-council-a-20241203", "ISA-7", run_id)]
    assert [d.run_id for d in answer.disposals] == [run_id]
    assert answer.still_held == []


def test_the_event_that_froze_a_kept_certificate_is_never_sealed(history: History) -> None:
    first, _checked = history.run(date(2031, 6, 1))
    with history.store.session() as s:  # logged as the frozen certificate logs it, long ago
        frozen = ledger.append(
            s,
            KEY,
            ledger.Event(
                kind=ledger.EventKind.ERASURE,
                actor="retention",
                justification=f"disposal certificate of run {first}, frozen at verification",
                references=[first],
                details={"run_id": first, "certificate_sha256": "ab" * 32},
                at=ts(2024, 1, 1),
            ),
        ).last_seq
    run_id, checked = history.run(date(2032, 7, 1))
    assert checked.ok
    assert f"ledger:{frozen}" not in history.items(run_id)
    assert history.events()[frozen].sealed_at is None
