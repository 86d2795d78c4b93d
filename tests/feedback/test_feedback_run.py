"""`asbhub feedback run` on a fresh home: the night's outcome summary for the force on disk with
its manifest, conflicts flagged, nothing of the partners' notes, one disclosure per row in the
ledger, the same night again changing nothing, and a night with no outcomes still written."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import secrets
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from asbhub.cli import app
from asbhub.pipeline.feedback import cut_off
from asbhub.store.engine import Store
from asbhub.store.models import (
    CaseReviewIncident,
    CaseReviewTrigger,
    Delivery,
    Incident,
    LedgerEvent,
)
from tests.feedback.world import (
    COUNCIL,
    HOUSING,
    NIGHT,
    NOTES,
    PERSONAL,
    RECEIVED,
    World,
    add_outcome,
    build_world,
)

FOLDER = Path("staging/force")


@pytest.fixture
def home(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "config" / "partners").mkdir(parents=True)
    monkeypatch.setenv("ASBHUB_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("ASBHUB_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ASBHUB_DATABASE_URL", store.url)
    monkeypatch.setenv("ASBHUB_LEDGER_KEY", "test-ledger-key-not-a-real-secret")
    return tmp_path / "home"


@pytest.fixture
def world(store: Store) -> World:
    return build_world(store)


def feedback(*args: str) -> tuple[int, dict[str, Any] | str]:
    result = CliRunner().invoke(app, ["--json", "feedback", "run", *args])
    if result.exit_code != 0:
        return result.exit_code, result.output
    return 0, json.loads(result.stdout)


def summary_file(home: Path, night: str) -> Path:
    compact = night.replace("-", "")
    return home / FOLDER / f"B-force-{compact}" / f"outcome-summary-{compact}.csv"


def rows_of(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def disclosures(store: Store) -> list[LedgerEvent]:
    with store.session() as session:
        return list(session.scalars(select(LedgerEvent).where(LedgerEvent.recipient == "force")))


def test_a_night_is_written_with_its_manifest_rows_and_conflicts(
    home: Path, world: World, store: Store
) -> None:
    code, result = feedback("--night", NIGHT.isoformat())
    assert code == 0, result  # conflicts are information for the force, not a failure
    assert isinstance(result, dict)
    assert (result["status"], result["rows"], result["conflicts"]) == ("written", 6, 4)
    path = summary_file(home, NIGHT.isoformat())
    manifest = json.loads((path.parent / "manifest-20261126.json").read_text(encoding="utf-8"))
    assert manifest["batch_id"] == "B-force-20261126" and manifest["partner_id"] == "force"
    assert manifest["previous_batch_id"] is None and manifest["record_count"] == 6
    [entry] = manifest["files"]
    assert entry["name"] == path.name and entry["contract"] == "outcome-summary/1.1"
    assert entry["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert entry["records"] == 6 and entry["bytes"] == path.stat().st_size

    rows = {(r["incident_ref"], r["partner_id"]): r for r in rows_of(path)}
    inc = world.incidents
    assert set(rows) == {
        (inc[n], p) for n in ("split", "rivals", "clean") for p in (COUNCIL, HOUSING)
    }
    split_council, split_housing = rows[(inc["split"], COUNCIL)], rows[(inc["split"], HOUSING)]
    assert split_council["referral_id"] == world.referrals[("split", COUNCIL)]
    assert (split_council["status"], split_council["lead_agency_accepted"]) == (
        "in_progress",
        "true",
    )
    assert split_council["actions"] == "advice;warning_letter"
    assert split_council["lead_partners"] == split_housing["lead_partners"] == COUNCIL
    assert (split_housing["status"], split_housing["closed_on"]) == ("closed", "2026-11-25")
    for row in (split_council, split_housing):
        assert (row["conflict"], row["conflict_reasons"]) == ("true", "closed_while_another_acts")
    for partner in (COUNCIL, HOUSING):
        rival = rows[(inc["rivals"], partner)]
        assert (rival["conflict"], rival["conflict_reasons"]) == ("true", "several_leads")
        assert rival["lead_partners"] == f"{COUNCIL};{HOUSING}"
        clean = rows[(inc["clean"], partner)]
        assert (clean["conflict"], clean["conflict_reasons"]) == ("false", "")
    assert rows[(inc["clean"], HOUSING)]["status"] == "declined"
    assert rows[(inc["clean"], HOUSING)]["lead_partners"] == COUNCIL


def test_the_file_carries_references_codes_and_dates_never_notes(home: Path, world: World) -> None:
    assert feedback("--night", NIGHT.isoformat())[0] == 0
    path = summary_file(home, NIGHT.isoformat())
    text = path.read_text(encoding="utf-8")
    assert "notes" not in text.splitlines()[0]
    for value in (NOTES, *PERSONAL):
        assert value not in text
    # Not every text on disk under the hub's reports either.
    for written in (home / FOLDER).rglob("*"):
        if written.is_file():
            assert not any(v in written.read_text(encoding="utf-8") for v in PERSONAL)


def test_each_row_is_one_disclosure_to_the_force_logged_once(
    home: Path, world: World, store: Store
) -> None:
    first = feedback("--night", NIGHT.isoformat())
    assert first[0] == 0 and isinstance(first[1], dict) and first[1]["disclosed"] == 6
    events = disclosures(store)
    assert len(events) == 6
    assert {e.kind for e in events} == {"disclosure"}
    assert {e.details["batch_id"] for e in events} == {"B-force-20261126"}
    assert all(len(e.reference_hashes) == 2 for e in events)  # incident and referral, keyed
    flat = json.dumps([[e.reference_hashes, e.details] for e in events])
    assert world.referrals[("split", COUNCIL)] not in flat  # never in clear

    path = summary_file(home, NIGHT.isoformat())
    before = path.read_bytes()
    again = feedback("--night", NIGHT.isoformat())
    assert again[0] == 0 and isinstance(again[1], dict)
    assert (again[1]["status"], again[1]["disclosed"]) == ("already_written", 0)
    assert path.read_bytes() == before
    assert len(disclosures(store)) == 6


def test_the_next_night_has_what_came_after_the_cut_off_and_names_the_one_before(
    home: Path, world: World, store: Store
) -> None:
    assert feedback("--night", NIGHT.isoformat())[0] == 0
    night = (NIGHT + timedelta(days=1)).isoformat()
    code, result = feedback("--night", night)
    assert code == 0 and isinstance(result, dict), result
    assert result["previous_batch_id"] == "B-force-20261126"
    rows = rows_of(summary_file(home, night))
    assert {(r["incident_ref"], r["partner_id"], r["updated"]) for r in rows} == {
        (world.incidents["late"], COUNCIL, "true"),
        (world.incidents["late"], HOUSING, "false"),
    }
    assert len(disclosures(store)) == 8


def test_a_night_with_no_outcomes_is_still_written_empty(home: Path, store: Store) -> None:
    code, result = feedback("--night", NIGHT.isoformat())
    assert code == 0 and isinstance(result, dict), result
    assert (result["status"], result["rows"], result["disclosed"]) == ("written", 0, 0)
    path = summary_file(home, NIGHT.isoformat())
    assert path.read_text(encoding="utf-8").count("\n") == 1  # the header alone
    manifest = json.loads((path.parent / "manifest-20261126.json").read_text(encoding="utf-8"))
    assert manifest["record_count"] == 0
    assert disclosures(store) == []


def test_a_written_night_is_never_overwritten_with_other_content(
    home: Path, world: World, store: Store
) -> None:
    assert feedback("--night", NIGHT.isoformat())[0] == 0
    path = summary_file(home, NIGHT.isoformat())
    before = path.read_bytes()
    # An outcome that the store now says arrived within that night (a clock put right).
    add_outcome(store, world, "silent", COUNCIL, "accepted", lead=True, received=RECEIVED)
    code, output = feedback("--night", NIGHT.isoformat())
    assert code == 1 and "not overwritten" in str(output)
    assert path.read_bytes() == before
    path.write_bytes(before + b"tampered\r\n")
    code, output = feedback("--night", NIGHT.isoformat())
    assert code == 1 and "no longer matches its manifest" in str(output)


def test_a_night_before_the_last_summary_or_not_yet_over_is_refused(
    home: Path, world: World
) -> None:
    assert feedback("--night", NIGHT.isoformat())[0] == 0
    code, output = feedback("--night", (NIGHT - timedelta(days=1)).isoformat())
    assert code == 1 and "later summary B-force-20261126" in str(output)
    code, output = feedback("--night", "2999-01-01")
    assert code == 2 and "run it after then" in str(output)


def test_the_forces_copy_is_a_delivery_the_retention_schedule_keeps_and_disposes_of(
    home: Path, world: World, store: Store
) -> None:
    """Every file the run wrote belongs to a record class, and a disposal run 30 days on takes
    the force's copy away (the force has it by then), with proof."""
    assert feedback("--night", NIGHT.isoformat())[0] == 0
    runner = CliRunner()
    coverage = runner.invoke(app, ["--json", "retention", "coverage"])
    assert coverage.exit_code == 0, coverage.output
    with store.session() as session:
        (delivery,) = session.scalars(select(Delivery).where(Delivery.partner_id == "force"))
        assert delivery.staging_path == f"staging/force/B-force-{NIGHT:%Y%m%d}"
        assert delivery.acknowledged_at is not None and delivery.record_count == 6
    (home.parent / "config" / "retention.yaml").write_bytes(
        (Path(__file__).resolve().parents[2] / "config" / "retention.yaml").read_bytes()
    )
    as_of = (NIGHT + timedelta(days=45)).isoformat()
    planned = runner.invoke(app, ["retention", "plan", "--as-of", as_of])
    assert planned.exit_code == 0, planned.output
    run_id = planned.stdout.splitlines()[0].strip()
    for step in (
        ["disposal", "approve", run_id, "--by", "J. Bloggs"],
        ["disposal", "execute", run_id],
    ):
        done = runner.invoke(app, step)
        assert done.exit_code == 0, done.output
    verified = runner.invoke(app, ["disposal", "verify", run_id])
    assert verified.exit_code == 0, verified.output
    assert not (home / FOLDER / f"B-force-{NIGHT:%Y%m%d}").exists()
    with store.session() as session:
        (delivery,) = session.scalars(select(Delivery).where(Delivery.partner_id == "force"))
        assert delivery.disposed_at is not None


