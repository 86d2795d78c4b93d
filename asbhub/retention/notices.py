"""Partner disposal notices: acknowledgements close them; overdue ones are reported per partner."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from asbhub.errors import DataError
from asbhub.store.models import DisposalNotice, DisposalRun

DEFAULT_ACK_DAYS = 28


class AckResult(BaseModel):
    notice_id: str
    partner_id: str
    acknowledged_at: datetime
    already: bool


def acknowledge(
    session: Session, partner_id: str, notice_id: str, referral_id: str, disposed_at: datetime
) -> AckResult:
    """Close a notice from a partner's disposal-ack; a repeated ack is harmless, a wrong one is
    refused with the reason (for the partner's rejection report)."""
    notice = session.scalar(select(DisposalNotice).where(DisposalNotice.notice_id == notice_id))
    if notice is None or notice.partner_id != partner_id:
        raise DataError(
            f"disposal-ack names notice {notice_id}, which was not issued to {partner_id}"
        )
    if notice.referral_id != referral_id:
        raise DataError(
            f"disposal-ack for notice {notice_id} names referral {referral_id}, but the "
            f"notice is about {notice.referral_id}"
        )
    if disposed_at.tzinfo is None:
        raise DataError(f"disposal-ack for notice {notice_id}: disposed_at needs a UTC offset")
    if notice.acknowledged_at is not None:
        return AckResult(
            notice_id=notice_id,
            partner_id=partner_id,
            acknowledged_at=notice.acknowledged_at,
            already=True,
        )
    notice.acknowledged_at = disposed_at.astimezone(UTC)
    return AckResult(
        notice_id=notice_id,
        partner_id=partner_id,
        acknowledged_at=notice.acknowledged_at,
        already=False,
    )


class OverdueNotice(BaseModel):
    partner_id: str
    notice_id: str
    run_id: str
    issued_at: datetime
    due: date
    days_overdue: int


class NoticeStatus(BaseModel):
    as_of: date
    by_partner: dict[str, dict[str, int]]
    overdue: list[OverdueNotice]


def notice_status(
    session: Session,
    as_of: date | None = None,
    deadline_days: int | None = None,
    partner_days: Mapping[str, int] | None = None,
) -> NoticeStatus:
    """Open, acknowledged and overdue notices per partner. The deadline is `deadline_days` when
    given, else the partner's ISA `disposal_ack_days`, else 28 days from issue."""
    as_of = as_of or datetime.now(UTC).date()
    partner_days = partner_days or {}
    by_partner: dict[str, dict[str, int]] = {}
    overdue: list[OverdueNotice] = []
    rows = session.execute(
        select(DisposalNotice, DisposalRun.run_id)
        .join(DisposalRun, DisposalRun.id == DisposalNotice.run_pk)
        .order_by(DisposalNotice.partner_id, DisposalNotice.issued_at)
    )
    for notice, run_id in rows:
        tally = by_partner.setdefault(
            notice.partner_id, {"issued": 0, "sent": 0, "acknowledged": 0, "overdue": 0}
        )
        tally["issued"] += 1
        tally["sent"] += notice.sent_at is not None
        if notice.acknowledged_at is not None:
            tally["acknowledged"] += 1
            continue
        days = deadline_days or partner_days.get(notice.partner_id, DEFAULT_ACK_DAYS)
        due = notice.issued_at.date() + timedelta(days=days)
        if as_of > due:
            tally["overdue"] += 1
            overdue.append(
                OverdueNotice(
                    partner_id=notice.partner_id,
                    notice_id=notice.notice_id,
                    run_id=run_id,
                    issued_at=notice.issued_at,
                    due=due,
                    days_overdue=(as_of - due).days,
                )
            )
    return NoticeStatus(as_of=as_of, by_partner=by_partner, overdue=overdue)
