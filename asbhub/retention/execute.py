"""Execute an approved disposal run in batches that survive a crash at any point and converge."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import BaseModel
from sqlalchemy import and_, delete, exists, select, update
from sqlalchemy.orm import Session

from asbhub import ledger
from asbhub.casereview.triggers import drop_emptied_triggers
from asbhub.errors import DataError
from asbhub.ledger import Event, EventKind, LedgerKey
from asbhub.ledger import retention as ledger_retention
from asbhub.ledger.bulk import bulk_insert, member
from asbhub.retention import handlers
from asbhub.retention.areas import Areas, RemoteFolders, delivered_names
from asbhub.retention.batch import Batch, Execution
from asbhub.retention.copies import Copy, Terms, sweep_local, sweep_remote
from asbhub.retention.holds import held, held_references
from asbhub.retention.plan import DISPOSABLE, Checkpoint
from asbhub.retention.runs import get_run
from asbhub.retention.status import ItemStatus, RunStatus
from asbhub.store.engine import Store
from asbhub.store.models import (
    Delivery,
    DisposalItem,
    DisposalNotice,
    InboundFile,
    Incident,
    Outcome,
    QuarantineItem,
    Referral,
)

DEFAULT_ACK_DAYS = 28
ACTOR = "retention"
PENDING = (ItemStatus.PLANNED, ItemStatus.FAILED)  # item statuses execution still has to act on
# Classes whose disposal deletes incidents: a Case Review trigger left counting none goes too.
DELETES_INCIDENTS = ("referral", "referral_unclosed", "incident_unreferred")


class ExecuteResult(BaseModel):
    run_id: str
    status: RunStatus
    disposed: dict[str, int]
    held_after_planning: int
    failed: int
    notices_queued: int
    copies: list[Copy] = []


def execute_run(
    store: Store,
    run_id: str,
    key: LedgerKey,
    areas: Areas,
    remote: RemoteFolders | None = None,
    ack_days: int | Mapping[str, int] = DEFAULT_ACK_DAYS,
    batch_size: int = 10000,
    checkpoint: Checkpoint | None = None,
) -> ExecuteResult:
    """Dispose of what the run planned; refuses without approval; resumable after any crash."""
    with store.session() as session:
        run = get_run(session, run_id, for_update=True)
        if not run.approved_by:
            raise DataError(
                f"disposal run {run_id} is not approved: nothing is disposed without "
                f"approval (`asbhub disposal approve {run_id} --by NAME`)"
            )
        if run.status not in (
            RunStatus.APPROVED,
            RunStatus.EXECUTING,
            RunStatus.EXECUTED,
            RunStatus.VERIFICATION_FAILED,
        ):
            raise DataError(f"disposal run {run_id} is {run.status} and cannot be executed")
        run.status = RunStatus.EXECUTING
        run_pk = run.id
    days = (
        (lambda _p: ack_days)
        if isinstance(ack_days, int)
        else (lambda p: ack_days.get(p, DEFAULT_ACK_DAYS))
    )
    job = Execution(run_id, run_pk, key, areas, remote, days, checkpoint or (lambda _s: None))
    job.checkpoint("execute:started")
    for record_class in DISPOSABLE:
        last_id = 0
        while True:
            with store.session() as session:
                items = session.execute(
                    select(DisposalItem.id, DisposalItem.target, DisposalItem.rule)
                    .where(
                        DisposalItem.run_pk == run_pk,
                        DisposalItem.record_class == record_class,
                        DisposalItem.status.in_(PENDING),
                        DisposalItem.id > last_id,
                    )
                    .order_by(DisposalItem.id)
                    .limit(batch_size)
                ).all()
                if not items:
                    break
                last_id = items[-1][0]
                batch = HANDLERS[record_class](session, job, items)
                if record_class in DELETES_INCIDENTS:
                    drop_emptied_triggers(session)
                _record(session, job, record_class, items, batch)
                job.checkpoint(f"execute:{record_class}:before-commit")
            job.checkpoint(f"execute:{record_class}:committed")
    copies = _sweep_copies(store, job)
    job.checkpoint("execute:copies-swept")
    with store.session() as session:
        run = get_run(session, run_id, for_update=True)
        run.status = RunStatus.EXECUTED
        run.executed_at = datetime.now(UTC)
        summary = _summary(session, run_pk)
    job.checkpoint("execute:finished")
    return ExecuteResult(run_id=run_id, status=RunStatus.EXECUTED, copies=copies, **summary)


def run_scan_terms(session: Session, run_pk: int) -> set[str]:
    """The keyed hashes of the references of every record the run has disposed of."""
    terms: set[str] = set()
    for (found,) in session.execute(
        select(DisposalItem.scan_terms).where(
            DisposalItem.run_pk == run_pk,
            DisposalItem.status == ItemStatus.DISPOSED,
            DisposalItem.scan_terms.is_not(None),
        )
    ):
        terms.update(found or [])
    return terms


def _sweep_copies(store: Store, job: Execution) -> list[Copy]:
    """Take the disposed records out of every other file that names them: staging batch files,
    archives, quarantined originals, the hub's reports, and the partners' folders."""
    with store.session() as session:
        terms = Terms(job.key, run_scan_terms(session, job.run_pk))
    copies = sweep_local(job.areas, terms, fix=True)
    if job.remote is not None:
        copies += sweep_remote(job.remote, job.remote.partner_ids, terms, fix=True)
    return copies


def _summary(session: Session, run_pk: int) -> dict[str, Any]:
    from sqlalchemy import func

    rows = session.execute(
        select(DisposalItem.record_class, DisposalItem.status, func.count())
        .where(DisposalItem.run_pk == run_pk)
        .group_by(DisposalItem.record_class, DisposalItem.status)
    ).all()
    notices = (
        session.scalar(
            select(func.count()).select_from(DisposalNotice).where(DisposalNotice.run_pk == run_pk)
        )
        or 0
    )
    return {
        "disposed": {c: n for c, s, n in rows if s == ItemStatus.DISPOSED},
        "held_after_planning": sum(n for _c, s, n in rows if s == ItemStatus.HELD),
        "failed": sum(n for _c, s, n in rows if s == ItemStatus.FAILED),
        "notices_queued": int(notices),
    }


def _in_batch(job: Execution, record_class: str, items: Sequence[Any]) -> Any:
    """The batch's items as a condition: the same filter that selected them, over their id range
    (items are selected in id order, so the range holds exactly those items)."""
    return and_(
        DisposalItem.run_pk == job.run_pk,
        DisposalItem.record_class == record_class,
        DisposalItem.status.in_(PENDING),
        DisposalItem.id.between(items[0][0], items[-1][0]),
    )


def _record(
    session: Session, job: Execution, record_class: str, items: Sequence[Any], batch: Batch
) -> None:
    """Mark the batch's items and log one erasure event for what went."""
    now = datetime.now(UTC)
    if batch.disposed:
        others = [*batch.held, *batch.failed]
        if len(batch.disposed) + len(others) == len(items):  # the whole batch: key it by range
            where = _in_batch(job, record_class, items)
            if others:
                where = and_(where, ~member(session, DisposalItem.id, others))
        else:
            where = member(session, DisposalItem.id, batch.disposed)
        session.connection().execute(
            update(DisposalItem)
            .where(where)
            .values(status=ItemStatus.DISPOSED, disposed_at=now, detail=None)
        )
    if batch.held:
        session.connection().execute(
            update(DisposalItem)
            .where(member(session, DisposalItem.id, batch.held))
            .values(status=ItemStatus.HELD, detail="legal hold placed after planning")
        )
    if batch.scan_terms:  # one UPDATE by primary key for many rows
        session.execute(
            update(DisposalItem),
            [{"id": item_id, "scan_terms": terms} for item_id, terms in batch.scan_terms.items()],
        )
    for item_id, why in batch.failed.items():
        session.connection().execute(
            update(DisposalItem)
            .where(DisposalItem.id == item_id)
            .values(status=ItemStatus.FAILED, detail=why[:500])
        )
    if batch.erased and record_class != "ledger_event":  # a ledger prune logs itself
        disposed = set(batch.disposed)
        rules = sorted({rule for item_id, _t, rule in items if item_id in disposed})
        ledger.append(
            session,
            job.key,
            Event(
                kind=EventKind.ERASURE,
                actor=ACTOR,
                references=batch.erased,
                justification=f"retention schedule, disposal run {job.run_id}",
                details={
                    "run_id": job.run_id,
                    "record_class": record_class,
                    "rules": rules,
                    "count": len(batch.erased),
                },
            ),
        )


