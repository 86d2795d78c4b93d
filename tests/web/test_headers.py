"""Every response the audit view sends carries its security headers (pages, downloads, error
pages, static files, a crash) and sets no cookie of its own; inside Airflow, the cookie that
signs people in is Airflow's, HttpOnly, SameSite=Lax and Secure over TLS."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import httpx
import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from sqlalchemy import text
from starlette.routing import BaseRoute, Match

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*httpx2", category=UserWarning)
    from fastapi.testclient import TestClient

from asbhub.settings import Settings
from asbhub.store.engine import Store
from asbhub.web.app import airflow_app, standalone_app
from asbhub.web.throttle import LoginGuard
from tests.web.conftest import AUDITOR, LOOKUP, OWN_PAGES, VIEWER, basic

RUN = "DR-20310601-ABCDEF"
WRONG = ("auditor", "not-the-password-synthetic")
# (method, path, who, extra headers, expected status): every route, and its error pages.
Probe = tuple[str, str, tuple[str, str] | None, dict[str, str], int]
REQUESTS: list[Probe] = [
    ("GET", "/", VIEWER, {}, 200),
    ("GET", "/", None, {}, 401),
    ("GET", "/", WRONG, {}, 401),
    ("GET", f"/runs/{RUN}", VIEWER, {}, 404),
    ("GET", f"/runs/{RUN}/certificate.csv", VIEWER, {}, 404),
    ("GET", f"/runs/{RUN}/certificate.pdf", VIEWER, {}, 422),
    ("GET", "/lookup", AUDITOR, {}, 200),
    ("GET", "/lookup", VIEWER, {}, 403),
    ("POST", "/lookup", AUDITOR, OWN_PAGES, 200),
    ("POST", "/lookup", AUDITOR, {"Origin": "null"}, 403),
    ("GET", "/ledger", VIEWER, {}, 200),
    ("GET", "/ledger/verify", VIEWER, {}, 405),
    ("POST", "/ledger/verify", VIEWER, OWN_PAGES, 303),
    ("GET", "/notices", VIEWER, {}, 200),
    ("GET", "/notices?as_of=not-a-date", VIEWER, {}, 422),
    ("GET", "/held", VIEWER, {}, 403),
    ("GET", "/held.json", VIEWER, {}, 403),
    ("GET", "/static/site.css", None, {}, 200),
    ("GET", "/static/nothing-here.css", None, {}, 404),
    ("GET", "/no-such-page", VIEWER, {}, 404),
]


def assert_guarded(response: httpx.Response, frame_ancestors: str, x_frame: str) -> None:
    h = response.headers
    where = f"{response.request.method} {response.request.url.path} {response.status_code}"
    assert f"frame-ancestors {frame_ancestors}" in h.get("content-security-policy", ""), where
    assert "default-src 'none'" in h["content-security-policy"], where
    assert h.get("x-frame-options") == x_frame, where
    assert h.get("x-content-type-options") == "nosniff", where
    assert h.get("cache-control") == "no-store", where
    assert h.get("referrer-policy") == "same-origin", where
    assert "set-cookie" not in h, where


def send(client: TestClient, request: Probe) -> httpx.Response:
    method, path, who, extra, _ = request
    headers = {**(basic(who) if who else {}), **extra}
    data = LOOKUP if path == "/lookup" and method == "POST" else None
    return client.request(method, path, headers=headers, data=data)


@pytest.fixture
def app(settings: Settings, web_env: None) -> Iterator[FastAPI]:
    web = standalone_app(settings)
    yield web
    web.state.web.close()


def plain_page(route: BaseRoute) -> bool:
    """A page any later change may add: GET, no path parameter; asked for below on its own."""
    return isinstance(route, APIRoute) and "GET" in route.methods and "{" not in route.path


def test_the_requests_below_reach_every_other_route(app: FastAPI) -> None:
    def reached(route: BaseRoute) -> bool:
        return any(
            route.matches({"type": "http", "method": method, "path": path.split("?")[0]})[0]
            is not Match.NONE
            for method, path, *_ in REQUESTS
        )

    missing = [r for r in app.routes if not reached(r) and not plain_page(r)]
    assert missing == [], "add a request for each of these routes to REQUESTS"


def test_every_plain_page_carries_the_headers(app: FastAPI) -> None:
    with TestClient(app) as client:
        for route in filter(plain_page, app.routes):
            assert isinstance(route, APIRoute)
            response = client.get(route.path, headers=basic(AUDITOR))
            assert response.status_code == 200, (route.path, response.text)
            assert_guarded(response, "'none'", "DENY")


@pytest.mark.parametrize("request_", REQUESTS, ids=lambda r: f"{r[0]} {r[1]} -> {r[4]}")
def test_every_response_carries_the_headers_on_its_own(
    app: FastAPI,
    request_: Probe,
) -> None:
    with TestClient(app, follow_redirects=False) as client:
        response = send(client, request_)
    assert response.status_code == request_[4], response.text
    assert_guarded(response, "'none'", "DENY")


def test_throttled_and_busy_answers_carry_the_headers(settings: Settings, web_env: None) -> None:
    guard = LoginGuard()
    guard.hashing.waiting = -guard.hashing.concurrent  # no room: every sign-in is "busy"
    app = standalone_app(settings, guard)
    try:
        with TestClient(app) as client:
            busy = client.get("/", headers=basic(VIEWER))
            assert busy.status_code == 503 and busy.headers["retry-after"] == "1"
            assert_guarded(busy, "'none'", "DENY")
            for _ in range(guard.per_client.rule.slow_after):
                guard.failed("someone", "testclient")
            throttled = client.get("/", headers=basic(VIEWER))
            assert throttled.status_code == 429 and "retry-after" in throttled.headers
            assert_guarded(throttled, "'none'", "DENY")
    finally:
        app.state.web.close()


def test_a_crash_and_a_missing_key_still_carry_the_headers(
    app: FastAPI,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.delenv("ASBHUB_LEDGER_KEY")
    monkeypatch.setenv("AIRFLOW__CORE__UNIT_TEST_MODE", "True")
    with TestClient(app) as client:
        no_key = client.post("/ledger/verify", headers={**basic(VIEWER), **OWN_PAGES})
        assert no_key.status_code == 503 and "ledger key" in no_key.text
        assert_guarded(no_key, "'none'", "DENY")
        store = Store(settings.database_url)
        try:
            with store.engine.begin() as conn:
                conn.execute(text("DROP TABLE ledger_verifications"))
        finally:
            store.dispose()
        crash = client.get("/ledger", headers=basic(VIEWER))
    assert crash.status_code == 500
    assert "ledger_verifications" not in crash.text, "no internals shown"
    assert "GET /ledger failed" in caplog.text and "ledger_verifications" in caplog.text
    assert_guarded(crash, "'none'", "DENY")


# -- inside Airflow ------------------------------------------------------------------------------


@pytest.fixture
def airflow_env(settings: Settings, web_env: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASBHUB_DATABASE_URL", settings.database_url)
    monkeypatch.setenv(
        "AIRFLOW__CORE__AUTH_MANAGER",
        "airflow.api_fastapi.auth.managers.simple.simple_auth_manager.SimpleAuthManager",
    )
    monkeypatch.setenv("AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS", "True")
    monkeypatch.setenv(
        "AIRFLOW__API_AUTH__JWT_SECRET",
        "test-jwt-secret-not-a-real-secret-" + "0123456789abcdef" * 4,
    )


def test_inside_airflow_only_airflows_own_ui_may_frame_the_view(airflow_env: None) -> None:
    from airflow.api_fastapi.app import create_auth_manager, purge_cached_app
    from airflow.api_fastapi.auth.managers.simple.user import SimpleAuthManagerUser
    from airflow.api_fastapi.core_api.security import get_user

    purge_cached_app()
    create_auth_manager()
    app = airflow_app()
    app.dependency_overrides[get_user] = lambda: SimpleAuthManagerUser(username="im", role="OP")
    try:
        with TestClient(app, follow_redirects=False) as client:
            for path in ("/", "/ledger", "/notices", "/static/site.css", "/no-such-page"):
                assert_guarded(client.get(path), "'self'", "SAMEORIGIN")
            assert_guarded(client.post("/ledger/verify"), "'self'", "SAMEORIGIN")  # 403
    finally:
        app.state.web.close()
        purge_cached_app()


@pytest.mark.parametrize("base", ["http://airflow.example:8080", "https://airflow.example"])
def test_airflows_sign_in_cookie_is_httponly_lax_and_secure_over_tls(
    airflow_env: None, base: str
) -> None:
    """The whole API server, the view mounted by its plugin: Airflow sets the cookie the view
    trusts; the view itself sets none, and its answers carry its headers there too."""
    from airflow.api_fastapi.app import create_app, purge_cached_app

    purge_cached_app()
    try:
        with TestClient(create_app(), base_url=base, follow_redirects=False) as client:
            login = client.get("/auth/token/login", params={"next": "/asbhub/"})
            assert login.status_code == 307 and login.headers["location"] == "/asbhub/"
            (cookie,) = login.headers.get_list("set-cookie")
            flags = {f.strip().lower() for f in cookie.split(";")[1:]}
            assert cookie.startswith("_token=") and {"httponly", "samesite=lax"} <= flags
            assert ("secure" in flags) == base.startswith("https")
            client.cookies.clear()
            # Mounted by the plugin inside the API server, the view's answers keep its headers.
            assert_guarded(client.get("/asbhub/static/site.css"), "'self'", "SAMEORIGIN")
    finally:
        purge_cached_app()
