"""Everything the hub writes under its home is owner-only (files 0600, folders 0700) whatever
umask it was started with: a night driven through the CLI, then the whole home walked."""

from __future__ import annotations

import csv
import json
import os
import shutil
import stat
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from asbhub.cli import app
from tests.hub_files.owner_only import LOOSE_UMASK, every_path, loose_umask, open_to_others
from tests.pipeline.partners_here import local_partner_config

CONFIG = Path(__file__).resolve().parents[2] / "config"
NIGHT = "2026-11-25"
OUTCOME_HEADER = (
    "outcome_id,referral_id,status,recorded_at,lead_agency_accepted,actions,action_date,"
    "closed_on,notes\r\n"
)
runner = CliRunner()


@pytest.fixture
def hub_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    monkeypatch.setenv("ASBHUB_LEDGER_KEY", "test-ledger-key-not-a-real-secret")
    monkeypatch.setenv("ASBHUB_PSEUDONYM_KEY", "test-pseudonym-key-not-a-real-secret")
    # The SQLite store under the home: its file and journals are what this test is about.
    monkeypatch.delenv("ASBHUB_DATABASE_URL", raising=False)
    roots = local_partner_config(tmp_path / "config", tmp_path / "partners", monkeypatch)
    shutil.copyfile(CONFIG / "retention.yaml", tmp_path / "config" / "retention.yaml")
    return roots


def asbhub(tmp_path: Path, *args: str) -> str:
    """One CLI call, started under a loose umask as a shell might start it."""
    os.umask(LOOSE_UMASK)
    home, config = tmp_path / "home", tmp_path / "config"
    result = runner.invoke(
        app, ["--home", str(home), "--config-dir", str(config), *args], catch_exceptions=False
    )
    assert result.exit_code in (0, 1), result.output
    return result.stdout  # what the command says on stderr (alerts not sent) is not its JSON


def delivered_referral(inbox: Path) -> str | None:
    for path in inbox.glob("referrals-*.csv"):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                return row["referral_id"]
    return None


def send_back_a_bad_night(roots: dict[str, Path]) -> str:
    """A partner answers with one good row, one bad row and one file that is not a contract."""
    partner, referral = next(
        (pid, ref) for pid, root in roots.items() if (ref := delivered_referral(root / "inbox"))
    )
    outbox = roots[partner] / "outbox"
    (outbox / "outcomes-20261126.csv").write_text(
        OUTCOME_HEADER
        + f"O-1,{referral},accepted,2026-11-26T10:00:00+00:00,true,advice,2026-11-26,,\r\n"
        + f"O-2,{referral},closd,2026-11-26T11:00:00+00:00,true,advice,2026-11-26,,\r\n",
        encoding="utf-8",
    )
    (outbox / "outcomes-20261126-b.csv").write_text("name,address\r\nA,B\r\n", encoding="utf-8")
    for path in outbox.iterdir():  # written an hour ago: complete, whatever the stability rule
        os.utime(path, (time.time() - 3600, time.time() - 3600))
    return partner


def test_a_night_through_the_cli_leaves_nothing_in_the_home_that_others_can_read(
    tmp_path: Path, hub_env: dict[str, Path]
) -> None:
    home = tmp_path / "home"
    with loose_umask():
        asbhub(tmp_path, "db", "upgrade")
        asbhub(
            tmp_path, "seed", "--incidents", "40", "--night", NIGHT, "--out", str(home / "landing")
        )
        for extract in (home / "landing").iterdir():
            extract.chmod(0o644)  # as the force's extract writer, not the hub, may leave it
        asbhub(tmp_path, "ingest", "run")
        asbhub(tmp_path, "outbound", "run", "--all", "--night", NIGHT)
        partner = send_back_a_bad_night(hub_env)
        statuses: dict[str, str] = {}
        for _ in range(2):  # a second run, should the first wait to see the files stay still
            for result in json.loads(asbhub(tmp_path, "--json", "inbound", "run", "--all"))[
                "partners"
            ]:
                statuses.update({f["name"]: f["status"] for f in result["files"]})
        asbhub(tmp_path, "retention", "plan", "--as-of", "2033-06-01", "--by", "tester")

    assert statuses == {
        "outcomes-20261126.csv": "partially_loaded",
        "outcomes-20261126-b.csv": "rejected",
    }
    written = every_path(home)
    for area in ("hub.sqlite3", "landing", "archive", "staging", "quarantine", "reports"):
        assert area in written, f"{area} missing: the night did not write where this test looks"
    assert any(p.startswith(f"staging/{partner}/") for p in written)
    assert any(p.startswith("quarantine/") and Path(home, p).is_file() for p in written)
    assert any(p.startswith("reports/") and Path(home, p).is_file() for p in written)
    assert open_to_others(home) == []
    assert stat.S_IMODE(home.stat().st_mode) == 0o700


def test_a_home_left_open_by_an_earlier_version_is_tightened_when_the_hub_starts(
    tmp_path: Path, hub_env: dict[str, Path]
) -> None:
    home = tmp_path / "home"
    with loose_umask():
        (home / "archive" / "basildon_council").mkdir(parents=True)
        (home / "archive" / "basildon_council" / "old.bin").write_text("an old original\n")
        (home / "reports").mkdir()
        (home / "reports" / "old-report.json").write_text("{}\n")
        assert len(open_to_others(home)) == 6
        asbhub(tmp_path, "db", "upgrade")
        asbhub(tmp_path, "inbound", "run", "--partner", "basildon_council")
    assert open_to_others(home) == []


def test_a_store_outside_the_home_has_its_file_and_journals_tightened(
    tmp_path: Path, hub_env: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "stores"
    with loose_umask():
        elsewhere.mkdir()
        database = elsewhere / "hub.sqlite3"
        monkeypatch.setenv("ASBHUB_DATABASE_URL", f"sqlite:///{database}")
        asbhub(tmp_path, "db", "upgrade")
        database.chmod(0o644)  # as an earlier version, or a copy, may have left it
        (elsewhere / "hub.sqlite3-wal").write_bytes(b"")
        (elsewhere / "hub.sqlite3-wal").chmod(0o644)
        asbhub(tmp_path, "inbound", "run", "--partner", "basildon_council")
    assert open_to_others(elsewhere) == [f"drwxr-xr-x {elsewhere}"]  # not ours to close
    assert open_to_others(tmp_path / "home") == []


def test_a_shared_folder_is_refused_as_a_home_and_left_as_it_was(
    tmp_path: Path, hub_env: dict[str, Path]
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)  # sticky and open to all, as /tmp is
    result = runner.invoke(
        app,
        [
            "--home",
            str(shared),
            "--config-dir",
            str(tmp_path / "config"),
            "inbound",
            "run",
            "--all",
        ],
    )
    assert result.exit_code == 2
    assert "shared folder" in result.output and "--home" in result.output
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
