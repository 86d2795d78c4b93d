"""The channel buffer and request batching behind fast SFTP downloads.

`ChunkPipe` replaces paramiko's `BufferedPipe` as a channel's receive buffer: whatever the
pattern of feeds and reads, it must hand out exactly the bytes paramiko's pipe would, wait and
time out as it does, and wake a reader when the channel closes. Batched read requests must go
out in fewer channel writes and still bring back every byte.
"""

from __future__ import annotations

import hashlib
import random
import threading
import time
from pathlib import Path

import paramiko
import pytest
from paramiko.buffered_pipe import BufferedPipe, PipeTimeout

from connectors.buffers import ChunkPipe
from tests.connectors.conformance import write
from tests.connectors.harnesses import SFTPHarness
from tests.servers import SSHServer


@pytest.mark.parametrize("seed", range(20))
def test_any_feeds_and_reads_give_the_bytes_paramikos_own_pipe_gives(seed: int) -> None:
    # A read may return less than asked (it never joins packets), as a socket's may: the
    # stream of bytes, the length and readiness are what must agree.
    rng = random.Random(seed)
    ours, theirs = ChunkPipe(), BufferedPipe()  # type: ignore[var-annotated]
    ours_out, theirs_out = bytearray(), bytearray()
    for _ in range(200):
        if rng.random() < 0.5:
            data = rng.randbytes(rng.choice([0, 1, 7, 4096, 32768, 40000]))
            ours.feed(data)
            theirs.feed(data)  # type: ignore[arg-type]
        elif len(ours):
            n = rng.choice([1, 3, 4, 500, 32768, 300000])
            piece = ours.read(n, 0.0)
            assert 0 < len(piece) <= n
            ours_out += piece
            while len(theirs_out) < len(ours_out):
                theirs_out += theirs.read(len(ours_out) - len(theirs_out), 0.0)
        assert ours_out == theirs_out
        assert len(ours) == len(theirs)
        assert ours.read_ready() == theirs.read_ready()
    assert ours.empty() == theirs.empty()
    assert len(ours) == 0 and not ours.read_ready()


def test_a_read_takes_at_most_what_was_asked_and_keeps_the_rest_in_order() -> None:
    pipe = ChunkPipe()
    pipe.feed(b"abcdef")
    pipe.feed(b"ghi")
    assert pipe.read(4) == b"abcd"
    assert pipe.read(100) == b"ef"  # never more than one packet: the caller asks again
    assert pipe.read(100) == b"ghi"
    pipe.feed(b"jkl")
    assert pipe.read(1) == b"j"
    assert pipe.empty() == b"kl"


def test_an_empty_pipe_times_out_as_paramikos_does() -> None:
    pipe = ChunkPipe()
    with pytest.raises(PipeTimeout):
        pipe.read(10, 0.0)
    started = time.monotonic()
    with pytest.raises(PipeTimeout):
        pipe.read(10, 0.2)
    assert time.monotonic() - started >= 0.19


def test_a_waiting_reader_gets_data_fed_from_another_thread() -> None:
    pipe = ChunkPipe()
    threading.Timer(0.05, pipe.feed, [b"late"]).start()
    assert pipe.read(10, 5.0) == b"late"


def test_closing_wakes_a_waiting_reader_and_keeps_what_was_fed() -> None:
    pipe = ChunkPipe()
    threading.Timer(0.05, pipe.close).start()
    assert pipe.read(10, 5.0) == b""  # closed: end of stream, not a timeout
    other = ChunkPipe()
    other.feed(b"last words")
    other.close()
    assert other.read(100, 0.0) == b"last words"
    assert other.read(100, 0.0) == b""


def test_the_event_says_whether_a_read_would_return_at_once() -> None:
    pipe, event = ChunkPipe(), threading.Event()
    pipe.set_event(event)
    assert not event.is_set()
    pipe.feed(b"xy")
    assert event.is_set()
    pipe.read(1)
    assert event.is_set()
    pipe.read(1)
    assert not event.is_set()
    pipe.close()
    assert event.is_set()
    late = threading.Event()
    pipe.set_event(late)
    assert late.is_set()


@pytest.mark.sshd
def test_sessions_read_through_the_chunk_pipe(sshd_server: SSHServer) -> None:
    with SFTPHarness(sshd_server).open() as transport:
        channel = transport.session.sftp.get_channel()  # type: ignore[attr-defined]
        assert isinstance(channel.in_buffer, ChunkPipe)


@pytest.mark.sshd
@pytest.mark.parametrize("depth", [1, 5, 64])
def test_batched_read_requests_bring_back_every_byte_in_fewer_writes(
    sshd_server: SSHServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, depth: int
) -> None:
    harness = SFTPHarness(sshd_server, read_size=32768, read_depth=depth)
    size = 100 * 32768 + 123  # 101 read requests, the last one short
    sha = write(harness.path("outbox", "feed.csv"), size)
    writes = 0
    send = paramiko.Channel.send

    def counting(channel: paramiko.Channel, data: bytes) -> int:
        nonlocal writes
        writes += 1
        return send(channel, data)

    monkeypatch.setattr(paramiko.Channel, "send", counting)
    with harness.open() as transport:
        before = writes
        got = transport.get("outbox", "feed.csv", tmp_path / "feed.csv")
        during = writes - before
    assert got == sha
    assert hashlib.sha256((tmp_path / "feed.csv").read_bytes()).hexdigest() == sha
    batch = max(1, depth // 4)
    # 101 reads plus a stat, an open and a close; batches of `batch` reads go out together
    assert during <= -(-101 // batch) + 6
    if batch > 1:
        assert during < 101 / 2
