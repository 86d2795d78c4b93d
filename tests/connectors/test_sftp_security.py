"""SFTP safety: the pinned host key decides, credentials are never sent to a wrong server."""

from __future__ import annotations

import json
import logging
import subprocess
from pathlib import Path

import pytest

from connectors import AuthenticationFailed, HostKeyRejected, open_transport
from connectors.errors import ConfigError
from tests.connectors.harnesses import SFTPHarness
from tests.servers import SSHServer

pytestmark = pytest.mark.sshd


def new_key(tmp_path: Path, kind: str = "ed25519") -> Path:
    key = tmp_path / f"other_{kind}"
    subprocess.run(["ssh-keygen", "-q", "-t", kind, "-N", "", "-f", str(key)], check=True)
    return key


def with_pin(harness: SFTPHarness, pin: str | None) -> SFTPHarness:
    harness.spec = harness.spec.model_copy(update={"host_key": pin})
    return harness


def test_changed_host_key_is_refused_and_not_retried(
    sshd_server: SSHServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    other = new_key(tmp_path).with_suffix(".pub").read_text()
    harness = with_pin(SFTPHarness(sshd_server), other)
    with harness.open() as transport, pytest.raises(HostKeyRejected) as refused:
        transport.list("outbox")
    message = str(refused.value)
    assert "HOST KEY MISMATCH" in message and "Refusing to connect" in message
    assert sshd_server.host_public_key.split()[0] in message
    assert "retrying" not in caplog.text


def test_unknown_host_key_is_refused_showing_the_offered_key(sshd_server: SSHServer) -> None:
    harness = with_pin(SFTPHarness(sshd_server), None)
    with harness.open() as transport, pytest.raises(HostKeyRejected) as refused:
        transport.list("outbox")
    assert "no host key is pinned" in str(refused.value)
    assert sshd_server.host_public_key in str(refused.value)  # ready to pin after confirming


def test_pin_of_another_key_type_is_refused(sshd_server: SSHServer, tmp_path: Path) -> None:
    rsa = new_key(tmp_path, "rsa").with_suffix(".pub").read_text()
    harness = with_pin(SFTPHarness(sshd_server), rsa)
    with harness.open() as transport, pytest.raises(HostKeyRejected, match="offers no ssh-rsa"):
        transport.list("outbox")


def test_pin_from_the_connection_extra_overrides_the_yaml(
    sshd_server: SSHServer, tmp_path: Path
) -> None:
    other = new_key(tmp_path).with_suffix(".pub").read_text()
    harness = SFTPHarness(sshd_server, host_key=other)
    with harness.open() as transport, pytest.raises(HostKeyRejected, match="MISMATCH"):
        transport.list("outbox")


def test_unauthorised_key_fails_once_without_retries(
    sshd_server: SSHServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    harness = SFTPHarness(sshd_server, key_file=str(new_key(tmp_path)))
    with harness.open() as transport, pytest.raises(AuthenticationFailed, match="rejected our"):
        transport.list("outbox")
    assert "retrying" not in caplog.text


def test_password_auth_needs_the_partner_to_insist(sshd_server: SSHServer) -> None:
    harness = SFTPHarness(sshd_server)
    conn = json.loads(harness.env["AIRFLOW_CONN_SFTP_PARTNER"])
    del conn["extra"]["key_file"]
    conn["password"] = "hunter2-secret"
    env = {"AIRFLOW_CONN_SFTP_PARTNER": json.dumps(conn)}
    with pytest.raises(ConfigError, match="password authentication is off") as refused:
        open_transport(harness.spec, env)
    assert "hunter2" not in str(refused.value)
    conn["extra"]["allow_password"] = True
    transport = open_transport(harness.spec, {"AIRFLOW_CONN_SFTP_PARTNER": json.dumps(conn)})
    assert "hunter2" not in repr(transport.config) + transport.config.model_dump_json()


def test_secrets_stay_out_of_errors_and_logs(
    sshd_server: SSHServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    key_text = sshd_server.private_key.read_text()
    harness = SFTPHarness(sshd_server, private_key=key_text, passphrase="wrong-passphrase-123")
    conn = json.loads(harness.env["AIRFLOW_CONN_SFTP_PARTNER"])
    del conn["extra"]["key_file"]
    env = {"AIRFLOW_CONN_SFTP_PARTNER": json.dumps(conn)}
    with open_transport(harness.spec, env) as transport:
        shown = repr(transport.config) + str(transport.config) + transport.config.model_dump_json()
        transport.list("outbox")  # an unencrypted key ignores the passphrase
    body = key_text.splitlines()[1]
    for text in (shown, caplog.text):
        assert body not in text and "wrong-passphrase-123" not in text
