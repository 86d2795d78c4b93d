"""UK postcodes, trusted: Presidio ships them at 0.1, and a full postcode is rarely else."""

from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import Pattern  # noqa: TID253 - loaded lazily by the engine
from presidio_analyzer.predefined_recognizers import (  # noqa: TID253
    UkPostcodeRecognizer as PresidioUkPostcodeRecognizer,
)

from asbhub.pii.recognizers.matching import PatternMatching
from asbhub.pii.recognizers.street_address import STREET_WORDS
from asbhub.pii.recognizers.uk_vehicle_registration import (
    PHONETIC,
    SAID_TEN_TO_NINETY_NINE,
    SAID_UNITS,
)

_OUTWARD = (
    r"(?:[A-PR-UWYZ][0-9][ABCDEFGHJKPSTUW]?|[A-PR-UWYZ][0-9]{2}"
    r"|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]?|[A-PR-UWYZ][A-HK-Y][0-9]{2})"
)
_INWARD = r"[0-9][ABD-HJLNP-UW-Z]{2}"
# The postcode areas, Royal Mail's letters for them: a lower-case code is trusted only with one.
_AREAS = (
    "ab al b ba bb bd bh bl bn br bs bt ca cb cf ch cm co cr ct cv cw da dd de dg dh dl dn dt dy"
    " e ec eh en ex fk fy g gl gu gy ha hd hg hp hr hs hu hx ig im ip iv je ka kt kw ky l la ld"
    " le ll ln ls lu m me mk ml n ne ng nn np nr nw ol ox pa pe ph pl po pr rg rh rm s sa se sg"
    " sk sl sm sn so sp sr ss st sw sy ta td tf tn tq tr ts tw ub w wa wc wd wf wn wr ws wv yo ze"
)
_AREA = "(?:" + "|".join(sorted(_AREAS.split(), key=len, reverse=True)) + ")"
# Two letters after a digit that are a word, not an inward code's: "b1 2 as", "m1 2 at".
_WORD_OF_TWO = r"(?:as|at|be|by|he|we|up|us|ye|ya|eh|uh)"
# A postcode with a letter O for a zero: in a two-letter area's digit ("CRO 2JA"), or for the
# inward code's digit ("SE18 OBU"); never both, so some digit is real.
_O_FOR_ZERO = (
    # (not an ordinal: "PRO 2ND"; not a road's name after its number: "THE A5 OLD ROAD")
    rf"(?:[A-PR-UWYZ][A-HK-Y]O\s{{0,2}}(?!(?i:1st|2nd|3rd|[04-9]th)\b){_INWARD}"
    rf"|{_OUTWARD}\s{{1,2}}O[ABD-HJLNP-UW-Z]{{2}}(?!\s+(?i:{STREET_WORDS})\b))"
)
# A field's label typed straight after the value before it: "BS5 0QBDOB:", "PP:5334128907DOB".
_GLUED_LABEL = r"(?:DOB|D\.O\.B|TEL|Tel|MOB|Mob|PH|Ph|NI|NHS|EMAIL|Email|FF[OÔ]N|Ff[oô]n)"
_FIRST_PART = r"first\s+part|part\s*(?:1|one)|1st\s+part|outward(?:\s+code)?"
_SECOND_PART = r"second\s+part|part\s*(?:2|two)|2nd\s+part|inward(?:\s+code)?"

# A postcode read out in the phonetic alphabet, its letters said as words or as letters and its
# numbers as words or digits: "Sierra Echo twenty-two, nine Bravo Papa", "lima nine seven tango
# romeo", "S L two, five A Golf".
_LETTER_SAID = rf"(?:{PHONETIC}|(?-i:[A-Z]))"
_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_DIGIT_SAID = rf"(?:{_DIGIT_WORD}|\d)"
_OUTWARD_NUMBER_SAID = rf"(?:{SAID_TEN_TO_NINETY_NINE}|{_DIGIT_SAID}(?:\s{_DIGIT_SAID})?|\d{{1,2}})"
_POSTCODE_SAID = (
    rf"\b{_LETTER_SAID}(?:[\s,]+{_LETTER_SAID})?[\s,]+{_OUTWARD_NUMBER_SAID}"
    # (one of the inward letters said as a word: "five A Golf", not "5 A G")
    rf"(?:[\s,]+{_LETTER_SAID})?,?\s+{_DIGIT_SAID}[\s,]+"
    rf"(?:{PHONETIC}[\s,]+{_LETTER_SAID}|{_LETTER_SAID}[\s,]+{PHONETIC})\b"
)

