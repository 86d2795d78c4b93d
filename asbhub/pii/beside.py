"""What sits beside a name already found: its date of birth, its nickname, the rest of it.

The recognizers see one pattern at a time; these rules look at the settled spans, so a date
right after a person ("Dean Hart (02/06/90)") is that person's date of birth, a quoted word
between or beside a name's parts is a nickname, and a name is never cut inside a word (no
"O'" or "Ní" left behind). Spans are also tidied at their edges: "no." before a house number
and an unmatched bracket before a phone number are not personal data.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Sequence

from asbhub.pii.gazetteers import (
    common_english_words,
    common_word_names,
    english_words,
    first_names,
    folded,
    not_names,
    places,
    surnames,
)
from asbhub.pii.names import (
    ANONYMISED_LABEL,
    GRAFFITI_NOTE,
    LINE_NAME_BEFORE,
    MAKES,
    MONTH_WORDS,
    NO_ONES_NAMES,
    PERSONAL_TITLE_BEFORE,
    PERSONAL_TITLES,
    PLACE_WORD_BEFORE,
    SHORT_FORENAME,
    a_business_after,
    a_places_name,
    first_name_word,
    leading_word,
    not_a_name_word,
)
from asbhub.pii.recognizers.date_of_birth import DATE, WORDS_DATE
from asbhub.pii.recognizers.street_address import BUILDING_WORDS, HOUSE_NAMES, STREET_WORDS
from asbhub.pii.recognizers.uk_vehicle_registration import PHONETIC
from asbhub.pii.resolve import Candidate, Entity

# A birth year at least this many years back: an incident, a hearing or a review is recent.
_BIRTH_YEARS_BACK = 8
# Spaces are taken possessively (`\s*+`): what follows each run is never a space, and three runs
# that could share a long padding of spaces cost its cube (seconds for a CAD line padded to 3,000).
_DATE_AFTER = re.compile(
    # a nickname in quotes or an age between: "Lemar Adu-Gyamfi ("Lemz"), 03.09.2002", "Dean
    # Hart, 41, 2/5/84"
    r"(?:\s*+\([\"“'‘][^()\n]{1,24}[\"”'’]\))?"
    r"\s*+(?:,\s*+\(?\d{1,2}\)?\s*+(?=,)|\(\d{1,2}\)\s*+|\d{1,2}\s*+(?=[/|]\s))?"
    # then a comma, a bracket, a dash, or a table's bar or slash: "Nowak / 4 Jul 90 /"
    rf"\s*+(?:,\s*+|\(\s*+|-\s*+|–\s*+|/\s++|\|\s*+)?(?:(?i:d\.?o\.?b\.?|born)\s*+:?\s*+)?"
    rf"({DATE})(?!\d)",
    re.I,
)
# A nickname in double quotes, or in single quotes with a space or a bracket either side
# ("Mikey 'Mad Dog' Ward", "Bradley Nuttall ('Tank')"; not the apostrophes of "O'Neill's").
_QUOTED = re.compile(
    r"[\"“]([^\"”\n]{1,30})[\"”]|(?<=\s)[‘']([^'‘’\n]{1,30})[’'](?=\s)"
    r"|(?<=\()[‘']([^'‘’\n]{1,30})[’'](?=\))"
)
# A key of a machine's export, quoted, and its colon: '"area": '.
_KEY_BEFORE = re.compile(r"[\"'][\w\s]{1,30}[\"']\s*:\s*$")
# A quoted cell of an export's row, beside the next one: '"St Blazey","Par Moor Road"'.
# (not a list of nicknames in prose: '"Wee Stevie", "Mouse" and Lamb')
_CELL_BEFORE = re.compile(r"[\"”][,;|\t]$")
_CELL_AFTER = re.compile(r"[,;|\t][\"“]")
# Particles inside a name: "Siobhán Ní Bhriain", "Cerys ap Gwyn", "Sinéad Ó Ceallaigh".
_PARTICLE = (
    r"(?i:ní|nic|ni|ó|o|ap|ab|ferch|verch|fab|mac|mc|de|da|dos|das|do|del|della|dela|di|du|van"
    r"|von|der|den|bin|binti"
    r"|al|el|ibn|le|la)"
)
_WORD = r"[^\W\d_][^\W\d_'’\-]+"
_PARTICLE_AFTER = re.compile(rf"\s+{_PARTICLE}\s+({_WORD})(?:\s+({_WORD}))?")
_PARTICLE_BEFORE = re.compile(rf"({_WORD})\s+({_PARTICLE})\s$")
# and "Mac Giolla", "Nic an": a particle of two words ("Ciarán Mac Giolla Bhríde")
_PARTICLE_END = re.compile(rf"(?:^|\s)(?:{_PARTICLE}|(?i:mac|nic|mag)\s+(?i:giolla|an))$")
# A particle written with its capital right before a name found, or a surname with its particle
# and a comma before a forename found: "NÍ CHONAILL, Méabh", "Ó Briain, Tadhg", "d'Souza, Marisa".
_CAPITAL_PARTICLE = r"(?:Ní|NÍ|Nic|NIC|Ó|Uí|UÍ|Mhic|MHIC|Mac|MAC|De|DE|Da|Di|Du|Van|VAN|Von|Le|La)"
_CAPITAL_PARTICLE_BEFORE = re.compile(
    rf"(?<![\w'’\-])(?:[A-Z]\.\s?)?{_CAPITAL_PARTICLE}\s$"  # and its initial: "D. Ní Riain"
)
_CAPITAL_PARTICLE_START = re.compile(rf"{_CAPITAL_PARTICLE}\s")
# (in a list only: not "moved to Le Havre, Marisa said")
_PARTICLE_SURNAME_COMMA_BEFORE = re.compile(
    r"(?:^|[;:(\n|•]\s*|\b(?:and|&)\s)"
    rf"((?:{_CAPITAL_PARTICLE}\s|[dDoO]['’])[A-Z][^\W\d_'’\-]+,\s?)$"
)
_GAELIC_END = re.compile(r"(?:^|\s)(?i:mc|mac|o|ó|ní|nic|ap|ab)$")
# "Md." before a name is Mohammed shortened, part of the name: "MD. SHAHJAHAN MIAH".
_MD_BEFORE = re.compile(r"\b(?i:md)\.?\s$")
_NAME_AFTER = re.compile(rf"\s+({_WORD})")
_NAME_BEFORE = re.compile(rf"({_WORD})\s$")
_RESIDENT_BEFORE = re.compile(r"(?<![\w'’])([A-Z][a-z][a-z'’\-]+)\s+(?:at|of|from)\s+$")


# A name given in part, and a bracket saying which part is missing: "ROSSITER (refused first
# name)", "Ellis (refused surname)", "Shannon (surname unk)".
_PART_OF_NAME_WITHHELD = re.compile(
    rf"(?<![\w'’\-])({_WORD})\s*+(?:\(|,\s*+)(?i:(?:refused|would\s+not\s+give|wouldn['’]t\s+give|no)"
    r"\s+(?:her\s+|his\s+)?(?:first\s+name|forename|surname|last\s+name|full\s+name)"
    r"|(?:first\s+name|forename|surname|last\s+name)\s+(?:unknown|not\s+known|n/?k|unk"
    r"|refused|not\s+given|withheld))\b"
)


# Words in lower case, then an age in brackets: "ID'd ivy rose (16) & summer nash (15)",
# "deshawn oyelaran (14)".
_WORDS_BEFORE_AGE = re.compile(
    r"(?<![\w'’\-])((?:[a-z][a-z'’\-]+ ){0,2}[a-z][a-z'’\-]+) \(\d{1,2}\)"
)


def _a_word(low: str) -> bool:
    return not_a_name_word(low) or low in common_word_names() or low in common_english_words()


def _words_back_to(
    words: Sequence[re.Match[str]], stop: Callable[[re.Match[str]], bool]
) -> list[re.Match[str]]:
    """The words at the end of `words`, walking back to the first one `stop` holds for."""
    kept: list[re.Match[str]] = []
    for w in reversed(words):
        if stop(w):
            break
        kept.insert(0, w)
    return kept


def _not_a_name_before_an_age(w: re.Match[str]) -> bool:
    low = w.group()
    listed = low in first_names() or low in surnames() or first_name_word(low)
    unknown = len(low) >= 3 and not _a_word(low)  # ("yp kacper nowak (15)")
    return low in _FUNCTION_WORDS or leading_word(low) or not (listed or unknown)


def _names_before_an_age(text: str, people: Sequence[Entity]) -> list[Candidate]:
    """The words in lower case right before an age in brackets that can only be a name: a first
    name (a word's too, "ivy", "summer") then a surname or a word no list knows ("ivy rose (16)",
    "deshawn oyelaran (14)"), or a first name that is no word alone ("kayden (15)"); not "the
    lads (16)" or "a boy (12)". Stops at the first word that is neither."""
    found = []
    for m in _WORDS_BEFORE_AGE.finditer(text):
        words = list(re.finditer(r"[a-z][a-z'’\-]+", m.group(1)))
        kept = _words_back_to(words, _not_a_name_before_an_age)
        # the first a first name ("summer" too, before a surname), or two words no list knows
        # as words ("deshawn oyelaran")
        while kept and not (
            first_name_word(kept[0].group())
            or (
                len(kept) >= 2 and all(len(w.group()) >= 3 and not _a_word(w.group()) for w in kept)
            )
        ):
            kept.pop(0)
        if not kept or (len(kept) == 1 and kept[0].group() in common_word_names()):
            continue
        start, end = m.start(1) + kept[0].start(), m.start(1) + kept[-1].end()
        if not any(p.start <= start and end <= p.end for p in people):
            found.append(Candidate("PERSON", start, end, 0.55, "context"))
    return found


