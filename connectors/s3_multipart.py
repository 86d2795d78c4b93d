"""S3 multipart uploads: parts sent in parallel, each with its SHA-256, resumable after a crash.

Proof. S3 checks every part against the SHA-256 sent with it. On completion S3 reports the
composite checksum (the SHA-256 of the parts' SHA-256s), which the hub checks against its own,
and the object carries the whole file's SHA-256 in its metadata (`sha256`), which the hub checks
again on every download. Completion is atomic: nobody sees the object until every part is in.

Resume. Before the first part, the hub writes a small resume record beside the target under one
of its own temporary names (`.<name>.<token>.part`, see `connectors.paths`). The token comes from
the file's SHA-256 and the part size, so a record only ever describes this exact content, and
the record holds the upload id. Any later attempt at the same file (a retry in this process, or
a new process after a crash, on any worker) finds the record, asks S3 which parts it holds
already (ListParts) and sends only the rest. The record lives in the store itself, so nothing
on the worker's disk has to survive the crash, and the caller passes nothing extra.

Clean-up. A failure that is not worth retrying aborts the upload and deletes the record. After a
crash both stay until the next attempt resumes them, or until `sweep_stale_temps` finds the
record stale: it aborts the upload the record names, then deletes the record. (A bucket
lifecycle rule `AbortIncompleteMultipartUpload` remains a good backstop for a lost record.)
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import threading
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from connectors.errors import IntegrityError

MiB = 1024 * 1024
MIN_PART = 5 * MiB  # S3's smallest part (but the last)
MAX_PARTS = 10_000  # S3's most parts in one upload


@dataclass(frozen=True)
class Layout:
    """How one file is cut into parts."""

    size: int
    part_size: int
    sha256: str  # of the whole file (hex)

    @property
    def count(self) -> int:
        return max(1, -(-self.size // self.part_size))

    def span(self, number: int) -> tuple[int, int]:
        """Offset and length of part `number` (from 1)."""
        offset = (number - 1) * self.part_size
        return offset, min(self.part_size, self.size - offset)

    @property
    def token(self) -> str:
        """Names this content and cut: the resume record's temporary-name token."""
        return hashlib.sha256(f"{self.sha256}:{self.part_size}".encode()).hexdigest()[:12]


