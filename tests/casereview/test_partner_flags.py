"""The Community Trigger reaches the partners: each nightly batch carries a case-review-flag file
with one row per referral the partner holds (or receives in it) and trigger not yet told, once
when the trigger opens or extends to the referral's incident and once more when it is closed;
never to a partner without a related referral, never about a withdrawn referral; the staged
file is read back against its contract. Driven through the CLI over several nights on local
partner folders, on both engines."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import delete, select

from asbhub.pipeline.outbound import CheckStatus, check_staged, stage_night
from asbhub.runtime import Hub
from asbhub.settings import Settings
from asbhub.store.models import (
    CaseReviewFlag,
    CaseReviewTrigger,
    Delivery,
    LedgerEvent,
    Referral,
)
from tests.casereview.conftest import AS_OF, Night, complaint, thresholds, write_incidents
from tests.lifecycle.conftest import NIGHT

COUNCIL, OTHER, UNRELATED = "chelmsford_council", "basildon_council", "brentwood_council"
FLAGS = "case-review-flags"


def three_complaints(night: Night) -> list[dict[str, Any]]:
    """One victim's three complaints in Chelmsford in October, ingested, at the thresholds the
    tests use: enough for a trigger once evaluated."""
    thresholds(night.config)
    rows = write_incidents(
        night.landing,
        "history.jsonl",
        [complaint(date(2026, 10, day), place=f"CM1 {day % 10}ZZ") for day in (1, 8, 15)],
    )
    assert night.cli("ingest", "run", "--from", str(night.landing))[0] == 0
    return rows


def night_run(night: Night, when: date) -> dict[str, Any]:
    code, result = night.cli("outbound", "run", "--all", "--night", when.isoformat())
    assert code == 0, result
    return {p["partner_id"]: p for p in result["partners"]}


def flag_rows(night: Night, partner: str, when: date) -> list[dict[str, Any]] | None:
    """The partner's flags file of that night (None: the batch has none)."""
    found = list((night.roots[partner] / "inbox").glob(f"{FLAGS}-{when:%Y%m%d}.*"))
    return night.delivered(partner, FLAGS, when) if found else None


def referral_ids(night: Night, partner: str, when: date) -> dict[str, str]:
    """incident ref -> referral id, of the referrals the partner received that night."""
    return {
        r["incident_ref"]: r["referral_id"] for r in night.delivered(partner, "referrals", when)
    }


def hub_of(night: Night) -> Hub:
    settings = Settings(config_dir=night.config, home=night.home, database_url=night.store.url)
    return Hub(settings=settings, actor="test", _store=night.store)


def trigger_id(night: Night) -> str:
    with night.store.session() as session:
        [found] = session.scalars(select(CaseReviewTrigger.trigger_id)).all()
    return str(found)


