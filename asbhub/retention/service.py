"""What the CLI and the DAG share to run retention: the store, the key, the schedule, partners."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from asbhub.ledger import LedgerKey, load_key
from asbhub.retention.areas import Areas, RemoteFolders, TransportFolders
from asbhub.retention.schedule import Schedule, load_schedule
from asbhub.settings import Settings
from asbhub.store.engine import Store, require_schema


@dataclass
class RetentionContext:
    settings: Settings
    store: Store
    key: LedgerKey

    @property
    def areas(self) -> Areas:
        return Areas.of(self.settings)

    def schedule(self) -> Schedule:
        return load_schedule(self.settings.retention_file)

    def ack_days(self) -> dict[str, int]:
        """Each partner's ISA deadline for disposal acks (`isa.disposal_ack_days`)."""
        return {p.id: p.isa.disposal_ack_days for p in self._partners()}

    def remote(self) -> RemoteFolders | None:
        """Partner inboxes through their configured transports, when partners are configured."""
        partners = {p.id: p for p in self._partners()}
        if not partners:
            return None
        from connectors import open_transport

        return TransportFolders(
            lambda partner_id: open_transport(partners[partner_id].transport),
            partner_ids=sorted(partners),
        )

    def _partners(self) -> list:
        directory = self.settings.partners_dir
        if not directory.is_dir() or not any(directory.glob("*.yaml")):
            return []
        from asbhub.partners import load_partners

        return load_partners(directory)


@contextmanager
def retention_context(settings: Settings, need_key: bool = True) -> Iterator[RetentionContext]:
    store = Store(settings.database_url)
    try:
        require_schema(store.engine)
        key = load_key() if need_key else LedgerKey(b"")
        yield RetentionContext(settings, store, key)
    finally:
        store.dispose()