def part_size_for(size: int, preferred: int) -> int:
    """The preferred part size, grown in whole MiB when the file would need over 10,000 parts."""
    needed = -(-size // MAX_PARTS)
    return max(preferred, MIN_PART, -(-needed // MiB) * MiB)


def b64(digest: bytes) -> str:
    return base64.b64encode(digest).decode()


@dataclass
class MultipartUpload:
    """One file sent to `key` in parts; `record_key` holds the resume record."""

    client: Any
    bucket: str
    key: str
    record_key: str
    source: Path
    layout: Layout
    create_arguments: dict[str, str]  # server-side encryption
    concurrency: int = 8

    upload_id: str | None = None
    _buffers: threading.local = field(default_factory=threading.local, init=False, repr=False)

    def run(self, is_transient: Callable[[BaseException], bool]) -> None:
        """Upload (resuming where a record says an earlier attempt got to) and complete. A
        failure not worth retrying abandons the upload; a transient one leaves it to resume."""
        upload_id, held = self._resume() or (self._start(), {})
        try:
            parts = self._send_parts(upload_id, held)
            self._complete(upload_id, parts)
        except Exception as exc:
            if not is_transient(exc):
                self.abandon(upload_id)
            raise
        with contextlib.suppress(Exception):  # a leftover record is swept later
            self.client.delete_object(Bucket=self.bucket, Key=self.record_key)

    def abandon(self, upload_id: str) -> None:
        """Abort the upload and delete its record: its parts cost storage until aborted."""
        with contextlib.suppress(Exception):
            self.client.abort_multipart_upload(Bucket=self.bucket, Key=self.key, UploadId=upload_id)
        with contextlib.suppress(Exception):
            self.client.delete_object(Bucket=self.bucket, Key=self.record_key)

    # ----- steps ---------------------------------------------------------------------------

    def _start(self) -> str:
        response = self.client.create_multipart_upload(
            Bucket=self.bucket,
            Key=self.key,
            ChecksumAlgorithm="SHA256",
            Metadata={"sha256": self.layout.sha256},
            **self.create_arguments,
        )
        upload_id = str(response["UploadId"])
        record = {"upload_id": upload_id, "key": self.key, "size": self.layout.size}
        self.client.put_object(
            Bucket=self.bucket,
            Key=self.record_key,
            Body=json.dumps(record).encode(),
            **self.create_arguments,
        )
        return upload_id

    def _resume(self) -> tuple[str, dict[int, dict[str, Any]]] | None:
        """The upload id a record names and the parts S3 holds of it, or None to start anew."""
        from connectors.s3 import is_missing

        try:
            body = self.client.get_object(Bucket=self.bucket, Key=self.record_key)["Body"].read()
            upload_id = str(json.loads(body)["upload_id"])
        except Exception as exc:
            if is_missing(exc) or isinstance(exc, ValueError | KeyError):
                return None
            raise
        held: dict[int, dict[str, Any]] = {}
        try:
            pages = self.client.get_paginator("list_parts").paginate(
                Bucket=self.bucket, Key=self.key, UploadId=upload_id
            )
            for page in pages:
                for part in page.get("Parts", []):
                    held[int(part["PartNumber"])] = part
        except Exception as exc:
            if _code(exc) == "NoSuchUpload":  # completed or aborted since: begin again
                return None
            raise
        return upload_id, held

    def _send_parts(self, upload_id: str, held: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
        """Send every part S3 does not hold intact, `concurrency` at a time (each read into
        its thread's own buffer, so memory is concurrency x part size whatever the file)."""
        done: dict[int, dict[str, Any]] = {}
        fd = os.open(self.source, os.O_RDONLY)
        pool = ThreadPoolExecutor(self.concurrency, thread_name_prefix="s3-part")
        try:
            running: set[Future[dict[str, Any]]] = set()
            for number in range(1, self.layout.count + 1):
                if len(running) >= self.concurrency:
                    finished, running = wait(running, return_when=FIRST_COMPLETED)
                    _collect(finished, done)
                running.add(pool.submit(self._part, fd, upload_id, number, held.get(number)))
            _collect(wait(running).done, done)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            os.close(fd)
        return [done[n] for n in sorted(done)]

    def _part(
        self, fd: int, upload_id: str, number: int, held: dict[str, Any] | None
    ) -> dict[str, Any]:
        offset, length = self.layout.span(number)
        data = _pread_into(fd, self._buffer(length), offset)
        checksum = b64(hashlib.sha256(data).digest())
        if held is not None and int(held["Size"]) == length:
            stored = held.get("ChecksumSHA256")
            if stored in (None, checksum):  # S3 checked it on arrival against ours
                return {"PartNumber": number, "ETag": held["ETag"], "ChecksumSHA256": checksum}
        response = self.client.upload_part(
            Bucket=self.bucket,
            Key=self.key,
            UploadId=upload_id,
            PartNumber=number,
            Body=data,
            ContentLength=length,
            ChecksumAlgorithm="SHA256",
            ChecksumSHA256=checksum,
        )
        if response.get("ChecksumSHA256") not in (None, checksum):
            raise IntegrityError(f"{self.key}: S3 stored part {number} with another SHA-256")
        return {"PartNumber": number, "ETag": response["ETag"], "ChecksumSHA256": checksum}

    def _buffer(self, length: int) -> bytearray:
        """This thread's part buffer, reused from part to part: no fresh pages for the kernel to
        fault in for every part. A bytearray body goes out in one send; botocore wraps a bytes
        body in a BytesIO that http.client then sends 16 KiB at a time, under the GIL."""
        buffer: bytearray | None = getattr(self._buffers, "buffer", None)
        if buffer is None or len(buffer) != length:
            buffer = bytearray(length)
            if length == self.layout.part_size:  # the short last part gets a buffer of its own
                self._buffers.buffer = buffer
        return buffer

    def _complete(self, upload_id: str, parts: list[dict[str, Any]]) -> None:
        response = self.client.complete_multipart_upload(
            Bucket=self.bucket,
            Key=self.key,
            UploadId=upload_id,
            MultipartUpload={"Parts": parts},
        )
        expected = composite_sha256([p["ChecksumSHA256"] for p in parts])
        reported = response.get("ChecksumSHA256")
        if reported is None:  # some S3-compatible stores say it only when asked
            head = self.client.head_object(Bucket=self.bucket, Key=self.key, ChecksumMode="ENABLED")
            reported = head.get("ChecksumSHA256")
        if reported is not None and reported.split("-")[0] != expected:
            raise IntegrityError(f"{self.key}: S3's checksum of the parts differs from the hub's")


def composite_sha256(part_checksums: list[str]) -> str:
    """S3's checksum of a multipart object: the SHA-256 of its parts' SHA-256s (base64)."""
    joined = b"".join(base64.b64decode(c) for c in part_checksums)
    return b64(hashlib.sha256(joined).digest())


def abort_recorded(client: Any, bucket: str, record_key: str) -> None:
    """Abort the upload a (stale) resume record names; the caller deletes the record."""
    try:
        record = json.loads(client.get_object(Bucket=bucket, Key=record_key)["Body"].read())
        client.abort_multipart_upload(
            Bucket=bucket, Key=record["key"], UploadId=record["upload_id"]
        )
    except Exception as exc:
        if _code(exc) in ("NoSuchUpload", "NoSuchKey", "404") or isinstance(
            exc, ValueError | KeyError | TypeError
        ):
            return  # already gone, or not a record of ours: nothing to abort
        raise


def _collect(finished: set[Future[dict[str, Any]]], done: dict[int, dict[str, Any]]) -> None:
    for future in finished:
        part = future.result()  # re-raises the part's failure
        done[part["PartNumber"]] = part


def _pread_into(fd: int, buffer: bytearray, offset: int) -> bytearray:
    """Fill `buffer` from `offset` in the file."""
    view, got = memoryview(buffer), 0
    with view:
        while got < len(buffer):  # preadv may return less than asked
            count = os.preadv(fd, [view[got:]], offset + got)
            if not count:
                raise OSError(f"the file shrank while it was being sent (at {offset + got})")
            got += count
    return buffer


def _code(exc: BaseException) -> str:
    response: dict[str, Any] = getattr(exc, "response", None) or {}
    return str(response.get("Error", {}).get("Code", ""))
