"""One redaction engine (and one model load) for the whole PII test session."""

from __future__ import annotations

import pytest

from asbhub.pii.engine import RedactionEngine


@pytest.fixture(scope="session")
def engine() -> RedactionEngine:
    eng = RedactionEngine()
    eng.analyzer  # noqa: B018 - load the model once, up front
    return eng
