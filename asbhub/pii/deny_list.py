"""The record's own values as normal forms, found in free text by plain comparison or by keyed
hash, so the deny list still works once the record's detail has been cleared.

A value becomes a few *forms*: words casefolded with diacritics and apostrophes dropped and street
abbreviations written out ("w:31 barlow road"); a common-word name that counts only where the
text capitalises it ("W:rose"); an identifier with its separators dropped ("c:ss141ab"); a phone
number's national digits ("p:7700900461"); a date ("d:1984-03-12"). Free text yields the same
forms for every run of up to MAX_TOKENS words. A `DenyList` compares them with the values' forms;
a `KeyedDenyList` compares HMAC digests of them, so the hub can keep a record's deny list after
its detail is cleared without keeping any value (`asbhub.minimise.deny_lists`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from asbhub.pii.gazetteers import COMMON_WORD_NAMES
from asbhub.pii.recognizers.known_values import (
    DATE_FORMATS,
    NAME_STOP,
    TITLES,
    address_parts,
    known_towns,
)

MAX_TOKENS = 8  # the longest run of words one value spans in text ("Flat 2 31 Barlow Road")
# The digests of the towns of the record's own addresses, kept beside its values' so that a name
# which is also its town is judged the same way once the detail is cleared; never redacted.
TOWNS = "TOWNS"
DIGEST_HEX = 32
KEY_LABEL = b"asbhub/pii/deny-list"
# The order types are tried in when one form belongs to several (a postcode in an address).
ENTITY_ORDER = (
    "PERSON",
    "STREET_ADDRESS",
    "UK_POSTCODE",
    "PHONE_NUMBER",
    "EMAIL_ADDRESS",
    "PNC_ID",
    "UK_VEHICLE_REGISTRATION",
    "DATE_OF_BIRTH",
)

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# What may stand between the words of one value: "Gilbert, 33 Walton Court", "16/07/1962",
# "a.smith@example.com". Anything else between two words ends the run: a placeholder's mask
# ("********") never joins the words either side of it into one value.
_GAP = re.compile(r"[ \t,.\-/()'’&@_+]{1,4}|\s{1,3}")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
_ORDINAL = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
_STREET_ABBREVIATIONS = {
    "rd": "road",
    "st": "street",
    "ave": "avenue",
    "av": "avenue",
    "cl": "close",
    "ct": "court",
    "dr": "drive",
    "ln": "lane",
    "cres": "crescent",
    "gdns": "gardens",
    "pl": "place",
    "sq": "square",
    "tce": "terrace",
    "pde": "parade",
}
_MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (
        dt.date(2000, number, 1).strftime("%B").lower(),
        dt.date(2000, number, 1).strftime("%b").lower(),
    )
} | {"sept": 9}


def fold(text: str) -> str:
    """Casefolded, diacritics and apostrophes dropped: "Zoë O'Brien" -> "zoe obrien"."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.casefold().replace("'", "").replace("’", "")


# -- a value's forms ---------------------------------------------------------------------------


def value_forms(entity_type: str, value: str, common_word_names: bool = True) -> set[str]:
    """The forms one known value takes; `common_word_names=False` leaves out the names that are
    also ordinary words ("Rose", "Hill"), which a check must not judge alone."""
    if entity_type == "PERSON":
        return _name_forms(value, common_word_names)
    if entity_type == "STREET_ADDRESS":
        postcodes, phrases = address_parts(value)
        return {_compact(p) for p in postcodes} | {_words(p) for p in phrases} - {"w:"}
    if entity_type == "PHONE_NUMBER":
        phone = _phone(re.sub(r"\D", "", value))
        return {phone} if phone else {_compact(value)}
    if entity_type == "DATE_OF_BIRTH":
        for fmt in DATE_FORMATS:
            try:
                return {_date(dt.datetime.strptime(value.strip(), fmt).date())}
            except ValueError:
                continue
    return {_compact(value)} - {"c:"}


def _name_forms(value: str, common_word_names: bool) -> set[str]:
    words = [w for w in _TOKEN.findall(value) if fold(w) not in TITLES]
    # The words that identify on their own, as known_values.name_parts: no initials, titles or
    # particles.
    identifying = {fold(w) for w in words if len(w) >= 2 and fold(w) not in NAME_STOP}
    forms = set()
    for i in range(len(words)):
        for j in range(i + 2, len(words) + 1):  # "Jane Smith", "O Brien", "der Berg"
            run = words[i:j]
            if any(fold(w) in identifying for w in run):
                forms.add(_words(" ".join(run)))
    for part in identifying:
        if part not in COMMON_WORD_NAMES:
            forms.add("w:" + _word(part))
        elif common_word_names:
            forms.add("W:" + part)
    return forms


