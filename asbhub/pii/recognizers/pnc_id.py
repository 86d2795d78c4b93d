"""Police National Computer ids (26/123456A) and CRO numbers (123456/26X)."""

from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import Pattern  # noqa: TID253 - loaded lazily

from asbhub.pii.recognizers.matching import PatternMatching
from asbhub.pii.recognizers.police_reference import SAID_DIGIT
from asbhub.pii.recognizers.uk_vehicle_registration import PHONETIC

# An id read out after its cue: "PNC ID oh eight stroke one two three four nine eight Tango".
_READ_OUT = (
    rf"(?i:\bpnc(?:\s+(?:id|no\.?|number))?[\s:,]*(?:is\s+)?\K(?:{SAID_DIGIT}[\s,\-]+){{2,4}}"
    rf"(?:stroke|slash)[\s,\-]+(?:{SAID_DIGIT}[\s,\-]+){{4,7}}(?:{PHONETIC}|(?-i:[A-Z]))\b)"
)


class PncIdRecognizer(PatternMatching):
    """Year, slash, serial and check letter at 0.85; a CRO number needs its context word."""

    PATTERNS: ClassVar[list[Pattern]] = [
        # (a stray space or two by its slash: "20/  331902F")
        Pattern("PNC id", r"(?<![\d/])(?:19|20)?\d{2}\s?/\s{0,2}\d{4,7}[A-Z](?![\w/])", 0.85),
        # its check letter apart, in capitals: "2013/ 0118774 B" (no I, O or S: not "… A man")
        Pattern(
            "PNC id with its letter apart",
            r"(?<![\d/])(?:19|20)?\d{2}\s?/\s{0,2}\d{5,7}\s(?-i:[B-HJ-NP-RT-Z])(?![\w/])",
            0.85,
        ),
        # After its cue, its serial typed in groups: "PNC 15/ 448 120 R", "PNC 2010/0 338 172 H".
        Pattern(
            "PNC id in groups after its cue",
            r"(?i:\bpnc(?:\s?id)?(?:\s?no\.?)?[\s:#]*)\K(?<![\d/])(?:19|20)?\d{2}\s?/\s?"
            # (no I, O, S or A for its letter apart: "… 120 A man ran")
            r"(?=(?:\d\s?){5,7}\s?(?-i:[B-HJ-NP-RT-Z])\b)\d{1,4}(?:\s\d{1,4}){1,3}\s?"
            r"(?-i:[B-HJ-NP-RT-Z])(?![\w/])",
            0.85,
        ),
        Pattern("CRO number", r"(?<![\d/])\d{1,6}/\d{2}[A-Z](?![\w/])", 0.3),
        # After its cue, a CRO number or a Scottish one (SCRO), which has no check letter:
        # "SCRO 022918/16", "CRO no: 118274/90J".
        Pattern(
            "CRO number after its cue",
            r"(?i:\bs?cro(?:\s?(?:no\.?|number))?\s*[:#]?\s*)\K\d{1,6}\s?/\s?\d{2}[A-Z]?(?![\w/])",
            0.85,
        ),
        # After its cue, an id with its slash left out: "pnc 09330118k", "PNC ID 2012 0441873D".
        Pattern(
            "PNC id without its slash after its cue",
            r"(?i:\bpnc(?:\s?id)?(?:\s?no\.?)?[\s:#]*)\K(?:19|20)?\d{2}\s?\d{5,7}[A-Z](?![\w/])",
            0.85,
        ),
        Pattern("PNC id read out", _READ_OUT, 0.85),
    ]
    CONTEXT: ClassVar[list[str]] = ["pnc", "cro", "pncid", "id"]

    def __init__(self, supported_entity: str = "PNC_ID") -> None:
        super().__init__(
            supported_entity=supported_entity,
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            global_regex_flags=re.IGNORECASE,
        )
