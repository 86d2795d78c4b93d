"""The bad-input corpus: each case is one or more files sent in turn, and what must come of each.

Templates live in tests/fixtures/inbound/ with `{R1}`-style placeholders for real ids and `{P}`
for the case's own outcome-id prefix; encodings, compression and noise are applied at test time
(binary files are not committed)."""

from __future__ import annotations

import gzip
import io
import random
import zipfile
from dataclasses import dataclass, field

NOT_YOURS = "is not a referral the force sent you"
PII = ("John Smith", "Jane Doe", "07700 900123", "Mill Lane", "CM1 1AA", "Résident")
FORMULAS = ("=cmd", "=1+1", "=HYPERLINK", "@SUM")


@dataclass(frozen=True)
class Expect:
    status: str
    loaded: int = 0
    quarantined: int = 0
    reason: str | None = None  # whole-file reason code
    problems: tuple[tuple[int | None, str | None, str], ...] = ()  # (line, field, in reason)
    contract: str | None = "outcome/1.0"
    changed: bool = False

    @property
    def report(self) -> bool:
        return self.status in {"rejected", "partially_loaded"}


@dataclass(frozen=True)
class Step:
    template: str
    expect: Expect
    transform: str = "utf8"
    remote: str = "outcomes-{case}.csv"


@dataclass(frozen=True)
class Case:
    id: str
    steps: tuple[Step, ...]
    forbidden: tuple[str, ...] = field(default=PII + FORMULAS)  # never in a report


def one(
    case_id: str, template: str, expect: Expect, transform: str = "utf8", remote: str = ""
) -> Case:
    suffix = ".jsonl" if template.endswith(".jsonl") else ".csv"
    return Case(
        case_id, (Step(template, expect, transform, remote or f"outcomes-{{case}}{suffix}"),)
    )


def rejected(reason: str, line: int | None = None, detail: str = "") -> Expect:
    return Expect("rejected", reason=reason, problems=((line, None, detail),), contract=None)


LOADED3 = Expect("loaded", loaded=3)
VALID = "outcomes-valid.csv"

