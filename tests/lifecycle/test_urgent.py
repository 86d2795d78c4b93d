"""Urgent referrals: a high-risk or vulnerable-victim referral, or an escalation of one a partner
holds, goes to the partner as soon as it is ingested, in an urgent batch of its own
(`B-<partner>-<night>-NN`), joins the partner's chain of batches, and is not sent again in the
night's batch. Driven through the CLI on local partner folders, on both engines."""

from __future__ import annotations

import csv
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from asbhub.partners import PartnerConfig
from asbhub.pipeline import outbound
from asbhub.pipeline.outbound import run_urgent, stage_batch, tonight
from asbhub.runtime import Hub
from asbhub.settings import Settings
from asbhub.store.models import Delivery, LedgerEvent, Referral, ReferralChange
from tests.lifecycle.conftest import NIGHT, Night, write_incidents

COUNCIL = "chelmsford_council"
CALM = {"district": "Chelmsford", "risk_level": "standard", "vulnerable_victim": False}
HIGH = {**CALM, "risk_level": "high", "thrive_flags": ["threat", "harm"]}
VULNERABLE = {**CALM, "vulnerable_victim": True}


def rows_of(path: Path) -> list[dict[str, Any]]:
    if path.suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def inbox_file(night: Night, partner: str, name: str) -> Path:
    [path] = (night.roots[partner] / "inbox").glob(name)
    return path


def manifest(night: Night, partner: str, stamp: str) -> dict[str, Any]:
    path = night.roots[partner] / "inbox" / f"manifest-{stamp}.json"
    return dict(json.loads(path.read_text(encoding="utf-8")))


def hub_of(night: Night) -> Hub:
    settings = Settings(config_dir=night.config, home=night.home, database_url=night.store.url)
    return Hub(settings=settings, actor="test", _store=night.store)


@pytest.fixture
def keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASBHUB_LEDGER_KEY", "test-ledger-key-not-a-real-secret")
    monkeypatch.setenv("ASBHUB_PSEUDONYM_KEY", "test-pseudonym-key-not-a-real-secret")


def test_high_risk_and_vulnerable_referrals_go_at_once_and_not_again_at_night(
    make_night,  # type: ignore[no-untyped-def]
) -> None:
    night: Night = make_night({COUNCIL})
    rows = write_incidents(night.landing, "incidents-a.jsonl", [CALM, HIGH, VULNERABLE, CALM])
    refs = [row["incident_ref"] for row in rows]
    assert night.cli("ingest", "run", "--from", str(night.landing))[0] == 0
    today = tonight()
    stamp = f"{today:%Y%m%d}"

    code, result = night.cli("outbound", "urgent")
    assert code == 0, result
    [council] = result["partners"]
    [batch] = council["batches"]
    assert batch["batch_id"] == f"B-{COUNCIL}-{stamp}-01" and batch["referrals"] == 2
    urgent = rows_of(inbox_file(night, COUNCIL, f"referrals-{stamp}-01.*"))
    assert {r["incident_ref"] for r in urgent} == {refs[1], refs[2]}
    first = manifest(night, COUNCIL, f"{stamp}-01")
    assert first["batch_id"] == batch["batch_id"] and first["previous_batch_id"] is None
    assert first["record_count"] == 2
    with night.store.session() as session:
        delivery = session.scalars(select(Delivery).where(Delivery.batch_id == batch["batch_id"]))
        assert delivery.one().urgent is True
        # Each referral's disclosure is in the ledger, under the urgent batch.
        disclosed = session.scalars(
            select(LedgerEvent).where(LedgerEvent.kind == "disclosure")
        ).all()
        assert {e.details.get("batch_id") for e in disclosed} == {batch["batch_id"]}
        assert len(disclosed) == 2

    # Nothing more is urgent: no batch, and the partner's inbox is as it was.
    before = sorted(p.name for p in (night.roots[COUNCIL] / "inbox").iterdir())
    code, again = night.cli("outbound", "urgent")
    assert code == 0 and again["partners"][0]["batches"] == [], again
    assert sorted(p.name for p in (night.roots[COUNCIL] / "inbox").iterdir()) == before

    # The partner collects the urgent batch; the night sends the other two, its manifest
    # chains on from the urgent batch, and the urgent one counts as acknowledged.
    for path in (night.roots[COUNCIL] / "inbox").glob(f"*-{stamp}-01.*"):
        path.rename(night.roots[COUNCIL] / "processed" / path.name)
    code, nightly = night.cli("outbound", "run", "--partner", COUNCIL, "--night", today.isoformat())
    assert code == 0, nightly
    assert nightly["partners"][0]["collected"] == [batch["batch_id"]]
    sent = night.delivered(COUNCIL, "referrals", today)
    assert {r["incident_ref"] for r in sent} == {refs[0], refs[3]}
    assert manifest(night, COUNCIL, stamp)["previous_batch_id"] == batch["batch_id"]


