"""The files of one partner batch: data files in the partner's format, and the manifest."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from asbhub.formats import csv_cell, write_csv_rows, write_jsonl_rows
from connectors.models import sha256_file
from contracts.documents import Manifest, ManifestFile

# A spreadsheet executes a cell that starts with one of these; a leading apostrophe stops it.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Make a CSV cell inert in a spreadsheet (OWASP's CSV injection advice)."""
    return "'" + cell if cell.startswith(FORMULA_TRIGGERS) else cell


def _inert_row(row: Mapping[str, Any]) -> dict[str, Any]:
    return {key: neutralise(csv_cell(value)) for key, value in row.items()}


def batch_id(partner_id: str, night: date) -> str:
    """Derived from partner and night, so a re-run of a night names the same batch."""
    return f"B-{partner_id}-{night:%Y%m%d}"


def data_file_name(stem: str, night: date, fmt: str) -> str:
    return f"{stem}-{night:%Y%m%d}.{fmt}"


def write_records(
    path: Path, fmt: str, columns: Sequence[str], rows: Iterable[Mapping[str, Any]]
) -> int:
    if fmt == "csv":
        return write_csv_rows(path, columns, (_inert_row(row) for row in rows))
    return write_jsonl_rows(path, columns, rows)


def describe_file(path: Path, contract: str, records: int) -> ManifestFile:
    return ManifestFile(
        name=path.name,
        contract=contract,
        records=records,
        bytes=path.stat().st_size,
        sha256=sha256_file(path),
    )


def manifest_name(night: date) -> str:
    return f"manifest-{night:%Y%m%d}.json"


def write_manifest(
    folder: Path,
    *,
    batch: str,
    partner_id: str,
    night: date,
    previous_batch_id: str | None,
    files: list[ManifestFile],
) -> Path:
    manifest = Manifest(
        batch_id=batch,
        partner_id=partner_id,
        night=night,
        created_at=datetime.now(UTC),
        previous_batch_id=previous_batch_id,
        record_count=sum(f.records for f in files if f.contract.startswith("referral/")),
        files=files,
    )
    path = folder / manifest_name(night)
    partial = path.with_suffix(".partial")
    partial.write_text(manifest.model_dump_json(indent=2) + "\n", encoding="utf-8")
    partial.replace(path)
    return path
