"""Read a CSV or JSON Lines file of a rows contract, record by record, with exact line numbers.

Whole-file problems (unreadable encoding, wrong format, wrong header, empty, too big, compressed
or binary) raise `UnreadableFile` with a `reason` code. Row problems come back beside the row so
that a caller can load the good rows and quarantine the bad ones; nothing is dropped silently.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from asbhub.errors import UnreadableFile
from contracts.base import CSV_LIST_SEPARATOR, Contract

DEFAULT_MAX_BYTES = 100 * 1024 * 1024
MAX_FIELD_CHARS = 100_000
_SNIFF_BYTES = 64 * 1024

# Signatures of content that is not text: a partner sent an archive or a binary by mistake.
_MAGIC = {
    b"\x1f\x8b": "gzip-compressed",
    b"PK\x03\x04": "a zip archive",
    b"BZh": "bzip2-compressed",
    b"\xfd7zXZ\x00": "xz-compressed",
    b"%PDF": "a PDF document",
    b"\xd0\xcf\x11\xe0": "an old-style Office document",
}


class FileProblem(UnreadableFile):
    """A whole-file problem with a stable reason code for quarantine and rejection reports."""

    def __init__(self, reason: str, message: str, line: int | None = None) -> None:
        self.reason = reason
        self.line = line
        super().__init__(message)


@dataclass
class RowProblem:
    line: int
    field: str | None
    message: str


@dataclass
class Row:
    """One record as read: its line, the parsed model when valid, else its problems."""

    line: int
    raw: dict[str, Any] | None
    record: Contract | None = None
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.record is not None and not self.problems

    def add(self, field_name: str | None, message: str) -> None:
        self.problems.append(RowProblem(self.line, field_name, message))
        self.record = None


def detect_format(path: Path, head: bytes) -> str:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in {".jsonl", ".ndjson"}:
        return "jsonl"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return "jsonl" if stripped.startswith(b"{") else "csv"


def check_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, str]:
    """Check a file's size, content and encoding; return (format, encoding) or raise."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise IsADirectoryError(21, "not a regular file (a folder?)")
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError as exc:
        raise FileProblem("unreadable", f"{path.name}: cannot read: {exc.strerror}") from exc
    if size == 0:
        raise FileProblem("empty", f"{path.name}: the file is empty (0 bytes)")
    if size > max_bytes:
        raise FileProblem(
            "too_large", f"{path.name}: {size:,} bytes is over the limit of {max_bytes:,} bytes"
        )
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            raise FileProblem("compressed_or_binary", f"{path.name}: the file is {what}, not text")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE)):
        raise FileProblem("encoding", f"{path.name}: the file is UTF-16/32; send UTF-8")
    encoding = "utf-8-sig" if head.startswith(codecs.BOM_UTF8) else "utf-8"
    _check_utf8(path, encoding)
    return detect_format(path, head), encoding


def _check_utf8(path: Path, encoding: str) -> None:
    """Decode the whole file once, streaming, to report the first bad byte with its line."""
    decoder = codecs.getincrementaldecoder(encoding)()
    line = 1
    offset = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            if b"\x00" in chunk:
                at = line + chunk[: chunk.index(b"\x00")].count(b"\n")
                raise FileProblem(
                    "compressed_or_binary", f"{path.name} line {at}: NUL byte: binary content", at
                )
            try:
                text = decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                bad_at = offset + exc.start
                line += chunk[: exc.start].count(b"\n")
                raise FileProblem(
                    "encoding",
                    f"{path.name} line {line}: byte {bad_at} (0x{chunk[exc.start]:02x}) is not "
                    "UTF-8; save the file as UTF-8",
                    line,
                ) from exc
            line += text.count("\n")
            offset += len(chunk)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as exc:
            raise FileProblem("encoding", f"{path.name}: the file ends inside a character") from exc


def read_rows(
    path: Path, contract: type[Contract], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Row]:
    """Yield every record of the file, validated against the contract."""
    if contract.kind != "rows":
        raise ValueError(f"{contract.ref()} is a document, not a rows contract")
    fmt, encoding = check_bytes(path, max_bytes)
    with path.open("r", encoding=encoding, newline="") as handle:
        if fmt == "jsonl":
            yield from _jsonl_rows(path, handle, contract)
        else:
            yield from _csv_rows(path, handle, contract)


