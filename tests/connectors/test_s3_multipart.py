"""S3 multipart: parts with their SHA-256s, a crash mid-upload resumed by a new process from the
record in the store, failures that abort, and stale uploads swept; against moto's S3."""

from __future__ import annotations

import base64
import hashlib
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from botocore.exceptions import ClientError, EndpointConnectionError

from connectors import Transport, TransportError
from connectors.models import Proof
from connectors.s3_multipart import MAX_PARTS, MiB, composite_sha256, part_size_for
from tests.connectors.conformance import write
from tests.connectors.harnesses import S3Harness
from tests.servers import S3Server

PARTS = {"multipart_threshold": 5 * MiB, "part_size": 5 * MiB}
SIZE = 4 * 5 * MiB + 12345  # five parts, the last short


class Crash(BaseException):
    """The worker dies: no clean-up code runs (a BaseException passes every `except Exception`)."""


def on_part(transport: Transport, action: Any) -> list[int]:
    """Call `action(n)` before each UploadPart request (n from 1); return the part numbers sent."""
    sent: list[int] = []

    def hook(params: dict[str, Any], **_: Any) -> None:
        sent.append(params["PartNumber"])
        action(len(sent))

    transport.client.meta.events.register("before-parameter-build.s3.UploadPart", hook)  # type: ignore[attr-defined]
    return sent


def uploads(harness: S3Harness) -> list[dict[str, Any]]:
    return harness.s3.list_multipart_uploads(Bucket=harness.bucket).get("Uploads", [])


def test_a_large_file_goes_in_parts_each_with_its_sha256(
    s3_server: S3Server, tmp_path: Path
) -> None:
    harness = S3Harness(s3_server, **PARTS)
    source = tmp_path / "feed.bin"
    sha = write(source, SIZE)
    with harness.open() as transport:
        sent = on_part(transport, lambda n: None)
        result = transport.put("inbox", "feed.bin", source)
        assert transport.get("inbox", "feed.bin", tmp_path / "back.bin") == sha
    assert (result.sha256, result.proof) == (sha, Proof.STORE_SHA256)
    assert sorted(sent) == [1, 2, 3, 4, 5]
    head = harness.s3.head_object(
        Bucket=harness.bucket, Key=harness.key("inbox", "feed.bin"), ChecksumMode="ENABLED"
    )
    assert head["Metadata"]["sha256"] == sha  # the whole file's, checked again on every get
    assert head["ServerSideEncryption"] == "AES256"
    data = source.read_bytes()
    parts = [data[i : i + 5 * MiB] for i in range(0, SIZE, 5 * MiB)]
    checksums = [base64.b64encode(hashlib.sha256(p).digest()).decode() for p in parts]
    assert head["ChecksumSHA256"].split("-")[0] == composite_sha256(checksums)
    assert harness.raw_names("inbox") == {"feed.bin"} and uploads(harness) == []


def test_a_crash_after_two_parts_is_resumed_by_a_new_process_sending_only_the_rest(
    s3_server: S3Server, tmp_path: Path
) -> None:
    harness = S3Harness(s3_server, concurrency=1, **PARTS)
    source = tmp_path / "feed.bin"
    sha = write(source, SIZE, seed=4)

    def crash_on_third(n: int) -> None:
        if n == 3:
            raise Crash

    with harness.open() as transport:
        on_part(transport, crash_on_third)
        with pytest.raises(Crash):
            transport.put("inbox", "feed.bin", source)
    names = harness.raw_names("inbox")
    assert "feed.bin" not in names  # nothing under the final name
    [record] = names  # the resume record, under one of the hub's temporary names
    assert record.startswith(".feed.bin.") and record.endswith(".part")
    assert len(uploads(harness)) == 1

    with harness.open() as transport:  # a new transport, as after a restart
        sent = on_part(transport, lambda n: None)
        result = transport.put("inbox", "feed.bin", source)
    assert sorted(sent) == [3, 4, 5]  # parts 1 and 2 were already in S3
    assert result.sha256 == sha
    assert hashlib.sha256(harness.read_raw("inbox", "feed.bin") or b"").hexdigest() == sha
    assert harness.raw_names("inbox") == {"feed.bin"} and uploads(harness) == []


def test_a_dropped_connection_mid_upload_is_retried_from_the_parts_already_sent(
    s3_server: S3Server, tmp_path: Path
) -> None:
    harness = S3Harness(s3_server, concurrency=1, **PARTS)
    source = tmp_path / "feed.bin"
    sha = write(source, SIZE, seed=5)

    def drop_once_on_fourth(n: int) -> None:
        if n == 4:
            raise EndpointConnectionError(endpoint_url=s3_server.endpoint_url)

    with harness.open() as transport:
        sent = on_part(transport, drop_once_on_fourth)
        assert transport.put("inbox", "feed.bin", source).sha256 == sha
    # The retry's new client has no hook: only the first attempt's parts are counted.
    assert sent == [1, 2, 3, 4]
    assert hashlib.sha256(harness.read_raw("inbox", "feed.bin") or b"").hexdigest() == sha
    assert harness.raw_names("inbox") == {"feed.bin"} and uploads(harness) == []


