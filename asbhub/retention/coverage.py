"""The self-check that every row and file the hub keeps belongs to exactly one record class.

Generic by construction: every table in the store's models is looked at, and a table no one has
given a class (a new table, or a new state that no predicate admits) is reported, not passed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import PurePosixPath

from pydantic import BaseModel
from sqlalchemy import ColumnElement, Table, and_, exists, false, func, not_, or_, select, true
from sqlalchemy.orm import Session

from asbhub.errors import DataError
from asbhub.retention.areas import Areas
from asbhub.store.models import (
    Base,
    CaseReviewFlag,
    CaseReviewIncident,
    CaseReviewTrigger,
    Delivery,
    DisposalRun,
    InboundFile,
    Incident,
    QuarantineItem,
    Referral,
)

Predicate = Callable[[], ColumnElement[bool]]


def _referral_closed() -> ColumnElement[bool]:
    return Referral.closed_at.is_not(None)


def _referral_unclosed() -> ColumnElement[bool]:
    return Referral.closed_at.is_(None)


def _incident_has(condition: ColumnElement[bool] | None = None) -> ColumnElement[bool]:
    link = Referral.incident_id == Incident.id
    return exists().where(and_(link, condition) if condition is not None else link)


def _counted_incident(incident_class: str) -> ColumnElement[bool]:
    """The Case Review link's incident is in `incident_class`."""
    [predicate] = [p for c, p in TABLE_CLASSES["incidents"] if c == incident_class]
    return exists().where(Incident.id == CaseReviewIncident.incident_id, predicate())


def _counts_incident_in(incident_class: str) -> Predicate:
    return lambda: _counted_incident(incident_class)


def _trigger_counts(incident_class: str) -> ColumnElement[bool]:
    """The trigger counts an incident in `incident_class`."""
    return exists().where(
        CaseReviewIncident.trigger_pk == CaseReviewTrigger.id, _counted_incident(incident_class)
    )


def _flagged_referral(condition: Predicate) -> Predicate:
    """The referral a Case Review flag was told about meets `condition`."""
    return lambda: exists().where(Referral.id == CaseReviewFlag.referral_pk, condition())


# Which class each table's rows belong to. A table whose rows die with a parent's row (a
# foreign key ON DELETE CASCADE) and that is not listed here belongs to its parent's class.
TABLE_CLASSES: dict[str, list[tuple[str, Predicate]]] = {
    "referrals": [("referral", _referral_closed), ("referral_unclosed", _referral_unclosed)],
    # An incident lives as long as its referrals: while any is open, with the open ones.
    "incidents": [
        ("referral_unclosed", lambda: _incident_has(_referral_unclosed())),
        (
            "referral",
            lambda: and_(_incident_has(), not_(_incident_has(_referral_unclosed()))),
        ),
        ("incident_unreferred", lambda: not_(_incident_has())),
    ],
    "deliveries": [("delivery", true)],
    "inbound_files": [("inbound_original", true)],
    "quarantine": [("quarantine", true)],
    "disposal_notices": [("disposal_notice", true)],
    "legal_holds": [("legal_hold", true)],
    "ledger_events": [("ledger_event", true)],
    "disposal_runs": [("disposal_certificate", true)],
    "disposal_items": [("disposal_certificate", true)],
    # A review stage's decision is part of its run's certificate, kept with it.
    "disposal_approvals": [("disposal_certificate", true)],
    "review_decisions": [("disposal_certificate", true)],
    # A Case Review trigger lives as long as the longest-lived incident it counts, and goes when
    # the last of them goes (asbhub.retention.execute); a link goes with its incident.
    "case_review_incidents": [
        (name, _counts_incident_in(name))
        for name in ("referral_unclosed", "referral", "incident_unreferred")
    ],
    "case_review_triggers": [
        ("referral_unclosed", lambda: _trigger_counts("referral_unclosed")),
        (
            "referral",
            lambda: and_(_trigger_counts("referral"), not_(_trigger_counts("referral_unclosed"))),
        ),
        (
            "incident_unreferred",
            lambda: and_(
                _trigger_counts("incident_unreferred"),
                not_(_trigger_counts("referral_unclosed")),
                not_(_trigger_counts("referral")),
            ),
        ),
    ],
    # What a partner was told of a trigger lives and goes with the referral it was told about
    # (both of its keys cascade, so it is named here rather than left to a parent's class).
    "case_review_flags": [
        ("referral", _flagged_referral(_referral_closed)),
        ("referral_unclosed", _flagged_referral(_referral_unclosed)),
    ],
}
# Tables that hold no personal data and no reference to a person's record, and why.
NOT_PERSONAL: dict[str, str] = {
    "watermarks": "how far each stream has got (a batch id or a date)",
    "ledger_verifications": "walks of the ledger chain: who ran them and what they found",
}


class Uncovered(BaseModel):
    where: str
    count: int
    detail: str


class CoverageResult(BaseModel):
    ok: bool
    counts: dict[str, dict[str, int]]
    uncovered: list[Uncovered]
    not_personal: dict[str, str]


