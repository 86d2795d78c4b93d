"""Routing: which partners receive a referral about an incident, and no one else."""

from __future__ import annotations

from collections.abc import Sequence

from asbhub.partners import PartnerConfig
from contracts.enums import RiskLevel, Tenure
from contracts.incident import Incident


def route(incident: Incident, partners: Sequence[PartnerConfig]) -> list[PartnerConfig]:
    """The council of the incident's district, and the housing provider of a victim or subject
    who is its tenant. An incident judged not ASB is recorded but referred to no one."""
    if not incident.is_asb:
        return []
    landlords = {
        landlord
        for tenure, landlord in (
            (incident.victim_tenure, incident.victim_landlord),
            (incident.subject_tenure, incident.subject_landlord),
        )
        if tenure is Tenure.SOCIAL_HOUSING and landlord
    }
    return [partner for partner in partners if _covers(partner, incident.district, landlords)]


def _covers(partner: PartnerConfig, district: str, landlords: set[str]) -> bool:
    if partner.kind == "council":
        return district in partner.coverage.districts
    return partner.coverage.landlord in landlords


def is_high_risk(incident: Incident) -> bool:
    """A high THRIVE risk marks the referral so that partners act on it first."""
    return incident.risk_level is RiskLevel.HIGH
