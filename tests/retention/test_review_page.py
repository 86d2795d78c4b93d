"""The audit view lists review items waiting for a decision, by keyed hash and never in clear,
and serves the certificate frozen at verification."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text

from asbhub.retention.plan import plan_disposal
from asbhub.retention.review import decide, pending_reviews
from asbhub.settings import Settings
from asbhub.store.engine import Store
from asbhub.store.models import DisposalRun
from asbhub.web.app import standalone_app
from tests.retention.test_frozen_certificate import _executed_run
from tests.retention.world import AS_OF, KEY, World, build, rid
from tests.web.conftest import VIEWER, basic, users_env

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*httpx2", category=UserWarning)
    from fastapi.testclient import TestClient


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    url = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    from asbhub.store.engine import upgrade

    upgrade(url)
    store = Store(url)
    monkeypatch.setenv("ASBHUB_WEB_USERS", users_env())
    monkeypatch.setenv("ASBHUB_LEDGER_KEY", "test-ledger-key-synthetic-only")
    monkeypatch.delenv("ASBHUB_AIRFLOW_URL", raising=False)
    yield build(store, tmp_path)
    store.dispose()


def _client(world: World) -> TestClient:
    settings = Settings(world.areas.home.parent / "config", world.areas.home, world.store.url)
    return TestClient(standalone_app(settings))


def test_the_review_page_lists_what_waits_and_forgets_what_was_decided(world: World) -> None:
    with world.store.session() as s:
        plan_disposal(s, world.schedule, KEY, AS_OF)
    with _client(world) as client:
        page = client.get("/reviews", headers=basic(VIEWER))
        assert page.status_code == 200
        assert "Review decisions waiting" in page.text and "referral-unclosed-standard" in page.text
        assert KEY.reference_hash(rid(5))[:16] in page.text
        assert rid(5) not in page.text and "B-UNACKED" not in page.text
        with world.store.session() as s:
            first = pending_reviews(s).items[0]
            decide(s, KEY, first.id, "keep", "IM", "still active")
        page = client.get("/reviews", headers=basic(VIEWER))
        assert first.reference_hash[:16] not in page.text


def test_the_view_serves_the_frozen_certificate(world: World) -> None:
    run_id = _executed_run(world)
    with world.store.session() as s:
        frozen = s.scalar(select(DisposalRun.certificate_json))
    with _client(world) as client:
        got = client.get(f"/runs/{run_id}/certificate.json", headers=basic(VIEWER))
        assert got.status_code == 200 and got.text == frozen
        with world.store.engine.begin() as conn:
            conn.execute(text("UPDATE disposal_runs SET certificate_json = 'edited'"))
        got = client.get(f"/runs/{run_id}/certificate.html", headers=basic(VIEWER))
    assert got.status_code == 409 and "altered since verification" in got.text
