"""Ordered, bounded-memory fan-out of batches to worker processes."""

from __future__ import annotations

import itertools
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of `size` items (the last may be shorter)."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, max(1, size))):
        yield batch


def ordered_map(
    func: Callable[[list[T]], list[R]],
    batches: Iterable[list[T]],
    processes: int,
    initializer: Callable[..., None],
    initargs: tuple[Any, ...],
    in_flight_per_process: int = 3,
) -> Iterator[R]:
    """Apply `func` to batches in a process pool, yielding results in input order.

    Unlike Pool.imap, which drains its input eagerly, at most `processes * in_flight_per_process`
    batches are outstanding, so a 100,000-narrative stream needs no more memory than a short one.
    Fork is used where available: workers inherit the already-loaded model copy-on-write.
    """
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    limit = max(1, processes * in_flight_per_process)
    with context.Pool(processes, initializer=initializer, initargs=initargs) as pool:
        pending: deque[Any] = deque()
        for batch in batches:
            pending.append(pool.apply_async(func, (batch,)))
            if len(pending) >= limit:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
