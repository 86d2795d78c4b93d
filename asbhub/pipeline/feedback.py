"""Feedback to the force: each night's outcome summary (`outcome-summary/1.1`) and its manifest,
written once into the hub's staging area under `staging/force/<batch>/`, recorded as the
force's delivery (so the retention schedule's `delivery` class keeps it, 30 days), and disclosed
in the ledger.

A night's summary covers the outcomes received from the previous summary's cut-off to this
night's (08:00 Europe/London, after every partner's inbound run), so every outcome reaches the
force exactly once even when a night is missed. Running a night again rebuilds its rows from the
store and compares them with the file already written: the same bytes change nothing, anything
else is refused and the file is left as it was.
"""

from __future__ import annotations

import tempfile
from datetime import UTC, date, datetime, time
from enum import StrEnum
from pathlib import Path, PurePosixPath
from typing import Literal
from zoneinfo import ZoneInfo

from pydantic import BaseModel

from asbhub import ledger
from asbhub.errors import DataError, HubError
from asbhub.pipeline import feed
from asbhub.pipeline.outcome_summary import summary_rows
from asbhub.runtime import Hub
from asbhub.store.models import Delivery, Watermark
from connectors.models import sha256_file
from contracts.documents import Manifest
from contracts.outcome_summary import OutcomeSummary

LONDON = ZoneInfo("Europe/London")
FORCE = "force"  # the recipient in the ledger, and the manifest's partner id
FOLDER = "staging/force"
STREAM = "feedback:force"  # watermark: the batch id of the last summary disclosed
CUT_OFF = time(8, 0)  # Europe/London; after the partners' inbound runs (06:30 and 07:00)
LAWFUL_BASIS = (
    "DPA 2018 Part 3 s.35 (law enforcement purposes): partners' outcomes on the force's own "
    "referrals, returned to the force"
)
SummaryFormat = Literal["csv", "jsonl"]


class FeedbackStatus(StrEnum):
    WRITTEN = "written"  # tonight's summary written and disclosed
    ALREADY_WRITTEN = "already_written"  # the same summary was there: nothing changed


class FeedbackResult(BaseModel):
    """One night's summary for the force. Conflicts are information for the force, not a
    failure: the run succeeds whatever it found."""

    night: date
    status: FeedbackStatus
    batch_id: str
    previous_batch_id: str | None
    since: datetime | None  # outcomes received from here (None: since the start)
    until: datetime  # up to here
    files: list[str]  # keys in the hub's areas: the data file, then its manifest
    sha256: str  # of the data file
    rows: int
    updated_referrals: int
    conflicts: int  # rows flagged
    disclosed: int  # disclosure events written by this run


def cut_off(night: date) -> datetime:
    return datetime.combine(night, CUT_OFF, tzinfo=LONDON).astimezone(UTC)


def night_of_batch(batch: str) -> date:
    return datetime.strptime(batch.rsplit("-", 1)[1], "%Y%m%d").date()


def run_feedback(
    hub: Hub, night: date, fmt: SummaryFormat = "csv", now: datetime | None = None
) -> FeedbackResult:
    """Write (or confirm) the night's outcome summary for the force, and disclose its rows."""
    until = cut_off(night)
    if (now or datetime.now(UTC)) < until:
        raise HubError(
            f"the summary of {night} covers outcomes received until "
            f"{CUT_OFF:%H:%M} Europe/London that day: run it after then"
        )
    batch = feed.batch_id(FORCE, night)
    folder = PurePosixPath(FOLDER, batch)
    data_key = str(folder / feed.data_file_name("outcome-summary", night, fmt))
    manifest_key = str(folder / feed.manifest_name(night))
    with hub.store.session() as session:
        mark = session.get(Watermark, STREAM)
        last = mark.value if mark else None
    written = _written_manifest(hub, manifest_key)
    if written is None and last is not None and night_of_batch(last) >= night:
        raise DataError(
            f"no summary for {night} is written, and the outcomes it would cover went in the "
            f"later summary {last}: nothing to write"
        )
    previous = written.previous_batch_id if written else last
    since = cut_off(night_of_batch(previous)) if previous else None
    with hub.store.session() as session:
        rows = summary_rows(session, night, since, until)
    with tempfile.TemporaryDirectory(dir=hub.areas.home) as scratch:
        built = Path(scratch) / PurePosixPath(data_key).name
        count = feed.write_records(
            built, fmt, OutcomeSummary.field_names(), (r.to_row() for r in rows)
        )
        described = feed.describe_file(built, OutcomeSummary.ref(), count)
        if written is None:
            _keep(hub, built.read_bytes(), data_key)
            manifest = Manifest(
                batch_id=batch,
                partner_id=FORCE,
                night=night,
                created_at=datetime.now(UTC),
                previous_batch_id=previous,
                record_count=count,
                files=[described],
            )
            _keep(hub, (manifest.model_dump_json(indent=2) + "\n").encode(), manifest_key)
        else:
            _same_as_written(hub, written, described, data_key)
    disclosed = _disclose(hub, night, batch, rows)
    return FeedbackResult(
        night=night,
        status=FeedbackStatus.ALREADY_WRITTEN if written else FeedbackStatus.WRITTEN,
        batch_id=batch,
        previous_batch_id=previous,
        since=since,
        until=until,
        files=[data_key, manifest_key],
        sha256=described.sha256,
        rows=count,
        updated_referrals=sum(1 for r in rows if r.updated),
        conflicts=sum(1 for r in rows if r.conflict),
        disclosed=disclosed,
    )


