"""Referrals set aside from a partner's batch: recorded with their reason, listed, released.

A set-aside referral stays with the hub (its incident's detail kept) until a person releases
it after a fix; it is then pending again, so the next batch stages it and checks it afresh.
Each release records who released it, when and why.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime

from pydantic import BaseModel
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from asbhub.errors import DataError
from asbhub.pipeline.feed_checks import RecordCheck, SetAsideRecord
from asbhub.runtime import Hub
from asbhub.store.models import Incident, Referral, SetAside

log = logging.getLogger(__name__)
SET_ASIDE = "set_aside"  # the referral status while it is held back


class HeldReferral(BaseModel):
    referral_id: str
    partner_id: str
    incident_ref: str
    batch_id: str
    check: RecordCheck
    reason: str
    set_aside_at: datetime
    high_risk: bool


class Release(BaseModel):
    referral_id: str
    partner_id: str
    released_by: str
    released_at: datetime
    reason: str
    status: str  # what the referral is now: pending, or delivered/closed with an update waiting


def record_set_asides(
    session: Session,
    partner_id: str,
    batch_id: str,
    items: Sequence[tuple[int, SetAsideRecord]],
    now: datetime,
) -> None:
    """Mark each referral (by primary key) set aside, with a row holding the reason."""
    for referral_pk, item in items:
        session.add(
            SetAside(
                referral_pk=referral_pk,
                partner_id=partner_id,
                batch_id=batch_id,
                check=item.check,
                reason=item.reason,
                set_aside_at=now,
            )
        )
    pks = [pk for pk, _ in items]
    if pks:
        session.execute(
            update(Referral).where(Referral.id.in_(pks)).values(status=SET_ASIDE, batch_id=None)
        )


def list_held(hub: Hub, partner_id: str | None = None) -> list[HeldReferral]:
    """Every referral set aside and not yet released, oldest first."""
    with hub.store.session() as session:
        return held_in(session, partner_id)


def held_in(session: Session, partner_id: str | None = None) -> list[HeldReferral]:
    """The same in any session (the audit view has its own, and must not build a Hub)."""
    query = (
        select(SetAside, Referral, Incident.incident_ref)
        .join(Referral, Referral.id == SetAside.referral_pk)
        .join(Incident, Incident.id == Referral.incident_id)
        .where(SetAside.released_at.is_(None), Referral.status == SET_ASIDE)
        .order_by(SetAside.set_aside_at, SetAside.id)
    )
    if partner_id is not None:
        query = query.where(SetAside.partner_id == partner_id)
    return [
        HeldReferral(
            referral_id=referral.referral_id,
            partner_id=held.partner_id,
            incident_ref=incident_ref,
            batch_id=held.batch_id,
            check=RecordCheck(held.check),
            reason=held.reason,
            set_aside_at=held.set_aside_at,
            high_risk=referral.high_risk,
        )
        for held, referral, incident_ref in session.execute(query).all()
    ]


def release(hub: Hub, referral_id: str, by: str, reason: str) -> Release:
    """Put a set-aside referral back in line for the partner's next batch."""
    if not by.strip() or not reason.strip():
        raise DataError("a release needs the name of who releases it (--by) and why (--reason)")
    now = datetime.now(UTC)
    with hub.store.session() as session:
        referral = session.scalar(select(Referral).where(Referral.referral_id == referral_id))
        if referral is None:
            raise DataError(
                f"no referral {referral_id!r}: give the id `asbhub outbound held` lists"
            )
        if referral.status != SET_ASIDE:
            raise DataError(
                f"referral {referral_id} is {referral.status}, not set aside: nothing to release"
            )
        held = session.scalars(
            select(SetAside).where(
                SetAside.referral_pk == referral.id, SetAside.released_at.is_(None)
            )
        ).all()
        for item in held:
            item.released_by, item.released_at, item.release_reason = by, now, reason
        referral.status = _status_on_release(referral)
        partner_id, status = referral.partner_id, referral.status
    log.info("referral %s released for %s by %s: %s", referral_id, partner_id, by, reason)
    return Release(
        referral_id=referral_id,
        partner_id=partner_id,
        released_by=by,
        released_at=now,
        reason=reason,
        status=status,
    )


def _status_on_release(referral: Referral) -> str:
    """Pending again, so the next batch stages it; but a referral the partner already holds
    was set aside as an update: it goes back to what it was (delivered, or closed by the
    partner), and its unsent update takes it into the next batch."""
    if referral.delivered_at is None:
        return "pending"
    return "closed" if referral.outcome_status == "closed" else "delivered"
