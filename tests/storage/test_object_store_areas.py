"""The hub's areas in an S3 bucket (moto's server): any step on any worker.

A record's life runs with each step on one of two "workers" (two homes on this machine that
share nothing but the store and the bucket): seeded into landing, ingested, staged, checked and
delivered, answered by the partners, collected, then disposed of years later and verified, all
through the areas' object store. After every step the worker holds no file of it: its scratch
folder is gone. A batch altered in the bucket after staging is caught by the read-back."""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from asbhub.cli import app
from asbhub.demo.simulator import answer
from asbhub.errors import DataError
from asbhub.pipeline.inbound.load import load_files
from asbhub.pipeline.inbound.run import fetch_partner, report_partner
from asbhub.pipeline.outbound import check_staged, deliver_night, run_outbound, stage_night
from asbhub.runtime import Hub
from asbhub.settings import Settings
from asbhub.storage import Areas, ObjectStoreBackend
from asbhub.store.engine import Store
from asbhub.store.models import Delivery, DisposalRun, InboundFile
from connectors import open_transport
from tests.connectors.harnesses import s3_connection
from tests.ledger.history import ROOT
from tests.pipeline.partners_here import local_partner_config
from tests.servers import S3Server

COUNCIL, PROVIDER = "chelmsford_council", "estuary_homes"
CONNECTION = "hub_areas"
ENV = {
    "ASBHUB_LEDGER_KEY": "test-ledger-key-not-a-real-secret",
    "ASBHUB_PSEUDONYM_KEY": "test-pseudonym-key-not-a-real-secret",
    "ASBHUB_AREAS_CONNECTION": CONNECTION,
}
runner = CliRunner()


@pytest.fixture
def bucket(s3_server: S3Server, monkeypatch: pytest.MonkeyPatch) -> str:
    name = s3_server.make_bucket()
    monkeypatch.setenv(f"AIRFLOW_CONN_{CONNECTION.upper()}", s3_connection(s3_server, name))
    for variable, value in ENV.items():
        monkeypatch.setenv(variable, value)
    return name


def keys(s3_server: S3Server, bucket: str, area: str = "") -> list[str]:
    """Every key under the hub's prefix (the connection's `hub`, then the areas' `hub`)."""
    pages = s3_server.client().get_paginator("list_objects_v2").paginate(Bucket=bucket)
    root = "hub/hub/"
    return sorted(
        obj["Key"][len(root) :]
        for page in pages
        for obj in page.get("Contents", [])
        if obj["Key"].startswith(root + area)
    )


def left_on(worker: Path) -> list[str]:
    """Files a worker still holds after its step (its own store file aside)."""
    return sorted(str(p.relative_to(worker)) for p in worker.rglob("*") if p.is_file())


# -- the backend on its own ----------------------------------------------------------------


