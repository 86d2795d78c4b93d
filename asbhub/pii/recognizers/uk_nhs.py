"""NHS numbers: checksum-valid ones always; a mistyped one still counts when 'NHS' is near."""

from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import Pattern  # noqa: TID253 - loaded lazily
from presidio_analyzer.predefined_recognizers import NhsRecognizer  # noqa: TID253

from asbhub.pii.recognizers.matching import PatternMatching


class TunedUkNhsRecognizer(PatternMatching, NhsRecognizer):
    """A valid modulus-11 check digit scores 1.0; otherwise 0.2 unless context lifts it."""

    # Presidio declares these without ClassVar, so mypy takes them for instance variables.
    PATTERNS: ClassVar[list[Pattern]] = [  # type: ignore[misc]
        Pattern("NHS number", r"(?<![\d/])\d{3}[ .\-]?\d{3}[ .\-]?\d{4}(?![\d/])", 0.2),
        # Grouped another way or with two spaces, after its own name: "nhs=640 1177  492"; or
        # after the names Scotland and Northern Ireland give theirs: "CHI", "H&C 604 559 2218".
        Pattern(
            "NHS number after its name",
            r"(?i:\b(?:nhs|chi|h\s?&\s?c|health\s+(?:and|&)\s+care)\b(?:\s+(?:no|number))?\.?"
            r"[\s:#=]*)\K"
            r"\d(?:[ \-]{0,2}\d){9}(?![\d/])",  # any grouping: "856 308 37 16"
            0.6,
        ),
        # Typed a digit at a time, the cue out of reach: "from her care plan: 6 9 2 1 7 4 2 1 8
        # 0" (only its check digit lifts it: ten digits apart are no date, time or sum).
        Pattern("NHS number typed apart", r"(?<![\d/] ?)\d(?: \d){9}(?! ?\d)", 0.2),
    ]
    CONTEXT: ClassVar[list[str]] = ["nhs", "health", "chi", "patient", "hospital", "gp"]  # type: ignore[misc]

    def __init__(self) -> None:
        super().__init__(patterns=self.PATTERNS, context=self.CONTEXT)

    # PatternRecognizer reads None as 'undecided'; Presidio's NhsRecognizer narrowed it to bool.
    def validate_result(self, pattern_text: str) -> bool | None:  # type: ignore[override]
        digits = re.sub(r"\D", "", pattern_text)  # spaces, dashes and dots: "339.762.6005"
        if len(digits) != 10:
            return None
        if digits.startswith("0"):
            return None  # a phone number shape; only context makes it an NHS number
        total = sum(int(c) * w for c, w in zip(digits[:9], range(10, 1, -1), strict=True))
        check = (11 - total % 11) % 11
        return True if check != 10 and check == int(digits[9]) else None
