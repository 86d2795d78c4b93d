"""The matching loop every pattern recognizer of ours runs: Presidio's results, less its overhead.

Presidio's `PatternRecognizer.analyze` runs each pattern under the `regex` module's timeout
(60 s by default), reads the clock twice and builds an explanation for every match. For the
hub's hundred-odd patterns on narratives of a few hundred characters that is about a tenth of
the engine's time, mostly the timeout's set-up per call. Its protection is not one the hub can
rely on either: a pattern that ran out of time would be skipped with a warning, and the
identifiers only it finds would go out unredacted, after up to a minute per pattern per record.

So this loop matches without a timeout, and the guard against catastrophic backtracking moves to
where it can fail loudly: `tests/pii/test_backtracking.py` runs every registered pattern over
long adversarial text (runs of the characters and words each kind of pattern loops over) and
fails the build when any pattern's time grows faster than the text.

Results are Presidio's: the same spans, scores after `validate_result` and `invalidate_result`,
the recognizer's name and id in the metadata, duplicates removed; only the explanation (which
the engine never asks for) is left out, and any match its recognizer's `refuted` rejects by the
words around it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

import regex
from presidio_analyzer import (  # noqa: TID253 - loaded lazily by the engine
    EntityRecognizer,
    PatternRecognizer,
    RecognizerResult,
)

from asbhub.pii.recognizers.factoring import factored


class PatternMatching(PatternRecognizer):
    """A PatternRecognizer whose public `analyze` matches each pattern without a timeout.

    `GATES` maps a pattern's name to a regular expression that the text holds wherever the
    pattern matches (its cue word, say), or to several of which it holds one: where the text
    holds none, the pattern is not run. A gate shared by several patterns is searched once per
    text. A gate changes no result, only the time taken; tests/pii/test_gates.py checks that
    with and without the gates every recognizer finds the same.

    A gate pays where it is cheaper to search than its pattern. The `regex` module skips
    quickly to a literal word or a short list of them ("flat|floor"), but a leading character
    set or a long list with other branches it tries at every place in the text, so such a gate
    is best split into several.

    `STARTS` maps a pattern's name to a zero-width regular expression that matches at every
    place where the pattern can start (the pattern's own first part in a look-ahead, say). Where
    several patterns open with the same long list of cue words, the list is then scanned once
    per text, and each pattern is tried only at the places it gives, with the same results as a
    scan of the whole text (the same test checks them).
    """

    GATES: ClassVar[Mapping[str, str | tuple[str, ...]]] = {}
    STARTS: ClassVar[Mapping[str, str]] = {}

    name: str  # Presidio sets both in __init__ without annotations
    patterns: list[Any]

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: Any = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        flags = regex_flags or self.global_regex_flags or 0
        entity_type = self.supported_entities[0]
        results: list[RecognizerResult] = []
        opened: dict[Any, bool] = {}
        places: dict[Any, list[int]] = {}
        for compiled, score, gates, starts in self._compiled(flags):
            if gates is not None:
                if gates not in opened:
                    opened[gates] = any(gate.search(text) is not None for gate in gates)
                if not opened[gates]:
                    continue
            if starts is None:
                matches = compiled.finditer(text)
            else:
                if starts not in places:
                    places[starts] = [m.start() for m in starts.finditer(text)]
                matches = _matches_from(compiled, text, places[starts])
            for match in matches:
                start, end = match.span()
                if start == end:
                    continue
                found = self._score(text[start:end], score)
                if found > EntityRecognizer.MIN_SCORE:
                    result = RecognizerResult(
                        entity_type=entity_type,
                        start=start,
                        end=end,
                        score=found,
                        recognition_metadata={
                            RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                        },
                    )
                    results.append(result)
        if not results:
            return results  # nothing found (most texts, most recognizers)
        if len(results) > 1:
            results = EntityRecognizer.remove_duplicates(results)
        return [r for r in results if not self.refuted(text, r.start, r.end)]

    def refuted(self, text: str, start: int, end: int) -> bool:
        """A match its own words show is none: an organisation's switchboard for a phone, a
        tenancy's start for a date of birth. None here; recognizers override it."""
        return False

    def _compiled(self, flags: int) -> list[tuple[Any, float, Any, Any]]:
        """Each pattern compiled with `flags`, its score, its compiled gates and its compiled
        starts (each or None), built once per recognizer and set of flags rather than checked
        pattern by pattern per text."""
        cache: dict[int, list[tuple[Any, float, Any, Any]]] = self.__dict__.setdefault(
            "_compiled_by_flags", {}
        )
        compiled = cache.get(flags)
        if compiled is None:
            compiled = []
            for pattern in self.patterns:
                if pattern.compiled_regex is None or pattern.compiled_with_flags != flags:
                    pattern.compiled_regex = regex.compile(factored(pattern.regex), flags=flags)
                    pattern.compiled_with_flags = flags
                gate = self.GATES.get(pattern.name)
                gates = (gate,) if isinstance(gate, str) else gate
                starts = self.STARTS.get(pattern.name)
                compiled.append(
                    (
                        pattern.compiled_regex,
                        pattern.score,
                        tuple(_compiled_once(g, flags) for g in gates) if gates else None,
                        _compiled_once(starts, flags) if starts else None,
                    )
                )
            cache[flags] = compiled
        return compiled

    def _score(self, matched: str, score: float) -> float:
        """The pattern's score, made certain by a passed validation and void by a failed one
        or by an invalidation (Presidio's order)."""
        valid = self.validate_result(matched)
        if valid is not None:
            score = EntityRecognizer.MAX_SCORE if valid else EntityRecognizer.MIN_SCORE
        if self.invalidate_result(matched):
            score = EntityRecognizer.MIN_SCORE
        return score


def _matches_from(compiled: Any, text: str, starts: list[int]) -> Iterator[Any]:
    """What `compiled.finditer(text)` gives, when it can start only at `starts` (in order):
    tried at each start in turn, the next try after the last match's end."""
    end = 0
    for start in starts:
        if start < end:
            continue
        match = compiled.match(text, start)
        if match is not None:
            yield match
            end = max(match.end(), start + 1)


@functools.lru_cache(maxsize=64)
def _compiled_once(expression: str, flags: int) -> Any:
    """A gate or a starts expression, compiled once per set of flags (several patterns share
    one)."""
    return regex.compile(factored(expression), flags=flags)
