"""Incident changes: a re-extracted incident is compared with what the hub last received, and
every partner that holds a referral for it hears of the change (DPA 2018 s.62 alteration).

The comparison is field by field over keyed digests, so it still works after the incident's
detail has been cleared: the hub keeps which value it saw, never the value. A change is applied
to the store and logged as one `alteration` event naming the fields (not their values); then,
partner by partner:

* a partner that received the referral and still covers the incident gets an *update* (the
  referral again, its current view, with a `referral-change` row naming the fields it can see)
  when a field of its view changed or the risk rose; a change it cannot see is not sent;
* a partner that no longer covers it (district, tenancy, or no longer ASB) gets a *withdrawal*
  and its referral is closed; one that never received it simply loses the pending referral;
* a partner that newly covers it is referred to, as for a new incident.

An escalation (THRIVE risk raised to high, or the victim now vulnerable) marks the change so
the partner acts on it first.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, delete, exists, or_, select
from sqlalchemy.orm import Session

from asbhub import ledger
from asbhub.ledger import LedgerKey
from asbhub.partners import PartnerConfig
from asbhub.pipeline.routing import RoutingStatus, decide, is_high_risk, new_referral_id
from asbhub.pipeline.set_aside import SET_ASIDE
from asbhub.store.models import CaseReviewFlag, Incident, Referral, ReferralChange, SetAside
from contracts.enums import RiskLevel
from contracts.incident import Incident as IncidentRecord
from contracts.referral import VICTIM_CONTACT_FIELDS, output_field

# The incident fields compared; the reference is what makes two rows the same incident.
COMPARED = tuple(name for name in IncidentRecord.field_names() if name != "incident_ref")
# Referral fields an incident field feeds besides its own name.
DERIVED = {"risk_level": ("high_risk",)}
NEVER_SENT = ("pending", SET_ASIDE)  # the partner has not received this referral
NOT_YET_DELIVERED = ("pending", "staged", SET_ASIDE)
WITHDRAWN = "withdrawn"


class ChangeKind(StrEnum):
    UPDATE = "update"
    WITHDRAWAL = "withdrawal"


@dataclass
class Applied:
    """What one changed incident did: the fields that changed, and to whom it goes."""

    incident_ref: str
    revision: int
    fields: list[str]
    escalated: bool
    updates: list[str] = field(default_factory=list)  # partner ids sent an update
    withdrawals: list[str] = field(default_factory=list)  # partner ids sent a withdrawal
    dropped: list[str] = field(default_factory=list)  # pending referrals withdrawn unsent
    referred: list[str] = field(default_factory=list)  # partner ids newly referred
    routing: str = RoutingStatus.ROUTED.value


def _field_key(key: LedgerKey) -> bytes:
    return key.lookup_key(b"asbhub/incident/fields")


def field_digests(record: IncidentRecord, key: LedgerKey) -> dict[str, str]:
    """A keyed digest of each compared field's value: equal values give equal digests, and no
    one without the hub's key can test a guess at a value against them."""
    secret = _field_key(key)
    values = record.model_dump(mode="json")
    return {
        name: hmac.new(
            secret, json.dumps(values.get(name), sort_keys=True).encode(), hashlib.sha256
        ).hexdigest()[:32]
        for name in COMPARED
    }


def changed_fields(
    incident: Incident, record: IncidentRecord, digests: Mapping[str, str]
) -> list[str]:
    """The fields whose value differs from what the hub last received, in contract order."""
    if incident.field_digests:
        return [name for name in COMPARED if incident.field_digests.get(name) != digests[name]]
    # Received before digests were kept: compare the detail if still held, else the columns
    # every incident row keeps.
    if incident.payload is not None:
        new = record.model_dump(mode="json")
        return [name for name in COMPARED if incident.payload.get(name) != new.get(name)]
    return [
        name for name, value in incident_columns(record).items() if getattr(incident, name) != value
    ]


def incident_columns(record: IncidentRecord) -> dict[str, Any]:
    """The columns every incident row keeps, from a record."""
    return dict(
        reported_at=record.reported_at,
        district=record.district,
        is_asb=record.is_asb,
        nsir_category=record.nsir_category.value if record.nsir_category else None,
        asb_type=record.asb_type.value if record.asb_type else None,
        risk_level=record.risk_level.value,
        vulnerable_victim=record.vulnerable_victim,
        repeat_victim=record.repeat_victim,
        last_review_at=record.last_review_at,
    )


def escalation(incident: Incident, record: IncidentRecord) -> str | None:
    """Why the change must be acted on first, or None."""
    reasons = []
    if incident.risk_level != RiskLevel.HIGH.value and record.risk_level is RiskLevel.HIGH:
        reasons.append("THRIVE risk raised to high")
    if not incident.vulnerable_victim and record.vulnerable_victim:
        reasons.append("victim now assessed as vulnerable")
    return "; ".join(reasons) or None