# A surname in capitals and its initials: "MAGUIRE, P.J.", "O'CONNOR T." (not "MACKIE, D.O.B.").
_SURNAME_AND_INITIALS = re.compile(
    r"(?<![\w'’\-])([A-Z](?:['’][A-Z])?[A-Z\-]{2,})(?:,\s?|\s)(?!D\.\s?O\.\s?B)"
    r"(?:[A-Z]\.\s?){1,3}(?=[\s,;/).]|$)"
)
# A first name in capitals before a surname found in capitals ("RP MARIA D'SOUZA"), or an
# initial or a short forename before a capitalised one ("T Adams-Kelly", "Ll. Parry").
_CAPITALS_WORD_BEFORE = re.compile(r"(?<![\w'’\-])([A-Z][A-Z'’\-]+)\s$")
_INITIAL_BEFORE = re.compile(rf"(?<![\w'’.\-])([A-Z]\.?|{SHORT_FORENAME})\s$")


# A name written in Chinese, Japanese or Korean beside its romanised form: "陈思远 (CHEN
# Siyuan)", "Kim Min-jun (김민준)" (the model reads the Latin letters only).
_CJK = r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{2,6}"
_OWN_SCRIPT_BEFORE = re.compile(rf"({_CJK})\s*[(（]\s*$")
_OWN_SCRIPT_AFTER = re.compile(rf"\s*[(（]\s*({_CJK})\s*[)）]")


def _name_in_its_own_script(text: str, ent: Entity) -> list[Candidate]:
    before = _OWN_SCRIPT_BEFORE.search(text, max(0, ent.start - 12), ent.start)
    after = _OWN_SCRIPT_AFTER.match(text, ent.end)
    return [Candidate("PERSON", *m.span(1), 0.6, "context") for m in (before, after) if m]


def _first_name_or_initial_before(text: str, people: Sequence[Entity]) -> list[Candidate]:
    found = []
    for ent in people:
        span = text[ent.start : ent.end]
        if " " in span.strip():
            continue
        if span.isupper() and len(span) >= 3:
            m = _CAPITALS_WORD_BEFORE.search(text, max(0, ent.start - 20), ent.start)
            low = m.group(1).lower() if m else ""
            if (
                m
                and first_name_word(low)
                and low not in common_english_words()
                and low not in not_names()
            ):
                found.append(Candidate("PERSON", m.start(1), ent.end, 0.6, "context"))
        elif span[:1].isupper() and span[1:2].islower():
            m = _INITIAL_BEFORE.search(text, max(0, ent.start - 6), ent.start)
            if m and m.group(1).rstrip(".") not in ("A", "I"):
                found.append(Candidate("PERSON", m.start(1), ent.end, 0.55, "context"))
    return found


def beside_names(text: str, entities: Sequence[Entity]) -> list[Candidate]:
    """Dates of birth, nicknames and name parts next to the names found."""
    found: list[Candidate] = []
    people = [e for e in entities if e.type == "PERSON"]
    for ent in people:
        found += _birth_date_after(text, ent)
        found += _name_rest(text, ent)
        found += _spelling_offered_after(text, ent)
        found += _surname_in_capitals_before(text, ent)
        found += _word_spelled_after(text, ent)
        found += _name_in_its_own_script(text, ent)
    found += _initials_of_names(text, people)
    found += _first_name_or_initial_before(text, people)
    if "," in text or "." in text:
        for m in _SURNAME_AND_INITIALS.finditer(text):
            low = m.group(1).lower()
            if not (
                low in english_words()
                or low in not_names()
                or low in places()
                or low in PERSONAL_TITLES  # "RP MRS I. McCALLUM": a title, then her initial
                or leading_word(low)  # "LICENCE HOLDER A. FERREIRA": a role, then an initial
            ):
                found.append(Candidate("PERSON", m.start(), m.end(), 0.6, "context"))
    for ent in entities:
        if ent.type == "STREET_ADDRESS":
            found += _resident_before(text, ent, people)
        elif ent.type == "DATE_OF_BIRTH":
            found += _name_before_its_birth_date(text, ent, people)
    if "(" in text:
        found += _names_before_an_age(text, people)
    for m in _PART_OF_NAME_WITHHELD.finditer(text):
        if not not_a_name_word(m.group(1).lower()):
            found.append(Candidate("PERSON", m.start(1), m.end(1), 0.6, "context"))
    for m in _QUOTED.finditer(text):
        group = next(g for g in (1, 2, 3) if m.group(g) is not None)
        inner_start, inner_end = m.span(group)
        inner = m.group(group)
        before = _NAME_BEFORE.search(text, max(0, m.start() - 40), m.start())
        after = _NAME_AFTER.match(text, m.end())
        if before and after and _between_name_parts(before.group(1), inner, after.group(1)):
            # 'GRANT "GUNNER" IRVINE', 'iain "beag" macdonald': one name, in any case
            found.append(Candidate("PERSON", before.start(1), after.end(1), 0.65, "context"))
            continue
        if _KEY_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # a machine's value: '"landlord": "Clarion Housing"'
        if _CELL_BEFORE.search(text, max(0, m.start() - 4), m.start()) or _CELL_AFTER.match(
            text, m.end()
        ):
            continue  # a cell of an export's row: '"St Blazey","Par Moor Road"', no nickname
        if LINE_NAME_BEFORE.search(text, max(0, m.start() - 24), m.start() + 1):
            continue  # 'line name "Bando"': a drug line's brand
        if inner.isupper() and GRAFFITI_NOTE.search(text):
            continue  # a note of graffiti: '"HOPE" and "LUV U NAN" painted on the wall', a tag
        if inner.lower() in not_names() and _SAID_BEFORE.search(
            text, max(0, m.start() - 12), m.start()
        ):
            continue  # 'Witness said "Dziękuję"': a word said, not a nickname ('known as "Tel"')
        if a_places_name(inner.split()) and (
            " " in inner.strip()
            or _QUOTED_LIST_NEXT.match(text, m.end())
            or _QUOTED_LIST_BEFORE.search(text, max(0, m.start() - 6), m.start())
        ):
            continue  # '"Campbeltown", "Tobermory" and "Fort William" visits'; not '"Kenley"'
        if _WORDS_WRITTEN_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue  # graffiti 'GRASS', a note left "GRASS", a "grass": words, not a nickname
        covered = any(e.start <= inner_start and inner_end <= e.end for e in entities)
        # In a note that names someone, a name-like quoted word or two is a nickname, before or
        # after the name it belongs to ('called him "Deji"', '"Smudge" and his brother').
        if people and _namelike(inner):
            if not covered:
                found.append(Candidate("PERSON", inner_start, inner_end, 0.6, "context"))
            for side in (before, after):
                if (
                    side
                    and side.group(1)[0].isupper()
                    and not not_a_name_word(side.group(1).lower())
                ):
                    found.append(Candidate("PERSON", side.start(1), side.end(1), 0.55, "context"))
    return found


