"""Errors a transport raises, each telling a data engineer which partner and what to fix."""

from __future__ import annotations

from asbhub.errors import ConfigError, DataError, EnvironmentProblem

__all__ = [
    "AuthenticationFailed",
    "ConfigError",
    "HostKeyRejected",
    "IntegrityError",
    "RemoteFileNotFound",
    "RemoteFileTooLarge",
    "TransientTransportError",
    "TransportError",
    "UnsafeRemotePath",
]


class TransportError(EnvironmentProblem):
    """A partner server could not be reached or refused an operation."""


class TransientTransportError(TransportError):
    """A fault worth retrying (timeout, dropped connection, 5xx); raised once retries run out."""


class AuthenticationFailed(TransportError):
    """The server rejected our credentials; retrying would not help."""


class HostKeyRejected(TransportError):
    """The SFTP server's host key is not the pinned one (or none is pinned); never retried."""


class IntegrityError(TransportError):
    """What arrived is not what was sent: size or SHA-256 differ."""


class RemoteFileNotFound(TransportError):
    """The file asked for is not in the partner's folder."""


class UnsafeRemotePath(DataError):
    """A remote name would escape the partner's folder (slash, '..', NUL, control character,
    absolute path or a symlink pointing outside)."""


class RemoteFileTooLarge(DataError):
    """A remote file is larger than the caller's limit: by its listed size, or by what the server
    actually sent when the listing understated it. Nothing of it is kept."""
