"""Dates of birth: a date written in a birth context (DOB, born, date of birth); others survive."""

from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import Pattern, PatternRecognizer  # noqa: TID253 - loaded lazily

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
DATE = (
    r"(?:\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?(?:\d{4}|\d{2})"
    r"|\d{4}-\d{2}-\d{2}"
    rf"|{_DAY}(?:\s+of)?[\s\-]+{_MONTH}\.?,?[\s\-]+(?:\d{{4}}|'?\d{{2}})"
    rf"|{_MONTH}\.?\s+{_DAY},?\s+\d{{4}}"
    r"|\d{1,2}[\s/.\-]?\d{2}[\s/.\-]?\d{2}(?!\d)"
    r")"
)
_BIRTH = r"(?:d\.?\s?o\.?\s?b\.?|date\s+of\s+birth|birth\s?date|birthday|born(?:\s+on)?|b\.\s?)"
_LINK = r"\s*(?:[:\-=(]|is|was|of|given\s+as)?\s*(?:[:\-=(]\s*)?"


class DateOfBirthRecognizer(PatternRecognizer):
    """The date after a birth word scores 0.85; a bracketed old date after a name 0.5."""

    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("Date after a birth word", rf"\b{_BIRTH}{_LINK}\K{DATE}(?!\d)", 0.85),
        Pattern("Year after 'born in'", r"\bborn\s+in\s+\K(?:19|20)\d{2}\b", 0.6),
        Pattern(
            "Bracketed old date after a capitalised word",
            r"[A-Z][A-Za-z'\-]+\s?\(\s?\K\d{1,2}[/.\-]\d{1,2}[/.\-](?:19\d{2}|200\d|201[0-5])(?=\s?\))",
            0.5,
        ),
        Pattern("Age with date", rf"\baged?\s+\d{{1,2}}\s*\(\s*\K{DATE}", 0.6),
    ]
    CONTEXT: ClassVar[list[str]] = ["dob", "born", "birth", "birthday"]

    def __init__(self, supported_entity: str = "DATE_OF_BIRTH") -> None:
        super().__init__(
            supported_entity=supported_entity,
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            global_regex_flags=re.IGNORECASE,
        )
