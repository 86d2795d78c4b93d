"""Bounded retries with exponential backoff and full jitter, for transient faults only."""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from connectors.errors import TransientTransportError

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class RetryPolicy:
    """`attempts` tries in all; waits grow base, 2*base, 4*base ... capped, each drawn uniformly
    from [0, cap] (full jitter) so many workers retrying one server do not retry in step."""

    attempts: int = 4
    base_delay: float = 0.5
    max_delay: float = 8.0

    def delay(self, attempt: int) -> float:
        cap = min(self.max_delay, self.base_delay * 2 ** (attempt - 1))
        return random.uniform(0, cap)  # noqa: S311 - jitter, not cryptography


def run_with_retry(
    what: str,
    operation: Callable[[], T],
    *,
    policy: RetryPolicy,
    is_transient: Callable[[BaseException], bool],
    on_transient: Callable[[], None],
) -> T:
    """Run `operation`; on a transient fault call `on_transient` (drop the client) and retry.

    Anything not transient (auth failure, host key mismatch, unsafe path, missing file)
    propagates at once.
    """
    for attempt in range(1, policy.attempts + 1):
        try:
            return operation()
        except Exception as exc:
            if not is_transient(exc):
                raise
            on_transient()
            if attempt == policy.attempts:
                raise TransientTransportError(
                    f"{what} failed after {attempt} attempts: {type(exc).__name__}: {exc}"
                ) from exc
            wait = policy.delay(attempt)
            log.warning(
                "%s: attempt %d/%d failed (%s); retrying in %.2fs",
                what,
                attempt,
                policy.attempts,
                type(exc).__name__,
                wait,
            )
            time.sleep(wait)
    raise AssertionError("unreachable")  # pragma: no cover
