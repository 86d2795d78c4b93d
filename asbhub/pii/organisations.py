"""An organisation's own name and the numbers that register it stay in the text, and so does an
officer's rank with the collar number after it ("BTP PC 3346", "PC 622NA"): officers' numbers
are shared, and a recognizer that reads one as an agency's reference or a postcode is wrong.

A firm named for its founders is a firm: "Harrison Cole LLP", "Amber Cars Ltd" name no person
to redact, though their first words read as a person's name.

A company's number at Companies House, a charity's with the Charity Commission, a school's or a
children's home's Ofsted URN, a law firm's SRA number and a business's VAT number are public
records of a body, not of a person: partners need them to know which body a note is about
("Operator Amber Cars Ltd (company no. 07729145)", "Street Pastors (charity no. 1127166)",
"Broadfield Academy (URN 136844)"). The recognizers read many of them as references or phone
numbers; the engine leaves out any found right after such a cue. A person's own licence (a
personal licence, an SIA badge, a taxi driver's badge) is not among them, nor is a premises
licence: it names its holder, often a person, and the writers of the gold sets marked it both
ways, so it stays redacted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from asbhub.pii.resolve import Entity

# The cue right before the number: "company no.", "co. no.", "Companies House no", "charity
# no.", "reg. charity", "SRA no.", "VAT", "FRN".
_REGISTRATION_CUE = re.compile(
    r"\b(?:compan(?:y|ies)(?:\s+house)?|co\.?|(?:registered\s+|reg\.?\s+)?charity"
    r"|reg(?:istered|\.)?\s+(?:charity|company)|sra|vat|frn|fca"
    # a firm's footer: "Registered in England and Wales no. OC381204", "registered no. 08203717"
    r"|registered(?:\s+in\s+[a-z]+(?:\s+(?:and|&)\s+[a-z]+)?)?(?=\s*(?:no\b|number|#)))"
    r"(?:\s+(?:reg(?:istration|istered|\.)?|id))?(?:\s*(?:no\.?|number|#))?\s*[:.]?\s*$",
    re.IGNORECASE,
)
# An Ofsted URN: six digits, with "SC" before them for a children's home ("URN SC482917"); a
# CPS case's URN has letters among its digits and stays a reference.
_URN_CUE = re.compile(r"\b(?i:urn)\s*(?:no\.?\s*)?[:.]?\s*$")
_OFSTED_URN = re.compile(r"(?i:sc)?\d{6}")
_TYPES = frozenset(
    {
        "POLICE_REFERENCE",
        "PHONE_NUMBER",
        "UK_PASSPORT",
        "UK_DRIVING_LICENCE",
        "UK_NHS",
        "UK_NINO",
        "PNC_ID",
        "UK_VEHICLE_REGISTRATION",
    }
)


# A rank and a collar number, the Met's with its borough's letters: "PC 3346", "PS 622NA".
_RANK = r"(?:PC|PS|PCSO|DC|DS|Sgt|SGT|Insp|INSP|Supt|SUPT)"
_COLLAR_NUMBER = re.compile(r"\d{2,5}(?:[A-Z]{2})?")
_COLLAR = re.compile(rf"{_RANK}\s?{_COLLAR_NUMBER.pattern}")
_RANK_BEFORE = re.compile(rf"\b(?:{_RANK}|[Cc]onstable|CONSTABLE)\.?\s$")
_COLLAR_TYPES = _TYPES | {"UK_POSTCODE"}


def collar_number(text: str, start: int, end: int) -> bool:
    """text[start:end] is an officer's rank and collar number, or the number after a rank."""
    return _COLLAR.fullmatch(text, start, end) is not None or (
        _COLLAR_NUMBER.fullmatch(text, start, end) is not None
        and _RANK_BEFORE.search(text, max(0, start - 12), start) is not None
    )


def registered_number(text: str, start: int, end: int) -> bool:
    """text[start:end] is an organisation's registration number, by the cue right before it."""
    before = max(0, start - 40)
    if _REGISTRATION_CUE.search(text, before, start) is not None:
        return True
    return (
        _URN_CUE.search(text, before, start) is not None
        and _OFSTED_URN.fullmatch(text, start, end) is not None
    )


# A firm's legal ending, within or right after a name found, up to three capitalised words
# between: "Harrison Cole LLP", "Amber" + " Cars Ltd", "Okafor & Patel Solicitors".
_FIRM_ENDING = r"(?:Ltd|LTD|Limited|LIMITED|LLP|PLC|Plc|plc|Solicitors|SOLICITORS)\b"
_FIRM_AFTER = re.compile(rf"(?:\s+(?:&\s+)?[A-Z][\w'’\-]*){{0,3}}\s+{_FIRM_ENDING}")
_FIRM_LAST = re.compile(rf"\s{_FIRM_ENDING}\.?$")


# A shop named for its owner, a trade's word right after the surname: "Patel News", "Sandhu's
# Cash & Carry", "Lawton's Hardware" (the shop's name is on its sign; its owner, named as a
# person elsewhere, still goes).
_SHOP_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:News|Newsagents?|Pharmacy|Chemists?|Superstore|Stores?|Supermarket"
    r"|Mini\s?[Mm]arket|Convenience|Hardware|Motors|Garage|Autos|Tyres|Butchers?|Bakery|Bakers"
    r"|Caf[eé]|Takeaway|Kebabs?|Pizza|Fish\s+Bar|Off[\s\-]Licen[cs]e|Cash\s*(?:&|and)\s*Carry"
    r"|Barbers?|Salon|Car\s+Wash|Furniture|Carpets|Jewellers|Removals|Launderette|Tailors)\b"
)


