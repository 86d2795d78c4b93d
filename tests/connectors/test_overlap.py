"""Hashing and disk writes on a helper thread: every byte in order, failures never lost."""

from __future__ import annotations

import hashlib
import io

import pytest

from connectors.models import HashingWriter, SizeLimitExceeded
from connectors.overlap import ReadAhead, WriteBehind


class FullDisk(io.BytesIO):
    def write(self, data: bytes) -> int:  # type: ignore[override]
        if self.tell() > 1000:
            raise OSError(28, "No space left on device")
        return super().write(data)


def test_write_behind_hashes_and_writes_every_byte_in_order() -> None:
    target = io.BytesIO()
    sink = HashingWriter(target)
    pieces = [bytes([i]) * (1000 + i) for i in range(200)]
    with WriteBehind(sink, depth=4) as behind:
        for piece in pieces:
            behind.write(piece)
    assert target.getvalue() == b"".join(pieces)
    assert sink.sha256 == hashlib.sha256(b"".join(pieces)).hexdigest()


def test_a_failed_disk_write_on_the_helper_is_raised_to_the_caller() -> None:
    with pytest.raises(OSError, match="No space left"), WriteBehind(HashingWriter(FullDisk())) as b:
        for _ in range(100):
            b.write(b"x" * 512)


def test_the_size_limit_stops_the_stream_before_the_buffer_is_queued() -> None:
    target = io.BytesIO()
    with pytest.raises(SizeLimitExceeded), WriteBehind(HashingWriter(target, limit=1500)) as b:
        b.write(b"x" * 1000)
        b.write(b"x" * 1000)
    assert len(target.getvalue()) == 1000


def test_read_ahead_yields_the_file_in_order_and_hashes_it() -> None:
    data = bytes(range(256)) * 4000
    sink = HashingWriter(None)
    with ReadAhead(io.BytesIO(data), 777, sink, depth=2) as chunks:
        assert b"".join(chunks) == data
    assert sink.sha256 == hashlib.sha256(data).hexdigest()


def test_read_ahead_stops_its_helper_when_the_sender_gives_up() -> None:
    with ReadAhead(io.BytesIO(b"x" * 100_000), 10, HashingWriter(None), depth=2) as chunks:
        next(iter(chunks))  # the sender fails after one chunk; closing must not hang
