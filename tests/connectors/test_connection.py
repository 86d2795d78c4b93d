"""Connections as Airflow writes them (URI or JSON), the secrets inside them, and import cost."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from connectors import TransportSpec, open_transport, parse_connection
from connectors.connection import lookup_connection
from connectors.errors import ConfigError

SFTP_SPEC = TransportSpec(
    type="sftp", connection_id="acme_sftp", folders={"inbox": "in", "outbox": "out"}
)


def test_uri_form_with_encoded_secret_and_extras() -> None:
    conn = parse_connection(
        "acme_sftp",
        "sftp://hub%40asb:p%2Fss%3Aword@sftp.acme.example:2222/"
        "?key_file=%2Fkeys%2Facme&timeout=12&allow_password=true",
    )
    assert (conn.conn_type, conn.host, conn.port, conn.login) == (
        "sftp",
        "sftp.acme.example",
        2222,
        "hub@asb",
    )
    assert conn.password is not None and conn.password.get_secret_value() == "p/ss:word"
    assert conn.extra == {"key_file": "/keys/acme", "timeout": 12, "allow_password": True}
    assert "p/ss" not in repr(conn)


def test_uri_form_with_whole_extra_and_json_form_agree() -> None:
    extra = {"bucket": "acme-drop", "endpoint_url": "http://127.0.0.1:9000", "sse": "AES256"}
    from urllib.parse import quote

    uri = parse_connection("acme_s3", f"aws://KEY:SECRET@/?__extra__={quote(json.dumps(extra))}")
    as_json = parse_connection(
        "acme_s3",
        json.dumps({"conn_type": "aws", "login": "KEY", "password": "SECRET", "extra": extra}),
    )
    assert uri.extra == as_json.extra == extra
    assert uri.login == as_json.login == "KEY"


def test_file_uri_names_the_root_folder() -> None:
    assert (
        parse_connection("acme_local", "file:///srv/partners/acme").schema == "/srv/partners/acme"
    )


def test_broken_connection_never_echoes_its_value() -> None:
    with pytest.raises(ConfigError) as refused:
        parse_connection("acme_sftp", '{"conn_type": "sftp", "password": "s3cr3t-value"')
    assert "s3cr3t" not in str(refused.value) and "AIRFLOW_CONN_ACME_SFTP" in str(refused.value)


def test_missing_connection_names_the_variable() -> None:
    with pytest.raises(ConfigError, match="AIRFLOW_CONN_ACME_SFTP"):
        lookup_connection("acme_sftp", {})


def test_config_problems_come_back_together_without_values() -> None:
    env = {"AIRFLOW_CONN_ACME_SFTP": json.dumps({"conn_type": "sftp", "password": "s3cr3t"})}
    with pytest.raises(ConfigError) as refused:
        open_transport(SFTP_SPEC, env)
    problems = refused.value.problems
    assert any("host" in p for p in problems) and any("username" in p for p in problems)
    assert "s3cr3t" not in str(refused.value)


def test_wrong_connection_type_is_named() -> None:
    env = {"AIRFLOW_CONN_ACME_SFTP": "aws://KEY:SECRET@"}
    with pytest.raises(ConfigError, match="type 'aws'"):
        open_transport(SFTP_SPEC, env)


def test_importing_connectors_stays_cheap() -> None:
    code = (
        "import sys, connectors, connectors.sftp, connectors.s3, connectors.local, "
        "connectors.connectivity\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('paramiko', 'boto3', 'botocore', 'airflow'))\n"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
