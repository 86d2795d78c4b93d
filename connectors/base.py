"""The one `Transport` base: confinement, hashing, atomic delivery and retries live here once."""

from __future__ import annotations

import builtins  # `list` below is also the name of a method
import contextlib
import logging
import os
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from asbhub.errors import EnvironmentProblem, HubError
from connectors.connection import Connection
from connectors.errors import (
    ConfigError,
    IntegrityError,
    RemoteFileNotFound,
    RemoteFileTooLarge,
    TransportError,
    UnsafeRemotePath,
)
from connectors.models import (
    CHUNK,
    Entry,
    FolderStatus,
    FolderSurvey,
    HashingWriter,
    Proof,
    PutResult,
    Refusal,
    RefusedEntry,
    RemoteFile,
    Sink,
    SizeLimitExceeded,
    sha256_file,
)
from connectors.overlap import WriteBehind
from connectors.paths import (
    is_in_flight,
    is_safe_name,
    is_temp_name,
    is_within,
    join,
    local_temp_name,
    temp_name,
)
from connectors.retry import RetryPolicy, run_with_retry
from connectors.spec import FolderKey, TransportSpec

log = logging.getLogger(__name__)
# The models live in connectors.models; transports import them from here with the base.
__all__ = [
    "CHUNK",
    "Entry",
    "FolderStatus",
    "FolderSurvey",
    "HashingWriter",
    "Proof",
    "PutResult",
    "RemoteFile",
    "Sink",
    "Transport",
    "TransportConfig",
    "sha256_file",
    "validate_config",
]