def _csv_rows(path: Path, handle: io.TextIOBase, contract: type[Contract]) -> Iterator[Row]:
    csv.field_size_limit(MAX_FIELD_CHARS)
    reader = csv.reader(handle, strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise FileProblem("not_csv", f"{path.name} line 1: not CSV: {exc}", 1) from exc
    header = [name.strip() for name in header]
    _check_header(path, header, contract)
    lists = contract.list_fields()
    start_line = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise FileProblem(
                "not_csv", f"{path.name} line {start_line}: broken CSV: {exc}", start_line
            ) from exc
        line, start_line = start_line, reader.line_num + 1
        if not cells or cells == [""]:
            continue
        row = Row(line=line, raw=None)
        if len(cells) != len(header):
            row.add(None, f"has {len(cells)} cells; the header has {len(header)}")
            yield row
            continue
        raw = {name: value for name, value in zip(header, cells, strict=True)}
        row.raw = raw
        data = {
            name: (
                [item.strip() for item in value.split(CSV_LIST_SEPARATOR)]
                if name in lists
                else value
            )
            for name, value in raw.items()
            if value != ""
        }
        yield _validate(row, data, contract)


def _check_header(path: Path, header: list[str], contract: type[Contract]) -> None:
    known = contract.field_names()
    if not set(header) & set(known) and not all(_COLUMN_NAME.match(name) for name in header):
        first = _shown(",".join(header))
        raise FileProblem(
            "not_csv",
            f"{path.name} line 1: not a CSV file with a header row of {contract.ref()} "
            f"(no known column in {first}); send CSV or JSON Lines with the contract's names",
            1,
        )
    duplicates = sorted({name for name in header if header.count(name) > 1})
    unknown = [name for name in header if name not in known]
    missing = [name for name in contract.required_field_names() if name not in header]
    problems = []
    if duplicates:
        problems.append(f"duplicated columns: {', '.join(duplicates)}")
    if unknown:
        problems.append(f"unknown columns: {', '.join(unknown)}")
    if missing:
        problems.append(f"missing required columns: {', '.join(missing)}")
    if problems:
        raise FileProblem(
            "bad_header",
            f"{path.name} line 1: header does not match {contract.ref()}: {'; '.join(problems)}",
            1,
        )


# What a column name looks like; a first line with none of these and no known column is prose.
_COLUMN_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _jsonl_rows(path: Path, handle: io.TextIOBase, contract: type[Contract]) -> Iterator[Row]:
    seen_record = False
    for line_no, text in enumerate(handle, start=1):
        if not text.strip():
            continue
        row = Row(line=line_no, raw=None)
        try:
            value = json.loads(text.rstrip("\r\n"))
        except json.JSONDecodeError as exc:
            if not seen_record and line_no == 1:
                raise FileProblem(
                    "not_jsonl", f"{path.name} line 1: not JSON Lines: {exc.msg}", 1
                ) from exc
            row.add(None, f"not valid JSON: {exc.msg} at column {exc.colno}")
            yield row
            continue
        except (RecursionError, ValueError) as exc:  # valid JSON no record can be
            row.add(None, f"cannot be read: {_beyond_limits(exc)}")
            yield row
            continue
        seen_record = True
        if not isinstance(value, dict):
            row.add(None, "each line must be one JSON object")
            yield row
            continue
        row.raw = value
        yield _validate(row, value, contract)


def _beyond_limits(exc: Exception) -> str:
    """What made a line unreadable though well-formed: nesting or a number past the limits."""
    if isinstance(exc, RecursionError):
        return "values are nested too deeply"
    if "digits" in str(exc):
        return "a number has too many digits"
    return "a value is beyond what a record can hold"


def _validate(row: Row, data: dict[str, Any], contract: type[Contract]) -> Row:
    try:
        row.record = contract.model_validate(data)
    except RecursionError as exc:
        row.add(None, f"cannot be read: {_beyond_limits(exc)}")
    except ValidationError as exc:
        for error in exc.errors():
            loc = [str(part) for part in error["loc"]]
            if loc:
                row.add(loc[0], _message(error, error.get("input")))
            else:  # a rule across fields: name the first field the rule's message names
                row.add(_named_field(str(error["msg"]), contract), _message(error, None))
    return row


def _named_field(message: str, contract: type[Contract]) -> str | None:
    found = [
        (match.start(), name)
        for name in contract.field_names()
        if (match := re.search(rf"\b{re.escape(name)}\b", message))
    ]
    return min(found)[1] if found else None


_DATETIME_ERRORS = {
    "timezone_aware",
    "datetime_from_date_parsing",
    "datetime_parsing",
    "datetime_type",
}


def _message(error: Any, value: Any) -> str:
    """A pydantic error rewritten for a partner: what was wrong, and what was expected."""
    kind = error["type"]
    shown = _shown(value)
    if kind == "missing":
        return "is required"
    if kind == "extra_forbidden":
        return "is not a field of this format"
    if kind == "enum":
        expected = error.get("ctx", {}).get("expected", "")
        return f"{shown} is not one of {expected}"
    if kind == "string_pattern_mismatch":
        return f"{shown} is not in the expected form"
    if kind in {
        "timezone_aware",
        "datetime_from_date_parsing",
        "datetime_parsing",
        "datetime_type",
    }:
        return f"{shown} is not a date-time with offset, e.g. 2026-11-26T21:05:00+00:00"
    if kind in {"date_from_datetime_parsing", "date_parsing", "date_type"}:
        return f"{shown} is not a date, e.g. 2026-11-26"
    if kind in {"bool_parsing", "bool_type"}:
        return f"{shown} is not true or false"
    if kind == "string_too_long":
        return f"is longer than {error['ctx']['max_length']} characters"
    message = str(error["msg"]).removeprefix("Value error, ")
    if value is None:
        return message
    # The contracts' own rules say what the value "is" ("is a number; write it in ISO 8601").
    return f"{shown} {message}" if message.startswith("is ") else f"{shown}: {message}"


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "...'"
