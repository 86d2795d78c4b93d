"""Every pattern runs in time that grows with the text, never faster: the hub's guard against
catastrophic backtracking (the matching loop has no per-pattern timeout; see
asbhub/pii/recognizers/matching.py), and the loop gives Presidio's own results."""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
import regex
from presidio_analyzer import PatternRecognizer

import asbhub.pii
import asbhub.pii.recognizers
from asbhub.pii.recognizers.factoring import factored
from asbhub.pii.recognizers.registry import pattern_recognizers

FIXTURES = Path(__file__).parents[1] / "fixtures" / "pii"

# What patterns loop over: letters in either case, digits, separators, quotes and apostrophes,
# names, cue words, titles and street words, each repeated to the length of a long statement and
# closed by a character no pattern accepts, so every start position fails as late as it can.
UNITS = [
    *["a", "A", "1", "0", " ", "-", ".", "/", "'", "’", "@", "#", "é", ",", "\n", "|"],
    *["a ", "A ", "1 ", "0 ", "a1", "A1 ", "a-", "a.", "a'", "a@", "a.b", "O'", "Ó'", "ab\n"],
    *["Ab ", "AB ", "12 ", "07", "O7 ", "12/", "12-", "1st ", "( ", ", ", "(a ", "'a' "],
    *["Mr ", "A. ", "Mac", "Smith ", "SMITH ", "Smith, ", "and ", "& ", "n ", "the ", "of "],
    *["flat ", "Flat 1, ", "road ", "Road ", "house ", "dob ", "born ", "ref ", "tel ", "log "],
    *["07700 ", "Action: AB ", '"Ab" ', "my Ab ", "(surname ", "a (", "@a ", "www."],
]
LENGTH = 12_000
# The slowest pattern takes a few tens of milliseconds on this text; one that backtracks
# quadratically took seconds, and the timeout stops an exponential one from hanging the run.
LIMIT_SECONDS = 1.0


def _patterns() -> list[Any]:
    """Every pattern and every gate, as the matching loop compiles them (factored)."""
    params = []
    for rec in pattern_recognizers():
        for pattern in rec.patterns:
            params.append(pytest.param(rec, pattern.regex, id=f"{rec.name}/{pattern.name}"))
        for name, gate in rec.GATES.items():
            for i, source in enumerate((gate,) if isinstance(gate, str) else gate):
                params.append(pytest.param(rec, source, id=f"{rec.name}/gate {i} of {name}"))
    return params


