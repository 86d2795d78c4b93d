"""What transports hand back (files, results, folder status) and the hashing sink they share."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, Literal

from pydantic import BaseModel

CHUNK = 256 * 1024  # local read size: large enough to keep syscalls cheap, small enough to stream


class RemoteFile(BaseModel):
    name: str
    size: int
    mtime: datetime


class PutResult(BaseModel):
    name: str
    sha256: str
    size: int


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


class HashingWriter:
    """A sink that hashes and counts what passes through it on the way to `target`."""

    def __init__(self, target: BinaryIO | None) -> None:
        self.target = target
        self.digest = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> int:
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
