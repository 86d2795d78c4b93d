"""UK phone numbers in the forms call handlers write them: 07700 900123, +44 (0)113 496 0000, …"""

from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import Pattern  # noqa: TID253 - loaded lazily by engine

from asbhub.pii.recognizers.matching import PatternMatching

# Between any two digits: an optional closing bracket, then at most one space, dot or hyphen.
_SEP = r"\)?[ .\-]?"
_TRUNK = r"(?:(?:\+|00)\s?44[\s.\-]?(?:\(0\)\s?)?|\(?0)"  # (dotted too: "+44.7700.900.566")
_NOT_AFTER = r"(?<![\d/])"
# A slash after a number ends it where a second number follows: "07700 900 140/07700 900 141".
# (or a mobile's last six digits, the rest shared: "07700 900123/900456", which the pattern
# "Mobile's last digits after another and a slash" then finds)
_MOBILE_AND_SLASH = r"7\d{3}\s?\d{3}\s?\d{3}\s?/\s?"
_LAST_SIX_DIGITS = r"\d{3}\s?\d{3}"
_ANOTHER_AFTER_A_SLASH = (
    rf"/\s?(?:(?:\+44\s?|0)\d(?:[ .\-]?\d){{8,9}}|(?<={_MOBILE_AND_SLASH}){_LAST_SIX_DIGITS})"
    r"(?![\d/])"
)
_LAST_SIX = re.compile(r"[1-9]\d{2}\s?\d{3}")
_NOT_BEFORE = rf"(?!\d|/(?!{_ANOTHER_AFTER_A_SLASH[1:]})|[.\-]\d)"
# Between two digits of a number broken by a line's wrap or typed loosely: a hyphen with spaces
# about it ("07700 900 - 562", "07700 9- 00 662") or two spaces ("01632960  733").
_WRAP_SEP = r"\)?(?:\s{0,2}-\s{0,2}|\s{1,2}|\.)?"
# Freephone, shared-cost and national service numbers: Crimestoppers, Victim Support, councils'
# contact centres. They belong to organisations, and stay in the text.
_SERVICE_PREFIXES = (
    "0800",
    "0808",
    "0500",
    "0300",
    "0330",
    "0333",
    "0343",
    "0344",
    "0345",
    "0370",
    "0371",
    "0372",
    "0843",
    "0844",
    "0845",
    "0870",
    "0871",
    "0872",
)


# An organisation's landline, said so beside it: "Council switchboard 0117 496 0000", "school
# office 01632 960555", "T: 01632 960 500 (main)", "Bashir & Co tel 0117 496 0300 (firm)", "team
# line 01632 960114". A mobile stays somebody's, and so does a direct line ("DD: 01632 960 526").
_ORGANISATIONS_LINE = (
    r"(?:switchboard|reception|general\s+enquiries|enquiries\s+line|helpline"
    r"|main\s+(?:line|number|no\.?|office|desk|reception)|practice\s+line"
    # (with its service between: "the out of hours noise line")
    r"|out[\s\-]+of[\s\-]+hours(?:(?:\s+[a-z]+)?\s+(?:line|number|service|team)"
    r"|(?=\s+please\s+(?:call|ring)))"
    r"|(?:school|head|parish|church)\s+office"
    # a body's own office or team, as a letter asks to be called there: "please call the
    # Community Safety team on", "Constituency office:"
    r"|constituency\s+office|(?:call|ring|contact)\s+the\s+(?:[A-Za-z&]+\s+){0,4}team(?=\s+on\b)"
    # or by its name: "please contact Renfrewshire Community Safety on"
    r"|(?:call|ring|contact)\s+(?:[A-Za-z&]+\s+){1,4}(?:safety|partnership|unit|hub|services?"
    r"|council)(?=\s+on\b)"
    # a team's shared line, which whoever is on duty answers: "team line 01632 960871", "duty
    # line", "ward phone", "control room"
    r"|(?:team|duty|office|ward|desk)\s+(?:line|number|no\.?|phone)|control\s+room)"
)
_ORGANISATIONS_LINE_BEFORE = re.compile(
    rf"\b{_ORGANISATIONS_LINE}(?:\s*(?:line|number|no\.?|tel\.?|t\.?|on|is|:|-|–|\(|please"
    r"|call|ring|phone|contact|us)){0,4}\s*$",
    re.IGNORECASE,
)
_ORGANISATIONS_LINE_AFTER = re.compile(
    rf"\s*\((?:[^()]{{0,20}}\b)?(?:{_ORGANISATIONS_LINE}|main|firm)\b[^()]{{0,30}}\)",
    re.IGNORECASE,
)