def visible_changes(
    partner: PartnerConfig, fields: Iterable[str], record: IncidentRecord
) -> list[str]:
    """The referral fields of the partner's view whose value changed: a change it cannot see
    (a field its ISA drops, or contact details withheld without the victim's consent) is not
    named, so the change row discloses nothing the referral would not."""
    sources = {name for changed in fields for name in (changed, *DERIVED.get(changed, ()))}
    consent = bool(record.victim_consent_to_share)
    names = []
    for source, treatment in partner.isa.fields.items():
        if source not in sources:
            continue
        withheld = source in VICTIM_CONTACT_FIELDS and source not in partner.isa.without_consent
        if withheld and not consent:
            continue
        name = output_field(source, treatment)
        if name is not None:
            names.append(name)
    return names


def new_change_id() -> str:
    return "RC-" + secrets.token_hex(8).upper()


def apply_change(
    session: Session,
    incident: Incident,
    record: IncidentRecord,
    fields: list[str],
    digests: dict[str, str],
    partners: list[PartnerConfig],
    now: datetime,
) -> Applied:
    """Apply one changed incident to the store and queue what each partner must hear."""
    why_first = escalation(incident, record)
    routing = decide(record, partners)
    covering = {partner.id: partner for partner in routing.partners}
    revision = incident.revision + 1
    applied = Applied(
        incident_ref=incident.incident_ref,
        revision=revision,
        fields=fields,
        escalated=why_first is not None,
        routing=routing.status.value,
    )
    referrals = session.scalars(select(Referral).where(Referral.incident_id == incident.id)).all()
    for referral in referrals:
        partner = covering.get(referral.partner_id)
        if partner is None:
            _withdraw(session, referral, routing.status, revision, now, applied)
            continue
        referral.high_risk = is_high_risk(record)
        if referral.status == WITHDRAWN:
            _refer_again(session, referral, revision, now, applied)
        elif referral.status not in NEVER_SENT:
            seen = visible_changes(partner, fields, record)
            if seen or why_first:
                reason = why_first or "incident details changed"
                _queue(
                    session,
                    referral,
                    ChangeKind.UPDATE,
                    revision,
                    now,
                    seen,
                    reason,
                    bool(why_first),
                )
                applied.updates.append(referral.partner_id)
    held = {referral.partner_id for referral in referrals}
    for partner_id in sorted(set(covering) - held):
        session.add(
            Referral(
                referral_id=new_referral_id(),
                incident_id=incident.id,
                partner_id=partner_id,
                created_at=now,
                high_risk=is_high_risk(record),
                status="pending",
            )
        )
        applied.referred.append(partner_id)
    for name, value in incident_columns(record).items():
        setattr(incident, name, value)
    incident.routing_status = routing.status.value
    incident.routing_reason = routing.reason
    incident.field_digests = digests
    incident.revision, incident.revised_at = revision, now
    _keep_detail_while_needed(session, incident, record, routing.status, now)
    return applied


def _queue(
    session: Session,
    referral: Referral,
    kind: ChangeKind,
    revision: int,
    now: datetime,
    fields: list[str],
    reason: str,
    escalated: bool = False,
) -> None:
    """One unsent change per referral: a later change before the feed goes is merged into it
    (an update's fields add up and an escalation stays marked; a withdrawal replaces an
    update)."""
    unsent = session.scalars(
        select(ReferralChange).where(
            ReferralChange.referral_pk == referral.id, ReferralChange.batch_id.is_(None)
        )
    ).all()
    carried: list[str] = []
    for change in unsent:
        if kind is ChangeKind.UPDATE and change.kind == ChangeKind.UPDATE:
            carried = [name for name in change.changed_fields if name not in fields]
            if change.escalated and not escalated:
                escalated, reason = True, change.reason
        session.delete(change)
    session.add(
        ReferralChange(
            change_id=new_change_id(),
            referral_pk=referral.id,
            partner_id=referral.partner_id,
            kind=kind.value,
            revision=revision,
            changed_fields=[*carried, *fields] if kind is ChangeKind.UPDATE else [],
            escalated=escalated and kind is ChangeKind.UPDATE,
            reason=reason[:200],
            created_at=now,
        )
    )


