"""case-review-flag/1.0: a referral you hold is part of an ASB Case Review (Community Trigger).

When the force's complaints by one victim, or about one location, meet the Case Review threshold,
the hub raises a trigger and tells every partner holding a referral about one of the incidents it
counts: one row per referral and trigger, once when the trigger reaches the referral's incident
and once more when the trigger is closed. References and codes only: the same `case_review_id`
on two referrals means the same victim or place, never who or where.
"""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar

from pydantic import Field, model_validator

from contracts.base import Contract, IsoDateTime

CASE_REVIEW_ID = r"^CT-[0-9A-F]{12}$"


class CaseReviewStatus(StrEnum):
    OPEN = "open"  # the case review is to be convened; act on the referral as part of it
    CLOSED = "closed"  # the case review is done


class CaseReviewCounts(StrEnum):
    """What the trigger counts complaints of (never who or where)."""

    VICTIM = "victim"
    LOCATION = "location"


class CaseReviewFlag(Contract):
    """One referral you hold and the Community Trigger that flags it."""

    contract_id: ClassVar[str] = "case-review-flag"
    version: ClassVar[str] = "1.0"
    description: ClassVar[str] = (
        "A referral you hold is part of an ASB Case Review (Community Trigger): one row per "
        "referral and trigger when the trigger reaches the referral's incident, and one more "
        "when the trigger is closed. References and codes only."
    )

    referral_id: str = Field(
        pattern=r"^R-[0-9A-F]{16}$", description="The referral you hold (or receive in this batch)."
    )
    case_review_id: str = Field(
        pattern=CASE_REVIEW_ID,
        description="The trigger's id: the same on every referral it flags, at every partner.",
    )
    status: CaseReviewStatus = Field(
        description="open: treat the referral as part of the case review; closed: the case "
        "review is done."
    )
    counts: CaseReviewCounts = Field(
        description="What the trigger counts: complaints by one victim, or about one location."
    )
    opened_at: IsoDateTime = Field(description="When the hub raised the trigger.")
    closed_at: IsoDateTime | None = Field(
        None, description="When the trigger was closed; empty while it is open."
    )

    @model_validator(mode="after")
    def _closed_when_closed(self) -> CaseReviewFlag:
        if (self.closed_at is not None) != (self.status is CaseReviewStatus.CLOSED):
            raise ValueError("closed_at is given exactly when status is closed")
        return self
