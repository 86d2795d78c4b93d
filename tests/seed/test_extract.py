"""The extract file: deterministic, valid against incident/1.0 when read back, named by night."""

from __future__ import annotations

import csv
import json
import random
from datetime import date
from pathlib import Path

import pytest

from asbhub.seed import extract_filename, generate_incidents, write_extract
from contracts.incident import Incident

from .conftest import NIGHT


def _read_csv(path: Path) -> list[dict[str, object]]:
    """Read a CSV extract back the way the contract says it travels."""
    lists, out = Incident.list_fields(), []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            record: dict[str, object] = {}
            for name, cell in row.items():
                if cell == "":
                    record[name] = [] if name in lists else None
                elif name in lists:
                    record[name] = cell.split(";")
                else:
                    record[name] = cell
            out.append({k: v for k, v in record.items() if v is not None})
    return out


def test_same_seed_gives_byte_identical_files(tmp_path: Path) -> None:
    first = write_extract(tmp_path / "a", 3_000, 5, NIGHT)
    second = write_extract(tmp_path / "b", 3_000, 5, NIGHT)
    other = write_extract(tmp_path / "c", 3_000, 6, NIGHT)
    assert Path(first.path).read_bytes() == Path(second.path).read_bytes()
    assert first.sha256 == second.sha256 != other.sha256


def test_jsonl_is_deterministic_and_matches_the_rows(tmp_path: Path) -> None:
    a = write_extract(tmp_path / "a.jsonl", 500, 9, NIGHT, "jsonl")
    b = write_extract(tmp_path / "b.jsonl", 500, 9, NIGHT, "jsonl")
    assert Path(a.path).read_bytes() == Path(b.path).read_bytes()
    lines = Path(a.path).read_text(encoding="utf-8").splitlines()
    assert len(lines) == a.rows == 500
    rows = list(generate_incidents(500, 9, NIGHT))
    for line, row in zip(lines[:50], rows[:50], strict=True):
        record = json.loads(line)
        assert list(record) == Incident.field_names()
        assert Incident.model_validate(record).incident_ref == row["incident_ref"]


def test_the_file_is_named_by_night_inside_a_folder(tmp_path: Path) -> None:
    result = write_extract(tmp_path / "landing", 10, 1, date(2026, 11, 26))
    assert Path(result.path) == tmp_path / "landing" / "incidents-20261126.csv"
    assert extract_filename(date(2026, 1, 2), "jsonl") == "incidents-20260102.jsonl"
    assert result.contract == "incident/1.0" and result.rows == 10
    assert not list((tmp_path / "landing").glob(".*partial"))


def test_csv_is_rfc4180_utf8_with_a_header(tmp_path: Path) -> None:
    result = write_extract(tmp_path, 300, 2, NIGHT)
    raw = Path(result.path).read_bytes()
    raw.decode("utf-8")
    header = raw.split(b"\r\n", 1)[0].decode()
    assert header.split(",") == Incident.field_names()
    assert b"\r\n" in raw and raw.endswith(b"\r\n")


def test_a_sample_of_5000_rows_validates_against_the_contract(sample: list[dict]) -> None:
    for row in random.Random(3).sample(sample, 5_000):
        Incident.model_validate(row)


def test_csv_read_back_validates(tmp_path: Path) -> None:
    result = write_extract(tmp_path, 2_000, 4, NIGHT)
    records = _read_csv(Path(result.path))
    assert len(records) == 2_000
    for record in records:
        model = Incident.model_validate(record)
        assert model.reported_at.utcoffset() is not None


def test_the_count_is_bounded() -> None:
    with pytest.raises(ValueError, match="between 0 and"):
        list(generate_incidents(10_000_000, 1, NIGHT))
    assert list(generate_incidents(0, 1, NIGHT)) == []