# One reference and then more in a list: "incident numbers 2405-0112, 2405-0384, 2405-1127",
# "24/00418871 (01/05/2024) and 24/00420356". A bracket may follow each item.
_LISTED_NEXT = re.compile(
    r"(?:\s*+\([^()\n]{1,24}\))?\s*+(?:,|;|&|/|\+|\b(?i:and|or|linked\s+to|plus|also)\b)"
    r"\s*+(?=[^\W_])"
)
_LISTED_TYPES = frozenset({"POLICE_REFERENCE", "PNC_ID", "UK_VEHICLE_REGISTRATION", "UK_PASSPORT"})
# Any UK plate of the current, prefix or suffix series, in either case, spaced or not.
_PLATE = re.compile(
    r"(?i:[a-z]{2}\s?\d{2}\s?[a-z]{3}|[a-z]\d{1,3}\s?[a-z]{3}|[a-z]{3}\s?\d{1,3}\s?[a-z])(?![\w\-])"
)


def listed_like(text: str, entities: Sequence[Entity]) -> list[Candidate]:
    """The items of a list that have the same shape as a reference found in it: the same
    digits in the same places, letters of either case, the same punctuation."""
    found: list[Candidate] = []
    for ent in entities:
        if ent.type not in _LISTED_TYPES:
            continue
        value = text[ent.start : ent.end]
        # a system's word given once, before the first number only: "police 4412 15/01/24,
        # 0987 02/02/24"
        value = _SYSTEM_WORDS_BEFORE.sub("", value) or value
        shape = _shape(value)
        if sum(ch == "9" for ch in shape) < 3 and not (len(shape) >= 6 and "9" in shape):
            continue  # "A1" and the like: too little to know a sibling by
        end = ent.end
        while (joint := _LISTED_NEXT.match(text, end)) is not None:
            start = joint.end()
            stop = start + len(shape)
            if ent.type == "UK_VEHICLE_REGISTRATION" and (plate := _PLATE.match(text, start)):
                if _MODEL_NUMBER.match(plate.group()) and (
                    plate.group().split()[0].lower() in MAKES
                ):
                    break  # a make and its model's number: "SA71 EOU;BMW 330e"
                stop = plate.end()  # another plate, spaced or cased its own way: "sn 21 lrx"
            elif _shape(text[start:stop]) != shape or text[stop : stop + 1].isalnum():
                # the same letters and digits, spaced another way: "A0245671, A 024 7781"
                spaced = _spaced_like(text, start, shape)
                if spaced is None:
                    break
                stop = spaced
            found.append(Candidate(ent.type, start, stop, ent.score, "context"))
            end = stop
    return found + _same_system_again(text, entities) + _plates_in_cells(text, entities)


# A make and a model's number, in a plate's shape: "BMW 330e", "KIA 3".
_MODEL_NUMBER = re.compile(r"[A-Za-z]{2,3}\s\d")
# A table's cell that holds a plate and nothing else: "| HBN 492V |", "\tN904 DCL\t".
_PLATE_CELL = re.compile(rf"(?:(?<=\|)|(?<=\|\s)|(?<=\t))\s?({_PLATE.pattern})(?=\s?(?:\||\t|$))")


def _plates_in_cells(text: str, entities: Sequence[Entity]) -> list[Candidate]:
    """In a table where a plate was found, the other cells that hold a plate alone, of the
    older formats too ("| KX66JBL | 22:41 | … | HBN 492V | … | N904 DCL |"): a camera's
    export gives no cue for each."""
    plates = [e for e in entities if e.type == "UK_VEHICLE_REGISTRATION"]
    if not plates or ("|" not in text and "\t" not in text):
        return []
    return [
        Candidate("UK_VEHICLE_REGISTRATION", m.start(1), m.end(1), plates[0].score, "context")
        for m in _PLATE_CELL.finditer(text)
        if not any(e.start < m.end(1) and m.start(1) < e.end for e in entities)
    ]


# A token of letters and digits (a slash or a hyphen between) standing alone.
_TOKEN = re.compile(r"(?<![\w/\-])[^\W_](?:[\w/\-]*[^\W_])?(?![\w/\-])")


def _same_system_again(text: str, entities: Sequence[Entity]) -> list[Candidate]:
    """A reference's sibling anywhere in the text: a token of the same shape, with a letter and
    five digits in it at least, or a joint and eight, as a table's later rows or a note's "prev"
    give them without the cue ("Job R0048812 | … || R0049107 | …", "incident no 2025-011873 …
    (prev 2025-010944)")."""
    shapes = {}
    for e in entities:
        value = text[e.start : e.end]
        if e.type != "POLICE_REFERENCE" or not _TOKEN.fullmatch(value):
            continue
        digits = sum(ch.isdigit() for ch in value)
        if digits >= 5 and (
            any(ch.isalpha() for ch in value) or (digits >= 8 and any(c in "/-" for c in value))
        ):
            shapes[_shape(value)] = e
    if not shapes:
        return []
    return [
        Candidate("POLICE_REFERENCE", m.start(), m.end(), ent.score, "context")
        for m in _TOKEN.finditer(text)
        if (ent := shapes.get(_shape(m.group()))) is not None
        and not any(e.start < m.end() and m.start() < e.end for e in entities)
    ]


# Leading words of letters before a number: a system's or agency's name.
_SYSTEM_WORDS_BEFORE = re.compile(r"^(?:[^\W\d_]+\s+)+(?=\d)")


def _shape(value: str) -> str:
    return "".join("9" if ch.isdigit() else "A" if ch.isalpha() else ch for ch in value)


def _spaced_like(text: str, start: int, shape: str) -> int | None:
    """Where an item ends that has `shape`'s letters and digits with single spaces put in or
    taken out (and no other punctuation), or None."""
    want = shape.replace(" ", "")
    if not want.isalnum():
        return None
    pos, got = start, 0
    while got < len(want) and pos < len(text):
        ch = text[pos]
        if ch == " " and got and text[pos + 1 : pos + 2].isalnum():
            pos += 1
            continue
        if _shape(ch) != want[got]:
            return None
        pos, got = pos + 1, got + 1
    if got < len(want) or text[pos : pos + 1].isalnum():
        return None
    return pos


# The rest of a reference typed in groups: "PSNI ref CC2025 0208 00417", "licence no
# PLH/LIV/ 0072 19.", "notice ref 25 / 00412 / NOISE"; not a time after a log's number ("CAD
# 5512 09/04 2215 Halifax").
_REFERENCE_TAIL = re.compile(
    # (a word in capitals after a spaced slash only where the clause ends: " / DL: …" and
    # " / ASB case …" are the next fields of a line)
    # (nor a log's next time: "student ID 11238807 / 00:31 s.afolabi")
    r"\s?/\s?\d{1,6}\b(?![/\-]\w|[:.]\d)|/(?=\d{0,4}[A-Z])[A-Z0-9]{2,8}\b(?![/\-]\w)"
    r"|\s?/\s?[A-Z]{2,8}(?=[.,;)]|$)"
    r"|\s(?:\d{5,6}|\d{3}|\d{4}(?=\s\d{3,6}\b))\b(?![/:.\-]\d)"
    # (a group of four closing the clause is no time of day: "DE-1432 0087.", not "2215.")
    r"|\s(?:\d{2,3}|(?!(?:[01]\d|2[0-3])[0-5]\d)\d{4})(?=[.,;)](?:\s|$)|$)"
    # a check letter after digits typed one at a time ("S T 1 9 4 4 2 0 A"; not "I", a
    # sentence's), or after eight digits or more, the clause ending ("UPN M 8 4 1 … 5 A,")
    r"|(?<=\d\s\d)\s(?-i:[A-HJ-Z])(?![\w'’/\-])|(?<=\d{8})\s(?-i:[A-HJ-Z])(?=[.,;)]|$)"
)