def _withdraw(
    session: Session,
    referral: Referral,
    status: RoutingStatus,
    revision: int,
    now: datetime,
    applied: Applied,
) -> None:
    """The partner no longer covers the incident. A referral it never received is withdrawn
    unsent (a set-aside is released with the reason); one it holds gets a withdrawal."""
    if referral.status == WITHDRAWN:
        return
    never_sent = referral.status in NEVER_SENT
    if referral.status == SET_ASIDE:
        for held in session.scalars(
            select(SetAside).where(
                SetAside.referral_pk == referral.id, SetAside.released_at.is_(None)
            )
        ):
            held.released_by, held.released_at = "hub", now
            held.release_reason = "withdrawn: the incident no longer goes to this partner"
    referral.status = WITHDRAWN
    # Closing starts the retention clock of the referral class; a partner's own closure stands.
    referral.closed_at = referral.closed_at or now.date()
    if never_sent:
        referral.batch_id = None
        applied.dropped.append(referral.partner_id)
        return
    reason = (
        "the incident is no longer recorded as ASB"
        if status is RoutingStatus.NOT_ASB
        else "the incident is no longer in your area or tenancy"
    )
    _queue(session, referral, ChangeKind.WITHDRAWAL, revision, now, [], reason)
    applied.withdrawals.append(referral.partner_id)


def _refer_again(
    session: Session, referral: Referral, revision: int, now: datetime, applied: Applied
) -> None:
    """A withdrawn referral whose incident is back in the partner's coverage. If the withdrawal
    has not gone yet it is simply taken back; else the referral goes again as an update."""
    unsent = session.scalars(
        select(ReferralChange).where(
            ReferralChange.referral_pk == referral.id, ReferralChange.batch_id.is_(None)
        )
    ).all()
    for change in unsent:
        session.delete(change)
    closed_by_partner = referral.outcome_status == "closed"
    if referral.batch_id is None:  # withdrawn before any batch carried it
        referral.status, referral.closed_at = "pending", None
        applied.referred.append(referral.partner_id)
        return
    referral.status = "closed" if closed_by_partner else "delivered"
    if not closed_by_partner:
        referral.closed_at = None
    if not unsent:  # the withdrawal went: the partner must hear that the referral is back
        back = "the incident is back in your area or tenancy: referred again"
        _queue(session, referral, ChangeKind.UPDATE, revision, now, [], back)
        # The partner deleted the referral with its Community Trigger flags: tell them again.
        session.execute(delete(CaseReviewFlag).where(CaseReviewFlag.referral_pk == referral.id))
    applied.updates.append(referral.partner_id)


def _keep_detail_while_needed(
    session: Session,
    incident: Incident,
    record: IncidentRecord,
    status: RoutingStatus,
    now: datetime,
) -> None:
    """The detail is held while a referral or update still has to be built from it, or while
    the incident is unroutable; otherwise it is cleared at once (never for a not-ASB one)."""
    session.flush()
    needed = status is RoutingStatus.UNROUTABLE or (
        status is not RoutingStatus.NOT_ASB and _still_to_send(session, incident.id)
    )
    if needed:
        incident.payload, incident.payload_cleared_at = record.model_dump(mode="json"), None
    else:
        incident.payload = None
        incident.payload_cleared_at = incident.payload_cleared_at or now


def unsent_change(kind: ChangeKind, escalated: bool = False) -> ColumnElement[bool]:
    """The referral (in the enclosing query) has a change of this kind no batch has carried
    (with `escalated`, only an escalation)."""
    query = exists().where(
        ReferralChange.referral_pk == Referral.id,
        ReferralChange.batch_id.is_(None),
        ReferralChange.kind == kind.value,
    )
    return query.where(ReferralChange.escalated.is_(True)) if escalated else query


def content_to_send() -> ColumnElement[bool]:
    """The referral's content has yet to go: not delivered yet (a set-aside one goes after its
    release), or an update no batch has carried. Its incident's detail is still needed."""
    return or_(Referral.status.in_(NOT_YET_DELIVERED), unsent_change(ChangeKind.UPDATE))


def _still_to_send(session: Session, incident_pk: int) -> bool:
    """Some referral of the incident still has content to go."""
    query = exists().where(Referral.incident_id == incident_pk, content_to_send())
    return bool(session.scalar(select(query)))


def alteration_event(
    applied: Applied, actor: str, justification: str, source: str, line: int, at: datetime
) -> ledger.Event:
    """The s.62 alteration: which incident, which fields (never their values), and to whom the
    change goes. Referral ids are not named: the incident reference links them."""
    return ledger.Event(
        kind=ledger.EventKind.ALTERATION,
        actor=actor,
        justification=justification,
        references=[applied.incident_ref],
        at=at,
        details={
            "source": source,
            "line": line,
            "revision": applied.revision,
            "fields": applied.fields,
            "escalated": applied.escalated,
            "routing": applied.routing,
            "updates_to": applied.updates,
            "withdrawals_to": applied.withdrawals,
            "withdrawn_unsent": applied.dropped,
            "referred_to": applied.referred,
        },
    )
