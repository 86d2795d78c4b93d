"""A fast context enhancer: context words are looked up in a small text window around a match."""

from __future__ import annotations

import re
from typing import Any

from presidio_analyzer import RecognizerResult  # noqa: TID253 - loaded lazily by the engine
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer  # noqa: TID253

_WORD = re.compile(r"[a-z][a-z'.\-]*|\d+")


class WindowContextEnhancer(ContextAwareEnhancer):
    """Presidio's lemma enhancer walks every spaCy token per result; this reads ~60 characters.

    Whole-word matching on lower-cased words ("reg" must not match "register"), up to six
    words before the match and one after, as call-handler shorthand puts the cue either side.
    """

    def __init__(self, prefix_words: int = 6, suffix_words: int = 1) -> None:
        super().__init__(
            context_similarity_factor=0.35,
            min_score_with_context_similarity=0.4,
            context_prefix_count=prefix_words,
            context_suffix_count=suffix_words,
        )

    def enhance_using_context(
        self,
        text: str,
        raw_results: list[RecognizerResult],
        nlp_artifacts: Any,
        recognizers: list[Any],
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        by_id = {r.id: set(r.context or ()) for r in recognizers}
        for result in raw_results:
            words = by_id.get(
                result.recognition_metadata.get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY)
            )
            if not words or result.score >= self.MAX_SCORE:
                continue
            if self.window_has(text, result.start, result.end, words):
                result.score = min(
                    self.MAX_SCORE,
                    max(
                        result.score + self.context_similarity_factor,
                        self.min_score_with_context_similarity,
                    ),
                )
        return raw_results

    def window_has(self, text: str, start: int, end: int, words: set[str]) -> bool:
        """True when one of `words` is among the words just before or just after [start, end)."""
        before = _WORD.findall(text[max(0, start - 60) : start].lower())[
            -self.context_prefix_count :
        ]
        after = _WORD.findall(text[end : end + 30].lower())[: self.context_suffix_count]
        return any(w.strip(".'-") in words for w in (*before, *after))
