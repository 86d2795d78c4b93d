"""Rejection reports (rejection-report/1.0) for partners' files, with no personal data in them.

A report names the line, the field and the reason of every problem. Reasons are rebuilt from
the validator's messages so that nothing a partner wrote in free text comes back: only the
partner's own ids, and short values of id, enum, date and flag fields, are ever echoed. Column
or key names that do not look like column names are not echoed either (a header row of a file
that is not CSV may be prose).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from asbhub.records import FileProblem, RowProblem
from contracts.disposal import NOTICE_ID
from contracts.documents import RejectionProblem, RejectionReport
from contracts.outcome import PARTNER_RECORD_ID

MAX_PROBLEMS = 1000  # a report stays readable; the count of the rest is given in one line
MAX_REASON = 500
# Fields whose short values may be echoed: ids the partner chose, enums, dates and flags.
REPORTABLE_FIELDS = frozenset(
    {
        "outcome_id",
        "referral_id",
        "notice_id",
        "status",
        "actions",
        "recorded_at",
        "action_date",
        "closed_on",
        "disposed_at",
        "lead_agency_accepted",
    }
)
RECORD_ID_FIELDS = {"outcome_id": PARTNER_RECORD_ID, "notice_id": NOTICE_ID}
_COLUMN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,40}$")
_QUOTED = re.compile(r"""^('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")""")
_SHOWN_MAX = 40
_FORMULA_START = ("=", "+", "-", "@")
_TOKEN = re.compile(r"^[A-Za-z0-9_.:+-]*$")
# What a whole-file problem means, in words a partner can act on; nothing of the file's content.
FILE_REASONS = {
    "empty": "the file is empty (0 bytes)",
    "no_records": "the file has a header but no records",
    "too_large": "the file is over the size limit",
    "compressed_or_binary": "the file is compressed or binary, not UTF-8 text",
    "encoding": "the file is not UTF-8 text",
    "not_csv": "the file is not CSV with the contract's header row",
    "not_jsonl": "the file is not JSON Lines (one JSON object per line)",
    "bad_header": "the header row does not match the contract",
    "unknown_kind": (
        "the file is neither outcome/1.0 nor disposal-ack/1.0: name it outcomes-*.csv|.jsonl "
        "or disposal-acks-*.csv|.jsonl"
    ),
    "unsafe_name": (
        "the file name is not safe (path separator, '..', a control or invisible formatting "
        "character, or over 255 bytes); it was not read: rename it to letters, digits, '.', "
        "'_' and '-' only"
    ),
    "special_file": (
        "the entry is not a regular file (a pipe, socket or device); it was not read: "
        "put plain files in your outbox"
    ),
    "link_outside": (
        "the entry is a symbolic link pointing outside your outbox; it was not read: "
        "put the file itself in your outbox"
    ),
    "unreadable": "the file could not be read",
    # OpenPGP (a partner whose files are encrypted and signed): the detail says what to do.
    "not_encrypted": "the file is not encrypted to the force's OpenPGP key",
    "not_signed": "the file is not signed with your OpenPGP key",
    "not_openpgp": "the file is named as OpenPGP but is not an OpenPGP message",
    "not_for_hub": "the file is encrypted, but not to the force's OpenPGP key",
    "cannot_decrypt": "the file could not be decrypted",
    "bad_signature": "the file's OpenPGP signature is bad",
    "unknown_signer": "the file is signed with an OpenPGP key the force does not hold for you",
    "expired_key": "the file is signed with an expired OpenPGP key",
    "revoked_key": "the file is signed with a revoked OpenPGP key",
    "unprocessable": (
        "the hub could not process this file; it has been kept for the force's data team, "
        "who have been alerted and will contact you; do not resend it unless asked"
    ),
}
# Reasons for which the file stays in the partner's outbox: it was never read (and so is never
# moved or deleted); a report tells the partner once, and the same entry is not reported again.
NOT_READ_REASONS = frozenset({"unsafe_name", "special_file", "link_outside", "too_large"})


OPENPGP_REASONS = frozenset(
    {
        "not_encrypted",
        "not_signed",
        "not_openpgp",
        "not_for_hub",
        "cannot_decrypt",
        "bad_signature",
        "unknown_signer",
        "expired_key",
        "revoked_key",
    }
)


def name_sha256(name: str) -> str:
    """Stands for a file the hub refused to read: the SHA-256 of its name."""
    return hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()


def display_name(name: str) -> str:
    """A file name as it may be stored and shown: control characters escaped, length bounded."""
    shown = "".join(
        ch if unicodedata.category(ch)[0] != "C" else f"\\x{ord(ch):02x}" for ch in name
    )
    return shown[:200] or "(empty name)"


def report_name(original: str, sha256: str) -> str:
    """`rejection-<original stem>-<sha8>.json`, the stem cut to a safe plain name."""
    stem = display_name(original)
    if "." in stem[1:]:
        stem = stem.rsplit(".", 1)[0]
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", stem).strip("._-")[:100] or "file"
    return f"rejection-{safe}-{sha256[:8]}.json"


def file_problem(exc: FileProblem) -> RejectionProblem:
    """A whole-file problem for the report: the reason code's text, plus safe detail."""
    reason = FILE_REASONS.get(exc.reason, "the file could not be read")
    detail = _file_detail(exc)
    if detail:
        reason = f"{reason}: {detail}"
    return RejectionProblem(line=exc.line, field=None, reason=reason[:MAX_REASON], record_id=None)


def _file_detail(exc: FileProblem) -> str | None:
    # The reader's message starts "<name>: " or "<name> line N: "; the report has both apart.
    message = re.sub(r"^.*?(?: line \d+)?: ", "", str(exc), count=1)
    if exc.reason == "bad_header":
        return _header_detail(message)
    if exc.reason in {"too_large", "encoding", "compressed_or_binary", "not_jsonl"}:
        return message
    if exc.reason in OPENPGP_REASONS:  # the hub's own words, naming keys, never the content
        return message
    if exc.reason == "not_csv" and message.startswith("broken CSV"):
        return message
    return None  # e.g. "not CSV (no known column in '<first line>')": may quote prose


def _header_detail(message: str) -> str:
    parts = []
    for part in message.split(": ", 1)[-1].split("; "):
        label, _, names = part.partition(": ")
        shown = [n if _COLUMN.match(n) else "(a name not shown)" for n in names.split(", ")]
        parts.append(f"{label}: {', '.join(shown)}")
    return "; ".join(parts)


def row_problems(
    line: int, problems: Iterable[RowProblem], raw: Mapping[str, Any] | None, fields: Iterable[str]
) -> list[RejectionProblem]:
    """The problems of one row, values echoed only where that is safe."""
    known = set(fields)
    record_id = _record_id(raw)
    found = []
    for problem in problems:
        field = problem.field
        if field is not None and field not in known:
            shown_field = field if _COLUMN.match(field) else None
            reason = "is not a field of this format"
            found.append(
                RejectionProblem(line=line, field=shown_field, reason=reason, record_id=record_id)
            )
            continue
        reason = safe_reason(field, problem.message, (raw or {}).get(field) if field else None)
        found.append(
            RejectionProblem(
                line=line, field=field, reason=reason[:MAX_REASON], record_id=record_id
            )
        )
    return found


def safe_reason(field: str | None, message: str, raw_value: Any) -> str:
    """The validator's message with any echoed value kept only when it is short and harmless."""
    match = _QUOTED.match(message)
    if match is None and raw_value is not None and not isinstance(raw_value, str):
        text = repr(raw_value)
        match = re.match(re.escape(text if len(text) <= _SHOWN_MAX else text[:37]), message)
    if match is None:
        return message
    shown, rest = match.group(0), message[match.end() :]
    if field in REPORTABLE_FIELDS and _harmless(shown):
        return message
    return "the value" + rest


def _harmless(shown: str) -> bool:
    inner = shown[1:-1] if shown[:1] in "'\"" else shown
    # One token of letters, digits and date punctuation: an id, an enum value, a date or a
    # flag. Anything with spaces may be a name or an address, and is not echoed.
    return (
        len(shown) <= _SHOWN_MAX
        and not inner.endswith("...")
        and not inner.startswith(_FORMULA_START)
        and _TOKEN.match(inner) is not None
    )


def _record_id(raw: Mapping[str, Any] | None) -> str | None:
    for name, pattern in RECORD_ID_FIELDS.items():
        value = (raw or {}).get(name)
        if isinstance(value, str) and re.match(pattern, value.strip()):
            return value.strip()
    return None


class ProblemList:
    """A report's problems, bounded: the first MAX_PROBLEMS and a count of the rest."""

    def __init__(self) -> None:
        self.items: list[RejectionProblem] = []
        self.more = 0

    def extend(self, problems: Iterable[RejectionProblem]) -> None:
        for problem in problems:
            if len(self.items) < MAX_PROBLEMS:
                self.items.append(problem)
            else:
                self.more += 1

    def listed(self) -> list[RejectionProblem]:
        if not self.more:
            return list(self.items)
        note = f"{self.more} further problems are not listed; fix the ones above and resend"
        return [*self.items, RejectionProblem(line=None, field=None, reason=note, record_id=None)]

    def __bool__(self) -> bool:
        return bool(self.items)


def write_report(
    folder: Path,
    *,
    partner_id: str,
    file_name: str,
    sha256: str,
    received_at: datetime,
    rows: tuple[int, int, int],
    problems: list[RejectionProblem],
) -> Path:
    """Write the report as JSON into `folder`; return its path (named for delivery)."""
    rows_in, loaded, quarantined = rows
    name = report_name(file_name, sha256)
    report = RejectionReport(
        report_id=name.removesuffix(".json"),
        partner_id=partner_id,
        file_name=display_name(file_name),
        file_sha256=sha256,
        received_at=received_at.astimezone(UTC),
        file_status="partially_loaded" if loaded else "rejected",
        rows_in=rows_in,
        rows_loaded=loaded,
        rows_quarantined=quarantined,
        problems=problems,
    )
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    partial = path.with_suffix(".part")
    partial.write_text(
        json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    partial.replace(path)
    return path