# The article a date said in words or ordinals opens with is part of it: "born the 19th of
# October 2001", "the ninth of January nineteen ninety".
_THE_BEFORE_DATE = re.compile(r"\b(?i:the)\s+$")


# The word a street nickname opens with, before a name found alone: "Big Mick", "wee Shug".
_NICKNAME_WORD_BEFORE = re.compile(
    r"(?<![\w'’\-])(?:Big|BIG|Wee|WEE|wee|Lil|LIL|lil|Little|Young|Fat|Mad|Daft|Auld|Skinny)\s$"
)
# A flat's word and number right before an address found without it.
_FLAT_BEFORE_ADDRESS = re.compile(
    r"\b(?i:flat|fflat|apartment|apt|maisonette|studio)\s*\d{1,4}[A-Za-z]?,?\s+$"
)


# A flat in its block, or a named house, whose street a form puts on the next line: "Flat 9,
# Mersey View | Church Street", "Hawthorn Cottage | Chapel Lane".
_FLAT_IN_A_BLOCK = re.compile(
    r"(?i:flat|fflat|apartment|apt|maisonette|studio|room)\s*\d{1,4}[A-Za-z]?,?\s+\D+"
)
_HOUSE_OR_BLOCK_END = re.compile(rf"(?i:{BUILDING_WORDS}|{HOUSE_NAMES})")
_STREET_ON_THE_NEXT_LINE = re.compile(
    rf"\s*\|\s*(?:[A-Z][\w'’\-]*\s+){{1,3}}(?i:{STREET_WORDS})(?![\w'’])"
)


def _street_on_the_next_line(text: str, start: int, end: int) -> int:
    """Where an address found without its street ends, its street on the next line taken in."""
    found = text[start:end]
    last = found.rsplit(None, 1)[-1] if found.strip() else ""
    if not (_FLAT_IN_A_BLOCK.fullmatch(found) or _HOUSE_OR_BLOCK_END.fullmatch(last)):
        return end
    street = _STREET_ON_THE_NEXT_LINE.match(text, end)
    return street.end() if street else end


# A records system's name or a log's word before the number it gives: outside the reference.
_SYSTEM_BEFORE_NUMBER = re.compile(r"(?i:urn|cad|log|storm|niche|athena|occ|serial)\s+(?=\d)")