def add_trigger(
    store: Store,
    world: World,
    names: tuple[str, ...],
    opened: datetime,
    closed: datetime | None = None,
) -> str:
    """A Community Trigger counting the named incidents, opened (and linked) at `opened`."""
    trigger_id = f"CT-{secrets.token_hex(6).upper()}"
    with store.session() as session:
        trigger = CaseReviewTrigger(
            trigger_id=trigger_id,
            kind="victim",
            subject_key="0" * 32,
            status="closed" if closed else "open",
            opened_at=opened,
            opened_as_of=opened.date(),
            window="6m",
            threshold=3,
            last_evaluated_as_of=opened.date(),
            closed_at=closed,
        )
        session.add(trigger)
        session.flush()
        refs = [world.incidents[name] for name in names]
        for incident_id in session.scalars(
            select(Incident.id).where(Incident.incident_ref.in_(refs))
        ):
            session.add(
                CaseReviewIncident(trigger_pk=trigger.id, incident_id=incident_id, linked_at=opened)
            )
    return trigger_id


def test_each_row_names_the_community_trigger_open_at_the_cut_off(
    home: Path, world: World, store: Store
) -> None:
    """Opened at or before the cut-off and not closed before it: shown on every row of its
    incident. Opened after the cut-off: shown from the next night's summary on."""
    cut = cut_off(NIGHT)
    flagged = add_trigger(store, world, ("split",), cut - timedelta(days=2))
    add_trigger(store, world, ("clean",), cut - timedelta(days=3), closed=cut - timedelta(hours=1))
    later = add_trigger(store, world, ("rivals", "late"), cut + timedelta(minutes=1))
    assert feedback("--night", NIGHT.isoformat())[0] == 0
    rows = rows_of(summary_file(home, NIGHT.isoformat()))
    shown = {(r["incident_ref"], r["partner_id"]): r["case_review_id"] for r in rows}
    inc = world.incidents
    assert shown == {
        (inc["split"], COUNCIL): flagged,
        (inc["split"], HOUSING): flagged,
        (inc["rivals"], COUNCIL): "",  # opened a minute after the cut-off
        (inc["rivals"], HOUSING): "",
        (inc["clean"], COUNCIL): "",  # closed before the cut-off
        (inc["clean"], HOUSING): "",
    }
    assert list(rows[0])[-1] == "case_review_id"  # 1.1's column comes last
    night = (NIGHT + timedelta(days=1)).isoformat()
    assert feedback("--night", night)[0] == 0
    assert {r["case_review_id"] for r in rows_of(summary_file(home, night))} == {later}
    # The first night again: the same rows, as of its own cut-off.
    again = feedback("--night", NIGHT.isoformat())
    assert again[0] == 0 and isinstance(again[1], dict) and again[1]["status"] == "already_written"
