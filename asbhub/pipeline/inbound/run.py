"""Inbound: fetch what partners send back (outcomes, disposal acks), validate, quarantine what
is wrong, load and match the rest, report rejections to the partner, and tidy the outbox.

File naming (also in the partner guide). Partners put files in their *outbox*:

* ``outcomes-<anything>.csv`` or ``.jsonl`` (``.ndjson``): outcome/1.0 rows;
* ``disposal-acks-<anything>.csv`` or ``.jsonl``: disposal-ack/1.0 rows.

A file without either prefix is read by its header (``outcome_id`` or ``notice_id``) and
rejected when that does not tell. Names with path separators, ``..`` or control characters are
never read: they are reported. A file is known by name and SHA-256: the same file sent again is
recognised and not loaded twice; a changed file under a name already used is loaded as new and
flagged. For every file with problems, ``rejection-<stem>-<sha8>.json`` (rejection-report/1.0)
goes to the partner's inbox. Processed files move to the partner's processed folder (or are
deleted when the transport says ``after_fetch: delete``); the hub archives the original under
HOME/archive/<partner>/ for the retention schedule ("inbound originals").

What is taken (asbhub.pipeline.inbound.outbox): only complete files (stable across two
listings, or renamed by the partner) within the size limit; unsafe names, special files,
symlinks out of the folder and files over the limit are reported once and left where they are.

No file stops a run (asbhub.pipeline.inbound.failures): a failed transfer leaves the file in the
outbox, named in the result; any other failure keeps the original in quarantine, records the
file as failed, tells the partner and tidies the outbox. The run goes on and ends non-zero.

Crash safety: each chunk of rows commits with its quarantine entries and ledger events; a re-run
resumes a file part-way through (lines already done are counted, not redone), re-delivers a
report whose delivery may not have happened, tidies the outbox last, and sweeps what a killed
run left on the hub's disk.
"""

from __future__ import annotations

import logging
import secrets
import shutil
from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, computed_field
from sqlalchemy import select

from asbhub.partners import PartnerConfig
from asbhub.pipeline.inbound.checks import contract_of
from asbhub.pipeline.inbound.failures import fail_file, not_fetched
from asbhub.pipeline.inbound.files import (
    FileOutcome,
    finish_file,
    refuse_unread,
    register,
    reject_file,
    reports_folder,
    sweep_stale_work,
    tidy_outbox,
)
from asbhub.pipeline.inbound.job import FileJob
from asbhub.pipeline.inbound.outbox import (
    StillBeingWritten,
    Unread,
    listing_identity,
    view_outbox,
)
from asbhub.pipeline.inbound.rows import load_rows, scan
from asbhub.pipeline.inbound.status import (
    NEEDS_A_PERSON,
    FileStatus,
    InboundFileResult,
    file_result,
)
from asbhub.pipeline.rejection import display_name, name_sha256
from asbhub.records import DEFAULT_MAX_BYTES, FileProblem
from asbhub.runtime import Hub
from asbhub.settings import options
from asbhub.storage import AreaFileMissing
from asbhub.store.models import InboundFile
from connectors import RemoteFile, RemoteFileNotFound, Transport, TransportError, open_transport
from connectors.errors import RemoteFileTooLarge, UnsafeRemotePath

log = logging.getLogger(__name__)
TransportFactory = Callable[[PartnerConfig], Transport]


class CountsDoNotAddUp(AssertionError):
    """A file's rows in differ from rows loaded plus rows quarantined: a row was lost."""


class PartnerStatus(StrEnum):
    OK = "ok"
    FAILED_TRANSPORT = "failed_transport"  # the partner's server could not be reached


class PartnerInboundResult(BaseModel):
    partner_id: str
    status: PartnerStatus = PartnerStatus.OK
    files: list[InboundFileResult] = []
    still_writing: list[str] = []  # names not yet complete: taken by a later run
    swept: list[str] = []  # what a killed earlier run left on the hub's disk, now removed
    alerts: list[str] = []
    reason: str | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def failed_files(self) -> list[str]:
        """Files the hub (not the partner) could not finish: each needs a person."""
        return [f.name for f in self.files if f.status in NEEDS_A_PERSON or f.failure]


class InboundResult(BaseModel):
    partners: list[PartnerInboundResult] = []

    @property
    def ok(self) -> bool:
        return all(p.status == PartnerStatus.OK and not p.failed_files for p in self.partners)

    @property
    def alerts(self) -> list[str]:
        return [alert for p in self.partners for alert in p.alerts]


