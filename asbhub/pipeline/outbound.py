"""Outbound: each partner's nightly batch of referrals (with the updates and withdrawals of
referrals it holds, their Community Trigger flags, and disposal notices), minimised, checked,
written in its format with a manifest, delivered atomically, and logged.

A night's batch id is derived from partner and night. A batch is first *staged* (files in the
hub's staging area, referrals bound to it) and then *delivered*; a crash at any point is
recovered by running the night again: staged batches are delivered first, in night order, and
nothing is staged or disclosed twice.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from sqlalchemy import ColumnElement, and_, exists, or_, select, update
from sqlalchemy.exc import IntegrityError

from asbhub import ledger
from asbhub.casereview.flags import FlagToTell, flags_to_tell, record_told
from asbhub.errors import ConfigError
from asbhub.minimise.projection import LONDON, view_columns
from asbhub.openpgp import OpenPgpError, seal_files, sign_manifest, signature_name
from asbhub.partners import PartnerConfig
from asbhub.pipeline import feed
from asbhub.pipeline.changes import ChangeKind, content_to_send, unsent_change
from asbhub.pipeline.feed_checks import (  # noqa: F401 (EARLIEST: part of this module's face)
    EARLIEST,
    CheckedBatch,
    SetAsideRecord,
    check_batch,
)
from asbhub.pipeline.set_aside import record_set_asides
from asbhub.pipeline.staged import StagedBatchInvalid, batch_problems
from asbhub.runtime import Hub
from asbhub.store.models import (
    CaseReviewFlag,
    CaseReviewTrigger,
    Delivery,
    DisposalNotice,
    DisposalRun,
    Incident,
    Referral,
    ReferralChange,
    Watermark,
)
from connectors import Transport, TransportError, open_transport
from contracts.case_review_flag import CaseReviewFlag as FlagRecord
from contracts.change import ReferralChange as ChangeRecord
from contracts.disposal import DisposalNotice as NoticeRecord
from contracts.documents import ManifestFile
from contracts.referral import Referral as ReferralRecord

log = logging.getLogger(__name__)
TransportFactory = Callable[[PartnerConfig], Transport]
# A temporary upload file this old in a partner's inbox is a leftover from a transfer that never
# finished (every retry failed, or the worker died); a younger one may be an upload in progress.
STALE_TEMP_AGE = timedelta(hours=6)


class ExpectationsFailed(Exception):
    """The batch as a whole failed its checks; it is not delivered and its referrals stay
    pending (its disposal notices and withdrawals still go, in a batch of their own)."""


class OutboundStatus(StrEnum):
    DELIVERED = "delivered"  # everything staged went; some referrals may have been set aside
    FAILED_EXPECTATIONS = "failed_expectations"  # a batch-level check stopped the referrals
    FAILED_CHECK = "failed_check"  # a staged batch read back wrong: it was not sent
    FAILED_TRANSPORT = "failed_transport"
    FAILED = "failed"


class StageStatus(StrEnum):
    STAGED = "staged"  # tonight's batch is in the staging area (now, or from an earlier try)
    STOPPED = "stopped"  # a batch-level check stopped tonight's referrals; see the reason
    # Nothing could be staged as the partner must receive it (OpenPGP: no key to encrypt to,
    # the hub's key missing); the referrals, notices and withdrawals all stay for a later run.
    FAILED = "failed"


class StageResult(BaseModel):
    """The stage phase: tonight's batch built into the staging area and bound to its records."""

    partner_id: str
    night: date
    status: StageStatus
    batch_id: str | None = None  # None: nothing staged (the referrals were stopped, no notices)
    staged: int = 0  # referrals taken up: in the batch + set aside
    notices: int = 0
    withdrawals: int = 0
    flags: int = 0  # Community Trigger flag rows (case-review-flag/1.0)
    set_aside: list[SetAsideRecord] = []
    expectations: dict[str, Any] | None = None
    reason: str | None = None


class CheckStatus(StrEnum):
    PASSED = "passed"
    FAILED = "failed"


class CheckResult(BaseModel):
    """The check phase: every batch waiting in the partner's staging area, read back."""

    partner_id: str
    status: CheckStatus
    batches: list[str] = []
    problems: list[str] = []


class DeliverResult(BaseModel):
    """The deliver phase: every staged batch of the partner sent, oldest night first."""

    partner_id: str
    status: OutboundStatus  # DELIVERED, FAILED_CHECK or FAILED_TRANSPORT
    batches: list[BatchResult] = []
    reason: str | None = None
    collected: list[str] = []
    swept: list[str] = []


