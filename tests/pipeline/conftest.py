"""A hub over a real store (both engines), the sample partner configs and a temporary home; and
a night's hub: some partners on local folders, a night's extract ingested."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from asbhub.pipeline.ingest import ingest_folder
from asbhub.runtime import Hub
from asbhub.seed import write_extract
from asbhub.settings import Settings
from asbhub.store.engine import Store
from asbhub.store.models import Delivery
from tests.pipeline.partners_here import local_partner_config

CONFIG_DIR = Path(__file__).resolve().parents[2] / "config"
NIGHT = date(2026, 11, 25)
SOME = {
    "chelmsford_council",
    "basildon_council",
    "southend_council",
    "estuary_homes",
    "greenfield_housing",
    "harbourside_living",
}


@pytest.fixture
def hub(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Hub]:
    monkeypatch.setenv("ASBHUB_LEDGER_KEY", "test-ledger-key-not-a-real-secret")
    monkeypatch.setenv("ASBHUB_PSEUDONYM_KEY", "test-pseudonym-key-not-a-real-secret")
    settings = Settings(config_dir=CONFIG_DIR, home=tmp_path / "home", database_url=store.url)
    yield Hub(settings=settings, actor="test", _store=store)


@pytest.fixture
def night_hub(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Hub, dict[str, Path]]]:
    """Six partners on local folders (their roots by id) and NIGHT's extract of 120 ingested."""
    monkeypatch.setenv("ASBHUB_LEDGER_KEY", "test-ledger-key-not-a-real-secret")
    monkeypatch.setenv("ASBHUB_PSEUDONYM_KEY", "test-pseudonym-key-not-a-real-secret")
    roots = local_partner_config(tmp_path / "config", tmp_path / "partners", monkeypatch, only=SOME)
    settings = Settings(
        config_dir=tmp_path / "config", home=tmp_path / "home", database_url=store.url
    )
    hub = Hub(settings=settings, actor="test", _store=store)
    landing = tmp_path / "landing"
    write_extract(landing, 120, 5, NIGHT, "csv")
    ingest_folder(hub, landing)
    yield hub, roots


def add_quiet_nights(store: Store, partner_id: str) -> None:
    """Three earlier nights of one referral each, so that a batch of several looks odd to the
    feed's row-count bounds once a test lowers their floor."""
    with store.session() as session:
        for day in (1, 2, 3):
            session.add(
                Delivery(
                    batch_id=f"B-{partner_id}-2026110{day}",
                    partner_id=partner_id,
                    night=date(2026, 11, day),
                    status="delivered",
                    record_count=1,
                    files=[],
                    created_at=datetime(2026, 11, day, tzinfo=UTC),
                )
            )
