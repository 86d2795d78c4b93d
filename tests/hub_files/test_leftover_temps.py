"""A night's delivery first removes the hub's own temporary files that an earlier, failed
delivery left in a partner's inbox, and nothing else there."""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path

import pytest

from asbhub.pipeline.ingest import ingest_folder
from asbhub.pipeline.outbound import STALE_TEMP_AGE, run_outbound
from asbhub.runtime import Hub
from asbhub.seed import write_extract
from asbhub.settings import Settings
from asbhub.store.engine import Store
from connectors.paths import temp_name
from tests.pipeline.partners_here import local_partner_config

NIGHT = date(2026, 11, 25)
PARTNER = "harbourside_living"


def backdate(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_a_leftover_of_a_failed_delivery_is_gone_after_the_next_night(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASBHUB_LEDGER_KEY", "test-ledger-key-not-a-real-secret")
    monkeypatch.setenv("ASBHUB_PSEUDONYM_KEY", "test-pseudonym-key-not-a-real-secret")
    roots = local_partner_config(tmp_path / "config", tmp_path / "partners", monkeypatch, {PARTNER})
    hub = Hub(
        Settings(config_dir=tmp_path / "config", home=tmp_path / "home", database_url=store.url),
        actor="test",
        _store=store,
    )
    landing = tmp_path / "landing"
    write_extract(landing, 20, 5, NIGHT, "csv")
    ingest_folder(hub, landing)
    inbox = roots[PARTNER] / "inbox"
    # Last night's delivery died after writing half a file under its temporary name.
    leftover = inbox / temp_name("referrals-20261124.csv")
    leftover.write_bytes(b"referral_id,nsir_cat")
    backdate(leftover, 24 * 3600)
    # Another worker's upload still in progress, and the partner's own hidden files.
    in_progress = inbox / temp_name("manifest-20261124.json")
    in_progress.write_bytes(b"{")
    backdate(in_progress, STALE_TEMP_AGE.total_seconds() / 2)
    partners_own = [inbox / ".DS_Store", inbox / ".notes.txt.part"]
    for path in partners_own:
        path.write_bytes(b"the partner's")
        backdate(path, 30 * 24 * 3600)

    result = run_outbound(hub, [PARTNER], NIGHT)

    outcome = result.partners[0]
    assert outcome.status == "delivered"
    assert outcome.swept == [leftover.name]
    assert not leftover.exists()
    assert in_progress.exists() and all(path.exists() for path in partners_own)
    delivered = {"referrals-20261125.jsonl", "manifest-20261125.json"}
    assert delivered <= set(os.listdir(inbox))
    assert not any(name.endswith(".part") for name in delivered)
