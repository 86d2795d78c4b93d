"""National Insurance numbers, including the ZZ test prefix and odd suffix letters seen in data."""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern  # noqa: TID253 - loaded lazily by the engine
from presidio_analyzer.predefined_recognizers import UkNinoRecognizer as PresidioNino  # noqa: TID253

from asbhub.pii.recognizers.matching import PatternMatching

_PREFIX = r"(?!BG|GB|NK|KN|NT|TN)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
# in pairs, or in threes as some forms print it: "NX 528 316 D"; parted by dots too, as a
# system exports it: "TR.12.08.49.B"
_DIGITS = r"(?:[ \-.]?\d{2}[ \-.]?\d{2}[ \-.]?\d{2}|[ \-.]?\d{3}[ \-.]?\d{3})[ \-.]?"


class TunedUkNinoRecognizer(PatternMatching, PresidioNino):
    """Suffix A-D scores 0.85; any other suffix letter or none at all needs a little context."""

    # Presidio declares these without ClassVar, so mypy takes them for instance variables.
    PATTERNS: ClassVar[list[Pattern]] = [  # type: ignore[misc]
        Pattern("NINO", rf"\b{_PREFIX}{_DIGITS}[A-D]\b", 0.85),
        Pattern("NINO (odd suffix)", rf"\b{_PREFIX}{_DIGITS}[A-Z]\b", 0.45),
        Pattern("NINO (no suffix)", rf"\b{_PREFIX}[ \-]?\d{{2}}[ \-]?\d{{2}}[ \-]?\d{{2}}\b", 0.2),
        # Right after its cue any two letters: a number typed with an invalid prefix ("QQ")
        # still is one, and the record must not carry it.
        Pattern(
            "NINO after its cue",
            # (and "NI" alone in capitals, before its colon or a space: "NI: PN 5 10 29 3 A")
            r"(?:(?i:\b(?:nino|ni\s?no|n\.i\.(?:\s?no)?|national\s+insurance(?:\s+(?:no|number))?))"
            r"|(?-i:\bNI\b))"
            r"\.?[\s:#\-]*\K"
            # its digits grouped any way, or broken by a wrap's hyphen: "ST 48 21 9- 0 A"
            r"(?i:[A-Z]{2}(?:[ \-.]{0,3}\d){6}(?:[ \-.]{0,3}[A-Z])?)\b",
            0.7,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["ni", "nino", "insurance", "nat", "national"]  # type: ignore[misc]

    # The numbers alone run only where six digits stand together, in pairs or in threes.
    GATES: ClassVar[dict[str, str]] = dict.fromkeys(
        ("NINO", "NINO (odd suffix)", "NINO (no suffix)"),
        r"\d\d[ \-.]?\d\d[ \-.]?\d\d|\d\d\d[ \-.]?\d\d\d",
    )

    def __init__(self) -> None:
        super().__init__(patterns=self.PATTERNS, context=self.CONTEXT)
