"""outcome/1.0: what a partner sends back about a referral it received."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field, model_validator

from contracts.base import Contract, IsoDate, IsoDateTime
from contracts.enums import OutcomeStatus, PartnerAction

PARTNER_RECORD_ID = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"


class Outcome(Contract):
    """One update from a partner: status, actions taken, lead-agency decision, closure."""

    contract_id: ClassVar[str] = "outcome"
    version: ClassVar[str] = "1.0"
    description: ClassVar[str] = (
        "A partner's update on a referral it received. Send one row per update; "
        "the latest row for a referral wins."
    )

    outcome_id: str = Field(pattern=PARTNER_RECORD_ID, description="Your unique id for this row.")
    referral_id: str = Field(pattern=r"^R-[0-9A-F]{16}$", description="As sent in the referral.")
    status: OutcomeStatus
    recorded_at: IsoDateTime = Field(description="When you recorded this update.")
    lead_agency_accepted: bool | None = Field(
        None, description="True when you accept the lead-agency role for the case."
    )
    actions: list[PartnerAction] = Field(default_factory=list)
    action_date: IsoDate | None = None
    closed_on: IsoDate | None = Field(None, description="Required when status is closed.")
    notes: str | None = Field(
        None, max_length=4000, description="Free text; personal data is redacted on receipt."
    )

    @model_validator(mode="after")
    def _closure_is_dated(self) -> Outcome:
        if self.status is OutcomeStatus.CLOSED and self.closed_on is None:
            raise ValueError("closed_on is required when status is closed")
        if self.status is not OutcomeStatus.CLOSED and self.closed_on is not None:
            raise ValueError("closed_on is only allowed when status is closed")
        return self
