"""UK passport numbers: the nine-character forms, letters optional, digits-only needing context."""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern  # noqa: TID253 - loaded lazily by the engine
from presidio_analyzer.predefined_recognizers import (  # noqa: TID253
    UkPassportRecognizer as PresidioPassport,
)

from asbhub.pii.recognizers.matching import PatternMatching


class TunedUkPassportRecognizer(PatternMatching, PresidioPassport):
    """One or two letters then digits (nine characters) at 0.5; nine bare digits need context."""

    # Presidio declares these without ClassVar, so mypy takes them for instance variables.
    PATTERNS: ClassVar[list[Pattern]] = [  # type: ignore[misc]
        Pattern("Passport (letters)", r"\b(?:[A-Z]{2}\d{7}|[A-Z]\d{8})\b", 0.5),
        Pattern("Passport (digits)", r"(?<![\d/])\d{9}(?![\d/])", 0.1),
        # After its cue, as people read it out: "passport 127 394 865".
        Pattern(
            "Passport after its cue",
            r"(?i:\b(?:passport|ppt)(?:\s+(?:no|number))?\.?[\s:#]*)\K"
            r"(?:[A-Z]{1,2}\s?)?\d{3}[ \-]\d{3}[ \-]\d{3}\b",
            0.7,
        ),
        # Another country's passport, after its cue: "Lithuanian passport 24518763", "passport
        # no. 05739184"; six to nine characters with at least six digits.
        Pattern(
            "Passport of another country after its cue",
            r"(?i:\b(?:passport|ppt|pasaport|paszport|pasas|pasaportul?)"
            r"(?:\s+(?:no|number|nr|numer))?\.?[\s:#]*)\K"
            r"(?=(?:[A-Z]?\d){6})[A-Z]{0,2}\d{6,9}\b",
            0.6,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["passport", "passports", "pp", "ppt", "hmpo", "travel"]  # type: ignore[misc]

    def __init__(self) -> None:
        super().__init__(patterns=self.PATTERNS, context=self.CONTEXT)
