"""Execution handlers for the record classes beyond referrals and files: incidents never referred,
the hub's copies of rejection reports, disposal notices; and what goes with a disposed record
(its quarantined original on disk, the clear reference on a removed legal hold)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from asbhub.errors import DataError
from asbhub.ledger import LedgerKey
from asbhub.retention.areas import Areas
from asbhub.retention.batch import Batch, Execution
from asbhub.retention.holds import held
from asbhub.store.models import (
    DisposalNotice,
    InboundFile,
    Incident,
    LegalHold,
    QuarantineItem,
    Referral,
)


def scrub_removed_holds(session: Session, key: LedgerKey, references: Sequence[str]) -> None:
    """A removed hold keeps its history, but names a disposed record only by its keyed hash."""
    if not references:
        return
    for hold in session.scalars(
        select(LegalHold).where(
            LegalHold.removed_at.is_not(None), LegalHold.reference.in_(list(references))
        )
    ):
        hold.reference = key.reference_hash(hold.reference)


def remove_quarantined_originals(session: Session, job: Execution, pks: Sequence[int]) -> None:
    """Delete the originals kept on disk for these quarantine rows, unless a row that stays still
    needs the same file (originals are named by content hash, so two rows may share one)."""
    if not pks:
        return
    going = set(pks)
    paths: set[str] = {
        path
        for (path,) in session.execute(
            select(QuarantineItem.original_path).where(
                QuarantineItem.id.in_(list(going)), QuarantineItem.original_path.is_not(None)
            )
        )
        if path
    }
    for stored in paths:
        still_needed = session.scalar(
            select(QuarantineItem.id)
            .where(QuarantineItem.original_path == stored, QuarantineItem.id.not_in(list(going)))
            .limit(1)
        )
        # An original kept in the archive (a file too large to copy) goes with the archive.
        if still_needed is None and quarantined_original(job.areas, stored) is not None:
            job.areas.remove(stored, "quarantine")


def quarantined_original(areas: Areas, stored: str | None) -> Path | None:
    """The local path of an original kept in the quarantine area; None for one kept elsewhere
    (the archive copy of a file too large to copy) or for none."""
    if not stored:
        return None
    try:
        return areas.quarantine_path(stored)
    except DataError:
        return None


def dispose_unreferred_incidents(session: Session, job: Execution, items: Sequence[Any]) -> Batch:
    by_ref = {target: item_id for item_id, target, _rule in items}
    batch = Batch()
    on_hold = held(session, by_ref)
    referred = set(
        session.scalars(
            select(Incident.incident_ref).where(
                Incident.incident_ref.in_(list(by_ref)),
                exists().where(Referral.incident_id == Incident.id),
            )
        )
    )
    going = [ref for ref in by_ref if ref not in on_hold and ref not in referred]
    batch.held = [by_ref[ref] for ref in by_ref if ref in on_hold]
    for ref in referred - on_hold:
        batch.failed[by_ref[ref]] = "referred since planning: it is now kept with its referral"
    if going:
        session.execute(delete(Incident).where(Incident.incident_ref.in_(going)))
        scrub_removed_holds(session, job.key, going)
    batch.disposed = [by_ref[ref] for ref in going]
    batch.erased = going
    batch.scan_terms = {by_ref[ref]: [job.key.reference_hash(ref)] for ref in going}
    return batch


def dispose_rejection_reports(session: Session, job: Execution, items: Sequence[Any]) -> Batch:
    by_pk = {int(target[3:]): item_id for item_id, target, _rule in items}
    batch = Batch()
    files = session.scalars(select(InboundFile).where(InboundFile.id.in_(list(by_pk)))).all()
    holds = held(
        session, [v for f in files for v in (f"RR-{f.id}", f.name, f.rejection_report or "")]
    )
    found = {f.id for f in files}
    batch.disposed = [item_id for pk, item_id in by_pk.items() if pk not in found]
    for inbound in files:
        item_id = by_pk[inbound.id]
        if {f"RR-{inbound.id}", inbound.name, inbound.rejection_report} & holds:
            batch.held.append(item_id)
            continue
        if inbound.rejection_report:
            try:
                job.areas.remove(
                    job.areas.report_path(
                        "rejections", inbound.partner_id, inbound.rejection_report
                    )
                )
            except OSError as exc:
                batch.failed[item_id] = f"{type(exc).__name__}: {exc.strerror}"
                continue
        inbound.rejection_report = None
        batch.disposed.append(item_id)
        batch.erased.append(f"RR-{inbound.id}")
    return batch


def dispose_notices(session: Session, job: Execution, items: Sequence[Any]) -> Batch:
    by_notice = {target: item_id for item_id, target, _rule in items}
    batch = Batch()
    rows = session.execute(
        select(DisposalNotice.notice_id, DisposalNotice.referral_id).where(
            DisposalNotice.notice_id.in_(list(by_notice))
        )
    ).all()
    holds = held(session, [v for row in rows for v in row])
    keep = {notice for notice, referral in rows if {notice, referral} & holds}
    going = [notice for notice in by_notice if notice not in keep]
    batch.held = [by_notice[n] for n in keep]
    if going:
        session.execute(delete(DisposalNotice).where(DisposalNotice.notice_id.in_(going)))
    batch.disposed = [by_notice[n] for n in going]
    batch.erased = going
    return batch