class BatchResult(BaseModel):
    batch_id: str
    night: date
    previous_batch_id: str | None
    referrals: int
    notices: int
    files: list[str]
    changes: int = 0  # updates and withdrawals of referrals the partner holds
    flags: int = 0  # Community Trigger flag rows
    delivered: bool = False
    set_aside: int = 0  # referrals taken out of this batch by the per-record checks


class PartnerOutboundResult(BaseModel):
    partner_id: str
    status: OutboundStatus
    batches: list[BatchResult] = []
    # Tonight's staging: pending referrals taken up = staged in the batch + set aside.
    staged: int = 0
    set_aside: list[SetAsideRecord] = []
    reason: str | None = None
    expectations: dict[str, Any] | None = None
    collected: list[str] = []  # earlier batches the partner has taken from its inbox
    swept: list[str] = []  # leftover temporary files of earlier failed transfers, removed


class OutboundResult(BaseModel):
    night: date
    partners: list[PartnerOutboundResult] = []

    @property
    def ok(self) -> bool:
        return all(p.status == OutboundStatus.DELIVERED for p in self.partners)

    @property
    def set_aside(self) -> int:
        return sum(len(p.set_aside) for p in self.partners)


def tonight() -> date:
    return datetime.now(LONDON).date()


def default_transport(partner: PartnerConfig) -> Transport:
    return open_transport(partner.transport)


def run_outbound(
    hub: Hub,
    partner_ids: Sequence[str] | None = None,
    night: date | None = None,
    transport_factory: TransportFactory = default_transport,
    urgent: bool = False,
) -> OutboundResult:
    """Run the night for the given partners (all when None); one failing does not stop others.
    With `urgent`, each partner's urgent batch instead (see `run_urgent`)."""
    night = night or tonight()
    partners = hub.partners if partner_ids is None else [hub.partner(p) for p in partner_ids]
    result = OutboundResult(night=night)
    for partner in partners:
        result.partners.append(run_partner(hub, partner, night, transport_factory, urgent))
    return result


def run_urgent(
    hub: Hub,
    partner_ids: Sequence[str] | None = None,
    transport_factory: TransportFactory = default_transport,
) -> OutboundResult:
    """Send every partner what cannot wait for the night (`asbhub outbound urgent`; in Airflow,
    the `urgent_referrals` DAG that each ingest triggers). A partner with nothing urgent is not
    connected to; one failing does not stop the others."""
    return run_outbound(hub, partner_ids, tonight(), transport_factory, urgent=True)


def run_partner(
    hub: Hub,
    partner: PartnerConfig,
    night: date,
    transport_factory: TransportFactory,
    urgent: bool = False,
) -> PartnerOutboundResult:
    """The three phases in one call (the CLI's night); the DAG runs them as three tasks. With
    `urgent`, an urgent batch, delivered (with any batch waiting before it in the partner's
    chain) only when one was staged."""
    staged = stage_night(hub, partner, night, urgent)
    outcome = PartnerOutboundResult(
        partner_id=partner.id,
        status=OutboundStatus.DELIVERED,
        staged=staged.staged,
        set_aside=staged.set_aside,
        expectations=staged.expectations,
    )
    if staged.status == StageStatus.STOPPED:
        outcome.status, outcome.reason = OutboundStatus.FAILED_EXPECTATIONS, staged.reason
    elif staged.status == StageStatus.FAILED:
        outcome.status, outcome.reason = OutboundStatus.FAILED, staged.reason
    if urgent and staged.batch_id is None:
        return outcome  # nothing urgent (or the urgent referrals stopped): no connection
    # Delivery re-reads every staged batch before it leaves (the check phase), and sends the
    # notices and withdrawals of a night whose referrals were stopped.
    sent = deliver_night(hub, partner, transport_factory)
    outcome.batches, outcome.collected, outcome.swept = sent.batches, sent.collected, sent.swept
    if sent.status != OutboundStatus.DELIVERED:
        if outcome.status == OutboundStatus.DELIVERED:
            outcome.status, outcome.reason = sent.status, sent.reason
        else:  # the first failure stands; the later one is said, not written over it
            outcome.reason = f"{outcome.reason}; then delivery {sent.status}: {sent.reason}"
    return outcome


