"""Evaluate the Case Review thresholds on a day: count qualifying complaints per keyed victim
and per keyed location in the rolling window, raise a trigger once per identity when a
threshold is met, and link later complaints to the open trigger (never a second one).

A qualifying complaint is an ASB incident (is_asb) reported within the window, which runs from
`window_start(as_of)` to `as_of` inclusive, in Europe/London days. Incidents ingested before
keys were kept have none and count towards nothing. Complaints a closed trigger counted do not
count again towards a new one for the same identity. Raising or extending a trigger combines
incidents about one person or place, so each is logged as a DPA 2018 s.62 combination.
"""

from __future__ import annotations

import secrets
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from asbhub import ledger
from asbhub.casereview.config import CaseReviewConfig, load_config
from asbhub.casereview.model import (
    CaseReviewResult,
    Change,
    TriggerChange,
    TriggerKind,
    TriggerStatus,
)
from asbhub.ledger import LedgerKey
from asbhub.runtime import Hub
from asbhub.store.models import CaseReviewIncident, CaseReviewTrigger, Incident

LONDON = ZoneInfo("Europe/London")
JUSTIFICATION = (
    "ASB Case Review (Community Trigger): Anti-social Behaviour, Crime and Policing Act 2014 "
    "s.104; DPA 2018 s.35 (law enforcement purposes)"
)


@dataclass(frozen=True)
class Complaint:
    incident_id: int
    incident_ref: str
    reported_at: datetime
    victim_key: str | None
    location_key: str | None
    household_key: str | None

    def key(self, kind: TriggerKind) -> str | None:
        return self.victim_key if kind is TriggerKind.VICTIM else self.location_key

    @property
    def household(self) -> str | None:
        """The household it came from; the victim stands for it when no address was given."""
        return self.household_key or self.victim_key


def today() -> date:
    return datetime.now(UTC).astimezone(LONDON).date()


def evaluate(hub: Hub, as_of: date | None = None) -> CaseReviewResult:
    """Evaluate with the deployment's thresholds (config/casereview.yaml) on `as_of` (today)."""
    config = load_config(hub.settings.config_dir)
    with hub.store.session() as session:
        return evaluate_in(session, hub.ledger_key, hub.actor, config, as_of or today())


def evaluate_in(
    session: Session, key: LedgerKey, actor: str, config: CaseReviewConfig, as_of: date
) -> CaseReviewResult:
    start = config.window_start(as_of)
    complaints = _complaints(session, start, as_of)
    now = datetime.now(UTC)
    changes: list[TriggerChange] = []
    for kind, threshold in (
        (TriggerKind.VICTIM, config.victim.threshold),
        (TriggerKind.LOCATION, config.location.threshold),
    ):
        changes += _evaluate_kind(session, kind, threshold, config, complaints, as_of, now)
    if changes:
        ledger.append_many(
            session, key, [_combination(c, config, as_of, actor, now) for c in changes]
        )
    open_count = len(
        session.scalars(
            select(CaseReviewTrigger.id).where(CaseReviewTrigger.status == TriggerStatus.OPEN)
        ).all()
    )
    return CaseReviewResult(
        as_of=as_of,
        window=config.window,
        window_start=start,
        qualifying=len(complaints),
        without_victim_key=sum(c.victim_key is None for c in complaints),
        without_location_key=sum(c.location_key is None for c in complaints),
        changes=changes,
        open_triggers=open_count,
    )


def _complaints(session: Session, start: date, as_of: date) -> list[Complaint]:
    since = datetime.combine(start, time(0), tzinfo=LONDON).astimezone(UTC)
    until = datetime.combine(as_of + timedelta(days=1), time(0), tzinfo=LONDON).astimezone(UTC)
    rows = session.execute(
        select(
            Incident.id,
            Incident.incident_ref,
            Incident.reported_at,
            Incident.victim_key,
            Incident.location_key,
            Incident.household_key,
        )
        .where(Incident.is_asb.is_(True), Incident.reported_at >= since)
        .where(Incident.reported_at < until)
        .order_by(Incident.reported_at, Incident.id)
    ).all()
    return [Complaint(*row) for row in rows]


