"""What the CLI and the DAG share to run retention: the one Hub, opened for the steps' duration."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from asbhub.runtime import Hub
from asbhub.settings import Settings

# The retention steps take the Hub under this name: store, key, schedule, areas, partners.
RetentionContext = Hub


@contextmanager
def retention_context(settings: Settings, actor: str = "asbhub retention") -> Iterator[Hub]:
    """A Hub whose store is checked for its schema now and closed after the steps; the ledger
    key is loaded only when a step needs it, and is refused then if it is missing."""
    hub = Hub(settings=settings, actor=actor)
    try:
        hub.store  # noqa: B018 - open it and check the schema before any step starts
        yield hub
    finally:
        hub.close()