def stage_night(hub: Hub, partner: PartnerConfig, night: date, urgent: bool = False) -> StageResult:
    """Stage tonight's batch (with `urgent`, an urgent batch, when anything is urgent); a
    batch-level problem is a result (STOPPED), not an exception."""
    try:
        staging = _stage_once_more(hub, partner, night, urgent)
    except ExpectationsFailed as exc:
        return StageResult(
            partner_id=partner.id, night=night, status=StageStatus.STOPPED, reason=str(exc)
        )
    except (OpenPgpError, ConfigError) as exc:
        return StageResult(
            partner_id=partner.id,
            night=night,
            status=StageStatus.FAILED,
            reason=f"nothing staged: cannot encrypt for the partner: {exc}",
        )
    result = StageResult(
        partner_id=partner.id,
        night=night,
        status=StageStatus.STAGED,
        batch_id=staging.batch_id or (None if urgent else feed.batch_id(partner.id, night)),
        staged=staging.staged,
        notices=staging.notices,
        withdrawals=staging.withdrawals,
        flags=staging.flags,
        set_aside=[record for _, record in staging.checks.set_aside],
        expectations=staging.checks.expectations,
    )
    if staging.checks.batch_problem:
        result.status = StageStatus.STOPPED
        flags = f", {staging.flags} Community Trigger flag(s)" if staging.flags else ""
        result.reason = (
            f"{staging.checks.batch_problem}; the referrals stay pending, the "
            f"{staging.notices} disposal notice(s) and {staging.withdrawals} withdrawal(s)"
            f"{flags} go tonight on their own"
        )
    return result


def _stage_once_more(hub: Hub, partner: PartnerConfig, night: date, urgent: bool) -> Staging:
    """Stage, and again when another run (an urgent batch and the night's) took some of the
    same referrals meanwhile: the next try sees what is left."""
    for attempt in range(3):
        try:
            return stage_batch(hub, partner, night, urgent)
        except (StagedElsewhere, IntegrityError) as exc:
            log.warning("%s: staging again (%d): %s", partner.id, attempt + 1, exc)
    return stage_batch(hub, partner, night, urgent)


def check_staged(hub: Hub, partner: PartnerConfig) -> CheckResult:
    """Read back every batch waiting in the partner's staging area (staged.py says how)."""
    waiting = staged_deliveries(hub, partner)
    problems = [
        problem
        for delivery in waiting
        for problem in batch_problems(delivery, partner, hub.areas, hub.settings.config_dir)
    ]
    return CheckResult(
        partner_id=partner.id,
        status=CheckStatus.FAILED if problems else CheckStatus.PASSED,
        batches=[d.batch_id for d in waiting],
        problems=problems,
    )


def staged_deliveries(hub: Hub, partner: PartnerConfig) -> list[Delivery]:
    """The partner's batches waiting in staging, in the order of their chain."""
    with hub.store.session() as session:
        return list(
            session.scalars(
                select(Delivery)
                .where(Delivery.partner_id == partner.id, Delivery.status == "staged")
                .order_by(Delivery.night, Delivery.created_at, Delivery.id)
            )
        )


def deliver_night(
    hub: Hub, partner: PartnerConfig, transport_factory: TransportFactory = default_transport
) -> DeliverResult:
    """Tidy the partner's inbox, note the batches it has collected, send what is staged."""
    result = DeliverResult(partner_id=partner.id, status=OutboundStatus.DELIVERED)
    try:
        with transport_factory(partner) as transport:
            result.swept = sweep_leftovers(partner, transport)
            result.collected = note_collected_batches(hub, partner, transport)
            for sent in deliver_staged(hub, partner, transport):
                result.batches.append(sent)
    except StagedBatchInvalid as exc:
        result.status, result.reason = OutboundStatus.FAILED_CHECK, str(exc)
    except TransportError as exc:
        result.status, result.reason = OutboundStatus.FAILED_TRANSPORT, str(exc)
    return result


# -- staging -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Staging:
    """What staging made of tonight: the referrals taken up, what the checks said of them, and
    the disposal notices bound to the batch."""

    staged: int = 0
    notices: int = 0
    withdrawals: int = 0
    flags: int = 0
    checks: CheckedBatch = field(default_factory=CheckedBatch)
    batch_id: str | None = None  # None: nothing staged now