def firm_name(text: str, start: int, end: int) -> bool:
    """text[start:end], a name found, is a firm's name or the start of one."""
    return (
        _FIRM_LAST.search(text, start, end) is not None
        or _FIRM_AFTER.match(text, end) is not None
        or (" " not in text[start:end].strip() and _SHOP_AFTER.match(text, end) is not None)
    )


# A body's letters are a person's initials only by their place in minutes ("ACTION: WDH to
# serve…", "ACTION: WH to request…"). The text says which they are where it uses the letters
# elsewhere: as a body after someone's role ("Farah Qureshi (Neighbourhood Officer, KHT)"),
# before one of the body's teams ("WDH Tenancy Enforcement"), or by spelling the body out
# ("City of York Council" … "CYC"). A person's initials are a named person's ("Wendy Hartley").
_LETTERS = re.compile(r"[A-Z]{2,6}")
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’\-]*")
_TEAM_WORDS = (
    r"Tenancy|Housing|Homes|Estates?|Neighbourhoods?|Enforcement|Safeguarding|Team|Unit|Officers?"
    r"|Manager|Panel|Services?|Repairs|Lettings|Income|Legal|Licensing|Community|Partnership"
)
# Capitalised words in a run, "of", "and", "the", "for" among them: "City of York Council"
# (not in capitals, where every run of words would spell someone's initials somewhere).
_PHRASE = re.compile(
    r"\b[A-Z][a-z][\w'’\-]*(?:\s+(?:(?:of|and|&|the|for|on)\s+)*[A-Z][a-z][\w'’\-]*)+"
)
# The last word of a body's name: "… Council", "… Housing Trust", "… Behaviour Unit".
_BODY_LAST = re.compile(
    r"Council|Trust|Housing|Homes|Association|Group|Unit|Team|Service|Services|Partnership"
    r"|Police|Constabulary|Authority|Board|Agency|Department|Office|Centre|Project"
)


def _body_use(text: str, letters: str, persons: Sequence[Entity]) -> bool:
    """`letters` name a body somewhere in `text` (a person's name spells no body's)."""
    esc = re.escape(letters)
    if re.search(
        rf"(?:,\s*|\(){esc}\)|\b{esc}\s+(?:{_TEAM_WORDS})\b|\b(?:with|from)\s+(?:the\s+)?{esc}\b"
        rf"(?!\s*\()",
        text,
    ):
        return True
    n = len(letters)
    for phrase in _PHRASE.finditer(text):
        if any(e.start < phrase.end() and phrase.start() < e.end for e in persons):
            continue  # "MACKAY, Donald John (aka "DJ")"
        words = [w for w in _NAME_WORD.findall(phrase.group()) if w[0].isupper()]
        for i in range(len(words) - n + 1):
            run = words[i : i + n]
            if "".join(w[0] for w in run) == letters and (
                i + n == len(words) or _BODY_LAST.fullmatch(run[-1])
            ):
                return True
    return False


def bodies_letters(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """The entities less a body's letters read as a person's initials (see _body_use): letters
    no named person's initials, that the text uses elsewhere for a body."""
    persons = [e for e in entities if e.type == "PERSON"]
    if not any(_LETTERS.fullmatch(text, e.start, e.end) for e in persons):
        return list(entities)  # no person found in capitals alone (most narratives)
    from asbhub.pii.gazetteers import english_words, first_names, surnames

    initials: set[str] = set()
    for ent in persons:
        words = _NAME_WORD.findall(text[ent.start : ent.end])
        if len(words) >= 2:
            first = [w[0].upper() for w in words]
            initials |= {first[0] + first[-1], "".join(first)}
    return [
        e
        for e in entities
        if not (
            e.type == "PERSON"
            and _LETTERS.fullmatch(letters := text[e.start : e.end])
            and letters not in initials
            # (a name or a word in capitals is no body's letters: "JONES", "LEE", "ASH")
            and not any(letters.lower() in words for words in (first_names(), surnames()))
            and letters.lower() not in english_words()
            and _body_use(text, letters, persons)
        )
    ]


# A group's, a page's or a chat's name in quotes after its word is the group's, though it reads
# as a name: "posted in group 'Gorton Community Noticeboard'", 'WhatsApp group "Beaumont Estate
# Watch"'.
_GROUP_NAME = re.compile(
    r"\b(?i:group|page|chat|channel|forum)\s+(?i:(?:called|named)\s+)?[\"“'‘]"
    r"([^\"”'’\n]{2,60})[\"”'’]"
)


def group_name(text: str, start: int, end: int) -> bool:
    """text[start:end] lies in a group's, a page's or a chat's quoted name."""
    return any(
        m.start(1) <= start and end <= m.end(1)
        for m in _GROUP_NAME.finditer(text, max(0, start - 80), min(len(text), end + 62))
    )


def without_organisations(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """The entities less the organisations' registration numbers, firms' names, a body's
    letters and officers' collar numbers."""
    return bodies_letters(
        text,
        [
            e
            for e in entities
            if not (e.type in _TYPES and registered_number(text, e.start, e.end))
            and not (e.type in _COLLAR_TYPES and collar_number(text, e.start, e.end))
            and not (e.type == "PERSON" and firm_name(text, e.start, e.end))
            and not (e.type == "PERSON" and group_name(text, e.start, e.end))
        ],
    )