def tidy(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """Whole words in names; no lone bracket in a phone number; a reference's further groups.
    An address keeps its "no." ("no.28 Whalebridge Close"): the writers of every gold set count
    it part of the address."""
    out = []
    starts = sorted(e.start for e in entities)
    for ent in entities:
        start, end = ent.start, ent.end
        if ent.type == "POLICE_REFERENCE":
            if system := _SYSTEM_BEFORE_NUMBER.match(text, start, end):
                start = system.end()  # "CRIS 4419937/24", "URN 06MD0412724": the system's name
            limit = next((s for s in starts if s >= ent.end), len(text))
            while (tail := _REFERENCE_TAIL.match(text, end)) and tail.end() <= limit:
                end = tail.end()
        if ent.type == "PERSON":
            start, end = _whole_word(text, start, end)
            if initial := _INITIAL_AFTER.match(text, end):
                end = initial.end()  # "Kaka R", "Shania B": a street name's letter
                if (second := _INITIAL_AFTER.match(text, end)) and text[start:end].isupper():
                    end = second.end()  # "RAINE C J": a surname and two initials
            md = _MD_BEFORE.search(text, max(0, start - 4), start)
            if md:
                start = md.start()
            if " " not in text[start:end] and (
                big := _NICKNAME_WORD_BEFORE.search(text, max(0, start - 8), start)
            ):
                start = big.start()  # "Big Mick", "(Big Steve)", "wee Shug": the nickname whole
        elif ent.type == "DATE_OF_BIRTH" and (
            the := _THE_BEFORE_DATE.search(text, max(0, start - 5), start)
        ):
            start = the.start()
        elif ent.type == "PHONE_NUMBER" and text[start] == "(" and ")" not in text[start:end]:
            start += 1
        elif ent.type == "SOCIAL_MEDIA_HANDLE":
            while end > start + 1 and text[end - 1] in ".,;:":
                end -= 1
        elif ent.type == "STREET_ADDRESS":
            if flat := _FLAT_BEFORE_ADDRESS.search(text, max(0, start - 24), start):
                start = flat.start()  # "Flat 2, 19 Mount Pleasant": the flat is the home
            end = _street_on_the_next_line(text, start, end)
        if (start, end) != (ent.start, ent.end):
            ent = Entity(ent.type, start, end, ent.score)
        out.append(ent)
    return out


# Another spelling offered after a name: "Lee Hadfield or Hatfield", "Mr Hughes? Hewes?",
# "Jodie or Jody".
_SPELLING_OFFERED_AFTER = re.compile(
    r"(?:\s+or\s+(?:maybe\s+|possibly\s+)?|\?\s+)([A-Z][a-z'’\-]{2,})(?=\?|[\s,.;:)]|$)"
)


def _spelling_offered_after(text: str, ent: Entity) -> list[Candidate]:
    m = _SPELLING_OFFERED_AFTER.match(text, ent.end)
    if m is None:
        return []
    low = m.group(1).lower()
    same_kind = low in surnames() or low in first_names()
    unknown = len(low) >= 4 and not _a_word(low) and low not in not_names()
    if not (same_kind or unknown) or not_a_name_word(low) or low in common_word_names():
        return []
    return [Candidate("PERSON", m.start(1), m.end(1), 0.55, "context")]


def _birth_date_after(text: str, ent: Entity) -> list[Candidate]:
    m = _DATE_AFTER.match(text, ent.end)
    if m is not None and _old_enough(m.group(1)):
        return [Candidate("DATE_OF_BIRTH", m.start(1), m.end(1), 0.7, "pattern")]
    words = _WORDS_DATE_AFTER.match(text, ent.end)
    if words is not None and _old_in_words(words.group(1)):
        return [Candidate("DATE_OF_BIRTH", words.start(1), words.end(1), 0.7, "pattern")]
    month = _MONTH_YEAR_AFTER.match(text, ent.end)
    if month is not None and _old_enough(month.group(1)):
        return [Candidate("DATE_OF_BIRTH", month.start(1), month.end(1), 0.6, "pattern")]
    return []


# The word a caller then spells out is the name: "Agnieszka, A-G-N-I-E-S-Z-K-A".
_WORD_BEFORE_SPELLING = re.compile(r"([^\W\d_][^\W\d_'’]+)[\s,:;\-–]{1,4}$")


def _word_spelled_after(text: str, ent: Entity) -> list[Candidate]:
    span = text[ent.start : ent.end]
    spelled = re.sub(r"double\s+([A-Z])", r"\1\1", span)
    spelled = re.sub(r"\s+for\s+[a-z]+", "", spelled)
    letters = "".join(ch for ch in spelled if ch.isalpha())
    if len(letters) < 4 or not re.fullmatch(r"[A-Z](?:[-,\s]+[A-Z]+)+", spelled.strip()):
        return []
    m = _WORD_BEFORE_SPELLING.search(text, max(0, ent.start - 40), ent.start)
    if m is None or folded(m.group(1).lower()).upper() != letters:
        return []
    return [Candidate("PERSON", m.start(1), m.end(1), 0.6, "context")]


# A month and a year long past right after a name: "ARMSTRONG Kian Oct 2008".
_MONTH_YEAR_AFTER = re.compile(
    r"\s*+(?:,\s*+|\(\s*+)?((?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
    r"\s+(?:19|20)\d\d)(?!\d)"
)
# A surname in capitals right before a forename found: "MOFFAT Ellis", "2 detained: ARMSTRONG
# Kian".
_CAPITALS_BEFORE = re.compile(r"(?<![\w'’\-])([A-Z][A-Z'’\-]{2,})\s$")


# In capitals, the surname first and a comma: "DETAINED - KIRKHAM, JORDAN LEE".
_CAPITALS_COMMA_BEFORE = re.compile(r"(?<![\w'’\-])([A-Z][A-Z'’\-]{2,}), ?$")


def _surname_in_capitals_before(text: str, ent: Entity) -> list[Candidate]:
    span = text[ent.start : ent.end]
    if span.isupper() and span.split()[0].lower() in first_names():
        c = _CAPITALS_COMMA_BEFORE.search(text, max(0, ent.start - 30), ent.start)
        low = c.group(1).lower() if c is not None else ""
        if (
            c is not None
            and low in surnames()
            and low not in english_words()
            and low not in not_names()
            # a town only where no preposition shows it a place: "TO LEEDS, JORDAN LEE"
            and not (
                low in places()
                and PLACE_WORD_BEFORE.search(text, max(0, c.start(1) - 12), c.start(1))
            )
        ):
            return [Candidate("PERSON", c.start(1), ent.end, 0.6, "context")]
    m = _CAPITALS_BEFORE.search(text, max(0, ent.start - 30), ent.start)
    if m is None or not span[:1].isupper() or span.isupper() or " " in span:
        return []
    low = m.group(1).lower()
    if low not in surnames() or low in english_words() or low in not_names():
        return []
    return [Candidate("PERSON", m.start(1), ent.end, 0.6, "context")]


# Initials given for a person where they are named, in minutes and logs: "Sgt Owain Lloyd (OL,
# South Wales Police)", "DB – Dawn Brierley (Oldham Council)", "Farooq Ahmed – FA (GMP)". They
# stand for that person wherever they recur ("OL summarised 6 reports").
# (a last letter may stay small to tell two people apart: "Ste Rowntree (SRo)", "ABy")
# (with Latin letters beyond A to Z: "Łukasz Grzybowski (ŁG)"; _initials checks they are capitals)
_CAPITAL = r"[A-ZÀ-ÖØ-ÞĀ-ſ]"
_INITIALS = rf"{_CAPITAL}(?:{_CAPITAL}|[a-z]?{_CAPITAL}|['’]{_CAPITAL}){{1,3}}[a-z]?"
# (or defined in words, "subject Darren Coulthard, hereafter DC", or written straight after the
# name before its body: "Jane Colley JC (St Leger Homes)")
_INITIALS_AFTER = re.compile(
    rf"(?:\s*+(?:\(\s*|[–\-]\s*)|,?\s*+(?i:hereafter|henceforth|referred\s+to\s+as)\s+[\"“'‘]?"
    rf"|\s(?={_INITIALS}\s[(\-–]))({_INITIALS})(?=\s*[,)(]|\s*$|\s*;|[\"”'’]|\s[\-–]\s)"
)
# (or before it, its name in brackets: "DR (Dev Raman) takes over"; or a key's: "AB = PC Amy
# Bretherton (Lancashire Police)")
_INITIALS_BEFORE = re.compile(
    rf"(?<![\w'’])({_INITIALS})(?:\s*[–\-:=]|\s\()\s*"
    r"(?:(?:PC|PS|DC|DS|Sgt|Insp|Cllr|Mr|Mrs|Ms|Miss|Dr|PCSO|Cst)\.?\s+(?:\d{2,5}\s+)?)?$"
)
# A lower-case note's initials in brackets after a lower-case name: "tyrone wilkes (tw)".
_LOWER_INITIALS_AFTER = re.compile(r"\s*\(\s*([a-z]{2,3})\s*\)")


def _initials_of_names(text: str, people: Sequence[Entity]) -> list[Candidate]:
    defined: set[str] = set()
    for ent in people:
        name = text[ent.start : ent.end]
        want = _initials(name)
        if len(want) < 2:
            continue
        # "BROOKES, Aaron (AB)": a surname first, its initials as the name is said
        wants = {want, _initials(" ".join(reversed(name.split(",", 1))))} if "," in name else {want}
        after = _INITIALS_AFTER.match(text, ent.end)
        before = _INITIALS_BEFORE.search(text, max(0, ent.start - 24), ent.start)
        for m in (after, before):
            if m is not None and _initials(m.group(1), split=False) in wants:
                defined.add(m.group(1))
        lower = _LOWER_INITIALS_AFTER.match(text, ent.end) if name.islower() else None
        if (
            lower is not None
            and lower.group(1) == want.lower()
            and lower.group(1) not in english_words()
            and lower.group(1) not in _FUNCTION_WORDS
        ):
            defined.add(lower.group(1))
    if not defined:
        return []
    # wherever they recur, alone or joined by a slash to others defined: "ŁG/HB joint visit"
    one = "(?:" + "|".join(map(re.escape, sorted(defined))) + ")"
    every = re.compile(rf"(?<![\w'’\-/@.]){one}(?:\s?/\s?{one})*(?![\w'’\-/@])")
    return [
        Candidate("PERSON", m.start() + part.start(), m.start() + part.end(), 0.55, "context")
        for m in every.finditer(text)
        for part in re.finditer(r"[^\s/]+", m.group())
    ]


def _initials(value: str, split: bool = True) -> str:
    """ "Owain Lloyd" -> "OL", "Rhiannon Evans-Pugh" -> "REP", "Marie O'Driscoll" -> "MOD";
    initials as written ("MO'D", "GaI") -> their capitals."""
    if not split:
        return "".join(ch for ch in value if ch.isupper())
    letters = []
    for part in re.split(r"[\s\-]+", value):
        if not part:
            continue
        if re.match(r"(?i:o|d)['’]\w", part):
            letters.append(part[0].upper() + part[2].upper())
        elif part[0].isalpha():
            letters.append(part[0].upper())
    return "".join(letters)


# A date in words after a name and a comma or bracket: "Mrs Kathleen Brogan, sixth of May
# nineteen fifty".
_WORDS_DATE_AFTER = re.compile(rf"\s*+(?:,|\()\s*+({WORDS_DATE})", re.I)
_YEAR_WORDS = re.compile(
    r"(?i:\b(?:nineteen[\s\-]+(?:hundred|oh|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"|two\s+thousand(?:\s+and)?(?:\s+(?:one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen))?)\b)"
)


def _old_in_words(date: str) -> bool:
    """A year long past, in digits or in words: "1950", "nineteen fifty", "two thousand and six"."""
    if re.search(r"\d{4}", date):
        return _old_enough(date)
    return _YEAR_WORDS.search(date) is not None


# A whole date (day, month and year) with no cue, far enough back that it is nobody's incident
# or hearing: "Nuala Ní Bhriain, H&C no. 320 418 7726, 30/1/57, of 6 Glenard Brook". Its
# parts are parted alike: "1. 01/10" is a list's first item and a day and month.
_WHOLE_DATE = re.compile(
    # (run into a name before it, as an export leaves it: "Dean COULSON22/11/1991")
    r"(?<![\d_/.\-:£$])(?:\d{1,2}\s?([/.\-])\s?\d{1,2}\s?\1\s?(?:\d{4}|\d{2})"
    # year first, as a system exports it: "1994-08-30"
    r"|(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\dT:]|\s\d{1,2}:)"
    r"|\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    # (its year in two digits, at a clause's end: "DP gave 14 July 99.")
    r"[a-z]*\.?,?\s+(?:\d{4}|'\d{2}|\d{2}(?=\s*[.,;)]|\s*$)))(?![\w/:]|[.\-]\d)",
)
# Unless a word before it makes it an event's: "tenancy since 12/09/2016", "started on", "served".
_EVENT_BEFORE = re.compile(
    r"(?i:\b(?:since|start(?:ed|s|ing)?|from|until|till|to|on|dated?|issued|served|expir\w*|moved"
    r"|tenancy|convicted|sentenced|granted|made|ended|ending|began|between|in|at|by|of|sent"
    r"|received|opened|closed|joined|left|valid|effective|signed|commenced|w/?c|w/?e)\b"
    r"[\s:,(-]*$)"
)
_WHOLE_DATE_YEARS_BACK = 10


