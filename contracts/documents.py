"""manifest/1.1 and rejection-report/1.0: the JSON documents that travel beside the data files.

manifest/1.1 adds `encrypted` to a file's entry, for a partner whose files are OpenPGP-encrypted:
the name, size and SHA-256 of the file as delivered, beside those of the plain file inside it.
It is left out for every other partner, whose manifests read as 1.0 did."""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    model_serializer,
)

from contracts.base import Contract, IsoDate, IsoDateTime

BATCH_ID = r"^B-[a-z][a-z0-9_]{1,40}-[0-9]{8}(-[0-9]{2})?$"
SHA256 = r"^[0-9a-f]{64}$"
FINGERPRINT = r"^(?:[0-9A-F]{40}|[0-9A-F]{64})$"
FILE_NAME = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$"


class EncryptedFile(BaseModel):
    """A data file as delivered to a partner that receives OpenPGP: encrypted to its keys and
    signed with the hub's."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=FILE_NAME, description="The delivered file: the plain name + .pgp.")
    bytes: int = Field(ge=0)
    sha256: str = Field(pattern=SHA256, description="SHA-256 of the encrypted file.")
    recipients: list[str] = Field(
        min_length=1, description="Fingerprints of the partner's keys it is encrypted to."
    )
    signer: str = Field(pattern=FINGERPRINT, description="Fingerprint of the hub's signing key.")


class ManifestFile(BaseModel):
    """One data file of a batch: the plain file, and (OpenPGP partners) its encrypted form."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=FILE_NAME)
    contract: str = Field(description="Contract id and version, e.g. referral/1.0.")
    records: int = Field(ge=0)
    bytes: int = Field(ge=0)
    sha256: str = Field(pattern=SHA256, description="SHA-256 of the plain file.")
    encrypted: EncryptedFile | None = Field(
        default=None,
        description="The file as delivered, when the partner receives OpenPGP. Added in 1.1.",
    )

    @model_serializer(mode="wrap")
    def _without_empty_encrypted(
        self, handler: SerializerFunctionWrapHandler, info: SerializationInfo
    ) -> Any:
        data = handler(self)
        if isinstance(data, dict) and data.get("encrypted", 0) is None:
            del data["encrypted"]  # a partner without OpenPGP reads the entry as in 1.0
        return data

    @property
    def delivered_name(self) -> str:
        return self.encrypted.name if self.encrypted else self.name


class Manifest(Contract):
    """Delivered with every batch: what is in it, and which batch came before."""

    contract_id: ClassVar[str] = "manifest"
    version: ClassVar[str] = "1.1"
    kind: ClassVar[Literal["rows", "document"]] = "document"
    description: ClassVar[str] = (
        "Lists the files of one nightly batch with their SHA-256. previous_batch_id names the "
        "batch before it, so a missing batch shows as a gap. For a partner that receives "
        "OpenPGP, each file's `encrypted` gives the file as delivered (added in 1.1)."
    )

    batch_id: str = Field(pattern=BATCH_ID)
    partner_id: str
    night: IsoDate
    created_at: IsoDateTime
    previous_batch_id: str | None = Field(None, pattern=BATCH_ID)
    record_count: int = Field(ge=0)
    files: list[ManifestFile]


class RejectionProblem(BaseModel):
    """One problem found in a partner's file."""

    model_config = ConfigDict(extra="forbid")

    line: int | None = Field(
        None, ge=1, description="1-based line; absent for whole-file problems."
    )
    field: str | None = None
    reason: str = Field(max_length=500)
    record_id: str | None = Field(None, description="Your own id for the row, when readable.")


class RejectionReport(Contract):
    """Sent back to a partner for every file that had problems."""

    contract_id: ClassVar[str] = "rejection-report"
    version: ClassVar[str] = "1.0"
    kind: ClassVar[Literal["rows", "document"]] = "document"
    description: ClassVar[str] = (
        "Why a file you sent was rejected in whole or in part. Rows not listed were loaded."
    )

    report_id: str
    partner_id: str
    file_name: str = Field(description="The name you gave the file (made safe for display).")
    file_sha256: str = Field(pattern=SHA256)
    received_at: IsoDateTime
    file_status: Literal["rejected", "partially_loaded"]
    rows_in: int = Field(ge=0)
    rows_loaded: int = Field(ge=0)
    rows_quarantined: int = Field(ge=0)
    problems: list[RejectionProblem]