def check_coverage(session: Session, areas: Areas) -> CoverageResult:
    counts: dict[str, dict[str, int]] = {}
    uncovered: list[Uncovered] = []
    for table in Base.metadata.sorted_tables:
        if table.name in NOT_PERSONAL:
            continue
        members = _members(table)
        if members is None:
            uncovered.append(
                Uncovered(
                    where=f"store: {table.name}",
                    count=_count(session, table, true()),
                    detail="no record class covers this table: give it one in "
                    "asbhub/retention/coverage.py and rules in config/retention.yaml",
                )
            )
            continue
        for record_class, predicate in members:
            n = _count(session, table, predicate)
            if n:
                counts.setdefault(record_class, {})[table.name] = n
        uncovered += _gaps_and_overlaps(session, table, members)
    for where, file_class, problem in _files(session, areas):
        if file_class is not None:
            area = where.split("/", 1)[0] + "/"
            bucket = counts.setdefault(file_class, {})
            bucket[area] = bucket.get(area, 0) + 1
        else:
            uncovered.append(Uncovered(where=where, count=1, detail=problem))
    return CoverageResult(
        ok=not uncovered, counts=counts, uncovered=uncovered, not_personal=NOT_PERSONAL
    )


def _members(table: Table) -> list[tuple[str, ColumnElement[bool]]] | None:
    if table.name in TABLE_CLASSES:
        return [(cls, predicate()) for cls, predicate in TABLE_CLASSES[table.name]]
    for fk in table.foreign_keys:
        parent = fk.column.table
        if fk.ondelete == "CASCADE" and parent.name in TABLE_CLASSES:
            return [
                (cls, exists().where(and_(fk.column == fk.parent, predicate())))
                for cls, predicate in TABLE_CLASSES[parent.name]
            ]
    return None


def _count(session: Session, table: Table, where: ColumnElement[bool]) -> int:
    return int(session.scalar(select(func.count()).select_from(table).where(where)) or 0)


def _gaps_and_overlaps(
    session: Session, table: Table, members: list[tuple[str, ColumnElement[bool]]]
) -> list[Uncovered]:
    found: list[Uncovered] = []
    preds = [p for _c, p in members]
    none = _count(session, table, not_(or_(false(), *preds)))
    if none:
        keys = _sample_keys(session, table, not_(or_(false(), *preds)))
        found.append(
            Uncovered(
                where=f"store: {table.name}",
                count=none,
                detail=f"rows no record class covers (first keys: {keys})",
            )
        )
    for i, (first, p) in enumerate(members):
        for second, q in members[i + 1 :]:
            both = _count(session, table, and_(p, q))
            if both:
                found.append(
                    Uncovered(
                        where=f"store: {table.name}",
                        count=both,
                        detail=f"rows in two classes at once: {first} and {second}",
                    )
                )
    return found


def _sample_keys(session: Session, table: Table, where: ColumnElement[bool]) -> list[str]:
    key = next(iter(table.primary_key.columns))
    return [str(v) for v in session.scalars(select(key).where(where).order_by(key).limit(5))]


def _files(session: Session, areas: Areas) -> Iterator[tuple[str, str | None, str]]:
    """(where, class or None, why not) for every file in the hub's areas, by its key."""
    staging = _keys(
        areas,
        "staging",
        session.scalars(select(Delivery.staging_path).where(Delivery.staging_path.is_not(None))),
    )
    archived = _keys(
        areas,
        "archive",
        session.scalars(
            select(InboundFile.archive_path).where(InboundFile.archive_path.is_not(None))
        ),
    )
    originals = _keys(
        areas,
        "quarantine",
        session.scalars(
            select(QuarantineItem.original_path).where(QuarantineItem.original_path.is_not(None))
        ),
    )
    reports = {
        ("reports", "rejections", partner, name)
        for partner, name in session.execute(
            select(InboundFile.partner_id, InboundFile.rejection_report).where(
                InboundFile.rejection_report.is_not(None)
            )
        )
    }
    runs = set(session.scalars(select(DisposalRun.run_id)))
    for area in areas.names:
        for key in areas.files(area):
            parts = PurePosixPath(key).parts
            if area == "staging" and any(key.startswith(folder + "/") for folder in staging):
                yield key, "delivery", ""
            elif area == "archive" and key in archived:
                yield key, "inbound_original", ""
            elif area == "quarantine" and key in originals:
                yield key, "quarantine", ""
            elif area == "reports" and len(parts) == 2 and PurePosixPath(key).stem in runs:
                yield key, "disposal_certificate", ""
            elif area == "reports" and parts in reports:
                yield key, "rejection_report", ""
            else:
                yield key, None, _why_uncovered(area)


def _keys(areas: Areas, area: str, stored: Iterable[str | None]) -> set[str]:
    """The keys of stored paths that lie in one area (a path elsewhere is not in it)."""
    found: set[str] = set()
    for value in stored:
        if value:
            with contextlib.suppress(DataError):
                found.add(areas.key(value, area))
    return found


def _why_uncovered(area: str) -> str:
    return {
        "landing": "an extract waiting to be ingested (`asbhub ingest run`); no class keeps it",
        "inbound": "left by an interrupted inbound run; no class keeps it",
    }.get(area, "no record in the store owns this file, so no class decides when it goes")
