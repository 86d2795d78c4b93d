"""The stand-in partners of docker-compose.yml: keys generated once (deploy/standin-keys.sh), and
the connections the init service writes (deploy/standin_partners.py) are ones the hub's own
transports accept, with the generated host key pinned."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import stat
import subprocess
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from connectors.connection import parse_connection
from connectors.s3 import S3Transport
from connectors.sftp import SFTPTransport
from connectors.spec import TransportSpec

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
MINIO = {
    "MINIO_ROOT_USER": "standin-user",
    "MINIO_ROOT_PASSWORD": "9a8b7c6d",
    "HUB_AREAS_USER": "areas-user",
    "HUB_AREAS_PASSWORD": "5e6f7a8b",
}


def load_standins() -> ModuleType:
    path = ROOT / "deploy" / "standin_partners.py"
    spec = importlib.util.spec_from_file_location("standin_partners", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


standins = load_standins()


def partner_transport(partner: str) -> TransportSpec:
    doc = yaml.safe_load((ROOT / "config" / "partners" / f"{partner}.yaml").read_text())
    return TransportSpec.model_validate(doc["transport"])


@pytest.fixture
def keys(tmp_path: Path) -> Path:
    if shutil.which("ssh-keygen") is None:
        pytest.skip("ssh-keygen (openssh-client) is not installed")
    folder = tmp_path / "keys"
    generate_keys(folder)
    return folder


def generate_keys(folder: Path) -> None:
    subprocess.run(
        ["sh", str(ROOT / "deploy" / "standin-keys.sh"), str(folder), str(os.getuid())],
        check=True,
        capture_output=True,
        timeout=60,
    )


def test_keys_are_generated_once_and_the_private_ones_kept_private(keys: Path) -> None:
    before = {path.name: path.read_bytes() for path in keys.iterdir()}
    assert set(before) == {
        "standin_host_ed25519",
        "standin_host_ed25519.pub",
        "hub_ed25519",
        "hub_ed25519.pub",
    }
    generate_keys(keys)
    assert {path.name: path.read_bytes() for path in keys.iterdir()} == before
    for name in ("standin_host_ed25519", "hub_ed25519"):
        assert stat.S_IMODE((keys / name).stat().st_mode) == 0o600
    assert before["standin_host_ed25519.pub"].startswith(b"ssh-ed25519 ")


def test_the_sftp_connection_pins_the_generated_host_key(keys: Path, tmp_path: Path) -> None:
    out = tmp_path / "connections.json"
    standins.write_connections(keys, out, MINIO)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    written = json.loads(out.read_text())
    spec = partner_transport("basildon_council")
    assert spec.connection_id == standins.SFTP_CONN_ID in written
    conn = parse_connection(spec.connection_id, json.dumps(written[spec.connection_id]))
    config = SFTPTransport.from_connection(spec, conn).config
    host_key = (keys / "standin_host_ed25519.pub").read_text().split()[:2]
    assert config.host_key == " ".join(host_key)
    assert config.host_key != spec.host_key, "the stand-in's key, not Basildon's real one"
    assert config.host == "partner-sftp" and config.username == "council"
    assert config.password is None
    assert str(config.key_file) == "/opt/asbhub/partner-keys/hub_ed25519"
    assert "partner-sftp" in COMPOSE["services"]
    assert set(spec.folders.values()) >= {"/asbhub/inbox", "/asbhub/outbox"}
    assert "asbhub/inbox,asbhub/outbox" in COMPOSE["services"]["partner-sftp"]["command"][0]


def test_the_s3_connection_reaches_the_standin_bucket(keys: Path, tmp_path: Path) -> None:
    out = tmp_path / "connections.json"
    standins.write_connections(keys, out, MINIO)
    spec = partner_transport("estuary_homes")
    written = json.loads(out.read_text())
    conn = parse_connection(spec.connection_id, json.dumps(written[spec.connection_id]))
    config = S3Transport.from_connection(spec, conn).config
    assert config.bucket == standins.S3_BUCKET and config.endpoint_url == "http://partner-s3:9000"
    assert config.access_key_id == "standin-user"
    assert config.secret_access_key is not None
    assert config.secret_access_key.get_secret_value() == "9a8b7c6d"
    env = COMPOSE["services"]["partner-s3"]["environment"]
    assert env["MINIO_SITE_REGION"] == config.region == standins.S3_REGION


def test_a_missing_host_key_or_minio_user_is_named(tmp_path: Path) -> None:
    with pytest.raises(standins.StandinError, match="has partner-keys run"):
        standins.write_connections(tmp_path, tmp_path / "c.json", MINIO)
    with pytest.raises(standins.StandinError, match="MINIO_ROOT_PASSWORD"):
        standins.s3_connection({"MINIO_ROOT_USER": "u"})
    (tmp_path / standins.HOST_KEY_FILE).write_text("ssh-rsa AAAA x\n")
    with pytest.raises(standins.StandinError, match="not an ed25519"):
        standins.pinned_host_key(tmp_path)


def test_the_bucket_is_created_once() -> None:
    from moto import mock_aws

    with mock_aws():
        standins.ensure_bucket(MINIO, endpoint_url=None)
        standins.ensure_bucket(MINIO, endpoint_url=None)
        import boto3

        names = [b["Name"] for b in boto3.client("s3").list_buckets()["Buckets"]]
    assert names == [standins.S3_BUCKET]


def test_the_hub_areas_connection_is_one_the_hub_reads_its_areas_through(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The init service writes `hub_areas` (the env file's ASBHUB_AREAS_CONNECTION) for the
    hub-areas bucket; the hub's object-store backend takes it as it is."""
    from asbhub.storage import ObjectStoreBackend

    env_file = (ROOT / "deploy" / "stack.env.example").read_text()
    assert f"ASBHUB_AREAS_CONNECTION={standins.AREAS_CONN_ID}" in env_file.splitlines()
    areas = {"HUB_AREAS_USER": "areas-user", "HUB_AREAS_PASSWORD": "5e6f7a8b"}
    value = standins.areas_connection(areas)
    environ = {f"AIRFLOW_CONN_{standins.AREAS_CONN_ID.upper()}": json.dumps(value)}
    from connectors.connection import lookup_connection

    conn = lookup_connection(standins.AREAS_CONN_ID, environ)
    assert conn.conn_type == "aws" and conn.extra["bucket"] == standins.AREAS_BUCKET
    with pytest.raises(standins.StandinError, match="HUB_AREAS_PASSWORD"):
        standins.areas_connection({"HUB_AREAS_USER": "areas-user"})
    monkeypatch.setenv(*next(iter(environ.items())))
    backend = ObjectStoreBackend.from_connection(standins.AREAS_CONN_ID, "hub")
    assert backend.where == f"s3://{standins.AREAS_BUCKET}/hub at http://hub-areas:9000"
    assert backend.config.sse == "AES256"  # server-side encryption asked on every object
