"""A whole night through the real peers: a council on OpenSSH's sshd, a housing provider on
the S3 endpoint. The partner's side checks every manifest checksum and every column."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, or_, select

from asbhub.minimise.projection import view_columns
from asbhub.pipeline.ingest import ingest_folder
from asbhub.pipeline.outbound import run_outbound, run_urgent, tonight
from asbhub.runtime import Hub
from asbhub.seed import write_extract
from asbhub.settings import Settings
from asbhub.store.models import Incident, Referral
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


@dataclass
class Peers:
    """A hub whose council is on sshd and whose housing provider is on the S3 endpoint, with
    NIGHT's extract ingested; `fetch[partner](name)` reads a file from the partner's inbox."""

    hub: Hub
    fetch: dict[str, Callable[[str], bytes]]


@pytest.fixture
def peers(
    sshd_server: SSHServer, s3_server: S3Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Peers]:
    built = build_peers(sshd_server, s3_server, tmp_path, monkeypatch)
    yield built
    built.hub.close()


def build_peers(
    sshd_server: SSHServer,
    s3_server: S3Server,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    configure: Callable[[Path], None] | None = None,
) -> Peers:
    """The hub and its two partners on the peers, NIGHT's extract ingested; `configure` may
    change the partner files (in the config folder it is given) before the hub reads them."""
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
    if configure is not None:
        configure(tmp_path / "config")
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
    s3 = s3_server.client()
    fetch: dict[str, Callable[[str], bytes]] = {
        COUNCIL: lambda name: (sshd_server.root / tag / "inbox" / name).read_bytes(),
        PROVIDER: lambda name: s3.get_object(Bucket=bucket, Key=f"hub/inbox/{name}")["Body"].read(),
    }
    return Peers(hub, fetch)


def checked_batch(peers: Peers, partner_id: str, stamp: str) -> tuple[dict[str, Any], list[Any]]:
    """The partner's side: the manifest, every file's checksum and size, the referral rows."""
    fetch = peers.fetch[partner_id]
    manifest = json.loads(fetch(f"manifest-{stamp}.json"))
    assert manifest["batch_id"] == f"B-{partner_id}-{stamp}"
    for entry in manifest["files"]:
        data = fetch(entry["name"])
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
        assert len(data) == entry["bytes"]
    partner = peers.hub.partner(partner_id)
    rows = read_feed("referrals", fetch(manifest["files"][0]["name"]), partner.format)
    assert len(rows) == manifest["record_count"]
    assert all(set(row) == set(view_columns(partner)) for row in rows)
    return manifest, rows


def test_a_night_through_sshd_and_s3(peers: Peers) -> None:
    hub = peers.hub
    result = run_outbound(hub, night=NIGHT)
    assert result.ok, [(p.partner_id, p.reason) for p in result.partners]

    with hub.store.session() as session:
        routed = dict(
            session.execute(
                select(Referral.partner_id, func.count()).group_by(Referral.partner_id)
            ).all()
        )
    for partner in hub.partners:
        _, rows = checked_batch(peers, partner.id, "20261125")
        assert len(rows) == routed[partner.id] > 0


def test_urgent_batches_through_sshd_and_s3_then_the_night_without_them(peers: Peers) -> None:
    """Each partner's high-risk and vulnerable-victim referrals leave at once in an urgent batch
    `-01`; the night's batch chains on from it and holds the rest, none twice."""
    hub = peers.hub
    with hub.store.session() as session:
        urgent_ids = {
            (partner_id, referral_id)
            for partner_id, referral_id in session.execute(
                select(Referral.partner_id, Referral.referral_id)
                .join(Incident, Incident.id == Referral.incident_id)
                .where(or_(Referral.high_risk.is_(True), Incident.vulnerable_victim.is_(True)))
            )
        }
    assert {p for p, _ in urgent_ids} == {COUNCIL, PROVIDER}, "the extract has urgent ones"
    result = run_urgent(hub)
    assert result.ok, [(p.partner_id, p.reason) for p in result.partners]
    today = tonight()
    night_rows: dict[str, set[str]] = {}
    for partner in hub.partners:
        manifest, rows = checked_batch(peers, partner.id, f"{today:%Y%m%d}-01")
        assert manifest["previous_batch_id"] is None
        assert {(partner.id, str(r["referral_id"])) for r in rows} == {
            pair for pair in urgent_ids if pair[0] == partner.id
        }
    assert run_outbound(hub, night=today).ok
    for partner in hub.partners:
        manifest, rows = checked_batch(peers, partner.id, f"{today:%Y%m%d}")
        assert manifest["previous_batch_id"] == f"B-{partner.id}-{today:%Y%m%d}-01"
        night_rows[partner.id] = {str(r["referral_id"]) for r in rows}
        assert not {(partner.id, r) for r in night_rows[partner.id]} & urgent_ids
    with hub.store.session() as session:
        assert set(session.scalars(select(Referral.status))) == {"delivered"}
