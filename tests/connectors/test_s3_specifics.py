"""S3 specifics: server-side encryption, SHA-256 checked on get, batched deletes, retries."""

from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path

import pytest

from connectors import IntegrityError, TransientTransportError
from tests.connectors.harnesses import S3Harness
from tests.servers import S3Server, free_port


def test_uploads_are_encrypted_and_carry_sha256(s3_server: S3Server, tmp_path: Path) -> None:
    harness = S3Harness(s3_server)
    source = tmp_path / "feed.csv"
    source.write_bytes(b"id,name\n1,synthetic\n")
    with harness.open() as transport:
        result = transport.put("inbox", "feed.csv", source)
    head = harness.s3.head_object(
        Bucket=harness.bucket, Key=harness.key("inbox", "feed.csv"), ChecksumMode="ENABLED"
    )
    assert head["ServerSideEncryption"] == "AES256"
    assert base64.b64decode(head["ChecksumSHA256"]).hex() == result.sha256


def test_get_refuses_bytes_that_do_not_match_the_stored_sha256(
    s3_server: S3Server, tmp_path: Path
) -> None:
    harness = S3Harness(s3_server)
    wrong = base64.b64encode(hashlib.sha256(b"something else").digest()).decode()
    harness.s3.put_object(  # moto stores the checksum it is given; real S3 would refuse it
        Bucket=harness.bucket,
        Key=harness.key("outbox", "outcome.csv"),
        Body=b"id,status\n",
        ChecksumAlgorithm="SHA256",
        ChecksumSHA256=wrong,
    )
    with harness.open() as transport, pytest.raises(IntegrityError, match="SHA-256"):
        transport.get("outbox", "outcome.csv", tmp_path / "outcome.csv")
    assert os.listdir(tmp_path) == []


@pytest.mark.slow
def test_deletes_are_batched_a_thousand_keys_a_call(s3_server: S3Server) -> None:
    harness = S3Harness(s3_server)
    names = [f"f{i:04d}.csv" for i in range(1001)]
    for name in names:
        harness.write_raw("outbox", name, b"x")
    calls: list[int] = []
    with harness.open() as transport:
        transport.client.meta.events.register(
            "before-parameter-build.s3.DeleteObjects",
            lambda params, **_: calls.append(len(params["Delete"]["Objects"])),
        )
        transport.delete("outbox", names)
    assert calls == [1000, 1]
    assert harness.raw_names("outbox") == set()


def test_unreachable_endpoint_is_retried_then_reported(s3_server: S3Server, tmp_path: Path) -> None:
    harness = S3Harness(s3_server)
    dead = f"http://127.0.0.1:{free_port()}"
    harness.env["AIRFLOW_CONN_S3_PARTNER"] = harness.env["AIRFLOW_CONN_S3_PARTNER"].replace(
        s3_server.endpoint_url, dead
    )
    with harness.open() as transport, pytest.raises(TransientTransportError, match="4 attempts"):
        transport.list("outbox")
