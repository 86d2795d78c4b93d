"""The retention commands from a shell: plan, approve, execute, report, check, status, holds,
ledger verify and search — on both engines, with the store given by ASBHUB_DATABASE_URL."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from asbhub.cli import app
from asbhub.store.engine import Store
from tests.retention.world import DUE_REFERRALS, SCHEDULE, World, build, rid

runner = CliRunner()
KEY_TEXT = "test-ledger-key-synthetic-only"


@pytest.fixture
def world(store: Store, tmp_path: Path) -> World:
    return build(store, tmp_path)


def _cli(world: World, *args: str, key: bool = True) -> tuple[int, str]:
    config = world.areas.home.parent / "config"
    if not config.exists():
        config.mkdir()
        shutil.copy(SCHEDULE, config / "retention.yaml")
    env = {"ASBHUB_DATABASE_URL": world.store.url, "ASBHUB_LEDGER_KEY": KEY_TEXT if key else ""}
    result = runner.invoke(
        app, ["--home", str(world.areas.home), "--config-dir", str(config), *args], env=env
    )
    return result.exit_code, result.stdout + result.stderr


def test_a_disposal_run_from_the_command_line(world: World, tmp_path: Path) -> None:
    code, out = _cli(world, "retention", "plan", "--as-of", "2032-06-01")
    assert code == 0, out
    run_id = out.splitlines()[0].strip()
    assert run_id.startswith("DR-20320601-")
    code, out = _cli(world, "disposal", "execute", run_id)
    assert code == 1 and "not approved" in out
    code, out = _cli(world, "disposal", "approve", run_id, "--by", "J. Bloggs")
    assert code == 0, out
    code, out = _cli(world, "disposal", "execute", run_id)
    assert code == 0 and "verified" in out, out
    html = tmp_path / "cert.html"
    code, out = _cli(world, "disposal", "report", run_id, "--format", "html", "--out", str(html))
    assert code == 0 and "J. Bloggs" in html.read_text()
    code, out = _cli(world, "--json", "disposal", "report", run_id, "--format", "json")
    assert code == 0
    cert_path = Path(json.loads(out)["path"])
    assert cert_path.parent == world.areas.home / "reports"
    for reference in DUE_REFERRALS:
        code, out = _cli(world, "disposal", "check", run_id, "--reference", reference)
        assert code == 0, out
    code, out = _cli(world, "disposal", "check", run_id, "--reference", rid(2))
    assert code == 1 and "NOT" in out
    code, out = _cli(
        world, "disposal", "check", run_id, "--reference", rid(1), "--certificate", str(cert_path)
    )
    assert code == 0, out
    code, out = _cli(world, "--json", "disposal", "status", "--days", "1", "--as-of", "2099-01-01")
    assert code == 0 and len(json.loads(out)["overdue"]) == 2
    code, out = _cli(
        world, "ledger", "search", "--reference", rid(1), "--by", "IM", "--why", "SAR 17"
    )
    assert code == 0 and f"by run {run_id}" in out, out


def test_holds_from_the_command_line(world: World) -> None:
    code, out = _cli(world, "hold", "add", rid(1), "--reason", "civil claim", "--by", "Legal")
    assert code == 0, out
    code, out = _cli(world, "--json", "hold", "list")
    assert [h["reference"] for h in json.loads(out)["holds"]] == [rid(1)]
    code, out = _cli(world, "--json", "retention", "plan", "--as-of", "2032-06-01")
    assert json.loads(out)["held"] == 1
    code, out = _cli(world, "hold", "remove", rid(1), "--reason", "settled", "--by", "Legal")
    assert code == 0, out
    code, out = _cli(world, "hold", "remove", rid(1), "--reason", "again", "--by", "Legal")
    assert code == 1 and "no active legal hold" in out


def test_ledger_verify_names_the_first_bad_event(world: World) -> None:
    code, out = _cli(world, "ledger", "verify")
    assert code == 0 and "intact" in out
    with world.store.engine.begin() as conn:
        conn.execute(text("UPDATE ledger_events SET actor = 'nobody' WHERE seq = 4"))
    code, out = _cli(world, "ledger", "verify")
    assert code == 1 and "event 4" in out and "edited" in out


def test_a_missing_ledger_key_is_an_environment_error(world: World) -> None:
    code, out = _cli(world, "ledger", "verify", key=False)
    assert code == 2 and "ASBHUB_LEDGER_KEY" in out


def test_a_broken_schedule_is_refused_with_exit_1(world: World) -> None:
    _cli(world, "hold", "list")
    config = world.areas.home.parent / "config" / "retention.yaml"
    config.write_text(config.read_text().replace("period: 90d", "period: 90 days"))
    code, out = _cli(world, "retention", "plan")
    assert code == 1 and "not a period" in out
