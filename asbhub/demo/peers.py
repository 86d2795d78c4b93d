"""Real peers on loopback: OpenSSH's sshd as a council's SFTP server, moto's S3 server as a
housing provider's store, and aiosmtpd as the mail server the hub's alerts go to. The tests and
`asbhub demo` both start them from here.
"""

from __future__ import annotations

import getpass
import os
import signal
import socket
import subprocess
import time
import uuid
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

SSHD = Path("/usr/sbin/sshd")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for_banner(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"sshd exited with {process.returncode}: {log.read_text()[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                if sock.recv(4).startswith(b"SSH-"):
                    return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"sshd did not answer on port {port}: {log.read_text()[-2000:]}")


@dataclass
class SSHServer:
    """One sshd with its own config, host key and authorised client key; SFTP starts in `root`."""

    workdir: Path
    host: str = "127.0.0.1"
    port: int = 0
    user: str = field(default_factory=getpass.getuser)
    process: subprocess.Popen[bytes] | None = None

    @property
    def root(self) -> Path:
        return self.workdir / "root"

    @property
    def private_key(self) -> Path:
        return self.workdir / "client_ed25519"

    @property
    def host_key_file(self) -> Path:
        return self.workdir / "host_ed25519"

    @property
    def host_public_key(self) -> str:
        """The host key as 'ssh-ed25519 AAAA...', what a partner YAML pins."""
        return " ".join(self.host_key_file.with_suffix(".pub").read_text().split()[:2])

    @property
    def log(self) -> Path:
        return self.workdir / "sshd.log"

    def prepare(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        for key in (self.host_key_file, self.private_key):
            subprocess.run(
                ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True
            )
        (self.workdir / "authorized_keys").write_text(
            self.private_key.with_suffix(".pub").read_text()
        )
        self.port = free_port()
        (self.workdir / "sshd_config").write_text(
            "\n".join(
                [
                    "ListenAddress 127.0.0.1",
                    f"Port {self.port}",
                    f"HostKey {self.host_key_file}",
                    f"AuthorizedKeysFile {self.workdir / 'authorized_keys'}",
                    f"PidFile {self.workdir / 'sshd.pid'}",
                    "StrictModes no",
                    "UsePAM no",
                    "PasswordAuthentication no",
                    "KbdInteractiveAuthentication no",
                    "PubkeyAuthentication yes",
                    "PermitRootLogin prohibit-password",
                    f"AllowUsers {self.user}",
                    # internal-sftp -d: sessions start in `root`, so partner folders are relative.
                    f"Subsystem sftp internal-sftp -d {self.root}",
                    "LogLevel VERBOSE",
                    "",
                ]
            )
        )

    def start(self) -> None:
        if os.geteuid() == 0:  # sshd started by root wants its privilege separation dir
            Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)
        log = self.log.open("ab")
        self.process = subprocess.Popen(
            [str(SSHD), "-D", "-e", "-f", str(self.workdir / "sshd_config")],
            stdout=log,
            stderr=log,
            start_new_session=True,  # its own process group, apart from pytest's
        )
        log.close()
        _wait_for_banner(self.port, self.process, self.log)

    def drop_connections(self) -> None:
        """Kill every session process (as a network drop would) but keep the listener."""
        import psutil

        assert self.process is not None
        for child in psutil.Process(self.process.pid).children(recursive=True):
            child.kill()

    def stop(self) -> None:
        """Kill the listener and every session it started."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.drop_connections()  # session processes call setsid(): not in our group
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self.process = None

    def ensure_running(self) -> None:
        if self.process is None or self.process.poll() is not None:
            self.process = None
            self.start()


@dataclass
class S3Server:
    endpoint_url: str
    access_key_id: str = "testing"
    secret_access_key: str = "testing"  # noqa: S105 - moto on loopback takes any credentials
    region: str = "eu-west-2"

    def client(self) -> Any:
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            aws_access_key_id=self.access_key_id,
            aws_secret_access_key=self.secret_access_key,
            region_name=self.region,
        )

    def make_bucket(self, name: str | None = None) -> str:
        """A new, empty bucket (unique name unless given)."""
        bucket = name or f"partner-{uuid.uuid4().hex[:12]}"
        self.client().create_bucket(
            Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": self.region}
        )
        return bucket

    def connection(self, bucket: str, prefix: str | None = None) -> dict[str, Any]:
        """An Airflow connection (type aws) to a bucket of this server, as a partner's or the
        hub areas' connection names one."""
        extra: dict[str, str] = {
            "endpoint_url": self.endpoint_url,
            "region_name": self.region,
            "bucket": bucket,
        }
        if prefix:
            extra["prefix"] = prefix
        return {
            "conn_type": "aws",
            "login": self.access_key_id,
            "password": self.secret_access_key,
            "extra": extra,
        }


class S3Endpoint:
    """moto's S3 server on a free loopback port, started and stopped explicitly."""

    def __init__(self) -> None:
        from moto.server import ThreadedMotoServer

        self.port = free_port()
        self._server: Any = ThreadedMotoServer(
            ip_address="127.0.0.1", port=self.port, verbose=False
        )
        self.server = S3Server(endpoint_url=f"http://127.0.0.1:{self.port}")

    def start(self) -> S3Server:
        import logging

        logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per request otherwise
        self._server.start()
        return self.server

    def stop(self) -> None:
        self._server.stop()


@dataclass(frozen=True)
class ReceivedMail:
    """One message as the mail server got it."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    message: EmailMessage

    @property
    def subject(self) -> str:
        return str(self.message["Subject"] or "")

    @property
    def text(self) -> str:
        """Subject and every text part's decoded body: what a reader could see."""
        parts = [p for p in self.message.walk() if p.get_content_maintype() == "text"]
        return "\n".join([self.subject, *(str(p.get_content()) for p in parts)])


@dataclass
class Mailbox:
    """An aiosmtpd handler that keeps every message, relays none."""

    received: list[ReceivedMail] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(envelope.original_content or b"", policy=policy.default)
        if not isinstance(message, EmailMessage):  # policy.default always gives one
            return "554 unreadable message"
        self.received.append(
            ReceivedMail(envelope.mail_from or "", tuple(envelope.rcpt_tos), message)
        )
        return "250 OK"


class SMTPEndpoint:
    """aiosmtpd on a free loopback port (plain SMTP: no TLS, no login), started and stopped
    explicitly; what it receives stays in `mailbox`."""

    host = "127.0.0.1"

    def __init__(self) -> None:
        from aiosmtpd.controller import Controller

        self.port = free_port()
        self.mailbox = Mailbox()
        self._controller = Controller(self.mailbox, hostname=self.host, port=self.port)
        self._running = False

    def start(self) -> Mailbox:
        import logging

        logging.getLogger("mail.log").setLevel(logging.WARNING)  # one line per connection
        self._controller.start()
        self._running = True
        return self.mailbox

    def stop(self) -> None:
        if self._running:
            self._controller.stop()
            self._running = False