def test_the_object_store_keeps_reads_lists_and_deletes_by_key(
    s3_server: S3Server, bucket: str, tmp_path: Path
) -> None:
    backend = ObjectStoreBackend.from_connection(CONNECTION, "hub")
    areas = Areas(tmp_path / "scratch", backend)
    batch = areas.home / "staging" / "p1" / "B-1"
    batch.mkdir(parents=True)
    (batch / "referrals.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (batch / "manifest.json").write_text("{}", encoding="utf-8")
    other = areas.home / "staging" / "p1" / "B-10" / "x.csv"
    other.parent.mkdir(parents=True)
    other.write_text("x", encoding="utf-8")
    assert areas.save(batch) == "staging/p1/B-1"
    areas.save(other)
    shutil.rmtree(areas.home)
    # a folder key is a folder: B-1 is not B-10
    assert backend.keys("staging/p1/B-1") == [
        "staging/p1/B-1/manifest.json",
        "staging/p1/B-1/referrals.csv",
    ]
    assert areas.exists("staging/p1/B-1") and not areas.exists("staging/p1/B-2")
    assert areas.fetch("staging/p1/B-1/referrals.csv").read_text() == "a,b\n1,2\n"
    assert areas.remove("staging/p1/B-1") == [
        "staging/p1/B-1/manifest.json",
        "staging/p1/B-1/referrals.csv",
    ]
    assert keys(s3_server, bucket) == ["staging/p1/B-10/x.csv"]
    head = s3_server.client().head_object(Bucket=bucket, Key="hub/hub/staging/p1/B-10/x.csv")
    assert head["ServerSideEncryption"] == "AES256"
    # bytes changed in the bucket behind the hub's back are refused on the way in
    s3_server.client().put_object(
        Bucket=bucket,
        Key="hub/hub/staging/p1/B-10/x.csv",
        Body=b"y",
        Metadata={"sha256": head["Metadata"]["sha256"]},
    )
    with pytest.raises(DataError, match="do not match the SHA-256"):
        areas.fetch("staging/p1/B-10/x.csv")
    assert not (areas.home / "staging" / "p1" / "B-10" / "x.csv").exists()
    # a key that leads outside the areas is refused, never followed
    for bad in ("../etc/passwd", "/etc/passwd", "elsewhere/x", "staging/../../x"):
        with pytest.raises(DataError, match="refusing"):
            areas.key(bad)


# -- a record's life, each step on another worker --------------------------------------------


@pytest.fixture
def world(
    bucket: str, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Path, Path, Path]]:
    config = tmp_path / "config"
    local_partner_config(config, tmp_path / "partners", monkeypatch, only={COUNCIL, PROVIDER})
    shutil.copy(ROOT / "config" / "retention.yaml", config / "retention.yaml")
    yield config, tmp_path / "worker-a", tmp_path / "worker-b"


