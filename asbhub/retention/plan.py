"""Plan a disposal run: what is due on a date, by class and rule, with held records left out."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from pydantic import BaseModel
from sqlalchemy import ColumnElement, and_, exists, func, or_, select, true
from sqlalchemy.orm import Session

from asbhub.errors import DataError
from asbhub.ledger import LedgerKey
from asbhub.ledger import retention as ledger_retention
from asbhub.ledger.bulk import bulk_insert
from asbhub.retention.holds import held_references
from asbhub.retention.schedule import RECORD_CLASSES, Rule, Schedule
from asbhub.retention.status import OPEN_RUNS, ItemStatus
from asbhub.store.models import (
    Delivery,
    DisposalItem,
    DisposalNotice,
    DisposalRun,
    InboundFile,
    Incident,
    LedgerEvent,
    QuarantineItem,
    Referral,
    ReviewDecision,
)

OPEN_STATUSES = OPEN_RUNS
Checkpoint = Callable[[str], None]

# Which column each rule attribute and clock reads, per class.
ATTRIBUTE_COLUMNS: dict[str, dict[str, Any]] = {
    "referral": {
        "risk_level": Incident.risk_level,
        "vulnerable_victim": Incident.vulnerable_victim,
    },
    "referral_unclosed": {
        "risk_level": Incident.risk_level,
        "vulnerable_victim": Incident.vulnerable_victim,
    },
    "incident_unreferred": {"is_asb": Incident.is_asb},
    "delivery": {"acknowledged": Delivery.acknowledged_at},
    "quarantine": {"source": QuarantineItem.source},
    "disposal_notice": {"acknowledged": DisposalNotice.acknowledged_at},
}
CLOCK_COLUMNS: dict[tuple[str, str], Any] = {
    ("referral", "closed"): Referral.closed_at,
    # The latest of these is the last activity (an outcome comes after delivery, after creation).
    ("referral_unclosed", "last_activity"): func.coalesce(
        Referral.last_outcome_at, Referral.delivered_at, Referral.created_at
    ),
    ("incident_unreferred", "last_activity"): func.coalesce(
        Incident.last_review_at, Incident.reported_at
    ),
    ("delivery", "acknowledged"): Delivery.acknowledged_at,
    ("delivery", "delivered"): Delivery.delivered_at,
    ("quarantine", "quarantined"): QuarantineItem.created_at,
    ("inbound_original", "received"): InboundFile.received_at,
    ("rejection_report", "sent"): func.coalesce(InboundFile.processed_at, InboundFile.received_at),
    ("disposal_notice", "acknowledged"): DisposalNotice.acknowledged_at,
    ("disposal_notice", "issued"): DisposalNotice.issued_at,
    ("ledger_event", "logged"): LedgerEvent.at,
}
# Classes in the order they are planned and executed.
DISPOSABLE = (
    "referral",
    "referral_unclosed",
    "incident_unreferred",
    "delivery",
    "quarantine",
    "inbound_original",
    "rejection_report",
    "disposal_notice",
    "ledger_event",
)


class PlanResult(BaseModel):
    run_id: str
    as_of: date
    schedule_version: str
    counts: dict[str, Any]
    planned: int
    for_review: int
    held: int
    kept_on_review: int = 0


def new_run_id(as_of: date) -> str:
    return f"DR-{as_of:%Y%m%d}-{secrets.token_hex(3).upper()}"


def plan_disposal(
    session: Session,
    schedule: Schedule,
    key: LedgerKey,
    as_of: date | None = None,
    planned_by: str = "retention",
    checkpoint: Checkpoint | None = None,
) -> PlanResult:
    """Record a run and its items in the caller's transaction; nothing is deleted here."""
    as_of = as_of or datetime.now(UTC).date()
    open_run = session.scalar(
        select(DisposalRun.run_id).where(DisposalRun.status.in_(OPEN_STATUSES))
    )
    if open_run:
        raise DataError(
            f"disposal run {open_run} is still open: approve and execute it, or "
            f"cancel it (`asbhub disposal cancel {open_run}`), before planning another"
        )
    run = DisposalRun(
        run_id=new_run_id(as_of),
        as_of=as_of,
        schedule_version=schedule.version,
        schedule_digest=schedule.digest,
        status="planned",
        counts={},
        planned_at=datetime.now(UTC),
        planned_by=planned_by,
    )
    session.add(run)
    session.flush()
    holds = held_references(session)
    counts: dict[str, Any] = {}
    totals = {"planned": 0, "review": 0, "held": 0, "kept": 0}
    for record_class in DISPOSABLE:
        for rule in schedule.rules_of(record_class):
            if rule.action == "keep":
                continue
            decisions = _decisions(session, record_class) if rule.action == "review" else {}
            rows: list[dict[str, Any]] = []
            held = kept = 0
            for target, hold_keys in _due(session, rule, as_of, holds, key):
                if holds and not holds.isdisjoint(hold_keys):
                    held += 1
                    continue
                ref_hash = key.reference_hash(target)
                status = ItemStatus.PLANNED if rule.action == "dispose" else ItemStatus.REVIEW
                decided = decisions.get(ref_hash)
                if decided is not None and decided.decision == "dispose":
                    status = ItemStatus.PLANNED  # a person decided: it goes in this run
                    decided.applied_run_pk = run.id
                elif decided is not None and (decided.next_review_on or as_of) > as_of:
                    kept += 1  # kept on review until its next review date
                    decided.applied_run_pk = run.id
                    continue
                rows.append(
                    {
                        "run_pk": run.id,
                        "record_class": record_class,
                        "rule": rule.id,
                        "target": target,
                        "reference_hash": ref_hash,
                        "status": status,
                        "detail": _decided(decided) if status == ItemStatus.PLANNED else None,
                    }
                )
                if len(rows) >= 5000:
                    bulk_insert(session, DisposalItem.__table__, rows)
                    rows.clear()
            if rows:
                bulk_insert(session, DisposalItem.__table__, rows)
            planned = _count(session, run.id, rule.id)
            for_review = _count(session, run.id, rule.id, ItemStatus.REVIEW)
            counts.setdefault(record_class, {})[rule.id] = {
                "action": rule.action,
                "period": str(rule.period),
                "clock": rule.clock,
                "planned": planned,
                "held": held,
                "kept_on_review": kept,
            }
            totals["planned"] += planned - for_review
            totals["review"] += for_review
            totals["held"] += held
            totals["kept"] += kept
    run.counts = counts
    if checkpoint:
        checkpoint("plan:items-recorded")
    return PlanResult(
        run_id=run.run_id,
        as_of=as_of,
        schedule_version=schedule.version,
        counts=counts,
        planned=totals["planned"],
        for_review=totals["review"],
        held=totals["held"],
        kept_on_review=totals["kept"],
    )


