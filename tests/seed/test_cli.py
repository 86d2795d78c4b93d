"""`asbhub seed` through the root app: output, --json result and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from asbhub.cli import app

runner = CliRunner()


def test_seed_writes_into_the_landing_folder_by_default(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "--home",
            str(tmp_path),
            "seed",
            "--incidents",
            "120",
            "--seed",
            "4",
            "--night",
            "2026-11-20",
        ],
    )
    assert result.exit_code == 0, result.output
    path = tmp_path / "landing" / "incidents-20261120.csv"
    assert path.exists()
    assert "120 incidents" in result.output and str(path) in result.output
    assert len(path.read_bytes().split(b"\r\n")) == 1 + 120 + 1


def test_seed_json_result(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "--json",
            "seed",
            "-n",
            "30",
            "--out",
            str(tmp_path),
            "--format",
            "jsonl",
            "--night",
            "2026-11-20",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["rows"] == 30 and data["format"] == "jsonl" and data["contract"] == "incident/1.0"
    assert data["path"] == str(tmp_path / "incidents-20261120.jsonl")
    assert len(data["sha256"]) == 64


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    for args in (
        ["seed", "-n", "10", "--night", "26/11/2026"],
        ["seed", "-n", "-1"],
        ["seed", "-n", "10", "--format", "xml"],
        ["seed"],
    ):
        result = runner.invoke(app, ["--home", str(tmp_path), *args])
        assert result.exit_code == 2, (args, result.output)
    assert not (tmp_path / "landing").exists()


def test_an_unwritable_folder_is_an_environment_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    result = runner.invoke(app, ["seed", "-n", "5", "--out", str(blocker / "landing")])
    assert result.exit_code == 2, result.output
    assert "cannot write the extract" in result.output
