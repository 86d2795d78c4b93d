"""Inbound files in the store: known by partner, name and SHA-256; rejected whole, or finished
with their counts, expectation result, archive copy and rejection report."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from asbhub.openpgp import sealed_copy
from asbhub.partners import PartnerConfig
from asbhub.pipeline.inbound.checks import quarantine_alert, run_expectations
from asbhub.pipeline.inbound.job import FileJob, FileTally
from asbhub.pipeline.inbound.status import FileStatus, InboundFileResult, file_result
from asbhub.pipeline.rejection import (
    FILE_REASONS,
    display_name,
    file_problem,
    write_report,
)
from asbhub.quarantine import keep_original, quarantine_file
from asbhub.records import FileProblem
from asbhub.runtime import Hub
from asbhub.storage import Areas
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
    return hub.areas.home / "reports" / "rejections" / partner.id


def put_report(hub: Hub, partner: PartnerConfig, transport: Transport, local: Path) -> str:
    """Put a rejection report in the partner's inbox (encrypted to it and signed, when it
    receives OpenPGP); the name it has there."""
    if partner.openpgp is None:
        transport.put("inbox", local.name, local)
        return local.name
    work = Path(tempfile.mkdtemp(prefix="asbhub-report-"))
    try:
        sealed = sealed_copy(hub.settings.config_dir, partner, local, work)
        transport.put("inbox", sealed.name, sealed)
        return sealed.name
    finally:
        shutil.rmtree(work, ignore_errors=True)


def find_file(session: Session, partner_id: str, name: str, sha: str) -> InboundFile | None:
    """A file is known by its partner, its name and the SHA-256 of its bytes."""
    return session.scalar(
        select(InboundFile).where(
            InboundFile.partner_id == partner_id,
            InboundFile.name == name,
            InboundFile.sha256 == sha,
        )
    )


def register(hub: Hub, partner: PartnerConfig, name: str, sha: str, size: int) -> tuple[int, bool]:
    """The file's row (created when new) and whether it was already processed to the end."""
    with hub.store.session() as session:
        known = find_file(session, partner.id, name, sha)
        if known is not None:
            return known.id, known.status != FileStatus.IN_PROGRESS
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
            status=FileStatus.IN_PROGRESS,
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
    archive: str,
) -> FileOutcome:
    """Quarantine a whole file: its original kept (over the limit: the archive copy stands)."""
    kept = (
        hub.areas.key(archive)
        if exc.reason == "too_large"
        else keep_original(hub.areas, local, sha)
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
        close_record(hub.areas, record, FileStatus.REJECTED, (0, 0, 0), archive, report)
    return FileOutcome(report=report, alert=_rejected_alert(partner, name, exc.reason))


def finish_file(hub: Hub, job: FileJob, tally: FileTally, archive: str) -> FileOutcome:
    """Check the batch, write its report when it had problems, and record how it ended."""
    expectations = run_expectations(job.partner, tally) if job.contract is Outcome else None
    alert = quarantine_alert(job.partner, job.name, tally)
    if alert is None and expectations is not None and not expectations["success"]:
        failed = [o["expectation"] for o in expectations["outcomes"] if not o["success"]]
        alert = f"{job.partner.id}: {job.name}: outcome_batch expectations failed: {failed}"
    rows = (tally.rows_in, tally.loaded, tally.quarantined)
    status = (
        FileStatus.LOADED
        if not tally.quarantined
        else FileStatus.PARTIALLY_LOADED
        if tally.loaded
        else FileStatus.REJECTED
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
        close_record(hub.areas, record, status, rows, archive, report)
    return FileOutcome(report=report, alert=alert)


def refuse_unread(
    hub: Hub,
    partner: PartnerConfig,
    transport: Transport,
    name: str,
    identity: str,
    size: int,
    reason: str,
    detail: str | None = None,
) -> InboundFileResult:
    """Report an outbox entry the hub will not read (unsafe name, special file, symlink out of
    the folder, over the size limit). It stays where it is, never read or moved; `identity`
    stands for its content, which the hub has not seen, so each entry is reported once."""
    shown = display_name(name)
    with hub.store.session() as session:
        seen = find_file(session, partner.id, shown, identity)
        known = seen.id if seen is not None else None
    if known is not None:
        return file_result(hub, known, status=FileStatus.ALREADY_RECEIVED)
    now = datetime.now(UTC)
    text = FILE_REASONS[reason] + (f": {detail}" if detail else "")
    problem = RejectionProblem(line=None, field=None, reason=text, record_id=None)
    report = write_report(
        reports_folder(hub, partner),
        partner_id=partner.id,
        file_name=name,
        sha256=identity,
        received_at=now,
        rows=(0, 0, 0),
        problems=[problem],
    )
    # Delivered before it is recorded: a run stopped in between sends the same report again.
    put_report(hub, partner, transport, report)
    with hub.store.session() as session:
        record = InboundFile(
            partner_id=partner.id,
            name=shown,
            sha256=identity,
            size=size,
            status=FileStatus.IN_PROGRESS,
            received_at=now,
        )
        session.add(record)
        session.flush()
        quarantine_file(
            session,
            source="inbound",
            partner_id=partner.id,
            file_name=shown,
            sha256=identity,
            reason=f"{reason}: {shown!r} was not read (the SHA-256 stands for the listing)"
            + (f": {detail}" if detail else ""),
            kept_at=None,
            inbound_file_id=record.id,
        )
        close_record(hub.areas, record, FileStatus.REJECTED, (0, 0, 0), None, report)
        file_pk = record.id
    return file_result(hub, file_pk, alert=_rejected_alert(partner, shown, reason))


def close_record(
    areas: Areas,
    record: InboundFile,
    status: FileStatus,
    rows: tuple[int, int, int],
    archive: str | Path | None,
    report: Path | None,
) -> None:
    """Record how a file ended: its archived original and its rejection report by their keys,
    the report kept in the reports area so that a re-run (on any worker) can send it again."""
    record.status = status
    record.rows_in, record.rows_loaded, record.rows_quarantined = rows
    record.archive_path = areas.key(archive) if archive else None
    if report is not None:
        areas.save(report)
    record.rejection_report = report.name if report is not None else None
    record.processed_at = datetime.now(UTC)


STALE_WORK_AGE = timedelta(hours=6)  # older than any run: left by a worker that was killed


def sweep_stale_work(hub: Hub, partner: PartnerConfig, now: datetime | None = None) -> list[str]:
    """Remove what a killed run left on the hub's disk for this partner: its per-file work
    folders (a fetched copy, perhaps a partial download) and half-written archive or quarantine
    copies (`*.part`). Only entries older than STALE_WORK_AGE go: a younger one may belong to a
    run still going on another worker. Returns the paths removed, relative to the home."""
    cutoff = ((now or datetime.now(UTC)) - STALE_WORK_AGE).timestamp()
    home = hub.settings.home
    candidates = [
        *_children(home / "inbound" / partner.id),
        *(home / "archive" / partner.id).glob("*.part"),
        *(hub.areas.home / "quarantine").glob("*.part"),
    ]
    removed = []
    for path in sorted(candidates):
        try:
            if path.lstat().st_mtime >= cutoff:
                continue
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
        except FileNotFoundError:
            continue  # another run tidied it first
        removed.append(str(path.relative_to(home)) if path.is_relative_to(home) else str(path))
    return removed


def _children(folder: Path) -> list[Path]:
    return list(folder.iterdir()) if folder.is_dir() else []


def tidy_outbox(partner: PartnerConfig, transport: Transport, name: str) -> None:
    """Move a processed file to the partner's processed folder, or delete it if so configured."""
    if partner.transport.after_fetch == "delete":
        transport.delete("outbox", [name])
    else:
        transport.move("outbox", name, "processed")


def _rejected_alert(partner: PartnerConfig, name: str, reason: str) -> str:
    return f"{partner.id}: {display_name(name)}: whole file rejected ({reason})"