def _words(text: str) -> str:
    return "w:" + " ".join(_word(t) for t in _TOKEN.findall(text))


def _word(token: str) -> str:
    folded = fold(token)
    return _STREET_ABBREVIATIONS.get(folded, folded)


def _compact(text: str) -> str:
    return "c:" + "".join(fold(t) for t in _TOKEN.findall(text))


def _phone(digits: str) -> str | None:
    """A phone number's national digits without the trunk 0: "+44 (0)7700 900461" and
    "07700 900461" are both "p:7700900461"."""
    if digits.startswith("0044"):
        digits = digits[4:]
    elif digits.startswith("44") and len(digits) >= 11:
        digits = digits[2:]
    national = digits.removeprefix("0")
    return "p:" + national if len(national) >= 6 else None


def _date(day: dt.date) -> str:
    return "d:" + day.isoformat()


# -- forms found in text -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    raw: str

    @cached_property
    def word(self) -> str:
        return _word(self.raw)

    @cached_property
    def plain(self) -> str:
        return fold(self.raw)


def text_forms(text: str, max_tokens: int = MAX_TOKENS) -> Iterator[tuple[str, int, int]]:
    """(form, start, end) for every run of up to `max_tokens` words of `text`."""
    tokens = [_Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    for i, first in enumerate(tokens):
        yield from _one_word_forms(first)
        words, compact = first.word, first.plain
        for j in range(i + 1, min(i + max_tokens, len(tokens))):
            gap = text[tokens[j - 1].end : tokens[j].start]
            if not _GAP.fullmatch(gap):
                break
            run = tokens[i : j + 1]
            words += " " + run[-1].word
            compact += run[-1].plain
            start, end = first.start, run[-1].end
            yield "w:" + words, start, end
            yield "c:" + compact, start, end
            if compact.isdigit() and (phone := _phone(compact)):
                yield phone, start, end
            if len(run) in (3, 4):
                for day in _dates([t.plain for t in run]):
                    yield _date(day), start, end


def _one_word_forms(token: _Token) -> Iterator[tuple[str, int, int]]:
    start, end, raw = token.start, token.end, token.raw
    yield "w:" + token.word, start, end
    yield "c:" + token.plain, start, end
    stem = _POSSESSIVE.sub("", raw)
    if stem != raw:  # "Smith's": the name without the possessive
        end -= len(raw) - len(stem)
        yield "w:" + _word(stem), start, end
    if stem[:1].isupper() and (stem[1:].islower() or stem.isupper()):
        yield "W:" + fold(stem), start, end
    if token.plain.isdigit() and (phone := _phone(token.plain)):
        yield phone, start, end


def _dates(words: Sequence[str]) -> Iterator[dt.date]:
    """The dates a run of three or four words may write: 16/07/1962, 1962-07-16, 16.7.62,
    16th July 1962, 16th of July 1962, July 16 1962."""
    parts = [w for w in words if w != "of"]
    if len(parts) != 3 or words[-1] == "of":  # "(DOB 14/02/1997) of 27 Vicarage Road"
        return
    a, b, c = parts
    if a.isdigit() and len(a) == 4:
        yield from _day(int(a), b, c)
    elif b in _MONTHS:
        yield from _years(a, b, c)
    elif a in _MONTHS:
        yield from _years(b, a, c)
    else:
        yield from _years(a, b, c)


def _years(day: str, month: str, year: str) -> Iterator[dt.date]:
    if not year.isdigit() or len(year) not in (2, 4):
        return
    years = [int(year)] if len(year) == 4 else [1900 + int(year), 2000 + int(year)]
    for y in years:
        yield from _day(y, month, day)


def _day(year: int, month: str, day: str) -> Iterator[dt.date]:
    number = _MONTHS.get(month) or (int(month) if month.isdigit() and len(month) <= 2 else None)
    ordinal = _ORDINAL.match(day)
    if number is None or ordinal is None:
        return
    try:
        yield dt.date(year, number, int(ordinal.group(1)))
    except ValueError:
        return


# -- deny lists --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    """A known value found in text: its type and where, never the value."""

    entity_type: str
    start: int
    end: int


class _Matcher:
    """Finds the forms a deny list holds among the forms of a text."""

    def _entity_of(self, form: str) -> str | None:
        raise NotImplementedError

    def spans(self, text: str) -> list[Match]:
        return [
            Match(entity_type, start, end)
            for form, start, end in text_forms(text)
            if (entity_type := self._entity_of(form)) is not None
        ]

    def _holds_town(self, folded: str) -> bool:
        raise NotImplementedError

    def towns_in(self, text: str) -> frozenset[str]:
        """The words of `text`, in lower case, that are towns of the record's own addresses."""
        return frozenset(w.lower() for w in set(_TOKEN.findall(text)) if self._holds_town(fold(w)))

    def entity_types_in(self, text: str) -> list[str]:
        """The types of the known values found in `text`, in ENTITY_ORDER."""
        found = {match.entity_type for match in self.spans(text)}
        return [t for t in ENTITY_ORDER if t in found] + sorted(found - set(ENTITY_ORDER))


@dataclass(frozen=True)
class DenyList(_Matcher):
    """A record's own values as forms, by entity type (held in memory, never stored)."""

    forms: Mapping[str, frozenset[str]]
    towns: frozenset[str] = frozenset()  # folded: "halifax"

    @classmethod
    def of(
        cls, known: Mapping[str, Sequence[str]] | None, common_word_names: bool = True
    ) -> DenyList:
        return cls(
            {
                entity_type: frozenset(
                    form
                    for value in values or ()
                    if isinstance(value, str) and len(value.strip()) >= 2
                    for form in value_forms(entity_type, value, common_word_names)
                )
                for entity_type, values in (known or {}).items()
            },
            frozenset(fold(town) for town in known_towns(known)),
        )

    def _holds_town(self, folded: str) -> bool:
        return folded in self.towns

    def _entity_of(self, form: str) -> str | None:
        return next((t for t, forms in self._ordered if form in forms), None)

    @cached_property
    def _ordered(self) -> list[tuple[str, frozenset[str]]]:
        return sorted(self.forms.items(), key=lambda item: _rank(item[0]))

    def keyed(self, key: bytes) -> dict[str, list[str]]:
        """The digests to keep in place of the values: by type, sorted, no value among them."""
        keyed = {
            entity_type: sorted({form_digest(key, form) for form in forms})
            for entity_type, forms in self.forms.items()
            if forms
        }
        if self.towns:
            keyed[TOWNS] = sorted({form_digest(key, _town_form(t)) for t in self.towns})
        return keyed


@dataclass(frozen=True)
class KeyedDenyList(_Matcher):
    """A record's deny list as keyed digests of its values' forms: found in text by hashing the
    text's forms with the same key. Without the key a digest tests no guess at a value."""

    key: bytes = field(repr=False)
    digests: Mapping[str, Sequence[str]]

    def _entity_of(self, form: str) -> str | None:
        digest = form_digest(self.key, form)
        return next((t for t, held in self._ordered if digest in held), None)

    @cached_property
    def _ordered(self) -> list[tuple[str, frozenset[str]]]:
        return sorted(
            ((t, frozenset(d)) for t, d in self.digests.items() if t != TOWNS),
            key=lambda i: _rank(i[0]),
        )

    @cached_property
    def _towns(self) -> frozenset[str]:
        return frozenset(self.digests.get(TOWNS, ()))

    def _holds_town(self, folded: str) -> bool:
        return bool(self._towns) and form_digest(self.key, _town_form(folded)) in self._towns


def _town_form(folded: str) -> str:
    return "t:" + folded


def deny_key(secret: bytes) -> bytes:
    """The deny list's own sub-key of a hub secret (as the ledger derives its sub-keys)."""
    return hmac.new(secret, KEY_LABEL, hashlib.sha256).digest()


def form_digest(key: bytes, form: str) -> str:
    return hmac.new(key, form.encode("utf-8"), hashlib.sha256).hexdigest()[:DIGEST_HEX]


def _rank(entity_type: str) -> int:
    return ENTITY_ORDER.index(entity_type) if entity_type in ENTITY_ORDER else len(ENTITY_ORDER)
