"""A seeded night and a verified disposal run, built with the real pipeline and retention code,
for the audit view's tests."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, update

from asbhub.pipeline.ingest import ingest_folder
from asbhub.pipeline.outbound import run_outbound
from asbhub.retention.execute import execute_run
from asbhub.retention.plan import plan_disposal
from asbhub.retention.runs import approve_run
from asbhub.retention.service import retention_context
from asbhub.retention.verify import verify_run
from asbhub.runtime import Hub
from asbhub.seed import write_extract
from asbhub.settings import Settings
from asbhub.store.engine import upgrade
from asbhub.store.models import DisposalNotice, Referral
from tests.pipeline.partners_here import local_partner_config

ROOT = Path(__file__).resolve().parents[2]
NIGHT = date(2026, 11, 25)
PARTNERS = {"chelmsford_council", "estuary_homes"}
CLOSED_ON = date(2020, 1, 6)  # 6- and 10-year rules both run out before AS_OF
AS_OF = date(2031, 6, 1)  # far enough for every closed referral, not for this year's ledger
APPROVER = "A. Information-Manager"
ENV = {
    "ASBHUB_LEDGER_KEY": "test-ledger-key-not-a-real-secret",
    "ASBHUB_PSEUDONYM_KEY": "test-pseudonym-key-not-a-real-secret",
}


@dataclass
class WebWorld:
    settings: Settings
    run_id: str
    disposed_referral: str  # a referral the run disposed of, delivered to a partner first
    partner_of_disposed: str
    kept_referral: str  # still open, still held


def build_world(root: Path, monkeypatch: pytest.MonkeyPatch) -> WebWorld:
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    config = root / "config"
    local_partner_config(config, root / "partners", monkeypatch, only=PARTNERS)
    shutil.copy(ROOT / "config" / "retention.yaml", config / "retention.yaml")
    settings = Settings(
        config_dir=config, home=root / "home", database_url=f"sqlite:///{root / 'hub.sqlite3'}"
    )
    upgrade(settings.database_url)
    hub = Hub(settings=settings, actor="test-night")
    try:
        write_extract(root / "landing", 120, 7, NIGHT, "csv")
        ingest_folder(hub, root / "landing")
        result = run_outbound(hub, night=NIGHT)
        assert result.ok, [(p.partner_id, p.reason) for p in result.partners]
        with hub.store.session() as s:
            referrals = s.scalars(select(Referral).order_by(Referral.referral_id)).all()
            assert len(referrals) >= 4, "the seeded night should refer several incidents"
            kept = referrals[0]
            kept_id = kept.referral_id
            # Partners closed every case but one, long ago (as their outcomes would say).
            s.execute(
                update(Referral)
                .where(Referral.referral_id != kept_id)
                .values(status="closed", outcome_status="closed", closed_at=CLOSED_ON)
            )
    finally:
        hub.close()
    with retention_context(settings) as rc:
        with rc.store.session() as s:
            run_id = plan_disposal(s, rc.schedule(), rc.key, AS_OF, planned_by="test").run_id
        with rc.store.session() as s:
            approve_run(s, run_id, APPROVER)
        remote = rc.remote()
        execute_run(rc.store, run_id, rc.key, rc.areas, remote, ack_days=rc.ack_days())
        verified = verify_run(rc.store, run_id, rc.areas, remote, key=rc.key)
        assert verified.ok, verified.survivors
        with rc.store.session() as s:
            partner, disposed = s.execute(
                select(DisposalNotice.partner_id, DisposalNotice.referral_id)
                .order_by(DisposalNotice.referral_id)
                .limit(1)
            ).one()
            # Disposed: the store no longer holds it (items keep only a hash of its reference).
            held = s.scalar(select(Referral.id).where(Referral.referral_id == disposed))
            assert held is None, disposed
    return WebWorld(settings, run_id, disposed, partner, kept_id)


def age_notice(settings: Settings, referral_id: str, issued: datetime) -> None:
    """Make one partner's notice old enough to be overdue (as if issued long ago)."""
    from asbhub.store.engine import Store

    store = Store(settings.database_url)
    try:
        with store.session() as s:
            s.execute(
                update(DisposalNotice)
                .where(DisposalNotice.referral_id == referral_id)
                .values(issued_at=issued.astimezone(UTC))
            )
    finally:
        store.dispose()
