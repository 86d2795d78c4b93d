"""The rows of the force's outcome summary, computed from the outcomes the hub holds as they
stood at a cut-off, so that the same night always gives the same rows: with each incident's
Community Trigger as it stood then."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from asbhub.store.models import (
    CaseReviewIncident,
    CaseReviewTrigger,
    Incident,
    Outcome,
    Referral,
)
from contracts.enums import OutcomeStatus, PartnerAction
from contracts.outcome_summary import ConflictReason, OutcomeSummary

ACTING = frozenset({OutcomeStatus.ACCEPTED, OutcomeStatus.IN_PROGRESS})
CHUNK = 1000  # ids per IN (...) list, well under either engine's limit


@dataclass
class PartnerPosition:
    """Where one partner stood on one referral at the cut-off: its outcomes folded in order,
    the way inbound applies them (the latest recorded wins; actions accumulate)."""

    incident_ref: str
    referral_id: str
    partner_id: str
    updated: bool = False
    case_review_id: str | None = None
    status: OutcomeStatus | None = None
    lead_agency_accepted: bool | None = None
    actions: list[PartnerAction] = field(default_factory=list)
    action_date: date | None = None
    closed_on: date | None = None
    last_recorded_at: datetime | None = None

    def apply(self, outcome: Outcome) -> None:
        self.status = OutcomeStatus(outcome.status)
        if outcome.lead_agency_accepted is not None:
            self.lead_agency_accepted = outcome.lead_agency_accepted
        for action in outcome.actions or []:
            if PartnerAction(action) not in self.actions:
                self.actions.append(PartnerAction(action))
        if outcome.action_date is not None:
            self.action_date = max(outcome.action_date, self.action_date or outcome.action_date)
        self.closed_on = outcome.closed_on if self.status is OutcomeStatus.CLOSED else None
        self.last_recorded_at = outcome.recorded_at

    @property
    def leads(self) -> bool:
        return bool(self.lead_agency_accepted) and self.status is not OutcomeStatus.DECLINED

    @property
    def closed(self) -> bool:
        return self.status is OutcomeStatus.CLOSED


def summary_rows(
    session: Session, night: date, since: datetime | None, until: datetime
) -> list[OutcomeSummary]:
    """One row per referral of every incident with an outcome received in [since, until),
    sorted by incident and partner. Each row shows its partner as of `until`."""
    window = Outcome.received_at < until
    if since is not None:
        window = window & (Outcome.received_at >= since)
    updated = set(session.scalars(select(Outcome.referral_pk).where(window).distinct()))
    incidents = _in_chunks(
        session, lambda ids: select(Referral.incident_id).where(Referral.id.in_(ids)), updated
    )
    referrals = _in_chunks(
        session,
        lambda ids: (
            select(Referral.id, Referral.referral_id, Referral.partner_id, Incident)
            .join(Incident, Incident.id == Referral.incident_id)
            .where(Referral.incident_id.in_(ids), Referral.created_at < until)
        ),
        set(incidents),
    )
    triggers = open_triggers_at(session, {incident.id for *_, incident in referrals}, until)
    positions = {
        pk: PartnerPosition(
            incident.incident_ref,
            referral_id,
            partner_id,
            updated=pk in updated,
            case_review_id=triggers.get(incident.id),
        )
        for pk, referral_id, partner_id, incident in referrals
    }
    outcomes = _in_chunks(
        session,
        lambda ids: select(Outcome).where(
            Outcome.referral_pk.in_(ids), Outcome.received_at < until
        ),
        set(positions),
    )
    for outcome in sorted(outcomes, key=lambda o: (o.recorded_at, o.received_at, o.id)):
        positions[outcome.referral_pk].apply(outcome)
    by_incident: dict[str, list[PartnerPosition]] = defaultdict(list)
    for position in positions.values():
        by_incident[position.incident_ref].append(position)
    rows = []
    for incident_ref in sorted(by_incident):
        partners = sorted(by_incident[incident_ref], key=lambda p: (p.partner_id, p.referral_id))
        rows += _incident_rows(night, partners)
    return rows


def open_triggers_at(session: Session, incident_ids: Iterable[int], at: datetime) -> dict[int, str]:
    """incident pk -> the Community Trigger counting it at `at`: opened and linked to it by then
    and not closed before; of two (its victim's and its location's), the one raised first."""
    rows = _in_chunks(
        session,
        lambda ids: (
            select(
                CaseReviewIncident.incident_id,
                CaseReviewTrigger.trigger_id,
                CaseReviewTrigger.opened_at,
                CaseReviewTrigger.id,
            )
            .join(CaseReviewTrigger, CaseReviewTrigger.id == CaseReviewIncident.trigger_pk)
            .where(
                CaseReviewIncident.incident_id.in_(ids),
                CaseReviewTrigger.opened_at <= at,
                CaseReviewIncident.linked_at <= at,
                or_(CaseReviewTrigger.closed_at.is_(None), CaseReviewTrigger.closed_at >= at),
            )
        ),
        incident_ids,
    )
    found: dict[int, str] = {}
    for incident_id, trigger_id, *_ in sorted(rows, key=lambda r: (r[2], r[3])):
        found.setdefault(incident_id, trigger_id)
    return found


def conflicts(partners: Sequence[PartnerPosition]) -> dict[str, list[ConflictReason]]:
    """The conflict reasons of each referral (by id) among one incident's partners."""
    found: dict[str, list[ConflictReason]] = defaultdict(list)
    open_leads = [p for p in partners if p.leads and not p.closed]
    if len(open_leads) >= 2:
        for p in open_leads:
            found[p.referral_id].append(ConflictReason.SEVERAL_LEADS)
    closed = [p for p in partners if p.closed]
    acting = [p for p in partners if p.status in ACTING]
    if closed and acting:
        for p in [*closed, *acting]:
            found[p.referral_id].append(ConflictReason.CLOSED_WHILE_ANOTHER_ACTS)
    return found


def _incident_rows(night: date, partners: Sequence[PartnerPosition]) -> list[OutcomeSummary]:
    reasons = conflicts(partners)
    leads = sorted({p.partner_id for p in partners if p.leads})
    return [
        OutcomeSummary(
            night=night,
            incident_ref=p.incident_ref,
            referral_id=p.referral_id,
            partner_id=p.partner_id,
            updated=p.updated,
            status=p.status,
            lead_agency_accepted=p.lead_agency_accepted,
            lead_partners=leads,
            actions=p.actions,
            action_date=p.action_date,
            closed_on=p.closed_on,
            last_recorded_at=p.last_recorded_at,
            conflict=bool(reasons.get(p.referral_id)),
            conflict_reasons=reasons.get(p.referral_id, []),
            case_review_id=p.case_review_id,
        )
        for p in partners
    ]


def _in_chunks(session: Session, query: Any, ids: Iterable[int]) -> list[Any]:
    """Run `query(ids)` over the ids in chunks and gather the rows (scalars for one column)."""
    ordered = sorted(ids)
    found: list[Any] = []
    for start in range(0, len(ordered), CHUNK):
        result = session.execute(query(ordered[start : start + CHUNK]))
        rows = result.all()
        found += [row[0] for row in rows] if rows and len(rows[0]) == 1 else rows
    return found
