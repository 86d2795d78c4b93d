"""How contract rows become CSV cells and JSON Lines, in the one place that does it."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from asbhub.formats import csv_cell, write_csv_rows, write_jsonl_rows
from contracts.enums import RiskLevel, ThriveFlag


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (None, ""),
        (True, "true"),
        (False, "false"),
        (0, "0"),
        ("", ""),
        (["threat", "harm"], "threat;harm"),
        ([ThriveFlag.THREAT, ThriveFlag.VULNERABILITY], "threat;vulnerability"),
        ([], ""),
        (RiskLevel.HIGH, "high"),
        (date(2026, 3, 29), "2026-03-29"),
        (datetime(2026, 3, 29, 1, 30, tzinfo=UTC), "2026-03-29T01:30:00+00:00"),
        ('said "you\'re dead", left', 'said "you\'re dead", left'),
    ],
)
def test_csv_cells(value: object, cell: str) -> None:
    assert csv_cell(value) == cell


def test_csv_quotes_per_rfc4180_and_counts_rows() -> None:
    stream = io.StringIO(newline="")
    rows = [{"a": 'x, "y"', "b": True}, {"a": None, "b": False, "ignored": 1}]
    assert write_csv_rows(stream, ["a", "b"], rows) == 2
    assert stream.getvalue() == 'a,b\r\n"x, ""y""",true\r\n,false\r\n'
    assert list(csv.reader(io.StringIO(stream.getvalue()))) == [
        ["a", "b"],
        ['x, "y"', "true"],
        ["", "false"],
    ]


def test_jsonl_keeps_types_and_field_order(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    rows = [{"b": [ThriveFlag.HARM], "a": date(2026, 1, 2), "c": None, "d": "Zoë £5"}]
    assert write_jsonl_rows(path, ["a", "b", "c", "d"], rows) == 1
    line = path.read_text(encoding="utf-8")
    assert line == '{"a":"2026-01-02","b":["harm"],"c":null,"d":"Zoë £5"}\n'
    assert json.loads(line)["d"] == "Zoë £5"


def test_a_failed_write_leaves_no_file(tmp_path: Path) -> None:
    def broken():  # type: ignore[no-untyped-def]
        yield {"a": 1}
        raise RuntimeError("source went away")

    with pytest.raises(RuntimeError):
        write_csv_rows(tmp_path / "out.csv", ["a"], broken())
    assert list(tmp_path.iterdir()) == []
