"""Shared fixtures of the generator tests: one seeded sample, generated once per session."""

from __future__ import annotations

from datetime import date

import pytest

from asbhub.seed import generate_incidents

NIGHT = date(2026, 11, 10)  # the 30 days before span the end of British Summer Time (25 Oct)
SAMPLE_SIZE = 20_000


@pytest.fixture(scope="session")
def sample() -> list[dict[str, object]]:
    """20,000 incidents for seed 11: enough for the proportions to be stable."""
    return list(generate_incidents(SAMPLE_SIZE, 11, NIGHT))
