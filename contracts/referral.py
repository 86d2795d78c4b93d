"""referral/1.0: one partner's view of one incident, after its ISA has been applied.

Every field but `referral_id` is optional in the contract because each partner receives only
the fields its ISA names. The ISA names *source* fields (those of `incident/1.0` and the
referral's own metadata) with a treatment; a treatment decides the name a value travels
under: `share` and `redact` keep the name, `pseudonymise` adds `_token`, `generalise` turns a
date of birth into `_age_band`, a postcode into `_postcode_sector` and a timestamp into a date.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from contracts.base import Contract, IsoDate, IsoDateTime
from contracts.enums import AgencyKind, AsbType, NsirCategory, RiskLevel, Tenure, ThriveFlag
from contracts.incident import INCIDENT_REF_PATTERN

Treatment = Literal["share", "drop", "pseudonymise", "generalise", "redact"]

AGE_BANDS = ("under 18", "18-24", "25-34", "35-44", "45-54", "55-64", "65 and over")
AgeBand = Literal["under 18", "18-24", "25-34", "35-44", "45-54", "55-64", "65 and over"]
TOKEN_PATTERN = r"^[a-z]{2}_[0-9a-f]{32}$"  # noqa: S105 (a format, not a secret)
SECTOR_PATTERN = r"^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9]$"


class Referral(Contract):
    """What the force sends one partner about one ASB incident."""

    contract_id: ClassVar[str] = "referral"
    version: ClassVar[str] = "1.0"
    description: ClassVar[str] = (
        "One referral of an ASB incident to one partner, cut down to the partner's ISA. "
        "Fields the ISA does not name are absent."
    )

    referral_id: str = Field(
        pattern=r"^R-[0-9A-F]{16}$", description="The hub's id; quote it back."
    )
    referred_at: IsoDateTime | None = Field(None, description="When the hub first sent it.")
    referred_date: IsoDate | None = None
    incident_ref: str | None = Field(None, pattern=INCIDENT_REF_PATTERN)
    incident_ref_token: str | None = Field(None, pattern=TOKEN_PATTERN)
    reported_at: IsoDateTime | None = None
    reported_date: IsoDate | None = None
    district: str | None = None
    location_street: str | None = None
    location_postcode: str | None = None
    location_postcode_sector: str | None = Field(None, pattern=SECTOR_PATTERN)
    nsir_category: NsirCategory | None = None
    asb_type: AsbType | None = None
    risk_level: RiskLevel | None = None
    high_risk: bool | None = Field(None, description="True when THRIVE risk is high: act first.")
    thrive_flags: list[ThriveFlag] | None = None
    repeat_victim: bool | None = None
    vulnerable_victim: bool | None = None
    lead_agency: AgencyKind | None = None
    last_review_at: IsoDateTime | None = None
    last_review_date: IsoDate | None = None
    victim_name: str | None = None
    victim_name_token: str | None = Field(None, pattern=TOKEN_PATTERN)
    victim_dob: IsoDate | None = None
    victim_age_band: AgeBand | None = None
    victim_address: str | None = None
    victim_postcode: str | None = None
    victim_postcode_sector: str | None = Field(None, pattern=SECTOR_PATTERN)
    victim_phone: str | None = None
    victim_email: str | None = None
    victim_tenure: Tenure | None = None
    victim_consent_to_share: bool | None = None
    subject_name: str | None = None
    subject_name_token: str | None = Field(None, pattern=TOKEN_PATTERN)
    subject_dob: IsoDate | None = None
    subject_age_band: AgeBand | None = None
    subject_address: str | None = None
    subject_postcode: str | None = None
    subject_postcode_sector: str | None = Field(None, pattern=SECTOR_PATTERN)
    subject_tenure: Tenure | None = None
    subject_pnc_id: str | None = None
    subject_pnc_id_token: str | None = Field(None, pattern=TOKEN_PATTERN)
    vehicle_registration: str | None = None
    vehicle_registration_token: str | None = Field(None, pattern=TOKEN_PATTERN)
    narrative: str | None = Field(None, description="Free text with personal data redacted.")


# Source fields an ISA may name, and the treatments each one admits besides share and drop.
SOURCE_FIELD_TREATMENTS: dict[str, frozenset[str]] = {
    "referral_id": frozenset(),
    "referred_at": frozenset({"generalise"}),
    "incident_ref": frozenset({"pseudonymise"}),
    "reported_at": frozenset({"generalise"}),
    "district": frozenset(),
    "location_street": frozenset(),
    "location_postcode": frozenset({"generalise"}),
    "nsir_category": frozenset(),
    "asb_type": frozenset(),
    "risk_level": frozenset(),
    "high_risk": frozenset(),
    "thrive_flags": frozenset(),
    "repeat_victim": frozenset(),
    "vulnerable_victim": frozenset(),
    "lead_agency": frozenset(),
    "last_review_at": frozenset({"generalise"}),
    "victim_name": frozenset({"pseudonymise"}),
    "victim_dob": frozenset({"generalise"}),
    "victim_address": frozenset(),
    "victim_postcode": frozenset({"generalise"}),
    "victim_phone": frozenset(),
    "victim_email": frozenset(),
    "victim_tenure": frozenset(),
    "victim_consent_to_share": frozenset(),
    "subject_name": frozenset({"pseudonymise"}),
    "subject_dob": frozenset({"generalise"}),
    "subject_address": frozenset(),
    "subject_postcode": frozenset({"generalise"}),
    "subject_tenure": frozenset(),
    "subject_pnc_id": frozenset({"pseudonymise"}),
    "vehicle_registration": frozenset({"pseudonymise"}),
    "narrative": frozenset({"redact"}),
}

# Free text always goes through the PII engine: it may be redacted or dropped, never shared raw.
FREE_TEXT_FIELDS = frozenset({"narrative"})


def allowed_treatments(source: str) -> frozenset[str]:
    """The treatments an ISA may give a source field."""
    base = {"drop"} if source in FREE_TEXT_FIELDS else {"share", "drop"}
    return frozenset(base) | SOURCE_FIELD_TREATMENTS[source]


# The victim's contact details go only where the victim consented (or the ISA names another
# lawful basis for the field).
VICTIM_CONTACT_FIELDS = frozenset(
    {"victim_name", "victim_address", "victim_postcode", "victim_phone", "victim_email"}
)


def output_field(source: str, treatment: str) -> str | None:
    """The name a source field travels under after a treatment (None when dropped)."""
    if treatment == "drop":
        return None
    if treatment == "pseudonymise":
        return f"{source}_token"
    if treatment == "generalise":
        if source.endswith("_dob"):
            return source.removesuffix("_dob") + "_age_band"
        if source.endswith("_postcode"):
            return source + "_sector"
        if source.endswith("_at"):
            return source.removesuffix("_at") + "_date"
    return source
