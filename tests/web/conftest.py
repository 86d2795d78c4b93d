"""Audit view fixtures: synthetic users, the app over a store, and uvicorn on a loopback port."""

from __future__ import annotations

import base64
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI
from sqlalchemy import func, select

from asbhub.settings import Settings
from asbhub.store.engine import Store, upgrade
from asbhub.store.models import LedgerEvent, LedgerVerification
from asbhub.web.auth import password_hash
from tests.servers import free_port

# Synthetic credentials for tests only.
AUDITOR = ("auditor", "auditor-password-synthetic-1")
VIEWER = ("viewer", "viewer-password-synthetic-2")
SERVICE_TOKEN = "service-token-synthetic-0123456789abcdef"
AUDIT_ROLE = "information-manager"

LOOKUP = {"reference": "R-00000000000000AA", "justification": "SAR 2026/0001 (synthetic)"}
# The origin TestClient's requests go to: a form posted from the view's own pages says so.
OWN_PAGES = {"Origin": "http://testserver"}


def basic(user: tuple[str, str]) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{user[0]}:{user[1]}".encode()).decode()}


def posted_by(user: tuple[str, str]) -> dict[str, str]:
    """A form sent from the view's own page by a signed-in user."""
    return {**basic(user), **OWN_PAGES}


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    s = Settings(
        config_dir=tmp_path / "config",
        home=tmp_path / "home",
        database_url=f"sqlite:///{tmp_path / 'hub.sqlite3'}",
    )
    upgrade(s.database_url)
    return s


def users_env() -> str:
    return " ".join(
        [
            f"{AUDITOR[0]}:{password_hash(AUDITOR[1])}:{AUDIT_ROLE},viewer",
            f"{VIEWER[0]}:{password_hash(VIEWER[1])}:viewer",
            f"robot:{password_hash(SERVICE_TOKEN)}:",
        ]
    )


@pytest.fixture
def web_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASBHUB_WEB_USERS", users_env())
    monkeypatch.setenv("ASBHUB_AUDIT_ROLE", AUDIT_ROLE)
    monkeypatch.setenv("ASBHUB_LEDGER_KEY", "test-ledger-key-not-a-real-secret")
    monkeypatch.delenv("ASBHUB_AIRFLOW_URL", raising=False)
    monkeypatch.delenv("ASBHUB_WEB_ORIGIN", raising=False)


def ledger_writes(settings: Settings) -> tuple[int, int]:
    """(ledger events, ledger verifications) in the store: what a refused request must not add."""
    store = Store(settings.database_url)
    try:
        with store.session() as s:
            events = s.scalar(select(func.count()).select_from(LedgerEvent))
            checks = s.scalar(select(func.count()).select_from(LedgerVerification))
            return int(events or 0), int(checks or 0)
    finally:
        store.dispose()


@contextmanager
def live_server(app: FastAPI, log_dir: Path | None = None) -> Iterator[str]:
    """uvicorn on a free loopback port in a thread; stopped (and joined) on exit."""
    port = free_port()
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
        access_log=False,
        ws="none",
        lifespan="off",
        log_level="warning",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"uvicorn-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"uvicorn did not start on port {port}")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        assert not thread.is_alive(), "uvicorn did not stop"
