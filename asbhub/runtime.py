"""One hub for a run: settings, store, partners, keys, the retention schedule, the hub's areas and
the partners' folders, and the redactor, each loaded when first used. The CLI, every DAG task,
the retention steps and the web view build this one object."""

from __future__ import annotations

import shutil
import tempfile
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import timedelta
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from asbhub.ledger import LedgerKey, load_key
from asbhub.minimise.keys import PseudonymKeys
from asbhub.minimise.narratives import NarrativeRedactor
from asbhub.partners import PartnerConfig, get_partner, load_partners
from asbhub.private import private_dir, secure_home
from asbhub.settings import Settings
from asbhub.storage import Areas, ObjectStoreBackend
from asbhub.store.engine import Store, require_schema

if TYPE_CHECKING:
    from asbhub.retention.areas import RemoteFolders
    from asbhub.retention.schedule import Schedule


@dataclass
class Hub:
    """What a pipeline step needs; the CLI and the DAG tasks build one per run."""

    settings: Settings
    actor: str = "asbhub"
    _store: Store | None = field(default=None, repr=False)
    # Personal data lands in the home from the first write: owner-only umask, private home. A
    # web view served inside Airflow's own process reads only, and leaves that process's umask.
    secure: bool = True
    _scratch: Callable[[], Any] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        if self.secure:
            secure_home(self.settings.home, self.settings.database_url)
        if self.settings.areas_connection:
            # The areas are in an object store: this hub works in a private scratch folder of
            # its own under HOME/work, deleted when it closes (or when it is collected), so a
            # worker keeps no copy of a record after its task.
            work = private_dir(self.settings.home / "work")
            sweep_scratch(work)
            scratch = Path(tempfile.mkdtemp(prefix="hub-", dir=work))
            self._scratch = weakref.finalize(self, shutil.rmtree, scratch, True)
            self.settings = replace(self.settings, home=scratch)

    @cached_property
    def store(self) -> Store:
        store = self._store or Store(self.settings.database_url)
        require_schema(store.engine)
        return store

    @cached_property
    def partners(self) -> list[PartnerConfig]:
        return load_partners(self.settings.partners_dir)

    def partner(self, partner_id: str) -> PartnerConfig:
        return get_partner(self.partners, partner_id)

    @cached_property
    def ledger_key(self) -> LedgerKey:
        return load_key()

    @property
    def key(self) -> LedgerKey:
        """The ledger key (the retention steps' name for it)."""
        return self.ledger_key

    @cached_property
    def areas(self) -> Areas:
        """The hub's own areas (landing, staging, archive, quarantine, reports, inbound work):
        folders under the home, or a bucket of an object store (asbhub.storage)."""
        if not self.settings.areas_connection:
            return Areas(self.settings.home)
        backend = ObjectStoreBackend.from_connection(
            self.settings.areas_connection, self.settings.areas_prefix
        )
        return Areas(self.settings.home, backend)

    def schedule(self) -> Schedule:
        """The retention schedule, read afresh (an information manager may have edited it)."""
        from asbhub.retention.schedule import load_schedule

        return load_schedule(self.settings.retention_file)

    def ack_days(self) -> dict[str, int]:
        """Each partner's ISA deadline for disposal acks (`isa.disposal_ack_days`)."""
        return {p.id: p.isa.disposal_ack_days for p in self._configured_partners()}

    def remote(self) -> RemoteFolders | None:
        """Partner folders through their configured transports, when partners are configured."""
        partners = {p.id: p for p in self._configured_partners()}
        if not partners:
            return None
        from asbhub.retention.areas import TransportFolders
        from connectors import open_transport

        return TransportFolders(
            lambda partner_id: open_transport(partners[partner_id].transport),
            partner_ids=sorted(partners),
        )

    def _configured_partners(self) -> list[PartnerConfig]:
        """The partners, or none where no partner file exists (a store looked at on its own)."""
        directory = self.settings.partners_dir
        if not directory.is_dir() or not any(directory.glob("*.yaml")):
            return []
        return self.partners

    @cached_property
    def redactions(self) -> NarrativeRedactor:
        return NarrativeRedactor()

    @cached_property
    def pseudonym_keys(self) -> PseudonymKeys:
        return PseudonymKeys.from_environment()

    def close(self) -> None:
        if "store" in self.__dict__:
            self.store.dispose()
        if "areas" in self.__dict__:
            self.areas.close()
        if self._scratch is not None:
            self._scratch()


STALE_SCRATCH = timedelta(hours=12)  # longer than any task may run (execution_timeout: 2 h)


def sweep_scratch(work: Path, now: float | None = None) -> list[str]:
    """Remove the scratch folders a killed process left (a hub that closes removes its own):
    each may hold copies of records, which must not outlive the task that fetched them. Only
    folders untouched for STALE_SCRATCH go; a younger one may belong to a task still running."""
    cutoff = (time.time() if now is None else now) - STALE_SCRATCH.total_seconds()
    removed = []
    for folder in sorted(work.glob("hub-*")):
        try:
            if folder.is_dir() and not folder.is_symlink() and folder.stat().st_mtime < cutoff:
                shutil.rmtree(folder)
                removed.append(folder.name)
        except FileNotFoundError:
            continue  # another hub swept it first
    return removed