CASES: list[Case] = [
    one("valid_csv", VALID, LOADED3),
    one("valid_jsonl", "outcomes-valid.jsonl", LOADED3),
    one("utf8_bom", VALID, LOADED3, "bom"),
    one("crlf", VALID, LOADED3, "crlf"),
    one("mixed_line_endings", VALID, LOADED3, "mixed"),
    one("latin1", "outcomes-accented.csv", rejected("encoding", 2, "not UTF-8"), "latin1"),
    one("utf16", VALID, rejected("encoding", None, "UTF-16"), "utf16"),
    one(
        "missing_column",
        "outcomes-missing-column.csv",
        rejected("bad_header", 1, "missing required columns: referral_id"),
    ),
    one(
        "renamed_column",
        "outcomes-renamed-column.csv",
        rejected("bad_header", 1, "unknown columns: outcome_ref"),
    ),
    one(
        "extra_column",
        "outcomes-extra-column.csv",
        rejected("bad_header", 1, "unknown columns: victim_name, (a name not shown)"),
    ),
    one(
        "duplicated_column",
        "outcomes-duplicated-column.csv",
        rejected("bad_header", 1, "duplicated columns: status"),
    ),
    one(
        "quoted_newlines",
        "outcomes-quoted-newlines.csv",
        Expect("partially_loaded", 2, 1, problems=((5, "status", "'in_progres' is not one of"),)),
    ),
    one(
        "unbalanced_quotes", "outcomes-unbalanced-quotes.csv", rejected("not_csv", 2, "broken CSV")
    ),
    one(
        "unknown_enum",
        "outcomes-unknown-enum.csv",
        Expect(
            "partially_loaded",
            1,
            2,
            problems=(
                (2, "status", "'closd' is not one of"),
                (3, "actions", "'asbo' is not one of"),
            ),
        ),
    ),
    one(
        "wrong_types",
        "outcomes-wrong-types.csv",
        Expect(
            "rejected",
            0,
            4,
            problems=(
                (2, "lead_agency_accepted", "'maybe' is not true or false"),
                (3, "recorded_at", "is not a date-time with offset"),
                (4, "action_date", "is not a date"),
                (5, "recorded_at", "'2026-11-21' is a date without a time and offset"),
            ),
        ),
    ),
    one(
        "future_dates",
        "outcomes-future-dates.csv",
        Expect(
            "partially_loaded",
            1,
            3,
            problems=(
                (2, "recorded_at", "is in the future"),
                (3, "closed_on", "is in the future"),
                (4, "action_date", "is in the future"),
            ),
        ),
    ),
    one(
        "unknown_referral",
        "outcomes-unknown-referral.csv",
        Expect("partially_loaded", 1, 1, problems=((2, "referral_id", NOT_YOURS),)),
    ),
    one(
        "foreign_referral",
        "outcomes-foreign-referral.csv",
        Expect("partially_loaded", 1, 1, problems=((2, "referral_id", NOT_YOURS),)),
    ),
    one(
        "undelivered_referral",
        "outcomes-undelivered-referral.csv",
        Expect("rejected", 0, 1, problems=((2, "referral_id", NOT_YOURS),)),
    ),
    one(
        "duplicate_rows",
        "outcomes-duplicate-rows.csv",
        Expect("partially_loaded", 2, 1, problems=((3, "outcome_id", "repeats line 2"),)),
    ),
    Case(
        "duplicate_against_store",
        (
            Step(VALID, LOADED3),
            Step(
                "outcomes-reused-id.csv",
                Expect(
                    "partially_loaded",
                    1,
                    1,
                    problems=((2, "outcome_id", "already received in an earlier file"),),
                ),
                remote="outcomes-{case}-second.csv",
            ),
        ),
    ),
    Case("same_file_resent", (Step(VALID, LOADED3), Step(VALID, Expect("already_received")))),
    Case(
        "changed_under_old_name",
        (
            Step(VALID, LOADED3),
            Step(
                "outcomes-changed.csv",
                Expect(
                    "partially_loaded",
                    1,
                    3,
                    changed=True,
                    problems=((2, "outcome_id", "already received in an earlier file"),),
                ),
            ),
        ),
    ),
    one("empty", VALID, rejected("empty", None, "0 bytes"), "empty"),
    one("header_only", "outcomes-header-only.csv", rejected("no_records")),
    one("gzip", VALID, rejected("compressed_or_binary", None, "gzip"), "gzip"),
    one("zip", VALID, rejected("compressed_or_binary", None, "zip"), "zip"),
    one("binary_noise", VALID, rejected("compressed_or_binary", 1, "NUL byte"), "noise"),
    one("nul_bytes", VALID, rejected("compressed_or_binary", 3, "NUL byte"), "nul"),
    one(
        "formula_injection",
        "outcomes-formula.csv",
        Expect(
            "partially_loaded",
            1,
            3,
            problems=(
                (2, "outcome_id", "the value is not in the expected form"),
                (3, "status", "the value is not one of"),
                (5, "status", "the value is not one of"),
            ),
        ),
    ),
    one(
        "pii_in_values",
        "outcomes-pii-in-values.csv",
        Expect(
            "partially_loaded",
            1,
            2,
            problems=(
                (2, "status", "the value is not one of"),
                (3, "lead_agency_accepted", "the value is not true or false"),
            ),
        ),
    ),
    one(
        "very_long_field",
        VALID,
        Expect("partially_loaded", 2, 1, problems=((3, "notes", "longer than 4000"),)),
        "long_notes",
    ),
    one(
        "field_over_reader_limit",
        VALID,
        rejected("not_csv", 3, "field larger than field limit"),
        "huge_notes",
    ),
    one("prose_not_csv", "outcomes-letter.csv", rejected("not_csv", 1, "not CSV")),
    one(
        "jsonl_broken_line",
        "outcomes-broken-line.jsonl",
        Expect(
            "partially_loaded",
            1,
            3,
            problems=(
                (2, None, "not valid JSON"),
                (3, None, "is not a field of this format"),
                (4, "notes", "the value"),
            ),
        ),
    ),
    one(
        "jsonl_first_line_broken",
        "outcomes-first-line-broken.jsonl",
        rejected("not_jsonl", 1, "not JSON Lines"),
    ),
    one(
        "reopen_closed_case",
        "outcomes-reopen.csv",
        Expect("rejected", 0, 2, problems=((2, "status", "the case is closed"),)),
    ),
    one(
        "illegal_status_change",
        "outcomes-illegal-change.csv",
        Expect(
            "partially_loaded", 3, 1, problems=((3, "status", "cannot change from 'accepted'"),)
        ),
    ),
    one(
        "closed_without_date",
        "outcomes-closed-undated.csv",
        Expect(
            "rejected",
            0,
            2,
            problems=((2, "closed_on", "closed_on is required"), (3, "closed_on", "only allowed")),
        ),
    ),
    one("unknown_kind", "unknown-kind.csv", rejected("unknown_kind"), remote="report-{case}.csv"),
    one("kind_from_header", VALID, LOADED3, remote="export-{case}.csv"),
    one(
        "ack_valid",
        "disposal-acks-valid.csv",
        Expect("loaded", 1, contract="disposal-ack/1.0"),
        remote="disposal-acks-{case}.csv",
    ),
    one(
        "ack_not_yours",
        "disposal-acks-not-yours.csv",
        Expect(
            "rejected",
            0,
            4,
            contract="disposal-ack/1.0",
            problems=(
                (2, None, "was not issued to"),
                (3, None, "was not issued to"),
                (4, None, "names referral"),
                (5, "disposed_at", "is in the future"),
            ),
        ),
        remote="disposal-acks-{case}.csv",
    ),
]


def encode(text: str, transform: str, seed: int = 7) -> bytes:
    """The bytes a partner's tool might really have produced from the rendered template."""
    lines = text.splitlines(keepends=True)
    match transform:
        case "utf8":
            return text.encode()
        case "bom":
            return b"\xef\xbb\xbf" + text.encode()
        case "crlf":
            return text.replace("\n", "\r\n").encode()
        case "mixed":
            return "".join(
                line.replace("\n", "\r\n") if i % 2 else line for i, line in enumerate(lines)
            ).encode()
        case "latin1":
            return text.encode("latin-1")
        case "utf16":
            return text.encode("utf-16")
        case "empty":
            return b""
        case "gzip":
            return gzip.compress(text.encode(), mtime=0)
        case "zip":
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w") as archive:
                archive.writestr("outcomes.csv", text)
            return buffer.getvalue()
        case "noise":
            return random.Random(seed).randbytes(4096)
        case "nul":
            return (
                lines[0] + lines[1] + lines[2].replace(",", ",\x00", 1) + "".join(lines[3:])
            ).encode()
        case "long_notes":
            return _with_notes(lines, "Very long note about John Smith. " * 150)
        case "huge_notes":
            return _with_notes(lines, "x" * 200_000)
    raise ValueError(transform)


def _with_notes(lines: list[str], notes: str) -> bytes:
    row = lines[2].rstrip("\n").rsplit(",", 1)[0] + "," + f'"{notes}"' + "\n"
    return "".join([*lines[:2], row, *lines[3:]]).encode()
