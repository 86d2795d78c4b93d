"""Inbound files in the store: known by partner, name and SHA-256; rejected whole, or finished
with their counts, expectation result, archive copy and rejection report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from asbhub.partners import PartnerConfig
from asbhub.pipeline.inbound_checks import quarantine_alert, run_expectations
from asbhub.pipeline.inbound_job import FileJob, FileTally
from asbhub.pipeline.inbound_status import InboundFileResult, file_result
from asbhub.pipeline.rejection import (
    FILE_REASONS,
    display_name,
    file_problem,
    name_sha256,
    write_report,
)
from asbhub.quarantine import keep_original, quarantine_file
from asbhub.records import FileProblem
from asbhub.runtime import Hub
from asbhub.store.models import InboundFile
from connectors import Transport
from contracts.documents import RejectionProblem
from contracts.outcome import Outcome


@dataclass
class FileOutcome:
    """What is left to do for a processed file: deliver its report; and an alert, if any."""

    report: Path | None
    alert: str | None = None


def reports_folder(hub: Hub, partner: PartnerConfig) -> Path:
    """Where the hub keeps the reports it sent, so that a re-run can send one again."""
    return hub.settings.reports_dir / "rejections" / partner.id


def register(hub: Hub, partner: PartnerConfig, name: str, sha: str, size: int) -> tuple[int, bool]:
    """The file's row (created when new) and whether it was already processed to the end."""
    with hub.store.session() as session:
        known = session.scalar(
            select(InboundFile).where(
                InboundFile.partner_id == partner.id,
                InboundFile.name == name,
                InboundFile.sha256 == sha,
            )
        )
        if known is not None:
            return known.id, known.status != "in_progress"
        changed = session.scalar(
            select(InboundFile.id)
            .where(InboundFile.partner_id == partner.id, InboundFile.name == name)
            .limit(1)
        )
        record = InboundFile(
            partner_id=partner.id,
            name=name,
            sha256=sha,
            size=size,
            status="in_progress",
            changed_under_old_name=changed is not None,
            received_at=datetime.now(UTC),
        )
        session.add(record)
        session.flush()
        return record.id, False


def reject_file(
    hub: Hub,
    partner: PartnerConfig,
    local: Path,
    name: str,
    sha: str,
    file_pk: int,
    exc: FileProblem,
    archive: Path,
) -> FileOutcome:
    """Quarantine a whole file: its original kept (over the limit: the archive copy stands)."""
    kept = (
        archive
        if exc.reason == "too_large"
        else keep_original(hub.settings.quarantine_dir, local, sha)
    )
    problem = file_problem(exc)
    with hub.store.session() as session:
        record = session.get(InboundFile, file_pk)
        assert record is not None
        report = write_report(
            reports_folder(hub, partner),
            partner_id=partner.id,
            file_name=name,
            sha256=sha,
            received_at=record.received_at,
            rows=(0, 0, 0),
            problems=[problem],
        )
        quarantine_file(
            session,
            source="inbound",
            partner_id=partner.id,
            file_name=name,
            sha256=sha,
            reason=f"{exc.reason}: {exc}",
            kept_at=kept,
            inbound_file_id=file_pk,
            line=exc.line,
        )
        _close(record, "rejected", (0, 0, 0), archive, report.name)
    return FileOutcome(report=report, alert=_rejected_alert(partner, name, exc.reason))


def finish_file(hub: Hub, job: FileJob, tally: FileTally, archive: Path) -> FileOutcome:
    """Check the batch, write its report when it had problems, and record how it ended."""
    expectations = run_expectations(job.partner, tally) if job.contract is Outcome else None
    alert = quarantine_alert(job.partner, job.name, tally)
    if alert is None and expectations is not None and not expectations["success"]:
        failed = [o["expectation"] for o in expectations["outcomes"] if not o["success"]]
        alert = f"{job.partner.id}: {job.name}: outcome_batch expectations failed: {failed}"
    rows = (tally.rows_in, tally.loaded, tally.quarantined)
    status = (
        "loaded" if not tally.quarantined else "partially_loaded" if tally.loaded else "rejected"
    )
    with hub.store.session() as session:
        record = session.get(InboundFile, job.file_pk)
        assert record is not None
        report = None
        if tally.problems:
            report = write_report(
                reports_folder(hub, job.partner),
                partner_id=job.partner.id,
                file_name=job.name,
                sha256=job.sha256,
                received_at=record.received_at,
                rows=rows,
                problems=tally.problems.listed(),
            )
        record.contract = job.contract.ref()
        record.expectation_result = expectations
        _close(record, status, rows, archive, report.name if report else None)
    return FileOutcome(report=report, alert=alert)


def reject_unsafe_name(
    hub: Hub, partner: PartnerConfig, transport: Transport, name: str, size: int
) -> InboundFileResult:
    """Report a file whose name the hub will not use as a path; it is never read or moved."""
    shown, sha = display_name(name), name_sha256(name)
    with hub.store.session() as session:
        known = session.scalar(
            select(InboundFile.id).where(
                InboundFile.partner_id == partner.id,
                InboundFile.name == shown,
                InboundFile.sha256 == sha,
            )
        )
    if known is not None:
        return file_result(hub, known, status="already_received")
    now = datetime.now(UTC)
    problem = RejectionProblem(
        line=None, field=None, reason=FILE_REASONS["unsafe_name"], record_id=None
    )
    report = write_report(
        reports_folder(hub, partner),
        partner_id=partner.id,
        file_name=name,
        sha256=sha,
        received_at=now,
        rows=(0, 0, 0),
        problems=[problem],
    )
    # Delivered before it is recorded: a run stopped in between sends the same report again.
    transport.put("inbox", report.name, report)
    with hub.store.session() as session:
        record = InboundFile(
            partner_id=partner.id,
            name=shown,
            sha256=sha,
            size=size,
            status="in_progress",
            received_at=now,
        )
        session.add(record)
        session.flush()
        quarantine_file(
            session,
            source="inbound",
            partner_id=partner.id,
            file_name=shown,
            sha256=sha,
            reason=f"unsafe_name: {shown!r} was not read (the SHA-256 is of the name)",
            kept_at=None,
            inbound_file_id=record.id,
        )
        _close(record, "rejected", (0, 0, 0), None, report.name)
        file_pk = record.id
    return file_result(hub, file_pk, alert=_rejected_alert(partner, shown, "unsafe_name"))


def _close(
    record: InboundFile,
    status: str,
    rows: tuple[int, int, int],
    archive: Path | None,
    report: str | None,
) -> None:
    record.status = status
    record.rows_in, record.rows_loaded, record.rows_quarantined = rows
    record.archive_path = str(archive) if archive else None
    record.rejection_report = report
    record.processed_at = datetime.now(UTC)


def _rejected_alert(partner: PartnerConfig, name: str, reason: str) -> str:
    return f"{partner.id}: {display_name(name)}: whole file rejected ({reason})"
