"""DVLA driving licence numbers, written with or without spaces between their groups."""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern  # noqa: TID253 - loaded lazily by the engine
from presidio_analyzer.predefined_recognizers import (  # noqa: TID253
    UkDrivingLicenceRecognizer as PresidioLicence,
)

from asbhub.pii.recognizers.matching import PatternMatching

_DATE = r"\d(?:0[1-9]|1[0-2]|5[1-9]|6[0-2])(?:0[1-9]|[12]\d|3[01])\d"


class TunedUkDrivingLicenceRecognizer(PatternMatching, PresidioLicence):
    """Surname block, encoded birth date, initials and check characters: 0.85 on shape alone."""

    # Presidio declares these without ClassVar, so mypy takes them for instance variables.
    PATTERNS: ClassVar[list[Pattern]] = [  # type: ignore[misc]
        Pattern(
            "Driving licence",
            rf"\b[A-Z9]{{5}}\s?{_DATE}\s?[A-Z9]{{2}}\s?\d\s?[A-Z]{{2}}(?:\s?\d{{2}})?\b",
            0.85,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["licence", "license", "dvla", "driving", "dl"]  # type: ignore[misc]

    def __init__(self) -> None:
        super().__init__(patterns=self.PATTERNS, context=self.CONTEXT)

    def validate_result(self, pattern_text: str) -> bool | None:
        return super().validate_result(pattern_text.replace(" ", "")[:16])
