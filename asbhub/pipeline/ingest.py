"""Ingest: load the force's incident/1.0 extracts into the store and create the referrals due.

Every row is either loaded, recognised as already held unchanged, applied as a change to an
incident the hub holds (`asbhub.pipeline.changes`: updates and withdrawals for the partners), or
quarantined with its reason, and the counts add up per file. A file is known by its SHA-256, so
re-ingesting it changes nothing.
An ASB incident no council covers is loaded but held as unroutable, with its detail, and every
run tries the held ones again (a partner file may have been fixed since).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from asbhub import ledger
from asbhub.casereview.identity import identity_keys, keep_keys
from asbhub.errors import DataError
from asbhub.pipeline import changes
from asbhub.pipeline.reroute import UnroutableIncident, reroute
from asbhub.pipeline.routing import RoutingStatus, decide, is_high_risk, new_referral_id
from asbhub.private import tighten
from asbhub.quarantine import keep_original, quarantine_file, quarantine_row
from asbhub.records import FileProblem, read_rows
from asbhub.runtime import Hub
from asbhub.settings import options
from asbhub.store.models import InboundFile, Incident, Referral
from connectors.models import sha256_file
from contracts.incident import Incident as IncidentRecord

FORCE = "force"  # the source id the force's extracts are recorded under
EXTRACT_PATTERNS = ("*.csv", "*.jsonl", "*.ndjson")
JUSTIFICATION = (
    "ASB case management with partners: Crime and Disorder Act 1998 s.17 and s.115; "
    "DPA 2018 s.35 (law enforcement purposes)"
)
COMMIT_EVERY = 2000


class FileStatus(StrEnum):
    LOADED = "loaded"
    ALREADY_INGESTED = "already_ingested"
    QUARANTINED = "quarantined"


class IngestFileResult(BaseModel):
    name: str
    sha256: str
    status: FileStatus
    rows_in: int = 0
    loaded: int = 0
    already_known: int = 0  # held already, unchanged
    changed: int = 0  # held already, changed since: applied, logged, sent to the partners
    quarantined: int = 0
    not_asb: int = 0
    unroutable: int = 0  # new or changed ASB incidents no council covers, held with detail
    referrals: int = 0  # new referrals, for new incidents and for changed ones
    updates: int = 0  # of `changed`: updates queued for partners holding the referral
    withdrawals: int = 0  # withdrawals queued for partners that no longer cover the incident
    escalations: int = 0  # changed incidents whose risk rose: partners act on them first
    reason: str | None = None

    @property
    def balanced(self) -> bool:
        return self.rows_in == self.loaded + self.already_known + self.changed + self.quarantined


class IngestResult(BaseModel):
    files: list[IngestFileResult] = []
    # Incidents held earlier as unroutable that a fixed partner file now routes, and every
    # incident still held unroutable after this run (new or old): someone must act on those.
    rerouted: list[str] = []
    rerouted_referrals: int = 0
    unroutable: list[UnroutableIncident] = []

    def total(self, name: str) -> int:
        return sum(int(getattr(f, name)) for f in self.files)

    @property
    def balanced(self) -> bool:
        return all(f.balanced for f in self.files)


def landing_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise DataError(f"landing folder {folder} does not exist")
    found = {p for pattern in EXTRACT_PATTERNS for p in folder.glob(pattern) if p.is_file()}
    return sorted(found)


def ingest_folder(hub: Hub, folder: Path) -> IngestResult:
    return ingest_files(hub, landing_files(folder))


def _route_held(hub: Hub, result: IngestResult) -> IngestResult:
    """Try every held unroutable incident again and report those still held."""
    again = reroute(hub)
    return result.model_copy(
        update={
            "rerouted": again.routed,
            "rerouted_referrals": again.referrals,
            "unroutable": again.still_unroutable,
        }
    )


def ingest_landing(hub: Hub, environ: Mapping[str, str] | None = None) -> IngestResult:
    """The landing area the deployment names: an object-store prefix when
    ASBHUB_LANDING_CONNECTION names a connection (with ASBHUB_LANDING_PREFIX), else the
    folder HOME/landing."""
    given = options(environ)
    if given.landing_connection:
        return ingest_prefix(hub, given.landing_connection, given.landing_prefix)
    if hub.areas.remote:
        return ingest_area_landing(hub)
    return ingest_folder(hub, hub.settings.home / "landing")


def ingest_area_landing(hub: Hub) -> IngestResult:
    """Ingest the extracts in the landing area of the hub's object store: each is fetched into
    this hub's scratch folder, ingested (its original saved in the archive area), then removed
    from landing; a crash in between is harmless, as the re-fetched file is known by its hash."""

    def fetched() -> Iterator[Path]:
        for key in hub.areas.files("landing"):
            if key.endswith((".csv", ".jsonl", ".ndjson")) and key.count("/") == 1:
                yield hub.areas.fetch(key)
                hub.areas.remove(key)  # once ingested: ingest_files asks for the next

    return ingest_files(hub, fetched())


def ingest_prefix(hub: Hub, connection_id: str, prefix: str) -> IngestResult:
    """Ingest the extracts under a prefix of an S3-compatible store (or any transport the
    connection names). Each is fetched, ingested, then removed from the landing area; a crash
    in between is harmless, as the re-fetched file is known by its SHA-256."""
    from connectors import open_transport
    from connectors.spec import TransportSpec

    spec = TransportSpec(
        type=_transport_type(connection_id),
        connection_id=connection_id,
        folders={"inbox": prefix, "outbox": prefix},
    )
    fetched = hub.areas.staging / "landing"
    fetched.mkdir(parents=True, exist_ok=True)
    result = IngestResult()
    with open_transport(spec) as transport:
        for remote in sorted(transport.list("outbox"), key=lambda f: f.name):
            if not remote.name.endswith((".csv", ".jsonl", ".ndjson")):
                continue
            local = fetched / remote.name
            transport.get("outbox", remote.name, local)
            result.files.append(ingest_file(hub, local))
            transport.delete("outbox", [remote.name])
    if not result.balanced:
        raise AssertionError(f"ingest counts do not add up: {result.model_dump()}")
    return _route_held(hub, result)


def _transport_type(connection_id: str) -> Literal["sftp", "s3", "local"]:
    from connectors.connection import lookup_connection

    kind = lookup_connection(connection_id).conn_type
    if kind in {"aws", "s3"}:
        return "s3"
    if kind in {"sftp", "ssh"}:
        return "sftp"
    return "local"


def ingest_files(hub: Hub, paths: Iterable[Path]) -> IngestResult:
    result = IngestResult()
    for path in paths:
        result.files.append(ingest_file(hub, path))
    if not result.balanced:  # never expected: it would mean a row was lost
        raise AssertionError(f"ingest counts do not add up: {result.model_dump()}")
    return _route_held(hub, result)


def ingest_file(hub: Hub, path: Path) -> IngestFileResult:
    sha = sha256_file(path)
    outcome = IngestFileResult(name=path.name, sha256=sha, status=FileStatus.LOADED)
    with hub.store.session() as session:
        known = session.scalar(
            select(InboundFile).where(
                InboundFile.partner_id == FORCE,
                InboundFile.name == path.name,
                InboundFile.sha256 == sha,
            )
        )
        if known is not None and known.status != "in_progress":
            outcome.status = FileStatus.ALREADY_INGESTED
            return outcome
        record = known or InboundFile(
            partner_id=FORCE,
            name=path.name,
            sha256=sha,
            size=path.stat().st_size,
            contract=IncidentRecord.ref(),
            status="in_progress",
            received_at=datetime.now(UTC),
        )
        session.add(record)
        session.flush()
        file_pk = record.id
    try:
        _load_rows(hub, path, sha, file_pk, outcome)
    except FileProblem as exc:
        _quarantine_whole_file(hub, path, sha, file_pk, exc, outcome)
    _finish(hub, path, file_pk, outcome)
    return outcome


def _load_rows(hub: Hub, path: Path, sha: str, file_pk: int, outcome: IngestFileResult) -> None:
    rows = read_rows(path, IncidentRecord)
    pending: list[tuple[int, IncidentRecord]] = []
    for row in rows:
        outcome.rows_in += 1
        if row.ok:
            assert isinstance(row.record, IncidentRecord)
            pending.append((row.line, row.record))
        else:
            with hub.store.session() as session:
                for problem in row.problems[:1]:
                    quarantine_row(
                        session,
                        source="ingest",
                        partner_id=FORCE,
                        file_name=path.name,
                        sha256=sha,
                        line=row.line,
                        field=problem.field,
                        reason="; ".join(
                            f"{p.field}: {p.message}" if p.field else p.message
                            for p in row.problems
                        ),
                        raw=row.raw,
                        inbound_file_id=file_pk,
                    )
            outcome.quarantined += 1
        if len(pending) >= COMMIT_EVERY:
            _store_incidents(hub, path.name, pending, outcome)
            pending = []
    _store_incidents(hub, path.name, pending, outcome)


def _store_incidents(
    hub: Hub, file_name: str, batch: list[tuple[int, IncidentRecord]], outcome: IngestFileResult
) -> None:
    """Store a batch of valid incidents, each part atomically. An incident that appears twice
    in the batch starts a new part, so its later row is compared with the earlier one."""
    part: list[tuple[int, IncidentRecord]] = []
    seen: set[str] = set()
    for line, record in batch:
        if record.incident_ref in seen:
            _store_part(hub, file_name, part, outcome)
            part, seen = [], set()
        part.append((line, record))
        seen.add(record.incident_ref)
    _store_part(hub, file_name, part, outcome)


def _store_part(
    hub: Hub, file_name: str, batch: list[tuple[int, IncidentRecord]], outcome: IngestFileResult
) -> None:
    """New incidents with their referrals and collection events; changes to incidents the hub
    holds with their alteration events; one transaction."""
    if not batch:
        return
    now = datetime.now(UTC)
    key = hub.ledger_key
    with hub.store.session() as session:
        refs = [record.incident_ref for _, record in batch]
        existing = {
            row.incident_ref: row
            for row in session.scalars(select(Incident).where(Incident.incident_ref.in_(refs)))
        }
        events: list[ledger.Event] = []
        incidents: list[dict[str, Any]] = []
        routes: dict[str, tuple[bool, list[str]]] = {}
        for line, record in batch:
            digests = changes.field_digests(record, key)
            known = existing.get(record.incident_ref)
            if known is not None:
                event = _compare(
                    hub, session, known, record, digests, file_name, line, now, outcome
                )
                if event is not None:
                    events.append(event)
                continue
            routing = decide(record, hub.partners)
            partners = [p.id for p in routing.partners]
            routes[record.incident_ref] = (is_high_risk(record), partners)
            row = _incident_row(
                record,
                file_name,
                line,
                now,
                keep_detail=routing.status is not RoutingStatus.NOT_ASB,
            )
            incidents.append(
                {
                    **row,
                    "routing_status": routing.status,
                    "routing_reason": routing.reason,
                    "field_digests": digests,
                    **identity_keys(record, key),  # Case Review: keyed, no values
                }
            )
            outcome.loaded += 1
            outcome.referrals += len(partners)
            outcome.not_asb += routing.status is RoutingStatus.NOT_ASB
            outcome.unroutable += routing.status is RoutingStatus.UNROUTABLE
            events.append(
                ledger.Event(
                    kind=ledger.EventKind.COLLECTION,
                    actor=hub.actor,
                    justification=JUSTIFICATION,
                    references=[record.incident_ref],
                    at=now,
                    details={
                        "source": file_name,
                        "line": line,
                        "referred_to": partners,
                        "routing": routing.status.value,
                    },
                )
            )
        if incidents:
            # One multi-row insert for the batch; the ids come back for the referrals.
            ids = session.execute(
                insert(Incident).returning(Incident.id, Incident.incident_ref), incidents
            ).all()
            referrals = [
                {
                    "referral_id": new_referral_id(),
                    "incident_id": incident_id,
                    "partner_id": partner_id,
                    "created_at": now,
                    "high_risk": routes[ref][0],
                    "status": "pending",
                }
                for incident_id, ref in ids
                for partner_id in routes[ref][1]
            ]
            if referrals:
                session.execute(insert(Referral), referrals)
        if events:
            ledger.append_many(session, key, events)


def _compare(
    hub: Hub,
    session: Session,
    known: Incident,
    record: IncidentRecord,
    digests: dict[str, str],
    file_name: str,
    line: int,
    now: datetime,
    outcome: IngestFileResult,
) -> ledger.Event | None:
    """An incident the hub holds: unchanged (counted known), or changed (applied, and its
    alteration event returned for the batch's ledger append)."""
    keep_keys(known, record, hub.ledger_key)  # Case Review: keyed afresh, no values
    fields = changes.changed_fields(known, record, digests)
    if not fields:
        if known.field_digests is None:  # held from before digests: learn them now
            known.field_digests = digests
        outcome.already_known += 1
        return None
    applied = changes.apply_change(session, known, record, fields, digests, hub.partners, now)
    outcome.changed += 1
    outcome.updates += len(applied.updates)
    outcome.withdrawals += len(applied.withdrawals)
    outcome.escalations += applied.escalated
    outcome.referrals += len(applied.referred)
    outcome.not_asb += applied.routing == RoutingStatus.NOT_ASB
    outcome.unroutable += applied.routing == RoutingStatus.UNROUTABLE
    return changes.alteration_event(applied, hub.actor, JUSTIFICATION, file_name, line, now)


def _incident_row(
    record: IncidentRecord, file_name: str, line: int, now: datetime, keep_detail: bool
) -> dict[str, Any]:
    return dict(
        incident_ref=record.incident_ref,
        **changes.incident_columns(record),
        # The detail is needed only until the incident's referrals are delivered; an incident
        # judged not ASB never keeps it, an unroutable one keeps it until it is routed.
        payload=record.model_dump(mode="json") if keep_detail else None,
        payload_cleared_at=None if keep_detail else now,
        source_file=file_name,
        source_line=line,
        ingested_at=now,
    )


def _quarantine_whole_file(
    hub: Hub, path: Path, sha: str, file_pk: int, exc: FileProblem, outcome: IngestFileResult
) -> None:
    kept = None if exc.reason == "too_large" else keep_original(hub.areas, path, sha)
    with hub.store.session() as session:
        quarantine_file(
            session,
            source="ingest",
            partner_id=FORCE,
            file_name=path.name,
            sha256=sha,
            reason=f"{exc.reason}: {exc}",
            kept_at=kept,
            inbound_file_id=file_pk,
            line=exc.line,
        )
    outcome.status = FileStatus.QUARANTINED
    outcome.reason = str(exc)
    # Rows read before a file turned out broken are kept: they were valid and are stored.
    outcome.rows_in = outcome.loaded + outcome.already_known + outcome.changed + outcome.quarantined


def _finish(hub: Hub, path: Path, file_pk: int, outcome: IngestFileResult) -> None:
    archive = hub.areas.home / "archive" / FORCE
    archive.mkdir(parents=True, exist_ok=True)
    target = archive / f"{outcome.sha256[:16]}-{path.name}"
    with hub.store.session() as session:
        record = session.get(InboundFile, file_pk)
        assert record is not None
        record.status = outcome.status
        record.rows_in = outcome.rows_in
        record.rows_loaded = outcome.loaded + outcome.already_known + outcome.changed
        record.rows_quarantined = outcome.quarantined
        record.processed_at = datetime.now(UTC)
        record.archive_path = hub.areas.key(target)
    # The full extract leaves the landing area once processed; the archive copy is disposed of
    # by the retention schedule ("inbound originals").
    shutil.move(str(path), target)
    tighten(target)  # the extract keeps the mode its writer gave it; the archive is owner-only
    hub.areas.save(target)
