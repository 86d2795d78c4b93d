"""What an execution's class handlers share: the job they work for, and one batch's outcome."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from asbhub.ledger import LedgerKey
from asbhub.retention.areas import Areas, RemoteFolders

Checkpoint = Callable[[str], None]


@dataclass
class Batch:
    """One batch's outcome, filled in by the class handler."""

    disposed: list[int] = field(default_factory=list)
    held: list[int] = field(default_factory=list)
    failed: dict[int, str] = field(default_factory=dict)
    erased: list[str] = field(default_factory=list)
    notices: int = 0
    # item id -> keyed hashes of the references verification must not find anywhere again
    scan_terms: dict[int, list[str]] = field(default_factory=dict)


@dataclass
class Execution:
    """What the handlers need: the run, where files live, the remote side and the key."""

    run_id: str
    run_pk: int
    key: LedgerKey
    areas: Areas
    remote: RemoteFolders | None
    ack_days: Callable[[str], int]
    checkpoint: Checkpoint
