"""Every contract the hub knows, by reference (`outcome/1.0`)."""

from __future__ import annotations

from contracts.base import Contract
from contracts.case_review_flag import CaseReviewFlag
from contracts.change import ReferralChange
from contracts.disposal import DisposalAck, DisposalNotice
from contracts.documents import Manifest, RejectionReport
from contracts.incident import Incident
from contracts.outcome import Outcome
from contracts.outcome_summary import OutcomeSummary
from contracts.referral import Referral

ALL_CONTRACTS: tuple[type[Contract], ...] = (
    Incident,
    Referral,
    ReferralChange,
    CaseReviewFlag,
    Outcome,
    DisposalNotice,
    DisposalAck,
    Manifest,
    RejectionReport,
    OutcomeSummary,
)
CONTRACTS: dict[str, type[Contract]] = {model.ref(): model for model in ALL_CONTRACTS}


class UnknownContract(KeyError):
    def __str__(self) -> str:
        return f"unknown contract {self.args[0]!r}; known: {', '.join(sorted(CONTRACTS))}"


def get_contract(ref: str) -> type[Contract]:
    try:
        return CONTRACTS[ref]
    except KeyError:
        raise UnknownContract(ref) from None
