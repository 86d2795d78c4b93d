"""Word lists factored into prefix trees find exactly what the lists as written find."""

from __future__ import annotations

import random

import pytest
import regex

from asbhub.pii.engine import RedactionEngine
from asbhub.pii.recognizers.factoring import factored
from tests.pii.test_gates import _texts


@pytest.mark.parametrize(
    ("written", "factored_as"),
    [
        (
            r"\b(?i:son|sister|stepson|stepdaughter)\s",
            r"\b(?i:s(?:on|ister|tep(?:son|daughter)))\s",
        ),
        ("flat|flats", "flat(?:s)??"),  # the shorter listed first is tried first
        ("flats|flat", "flat(?:s)?"),
        ("grandson|gran|granny", "gran(?:dson||ny)"),  # listed between two: in its place
        ("ab|a|abc", "a(?:b||bc)"),
        ("abc|a|abd", "a(?:bc||bd)"),
        ("ref(?:erence)?|id|no|nos", "ref(?:erence)?|(?:id|no(?:s)??)"),  # a run of plain words
        (r"[a|b]|x|y\.|z", r"[a|b]|(?:x|y\.|z)"),  # a set's "|" is no branch; "\." is plain
        (r"(?<=foo|fob)x", r"(?<=fo(?:o|b))x"),
        (r"\p{Lu}(?:ab|ac)", r"\p{Lu}(?:a(?:b|c))"),
        (r"a\s+b|a\s+c", r"a\s+b|a\s+c"),  # not plain text: as written
        ("one", "one"),
        ("", ""),
    ],
)
def test_factored(written: str, factored_as: str) -> None:
    assert factored(written) == factored_as


def _spans(pattern: str, text: str, flags: int = 0) -> list[tuple[int, int]]:
    return [m.span() for m in regex.finditer(pattern, text, flags)]


def test_random_lists_find_the_same() -> None:
    """Lists of words that begin one another, in every order, in patterns whose next step
    can take a short word or a long one, over text made of the same letters."""
    rng = random.Random(7)
    for _ in range(400):
        words = ["".join(rng.choice("ab") for _ in range(rng.randint(1, 4))) for _ in range(6)]
        listed = "|".join(words)
        text = "".join(rng.choice("ab b") for _ in range(60))
        for shape in ("(?:{})", "(?:{})b", r"\b(?:{})\b", "(?:{})(?!a)", "x|(?:{})a?b", "(?i:{})"):
            pattern = shape.format(listed)
            assert _spans(factored(pattern), text) == _spans(pattern, text), pattern


def test_lists_of_both_cases_find_the_same_in_any_case() -> None:
    """A list may hold a word in two cases ("The|THE"); matched in any case, such branches can
    both match one text, so their order must hold as written."""
    rng = random.Random(11)
    for _ in range(1000):
        words = ["".join(rng.choice("aAb") for _ in range(rng.randint(1, 3))) for _ in range(5)]
        listed = "|".join(words)
        text = "".join(rng.choice("aAb ") for _ in range(40))
        for shape in ("(?i:{})b", "(?i:{})(?!a)", r"(?i:{})\b", "(?:{})"):
            pattern = shape.format(listed)
            assert _spans(factored(pattern), text) == _spans(pattern, text), pattern


def test_every_registered_pattern_finds_the_same(engine: RedactionEngine) -> None:
    texts = _texts()
    for recognizer in engine.pattern_recognizers:
        flags = recognizer.global_regex_flags or 0
        gates = [g for v in recognizer.GATES.values() for g in ((v,) if isinstance(v, str) else v)]
        for source in [p.regex for p in recognizer.patterns] + gates:
            written, fast = regex.compile(source, flags), regex.compile(factored(source), flags)
            for text in texts:
                assert [m.span() for m in fast.finditer(text)] == [
                    m.span() for m in written.finditer(text)
                ], (recognizer.name, source[:80], text[:80])
