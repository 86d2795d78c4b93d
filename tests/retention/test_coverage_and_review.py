"""Every row and file has one class, or `retention coverage` says where it has none; review items
are decided, logged, and acted on by the next plan; a quarantined original goes with its row."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, select

from asbhub.errors import DataError
from asbhub.retention import coverage
from asbhub.retention.execute import execute_run
from asbhub.retention.plan import plan_disposal
from asbhub.retention.review import decide, pending_reviews
from asbhub.retention.runs import approve_run
from asbhub.retention.verify import verify_run
from asbhub.store.engine import Store
from asbhub.store.models import (
    DisposalItem,
    DisposalRun,
    Incident,
    LedgerEvent,
    QuarantineItem,
    Referral,
    ReviewDecision,
)
from tests.retention.test_cli import _cli
from tests.retention.world import AS_OF, KEY, World, build, rid, ts


@pytest.fixture
def world(store: Store, tmp_path: Path) -> World:
    return build(store, tmp_path)


def test_coverage_counts_each_class_and_lists_what_none_covers(world: World) -> None:
    code, out = _cli(world, "--json", "retention", "coverage")
    assert code == 0, out
    found = json.loads(out)
    assert found["counts"]["referral"]["referrals"] == 7
    assert found["counts"]["referral_unclosed"]["referrals"] == 1
    assert found["counts"]["delivery"]["staging/"] == 3
    stray = world.areas.home / "quarantine" / "left-behind.bin"
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"synthetic")
    (world.areas.home / "landing").mkdir()
    (world.areas.home / "landing" / "incidents.csv").write_text("synthetic\n")
    code, out = _cli(world, "--json", "retention", "coverage")
    places = {u["where"]: u["detail"] for u in json.loads(out)["uncovered"]}
    assert code == 1
    assert "quarantine/left-behind.bin" in places and "landing/incidents.csv" in places
    assert "ingest" in places["landing/incidents.csv"]
    stray.unlink()
    (world.areas.home / "landing" / "incidents.csv").unlink()
    code, out = _cli(world, "retention", "coverage")
    assert code == 0, out


def test_a_table_or_a_row_no_class_admits_is_reported(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_table = Table("new_things", MetaData(), Column("id", Integer, primary_key=True))
    assert coverage._members(new_table) is None
    # a state no predicate admits: referrals of a class whose predicate misses the open ones
    monkeypatch.setitem(
        coverage.TABLE_CLASSES,
        "referrals",
        [("referral", lambda: Referral.closed_at.is_not(None))],
    )
    with world.store.session() as s:
        result = coverage.check_coverage(s, world.areas)
    gaps = [u for u in result.uncovered if u.where == "store: referrals"]
    assert not result.ok and gaps[0].count == 1 and "no record class" in gaps[0].detail


def _plan(world: World, as_of: date = AS_OF) -> str:
    with world.store.session() as s:
        return plan_disposal(s, world.schedule, KEY, as_of).run_id


def _finish(world: World, run_id: str) -> None:
    with world.store.session() as s:
        approve_run(s, run_id, "A. Information-Manager")
    execute_run(world.store, run_id, KEY, world.areas, world.remote())
    assert verify_run(world.store, run_id, world.areas, world.remote(), key=KEY).ok


def test_review_decisions_are_logged_and_the_next_plan_follows_them(world: World) -> None:
    run_id = _plan(world)
    with world.store.session() as s:
        listed = {i.target: i.id for i in pending_reviews(s).items}
    # the delivery never acknowledged, and the case no partner closed
    assert set(listed) == {"B-UNACKED", rid(5)}
    with pytest.raises(DataError, match="not one of keep, dispose"), world.store.session() as s:
        decide(s, KEY, listed["B-UNACKED"], "shred", "IM", "why not")
    with pytest.raises(DataError, match="no review item 999999"), world.store.session() as s:
        decide(s, KEY, 999999, "keep", "IM", "r")
    with world.store.session() as s:
        result = decide(s, KEY, listed["B-UNACKED"], "dispose", "IM", "partner never collected")
        event = s.get(LedgerEvent, result.ledger_seq)
        assert event is not None and event.details["review_decision"] == "dispose"
        assert event.reference_hashes == [KEY.reference_hash("B-UNACKED")]
        assert [i.target for i in pending_reviews(s).items] == [rid(5)]
    _finish(world, run_id)
    assert (world.areas.staging / "B-UNACKED").exists()  # decided, for the next run
    second = _plan(world)
    with world.store.session() as s:
        status = s.scalar(
            select(DisposalItem.status).where(
                DisposalItem.target == "B-UNACKED", DisposalItem.status == "planned"
            )
        )
    assert status == "planned"
    with world.store.session() as s:
        applied = s.scalars(select(ReviewDecision.applied_run_pk)).all()
        run_pk = s.scalar(select(DisposalRun.id).where(DisposalRun.run_id == second))
    assert applied == [run_pk], "the decision names the run that acted on it"
    _finish(world, second)
    assert not (world.areas.staging / "B-UNACKED").exists()


def test_a_quarantined_original_goes_with_its_row_unless_another_row_needs_it(
    world: World,
) -> None:
    folder = world.areas.home / "quarantine"
    folder.mkdir(parents=True)
    alone, shared = folder / ("a" * 64 + ".bin"), folder / ("b" * 64 + ".bin")
    for path in (alone, shared):
        path.write_text("incident_ref,district\n42/000001/26,Northdale\n")
    with world.store.session() as s:
        for path, created in (
            (alone, ts(2031, 1, 1)),
            (shared, ts(2031, 1, 1)),
            (shared, ts(2032, 5, 30)),
        ):
            s.add(
                QuarantineItem(
                    source="ingest",
                    partner_id="force",
                    file_name="extract.csv",
                    reason="bad header",
                    original_path=str(path),
                    created_at=created,
                )
            )
    _finish(world, _plan(world))
    assert not alone.exists()
    assert shared.exists()  # the young row still needs it
    _code, out = _cli(world, "--json", "retention", "coverage")
    assert "quarantine/" + shared.name not in {u["where"] for u in json.loads(out)["uncovered"]}


def test_an_incident_never_referred_has_a_destiny(world: World) -> None:
    with world.store.session() as s:
        for ref, is_asb in (("42/000100/20", False), ("42/000101/20", True)):
            s.add(
                Incident(
                    incident_ref=ref,
                    reported_at=datetime(2020, 1, 5, tzinfo=UTC),
                    district="Nowhere",
                    is_asb=is_asb,
                    risk_level="standard",
                    source_file="extract.csv",
                    source_line=1,
                    ingested_at=datetime(2020, 1, 6, tzinfo=UTC),
                    payload={"victim_name": "Synthetic Person"},
                )
            )
    _finish(world, _plan(world, date(2025, 1, 10)))  # 3y for not ASB; ASB not yet 6y
    with world.store.session() as s:
        assert set(
            s.scalars(select(Incident.incident_ref).where(Incident.district == "Nowhere"))
        ) == {"42/000101/20"}
