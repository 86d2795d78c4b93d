"""Who is asking: Airflow's auth manager inside Airflow, ASBHUB_WEB_USERS when run on its own."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import re
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from fastapi import Depends, HTTPException, Request, status

from asbhub.errors import ConfigError, EnvironmentProblem

USERS_ENV = "ASBHUB_WEB_USERS"
AUDIT_ROLE_ENV = "ASBHUB_AUDIT_ROLE"
# Nobody holds this role until the deployment grants it (an Airflow/FAB role, or a role in
# ASBHUB_WEB_USERS): reference look-ups are refused by default.
DEFAULT_AUDIT_ROLE = "asbhub-audit"
REALM = 'Basic realm="asbhub audit view", charset="UTF-8"'
# A salted, memory-hard hash (scrypt, as in the standard library): a leaked ASBHUB_WEB_USERS
# does not give the passwords away to a fast guessing attack.
_SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}
_HASHED = re.compile(r"^scrypt\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$")


@dataclass(frozen=True)
class WebUser:
    name: str
    roles: frozenset[str]

    def has_any(self, roles: Iterable[str]) -> bool:
        mine = {r.casefold() for r in self.roles}
        return any(r.casefold() in mine for r in roles)


Authenticate = Callable[..., Awaitable[WebUser]]


def audit_roles(environ: Mapping[str, str] | None = None) -> frozenset[str]:
    """The roles allowed to look up a reference: $ASBHUB_AUDIT_ROLE, comma-separated."""
    env = os.environ if environ is None else environ
    raw = env.get(AUDIT_ROLE_ENV) or DEFAULT_AUDIT_ROLE
    return frozenset(r.strip() for r in raw.split(",") if r.strip())


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def password_hash(secret: str, salt: bytes | None = None) -> str:
    """What ASBHUB_WEB_USERS holds for a password or bearer token: `scrypt$<salt>$<hash>`."""
    salt = salt if salt is not None else os.urandom(16)
    digest = hashlib.scrypt(secret.encode("utf-8"), salt=salt, **_SCRYPT)
    return f"scrypt${_b64(salt)}${_b64(digest)}"


@dataclass(frozen=True)
class Credential:
    name: str
    hashed: str
    roles: frozenset[str]

    def accepts(self, secret: str) -> bool:
        _, salt, _ = self.hashed.split("$")
        return hmac.compare_digest(self.hashed, password_hash(secret, _unb64(salt)))


def parse_users(raw: str | None) -> list[Credential]:
    """`name:scrypt$salt$hash:role1,role2` entries separated by spaces, newlines or `;`."""
    if not raw or not raw.strip():
        raise EnvironmentProblem(
            f"no users for the audit view: set {USERS_ENV} to entries like "
            "'jsmith:<hash>:asbhub-audit' (there is no default password); "
            "`asbhub serve --hash-password` prints the hash of a password you type"
        )
    users: list[Credential] = []
    problems: list[str] = []
    for n, entry in enumerate(re.split(r"[\s;]+", raw.strip()), start=1):
        parts = entry.split(":")
        if len(parts) != 3 or not parts[0]:
            problems.append(f"{USERS_ENV} entry {n}: expected name:scrypt$salt$hash:roles")
            continue
        name, digest, roles = parts
        if not _HASHED.match(digest):
            problems.append(
                f"{USERS_ENV} entry {n} ({name}): not a hash from `asbhub serve --hash-password`"
            )
            continue
        users.append(Credential(name, digest, frozenset(r for r in roles.split(",") if r)))
    if problems:
        raise ConfigError(problems)
    return users


def standalone_authenticator(users: list[Credential]) -> Authenticate:
    """Basic (name + password) or Bearer (token) credentials checked against the hashes."""

    async def authenticate(request: Request) -> WebUser:
        header = request.headers.get("authorization", "")
        scheme, _, value = header.partition(" ")
        found: Credential | None = None
        if scheme.lower() == "basic":
            found = _basic(users, value.strip())
        elif scheme.lower() == "bearer":
            token = value.strip()
            found = next((u for u in users if u.accepts(token)), None)
        if found is None:
            raise HTTPException(
                status.HTTP_401_UNAUTHORIZED,
                "sign in with your audit view account",
                headers={"WWW-Authenticate": REALM},
            )
        user = WebUser(found.name, found.roles)
        request.state.asbhub_user = user
        return user

    return authenticate


def _basic(users: list[Credential], value: str) -> Credential | None:
    try:
        name, _, password = base64.b64decode(value, validate=True).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    match = None
    for user in users:
        # Hash against every user, so the time taken does not say which names exist.
        if user.accepts(password) and hmac.compare_digest(user.name, name):
            match = user
    return match


def airflow_authenticator() -> Authenticate:
    """The user Airflow's auth manager resolves from its JWT cookie or bearer token."""
    from airflow.api_fastapi.core_api.security import get_user

    # Imported here, not at module level, so Airflow's workers never load the API stack;
    # hence Depends() in the default rather than an Annotated alias.
    async def authenticate(request: Request, user: Any = Depends(get_user)) -> WebUser:  # noqa: B008
        web_user = WebUser(str(user.get_name()), frozenset(airflow_roles(user)))
        request.state.asbhub_user = web_user
        return web_user

    return authenticate


def airflow_roles(user: Any) -> set[str]:
    """Role names of an Airflow user: the simple auth manager's one role, FAB's list."""
    roles: set[str] = set()
    role = getattr(user, "role", None)
    if isinstance(role, str) and role:
        roles.add(role)
    for item in getattr(user, "roles", None) or []:
        roles.add(str(getattr(item, "name", item)))
    return roles


def airflow_login_url(next_url: str) -> str | None:
    """Where Airflow's auth manager signs people in, or None outside a running API server."""
    from airflow.api_fastapi.app import get_auth_manager

    try:
        return str(get_auth_manager().get_url_login(next_url=next_url))
    except RuntimeError:  # no auth manager initialised in this process
        return None


def current_user(request: Request) -> WebUser:
    """The user the router's auth dependency resolved for this request."""
    user = getattr(request.state, "asbhub_user", None)
    if not isinstance(user, WebUser):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "not signed in")
    return user


def require_audit_role(request: Request) -> WebUser:
    user = current_user(request)
    roles: frozenset[str] = request.app.state.web.audit_roles
    if not user.has_any(roles):
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            f"looking up a reference needs the role {' or '.join(sorted(roles))}; "
            "ask the hub's administrator to grant it",
        )
    return user