def _decisions(session: Session, record_class: str) -> dict[str, ReviewDecision]:
    """The latest review decision on each record of the class, by keyed hash."""
    latest: dict[str, ReviewDecision] = {}
    for decision in session.scalars(
        select(ReviewDecision)
        .where(ReviewDecision.record_class == record_class)
        .order_by(ReviewDecision.decided_at, ReviewDecision.id)
    ):
        latest[decision.reference_hash] = decision
    return latest


def _decided(decision: ReviewDecision | None) -> str | None:
    if decision is None:
        return None
    return f"review decision {decision.id} by {decision.decided_by}: dispose"


def _count(session: Session, run_pk: int, rule_id: str, status: str | None = None) -> int:
    query = (
        select(func.count())
        .select_from(DisposalItem)
        .where(DisposalItem.run_pk == run_pk, DisposalItem.rule == rule_id)
    )
    if status is not None:
        query = query.where(DisposalItem.status == status)
    return int(session.scalar(query) or 0)


def due_before(rule: Rule, as_of: date) -> datetime | None:
    """Records whose clock is before this instant are due (None: never due)."""
    last = rule.period.last_due_clock(as_of)
    return None if last is None else datetime.combine(last + timedelta(days=1), time(), UTC)


def condition(rule: Rule) -> ColumnElement[bool]:
    """The rule's `when` as SQL over the class's columns."""
    columns = ATTRIBUTE_COLUMNS.get(rule.record_class, {})
    domain = RECORD_CLASSES[rule.record_class].attributes
    tests: list[ColumnElement[bool]] = []
    for attribute, allowed in rule.when.items():
        column = columns[attribute]
        if attribute == "acknowledged":  # a boolean the store keeps as "has a timestamp"
            if len(allowed) == 1:
                tests.append(column.is_not(None) if True in allowed else column.is_(None))
            else:
                tests.append(true())
        elif set(allowed) == set(domain[attribute]):
            tests.append(true())
        else:
            tests.append(column.in_(sorted(allowed, key=str)))
    if not tests:
        return true()
    return and_(*tests) if rule.mode == "all" else or_(*tests)


