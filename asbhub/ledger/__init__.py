"""The DPA 2018 s.62 ledger: append-only, HMAC-chained events that name references only by keyed
hash, so disposal never breaks the chain."""

from __future__ import annotations

from asbhub.ledger.chain import (
    GENESIS,
    KEY_ENV,
    Appended,
    Event,
    EventKind,
    LedgerKey,
    append,
    append_many,
    canonical,
    head,
    load_key,
    lock_chain,
    prune_through,
)
from asbhub.ledger.search import SearchResult, count, search
from asbhub.ledger.verify import Verification, verify

__all__ = [
    "GENESIS",
    "KEY_ENV",
    "Appended",
    "Event",
    "EventKind",
    "LedgerKey",
    "SearchResult",
    "Verification",
    "append",
    "append_many",
    "canonical",
    "count",
    "head",
    "load_key",
    "lock_chain",
    "prune_through",
    "search",
    "verify",
]
