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

Crash safety: each chunk of rows commits with its quarantine entries and ledger events; a re-run
resumes a file part-way through (lines already done are counted, not redone), re-delivers a
report whose delivery may not have happened, and tidies the outbox last.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import BaseModel
from sqlalchemy import select

from asbhub.partners import PartnerConfig
from asbhub.pipeline.inbound_checks import contract_of
from asbhub.pipeline.inbound_files import (
    FileOutcome,
    finish_file,
    register,
    reject_file,
    reject_unsafe_name,
    reports_folder,
)
from asbhub.pipeline.inbound_job import FileJob
from asbhub.pipeline.inbound_rows import load_rows, scan
from asbhub.pipeline.inbound_status import InboundFileResult, file_result
from asbhub.pipeline.rejection import name_sha256
from asbhub.records import DEFAULT_MAX_BYTES, FileProblem
from asbhub.runtime import Hub
from asbhub.store.models import InboundFile
from connectors import RemoteFileNotFound, Transport, TransportError, open_transport
from connectors.errors import UnsafeRemotePath
from connectors.paths import is_safe_name

TransportFactory = Callable[[PartnerConfig], Transport]
MAX_BYTES_ENV = "ASBHUB_INBOUND_MAX_BYTES"


class CountsDoNotAddUp(AssertionError):
    """A file's rows in differ from rows loaded plus rows quarantined: a row was lost."""


class PartnerInboundResult(BaseModel):
    partner_id: str
    status: str = "ok"  # ok | failed_transport
    files: list[InboundFileResult] = []
    alerts: list[str] = []
    reason: str | None = None


class InboundResult(BaseModel):
    partners: list[PartnerInboundResult] = []

    @property
    def ok(self) -> bool:
        return all(p.status == "ok" for p in self.partners)

    @property
    def alerts(self) -> list[str]:
        return [alert for p in self.partners for alert in p.alerts]


def default_transport(partner: PartnerConfig) -> Transport:
    return open_transport(partner.transport)


def max_bytes_setting() -> int:
    """The size limit for one inbound file: $ASBHUB_INBOUND_MAX_BYTES, else 100 MB."""
    value = os.environ.get(MAX_BYTES_ENV)
    return int(value) if value else DEFAULT_MAX_BYTES


def run_inbound(
    hub: Hub,
    partner_ids: Sequence[str] | None = None,
    transport_factory: TransportFactory = default_transport,
    max_bytes: int | None = None,
) -> InboundResult:
    """Collect every partner's outbox (all partners when None); one failing stops no other.

    Raises CountsDoNotAddUp when any file's rows in differ from loaded plus quarantined.
    """
    partners = hub.partners if partner_ids is None else [hub.partner(p) for p in partner_ids]
    limit = max_bytes or max_bytes_setting()
    result = InboundResult()
    for partner in partners:
        result.partners.append(run_partner(hub, partner, transport_factory, limit))
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
    hub: Hub, partner: PartnerConfig, transport_factory: TransportFactory, max_bytes: int
) -> PartnerInboundResult:
    outcome = PartnerInboundResult(partner_id=partner.id)
    try:
        with transport_factory(partner) as transport:
            for name, size in refused_names(transport):
                outcome.files.append(reject_unsafe_name(hub, partner, transport, name, size))
            for remote in transport.list("outbox"):
                received = receive(hub, partner, transport, remote.name, max_bytes)
                if received is not None:
                    outcome.files.append(received)
    except TransportError as exc:
        outcome.status, outcome.reason = "failed_transport", str(exc)
    outcome.alerts = [f.alert for f in outcome.files if f.alert]
    return outcome


def refused_names(transport: Transport) -> list[tuple[str, int]]:
    """Names in the outbox that `Transport.list` leaves out as unsafe, so that they are reported
    to the partner rather than ignored. Read through the transport's own scan and retries: the
    names are only looked at, never used as paths."""
    folder = transport.folder_path("outbox")
    entries = transport._retry("list outbox", lambda: list(transport._scan(folder)))
    return sorted(
        (entry.name, entry.size)
        for entry in entries
        if entry.kind in ("file", "link") and not is_safe_name(entry.name)
    )


def receive(
    hub: Hub, partner: PartnerConfig, transport: Transport, name: str, max_bytes: int
) -> InboundFileResult | None:
    """Fetch one file, load it (or recognise it), deliver its report, tidy the outbox."""
    work = hub.settings.home / "inbound" / partner.id / secrets.token_hex(8)
    work.mkdir(parents=True)
    local = work / name
    try:
        try:
            sha = transport.get("outbox", name, local)
        except RemoteFileNotFound:
            return None  # gone between listing and fetching: the partner took it back
        except UnsafeRemotePath:  # e.g. a symlink out of the folder: never read
            return reject_unsafe_name(hub, partner, transport, name, 0)
        file_pk, final = register(hub, partner, name, sha, local.stat().st_size)
        if final:
            result = file_result(hub, file_pk, status="already_received")
            _redeliver_report(hub, partner, transport, file_pk)
        else:
            done = _process(hub, partner, local, name, sha, file_pk, max_bytes)
            result = file_result(hub, file_pk, alert=done.alert)
            if done.report is not None:
                transport.put("inbox", done.report.name, done.report)
        tidy_outbox(partner, transport, name)
        return result
    finally:
        shutil.rmtree(work, ignore_errors=True)


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
    folder = hub.settings.home / "archive" / partner.id
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{sha[:16]}-{name_sha256(name)[:8]}.bin"
    if not target.exists():
        partial = target.with_suffix(".part")
        shutil.copyfile(local, partial)
        partial.replace(target)
    return target


def tidy_outbox(partner: PartnerConfig, transport: Transport, name: str) -> None:
    if partner.transport.after_fetch == "delete":
        transport.delete("outbox", [name])
    else:
        transport.move("outbox", name, "processed")


def _redeliver_report(hub: Hub, partner: PartnerConfig, transport: Transport, file_pk: int) -> None:
    """A file seen again (re-sent, or a run stopped before tidying): its report goes again."""
    with hub.store.session() as session:
        report = session.scalar(
            select(InboundFile.rejection_report).where(InboundFile.id == file_pk)
        )
    if report:
        path = reports_folder(hub, partner) / report
        if path.exists():
            transport.put("inbox", report, path)
