"""SFTP faults: sshd killed mid-transfer leaves no partial file and the retry delivers once."""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from connectors import TransientTransportError
from tests.connectors.conformance import write
from tests.connectors.harnesses import SFTPHarness
from tests.servers import SSHServer

pytestmark = [pytest.mark.sshd, pytest.mark.slow]
SIZE = 48 * 1024 * 1024


def when_partial(folder: Path, fault: Callable[[], None]) -> threading.Thread:
    """Run `fault` once a temporary upload file in `folder` holds a few MB."""

    def watch() -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            for entry in os.scandir(folder):
                if entry.name.endswith(".part") and entry.stat().st_size > 4 * 1024 * 1024:
                    fault()
                    return
            time.sleep(0.005)

    thread = threading.Thread(target=watch)
    thread.start()
    return thread


def final_is_whole(harness: SFTPHarness, name: str, expected_size: int) -> Callable[[], None]:
    final = harness.path("inbox", name)
    sizes: list[int] = []

    def check() -> None:
        if final.exists():
            sizes.append(final.stat().st_size)
        assert all(size == expected_size for size in sizes), sizes

    return check


def test_dropped_connection_mid_upload_is_retried_once(
    sshd_server: SSHServer, tmp_path: Path
) -> None:
    harness = SFTPHarness(sshd_server, timeout=5)
    source = tmp_path / "feed.csv"
    sha = write(source, SIZE)
    dropper = when_partial(harness.path("inbox"), sshd_server.drop_connections)
    with harness.open() as transport:
        result = transport.put("inbox", "feed.csv", source)
    dropper.join()
    assert result.sha256 == sha
    assert harness.raw_names("inbox") == {"feed.csv"}  # the retry reused the temp name: no orphan
    assert hashlib.sha256(harness.path("inbox", "feed.csv").read_bytes()).hexdigest() == sha


def test_sshd_killed_and_restarted_mid_upload(sshd_server: SSHServer, tmp_path: Path) -> None:
    harness = SFTPHarness(sshd_server, timeout=5, retries=6, retry_base_delay=0.3)
    source = tmp_path / "feed.csv"
    sha = write(source, SIZE, seed=2)
    check = final_is_whole(harness, "feed.csv", SIZE)

    def kill_then_restart() -> None:
        sshd_server.stop()
        check()  # nothing under the final name while the server is down
        time.sleep(0.5)
        sshd_server.start()

    killer = when_partial(harness.path("inbox"), kill_then_restart)
    try:
        with harness.open() as transport:
            result = transport.put("inbox", "feed.csv", source)
    finally:
        killer.join()
        sshd_server.ensure_running()
    assert result.sha256 == sha
    assert harness.raw_names("inbox") == {"feed.csv"}


def test_server_gone_for_good_fails_after_bounded_retries(
    sshd_server: SSHServer, tmp_path: Path
) -> None:
    harness = SFTPHarness(sshd_server, timeout=5, retries=3)
    source = tmp_path / "feed.csv"
    write(source, SIZE)
    killer = when_partial(harness.path("inbox"), sshd_server.stop)
    started = time.monotonic()
    try:
        with (
            harness.open() as transport,
            pytest.raises(TransientTransportError, match="3 attempts"),
        ):
            transport.put("inbox", "feed.csv", source)
    finally:
        killer.join()
        sshd_server.ensure_running()
    assert time.monotonic() - started < 30
    assert "feed.csv" not in harness.raw_names("inbox")


def test_dropped_connection_mid_download_leaves_no_partial_destination(
    sshd_server: SSHServer, tmp_path: Path
) -> None:
    harness = SFTPHarness(sshd_server, timeout=5)
    sha = write(harness.path("outbox", "outcome.csv"), SIZE, seed=3)
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    dest = downloads / "outcome.csv"
    dropped = threading.Event()

    def drop_when_partial() -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not dropped.is_set():
            for entry in os.scandir(downloads):
                assert entry.name != "outcome.csv" or entry.stat().st_size == SIZE
                if entry.name.endswith(".part") and entry.stat().st_size > 4 * 1024 * 1024:
                    sshd_server.drop_connections()
                    dropped.set()
            time.sleep(0.005)

    dropper = threading.Thread(target=drop_when_partial)
    dropper.start()
    try:
        with harness.open() as transport:
            assert transport.get("outbox", "outcome.csv", dest) == sha
    finally:
        dropped.set()
        dropper.join()
    assert os.listdir(downloads) == ["outcome.csv"]
    assert hashlib.sha256(dest.read_bytes()).hexdigest() == sha
