"""The hub's own areas (landing, staging, archive, quarantine, reports, inbound work) behind one
interface with two backends: a local folder (the embedded default) or a bucket of an
S3-compatible object store (production), so that any task can run on any worker.

A step works on files in a local working folder, `Areas.home`, as it always has: with the
folder backend that folder *is* the store; with the object store it is a private scratch folder
of this one hub, and the step says when a file it wrote is to be kept (`save`), when it needs a
file another worker wrote (`fetch`), and what is to go (`remove`). The scratch folder is deleted
when the hub closes, so no worker keeps a copy of anybody's data after its task.

Where the store records a file it records its *key*, a path relative to the areas' root
("archive/police/…"), never a worker's own path. Keys written by earlier versions as absolute
paths under the home are still read.
"""

from __future__ import annotations

import base64
import hashlib
import posixpath
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel

from asbhub.errors import DataError

# Every folder under the home where the hub keeps files (the store file itself is not one).
AREA_NAMES = ("staging", "archive", "quarantine", "reports", "landing", "inbound")
T = TypeVar("T")


class AreaFileMissing(DataError):
    """A file the store names is in none of the areas."""


class AreaBackend(Protocol):
    """Where the areas' files are kept: whole files by key, nothing else."""

    @property
    def where(self) -> str: ...  # for messages: a folder, or s3://bucket/prefix at an endpoint

    def upload(self, key: str, source: Path) -> None: ...

    def download(self, key: str, target: Path) -> bool: ...  # False: no such key

    def exists(self, key: str) -> bool: ...

    def delete(self, keys: Sequence[str]) -> None: ...

    def keys(self, prefix: str) -> list[str]: ...

    def close(self) -> None: ...


@dataclass
class FolderBackend:
    """The areas as folders under one local root: the working folder is the store itself."""

    root: Path

    @property
    def where(self) -> str:
        return str(self.root)

    def upload(self, key: str, source: Path) -> None:
        target = self.root / key
        if source.resolve() != target.resolve():
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(target.name + ".part")
            shutil.copyfile(source, partial)
            partial.replace(target)

    def download(self, key: str, target: Path) -> bool:
        source = self.root / key
        if not source.is_file():
            return False
        if source.resolve() != target.resolve():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        return True

    def exists(self, key: str) -> bool:
        # A folder left behind, even empty, still shows where a batch was: it counts.
        path = self.root / key
        return path.exists() or path.is_symlink()

    def delete(self, keys: Sequence[str]) -> None:
        for key in keys:
            (self.root / key).unlink(missing_ok=True)

    def keys(self, prefix: str) -> list[str]:
        base = self.root / prefix
        if base.is_file():
            return [prefix]
        if not base.is_dir():
            return []
        return sorted(
            p.relative_to(self.root).as_posix()
            for p in base.rglob("*")
            if p.is_file() and not p.is_symlink()
        )

    def close(self) -> None:
        return None


