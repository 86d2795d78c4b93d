"""`asbhub demo` end to end on a small night: real sshd and S3 peers, the real DAGs under
Airflow, the partners' answers, a disposal run; then its summary is checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console

from asbhub.demo.run import run_demo
from tests.hub_files.owner_only import every_path, loose_umask, open_to_others

pytestmark = pytest.mark.slow


def test_the_demo_night_runs_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("ASBHUB_LEDGER_KEY", "ASBHUB_PSEUDONYM_KEY", "ASBHUB_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    console = Console(file=open(tmp_path / "progress.txt", "w"), width=132)  # noqa: SIM115
    with loose_umask():  # the demo makes its files owner-only whatever umask it starts with
        result = run_demo(tmp_path / "demo", incidents=150, seed=3, console=console)
    console.file.close()

    failed = [(r.dag_id, r.error) for r in result.dag_runs if r.state != "success"]
    assert not failed
    assert {r.dag_id for r in result.dag_runs} >= {"police_ingest"}
    assert len(result.partners) == 17
    assert all(p.batches >= 1 for p in result.partners), "every partner gets a batch"
    assert sum(p.referrals_sent for p in result.partners) > 0
    assert sum(p.outcomes_loaded for p in result.partners) > 0
    bad = [p for p in result.partners if p.files_rejected]
    assert len(bad) == 1 and bad[0].rejection_reports >= 1, "the bad file is quarantined, reported"
    assert sum(p.rows_quarantined for p in result.partners) >= 1, "bad rows are quarantined"
    assert result.disposal["verified"] is True
    assert result.disposal["planned"] > 0
    assert all(p.acks_received == p.notices_sent for p in result.partners)
    assert result.ledger["ok"] is True
    assert Path(result.certificate_html).read_text(encoding="utf-8").lstrip().startswith("<!")
    page = Path(result.report_page).read_text(encoding="utf-8")
    assert result.disposal["run_id"] in page
    # Nothing the demo started is left running: its peers' ports are free again.
    secrets = (tmp_path / "demo" / "secrets.env").read_text()
    assert "ASBHUB_LEDGER_KEY=" in secrets
    assert json.loads(result.model_dump_json())["home"].endswith("demo")
    # Everything the demo night wrote (store, areas, reports, secrets, keys, Airflow's home) is
    # owner-only; the partners' own folders, served by the SFTP peer, are theirs to set.
    demo = tmp_path / "demo"
    written = every_path(demo)
    assert {"secrets.env", "hub/hub.sqlite3", "hub/archive", "hub/staging", "reports"} <= written
    assert open_to_others(demo, skip=[demo / "sftp" / "root"]) == []
