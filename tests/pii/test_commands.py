"""`asbhub pii redact` and `asbhub pii evaluate` through Typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

from asbhub.cli import app
from asbhub.pii.engine import RedactionEngine
from asbhub.pii.evaluation import evaluate_engine, load_gold
from tests.failing_engine import fail_on

FIXTURES = Path(__file__).parents[1] / "fixtures" / "pii"


def test_redact_reports_bad_lines_and_carries_on(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        "\n".join(
            [
                json.dumps({"id": "a", "text": "Mr Jones rang on 07700 900123"}),
                "{not json",
                json.dumps({"id": "b", "text": "Youths in Otley", "known": {"PERSON": ["X Y"]}}),
                json.dumps({"id": 3, "text": "bad id"}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["pii", "redact", "--in", str(source), "--out", str(out)])
    assert result.exit_code == 1
    assert "line 2" in result.stderr and "line 4" in result.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", "b"]
    assert "<PHONE_NUMBER>" in rows[0]["text"] and rows[1]["text"] == "Youths in Otley"
    assert {"type", "start", "end", "score"} <= set(rows[0]["entities"][0])


def test_redact_withholds_a_narrative_it_fails_on_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_on(monkeypatch, "Poisonwood")
    source = tmp_path / "in.jsonl"
    texts = ["Mr Jones rang on 07700 900123", "Mrs Poisonwood rang", "Youths in Otley"]
    source.write_text(
        "".join(json.dumps({"id": f"n{i}", "text": t}) + "\n" for i, t in enumerate(texts)),
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["pii", "redact", "--in", str(source), "--out", str(out)])
    assert result.exit_code == 1
    assert "id n1" in result.stderr and "withheld" in result.stderr
    assert "Poisonwood" not in result.output + result.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r.get("withheld", False)) for r in rows] == [
        ("n0", False),
        ("n1", True),
        ("n2", False),
    ]
    assert rows[1]["text"] == "<WITHHELD>" and rows[2]["text"] == "Youths in Otley"


def test_evaluate_prints_scores() -> None:
    result = CliRunner().invoke(app, ["pii", "evaluate", str(FIXTURES / "dev.jsonl")])
    assert result.exit_code == 0, result.output
    assert "over-redaction" in result.stdout and "recall PERSON" in result.stdout


def test_dev_set_meets_targets(engine: RedactionEngine) -> None:
    card = evaluate_engine(load_gold(FIXTURES / "dev.jsonl"), engine)
    assert card.records >= 200
    assert card.recall >= 0.95
    assert card.structured_recall >= 0.99
    assert card.name_recall >= 0.92
    assert card.leaked_structured == 0
    assert card.over_redaction <= 0.03
    assert card.keep_survival >= 0.97


def test_handwritten_set_meets_targets(engine: RedactionEngine) -> None:
    """Hand-written narratives (new sentence shapes, not the templates behind dev/holdout)."""
    card = evaluate_engine(load_gold(FIXTURES / "handwritten.jsonl"), engine)
    assert card.records >= 150
    assert card.recall >= 0.95
    assert card.structured_recall >= 0.99
    assert card.name_recall >= 0.92
    assert card.leaked_structured == 0
    assert card.over_redaction <= 0.03
    assert card.keep_survival >= 0.97


def _builder() -> ModuleType:
    """tests/fixtures/pii/make_handwritten.py, which is a script, not a package module."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_handwritten", FIXTURES / "make_handwritten.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Every set the builder makes, and the shapes set's own check file.
@pytest.mark.parametrize("name", [*_builder().SETS, "shapes_check"])
def test_hand_written_jsonl_is_built_from_its_source(name: str) -> None:
    """NAME.jsonl is what make_handwritten.py makes of NAME.txt (no hand edits)."""
    built = _builder().build((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"))
    stored = [
        json.loads(line)
        for line in (FIXTURES / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert built == stored