def stage_batch(hub: Hub, partner: PartnerConfig, night: date, urgent: bool = False) -> Staging:
    """Build tonight's batch (or, with `urgent`, an urgent one) into the staging area and bind
    its referrals to it.

    Tonight's referrals are the pending ones and those the partner holds with an unsent update
    (they go again, with their current view, and a change row saying what changed). A referral
    that fails a per-record check is set aside with its reason and the rest go on. A
    batch-level failure stops the referrals (they stay pending, as before the run) but never
    the disposal notices or withdrawals: those are staged in the night's batch on their own.

    An urgent batch takes only what cannot wait for the night: pending referrals with a high
    THRIVE risk or a vulnerable victim, and escalations of referrals the partner holds. It has
    its own id (`B-<partner>-<night>-NN`), joins the partner's chain of batches, and is not
    made when nothing is urgent. What it carries is bound to it, so the night does not send
    it again; notices, other changes and Community Trigger flags wait for the night.

    A night's batch also tells the partner of the Community Triggers flagging the referrals it
    holds or receives in it (asbhub.casereview.flags): each row once, bound to the batch."""
    with hub.store.session() as session:
        if urgent:
            batch = feed.batch_id(partner.id, night, _next_sequence(session, partner.id, night))
        else:
            batch = feed.batch_id(partner.id, night)
            if session.scalar(select(Delivery.id).where(Delivery.batch_id == batch)) is not None:
                return Staging()  # already staged or delivered: a re-run never rebuilds a batch
        rows = session.execute(
            select(Referral, Incident)
            .join(Incident, Incident.id == Referral.incident_id)
            .where(Referral.partner_id == partner.id, _urgent() if urgent else _tonight())
            .order_by(Referral.id)
        ).all()
        if urgent and not rows:
            return Staging()
        changes_query = select(ReferralChange).where(
            ReferralChange.partner_id == partner.id, ReferralChange.batch_id.is_(None)
        )
        if urgent:
            changes_query = changes_query.where(
                ReferralChange.kind == ChangeKind.UPDATE.value, ReferralChange.escalated.is_(True)
            )
        unsent = {change.referral_pk: change for change in session.scalars(changes_query)}
        notices = (
            []
            if urgent
            else session.execute(
                select(DisposalNotice, DisposalRun.run_id)
                .join(DisposalRun, DisposalRun.id == DisposalNotice.run_pk)
                .where(DisposalNotice.partner_id == partner.id, DisposalNotice.batch_id.is_(None))
                .order_by(DisposalNotice.id)
            ).all()
        )
        # The batch before this one in the partner's chain: nightly and urgent batches alike.
        previous = session.scalar(
            select(Delivery.batch_id)
            .where(Delivery.partner_id == partner.id, Delivery.night <= night)
            .order_by(Delivery.night.desc(), Delivery.created_at.desc(), Delivery.id.desc())
            .limit(1)
        )
        # A night's size is judged against earlier nights, not against the urgent batches.
        recent = list(
            session.scalars(
                select(Delivery.record_count)
                .where(Delivery.partner_id == partner.id, Delivery.urgent.is_(False))
                .order_by(Delivery.night.desc())
                .limit(14)
            )
        )
    pairs = [(referral, incident) for referral, incident in rows]
    checks = check_batch(hub, partner, night, pairs, recent)
    withdrawals = [c for c in unsent.values() if c.kind == ChangeKind.WITHDRAWAL]
    going = [(pairs[index][0], record) for index, record in checks.passed]
    flags = [] if urgent else _flags(hub, partner, going)
    if checks.batch_problem and not notices and not withdrawals and not flags:
        raise ExpectationsFailed(checks.batch_problem)
    # Staged = taken into tonight's batch or set aside from it; none when the batch is stopped.
    staging = Staging(
        staged=len(checks.passed) + len(checks.set_aside),
        notices=len(notices),
        withdrawals=len(withdrawals),
        flags=len(flags),
        checks=checks,
        batch_id=batch,
    )
    updates = [unsent[r.id] for r, _ in going if r.id in unsent and unsent[r.id].kind == "update"]
    # Escalations first, so that a partner reading from the top acts on them first.
    changes = sorted([*updates, *withdrawals], key=lambda c: (not c.escalated, c.kind, c.change_id))
    referral_ids = {referral.id: referral.referral_id for referral, _ in pairs}
    referral_ids.update(_referral_ids(hub, [c.referral_pk for c in withdrawals]))
    folder = hub.areas.staging / partner.id / batch
    folder.mkdir(parents=True, exist_ok=True)
    sequence = feed.sequence_of(batch)
    files = _write_files(folder, partner, night, [r for _, r in going], notices, sequence)
    if changes:
        files.append(_write_changes(folder, partner, night, changes, referral_ids, sequence))
    if flags:
        files.append(_write_flags(folder, partner, night, flags, sequence))
    try:
        if partner.openpgp is not None:  # encrypted to its keys, signed with the hub's
            files = seal_files(hub.settings.config_dir, partner, folder, files)
        manifest = feed.write_manifest(
            folder,
            batch=batch,
            partner_id=partner.id,
            night=night,
            previous_batch_id=previous,
            files=files,
        )
        if partner.openpgp is not None:
            sign_manifest(hub.settings.config_dir, partner, manifest)
    except (OpenPgpError, ConfigError):
        shutil.rmtree(folder, ignore_errors=True)  # nothing staged: the records stay pending
        raise
    staged_at = hub.areas.save(folder)  # kept before any record is bound to it
    try:
        _bind(
            hub,
            partner,
            batch,
            night,
            previous,
            urgent,
            staged_at,
            staging,
            files,
            going,
            pairs,
            updates,
            changes,
            notices,
            flags,
        )
    except (StagedElsewhere, IntegrityError):
        # Another run (the night's, or an urgent one) bound some of these first: nothing of
        # this one is kept, and its files leave the staging area.
        hub.areas.remove(staged_at)
        raise
    return staging


