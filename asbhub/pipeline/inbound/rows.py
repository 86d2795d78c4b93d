"""Inbound rows: each outcome or disposal-ack checked beyond its contract, then loaded or
quarantined, in chunks that each commit atomically.

Beyond the contract: an outcome's referral must be one the force delivered to *this* partner
(the message for another partner's id is the same as for an unknown one, so nothing is learnt
about other partners' cases); its status change must be legal (LEGAL_STATUS_CHANGES: a closed
case is never reopened by an outcome); no date may lie in the future; and an outcome id is used
once per partner. A run that stopped part-way through a file resumes it: lines already loaded
or quarantined are counted, not redone.

An outcome's notes are redacted with its referral's own deny list: the incident's values while
its detail is held, the keyed digests kept at staging once it is cleared
(`asbhub.minimise.deny_lists`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from asbhub import ledger
from asbhub.minimise.deny_lists import deny_list_for
from asbhub.minimise.projection import LONDON
from asbhub.pipeline.inbound.acks import load_acks
from asbhub.pipeline.inbound.job import CLOCK_SKEW, FileJob, FileTally, set_aside
from asbhub.records import FileProblem, Row, RowProblem, read_rows
from asbhub.store.models import Incident, QuarantineItem, Referral
from asbhub.store.models import Outcome as StoredOutcome
from contracts.documents import RejectionProblem
from contracts.enums import LEGAL_STATUS_CHANGES, OutcomeStatus
from contracts.outcome import Outcome

COMMIT_EVERY = 500
NOT_YOURS = "is not a referral the force sent you"  # the same for unknown and foreign ids


def scan(job: FileJob) -> int:
    """First pass, loading nothing: raise FileProblem for any whole-file problem, so that a file
    broken at its end never has its first rows loaded. Return the number of records."""
    count = sum(1 for _ in read_rows(job.path, job.contract, job.max_bytes))
    if count == 0:
        raise FileProblem("no_records", f"{job.path.name}: the file has a header but no records")
    return count


def load_rows(job: FileJob) -> FileTally:
    tally = FileTally()
    loaded_before, quarantined_before = _done_lines(job)
    chunk: list[Row] = []
    for row in read_rows(job.path, job.contract, job.max_bytes):
        tally.rows_in += 1
        if row.line in loaded_before:
            tally.loaded += 1
            tally.checked(loaded_before[row.line])
        elif row.line in quarantined_before:
            tally.quarantined += 1
            tally.problems.extend([quarantined_before[row.line]])
            tally.checked({"quarantined": 1})
        else:
            chunk.append(row)
        if len(chunk) >= COMMIT_EVERY:
            _load_chunk(job, chunk, tally)
            chunk = []
    _load_chunk(job, chunk, tally)
    return tally


def _done_lines(job: FileJob) -> tuple[dict[int, dict[str, Any]], dict[int, RejectionProblem]]:
    with job.hub.store.session() as session:
        loaded = {
            o.line: _check_row(o.outcome_id, o.status, o.recorded_at, o.closed_on, referral_id)
            for o, referral_id in session.execute(
                select(StoredOutcome, Referral.referral_id)
                .join(Referral, Referral.id == StoredOutcome.referral_pk)
                .where(StoredOutcome.inbound_file_id == job.file_pk)
            )
            if o.line is not None
        }
        quarantined = {
            q.line: RejectionProblem(
                line=q.line, field=q.field, reason=q.reason[:500], record_id=None
            )
            for q in session.scalars(
                select(QuarantineItem).where(
                    QuarantineItem.inbound_file_id == job.file_pk, QuarantineItem.line.is_not(None)
                )
            )
            if q.line is not None
        }
    return loaded, quarantined


def _load_chunk(job: FileJob, rows: Sequence[Row], tally: FileTally) -> None:
    if not rows:
        return
    with job.hub.store.session() as session:
        if job.contract is Outcome:
            _load_outcomes(job, session, rows, tally)
        else:
            load_acks(job, session, rows, tally)


def _load_outcomes(job: FileJob, session: Session, rows: Sequence[Row], tally: FileTally) -> None:
    records = [(row, row.record) for row in rows if row.ok and isinstance(row.record, Outcome)]
    referrals = {
        referral.referral_id: (referral, incident_ref)
        for referral, incident_ref in session.execute(
            select(Referral, Incident.incident_ref)
            .join(Incident, Incident.id == Referral.incident_id)
            .where(Referral.referral_id.in_({r.referral_id for _, r in records}))
        )
    }
    seen = {
        outcome_id: (file_pk, line)
        for outcome_id, file_pk, line in session.execute(
            select(
                StoredOutcome.outcome_id, StoredOutcome.inbound_file_id, StoredOutcome.line
            ).where(
                StoredOutcome.partner_id == job.partner.id,
                StoredOutcome.outcome_id.in_({r.outcome_id for _, r in records}),
            )
        )
    }
    now = datetime.now(UTC)
    stored: list[tuple[Row, Outcome, StoredOutcome, str]] = []
    for row in rows:
        record = row.record if row.ok else None
        if not isinstance(record, Outcome):
            set_aside(job, session, row, row.problems, tally)
            continue
        referral, incident_ref = referrals.get(record.referral_id, (None, ""))
        if referral is not None and not _is_yours(referral, job.partner.id):
            referral = None
        problems = _outcome_problems(job, record, row.line, referral, seen, now)
        if problems or referral is None:
            set_aside(job, session, row, problems, tally, known=referral is not None)
            continue
        _apply(referral, record)
        seen[record.outcome_id] = (job.file_pk, row.line)
        stored.append((row, record, _stored(job, record, referral, row.line, now), incident_ref))
    _redact_notes(job, session, stored)
    session.add_all([outcome for _, _, outcome, _ in stored])
    events = [
        ledger.Event(
            kind=ledger.EventKind.COMBINATION,
            actor=job.hub.actor,
            justification=job.partner.isa.lawful_basis,
            references=[record.referral_id, incident_ref],
            at=now,
            details={
                "partner_id": job.partner.id,
                "outcome_id": record.outcome_id,
                "status": record.status.value,
                "file": job.name,
                "line": row.line,
            },
        )
        for row, record, _, incident_ref in stored
    ]
    if events:
        ledger.append_many(session, job.hub.ledger_key, events)
    for _row, record, _, _ in stored:
        tally.loaded += 1
        tally.checked(
            _check_row(
                record.outcome_id,
                record.status.value,
                record.recorded_at,
                record.closed_on,
                record.referral_id,
            )
        )


def _redact_notes(
    job: FileJob, session: Session, stored: Sequence[tuple[Row, Outcome, StoredOutcome, str]]
) -> None:
    """Each outcome's notes redacted with its own referral's deny list (and no other's)."""
    notes = [(outcome, record.notes) for _, record, outcome, _ in stored if record.notes]
    if not notes:
        return
    deny = {
        referral_pk: deny_list_for(payload, digests, job.hub.ledger_key)
        for referral_pk, payload, digests in session.execute(
            select(Referral.id, Incident.payload, Incident.deny_digests)
            .join(Incident, Incident.id == Referral.incident_id)
            .where(Referral.id.in_({outcome.referral_pk for outcome, _ in notes}))
        )
    }
    redacted = job.hub.redactions.engine.redact_many(
        (text, deny.get(outcome.referral_pk)) for outcome, text in notes
    )
    for (outcome, _), redaction in zip(notes, redacted, strict=True):
        outcome.notes_redacted = redaction.text


def _is_yours(referral: Referral, partner_id: str) -> bool:
    return referral.partner_id == partner_id and referral.delivered_at is not None


def _outcome_problems(
    job: FileJob,
    record: Outcome,
    line: int,
    referral: Referral | None,
    seen: dict[str, tuple[int | None, int | None]],
    now: datetime,
) -> list[RowProblem]:
    problems = []
    if referral is None:
        problems.append(RowProblem(line, "referral_id", NOT_YOURS))
    if record.outcome_id in seen:
        file_pk, at = seen[record.outcome_id]
        problems.append(
            RowProblem(
                line,
                "outcome_id",
                f"repeats line {at} of this file"
                if file_pk == job.file_pk
                else "was already received in an earlier file; give each update a new outcome_id",
            )
        )
    if record.recorded_at > now + CLOCK_SKEW:
        problems.append(RowProblem(line, "recorded_at", "is in the future"))
    today = now.astimezone(LONDON).date()
    for name in ("action_date", "closed_on"):
        value: date | None = getattr(record, name)
        if value is not None and value > today:
            problems.append(RowProblem(line, name, f"{value.isoformat()!r} is in the future"))
    if referral is not None and _is_current(referral, record):
        current = OutcomeStatus(referral.outcome_status) if referral.outcome_status else None
        if referral.status == "closed":
            current = OutcomeStatus.CLOSED
        if record.status not in LEGAL_STATUS_CHANGES[current]:
            problems.append(RowProblem(line, "status", _illegal(current, record.status)))
    return problems


def _illegal(current: OutcomeStatus | None, new: OutcomeStatus) -> str:
    if current is OutcomeStatus.CLOSED:
        return (
            f"{new.value!r}: the case is closed; a closed case is not reopened by an outcome, "
            "the force sends a new referral"
        )
    return f"{new.value!r}: the status cannot change from {current.value if current else None!r}"


def _is_current(referral: Referral, record: Outcome) -> bool:
    """An update recorded before the latest one already applied is history: kept, not applied."""
    return referral.last_outcome_at is None or record.recorded_at >= referral.last_outcome_at


def _apply(referral: Referral, record: Outcome) -> None:
    """Move the referral's state on; closing it starts the retention clock (closed_at)."""
    if not _is_current(referral, record):
        return
    referral.outcome_status = record.status.value
    if record.lead_agency_accepted is not None:
        referral.lead_agency_accepted = record.lead_agency_accepted
    actions = list(referral.actions or [])  # what was done accumulates over the case
    actions += [a.value for a in record.actions if a.value not in actions]
    referral.actions = actions
    referral.last_outcome_at = record.recorded_at
    if record.status is OutcomeStatus.CLOSED:
        referral.closed_at = record.closed_on
        referral.status = "closed"


def _stored(
    job: FileJob, record: Outcome, referral: Referral, line: int, now: datetime
) -> StoredOutcome:
    return StoredOutcome(
        partner_id=job.partner.id,
        outcome_id=record.outcome_id,
        referral_pk=referral.id,
        status=record.status.value,
        recorded_at=record.recorded_at,
        lead_agency_accepted=record.lead_agency_accepted,
        actions=[a.value for a in record.actions],
        action_date=record.action_date,
        closed_on=record.closed_on,
        notes_redacted=None,
        inbound_file_id=job.file_pk,
        line=line,
        received_at=now,
    )


def _check_row(
    outcome_id: str, status: str, recorded_at: datetime, closed_on: date | None, referral_id: str
) -> dict[str, Any]:
    return {
        "outcome_id": outcome_id,
        "referral_id": referral_id,
        "referral_known_to_partner": True,
        "status": status,
        "recorded_at": recorded_at,
        "closed_on": datetime.combine(closed_on, time(), LONDON) if closed_on else None,
        "quarantined": 0,
    }
