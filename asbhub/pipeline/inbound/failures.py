"""The last-resort boundary around one inbound file: whatever goes wrong with it, the file ends
accounted for and the run goes on to the next file and the next partner.

* The transfer failed (a transport error on this file): nothing was read, so nothing is
  recorded against the file; it stays in the outbox for the next run, and the run's result
  names it (status ``not_fetched``) so the run ends non-zero.
* Anything else (a decoder error, recursion, a value too large to parse, an OS error on a local
  path, a bug): the original is kept in quarantine until retention disposes of it, the file is
  recorded as ``failed`` with the rows the store holds for it, the partner gets a report where
  the report can be delivered, and the outbox is tidied so that the same file cannot stop the
  next night too. A failure after the file was finished (delivering its report, tidying the
  outbox) leaves its record as it was and is named in the result; the next run tidies again.

A BaseException (the worker told to stop) is not caught: the run stops, and the next run
resumes the file where its last committed chunk left it.
"""

from __future__ import annotations

import contextlib
import logging
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from asbhub.partners import PartnerConfig
from asbhub.pipeline.inbound.files import (
    close_record,
    find_file,
    put_report,
    reports_folder,
    tidy_outbox,
)
from asbhub.pipeline.inbound.outbox import listing_identity
from asbhub.pipeline.inbound.status import FileStatus, InboundFileResult, file_result
from asbhub.pipeline.rejection import FILE_REASONS, display_name, write_report
from asbhub.quarantine import keep_original, quarantine_file
from asbhub.runtime import Hub
from asbhub.store.models import InboundFile, QuarantineItem
from asbhub.store.models import Outcome as StoredOutcome
from connectors import Transport
from connectors.models import RemoteFile, sha256_file
from contracts.documents import RejectionProblem

log = logging.getLogger(__name__)


def not_fetched(partner: PartnerConfig, remote: RemoteFile, exc: Exception) -> InboundFileResult:
    """A file whose transfer failed: left in the outbox, named in the result, tried next run."""
    log.warning("%s: %s could not be fetched: %s", partner.id, display_name(remote.name), exc)
    return _unrecorded(
        partner,
        remote.name,
        listing_identity(remote.name, remote.size, remote.mtime),
        FileStatus.NOT_FETCHED,
        "not_fetched",
        _what(exc),
        f"not fetched ({_what(exc)}); it stays in the outbox for the next run",
    )


def not_recorded(
    partner: PartnerConfig, name: str, sha: str, exc: Exception, again: Exception
) -> InboundFileResult:
    """The failure could not even be recorded (the store itself failing): say so, and go on."""
    log.exception("%s: %s: the failure could not be recorded", partner.id, display_name(name))
    return _unrecorded(
        partner,
        name,
        sha,
        FileStatus.FAILED,
        "unprocessable",
        f"{_what(exc)}, then recording it: {_what(again)}",
        f"the hub could not process this file ({_what(exc)}) nor record that ({_what(again)})",
    )


def _unrecorded(
    partner: PartnerConfig,
    name: str,
    sha: str,
    status: FileStatus,
    reason: str,
    failure: str,
    alert: str,
) -> InboundFileResult:
    """The account of a file the store holds no record of: nothing was read into it."""
    return InboundFileResult(
        partner_id=partner.id,
        name=display_name(name),
        sha256=sha,
        contract=None,
        status=status,
        rows_in=0,
        rows_loaded=0,
        rows_quarantined=0,
        reason=reason,
        failure=failure,
        alert=f"{partner.id}: {display_name(name)}: {alert}",
        received_at=datetime.now(UTC),
    )


def fail_file(
    hub: Hub,
    partner: PartnerConfig,
    transport: Transport,
    remote: RemoteFile,
    local: Path,
    exc: Exception,
) -> InboundFileResult:
    """End a file the hub could not take in (fetch phase): see the module's docstring."""
    shown = display_name(remote.name)
    log.exception("%s: %s could not be processed", partner.id, shown, exc_info=exc)
    if not local.is_file():  # failed before the bytes were here: treat as a failed transfer
        return not_fetched(partner, remote, exc)
    sha = sha256_file(local)
    with hub.store.session() as session:
        record = find_file(session, partner.id, remote.name, sha)
        file_pk = record.id if record is not None else None
    result = end_unprocessable(hub, partner, file_pk, remote.name, local, sha, exc)
    if result.failure and result.failure.startswith("after processing"):
        return result
    _deliver_and_tidy(hub, partner, transport, remote.name, result)
    return result