def old_dates(text: str, entities: Sequence[Entity]) -> list[Candidate]:
    """Whole dates, uncued, at least ten years back: in these narratives, dates of birth."""
    found: list[Candidate] = []
    for m in _WHOLE_DATE.finditer(text):
        if any(e.start < m.end() and m.start() < e.end for e in entities):
            continue
        if _EVENT_BEFORE.search(text, max(0, m.start() - 24), m.start()):
            continue
        if _old_enough(m.group(), _WHOLE_DATE_YEARS_BACK):
            found.append(Candidate("DATE_OF_BIRTH", m.start(), m.end(), 0.5, "context"))
    return found


def _old_enough(date: str, years_back: int = _BIRTH_YEARS_BACK) -> bool:
    """A year at least eight years back ("02/06/90", "4 Jan 1988", "140807"); a date without a
    year, or with this year's, is an incident's."""
    years = re.findall(r"(?<!\d)(\d{4}|\d{2})(?!\d)", date)
    if re.match(r"(?:19|20)\d{2}-", date):
        years = years[:1]  # "1994-08-30": the year first
    if not years and date.isdigit() and len(date) in (6, 8):
        years = [date[4:]]  # written solid, day and month first: "140807", "14082007"
        if len(date) == 8 and date[:2] in ("19", "20") and 1 <= int(date[4:6]) <= 12:
            years = [date[:4]]  # or year first, as a system exports it: "19540709"
    if not years:
        return False
    year = int(years[-1])
    this_year = datetime.date.today().year
    if year < 100:
        year += 2000 if year <= this_year % 100 else 1900
    return 1900 <= year <= this_year - years_back


def _name_rest(text: str, ent: Entity) -> list[Candidate]:
    """ "Siobhán Ní" + " Bhriain"; "Cerys" + " ap Gwyn"; "Tiago" + " dos Santos Ferreira";
    "Sioned ap " before "Rhys". In lower case only when the name found is ("glyn ap rhys")."""
    span = text[ent.start : ent.end]
    lower = span.islower()

    def name_word(word: str | None) -> bool:
        if not word:
            return False
        return (word[0].isupper() or lower) and not not_a_name_word(word.lower())

    if _PARTICLE_END.search(span):
        m = _NAME_AFTER.match(text, ent.end)
        gaelic = _GAELIC_END.search(span) is not None  # "Mc CLEAN", "O Neill": a surname part
        if m and (name_word(m.group(1)) or (gaelic and m.group(1)[0].isupper())):
            return [Candidate("PERSON", ent.start, m.end(1), 0.6, "context")]
    found = []
    m = _PARTICLE_AFTER.match(text, ent.end)
    if m and name_word(m.group(1)):
        end = m.end(2) if name_word(m.group(2)) and not lower else m.end(1)
        found.append(Candidate("PERSON", ent.start, end, 0.6, "context"))
    if span[:1].isupper():
        c = _CAPITAL_PARTICLE_BEFORE.search(
            text, max(0, ent.start - 6), ent.start
        ) or _PARTICLE_SURNAME_COMMA_BEFORE.search(text, max(0, ent.start - 40), ent.start)
        if c is None and _CAPITAL_PARTICLE_START.match(span):
            c = _INITIAL_BEFORE.search(text, max(0, ent.start - 4), ent.start)  # "D. Ní Riain"
        if c is not None:
            found.append(Candidate("PERSON", c.start(c.lastindex or 0), ent.end, 0.6, "context"))
    b = _PARTICLE_BEFORE.search(text, max(0, ent.start - 40), ent.start)
    if b and b.group(1)[0].isupper() and not not_a_name_word(b.group(1).lower()):
        found.append(Candidate("PERSON", b.start(1), ent.end, 0.6, "context"))
    elif b and b.group(1).lower() in PERSONAL_TITLES:
        # after a title, the particle alone: "Dear Mr ap Rhys"
        found.append(Candidate("PERSON", b.start(2), ent.end, 0.6, "context"))
    surname = _surname_after(text, ent)
    if surname is not None:
        found.append(Candidate("PERSON", ent.start, surname, 0.55, "context"))
    return found


# Words between a first name and the surname in South Asian and other names.
# Words, then a birth word right before a date of birth: "detained: jago pascoe d.o.b o9/o4/99",
# "known = kai trelawny dob 17/3/09".
_WORDS_BEFORE_BIRTH = re.compile(
    rf"((?:(?>{_WORD})[ \t]++){{0,2}}(?>{_WORD}))[ \t]*+,?[ \t]*+\(?"
    r"(?i:d\.?[ \t]?o\.?[ \t]?b\.?|b\.|born)[ \t]*+[:\-]?[ \t]*+$"
)


def _name_before_its_birth_date(
    text: str, ent: Entity, people: Sequence[Entity]
) -> list[Candidate]:
    """The words right before a date of birth's cue that can only be a name: two or three in one
    case, none of them a word, a place or a label ("jago pascoe d.o.b", "KAI TRELAWNY DOB"); one
    alone only where a list has it as a name. Stops at the first word that is not one."""
    m = _WORDS_BEFORE_BIRTH.search(text, max(0, ent.start - 70), ent.start)
    if m is None:
        return []
    words = list(re.finditer(_WORD, m.group(1)))

    def stop(w: re.Match[str]) -> bool:
        low = w.group().lower()
        return (
            low in _FUNCTION_WORDS
            or low in _CALENDAR_WORDS
            or not_a_name_word(low)
            or leading_word(low)
            or not _same_case(words[-1].group(), w.group())
            # a name that is also a word counts only capitalised: "the lad dob", "the Child"
            or (low in common_word_names() and not w.group().istitle())
        )

    kept = _words_back_to(words, stop)
    if not kept:
        return []
    lows = [w.group().lower() for w in kept]
    if len(kept) == 1 and lows[0] not in first_names() and lows[0] not in surnames():
        return []
    start, end = m.start(1) + kept[0].start(), m.start(1) + kept[-1].end()
    if any(p.start <= start and end <= p.end for p in people):
        return []
    return [Candidate("PERSON", start, end, 0.6, "context")]


_MIDDLE = frozenset(["singh", "kaur", "shah", "bibi", "begum", "kumar", "devi", "bin", "binti"])
# Words that some list has as a surname but that are the sentence after a name.
_FUNCTION_TEXT = (
    "or and an a as at by for from in into is it of on so than that the then to was were with"
    " but not nor he she him her his hers they them their we us our you your me my has had have"
    " be been are did does do if when while where who which what why how its no yes"
)
_FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())
# Months' names and short forms (the list the names' checks use) and days' short forms.
_CALENDAR_WORDS = MONTH_WORDS | frozenset(
    ["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"]
)
# (its possessive after it too: "mrs eileen" + " price's entries")
_ONE_WORD_AFTER = re.compile(rf" ({_WORD})\b(?!\w|['’](?!s\b))")


_O_SURNAME_AFTER = re.compile(r" ([Oo]['’][^\W\d_]{2,})\b(?![\w'’])")
_NICKNAME_IN_BRACKETS = re.compile(r"\s?\((?-i:[A-Z][a-z]+)\)")


