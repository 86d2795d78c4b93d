"""Which entries of a partner's outbox the hub takes this run: complete, plain and within the
size limit. Everything else is accounted for: still being written (taken next run), or refused
with a reason that is reported to the partner.

A file is complete when the partner's file says how it shows that (`transport.ready`):
* ``stable`` (the default): its size and modification time are the same in two listings
  ``settle_seconds`` apart, and it has no temporary name (a leading dot, ``.part``, ``.tmp``,
  ``.filepart`` ...). A file that changed between the listings is left for the next run.
* ``renamed``: the partner writes under a temporary name and renames to the final name when
  the file is complete, so a final name is ready at once. (An S3 object is visible only when
  its upload is complete, so S3 partners are always read from one listing.)

The size limit is applied to the listed size, before any byte is copied; the transport also
stops a download that runs past it, for servers whose listing understates a size.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from asbhub.partners import PartnerConfig
from connectors import Transport
from connectors.models import RefusedEntry, RemoteFile


class StillBeingWritten(Exception):
    """The file changed after the listings said it was complete: left for the next run."""


@dataclass(frozen=True)
class Unread:
    """An outbox entry the hub will not read; `identity` stands for the content it never saw."""

    name: str
    size: int
    mtime: datetime
    reason: str  # a FILE_REASONS code
    identity: str
    detail: str | None = None

    @property
    def remote(self) -> RemoteFile:
        return RemoteFile(name=self.name, size=self.size, mtime=self.mtime)


@dataclass(frozen=True)
class OutboxView:
    ready: list[RemoteFile] = field(default_factory=list)
    still_writing: list[str] = field(default_factory=list)
    unread: list[Unread] = field(default_factory=list)


def listing_identity(*parts: object) -> str:
    """The SHA-256 that stands for an entry the hub never read: of its name and listing."""
    text = "\x00".join(str(part) for part in parts)
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def view_outbox(
    transport: Transport,
    partner: PartnerConfig,
    max_bytes: int,
    settle_seconds: float | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> OutboxView:
    """List the outbox (twice, for `stable` partners with files waiting) and sort every entry."""
    first = transport.survey("outbox")
    candidates, survey = first.files, first
    still_writing = list(first.in_flight)
    # An S3 object is visible only once its upload is complete, so one listing is enough there.
    if partner.transport.ready == "stable" and partner.transport.type != "s3" and candidates:
        wait = partner.transport.settle_seconds if settle_seconds is None else settle_seconds
        if wait > 0:
            sleep(wait)
        survey = transport.survey("outbox")
        now = {f.name: f for f in survey.files}
        before = {f.name for f in candidates}
        still_writing = list(survey.in_flight)
        still_writing += [f.name for f in candidates if f.name in now and now[f.name] != f]
        still_writing += [name for name in now if name not in before]
        candidates = [f for f in candidates if now.get(f.name) == f]
    unread = [_refused(entry) for entry in survey.refused]
    ready = []
    for remote in candidates:
        if remote.size > max_bytes:
            unread.append(
                Unread(
                    remote.name,
                    remote.size,
                    remote.mtime,
                    "too_large",
                    listing_identity("too_large", remote.name, remote.size, remote.mtime),
                    f"{remote.size:,} bytes is over the limit of {max_bytes:,} bytes; "
                    "it was not read and stays in your outbox: split it into smaller files",
                )
            )
        else:
            ready.append(remote)
    return OutboxView(ready=ready, still_writing=sorted(set(still_writing)), unread=unread)


def _refused(entry: RefusedEntry) -> Unread:
    reason = entry.reason.value
    # An unsafe name keeps the identity it always had (the hash of the name alone).
    parts: tuple[str, ...] = (entry.name,) if reason == "unsafe_name" else (reason, entry.name)
    return Unread(entry.name, entry.size, entry.mtime, reason, listing_identity(*parts))
