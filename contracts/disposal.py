"""disposal-notice/1.0 and disposal-ack/1.0: delete your copy, and the confirmation."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from contracts.base import Contract, IsoDate, IsoDateTime

NOTICE_ID = r"^DN-[0-9A-F]{16}$"


class DisposalNotice(Contract):
    """The instruction to a partner to delete its copy of a referral."""

    contract_id: ClassVar[str] = "disposal-notice"
    version: ClassVar[str] = "1.0"
    description: ClassVar[str] = (
        "The retention period of a referral you received has ended: delete every copy and "
        "send a disposal-ack by the date given."
    )

    notice_id: str = Field(pattern=NOTICE_ID)
    referral_id: str = Field(pattern=r"^R-[0-9A-F]{16}$")
    disposal_run_id: str = Field(pattern=r"^DR-[0-9]{8}-[0-9A-F]{6}$")
    issued_at: IsoDateTime
    acknowledge_by: IsoDate
    reason: str = Field(max_length=200, description="The retention rule that applied.")


class DisposalAck(Contract):
    """A partner's confirmation that it deleted its copy of a referral."""

    contract_id: ClassVar[str] = "disposal-ack"
    version: ClassVar[str] = "1.0"
    description: ClassVar[str] = "Your confirmation that a referral named in a notice is deleted."

    notice_id: str = Field(pattern=NOTICE_ID)
    referral_id: str = Field(pattern=r"^R-[0-9A-F]{16}$")
    disposed_at: IsoDateTime
    confirmed_by_role: str | None = Field(
        None, max_length=80, description="A role, not a name, e.g. 'ASB records officer'."
    )
