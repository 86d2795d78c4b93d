"""Verify a disposal run: re-check that nothing it planned remains anywhere, and say so honestly."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from asbhub import ledger
from asbhub.errors import DataError
from asbhub.retention.areas import Areas, RemoteFolders, delivered_names
from asbhub.retention.runs import get_run
from asbhub.store.engine import Store
from asbhub.store.models import (
    Delivery,
    DisposalItem,
    InboundFile,
    LedgerEvent,
    QuarantineItem,
    Referral,
)

CHUNK = 5000


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


def verify_run(
    store: Store,
    run_id: str,
    areas: Areas,
    remote: RemoteFolders | None = None,
    checkpoint: Callable[[str], None] | None = None,
) -> VerificationResult:
    """Look for every planned record in the store, the staging and archive areas and partner
    folders; record the result and the ledger head on the run."""
    with store.session() as session:
        run = get_run(session, run_id)
        if run.status not in ("executed", "verified", "verification_failed"):
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
                    DisposalItem.status.not_in(("review",)),
                )
                .order_by(DisposalItem.id)
                .limit(CHUNK)
            ).all()
            if not items:
                break
            last_id = items[-1].id
            held_count += sum(1 for i in items if i.status == "held")
            live = [i for i in items if i.status != "held"]
            checked += len(live)
            survivors.extend(_survivors(session, areas, remote, live))
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
        )
        run.verification = result.model_dump(mode="json")
        run.ledger_head = head_hash
        run.verified_at = datetime.now(UTC)
        run.status = "verified" if result.ok else "verification_failed"
    return result


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
        if item.status == "planned":
            survived(item, "not executed")
    by_class: dict[str, dict[str, DisposalItem]] = {}
    for item in items:
        if item.status != "planned":
            by_class.setdefault(item.record_class, {})[item.target] = item
    referrals = by_class.get("referral", {})
    if referrals:
        for (referral_id,) in session.execute(
            select(Referral.referral_id).where(Referral.referral_id.in_(list(referrals)))
        ):
            survived(referrals[referral_id], "store: referrals")
    quarantine = by_class.get("quarantine", {})
    if quarantine:
        for (pk,) in session.execute(
            select(QuarantineItem.id).where(QuarantineItem.id.in_([int(t[2:]) for t in quarantine]))
        ):
            survived(quarantine[f"Q-{pk}"], "store: quarantine")
    events = by_class.get("ledger_event", {})
    if events:
        for (seq,) in session.execute(
            select(LedgerEvent.seq).where(
                LedgerEvent.seq.in_([int(t.split(":", 1)[1]) for t in events])
            )
        ):
            survived(events[f"ledger:{seq}"], "store: ledger_events")
    originals = by_class.get("inbound_original", {})
    if originals:
        for original in session.scalars(
            select(InboundFile).where(InboundFile.id.in_([int(t[3:]) for t in originals]))
        ):
            if original.archive_path:
                item = originals[f"IF-{original.id}"]
                path = areas.archive_path(original.archive_path)
                survived(item, "inbound archive" if path.exists() else "store: inbound_files")
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
    if delivery.staging_path and areas.staging_path(delivery.staging_path).exists():
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
