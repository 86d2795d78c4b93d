"""Who reaches the audit view: standalone credentials, Airflow's user, the audit role, origins."""

from __future__ import annotations

import base64
import warnings
from collections.abc import Iterator

import pytest
from fastapi import FastAPI

with warnings.catch_warnings():
    # Starlette 1.x asks for httpx2, which is not in the lock; httpx works the same here.
    warnings.filterwarnings("ignore", message=".*httpx2", category=UserWarning)
    from fastapi.testclient import TestClient
from sqlalchemy import select

from asbhub.errors import ConfigError, EnvironmentProblem
from asbhub.settings import Settings
from asbhub.store.engine import Store
from asbhub.store.models import LedgerEvent
from asbhub.web.app import airflow_app, standalone_app
from asbhub.web.auth import parse_users
from tests.web.conftest import (
    AUDIT_ROLE,
    AUDITOR,
    LOOKUP,
    OWN_PAGES,
    SERVICE_TOKEN,
    VIEWER,
    basic,
    posted_by,
)


@pytest.fixture
def client(settings: Settings, web_env: None) -> Iterator[TestClient]:
    app = standalone_app(settings)
    with TestClient(app) as c:
        yield c
    app.state.web.close()


def consultations(settings: Settings) -> list[tuple[str, str]]:
    store = Store(settings.database_url)
    try:
        with store.session() as s:
            return [
                tuple(r)
                for r in s.execute(  # type: ignore[misc]
                    select(LedgerEvent.actor, LedgerEvent.justification).where(
                        LedgerEvent.kind == "consultation"
                    )
                )
            ]
    finally:
        store.dispose()


