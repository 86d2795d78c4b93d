"""The hub store's tables: what the hub keeps to route, match, prove and dispose."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Constraint names are fixed so that migrations are the same on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and always returned timezone-aware, on SQLite as on PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive timestamp {value.isoformat()} refused: give it an offset")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        # A Python None is stored as SQL NULL, not JSON 'null', so IS NULL finds it.
        dict[str, Any]: JSON(none_as_null=True),
        list[Any]: JSON(none_as_null=True),
        datetime: UtcDateTime,
    }


class Incident(Base):
    """One incident from the force's extract. `payload` holds the full record only until every
    referral it needs has been delivered; then it is cleared (the hub keeps the
    minimum)."""

    __tablename__ = "incidents"
    __table_args__ = (Index("ix_incidents_routing_status", "routing_status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_ref: Mapped[str] = mapped_column(String(20), unique=True)
    reported_at: Mapped[datetime]
    district: Mapped[str] = mapped_column(String(60))
    # routed | unroutable | not_asb (asbhub.pipeline.routing.RoutingStatus). An unroutable
    # incident keeps its detail, with the reason, until it is routed or disposed of.
    routing_status: Mapped[str] = mapped_column(String(20), default="routed")
    routing_reason: Mapped[str | None] = mapped_column(Text)
    is_asb: Mapped[bool] = mapped_column(Boolean)
    nsir_category: Mapped[str | None] = mapped_column(String(20))
    asb_type: Mapped[str | None] = mapped_column(String(40))
    risk_level: Mapped[str] = mapped_column(String(10))
    vulnerable_victim: Mapped[bool] = mapped_column(Boolean, default=False)
    repeat_victim: Mapped[bool] = mapped_column(Boolean, default=False)
    last_review_at: Mapped[datetime | None]
    payload: Mapped[dict[str, Any] | None]
    payload_cleared_at: Mapped[datetime | None]
    source_file: Mapped[str] = mapped_column(String(255))
    source_line: Mapped[int] = mapped_column(Integer)
    ingested_at: Mapped[datetime]
    # What the hub last received of each field, as a keyed digest (no value kept), so a later
    # extract can be compared field by field after the detail itself has been cleared.
    field_digests: Mapped[dict[str, Any] | None]
    revision: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    revised_at: Mapped[datetime | None]
    # The record's deny list as keyed digests of its people's names, addresses, numbers and
    # dates (no value kept: asbhub.minimise.deny_lists), kept at staging so that partners'
    # outcome notes are still redacted with it once the detail has been cleared.
    deny_digests: Mapped[dict[str, Any] | None]
    # Keyed identities for the ASB Case Review (Community Trigger), made at ingest from the
    # detail (asbhub.casereview.identity): the victim (name with date of birth, else with
    # postcode), the location (postcode, with street when given) and the victim's household.
    # Digests only, never values; none when the extract lacked what they are made of.
    victim_key: Mapped[str | None] = mapped_column(String(64), index=True)
    location_key: Mapped[str | None] = mapped_column(String(64), index=True)
    household_key: Mapped[str | None] = mapped_column(String(64))


class Referral(Base):
    """What the force sent one partner about one incident, and where the partner took it."""

    __tablename__ = "referrals"
    __table_args__ = (
        UniqueConstraint("incident_id", "partner_id"),
        Index("ix_referrals_partner_status", "partner_id", "status"),
        Index("ix_referrals_closed_at", "closed_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    referral_id: Mapped[str] = mapped_column(String(20), unique=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"))
    partner_id: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime]
    high_risk: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(20), default="pending")
    batch_id: Mapped[str | None] = mapped_column(String(64))
    delivered_at: Mapped[datetime | None]
    outcome_status: Mapped[str | None] = mapped_column(String(20))
    lead_agency_accepted: Mapped[bool | None] = mapped_column(Boolean)
    actions: Mapped[list[Any] | None]
    closed_at: Mapped[date | None] = mapped_column(Date)
    last_outcome_at: Mapped[datetime | None]
    # The pseudonymous tokens this partner received for the referral's people and vehicle, so
    # a look-up by token finds the disclosure.
    tokens: Mapped[list[Any] | None]


class ReferralChange(Base):
    """An update or withdrawal a partner must hear of, because the incident behind a referral
    it holds has changed. Unsent (`batch_id` empty) until a batch carries it; an update goes
    with the referral's current view, a withdrawal with the referral id alone. It names fields,
    never their values, and dies with its referral."""

    __tablename__ = "referral_changes"
    __table_args__ = (Index("ix_referral_changes_partner_batch", "partner_id", "batch_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    change_id: Mapped[str] = mapped_column(String(24), unique=True)
    referral_pk: Mapped[int] = mapped_column(
        ForeignKey("referrals.id", ondelete="CASCADE"), index=True
    )
    partner_id: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(12))  # asbhub.pipeline.changes.ChangeKind
    revision: Mapped[int] = mapped_column(Integer)  # the incident's revision it reports
    changed_fields: Mapped[list[Any]] = mapped_column(JSON, default=list)
    escalated: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]
    batch_id: Mapped[str | None] = mapped_column(String(64))
    sent_at: Mapped[datetime | None]


class Outcome(Base):
    """One outcome row a partner sent back, notes already redacted."""

    __tablename__ = "outcomes"
    __table_args__ = (UniqueConstraint("partner_id", "outcome_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    partner_id: Mapped[str] = mapped_column(String(40))
    outcome_id: Mapped[str] = mapped_column(String(64))
    referral_pk: Mapped[int] = mapped_column(
        ForeignKey("referrals.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(20))
    recorded_at: Mapped[datetime]
    lead_agency_accepted: Mapped[bool | None] = mapped_column(Boolean)
    actions: Mapped[list[Any]]
    action_date: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    notes_redacted: Mapped[str | None] = mapped_column(Text)
    inbound_file_id: Mapped[int | None] = mapped_column(
        ForeignKey("inbound_files.id", ondelete="SET NULL")
    )
    line: Mapped[int | None] = mapped_column(Integer)
    received_at: Mapped[datetime]


class Delivery(Base):
    """One batch delivered (or being delivered) to one partner: a night's, or an urgent one."""

    __tablename__ = "deliveries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[str] = mapped_column(String(64), unique=True)
    partner_id: Mapped[str] = mapped_column(String(40), index=True)
    night: Mapped[date] = mapped_column(Date)
    previous_batch_id: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(20), default="staged")
    record_count: Mapped[int] = mapped_column(Integer, default=0)
    notice_count: Mapped[int] = mapped_column(Integer, default=0)
    # Referrals taken out of this batch by the per-record checks: staged = record_count + this.
    set_aside_count: Mapped[int] = mapped_column(Integer, default=0)
    # Sent as soon as its referrals were ingested, between nights (its id ends -NN).
    urgent: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    files: Mapped[list[Any]] = mapped_column(JSON, default=list)
    staging_path: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime]
    delivered_at: Mapped[datetime | None]
    acknowledged_at: Mapped[datetime | None]
    disposed_at: Mapped[datetime | None]