class StagedElsewhere(Exception):
    """Another run bound some of this batch's referrals or changes while it was being built."""


def _bind(
    hub: Hub,
    partner: PartnerConfig,
    batch: str,
    night: date,
    previous: str | None,
    urgent: bool,
    staged_at: str,
    staging: Staging,
    files: Sequence[Any],
    going: Sequence[tuple[Referral, ReferralRecord]],
    pairs: Sequence[tuple[Referral, Incident]],
    updates: Sequence[ReferralChange],
    changes: Sequence[ReferralChange],
    notices: Sequence[Any],
    flags: Sequence[FlagToTell],
) -> None:
    """Record the staged batch and bind its referrals, changes, notices and flags to it: one
    transaction, in which each row is taken only if no other run has taken it (a flag told
    meanwhile by another run fails the flags' unique key: IntegrityError, staged again)."""
    checks = staging.checks
    now = datetime.now(UTC)
    with hub.store.session() as session:
        session.add(
            Delivery(
                batch_id=batch,
                partner_id=partner.id,
                night=night,
                previous_batch_id=previous,
                status="staged",
                record_count=len(going),
                notice_count=len(notices),
                set_aside_count=len(checks.set_aside),
                files=[f.model_dump() for f in files],
                staging_path=staged_at,
                created_at=now,
                urgent=urgent,
            )
        )
        fresh = [referral.id for referral, _ in going if referral.status == "pending"]
        taken = 0
        for chunk in _chunks(fresh, 1000):
            taken += _count(
                session.execute(
                    update(Referral)
                    .where(Referral.id.in_(chunk), Referral.status == "pending")
                    .values(status="staged", batch_id=batch)
                )
            )
        # An update keeps the referral's status (delivered, or closed by the partner): the
        # batch id binds it to tonight's disclosure.
        for chunk in _chunks([c.referral_pk for c in updates], 1000):
            session.execute(update(Referral).where(Referral.id.in_(chunk)).values(batch_id=batch))
        for chunk in _chunks([c.id for c in changes], 1000):
            taken += _count(
                session.execute(
                    update(ReferralChange)
                    .where(ReferralChange.id.in_(chunk), ReferralChange.batch_id.is_(None))
                    .values(batch_id=batch)
                )
            )
        if taken != len(fresh) + len(changes):
            raise StagedElsewhere(
                f"{batch}: {len(fresh) + len(changes) - taken} of its referral(s) or change(s) "
                "were staged by another run meanwhile; run it again"
            )
        record_set_asides(
            session,
            partner.id,
            batch,
            [(pairs[index][0].id, record) for index, record in checks.set_aside],
            now,
        )
        for chunk in _chunks([notice.id for notice, _ in notices], 1000):
            session.execute(
                update(DisposalNotice).where(DisposalNotice.id.in_(chunk)).values(batch_id=batch)
            )
        record_told(session, batch, flags, now)
        tokens = [
            {"id": referral.id, "tokens": found}
            for referral, record in going
            if (found := disclosed_tokens(record))
        ]
        if tokens:  # one UPDATE by primary key for many rows
            session.execute(update(Referral), tokens)


def _count(result: Any) -> int:
    return int(result.rowcount)


def _tonight() -> ColumnElement[bool]:
    """A night's referrals: pending, or held by the partner with an update to send."""
    return or_(
        Referral.status == "pending",
        and_(Referral.status.in_(HELD_BY_PARTNER), unsent_change(ChangeKind.UPDATE)),
    )


def _urgent() -> ColumnElement[bool]:
    """What cannot wait for the night: a pending referral with a high THRIVE risk or a
    vulnerable victim, or an escalation of one the partner holds."""
    return or_(
        and_(
            Referral.status == "pending",
            or_(Referral.high_risk.is_(True), Incident.vulnerable_victim.is_(True)),
        ),
        and_(
            Referral.status.in_(HELD_BY_PARTNER),
            unsent_change(ChangeKind.UPDATE, escalated=True),
        ),
    )