class ObjectStoreBackend:
    """The areas as keys under a prefix of an S3-compatible bucket. Every object is written with
    server-side encryption and its SHA-256, which S3 checks on upload and the hub checks again
    on every download."""

    def __init__(self, config: Any, prefix: str, attempts: int = 4) -> None:
        self.config = config  # connectors.s3.S3Config: bucket, endpoint, credentials, SSE
        self.prefix = posixpath.join(config.prefix or "", prefix.strip("/")).strip("/")
        self.attempts = attempts
        self._client: Any = None
        endpoint = config.endpoint_url or "AWS"
        self.where = f"s3://{config.bucket}/{self.prefix} at {endpoint}"

    @classmethod
    def from_connection(cls, connection_id: str, prefix: str) -> ObjectStoreBackend:
        """The bucket an Airflow connection (type aws) names, as the partners' S3 transport
        reads it: `bucket`, `endpoint_url`, region and credentials, SSE."""
        from connectors.connection import lookup_connection
        from connectors.s3 import S3Transport
        from connectors.spec import TransportSpec

        spec = TransportSpec(
            type="s3", connection_id=connection_id, folders={"inbox": prefix, "outbox": prefix}
        )
        transport = S3Transport.from_connection(spec, lookup_connection(connection_id))
        assert isinstance(transport, S3Transport)
        return cls(transport.config, prefix)

    @property
    def client(self) -> Any:
        if self._client is None:
            from connectors.s3 import s3_client

            self._client = s3_client(self.config)  # _retry retries, not botocore too
        return self._client

    def _key(self, key: str) -> str:
        return posixpath.join(self.prefix, key) if self.prefix else key

    def upload(self, key: str, source: Path) -> None:
        from connectors.models import sha256_file
        from connectors.s3 import sse_arguments

        digest = sha256_file(source)
        b64 = base64.b64encode(bytes.fromhex(digest)).decode()

        def put() -> None:
            with source.open("rb") as body:
                self.client.put_object(
                    Bucket=self.config.bucket,
                    Key=self._key(key),
                    Body=body,
                    ChecksumAlgorithm="SHA256",
                    ChecksumSHA256=b64,
                    Metadata={"sha256": digest},
                    **sse_arguments(self.config),
                )

        self._retry(f"saving {key} to {self.where}", put)

    def download(self, key: str, target: Path) -> bool:
        from connectors.s3 import is_missing

        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")

        def get() -> bool:
            try:
                response = self.client.get_object(Bucket=self.config.bucket, Key=self._key(key))
            except Exception as exc:
                if is_missing(exc):
                    return False
                raise
            digest = hashlib.sha256()
            with partial.open("wb") as sink:
                for chunk in response["Body"].iter_chunks(1 << 20):
                    digest.update(chunk)
                    sink.write(chunk)
            expected = (response.get("Metadata") or {}).get("sha256")
            if expected and expected != digest.hexdigest():
                partial.unlink(missing_ok=True)
                raise DataError(
                    f"{key} in {self.where}: its bytes do not match the SHA-256 it was saved with"
                )
            partial.replace(target)
            return True

        return self._retry(f"reading {key} from {self.where}", get)

    def exists(self, key: str) -> bool:
        from connectors.s3 import is_missing

        def head() -> bool:
            try:
                self.client.head_object(Bucket=self.config.bucket, Key=self._key(key))
            except Exception as exc:
                if is_missing(exc):
                    return False
                raise
            return True

        return self._retry(f"looking for {key} in {self.where}", head)

    def delete(self, keys: Sequence[str]) -> None:
        for start in range(0, len(keys), 1000):  # the most one DeleteObjects call takes
            batch = [{"Key": self._key(k)} for k in keys[start : start + 1000]]

            def remove(batch: list[dict[str, str]] = batch) -> None:
                response = self.client.delete_objects(
                    Bucket=self.config.bucket, Delete={"Objects": batch, "Quiet": True}
                )
                errors = response.get("Errors") or []
                if errors:
                    failed = ", ".join(f"{e.get('Key')} ({e.get('Code')})" for e in errors[:5])
                    raise DataError(f"{self.where}: {len(errors)} key(s) not deleted: {failed}")

            self._retry(f"deleting {len(batch)} file(s) from {self.where}", remove)

    def keys(self, prefix: str) -> list[str]:
        root = self._key("")
        if root and not root.endswith("/"):
            root += "/"

        def listing() -> list[str]:
            pages = self.client.get_paginator("list_objects_v2").paginate(
                Bucket=self.config.bucket, Prefix=self._key(prefix)
            )
            found = [
                obj["Key"][len(root) :]
                for page in pages
                for obj in page.get("Contents", [])
                if obj["Key"].startswith(root)
            ]
            # A prefix "staging/a" is a folder: "staging/ab/…" is not under it.
            clean = prefix.rstrip("/")
            return sorted(k for k in found if k == clean or k.startswith(clean + "/"))

        return self._retry(f"listing {prefix} in {self.where}", listing)

    def close(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            client.close()

    def _retry(self, what: str, operation: Callable[[], T]) -> T:
        from connectors.retry import RetryPolicy, run_with_retry
        from connectors.s3 import is_transient

        return run_with_retry(
            what,
            operation,
            policy=RetryPolicy(attempts=self.attempts),
            is_transient=lambda exc: bool(is_transient(exc)),
            on_transient=self.close,
        )


@dataclass
class Areas:
    """The hub's areas as one step sees them: a local working folder (`home`) and the backend
    that keeps the files. Paths and keys are confined to the areas: a stored path that leads
    outside them is refused, never followed."""

    home: Path
    backend: AreaBackend | None = None
    names: tuple[str, ...] = AREA_NAMES

    def __post_init__(self) -> None:
        if self.backend is None:
            self.backend = FolderBackend(self.home)

    @property
    def store(self) -> AreaBackend:
        assert self.backend is not None
        return self.backend

    @property
    def remote(self) -> bool:
        """True when the files live in an object store, not in the working folder itself."""
        return not isinstance(self.backend, FolderBackend)

    @property
    def where(self) -> str:
        return self.store.where

    @property
    def staging(self) -> Path:
        return self.home / "staging"

    # -- keys and local paths --------------------------------------------------------------

    def key(self, stored: str | Path, area: str | None = None) -> str:
        """The key of a file or folder in the areas, from what the store recorded (a key, or an
        absolute path under the home as earlier versions wrote) or from a local path. A value
        relative to one area (as earlier versions wrote some) is read against `area`."""
        path = Path(stored)
        if path.is_absolute():
            home = self.home.resolve()
            full = path.resolve()
            if not full.is_relative_to(home):
                raise DataError(f"refusing {stored}: it is outside the hub's areas ({home})")
            parts = full.relative_to(home).parts
        else:
            parts = PurePosixPath(path.as_posix()).parts
            if area and (not parts or parts[0] not in self.names):
                parts = (area, *parts)
        if not parts or ".." in parts or parts[0] not in self.names:
            raise DataError(f"refusing {stored}: it is not in one of the hub's areas")
        if area and parts[0] != area:
            raise DataError(f"refusing {stored}: it is outside {self.home / area}")
        return PurePosixPath(*parts).as_posix()

    def local(self, stored: str | Path, area: str | None = None) -> Path:
        """Where a stored file or folder is (or is to be) in the working folder."""
        return self.home / self.key(stored, area)

    def staging_path(self, stored: str) -> Path:
        return self.local(stored, "staging")

    def quarantine_path(self, stored: str) -> Path:
        return self.local(stored, "quarantine")

    def report_path(self, *parts: str) -> Path:
        return self.local(str(PurePosixPath("reports", *parts)), "reports")

    def archive_path(self, stored: str) -> Path:
        return self.local(stored, "archive")

    # -- moving files between the working folder and the store ----------------------------

    def save(self, path: Path) -> str:
        """Keep a file (or every file under a folder) the step wrote in the working folder;
        returns its key."""
        key = self.key(path)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                self.store.upload(self.key(child), child)
        else:
            self.store.upload(key, path)
        return key

    def fetch(self, stored: str | Path, area: str | None = None) -> Path:
        """The local copy of a stored file, brought from the store when it is not here."""
        key = self.key(stored, area)
        target = self.home / key
        if (self.remote or not target.is_file()) and not self.store.download(key, target):
            raise AreaFileMissing(f"{key} is not in {self.where}")
        return target

    def fetch_tree(self, stored: str | Path, area: str | None = None) -> Path:
        """The local copy of a stored folder, every file under it brought from the store."""
        key = self.key(stored, area)
        if self.remote:
            for child in self.store.keys(key):
                self.store.download(child, self.home / child)
        return self.home / key

    def exists(self, stored: str | Path, area: str | None = None) -> bool:
        """Whether the store holds the file (or, for a folder, any file under it)."""
        key = self.key(stored, area)
        return self.store.exists(key) or bool(self.store.keys(key))

    def remove(self, stored: str | Path, area: str | None = None) -> list[str]:
        """Delete a file, or a folder and everything under it, from the store and the working
        folder; returns the keys deleted."""
        key = self.key(stored, area)
        keys = self.store.keys(key)
        self.store.delete(keys)
        local = self.home / key
        if local.is_dir():
            shutil.rmtree(local, ignore_errors=True)
        else:
            local.unlink(missing_ok=True)
        return keys

    def files(self, area: str) -> list[str]:
        """The keys of every file in one area."""
        if area not in self.names:
            raise DataError(f"{area} is not one of the hub's areas")
        return self.store.keys(area)

    def keep_copy(self, source: Path, key: str) -> str:
        """Copy a file into the areas under `key` (written whole: under a temporary name, then
        renamed), unless a copy is there already, and keep it; returns the key."""
        target = self.local(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            partial = target.with_suffix(".part")
            shutil.copyfile(source, partial)
            partial.replace(target)
        return self.save(target)

    def close(self) -> None:
        self.store.close()


# -- moving a folder-based home into the object store -------------------------------------


class MoveResult(BaseModel):
    """What `move_home` copied and rewrote; the old folders are left for a person to remove."""

    source: str
    target: str
    files: int = 0
    bytes: int = 0
    skipped: list[str] = []  # left behind: work in flight (`*.part`, inbound work folders)
    paths_rewritten: dict[str, int] = {}  # per store column
    not_under_home: list[str] = []  # stored paths outside the home given: not rewritten


def move_home(areas: Areas, old_home: Path, session: Any) -> MoveResult:
    """Copy the areas of a folder-based home into the object store, and rewrite what the store
    recorded as absolute paths under that home as keys. Safe to repeat: an object is written
    again with the same bytes, a key is left as it is. The folders are not removed: check the
    result (`asbhub retention coverage`), then remove them."""
    from sqlalchemy import select

    from asbhub.store.models import Delivery, InboundFile, QuarantineItem

    if not areas.remote:
        raise DataError("the hub's areas are not in an object store: set ASBHUB_AREAS_CONNECTION")
    old = old_home.resolve()
    result = MoveResult(source=str(old), target=areas.where)
    source = Areas(old)  # the old home, read through the folder backend
    for area in ("staging", "archive", "quarantine", "reports", "landing"):
        for key in source.files(area):
            path = old / key
            if path.name.endswith(".part") or path.name.startswith("."):
                result.skipped.append(key)
                continue
            areas.store.upload(key, path)
            result.files += 1
            result.bytes += path.stat().st_size
    result.skipped += source.files("inbound")
    columns: dict[str, tuple[Any, Any, str | None]] = {
        "deliveries.staging_path": (Delivery, Delivery.staging_path, "staging"),
        "inbound_files.archive_path": (InboundFile, InboundFile.archive_path, "archive"),
        "quarantine.original_path": (QuarantineItem, QuarantineItem.original_path, None),
    }
    for name, (model, column, within) in columns.items():
        rewritten = 0
        for row in session.scalars(select(model).where(column.is_not(None))):
            stored = str(getattr(row, column.key))
            if not Path(stored).is_absolute():
                continue  # a key already
            try:
                setattr(row, column.key, source.key(stored, within))
            except DataError:  # under another home: left as it is, and said
                result.not_under_home.append(f"{name}: {stored}")
                continue
            rewritten += 1
        result.paths_rewritten[name] = rewritten
    return result
