"""The local-folder transport passes the conformance suite."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from connectors.errors import RemoteFileTooLarge
from connectors.local import LocalConfig, LocalTransport
from connectors.models import Entry
from tests.connectors.conformance import TransportConformance
from tests.connectors.harnesses import Harness, LocalHarness


class TestLocalTransport(TransportConformance):
    @pytest.fixture
    def harness(self, tmp_path: Path) -> Harness:
        return LocalHarness(tmp_path)


class UnderstatingTransport(LocalTransport):
    """A server whose listing says a file is smaller than what it then sends."""

    def _entry(self, path: str) -> Entry | None:
        entry = super()._entry(path)
        return None if entry is None else replace(entry, size=10)


def test_a_server_that_understates_a_size_is_cut_off_at_the_limit(tmp_path: Path) -> None:
    harness = LocalHarness(tmp_path)
    harness.write_raw("outbox", "liar.csv", b"x" * 100_000)
    transport = UnderstatingTransport(harness.spec, LocalConfig(root=str(harness.base)))
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    with pytest.raises(RemoteFileTooLarge, match="sent more than the limit of 1,000 bytes"):
        transport.get("outbox", "liar.csv", downloads / "liar.csv", max_bytes=1000)
    assert os.listdir(downloads) == []  # neither the file nor a partial copy is left
