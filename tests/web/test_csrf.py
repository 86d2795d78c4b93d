"""A form another site makes a signed-in browser send is refused, and leaves no trace in the
ledger: every state-changing request must show it came from the view's own pages."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest
from fastapi import FastAPI

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*httpx2", category=UserWarning)
    from fastapi.testclient import TestClient

from asbhub.errors import ConfigError
from asbhub.settings import Settings
from asbhub.web.app import standalone_app
from asbhub.web.throttle import LoginGuard
from tests.web.conftest import AUDITOR, LOOKUP, OWN_PAGES, basic, ledger_writes

# Each is what a browser sends when another page (or no page it will name) posts the form.
CROSS_SITE = {
    "another site's Origin": {"Origin": "https://elsewhere.example"},
    "Origin: null (sandboxed frame, data: URL, no-referrer page)": {"Origin": "null"},
    "neither Origin nor Referer": {},
    "a Referer from another site": {"Referer": "https://elsewhere.example/form.html"},
    "our host on another port": {"Origin": "http://testserver:8080"},
    "a look-alike host": {"Origin": "http://testserver.elsewhere.example"},
    "another site's Origin with our Referer": {
        "Origin": "https://elsewhere.example",
        "Referer": "http://testserver/lookup",
    },
    "an Origin that is not a URL": {"Origin": "testserver"},
}
POSTS = {"/lookup": LOOKUP, "/ledger/verify": {}}


@pytest.fixture
def guard() -> LoginGuard:
    return LoginGuard()


@pytest.fixture
def app(settings: Settings, web_env: None, guard: LoginGuard) -> Iterator[FastAPI]:
    web = standalone_app(settings, guard)
    yield web
    web.state.web.close()


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, follow_redirects=False) as c:
        yield c


@pytest.mark.parametrize("sent", CROSS_SITE.values(), ids=CROSS_SITE.keys())
@pytest.mark.parametrize("path", POSTS)
def test_a_post_not_from_our_pages_is_refused_and_writes_nothing(
    client: TestClient, settings: Settings, guard: LoginGuard, path: str, sent: dict[str, str]
) -> None:
    before = ledger_writes(settings)
    response = client.post(path, data=POSTS[path], headers={**basic(AUDITOR), **sent})
    assert response.status_code == 403, response.text
    assert "own pages" in response.text
    assert ledger_writes(settings) == before
    assert guard.hashing.hashes_run == 0, "refused before any password was checked"


def test_a_post_from_our_own_pages_is_accepted_and_logged(
    client: TestClient, settings: Settings
) -> None:
    events, checks = ledger_writes(settings)
    looked_up = client.post("/lookup", data=LOOKUP, headers={**basic(AUDITOR), **OWN_PAGES})
    assert looked_up.status_code == 200, looked_up.text
    assert ledger_writes(settings) == (events + 1, checks)
    verified = client.post("/ledger/verify", headers={**basic(AUDITOR), **OWN_PAGES})
    assert verified.status_code == 303 and verified.headers["location"] == "/ledger"
    assert ledger_writes(settings) == (events + 1, checks + 1)


@pytest.mark.parametrize(
    "sent",
    [
        {"Referer": "http://testserver/lookup"},  # a browser that sends no Origin
        {"Origin": "http://TestServer:80"},  # the same origin, spelt differently
    ],
)
def test_our_own_origin_is_recognised_from_the_referer_or_however_spelt(
    client: TestClient, settings: Settings, sent: dict[str, str]
) -> None:
    events, checks = ledger_writes(settings)
    response = client.post("/lookup", data=LOOKUP, headers={**basic(AUDITOR), **sent})
    assert response.status_code == 200, response.text
    assert ledger_writes(settings) == (events + 1, checks)


def test_a_cross_site_post_is_refused_even_without_credentials(client: TestClient) -> None:
    # The refusal comes before sign-in: another site cannot even make us check a password.
    assert client.post("/lookup", data=LOOKUP, headers={"Origin": "null"}).status_code == 403
    assert client.post("/lookup", data=LOOKUP, headers=OWN_PAGES).status_code == 401


# -- behind a reverse proxy ---------------------------------------------------------------------

PUBLIC = "https://audit.example.org"
BEHIND_PROXY = {"Host": "127.0.0.1:8765", "Origin": PUBLIC}  # the proxy did not pass Host on


def test_behind_a_proxy_that_rewrites_host_the_form_is_refused_with_the_fix(
    client: TestClient, settings: Settings
) -> None:
    before = ledger_writes(settings)
    response = client.post("/lookup", data=LOOKUP, headers={**basic(AUDITOR), **BEHIND_PROXY})
    assert response.status_code == 403
    assert "ASBHUB_WEB_ORIGIN" in response.text
    assert ledger_writes(settings) == before


def test_the_configured_public_origin_is_the_only_one_accepted(
    settings: Settings, web_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASBHUB_WEB_ORIGIN", f"{PUBLIC}/, https://audit.example.org:8443")
    app = standalone_app(settings)
    try:
        with TestClient(app, follow_redirects=False) as client:
            events, checks = ledger_writes(settings)
            auth = basic(AUDITOR)
            ok = client.post("/lookup", data=LOOKUP, headers={**auth, **BEHIND_PROXY})
            assert ok.status_code == 200, ok.text
            other_port = {**BEHIND_PROXY, "Origin": "https://audit.example.org:8443"}
            assert client.post("/lookup", data=LOOKUP, headers={**auth, **other_port}).is_success
            # Pinned: the Host header no longer vouches, nor does plain http to the same name.
            for origin in ("http://testserver", "http://audit.example.org"):
                sent = {**auth, "Origin": origin}
                assert client.post("/lookup", data=LOOKUP, headers=sent).status_code == 403
            assert ledger_writes(settings) == (events + 2, checks)
    finally:
        app.state.web.close()


@pytest.mark.parametrize(
    "value", ["audit.example.org", "https://audit.example.org/asbhub", "ftp://audit.example.org"]
)
def test_a_public_origin_that_is_not_an_origin_stops_the_start(
    settings: Settings, web_env: None, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("ASBHUB_WEB_ORIGIN", value)
    with pytest.raises(ConfigError, match=r"ASBHUB_WEB_ORIGIN.*not an origin"):
        standalone_app(settings)
