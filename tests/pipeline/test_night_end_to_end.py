"""A whole night through the real peers: a council on OpenSSH's sshd, a housing provider on
the S3 endpoint. The partner's side checks every manifest checksum and every column."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from asbhub.minimise.projection import view_columns
from asbhub.pipeline.ingest import ingest_folder
from asbhub.pipeline.outbound import run_outbound
from asbhub.runtime import Hub
from asbhub.seed import write_extract
from asbhub.settings import Settings
from asbhub.store.models import Referral
from tests.connectors.harnesses import s3_connection, sftp_connection
from tests.pipeline.partners_here import local_partner_config
from tests.servers import S3Server, SSHServer

NIGHT = date(2026, 11, 25)
COUNCIL, PROVIDER = "chelmsford_council", "estuary_homes"


def read_feed(name: str, data: bytes, fmt: str) -> list[dict[str, object]]:
    text = data.decode("utf-8")
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(text, newline="")))
    return [json.loads(line) for line in text.splitlines()]


def test_a_night_through_sshd_and_s3(
    sshd_server: SSHServer, s3_server: S3Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASBHUB_LEDGER_KEY", "test-ledger-key-not-a-real-secret")
    monkeypatch.setenv("ASBHUB_PSEUDONYM_KEY", "test-pseudonym-key-not-a-real-secret")
    sshd_server.ensure_running()
    tag = f"e2e{uuid.uuid4().hex[:8]}"
    for folder in ("inbox", "outbox", "processed"):
        (sshd_server.root / tag / folder).mkdir(parents=True)
    bucket = s3_server.make_bucket()
    monkeypatch.setenv("AIRFLOW_CONN_E2E_COUNCIL_SFTP", sftp_connection(sshd_server))
    monkeypatch.setenv("AIRFLOW_CONN_E2E_PROVIDER_S3", s3_connection(s3_server, bucket))
    local_partner_config(
        tmp_path / "config",
        tmp_path / "partners",
        monkeypatch,
        only={COUNCIL, PROVIDER},
        transports={
            COUNCIL: {
                "type": "sftp",
                "connection_id": "e2e_council_sftp",
                "host_key": sshd_server.host_public_key,
                "folders": {f: f"{tag}/{f}" for f in ("inbox", "outbox", "processed")},
            },
            PROVIDER: {
                "type": "s3",
                "connection_id": "e2e_provider_s3",
                "folders": {"inbox": "inbox", "outbox": "outbox", "processed": "processed"},
            },
        },
    )
    settings = Settings(
        config_dir=tmp_path / "config",
        home=tmp_path / "home",
        database_url=f"sqlite:///{tmp_path / 'hub.sqlite3'}",
    )
    from asbhub.store.engine import upgrade

    upgrade(settings.database_url)
    hub = Hub(settings=settings, actor="test")
    write_extract(tmp_path / "landing", 400, 21, NIGHT, "csv")
    ingest_folder(hub, tmp_path / "landing")
    result = run_outbound(hub, night=NIGHT)
    assert result.ok, [(p.partner_id, p.reason) for p in result.partners]

    s3 = s3_server.client()
    partner_side = {
        COUNCIL: lambda name: (sshd_server.root / tag / "inbox" / name).read_bytes(),
        PROVIDER: lambda name: s3.get_object(Bucket=bucket, Key=f"hub/inbox/{name}")["Body"].read(),
    }
    with hub.store.session() as session:
        routed = dict(
            session.execute(
                select(Referral.partner_id, func.count()).group_by(Referral.partner_id)
            ).all()
        )
    for partner in hub.partners:
        fetch = partner_side[partner.id]
        manifest = json.loads(fetch("manifest-20261125.json"))
        assert manifest["batch_id"] == f"B-{partner.id}-20261125"
        for entry in manifest["files"]:
            data = fetch(entry["name"])
            assert hashlib.sha256(data).hexdigest() == entry["sha256"]
            assert len(data) == entry["bytes"]
        rows = read_feed("referrals", fetch(manifest["files"][0]["name"]), partner.format)
        assert len(rows) == manifest["record_count"] == routed[partner.id] > 0
        assert all(set(row) == set(view_columns(partner)) for row in rows)
    hub.close()
