"""How an SFTP upload proves what landed: the server's own SHA-256 where the partner declares a
command (or the server offers check-file), else a re-read; a digest that differs is refused."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import paramiko
import pytest

from connectors import IntegrityError, TransportSpec
from connectors.models import Proof
from connectors.sftp_session import DIGEST_COMMANDS, ServerDigest, Session
from tests.connectors.conformance import write
from tests.connectors.harnesses import SFTPHarness
from tests.servers import SSHServer

pytestmark = pytest.mark.sshd


def declaring(harness: SFTPHarness, command: str | None) -> SFTPHarness:
    harness.spec = harness.spec.model_copy(update={"server_sha256": command})
    return harness


@pytest.mark.parametrize(
    ("command", "verify", "proof"),
    [
        (None, None, Proof.REREAD_SHA256),
        ("sha256sum", None, Proof.SERVER_SHA256),
        ("openssl", None, Proof.SERVER_SHA256),
        ("openssl", "reread", Proof.REREAD_SHA256),
        (None, "size", Proof.SIZE),
    ],
)
def test_an_upload_says_how_it_was_proved(
    sshd_server: SSHServer, tmp_path: Path, command: str | None, verify: str | None, proof: Proof
) -> None:
    extra: dict[str, object] = {"verify": verify} if verify else {}
    harness = declaring(SFTPHarness(sshd_server, exec_digest_from=0, **extra), command)
    source = tmp_path / "feed.csv"
    sha = write(source, 2 * 1024 * 1024 + 5)
    with harness.open() as transport:
        result = transport.put("inbox", "feed.csv", source)
    assert (result.sha256, result.proof) == (sha, proof)
    assert hashlib.sha256(harness.path("inbox", "feed.csv").read_bytes()).hexdigest() == sha
    assert harness.raw_names("inbox") == {"feed.csv"}


def test_a_server_digest_that_differs_is_refused_and_nothing_is_renamed(
    sshd_server: SSHServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    harness = declaring(SFTPHarness(sshd_server, exec_digest_from=0), "sha256sum")
    source = tmp_path / "feed.csv"
    write(source, 100_000)
    monkeypatch.setattr(ServerDigest, "result", lambda *args: "0" * 64)
    with harness.open() as transport, pytest.raises(IntegrityError, match="stored copy differs"):
        transport.put("inbox", "feed.csv", source)
    assert harness.raw_names("inbox") == set()  # neither the final name nor the temporary one


def test_a_declared_command_that_fails_falls_back_to_reading_back(
    sshd_server: SSHServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    harness = declaring(SFTPHarness(sshd_server, exec_digest_from=0), "sha256sum")
    monkeypatch.setitem(DIGEST_COMMANDS, "sha256sum", "no-such-command-on-this-server")
    source = tmp_path / "feed.csv"
    sha = write(source, 70_000)
    with harness.open() as transport:
        result = transport.put("inbox", "feed.csv", source)
    assert (result.sha256, result.proof) == (sha, Proof.REREAD_SHA256)


def test_a_name_with_shell_characters_reaches_the_digest_command_quoted(
    sshd_server: SSHServer, tmp_path: Path
) -> None:
    harness = declaring(SFTPHarness(sshd_server, exec_digest_from=0), "sha256sum")
    source = tmp_path / "x.csv"
    sha = write(source, 10_000)
    name = "feed $(touch pwned); 'x'.csv"
    with harness.open() as transport:
        result = transport.put("inbox", name, source)
    assert (result.sha256, result.proof) == (sha, Proof.SERVER_SHA256)
    assert harness.raw_names("inbox") == {name}
    assert not (harness.base / "pwned").exists() and not Path("pwned").exists()


class CheckFileServer:
    """The SFTP side of a server announcing check-file (filexfer draft 09, 9.1.2)."""

    def __init__(self, algorithm: str, digest: bytes) -> None:
        self.extensions = {"check-file": "sha256,md5"}
        self.algorithm, self.digest = algorithm, digest
        self.asked: tuple[Any, ...] = ()

    def _request(self, kind: int, *args: Any) -> tuple[int, paramiko.Message]:
        self.asked = args
        reply = paramiko.Message()
        reply.add_string("check-file")
        reply.add_string(self.algorithm)
        reply.add_bytes(self.digest)
        return 201, paramiko.Message(reply.asbytes())


def test_a_small_file_is_read_back_rather_than_starting_a_command(
    sshd_server: SSHServer, tmp_path: Path
) -> None:
    harness = declaring(SFTPHarness(sshd_server, exec_digest_from=1024 * 1024), "openssl")
    source = tmp_path / "feed.csv"
    write(source, 1024 * 1024 - 1)
    with harness.open() as transport:
        assert transport.put("inbox", "feed.csv", source).proof == Proof.REREAD_SHA256


def test_check_file_gives_the_servers_sha256_and_nothing_weaker() -> None:
    digest = hashlib.sha256(b"feed").digest()
    server = CheckFileServer("sha256", digest)
    session = Session(transport=None, sftp=server, server_key=None)  # type: ignore[arg-type]
    assert session.check_file_sha256("inbox/feed.csv") == digest.hex()
    assert server.asked[:2] == ("check-file-name", "inbox/feed.csv")
    assert server.asked[2] == "sha256"  # SHA-256 only: an MD5 answer proves nothing
    md5 = Session(transport=None, sftp=CheckFileServer("md5", b"x" * 16), server_key=None)  # type: ignore[arg-type]
    assert md5.check_file_sha256("inbox/feed.csv") is None


class Refusing(CheckFileServer):
    def _request(self, kind: int, *args: Any) -> tuple[int, paramiko.Message]:
        raise OSError("Operation unsupported")


class Alive:
    def is_active(self) -> bool:
        return True


def test_a_check_file_the_server_then_refuses_falls_back_to_reading_back() -> None:
    server = Refusing("sha256", b"")
    session = Session(transport=Alive(), sftp=server, server_key=None)  # type: ignore[arg-type]
    assert session.check_file_sha256("inbox/feed.csv") is None


def test_server_sha256_is_for_sftp_only() -> None:
    with pytest.raises(ValueError, match="sftp transports only"):
        TransportSpec(
            type="s3",
            connection_id="s3_partner",
            folders={"inbox": "in", "outbox": "out"},
            server_sha256="sha256sum",
        )


def corrupting_write(monkeypatch: pytest.MonkeyPatch, corrupt_write: int) -> None:
    """Write request `corrupt_write` (from 0) reaches the server with one byte changed after the
    hub hashed it: the stored copy differs from what was sent."""
    from paramiko.sftp import CMD_WRITE

    writes = 0
    original = paramiko.SFTPClient._async_request

    def corrupt(self: Any, fileobj: Any, t: int, *args: Any) -> int:
        nonlocal writes
        if t == CMD_WRITE:
            if writes == corrupt_write:
                data = bytearray(args[2])
                data[len(data) // 2] ^= 0x01
                args = (*args[:2], bytes(data))
            writes += 1
        return original(self, fileobj, t, *args)

    monkeypatch.setattr(paramiko.SFTPClient, "_async_request", corrupt)


@pytest.mark.parametrize("corrupt_write", [0, 20, 40])  # first, middle, the short last one
def test_a_read_back_catches_a_corrupted_stored_copy(
    sshd_server: SSHServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corrupt_write: int
) -> None:
    harness = SFTPHarness(sshd_server, write_size=32768, write_depth=4, retries=1)
    source = tmp_path / "feed.bin"
    write(source, 40 * 32768 + 7)
    corrupting_write(monkeypatch, corrupt_write)
    with harness.open() as transport, pytest.raises(IntegrityError, match="stored copy differs"):
        transport.put("inbox", "feed.bin", source)
    assert harness.raw_names("inbox") == set()  # neither the final name nor the temporary one


def test_a_stored_copy_longer_than_what_was_sent_is_refused(
    sshd_server: SSHServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from connectors.sftp import SFTPTransport

    harness = SFTPHarness(sshd_server, retries=1)
    source = tmp_path / "feed.bin"
    write(source, 100_000)
    finish = SFTPTransport._write_file

    def then_more(self: SFTPTransport, src: Path, path: str) -> Any:
        sink = finish(self, src, path)
        with self.session.sftp.open(path, "ab") as remote:  # someone appends before the proof
            remote.write(b"extra")
        return sink

    monkeypatch.setattr(SFTPTransport, "_write_file", then_more)
    with harness.open() as transport, pytest.raises(IntegrityError, match="stored size differs"):
        transport.put("inbox", "feed.bin", source)
    assert harness.raw_names("inbox") == set()
