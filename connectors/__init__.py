"""Partner transports (local folder, SFTP, S3) behind one `Transport` interface.

Importing this package stays cheap: paramiko and boto3 load only when a client is first used.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping

from asbhub.settings import environment
from connectors.base import FolderStatus, PutResult, RemoteFile, Transport
from connectors.connection import Connection, lookup_connection, parse_connection
from connectors.errors import (
    AuthenticationFailed,
    HostKeyRejected,
    IntegrityError,
    RemoteFileNotFound,
    TransientTransportError,
    TransportError,
    UnsafeRemotePath,
)
from connectors.spec import FolderKey, TransportSpec

# Transport classes by spec type, as module paths: a module loads only when a partner uses it.
TRANSPORTS = {
    "local": "connectors.local:LocalTransport",
    "sftp": "connectors.sftp:SFTPTransport",
    "s3": "connectors.s3:S3Transport",
}

__all__ = [
    "TRANSPORTS",
    "AuthenticationFailed",
    "Connection",
    "FolderKey",
    "FolderStatus",
    "HostKeyRejected",
    "IntegrityError",
    "PutResult",
    "RemoteFile",
    "RemoteFileNotFound",
    "TransientTransportError",
    "Transport",
    "TransportError",
    "TransportSpec",
    "UnsafeRemotePath",
    "open_transport",
    "parse_connection",
    "transport_class",
]


def transport_class(kind: str) -> type[Transport]:
    module_name, class_name = TRANSPORTS[kind].split(":")
    cls: type[Transport] = getattr(importlib.import_module(module_name), class_name)
    return cls


def open_transport(
    spec: TransportSpec,
    environ: Mapping[str, str] | None = None,
    *,
    connection: Connection | None = None,
) -> Transport:
    """The transport for one partner, configured from its connection; connects on first use."""
    conn = connection or lookup_connection(
        spec.connection_id, environment() if environ is None else environ
    )
    return transport_class(spec.type).from_connection(spec, conn)
