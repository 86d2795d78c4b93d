"""A referral's whole life in the ledger, through the real pipeline and the `asbhub` CLI: ingested,
delivered to a council's local folder, answered by the partner; six years on, the closed case's
log is sealed and still answers the look-up, while the open case's log is left whole."""

from __future__ import annotations

import json
import random
import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from asbhub.cli import app
from asbhub.demo.simulator import answer
from asbhub.pipeline.inbound.run import run_inbound
from asbhub.pipeline.ingest import ingest_folder
from asbhub.pipeline.outbound import run_outbound
from asbhub.runtime import Hub
from asbhub.seed import write_extract
from asbhub.settings import Settings
from asbhub.store.engine import Store
from asbhub.store.models import Incident, LedgerEvent, LedgerReference, Referral
from connectors import open_transport
from tests.ledger.history import ROOT
from tests.pipeline.partners_here import local_partner_config

COUNCIL, PROVIDER = "chelmsford_council", "estuary_homes"  # the provider receives tokens
runner = CliRunner()
ENV = {
    "ASBHUB_LEDGER_KEY": "test-ledger-key-not-a-real-secret",
    "ASBHUB_PSEUDONYM_KEY": "test-pseudonym-key-not-a-real-secret",
}


def test_a_closed_referral_is_sealed_and_an_open_one_keeps_its_log(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    config = tmp_path / "config"
    local_partner_config(config, tmp_path / "partners", monkeypatch, only={COUNCIL, PROVIDER})
    shutil.copy(ROOT / "config" / "retention.yaml", config / "retention.yaml")
    home = tmp_path / "home"
    hub = Hub(Settings(config_dir=config, home=home, database_url=store.url), actor="test")
    today = datetime.now(UTC).date()
    write_extract(tmp_path / "landing", 120, 5, today, "csv")
    ingest_folder(hub, tmp_path / "landing")
    assert run_outbound(hub, night=today).ok
    for partner in hub.partners:
        with open_transport(partner.transport) as transport:
            answer(partner, transport, today, random.Random(3), bad_file=False)
    run_inbound(hub)
    with store.session() as s:
        referrals = s.execute(
            select(
                Referral.referral_id,
                Referral.partner_id,
                Referral.closed_at,
                Referral.tokens,
                Incident.incident_ref,
            ).join(Incident, Incident.id == Referral.incident_id)
        ).all()
    open_incidents = {r.incident_ref for r in referrals if r.closed_at is None}
    # a closed case whose incident no open case shares (one that does waits for that case)
    closed = next(
        r
        for r in referrals
        if r.closed_at is not None and r.tokens and r.incident_ref not in open_incidents
    )
    still_open = next(r for r in referrals if r.closed_at is None)
    hub.close()

    def cli(*args: str) -> tuple[int, str]:
        result = runner.invoke(
            app,
            ["--config-dir", str(config), "--home", str(home), *args],
            env={"ASBHUB_DATABASE_URL": store.url, **ENV},
        )
        return result.exit_code, result.stdout + result.stderr

    # six years and a month on: the closed case is due, its log too; the open case is not
    as_of = today + timedelta(days=6 * 366 + 31)
    code, out = cli("retention", "plan", "--as-of", as_of.isoformat())
    assert code == 0, out
    run_id = out.splitlines()[0].strip()
    assert cli("disposal", "approve", run_id, "--by", "J. Bloggs")[0] == 0
    code, out = cli("disposal", "execute", run_id)
    assert code == 0, out

    key = hub.ledger_key
    with store.session() as s:

        def named(reference: str) -> list[LedgerEvent]:
            return list(
                s.scalars(
                    select(LedgerEvent)
                    .join(LedgerReference, LedgerReference.seq == LedgerEvent.seq)
                    .where(LedgerReference.reference_hash == key.reference_hash(reference))
                    .order_by(LedgerEvent.seq)
                )
            )

        open_log = named(still_open.referral_id)
        assert {e.kind for e in open_log} >= {"disclosure"}
        assert all(e.sealed_at is None for e in open_log)  # older than six years, case still held
        closed_log = [e for e in named(closed.referral_id) if e.kind != "consultation"]
        before = [e for e in closed_log if e.kind in ("disclosure", "combination")]
        assert before and all(e.sealed_by == run_id for e in before)
        collection = [e for e in named(closed.incident_ref) if e.kind == "collection"]
        assert [e.sealed_by for e in collection] == [run_id]
        for token in closed.tokens:  # the person's tokens went with the content
            assert all(key.reference_hash(token) not in e.reference_hashes for e in before)

    code, out = cli("--json", "ledger", "verify", "--by", "IM Jones")
    assert code == 0, out
    counts = json.loads(out)["counts"]
    assert counts["disclosure"]["sealed"] >= 1 and counts["disclosure"]["live"] >= 1
    code, out = cli(
        "ledger", "search", "--reference", closed.referral_id, "--by", "IM", "--why", "SAR 12"
    )
    assert code == 0, out
    disclosure = next(line for line in out.splitlines() if " disclosure " in line)
    assert f"to {closed.partner_id}" in disclosure and "isa reference" in disclosure
    assert f"by run {run_id}: content disposed of" in disclosure
    assert f"by run {run_id} under rule" in out
    assert (
        date.fromisoformat(out.split(f"by run {run_id} under rule")[0].split()[-2]) == date.today()
    )