def default_transport(partner: PartnerConfig) -> Transport:
    return open_transport(partner.transport)


def max_bytes_setting() -> int:
    """The size limit for one inbound file: $ASBHUB_INBOUND_MAX_BYTES, else 100 MB."""
    return options().inbound_max_bytes or DEFAULT_MAX_BYTES


def settle_setting() -> float | None:
    """A run-wide override of each partner's `settle_seconds` ($ASBHUB_INBOUND_SETTLE_SECONDS)."""
    return options().inbound_settle_seconds


def run_inbound(
    hub: Hub,
    partner_ids: Sequence[str] | None = None,
    transport_factory: TransportFactory = default_transport,
    max_bytes: int | None = None,
    settle_seconds: float | None = None,
) -> InboundResult:
    """Collect every partner's outbox (all partners when None); one failing stops no other, and
    one file failing stops no other file.

    Raises CountsDoNotAddUp when any file's rows in differ from loaded plus quarantined.
    """
    partners = hub.partners if partner_ids is None else [hub.partner(p) for p in partner_ids]
    limit = max_bytes or max_bytes_setting()
    settle = settle_seconds if settle_seconds is not None else settle_setting()
    result = InboundResult()
    for partner in partners:
        result.partners.append(run_partner(hub, partner, transport_factory, limit, settle))
    check_accounting(result)
    return result


def check_accounting(result: InboundResult) -> None:
    wrong = [
        f"{p.partner_id}/{f.name}: {f.rows_in} in, {f.rows_loaded} loaded, "
        f"{f.rows_quarantined} quarantined"
        for p in result.partners
        for f in p.files
        if not f.balanced
    ]
    if wrong:
        raise CountsDoNotAddUp("inbound counts do not add up: " + "; ".join(wrong))


def run_partner(
    hub: Hub,
    partner: PartnerConfig,
    transport_factory: TransportFactory,
    max_bytes: int,
    settle_seconds: float | None = None,
) -> PartnerInboundResult:
    outcome = PartnerInboundResult(partner_id=partner.id, swept=sweep_stale_work(hub, partner))
    try:
        with transport_factory(partner) as transport:
            view = view_outbox(transport, partner, max_bytes, settle_seconds)
            outcome.still_writing = [display_name(name) for name in view.still_writing]
            for entry in view.unread:
                outcome.files.append(report_unread(hub, partner, transport, entry))
            for remote in view.ready:
                try:
                    received = settle_file(hub, partner, transport, remote, max_bytes)
                except StillBeingWritten:
                    outcome.still_writing.append(display_name(remote.name))
                    continue
                if received is not None:
                    outcome.files.append(received)
    except TransportError as exc:
        outcome.status, outcome.reason = PartnerStatus.FAILED_TRANSPORT, str(exc)
    outcome.alerts = [f.alert for f in outcome.files if f.alert]
    return outcome


def report_unread(
    hub: Hub, partner: PartnerConfig, transport: Transport, entry: Unread
) -> InboundFileResult:
    """Tell the partner about an entry the hub will not read, inside the same boundary."""

    def step() -> InboundFileResult:
        return refuse_unread(
            hub,
            partner,
            transport,
            entry.name,
            entry.identity,
            entry.size,
            entry.reason,
            entry.detail,
        )

    result = guarded(hub, partner, transport, entry.remote, None, step)
    assert result is not None  # refuse_unread always returns one
    return result