def _runs(befores: tuple[str, ...] = ("",)) -> Iterator[tuple[str, str]]:
    """Each unit repeated to LENGTH and closed by a character no pattern accepts, after each of
    `befores`: (what it is, the text)."""
    for unit in UNITS:
        for before in befores:
            yield before + unit, before + (unit * (LENGTH // len(unit) + 1))[:LENGTH] + "\x00"


def _too_slow(run: Callable[[str], object], text: str, stopped: type[BaseException]) -> str | None:
    """How `run(text)` went wrong: stopped by its guard, or over LIMIT_SECONDS; None in time."""
    started = time.perf_counter()
    try:
        run(text)
    except stopped:
        return "stopped by its guard"
    elapsed = time.perf_counter() - started
    return f"{elapsed:.2f} s" if elapsed > LIMIT_SECONDS else None


@pytest.mark.parametrize(("recognizer", "source"), _patterns())
def test_no_pattern_backtracks_on_long_adversarial_text(recognizer: Any, source: str) -> None:
    compiled = regex.compile(factored(source), flags=recognizer.global_regex_flags)
    slow = []
    for label, text in _runs():
        verdict = _too_slow(
            lambda t: list(compiled.finditer(t, timeout=10 * LIMIT_SECONDS)), text, TimeoutError
        )
        if verdict:
            slow.append((label, verdict))
    assert not slow, f"{recognizer.name}: {source[:80]!r} backtracks on runs of: {slow}"


def _module_patterns() -> list[Any]:
    """Every compiled pattern at the top of a PII module: the checks run beside a name found
    (`_DATE_AFTER.match(text, name.end)`), on the standard library's engine."""
    found = []
    for package in (asbhub.pii, asbhub.pii.recognizers):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for name, value in vars(module).items():
                if isinstance(value, re.Pattern):
                    found.append(pytest.param(value, id=f"{info.name}.{name}"))
    return found


class _TookTooLong(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _TookTooLong


@pytest.mark.parametrize("compiled", _module_patterns())
def test_no_check_beside_a_name_backtracks_on_padding(compiled: re.Pattern[str]) -> None:
    """Matched where a name ends, before a long run: a CAD line padded with spaces, a row of
    dashes, a pasted table. The standard library's engine has no timeout: an alarm stands in."""
    slow = _slow_under_alarm(
        lambda t: [compiled.match(t, position) for position in range(4)],
        _runs(("", "Ab", "Ab ")),
    )
    assert not slow, f"{compiled.pattern[:80]!r} backtracks on runs of: {slow}"


def _slow_under_alarm(
    run: Callable[[str], object], texts: Iterable[tuple[str, str]]
) -> list[tuple[str, str]]:
    """(what it is, how it went wrong) for each text `run` takes too long on. The standard
    library's engine has no timeout: an alarm stands in."""
    slow = []
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        for label, text in texts:
            signal.alarm(int(10 * LIMIT_SECONDS))
            try:
                verdict = _too_slow(run, text, _TookTooLong)
            finally:
                signal.alarm(0)
            if verdict:
                slow.append((label, verdict))
    finally:
        signal.signal(signal.SIGALRM, previous)
    return slow


def _texts() -> list[str]:
    texts = []
    for name in ("handwritten", "shapes", "tuning5"):
        for line in (FIXTURES / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            texts.append(json.loads(line)["text"])
    return texts


def _found(results: list[Any]) -> list[tuple[str, int, int, float, str]]:
    return sorted(
        (r.entity_type, r.start, r.end, r.score, r.recognition_metadata["recognizer_identifier"])
        for r in results
    )


def test_the_matching_loop_gives_presidios_results() -> None:
    """The hub's loop against Presidio's own `PatternRecognizer.analyze`, on every recognizer
    and some five hundred narratives: the same spans, scores and recognizers, less the matches
    the recognizer's own `refuted` rejects by the words around them (matching.py)."""
    texts = _texts()
    compared = 0
    for recognizer in pattern_recognizers():
        entities = recognizer.supported_entities
        for text in texts:
            ours = _found(recognizer.analyze(text, entities))
            presidio = _found(
                [
                    r
                    for r in PatternRecognizer.analyze(recognizer, text, entities)
                    if not recognizer.refuted(text, r.start, r.end)
                ]
            )
            assert ours == presidio, f"{recognizer.name} differs on {text!r}"
            compared += len(ours)
    assert compared > 1000  # the comparison saw matches of every kind, not an empty set


# What the field reader and the plain view loop over: labels, pairs, cells, encodings, escapes.
_MACHINE_UNITS = [
    *["a=", "a=b ", "a: ", "Name: ", "name=a&", '"a":"', "<a>", "a,", "a\t", "a|", "a;", "(a, "],
    *[
        "%2",
        "%20",
        "%25",
        "&#",
        "&nbsp;",
        "\\n",
        "\\\\n",
        "\\u00",
        "a+",
        "a- ",
        "a b ",
        "O1",
        "l0 ",
    ],
]


@pytest.mark.parametrize(
    "reader",
    [
        pytest.param("asbhub.pii.recognizers.fields:field_values", id="field_values"),
        pytest.param("asbhub.pii.plain:plain_view", id="plain_view"),
    ],
)
def test_the_field_reader_and_the_plain_view_never_backtrack(reader: str) -> None:
    """Both run their patterns over the whole text, once per narrative."""
    module, name = reader.split(":")
    run = getattr(importlib.import_module(module), name)
    texts = (
        (unit, (unit * (LENGTH // len(unit) + 1))[:LENGTH] + "\x00")
        for unit in [*UNITS, *_MACHINE_UNITS]
    )
    slow = _slow_under_alarm(run, texts)
    assert not slow, f"{reader} is slow on runs of: {slow}"
