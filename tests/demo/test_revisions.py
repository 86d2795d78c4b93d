"""The demo's re-extract: through `asbhub ingest` after the night's own extract, it changes
exactly the incidents it names, and each change is queued for the partners that hold them."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from asbhub.cli import app
from asbhub.demo.extract import write_night_extract
from asbhub.demo.revisions import partners_with_news, write_revised_extract
from asbhub.partners import load_partners
from asbhub.store.engine import Store
from tests.pipeline.partners_here import local_partner_config

NIGHT = date(2026, 11, 25)


def test_the_re_extract_escalates_moves_and_declassifies_what_it_says(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    local_partner_config(tmp_path / "config", tmp_path / "partners", monkeypatch)
    partners = load_partners(tmp_path / "config" / "partners")
    landing = tmp_path / "landing"
    env = {
        "ASBHUB_DATABASE_URL": store.url,
        "ASBHUB_LEDGER_KEY": "test-ledger-key-not-a-real-secret",
        "ASBHUB_PSEUDONYM_KEY": "test-pseudonym-key-not-a-real-secret",
    }
    base = ["--config-dir", str(tmp_path / "config"), "--home", str(tmp_path / "home"), "--json"]

    def cli(*args: str) -> dict[str, object]:
        result = CliRunner().invoke(app, [*base, *args], env=env)
        data: dict[str, object] = json.loads(result.stdout)
        return data

    def ingest() -> dict[str, object]:
        return cli("ingest", "run", "--from", str(landing))

    write_night_extract(landing, 150, 3, NIGHT)
    first = ingest()
    cli("outbound", "run", "--all", "--night", NIGHT.isoformat())
    revised = write_revised_extract(landing, 150, 3, NIGHT, NIGHT + timedelta(days=1), partners)
    [changed] = ingest()["files"]  # type: ignore[misc]
    assert changed["rows_in"] == 150 and changed["changed"] == 5, changed
    assert changed["already_known"] == 145 and changed["escalations"] == 3
    assert changed["withdrawals"] >= 2 and changed["not_asb"] == 1
    assert changed["updates"] >= 3
    assert first["files"][0]["loaded"] == 150  # type: ignore[index]
    assert revised.moved not in revised.escalated and revised.declassified != revised.moved
    with store.session() as session:
        waiting = partners_with_news(session)
    council = next(p.id for p in partners if p.covers_district(revised.district))
    moved_to = next(p.id for p in partners if p.covers_district(revised.moved_to))
    assert {council, moved_to} <= set(waiting)
