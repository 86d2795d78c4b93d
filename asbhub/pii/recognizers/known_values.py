"""The per-record deny list: names, addresses and numbers from the record's own fields."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping

from asbhub.pii.gazetteers import COMMON_WORD_NAMES, places
from asbhub.pii.recognizers.street_address import STREET_WORDS

KNOWN_SCORE = 1.0
TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "master", "sir", "dame", "lady", "lord", "rev"}
NAME_STOP = {"the", "and", "of", "de", "la", "van", "von", "bin", "al", "jr", "snr", "jnr", "sr"}
_TRAILING_POSTCODE = re.compile(r"(?:^|\s)([A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})$", re.IGNORECASE)
_STREET_WORD = re.compile(rf"\b(?:{STREET_WORDS})\b", re.IGNORECASE)


def known_patterns(known: Mapping[str, Iterable[str]] | None) -> list[tuple[str, re.Pattern[str]]]:
    """One pattern per entity type that has known values: every variant of every value,
    longest first, so that at one position the fullest form wins."""
    patterns = []
    for entity_type, values in (known or {}).items():
        regexes: list[str] = []
        for value in values or []:
            if isinstance(value, str) and len(value.strip()) >= 2:
                regexes.extend(variants(entity_type, value.strip()))
        if regexes:
            unique = sorted(set(regexes), key=len, reverse=True)
            patterns.append((entity_type, _compiled("|".join(unique))))
    return patterns


def known_spans(text: str, known: Mapping[str, Iterable[str]] | None) -> list[tuple[str, int, int]]:
    """(entity type, start, end) of every known value found in `text`, each at score 1.0.

    Matched here with the standard library rather than as Presidio ad-hoc recognizers: each of
    those compiled its pattern twice through the `regex` module for every narrative, which cost
    more than spaCy's NER of the same narrative (bench/results/demo-profile.md). The patterns
    and their leftmost-first matching are the same."""
    return [
        (entity_type, match.start(), match.end())
        for entity_type, pattern in known_patterns(known)
        for match in pattern.finditer(text)
        if match.end() > match.start()
    ]


@functools.lru_cache(maxsize=1024)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def variants(entity_type: str, value: str) -> list[str]:
    """Regexes for the ways `value` may be written in a narrative."""
    if entity_type == "PERSON":
        return _name_variants(value)
    if entity_type == "STREET_ADDRESS":
        return _address_variants(value)
    if entity_type == "PHONE_NUMBER":
        return _phone_variants(value)
    if entity_type == "DATE_OF_BIRTH":
        return _date_variants(value)
    return [_loose(value)]


def _loose(value: str) -> str:
    """Case-insensitive, with any spacing, hyphens or slashes between the characters."""
    chars = [re.escape(c) for c in value if not c.isspace() and c not in "-/"]
    body = r"[\s\-/]{0,2}".join(chars)
    return rf"(?<![\w])(?i:{body})(?![\w])"


def _words(value: str) -> str:
    body = r"[\s,]+".join(re.escape(w) for w in value.split())
    return rf"\b(?i:{body})\b"


def _name_variants(value: str) -> list[str]:
    out = [_words(value)]
    for part in name_parts(value):
        low = part.lower()
        if low in COMMON_WORD_NAMES:  # "Will", "Rose": only when capitalised in the text
            cap = re.escape(part[0].upper() + part[1:].lower())
            out.append(rf"\b(?:{cap}|{re.escape(part.upper())})(?:'s)?\b")
        else:
            out.append(rf"\b(?i:{re.escape(part)})\b")
    return out


def name_parts(value: str) -> list[str]:
    """The words of a name that identify on their own: no initials, titles or particles."""
    parts = []
    for part in re.split(r"[\s,]+", value):
        part = part.strip(".'’")
        low = part.lower()
        if len(part) >= 2 and low not in TITLES and low not in NAME_STOP:
            parts.append(part)
    return parts


def _address_variants(value: str) -> list[str]:
    """House number and street (with any flat), and the postcode; the town is left to survive."""
    postcodes, phrases = address_parts(value)
    return [_loose(postcode) for postcode in postcodes] + [_words(p) for p in phrases]


def address_parts(value: str) -> tuple[list[str], list[str]]:
    """An address's postcodes, and the phrases that identify it: each house number and street
    (with any flat), the street alone, and the pieces together. The town is not among them."""
    postcodes: list[str] = []
    out: list[str] = []
    address: list[str] = []
    pieces = [p.strip() for p in re.split(r"[,\n]+", value) if p.strip()]
    for piece in pieces:
        postcode = _TRAILING_POSTCODE.search(piece)
        if postcode:
            postcodes.append(postcode.group(1))
            piece = piece[: postcode.start()].strip()
        words = piece.split()
        while words and words[-1].lower() in places():
            words.pop()  # "11 Priors Close Chelmsford": the town is not part of the address
        piece = " ".join(words)
        if not piece:
            continue
        if any(c.isdigit() for c in piece):
            address.append(piece)
            out.append(piece)
            street = re.sub(
                r"^(?:(?:flat|apartment|unit|studio)\s*)?\d+[a-z]?\s*", "", piece, flags=re.I
            )
            if street and _STREET_WORD.search(street):
                out.append(street)
        elif _STREET_WORD.search(piece) and not any(w.lower() in places() for w in words):
            address.append(piece)
            out.append(piece)
        elif not address and _house_name(words) and len(pieces) > 1:
            address.append(piece)  # "Drumbeg House, Tempo", "Tigh na Mara, 4 Gress Road"
            out.append(piece)
    if len(address) > 1:
        out.append(" ".join(address))
    return postcodes, out


def known_towns(known: Mapping[str, Iterable[str]] | None) -> frozenset[str]:
    """The towns of the record's own addresses, in lower case: "halifax" for "14 Savile Park
    Road, Halifax, HX1 3EW". A name of the record's that is also its town's name is that town
    where the text uses it alone ("Halifax HX1 3EW", "the Halifax Minster")."""
    towns: set[str] = set()
    for value in (known or {}).get("STREET_ADDRESS") or []:
        if not isinstance(value, str):
            continue
        pieces = [p.strip() for p in re.split(r"[,\n]+", value) if p.strip()]
        for index, piece in enumerate(pieces):
            postcode = _TRAILING_POSTCODE.search(piece)
            if postcode:
                piece = piece[: postcode.start()].strip()
            words = [w.lower() for w in re.findall(r"[^\W\d_][^\W\d_'’\-]*", piece)]
            if any(c.isdigit() for c in piece) or _STREET_WORD.search(piece):
                while words and words[-1] in places():
                    towns.add(words.pop())  # "11 Priors Close Chelmsford"
            elif index > 0 or all(w in places() for w in words):
                towns.update(w for w in words if w not in NAME_STOP and len(w) > 2)
    return frozenset(towns)


# Words of a flat's or a floor's place in a building, not of a house's name.
_PART_OF_A_BUILDING = frozenset(
    [
        "flat",
        "apartment",
        "apt",
        "unit",
        "floor",
        "basement",
        "rear",
        "front",
        "ground",
        "first",
        "second",
        "third",
        "top",
        "upper",
        "lower",
        "annex",
        "annexe",
        "room",
        "studio",
        "maisonette",
        "block",
    ]
)


def _house_name(words: list[str]) -> bool:
    """The first piece of an address is a house's name ("Drumbeg House", "Tigh na Mara",
    "Glendun"): a capitalised name, not a town, nor a flat's or a floor's place."""
    lows = [w.lower() for w in words]
    return (
        bool(words)
        and words[0][:1].isupper()
        and not all(w in places() for w in lows)
        and not any(w in _PART_OF_A_BUILDING for w in lows)
    )


def _phone_variants(value: str) -> list[str]:
    digits = re.sub(r"\D", "", value)
    if digits.startswith("44"):
        digits = "0" + digits[2:].removeprefix("0")
    elif digits.startswith("0044"):
        digits = "0" + digits[4:].removeprefix("0")
    if len(digits) < 7:
        return [_loose(value)]
    national = digits[1:] if digits.startswith("0") else digits
    sep = r"[\s().\-]{0,3}"
    body = sep.join(national)
    return [rf"(?<!\d)(?:(?:\+|00)\s?44\s?(?:\(0\)\s?)?|\(?0)?{sep}{body}(?!\d)"]


DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y", "%d-%m-%Y", "%d %B %Y", "%d %b %Y")


def _date_variants(value: str) -> list[str]:
    out = [_loose(value)]
    for fmt in DATE_FORMATS:
        try:
            day = dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
        d, m, y = day.day, day.month, day.year
        numeric = rf"0?{d}\s?[/.\-]\s?0?{m}\s?[/.\-]\s?(?:{y}|{y % 100:02d})"
        month = day.strftime("%B")
        words = rf"(?i:{d}(?:st|nd|rd|th)?(?:\s+of)?\s+(?:{month}|{month[:3]})\.?,?\s+{y})"
        out.extend([rf"(?<!\d){numeric}(?!\d)", rf"\b{words}\b"])
        break
    return out
