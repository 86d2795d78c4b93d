"""The alert itself: a kind, the partner it concerns (or none, for the hub's own), references
and one short line; and who receives it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

from asbhub.partners import PartnerConfig

# A reference is an identifier, never prose: one token of letters, digits and . _ : / - (a
# referral id R-…, a batch id B-…, a notice id, an event number, a file name, a run id).
REFERENCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/+-]{0,199}$")
MAX_REFERENCES = 50  # a message lists this many and counts the rest
MAX_TEXT = 1000


class AlertKind(StrEnum):
    """What happened. A new source of alerts adds its kind here and says who acts on it in
    ACTION."""

    TASK_FAILED = "task_failed"  # a DAG task failed after its last retry
    DELIVERY_FAILED = "delivery_failed"  # a partner's feed could not be sent, after the retries
    INBOUND_FILE = "inbound_file"  # a partner's file over its ISA's quarantine rate, or refused
    HIGH_RISK_NOT_COLLECTED = "high_risk_not_collected"
    DISPOSAL_ACKS_OVERDUE = "disposal_acks_overdue"
    LEDGER_VERIFICATION_FAILED = "ledger_verification_failed"
    # An ASB Case Review (Community Trigger) threshold met: asbhub.casereview, when it opens
    # a trigger (not an hourly check: a trigger is told once, when it opens).
    COMMUNITY_TRIGGER_MET = "community_trigger_met"


# What the reader should do next, by kind: the last paragraph of each message.
ACTION: dict[AlertKind, str] = {
    AlertKind.TASK_FAILED: "Read the task's log in Airflow; fix the cause and clear the task "
    "to run it again.",
    AlertKind.DELIVERY_FAILED: "The feed stays staged and goes with the next run that reaches "
    "the partner's server: check the server and the Airflow connection, then clear the task.",
    AlertKind.INBOUND_FILE: "The partner has a rejection report in its inbox; correct the rows "
    "and send them again. `asbhub inbound status` shows each file's account.",
    AlertKind.HIGH_RISK_NOT_COLLECTED: "High-risk referrals wait in the partner's inbox: the "
    "partner should collect the batches named now.",
    AlertKind.DISPOSAL_ACKS_OVERDUE: "The partner should delete the records named in these "
    "notices and send its disposal acks. `asbhub disposal status` lists what is open.",
    AlertKind.LEDGER_VERIFICATION_FAILED: "Treat the ledger as tampered with until explained: "
    "run `asbhub ledger verify`, see the data engineer's runbook, and tell the information "
    "manager.",
    AlertKind.COMMUNITY_TRIGGER_MET: "The complaints named meet the ASB Case Review threshold: "
    "the lead agency convenes the review (`asbhub casereview list` and the audit view show "
    "the trigger and its incidents).",
}


class Alert(BaseModel):
    """One thing a person must look at. `text` is one line made of references and counts."""

    model_config = ConfigDict(frozen=True)

    kind: AlertKind
    partner_id: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9_]{1,40}$")
    references: tuple[str, ...] = ()
    text: str = Field(min_length=1, max_length=MAX_TEXT)

    @field_validator("references")
    @classmethod
    def _references_are_identifiers(cls, values: tuple[str, ...]) -> tuple[str, ...]:
        bad = [v for v in values if not REFERENCE.fullmatch(v)]
        if bad:
            raise ValueError(f"{len(bad)} reference(s) are not identifiers (one token each)")
        return values

    @property
    def subject(self) -> str:
        return f"[ASB hub] {self.kind.replace('_', ' ')}: {self.partner_id or 'hub'}"

    @property
    def action(self) -> str:
        return ACTION[self.kind]


def recipients(
    alert: Alert, partners: Sequence[PartnerConfig], operators: Sequence[str]
) -> list[str]:
    """The operators always; and the partner's alerts contact when the alert concerns a partner
    whose file names one. In order, each once."""
    contact = next(
        (p.contacts.alerts for p in partners if p.id == alert.partner_id and p.contacts.alerts),
        None,
    )
    return list(dict.fromkeys([*([contact] if contact else []), *operators]))
