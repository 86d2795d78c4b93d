"""A pattern's gate changes no result: with and without the gates, every recognizer finds the
same spans with the same scores, on every tuned-on gold set and on the shapes table."""

from __future__ import annotations

import json
from pathlib import Path
from typing import ClassVar

import pytest
from presidio_analyzer import Pattern

from asbhub.pii.engine import RedactionEngine
from asbhub.pii.evaluation import GOLD_SETS, SetRole
from asbhub.pii.recognizers.matching import PatternMatching

FIXTURES = Path(__file__).parents[1] / "fixtures" / "pii"
TUNED = [name for name, role in GOLD_SETS.items() if role is SetRole.TUNED_ON]


def _texts() -> list[str]:
    from tests.pii.test_shapes import SHAPES

    texts = []
    for name in TUNED:
        path = FIXTURES / f"{name}.jsonl"
        if path.exists():
            texts += [json.loads(line)["text"] for line in path.read_text().splitlines()]
    for row in SHAPES:
        values = row.values if hasattr(row, "values") else row
        texts.append(values[1])
    return texts


def _found(recognizer: PatternMatching, texts: list[str]) -> list[tuple[int, int, float]]:
    out = []
    for i, text in enumerate(texts):
        for r in recognizer.analyze(text, recognizer.supported_entities):
            out.append((i, r.start, r.end, round(r.score, 6)))
    return sorted(out)


def test_gated_recognizers_exist(engine: RedactionEngine) -> None:
    gated = [r for r in engine.pattern_recognizers if getattr(r, "GATES", None)]
    assert len(gated) >= 3
    for recognizer in gated:
        names = {p.name for p in recognizer.patterns}
        assert set(recognizer.GATES) <= names, recognizer.name  # no gate for a lost pattern


GATED = [
    "CuedPhone",
    "DateOfBirth",
    "OfflineEmail",
    "PersonContext",
    "PoliceReference",
    "SocialMediaHandle",
    "StreetAddress",
    "TunedUkNino",
    "TunedUkPostcode",
    "TunedUkVehicleRegistration",
]


def test_every_gated_recognizer_is_checked(engine: RedactionEngine) -> None:
    gated = {type(r).__name__ for r in engine.pattern_recognizers if getattr(r, "GATES", None)}
    assert gated == {f"{name}Recognizer" for name in GATED}


@pytest.mark.parametrize("which", GATED)
def test_a_gate_changes_no_result(
    engine: RedactionEngine, which: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    kind = type(next(r for r in engine.pattern_recognizers if r.name.startswith(which)))
    texts = _texts()
    # fresh recognizers: each compiles its patterns and gates once, on its first text
    gated = _found(kind(), texts)
    monkeypatch.setattr(kind, "GATES", {})
    monkeypatch.setattr(kind, "STARTS", {})
    assert _found(kind(), texts) == gated
    assert gated  # the sets exercise the recognizer


class _Gated(PatternMatching):
    PATTERNS: ClassVar[list[Pattern]] = [Pattern("Door", r"\bdoor\s\d+", 0.6)]

    def __init__(self) -> None:
        super().__init__(supported_entity="TEST", patterns=self.PATTERNS)


@pytest.mark.parametrize(
    ("gate", "found"),
    [
        ("never-in-the-text", False),
        (r"\bdoor\b", True),
        (("never-in-the-text", "also-never"), False),
        (("never-in-the-text", r"kick"), True),  # one of several is enough
    ],
)
def test_a_pattern_runs_only_where_its_gate_opens(
    gate: str | tuple[str, ...], found: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_Gated, "GATES", {"Door": gate})
    results = _Gated().analyze("they kick door 12 at night", ["TEST"])
    assert bool(results) is found
