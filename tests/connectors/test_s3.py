"""The S3 transport passes the conformance suite against moto's S3 server on loopback."""

from __future__ import annotations

import pytest

from tests.connectors.conformance import TransportConformance
from tests.connectors.harnesses import Harness, S3Harness
from tests.servers import S3Server


class TestS3Transport(TransportConformance):
    @pytest.fixture
    def harness(self, s3_server: S3Server) -> Harness:
        return S3Harness(s3_server)