def test_every_step_runs_on_either_worker_and_leaves_no_copy_on_it(
    world: tuple[Path, Path, Path], store: Store, s3_server: S3Server, bucket: str
) -> None:
    config, worker_a, worker_b = world
    env = {"ASBHUB_DATABASE_URL": store.url, **ENV}

    def cli(worker: Path, *args: str) -> tuple[int, str]:
        result = runner.invoke(
            app, ["--config-dir", str(config), "--home", str(worker), *args], env=env
        )
        assert left_on(worker) == [], f"{args} left files on {worker.name}"
        return result.exit_code, result.stdout + result.stderr

    def step(worker: Path) -> Hub:
        return Hub(Settings(config, worker, store.url, CONNECTION, "hub"), actor="test")

    def done(hub: Hub, worker: Path) -> None:
        hub.close()
        assert left_on(worker) == [], f"a step left files on {worker.name}"

    today = datetime.now(UTC).date()
    code, out = cli(worker_a, "seed", "--incidents", "120", "--seed", "5")
    assert code == 0, out
    [landed] = keys(s3_server, bucket, "landing/")
    code, out = cli(worker_b, "ingest", "run")
    # two partners cover only some districts: the rest are held as unroutable (exit 1, said)
    assert code in (0, 1) and "120 rows = 120 loaded" in out, out
    assert keys(s3_server, bucket, "landing/") == []
    [archived] = keys(s3_server, bucket, "archive/force/")
    assert archived.endswith(Path(landed).name)

    hub = step(worker_a)
    for partner in hub.partners:
        assert stage_night(hub, partner, today).status == "staged"
    done(hub, worker_a)
    staged = keys(s3_server, bucket, "staging/")
    assert {k.split("/")[1] for k in staged} == {COUNCIL, PROVIDER}
    hub = step(worker_b)
    for partner in hub.partners:
        assert check_staged(hub, partner).status == "passed"
    done(hub, worker_b)
    hub = step(worker_a)
    for partner in hub.partners:
        assert deliver_night(hub, partner).batches
    done(hub, worker_a)
    hub = step(worker_b)
    with store.session() as session:
        recorded = {d.staging_path for d in session.query(Delivery)}
    assert recorded == {f"staging/{p}/{feed}" for p, feed in _batches(staged)}
    for partner in hub.partners:
        with open_transport(partner.transport) as transport:
            answer(partner, transport, today, random.Random(3), bad_file=partner.id == COUNCIL)
    done(hub, worker_b)
    # The inbound night's three tasks, each on a worker of its own: what fetch took is loaded
    # from the bucket on the other worker, and the reports go from the bucket.
    hub = step(worker_b)
    fetched = {p.id: fetch_partner(hub, p) for p in hub.partners}
    assert all(f.status == "ok" and f.to_load for f in fetched.values()), fetched
    done(hub, worker_b)
    hub = step(worker_a)
    for partner in hub.partners:
        loaded = load_files(hub, partner, fetched[partner.id].to_load, 10_000_000)
        assert all(f.balanced and f.status != "in_progress" for f in loaded.files), loaded
    done(hub, worker_a)
    hub = step(worker_b)
    for partner in hub.partners:
        reported = report_partner(hub, partner, fetched[partner.id].file_ids)
        assert reported.status == "ok" and not reported.failures, reported
        assert reported.tidied == fetched[partner.id].file_ids
        if partner.id == COUNCIL:
            assert reported.reports  # its bad file's report, read from the bucket
    done(hub, worker_b)
    with store.session() as session:
        inbound = session.query(InboundFile).filter(InboundFile.partner_id != "force").all()
    assert inbound and all(f.archive_path in keys(s3_server, bucket) for f in inbound)
    assert any(f.rejection_report for f in inbound)
    assert keys(s3_server, bucket, "reports/rejections/")
    assert keys(s3_server, bucket, "quarantine/")
    hub = step(worker_a)  # the next night notes that the partners collected their batches
    assert run_outbound(hub, night=today + timedelta(days=1)).ok
    done(hub, worker_a)

    # Twelve years on, on the other worker: everything due goes, and verification looks in the
    # bucket, not on a worker's disk.
    as_of = today + timedelta(days=12 * 366)
    code, out = cli(worker_b, "retention", "plan", "--as-of", as_of.isoformat())
    assert code == 0, out
    run_id = out.splitlines()[0].strip()
    assert cli(worker_a, "disposal", "approve", run_id, "--by", "J. Bloggs")[0] == 0
    code, out = cli(worker_b, "disposal", "execute", run_id)
    assert code == 0, out
    code, out = cli(worker_a, "--json", "disposal", "verify", run_id)
    assert code == 0, out
    with store.session() as session:
        run = session.query(DisposalRun).filter(DisposalRun.run_id == run_id).one()
        assert run.status == "verified", out
    # What the run disposed of is gone from the bucket; what is left is what the store keeps.
    left = keys(s3_server, bucket)
    with store.session() as session:
        batches = session.query(Delivery).all()
        originals = session.query(InboundFile).all()
    gone = [d.staging_path for d in batches if d.disposed_at is not None]
    assert gone and not [k for k in left if any(k.startswith(f"{g}/") for g in gone)], left
    kept = {d.staging_path for d in batches if d.disposed_at is None}
    assert {k.rsplit("/", 1)[0] for k in left if k.startswith("staging/")} == kept
    assert archived not in left and "landing/" not in str(left)
    assert {k for k in left if k.startswith("archive/")} == {
        f.archive_path for f in originals if f.archive_path
    }
    code, out = cli(worker_b, "--json", "disposal", "report", run_id, "--format", "json")
    assert code == 0, out
    assert json.loads(out)["path"] == f"reports/{run_id}.json"
    assert f"reports/{run_id}.json" in keys(s3_server, bucket)
    code, out = cli(worker_a, "--json", "retention", "coverage")
    assert code == 0, out


def _batches(staged: list[str]) -> set[tuple[str, str]]:
    return {(k.split("/")[1], k.split("/")[2]) for k in staged}


def test_a_batch_altered_in_the_bucket_after_staging_is_refused(
    world: tuple[Path, Path, Path], store: Store, s3_server: S3Server, bucket: str
) -> None:
    config, worker_a, worker_b = world
    today = datetime.now(UTC).date()
    from asbhub.pipeline.ingest import ingest_folder
    from asbhub.seed import write_extract

    hub = Hub(Settings(config, worker_a, store.url, CONNECTION, "hub"), actor="test")
    write_extract(worker_a.parent / "landing", 60, 5, today, "csv")
    ingest_folder(hub, worker_a.parent / "landing")
    council = hub.partner(COUNCIL)
    assert stage_night(hub, council, today).status == "staged"
    hub.close()
    [data] = [k for k in keys(s3_server, bucket, f"staging/{COUNCIL}/") if "/referrals-" in k]
    client = s3_server.client()
    body = client.get_object(Bucket=bucket, Key=f"hub/hub/{data}")["Body"].read()
    client.put_object(Bucket=bucket, Key=f"hub/hub/{data}", Body=body + b"extra,row\n")
    hub = Hub(Settings(config, worker_b, store.url, CONNECTION, "hub"), actor="test")
    checked = check_staged(hub, council)
    hub.close()
    assert checked.status == "failed"
    assert any(data.split("/", 2)[2] in problem for problem in checked.problems)


