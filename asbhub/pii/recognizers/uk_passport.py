"""UK passport numbers: the nine-character forms, letters optional, digits-only needing context."""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern  # noqa: TID253 - loaded lazily by the engine
from presidio_analyzer.predefined_recognizers import (  # noqa: TID253
    UkPassportRecognizer as PresidioPassport,
)

from asbhub.pii.recognizers.matching import PatternMatching
from asbhub.pii.recognizers.police_reference import a_things_number


class TunedUkPassportRecognizer(PatternMatching, PresidioPassport):
    """One or two letters then digits (nine characters) at 0.5; nine bare digits need context."""

    # Presidio declares these without ClassVar, so mypy takes them for instance variables.
    PATTERNS: ClassVar[list[Pattern]] = [  # type: ignore[misc]
        Pattern("Passport (letters)", r"\b(?:[A-Z]{2}\d{7}|[A-Z]\d{8})\b", 0.5),
        Pattern("Passport (digits)", r"(?<![\d/])\d{9}(?![\d/])", 0.1),
        # After its cue, as people read it out: "passport 127 394 865".
        Pattern(
            "Passport after its cue",
            r"(?i:\b(?:passport|ppt|(?-i:PP))(?:\s+(?:no|number))?\.?[\s:#]*)\K"
            # a country's code before it ("GBR 507718342"), or every digit read apart
            r"(?:(?-i:GBR|GB|UK|IRL)\s)?(?:[A-Z]{1,2}\s?)?"
            # nine digits grouped any way: "127 394 865", "5090 41772", every digit apart
            r"(?=(?:\d[ \-]?){8}\d\b)\d(?:[ \-]?\d){8}\b",
            0.7,
        ),
        # Nine digits grouped any way a few words after the cue, none between: "His passport copy
        # from referencing says 5483 91027".
        Pattern(
            "Passport digits a few words after its cue",
            # (or several: "Passports held by Yeovil station for safekeeping: 548100233")
            # (a "no." between: "passport, GBR, no. 547 190 321")
            r"(?i:\bpassports?\b(?:[^.\n\d]|(?<=\b(?:no|nr))\.){1,60}?)\K(?<![\d\-])"
            r"(?=(?:\d[ \-]?){8}\d\b)\d(?:[ \-]?\d){8}\b",
            0.6,
        ),
        # Nine digits after the issuing country's code need no cue: "GBR 507718342".
        Pattern("Passport with its country's code", r"(?-i:GBR|GB|IRL)\s\d{9}\b", 0.7),
        # Another country's identity card, after its name: "dowód osobisty AYZ482193", "carte de
        # identitate RO, seria/nr XV 603914", "Personalausweis L01X00T47", "Cartão de Cidadão
        # 14893567 5 ZX8", "Slovak ID card EA482913".
        Pattern(
            "Identity card after its name",
            r"(?i:\b(?:id(?:entity)?\s+card|national\s+id|dow[oó]d(?:\s+osobisty)?"
            r"|carte\s+de\s+identitate|carte\s+d['’]identit[eé]|personalausweis"
            r"|cart[aã]o\s+de\s+cidad[aã]o|ob[cč]iansky\s+preukaz|asmens\s+tapatyb[eė]s\s+kortel[eė]"
            r"|seria\s*/\s*nr|serie\s+si\s+numar)(?:\s+[A-Z]{2,3}(?=\s*[,;:]))?(?:\s*(?:no|nr|number)\.?)?"
            r"[\s:,#]*)\K(?=(?:[A-Z ]*\d){4})[A-Z0-9]{1,10}(?:\s[A-Z0-9]{1,8}){0,2}\b",
            0.6,
        ),
        # A passport's number after its cue and a few words: "a photo of his passport on his
        # phone, no. C4J8R2T1K".
        Pattern(
            "Passport number a few words after its cue",
            r"(?i:\bpassport\b[^.\n]{0,40}?\b(?:no|number|nr)\b\.?[\s:#]*)\K"
            r"(?=[A-Z0-9]{0,9}\d)(?=[A-Z0-9]{0,9}[A-Z])[A-Z0-9]{7,10}\b",
            0.6,
        ),
        # Another country's passport, after its cue: "Lithuanian passport 24518763", "passport
        # no. 05739184"; six to nine characters with at least six digits.
        Pattern(
            "Passport of another country after its cue",
            r"(?i:\b(?:passport|ppt|pasaport|paszport|pasas|pasaportul?)"
            r"(?:\s+(?:no|number|nr|numer))?\.?[\s:#]*)\K"
            r"(?:(?=(?:[A-Z]?\d){6})[A-Z]{0,2}\d{6,9}|[A-Z]{1,2}\s\d{6,9}"
            # letters and digits mixed, as many countries issue them: "NXC7R4K21"
            r"|(?-i:(?=(?:[A-Z]{0,8}\d){3})(?=\d{0,8}[A-Z])[A-Z0-9]{8,9}))\b",
            0.6,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["passport", "passports", "pp", "ppt", "hmpo", "travel"]  # type: ignore[misc]

    def __init__(self) -> None:
        super().__init__(patterns=self.PATTERNS, context=self.CONTEXT)

    def refuted(self, text: str, start: int, end: int) -> bool:
        """A camera's serial ("BWV serial X81023456") or a ward's statistical code after its
        area's word ("Victoria ward (E05008953)") is no passport."""
        return a_things_number(text, start, end)
