"""`asbhub validate` over the fixture corpus: exit code, JSON result and the human message."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from asbhub.cli import app

FIXTURES = Path(__file__).parents[1] / "fixtures" / "validate"
FILES = FIXTURES / "files"
CASES: list[dict[str, Any]] = yaml.safe_load((FIXTURES / "cases.yaml").read_text(encoding="utf-8"))


def _params() -> list[Any]:
    params = []
    for case in CASES:
        marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
        params.append(pytest.param(case, id=case["file"], marks=marks))
    return params


def _invoke(*args: str) -> Any:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def _validate(case: dict[str, Any], *, as_json: bool) -> Any:
    args = ["--json"] if as_json else []
    args += ["validate", "--contract", case.get("contract", "outcome/1.0")]
    if "max_bytes" in case:
        args += ["--max-bytes", str(case["max_bytes"])]
    return _invoke(*args, str(FILES / case["file"]))


@pytest.mark.parametrize("case", _params())
def test_json_result(case: dict[str, Any]) -> None:
    result = _validate(case, as_json=True)
    assert result.exit_code == case["exit"], result.output
    data = json.loads(result.stdout)
    assert data["file"].endswith(case["file"])
    assert data["status"] == {0: "valid", 1: "invalid", 2: "unreadable"}[case["exit"]]
    if case["exit"] == 2:
        assert data["reason"] == case["reason"]
        [problem] = data["problems"]
        assert problem["line"] == case.get("line")
        assert case["says"] in problem["message"]
        return
    assert data["reason"] is None
    assert data["records"] == case["records"]
    got = [(p["line"], p["field"]) for p in data["problems"]]
    assert got == [(line, field) for line, field, _ in case.get("problems", [])]
    for problem, (_, _, text) in zip(data["problems"], case.get("problems", []), strict=True):
        assert text in problem["message"]
    assert data["invalid_records"] == len({line for line, _ in got})
    assert data["valid_records"] == case["records"] - data["invalid_records"]


@pytest.mark.parametrize("case", _params())
def test_human_message(case: dict[str, Any]) -> None:
    result = _validate(case, as_json=False)
    assert result.exit_code == case["exit"], result.output
    out = result.output
    name = case["file"]
    if case["exit"] == 2:
        assert name in out
        assert case["says"] in out
        if case.get("line"):
            assert f"{name} line {case['line']}:" in out
        return
    for line, field, text in case.get("problems", []):
        where = f"{name} line {line}: " + (f"{field}: " if field else "")
        assert where + text in out or (where in out and text in out), out
    if case["exit"] == 0:
        assert f"{name}: {case['records']} records, all valid" in out


def test_corpus_matches_cases_and_generator() -> None:
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    wanted: dict[str, bytes] = module.corpus()
    on_disk = {path.name: path.read_bytes() for path in FILES.iterdir()}
    stale = sorted(name for name in wanted if on_disk.get(name) != wanted[name])
    assert not stale, f"run tests/fixtures/validate/make_fixtures.py: {stale} differ"
    assert sorted(on_disk) == sorted(wanted)
    assert sorted(case["file"] for case in CASES) == sorted(wanted), "every file has one case"
    outcome_cases = [c for c in CASES if c.get("contract", "outcome/1.0") == "outcome/1.0"]
    assert len(outcome_cases) >= 25


def test_unknown_contract_is_a_usage_error() -> None:
    result = _invoke("validate", "--contract", "outcome/9.9", str(FILES / "valid.csv"))
    assert result.exit_code == 2
    assert "unknown contract 'outcome/9.9'" in result.output
    assert "outcome/1.0" in result.output


def test_document_contract_is_refused() -> None:
    result = _invoke("validate", "--contract", "manifest/1.1", str(FILES / "valid.jsonl"))
    assert result.exit_code == 2
    assert "rows contract" in result.output


@pytest.mark.parametrize("target", ["missing.csv", "."], ids=["missing file", "a folder"])
def test_file_that_cannot_be_opened(target: str, tmp_path: Path) -> None:
    path = tmp_path / target
    result = _invoke("--json", "validate", "--contract", "outcome/1.0", str(path))
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert (data["status"], data["reason"]) == ("unreadable", "unreadable")
    assert "cannot read" in data["problems"][0]["message"]