def _dispose_referrals(session: Session, job: Execution, items: Sequence[Any]) -> Batch:
    by_target = {target: item_id for item_id, target, _rule in items}
    rule_of = {target: rule for _id, target, rule in items}
    # Core rows read by position (pk, referral id, partner, delivered?, incident pk, incident
    # ref), and no timestamps to convert: this runs for 10,000 referrals a batch. The ids go as
    # one opaque array, which keeps the plan on the two unique indexes however large the store.
    rows = (
        session.connection()
        .execute(
            select(
                Referral.id,
                Referral.referral_id,
                Referral.partner_id,
                Referral.delivered_at.is_not(None),
                Referral.incident_id,
                Incident.incident_ref,
            )
            .join(Incident, Incident.id == Referral.incident_id)
            .where(member(session, Referral.referral_id, list(by_target), opaque=True))
        )
        .all()
    )
    holds = held_references(session)
    batch = Batch()
    if holds:
        going = [r for r in rows if r[1] not in holds and r[5] not in holds]
        batch.held = [by_target[r[1]] for r in rows if r[1] in holds or r[5] in holds]
        held_ids = set(batch.held)
        batch.disposed = [i for i in by_target.values() if i not in held_ids]
    else:
        going = list(rows)
        batch.disposed = list(by_target.values())  # a referral gone already counts as disposed
    if going:
        pks = [r[0] for r in going]
        session.connection().execute(
            delete(Outcome).where(member(session, Outcome.referral_pk, pks, opaque=True))
        )
        session.connection().execute(
            delete(Referral).where(member(session, Referral.id, pks, opaque=True))
        )
        orphaned = {r[4] for r in going}
        session.connection().execute(
            delete(Incident).where(
                member(session, Incident.id, list(orphaned), opaque=True),
                ~exists().where(Referral.incident_id == Incident.id),
            )
        )
        remaining = set(
            session.scalars(
                select(Incident.id).where(member(session, Incident.id, list(orphaned), opaque=True))
            )
        )
        # An incident another partner's referral still holds keeps its reference in the store.
        references = {r[1]: [r[1]] + ([] if r[4] in remaining else [r[5]]) for r in going}
        batch.scan_terms = {
            by_target[ref]: [job.key.reference_hash(t) for t in terms]
            for ref, terms in references.items()
        }
        handlers.scrub_removed_holds(
            session, job.key, [t for terms in references.values() for t in terms]
        )
    batch.erased = [r[1] for r in going]
    now = datetime.now(UTC)  # one issue time for the batch's notices
    notices = [_notice(job, r[2], r[1], rule_of[r[1]], now) for r in going if r[3]]
    if notices:
        bulk_insert(session, DisposalNotice.__table__, notices)
    batch.notices = len(notices)
    return batch