def _surname_after(text: str, ent: Entity) -> int | None:
    """A name found without its surname: "mohammed zubair" + " hussain", "LUCY HOLLY" + " WATTS",
    "ryan" + " trebilcock". The word right after a name ending in a first name, written in the
    same case, is its surname when a list has it as one, or when no list knows it at all."""
    span = text[ent.start : ent.end]
    words = span.split()
    if not words or len(words) > 3:
        return None
    last = words[-1].lower()
    double = "-" in last and all(part in first_names() for part in last.split("-"))
    # (a first name that is also a word, after a title: "mrs ivy" + " cartwright's")
    titled = len(words) == 1 and PERSONAL_TITLE_BEFORE.search(
        text, max(0, ent.start - 6), ent.start
    )
    worded = bool(titled) and last in common_word_names()
    if last not in first_names() and last not in _MIDDLE and not double and not worded:
        return None  # (a first name of two joined: "kayleigh-ann" + " venner")
    # "Bernadette (Bernie) Quirke": the surname after the nickname
    nickname = _NICKNAME_IN_BRACKETS.match(text, ent.end)
    m = _ONE_WORD_AFTER.match(text, ent.end if nickname is None else nickname.end())
    irish = _O_SURNAME_AFTER.match(text, ent.end)
    if irish is not None and _same_case(span, irish.group(1).replace("'", "").replace("’", "")):
        return irish.end(1)  # "ciaran o'hare", "Sean O'Dowd": an O' surname, whatever its word
    if m is None:
        return None
    word = m.group(1)
    # (after a middle name of a faith or a family, as the surname is written: "Harpreet KAUR
    # SANDHU")
    if not _same_case(words[-1] if last in _MIDDLE else span, word):
        return None
    low = word.lower()
    if low in _FUNCTION_WORDS or low in _CALENDAR_WORDS:
        return None  # "tyler or summat", "Kian Oct 2008": a surname in some list, a word here
    listed = low in surnames() and low not in common_english_words()
    unknown = (
        len(low) >= 4
        and low not in english_words()
        and low not in not_names()
        and low not in first_names()
    )
    if worded and low in english_words():
        return None  # "mrs rose said no": the sentence's word
    return m.end(1) if (listed or unknown) and low not in places() else None


def _same_case(span: str, word: str) -> bool:
    if span.isupper():
        return word.isupper()
    if span.islower():
        return word.islower()
    return word[:1].isupper() and not word.isupper()


def _resident_before(text: str, address: Entity, people: Sequence[Entity]) -> list[Candidate]:
    """ "Fardowsa at Flat 40, Eccleston House": a capitalised word no list knows as a word,
    place or label, right before "at", "of" or "from" and an address, is who lives there."""
    m = _RESIDENT_BEFORE.search(text, max(0, address.start - 40), address.start)
    if m is None or any(p.start <= m.start(1) < p.end for p in people):
        return []
    word = m.group(1)
    if not_a_name_word(word.lower()) or word.isupper() or _sentence_start(text, m.start(1)):
        return []
    if _GOVERNING_WORD_BEFORE.search(text, max(0, m.start(1) - 8), m.start(1)):
        return []  # "under Homes for Ukraine at 7 Byerley Road": the end of a scheme's name
    return [Candidate("PERSON", m.start(1), m.end(1), 0.55, "context")]


_GOVERNING_WORD_BEFORE = re.compile(r"\b(?i:for|of|in|to|from|under|with|by)\s+$")


def _sentence_start(text: str, pos: int) -> bool:
    return text[:pos].rstrip()[-1:] in ("", ".", "!", "?")


def _between_name_parts(first: str, quoted: str, last: str) -> bool:
    """A listed first name, a nickname of one to three words, a listed surname, in any case:
    "Darren "Daz" Newbold", "iain "beag" macdonald"; not quoted speech between two words."""
    words = quoted.split()
    if not 0 < len(words) <= 3 or any(c.isdigit() for c in quoted):
        return False
    first_low, last_low = first.lower(), last.lower()
    is_first = first_name_word(first_low)
    if not is_first and first[:1].isupper() and last[:1].isupper() and len(words) == 1:
        # 'Nikolaos "Nicky" Papas': two capitalised words no list holds around one nickname
        is_first = all(
            w not in common_english_words() and w not in places() for w in (first_low, last_low)
        )
    is_last = last_low in surnames() or (last[0].isupper() and not not_a_name_word(last_low))
    return is_first and is_last and (first[0].isupper() or not not_a_name_word(first_low))


# What was written, or a word with its article before it, quoted: "graffiti 'GRASS' on door",
# 'note left "GRASS"', 'called him a "grass"' (not 'called him "Deji"', nor 'says "Smudge" did
# it', nor 'shouted "Tommo"': a name is shouted; nor 'contacts of note: "Big Man"').
_WORDS_WRITTEN_BEFORE = re.compile(
    r"\b(?i:graffiti(?:ed)?|spray(?:ed|[\s\-]?painted)|painted|wrote|written|scrawled|etched"
    r"|scratched|carved|note\s+(?:left|saying|reading|read)|placard|banner|slogan|a|an)"
    r"\s*[:,\-]?\s*$"
)


_SAID_BEFORE = re.compile(r"\b(?i:said|says|say|saying|shouted|shouting|replied|told\s+\w+)\s*$")
# Quoted words in a list of them: '"Campbeltown", "Tobermory" and "Fort William"'.
_QUOTED_LIST_NEXT = re.compile(r"\s*(?:,|and|&)\s*[\"“]")
_QUOTED_LIST_BEFORE = re.compile(r"[\"”]\s*(?:,|and|&)\s*$")


def _namelike(quoted: str) -> bool:
    """ "Lewy", "J-DOG", "Big Mike", "Paddy the Hat": capitalised words (a linking word
    between them), not quoted speech ("ur dead"), nor what lies between two quoted speeches in a
    transcript ('…date of birth." CONTROL: "Licence valid…': a speaker's colon)."""
    words = quoted.split()
    return (
        0 < len(words) <= 3
        and not quoted.rstrip().endswith((":", "?"))
        and not ANONYMISED_LABEL.fullmatch(quoted)
        and quoted.lower() not in NO_ONES_NAMES
        and not a_business_after(quoted[len(words[0]) :])  # '"Frank's Fish Bar"', a shop
        and (words[0][0].isupper() or (words[0] in ("wee", "lil", "big") and len(words) > 1))
        and all(w[0].isupper() or w in ("the", "of", "da", "de", "la") for w in words[1:])
        and not any(c.isdigit() for c in quoted)
    )


# A capital letter alone after a name is part of it (not "A", not "I").
_INITIAL_AFTER = re.compile(r" (?-i:[B-HJ-Z])(?![\w'’&.\-/])")


def _escape_at(text: str, pos: int) -> bool:
    """Whether text[pos] ends a written-out escape: the "n" of "\\n"."""
    return text[pos] in "nrt" and pos >= 1 and text[pos - 1] == "\\"


