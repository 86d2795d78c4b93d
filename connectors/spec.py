"""The transport section of a partner's YAML: which transport, which connection, which folders."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

FolderKey = Literal["inbox", "outbox", "processed", "archive"]


class TransportSpec(BaseModel):
    """How the hub reaches one partner. Secrets never live here: they come from the connection.

    Folders are named from the partner's point of view: the hub delivers feeds, rejection
    reports and disposal notices to `inbox`, collects outcomes and acks from `outbox`, and moves
    what it has processed to `processed`.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: Literal["sftp", "s3", "local"]
    connection_id: str = Field(pattern=r"^[a-z][a-z0-9_]{2,62}$")
    host_key: str | None = Field(
        default=None,
        description=(
            "sftp only: the partner server's public host key, 'ssh-ed25519 AAAA...' (pinned)."
        ),
    )
    server_sha256: Literal["sha256sum", "openssl"] | None = Field(
        default=None,
        description=(
            "sftp only: set when the partner's account may also run a command over SSH (an exec "
            "channel with a POSIX shell, not only SFTP): 'sha256sum' runs `sha256sum`, 'openssl' "
            "runs `openssl dgst -sha256` (several times faster where OpenSSL uses the CPU's SHA "
            "instructions). Each upload is then proved by the server's own SHA-256 of the stored "
            "file rather than by reading it back. Leave unset for SFTP-only or chrooted "
            "accounts; a server announcing the check-file extension is used without it."
        ),
    )
    folders: dict[FolderKey, str]
    after_fetch: Literal["move", "delete"] = "move"
    ready: Literal["stable", "renamed"] = Field(
        default="stable",
        description=(
            "When a file in the outbox may be taken. 'stable': only when its size and "
            "modification time are the same in two listings `settle_seconds` apart. 'renamed': "
            "the partner writes under a temporary name (a leading dot, or .part/.tmp/.filepart) "
            "and renames it when complete, so a final name is ready at once."
        ),
    )
    settle_seconds: float = Field(
        default=5.0,
        ge=0,
        le=600,
        description="With ready 'stable': the wait between the two listings.",
    )

    @field_validator("folders")
    @classmethod
    def _needs_inbox_and_outbox(cls, folders: dict[str, str]) -> dict[str, str]:
        missing = {"inbox", "outbox"} - set(folders)
        if missing:
            raise ValueError(f"folders must name {', '.join(sorted(missing))}")
        for key, value in folders.items():
            if not value or "\x00" in value or ".." in value.split("/"):
                raise ValueError(f"folder {key!r} is not a safe path: {value!r}")
        return folders

    @model_validator(mode="after")
    def _sftp_only_options(self) -> TransportSpec:
        if self.server_sha256 is not None and self.type != "sftp":
            raise ValueError("server_sha256 applies to sftp transports only")
        return self
