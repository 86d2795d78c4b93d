"""Sign-in throttling for `asbhub serve`: failures per user name and per client are slowed, then
locked for a while, and password hashing (scrypt, deliberately slow) runs within a fixed budget
so that a flood of bad sign-ins cannot take the machine.

The counts live in this process's memory: each server process keeps its own, and a restart
forgets them. That is enough for the one-process `asbhub serve`; the documented limits are per
process."""

from __future__ import annotations

import asyncio
import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

import anyio.to_thread

T = TypeVar("T")
Clock = Callable[[], float]


@dataclass(frozen=True)
class ThrottleRule:
    """After `slow_after` failures each further try waits twice as long as the last (1 s, 2 s,
    4 s ... up to `max_delay`); after `lock_after` the key is locked for `lock_seconds`.
    Failures are forgotten `forget_after` seconds after the last one, or when a lock ends."""

    slow_after: int
    lock_after: int
    lock_seconds: float
    max_delay: float = 60.0
    forget_after: float = 900.0


# One person mistyping is slowed after 3 and locked after 10; a client (an office behind one
# address, or a proxy) is allowed more before it is slowed, but is locked all the same.
PER_USER = ThrottleRule(slow_after=3, lock_after=10, lock_seconds=900)
PER_CLIENT = ThrottleRule(slow_after=10, lock_after=30, lock_seconds=900)


@dataclass
class _Failures:
    count: int
    last: float
    locked_until: float = 0.0


@dataclass
class FailureCounter:
    """Failed sign-ins per key (a user name or a client address), at most `max_keys` of them:
    the least recently failed key is dropped first."""

    rule: ThrottleRule
    clock: Clock = time.monotonic
    max_keys: int = 100_000
    _keys: OrderedDict[str, _Failures] = field(default_factory=OrderedDict)

    def retry_after(self, key: str) -> float:
        """Seconds before `key` may try again; 0 when it may try now."""
        now = self.clock()
        record = self._current(key, now)
        if record is None:
            return 0.0
        if record.locked_until:
            return record.locked_until - now
        if record.count < self.rule.slow_after:
            return 0.0
        delay = min(2.0 ** (record.count - self.rule.slow_after), self.rule.max_delay)
        return max(0.0, record.last + delay - now)

    def failed(self, key: str) -> None:
        now = self.clock()
        record = self._current(key, now) or _Failures(0, now)
        record.count += 1
        record.last = now
        if record.count >= self.rule.lock_after:
            record.locked_until = now + self.rule.lock_seconds
        self._keys[key] = record
        self._keys.move_to_end(key)
        while len(self._keys) > self.max_keys:
            self._keys.popitem(last=False)

    def forget(self, key: str) -> None:
        self._keys.pop(key, None)

    def _current(self, key: str, now: float) -> _Failures | None:
        record = self._keys.get(key)
        if record is None:
            return None
        lock_over = record.locked_until and now >= record.locked_until
        if lock_over or (not record.locked_until and now - record.last > self.rule.forget_after):
            del self._keys[key]
            return None
        return record


class HashingBusy(Exception):
    """More sign-ins are waiting for a password hash than the budget allows."""


class HashBudget:
    """At most `concurrent` password hashes at once, in worker threads, with at most `waiting`
    more queued; anything beyond is refused at once, before any hash is computed. Counts every
    hash it runs, so a test (or an operator) can see what a flood cost."""

    def __init__(self, concurrent: int = 2, waiting: int = 8) -> None:
        self.concurrent = concurrent
        self.waiting = waiting
        self.hashes_run = 0
        self.refused = 0
        self._admitted = 0  # changed only on the event loop's thread
        self._slots = asyncio.Semaphore(concurrent)

    async def run(self, work: Callable[[], T]) -> T:
        if self._admitted >= self.concurrent + self.waiting:
            self.refused += 1
            raise HashingBusy
        self._admitted += 1
        try:
            async with self._slots:
                self.hashes_run += 1
                return await anyio.to_thread.run_sync(work)
        finally:
            self._admitted -= 1


@dataclass
class LoginGuard:
    """What `asbhub serve` checks before and after each sign-in attempt."""

    per_user: FailureCounter = field(default_factory=lambda: FailureCounter(PER_USER))
    per_client: FailureCounter = field(default_factory=lambda: FailureCounter(PER_CLIENT))
    hashing: HashBudget = field(default_factory=HashBudget)

    @classmethod
    def with_clock(cls, clock: Clock, hashing: HashBudget | None = None) -> LoginGuard:
        return cls(
            FailureCounter(PER_USER, clock),
            FailureCounter(PER_CLIENT, clock),
            hashing or HashBudget(),
        )

    def retry_after(self, user: str | None, client: str) -> int:
        """Whole seconds before this user from this client may try; 0 if now."""
        waits = [self.per_client.retry_after(client)]
        if user is not None:
            waits.append(self.per_user.retry_after(_user_key(user)))
        return math.ceil(max(waits))

    def failed(self, user: str | None, client: str) -> None:
        self.per_client.failed(client)
        if user is not None:
            self.per_user.failed(_user_key(user))

    def succeeded(self, user: str) -> None:
        # The client's failures stand: one good account must not wipe out guesses at others.
        self.per_user.forget(_user_key(user))


def _user_key(name: str) -> str:
    return name.casefold()