_ORGANISATIONS_RANGES = ("03", "080", "084", "087")


def organisations_line(text: str, start: int, end: int) -> bool:
    """A number at text[start:end] in the ranges given to organisations, or a landline that its
    words call an organisation's, not a person's."""
    digits = re.sub(r"\D", "", text[start:end].translate(_LETTERS_AS_DIGITS))
    digits = "0" + digits[2:].removeprefix("0") if digits.startswith("44") else digits
    if digits.startswith(_ORGANISATIONS_RANGES):
        # 03 numbers are given to public bodies and charities, 080 to freephone lines and 084
        # and 087 to services: no one's own phone ("the council ASB line 0306 999 0867")
        return len(digits) >= 10
    if not digits.startswith(("01", "02")):
        return False
    return said_to_be_an_organisations(text, start, end)


def said_to_be_an_organisations(text: str, start: int, end: int) -> bool:
    """Whether the words beside text[start:end] give it to an organisation: "the out of hours
    number", "switchboard", "(main)"."""
    return (
        _ORGANISATIONS_LINE_BEFORE.search(text, max(0, start - 64), start) is not None
        or _ORGANISATIONS_LINE_AFTER.match(text, end) is not None
    )


class _PhoneMatching(PatternMatching):
    """Our phone recognizers: a number its own words give to an organisation stays."""

    def refuted(self, text: str, start: int, end: int) -> bool:
        return organisations_line(text, start, end)


# What stands for digits not caught at a number's end: "07700 900 2??", "0113 496 07xx",
# "07700 900...".
_NOT_CAUGHT = re.compile(r"(?:\?+|[xX*]{2,4}|\.{2,}|…)$")
# Letters typed for digits: O for a zero, l or I for a one, S for a five.
_LETTERS_AS_DIGITS = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "S": "5"})


