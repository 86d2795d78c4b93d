"""Sign-in throttling in `asbhub serve`: failures slowed then locked per user and per client
(429 with Retry-After), one password hash per attempt whoever is named, and a flood of bad
sign-ins that costs a bounded number of hashes."""

from __future__ import annotations

import asyncio
import hashlib
import threading
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*httpx2", category=UserWarning)
    from fastapi.testclient import TestClient

from asbhub.settings import Settings
from asbhub.web.app import standalone_app
from asbhub.web.throttle import PER_CLIENT, PER_USER, HashBudget, LoginGuard
from tests.web.conftest import AUDITOR, VIEWER, basic, live_server

WRONG = "not-the-password-synthetic"


@dataclass
class FakeClock:
    now: float = 1_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass
class ScryptCounter:
    """Counts the real scrypt runs in this process, and the most that ran at once."""

    calls: int = 0
    running: int = 0
    most_at_once: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def wrap(self, real: Callable[..., bytes]) -> Callable[..., bytes]:
        def scrypt(*args: Any, **kwargs: Any) -> bytes:
            with self._lock:
                self.calls += 1
                self.running += 1
                self.most_at_once = max(self.most_at_once, self.running)
            try:
                return real(*args, **kwargs)
            finally:
                with self._lock:
                    self.running -= 1

        return scrypt


@pytest.fixture
def scrypt(monkeypatch: pytest.MonkeyPatch) -> ScryptCounter:
    counter = ScryptCounter()
    monkeypatch.setattr(hashlib, "scrypt", counter.wrap(hashlib.scrypt))
    return counter


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def guard(clock: FakeClock) -> LoginGuard:
    return LoginGuard.with_clock(clock)


@pytest.fixture
def app(settings: Settings, web_env: None, guard: LoginGuard) -> Iterator[FastAPI]:
    web = standalone_app(settings, guard)
    yield web
    web.state.web.close()


def from_client(app: FastAPI, address: str) -> TestClient:
    return TestClient(app, client=(address, 50000))


def retry_after(response: httpx.Response) -> int:
    assert response.status_code == 429, response.text
    assert "too many failed sign-ins" in response.text
    return int(response.headers["retry-after"])


def test_a_users_failures_are_slowed_then_locked_and_the_lock_ends(
    app: FastAPI, clock: FakeClock, guard: LoginGuard, scrypt: ScryptCounter
) -> None:
    attacker, office = from_client(app, "198.51.100.7"), from_client(app, "203.0.113.9")
    for failure in range(1, PER_USER.lock_after + 1):
        assert attacker.get("/", headers=basic((AUDITOR[0], WRONG))).status_code == 401
        if failure < PER_USER.slow_after:
            continue
        # Slowed: the next try must wait 1, 2, 4 ... seconds, right password or not.
        hashed = scrypt.calls
        wait = retry_after(attacker.get("/", headers=basic(AUDITOR)))
        assert scrypt.calls == hashed, "a throttled attempt is refused before hashing"
        if failure < PER_USER.lock_after:
            assert wait == min(2 ** (failure - PER_USER.slow_after), 60)
            clock.advance(wait)
    # Locked for a period, from every client, even with the right password.
    assert retry_after(attacker.get("/", headers=basic(AUDITOR))) == PER_USER.lock_seconds
    assert retry_after(office.get("/", headers=basic(AUDITOR))) == PER_USER.lock_seconds
    # Other users are not locked out by it.
    assert office.get("/", headers=basic(VIEWER)).status_code == 200
    clock.advance(PER_USER.lock_seconds - 1)
    assert retry_after(office.get("/", headers=basic(AUDITOR))) == 1
    clock.advance(1)
    assert office.get("/", headers=basic(AUDITOR)).status_code == 200
    # The lock ended and the count with it: one more slip is an ordinary 401.
    assert office.get("/", headers=basic((AUDITOR[0], WRONG))).status_code == 401


def test_a_clients_failures_across_many_names_lock_that_client_only(
    app: FastAPI, clock: FakeClock, scrypt: ScryptCounter
) -> None:
    sprayer, colleague = from_client(app, "198.51.100.66"), from_client(app, "203.0.113.10")
    for n in range(PER_CLIENT.lock_after):
        wait = sprayer.get("/", headers=basic((f"guess{n}", WRONG)))
        if wait.status_code == 429:  # slowed: wait as told, then go on
            clock.advance(retry_after(wait))
            wait = sprayer.get("/", headers=basic((f"guess{n}", WRONG)))
        assert wait.status_code == 401
    hashed = scrypt.calls
    assert retry_after(sprayer.get("/", headers=basic(VIEWER))) == PER_CLIENT.lock_seconds
    assert scrypt.calls == hashed
    assert colleague.get("/", headers=basic(VIEWER)).status_code == 200
    clock.advance(PER_CLIENT.lock_seconds)
    assert sprayer.get("/", headers=basic(VIEWER)).status_code == 200


