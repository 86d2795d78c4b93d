"""`asbhub remote ...` and `asbhub partners check --connect` against real servers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from asbhub.cli import app
from tests.connectors.harnesses import S3Harness, SFTPHarness
from tests.servers import S3Server, SSHServer

CONFIG = Path(__file__).resolve().parents[2] / "config" / "partners"
SECRET = "moto-secret-never-shown"


@pytest.fixture
def hub(
    tmp_path: Path, sshd_server: SSHServer, s3_server: S3Server, monkeypatch: pytest.MonkeyPatch
):  # type: ignore[no-untyped-def]
    """A config folder with two partners (SFTP on sshd, S3 on moto) and their connections."""
    sftp, s3 = SFTPHarness(sshd_server), S3Harness(s3_server)
    s3.env["AIRFLOW_CONN_S3_PARTNER"] = s3.env["AIRFLOW_CONN_S3_PARTNER"].replace(
        f'"password": "{s3_server.secret_access_key}"', f'"password": "{SECRET}"'
    )
    partners = tmp_path / "config" / "partners"
    partners.mkdir(parents=True)
    for source, harness in (("basildon_council", sftp), ("estuary_homes", s3)):
        data = yaml.safe_load((CONFIG / f"{source}.yaml").read_text())
        data["transport"] = harness.spec.model_dump(exclude_none=True)
        (partners / f"{source}.yaml").write_text(yaml.safe_dump(data))
        for name, value in harness.env.items():
            monkeypatch.setenv(name, value)
    monkeypatch.setenv("ASBHUB_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("ASBHUB_HOME", str(tmp_path / "home"))
    return sftp, s3


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["--json", *args])
    return result.exit_code, result.output


def test_put_ls_get_rm_round_trip(hub, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sftp, _ = hub
    source = tmp_path / "feed.csv"
    source.write_text("referral_id\nR1\n")
    code, out = run("remote", "put", "basildon_council", "inbox", str(source))
    assert code == 0, out
    sha = json.loads(out)["sha256"]
    code, out = run("remote", "ls", "basildon_council", "inbox")
    assert [f["name"] for f in json.loads(out)["files"]] == ["feed.csv"]
    downloads = tmp_path / "down"
    downloads.mkdir()
    code, out = run(
        "remote", "get", "basildon_council", "inbox", "feed.csv", "--to", str(downloads)
    )
    assert code == 0 and json.loads(out)["sha256"] == sha
    code, out = run("remote", "rm", "basildon_council", "inbox", "feed.csv")
    assert code == 0 and sftp.raw_names("inbox") == set()


def test_unsafe_name_is_a_one_line_error(hub) -> None:  # type: ignore[no-untyped-def]
    code, out = run("remote", "get", "basildon_council", "outbox", "../../etc/passwd")
    assert code == 1 and "refused" in out and "Traceback" not in out


def test_partners_check_connect_shows_fingerprint_and_folders(hub, sshd_server) -> None:  # type: ignore[no-untyped-def]
    code, out = run("partners", "check", "--connect")
    assert code == 0, out
    results = {r["partner_id"]: r for r in json.loads(out)["connectivity"]}
    fingerprint = results["basildon_council"]["identity"]
    assert fingerprint.startswith("ssh-ed25519 SHA256:")
    assert all(f["listable"] for r in results.values() for f in r["folders"])
    assert SECRET not in out


def test_partners_check_connect_reports_a_changed_host_key(  # type: ignore[no-untyped-def]
    hub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sftp, _ = hub
    conn = json.loads(sftp.env["AIRFLOW_CONN_SFTP_PARTNER"])
    conn["extra"]["host_key"] = (
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKXJSmMqqfHDCCiEfcrrA/09xioo3obyNzdLwuabBg2m"
    )
    monkeypatch.setenv("AIRFLOW_CONN_SFTP_PARTNER", json.dumps(conn))
    code, out = run("partners", "check", "--connect")
    assert code == 2
    results = {r["partner_id"]: r for r in json.loads(out)["connectivity"]}
    assert "HOST KEY MISMATCH" in results["basildon_council"]["error"]
    assert results["estuary_homes"]["ok"]
