"""Per-file accounts of inbound files: rows in = rows loaded + rows quarantined, always."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, computed_field
from sqlalchemy import select
from sqlalchemy.orm import Session

from asbhub.runtime import Hub
from asbhub.store.models import InboundFile, QuarantineItem


class InboundFileResult(BaseModel):
    """One file as the hub handled it (in a run) or holds it (in `inbound status`)."""

    partner_id: str
    name: str
    sha256: str
    contract: str | None
    status: str  # loaded | partially_loaded | rejected | already_received | in_progress
    rows_in: int
    rows_loaded: int
    rows_quarantined: int
    reason: str | None = None  # the reason code of a whole-file rejection
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
    hub: Hub, file_pk: int, status: str | None = None, alert: str | None = None
) -> InboundFileResult:
    with hub.store.session() as session:
        record = session.get(InboundFile, file_pk)
        assert record is not None
        return _result(session, record, status, alert)


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
    session: Session, record: InboundFile, status: str | None, alert: str | None
) -> InboundFileResult:
    reason = None
    if record.status == "rejected" and not record.rows_in:
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
        status=status or record.status,
        rows_in=0 if status == "already_received" else record.rows_in,
        rows_loaded=0 if status == "already_received" else record.rows_loaded,
        rows_quarantined=0 if status == "already_received" else record.rows_quarantined,
        reason=reason,
        changed_under_old_name=record.changed_under_old_name,
        rejection_report=record.rejection_report,
        alert=alert,
        received_at=record.received_at,
        processed_at=record.processed_at,
    )
