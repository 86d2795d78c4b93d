"""Real servers on loopback for the tests: OpenSSH's sshd (as a partner's SFTP) and moto's S3.

Registered from tests/conftest.py (`pytest_plugins`), so any test folder can use
`sshd_server` and `s3_server`. Each is started once per session and stopped at its end.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from asbhub.demo.peers import SSHD, S3Endpoint, S3Server, SSHServer, free_port

__all__ = ["S3Server", "SSHServer", "free_port"]


@pytest.fixture(scope="session")
def sshd_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SSHServer]:
    """OpenSSH sshd on a free loopback port; fails (never skips) when sshd is missing."""
    if not SSHD.exists():
        pytest.fail(f"{SSHD} is missing: run `make setup` (installs openssh-server)")
    server = SSHServer(workdir=tmp_path_factory.mktemp("sshd"))
    server.prepare()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def s3_server() -> Iterator[S3Server]:
    """moto's S3 server (ThreadedMotoServer) on a free loopback port."""
    endpoint = S3Endpoint()
    try:
        yield endpoint.start()
    finally:
        endpoint.stop()
