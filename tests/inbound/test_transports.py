"""The whole corpus through each real transport (OpenSSH sshd, moto's S3), one
run per round with every case's file in the outbox together; SQLite only, to keep CI short.
Unsafe names planted on the server are reported, never read, and never crash the run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from asbhub.pipeline.inbound.run import run_inbound
from asbhub.pipeline.rejection import display_name, name_sha256, report_name
from tests.connectors.harnesses import Harness, LocalHarness, S3Harness, SFTPHarness
from tests.inbound.cases import CASES
from tests.inbound.checks import check_step, file_in, send
from tests.inbound.conftest import HubFactory
from tests.inbound.world import PARTNER, build_world


def harness_for(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> Harness:
    if kind == "sftp":
        return SFTPHarness(request.getfixturevalue("sshd_server"))
    if kind == "s3":
        return S3Harness(request.getfixturevalue("s3_server"))
    return LocalHarness(tmp_path)


@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("kind", ["sftp", "s3"])  # local: test_corpus.py, on both stores
def test_the_corpus_through_the_transport(
    kind: str, make_hub: HubFactory, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    harness = harness_for(kind, tmp_path, request)
    hub = make_hub(harness)
    worlds = {case.id: build_world(hub, case.id.replace("_", "-")) for case in CASES}
    for round_no in range(max(len(case.steps) for case in CASES)):
        sent = {
            case.id: send(harness, worlds[case.id], case, case.steps[round_no])
            for case in CASES
            if round_no < len(case.steps)
        }
        result = run_inbound(hub, [PARTNER])
        for case in CASES:
            if case.id in sent:
                got = file_in(result, sent[case.id])
                check_step(hub, harness, case, case.steps[round_no], got)
        assert not harness.raw_names("outbox"), "every readable file leaves the outbox"

    hostile = harness.hostile_names
    for name in hostile:
        harness.write_raw("outbox", name, b"outcome_id,referral_id\n")
    result = run_inbound(hub, [PARTNER])
    (partner,) = result.partners
    assert partner.status == "ok", partner.reason
    for name in hostile:
        got = file_in(result, display_name(name))
        assert (got.status, got.reason, got.rows_in) == ("rejected", "unsafe_name", 0)
        report = harness.read_raw("inbox", report_name(name, name_sha256(name)))
        assert report is not None
        assert json.loads(report)["problems"][0]["reason"].startswith("the file name is not safe")
    again = run_inbound(hub, [PARTNER])
    assert {f.status for f in again.partners[0].files} == {"already_received"}
    assert len(again.partners[0].files) == len(hostile)
