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

from asbhub import settings
from asbhub.errors import ConfigError, EnvironmentProblem
from asbhub.web.throttle import HashingBusy, LoginGuard

USERS_ENV = "ASBHUB_WEB_USERS"
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
    raw = settings.options(environ).audit_role or DEFAULT_AUDIT_ROLE
    return frozenset(r.strip() for r in raw.split(",") if r.strip())


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def password_hash(secret: str, salt: bytes | None = None) -> str:
    """What ASBHUB_WEB_USERS holds for a password: `scrypt$<salt>$<hash>`."""
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


class CredentialBook:
    """The users of `asbhub serve`, checked so that every attempt costs exactly one hash: an
    unknown name is hashed against a stand-in, so the time taken never says which names exist,
    and a right password takes as long as a wrong one."""

    def __init__(self, users: Iterable[Credential]) -> None:
        self._users = list(users)
        # Never matches: random salt and digest, no password hashes to it (in practice).
        self._stand_in = Credential(
            "", f"scrypt${_b64(os.urandom(16))}${_b64(os.urandom(32))}", frozenset()
        )

    def check(self, name: str, password: str) -> Credential | None:
        """The user named `name` if `password` is theirs; a name is always needed."""
        wanted = name.encode("utf-8")
        match = None
        for user in self._users:  # every name compared, no early exit
            if hmac.compare_digest(user.name.encode("utf-8"), wanted):
                match = user
        accepted = (match or self._stand_in).accepts(password)
        return match if accepted and match is not None else None


def standalone_authenticator(users: list[Credential], guard: LoginGuard) -> Authenticate:
    """HTTP Basic (user name and password) checked against the hashes, with sign-in failures
    throttled per user name and per client, and hashing within the guard's budget."""
    book = CredentialBook(users)

    async def authenticate(request: Request) -> WebUser:
        client = request.client.host if request.client else "-"
        header = request.headers.get("authorization")
        credentials = _basic(header) if header else None
        if credentials is None:
            if header:  # a malformed or non-Basic credential is a failed attempt too
                _refuse_if_throttled(guard, None, client)
                guard.failed(None, client)
            raise _sign_in_needed()
        name, password = credentials
        _refuse_if_throttled(guard, name, client)
        try:
            found = await guard.hashing.run(lambda: book.check(name, password))
        except HashingBusy as exc:
            raise HTTPException(
                status.HTTP_503_SERVICE_UNAVAILABLE,
                "the audit view is busy checking other sign-ins; try again in a moment",
                headers={"Retry-After": "1"},
            ) from exc
        if found is None:
            guard.failed(name, client)
            raise _sign_in_needed()
        guard.succeeded(name)
        user = WebUser(found.name, found.roles)
        request.state.asbhub_user = user
        return user

    return authenticate


def _sign_in_needed() -> HTTPException:
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED,
        "sign in with your audit view user name and password",
        headers={"WWW-Authenticate": REALM},
    )


def _refuse_if_throttled(guard: LoginGuard, name: str | None, client: str) -> None:
    wait = guard.retry_after(name, client)
    if wait > 0:
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            f"too many failed sign-ins; try again in {wait} seconds",
            headers={"Retry-After": str(wait)},
        )


def _basic(header: str) -> tuple[str, str] | None:
    """(name, password) from `Authorization: Basic ...`; None for anything else (a bearer
    token, a password alone, bad base64)."""
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    name, colon, password = decoded.partition(":")
    return (name, password) if colon else None


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
            f"this page shows or looks up police references and needs the role "
            f"{' or '.join(sorted(roles))}; ask the hub's administrator to grant it",
        )
    return user
