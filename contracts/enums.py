"""Closed enumerations of the contracts: adding a value is compatible, removing one breaks."""

from __future__ import annotations

from enum import StrEnum


class NsirCategory(StrEnum):
    """National Standard for Incident Recording: the three ASB categories."""

    PERSONAL = "personal"
    NUISANCE = "nuisance"
    ENVIRONMENTAL = "environmental"


class AsbType(StrEnum):
    """The kind of behaviour reported, as the force records it."""

    ROWDY_INCONSIDERATE = "rowdy_inconsiderate_behaviour"
    NEIGHBOUR_NUISANCE = "neighbour_nuisance"
    NOISE = "noise"
    VEHICLE_NUISANCE = "vehicle_nuisance"
    ABANDONED_VEHICLE = "abandoned_vehicle"
    STREET_DRINKING = "street_drinking"
    DRUG_RELATED = "drug_related"
    LITTER_FLY_TIPPING = "litter_fly_tipping"
    GRAFFITI_DAMAGE = "graffiti_damage"
    BEGGING = "begging"
    ANIMAL_PROBLEMS = "animal_problems"
    FIREWORKS = "fireworks"
    HOAX_CALLS = "hoax_calls"
    TRESPASS = "trespass"
    INTIMIDATION_HARASSMENT = "intimidation_harassment"
    MALICIOUS_COMMUNICATIONS = "malicious_communications"
    PROSTITUTION_RELATED = "prostitution_related"
    OTHER = "other"


class RiskLevel(StrEnum):
    """THRIVE risk level at the latest assessment."""

    HIGH = "high"
    MEDIUM = "medium"
    STANDARD = "standard"


class ThriveFlag(StrEnum):
    """The THRIVE elements the assessor flagged as raising concern."""

    THREAT = "threat"
    HARM = "harm"
    RISK = "risk"
    INVESTIGATION = "investigation"
    VULNERABILITY = "vulnerability"
    ENGAGEMENT = "engagement"


class AgencyKind(StrEnum):
    """Who can lead a case."""

    POLICE = "police"
    COUNCIL = "council"
    HOUSING_PROVIDER = "housing_provider"


class Tenure(StrEnum):
    """A person's housing tenure, as far as the force knows it."""

    OWNER_OCCUPIER = "owner_occupier"
    PRIVATE_RENTED = "private_rented"
    SOCIAL_HOUSING = "social_housing"
    OTHER = "other"
    UNKNOWN = "unknown"


class PartnerAction(StrEnum):
    """What a partner did about a referral (the tools of the ASB, Crime and Policing Act 2014)."""

    NO_FURTHER_ACTION = "no_further_action"
    ADVICE = "advice"
    WARNING_LETTER = "warning_letter"
    ACCEPTABLE_BEHAVIOUR_CONTRACT = "acceptable_behaviour_contract"
    COMMUNITY_PROTECTION_WARNING = "community_protection_warning"
    COMMUNITY_PROTECTION_NOTICE = "community_protection_notice"
    CIVIL_INJUNCTION = "civil_injunction"
    CRIMINAL_BEHAVIOUR_ORDER_APPLICATION = "criminal_behaviour_order_application"
    CLOSURE_ORDER = "closure_order"
    TENANCY_ENFORCEMENT = "tenancy_enforcement"
    MEDIATION = "mediation"
    SUPPORT_REFERRAL = "support_referral"
    OTHER = "other"


class OutcomeStatus(StrEnum):
    """Where a partner's handling of a referral stands."""

    RECEIVED = "received"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    IN_PROGRESS = "in_progress"
    CLOSED = "closed"


# A closed case stays closed: reopening needs a new referral from the force.
LEGAL_STATUS_CHANGES: dict[OutcomeStatus | None, frozenset[OutcomeStatus]] = {
    None: frozenset(OutcomeStatus),
    OutcomeStatus.RECEIVED: frozenset(OutcomeStatus),
    OutcomeStatus.ACCEPTED: frozenset(
        {OutcomeStatus.ACCEPTED, OutcomeStatus.IN_PROGRESS, OutcomeStatus.CLOSED}
    ),
    OutcomeStatus.IN_PROGRESS: frozenset({OutcomeStatus.IN_PROGRESS, OutcomeStatus.CLOSED}),
    OutcomeStatus.DECLINED: frozenset({OutcomeStatus.DECLINED, OutcomeStatus.CLOSED}),
    OutcomeStatus.CLOSED: frozenset(),
}
