"""The files of one partner batch: data files in the partner's format, and the manifest."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from asbhub.formats import csv_cell, write_csv_rows, write_jsonl_rows
from connectors.models import sha256_file
from contracts.documents import Manifest, ManifestFile

# A spreadsheet may run a cell that starts with one of these (OWASP's CSV injection list, plus
# `|`, which spreadsheets that still honour DDE read as a command); a leading apostrophe stops it.
FORMULA_TRIGGERS = frozenset("=+-@|\t\r")
# Spreadsheets fold compatibility forms to ASCII before parsing, so a trigger is recognised
# after NFKC (fullwidth ＝＋－＠｜, small ﹦﹢﹣﹫, super- and subscript ⁼⁺⁻₌₊₋); NFKC leaves the
# minus sign (and turns ⁻ ₋ into it), and some spreadsheets accept it as `-`.
_AFTER_FOLDING = FORMULA_TRIGGERS | {"\u2212"}


def neutralise(cell: str) -> str:
    """Make a CSV cell inert in a spreadsheet (OWASP's CSV injection advice): prefix `'` when
    its first character, or the first after leading whitespace and invisible format characters
    (which a spreadsheet may trim), is a formula trigger in any form a spreadsheet folds."""
    return "'" + cell if starts_formula(cell) else cell


def starts_formula(cell: str) -> bool:
    if cell[:1] in FORMULA_TRIGGERS:  # a leading tab or CR is a trigger in itself
        return True
    for char in cell:
        if char.isspace() or unicodedata.category(char) == "Cf":
            continue  # skipped: spaces, NBSP, ideographic space, zero-width space, BOM, bidi marks
        return unicodedata.normalize("NFKC", char)[:1] in _AFTER_FOLDING
    return False


def _inert_row(row: Mapping[str, Any]) -> dict[str, Any]:
    return {key: neutralise(csv_cell(value)) for key, value in row.items()}


def batch_id(partner_id: str, night: date, sequence: int | None = None) -> str:
    """Derived from partner and night, so a re-run of a night names the same batch. An urgent
    batch, sent between nights, adds its sequence within the day: `B-<partner>-<night>-NN`."""
    return f"B-{partner_id}-{stamp(night, sequence)}"


def stamp(night: date, sequence: int | None = None) -> str:
    """The part of a batch's id and file names that names its night (and, for an urgent
    batch, its place in the day)."""
    if sequence is None:
        return f"{night:%Y%m%d}"
    if not 1 <= sequence <= MAX_SEQUENCE:
        raise ValueError(f"an urgent batch's sequence is 1 to {MAX_SEQUENCE}, not {sequence}")
    return f"{night:%Y%m%d}-{sequence:02d}"


MAX_SEQUENCE = 99  # the manifest contract's batch id allows two digits


def sequence_of(batch: str) -> int | None:
    """The urgent sequence in a batch id, None for a night's batch."""
    match = _SEQUENCE.search(batch)
    return int(match.group(1)) if match else None


_SEQUENCE = re.compile(r"-[0-9]{8}-([0-9]{2})$")


def data_file_name(stem: str, night: date, fmt: str, sequence: int | None = None) -> str:
    return f"{stem}-{stamp(night, sequence)}.{fmt}"


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


def manifest_name(night: date, sequence: int | None = None) -> str:
    return f"manifest-{stamp(night, sequence)}.json"


def batch_manifest_name(batch: str, night: date) -> str:
    """The manifest's file name of a batch, nightly or urgent, from its id and night."""
    return manifest_name(night, sequence_of(batch))


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
    path = folder / batch_manifest_name(batch, night)
    partial = path.with_suffix(".partial")
    partial.write_text(manifest.model_dump_json(indent=2) + "\n", encoding="utf-8")
    partial.replace(path)
    return path
