"""Finding disposed references in files: each word of a sweep is hashed once, whatever the
number of rows and files it turns up in, and what is found is the same."""

from __future__ import annotations

from collections import Counter

import pytest

from asbhub.ledger import LedgerKey
from asbhub.retention.copies import Terms

KEY = LedgerKey(b"test-ledger-key-not-a-real-secret")
GONE = "R-0123456789ABCDEF"


def test_a_word_is_hashed_once_per_sweep_and_still_found(monkeypatch: pytest.MonkeyPatch) -> None:
    terms = Terms(KEY, [KEY.reference_hash(GONE)])
    hashed: Counter[str] = Counter()
    real = LedgerKey.reference_hash

    def counting(self: LedgerKey, reference: str) -> str:
        hashed[reference] += 1
        return real(self, reference)

    monkeypatch.setattr(LedgerKey, "reference_hash", counting)
    first = f"{GONE},closed,2026-11-25,Chelmsford".encode()
    other = b"R-FEDCBA9876543210,closed,2026-11-25,Chelmsford"
    assert terms.found_in(first) == {KEY.reference_hash(GONE)}
    assert terms.found_in(other) == set()
    assert terms.found_in(first) == {KEY.reference_hash(GONE)}  # remembered, still found
    hashed.pop(GONE)  # the test's own expected value above, not the sweep's
    assert hashed["closed"] == 1
    assert hashed["2026-11-25"] == 1
    assert max(hashed.values()) == 1


def test_no_terms_find_nothing() -> None:
    assert Terms(KEY, []).found_in(f"{GONE},closed".encode()) == set()