def test_a_refused_part_aborts_the_upload_and_removes_its_record(
    s3_server: S3Server, tmp_path: Path
) -> None:
    harness = S3Harness(s3_server, **PARTS)
    source = tmp_path / "feed.bin"
    write(source, SIZE)

    def refuse_second(n: int) -> None:
        if n == 2:
            error = {"Error": {"Code": "AccessDenied", "Message": "no"}}
            raise ClientError(error, "UploadPart")  # type: ignore[arg-type]

    with harness.open() as transport:
        on_part(transport, refuse_second)
        with pytest.raises(TransportError, match="AccessDenied"):
            transport.put("inbox", "feed.bin", source)
    assert harness.raw_names("inbox") == set() and uploads(harness) == []


def test_sweeping_a_stale_record_aborts_the_upload_it_names(
    s3_server: S3Server, tmp_path: Path
) -> None:
    harness = S3Harness(s3_server, concurrency=1, **PARTS)
    source = tmp_path / "feed.bin"
    write(source, SIZE)

    def crash(n: int) -> None:
        if n == 2:
            raise Crash

    with harness.open() as transport:
        on_part(transport, crash)
        with pytest.raises(Crash):
            transport.put("inbox", "feed.bin", source)
    [record] = harness.raw_names("inbox")
    assert len(uploads(harness)) == 1
    with harness.open() as transport:
        assert transport.sweep_stale_temps("inbox", timedelta(hours=1)) == []  # young: resumable
        assert transport.sweep_stale_temps("inbox", timedelta(0)) == [record]
    assert harness.raw_names("inbox") == set() and uploads(harness) == []


def test_a_changed_file_does_not_resume_an_upload_of_its_earlier_contents(
    s3_server: S3Server, tmp_path: Path
) -> None:
    harness = S3Harness(s3_server, concurrency=1, **PARTS)
    source = tmp_path / "feed.bin"
    write(source, SIZE, seed=6)

    def crash(n: int) -> None:
        if n == 3:
            raise Crash

    with harness.open() as transport:
        on_part(transport, crash)
        with pytest.raises(Crash):
            transport.put("inbox", "feed.bin", source)
    sha = write(source, SIZE, seed=7)  # regenerated before the retry
    with harness.open() as transport:
        sent = on_part(transport, lambda n: None)
        assert transport.put("inbox", "feed.bin", source).sha256 == sha
    assert sorted(sent) == [1, 2, 3, 4, 5]
    assert hashlib.sha256(harness.read_raw("inbox", "feed.bin") or b"").hexdigest() == sha


@pytest.mark.parametrize("size", [0, 5 * MiB, 80 * 1024**3, 5 * 1024**4])
def test_parts_never_exceed_s3s_ten_thousand(size: int) -> None:
    part = part_size_for(size, 8 * MiB)
    assert part >= 8 * MiB and part % MiB == 0 and -(-size // part) <= MAX_PARTS


@pytest.mark.parametrize("concurrency", [1, 2])
def test_parts_read_into_reused_buffers_carry_their_own_bytes(
    s3_server: S3Server, tmp_path: Path, concurrency: int
) -> None:
    harness = S3Harness(s3_server, **PARTS, concurrency=concurrency)  # a buffer serves many parts
    source = tmp_path / "feed.bin"
    sha = write(source, SIZE, seed=7)
    with harness.open() as transport:
        transport.put("inbox", "feed.bin", source)
        assert transport.get("inbox", "feed.bin", tmp_path / "back.bin") == sha
    head = harness.s3.head_object(
        Bucket=harness.bucket, Key=harness.key("inbox", "feed.bin"), ChecksumMode="ENABLED"
    )
    data = source.read_bytes()
    parts = [data[i : i + 5 * MiB] for i in range(0, SIZE, 5 * MiB)]
    checksums = [base64.b64encode(hashlib.sha256(p).digest()).decode() for p in parts]
    assert head["ChecksumSHA256"].split("-")[0] == composite_sha256(checksums)


def test_a_file_that_shrinks_while_it_is_sent_aborts_the_upload(
    s3_server: S3Server, tmp_path: Path
) -> None:
    harness = S3Harness(s3_server, **PARTS, concurrency=1)
    source = tmp_path / "feed.bin"
    write(source, SIZE)

    def shrink_on_second(n: int) -> None:
        if n == 2:
            with source.open("r+b") as fh:
                fh.truncate(3 * 5 * MiB)

    with harness.open() as transport:
        on_part(transport, shrink_on_second)
        with pytest.raises(TransportError, match="shrank"):
            transport.put("inbox", "feed.bin", source)
    assert harness.raw_names("inbox") == set() and uploads(harness) == []