def test_a_trigger_opened_after_delivery_is_told_next_night_once_and_its_closing_once_more(
    make_night: Callable[[set[str]], Night],
) -> None:
    night = make_night({COUNCIL, OTHER, UNRELATED})
    thresholds(night.config)
    rows = write_incidents(
        night.landing,
        "history.jsonl",
        [
            complaint(date(2026, 10, 1), place="CM1 9ZZ"),
            complaint(date(2026, 10, 8), place="CM2 9ZZ"),
            complaint(date(2026, 10, 15), place="SS14 9ZZ", district="Basildon"),
            # Another victim at another place: the Brentwood council holds nothing related.
            complaint(date(2026, 10, 20), victim="Bo Otherperson", place="CM14 9ZZ")
            | {"district": "Brentwood"},
        ],
    )
    refs = [row["incident_ref"] for row in rows]
    assert night.cli("ingest", "run", "--from", str(night.landing))[0] == 0
    first = night_run(night, NIGHT)
    assert all(b["flags"] == 0 for p in first.values() for b in p["batches"])
    council_ids = referral_ids(night, COUNCIL, NIGHT)
    other_ids = referral_ids(night, OTHER, NIGHT)
    assert set(council_ids) == set(refs[:2]) and set(other_ids) == {refs[2]}

    code, raised = night.cli("casereview", "evaluate", "--as-of", AS_OF.isoformat())
    assert code == 1, raised  # a trigger opened
    trigger = trigger_id(night)

    second_night = NIGHT + timedelta(days=1)
    second = night_run(night, second_night)
    council = flag_rows(night, COUNCIL, second_night)
    assert council is not None
    assert sorted(r["referral_id"] for r in council) == sorted(council_ids.values())
    assert {(r["case_review_id"], r["status"], r["counts"], r["closed_at"]) for r in council} == {
        (trigger, "open", "victim", "")
    }
    assert [
        (r["referral_id"], r["status"]) for r in flag_rows(night, OTHER, second_night) or []
    ] == [(other_ids[refs[2]], "open")]
    assert flag_rows(night, UNRELATED, second_night) is None  # default deny: nothing related
    [batch] = second[COUNCIL]["batches"]
    assert batch["flags"] == 2 and batch["referrals"] == 0
    manifest = json.loads(
        (night.roots[COUNCIL] / "inbox" / f"manifest-{second_night:%Y%m%d}.json").read_text(
            encoding="utf-8"
        )
    )
    [entry] = [f for f in manifest["files"] if f["name"].startswith(FLAGS)]
    assert (entry["contract"], entry["records"]) == ("case-review-flag/1.0", 2)
    assert manifest["record_count"] == 0  # referrals only

    third_night = second_night + timedelta(days=1)
    night_run(night, third_night)
    assert all(flag_rows(night, p, third_night) is None for p in (COUNCIL, OTHER, UNRELATED))

    code, closed = night.cli(
        "casereview", "close", trigger, "--by", "ASB coordinator", "--reason", "review held"
    )
    assert code == 0, closed
    fourth_night = third_night + timedelta(days=1)
    night_run(night, fourth_night)
    closing = flag_rows(night, COUNCIL, fourth_night)
    assert closing is not None
    assert sorted(r["referral_id"] for r in closing) == sorted(council_ids.values())
    assert {(r["status"], r["opened_at"]) for r in closing} == {("closed", council[0]["opened_at"])}
    assert all(r["closed_at"] for r in closing)
    assert [r["status"] for r in flag_rows(night, OTHER, fourth_night) or []] == ["closed"]
    assert flag_rows(night, UNRELATED, fourth_night) is None
    fifth_night = fourth_night + timedelta(days=1)
    night_run(night, fifth_night)
    assert all(flag_rows(night, p, fifth_night) is None for p in (COUNCIL, OTHER, UNRELATED))

    with night.store.session() as session:
        told = session.execute(select(CaseReviewFlag.status, CaseReviewFlag.sent_at)).all()
        disclosed = session.scalars(
            select(LedgerEvent.details).where(LedgerEvent.kind == "disclosure")
        ).all()
    assert sorted(status for status, _ in told) == ["closed"] * 3 + ["open"] * 3
    assert all(sent is not None for _, sent in told)
    assert sum(d.get("contract") == "case-review-flag/1.0" for d in disclosed) == 6


def test_a_new_referral_is_flagged_in_its_own_batch_and_a_withdrawn_one_never(
    make_night: Callable[[set[str]], Night],
) -> None:
    night = make_night({COUNCIL, OTHER})
    rows = three_complaints(night)
    refs = [row["incident_ref"] for row in rows]
    night_run(night, NIGHT)
    held = referral_ids(night, COUNCIL, NIGHT)
    assert set(held) == set(refs)

    # The force corrects the third: it happened in Basildon. The council's referral is
    # withdrawn, Basildon's is new; then the victim's third complaint raises the trigger.
    moved = [dict(row) for row in rows]
    moved[2].update(district="Basildon")
    (night.landing / "history.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in moved), encoding="utf-8"
    )
    assert night.cli("ingest", "run", "--from", str(night.landing))[0] == 0
    assert night.cli("casereview", "evaluate", "--as-of", AS_OF.isoformat())[0] == 1
    trigger = trigger_id(night)

    next_night = NIGHT + timedelta(days=1)
    night_run(night, next_night)
    [withdrawal] = night.delivered(COUNCIL, "referral-changes", next_night)
    assert (withdrawal["referral_id"], withdrawal["change"]) == (held[refs[2]], "withdrawal")
    council = flag_rows(night, COUNCIL, next_night) or []
    assert sorted(r["referral_id"] for r in council) == sorted([held[refs[0]], held[refs[1]]])
    # Basildon's new referral and its flag come in the same batch.
    [new] = night.delivered(OTHER, "referrals", next_night)
    assert new["incident_ref"] == refs[2]
    assert [
        (r["referral_id"], r["case_review_id"], r["status"])
        for r in flag_rows(night, OTHER, next_night) or []
    ] == [(new["referral_id"], trigger, "open")]


