"""Revision 0002 on a store already holding incidents: each gets the routing it had, and an
ASB incident that the old hub referred to no one is listed as unroutable, not forgotten."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from asbhub.store.engine import upgrade

NOW = datetime(2026, 11, 20, tzinfo=UTC)


@pytest.fixture(params=["sqlite", "postgres"])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'old.sqlite3'}"
    return str(request.getfixturevalue("empty_pg_url"))


def test_upgrade_gives_existing_incidents_their_routing(empty_url: str) -> None:
    upgrade(empty_url, "0001")
    engine = create_engine(empty_url.replace("postgresql://", "postgresql+psycopg://"))
    insert = text(
        "INSERT INTO incidents (id, incident_ref, reported_at, district, is_asb, risk_level, "
        "vulnerable_victim, repeat_victim, source_file, source_line, ingested_at) "
        "VALUES (:id, :ref, :at, :district, :asb, 'standard', :f, :f, 'old.csv', :id, :at)"
    )
    with engine.begin() as conn:
        for pk, district, asb in [(1, "Basildon", True), (2, "Southend", True), (3, "X", False)]:
            conn.execute(
                insert,
                {
                    "id": pk,
                    "ref": f"42/00000{pk}/26",
                    "at": NOW,
                    "district": district,
                    "asb": asb,
                    "f": False,
                },
            )
        conn.execute(
            text(
                "INSERT INTO referrals (referral_id, incident_id, partner_id, created_at, "
                "high_risk, status) VALUES ('R-0000000000000001', 1, 'basildon_council', :at, "
                ":f, 'delivered')"
            ),
            {"at": NOW, "f": False},
        )
        conn.execute(
            text(
                "INSERT INTO deliveries (batch_id, partner_id, night, status, record_count, "
                "notice_count, files, created_at) VALUES ('B-basildon_council-20261120', "
                "'basildon_council', '2026-11-20', 'delivered', 1, 0, '[]', :at)"
            ),
            {"at": NOW},
        )
    upgrade(empty_url)
    with engine.connect() as conn:
        routing = dict(
            conn.execute(text("SELECT id, routing_status FROM incidents ORDER BY id")).all()
        )
        reason = conn.execute(text("SELECT routing_reason FROM incidents WHERE id = 2")).scalar()
        set_aside = conn.execute(text("SELECT set_aside_count FROM deliveries")).scalar()
    engine.dispose()
    assert routing == {1: "routed", 2: "unroutable", 3: "not_asb"}
    assert reason and "detail was erased" in reason
    assert set_aside == 0
