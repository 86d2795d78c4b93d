"""manifest/1.0 and rejection-report/1.0: the JSON documents that travel beside the data files."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from contracts.base import Contract, IsoDate, IsoDateTime

BATCH_ID = r"^B-[a-z][a-z0-9_]{1,40}-[0-9]{8}(-[0-9]{2})?$"
SHA256 = r"^[0-9a-f]{64}$"


class ManifestFile(BaseModel):
    """One data file of a batch."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$")
    contract: str = Field(description="Contract id and version, e.g. referral/1.0.")
    records: int = Field(ge=0)
    bytes: int = Field(ge=0)
    sha256: str = Field(pattern=SHA256)


class Manifest(Contract):
    """Delivered with every batch: what is in it, and which batch came before."""

    contract_id: ClassVar[str] = "manifest"
    version: ClassVar[str] = "1.0"
    kind: ClassVar[Literal["rows", "document"]] = "document"
    description: ClassVar[str] = (
        "Lists the files of one nightly batch with their SHA-256. previous_batch_id names the "
        "batch before it, so a missing batch shows as a gap."
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