def _evaluate_kind(
    session: Session,
    kind: TriggerKind,
    threshold: int,
    config: CaseReviewConfig,
    complaints: list[Complaint],
    as_of: date,
    now: datetime,
) -> list[TriggerChange]:
    groups: dict[str, list[Complaint]] = defaultdict(list)
    for complaint in complaints:
        subject = complaint.key(kind)
        if subject is not None:
            groups[subject].append(complaint)
    open_by_key = {
        t.subject_key: t
        for t in session.scalars(
            select(CaseReviewTrigger).where(
                CaseReviewTrigger.kind == kind, CaseReviewTrigger.status == TriggerStatus.OPEN
            )
        )
    }
    linked = _links(session, kind)
    changes: list[TriggerChange] = []
    for subject, group in groups.items():
        # Complaints a closed trigger for this identity counted are not counted again.
        fresh = [c for c in group if c.incident_id not in linked[(subject, TriggerStatus.CLOSED)]]
        trigger = open_by_key.get(subject)
        count = _count(kind, config, fresh)
        if trigger is None and count < threshold:
            continue
        change = Change.EXTENDED
        if trigger is None:
            trigger = _open(session, kind, subject, threshold, config, as_of, now)
            change = Change.OPENED
        trigger.last_evaluated_as_of = max(trigger.last_evaluated_as_of, as_of)
        added = [c for c in fresh if c.incident_id not in linked[(subject, TriggerStatus.OPEN)]]
        if not added:
            continue
        session.add_all(
            CaseReviewIncident(trigger_pk=trigger.id, incident_id=c.incident_id, linked_at=now)
            for c in added
        )
        changes.append(
            TriggerChange(
                trigger_id=trigger.trigger_id,
                kind=kind,
                change=change,
                complaints=count,
                added=[c.incident_ref for c in added],
            )
        )
    session.flush()
    return changes


def _count(kind: TriggerKind, config: CaseReviewConfig, group: Iterable[Complaint]) -> int:
    if kind is TriggerKind.LOCATION and config.location.distinct_households:
        return len({c.household for c in group} - {None})
    return sum(1 for _ in group)


def _links(session: Session, kind: TriggerKind) -> dict[tuple[str, str], set[int]]:
    """The incidents each identity's triggers already count, by (key, status)."""
    found: dict[tuple[str, str], set[int]] = defaultdict(set)
    for subject, status, incident_id in session.execute(
        select(
            CaseReviewTrigger.subject_key,
            CaseReviewTrigger.status,
            CaseReviewIncident.incident_id,
        )
        .join(CaseReviewIncident, CaseReviewIncident.trigger_pk == CaseReviewTrigger.id)
        .where(CaseReviewTrigger.kind == kind)
    ):
        found[(subject, status)].add(incident_id)
    return found


def _open(
    session: Session,
    kind: TriggerKind,
    subject: str,
    threshold: int,
    config: CaseReviewConfig,
    as_of: date,
    now: datetime,
) -> CaseReviewTrigger:
    trigger = CaseReviewTrigger(
        trigger_id="CT-" + secrets.token_hex(6).upper(),
        kind=kind,
        subject_key=subject,
        status=TriggerStatus.OPEN,
        opened_at=now,
        opened_as_of=as_of,
        window=config.window,
        threshold=threshold,
        last_evaluated_as_of=as_of,
    )
    session.add(trigger)
    session.flush()
    return trigger


def _combination(
    change: TriggerChange, config: CaseReviewConfig, as_of: date, actor: str, now: datetime
) -> ledger.Event:
    return ledger.Event(
        kind=ledger.EventKind.COMBINATION,
        actor=actor,
        justification=JUSTIFICATION,
        references=change.added,
        at=now,
        details={
            "trigger_id": change.trigger_id,
            "kind": change.kind.value,
            "change": change.change.value,
            "complaints": change.complaints,
            "window": config.window,
            "as_of": as_of.isoformat(),
        },
    )
