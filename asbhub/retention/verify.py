"""Verify a disposal run: re-check that nothing it planned remains anywhere (its own rows and files,
and any copy of its records in the hub's areas, the partners' folders or any table), say so
honestly, and freeze the certificate."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from asbhub import ledger
from asbhub.errors import DataError
from asbhub.ledger import LedgerKey
from asbhub.ledger.retention import seq_of, target_of
from asbhub.retention.areas import Areas, RemoteFolders, delivered_names
from asbhub.retention.copies import Copy, Terms, sweep_local, sweep_remote
from asbhub.retention.execute import run_scan_terms
from asbhub.retention.frozen import freeze
from asbhub.retention.runs import get_run
from asbhub.retention.status import ItemStatus, RunStatus
from asbhub.retention.store_scan import store_copies
from asbhub.store.engine import Store
from asbhub.store.models import (
    Delivery,
    DisposalItem,
    DisposalNotice,
    InboundFile,
    Incident,
    LedgerEvent,
    QuarantineItem,
    Referral,
)

CHUNK = 5000
# left for a person, or decided for a later run
NOT_ACTED_ON = (ItemStatus.REVIEW, ItemStatus.KEPT, ItemStatus.DECIDED)
# Classes whose item targets are references to people's records: scrubbed once verified.
CLEAR_TARGETS = ("referral", "referral_unclosed", "incident_unreferred")


class Survivor(BaseModel):
    """A planned record that is still somewhere; named only by its keyed hash."""

    record_class: str
    rule: str
    reference_hash: str
    where: str


class VerificationResult(BaseModel):
    run_id: str
    ok: bool
    checked: int
    held_after_planning: int
    survivors: list[Survivor]
    ledger_head: dict[str, Any]
    areas_scanned: list[str] = []
    certificate_sha256: str | None = None


def verify_run(
    store: Store,
    run_id: str,
    areas: Areas,
    remote: RemoteFolders | None = None,
    checkpoint: Callable[[str], None] | None = None,
    *,
    key: LedgerKey,
) -> VerificationResult:
    """Look for every planned record in the store, the staging and archive areas and partner
    folders, and for the disposed records' references in every file of every area and every
    table; record the result and the ledger head on the run, and freeze the certificate."""
    with store.session() as session:
        run = get_run(session, run_id)
        if run.status not in (
            RunStatus.EXECUTED,
            RunStatus.VERIFIED,
            RunStatus.VERIFICATION_FAILED,
        ):
            raise DataError(f"disposal run {run_id} is {run.status}: execute it before verifying")
        run_pk = run.id
    survivors: list[Survivor] = []
    checked = held_count = 0
    with store.session() as session:
        last_id = 0
        while True:
            items = session.scalars(
                select(DisposalItem)
                .where(
                    DisposalItem.run_pk == run_pk,
                    DisposalItem.id > last_id,
                    DisposalItem.status.not_in(NOT_ACTED_ON),
                )
                .order_by(DisposalItem.id)
                .limit(CHUNK)
            ).all()
            if not items:
                break
            last_id = items[-1].id
            held_count += sum(1 for i in items if i.status == ItemStatus.HELD)
            live = [i for i in items if i.status != ItemStatus.HELD]
            checked += len(live)
            survivors.extend(_survivors(session, areas, remote, live))
    scanned, copies = _scan(store, run_pk, areas, remote, key)
    survivors.extend(copies)
    if checkpoint:
        checkpoint("verify:checked")
    with store.session() as session:
        head_seq, head_hash = ledger.head(session)
        run = get_run(session, run_id, for_update=True)
        result = VerificationResult(
            run_id=run_id,
            ok=not survivors,
            checked=checked,
            held_after_planning=held_count,
            survivors=survivors,
            ledger_head={"seq": head_seq, "hash": head_hash},
            areas_scanned=scanned,
        )
        if result.ok and run.status == RunStatus.VERIFIED and run.certificate_sha256:
            # Still clean: the certificate frozen at the first verification stands, so every
            # copy of it, written before or after, is the same document.
            result.ledger_head = dict(run.verification or {}).get("ledger_head", result.ledger_head)
            result.certificate_sha256 = run.certificate_sha256
            return result
        run.verification = result.model_dump(mode="json")
        run.ledger_head = head_hash
        run.verified_at = datetime.now(UTC)
        run.status = RunStatus.VERIFIED if result.ok else RunStatus.VERIFICATION_FAILED
        if result.ok:
            _scrub(session, run_pk)
        session.flush()
        result.certificate_sha256 = freeze(session, key, run_id).sha256
    return result


def _scan(
    store: Store, run_pk: int, areas: Areas, remote: RemoteFolders | None, key: LedgerKey
) -> tuple[list[str], list[Survivor]]:
    """Every area on disk, every partner folder and every table, searched for the references of
    what the run disposed of. Survivors name the area and file (or table and column) only."""
    with store.session() as session:
        terms = Terms(key, run_scan_terms(session, run_pk))
        owners: dict[str, tuple[str, str, str]] = {}
        for record_class, rule, ref_hash, found_terms in session.execute(
            select(
                DisposalItem.record_class,
                DisposalItem.rule,
                DisposalItem.reference_hash,
                DisposalItem.scan_terms,
            ).where(DisposalItem.run_pk == run_pk, DisposalItem.scan_terms.is_not(None))
        ):
            for term in found_terms or []:
                owners[term] = (record_class, rule, ref_hash)
        notice_ids = set(
            session.scalars(select(DisposalNotice.notice_id).where(DisposalNotice.run_pk == run_pk))
        )
        found: list[tuple[str, set[str]]] = [
            (f"store: {column}", hits) for column, hits in store_copies(session, terms, notice_ids)
        ]
    scanned = [f"store ({len(terms)} references)", *(f"{a}/" for a in areas.names)]
    copies: list[Copy] = sweep_local(areas, terms, fix=False)
    if remote is not None:
        scanned += [f"partner folder {p}" for p in remote.partner_ids]
        try:
            copies += sweep_remote(remote, remote.partner_ids, terms, fix=False)
        except Exception as exc:  # cannot look: that is not proof of absence
            found.append(
                (f"partner folders could not be scanned: {type(exc).__name__}", set(terms.hashes))
            )
    found += [(copy.where, copy.hits) for copy in copies]
    survivors: list[Survivor] = []
    for where, hits in found:
        for record_class, rule, ref_hash in sorted({owners[t] for t in hits if t in owners}):
            survivors.append(
                Survivor(record_class=record_class, rule=rule, reference_hash=ref_hash, where=where)
            )
    return scanned, survivors


def _scrub(session: Session, run_pk: int) -> None:
    """Once verified, every run's items name the records this run disposed of only by keyed
    hash (an earlier run may have listed the same record for review)."""
    gone = (
        select(DisposalItem.reference_hash)
        .where(
            DisposalItem.run_pk == run_pk,
            DisposalItem.status == ItemStatus.DISPOSED,
            DisposalItem.record_class.in_(CLEAR_TARGETS),
        )
        .scalar_subquery()
    )
    session.execute(
        update(DisposalItem)
        .where(
            DisposalItem.record_class.in_(CLEAR_TARGETS),
            DisposalItem.reference_hash.in_(gone),
            DisposalItem.target.not_like("#%"),
        )
        .values(target="#" + DisposalItem.reference_hash)
        .execution_options(synchronize_session=False)
    )


def _survivors(
    session: Session, areas: Areas, remote: RemoteFolders | None, items: list[DisposalItem]
) -> list[Survivor]:
    found: list[Survivor] = []

    def survived(item: DisposalItem, where: str) -> None:
        found.append(
            Survivor(
                record_class=item.record_class,
                rule=item.rule,
                reference_hash=item.reference_hash,
                where=where,
            )
        )

    for item in items:
        if item.status == ItemStatus.PLANNED:
            survived(item, "not executed")
    by_class: dict[str, dict[str, DisposalItem]] = {}
    for item in items:
        if item.status != ItemStatus.PLANNED:
            by_class.setdefault(item.record_class, {})[item.target] = item
    referrals = {**by_class.get("referral", {}), **by_class.get("referral_unclosed", {})}
    if referrals:
        for (referral_id,) in session.execute(
            select(Referral.referral_id).where(Referral.referral_id.in_(list(referrals)))
        ):
            survived(referrals[referral_id], "store: referrals")
    incidents = by_class.get("incident_unreferred", {})
    if incidents:
        for (ref,) in session.execute(
            select(Incident.incident_ref).where(Incident.incident_ref.in_(list(incidents)))
        ):
            survived(incidents[ref], "store: incidents")
    notices = by_class.get("disposal_notice", {})
    if notices:
        for (notice,) in session.execute(
            select(DisposalNotice.notice_id).where(DisposalNotice.notice_id.in_(list(notices)))
        ):
            survived(notices[notice], "store: disposal_notices")
    reports = by_class.get("rejection_report", {})
    if reports:
        for inbound in session.scalars(
            select(InboundFile).where(InboundFile.id.in_([int(t[3:]) for t in reports]))
        ):
            if inbound.rejection_report:
                path = areas.report_path("rejections", inbound.partner_id, inbound.rejection_report)
                where = "reports/rejections" if areas.exists(path) else "store: inbound_files"
                survived(reports[f"RR-{inbound.id}"], where)
    quarantine = by_class.get("quarantine", {})
    if quarantine:
        for (pk,) in session.execute(
            select(QuarantineItem.id).where(QuarantineItem.id.in_([int(t[2:]) for t in quarantine]))
        ):
            survived(quarantine[f"Q-{pk}"], "store: quarantine")
    events = by_class.get("ledger_event", {})
    if events:  # a disposed event stays in the chain, sealed: one still live survived
        for (seq,) in session.execute(
            select(LedgerEvent.seq).where(
                LedgerEvent.seq.in_([seq_of(t) for t in events]), LedgerEvent.sealed_at.is_(None)
            )
        ):
            survived(events[target_of(seq)], "store: ledger_events (not sealed)")
    originals = by_class.get("inbound_original", {})
    if originals:
        for original in session.scalars(
            select(InboundFile).where(InboundFile.id.in_([int(t[3:]) for t in originals]))
        ):
            if original.archive_path:
                item = originals[f"IF-{original.id}"]
                kept = areas.exists(original.archive_path, "archive")
                survived(item, "inbound archive" if kept else "store: inbound_files")
    deliveries = by_class.get("delivery", {})
    if deliveries:
        for delivery in session.scalars(
            select(Delivery).where(Delivery.batch_id.in_(list(deliveries)))
        ):
            survived_where = _delivery_remains(delivery, areas, remote)
            if survived_where:
                survived(deliveries[delivery.batch_id], survived_where)
    return found


def _delivery_remains(delivery: Delivery, areas: Areas, remote: RemoteFolders | None) -> str | None:
    if delivery.disposed_at is None:
        return "store: deliveries (not marked disposed)"
    if delivery.staging_path and areas.exists(delivery.staging_path, "staging"):
        return "staging area"
    names = delivered_names(delivery.files)
    if remote is not None and names:
        try:
            if remote.remaining(delivery.partner_id, names):
                return f"partner folder ({delivery.partner_id})"
        except Exception as exc:  # cannot look: that is not proof of absence
            return (
                f"partner folder ({delivery.partner_id}) could not be checked: {type(exc).__name__}"
            )
    return None
