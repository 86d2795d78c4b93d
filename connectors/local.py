"""Local-folder transport: a partner (or a test, or the demo) that is a directory on this host."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from connectors.base import (
    CHUNK,
    Entry,
    FolderStatus,
    HashingWriter,
    Sink,
    Transport,
    TransportConfig,
)
from connectors.connection import Connection
from connectors.spec import TransportSpec


class LocalConfig(TransportConfig):
    root: Path


class LocalTransport(Transport):
    """Folders are relative to `root` (from `file:///root` or JSON `extra.root`)."""

    kind = "local"
    config_type = LocalConfig
    conn_types = frozenset({"file", "local", "fs"})
    config: LocalConfig

    @classmethod
    def config_fields(cls, spec: TransportSpec, conn: Connection) -> dict[str, Any]:
        return {"root": conn.extra.get("root") or conn.schema or conn.extra.get("path")}

    def _abs(self, path: str) -> Path:
        return self.config.root / path.lstrip("/")

    def _scan(self, folder_path: str) -> Iterable[Entry]:
        with os.scandir(self._abs(folder_path)) as entries:
            for item in entries:
                yield _entry_of(item.name, item.stat(follow_symlinks=False), item.path)

    def _entry(self, path: str) -> Entry | None:
        full = self._abs(path)
        try:
            return _entry_of(full.name, full.lstat(), str(full))
        except FileNotFoundError:
            return None

    def _download(self, path: str, sink: Sink) -> str | None:
        with self._abs(path).open("rb") as fh:
            while chunk := fh.read(CHUNK):
                sink.write(chunk)
        return None

    def _write_file(self, source: Path, path: str) -> HashingWriter:
        with source.open("rb") as src, self._abs(path).open("wb") as dst:
            sink = HashingWriter(dst)
            while chunk := src.read(CHUNK):
                sink.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())  # durable before the rename makes it visible
        return sink

    def _rename_over(self, src: str, dst: str) -> None:
        os.replace(self._abs(src), self._abs(dst))

    def _remove(self, paths: Sequence[str]) -> None:
        for path in paths:
            with contextlib.suppress(FileNotFoundError):
                self._abs(path).unlink()

    def _realpath(self, path: str) -> str:
        return os.path.realpath(self._abs(path), strict=True)

    def _folder_status(self, folder: str, path: str) -> FolderStatus:
        full = self._abs(path)
        if not full.is_dir():
            return FolderStatus(folder=folder, path=path, exists=False, error="not a directory")
        mode = stat.filemode(full.stat().st_mode)
        listable = os.access(full, os.R_OK | os.X_OK)
        return FolderStatus(
            folder=folder, path=path, exists=True, listable=listable, permissions=mode
        )

    def identity(self) -> str | None:
        return f"folder {self.config.root}"


def _entry_of(name: str, st: os.stat_result, full: str) -> Entry:
    mtime = datetime.fromtimestamp(st.st_mtime, tz=UTC)
    if stat.S_ISLNK(st.st_mode):
        try:
            size = os.stat(full).st_size
        except OSError:
            size = 0
        return Entry(name, size, mtime, "link")
    kind: Literal["file", "dir", "other"] = (
        "file" if stat.S_ISREG(st.st_mode) else "dir" if stat.S_ISDIR(st.st_mode) else "other"
    )
    return Entry(name, st.st_size, mtime, kind)