def test_a_second_urgent_referral_the_same_day_has_the_next_batch_number(
    make_night,  # type: ignore[no-untyped-def]
) -> None:
    night: Night = make_night({COUNCIL})
    write_incidents(night.landing, "incidents-a.jsonl", [HIGH])
    assert night.cli("ingest", "run", "--from", str(night.landing))[0] == 0
    assert night.cli("outbound", "urgent")[0] == 0
    later = write_incidents(night.landing, "incidents-b.jsonl", [VULNERABLE, CALM], seed=8)
    # write_incidents numbers from the same start: give the later extract its own references.
    for index, row in enumerate(later):
        row["incident_ref"] = f"42/{880000 + index:06d}/26"
    (night.landing / "incidents-a.jsonl").unlink(missing_ok=True)
    (night.landing / "incidents-b.jsonl").write_text(
        "".join(json.dumps(row) + "\n" for row in later), encoding="utf-8"
    )
    assert night.cli("ingest", "run", "--from", str(night.landing))[0] == 0
    code, said = night.text("outbound", "urgent")  # as a person reads it
    stamp = f"{tonight():%Y%m%d}"
    assert code == 0 and f"B-{COUNCIL}-{stamp}-02 (1 referrals)" in said, said
    with night.store.session() as session:
        urgent = session.scalars(select(Delivery.batch_id).where(Delivery.urgent.is_(True)))
        assert sorted(urgent) == [f"B-{COUNCIL}-{stamp}-01", f"B-{COUNCIL}-{stamp}-02"]
    assert manifest(night, COUNCIL, f"{stamp}-02")["previous_batch_id"] == (
        f"B-{COUNCIL}-{stamp}-01"
    )
    [row] = rows_of(inbox_file(night, COUNCIL, f"referrals-{stamp}-02.*"))
    assert row["incident_ref"] == later[0]["incident_ref"]