def _due(
    session: Session, rule: Rule, as_of: date, holds: set[str], key: LedgerKey
) -> Iterator[tuple[str, set[str]]]:
    """(target, references a hold could name) for each record the rule makes due."""
    cutoff = due_before(rule, as_of)
    if cutoff is None:
        return
    clock = CLOCK_COLUMNS[(rule.record_class, rule.clock)]
    query: Any
    if rule.record_class in ("referral", "referral_unclosed"):
        when = (
            clock < cutoff.date()
            if rule.record_class == "referral"
            else and_(Referral.closed_at.is_(None), clock < cutoff)
        )
        query = (
            select(Referral.referral_id, Incident.incident_ref)
            .join(Incident, Incident.id == Referral.incident_id)
            .where(when, condition(rule))
        )
        for referral_id, incident_ref in session.execute(query.execution_options(yield_per=10000)):
            yield referral_id, {referral_id, incident_ref}
    elif rule.record_class == "incident_unreferred":
        query = select(Incident.incident_ref).where(
            ~exists().where(Referral.incident_id == Incident.id), clock < cutoff, condition(rule)
        )
        for (incident_ref,) in session.execute(query):
            yield incident_ref, {incident_ref}
    elif rule.record_class == "rejection_report":
        query = select(InboundFile.id, InboundFile.name, InboundFile.rejection_report).where(
            InboundFile.rejection_report.is_not(None), clock < cutoff
        )
        for pk, name, report in session.execute(query):
            yield f"RR-{pk}", {f"RR-{pk}", name, report}
    elif rule.record_class == "disposal_notice":
        query = select(DisposalNotice.notice_id, DisposalNotice.referral_id).where(
            clock < cutoff, condition(rule)
        )
        for notice, referral_id in session.execute(query):
            yield notice, {notice, referral_id}
    elif rule.record_class == "delivery":
        query = select(Delivery.batch_id).where(
            clock < cutoff, Delivery.disposed_at.is_(None), condition(rule)
        )
        for (batch_id,) in session.execute(query):
            yield batch_id, {batch_id}
    elif rule.record_class == "quarantine":
        query = select(
            QuarantineItem.id, QuarantineItem.file_name, QuarantineItem.file_sha256
        ).where(clock < cutoff, condition(rule))
        for pk, name, sha in session.execute(query):
            yield f"Q-{pk}", {f"Q-{pk}", name, sha or ""}
    elif rule.record_class == "inbound_original":
        query = select(InboundFile.id, InboundFile.name, InboundFile.sha256).where(
            clock < cutoff, InboundFile.archive_path.is_not(None)
        )
        for pk, name, sha in session.execute(query):
            yield f"IF-{pk}", {f"IF-{pk}", name, sha}
    elif rule.record_class == "ledger_event":
        # events wait for every record they name, and a hold on a linked record
        yield from ledger_retention.due_events(session, key, cutoff, holds)