def _next_sequence(session: Any, partner_id: str, night: date) -> int:
    """The next urgent batch's place in the partner's day (01, 02, ...)."""
    taken = session.scalars(
        select(Delivery.batch_id).where(
            Delivery.partner_id == partner_id, Delivery.night == night, Delivery.urgent.is_(True)
        )
    )
    sequence = 1 + max((feed.sequence_of(batch) or 0 for batch in taken), default=0)
    if sequence > feed.MAX_SEQUENCE:
        raise ExpectationsFailed(
            f"{partner_id}: {feed.MAX_SEQUENCE} urgent batches already on {night}; the rest "
            "go in the night's batch"
        )
    return sequence


def disclosed_tokens(record: ReferralRecord) -> list[str]:
    """The pseudonymous tokens a partner receives in a referral, kept so that an information
    manager can look a person up by the token a partner quotes."""
    return [
        str(value)
        for name, value in record.model_dump(exclude_none=True).items()
        if name.endswith("_token")
    ]


HELD_BY_PARTNER = ("delivered", "closed")  # a referral the partner has received


def _referral_ids(hub: Hub, pks: Sequence[int]) -> dict[int, str]:
    if not pks:
        return {}
    with hub.store.session() as session:
        found = session.execute(
            select(Referral.id, Referral.referral_id).where(Referral.id.in_(pks))
        ).all()
    return {pk: referral_id for pk, referral_id in found}


def _write_changes(
    folder: Path,
    partner: PartnerConfig,
    night: date,
    changes: Sequence[ReferralChange],
    referral_ids: dict[int, str],
    sequence: int | None = None,
) -> Any:
    """The referral-change file: one row per update or withdrawal, escalations first."""
    path = folder / feed.data_file_name("referral-changes", night, partner.format, sequence)
    rows = [
        ChangeRecord(
            change_id=change.change_id,
            referral_id=referral_ids[change.referral_pk],
            change=change.kind,  # type: ignore[arg-type]
            revision=change.revision,
            changed_at=change.created_at,
            changed_fields=change.changed_fields,
            escalated=change.escalated,
            reason=change.reason,
        ).model_dump(mode="json")
        for change in changes
    ]
    written = feed.write_records(path, partner.format, ChangeRecord.field_names(), rows)
    return feed.describe_file(path, ChangeRecord.ref(), written)


def _flags(
    hub: Hub, partner: PartnerConfig, going: Sequence[tuple[Referral, ReferralRecord]]
) -> list[FlagToTell]:
    """The Community Trigger flags not yet told about the referrals the partner holds or
    receives in this batch (never another partner's, never a withdrawn one)."""
    with hub.store.session() as session:
        return flags_to_tell(session, partner.id, {referral.id for referral, _ in going})


def _write_flags(
    folder: Path,
    partner: PartnerConfig,
    night: date,
    flags: Sequence[FlagToTell],
    sequence: int | None = None,
) -> Any:
    """The case-review-flag file: one row per referral and trigger not yet told."""
    path = folder / feed.data_file_name("case-review-flags", night, partner.format, sequence)
    rows = [flag.record.model_dump(mode="json") for flag in flags]
    written = feed.write_records(path, partner.format, FlagRecord.field_names(), rows)
    return feed.describe_file(path, FlagRecord.ref(), written)


def _write_files(
    folder: Path,
    partner: PartnerConfig,
    night: date,
    records: Sequence[ReferralRecord],
    notices: Sequence[Any],
    sequence: int | None = None,
) -> list[Any]:
    columns = view_columns(partner)
    referrals_path = folder / feed.data_file_name("referrals", night, partner.format, sequence)
    count = feed.write_records(
        referrals_path,
        partner.format,
        columns,
        (r.model_dump(mode="json", include=set(columns)) for r in records),
    )
    files = [feed.describe_file(referrals_path, ReferralRecord.ref(), count)]
    if notices:
        notices_path = folder / feed.data_file_name(
            "disposal-notices", night, partner.format, sequence
        )
        notice_rows = [
            NoticeRecord(
                notice_id=n.notice_id,
                referral_id=n.referral_id,
                disposal_run_id=run_id,
                issued_at=n.issued_at,
                acknowledge_by=n.acknowledge_by,
                reason=n.reason,
            ).model_dump(mode="json")
            for n, run_id in notices
        ]
        written = feed.write_records(
            notices_path, partner.format, NoticeRecord.field_names(), notice_rows
        )
        files.append(feed.describe_file(notices_path, NoticeRecord.ref(), written))
    return files