# Words for digits as a number is read out; "double", "triple" repeat the next, "hundred" is
# two zeros.
# Digits read out in the languages callers here give a number in besides English, as an
# interpreter or an officer writes them down in Latin letters (one word a digit; their words
# for tens and hundreds are not read): Welsh, Irish and Scottish Gaelic; Polish, Slovak, Czech,
# Lithuanian, Romanian, Albanian, Russian and Ukrainian; Portuguese, Spanish, Italian, French
# and German; Turkish, Kurdish, Farsi and Arabic; Urdu, Hindi, Punjabi, Gujarati and Bengali;
# Somali; Cantonese and Mandarin. A word two languages share for different digits counts once:
# only how many digits a number holds is checked.
_FOREIGN_DIGITS = {
    "0": "dim sifar shoonya shunya shunno sefr sifr sifir sıfır ling nula nulis nol nul null"
    " cero zéro náid neoni eber",
    "1": "un jeden jedna unu ek ikk një nje bir yek yat uno vienas wahid kow odin eins aon",
    "2": "dau dwy dwa doi două doua do dva dy iki du yi dois dos due deux laba zwei dó dhà dui be",
    "3": "tri tair trzy trei teen tin tre üç uc saam trys três tres trois talata saddex sê se"
    " drei trí trì tran",
    "4": "pedwar pedair cztery patru chaar char štyri stiri čtyři katër dört dort chahar sei"
    " quatro cuatro quattro quatre keturi arba afar çar chetyre vier ceathair ceithir",
    "5": "pump pięć piec cinci paanch panch päť pät pět pesë pese beş bes panj ng wu penki"
    " cinco cinque cinq khamsa shan pênc fünf funf cúig còig pyat",
    "6": "chwech sześć szesc șase şase sase chhe che chha chhoy šesť sest gjashtë gjashte altı"
    " alti shesh luk liu šeši sesi seis sitta lix şeş sechs sé sia shest",
    "7": "saith siedem șapte şapte sapte saat sedem shtatë shtate yedi haft chat qi septyni"
    " sete siete sette sept saba toddoba heft sieben seacht seachd satt sem",
    "8": "wyth osiem opt aath osem tetë tete sekiz hasht baat aštuoni astuoni oito ocho otto"
    " huit tamanya siddeed heşt acht ocht ochd atth vosem",
    "9": "naw dziewięć dziewiec nouă noua nau deväť devat nëntë nente dokuz noh gau jiu devyni"
    " nove nueve neuf tisa sagaal neh neun naoi nav noy devyat",
}
_DIGIT_WORDS = "one two three four five six seven eight nine"
_SPOKEN_DIGITS = (
    {"oh": "0", "o": "0", "zero": "0", "nought": "0", "hundred": "00"}
    | {word: str(n) for n, word in enumerate(_DIGIT_WORDS.split(), 1)}
    | {word: digit for digit, words in _FOREIGN_DIGITS.items() for word in words.split()}
)
_SPOKEN = (
    r"(?:oh|o|zero|nought|one|two|three|four|five|six|seven|eight|nine|double|triple|treble"
    r"|hundred|"
    + "|".join(sorted(" ".join(_FOREIGN_DIGITS.values()).split(), key=len, reverse=True))
    + ")"
)
_FOREIGN_ZERO = "(?:" + "|".join(_FOREIGN_DIGITS["0"].split()) + ")"
# Where a number read out starts: a zero's word, in English or another language ("dim saith
# saith", "sefr haft haft"); a mobile without its 0 ("seven seven zero zero nine"); the country's
# code said ("plus four four, seven seven double oh").
_SAID_START = (
    r"(?:0\d*|oh|zero|nought|o(?=\s+(?:seven|one|two|three|eight)\b)"
    rf"|{_FOREIGN_ZERO}"
    r"|seven(?=[\s,\-]+(?:seven|double\s+seven)\b)"
    r"|plus\s+four\s+four)"
)
_SAID_GROUP_WORD = rf"(?:\d{{1,10}}|[\dO]{{0,4}}\d[\dO]{{0,4}}|O{{2,4}}|{_SPOKEN})"
_REPEATS = {"double": 2, "triple": 3, "treble": 3}
_SPOKEN_EXTENSION = re.compile(r",?\s+(?:extension|ext)\s.*$", re.IGNORECASE | re.DOTALL)


# A break where a caller stops and says part of a number again: "nine oh oh... nine oh oh",
# "dwa... sorry, two six one".
_SAID_AGAIN = re.compile(r"\s*+(?:\.{2,3}|…)[\s,]*+(?:(?:sorry|no|I\s+mean)\b[\s,]*+)?", re.I)


def _spoken_digits(text: str, corrected: bool = True) -> str:
    """The digits a number read out stands for: "oh seven seven double oh" is "07700". Where
    the caller breaks off and goes on ("nine double oh, three... three three eight"), the group
    said before the break is the false start and the one after it stands; `corrected=False`
    counts both."""
    groups: list[str] = []
    for n, said in enumerate(_SAID_AGAIN.split(text)):
        if n and corrected and groups:
            groups.pop()
        groups += [digits for part in said.split(",") if (digits := _digits_said(part))]
    return "".join(groups)


def _digits_said(text: str) -> str:
    digits, repeat = [], 1
    for token in re.findall(r"\d+|[^\W\d_]+", text.lower()):
        if token in _REPEATS:
            repeat = _REPEATS[token]
            continue
        if len(token) > 1 and set(token) == {"o"}:
            token = "0" * len(token)  # "oo" typed for "00"
        value = token if token.isdigit() else _SPOKEN_DIGITS.get(token, "")
        digits.append(value[:1] * repeat + value[1:])
        repeat = 1
    return "".join(digits)


