"""What transports hand back (files, results, folder status) and the hashing sink they share."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO, Literal, Protocol

from pydantic import BaseModel

CHUNK = 256 * 1024  # local read size: large enough to keep syscalls cheap, small enough to stream


class RemoteFile(BaseModel):
    name: str
    size: int
    mtime: datetime


class Refusal(StrEnum):
    """Why an entry in a folder is never read: each is reported, not only logged."""

    UNSAFE_NAME = "unsafe_name"  # separator, '..', control or bidirectional character, too long
    SPECIAL_FILE = "special_file"  # a FIFO, socket or device: reading it could hang or lie
    LINK_OUTSIDE = "link_outside"  # a symlink whose target leaves the folder


class RefusedEntry(BaseModel):
    name: str
    size: int
    mtime: datetime
    reason: Refusal


class FolderSurvey(BaseModel):
    """One listing of a folder, every entry accounted for: ready to read, still being written
    (a hidden or temporary name), or refused with a reason. Sub-folders are not entries."""

    files: list[RemoteFile] = []
    in_flight: list[str] = []
    refused: list[RefusedEntry] = []


class Proof(StrEnum):
    """How a delivery proved that what landed is what was sent (never more than was checked)."""

    SERVER_SHA256 = "server_sha256"  # the server hashed the stored file (check-file, sha256sum)
    REREAD_SHA256 = "reread_sha256"  # the hub read the stored file back and hashed every byte
    STORE_SHA256 = "store_sha256"  # the object store checked the SHA-256 sent with the bytes
    SIZE = "size"  # the stored size only (SSH's MAC protects the bytes on the wire)


class PutResult(BaseModel):
    name: str
    sha256: str
    size: int
    proof: Proof = Proof.SIZE


class FolderStatus(BaseModel):
    folder: str
    path: str
    exists: bool
    listable: bool = False
    permissions: str | None = None
    error: str | None = None


@dataclass(frozen=True)
class Entry:
    """One directory entry as the server reports it, before any confinement check."""

    name: str
    size: int
    mtime: datetime
    kind: Literal["file", "dir", "link", "other"]


class Sink(Protocol):
    """Where a transport streams the bytes it downloads."""

    def write(self, data: bytes) -> int: ...


class SizeLimitExceeded(Exception):
    """More bytes arrived than the caller allows: the stream stops before writing them."""


class HashingWriter:
    """A sink that hashes and counts what passes through it on the way to `target`; with
    `limit`, it refuses to take more than that many bytes (a server may lie about a size)."""

    def __init__(self, target: BinaryIO | None, limit: int | None = None) -> None:
        self.target = target
        self.limit = limit
        self.digest = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> int:
        if self.limit is not None and self.size + len(data) > self.limit:
            raise SizeLimitExceeded(f"more than {self.limit:,} bytes")
        self.digest.update(data)
        self.size += len(data)
        if self.target is not None:
            self.target.write(data)
        return len(data)

    @property
    def sha256(self) -> str:
        return self.digest.hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
