"""The SFTP transport passes the conformance suite against OpenSSH's sshd."""

from __future__ import annotations

import pytest

from tests.connectors.conformance import TransportConformance
from tests.connectors.harnesses import Harness, SFTPHarness
from tests.servers import SSHServer


@pytest.mark.sshd
class TestSFTPTransport(TransportConformance):
    @pytest.fixture
    def harness(self, sshd_server: SSHServer) -> Harness:
        return SFTPHarness(sshd_server)
