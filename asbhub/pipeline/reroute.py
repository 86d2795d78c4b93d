"""Unroutable incidents: list those held, and route them again once a partner file covers them.

An ASB incident whose district no council covers is held (`routing_status = unroutable`) with
its detail and the reason. After a fix to the partner files (a district or an alias added),
`reroute` refers it to the partners that now cover it; the referrals go out in the next feed.
"""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import BaseModel
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from asbhub.pipeline.routing import RoutingStatus, decide, is_high_risk, new_referral_id
from asbhub.runtime import Hub
from asbhub.store.models import Incident, Referral
from contracts.incident import Incident as IncidentRecord


class UnroutableIncident(BaseModel):
    """One incident held because no council covers it, as an operator needs to see it."""

    incident_ref: str
    district: str
    risk_level: str  # THRIVE: a high-risk one is the first to fix
    reason: str
    ingested_at: datetime
    source_file: str
    detail_held: bool


class RerouteResult(BaseModel):
    routed: list[str] = []  # incident refs a partner now covers
    referrals: int = 0  # referrals created for them (they go out in the next feed)
    still_unroutable: list[UnroutableIncident] = []


def list_unroutable(hub: Hub) -> list[UnroutableIncident]:
    with hub.store.session() as session:
        return unroutable_in(session)


def unroutable_in(session: Session) -> list[UnroutableIncident]:
    """Every incident held unroutable, oldest first (in any session: the audit view has its
    own, and must not build a Hub)."""
    rows = session.scalars(
        select(Incident)
        .where(Incident.routing_status == RoutingStatus.UNROUTABLE)
        .order_by(Incident.ingested_at, Incident.id)
    ).all()
    return [
        UnroutableIncident(
            incident_ref=row.incident_ref,
            district=row.district,
            risk_level=row.risk_level,
            reason=row.routing_reason or "no partner covers it",
            ingested_at=row.ingested_at,
            source_file=row.source_file,
            detail_held=row.payload is not None,
        )
        for row in rows
    ]


def reroute(hub: Hub) -> RerouteResult:
    """Route every held incident with today's partner files; create the referrals it lacks."""
    now = datetime.now(UTC)
    routed: list[str] = []
    created = 0
    with hub.store.session() as session:
        held = session.scalars(
            select(Incident).where(
                Incident.routing_status == RoutingStatus.UNROUTABLE, Incident.payload.is_not(None)
            )
        ).all()
        for incident in held:
            assert incident.payload is not None
            record = IncidentRecord.model_validate(incident.payload)
            routing = decide(record, hub.partners)
            already = set(
                session.scalars(
                    select(Referral.partner_id).where(Referral.incident_id == incident.id)
                )
            )
            new = [
                {
                    "referral_id": new_referral_id(),
                    "incident_id": incident.id,
                    "partner_id": partner.id,
                    "created_at": now,
                    "high_risk": is_high_risk(record),
                    "status": "pending",
                }
                for partner in routing.partners
                if partner.id not in already
            ]
            if new:
                session.execute(insert(Referral), new)
                created += len(new)
            if routing.status is RoutingStatus.ROUTED:
                incident.routing_status, incident.routing_reason = routing.status, None
                routed.append(incident.incident_ref)
            else:
                incident.routing_reason = routing.reason
    return RerouteResult(routed=routed, referrals=created, still_unroutable=list_unroutable(hub))
