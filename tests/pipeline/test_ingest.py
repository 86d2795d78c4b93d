"""Ingest loads every valid row once, quarantines the rest with reasons, and logs collection."""

from __future__ import annotations

import gzip
import shutil
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from asbhub.pipeline.ingest import ingest_folder
from asbhub.runtime import Hub
from asbhub.seed import write_extract
from asbhub.store.models import Incident, LedgerEvent, QuarantineItem, Referral

NIGHT = date(2026, 11, 25)


def seed(folder: Path, n: int, seed_value: int = 11) -> Path:
    return Path(write_extract(folder, n, seed_value, NIGHT, "csv").path)


def count(hub: Hub, model: type) -> int:
    with hub.store.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_a_night_is_loaded_routed_and_logged(hub: Hub, tmp_path: Path) -> None:
    landing = tmp_path / "landing"
    extract = seed(landing, 300)
    original = extract.read_bytes()
    result = ingest_folder(hub, landing)
    [file] = result.files
    assert file.status == "loaded"
    assert file.rows_in == 300 == file.loaded + file.quarantined + file.already_known
    assert file.quarantined == 0
    assert count(hub, Incident) == 300
    assert count(hub, LedgerEvent) == 300  # one collection event per incident
    with hub.store.session() as session:
        not_asb = session.scalars(select(Incident).where(Incident.is_asb.is_(False))).all()
        assert not_asb, "the seed always has some incidents judged not ASB"
        assert all(i.payload is None for i in not_asb)
        referred = set(session.scalars(select(Referral.incident_id)))
        assert not referred & {i.id for i in not_asb}
        high = session.scalars(
            select(Referral).join(Incident).where(Incident.risk_level == "high")
        ).all()
        assert high and all(r.high_risk for r in high)
    assert file.referrals == count(hub, Referral)
    assert not extract.exists(), "the extract leaves the landing area once processed"
    # The same extract again changes nothing.
    extract.write_bytes(original)
    again = ingest_folder(hub, landing)
    assert again.files[0].status == "already_ingested"
    assert count(hub, Incident) == 300 and count(hub, LedgerEvent) == 300


def test_overlapping_extracts_load_each_incident_once(hub: Hub, tmp_path: Path) -> None:
    landing = tmp_path / "landing"
    extract = seed(landing, 50)
    lines = extract.read_text(encoding="utf-8").splitlines(keepends=True)
    ingest_folder(hub, landing)
    (landing / "incidents-overlap.csv").write_text("".join(lines[:1] + lines[1:]), encoding="utf-8")
    (landing / "incidents-overlap.csv").open("a", encoding="utf-8").close()
    result = ingest_folder(hub, landing)
    [file] = result.files
    assert file.already_known == file.rows_in and file.loaded == 0


def test_bad_rows_are_quarantined_with_reasons_and_counts_add_up(hub: Hub, tmp_path: Path) -> None:
    landing = tmp_path / "landing"
    extract = seed(landing, 40)
    lines = extract.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = lines[3].replace(",nuisance,", ",loud,", 1).replace(",personal,", ",loud,", 1)
    lines[5] = "42/999999/26,yesterday" + lines[5][lines[5].index(",", 14) :]
    extract.write_text("".join(lines), encoding="utf-8")
    result = ingest_folder(hub, landing)
    [file] = result.files
    assert file.rows_in == 40
    assert file.quarantined >= 1
    assert file.loaded + file.quarantined == 40
    with hub.store.session() as session:
        items = session.scalars(select(QuarantineItem).order_by(QuarantineItem.line)).all()
        assert len(items) == file.quarantined
        assert any(item.line == 6 and item.field == "reported_at" for item in items)
        assert all(item.reason and item.raw for item in items)


def test_an_unreadable_extract_is_quarantined_whole(hub: Hub, tmp_path: Path) -> None:
    landing = tmp_path / "landing"
    extract = seed(tmp_path / "made", 10)
    (landing).mkdir()
    with gzip.open(landing / "incidents-20261125.csv", "wb") as out:
        out.write(extract.read_bytes())
    result = ingest_folder(hub, landing)
    [file] = result.files
    assert file.status == "quarantined" and "gzip" in (file.reason or "")
    with hub.store.session() as session:
        [item] = session.scalars(select(QuarantineItem)).all()
        assert item.original_path and item.original_path.startswith("quarantine/")
        assert hub.areas.fetch(item.original_path).read_bytes()[:2] == b"\x1f\x8b"
    assert count(hub, Incident) == 0
    shutil.rmtree(landing)


def test_extracts_are_read_from_an_s3_landing_prefix(
    hub: Hub,
    tmp_path: Path,
    s3_server,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    from asbhub.pipeline.ingest import ingest_landing
    from tests.connectors.harnesses import s3_connection

    bucket = s3_server.make_bucket()
    monkeypatch.setenv("AIRFLOW_CONN_FORCE_LANDING", s3_connection(s3_server, bucket))
    extract = seed(tmp_path / "made", 30)
    s3 = s3_server.client()
    s3.put_object(Bucket=bucket, Key=f"hub/landing/{extract.name}", Body=extract.read_bytes())
    env = {"ASBHUB_LANDING_CONNECTION": "force_landing", "ASBHUB_LANDING_PREFIX": "landing"}
    result = ingest_landing(hub, env)
    [file] = result.files
    assert file.status == "loaded" and file.loaded == 30
    assert s3.list_objects_v2(Bucket=bucket, Prefix="hub/landing/").get("KeyCount") == 0
    assert count(hub, Incident) == 30
