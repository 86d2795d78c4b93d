"""Inbound, first phase: take what is complete in a partner's outbox into the hub.

Each file is downloaded (hashed as it comes), registered by partner, name and SHA-256, and its
original kept in the archive area under a key the store records at once; the file stays in the
outbox until the report phase tidies it. What the partner sent is then in the hub, so loading
needs no transport and can run on any worker; a file registered here but not yet loaded (a
worker stopped) is fetched and loaded again by the next run, resuming where its last committed
chunk left it.

Entries the hub will not read are reported to the partner here, and files whose transfer fails
are left in the outbox and named in the result; one file never stops the others.
"""

from __future__ import annotations

import logging
import secrets
import shutil
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel

from asbhub.partners import PartnerConfig
from asbhub.pipeline.inbound.failures import fail_file, not_fetched, not_recorded
from asbhub.pipeline.inbound.files import refuse_unread, register, sweep_stale_work
from asbhub.pipeline.inbound.outbox import (
    StillBeingWritten,
    Unread,
    listing_identity,
    view_outbox,
)
from asbhub.pipeline.inbound.status import InboundFileResult, PartnerStatus
from asbhub.pipeline.rejection import display_name, name_sha256
from asbhub.runtime import Hub
from asbhub.store.models import InboundFile
from connectors import RemoteFile, RemoteFileNotFound, Transport, TransportError
from connectors.errors import RemoteFileTooLarge, UnsafeRemotePath

log = logging.getLogger(__name__)


class FetchedFile(BaseModel):
    """A file now in the hub: registered, its original archived."""

    file_pk: int
    seen_again: bool = False  # the same name and bytes were processed to the end before


class FetchResult(BaseModel):
    partner_id: str
    status: PartnerStatus = PartnerStatus.OK
    fetched: list[FetchedFile] = []
    files: list[InboundFileResult] = []  # ended in this phase: refused, not fetched, failed
    still_writing: list[str] = []  # names not yet complete: taken by a later run
    swept: list[str] = []  # what a killed earlier run left on the hub's disk, now removed
    reason: str | None = None

    @property
    def to_load(self) -> list[int]:
        return [f.file_pk for f in self.fetched if not f.seen_again]

    @property
    def file_ids(self) -> list[int]:
        """Every fetched file: each gets its report (again) and leaves the outbox."""
        return [f.file_pk for f in self.fetched]


def fetch_outbox(
    hub: Hub,
    partner: PartnerConfig,
    transport: Transport,
    max_bytes: int,
    settle_seconds: float | None = None,
) -> FetchResult:
    """Take every complete file from the partner's outbox. When the partner's server goes away
    part-way, what was fetched before stands and the result says `failed_transport`."""
    result = FetchResult(partner_id=partner.id, swept=sweep_stale_work(hub, partner))
    try:
        view = view_outbox(transport, partner, max_bytes, settle_seconds)
        result.still_writing = [display_name(name) for name in view.still_writing]
        for entry in view.unread:
            result.files.append(report_unread(hub, partner, transport, entry))
        for remote in view.ready:
            try:
                got = settle_file(hub, partner, transport, remote, max_bytes)
            except StillBeingWritten:
                result.still_writing.append(display_name(remote.name))
                continue
            if isinstance(got, FetchedFile):
                result.fetched.append(got)
            elif got is not None:
                result.files.append(got)
    except TransportError as exc:
        result.status, result.reason = PartnerStatus.FAILED_TRANSPORT, str(exc)
    return result


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
    assert isinstance(result, InboundFileResult)  # refuse_unread always returns one
    return result


Fetched = FetchedFile | InboundFileResult | None


def settle_file(
    hub: Hub, partner: PartnerConfig, transport: Transport, remote: RemoteFile, max_bytes: int
) -> Fetched:
    """One file into the hub, inside the last-resort boundary; its work folder always goes."""
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
    step: Callable[[], Fetched],
) -> Fetched:
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
            identity = listing_identity(remote.name, remote.size, remote.mtime)
            return not_recorded(partner, remote.name, identity, exc, again)


def receive(
    hub: Hub,
    partner: PartnerConfig,
    transport: Transport,
    remote: RemoteFile,
    local: Path,
    max_bytes: int,
) -> Fetched:
    """Fetch one file, register it and archive its original (or recognise it as seen)."""
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
        return FetchedFile(file_pk=file_pk, seen_again=True)
    key = archive_original(hub, partner, local, name, sha)
    with hub.store.session() as session:
        record = session.get(InboundFile, file_pk)
        assert record is not None
        record.archive_path = key
    return FetchedFile(file_pk=file_pk)


def archive_original(hub: Hub, partner: PartnerConfig, local: Path, name: str, sha: str) -> str:
    """Keep the original for the retention schedule ("inbound originals"), named by the hashes
    of its content and its name (one copy per inbound_files row), never by the partner; the
    key is recorded on the file's row before it is loaded, so retention sees every copy."""
    key = f"archive/{partner.id}/{sha[:16]}-{name_sha256(name)[:8]}.bin"
    return hub.areas.keep_copy(local, key)
