"""The migrations build, on both engines, exactly the schema the models describe."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, select

from asbhub.store.engine import Store, current_revision, make_engine, upgrade
from asbhub.store.models import Base, Watermark

EXPECTED_TABLES = {
    "incidents",
    "referrals",
    "outcomes",
    "deliveries",
    "inbound_files",
    "quarantine",
    "watermarks",
    "legal_holds",
    "disposal_runs",
    "disposal_items",
    "disposal_notices",
    "ledger_events",
    "ledger_references",
    "ledger_verifications",
}


@pytest.fixture(params=["sqlite", "postgres"])
def empty_url(request: pytest.FixtureRequest, tmp_path) -> str:  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    return str(request.getfixturevalue("empty_pg_url"))


def test_upgrade_of_an_empty_store_matches_the_models(empty_url: str) -> None:
    upgrade(empty_url)
    engine = make_engine(empty_url)
    try:
        assert set(inspect(engine).get_table_names()) >= EXPECTED_TABLES
        with engine.connect() as conn:
            diff = compare_metadata(
                MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata
            )
        assert diff == [], f"models and migrations differ: {diff}"
        assert current_revision(engine) is not None
    finally:
        engine.dispose()


def test_upgrade_twice_is_harmless(empty_url: str) -> None:
    upgrade(empty_url)
    upgrade(empty_url)


def test_timestamps_come_back_aware_and_in_utc(store: Store) -> None:
    local = datetime(2026, 7, 1, 2, 0, tzinfo=timezone(timedelta(hours=1)))
    with store.session() as session:
        session.add(Watermark(stream="outbound:test", value="x", updated_at=local))
    with store.session() as session:
        row = session.scalars(select(Watermark)).one()
    assert row.updated_at == local
    assert row.updated_at.tzinfo is not None
    assert row.updated_at.utcoffset() == timedelta(0)
    assert row.updated_at == datetime(2026, 7, 1, 1, 0, tzinfo=UTC)


def test_naive_timestamps_are_refused(store: Store) -> None:
    with pytest.raises(Exception, match="naive timestamp"), store.session() as session:
        session.add(Watermark(stream="s", value="x", updated_at=datetime(2026, 1, 1)))
