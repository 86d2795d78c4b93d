"""`asbhub demo` end to end on a small night: real sshd, S3 and SMTP peers, the real DAGs under
Airflow, the partners' answers, a disposal run, the force's outcome summary; then its summary is
checked."""

from __future__ import annotations

import csv
import hashlib
import json
import os
from datetime import timedelta
from pathlib import Path

import pytest
from rich.console import Console
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from asbhub.alerts.model import AlertKind
from asbhub.demo import revisions
from asbhub.demo.run import APPROVER, DATA_ENGINEER, DPO, DemoResult, run_demo
from asbhub.demo.world import OPERATORS
from asbhub.store.engine import Store
from asbhub.store.models import (
    Delivery,
    DisposalApproval,
    DisposalRun,
    Incident,
    LedgerEvent,
    Referral,
    ReferralChange,
    ReviewDecision,
    SetAside,
)
from tests.hub_files.owner_only import every_path, loose_umask, open_to_others

pytestmark = pytest.mark.slow


def test_the_demo_night_runs_end_to_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("ASBHUB_LEDGER_KEY", "ASBHUB_PSEUDONYM_KEY", "ASBHUB_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    console = Console(file=open(tmp_path / "progress.txt", "w"), width=132)  # noqa: SIM115
    before = dict(os.environ)
    try:
        with loose_umask():  # the demo makes its files owner-only whatever umask it starts with
            result = run_demo(tmp_path / "demo", incidents=150, seed=3, console=console)
    finally:  # the demo exports its world's settings into this process: later tests must not
        os.environ.clear()  # see them (its config folder, its store)
        os.environ.update(before)
    console.file.close()

    failed = [(r.dag_id, r.error) for r in result.dag_runs if r.state != "success"]
    assert not failed
    assert {r.dag_id for r in result.dag_runs} >= {"police_ingest"}
    assert len(result.partners) == 17
    assert all(p.batches >= 1 for p in result.partners), "every partner gets a batch"
    assert sum(p.referrals_sent for p in result.partners) > 0
    assert sum(p.outcomes_loaded for p in result.partners) > 0
    bad = [p for p in result.partners if p.files_rejected]
    assert len(bad) == 1 and bad[0].rejection_reports >= 1, "the bad file is quarantined, reported"
    assert sum(p.rows_quarantined for p in result.partners) >= 1, "bad rows are quarantined"
    assert result.disposal["verified"] is True
    assert result.disposal["planned"] > 0
    assert all(p.acks_received == p.notices_sent for p in result.partners)
    assert result.ledger["ok"] is True
    assert Path(result.certificate_html).read_text(encoding="utf-8").lstrip().startswith("<!")
    page = Path(result.report_page).read_text(encoding="utf-8")
    assert result.disposal["run_id"] in page
    store = Store(f"sqlite:///{Path(result.home) / 'hub' / 'hub.sqlite3'}")
    try:
        with store.session() as session:
            check_set_aside(result, session)
            check_changes(result, session)
            check_review_decisions(result, session)
            check_ledger_counts(result, session)
            check_certificates(result, session)
            check_force_summary(result, session)
            check_urgent(result, session)
            check_review_stages(result, session)
    finally:
        store.dispose()
    check_case_review(result)
    assert result.unroutable == 0, "the demo's districts are all covered"
    assert "Referrals set aside" in page and "Review decisions" in page
    check_alerts(result, bad[0].partner_id)
    assert "outcome summary" in page and result.force_summary.batch_id in page
    assert "Alerts emailed" in page and "[ASB hub] inbound file" in page
    assert "An urgent referral in the day" in page
    assert all(c.sha256 in page for c in result.certificates)
    assert result.ok
    # Nothing the demo started is left running: its peers' ports are free again.
    secrets = (tmp_path / "demo" / "secrets.env").read_text()
    assert "ASBHUB_LEDGER_KEY=" in secrets
    assert json.loads(result.model_dump_json())["home"].endswith("demo")
    # Everything the demo night wrote (store, areas, reports, secrets, keys, Airflow's home) is
    # owner-only; the partners' own folders, served by the SFTP peer, are theirs to set.
    demo = tmp_path / "demo"
    written = every_path(demo)
    assert {"secrets.env", "hub/hub.sqlite3", "hub/archive", "hub/staging", "reports"} <= written
    assert open_to_others(demo, skip=[demo / "sftp" / "root"]) == []
    # The commands run in the demo's process leave its logging working (no handler left on a
    # command's captured output, closed since).
    assert "--- Logging error ---" not in capsys.readouterr().err


def check_case_review(result: DemoResult) -> None:
    """Triggers were opened and told to the partners holding a related referral, in their
    batches; and someone was emailed about them."""
    figures = result.case_review
    assert figures.opened > 0 and figures.referrals_flagged > 0 and figures.partners_told > 0
    assert result.alerts.by_kind.get("community_trigger_met", 0) >= 1


def check_review_stages(result: DemoResult, session: Session) -> None:
    """Both disposal runs went through the demo's two review stages, each by its own person,
    and neither was approved by the data engineer who planned it."""
    for run in (result.disposal, result.follow_up):
        pk = session.scalar(select(DisposalRun.id).where(DisposalRun.run_id == run["run_id"]))
        decided = session.execute(
            select(DisposalApproval.stage, DisposalApproval.decided_by)
            .where(DisposalApproval.run_pk == pk)
            .order_by(DisposalApproval.position)
        ).all()
        assert [tuple(d) for d in decided] == [
            ("information_manager", APPROVER),
            ("data_protection_officer", DPO),
        ]
    assert "Data protection officer" in Path(result.certificate_html).read_text(encoding="utf-8")


def check_urgent(result: DemoResult, session: Session) -> None:
    """The high-risk incident landed in the day went to each of its partners in an urgent
    batch, within the run that followed its ingest, and its manifest is in their inboxes."""
    urgent = result.urgent
    assert urgent.delivered and urgent.referred_to
    assert {b.partner_id for b in urgent.batches} == set(urgent.referred_to)
    assert all(b.in_inbox and b.batch_id.endswith("-01") for b in urgent.batches)
    stored = session.scalars(select(Delivery).where(Delivery.urgent.is_(True))).all()
    assert {b.batch_id for b in urgent.batches} <= {d.batch_id for d in stored}
    # The re-extract's escalations went at once too, in the day's later urgent batches.
    escalated = session.scalars(
        select(ReferralChange.batch_id).where(ReferralChange.escalated.is_(True))
    ).all()
    assert escalated and all(
        b and b.split("-")[-1].isdigit() and len(b.split("-")[-1]) == 2 for b in escalated
    )
    assert urgent.slowest is not None and 0 < urgent.slowest < 600
    assert urgent.not_urgent_waiting >= 1, "the day's other referrals wait for the night"


def check_set_aside(result: DemoResult, session: Session) -> None:
    """The late report was set aside by a real feed check, released with a reason, and sent
    in the next night's batch; the figures are the store's."""
    figures = result.set_aside
    assert figures.set_aside >= 1
    assert figures.set_aside == session.scalar(select(func.count()).select_from(SetAside))
    assert figures.released == figures.set_aside == figures.delivered_after_release
    assert figures.still_held == 0
    for item in figures.items:
        assert item.check == "expectation" and "reported_" in item.reason, item
        assert item.released_by == DATA_ENGINEER and item.release_reason
        assert item.delivered_in and item.delivered_in != item.taken_out_of
    sent = {p.partner_id: p for p in result.partners}
    assert all(sent[i.partner_id].batches >= 1 for i in figures.items), "the rest of it went"


def check_review_decisions(result: DemoResult, session: Session) -> None:
    """One record kept and one disposed of, by the information manager with reasons; the
    follow-up run leaves the kept one out and disposes of the other."""
    decisions = {d.decision: d for d in result.review_decisions}
    assert sorted(decisions) == ["dispose", "keep"]
    stored = session.scalars(select(ReviewDecision)).all()
    assert sorted(d.decision for d in stored) == ["dispose", "keep"]
    assert {d.decided_by for d in stored} == {APPROVER} and all(d.reason for d in stored)
    assert decisions["dispose"].in_follow_up_run == "disposed"
    assert decisions["keep"].in_follow_up_run == "not listed"
    assert {d.applied_in for d in decisions.values()} == {result.follow_up["run_id"]}
    assert result.follow_up["verified"] is True
    first = {c["record_class"]: c for c in result.disposal["classes"]}
    after = {c["record_class"]: c for c in result.follow_up["classes"]}
    assert first["referral_unclosed"]["for_review"] >= 1 and first["delivery"]["for_review"] >= 1
    assert after[decisions["keep"].record_class]["kept_on_review"] == 1
    assert after[decisions["dispose"].record_class]["disposed"] >= 1
    assert sum(c["disposed"] for c in first.values()) == result.disposal["verification"]["checked"]


def check_changes(result: DemoResult, session: Session) -> None:
    """The force's re-extract reached the partners: escalations as updates, marked; the moved
    and declassified incidents as withdrawals; the move as a referral to the other council;
    each change logged as an alteration."""
    revised, sent = result.re_extract, result.changes
    assert sent.escalations >= len(revised.escalated) == 3
    assert sent.updates >= sent.escalations and sent.withdrawals >= 2
    assert sent == revisions.changes_sent(session)
    moved_to = session.scalars(
        select(Referral.partner_id)
        .join(Incident, Incident.id == Referral.incident_id)
        .where(Incident.incident_ref == revised.moved, Referral.status != "withdrawn")
    ).all()
    assert moved_to, "the incident moved is referred to the council that covers it now"
    counts = result.ledger["counts"]
    assert sum(counts.get("alteration", {}).values()) >= 5
    police = [r for r in result.dag_runs if r.dag_id == "police_ingest"]
    # The night's, the day's (the urgent referral) and the re-extract's.
    assert len(police) == 3 and all(r.state == "success" for r in police)


def check_ledger_counts(result: DemoResult, session: Session) -> None:
    """Per-kind counts, live and sealed, as `ledger verify` gave them: they add up to the
    events it checked and agree with the store."""
    counts = result.ledger["counts"]
    assert counts and sum(c["sealed"] for c in counts.values()) > 0, "six years on: some sealed"
    assert sum(c["live"] + c["sealed"] for c in counts.values()) == result.ledger["events_checked"]
    in_store: dict[str, dict[str, int]] = {}
    for kind, sealed, n in session.execute(
        select(LedgerEvent.kind, LedgerEvent.sealed_at.is_not(None), func.count()).group_by(
            LedgerEvent.kind, LedgerEvent.sealed_at.is_not(None)
        )
    ):
        in_store.setdefault(kind, {"live": 0, "sealed": 0})["sealed" if sealed else "live"] = n
    assert counts == in_store


def check_certificates(result: DemoResult, session: Session) -> None:
    """The certificate files the demo points to are the frozen document: the JSON's digest is
    the run's and the ledger's, and the HTML is that JSON rendered."""
    assert [c.run_id for c in result.certificates] == [
        result.disposal["run_id"],
        result.follow_up["run_id"],
    ]
    assert result.certificate_html == result.certificates[0].html
    for cert in result.certificates:
        document = Path(cert.json_file).read_bytes()
        assert cert.sha256 == hashlib.sha256(document).hexdigest()
        assert cert.sha256 == cert.ledger_sha256 and cert.ledger_seq
        assert cert.html_from_json and cert.matches
        frozen = session.scalar(
            select(DisposalRun.certificate_sha256).where(DisposalRun.run_id == cert.run_id)
        )
        assert frozen == cert.sha256
        event = session.get(LedgerEvent, cert.ledger_seq)
        assert event is not None and event.details["certificate_sha256"] == cert.sha256


def check_force_summary(result: DemoResult, session: Session) -> None:
    """The morning after the second night, the force's summary is written as the DAG writes it
    at its cut-off: a row per referral of each incident with news, conflicts flagged, one
    disclosure per row, the file where the force's loading job reads it."""
    summary = result.force_summary
    assert summary.status == "written" and summary.night == result.night + timedelta(days=1)
    assert summary.batch_id == f"B-force-{summary.night:%Y%m%d}"
    assert summary.files[0].startswith(f"staging/force/{summary.batch_id}/")
    with open(summary.data_file, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == summary.rows > 0 and summary.consistent
    assert sum(r["updated"] == "true" for r in rows) == summary.updated_referrals > 0
    assert sum(r["conflict"] == "true" for r in rows) == summary.conflicts
    assert summary.conflicts > 0, "the partners' random answers disagree somewhere"
    assert sum(summary.conflict_reasons.values()) >= summary.conflicts
    assert summary.disclosed == summary.rows
    delivery = session.scalar(select(Delivery).where(Delivery.batch_id == summary.batch_id))
    assert delivery is not None and delivery.partner_id == "force"
    assert delivery.record_count == summary.rows
    assert result.ledger["counts"]["disclosure"]["live"] >= summary.rows


def check_alerts(result: DemoResult, bad_partner: str) -> None:
    """The bad file sent on purpose is emailed about, through the hub's own code and the demo's
    mail server, to the partner's synthetic contact and the operators, with references only."""
    alerts = result.alerts
    assert not {"task_failed", "delivery_failed"} & set(alerts.by_kind), "no task failed"
    assert set(alerts.by_kind) <= {str(kind) for kind in AlertKind}
    about_files = [m for m in alerts.messages if m.kind == "inbound_file"]
    contact = f"asb-alerts@{bad_partner.replace('_', '-')}.demo.example.org"
    assert any(m.subject == f"[ASB hub] inbound file: {bad_partner}" for m in about_files)
    assert all(m.to[0] == contact for m in about_files if bad_partner in m.subject)
    assert all(m.to[-1] == OPERATORS for m in alerts.messages)
    assert alerts.values_looked_for > 1000 and alerts.carrying_personal_data == []
