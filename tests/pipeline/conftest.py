"""A hub over a real store (both engines), the sample partner configs and a temporary home."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from asbhub.runtime import Hub
from asbhub.settings import Settings
from asbhub.store.engine import Store

CONFIG_DIR = Path(__file__).resolve().parents[2] / "config"


@pytest.fixture
def hub(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Hub]:
    monkeypatch.setenv("ASBHUB_LEDGER_KEY", "test-ledger-key-not-a-real-secret")
    monkeypatch.setenv("ASBHUB_PSEUDONYM_KEY", "test-pseudonym-key-not-a-real-secret")
    settings = Settings(config_dir=CONFIG_DIR, home=tmp_path / "home", database_url=store.url)
    yield Hub(settings=settings, actor="test", _store=store)
