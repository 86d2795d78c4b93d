"""Hashing and disk I/O on one helper thread, overlapped with the network.

hashlib and file reads and writes release the GIL on large buffers, so while the thread that
talks to the server waits for (or decrypts) the next packet, the helper hashes and writes the
previous one. A bounded queue keeps memory flat whatever the file's size: at most `depth`
buffers wait between the two threads.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Iterator
from types import TracebackType
from typing import BinaryIO

from connectors.models import HashingWriter, Sink, SizeLimitExceeded

DEPTH = 16  # buffers waiting between the threads: 16 x 255 KiB reads is 4 MiB at most
_DONE = None


class WriteBehind:
    """A sink whose `write` hands the buffer to a helper thread that hashes and writes it.

    The size limit is checked here, before a buffer is queued, so an oversized stream stops at
    once. A failure on the helper (a full disk) is raised by the next `write` or by `close`.
    """

    def __init__(self, sink: HashingWriter, depth: int = DEPTH) -> None:
        self.sink = sink
        self.size = 0
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._drain, name="write-behind", daemon=True)
        self._thread.start()

    def write(self, data: bytes) -> int:
        if self._error is not None:
            raise self._error
        limit = self.sink.limit
        if limit is not None and self.size + len(data) > limit:
            raise SizeLimitExceeded(f"more than {limit:,} bytes")
        self.size += len(data)
        self._queue.put(data)
        return len(data)

    def _drain(self) -> None:
        while (data := self._queue.get()) is not _DONE:
            if self._error is None:  # after a failure, keep draining so `write` never blocks
                try:
                    self.sink.write(data)
                except BaseException as exc:
                    self._error = exc

    def close(self) -> None:
        """Wait until every queued buffer is hashed and written; raise the helper's failure."""
        if self._thread.is_alive():
            self._queue.put(_DONE)
            self._thread.join()
        if self._error is not None:
            raise self._error

    def __enter__(self) -> WriteBehind:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if kind is None:
            self.close()
            return
        with contextlib.suppress(BaseException):  # already failing: that reason stands
            self.close()


class ReadAhead:
    """Chunks of a local file read and hashed by a helper thread, `depth` chunks ahead of the
    thread that sends them; `sink` sees every byte, in order."""

    def __init__(self, source: BinaryIO, chunk: int, sink: Sink, depth: int = DEPTH) -> None:
        self._source = source
        self._chunk = chunk
        self._sink = sink
        self._queue: queue.Queue[bytes | BaseException | None] = queue.Queue(maxsize=depth)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._fill, name="read-ahead", daemon=True)
        self._thread.start()

    def _fill(self) -> None:
        try:
            while not self._stop.is_set():
                data = self._source.read(self._chunk)
                if not data:
                    break
                self._sink.write(data)
                self._put(data)
        except BaseException as exc:
            self._put(exc)
            return
        self._put(_DONE)

    def _put(self, item: bytes | BaseException | None) -> None:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def __iter__(self) -> Iterator[bytes]:
        while True:
            item = self._queue.get()
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise item
            yield item

    def close(self) -> None:
        self._stop.set()
        self._thread.join()

    def __enter__(self) -> ReadAhead:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