class TransportConfig(BaseModel):
    """Settings every transport shares; subclasses add their own fields (secrets as SecretStr)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    connect_timeout: float = 10.0
    timeout: float = 30.0
    retries: int = 4
    retry_base_delay: float = 0.5


class Transport(ABC):
    """List, get, put, delete, exists and move files in a partner's configured folders.

    Subclasses implement the small `_` hooks against one kind of server; this class checks
    every name, hashes every byte, writes downloads atomically and retries transient faults.
    """

    kind: ClassVar[str]
    config_type: ClassVar[type[TransportConfig]]
    conn_types: ClassVar[frozenset[str]]
    # How an upload is proved before its rename: "sha256" the SHA-256 of the stored file (the
    # server's own digest where it offers one, else read back and hashed), "reread" always read
    # back, "size" the stored size only.
    upload_check: Literal["sha256", "reread", "size"] = "size"

    def __init__(self, spec: TransportSpec, config: TransportConfig) -> None:
        self.spec = spec
        self.config = config
        self.retry_policy = RetryPolicy(attempts=config.retries, base_delay=config.retry_base_delay)

    # ----- construction -------------------------------------------------------------------

    @classmethod
    def from_connection(cls, spec: TransportSpec, conn: Connection) -> Transport:
        if conn.conn_type not in cls.conn_types:
            raise ConfigError(
                f"connection {conn.conn_id!r} has type {conn.conn_type!r}; a {cls.kind} transport "
                f"needs one of {', '.join(sorted(cls.conn_types))}"
            )
        return cls(spec, validate_config(cls.config_type, cls.config_fields(spec, conn), conn))

    @classmethod
    @abstractmethod
    def config_fields(cls, spec: TransportSpec, conn: Connection) -> dict[str, Any]:
        """Map the connection (and the spec) onto this transport's config fields."""

    # ----- public API ---------------------------------------------------------------------

    def folder_path(self, folder: FolderKey) -> str:
        try:
            return self.spec.folders[folder]
        except KeyError:
            raise ConfigError(
                f"connection {self.spec.connection_id!r}: no {folder!r} folder configured"
            ) from None

    def list(self, folder: FolderKey) -> list[RemoteFile]:
        """Files ready to read: hidden/in-flight names, directories and unsafe entries left out."""
        return self.survey(folder).files

    def survey(self, folder: FolderKey) -> FolderSurvey:
        """One listing with every entry accounted for: ready, in flight, or refused (unsafe name,
        special file, symlink out of the folder). Refused entries are never read or moved."""
        path = self.folder_path(folder)
        entries = self._retry(f"list {folder}", lambda: list(self._scan(path)))
        survey = FolderSurvey()
        for entry in sorted(entries, key=lambda e: e.name):
            refusal = self._refusal(path, entry)
            if refusal is not None:
                log.warning("%s: refused entry %r (%s)", folder, entry.name, refusal.value)
                survey.refused.append(
                    RefusedEntry(
                        name=entry.name, size=entry.size, mtime=entry.mtime, reason=refusal
                    )
                )
            elif entry.kind == "dir":
                continue  # a partner's sub-folder (e.g. processed/) is not an entry to read
            elif is_in_flight(entry.name):
                survey.in_flight.append(entry.name)
            else:
                survey.files.append(RemoteFile(name=entry.name, size=entry.size, mtime=entry.mtime))
        return survey

    def _refusal(self, folder_path: str, entry: Entry) -> Refusal | None:
        if not is_safe_name(entry.name):
            return Refusal.UNSAFE_NAME
        if entry.kind == "other":
            return Refusal.SPECIAL_FILE
        if entry.kind == "link" and not self._link_inside(folder_path, entry.name):
            return Refusal.LINK_OUTSIDE
        return None

    def exists(self, folder: FolderKey, name: str) -> bool:
        path = join(self.folder_path(folder), name)
        return self._retry(f"exists {name}", lambda: self._entry(path) is not None)

    def get(
        self, folder: FolderKey, name: str, dest_path: str | Path, max_bytes: int | None = None
    ) -> str:
        """Download to `dest_path` atomically; return the SHA-256 checked against the server.

        With `max_bytes`, a file listed as larger is refused before any byte is copied, and the
        stream stops as soon as more arrive (for servers whose listing understates the size).
        """
        folder_path = self.folder_path(folder)
        remote = join(folder_path, name)
        dest = Path(dest_path)
        if not dest.parent.is_dir():
            raise EnvironmentProblem(f"{dest.parent}: local folder does not exist")
        # Named from a hash: a legal 255-byte remote name plus a temporary suffix would not be.
        partial = dest.with_name(local_temp_name(dest.name))
        try:
            sha = self._retry(
                f"get {name}", lambda: self._get_once(folder_path, remote, partial, max_bytes)
            )
            os.replace(partial, dest)
        finally:
            partial.unlink(missing_ok=True)
        return sha

    def put(self, folder: FolderKey, name: str, source_path: str | Path) -> PutResult:
        """Deliver a local file: nobody sees it under `name` until it is complete and verified."""
        folder_path = self.folder_path(folder)
        final = join(folder_path, name)
        tmp = join(folder_path, temp_name(name))  # one per delivery: retries overwrite it
        source = Path(source_path)
        if not source.is_file():
            raise EnvironmentProblem(f"{source}: no such local file to deliver")
        try:
            sha, proof = self._retry(f"put {name}", lambda: self._upload(source, tmp, final))
        except BaseException:
            with contextlib.suppress(Exception):  # one last tidy-up; a hidden orphan is harmless
                self._remove([tmp])
            raise
        return PutResult(name=name, sha256=sha, size=source.stat().st_size, proof=proof)

    def delete(self, folder: FolderKey, names: Sequence[str]) -> None:
        """Remove files; names already gone are fine (a retried delete is not an error)."""
        folder_path = self.folder_path(folder)
        paths = [join(folder_path, name) for name in names]
        if paths:
            self._retry(f"delete {len(paths)} file(s)", lambda: self._remove(paths))

    def move(self, src_folder: FolderKey, name: str, dst_folder: FolderKey) -> None:
        """Move a file between two configured folders, replacing a file of that name there."""
        src = join(self.folder_path(src_folder), name)
        dst = join(self.folder_path(dst_folder), name)

        def once() -> None:
            # Idempotent: after a dropped connection the rename may already have happened.
            if self._entry(src) is None and self._entry(dst) is not None:
                return
            self._rename_over(src, dst)

        self._retry(f"move {name}", once)

    def sweep_stale_temps(self, folder: FolderKey, older_than: timedelta) -> builtins.list[str]:
        """Remove the hub's own temporary upload files (see `temp_name`) left in `folder` by a
        transfer that never finished, once older than `older_than`; return the names removed.

        A younger one may belong to an upload still running from another worker, so it stays;
        any other name, a partner's own dotfiles and in-flight files included, is never touched.
        """
        path = self.folder_path(folder)
        cutoff = datetime.now(UTC) - older_than
        entries = self._retry(f"list {folder}", lambda: list(self._scan(path)))
        stale = sorted(
            entry.name
            for entry in entries
            if entry.kind == "file"
            and is_safe_name(entry.name)
            and is_temp_name(entry.name)
            and entry.mtime < cutoff
        )
        if stale:
            paths = [join(path, name) for name in stale]
            self._retry(
                f"release {len(stale)} stale temporary file(s)", lambda: self._release(paths)
            )
            self._retry(f"remove {len(stale)} stale temporary file(s)", lambda: self._remove(paths))
        return stale

    def folder_status(self, folder: FolderKey) -> FolderStatus:
        path = self.folder_path(folder)
        try:
            return self._folder_status(folder, path)
        except Exception as exc:  # reported, not raised: `partners check` shows every folder
            return FolderStatus(folder=folder, path=path, exists=False, error=_describe(exc))

    def identity(self) -> str | None:
        """What the hub is talking to (SFTP: host key fingerprint); connects if needed."""
        return None

    def close(self) -> None:  # noqa: B027 - a folder has no client to release
        """Release the client; the transport reconnects if used again."""

    def __enter__(self) -> Transport:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # ----- shared steps -------------------------------------------------------------------

    def _retry(self, what: str, operation: Any) -> Any:
        label = f"{self.kind} {self.spec.connection_id}: {what}"
        try:
            return run_with_retry(
                label,
                operation,
                policy=self.retry_policy,
                is_transient=self._is_transient,
                on_transient=self._reset,
            )
        except HubError:
            raise
        except Exception as exc:
            translated = self._translate(label, exc)
            if translated is None:
                raise
            raise translated from exc

    def _get_once(self, folder_path: str, remote: str, partial: Path, max_bytes: int | None) -> str:
        entry = self._entry(remote)
        if entry is None:
            raise RemoteFileNotFound(f"{remote} does not exist on the partner server")
        if entry.kind == "link" and not self._link_inside(folder_path, remote.rsplit("/", 1)[-1]):
            raise UnsafeRemotePath(f"{remote} is a symlink pointing outside its folder")
        if entry.kind not in ("file", "link"):
            raise UnsafeRemotePath(f"{remote} is not a regular file")
        if max_bytes is not None and entry.size > max_bytes:
            raise RemoteFileTooLarge(
                f"{remote}: {entry.size:,} bytes is over the limit of {max_bytes:,} bytes"
            )
        with partial.open("wb") as fh:  # "wb" again on a retry: no half-file survives
            sink = HashingWriter(fh, limit=max_bytes)
            try:
                with WriteBehind(sink) as behind:  # hash and write while the next bytes arrive
                    expected = self._download(remote, behind)
            except SizeLimitExceeded:
                raise RemoteFileTooLarge(
                    f"{remote}: the server sent more than the limit of {max_bytes:,} bytes "
                    f"(its listing said {entry.size:,})"
                ) from None
            fh.flush()
            os.fsync(fh.fileno())
        if entry.kind == "file" and sink.size != entry.size:
            raise IntegrityError(f"{remote}: received {sink.size} bytes, server said {entry.size}")
        if expected is not None and expected != sink.sha256:
            raise IntegrityError(
                f"{remote}: SHA-256 of the received bytes differs from the server's"
            )
        return sink.sha256

    def _upload(self, source: Path, tmp: str, final: str) -> tuple[str, Proof]:
        """Write to a hidden name in the same folder, prove it, then rename over `final`."""
        try:
            sent = self._write_file(source, tmp)
            proof = self._prove_stored(tmp, final, sent)
            self._rename_over(tmp, final)
        except Exception as exc:
            if not self._is_transient(exc):  # a transient fault: the retry overwrites `tmp`
                with contextlib.suppress(Exception):
                    self._remove([tmp])
            raise
        return sent.sha256, proof

    def _prove_stored(self, tmp: str, final: str, sent: HashingWriter) -> Proof:
        """Check that `tmp` holds what was sent, as `upload_check` asks; say how it was checked."""
        if self.upload_check == "size":
            entry = self._entry(tmp)
            if entry is None or entry.size != sent.size:
                raise IntegrityError(f"{final}: stored size differs from what was sent")
            return Proof.SIZE
        stored = self._stored_sha256(tmp, sent.size) if self.upload_check == "sha256" else None
        proof = Proof.SERVER_SHA256
        if stored is None:  # no digest from the server: read it back, hashing off the wire
            reread = HashingWriter(None)
            with WriteBehind(reread) as behind:
                self._download(tmp, behind)
            if reread.size != sent.size:
                raise IntegrityError(f"{final}: stored size differs from what was sent")
            stored, proof = reread.sha256, Proof.REREAD_SHA256
        if stored != sent.sha256:
            raise IntegrityError(f"{final}: the stored copy differs from what was sent")
        return proof

    def _link_inside(self, folder_path: str, name: str) -> bool:
        try:
            folder_real = self._realpath(folder_path)
            target_real = self._realpath(join(folder_path, name))
        except OSError:
            return False
        return is_within(folder_real, target_real)

    # ----- hooks a transport implements --------------------------------------------------

    @abstractmethod
    def _scan(self, folder_path: str) -> Iterable[Entry]: ...

    @abstractmethod
    def _entry(self, path: str) -> Entry | None:
        """lstat: the entry itself (a symlink is kind 'link'), None when missing."""

    @abstractmethod
    def _download(self, path: str, sink: Sink) -> str | None:
        """Stream a file into `sink`; return the server's own SHA-256 (hex) if it keeps one."""

    def _stored_sha256(self, path: str, size: int) -> str | None:
        """The SHA-256 (hex) of a stored file of `size` bytes as the server computes it; None
        when it cannot (or when reading it back would be quicker)."""
        return None

    @abstractmethod
    def _write_file(self, source: Path, path: str) -> HashingWriter:
        """Stream `source` to `path`, hashing as it goes; return the hashing sink."""

    @abstractmethod
    def _rename_over(self, src: str, dst: str) -> None:
        """Rename atomically, replacing `dst` if it exists."""

    @abstractmethod
    def _remove(self, paths: Sequence[str]) -> None:
        """Remove files, ignoring those already gone."""

    def _release(self, paths: Sequence[str]) -> None:  # noqa: B027 - most servers hold nothing
        """Free what stale temporary files hold on the server beyond their own bytes (S3: the
        multipart upload a resume record names); they are removed next."""

    @abstractmethod
    def _realpath(self, path: str) -> str: ...

    @abstractmethod
    def _folder_status(self, folder: str, path: str) -> FolderStatus: ...

    def _is_transient(self, exc: BaseException) -> bool:
        return isinstance(exc, TimeoutError | ConnectionError | EOFError)

    def _translate(self, label: str, exc: Exception) -> HubError | None:
        """Turn a server's refusal into a hub error a person can act on."""
        if isinstance(exc, FileNotFoundError):
            return RemoteFileNotFound(f"{label}: no such file or folder on the partner server")
        if isinstance(exc, PermissionError):
            return TransportError(f"{label}: permission denied by the partner server")
        if isinstance(exc, OSError):
            return TransportError(f"{label}: {type(exc).__name__}: {exc}")
        return None

    def _reset(self) -> None:
        """Drop the client after a transient fault so the next attempt reconnects."""
        self.close()


def validate_config(
    config_type: type[TransportConfig], data: dict[str, Any], conn: Connection
) -> TransportConfig:
    """Validate once, reporting every problem together and never the offending values."""
    try:
        return config_type.model_validate({k: v for k, v in data.items() if v is not None})
    except ValidationError as exc:
        problems = [
            f"connection {conn.conn_id!r}: {'.'.join(str(p) for p in err['loc']) or 'config'}: "
            f"{err['msg']}"
            for err in exc.errors(include_input=False, include_url=False)
        ]
        raise ConfigError(problems) from None


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"