class UkPhoneRecognizer(_PhoneMatching):
    """National and international UK numbers; a dropped leading zero counts only with context."""

    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "UK phone (10 digits after trunk)",
            rf"{_NOT_AFTER}{_TRUNK}\d(?:{_SEP}\d){{9}}{_NOT_BEFORE}",
            0.7,
        ),
        Pattern(
            "UK phone (9 digits after trunk)",
            rf"{_NOT_AFTER}{_TRUNK}\d(?:{_SEP}\d){{8}}{_NOT_BEFORE}",
            0.6,
        ),
        Pattern(
            "UK phone broken by a wrap",
            # (its trunk's zero apart too: "0  7700  900  939")
            rf"{_NOT_AFTER}{_TRUNK}(?:\s{{1,2}}(?=\d{{3}}))?\d(?:{_WRAP_SEP}\d){{8,9}}{_NOT_BEFORE}",
            0.6,
        ),
        # (its trunk's zero in brackets, as an international form writes it: "(0)7700 900640";
        # or its last six digits in two threes: "mob 7700 900 980")
        Pattern(
            "UK mobile without 0",
            r"(?:\(0\)\s?)?(?<![\d/])7\d{3}[ \-]?\d{3}[ \-]?\d{3}(?![\d\-])",
            0.1,
        ),
        # Its groups parted by slashes, as a form's boxes were copied: "07700 / 900 / 743",
        # "07700 / 900 129", "0151 496 / 0384".
        Pattern(
            "UK phone parted by slashes",
            r"(?<![\d/])(?:\+44\s?|0)\d{3,4}(?:\s?/\s?\d{3}(?:\s?/\s?|\s)|\s\d{3}\s?/\s?)\d{3,4}"
            r"(?![\d/])",
            0.6,
        ),
        # With the country's code but no plus, as exports store it: "447700900388".
        Pattern("UK mobile with 44 and no plus", r"(?<![\d/+])44\s?7\d{3}\s?\d{6}(?!\d)", 0.5),
        # A second number after a slash: "07700 900 818/07700 900 819".
        Pattern(
            "UK phone after another and a slash",
            r"(?<=\d\s?/\s?)(?:\+44\s?|0)\d(?:[ .\-]?\d){8,9}(?![\d/])",
            0.6,
        ),
        # Typed with a letter O for a zero or l/I for a one: "O7700 900461", "07700 900 4l6".
        Pattern(
            "UK phone with a letter O",
            # (and S for a five: "07700 900 S71")
            r"(?<![\w/])(?=[\dOoIlS ]{0,28}[OoIlS])"  # bounded: the number is at most 29 characters
            rf"[0Oo][\dOo](?:{_SEP}[\dOoIlS]){{8,9}}(?![\w/])",
            0.6,
        ),
        # A number with its last digits not caught, marked as such: "07700 900 2??", "0113 496
        # 07xx", "07700 900..." (a mobile's first eight digits at least, or a landline's).
        Pattern(
            "UK phone with its last digits not caught",
            r"(?<![\w/])(?:07\d{3}[ \-]?\d{3}[ \-]?\d{0,2}|0\d{2,4}[ \-]?\d{3}[ \-]?\d{1,3})"
            r"(?:\?{1,4}|[xX*]{2,4}(?![\w*])|\.{2,}|…)",
            0.6,
        ),
        Pattern(  # "+48 601 234 567", "00353 87 412 9930", "0040 (0) 722 418 903"
            "Foreign number",
            r"(?<![\w/])(?:\+(?!44)[1-9]\d{0,2}\s?(?:\(0\)\s?)?\d(?:[ .\-]?\d){6,11}"
            # dialled with 00, the country's code stands apart and eight digits at least follow
            r"|00(?!44)[1-9]\d{0,2}\s(?:\(0\)\s?)?\d(?:[ .\-]?\d){7,11})(?!\d)",
            0.5,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "phone",
        "tel",
        "telephone",
        "mobile",
        "mob",
        "mobno",
        "number",
        "no",
        "contact",
        "call",
        "called",
        "ring",
        "rang",
        "text",
        "texts",
        "landline",
        "ph",
        "whatsapp",
    ]

    def __init__(self, supported_entity: str = "PHONE_NUMBER") -> None:
        super().__init__(
            supported_entity=supported_entity,
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            global_regex_flags=re.IGNORECASE,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        if _NOT_CAUGHT.search(pattern_text):
            # the digits that were caught, seven at least, of no organisation's number
            digits = re.sub(r"\D", "", pattern_text)
            # (a whole number before a question or dots is no part: "landline 01632 960 412?")
            return (
                None
                if 7 <= len(digits) <= 10 and not digits.startswith(_SERVICE_PREFIXES)
                else False
            )
        text = pattern_text.strip("( ").translate(_LETTERS_AS_DIGITS)
        digits = re.sub(r"\D", "", text)
        dialled = re.match(r"00([1-9]\d{0,2})\s", text)  # "00353 87 412 9930", not "0098 2231 77"
        foreign = text.startswith("+") or (
            dialled is not None and len(digits) - 2 - len(dialled.group(1)) >= 8
        )
        uk = text.startswith("+44") or digits.startswith("0044")  # "00 44 7700 …" too
        if foreign and not uk:
            return None  # a foreign number: the pattern alone decides
        if uk:
            rest = digits[2:] if text.startswith("+") else digits[4:]
            digits = "0" + rest.removeprefix("0")  # "+44 (0)113…" writes the trunk zero twice
        elif text.startswith("7"):
            digits = "0" + digits  # a mobile written without its leading zero
        elif text.startswith("44") and len(digits) == 12:
            digits = "0" + digits[2:]  # the country's code without its plus: "447700900388"
        if digits.startswith(_SERVICE_PREFIXES):
            return False  # an organisation's freephone or service number, not a person's
        if len(digits) == 11:
            return None if digits[1] in "1235789" else False
        if len(digits) == 10:
            return None if digits[1] in "18" else False
        return False


class CuedPhoneRecognizer(_PhoneMatching):
    """After "tel", "mob" or "contact", a number a digit short or over still identifies."""

    # (a group said again needs its break: an ellipsis)
    GATES: ClassVar[dict[str, str]] = {"Number read out in words, a group said again": r"\.\.|…"}

    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "Number after a phone cue",
            r"\b(?:tel|telephone|mob|mobile|phone|ph|contact|landline|ring|call|called|rang|text"
            # (who is to be rung too: "can you ring me on 07700 9006' - rest lost")
            r"|txt|whatsapp|number)\.?(?:\s?no\.?)?(?:\s+(?:on|me|us|him|her|them))*[\s:=\-]*\K"
            r"(?:\+44\s?|0\s?)[1-9](?:[ \-]?\d){7,10}(?![\d/])",
            0.6,
        ),
        Pattern(
            "Extension after a number",
            # (not the police's own line's: "101 ext 32179"; nor a bus after its time: "the
            # 10:15 X30")
            r"(?<=\d)(?<!(?<![\d\-])(?:101|111|999))(?<!\b\d{1,2}[:.]\d{2})"
            # (or said, after a comma: "01632 960 871, extension two one four")
            r",?\s?\K(?:(?:ext|extn)\.?\s?\d{1,5}|x\.?\s?\d{2,5}"
            rf"|(?:extension|ext\.?|extn\.?)\s+(?:\d{{1,5}}|{_SPOKEN}(?:[\s,\-]+{_SPOKEN}){{0,4}}))\b",
            0.6,
        ),
        # Read out, digits and words mixed: "07700 900 six four one", "oh seven seven double oh
        # nine hundred, two one four"; validate_result counts the digits the words stand for.
        # The digits typed apart come joined from the plain view: "oh seven seven 00900456".
        Pattern(
            "Number read out in words",
            # "o" read for a zero needs a digit's word after it: "o seven eight two o, nine …"
            rf"(?<![\w/]){_SAID_START}"
            # (letters O among its digits too: "oh 7 7 oo 9oo 6 4 6"; a pause said between its
            # groups: "nine hundred, and then seven two four")
            rf"(?:[\s,\-]+(?:(?:and\s+)?then\s+)?{_SAID_GROUP_WORD}\b){{3,16}}"
            # and its extension read out: ", extension two one four"
            rf"(?:,?\s+(?:extension|ext)\s+{_SPOKEN}(?:[\s,\-]+{_SPOKEN}){{0,5}}\b)?",
            0.6,
        ),
        # The same with a group said again after a break, from the false start to the end:
        # "nine oh oh... nine oh oh, five three nine", "dwa... sorry, two six one" (apart, so
        # that a number said again whole after its false start is still found by the one above)
        Pattern(
            "Number read out in words, a group said again",
            # (each word taken whole, once: a run of digits split every way would backtrack)
            rf"(?<![\w/]){_SAID_START}(?:[\s,\-]++(?>{_SAID_GROUP_WORD}\b)){{0,12}}"
            rf"{_SAID_AGAIN.pattern}(?>{_SAID_GROUP_WORD}\b)"
            rf"(?:(?:[\s,\-]++|{_SAID_AGAIN.pattern})(?>{_SAID_GROUP_WORD}\b)){{0,12}}",
            0.6,
        ),
        # A landline grouped as one is written, with a digit too many: "01633 496 0119",
        # "0113 4960 0119".
        Pattern(
            "Landline a digit over",
            r"(?<![\d/.])0[1-3]\d{2}(?:\d\s\d{3}|\s\d{4})\s\d{4}(?![\d/])",
            0.5,
        ),
        # A landline a digit short or over, grouped any way, after a phone's cue in the same
        # line: "Call me on 020 7946 038", "tel 07700 900 562 / 01632 960 07712".
        Pattern(
            "Landline a digit short or over after its cue",
            r"(?=0[1-3]|\+44)(?<=(?i:\b(?:tel|telephone|phone|mob|mobile|landline|contact|number"
            r"|call\s+(?:me\s+)?on|ring\s+(?:me\s+)?on)\b)[^\n]{0,40})"
            r"(?<![\d/.])(?:\+44\s?(?:\(0\)\s?)?|0)[1-3]\d{1,3}[ \-]?\d{3,4}[ \-]?\d{2,5}(?![\d/])",
            0.5,
        ),
        # A mobile's second number by its last six digits: "07700 900811 / 900812".
        Pattern(
            "Mobile's last digits after another and a slash",
            rf"(?<=(?<![\d/])(?:\+44\s?|0){_MOBILE_AND_SLASH}){_LAST_SIX_DIGITS}(?![\d/])",
            0.6,
        ),
        # A mobile is 07 and nine digits; one more or one fewer is still somebody's mobile.
        Pattern(
            "Mobile a digit short or over",
            r"(?<![\d/.])(?:\+44\s?(?:\(0\)\s?)?|0)7\d{2,3}[ .\-]?\d{3}[ .\-]?\d(?:[ .\-]?\d){1,4}"
            r"(?![\d/])",
            0.5,
        ),
    ]

    def __init__(self, supported_entity: str = "PHONE_NUMBER") -> None:
        super().__init__(
            supported_entity=supported_entity,
            patterns=self.PATTERNS,
            name="CuedPhoneRecognizer",
            global_regex_flags=re.IGNORECASE,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        if pattern_text[:1].lower() in ("e", "x"):
            return None  # the extension of a number just found
        if _LAST_SIX.fullmatch(pattern_text):
            return None  # a mobile's second number by its last digits, the rest shared
        pattern_text = _SPOKEN_EXTENSION.sub("", pattern_text)  # counted without its extension
        spoken = re.search(r"[a-z]", pattern_text, re.IGNORECASE) is not None
        if not spoken and "," in pattern_text:
            return False  # cells of a table's row, "03,2025-03-05 01": no number typed in digits
        if not spoken:
            digits = re.sub(r"\D", "", pattern_text)
        elif not 10 <= len(digits := _spoken_digits(pattern_text)) <= 12:
            digits = _spoken_digits(pattern_text, corrected=False)  # a pause, not a correction
        if digits.startswith(_SERVICE_PREFIXES):
            return False  # an organisation's number, in digits or read out
        return None if (10 if spoken else 9) <= len(digits) <= 12 else False