def settle_file(
    hub: Hub, partner: PartnerConfig, transport: Transport, remote: RemoteFile, max_bytes: int
) -> InboundFileResult | None:
    """One file, start to end, inside the last-resort boundary; its work folder always goes."""
    work = hub.settings.home / "inbound" / partner.id / secrets.token_hex(8)
    work.mkdir(parents=True)
    local = work / remote.name
    try:
        return guarded(
            hub,
            partner,
            transport,
            remote,
            local,
            lambda: receive(hub, partner, transport, remote, local, max_bytes),
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


def guarded(
    hub: Hub,
    partner: PartnerConfig,
    transport: Transport,
    remote: RemoteFile,
    local: Path | None,
    step: Callable[[], InboundFileResult | None],
) -> InboundFileResult | None:
    """Run one file's step; whatever goes wrong ends with the file accounted for.

    A transport error is probed with a fresh listing: when the partner's server is gone, the
    probe's own TransportError stops this partner (and only this partner)."""
    try:
        return step()
    except StillBeingWritten:
        raise
    except TransportError as exc:
        transport.survey("outbox")
        if local is not None and local.is_file():
            return fail_file(hub, partner, transport, remote, local, exc)
        return not_fetched(partner, remote, exc)
    except Exception as exc:
        try:
            if local is None:
                return not_fetched(partner, remote, exc)
            return fail_file(hub, partner, transport, remote, local, exc)
        except Exception as again:  # the store itself failing: say so, and go on
            log.exception("%s: %s: the failure could not be recorded", partner.id, remote.name)
            failed = not_fetched(partner, remote, again)
            failed.status = FileStatus.FAILED
            failed.failure = f"{type(exc).__name__}, then recording it: {type(again).__name__}"
            return failed


def receive(
    hub: Hub,
    partner: PartnerConfig,
    transport: Transport,
    remote: RemoteFile,
    local: Path,
    max_bytes: int,
) -> InboundFileResult | None:
    """Fetch one file, load it (or recognise it), deliver its report, tidy the outbox."""
    name = remote.name
    try:
        sha = transport.get("outbox", name, local, max_bytes=max_bytes)
    except RemoteFileNotFound:
        return None  # gone between listing and fetching: the partner took it back
    except UnsafeRemotePath:  # e.g. a symlink changed to point out of the folder: never read
        identity = listing_identity("link_outside", name)
        return refuse_unread(hub, partner, transport, name, identity, 0, "link_outside")
    except RemoteFileTooLarge as exc:  # the server sent more than it listed
        identity = listing_identity("too_large", name, remote.size, remote.mtime)
        detail = f"{exc}".split(": ", 1)[-1]
        return refuse_unread(
            hub, partner, transport, name, identity, remote.size, "too_large", detail
        )
    if local.stat().st_size != remote.size:
        # It changed between the listings and the transfer: still being written after all.
        log.info("%s: %s changed while being fetched; left for the next run", partner.id, name)
        raise StillBeingWritten(name)
    file_pk, final = register(hub, partner, name, sha, local.stat().st_size)
    if final:
        result = file_result(hub, file_pk, status=FileStatus.ALREADY_RECEIVED)
        _redeliver_report(hub, partner, transport, file_pk)
    else:
        done = _process(hub, partner, local, name, sha, file_pk, max_bytes)
        result = file_result(hub, file_pk, alert=done.alert)
        if done.report is not None:
            transport.put("inbox", done.report.name, done.report)
    tidy_outbox(partner, transport, name)
    return result


def _process(
    hub: Hub,
    partner: PartnerConfig,
    local: Path,
    name: str,
    sha: str,
    file_pk: int,
    max_bytes: int,
) -> FileOutcome:
    archive = archive_original(hub, partner, local, name, sha)
    try:
        contract = contract_of(name, local, max_bytes)
        if contract is None:
            raise FileProblem("unknown_kind", f"{name}: neither outcomes nor disposal acks")
        job = FileJob(hub, partner, local, contract, file_pk, name, sha, max_bytes)
        scan(job)
    except FileProblem as exc:
        return reject_file(hub, partner, local, name, sha, file_pk, exc, archive)
    tally = load_rows(job)
    return finish_file(hub, job, tally, archive)


def archive_original(hub: Hub, partner: PartnerConfig, local: Path, name: str, sha: str) -> Path:
    """Keep the original for the retention schedule ("inbound originals"), named by the hashes
    of its content and its name (one copy per inbound_files row), never by the partner."""
    key = f"archive/{partner.id}/{sha[:16]}-{name_sha256(name)[:8]}.bin"
    return hub.areas.local(hub.areas.keep_copy(local, key))


def _redeliver_report(hub: Hub, partner: PartnerConfig, transport: Transport, file_pk: int) -> None:
    """A file seen again (re-sent, or a run stopped before tidying): its report goes again."""
    with hub.store.session() as session:
        report = session.scalar(
            select(InboundFile.rejection_report).where(InboundFile.id == file_pk)
        )
    if report:
        try:
            kept = hub.areas.fetch(reports_folder(hub, partner) / report)
        except AreaFileMissing:  # disposed of by retention since: nothing to send again
            return
        transport.put("inbox", report, kept)