def test_failures_are_forgotten_after_a_quiet_period(app: FastAPI, clock: FakeClock) -> None:
    client = from_client(app, "198.51.100.8")
    for _ in range(PER_USER.slow_after):
        assert client.get("/", headers=basic((VIEWER[0], WRONG))).status_code == 401
    assert client.get("/", headers=basic(VIEWER)).status_code == 429
    clock.advance(PER_USER.forget_after + 1)
    assert client.get("/", headers=basic((VIEWER[0], WRONG))).status_code == 401
    assert client.get("/", headers=basic(VIEWER)).status_code == 200


def test_a_success_clears_the_users_failures(app: FastAPI, clock: FakeClock) -> None:
    client = from_client(app, "198.51.100.9")
    for _ in range(2):
        for _ in range(PER_USER.slow_after - 1):
            assert client.get("/", headers=basic((VIEWER[0], WRONG))).status_code == 401
        assert client.get("/", headers=basic(VIEWER)).status_code == 200
    assert client.get("/", headers=basic((VIEWER[0], WRONG))).status_code == 401


@pytest.mark.parametrize(
    "who",
    [AUDITOR, (AUDITOR[0], WRONG), ("nobody-by-this-name", WRONG), ("", AUDITOR[1])],
    ids=["right password", "wrong password", "unknown user", "no user name"],
)
def test_every_sign_in_costs_one_hash_whoever_is_named(
    app: FastAPI, scrypt: ScryptCounter, guard: LoginGuard, who: tuple[str, str]
) -> None:
    with from_client(app, "198.51.100.10") as client:
        response = client.get("/", headers=basic(who))
    assert response.status_code == (200 if who == AUDITOR else 401)
    assert (scrypt.calls, guard.hashing.hashes_run) == (1, 1)


def test_one_client_flooding_bad_sign_ins_is_cut_off_after_a_few_hashes(
    settings: Settings, web_env: None, scrypt: ScryptCounter
) -> None:
    app = standalone_app(settings)  # the real clock
    try:
        with from_client(app, "198.51.100.11") as client:
            codes = [
                client.get("/", headers=basic((f"user{n}", WRONG))).status_code for n in range(100)
            ]
    finally:
        app.state.web.close()
    assert codes[: PER_CLIENT.slow_after] == [401] * PER_CLIENT.slow_after
    assert codes.count(429) >= 80
    assert scrypt.calls <= PER_CLIENT.slow_after + 2


def test_a_flood_from_many_clients_runs_a_bounded_number_of_hashes(
    settings: Settings, web_env: None, scrypt: ScryptCounter
) -> None:
    """60 bad sign-ins at once, each from its own address (as a proxy on loopback reports it in
    X-Forwarded-For) under its own name, so no per-client or per-user limit applies: the hash
    budget alone bounds them. Then a real user still gets in."""
    budget = HashBudget(concurrent=2, waiting=4)
    app = standalone_app(settings, LoginGuard(hashing=budget))

    async def flood(url: str) -> list[httpx.Response]:
        limits = httpx.Limits(max_connections=60)
        async with httpx.AsyncClient(base_url=url, timeout=30, limits=limits) as http:
            return await asyncio.gather(
                *(
                    http.get(
                        "/",
                        headers={
                            **basic((f"nobody{n}", WRONG)),
                            "X-Forwarded-For": f"192.0.2.{n + 1}",
                        },
                    )
                    for n in range(60)
                )
            )

    try:
        with live_server(app) as url:
            responses = asyncio.run(flood(url))
            codes = [r.status_code for r in responses]
            busy = [r for r in responses if r.status_code == 503]
            assert set(codes) == {401, 503}, codes
            assert all(r.headers["retry-after"] == "1" for r in busy)
            assert scrypt.most_at_once <= budget.concurrent
            assert scrypt.calls == budget.hashes_run == codes.count(401)
            assert budget.refused == len(busy) > 0
            ok = httpx.get(f"{url}/", headers=basic(VIEWER), timeout=30)
            assert ok.status_code == 200
    finally:
        app.state.web.close()
