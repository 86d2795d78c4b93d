"""Reading and closing the hub's Case Review triggers: the open list (references only), the
referrals each open trigger flags for the partner feed, and what retention needs."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from asbhub.casereview.model import OpenTrigger, TriggerKind, TriggerList, TriggerStatus
from asbhub.errors import DataError
from asbhub.store.models import CaseReviewIncident, CaseReviewTrigger, Incident, Referral

WITHDRAWN = "withdrawn"  # asbhub.pipeline.changes.WITHDRAWN: the partner no longer holds it


def open_triggers(session: Session) -> TriggerList:
    """Every open trigger, the oldest first, with its incidents' references and the partners
    holding a referral for one of them."""
    triggers = session.scalars(
        select(CaseReviewTrigger)
        .where(CaseReviewTrigger.status == TriggerStatus.OPEN)
        .order_by(CaseReviewTrigger.opened_at, CaseReviewTrigger.id)
    ).all()
    refs: dict[int, list[str]] = defaultdict(list)
    partners: dict[int, set[str]] = defaultdict(set)
    pks = [t.id for t in triggers]
    for trigger_pk, ref in session.execute(
        select(CaseReviewIncident.trigger_pk, Incident.incident_ref)
        .join(Incident, Incident.id == CaseReviewIncident.incident_id)
        .where(CaseReviewIncident.trigger_pk.in_(pks))
        .order_by(Incident.reported_at, Incident.id)
    ):
        refs[trigger_pk].append(ref)
    for trigger_pk, partner_id in session.execute(
        select(CaseReviewIncident.trigger_pk, Referral.partner_id)
        .join(Referral, Referral.incident_id == CaseReviewIncident.incident_id)
        .where(CaseReviewIncident.trigger_pk.in_(pks), Referral.status != WITHDRAWN)
    ):
        partners[trigger_pk].add(partner_id)
    return TriggerList(
        triggers=[
            OpenTrigger(
                trigger_id=t.trigger_id,
                kind=TriggerKind(t.kind),
                opened_at=t.opened_at,
                opened_as_of=t.opened_as_of,
                window=t.window,
                threshold=t.threshold,
                complaints=len(refs[t.id]),
                incidents=refs[t.id],
                partners=sorted(partners[t.id]),
            )
            for t in triggers
        ]
    )


def flagged_referrals(session: Session) -> dict[str, str]:
    """referral id -> the open trigger that flags it, for every referral a partner holds about
    an incident an open trigger counts. A referral two triggers flag (its victim's and its
    location's) names the one raised first."""
    flags: dict[str, str] = {}
    for referral_id, trigger_id in session.execute(
        select(Referral.referral_id, CaseReviewTrigger.trigger_id)
        .join(CaseReviewIncident, CaseReviewIncident.incident_id == Referral.incident_id)
        .join(CaseReviewTrigger, CaseReviewTrigger.id == CaseReviewIncident.trigger_pk)
        .where(CaseReviewTrigger.status == TriggerStatus.OPEN, Referral.status != WITHDRAWN)
        .order_by(CaseReviewTrigger.id)
    ):
        flags.setdefault(referral_id, trigger_id)
    return flags


def close_trigger(session: Session, trigger_id: str, by: str, reason: str) -> OpenTrigger:
    """Close an open trigger once its case review is done; return it as it was listed. Its
    complaints do not count towards a new trigger for the same victim or location."""
    listed = {t.trigger_id: t for t in open_triggers(session).triggers}
    trigger = session.scalar(
        select(CaseReviewTrigger).where(CaseReviewTrigger.trigger_id == trigger_id)
    )
    if trigger is None or trigger_id not in listed:
        state = "is already closed" if trigger is not None else "does not exist"
        raise DataError(
            f"trigger {trigger_id} {state}: `asbhub casereview list` shows the open ones"
        )
    if not by.strip() or not reason.strip():
        raise DataError("closing a trigger needs --by NAME and --reason TEXT")
    trigger.status = TriggerStatus.CLOSED
    trigger.closed_at = datetime.now(UTC)
    trigger.closed_by = by.strip()
    trigger.close_reason = reason.strip()
    return listed[trigger_id]


def drop_emptied_triggers(session: Session) -> int:
    """Delete the triggers whose every incident has been disposed of (their links went with the
    incidents); return how many. A trigger lives only as long as the incidents it counts."""
    emptied = ~exists().where(CaseReviewIncident.trigger_pk == CaseReviewTrigger.id)
    result = session.execute(
        delete(CaseReviewTrigger).where(emptied).execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