def _whole_word(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen to the whole word: "O'" before "DONNELL", "Ellie-" before "May"; not into an
    escape written out before it ("\\nKOWALSKI" in a pasted export)."""
    while start > 0 and (
        (text[start - 1].isalpha() and not _escape_at(text, start - 1))
        or (text[start - 1] in "'’-" and start >= 2 and text[start - 2].isalpha())
    ):
        start -= 1
    while end < len(text) and (
        text[end].isalpha()
        or (text[end] in "-" and end + 1 < len(text) and text[end + 1].isalpha())
    ):
        end += 1
    return start, end


# -- a value said again --------------------------------------------------------------------

# On a call a value is often begun, dropped and said again, or said and then corrected; the
# false start and the correction are parts of the same value ("fifty-s... fifty-seven
# Leaventhorpe Lane", "BT48... BT48 9QE", "07700 900 671 corr. 716", "sixth... seventh of June,
# fifty-nine... no, fifty-eight", "E-N-T-W-I-S-T... L-E").
_SAID_AGAIN_TYPES = frozenset(
    {
        "PHONE_NUMBER",
        "STREET_ADDRESS",
        "UK_POSTCODE",
        "DATE_OF_BIRTH",
        "UK_VEHICLE_REGISTRATION",
        "UK_NINO",
        "UK_PASSPORT",
        "UK_NHS",
        "UK_DRIVING_LICENCE",
        "PNC_ID",
        "POLICE_REFERENCE",
        "PERSON",  # spelled letter by letter only (see _value_token)
    }
)
_NUMBER_WORD = re.compile(
    r"(?i:zero|oh|nought|double|triple|one|two|three|four|five|six|seven|eight|nine|niner|ten"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
    r"|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|first|second|third"
    r"|fifth|eighth|ninth|twelfth|twentieth|thirtieth|wan|twa|twinty)(?:th)?"
)
_PHONETIC_WORD = re.compile(rf"(?i:{PHONETIC})")
_SPELLED = re.compile(r"[A-Za-z](?:-[A-Za-z])+")
_JOINING = frozenset({"of", "the", "and", "o'", "o’"})
_SAID_TOKEN = re.compile(r"[\w'’\-/]+")
# A hesitation or a correction between a false start and the value, or a value and its fix.
_STUMBLE = (  # (each run of spaces taken whole: no backtracking into a padded line)
    r"(?:\s*+(?:\.\.\.|…)(?:\s*+(?:no|sorry|er|erm|um|I\s+mean|hang\s+on|wait)\b[,.!]*+)*+"
    r"(?:\s*+(?:\.\.\.|…))?"
    r"|\s*+[,\-–]?\s*+(?:no,|no\s+sorry,?|no\s+wait,?|sorry,?|I\s+mean,?|corr(?:ection)?\.?:?)"
    r"(?:\s*+(?:\.\.\.|…))?"
    r"|\s*+(?:hang\s+on|wait|no|sorry)[,!]?\s*+(?:\.\.\.|…))\s*+"
)
_NUMBER_JOINED_BEFORE = re.compile(rf"(?<![\w\-])(?:{_NUMBER_WORD.pattern}-)+$")
_STUMBLE_BEFORE = re.compile(rf"(?:{_STUMBLE})$", re.IGNORECASE)
_STUMBLE_AFTER = re.compile(_STUMBLE, re.IGNORECASE)
_ELLIPSIS_ONLY = re.compile(r"\s*(?:\.\.\.|…)\s*$")
_SPACES = re.compile(r"\s+")


def _kind(token: str) -> str:
    """What a said token is: digits, a number's word, a spelled letter, or its first letter."""
    if token[:1].isdigit():
        return "digit"
    head = token.split("-")[0]
    if head and _NUMBER_WORD.fullmatch(head):
        return "number"
    if _PHONETIC_WORD.fullmatch(token):
        return "phonetic"
    if len(token) == 1 or _SPELLED.fullmatch(token):
        return "letter"
    return token[:1].lower()


def _value_token(token: str, value_words: set[str], person: bool) -> bool:
    """A token that can be part of a value said aloud (or of a spelled name, for a person)."""
    if person:
        return len(token) == 1 or _SPELLED.fullmatch(token) is not None
    if any(ch.isdigit() for ch in token) or _kind(token) in ("number", "phonetic", "letter"):
        return True
    low = token.lower()
    return len(low) >= 3 and any(w.startswith(low) for w in value_words)


def said_again(text: str, entities: Sequence[Entity]) -> list[Candidate]:
    """A value's false start before it and its correction after it, as the same value."""
    found: list[Candidate] = []
    for ent in entities:
        if ent.type not in _SAID_AGAIN_TYPES:
            continue
        value = text[ent.start : ent.end]
        tokens = _SAID_TOKEN.findall(value)
        person = ent.type == "PERSON"
        if not tokens or (person and not all(_value_token(t, set(), True) for t in tokens)):
            continue
        words = {t.lower() for t in tokens}
        begin = ent.start
        joined = _NUMBER_JOINED_BEFORE.search(text, max(0, begin - 24), begin)
        if joined is not None:  # "four-<four Atlantic Avenue>": the whole said number
            begin = joined.start()
            tokens[0] = text[begin : ent.start] + tokens[0]
        start = _false_start(text, begin, tokens[0], words, person)
        end = _correction(text, ent.end, tokens[-1], words, person)
        if start < ent.start or end > ent.end:
            found.append(Candidate(ent.type, start, end, ent.score, "context"))
    return found


def _false_start(text: str, start: int, first: str, words: set[str], person: bool) -> int:
    """Where the value's false starts begin ("EX4 1... EX2 9... EX2 9BQ"), or `start`."""
    while True:
        stumble = _STUMBLE_BEFORE.search(text, max(0, start - 40), start)
        if stumble is None:
            return start
        begin = _said_fragment(text, stumble.start(), first, words, person)
        if begin is None:
            return start
        head = _SAID_TOKEN.match(text, begin)
        assert head is not None
        start = begin
        first = head.group()


def _said_fragment(text: str, stop: int, first: str, words: set[str], person: bool) -> int | None:
    """The start of the words of a value said before `stop`, where the value that follows
    starts as they do: "fifty-s" before "fifty-seven Leaventhorpe Lane", or the same number
    and a word more, "seventeen Balloo" before "seventeen Bexley Road"."""
    run: list[re.Match[str]] = []  # the words right before, nearest first
    for tok in reversed(list(_SAID_TOKEN.finditer(text, max(0, stop - 60), stop))):
        gap = text[tok.end() : run[-1].start() if run else stop]
        if gap.strip(" ,") or len(gap) > 2 or len(run) == 6:
            break
        run.append(tok)
    begin = None
    for tok in run:
        if not _value_token(tok.group(), words, person) and tok.group().lower() not in _JOINING:
            break
        begin = tok.start()
    while begin is not None:  # (a joining word cannot open it: "the second of…")
        opening = _SAID_TOKEN.match(text, begin)
        if opening is None or opening.group().lower() not in _JOINING:
            break
        nxt = _SAID_TOKEN.search(text, opening.end(), stop)
        begin = nxt.start() if nxt else None
    if begin is not None and _fragment_opens(text, begin):
        head = _SAID_TOKEN.match(text, begin)
        assert head is not None
        a, b = _kind(head.group()), _kind(first)
        # (any number's words go together: "wan-four… fourteen"; else the same first character)
        if head.group()[:1].lower() == first[:1].lower() or (
            a == b and a in ("number", "phonetic")
        ):
            return begin
    for tok in run[:4]:  # the same number, then words of its own: "seventeen Balloo…"
        if tok.group().lower() == first.lower() and _kind(first) in ("number", "digit"):
            return tok.start() if _fragment_opens(text, tok.start()) else None
    return None  # "aged 34... 07700 900123": not a false start


def _fragment_opens(text: str, begin: int) -> bool:
    """A value's words can open at `begin`: after a space, a bracket, a quote or a comma (not
    inside a time or a code: "23:41... 23 Rose Lane")."""
    return begin == 0 or text[begin - 1].isspace() or text[begin - 1] in "(\"'“,;"


def _correction(text: str, end: int, last: str, words: set[str], person: bool) -> int:
    """Where the value's correction after it ends ("… no, three one two"), or `end`."""
    stumble = _STUMBLE_AFTER.match(text, end)
    if (stumble is None or stumble.end() == end) and text[:end].endswith(("...", "…")):
        stumble = _SPACES.match(text, end)  # "07700 900 17... 900 170"
    if stumble is None or stumble.end() == end:
        return end
    tail_end = None
    pos = stumble.end()
    first = None
    for tok in _SAID_TOKEN.finditer(text, pos, min(len(text), pos + 60)):
        gap = text[pos : tok.start()]
        if (tail_end is None and gap) or gap.strip(" ,") or len(gap) > 2:
            break
        if not _value_token(tok.group(), words, person):
            break
        first = first or tok.group()
        tail_end = pos = tok.end()
    if tail_end is None or first is None or _kind(first) != _kind(last):
        return end
    bare = (
        _ELLIPSIS_ONLY.fullmatch(text, end, stumble.end()) or not text[end : stumble.end()].strip()
    )
    if bare and not (_kind(first) in ("letter", "number", "phonetic") or len(first) >= 3):
        return end  # "07700 900123... 3 youths": not a correction
    return tail_end