class SetAside(Base):
    """A referral taken out of a partner's batch because it failed the feed's per-record checks
    (contract, row-level expectations, the last-line PII scan), with the reason. While it is
    not released the referral stays `set_aside`; a release after a fix makes it pending again,
    so the next batch stages and checks it afresh."""

    __tablename__ = "set_asides"
    __table_args__ = (Index("ix_set_asides_partner_released", "partner_id", "released_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    referral_pk: Mapped[int] = mapped_column(
        ForeignKey("referrals.id", ondelete="CASCADE"), index=True
    )
    partner_id: Mapped[str] = mapped_column(String(40))
    batch_id: Mapped[str] = mapped_column(String(64))  # the batch it was taken out of
    check: Mapped[str] = mapped_column(String(20))  # asbhub.pipeline.feed_checks.RecordCheck
    reason: Mapped[str] = mapped_column(Text)
    set_aside_at: Mapped[datetime]
    released_by: Mapped[str | None] = mapped_column(String(120))
    released_at: Mapped[datetime | None]
    release_reason: Mapped[str | None] = mapped_column(Text)


class InboundFile(Base):
    """A file fetched from a partner's outbox, known by name and SHA-256."""

    __tablename__ = "inbound_files"
    __table_args__ = (UniqueConstraint("partner_id", "name", "sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    partner_id: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    contract: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20))
    changed_under_old_name: Mapped[bool] = mapped_column(Boolean, default=False)
    rows_in: Mapped[int] = mapped_column(Integer, default=0)
    rows_loaded: Mapped[int] = mapped_column(Integer, default=0)
    rows_quarantined: Mapped[int] = mapped_column(Integer, default=0)
    archive_path: Mapped[str | None] = mapped_column(String(500))
    rejection_report: Mapped[str | None] = mapped_column(String(255))
    expectation_result: Mapped[dict[str, Any] | None]
    received_at: Mapped[datetime]
    processed_at: Mapped[datetime | None]


class QuarantineItem(Base):
    """A file or row set aside with its reason and original bytes, until retention disposes it."""

    __tablename__ = "quarantine"
    __table_args__ = (Index("ix_quarantine_created_at", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(20))  # ingest | inbound
    partner_id: Mapped[str | None] = mapped_column(String(40))
    inbound_file_id: Mapped[int | None] = mapped_column(
        ForeignKey("inbound_files.id", ondelete="SET NULL")
    )
    file_name: Mapped[str] = mapped_column(String(255))
    file_sha256: Mapped[str | None] = mapped_column(String(64))
    line: Mapped[int | None] = mapped_column(Integer)
    field: Mapped[str | None] = mapped_column(String(80))
    reason: Mapped[str] = mapped_column(Text)
    raw: Mapped[bytes | None] = mapped_column(LargeBinary)  # a quarantined row's original
    original_path: Mapped[str | None] = mapped_column(String(500))  # a whole file's copy
    created_at: Mapped[datetime]


class Watermark(Base):
    """How far a stream (e.g. a partner's outbound feed) has got."""

    __tablename__ = "watermarks"

    stream: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[datetime]


class LegalHold(Base):
    """A marker that stops a record's disposal until removed."""

    __tablename__ = "legal_holds"
    __table_args__ = (Index("ix_legal_holds_reference_active", "reference", "removed_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    placed_by: Mapped[str] = mapped_column(String(120))
    placed_at: Mapped[datetime]
    removed_by: Mapped[str | None] = mapped_column(String(120))
    removed_at: Mapped[datetime | None]
    removal_reason: Mapped[str | None] = mapped_column(Text)


class DisposalRun(Base):
    """One execution of the retention schedule: plan, approval, execution, verification."""

    __tablename__ = "disposal_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[str] = mapped_column(String(32), unique=True)
    as_of: Mapped[date] = mapped_column(Date)
    schedule_version: Mapped[str] = mapped_column(String(40))
    schedule_digest: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(20))
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    planned_at: Mapped[datetime]
    planned_by: Mapped[str] = mapped_column(String(120))
    approved_by: Mapped[str | None] = mapped_column(String(120))
    approved_at: Mapped[datetime | None]
    executed_at: Mapped[datetime | None]
    verified_at: Mapped[datetime | None]
    verification: Mapped[dict[str, Any] | None]
    ledger_head: Mapped[str | None] = mapped_column(String(64))
    # The certificate frozen at verification: canonical JSON, whose SHA-256 is also in the ledger.
    certificate_json: Mapped[str | None] = mapped_column(Text)
    certificate_sha256: Mapped[str | None] = mapped_column(String(64))


class DisposalApproval(Base):
    """One review stage's decision on a disposal run: who, when, approve or reject (with the
    reason), and the counts per class they were shown. A run executes only once every stage of
    the schedule approved it, each stage by another person, none by the planner."""

    __tablename__ = "disposal_approvals"
    __table_args__ = (UniqueConstraint("run_pk", "stage"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_pk: Mapped[int] = mapped_column(ForeignKey("disposal_runs.id", ondelete="CASCADE"))
    stage: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer)  # the stage's place in the schedule's order
    title: Mapped[str] = mapped_column(String(120))
    decision: Mapped[str] = mapped_column(String(10))  # approved | rejected
    decided_by: Mapped[str] = mapped_column(String(120))
    decided_at: Mapped[datetime]
    reason: Mapped[str | None] = mapped_column(Text)
    seen: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # planned counts per class


class DisposalItem(Base):
    """One record a run planned to dispose of, with the rule that made it due."""

    __tablename__ = "disposal_items"
    __table_args__ = (
        UniqueConstraint("run_pk", "record_class", "target"),
        # No index holds `status`, so marking an item disposed is a heap-only update on
        # PostgreSQL, which the free space that fillfactor leaves on each page makes possible.
        Index("ix_disposal_items_run_class_id", "run_pk", "record_class", "id"),
        Index("ix_disposal_items_reference_hash", "reference_hash"),  # checks and searches
        {"postgresql_with": {"fillfactor": 50}},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_pk: Mapped[int] = mapped_column(ForeignKey("disposal_runs.id", ondelete="CASCADE"))
    record_class: Mapped[str] = mapped_column(String(40))
    rule: Mapped[str] = mapped_column(String(80))
    target: Mapped[str] = mapped_column(String(500))
    reference_hash: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(20), default="planned")
    detail: Mapped[str | None] = mapped_column(Text)
    disposed_at: Mapped[datetime | None]
    # What verification looks for in every area and table: the keyed hashes of the record's
    # references (its id, and its incident's reference when the incident went with it).
    scan_terms: Mapped[list[Any] | None]


class ReviewDecision(Base):
    """A person's decision on a record a `review` rule made due: keep it (until when it is next
    reviewed) or dispose of it in the next run. Named only by the record's keyed hash."""

    __tablename__ = "review_decisions"
    __table_args__ = (Index("ix_review_decisions_class_hash", "record_class", "reference_hash"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_pk: Mapped[int | None] = mapped_column(
        ForeignKey("disposal_items.id", ondelete="SET NULL")
    )
    record_class: Mapped[str] = mapped_column(String(40))
    rule: Mapped[str] = mapped_column(String(80))
    reference_hash: Mapped[str] = mapped_column(String(64))
    decision: Mapped[str] = mapped_column(String(10))
    decided_by: Mapped[str] = mapped_column(String(120))
    decided_at: Mapped[datetime]
    reason: Mapped[str] = mapped_column(Text)
    next_review_on: Mapped[date | None] = mapped_column(Date)
    applied_run_pk: Mapped[int | None] = mapped_column(
        ForeignKey("disposal_runs.id", ondelete="SET NULL")
    )


class DisposalNotice(Base):
    """A partner's instruction to delete its copy of a disposed referral, and its ack."""

    __tablename__ = "disposal_notices"
    __table_args__ = (Index("ix_disposal_notices_partner_ack", "partner_id", "acknowledged_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_id: Mapped[str] = mapped_column(String(24), unique=True)
    run_pk: Mapped[int] = mapped_column(ForeignKey("disposal_runs.id"))
    partner_id: Mapped[str] = mapped_column(String(40))
    referral_id: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(String(200))
    issued_at: Mapped[datetime]
    acknowledge_by: Mapped[date] = mapped_column(Date)
    batch_id: Mapped[str | None] = mapped_column(String(64))
    sent_at: Mapped[datetime | None]
    acknowledged_at: Mapped[datetime | None]


class LedgerEvent(Base):
    """One s.62 event, chained to the one before by a keyed HMAC-SHA256."""

    __tablename__ = "ledger_events"

    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(20))
    actor: Mapped[str] = mapped_column(String(120))
    justification: Mapped[str] = mapped_column(Text)
    recipient: Mapped[str | None] = mapped_column(String(40))
    reference_hashes: Mapped[list[Any]] = mapped_column(JSON)
    details: Mapped[dict[str, Any]] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    # Set when retention seals the event: content dropped, digest and link kept (ledger/seal.py).
    sealed_at: Mapped[datetime | None]
    sealed_by: Mapped[str | None] = mapped_column(String(40))
    seal: Mapped[str | None] = mapped_column(String(64))


class LedgerVerification(Base):
    """A walk of the ledger chain: who ran it, when, and what it found (kept for the audit)."""

    __tablename__ = "ledger_verifications"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    by: Mapped[str] = mapped_column(String(120))
    ok: Mapped[bool] = mapped_column(Boolean)
    events_checked: Mapped[int] = mapped_column(BigInteger)
    head_seq: Mapped[int | None] = mapped_column(BigInteger)
    head_hash: Mapped[str | None] = mapped_column(String(64))
    first_bad_seq: Mapped[int | None] = mapped_column(BigInteger)
    problem: Mapped[str | None] = mapped_column(Text)


class LedgerReference(Base):
    """Index from the keyed hash of a reference to the events that name it.

    Events never hold a reference in clear: they are chained over keyed hashes, so a record's
    disposal leaves the chain intact and an auditor holding the key can still find its events.
    """

    __tablename__ = "ledger_references"
    __table_args__ = (Index("ix_ledger_references_reference_hash", "reference_hash"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(
        ForeignKey("ledger_events.seq", ondelete="CASCADE"), index=True
    )
    reference_hash: Mapped[str] = mapped_column(String(64))


class CaseReviewTrigger(Base):
    """An ASB Case Review (Community Trigger) the hub raised: enough qualifying complaints by one
    victim, or about one location, within the configured window. Named by a keyed identity,
    never a value; its incidents are in `case_review_incidents`. Raised once per identity while
    open: a later evaluation links new complaints to it (asbhub.casereview.evaluate)."""

    __tablename__ = "case_review_triggers"
    __table_args__ = (Index("ix_case_review_triggers_kind_status", "kind", "status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    trigger_id: Mapped[str] = mapped_column(String(24), unique=True)
    kind: Mapped[str] = mapped_column(String(10))  # asbhub.casereview.model.TriggerKind
    subject_key: Mapped[str] = mapped_column(String(64))  # the victim's or location's key
    status: Mapped[str] = mapped_column(String(10))  # asbhub.casereview.model.TriggerStatus
    opened_at: Mapped[datetime]
    opened_as_of: Mapped[date] = mapped_column(Date)  # the day the window ended when raised
    window: Mapped[str] = mapped_column(String(10))  # the configured window then, e.g. 6m
    threshold: Mapped[int] = mapped_column(Integer)  # the configured threshold then
    last_evaluated_as_of: Mapped[date] = mapped_column(Date)
    closed_at: Mapped[datetime | None]
    closed_by: Mapped[str | None] = mapped_column(String(120))
    close_reason: Mapped[str | None] = mapped_column(Text)


class CaseReviewIncident(Base):
    """One complaint (incident) a trigger counts. Goes with its incident when retention disposes
    of it; a trigger left with none goes too (asbhub.retention.execute)."""

    __tablename__ = "case_review_incidents"
    __table_args__ = (UniqueConstraint("trigger_pk", "incident_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    trigger_pk: Mapped[int] = mapped_column(
        ForeignKey("case_review_triggers.id", ondelete="CASCADE"), index=True
    )
    incident_id: Mapped[int] = mapped_column(
        ForeignKey("incidents.id", ondelete="CASCADE"), index=True
    )
    linked_at: Mapped[datetime]


class CaseReviewFlag(Base):
    """What a partner has been told of a Community Trigger flagging a referral it holds: one row
    per referral, trigger and status told (`open`, then `closed`), bound to the batch that
    carries it, so each is told once (asbhub.casereview.flags). Goes with its referral, or its
    trigger, when retention disposes of either."""

    __tablename__ = "case_review_flags"
    __table_args__ = (UniqueConstraint("referral_pk", "trigger_pk", "status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    referral_pk: Mapped[int] = mapped_column(
        ForeignKey("referrals.id", ondelete="CASCADE"), index=True
    )
    trigger_pk: Mapped[int] = mapped_column(
        ForeignKey("case_review_triggers.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(10))  # asbhub.casereview.model.TriggerStatus
    batch_id: Mapped[str] = mapped_column(String(64), index=True)
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
