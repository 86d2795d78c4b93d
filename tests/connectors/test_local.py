"""The local-folder transport passes the conformance suite."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.connectors.conformance import TransportConformance
from tests.connectors.harnesses import Harness, LocalHarness


class TestLocalTransport(TransportConformance):
    @pytest.fixture
    def harness(self, tmp_path: Path) -> Harness:
        return LocalHarness(tmp_path)
