"""Where disposed records live outside the store: staging, inbound archive, partner folders."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from asbhub.errors import DataError
from asbhub.settings import Settings

if TYPE_CHECKING:
    from connectors.base import Transport
    from connectors.spec import FolderKey


@dataclass(frozen=True)
class Areas:
    """The hub's own folders; relative paths in the store are read against them."""

    home: Path

    @classmethod
    def of(cls, settings: Settings) -> Areas:
        return cls(home=settings.home)

    @property
    def staging(self) -> Path:
        return self.home / "staging"

    def staging_path(self, stored: str) -> Path:
        return self._confined(self.staging, stored)

    def archive_path(self, stored: str) -> Path:
        return self._confined(self.home, stored)

    @staticmethod
    def _confined(root: Path, stored: str) -> Path:
        path = Path(stored)
        full = (path if path.is_absolute() else root / path).resolve()
        if not full.is_relative_to(root.resolve()):
            raise DataError(f"refusing to dispose of {stored}: it is outside {root}")
        return full


class RemoteFolders(Protocol):
    """A partner's delivered copies, as retention sees them: delete some names, ask what remains."""

    def delete(self, partner_id: str, names: list[str]) -> None: ...

    def remaining(self, partner_id: str, names: list[str]) -> list[str]: ...


class TransportFolders:
    """RemoteFolders over the connectors' Transport, one opened per partner on first use."""

    def __init__(
        self, open_transport: Callable[[str], Transport], folder: FolderKey = "inbox"
    ) -> None:
        self.open_transport = open_transport
        self.folder = folder
        self._open: dict[str, Transport] = {}

    def _transport(self, partner_id: str) -> Transport:
        if partner_id not in self._open:
            self._open[partner_id] = self.open_transport(partner_id)
        return self._open[partner_id]

    def delete(self, partner_id: str, names: list[str]) -> None:
        transport = self._transport(partner_id)
        present = [n for n in names if transport.exists(self.folder, n)]
        if present:
            transport.delete(self.folder, present)

    def remaining(self, partner_id: str, names: list[str]) -> list[str]:
        transport = self._transport(partner_id)
        return [n for n in names if transport.exists(self.folder, n)]

    def close(self) -> None:
        for transport in self._open.values():
            transport.close()
        self._open.clear()


def delivered_names(files: Any) -> list[str]:
    """File names from a delivery's `files` (names, or mappings with a `name`)."""
    names: list[str] = []
    for entry in files or []:
        name = entry.get("name") if isinstance(entry, dict) else entry
        if isinstance(name, str) and name:
            names.append(name)
    return names