# -- delivery ------------------------------------------------------------------------------


def sweep_leftovers(partner: PartnerConfig, transport: Transport) -> list[str]:
    """Remove the hub's own stale temporary files from the partner's inbox before delivering."""
    try:
        return transport.sweep_stale_temps("inbox", STALE_TEMP_AGE)
    except TransportError as exc:  # housekeeping never holds back a night's referrals
        log.warning("%s: leftover temporary files not removed: %s", partner.id, exc)
        return []


def note_collected_batches(hub: Hub, partner: PartnerConfig, transport: Transport) -> list[str]:
    """A partner acknowledges a batch by collecting it: once its manifest has left the inbox,
    the batch counts as acknowledged and its retention clock ("30 days after the partner's
    acknowledgement") starts."""
    with hub.store.session() as session:
        waiting = session.execute(
            select(Delivery.id, Delivery.batch_id, Delivery.night).where(
                Delivery.partner_id == partner.id,
                Delivery.status == "delivered",
                Delivery.acknowledged_at.is_(None),
            )
        ).all()
    if not waiting:
        return []
    in_inbox = {f.name for f in transport.list("inbox")}
    collected = [
        (pk, batch)
        for pk, batch, night in waiting
        if feed.batch_manifest_name(batch, night) not in in_inbox
    ]
    if collected:
        now = datetime.now(UTC)
        with hub.store.session() as session:
            session.execute(
                update(Delivery)
                .where(Delivery.id.in_([pk for pk, _ in collected]))
                .values(acknowledged_at=now)
            )
    return [batch for _, batch in collected]


def deliver_staged(hub: Hub, partner: PartnerConfig, transport: Transport) -> Iterable[BatchResult]:
    """Deliver every staged batch of the partner, oldest night first."""
    for delivery in staged_deliveries(hub, partner):
        problems = batch_problems(delivery, partner, hub.areas, hub.settings.config_dir)
        if problems:  # this batch stays staged, and so do later nights: the chain has a gap
            raise StagedBatchInvalid(
                f"{delivery.batch_id} not sent, nor any later batch: " + "; ".join(problems)
            )
        folder = hub.areas.staging_path(delivery.staging_path or "")  # read back just now
        # What the partner receives: the encrypted files when it receives OpenPGP.
        names = [ManifestFile.model_validate(f).delivered_name for f in delivery.files]
        manifest = folder / feed.batch_manifest_name(delivery.batch_id, delivery.night)
        signature = [signature_name(manifest.name)] if partner.openpgp is not None else []
        names += signature  # the manifest's signature (OpenPGP), read back with the batch
        for name in [*names, manifest.name]:  # the manifest last: it says the batch is complete
            transport.put("inbox", name, folder / name)
        _record_delivery(hub, partner, delivery.id)
        yield BatchResult(
            batch_id=delivery.batch_id,
            night=delivery.night,
            previous_batch_id=delivery.previous_batch_id,
            referrals=delivery.record_count,
            notices=delivery.notice_count,
            files=[*names, manifest.name],
            delivered=True,
            set_aside=delivery.set_aside_count,
            changes=_rows_of(delivery, ChangeRecord.ref()),
            flags=_rows_of(delivery, FlagRecord.ref()),
        )


def _rows_of(delivery: Delivery, contract: str) -> int:
    """The rows of a batch's files of one contract, as staging recorded them."""
    return sum(f.get("records", 0) for f in delivery.files if f.get("contract") == contract)