@pytest.mark.parametrize(
    "path", ["/", "/runs/DR-20310601-ABCDEF", "/ledger", "/notices", "/lookup", "/held"]
)
def test_no_credential_is_asked_to_sign_in(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Basic")


def test_wrong_password_and_unknown_token_are_refused(client: TestClient) -> None:
    assert client.get("/", headers=basic((AUDITOR[0], "not-the-password"))).status_code == 401
    assert client.get("/", headers=basic((VIEWER[0], AUDITOR[1]))).status_code == 401
    assert client.get("/", headers={"Authorization": "Bearer nope"}).status_code == 401
    assert client.post("/lookup", data=LOOKUP, headers=OWN_PAGES).status_code == 401


def test_a_password_is_never_accepted_without_its_user_name(client: TestClient) -> None:
    """Neither as a bearer token, nor with an empty or another user's name, nor bare."""
    robot = ("robot", SERVICE_TOKEN)
    assert client.get("/", headers=basic(robot)).status_code == 200
    for header in (
        f"Bearer {SERVICE_TOKEN}",
        f"Bearer {AUDITOR[1]}",
        "Basic " + base64.b64encode(f":{AUDITOR[1]}".encode()).decode(),
        "Basic " + base64.b64encode(AUDITOR[1].encode()).decode(),
        "Basic " + base64.b64encode(f"{VIEWER[0]}:{SERVICE_TOKEN}".encode()).decode(),
    ):
        response = client.get("/", headers={"Authorization": header})
        assert response.status_code == 401, header
        assert response.headers["www-authenticate"].startswith("Basic")


def test_a_signed_in_user_sees_the_pages(client: TestClient) -> None:
    for path in ("/", "/ledger", "/notices"):
        response = client.get(path, headers=basic(VIEWER))
        assert response.status_code == 200, (path, response.text)
        assert 'href="#main"' in response.text and "Signed in as <strong>viewer" in response.text
        assert response.headers["cache-control"] == "no-store"
    assert client.get("/", headers=basic(("robot", SERVICE_TOKEN))).status_code == 200


def test_look_up_needs_the_audit_role_and_leaves_no_trace_when_refused(
    client: TestClient, settings: Settings
) -> None:
    assert client.get("/lookup", headers=basic(VIEWER)).status_code == 403
    refused = client.post("/lookup", data=LOOKUP, headers=posted_by(VIEWER))
    assert refused.status_code == 403
    assert AUDIT_ROLE in refused.text
    robot = client.post("/lookup", data=LOOKUP, headers=posted_by(("robot", SERVICE_TOKEN)))
    assert robot.status_code == 403
    assert consultations(settings) == []
    assert "Check a reference" not in client.get("/", headers=basic(VIEWER)).text


def test_a_look_up_is_logged_with_who_asked_and_why(client: TestClient, settings: Settings) -> None:
    response = client.post("/lookup", data=LOOKUP, headers=posted_by(AUDITOR))
    assert response.status_code == 200, response.text
    assert "has no record of this reference" in response.text
    assert consultations(settings) == [("auditor", LOOKUP["justification"])]


def test_a_look_up_without_justification_is_refused_and_not_logged(
    client: TestClient, settings: Settings
) -> None:
    response = client.post(
        "/lookup",
        data={"reference": LOOKUP["reference"], "justification": "  "},
        headers=posted_by(AUDITOR),
    )
    assert response.status_code == 422
    assert 'role="alert"' in response.text and "Enter why you are looking" in response.text
    assert consultations(settings) == []


def test_there_is_no_default_user(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ASBHUB_WEB_USERS", raising=False)
    with pytest.raises(EnvironmentProblem, match="no default"):
        standalone_app(settings)
    with pytest.raises(ConfigError, match="not a hash"):
        parse_users("jsmith:password:asbhub-audit")
    unsalted = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8"
    with pytest.raises(ConfigError, match="not a hash"):
        parse_users(f"jsmith:{unsalted}:asbhub-audit")


def test_password_hashes_are_salted() -> None:
    from asbhub.web.auth import Credential, password_hash

    first, second = password_hash("correct horse battery"), password_hash("correct horse battery")
    assert first != second and first.startswith("scrypt$")
    user = Credential("jsmith", first, frozenset())
    assert user.accepts("correct horse battery") and not user.accepts("correct horse batter")


# -- inside Airflow: the user comes from Airflow's auth manager ---------------------------------


@pytest.fixture
def airflow_client(
    settings: Settings, web_env: None, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[FastAPI, TestClient]]:
    monkeypatch.setenv("ASBHUB_DATABASE_URL", settings.database_url)
    monkeypatch.setenv(
        "AIRFLOW__CORE__AUTH_MANAGER",
        "airflow.api_fastapi.auth.managers.simple.simple_auth_manager.SimpleAuthManager",
    )
    from airflow.api_fastapi.app import create_auth_manager, purge_cached_app

    purge_cached_app()
    create_auth_manager()
    app = airflow_app()
    with TestClient(app, follow_redirects=False) as c:
        yield app, c
    app.state.web.close()
    app.dependency_overrides.clear()
    purge_cached_app()


def signed_in_as(app: FastAPI, role: str) -> None:
    """Stand in for Airflow's JWT check (tested by Airflow) with the user it would return."""
    from airflow.api_fastapi.auth.managers.simple.user import SimpleAuthManagerUser
    from airflow.api_fastapi.core_api.security import get_user

    app.dependency_overrides[get_user] = lambda: SimpleAuthManagerUser(username="im", role=role)


def test_in_airflow_no_session_redirects_to_airflows_login(
    airflow_client: tuple[FastAPI, TestClient],
) -> None:
    _, client = airflow_client
    response = client.get("/")
    assert response.status_code == 303
    assert "/auth/" in response.headers["location"] and "login" in response.headers["location"]
    assert client.post("/lookup", data=LOOKUP, headers=OWN_PAGES).status_code == 401
    client.cookies.set("_token", "not-a-jwt")
    assert client.get("/").status_code == 403  # Airflow refuses the token itself


def test_in_airflow_the_look_up_checks_the_users_roles(
    airflow_client: tuple[FastAPI, TestClient], settings: Settings
) -> None:
    app, client = airflow_client
    signed_in_as(app, "VIEWER")
    assert client.get("/").status_code == 200
    assert client.post("/lookup", data=LOOKUP, headers=OWN_PAGES).status_code == 403
    signed_in_as(app, AUDIT_ROLE.upper())
    assert client.post("/lookup", data=LOOKUP, headers=OWN_PAGES).status_code == 200
    assert consultations(settings) == [("im", LOOKUP["justification"])]


def test_airflow_finds_the_plugin_and_mounts_the_view_at_asbhub(
    settings: Settings, web_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASBHUB_DATABASE_URL", settings.database_url)
    from airflow import plugins_manager
    from airflow.api_fastapi.app import init_plugins

    apps, _ = plugins_manager.get_fastapi_plugins()
    assert [a["url_prefix"] for a in apps if a["name"] == "ASB hub audit view"] == ["/asbhub"]
    views, _ = plugins_manager._get_ui_plugins()
    assert {"name": "ASB audit", "href": "/asbhub/"}.items() <= next(
        v for v in views if v["name"] == "ASB audit"
    ).items()
    root = FastAPI()
    init_plugins(root)
    with TestClient(root) as client:
        response = client.get("/asbhub/")
    assert response.status_code == 401  # no Airflow session (and no login page in this process)
