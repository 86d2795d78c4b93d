"""A disposal run end to end on both engines: plan, approval, execution, verification, resume."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from asbhub import ledger
from asbhub.errors import DataError
from asbhub.retention.execute import execute_run
from asbhub.retention.holds import add_hold
from asbhub.retention.plan import plan_disposal
from asbhub.retention.runs import approve_run, cancel_run
from asbhub.retention.verify import verify_run
from asbhub.store.engine import Store
from asbhub.store.models import (
    DisposalItem,
    DisposalNotice,
    DisposalRun,
    InboundFile,
    Incident,
    Outcome,
    QuarantineItem,
    Referral,
)
from tests.retention.world import AS_OF, DUE_REFERRALS, KEY, REFERRALS, World, build, rid


@pytest.fixture
def world(store: Store, tmp_path: Path) -> World:
    return build(store, tmp_path)


def _plan(world: World, **kw: Any) -> str:
    with world.store.session() as s:
        return plan_disposal(s, world.schedule, KEY, AS_OF, **kw).run_id


def _approve(world: World, run_id: str) -> None:
    with world.store.session() as s:
        approve_run(s, run_id, "A. Information-Manager")


def _run_all(world: World) -> str:
    run_id = _plan(world)
    _approve(world, run_id)
    execute_run(world.store, run_id, KEY, world.areas, world.remote())
    verify_run(world.store, run_id, world.areas, world.remote(), key=KEY)
    return run_id


def _referrals(world: World) -> set[str]:
    with world.store.session() as s:
        return set(s.scalars(select(Referral.referral_id)))


def _state(world: World) -> dict[str, Any]:
    """Everything a run changes, for comparing a resumed run with an uninterrupted one."""
    with world.store.session() as s:
        return {
            "referrals": sorted(s.scalars(select(Referral.referral_id))),
            "outcomes": s.scalar(select(func.count()).select_from(Outcome)),
            "incidents": s.scalar(select(func.count()).select_from(Incident)),
            "quarantine": sorted(s.scalars(select(QuarantineItem.file_name))),
            "archives": sorted(str(a) for a in s.scalars(select(InboundFile.archive_path))),
            "notices": sorted(s.scalars(select(DisposalNotice.referral_id))),
            "items": sorted(s.execute(select(DisposalItem.target, DisposalItem.status)).all()),
            "staging": sorted(p.name for p in world.areas.staging.iterdir()),
            "inbox": sorted(p.name for p in (world.partner_root / "council-a" / "inbox").iterdir()),
            "ledger_ok": ledger.verify(s, KEY).ok,
            "status": s.scalar(select(DisposalRun.status)),
        }


def test_the_plan_lists_what_is_due_by_class_and_rule(world: World) -> None:
    run_id = _plan(world)
    with world.store.session() as s:
        items = s.execute(
            select(
                DisposalItem.record_class,
                DisposalItem.rule,
                DisposalItem.target,
                DisposalItem.status,
            )
        ).all()
    referrals = {t for c, _r, t, _s in items if c == "referral"}
    assert referrals == DUE_REFERRALS
    assert {(t, st) for c, _r, t, st in items if c == "delivery"} == {
        ("B-OLD", "planned"),
        ("B-UNACKED", "review"),
    }
    assert {r for c, r, _t, _s in items if c == "quarantine"} == {"quarantine-90d"}
    assert run_id.startswith("DR-20320601-")
    assert _referrals(world) == {rid(n) for n in REFERRALS}  # planning deletes nothing


def test_nothing_is_executed_without_approval(world: World) -> None:
    run_id = _plan(world)
    with pytest.raises(DataError, match="not approved"):
        execute_run(world.store, run_id, KEY, world.areas, world.remote())
    assert _referrals(world) == {rid(n) for n in REFERRALS}


def test_a_full_run_disposes_everywhere_and_queues_notices(world: World) -> None:
    run_id = _run_all(world)
    state = _state(world)
    assert set(state["referrals"]) == {rid(n) for n in REFERRALS} - DUE_REFERRALS
    assert state["outcomes"] == len(REFERRALS) - len(DUE_REFERRALS)
    assert state["incidents"] == len(REFERRALS) - len(DUE_REFERRALS)
    assert state["quarantine"] == ["q-new.csv"]
    assert state["archives"] == ["None"]
    assert state["staging"] == ["B-NEW", "B-UNACKED"]
    assert state["inbox"] == ["B-NEW.csv", "B-UNACKED.csv"]
    assert state["notices"] == sorted([rid(1), rid(6)])  # rid(7) was never sent
    assert state["ledger_ok"] and state["status"] == "verified"
    with world.store.session() as s:
        notice = s.scalars(select(DisposalNotice)).first()
        assert notice is not None and notice.notice_id.startswith("DN-") and notice.sent_at is None
        found = ledger.search(s, KEY, rid(1), by="auditor", why="test")
    assert [d.run_id for d in found.disposals] == [run_id]
    assert any(e.kind == "erasure" for e in found.events)


def test_a_second_open_run_is_refused_until_the_first_is_cancelled(world: World) -> None:
    first = _plan(world)
    with pytest.raises(DataError, match=f"{first} is still open"):
        _plan(world)
    with world.store.session() as s:
        cancel_run(s, first)
    assert _plan(world) != first


def test_a_held_record_is_never_planned(world: World) -> None:
    with world.store.session() as s:
        add_hold(s, rid(1), "civil claim 2032/44", "Legal Services")
        add_hold(s, "INC-000006", "complaint", "Professional Standards")
        add_hold(s, "B-OLD", "inquiry", "Legal Services")
    run_id = _plan(world)
    with world.store.session() as s:
        targets = set(s.scalars(select(DisposalItem.target)))
        counts = s.scalar(select(DisposalRun.counts).where(DisposalRun.run_id == run_id))
    assert targets.isdisjoint({rid(1), rid(6), "B-OLD"})
    assert counts["referral"]["referral-standard"]["held"] == 2
    # of the events old enough only rid(7)'s goes with its referral: the held referrals (rid(1),
    # and rid(6) through its held incident) stay, and so do the events that name them
    assert {t for t in targets if t.startswith("ledger:")} == {"ledger:7"}


def test_a_hold_placed_after_planning_stops_its_disposal(world: World) -> None:
    run_id = _plan(world)
    _approve(world, run_id)
    with world.store.session() as s:
        add_hold(s, rid(6), "judicial review", "Legal Services")
        add_hold(s, "q-old.csv", "partner dispute", "Legal Services")
    execute_run(world.store, run_id, KEY, world.areas, world.remote())
    result = verify_run(world.store, run_id, world.areas, world.remote(), key=KEY)
    assert result.ok and result.held_after_planning >= 2
    assert rid(6) in _referrals(world)
    assert "q-old.csv" in _state(world)["quarantine"]


CRASH_POINTS = [
    "plan:items-recorded",
    "execute:started",
    "execute:referral:before-commit",
    "execute:referral:committed",
    "execute:delivery:files-deleted",
    "execute:delivery:before-commit",
    "execute:quarantine:committed",
    "execute:inbound_original:files-deleted",
    "execute:ledger_event:before-commit",
    "execute:ledger_event:committed",
    "execute:finished",
    "verify:checked",
]


class Crash(Exception):
    pass


@pytest.mark.parametrize("point", CRASH_POINTS)
def test_a_crash_at_any_point_resumes_to_the_same_end(world: World, point: str) -> None:
    def crash(at: str) -> None:
        if at == point:
            raise Crash(at)

    steps = [
        lambda cp: _plan_with(world, cp),
        lambda cp: _approve(world, _run_id(world)),
        lambda cp: execute_run(
            world.store,
            _run_id(world),
            KEY,
            world.areas,
            world.remote(),
            batch_size=2,
            checkpoint=cp,
        ),
        lambda cp: verify_run(
            world.store, _run_id(world), world.areas, world.remote(), checkpoint=cp, key=KEY
        ),
    ]
    crashed = False
    for step in steps:
        try:
            step(crash)
        except Crash:
            crashed = True
            step(None)  # the operator runs the same command again
    assert crashed, f"{point} was never reached"
    _assert_disposed(_state(world))


def _plan_with(world: World, checkpoint: Any) -> None:
    with world.store.session() as s:
        plan_disposal(s, world.schedule, KEY, AS_OF, checkpoint=checkpoint)


def _run_id(world: World) -> str:
    with world.store.session() as s:
        run_id = s.scalar(select(DisposalRun.run_id).where(DisposalRun.status != "cancelled"))
    assert run_id is not None
    return run_id


def _assert_disposed(state: dict[str, Any]) -> None:
    assert set(state["referrals"]) == {rid(n) for n in REFERRALS} - DUE_REFERRALS
    assert state["outcomes"] == len(REFERRALS) - len(DUE_REFERRALS)
    assert state["quarantine"] == ["q-new.csv"]
    assert state["archives"] == ["None"]
    assert state["staging"] == ["B-NEW", "B-UNACKED"]
    assert state["inbox"] == ["B-NEW.csv", "B-UNACKED.csv"]
    assert state["notices"] == sorted([rid(1), rid(6)])
    assert {st for _t, st in state["items"]} == {"disposed", "review"}
    assert state["ledger_ok"] and state["status"] == "verified"


class StubbornPartner:
    """A real partner folder (LocalTransport) whose server refuses to delete one file."""

    def __init__(self, world: World, refuse: str) -> None:
        self.inner = world.remote()
        self.refuse = refuse
        self.partner_ids = self.inner.partner_ids
        self.files = self.inner.files
        self.read = self.inner.read
        self.replace = self.inner.replace
        self.remove = self.inner.remove

    def delete(self, partner_id: str, names: list[str]) -> None:
        if self.refuse in names:
            raise PermissionError(f"permission denied: {self.refuse}")
        self.inner.delete(partner_id, names)

    def remaining(self, partner_id: str, names: list[str]) -> list[str]:
        return self.inner.remaining(partner_id, names)


def test_verification_reports_a_file_that_could_not_be_deleted(world: World) -> None:
    run_id = _plan(world)
    _approve(world, run_id)
    stubborn = StubbornPartner(world, "B-OLD.csv")
    execute_run(world.store, run_id, KEY, world.areas, stubborn)
    result = verify_run(world.store, run_id, world.areas, stubborn, key=KEY)
    assert not result.ok
    assert [(s.record_class, s.where) for s in result.survivors] == [
        ("delivery", "store: deliveries (not marked disposed)")
    ]
    assert result.survivors[0].reference_hash == KEY.reference_hash("B-OLD")
    with world.store.session() as s:
        assert s.scalar(select(DisposalRun.status)) == "verification_failed"
    # once the partner's server lets go, running the same run again converges
    execute_run(world.store, run_id, KEY, world.areas, world.remote())
    assert verify_run(world.store, run_id, world.areas, world.remote(), key=KEY).ok


def test_verification_finds_a_record_that_came_back(world: World) -> None:
    run_id = _run_all(world)
    (world.areas.staging / "B-OLD").mkdir()  # e.g. restored from a backup after execution
    (world.partner_root / "council-a" / "inbox" / "B-OLD.csv").write_text("copy\n")
    result = verify_run(world.store, run_id, world.areas, world.remote(), key=KEY)
    assert not result.ok and {s.where for s in result.survivors} == {"staging area"}
    (world.areas.staging / "B-OLD").rmdir()
    result = verify_run(world.store, run_id, world.areas, world.remote(), key=KEY)
    assert not result.ok and {s.where for s in result.survivors} == {"partner folder (council-a)"}
