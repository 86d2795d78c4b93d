"""Scoring and the every-set report of `asbhub pii evaluate`, on small gold sets made here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from asbhub.cli import app
from asbhub.errors import HubError
from asbhub.pii.engine import RedactionEngine
from asbhub.pii.evaluation import (
    GoldRecord,
    Scorecard,
    SetRole,
    Targets,
    evaluate_sets,
    find_gold_sets,
    gold_set,
    render_sets,
    score,
)
from asbhub.pii.resolve import Entity

# "ringring" is marked as a phone number no redactor will find, so every set leaks one.
_TEXT = "RP Jane Holt of 4 Mill Road rang from ringring at 2317hrs about noise in Otley."


def _write_set(folder: Path, name: str, n: int = 2) -> Path:
    spans = [
        {"type": "PERSON", "start": 3, "end": 12},
        {"type": "STREET_ADDRESS", "start": 16, "end": 27},
        {"type": "PHONE_NUMBER", "start": 38, "end": 46},
    ]
    path = folder / f"{name}.jsonl"
    lines = [
        json.dumps({"id": f"{name}{i}", "text": _TEXT, "spans": spans, "keep": ["Otley"]})
        for i in range(n)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _card(**changes: object) -> Scorecard:
    base = {
        "redactor": "x",
        "records": 1,
        "per_type": {},
        "recall": 0.99,
        "structured_recall": 1.0,
        "name_recall": 0.99,
        "address_recall": 0.99,
        "over_redaction": 0.01,
        "keep_survival": 1.0,
        "leaked_structured": 0,
        "leaked_examples": [],
    }
    return Scorecard.model_validate(base | changes)


def test_score_counts_addresses_and_leaks_per_type() -> None:
    record = GoldRecord(
        "r1", _TEXT, [("PERSON", 3, 12), ("STREET_ADDRESS", 16, 27), ("PHONE_NUMBER", 38, 46)]
    )
    found = [Entity("PERSON", 3, 12, 0.9), Entity("STREET_ADDRESS", 16, 27, 0.9)]
    card = score("x", [record], [found])
    assert card.name_recall == 1.0 and card.address_recall == 1.0
    assert card.per_type["PHONE_NUMBER"].recall == 0.0
    assert card.leaked_structured == 1 and card.leaked_examples == ["r1 PHONE_NUMBER: 'ringring'"]
    assert card.over_redaction == 0.0


def test_targets_name_each_miss_with_both_figures() -> None:
    assert Targets().missed(_card()) == []
    missed = Targets().missed(_card(address_recall=0.9, over_redaction=0.05, leaked_structured=2))
    assert missed == [
        "address_recall 0.9 < 0.95",
        "over_redaction 0.05 > 0.02",
        "leaked_structured 2 > 0",
    ]


def test_gold_sets_are_found_in_report_order_and_labelled(tmp_path: Path) -> None:
    for name in ("blind", "handwritten", "dev", "blind_seen", "notes"):
        _write_set(tmp_path, name)
    assert [(s.name, s.role) for s in find_gold_sets(tmp_path)] == [
        ("dev", SetRole.TUNED_ON),
        ("handwritten", SetRole.TUNED_ON),
        ("blind_seen", SetRole.SEEN),
        ("blind", SetRole.BLIND),
    ]
    _write_set(tmp_path, "shapes")
    names = [s.name for s in find_gold_sets(tmp_path)]
    assert names == ["dev", "handwritten", "shapes", "blind_seen", "blind"]
    assert gold_set(tmp_path / "notes.jsonl").role is SetRole.UNLABELLED


def test_a_folder_without_gold_sets_says_where_it_looked(tmp_path: Path) -> None:
    with pytest.raises(HubError, match="no gold sets"):
        find_gold_sets(tmp_path)


def test_every_set_is_reported_side_by_side_and_the_blind_sets_leaks_stay_unlisted(
    tmp_path: Path, engine: RedactionEngine
) -> None:
    sets = [gold_set(_write_set(tmp_path, "dev")), gold_set(_write_set(tmp_path, "blind", 3))]
    reports = evaluate_sets(sets, engine, compare_vanilla=False)
    dev, blind = reports
    assert (dev.role, blind.role) == (SetRole.TUNED_ON, SetRole.BLIND)
    assert blind.engine.records == 3 and blind.vanilla is None
    assert blind.engine.leaked_structured == 3 and blind.engine.leaked_examples == []
    assert dev.engine.leaked_examples and "leaked_structured 3 > 0" in blind.targets_missed
    text = render_sets(reports)
    head = text.splitlines()[:2]
    assert head[0].split()[-2:] == ["dev", "blind"] and head[1].split() == ["tuned-on", "blind"]
    assert "recall PHONE_NUMBER" in text and "structured left whole" in text
    assert "leaked in dev: dev0 PHONE_NUMBER: 'ringring'" in text
    assert "blind: examples of leaks are not listed" in text and "blind0" not in text


def test_evaluate_all_reports_every_set_with_vanilla_beside_the_engine(tmp_path: Path) -> None:
    _write_set(tmp_path, "handwritten")
    _write_set(tmp_path, "blind")
    result = CliRunner().invoke(
        app, ["--json", "pii", "evaluate", "--all", "--gold-dir", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    sets = json.loads(result.stdout)["sets"]
    assert [(s["name"], s["role"]) for s in sets] == [
        ("handwritten", "tuned-on"),
        ("blind", "blind"),
    ]
    assert all(s["vanilla"]["redactor"] == "vanilla-presidio" for s in sets)
    assert sets[1]["engine"]["leaked_examples"] == []


def test_evaluate_without_gold_files_asks_for_them() -> None:
    result = CliRunner().invoke(app, ["pii", "evaluate"])
    assert result.exit_code == 2
    assert "--all" in result.output
