"""A channel receive buffer that copies each byte of a download as few times as it can.

A download arrives as 32 KiB SSH packets (OpenSSH's sftp-server sends no larger, whatever
packet size the client offers): 6,000 packets for 200 MB, each handled by paramiko under the
GIL, which is what bounds a download on a busy machine.
"""

from __future__ import annotations

import threading
import time
from collections import deque


class ChunkPipe:
    """A channel's receive buffer that keeps the packets it is fed as they came.

    paramiko's `BufferedPipe` copies every packet into one growing array and, on each read,
    copies the bytes out and moves everything behind them to the front: with megabytes in
    flight, a download copies each byte several times under the GIL. This pipe queues the
    packets and hands each out whole (or the part asked for), copying nothing it need not.
    It keeps BufferedPipe's interface and semantics, which is all `Channel` uses: `feed` from
    the transport's thread; `read` waiting up to a timeout (raising PipeTimeout); `close`;
    `empty`; `read_ready`; `set_event`; `len`.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cv = threading.Condition(self._lock)
        self._event: threading.Event | None = None
        self._chunks: deque[bytes] = deque()
        self._head = 0  # bytes of the first chunk already read
        self._size = 0
        self._closed = False

    def set_event(self, event: threading.Event) -> None:
        with self._lock:
            self._event = event
            if self._closed or self._size:
                event.set()
            else:
                event.clear()

    def feed(self, data: bytes) -> None:
        with self._lock:
            if self._event is not None:
                self._event.set()
            if data:
                self._chunks.append(bytes(data))
                self._size += len(data)
            self._cv.notify_all()

    def read_ready(self) -> bool:
        with self._lock:
            return self._size > 0

    def read(self, nbytes: int, timeout: float | None = None) -> bytes:
        from paramiko.buffered_pipe import PipeTimeout

        with self._lock:
            if not self._size:
                if self._closed:
                    return b""
                if timeout == 0.0:
                    raise PipeTimeout()
                deadline = None if timeout is None else time.monotonic() + timeout
                while not self._size and not self._closed:
                    left = None if deadline is None else deadline - time.monotonic()
                    if left is not None and left <= 0:
                        raise PipeTimeout()
                    self._cv.wait(left)
                if not self._size:
                    return b""  # closed while waiting
            chunk, head = self._chunks[0], self._head
            if len(chunk) - head <= nbytes:
                self._chunks.popleft()
                self._head = 0
                out = chunk[head:] if head else chunk
            else:
                out = chunk[head : head + nbytes]
                self._head = head + nbytes
            self._size -= len(out)
            if not self._size and self._event is not None and not self._closed:
                self._event.clear()
            return out

    def empty(self) -> bytes:
        with self._lock:
            out = b"".join(self._chunks)[self._head :]
            self._chunks.clear()
            self._head = self._size = 0
            if self._event is not None and not self._closed:
                self._event.clear()
            return out

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._cv.notify_all()
            if self._event is not None:
                self._event.set()

    def __len__(self) -> int:
        with self._lock:
            return self._size
