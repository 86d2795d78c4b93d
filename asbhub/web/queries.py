"""What the audit pages show, read from the store and the ledger as typed rows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from asbhub.ledger import EventKind, LedgerKey, search
from asbhub.ledger.search import Disposal, SearchHit
from asbhub.pipeline.changes import ChangeKind
from asbhub.pipeline.reroute import UnroutableIncident, unroutable_in
from asbhub.pipeline.set_aside import HeldReferral as SetAsideReferral
from asbhub.pipeline.set_aside import held_in
from asbhub.retention.notices import notice_status
from asbhub.retention.runs import approvals, awaited_stage
from asbhub.retention.schedule import DEFAULT_STAGES, ReviewStage
from asbhub.store.models import (
    DisposalItem,
    DisposalNotice,
    DisposalRun,
    Incident,
    LegalHold,
    Referral,
    ReferralChange,
)
from contracts.enums import RiskLevel

STATUS_LABELS = {
    "planned": "Planned, awaiting approval",
    "approved": "Approved, not yet executed",
    "executing": "Executing",
    "executed": "Executed, not yet verified",
    "verified": "Verified",
    "verification_failed": "Failed verification",
    "cancelled": "Cancelled",
}


class RunRow(BaseModel):
    run_id: str
    status: str
    status_label: str
    as_of: date
    schedule_version: str
    planned_at: datetime
    planned_by: str
    approved_by: str | None
    approved_at: datetime | None
    executed_at: datetime | None
    verified_at: datetime | None
    by_class: dict[str, dict[str, int]]  # class -> planned / disposed / held / review / failed
    decisions: list[str] = []  # "Information manager: approved by A. Name"
    awaits_stage: str | None = None  # the stage id a planned run waits for
    awaits_title: str | None = None

    @property
    def awaiting_approval(self) -> bool:
        return self.status == "planned" and self.awaits_stage is not None


def disposal_runs(
    session: Session,
    run_id: str | None = None,
    stages: Sequence[ReviewStage] = DEFAULT_STAGES,
) -> list[RunRow]:
    """Runs newest first, each with its counts per record class, its review stages' decisions
    and the stage it awaits."""
    query = select(DisposalRun).order_by(DisposalRun.planned_at.desc())
    if run_id is not None:
        query = query.where(DisposalRun.run_id == run_id)
    runs = session.scalars(query).all()
    tallies: dict[tuple[int, str], dict[str, int]] = {}
    if runs:
        for run_pk, cls, item_status, n in session.execute(
            select(
                DisposalItem.run_pk, DisposalItem.record_class, DisposalItem.status, func.count()
            )
            .where(DisposalItem.run_pk.in_([r.id for r in runs]))
            .group_by(DisposalItem.run_pk, DisposalItem.record_class, DisposalItem.status)
        ):
            tallies.setdefault((run_pk, cls), {})[item_status] = n
    rows = []
    for run in runs:
        awaited = awaited_stage(session, run, stages)
        by_class: dict[str, dict[str, int]] = {}
        for cls, rules in (run.counts or {}).items():
            t = tallies.get((run.id, cls), {})
            by_class[cls] = {
                "planned": sum(int(info.get("planned", 0)) for info in rules.values()),
                "held": sum(int(info.get("held", 0)) for info in rules.values()) + t.get("held", 0),
                "disposed": t.get("disposed", 0),
                "review": t.get("review", 0),
                "failed": t.get("failed", 0),
            }
        rows.append(
            RunRow(
                run_id=run.run_id,
                status=run.status,
                status_label=STATUS_LABELS.get(run.status, run.status),
                as_of=run.as_of,
                schedule_version=run.schedule_version,
                planned_at=run.planned_at,
                planned_by=run.planned_by,
                approved_by=run.approved_by,
                approved_at=run.approved_at,
                executed_at=run.executed_at,
                verified_at=run.verified_at,
                by_class=by_class,
                decisions=[
                    f"{a.title}: {a.decision} by {a.decided_by}"
                    + (f" ({a.reason})" if a.reason else "")
                    for a in approvals(session, run)
                ],
                awaits_stage=awaited.id if awaited else None,
                awaits_title=awaited.title if awaited else None,
            )
        )
    return rows


class Disclosure(BaseModel):
    seq: int
    at: datetime
    recipient: str | None
    isa_reference: str | None
    lawful_basis: str
    batch_id: str | None
    actor: str  # empty once sealed: the log keeps who received what, not who sent it
    sealed_by: str | None = None  # the disposal run that sealed it, with the referral gone


class OutcomeReceived(BaseModel):
    seq: int
    at: datetime
    partner_id: str | None
    outcome_id: str | None
    status: str | None


class HeldReferral(BaseModel):
    referral_id: str
    partner_id: str
    status: str
    outcome_status: str | None
    closed_at: date | None


class NoticeRow(BaseModel):
    partner_id: str
    notice_id: str
    run_id: str
    issued_at: datetime
    acknowledge_by: date
    sent_at: datetime | None
    acknowledged_at: datetime | None


class HoldRow(BaseModel):
    reason: str
    placed_by: str
    placed_at: datetime
    removed_at: datetime | None


class LookupAnswer(BaseModel):
    """Everything the hub can say about one reference, for a subject-access or complaint."""

    reference_hash: str
    logged_as_seq: int
    events: list[SearchHit]
    disclosures: list[Disclosure]
    outcomes: list[OutcomeReceived]
    disposals: list[Disposal]
    notices: list[NoticeRow]
    still_held: list[HeldReferral]
    holds: list[HoldRow]


def look_up(session: Session, key: LedgerKey, reference: str, by: str, why: str) -> LookupAnswer:
    """Search the ledger (which logs this as a consultation) and add what the store still holds."""
    reference = reference.strip()
    found = search(session, key, reference, by=by, why=why)
    disclosures = [
        Disclosure(
            seq=e.seq,
            at=e.at,
            recipient=e.recipient,
            isa_reference=_text(e.details.get("isa_reference")),
            lawful_basis=e.justification,
            batch_id=_text(e.details.get("batch_id")),
            actor=e.actor,
            sealed_by=e.sealed_by,
        )
        for e in found.disclosures
    ]
    outcomes = [
        OutcomeReceived(
            seq=e.seq,
            at=e.at,
            partner_id=_text(e.details.get("partner_id")),
            outcome_id=_text(e.details.get("outcome_id")),
            status=_text(e.details.get("status")),
        )
        for e in found.events
        if e.kind == EventKind.COMBINATION.value and "outcome_id" in e.details
    ]
    held = session.execute(
        select(Referral)
        .join(Incident, Incident.id == Referral.incident_id)
        .where(or_(Referral.referral_id == reference, Incident.incident_ref == reference))
        .order_by(Referral.referral_id)
    ).scalars()
    notices = session.execute(
        select(DisposalNotice, DisposalRun.run_id)
        .join(DisposalRun, DisposalRun.id == DisposalNotice.run_pk)
        .where(DisposalNotice.referral_id == reference)
        .order_by(DisposalNotice.issued_at)
    ).all()
    holds = session.scalars(
        select(LegalHold).where(LegalHold.reference == reference).order_by(LegalHold.placed_at)
    )
    return LookupAnswer(
        reference_hash=found.reference_hash,
        logged_as_seq=found.logged_as_seq,
        events=found.events,
        disclosures=disclosures,
        outcomes=outcomes,
        disposals=found.disposals,
        notices=[
            NoticeRow(
                partner_id=n.partner_id,
                notice_id=n.notice_id,
                run_id=run_id,
                issued_at=n.issued_at,
                acknowledge_by=n.acknowledge_by,
                sent_at=n.sent_at,
                acknowledged_at=n.acknowledged_at,
            )
            for n, run_id in notices
        ],
        still_held=[
            HeldReferral(
                referral_id=r.referral_id,
                partner_id=r.partner_id,
                status=r.status,
                outcome_status=r.outcome_status,
                closed_at=r.closed_at,
            )
            for r in held
        ],
        holds=[
            HoldRow(
                reason=h.reason,
                placed_by=h.placed_by,
                placed_at=h.placed_at,
                removed_at=h.removed_at,
            )
            for h in holds
        ],
    )


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


class PartnerAcks(BaseModel):
    partner_id: str
    issued: int
    sent: int
    acknowledged: int
    overdue: int
    oldest_overdue_days: int | None  # days past the deadline of the oldest overdue notice
    oldest_overdue_issued: datetime | None


def partner_acknowledgements(
    session: Session, as_of: date | None, partner_days: dict[str, int]
) -> tuple[date, list[PartnerAcks]]:
    status = notice_status(session, as_of, partner_days=partner_days)
    oldest: dict[str, tuple[int, datetime]] = {}
    for o in status.overdue:
        if o.partner_id not in oldest or o.days_overdue > oldest[o.partner_id][0]:
            oldest[o.partner_id] = (o.days_overdue, o.issued_at)
    rows = [
        PartnerAcks(
            partner_id=partner,
            issued=t["issued"],
            sent=t["sent"],
            acknowledged=t["acknowledged"],
            overdue=t["overdue"],
            oldest_overdue_days=oldest[partner][0] if partner in oldest else None,
            oldest_overdue_issued=oldest[partner][1] if partner in oldest else None,
        )
        for partner, t in sorted(status.by_partner.items())
    ]
    rows.sort(key=lambda r: (-(r.oldest_overdue_days or -1), r.partner_id))
    return status.as_of, rows


class PartnerChanges(BaseModel):
    """One partner's incident changes waiting for its next feed: counts and field names, no
    values and no references."""

    partner_id: str
    updates: int
    withdrawals: int
    escalations: int  # risk rose: the partner must act on these first
    fields: list[str]  # the incident fields that changed, across its waiting changes
    waiting_since: datetime  # the oldest waiting change


class HeldCounts(BaseModel):
    unroutable: int
    unroutable_high_risk: int
    set_aside: int
    set_aside_high_risk: int
    updates: int
    withdrawals: int
    escalations: int

    @property
    def nothing(self) -> bool:
        return not (self.unroutable or self.set_aside or self.updates or self.withdrawals)


class HeldBack(BaseModel):
    """What the hub holds back from the partners, each list high risk first, then newest."""

    counts: HeldCounts
    unroutable: list[UnroutableIncident]
    set_aside: list[SetAsideReferral]
    changes: list[PartnerChanges]  # partners with escalations first, then the longest waiting


def held_back(session: Session) -> HeldBack:
    unroutable = unroutable_incidents(session)
    set_aside = set_aside_referrals(session)
    changes = waiting_changes(session)
    return HeldBack(
        counts=HeldCounts(
            unroutable=len(unroutable),
            unroutable_high_risk=sum(i.risk_level == RiskLevel.HIGH for i in unroutable),
            set_aside=len(set_aside),
            set_aside_high_risk=sum(r.high_risk for r in set_aside),
            updates=sum(p.updates for p in changes),
            withdrawals=sum(p.withdrawals for p in changes),
            escalations=sum(p.escalations for p in changes),
        ),
        unroutable=unroutable,
        set_aside=set_aside,
        changes=changes,
    )


def unroutable_incidents(session: Session) -> list[UnroutableIncident]:
    """The incidents held unroutable, high risk first, then the newest."""
    held = unroutable_in(session)
    held.sort(key=lambda i: (i.risk_level != RiskLevel.HIGH, -i.ingested_at.timestamp()))
    return held


def set_aside_referrals(session: Session) -> list[SetAsideReferral]:
    """The referrals set aside and not released, high risk first, then the newest."""
    held = held_in(session)
    held.sort(key=lambda r: (not r.high_risk, -r.set_aside_at.timestamp()))
    return held


def waiting_changes(session: Session) -> list[PartnerChanges]:
    """Unsent updates and withdrawals (no batch has carried them yet), per partner."""
    rows = session.execute(
        select(
            ReferralChange.partner_id,
            ReferralChange.kind,
            ReferralChange.escalated,
            ReferralChange.changed_fields,
            ReferralChange.created_at,
        ).where(ReferralChange.batch_id.is_(None))
    ).all()
    partners: dict[str, PartnerChanges] = {}
    for partner_id, kind, escalated, fields, created_at in rows:
        p = partners.setdefault(
            partner_id,
            PartnerChanges(
                partner_id=partner_id,
                updates=0,
                withdrawals=0,
                escalations=0,
                fields=[],
                waiting_since=created_at,
            ),
        )
        p.updates += kind == ChangeKind.UPDATE
        p.withdrawals += kind == ChangeKind.WITHDRAWAL
        p.escalations += bool(escalated)
        p.fields = sorted(set(p.fields) | {str(f) for f in fields or []})
        p.waiting_since = min(p.waiting_since, created_at)
    return sorted(partners.values(), key=lambda p: (-p.escalations, p.waiting_since, p.partner_id))
