"""A record's whole life through the CLI, on both engines: a night on local partner folders, one
partner collecting its feeds and the other not, only some cases closed; twelve years on every
row and file has a class, every referral is planned or for review, a hold placed after planning
stands, review decisions behave, and after execution no disposed person's name or reference is
left in any file under the hub's home, any partner folder, or any table."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from asbhub.seed import write_extract
from asbhub.store.engine import Store
from asbhub.store.models import DisposalItem, DisposalRun, Incident, Referral
from tests.pipeline.partners_here import local_partner_config
from tests.retention.lifecycle import (
    PEOPLE,
    Hub,
    files_naming,
    outcome,
    setup_hub,
    tables_naming,
)

COLLECTS, LEAVES = "chelmsford_council", "colchester_council"
TODAY = date.today()
NIGHT1, NIGHT2 = TODAY - timedelta(days=2), TODAY - timedelta(days=1)
LATER = date(TODAY.year + 12, TODAY.month, min(TODAY.day, 28))


@pytest.fixture
def hub(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Hub:
    roots = local_partner_config(
        tmp_path / "config", tmp_path / "partners", monkeypatch, only={COLLECTS, LEAVES}
    )
    return setup_hub(tmp_path, store, roots)


def _a_night_with_partners(hub: Hub, tmp_path: Path) -> tuple[list[dict], set[str], set[str]]:
    """Ingest, deliver, partners answer, next night. Returns the extract and the referral ids
    closed and left open."""
    extract = write_extract(hub.home / "landing", 80, 11, NIGHT1, "jsonl")
    incidents = [json.loads(line) for line in Path(extract.path).read_text().splitlines()]
    code, out = hub.cli("ingest", "run")
    # incidents in districts no configured partner covers are unroutable: reported, exit 1
    assert code in (0, 1) and out["files"][0]["loaded"] == 80, out
    code, out = hub.cli("outbound", "run", "--all", "--night", NIGHT1.isoformat())
    assert code == 0, out
    closed: set[str] = set()
    still_open: set[str] = set()
    collected = hub.collect(COLLECTS, tmp_path / "partner-systems")
    for partner, rows in (
        (COLLECTS, hub.feed_rows(COLLECTS, collected)),
        (LEAVES, hub.feed_rows(LEAVES)),
    ):
        assert len(rows) >= 2, (partner, len(rows))
        answers = []
        for n, row in enumerate(rows):
            closes = n % 2 == 0 if partner == COLLECTS else n % 3 == 0
            (closed if closes else still_open).add(row["referral_id"])
            answers.append(outcome(f"{n}", row["referral_id"], NIGHT2 if closes else None))
        # one row names a referral the hub never sent: it is quarantined and reported
        answers.append(outcome("x", "R-00000000000000FF", None))
        hub.send_outcomes(partner, f"outcomes-{NIGHT2:%Y%m%d}.csv", answers)
    code, out = hub.cli("inbound", "run", "--all")
    assert code in (0, 1), out
    # The next extract raises the risk of three incidents: the partners holding them get
    # updates (and referral-change files) in the second night's feed, which disposal must reach.
    with hub.store.session() as s:
        referred = set(
            s.scalars(
                select(Incident.incident_ref).join(Referral, Referral.incident_id == Incident.id)
            )
        )
    changed = [dict(row) for row in incidents]
    raised = [r for r in changed if r["incident_ref"] in referred and r["risk_level"] != "high"][:3]
    for row in raised:
        row["risk_level"] = "high"
    again = hub.home / "landing" / f"incidents-{NIGHT2:%Y%m%d}.jsonl"
    again.write_text("".join(json.dumps(row) + "\n" for row in changed), encoding="utf-8")
    code, out = hub.cli("ingest", "run")
    assert code in (0, 1) and out["files"][0]["changed"] == 3, out
    code, out = hub.cli("outbound", "run", "--all", "--night", NIGHT2.isoformat())
    assert code == 0, out
    assert sum(b["changes"] for p in out["partners"] for b in p["batches"]) >= 1, out
    return incidents, closed, still_open


def test_twelve_years_on_every_copy_of_a_disposed_record_is_gone(hub: Hub, tmp_path: Path) -> None:
    incidents, closed, still_open = _a_night_with_partners(hub, tmp_path)

    code, out = hub.cli("retention", "coverage")
    assert code == 0 and out["ok"], out
    assert {"referral", "referral_unclosed", "incident_unreferred", "delivery"} <= set(
        out["counts"]
    )

    code, out = hub.cli("retention", "plan", "--as-of", LATER.isoformat())
    assert code == 0, out
    first = out["run_id"]
    items = _items(hub)
    assert {t for c, t, s in items if c == "referral" and s == "planned"} == closed
    assert {t for c, t, s in items if c == "referral_unclosed" and s == "review"} == still_open

    held_referral = sorted(closed)[0]
    code, out = hub.cli("hold", "add", held_referral, "--reason", "civil claim", "--by", "Legal")
    assert code == 0, out

    code, out = hub.cli("disposal", "review")
    reviews = {
        i["target"]: i["id"] for i in out["items"] if i["record_class"] == "referral_unclosed"
    }
    assert set(reviews) == still_open
    keep, dispose = sorted(still_open)[:2]
    code, out = hub.cli(
        "disposal",
        "decide",
        str(reviews[keep]),
        "keep",
        "--by",
        "IM",
        "--reason",
        "case still active per partner",
        "--next-review",
        (LATER + timedelta(days=365)).isoformat(),
    )
    assert code == 0 and out["next_review_on"], out
    code, out = hub.cli(
        "disposal",
        "decide",
        str(reviews[dispose]),
        "dispose",
        "--by",
        "IM",
        "--reason",
        "partner confirms no further action",
    )
    assert code == 0, out
    code, out = hub.cli("disposal", "review")
    assert {keep, dispose}.isdisjoint(i["target"] for i in out["items"])

    _approve_and_execute(hub, first)
    with hub.store.session() as s:
        left = set(s.scalars(select(Referral.referral_id)))
    assert left == still_open | {held_referral}  # the decided one goes in the next run

    code, out = hub.cli("retention", "plan", "--as-of", LATER.isoformat())
    second = out["run_id"]
    items = _items(hub, second)
    assert ("referral_unclosed", dispose, "planned") in items, "a dispose decision is planned"
    assert not any(t == keep for _c, t, _s in items), "a kept record waits for its next review"
    assert out["kept_on_review"] >= 1
    _approve_and_execute(hub, second)

    with hub.store.session() as s:
        left = set(s.scalars(select(Referral.referral_id)))
        kept_refs = set(
            s.scalars(
                select(Incident.incident_ref).join(Referral, Referral.incident_id == Incident.id)
            )
        )
    assert left == (still_open - {dispose}) | {held_referral}
    gone_ids = (closed | still_open) - left
    kept_names = {
        i[p] for i in incidents if i["incident_ref"] in kept_refs for p in PEOPLE if i.get(p)
    }
    gone_refs = {i["incident_ref"] for i in incidents} - kept_refs
    gone_names = {
        i[p] for i in incidents if i["incident_ref"] not in kept_refs for p in PEOPLE if i.get(p)
    } - kept_names
    assert gone_ids and gone_refs and len(gone_names) >= 5

    everywhere = [hub.home, *hub.roots.values()]
    assert files_naming(everywhere, gone_refs | gone_names | gone_ids) == {}
    assert tables_naming(hub.store, gone_refs | gone_names) == {}
    by_column = tables_naming(hub.store, gone_ids)
    # a disposal notice names the referral the partner must delete; that is its whole job
    assert set(by_column) <= {"disposal_notices.referral_id"}, by_column
    # the partner that never collected keeps the rest of its batch, rewritten without them
    assert hub.feed_rows(LEAVES) and all(
        r["referral_id"] not in gone_ids for r in hub.feed_rows(LEAVES)
    )
    code, out = hub.cli("retention", "coverage")
    assert code == 0, out

    # a copy planted after execution: verification fails, naming the area and file only
    planted = hub.home / "archive" / "restored-from-backup.csv"
    planted.write_text(f"incident_ref\n{sorted(gone_refs)[0]}\n", encoding="utf-8")
    code, text = hub.text_cli("disposal", "verify", first)
    assert code == 1 and "VERIFICATION FAILED" in text, text
    assert "archive: restored-from-backup.csv" in text
    assert sorted(gone_refs)[0] not in text
    planted.unlink()
    code, text = hub.text_cli("disposal", "verify", first)
    assert code == 0 and "verified" in text, text


def _items(hub: Hub, run_id: str | None = None) -> set[tuple[str, str, str]]:
    query = select(DisposalItem.record_class, DisposalItem.target, DisposalItem.status)
    if run_id:
        query = query.join(DisposalRun, DisposalRun.id == DisposalItem.run_pk).where(
            DisposalRun.run_id == run_id
        )
    with hub.store.session() as s:
        return {(c, t, st) for c, t, st in s.execute(query).all()}


def _approve_and_execute(hub: Hub, run_id: str) -> None:
    code, out = hub.cli("disposal", "approve", run_id, "--by", "A. Information-Manager")
    assert code == 0, out
    code, out = hub.cli("disposal", "execute", run_id)
    assert code == 0 and out["ok"], out
