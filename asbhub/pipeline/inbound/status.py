"""Per-file accounts of inbound files: rows in = rows loaded + rows quarantined, always."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, computed_field
from sqlalchemy import select
from sqlalchemy.orm import Session

from asbhub.runtime import Hub
from asbhub.store.models import InboundFile, QuarantineItem


class FileStatus(StrEnum):
    LOADED = "loaded"
    PARTIALLY_LOADED = "partially_loaded"  # some rows quarantined, each with its reason
    REJECTED = "rejected"  # the whole file refused for a reason the partner can fix
    ALREADY_RECEIVED = "already_received"  # the same name and bytes were processed before
    IN_PROGRESS = "in_progress"  # stopped part-way; the next run resumes it
    FAILED = "failed"  # the hub could not process it: original quarantined, people alerted
    NOT_FETCHED = "not_fetched"  # the transfer failed; the file stays in the outbox for next run


class PartnerStatus(StrEnum):
    OK = "ok"
    FAILED_TRANSPORT = "failed_transport"  # the partner's server could not be reached


# Statuses a person must look at: the hub, not the partner, could not finish the file.
NEEDS_A_PERSON = frozenset({FileStatus.FAILED, FileStatus.NOT_FETCHED})


class InboundFileResult(BaseModel):
    """One file as the hub handled it (in a run) or holds it (in `inbound status`)."""

    partner_id: str
    name: str
    sha256: str
    contract: str | None
    status: FileStatus
    rows_in: int
    rows_loaded: int
    rows_quarantined: int
    reason: str | None = None  # the reason code of a whole-file rejection or failure
    failure: str | None = None  # what went wrong when the hub could not finish (no file content)
    changed_under_old_name: bool = False
    rejection_report: str | None = None
    alert: str | None = None
    received_at: datetime
    processed_at: datetime | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def balanced(self) -> bool:
        return self.rows_in == self.rows_loaded + self.rows_quarantined


class InboundStatus(BaseModel):
    files: list[InboundFileResult]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def balanced(self) -> bool:
        return all(f.balanced for f in self.files)


def file_result(
    hub: Hub,
    file_pk: int,
    status: FileStatus | None = None,
    alert: str | None = None,
    failure: str | None = None,
) -> InboundFileResult:
    with hub.store.session() as session:
        record = session.get(InboundFile, file_pk)
        assert record is not None
        result = _result(session, record, status, alert)
    result.failure = failure
    return result


def inbound_status(hub: Hub, partner_id: str | None = None, limit: int = 200) -> InboundStatus:
    """The latest files received (from one partner, or all), newest first."""
    with hub.store.session() as session:
        query = select(InboundFile).where(InboundFile.partner_id != "force")
        if partner_id:
            query = query.where(InboundFile.partner_id == partner_id)
        records = session.scalars(
            query.order_by(InboundFile.received_at.desc(), InboundFile.id.desc()).limit(limit)
        ).all()
        return InboundStatus(files=[_result(session, r, None, None) for r in records])


def _result(
    session: Session, record: InboundFile, status: FileStatus | None, alert: str | None
) -> InboundFileResult:
    reason = None
    if record.status == FileStatus.FAILED:
        reason = "unprocessable"
    elif record.status == FileStatus.REJECTED and not record.rows_in:
        first = session.scalar(
            select(QuarantineItem.reason)
            .where(QuarantineItem.inbound_file_id == record.id)
            .order_by(QuarantineItem.id)
            .limit(1)
        )
        reason = first.split(":", 1)[0] if first else None
    return InboundFileResult(
        partner_id=record.partner_id,
        name=record.name,
        sha256=record.sha256,
        contract=record.contract,
        status=status or FileStatus(record.status),
        rows_in=0 if status == FileStatus.ALREADY_RECEIVED else record.rows_in,
        rows_loaded=0 if status == FileStatus.ALREADY_RECEIVED else record.rows_loaded,
        rows_quarantined=0 if status == FileStatus.ALREADY_RECEIVED else record.rows_quarantined,
        reason=reason,
        changed_under_old_name=record.changed_under_old_name,
        rejection_report=record.rejection_report,
        alert=alert,
        received_at=record.received_at,
        processed_at=record.processed_at,
    )