def _record_delivery(hub: Hub, partner: PartnerConfig, delivery_pk: int) -> None:
    """Mark a batch delivered, disclose its referrals in the ledger, clear what is no longer
    needed, and advance the partner's watermark: one transaction."""
    now = datetime.now(UTC)
    with hub.store.session() as session:
        delivery = session.get(Delivery, delivery_pk)
        assert delivery is not None and delivery.status == "staged"
        pairs = session.execute(
            select(Referral.tokens, Referral.referral_id, Incident.incident_ref, Incident.id)
            .join(Incident, Incident.id == Referral.incident_id)
            .where(Referral.batch_id == delivery.batch_id)
        ).all()
        session.execute(
            update(Referral)
            .where(Referral.batch_id == delivery.batch_id, Referral.status == "staged")
            .values(status="delivered", delivered_at=now)
        )
        # An update delivered is the referral's latest activity (the unclosed-referral clock).
        session.execute(
            update(Referral)
            .where(Referral.batch_id == delivery.batch_id, Referral.status.in_(HELD_BY_PARTNER))
            .values(delivered_at=now)
        )
        session.execute(
            update(ReferralChange)
            .where(ReferralChange.batch_id == delivery.batch_id)
            .values(sent_at=now)
        )
        session.execute(
            update(DisposalNotice)
            .where(DisposalNotice.batch_id == delivery.batch_id)
            .values(sent_at=now)
        )
        session.execute(
            update(CaseReviewFlag)
            .where(CaseReviewFlag.batch_id == delivery.batch_id)
            .values(sent_at=now)
        )
        delivery.status, delivery.delivered_at = "delivered", now
        # OpenPGP: the keys the batch was encrypted to, so the ledger says who could read it.
        recipients = sorted(
            {
                key
                for f in delivery.files
                for key in (f.get("encrypted") or {}).get("recipients", [])
            }
        )
        events = [
            ledger.Event(
                kind=ledger.EventKind.DISCLOSURE,
                actor=hub.actor,
                justification=partner.isa.lawful_basis,
                references=[incident_ref, referral_id, *(tokens or [])],
                recipient=partner.id,
                at=now,
                details={
                    "batch_id": delivery.batch_id,
                    "isa_reference": partner.isa.reference,
                    **({"urgent": True} if delivery.urgent else {}),
                    **({"encrypted_to": recipients} if recipients else {}),
                },
            )
            for tokens, referral_id, incident_ref, _ in pairs
        ]
        events += _flag_disclosures(session, hub, partner, delivery, now)
        cleared = _clear_delivered_payloads(
            session, [incident_pk for *_, incident_pk in pairs], now
        )
        if cleared:
            events.append(
                ledger.Event(
                    kind=ledger.EventKind.ERASURE,
                    actor=hub.actor,
                    justification="incident detail no longer needed: all its referrals delivered",
                    references=cleared,
                    at=now,
                    details={"batch_id": delivery.batch_id},
                )
            )
        if events:
            ledger.append_many(session, hub.ledger_key, events)
        mark = session.get(Watermark, f"outbound:{partner.id}")
        if mark is None:
            session.add(
                Watermark(stream=f"outbound:{partner.id}", value=delivery.batch_id, updated_at=now)
            )
        else:
            mark.value, mark.updated_at = delivery.batch_id, now


def _flag_disclosures(
    session: Any, hub: Hub, partner: PartnerConfig, delivery: Delivery, now: datetime
) -> list[ledger.Event]:
    """One disclosure per Community Trigger flag the batch carried: that a referral the partner
    holds is part of a case review is said about the referral's victim or place."""
    told = session.execute(
        select(
            Incident.incident_ref,
            Referral.referral_id,
            CaseReviewTrigger.trigger_id,
            CaseReviewFlag.status,
        )
        .join(Referral, Referral.id == CaseReviewFlag.referral_pk)
        .join(Incident, Incident.id == Referral.incident_id)
        .join(CaseReviewTrigger, CaseReviewTrigger.id == CaseReviewFlag.trigger_pk)
        .where(CaseReviewFlag.batch_id == delivery.batch_id)
    ).all()
    return [
        ledger.Event(
            kind=ledger.EventKind.DISCLOSURE,
            actor=hub.actor,
            justification=partner.isa.lawful_basis,
            references=[incident_ref, referral_id],
            recipient=partner.id,
            at=now,
            details={
                "batch_id": delivery.batch_id,
                "isa_reference": partner.isa.reference,
                "contract": FlagRecord.ref(),
                "case_review_id": trigger_id,
                "status": status,
            },
        )
        for incident_ref, referral_id, trigger_id, status in told
    ]


def _clear_delivered_payloads(session: Any, incident_pks: list[int], now: datetime) -> list[str]:
    """Drop the full detail of incidents whose every referral has been delivered."""
    cleared: list[str] = []
    undelivered = exists().where(Referral.incident_id == Incident.id, content_to_send())
    for chunk in _chunks(sorted(set(incident_pks)), 1000):
        condition = and_(
            Incident.id.in_(chunk),
            Incident.payload.is_not(None),
            # An unroutable incident keeps its detail until a council is found for it.
            Incident.routing_status != "unroutable",
            ~undelivered,
        )
        cleared.extend(session.scalars(select(Incident.incident_ref).where(condition)))
        session.execute(
            update(Incident).where(condition).values(payload=None, payload_cleared_at=now),
            execution_options={"synchronize_session": False},
        )
    return cleared


def _chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
