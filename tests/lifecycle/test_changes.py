"""Incident changes reach the partners: a later extract that escalates, moves or de-classifies
an incident is applied, logged as an alteration, and sent in the next feed as an update, a
withdrawal or a new referral; a change a partner cannot see is not sent to it. Driven through
the CLI over two nights on local partner folders, on both engines."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update

from asbhub.store.models import Delivery, Incident, LedgerEvent, Referral, ReferralChange
from tests.lifecycle.conftest import NIGHT, Night, add_quiet_nights, write_incidents

COUNCIL = "chelmsford_council"
OTHER = "basildon_council"
NEXT = NIGHT + timedelta(days=1)
CALM = {"district": "Chelmsford", "risk_level": "standard", "vulnerable_victim": False}


def referral_of(night: Night, ref: str, partner: str) -> Referral:
    with night.store.session() as session:
        return session.scalars(
            select(Referral)
            .join(Incident, Incident.id == Referral.incident_id)
            .where(Incident.incident_ref == ref, Referral.partner_id == partner)
        ).one()


def night_run(night: Night, when: Any, *partners: str) -> dict[str, Any]:
    args = [arg for p in partners for arg in ("--partner", p)]
    code, result = night.cli("outbound", "run", *args, "--night", when.isoformat())
    assert code == 0, result
    return {p["partner_id"]: p for p in result["partners"]}


def rewrite(landing: Path, name: str, rows: list[dict[str, Any]]) -> None:
    (landing / name).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_an_escalation_a_move_and_a_declassification_reach_the_partners_next_night(
    make_night,  # type: ignore[no-untyped-def]
) -> None:
    night: Night = make_night({COUNCIL, OTHER})
    rows = write_incidents(night.landing, "incidents-20261125.jsonl", [dict(CALM)] * 5)
    refs = [row["incident_ref"] for row in rows]
    assert night.cli("ingest", "run", "--from", str(night.landing))[0] == 0
    night_run(night, NIGHT, COUNCIL, OTHER)
    first = {r["incident_ref"]: r for r in night.delivered(COUNCIL, "referrals", NIGHT)}
    assert set(first) == set(refs) and {r["high_risk"] for r in first.values()} == {"false"}

    # The next extract: the force re-assessed the first as high risk, the second happened
    # in Basildon after all, the third was judged not ASB, the fourth gained a PNC id (a field
    # this council's ISA drops), the fifth is as it was.
    again = [dict(row) for row in rows]
    again[0].update(risk_level="high", thrive_flags=["threat", "harm"])
    again[1].update(district="Basildon")
    again[2].update(is_asb=False, nsir_category=None, asb_type=None, not_asb_reason="civil")
    again[3].update(subject_pnc_id="26/123456Z")
    rewrite(night.landing, "incidents-20261126.jsonl", again)
    code, ingest = night.cli("ingest", "run", "--from", str(night.landing))
    assert code == 0, ingest
    [loaded] = ingest["files"]
    assert (loaded["rows_in"], loaded["loaded"], loaded["changed"], loaded["already_known"]) == (
        5,
        0,
        4,
        1,
    )
    assert (loaded["escalations"], loaded["updates"], loaded["withdrawals"]) == (1, 1, 2)
    assert loaded["referrals"] == 1 and loaded["not_asb"] == 1

    sent = night_run(night, NEXT, COUNCIL, OTHER)
    assert [b["changes"] for b in sent[COUNCIL]["batches"]] == [3]
    [update] = night.delivered(COUNCIL, "referrals", NEXT)
    assert update["referral_id"] == first[refs[0]]["referral_id"], "the same referral, again"
    assert (update["risk_level"], update["high_risk"]) == ("high", "true")
    changes = night.delivered(COUNCIL, "referral-changes", NEXT)
    # The escalation comes first, so that a partner reading from the top acts on it first.
    assert (changes[0]["referral_id"], changes[0]["change"], changes[0]["escalated"]) == (
        first[refs[0]]["referral_id"],
        "update",
        "true",
    )
    assert sorted((c["referral_id"], c["change"], c["escalated"]) for c in changes[1:]) == sorted(
        [
            (first[refs[1]]["referral_id"], "withdrawal", "false"),
            (first[refs[2]]["referral_id"], "withdrawal", "false"),
        ]
    )
    escalated = changes[0]
    assert {"risk_level", "high_risk", "thrive_flags"} <= set(
        escalated["changed_fields"].split(";")
    )
    assert (
        "subject_pnc_id" not in str(changes) and escalated["reason"] == "THRIVE risk raised to high"
    )
    reasons = {c["referral_id"]: c["reason"] for c in changes}
    assert "no longer recorded as ASB" in reasons[first[refs[2]]["referral_id"]]
    assert "no longer in your area" in reasons[first[refs[1]]["referral_id"]]
    # The council that covers the move is referred to; it never had the others.
    [moved] = night.delivered(OTHER, "referrals", NEXT)
    assert moved["incident_ref"] == refs[1]

    for ref in refs[1:3]:
        withdrawn = referral_of(night, ref, COUNCIL)
        assert withdrawn.status == "withdrawn" and withdrawn.closed_at is not None, "clock runs"
    assert referral_of(night, refs[3], COUNCIL).status == "delivered", "nothing it can see"
    with night.store.session() as session:
        unsent = session.scalar(
            select(func.count()).select_from(ReferralChange).where(ReferralChange.sent_at.is_(None))
        )
        assert unsent == 0
        held = session.scalars(select(Incident).where(Incident.incident_ref.in_(refs))).all()
        assert all(i.payload is None for i in held), "the detail goes once every change is sent"
        assert {i.incident_ref: i.revision for i in held} == {
            refs[0]: 2,
            refs[1]: 2,
            refs[2]: 2,
            refs[3]: 2,
            refs[4]: 1,
        }
        digests = json.dumps([i.field_digests for i in held])
        assert rows[0]["victim_name"] not in digests and "Chelmsford" not in digests
        alterations = session.scalar(
            select(func.count()).select_from(LedgerEvent).where(LedgerEvent.kind == "alteration")
        )
        assert alterations == 4
    code, found = night.cli(
        "ledger", "search", "--reference", refs[0], "--by", "IM", "--why", "SAR-1"
    )
    assert code == 0, found
    assert "alteration" in [event["kind"] for event in found["events"]]

    # The same extract again, under another name: nothing changed, nothing is sent.
    rewrite(night.landing, "incidents-20261127.jsonl", again)
    code, ingest = night.cli("ingest", "run", "--from", str(night.landing))
    assert code == 0 and ingest["files"][0]["already_known"] == 5
    later = NEXT + timedelta(days=1)
    sent = night_run(night, later, COUNCIL)
    assert [b["referrals"] for b in sent[COUNCIL]["batches"]] == [0]
    assert [b["changes"] for b in sent[COUNCIL]["batches"]] == [0]


def test_a_stopped_batch_still_carries_withdrawals_and_its_updates_wait(
    make_night,  # type: ignore[no-untyped-def]
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    from asbhub.pipeline import feed_checks

    night: Night = make_night({COUNCIL})
    rows = write_incidents(night.landing, "incidents-20261125.jsonl", [dict(CALM)] * 6)
    refs = [row["incident_ref"] for row in rows]
    assert night.cli("ingest", "run", "--from", str(night.landing))[0] == 0
    night_run(night, NIGHT, COUNCIL)

    again = [dict(row) for row in rows]
    for row in again[:5]:
        row.update(vulnerable_victim=True)  # five escalations
    again[5].update(district="Basildon")  # no partner of this hub covers it now
    rewrite(night.landing, "incidents-20261126.jsonl", again)
    code, ingest = night.cli("ingest", "run", "--from", str(night.landing))
    assert code == 1, "an incident no council covers is held and reported"
    assert ingest["files"][0]["escalations"] == 5 and ingest["files"][0]["withdrawals"] == 1
    assert [u["incident_ref"] for u in ingest["unroutable"]] == [refs[5]]

    add_quiet_nights(night, COUNCIL)  # five referrals is an odd night after these
    with night.store.session() as session:
        session.execute(update(Delivery).where(Delivery.night == NIGHT).values(record_count=1))
    ceiling = feed_checks.MIN_ROW_CEILING
    monkeypatch.setattr(feed_checks, "MIN_ROW_CEILING", 1)  # the night looks wrong as a whole
    code, result = night.cli("outbound", "run", "--partner", COUNCIL, "--night", NEXT.isoformat())
    assert code == 1 and result["partners"][0]["status"] == "failed_expectations"
    assert night.delivered(COUNCIL, "referrals", NEXT) == []
    [withdrawal] = night.delivered(COUNCIL, "referral-changes", NEXT)
    assert withdrawal["change"] == "withdrawal"
    assert withdrawal["referral_id"] == referral_of(night, refs[5], COUNCIL).referral_id
    with night.store.session() as session:
        waiting = session.scalars(
            select(ReferralChange).where(ReferralChange.batch_id.is_(None))
        ).all()
        assert sorted(c.kind for c in waiting) == ["update"] * 5
        assert all(c.escalated for c in waiting)
        kept = session.scalars(select(Incident).where(Incident.incident_ref.in_(refs[:5]))).all()
        assert all(i.payload is not None for i in kept), "the detail waits for the updates"

    # The batch-level check is mended: the next night sends the five updates.
    monkeypatch.setattr(feed_checks, "MIN_ROW_CEILING", ceiling)
    later = NEXT + timedelta(days=1)
    night_run(night, later, COUNCIL)
    sent = night.delivered(COUNCIL, "referrals", later)
    assert sorted(r["incident_ref"] for r in sent) == sorted(refs[:5])
    assert {r["vulnerable_victim"] for r in sent} == {"true"}
    changes = night.delivered(COUNCIL, "referral-changes", later)
    assert [(c["change"], c["escalated"]) for c in changes] == [("update", "true")] * 5
    assert {c["reason"] for c in changes} == {"victim now assessed as vulnerable"}


def test_a_change_before_the_first_feed_and_a_return_to_coverage(
    make_night,  # type: ignore[no-untyped-def]
) -> None:
    night: Night = make_night({COUNCIL, OTHER})
    rows = write_incidents(night.landing, "incidents-20261125.jsonl", [dict(CALM)] * 2)
    refs = [row["incident_ref"] for row in rows]
    assert night.cli("ingest", "run", "--from", str(night.landing))[0] == 0
    # Changed before any feed went: the partner hears of it as a new referral, no change row.
    again = [dict(row) for row in rows]
    again[0].update(risk_level="high")
    rewrite(night.landing, "incidents-20261125b.jsonl", again)
    code, ingest = night.cli("ingest", "run", "--from", str(night.landing))
    assert code == 0 and ingest["files"][0]["changed"] == 1
    assert ingest["files"][0]["updates"] == 0 and ingest["files"][0]["escalations"] == 1
    night_run(night, NIGHT, COUNCIL, OTHER)
    sent = {r["incident_ref"]: r for r in night.delivered(COUNCIL, "referrals", NIGHT)}
    assert sent[refs[0]]["risk_level"] == "high"
    assert not list((night.roots[COUNCIL] / "inbox").glob("referral-changes-*"))

    # Moved to Basildon, then back: the council is told of the withdrawal, then referred again
    # under the same referral id.
    moved = [dict(row) for row in again]
    moved[1].update(district="Basildon")
    rewrite(night.landing, "incidents-20261126.jsonl", moved)
    assert night.cli("ingest", "run", "--from", str(night.landing))[0] == 0
    night_run(night, NEXT, COUNCIL, OTHER)
    [gone] = night.delivered(COUNCIL, "referral-changes", NEXT)
    assert gone["change"] == "withdrawal"
    rewrite(night.landing, "incidents-20261127.jsonl", again)
    assert night.cli("ingest", "run", "--from", str(night.landing))[0] == 0
    later = NEXT + timedelta(days=1)
    night_run(night, later, COUNCIL, OTHER)
    [back] = night.delivered(COUNCIL, "referrals", later)
    assert back["referral_id"] == gone["referral_id"] == sent[refs[1]]["referral_id"]
    changes = {c["change"]: c for c in night.delivered(COUNCIL, "referral-changes", later)}
    assert "referred again" in changes["update"]["reason"]
    assert referral_of(night, refs[1], COUNCIL).status == "delivered"
    assert referral_of(night, refs[1], COUNCIL).closed_at is None
    [withdrawn] = night.delivered(OTHER, "referral-changes", later)
    assert withdrawn["change"] == "withdrawal"


def test_an_update_set_aside_is_released_back_to_the_partner_that_holds_it(
    make_night,  # type: ignore[no-untyped-def]
) -> None:
    night: Night = make_night({COUNCIL})
    rows = write_incidents(night.landing, "incidents-20261125.jsonl", [dict(CALM)] * 3)
    ref = rows[0]["incident_ref"]
    assert night.cli("ingest", "run", "--from", str(night.landing))[0] == 0
    night_run(night, NIGHT, COUNCIL)
    # The force's clock was wrong on the re-extract: the report time is after the next night,
    # so the feed's checks set the update aside while the rest goes.
    again = [dict(row) for row in rows]
    wrong = datetime.combine(NEXT + timedelta(days=1), datetime.min.time(), UTC)
    again[0].update(risk_level="high", reported_at=(wrong + timedelta(hours=10)).isoformat())
    rewrite(night.landing, "incidents-20261126.jsonl", again)
    assert night.cli("ingest", "run", "--from", str(night.landing))[0] == 0
    code, result = night.cli("outbound", "run", "--partner", COUNCIL, "--night", NEXT.isoformat())
    assert code == 1, result
    [aside] = result["partners"][0]["set_aside"]
    referral = referral_of(night, ref, COUNCIL)
    assert aside["referral_id"] == referral.referral_id and referral.status == "set_aside"

    code, released = night.cli(
        "outbound", "release", aside["referral_id"], "--by", "A. Analyst", "--reason", "clock"
    )
    assert code == 0 and released["status"] == "delivered", released
    later = NEXT + timedelta(days=2)
    night_run(night, later, COUNCIL)
    [sent] = night.delivered(COUNCIL, "referrals", later)
    [change] = night.delivered(COUNCIL, "referral-changes", later)
    assert sent["referral_id"] == change["referral_id"] == referral.referral_id
    assert (change["change"], change["escalated"]) == ("update", "true")
    assert referral_of(night, ref, COUNCIL).status == "delivered"
