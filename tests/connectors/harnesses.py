"""One harness per transport: a fresh partner on its real server, plus a back door to the server.

The back door (writing and reading files without the transport) lets the conformance suite plant
hostile names and symlinks and observe what a reader on the partner's side would see.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from abc import ABC, abstractmethod
from datetime import timedelta
from pathlib import Path
from typing import ClassVar

from connectors import FolderKey, Transport, TransportSpec, open_transport
from tests.servers import S3Server, SSHServer

FOLDERS: tuple[FolderKey, ...] = ("inbox", "outbox", "processed", "archive")
FAST_RETRY = {"retries": 4, "retry_base_delay": 0.05}
FS_HOSTILE = ["tab\tname.csv", "new\nline.csv", "esc\x1b[2J.csv", "back\\slash.csv", "del\x7f.csv"]


class Harness(ABC):
    spec: TransportSpec
    env: dict[str, str]
    hostile_names: ClassVar[list[str]] = FS_HOSTILE
    supports_symlinks = True
    can_backdate = True

    def open(self) -> Transport:
        return open_transport(self.spec, self.env)

    @abstractmethod
    def write_raw(self, folder: str, name: str, data: bytes) -> None: ...

    @abstractmethod
    def read_raw(self, folder: str, name: str) -> bytes | None: ...

    @abstractmethod
    def raw_names(self, folder: str) -> set[str]: ...

    def symlink(self, folder: str, name: str, target: Path) -> None:
        raise NotImplementedError

    def backdate(self, folder: str, name: str, age: timedelta) -> None:
        raise NotImplementedError

    def outside_file(self) -> Path:
        raise NotImplementedError


class FolderHarness(Harness):
    """Shared by local and SFTP: the partner's folders are directories on this host."""

    base: Path

    def path(self, folder: str, name: str = "") -> Path:
        return self.base / folder / name if name else self.base / folder

    def write_raw(self, folder: str, name: str, data: bytes) -> None:
        self.path(folder, name).write_bytes(data)

    def read_raw(self, folder: str, name: str) -> bytes | None:
        target = self.path(folder, name)
        return target.read_bytes() if target.exists() else None

    def raw_names(self, folder: str) -> set[str]:
        return set(os.listdir(self.path(folder)))

    def symlink(self, folder: str, name: str, target: Path) -> None:
        self.path(folder, name).symlink_to(target)

    def backdate(self, folder: str, name: str, age: timedelta) -> None:
        then = time.time() - age.total_seconds()
        os.utime(self.path(folder, name), (then, then))

    def outside_file(self) -> Path:
        secret = self.base.parent / f"outside-{uuid.uuid4().hex[:6]}.txt"
        secret.write_text("not the partner's file\n")
        return secret

    def make_folders(self) -> None:
        for folder in FOLDERS:
            self.path(folder).mkdir(parents=True)


class LocalHarness(FolderHarness):
    def __init__(self, tmp_path: Path) -> None:
        self.base = tmp_path / "partner"
        self.make_folders()
        self.spec = TransportSpec(
            type="local", connection_id="local_partner", folders={f: f for f in FOLDERS}
        )
        self.env = {"AIRFLOW_CONN_LOCAL_PARTNER": f"file://{self.base}"}


class SFTPHarness(FolderHarness):
    def __init__(self, server: SSHServer, **extra: object) -> None:
        server.ensure_running()
        tag = f"p{uuid.uuid4().hex[:10]}"
        self.server = server
        self.base = server.root / tag
        self.make_folders()
        self.spec = TransportSpec(
            type="sftp",
            connection_id="sftp_partner",
            host_key=server.host_public_key,
            folders={f: f"{tag}/{f}" for f in FOLDERS},
        )
        self.env = {"AIRFLOW_CONN_SFTP_PARTNER": sftp_connection(server, **extra)}


class S3Harness(Harness):
    hostile_names: ClassVar[list[str]] = ["..", "tab\tname.csv", "back\\slash.csv"]
    supports_symlinks = False
    can_backdate = False  # S3 sets LastModified itself

    def __init__(self, server: S3Server, **extra: object) -> None:
        self.server = server
        self.bucket = server.make_bucket()
        self.s3 = server.client()
        self.spec = TransportSpec(
            type="s3", connection_id="s3_partner", folders={f: f for f in FOLDERS}
        )
        self.env = {"AIRFLOW_CONN_S3_PARTNER": s3_connection(server, self.bucket, **extra)}

    def key(self, folder: str, name: str) -> str:
        return f"hub/{folder}/{name}"

    def write_raw(self, folder: str, name: str, data: bytes) -> None:
        self.s3.put_object(Bucket=self.bucket, Key=self.key(folder, name), Body=data)

    def read_raw(self, folder: str, name: str) -> bytes | None:
        try:
            body = self.s3.get_object(Bucket=self.bucket, Key=self.key(folder, name))["Body"]
        except self.s3.exceptions.NoSuchKey:
            return None
        return bytes(body.read())

    def raw_names(self, folder: str) -> set[str]:
        listed = self.s3.list_objects_v2(Bucket=self.bucket, Prefix=f"hub/{folder}/")
        return {obj["Key"].split("/", 2)[2] for obj in listed.get("Contents", [])}


def sftp_connection(server: SSHServer, **extra: object) -> str:
    return json.dumps(
        {
            "conn_type": "sftp",
            "host": server.host,
            "port": server.port,
            "login": server.user,
            "extra": {"key_file": str(server.private_key), **FAST_RETRY, **extra},
        }
    )


def s3_connection(server: S3Server, bucket: str, **extra: object) -> str:
    return json.dumps(
        {
            "conn_type": "aws",
            "login": server.access_key_id,
            "password": server.secret_access_key,
            "extra": {
                "endpoint_url": server.endpoint_url,
                "region_name": server.region,
                "bucket": bucket,
                "prefix": "hub",
                **FAST_RETRY,
                **extra,
            },
        }
    )
