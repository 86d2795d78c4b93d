"""Inbound fixtures: a hub over a real store whose test partners use a harness's transport, and
one PII engine (one model load) for the whole session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from asbhub.minimise.narratives import NarrativeRedactor
from asbhub.runtime import Hub
from asbhub.settings import Settings
from asbhub.store.engine import Store
from tests.connectors.harnesses import Harness, LocalHarness
from tests.inbound.world import OTHER, PARTNER
from tests.pipeline.partners_here import local_partner_config

HubFactory = Callable[[Harness], Hub]


@pytest.fixture(scope="session")
def redactor() -> NarrativeRedactor:
    shared = NarrativeRedactor()
    shared.engine.analyzer  # noqa: B018 - load the model once, up front
    return shared


@pytest.fixture
def make_hub(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, redactor: NarrativeRedactor
) -> HubFactory:
    """A hub whose PARTNER talks to the given harness (OTHER to a local folder)."""
    monkeypatch.setenv("ASBHUB_LEDGER_KEY", "test-ledger-key-not-a-real-secret")
    monkeypatch.setenv("ASBHUB_PSEUDONYM_KEY", "test-pseudonym-key-not-a-real-secret")

    def build(harness: Harness) -> Hub:
        transport = harness.spec.model_dump(exclude_none=True)
        local_partner_config(
            tmp_path / "config",
            tmp_path / "partners",
            monkeypatch,
            only={PARTNER, OTHER},
            transports={PARTNER: transport},
        )
        for name, value in harness.env.items():
            monkeypatch.setenv(name, value)
        settings = Settings(
            config_dir=tmp_path / "config", home=tmp_path / "home", database_url=store.url
        )
        hub = Hub(settings=settings, actor="test", _store=store)
        hub.__dict__["redactions"] = redactor  # the real engine, loaded once per session
        return hub

    return build


@pytest.fixture
def local_hub(make_hub: HubFactory, tmp_path: Path) -> tuple[Hub, LocalHarness]:
    harness = LocalHarness(tmp_path)
    return make_hub(harness), harness