def test_an_escalation_goes_at_once_with_its_change_row_and_not_again_at_night(
    make_night,  # type: ignore[no-untyped-def]
) -> None:
    night: Night = make_night({COUNCIL})
    rows = write_incidents(night.landing, "incidents-20261125.jsonl", [CALM, CALM])
    assert night.cli("ingest", "run", "--from", str(night.landing))[0] == 0
    code, first = night.cli("outbound", "run", "--partner", COUNCIL, "--night", NIGHT.isoformat())
    assert code == 0, first
    again = [dict(row) for row in rows]
    again[0].update(HIGH)
    (night.landing / "incidents-20261125.jsonl").unlink(missing_ok=True)
    (night.landing / "incidents-20261126.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in again), encoding="utf-8"
    )
    code, ingest = night.cli("ingest", "run", "--from", str(night.landing))
    assert code == 0 and ingest["files"][0]["escalations"] == 1, ingest

    code, result = night.cli("outbound", "urgent")
    assert code == 0, result
    stamp = f"{tonight():%Y%m%d}"
    [batch] = result["partners"][0]["batches"]
    assert batch["batch_id"] == f"B-{COUNCIL}-{stamp}-01" and batch["changes"] == 1
    [referral] = rows_of(inbox_file(night, COUNCIL, f"referrals-{stamp}-01.*"))
    assert referral["incident_ref"] == rows[0]["incident_ref"]
    assert referral["high_risk"] in ("true", True)
    [change] = rows_of(inbox_file(night, COUNCIL, f"referral-changes-{stamp}-01.*"))
    assert change["escalated"] in ("true", True) and change["change"] == "update"
    assert manifest(night, COUNCIL, f"{stamp}-01")["previous_batch_id"] == f"B-{COUNCIL}-20261125"

    # The night after: the escalation is not sent again.
    tomorrow = tonight() + timedelta(days=1)
    code, nightly = night.cli(
        "outbound", "run", "--partner", COUNCIL, "--night", tomorrow.isoformat()
    )
    assert code == 0, nightly
    sent = night.delivered(COUNCIL, "referrals", tomorrow)
    assert rows[0]["incident_ref"] not in {r["incident_ref"] for r in sent}
    assert not list((night.roots[COUNCIL] / "inbox").glob(f"referral-changes-{tomorrow:%Y%m%d}*"))
    with night.store.session() as session:
        unsent = session.scalars(
            select(ReferralChange).where(ReferralChange.batch_id.is_(None))
        ).all()
        assert unsent == []


def test_a_partner_with_nothing_urgent_is_not_contacted(
    make_night,  # type: ignore[no-untyped-def]
    keys: None,
) -> None:
    night: Night = make_night({COUNCIL})
    write_incidents(night.landing, "incidents-a.jsonl", [CALM, CALM])
    assert night.cli("ingest", "run", "--from", str(night.landing))[0] == 0

    def no_connection(partner: PartnerConfig) -> Any:
        raise AssertionError(f"{partner.id} was contacted with nothing to send")

    hub = hub_of(night)
    result = run_urgent(hub, transport_factory=no_connection)
    assert result.ok and result.partners[0].batches == []
    with night.store.session() as session:
        assert session.scalars(select(Delivery)).all() == []
        assert set(session.scalars(select(Referral.status))) == {"pending"}


def test_an_urgent_batch_whose_referrals_the_night_took_meanwhile_is_not_kept(
    make_night,  # type: ignore[no-untyped-def]
    keys: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The night's batch and an urgent one built at the same time: whichever binds second
    finds its referrals taken, keeps nothing (no row, no staged file) and tries again."""
    night: Night = make_night({COUNCIL})
    write_incidents(night.landing, "incidents-a.jsonl", [HIGH, CALM])
    assert night.cli("ingest", "run", "--from", str(night.landing))[0] == 0
    hub = hub_of(night)
    partner = hub.partner(COUNCIL)
    real_check = outbound.check_batch
    raced: list[str] = []

    def check_then_race(the_hub: Hub, p: PartnerConfig, n: date, *args: Any) -> Any:
        checked = real_check(the_hub, p, n, *args)
        if not raced:  # the urgent run checked its batch; the night stages meanwhile
            raced.append("night")
            with monkeypatch.context() as m:
                m.setattr(outbound, "check_batch", real_check)
                stage_batch(the_hub, p, NIGHT)
        return checked

    monkeypatch.setattr(outbound, "check_batch", check_then_race)
    staged = outbound.stage_night(hub, partner, tonight(), urgent=True)
    assert raced and staged.batch_id is None  # the second try found nothing urgent left
    with night.store.session() as session:
        batches = session.scalars(select(Delivery.batch_id)).all()
        assert batches == [f"B-{COUNCIL}-20261125"]
        assert set(session.scalars(select(Referral.batch_id))) == {f"B-{COUNCIL}-20261125"}
    # The urgent attempt's files left the staging area.
    assert sorted(p.name for p in (night.home / "staging" / COUNCIL).iterdir()) == [
        f"B-{COUNCIL}-20261125"
    ]
