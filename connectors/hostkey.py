"""Pinned SSH host keys: parsing the pin from config and fingerprints people can compare."""

from __future__ import annotations

import base64
import binascii
import hashlib
import struct
from dataclasses import dataclass


@dataclass(frozen=True)
class HostKeyPin:
    """A public host key as `ssh-keygen` prints it, reduced to its type and key blob."""

    key_type: str
    blob: bytes

    @classmethod
    def parse(cls, text: str) -> HostKeyPin:
        """Accept 'ssh-ed25519 AAAA... [comment]', a known_hosts line, or bare base64 (Airflow)."""
        fields = text.split()
        for index, field in enumerate(fields):
            try:
                blob = base64.b64decode(field, validate=True)
            except (binascii.Error, ValueError):
                continue
            key_type = _blob_type(blob)
            if key_type and (index == 0 or fields[index - 1] == key_type):
                return cls(key_type, blob)
        raise ValueError(
            "not an SSH public key: expected 'ssh-ed25519 AAAA...' as ssh-keyscan prints"
        )

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.blob)

    def line(self) -> str:
        return f"{self.key_type} {base64.b64encode(self.blob).decode()}"


def fingerprint(blob: bytes) -> str:
    """OpenSSH's SHA256 fingerprint (what `ssh-keygen -lf` and the ssh client show)."""
    digest = base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")
    return f"SHA256:{digest}"


def _blob_type(blob: bytes) -> str | None:
    if len(blob) < 4:
        return None
    (length,) = struct.unpack(">I", blob[:4])
    if not 0 < length < 64 or len(blob) < 4 + length:
        return None
    try:
        name = blob[4 : 4 + length].decode("ascii")
    except UnicodeDecodeError:
        return None
    return name if name.startswith(("ssh-", "ecdsa-", "sk-")) else None
