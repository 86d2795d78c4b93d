"""referral-change/1.0: a referral you hold has changed, or is withdrawn.

The hub compares each incident the force extracts again with what it last received. When a
field you receive changes, or the risk rises, the referral goes again in your next feed (same
`referral_id`, its current content, in the referrals file) and a row here says what changed.
When the incident leaves your area, your tenancy or the ASB definition, a withdrawal row here
says so and nothing else is sent. Rows with `escalated` true come first: act on them first.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from contracts.base import Contract, IsoDateTime

CHANGE_ID = r"^RC-[0-9A-F]{16}$"
ChangeKind = Literal["update", "withdrawal"]


class ReferralChange(Contract):
    """One update to, or withdrawal of, a referral the partner already holds."""

    contract_id: ClassVar[str] = "referral-change"
    version: ClassVar[str] = "1.0"
    description: ClassVar[str] = (
        "A referral you hold has changed (update: its new content is in the referrals file of "
        "the same batch) or is withdrawn (delete it, and any copy, as for a disposal notice)."
    )

    change_id: str = Field(pattern=CHANGE_ID, description="The hub's id for this change.")
    referral_id: str = Field(pattern=r"^R-[0-9A-F]{16}$", description="The referral it changes.")
    change: ChangeKind = Field(
        description="update: replace what you hold with the referral in this batch; "
        "withdrawal: the referral is no longer yours: delete it."
    )
    revision: int = Field(ge=2, description="The incident's revision: higher is newer.")
    changed_at: IsoDateTime = Field(description="When the hub received the change.")
    changed_fields: list[str] = Field(
        default_factory=list,
        description="The referral fields whose values changed (names only); empty on withdrawal.",
    )
    escalated: bool = Field(
        False, description="True when THRIVE risk rose to high or the victim is now vulnerable."
    )
    reason: str = Field(max_length=200, description="Why, in words.")
