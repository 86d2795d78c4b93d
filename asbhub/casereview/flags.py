"""What a partner is told of the Community Triggers flagging referrals it holds: one
`case-review-flag/1.0` row per referral and trigger, once when the trigger reaches the referral's
incident (it opens, or extends to it) and once more when it is closed.

Default deny: only the partner's own referrals, only those it holds or receives in the batch
being built, never a withdrawn one. A `closed` row goes only where `open` was told: a trigger that
opened and closed before a partner held a related referral is not news to it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from asbhub.casereview.model import TriggerStatus
from asbhub.casereview.triggers import WITHDRAWN
from asbhub.store.models import CaseReviewFlag, CaseReviewIncident, CaseReviewTrigger, Referral
from contracts.case_review_flag import CaseReviewFlag as FlagRecord
from contracts.case_review_flag import CaseReviewStatus

# A referral the partner holds: received, closed by it, or bound to an earlier batch of its chain
# (an urgent batch staged before this one is delivered before it).
HELD = ("delivered", "closed", "staged")


@dataclass(frozen=True)
class FlagToTell:
    """One row of the flags file, with the store keys that record it as told."""

    referral_pk: int
    trigger_pk: int
    record: FlagRecord


def flags_to_tell(
    session: Session, partner_id: str, receiving: Collection[int] = ()
) -> list[FlagToTell]:
    """The rows not yet told to the partner about the referrals it holds and those in
    `receiving` (the referral pks going to it in the batch being built), oldest trigger first,
    `open` before `closed`."""
    linked = session.execute(
        select(Referral.id, Referral.referral_id, Referral.status, CaseReviewTrigger)
        .join(CaseReviewIncident, CaseReviewIncident.incident_id == Referral.incident_id)
        .join(CaseReviewTrigger, CaseReviewTrigger.id == CaseReviewIncident.trigger_pk)
        .where(Referral.partner_id == partner_id, Referral.status != WITHDRAWN)
    ).all()
    told = _told(session, partner_id)
    found: list[FlagToTell] = []
    for referral_pk, referral_id, status, trigger in linked:
        if status not in HELD and referral_pk not in receiving:
            continue
        for news in _news(trigger, told.get((referral_pk, trigger.id), set())):
            found.append(FlagToTell(referral_pk, trigger.id, _record(referral_id, trigger, news)))
    return sorted(
        found,
        key=lambda f: (
            f.record.opened_at,
            f.record.case_review_id,
            f.record.status is not CaseReviewStatus.OPEN,
            f.record.referral_id,
        ),
    )


def record_told(
    session: Session, batch_id: str, flags: Iterable[FlagToTell], now: datetime
) -> None:
    """Bind the rows to the batch carrying them. Each (referral, trigger, status) is told once:
    a row another run recorded meanwhile fails the unique key, and the caller stages again."""
    session.add_all(
        CaseReviewFlag(
            referral_pk=flag.referral_pk,
            trigger_pk=flag.trigger_pk,
            status=flag.record.status.value,
            batch_id=batch_id,
            created_at=now,
        )
        for flag in flags
    )
    session.flush()


def _told(session: Session, partner_id: str) -> dict[tuple[int, int], set[str]]:
    """(referral pk, trigger pk) -> the statuses already told to the partner."""
    told: dict[tuple[int, int], set[str]] = defaultdict(set)
    for referral_pk, trigger_pk, status in session.execute(
        select(CaseReviewFlag.referral_pk, CaseReviewFlag.trigger_pk, CaseReviewFlag.status)
        .join(Referral, Referral.id == CaseReviewFlag.referral_pk)
        .where(Referral.partner_id == partner_id)
    ):
        told[(referral_pk, trigger_pk)].add(status)
    return told


def _news(trigger: CaseReviewTrigger, said: set[str]) -> Sequence[TriggerStatus]:
    """What the partner has not yet heard of this trigger about one referral."""
    if trigger.status == TriggerStatus.OPEN:
        return [] if TriggerStatus.OPEN in said else [TriggerStatus.OPEN]
    if TriggerStatus.OPEN in said and TriggerStatus.CLOSED not in said:
        return [TriggerStatus.CLOSED]
    return []


def _record(referral_id: str, trigger: CaseReviewTrigger, status: TriggerStatus) -> FlagRecord:
    return FlagRecord.model_validate(
        {
            "referral_id": referral_id,
            "case_review_id": trigger.trigger_id,
            "status": status.value,
            "counts": trigger.kind,
            "opened_at": trigger.opened_at,
            "closed_at": trigger.closed_at if status is TriggerStatus.CLOSED else None,
        }
    )
