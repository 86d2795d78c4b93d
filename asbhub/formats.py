"""How contract rows travel as files: CSV (RFC 4180, UTF-8) and JSON Lines, written in one place.

CSV cells: lists joined with `;`, booleans `true`/`false`, null as an empty cell, dates and
datetimes in ISO 8601 (datetimes with their offset), enums as their value. JSON Lines keep
lists as arrays, booleans and nulls as JSON's own. Files given by path are written to a
temporary name beside the target and renamed, so nobody ever reads half a file.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import IO, Any

from contracts.base import CSV_LIST_SEPARATOR

Row = Mapping[str, Any]
PathOrStream = str | os.PathLike[str] | IO[str]


def csv_cell(value: Any) -> str:
    """One value as it appears in a CSV cell."""
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):  # enum values are str subclasses: StrEnum's str() is its value
        return str(value) if isinstance(value, Enum) else value
    if isinstance(value, date):  # datetime is a date too
        return value.isoformat()
    if isinstance(value, list | tuple):
        return CSV_LIST_SEPARATOR.join(csv_cell(v) for v in value)
    if isinstance(value, Enum):
        return str(value.value)
    return str(value)


def json_value(value: Any) -> Any:
    """One value as JSON Lines carries it."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [json_value(v) for v in value]
    return value


def write_csv_rows(target: PathOrStream, fieldnames: Sequence[str], rows: Iterable[Row]) -> int:
    """Write a header and one line per row (CRLF line ends); returns the number of rows."""
    with _opened(target) as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow(fieldnames)
        count = 0
        for row in rows:
            writer.writerow([csv_cell(row.get(name)) for name in fieldnames])
            count += 1
    return count


def write_jsonl_rows(target: PathOrStream, fieldnames: Sequence[str], rows: Iterable[Row]) -> int:
    """Write one JSON object per line, keys in `fieldnames` order; returns the number of rows."""
    with _opened(target) as fh:
        count = 0
        for row in rows:
            record = {name: json_value(row.get(name)) for name in fieldnames}
            fh.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
            count += 1
    return count


@contextmanager
def _opened(target: PathOrStream) -> Iterator[IO[str]]:
    if not isinstance(target, str | os.PathLike):
        yield target
        return
    path = Path(target)
    partial = path.with_name(f".{path.name}.partial")
    try:
        with partial.open("w", encoding="utf-8", newline="") as fh:
            yield fh
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