def test_a_referral_withdrawn_then_referred_again_has_its_flag_told_again(
    make_night: Callable[[set[str]], Night],
) -> None:
    """The partner deleted a withdrawn referral with its flags; when the incident comes back to
    it, the referral comes again and so does its flag."""
    night = make_night({COUNCIL, OTHER})
    rows = three_complaints(night)
    refs = [row["incident_ref"] for row in rows]
    assert night.cli("casereview", "evaluate", "--as-of", AS_OF.isoformat())[0] == 1
    night_run(night, NIGHT)
    held = referral_ids(night, COUNCIL, NIGHT)
    told = {r["referral_id"] for r in flag_rows(night, COUNCIL, NIGHT) or []}
    assert held[refs[2]] in told

    def extract(district: str) -> None:
        moved = [dict(row) for row in rows]
        moved[2].update(district=district)
        # Newest first: the extract back in Chelmsford is not byte for byte the first one (a
        # file the hub has loaded before is recognised and skipped).
        (night.landing / "history.jsonl").write_text(
            "".join(json.dumps(r) + "\n" for r in reversed(moved)), encoding="utf-8"
        )
        assert night.cli("ingest", "run", "--from", str(night.landing))[0] == 0

    extract("Basildon")  # withdrawn from the council, next night
    second = NIGHT + timedelta(days=1)
    night_run(night, second)
    [withdrawal] = night.delivered(COUNCIL, "referral-changes", second)
    assert withdrawal["change"] == "withdrawal"
    extract("Chelmsford")  # back in the council's area
    third = NIGHT + timedelta(days=2)
    night_run(night, third)
    [again] = night.delivered(COUNCIL, "referral-changes", third)
    assert (again["referral_id"], again["change"]) == (held[refs[2]], "update")
    assert [(r["referral_id"], r["status"]) for r in flag_rows(night, COUNCIL, third) or []] == [
        (held[refs[2]], "open")
    ]


def test_the_staged_flags_file_is_read_back_against_its_contract(
    make_night: Callable[[set[str]], Night], monkeypatch: pytest.MonkeyPatch
) -> None:
    night = make_night({COUNCIL})
    for name, value in night.env.items():  # the phases run in-process, as the DAG's tasks do
        monkeypatch.setenv(name, value)
    thresholds(night.config)
    write_incidents(
        night.landing,
        "history.jsonl",
        [complaint(date(2026, 10, day), place=f"CM1 {day % 10}ZZ") for day in (1, 8, 15)],
    )
    assert night.cli("ingest", "run", "--from", str(night.landing))[0] == 0
    assert night.cli("casereview", "evaluate", "--as-of", AS_OF.isoformat())[0] == 1
    hub = hub_of(night)
    try:
        partner = hub.partner(COUNCIL)
        staged = stage_night(hub, partner, NIGHT)
        assert staged.flags == 3 and staged.batch_id is not None
        assert check_staged(hub, partner).status == CheckStatus.PASSED
        with hub.store.session() as session:
            delivery = session.scalars(
                select(Delivery).where(Delivery.batch_id == staged.batch_id)
            ).one()
            [path] = hub.areas.staging_path(delivery.staging_path or "").glob(f"{FLAGS}-*")
        with path.open(encoding="utf-8", newline="") as fh:
            table = list(csv.reader(fh))
        with path.open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh, lineterminator="\r\n").writerows(
                [*row, "victim_key" if i == 0 else "0f1e2d3c"] for i, row in enumerate(table)
            )
        checked = check_staged(hub, partner)
    finally:
        hub.close()
    assert checked.status == CheckStatus.FAILED
    text = " ".join(checked.problems)
    assert f"{path.name}: " in text
    assert "columns differ from case-review-flag/1.0: not allowed ['victim_key']" in text
    assert "0f1e2d3c" not in text


def test_what_partners_were_told_has_a_record_class_and_goes_with_its_referral(
    make_night: Callable[[set[str]], Night],
) -> None:
    night = make_night({COUNCIL})
    thresholds(night.config)
    write_incidents(
        night.landing,
        "history.jsonl",
        [complaint(date(2026, 10, day), place=f"CM1 {day % 10}ZZ") for day in (1, 8, 15)],
    )
    assert night.cli("ingest", "run", "--from", str(night.landing))[0] == 0
    assert night.cli("casereview", "evaluate", "--as-of", AS_OF.isoformat())[0] == 1
    night_run(night, NIGHT)
    code, coverage = night.cli("retention", "coverage")
    assert code == 0, coverage
    assert coverage["counts"]["referral_unclosed"]["case_review_flags"] == 3
    with night.store.session() as session:
        first = session.scalars(select(Referral.id).order_by(Referral.id)).first()
        # As a disposal run deletes a referral: what it was told goes with it.
        session.execute(delete(Referral).where(Referral.id == first))
        left = session.scalars(select(CaseReviewFlag.referral_pk)).all()
    assert len(left) == 2 and first not in left
