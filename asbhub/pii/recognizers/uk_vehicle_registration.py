"""UK vehicle registrations: current plates in any case, older formats only in capitals."""

from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import Pattern  # noqa: TID253 - loaded lazily by the engine
from presidio_analyzer.predefined_recognizers import (  # noqa: TID253
    UkVehicleRegistrationRecognizer as PresidioVrn,
)


class TunedUkVehicleRegistrationRecognizer(PresidioVrn):
    """Current format (AB12 CDE) scores 0.6, 1.0 with a real age identifier; older need context."""

    # Presidio declares these without ClassVar, so mypy takes them for instance variables.
    PATTERNS: ClassVar[list[Pattern]] = [  # type: ignore[misc]
        Pattern("VRN current", r"\b[A-Z]{2}\s?\d{2}\s?[A-Z]{3}\b", 0.6),
        # In lower case only the solid or standard spacing: "at 42 are", "is 23 not" are prose.
        Pattern("VRN current (any case)", r"\b(?i:[A-Z]{2}\d{2}\s?[A-Z]{3})\b", 0.6),
        Pattern("VRN prefix", r"\b[A-HJ-NPR-TV-Y]\d{1,3}\s?[A-HJ-PR-Y][A-HJ-PR-Z]{2}\b", 0.3),
        Pattern("VRN suffix", r"\b[A-HJ-PR-Z]{3}\s?\d{1,3}\s?[A-HJ-NPR-TV-Y]\b", 0.3),
    ]
    CONTEXT: ClassVar[list[str]] = [  # type: ignore[misc]
        "vehicle",
        "vehicles",
        "index",
        "registration",
        "reg",
        "vrm",
        "vrn",
        "plate",
        "plates",
        "car",
        "van",
        "motorbike",
        "bike",
        "moped",
        "driving",
        "driven",
        "dvla",
        "index",
    ]

    def __init__(self) -> None:
        super().__init__(patterns=self.PATTERNS, context=self.CONTEXT)
        self.global_regex_flags = 0  # capitals matter: "A1 and" is a road, "A123 BCD" a plate

    def validate_result(self, pattern_text: str) -> bool | None:
        plate = re.sub(r"[\s\-]", "", pattern_text).upper()
        if len(plate) == 7 and plate[:2].isalpha() and plate[2:4].isdigit():
            age = int(plate[2:4])
            return True if (2 <= age <= 29 or 51 <= age <= 79) else None
        return None
