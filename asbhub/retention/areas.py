"""Where disposed records live outside the store: the hub's areas (staging, archive, quarantine,
reports, landing, inbound work; asbhub.storage) and the partners' folders."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from asbhub.storage import Areas

__all__ = ["Areas", "RemoteFolders", "TransportFolders", "delivered_names"]

if TYPE_CHECKING:
    from connectors.base import Transport
    from connectors.spec import FolderKey


class RemoteFolders(Protocol):
    """A partner's delivered copies, as retention sees them: delete some names, ask what remains."""

    partner_ids: tuple[str, ...]

    def delete(self, partner_id: str, names: list[str]) -> None: ...

    def remaining(self, partner_id: str, names: list[str]) -> list[str]: ...

    # Whole-folder access, for finding copies of disposed records in any file a partner holds.
    def files(self, partner_id: str) -> list[tuple[FolderKey, str]]: ...

    def read(self, partner_id: str, folder: FolderKey, name: str, local: Path) -> None: ...

    def replace(self, partner_id: str, folder: FolderKey, name: str, local: Path) -> None: ...

    def remove(self, partner_id: str, folder: FolderKey, name: str) -> None: ...


class TransportFolders:
    """RemoteFolders over the connectors' Transport, one opened per partner on first use."""

    def __init__(
        self,
        open_transport: Callable[[str], Transport],
        folder: FolderKey = "inbox",
        partner_ids: Sequence[str] = (),
    ) -> None:
        self.open_transport = open_transport
        self.folder = folder
        self.partner_ids = tuple(partner_ids)
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

    def files(self, partner_id: str) -> list[tuple[FolderKey, str]]:
        from connectors.errors import RemoteFileNotFound

        transport = self._transport(partner_id)
        found: list[tuple[FolderKey, str]] = []
        for folder in sorted(transport.spec.folders):
            try:
                found += [(folder, entry.name) for entry in transport.list(folder)]
            except RemoteFileNotFound:
                continue  # a folder that does not exist holds no copy
        return found

    def read(self, partner_id: str, folder: FolderKey, name: str, local: Path) -> None:
        self._transport(partner_id).get(folder, name, local)

    def replace(self, partner_id: str, folder: FolderKey, name: str, local: Path) -> None:
        self._transport(partner_id).put(folder, name, local)

    def remove(self, partner_id: str, folder: FolderKey, name: str) -> None:
        self._transport(partner_id).delete(folder, [name])

    def close(self) -> None:
        for transport in self._open.values():
            transport.close()
        self._open.clear()


def delivered_names(files: Any) -> list[str]:
    """File names from a delivery's `files` (names, or mappings with a `name`), with the name
    of each file's encrypted form where the partner received OpenPGP."""
    names: list[str] = []
    for entry in files or []:
        name = entry.get("name") if isinstance(entry, dict) else entry
        if isinstance(name, str) and name:
            names.append(name)
        sealed = entry.get("encrypted") if isinstance(entry, dict) else None
        if isinstance(sealed, dict) and isinstance(sealed.get("name"), str):
            names.append(sealed["name"])
    return names
