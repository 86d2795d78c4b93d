"""incident/1.0: one ASB report as the force's records system extracts it, in full detail."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field, model_validator

from contracts.base import Contract, IsoDate, IsoDateTime
from contracts.enums import AgencyKind, AsbType, NsirCategory, RiskLevel, Tenure, ThriveFlag

INCIDENT_REF_PATTERN = r"^[0-9]{2}/[0-9]{6}/[0-9]{2}$"
POSTCODE_PATTERN = r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$"
PARTNER_ID_PATTERN = r"^[a-z][a-z0-9_]{1,40}$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


class Incident(Contract):
    """The force's record of one ASB report, including those judged not to be ASB."""

    contract_id: ClassVar[str] = "incident"
    version: ClassVar[str] = "1.0"
    description: ClassVar[str] = (
        "One anti-social behaviour report from the force's records system, full detail. "
        "Internal: never sent to a partner as it is."
    )

    incident_ref: str = Field(pattern=INCIDENT_REF_PATTERN, description="Force incident reference.")
    reported_at: IsoDateTime = Field(description="When the report was received.")
    district: str = Field(min_length=2, max_length=60, description="Local authority district.")
    location_street: str | None = Field(None, max_length=200, description="Where it happened.")
    location_postcode: str | None = Field(None, pattern=POSTCODE_PATTERN)
    is_asb: bool = Field(description="False when the incident was judged not to be ASB (NSIR).")
    not_asb_reason: str | None = Field(None, max_length=200)
    nsir_category: NsirCategory | None = None
    asb_type: AsbType | None = None
    risk_level: RiskLevel = Field(description="THRIVE risk level at the latest assessment.")
    thrive_flags: list[ThriveFlag] = Field(default_factory=list)
    repeat_victim: bool = False
    vulnerable_victim: bool = False
    lead_agency: AgencyKind = AgencyKind.POLICE
    last_review_at: IsoDateTime | None = Field(None, description="Latest THRIVE review.")
    victim_name: str | None = Field(None, max_length=120)
    victim_dob: IsoDate | None = None
    victim_address: str | None = Field(None, max_length=200)
    victim_postcode: str | None = Field(None, pattern=POSTCODE_PATTERN)
    victim_phone: str | None = Field(None, max_length=30)
    victim_email: str | None = Field(None, max_length=254, pattern=EMAIL_PATTERN)
    victim_tenure: Tenure = Tenure.UNKNOWN
    victim_landlord: str | None = Field(
        None, pattern=PARTNER_ID_PATTERN, description="Housing provider id when social housing."
    )
    victim_consent_to_share: bool = Field(
        False, description="The victim agreed that their contact details go to partners."
    )
    subject_name: str | None = Field(None, max_length=120)
    subject_dob: IsoDate | None = None
    subject_address: str | None = Field(None, max_length=200)
    subject_postcode: str | None = Field(None, pattern=POSTCODE_PATTERN)
    subject_tenure: Tenure = Tenure.UNKNOWN
    subject_landlord: str | None = Field(None, pattern=PARTNER_ID_PATTERN)
    subject_pnc_id: str | None = Field(None, pattern=r"^[0-9]{2}/[0-9]{1,7}[A-Z]$")
    vehicle_registration: str | None = Field(None, max_length=10)
    narrative: str = Field(
        max_length=10_000, description="The call handler's and officer's account."
    )

    @model_validator(mode="after")
    def _asb_needs_category(self) -> Incident:
        if self.is_asb and (self.nsir_category is None or self.asb_type is None):
            raise ValueError("an ASB incident needs nsir_category and asb_type")
        if not self.is_asb and not self.not_asb_reason:
            raise ValueError("an incident judged not ASB needs not_asb_reason")
        for role in ("victim", "subject"):
            tenure, landlord = getattr(self, f"{role}_tenure"), getattr(self, f"{role}_landlord")
            if landlord and tenure is not Tenure.SOCIAL_HOUSING:
                raise ValueError(f"{role}_landlord is set but {role}_tenure is not social_housing")
        return self