def _written_manifest(hub: Hub, key: str) -> Manifest | None:
    if not hub.areas.exists(key):
        return None
    path = hub.areas.fetch(key)
    return Manifest.model_validate_json(path.read_text(encoding="utf-8"))


def _same_as_written(hub: Hub, manifest: Manifest, built: feed.ManifestFile, key: str) -> None:
    """The night is written: its file must be what its manifest says, and what the store gives
    now; a difference is refused, never written over."""
    listed = {f.name: f for f in manifest.files}
    name = PurePosixPath(key).name
    if name not in listed:
        raise DataError(
            f"{manifest.batch_id} is written as {', '.join(listed)}, not {name}: run it again in "
            "the format it was written in"
        )
    if not hub.areas.exists(key) or sha256_file(hub.areas.fetch(key)) != listed[name].sha256:
        raise DataError(
            f"{key} is missing or no longer matches its manifest: it is not written again; "
            "ask the information manager (a disposal run may have rewritten it)"
        )
    if built.sha256 != listed[name].sha256:
        raise DataError(
            f"{key} was written with other content ({listed[name].records} rows, sha256 "
            f"{listed[name].sha256[:12]}…) than the store gives now ({built.records} rows, "
            f"{built.sha256[:12]}…): it is not overwritten"
        )


def _keep(hub: Hub, data: bytes, key: str) -> None:
    """Put a file in the areas whole: under a temporary name, renamed, then saved."""
    target = hub.areas.local(key)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.part")
    partial.write_bytes(data)
    partial.replace(target)
    hub.areas.save(target)


def _disclose(hub: Hub, night: date, batch: str, rows: list[OutcomeSummary]) -> int:
    """One disclosure event per row, and the watermark moved on: one transaction, once per
    night (a night the watermark has reached was disclosed when it was written)."""
    now = datetime.now(UTC)
    events = [
        ledger.Event(
            kind=ledger.EventKind.DISCLOSURE,
            actor=hub.actor,
            justification=LAWFUL_BASIS,
            references=[row.incident_ref, row.referral_id],
            recipient=FORCE,
            at=now,
            details={"batch_id": batch, "contract": OutcomeSummary.ref()},
        )
        for row in rows
    ]
    with hub.store.session() as session:
        mark = session.get(Watermark, STREAM)
        if mark is not None and night_of_batch(mark.value) >= night:
            return 0
        if events:
            ledger.append_many(session, hub.ledger_key, events)
        # The force's copy is a batch delivered to it, like a partner's: the retention schedule
        # keeps it in the `delivery` class. It is in the force's own hands once written, so it
        # counts as acknowledged then (nothing to collect, no review of each night).
        session.add(
            Delivery(
                batch_id=batch,
                partner_id=FORCE,
                night=night,
                previous_batch_id=mark.value if mark is not None else None,
                status="delivered",
                record_count=len(rows),
                files=[],
                staging_path=f"{FOLDER}/{batch}",
                created_at=now,
                delivered_at=now,
                acknowledged_at=now,
            )
        )
        if mark is None:
            session.add(Watermark(stream=STREAM, value=batch, updated_at=now))
        else:
            mark.value, mark.updated_at = batch, now
    return len(events)