def test_a_scratch_folder_a_killed_task_left_is_swept_by_the_next_hub(
    bucket: str, store: Store, tmp_path: Path
) -> None:
    """A process killed mid-task never closes its hub: the next hub on that worker removes the
    scratch folder once it is older than any task may run, and leaves a younger one alone."""
    import os
    import time

    from asbhub.runtime import STALE_SCRATCH

    worker = tmp_path / "worker"
    settings = Settings(tmp_path / "config", worker, store.url, CONNECTION, "hub")
    killed, running = Hub(settings, actor="test"), Hub(settings, actor="test")
    old_scratch, young_scratch = killed.settings.home, running.settings.home
    (old_scratch / "archive").mkdir()
    (old_scratch / "archive" / "copy.csv").write_text("a record", encoding="utf-8")
    killed._scratch.detach()  # type: ignore[union-attr]  # as if the process had been killed
    old = time.time() - STALE_SCRATCH.total_seconds() - 60
    os.utime(old_scratch, (old, old))
    later = Hub(settings, actor="test")
    assert not old_scratch.exists()
    assert young_scratch.is_dir() and later.settings.home.is_dir()
    for hub in (running, later):
        hub.close()
    assert left_on(worker) == []


def test_a_folder_based_home_moves_into_the_bucket(
    world: tuple[Path, Path, Path], store: Store, s3_server: S3Server, bucket: str
) -> None:
    """A deployment that kept its areas on a volume: `asbhub areas move` copies them into the
    bucket and rewrites the absolute paths earlier versions recorded as keys; the staged batch
    then reads back from the bucket on a worker that never saw the volume."""
    config, old_home, worker = world
    today = datetime.now(UTC).date()
    from asbhub.pipeline.ingest import ingest_folder
    from asbhub.seed import write_extract

    folder_hub = Hub(Settings(config, old_home, store.url), actor="test")  # the folder backend
    write_extract(old_home.parent / "landing", 60, 5, today, "csv")
    ingest_folder(folder_hub, old_home.parent / "landing")
    council = folder_hub.partner(COUNCIL)
    assert stage_night(folder_hub, council, today).status == "staged"
    folder_hub.close()
    with store.session() as session:  # as earlier versions recorded them: absolute paths
        for delivery in session.query(Delivery):
            delivery.staging_path = str(old_home / (delivery.staging_path or ""))
        for original in session.query(InboundFile):
            original.archive_path = str(old_home / (original.archive_path or ""))
    env = {"ASBHUB_DATABASE_URL": store.url, **ENV}
    args = ["--config-dir", str(config), "--home", str(worker), "--json", "areas", "move"]
    result = runner.invoke(app, [*args, "--from", str(old_home)], env=env)
    assert result.exit_code == 0, result.output
    moved = json.loads(result.stdout)
    assert moved["files"] == len(keys(s3_server, bucket)) and moved["files"] >= 3
    assert moved["paths_rewritten"]["deliveries.staging_path"] == 1
    assert moved["paths_rewritten"]["inbound_files.archive_path"] == 1
    with store.session() as session:
        assert all(not Path(d.staging_path or "/").is_absolute() for d in session.query(Delivery))
    hub = Hub(Settings(config, worker, store.url, CONNECTION, "hub"), actor="test")
    assert check_staged(hub, council).status == "passed"
    hub.close()
    again = runner.invoke(app, [*args, "--from", str(old_home)], env=env)  # safe to repeat
    assert again.exit_code == 0 and json.loads(again.stdout)["paths_rewritten"] == {
        "deliveries.staging_path": 0,
        "inbound_files.archive_path": 0,
        "quarantine.original_path": 0,
    }
    assert left_on(worker) == []
