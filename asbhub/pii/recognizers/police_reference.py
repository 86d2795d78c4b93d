"""Police crime and incident references: 42/CR/012345/26, 42/001234/26 and their sloppy forms."""

from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import Pattern, PatternRecognizer  # noqa: TID253 - loaded lazily

_S = r"\s?[/\-]\s?"


class PoliceReferenceRecognizer(PatternRecognizer):
    """Crime references (with CR) at 0.9; incident references (force/serial/year) at 0.75."""

    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "Crime reference", rf"\b(?:\d{{2}}{_S}|\d{{2}}\s?)?CR{_S}?\d{{4,8}}{_S}\d{{2}}\b", 0.9
        ),
        Pattern("Incident reference", rf"(?<![\d/])\d{{2}}{_S}\d{{4,7}}{_S}\d{{2}}(?![\d/])", 0.75),
        Pattern(
            "Log number with its date",
            r"\b(?:log|incident|inc|occ|occurrence|storm|cad|ref)\s?(?:no\.?|number|ref)?[\s:#]*\K"
            r"\d{3,5}\s+of\s+\d{1,2}/\d{1,2}(?:/\d{2,4})?",
            0.75,
        ),
        Pattern("Occurrence number", r"\b(?:occ|ref|urn)[\s:#]*\d{2}[A-Z]{1,2}\d{5,8}\b", 0.6),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "ref",
        "reference",
        "crime",
        "incident",
        "log",
        "occurrence",
        "urn",
        "cad",
    ]

    def __init__(self, supported_entity: str = "POLICE_REFERENCE") -> None:
        super().__init__(
            supported_entity=supported_entity,
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            global_regex_flags=re.IGNORECASE,
        )
