"""The certificate is frozen at verification: the DAG's copies and the CLI's are the same bytes,
rendered from one canonical JSON document whose digest is in the ledger; an altered document
is refused by `disposal report` and reported by `disposal check`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from asbhub.retention.frozen import sha256_text
from asbhub.store.engine import Store
from asbhub.store.models import DisposalRun, LedgerEvent
from tests.retention.test_cli import KEY_TEXT, _cli
from tests.retention.world import World, build, rid


@pytest.fixture
def world(store: Store, tmp_path: Path) -> World:
    return build(store, tmp_path)


def _executed_run(world: World) -> str:
    code, out = _cli(world, "retention", "plan", "--as-of", "2032-06-01")
    assert code == 0, out
    run_id = out.splitlines()[0].strip()
    assert _cli(world, "disposal", "approve", run_id, "--by", "J. Bloggs")[0] == 0
    code, out = _cli(world, "disposal", "execute", run_id)
    assert code == 0 and "verified" in out, out
    return run_id


def _dag_certificate_task(world: World, monkeypatch: pytest.MonkeyPatch, run_id: str) -> Any:
    """Run the DAG's certificate task body as a worker would, with the same settings."""
    monkeypatch.setenv("ASBHUB_HOME", str(world.areas.home))
    monkeypatch.setenv("ASBHUB_CONFIG_DIR", str(world.areas.home.parent / "config"))
    monkeypatch.setenv("ASBHUB_DATABASE_URL", world.store.url)
    monkeypatch.setenv("ASBHUB_LEDGER_KEY", KEY_TEXT)
    from asbhub.airflow.retention import certificate

    return certificate.function(run_id)


def test_the_dag_and_the_cli_write_the_same_bytes(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_id = _executed_run(world)
    _dag_certificate_task(world, monkeypatch, run_id)
    # verifying again, still clean, leaves the frozen certificate as it was
    code, said = _cli(world, "disposal", "verify", run_id)
    assert code == 0 and "verified" in said, said
    reports = world.areas.home / "reports"
    with world.store.session() as s:
        run = s.scalar(select(DisposalRun).where(DisposalRun.run_id == run_id))
        assert run is not None and run.certificate_json is not None
        frozen, digest = run.certificate_json, run.certificate_sha256
        recorded = [
            e.details["certificate_sha256"]
            for e in s.scalars(select(LedgerEvent))
            if "certificate_sha256" in e.details
        ]
    assert recorded == [digest] and sha256_text(frozen) == digest
    for fmt in ("html", "csv", "json"):
        out = tmp_path / f"cli.{fmt}"
        code, said = _cli(world, "disposal", "report", run_id, "--format", fmt, "--out", str(out))
        assert code == 0, said
        assert out.read_bytes() == (reports / f"{run_id}.{fmt}").read_bytes(), fmt
    assert (reports / f"{run_id}.json").read_text(encoding="utf-8") == frozen
    assert json.loads(frozen)["verification_ok"] is True


def test_an_altered_certificate_is_refused_and_reported(world: World, tmp_path: Path) -> None:
    run_id = _executed_run(world)
    with world.store.session() as s:
        frozen = s.scalar(select(DisposalRun.certificate_json))
    assert frozen is not None
    forged = frozen.replace("J. Bloggs", "Someone Else")
    with world.store.engine.begin() as conn:  # the document edited, the digest on the run too
        conn.execute(
            text("UPDATE disposal_runs SET certificate_json = :j, certificate_sha256 = :d"),
            {"j": forged, "d": sha256_text(forged)},
        )
    code, out = _cli(world, "disposal", "report", run_id, "--format", "html")
    assert code == 1 and "altered since verification" in out and "ledger event" in out, out
    code, out = _cli(world, "disposal", "check", run_id, "--reference", rid(1))
    assert code == 1 and "CERTIFICATE ALTERED" in out, out
    # a forged certificate file sent to an auditor does not match the ledger either
    path = tmp_path / "forged.json"
    path.write_text(forged, encoding="utf-8")
    code, out = _cli(
        world, "disposal", "check", run_id, "--reference", rid(1), "--certificate", str(path)
    )
    assert code == 1 and "not the certificate frozen at verification" in out, out
    path.write_text(frozen, encoding="utf-8")
    with world.store.engine.begin() as conn:
        conn.execute(
            text("UPDATE disposal_runs SET certificate_json = :j, certificate_sha256 = :d"),
            {"j": frozen, "d": sha256_text(frozen)},
        )
    code, out = _cli(
        world, "disposal", "check", run_id, "--reference", rid(1), "--certificate", str(path)
    )
    assert code == 0, out