def fail_loading(
    hub: Hub, partner: PartnerConfig, file_pk: int, local: Path | None, exc: Exception
) -> InboundFileResult:
    """End a fetched file the hub could not load (load phase); the report phase then sends
    its report and tidies the outbox, as for any other file."""
    with hub.store.session() as session:
        record = session.get(InboundFile, file_pk)
        assert record is not None
        name, sha = record.name, record.sha256
    log.exception("%s: %s could not be loaded", partner.id, display_name(name), exc_info=exc)
    return end_unprocessable(hub, partner, file_pk, name, local, sha, exc)


def end_unprocessable(
    hub: Hub,
    partner: PartnerConfig,
    file_pk: int | None,
    name: str,
    local: Path | None,
    sha: str,
    exc: Exception,
) -> InboundFileResult:
    """Record the file as failed, its original (where the hub has it) kept in quarantine; a
    file that had already ended keeps its record, and the failure is named."""
    if file_pk is not None:
        with hub.store.session() as session:
            status = session.scalar(select(InboundFile.status).where(InboundFile.id == file_pk))
        if status not in (FileStatus.IN_PROGRESS, FileStatus.FAILED):
            return file_result(hub, file_pk, failure=f"after processing: {_what(exc)}")
    file_pk = _record_failure(hub, partner, name, local, sha, exc, file_pk)
    return file_result(
        hub,
        file_pk,
        failure=_what(exc),
        alert=f"{partner.id}: {display_name(name)}: the hub could not process this file "
        f"({_what(exc)}); original kept in quarantine, partner told",
    )


def _record_failure(
    hub: Hub,
    partner: PartnerConfig,
    name: str,
    local: Path | None,
    sha: str,
    exc: Exception,
    file_pk: int | None,
) -> int:
    kept = keep_original(hub.areas, local, sha) if local is not None else None
    with hub.store.session() as session:
        record = session.get(InboundFile, file_pk) if file_pk is not None else None
        if record is None:
            record = InboundFile(
                partner_id=partner.id,
                name=name,
                sha256=sha,
                size=local.stat().st_size if local is not None else 0,
                status=FileStatus.IN_PROGRESS,
                received_at=datetime.now(UTC),
            )
            session.add(record)
            session.flush()
        loaded = session.scalar(
            select(func.count()).where(StoredOutcome.inbound_file_id == record.id)
        )
        quarantined = session.scalar(
            select(func.count()).where(
                QuarantineItem.inbound_file_id == record.id, QuarantineItem.line.is_not(None)
            )
        )
        settled = (loaded or 0) + (quarantined or 0)
        problem = RejectionProblem(
            line=None,
            field=None,
            reason=FILE_REASONS["unprocessable"]
            + (f" ({loaded} rows were loaded before it stopped)" if loaded else ""),
            record_id=None,
        )
        report = write_report(
            reports_folder(hub, partner),
            partner_id=partner.id,
            file_name=name,
            sha256=sha,
            received_at=record.received_at,
            rows=(settled, loaded or 0, quarantined or 0),
            problems=[problem],
        )
        quarantine_file(
            session,
            source="inbound",
            partner_id=partner.id,
            file_name=display_name(name),
            sha256=sha,
            reason=f"unprocessable: {type(exc).__name__}: {str(exc)[:400]}",
            kept_at=kept,
            inbound_file_id=record.id,
        )
        close_record(
            hub.areas,
            record,
            FileStatus.FAILED,
            (settled, loaded or 0, quarantined or 0),
            record.archive_path,
            report,
        )
        return record.id


def _deliver_and_tidy(
    hub: Hub, partner: PartnerConfig, transport: Transport, name: str, result: InboundFileResult
) -> None:
    """Best effort: the failure is recorded either way; a re-run sends and tidies again."""
    report = result.rejection_report
    with contextlib.suppress(Exception):
        if report:
            put_report(hub, partner, transport, reports_folder(hub, partner) / report)
    with contextlib.suppress(Exception):
        tidy_outbox(partner, transport, name)


def _what(exc: BaseException) -> str:
    """The kind of failure, for results and alerts: never the file's content."""
    return type(exc).__name__
