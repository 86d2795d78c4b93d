"""outcome-summary/1.1: what the hub tells the force each night about its partners' outcomes.

One row per referral of every incident a partner updated since the last summary, so that each
incident's partners stand side by side and a conflict between them shows on the rows involved.
References, codes and dates only: never a partner's notes, never a person's details.

1.1 adds `case_review_id` (optional, the last column): the Community Trigger flagging the row's
incident at the cut-off. A new optional field is a compatible change (`asbhub contracts diff`):
a loader that maps columns by name reads 1.1 as it read 1.0.
"""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar

from pydantic import Field, model_validator

from contracts.base import Contract, IsoDate, IsoDateTime
from contracts.case_review_flag import CASE_REVIEW_ID
from contracts.enums import OutcomeStatus, PartnerAction
from contracts.incident import INCIDENT_REF_PATTERN

PARTNER_ID = r"^[a-z][a-z0-9_]{1,40}$"


class ConflictReason(StrEnum):
    """Why partners of one incident disagree (adding a reason is compatible)."""

    # Two or more partners have accepted the lead-agency role and neither has closed.
    SEVERAL_LEADS = "several_leads"
    # A partner has closed the case while another still acts on it (accepted or in progress).
    CLOSED_WHILE_ANOTHER_ACTS = "closed_while_another_acts"


class OutcomeSummary(Contract):
    """One referral of an incident, where its partner stands as of the summary's cut-off."""

    contract_id: ClassVar[str] = "outcome-summary"
    version: ClassVar[str] = "1.1"
    description: ClassVar[str] = (
        "The hub's nightly summary for the force: one row per referral of each incident a "
        "partner updated since the last summary, with the lead agency, each partner's status, "
        "actions and closure, conflicts between partners flagged, and the Community Trigger "
        "flagging the incident. References, codes and dates only; never partners' notes."
    )

    night: IsoDate = Field(
        description="The summary's night: outcomes received up to 08:00 Europe/London that day."
    )
    incident_ref: str = Field(pattern=INCIDENT_REF_PATTERN, description="The force's reference.")
    referral_id: str = Field(pattern=r"^R-[0-9A-F]{16}$", description="The hub's referral id.")
    partner_id: str = Field(pattern=PARTNER_ID, description="The partner the referral went to.")
    updated: bool = Field(
        description="True when this partner sent an update since the last summary; false on a "
        "row shown beside another partner's update to the same incident."
    )
    status: OutcomeStatus | None = Field(
        None, description="The partner's latest status; empty when it has sent no outcome yet."
    )
    lead_agency_accepted: bool | None = Field(
        None, description="The partner's latest answer on the lead-agency role; empty: none."
    )
    lead_partners: list[str] = Field(
        default_factory=list,
        description="The incident's partners that have accepted the lead-agency role "
        "(the same on every row of the incident), separated by ';' in CSV.",
    )
    actions: list[PartnerAction] = Field(
        default_factory=list, description="Every action the partner reported, in order."
    )
    action_date: IsoDate | None = Field(None, description="The partner's latest action date.")
    closed_on: IsoDate | None = Field(None, description="When the partner closed the case.")
    last_recorded_at: IsoDateTime | None = Field(
        None, description="When the partner recorded its latest update."
    )
    conflict: bool = Field(
        False, description="True when this row is part of a conflict between partners."
    )
    conflict_reasons: list[ConflictReason] = Field(
        default_factory=list, description="Why, as codes separated by ';' in CSV."
    )
    case_review_id: str | None = Field(
        None,
        pattern=CASE_REVIEW_ID,
        description="The open ASB Case Review (Community Trigger) that counts this incident at "
        "the cut-off (the one raised first when two do); empty: none. Added in 1.1.",
    )

    @model_validator(mode="after")
    def _flag_and_reasons_agree(self) -> OutcomeSummary:
        if self.conflict != bool(self.conflict_reasons):
            raise ValueError("conflict is true exactly when conflict_reasons names a reason")
        if self.closed_on is not None and self.status is not OutcomeStatus.CLOSED:
            raise ValueError("closed_on is only allowed when status is closed")
        return self