def notice_id(run_id: str, referral_id: str) -> str:
    """Deterministic, so a resumed run can never issue a second notice for the same referral."""
    return "DN-" + hashlib.sha256(f"{run_id}/{referral_id}".encode()).hexdigest()[:16].upper()


def _notice(
    job: Execution, partner_id: str, referral_id: str, rule: str, now: datetime
) -> dict[str, Any]:
    return {
        "notice_id": notice_id(job.run_id, referral_id),
        "run_pk": job.run_pk,
        "partner_id": partner_id,
        "referral_id": referral_id,
        "reason": f"retention rule {rule}"[:200],
        "issued_at": now,
        "acknowledge_by": now.date() + timedelta(days=job.ack_days(partner_id)),
    }


def _dispose_deliveries(session: Session, job: Execution, items: Sequence[Any]) -> Batch:
    by_target = {target: item_id for item_id, target, _rule in items}
    batch = Batch()
    on_hold = held(session, by_target)
    deliveries = {
        d.batch_id: d
        for d in session.scalars(select(Delivery).where(Delivery.batch_id.in_(list(by_target))))
    }
    for target, item_id in by_target.items():
        if target in on_hold:
            batch.held.append(item_id)
            continue
        delivery = deliveries.get(target)
        if delivery is None:
            batch.disposed.append(item_id)
            continue
        try:
            if delivery.staging_path:
                job.areas.remove(delivery.staging_path, "staging")
            names = delivered_names(delivery.files)
            if job.remote is not None and names:
                job.remote.delete(delivery.partner_id, names)
        except Exception as exc:  # one stubborn file must not stop the run; verify reports it
            batch.failed[item_id] = f"{type(exc).__name__}: {exc}"
            continue
        delivery.disposed_at = datetime.now(UTC)
        batch.disposed.append(item_id)
        batch.erased.append(target)
    job.checkpoint("execute:delivery:files-deleted")
    return batch