# An ordinal of two digits that ends the match: "30TH", "21st" (an inward code's digit is one).
_TWO_DIGIT_ORDINAL = re.compile(
    r"(?<![\w])(?:1[0-9](?i:th)|[2-9]1(?i:st)|[2-9]2(?i:nd)|[2-9]3(?i:rd)|[2-9][04-9](?i:th))$"
)
# A statute's name or initials and its year: "Act 1990 ", "EPA 1990 ", "ASBCPA 2014 ".
_STATUTE_BEFORE = re.compile(r"\b(?:(?i:act)|[A-Z]{2,7})\s(?:1[89]|20)\d\d,?\s$")


class TunedUkPostcodeRecognizer(PatternMatching, PresidioUkPostcodeRecognizer):
    """Full postcodes at 0.75 in any case; an outward code alone ("LS6") is left alone."""

    # Presidio declares these without ClassVar, so mypy takes them for instance variables.
    PATTERNS: ClassVar[list[Pattern]] = [  # type: ignore[misc]
        Pattern("UK postcode (full)", rf"\b(?:GIR\s?0AA|{_OUTWARD}\s{{0,3}}{_INWARD})\b", 0.75),
        # Split by a form's line break turned into a slash, or by a wrap's hyphen: "B12 / 8JU",
        # "CF24/3AA", "CR0 -  0QX".
        Pattern(
            "UK postcode split by a slash", rf"\b{_OUTWARD}\s{{0,2}}[/\-]\s{{0,2}}{_INWARD}\b", 0.6
        ),
        # Its halves parted by a comma, as if a line of the address: "IG1, 3TT", "(E15,1NL)".
        Pattern("UK postcode split by a comma", rf"\b{_OUTWARD},\s{{0,2}}{_INWARD}\b", 0.6),
        # A letter O typed for a zero: "CRO 2JA", "SE18 OBU", in capitals; in any case right
        # after a street and its comma ("27 chatsworth rd, e5 olb"), not "the a5 old road".
        Pattern(
            "UK postcode with a letter O for a zero",
            rf"\b(?-i:{_O_FOR_ZERO})\b"
            # (the postcode's start first, so that the look back runs only there)
            r"|(?<=\s)(?=[a-pr-uwyz][a-hk-y]?[0-9o])"
            rf"(?<=(?i:\b(?:{STREET_WORDS})\.?,?\s)){_O_FOR_ZERO}\b",
            0.6,
        ),
        # Typed wrong right after its street (and town) or its cue, in capitals: a letter for a
        # digit or a digit for a letter in its inward half, or a space inside it ("41 Catherine
        # Street LE4 6E B", "Moulsham Street CM2 O HX", "Cavell Drive, Edmonton, N9 O1Q").
        Pattern(
            "UK postcode typed wrong after its street or cue",
            r"(?=(?-i:[A-PR-UWYZ][A-HK-Y]?[0-9]))"
            rf"(?<=(?i:\b(?:{STREET_WORDS})\.?,?\s(?-i:[A-Z][a-z]+(?:[\s\-][A-Z][a-z]+)?,\s)?"
            r"|\bpost\s?code\s*[:\-]?\s*))"
            r"(?-i:[A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-HJKPSTUW]?\s{1,2}[0-9OSI](?:\s?[A-Z0-9]){2})"
            r"(?![\w\-/])",
            0.6,
        ),
        # Typed with a space where none goes ("CM2 0 HA", "CM 20 1AB"): in capitals only, so
        # "on the a1 2 pm" stays prose.
        # In lower case too right after a street and its comma: "9 Brierley Road, s72 7 ap".
        Pattern(
            "UK postcode (odd spacing) after a street",
            # (the postcode's start first, so that the look back runs only there)
            rf"(?=[a-pr-uwyz][a-hk-y]?[0-9])(?<=(?i:\b(?:{STREET_WORDS})\.?,?\s))"
            r"(?i:(?!\w+\s\d\s?[ap]m\b)[a-pr-uwyz][a-hk-y]?[0-9][0-9a-hjkpstuw]?\s{1,2}[0-9]\s"
            r"[abd-hjlnp-uw-z]{2})\b",
            0.6,
        ),
        # A form that splits the postcode into two fields: "Postcode part 1: PL4 / Postcode part
        # 2: 9BE", "Postcode: CF24   Postcode (second part): 1LS".
        Pattern(
            "Outward code in a form's first postcode field",
            rf"\bpost\s?code\s*\(?\s*(?:{_FIRST_PART})\s*\)?\s*:\s*\K{_OUTWARD}\b",
            0.6,
        ),
        Pattern(
            "Outward code before a form's second postcode field",
            rf"\bpost\s?code\s*:\s*\K{_OUTWARD}(?=[\s,;/|]{{1,8}}post\s?code\s*\(?\s*"
            rf"(?:{_SECOND_PART}))",
            0.6,
        ),
        Pattern(
            "Inward code in a form's second postcode field",
            rf"\bpost\s?code\s*\(?\s*(?:{_SECOND_PART})\s*\)?\s*:\s*\K{_INWARD}\b",
            0.6,
        ),
        # Read out on a call: "B D twenty-one, four Q T", "D D four, eight double E".
        Pattern(
            "UK postcode read out",
            r"(?-i:\b[A-PR-UWYZ](?:\s[A-HK-Y])?)\s"
            rf"(?:{SAID_TEN_TO_NINETY_NINE}|{SAID_UNITS}|zero|oh)(?:\s(?-i:[A-HJKPSTUW]))?,?\s+"
            r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\s+"
            r"(?:(?-i:[ABD-HJLNP-UW-Z])\s(?-i:[ABD-HJLNP-UW-Z])|double\s(?-i:[ABD-HJLNP-UW-Z]))\b",
            0.6,
        ),
        Pattern("UK postcode read out phonetically", _POSTCODE_SAID, 0.6),
        # Dictated, its letters in lower case, after its cue: "postcode b d seven two j x",
        # "postcode is c f fourteen one a b"
        Pattern(
            "UK postcode dictated after its cue",
            r"\bpost\s?code\s*(?:is\s+|was\s+|:\s*)?\K[a-pr-uwyz](?:\s[a-hk-y])?\s"
            rf"{_OUTWARD_NUMBER_SAID}(?:\s[a-hjkpstuw])?,?\s+{_DIGIT_SAID}\s+"
            r"(?:[abd-hjlnp-uw-z]\s[abd-hjlnp-uw-z]|double\s[abd-hjlnp-uw-z])\b",
            0.6,
        ),
        # Spelled a character at a time, its letters alone and its digits said, joined by
        # spaces, hyphens or commas, in any case: "B-S-five, six-P-H", "O-X-four, six-D-Y",
        # "b h eight eight u a".
        Pattern(
            "UK postcode spelled with its digits said",
            # (its digits said as words: spaced digits are a plate's or a code's as often)
            r"(?<![\w'’])[a-pr-uwyz](?:[\s\-]+[a-hk-y])?[\s,\-]+"
            rf"(?:{SAID_TEN_TO_NINETY_NINE}|{_DIGIT_WORD}(?:\s{_DIGIT_WORD})?)"
            rf"(?:[\s\-]+[a-hjkpstuw])?[\s,\-]+{_DIGIT_WORD}[\s,\-]+"
            r"(?:[abd-hjlnp-uw-z][\s\-]+[abd-hjlnp-uw-z]|double\s[abd-hjlnp-uw-z])(?![\w'’])",
            0.6,
        ),
        Pattern(
            "UK postcode (odd spacing)",
            # (a wrap's hyphen inside the inward code: "S5 8-  RX")
            r"\b(?-i:(?:[A-PR-UWYZ][A-HK-Y]?\s?[0-9][0-9A-HJKPSTUW]?)\s{1,3}[0-9]-?\s{1,3}[ABD-HJLNP-UW-Z]{2}"
            r"|[A-PR-UWYZ][A-HK-Y]?\s[0-9][0-9A-HJKPSTUW]?\s{0,2}[0-9][ABD-HJLNP-UW-Z]{2})\b",
            0.6,
        ),
        # In lower case, its inward code's digit apart too, with a postcode area's letters:
        # "pontypool np4 8 jj", "glasgow g41  2 pd" (not "b1 2 as": two letters that are a word).
        Pattern(
            "UK postcode in lower case, its inward code spaced",
            rf"(?-i:(?<![\w'’\-/.]){_AREA}[0-9][0-9a-hjkpstuw]?\s{{1,3}}[0-9]\s{{1,2}}"
            rf"(?!{_WORD_OF_TWO}\b)[abd-hjlnp-uw-z]{{2}})(?![\w'’\-])",
            0.6,
        ),
        # Run into the word before or after it, as exports and hurried typing leave it, in
        # capitals: "Stapleton RoadBS5 0QB", "LS27 0AFtel", "G51 3LQrefused", "BS5 0QBDOB:".
        Pattern(
            "UK postcode run into a word",
            rf"(?-i:(?<=[a-z]){_OUTWARD}\s{{0,2}}{_INWARD}(?:(?![A-Z0-9])|(?={_GLUED_LABEL}))"
            rf"|\b{_OUTWARD}\s{{0,2}}{_INWARD}(?=[a-z]|{_GLUED_LABEL}))",
            0.6,
        ),
    ]

    # A postcode read out runs only where two letters stand apart or one is doubled.
    GATES: ClassVar[dict[str, str | tuple[str, ...]]] = {
        "UK postcode read out": (r"(?-i:\b[A-Z]\s[A-Z]\b)", r"double\s"),
        # and in the phonetic alphabet only where one of its words is
        "UK postcode read out phonetically": rf"\b{PHONETIC}\b",
        "UK postcode dictated after its cue": r"\bpost\s?code\b",
        # (a digit, a space, a digit, a space and two small letters)
        "UK postcode in lower case, its inward code spaced": r"(?-i:\d\s{1,3}\d\s{1,2}[a-z]{2}\b)",
        # (a capital after a small letter, or a word right after its inward code)
        "UK postcode run into a word": (
            r"(?-i:[a-z][A-Z]{1,2}\d)",
            rf"(?-i:\d[ABD-HJLNP-UW-Z]{{2}}(?:[a-z]|{_GLUED_LABEL}))",
        ),
        # (its inward code: a digit said, then two letters alone)
        "UK postcode spelled with its digits said": (
            r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)[\s,\-]+[a-z][\s\-]+[a-z]\b"
        ),
    }

    def __init__(self) -> None:
        super().__init__(patterns=self.PATTERNS)
        self.global_regex_flags = re.IGNORECASE

    def refuted(self, text: str, start: int, end: int) -> bool:
        """An ordinal in capitals after a word of two letters ("MOVED BY 30TH"), or a section
        after a statute's year ("EPA 1990 S33ZA"), is no postcode."""
        return _TWO_DIGIT_ORDINAL.search(text, start, end) is not None or (
            _STATUTE_BEFORE.search(text, max(0, start - 24), start) is not None
            and text[start : start + 1] in ("S", "s")
        )

    def invalidate_result(self, pattern_text: str) -> bool | None:
        # "the a1 2nd exit": a lower-case ordinal is a road direction, not an inward code.
        # "WV6 0ND", "l4 0th" end as no ordinal can ("0nd", "0th"), so they stay postcodes.
        return re.search(r"(?<!\d)(?:1st|2nd|3rd|[4-9]th)$", pattern_text) is not None
