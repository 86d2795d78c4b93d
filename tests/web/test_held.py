"""The "Held back" page: unroutable incidents, set-aside referrals and changes waiting to be sent,
with their counts, high risk first; only for the audit role, since it shows references in clear;
every value escaped. On both engines: its queries are the view's own."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*httpx2", category=UserWarning)
    from fastapi.testclient import TestClient

from asbhub.pipeline.reroute import list_unroutable
from asbhub.pipeline.set_aside import list_held
from asbhub.runtime import Hub
from asbhub.settings import Settings
from asbhub.store.engine import Store
from asbhub.store.models import Incident, Referral, ReferralChange, SetAside
from asbhub.web.app import standalone_app
from tests.web.conftest import AUDITOR, VIEWER, basic, ledger_writes

NOW = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)
HOSTILE = "<script>alert(1)</script>"


@pytest.fixture
def settings(store_url: str, tmp_path: Path, web_env: None) -> Settings:
    return Settings(config_dir=tmp_path / "config", home=tmp_path / "home", database_url=store_url)


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    app = standalone_app(settings)
    with TestClient(app) as c:
        yield c
    app.state.web.close()


def add_incident(s: Session, ref: str, **values: Any) -> Incident:
    row = Incident(
        incident_ref=ref,
        reported_at=NOW - timedelta(days=1),
        district=values.pop("district", "Chelmsford"),
        routing_status=values.pop("routing_status", "routed"),
        is_asb=True,
        risk_level=values.pop("risk_level", "standard"),
        payload=values.pop("payload", {"incident_ref": ref}),
        source_file=values.pop("source_file", "asb_extract_20261125.csv"),
        source_line=2,
        ingested_at=values.pop("ingested_at", NOW),
        **values,
    )
    s.add(row)
    s.flush()
    return row


def add_referral(s: Session, incident: Incident, referral_id: str, partner: str, **v: Any) -> int:
    row = Referral(
        referral_id=referral_id, incident_id=incident.id, partner_id=partner, created_at=NOW, **v
    )
    s.add(row)
    s.flush()
    return row.id


def add_change(s: Session, referral_pk: int, partner: str, n: int, **values: Any) -> None:
    s.add(
        ReferralChange(
            change_id=f"C-{n:08d}",
            referral_pk=referral_pk,
            partner_id=partner,
            kind=values.pop("kind", "update"),
            revision=2,
            reason="the force extracted the incident again with other details",
            **values,
        )
    )


def by_ref(row: dict[str, Any]) -> str:
    return str(row.get("referral_id") or row["incident_ref"])


def set_aside(s: Session, referral_pk: int, partner: str, at: datetime, **values: Any) -> None:
    s.add(
        SetAside(
            referral_pk=referral_pk,
            partner_id=partner,
            batch_id=f"B-{partner}-20261125",
            check=values.pop("check", "expectation"),
            reason=values.pop("reason", "reported_at is after the night fed"),
            set_aside_at=at,
            **values,
        )
    )


def seed_night(settings: Settings) -> None:
    """Three unroutable incidents (the oldest high risk), two referrals set aside (the older high
    risk) beside one released, and unsent changes for two partners (one escalated) beside one
    change already sent."""
    store = Store(settings.database_url)
    try:
        _seed(store)
    finally:
        store.dispose()


def _seed(store: Store) -> None:
    with store.session() as s:
        for ref, days, risk in [("01", 3, "standard"), ("02", 5, "high"), ("05", 1, "standard")]:
            add_incident(
                s,
                f"INC-00000000{ref}",
                district=f"Nowhereshire {ref}",
                routing_status="unroutable",
                routing_reason=f"no council's partner file covers district 'Nowhereshire {ref}'",
                risk_level=risk,
                ingested_at=NOW - timedelta(days=days),
            )
        routed = add_incident(s, "INC-0000000003")
        other = add_incident(s, "INC-0000000004")
        high = add_referral(
            s, routed, "R-00000000000000A1", "estuary_homes", high_risk=True, status="set_aside"
        )
        set_aside(s, high, "estuary_homes", NOW - timedelta(hours=2))
        newer = add_referral(s, other, "R-00000000000000A4", "estuary_homes", status="set_aside")
        set_aside(s, newer, "estuary_homes", NOW, check="pii_scan", reason="a phone number")
        released = add_referral(s, other, "R-00000000000000A5", "chelmsford_council")
        set_aside(s, released, "chelmsford_council", NOW, released_at=NOW, released_by="IM")
        sent = add_referral(s, routed, "R-00000000000000A2", "chelmsford_council", status="sent")
        sent_too = add_referral(s, other, "R-00000000000000A3", "southend_council", status="sent")
        at = NOW - timedelta(hours=1)
        add_change(
            s,
            sent,
            "chelmsford_council",
            1,
            escalated=True,
            created_at=at,
            changed_fields=["risk_level", "high_risk"],
        )
        add_change(
            s,
            sent,
            "chelmsford_council",
            2,
            created_at=at - timedelta(days=1),
            changed_fields=["asb_type"],
        )
        add_change(s, sent_too, "southend_council", 3, kind="withdrawal", created_at=at)
        add_change(
            s,
            sent_too,
            "southend_council",
            4,
            created_at=at - timedelta(days=2),
            changed_fields=["district"],
            batch_id="B-southend_council-20261124",
            sent_at=at,
        )


def test_the_page_lists_what_is_held_back_high_risk_first(
    client: TestClient, settings: Settings
) -> None:
    seed_night(settings)
    before = ledger_writes(settings)
    page = client.get("/held", headers=basic(AUDITOR))
    assert page.status_code == 200, page.text
    text = page.text
    assert "Unroutable incidents: 3 (" in text and "Set-aside referrals: 2 (" in text
    assert text.count("1 high risk") == 2
    assert "2 update(s), 1 withdrawal(s)" in text and "1 escalation(s)" in text
    # High risk first, though held longer; then the set-aside referral and its release.
    assert text.index("INC-0000000002") < text.index("INC-0000000005")
    assert text.index("INC-0000000005") < text.index("INC-0000000001")
    assert text.index("R-00000000000000A1") < text.index("R-00000000000000A4")
    assert "reported_at is after the night fed" in text and "pii_scan" in text
    assert "asbhub outbound release REF" in text and "asbhub ingest reroute" in text
    assert "asb_type, high_risk, risk_level" in text
    # The partner with an escalation first; the change already sent is not counted.
    assert text.index("chelmsford_council") < text.index("southend_council")
    assert "R-00000000000000A5" not in text and "Nothing is held back" not in text
    assert 'href="/held" aria-current="page"' in text
    assert ledger_writes(settings) == before  # reading the page writes nothing


def test_the_json_form_counts_the_same_and_matches_the_cli_lists(
    client: TestClient, settings: Settings
) -> None:
    seed_night(settings)
    got = client.get("/held.json", headers=basic(AUDITOR))
    assert got.status_code == 200 and got.headers["content-type"] == "application/json"
    held = got.json()
    assert held["counts"] == {
        "unroutable": 3,
        "unroutable_high_risk": 1,
        "set_aside": 2,
        "set_aside_high_risk": 1,
        "updates": 2,
        "withdrawals": 1,
        "escalations": 1,
    }
    assert [i["incident_ref"] for i in held["unroutable"]] == [
        "INC-0000000002",
        "INC-0000000005",
        "INC-0000000001",
    ]
    chelmsford, southend = held["changes"]
    assert (chelmsford["partner_id"], chelmsford["updates"], chelmsford["escalations"]) == (
        "chelmsford_council",
        2,
        1,
    )
    assert chelmsford["waiting_since"] == "2026-11-25T01:00:00Z"
    assert (southend["withdrawals"], southend["updates"], southend["fields"]) == (1, 0, [])
    hub = Hub(settings=settings)
    try:
        # The same rows as the CLI's lists (which put the oldest first).
        cli = [h.model_dump(mode="json") for h in list_unroutable(hub)]
        assert sorted(held["unroutable"], key=by_ref) == sorted(cli, key=by_ref)
        cli = [h.model_dump(mode="json") for h in list_held(hub)]
        assert sorted(held["set_aside"], key=by_ref) == sorted(cli, key=by_ref)
    finally:
        hub.close()


def test_an_empty_store_says_nothing_is_held_back(client: TestClient) -> None:
    page = client.get("/held", headers=basic(AUDITOR))
    assert page.status_code == 200
    assert "Nothing is held back" in page.text
    assert "Unroutable incidents: 0" in page.text and "<table" not in page.text
    held = client.get("/held.json", headers=basic(AUDITOR)).json()
    assert (held["unroutable"], held["set_aside"], held["changes"]) == ([], [], [])
    assert set(held["counts"].values()) == {0}


def test_without_the_audit_role_the_page_is_refused_and_not_linked(
    client: TestClient, settings: Settings
) -> None:
    seed_night(settings)
    for path in ("/held", "/held.json"):
        refused = client.get(path, headers=basic(VIEWER))
        assert refused.status_code == 403, path
        assert "needs the role information-manager" in refused.text
        assert "INC-0000000002" not in refused.text and "R-00000000000000A1" not in refused.text
    assert client.get("/held").status_code == 401
    assert 'href="/held"' not in client.get("/", headers=basic(VIEWER)).text
    assert 'href="/held"' in client.get("/", headers=basic(AUDITOR)).text


def test_a_hostile_district_is_shown_escaped(client: TestClient, settings: Settings) -> None:
    store = Store(settings.database_url)
    try:
        with store.session() as s:
            add_incident(
                s,
                "INC-0000000009",
                district=HOSTILE,
                routing_status="unroutable",
                routing_reason=f"no council's partner file covers district {HOSTILE!r}",
                source_file=f"{HOSTILE}.csv",
            )
    finally:
        store.dispose()
    page = client.get("/held", headers=basic(AUDITOR))
    assert page.status_code == 200
    assert HOSTILE not in page.text and "<script" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert "default-src 'none'" in page.headers["content-security-policy"]