def _dispose_quarantine(session: Session, job: Execution, items: Sequence[Any]) -> Batch:
    by_pk = {int(target[2:]): item_id for item_id, target, _rule in items}
    rows = session.execute(
        select(QuarantineItem.id, QuarantineItem.file_name, QuarantineItem.file_sha256).where(
            QuarantineItem.id.in_(list(by_pk))
        )
    ).all()
    batch = Batch()
    holds = held(session, [v for row in rows for v in (f"Q-{row[0]}", row[1], row[2]) if v])
    keep = {pk for pk, name, sha in rows if {f"Q-{pk}", name, sha} & holds}
    batch.held = [by_pk[pk] for pk in keep]
    going = [pk for pk in by_pk if pk not in keep]
    handlers.remove_quarantined_originals(session, job, going)
    session.connection().execute(
        delete(QuarantineItem).where(member(session, QuarantineItem.id, going))
    )
    batch.disposed = [by_pk[pk] for pk in going]
    batch.erased = [f"Q-{pk}" for pk in going]
    return batch


def _dispose_inbound_originals(session: Session, job: Execution, items: Sequence[Any]) -> Batch:
    by_pk = {int(target[3:]): item_id for item_id, target, _rule in items}
    batch = Batch()
    files = session.scalars(select(InboundFile).where(InboundFile.id.in_(list(by_pk)))).all()
    holds = held(session, [v for f in files for v in (f"IF-{f.id}", f.name, f.sha256)])
    found = {f.id for f in files}
    batch.disposed = [item_id for pk, item_id in by_pk.items() if pk not in found]
    for original in files:
        item_id = by_pk[original.id]
        if {f"IF-{original.id}", original.name, original.sha256} & holds:
            batch.held.append(item_id)
            continue
        try:
            if original.archive_path:
                job.areas.remove(original.archive_path, "archive")
        except OSError as exc:
            batch.failed[item_id] = f"{type(exc).__name__}: {exc.strerror}"
            continue
        original.archive_path = None
        batch.disposed.append(item_id)
        batch.erased.append(f"IF-{original.id}")
    job.checkpoint("execute:inbound_original:files-deleted")
    return batch


def _seal_ledger(session: Session, job: Execution, items: Sequence[Any]) -> Batch:
    """Seal the planned events (ledger/retention.py): content dropped, chain kept whole."""
    by_seq = {ledger_retention.seq_of(target): item_id for item_id, target, _rule in items}
    done = ledger_retention.seal_planned(session, job.key, job.run_id, list(by_seq), ACTOR)
    return Batch(disposed=[by_seq[s] for s in done.sealed], held=[by_seq[s] for s in done.kept])


HANDLERS: dict[str, Callable[[Session, Execution, Sequence[Any]], Batch]] = {
    "referral": _dispose_referrals,
    "referral_unclosed": _dispose_referrals,
    "incident_unreferred": handlers.dispose_unreferred_incidents,
    "rejection_report": handlers.dispose_rejection_reports,
    "disposal_notice": handlers.dispose_notices,
    "delivery": _dispose_deliveries,
    "quarantine": _dispose_quarantine,
    "inbound_original": _dispose_inbound_originals,
    "ledger_event": _seal_ledger,
}
