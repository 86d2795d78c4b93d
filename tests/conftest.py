"""Shared fixtures: the hub store on both engines (SQLite file and PostgreSQL on loopback)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from asbhub.store.engine import Store, upgrade

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
# Test partners' files are complete when written: take the second listing at once (the wait
# between listings is tested where it matters, in tests/inbound/test_hardening.py).
os.environ.setdefault("ASBHUB_INBOUND_SETTLE_SECONDS", "0")

pytest_plugins = ["tests.servers"]  # sshd_server and s3_server session fixtures

PG_ADMIN_URL = os.environ.get(
    "ASBHUB_TEST_PG_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def _pg_admin():  # type: ignore[no-untyped-def]
    return create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")


def _pg_url(database: str) -> str:
    return PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + database


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """A migrated PostgreSQL database that each test copies; dropped when the session ends."""
    name = f"asbhub_tpl_{uuid.uuid4().hex[:10]}"
    admin = _pg_admin()
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # the tests must not pass silently without PostgreSQL
        pytest.fail(f"PostgreSQL at {PG_ADMIN_URL} is needed by the store tests: {exc}")
    upgrade(_pg_url(name))
    yield name
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def empty_pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test."""
    name = f"asbhub_t_{uuid.uuid4().hex[:12]}"
    admin = _pg_admin()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield _pg_url(name)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The URL of a migrated, empty hub store, once on each engine."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
        upgrade(url)
        yield url
        return
    template = request.getfixturevalue("pg_template")
    name = f"asbhub_t_{uuid.uuid4().hex[:12]}"
    admin = _pg_admin()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    yield _pg_url(name)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """A migrated hub store, once on SQLite and once on PostgreSQL."""
    hub_store = Store(store_url)
    yield hub_store
    hub_store.dispose()
