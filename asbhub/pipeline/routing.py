"""Routing: which partners receive a referral about an incident, and no one else.

Names are compared as `place_key` compares them (case, spacing and punctuation ignored) and
through the aliases a partner file lists. An ASB incident whose district no council covers is
*unroutable*: it is held with its reason until a configuration fix lets it be routed, never
dropped in silence.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from asbhub.partners import PartnerConfig
from contracts.enums import RiskLevel, Tenure
from contracts.incident import Incident


class RoutingStatus(StrEnum):
    ROUTED = "routed"
    UNROUTABLE = "unroutable"  # ASB, but no council covers its district: held, reported
    NOT_ASB = "not_asb"  # recorded to NSIR, referred to no one


@dataclass(frozen=True)
class Routing:
    """Where an incident goes, and why it goes nowhere when it does."""

    status: RoutingStatus
    partners: list[PartnerConfig] = field(default_factory=list)
    reason: str | None = None


def decide(incident: Incident, partners: Sequence[PartnerConfig]) -> Routing:
    """The council of the incident's district, and the housing provider of a victim or subject
    who is its tenant. An incident judged not ASB is recorded but referred to no one.

    A landlord that no partner covers is not a problem: many landlords are not partners of the
    hub. A district that no council covers is: every ASB incident has a council."""
    if not incident.is_asb:
        return Routing(RoutingStatus.NOT_ASB)
    landlords = [
        landlord
        for tenure, landlord in (
            (incident.victim_tenure, incident.victim_landlord),
            (incident.subject_tenure, incident.subject_landlord),
        )
        if tenure is Tenure.SOCIAL_HOUSING and landlord
    ]
    chosen = [
        partner
        for partner in partners
        if partner.covers_district(incident.district)
        or any(partner.covers_landlord(landlord) for landlord in landlords)
    ]
    if not any(partner.kind == "council" for partner in chosen):
        return Routing(
            RoutingStatus.UNROUTABLE,
            chosen,
            f"no partner covers district {incident.district!r}: add it (or an alias) to the "
            "council's partner file, then run `asbhub ingest reroute`",
        )
    return Routing(RoutingStatus.ROUTED, chosen)


def route(incident: Incident, partners: Sequence[PartnerConfig]) -> list[PartnerConfig]:
    """The partners that receive a referral about the incident."""
    return decide(incident, partners).partners


def new_referral_id() -> str:
    """A random id: it must not let a partner work back to the incident reference."""
    return "R-" + secrets.token_hex(8).upper()


def is_high_risk(incident: Incident) -> bool:
    """A high THRIVE risk marks the referral so that partners act on it first."""
    return incident.risk_level is RiskLevel.HIGH
