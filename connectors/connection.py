"""Airflow connections for transports: from a running Airflow, or `AIRFLOW_CONN_<ID>` outside it."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from pydantic import SecretStr

from asbhub.settings import environment
from connectors.errors import ConfigError


@dataclass(frozen=True)
class Connection:
    """The fields of an Airflow connection a transport reads; the password stays a SecretStr."""

    conn_id: str
    conn_type: str
    host: str | None = None
    port: int | None = None
    login: str | None = None
    password: SecretStr | None = None
    schema: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def __repr__(self) -> str:  # the dataclass default would show extra, which may hold a key
        return f"Connection({self.conn_id!r}, type={self.conn_type!r}, host={self.host!r})"


def env_var_name(conn_id: str) -> str:
    return f"AIRFLOW_CONN_{conn_id.upper()}"


def lookup_connection(conn_id: str, environ: Mapping[str, str] | None = None) -> Connection:
    """The connection `conn_id`: Airflow's own lookup inside a running task, else the environment.

    Airflow itself reads `AIRFLOW_CONN_<ID>` too, so a partner configured once works in both.
    """
    environ = environment() if environ is None else environ
    value = environ.get(env_var_name(conn_id))
    if value is not None:
        return parse_connection(conn_id, value)
    if _inside_airflow_task():
        return _from_airflow(conn_id)
    raise ConfigError(
        f"connection {conn_id!r} is not configured: set {env_var_name(conn_id)} "
        "(a URI such as sftp://user@host:22 or Airflow's JSON form) or add it in Airflow"
    )


def parse_connection(conn_id: str, value: str) -> Connection:
    """Parse a connection in either form Airflow accepts: JSON (starts with '{') or URI.

    Errors never echo the value: it may carry a password.
    """
    value = value.strip()
    try:
        return _from_json(conn_id, value) if value.startswith("{") else _from_uri(conn_id, value)
    except (ValueError, TypeError, KeyError) as exc:
        kind = "JSON" if value.startswith("{") else "URI"
        raise ConfigError(
            f"{env_var_name(conn_id)} is not a valid Airflow connection {kind} "
            f"({type(exc).__name__}); value not shown because it may hold a secret"
        ) from None


def _normalise_type(conn_type: str) -> str:
    return "postgres" if conn_type == "postgresql" else conn_type.replace("-", "_")


def _from_uri(conn_id: str, uri: str) -> Connection:
    # Airflow's rules: scheme = conn type, path = schema, query = extras (values JSON-decoded
    # when they parse) unless one `__extra__` parameter carries the whole JSON object.
    parts = urlsplit(uri)
    if not parts.scheme:
        raise ValueError("no scheme")
    extra: dict[str, Any] = {}
    if parts.query:
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        if "__extra__" in query:
            extra = json.loads(query["__extra__"])
        else:
            for key, raw in query.items():
                try:
                    extra[key] = json.loads(raw) if raw else raw
                except json.JSONDecodeError:
                    extra[key] = raw
    path = parts.path[1:] if parts.path.startswith("/") else parts.path
    host = unquote(parts.hostname or "") or None
    if parts.scheme == "file" and not host:
        path = parts.path  # file:///abs/path: the schema is the absolute root
    return Connection(
        conn_id=conn_id,
        conn_type=_normalise_type(parts.scheme),
        host=host,
        port=parts.port,
        login=unquote(parts.username) if parts.username else None,
        password=SecretStr(unquote(parts.password)) if parts.password else None,
        schema=unquote(path) if path else None,
        extra=extra,
    )


def _from_json(conn_id: str, text: str) -> Connection:
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("not an object")
    extra = data.get("extra") or {}
    if isinstance(extra, str):
        extra = json.loads(extra)
    port = data.get("port")
    password = data.get("password")
    return Connection(
        conn_id=conn_id,
        conn_type=_normalise_type(str(data.get("conn_type") or "")),
        host=data.get("host") or None,
        port=int(port) if port not in (None, "") else None,
        login=data.get("login") or None,
        password=SecretStr(password) if password else None,
        schema=data.get("schema") or None,
        extra=dict(extra),
    )


def _inside_airflow_task() -> bool:
    # The Task SDK sets SUPERVISOR_COMMS in a running task; Airflow's own models check the same.
    runner = sys.modules.get("airflow.sdk.execution_time.task_runner")
    return runner is not None and hasattr(runner, "SUPERVISOR_COMMS")


def _from_airflow(conn_id: str) -> Connection:
    from airflow.sdk import BaseHook

    conn = BaseHook.get_connection(conn_id)
    return Connection(
        conn_id=conn_id,
        conn_type=_normalise_type(conn.conn_type or ""),
        host=conn.host or None,
        port=conn.port,
        login=conn.login or None,
        password=SecretStr(conn.password) if conn.password else None,
        schema=conn.schema or None,
        extra=dict(conn.extra_dejson),
    )
