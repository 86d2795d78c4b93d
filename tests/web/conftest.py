"""Audit view fixtures: synthetic users, the app over a store, and uvicorn on a loopback port."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI

from asbhub.web.auth import password_hash
from tests.servers import free_port

# Synthetic credentials for tests only.
AUDITOR = ("auditor", "auditor-password-synthetic-1")
VIEWER = ("viewer", "viewer-password-synthetic-2")
SERVICE_TOKEN = "service-token-synthetic-0123456789abcdef"
AUDIT_ROLE = "information-manager"


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
