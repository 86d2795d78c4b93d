"""`asbhub ledger verify|search` over a ledger that retention has sealed in part, from a shell."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from asbhub.cli import app
from asbhub.store.engine import Store
from tests.ledger.history import R_A1, ROOT, History, build

runner = CliRunner()


@pytest.fixture
def history(store: Store, tmp_path: Path) -> History:
    return build(store, tmp_path)


def _cli(history: History, *args: str) -> tuple[int, str]:
    config = history.areas.home.parent / "config"
    if not config.exists():
        config.mkdir()
        shutil.copy(ROOT / "config" / "retention.yaml", config / "retention.yaml")
    env = {
        "ASBHUB_DATABASE_URL": history.store.url,
        "ASBHUB_LEDGER_KEY": "test-ledger-key-synthetic-only",
    }
    result = runner.invoke(
        app, ["--home", str(history.areas.home), "--config-dir", str(config), *args], env=env
    )
    return result.exit_code, result.stdout + result.stderr


def test_a_disposed_referral_is_answered_and_the_ledger_counted_by_kind(history: History) -> None:
    code, out = _cli(history, "retention", "plan", "--as-of", "2031-06-01")
    assert code == 0, out
    run_id = out.splitlines()[0].strip()
    assert _cli(history, "disposal", "approve", run_id, "--by", "J. Bloggs")[0] == 0
    code, out = _cli(history, "disposal", "execute", run_id)
    assert code == 0, out

    code, out = _cli(history, "--json", "ledger", "verify", "--by", "IM Jones")
    assert code == 0, out
    result = json.loads(out)
    assert result["ok"] and result["counts"]["disclosure"] == {"live": 2, "sealed": 1}
    assert result["counts"]["collection"] == {"live": 1, "sealed": 1}
    code, out = _cli(history, "ledger", "verify")
    assert code == 0 and "disclosure 2 live + 1 sealed" in out, out

    code, out = _cli(
        history, "ledger", "search", "--reference", R_A1, "--by", "IM Jones", "--why", "SAR 9"
    )
    assert code == 0, out
    disclosure = next(line for line in out.splitlines() if " disclosure " in line)
    assert "to council-a" in disclosure and "batch id B-council-a-20241203" in disclosure
    assert "isa reference ISA-7" in disclosure
    assert f"by run {run_id}: content disposed" in disclosure
    assert f"by run {run_id} under rule referral-standard" in out  # when and by which run


def test_verify_names_the_newest_events_when_they_are_cut_off(history: History) -> None:
    code, out = _cli(history, "ledger", "verify", "--by", "IM Jones")
    assert code == 0, out
    with history.store.engine.begin() as conn:
        conn.execute(text("DELETE FROM ledger_references WHERE seq >= 7"))
        conn.execute(text("DELETE FROM ledger_events WHERE seq >= 7"))
    code, out = _cli(history, "ledger", "verify")
    assert code == 1
    assert "LEDGER BROKEN at event 7: events 7-8 missing from the end of the ledger" in out
    assert "verified" not in out.replace("verification", "")
