"""E-mail addresses by pattern alone, so nothing (such as tldextract) ever reaches the network."""

from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import Pattern  # noqa: TID253 - loaded lazily

from asbhub.pii.gazetteers import wordset
from asbhub.pii.recognizers.matching import PatternMatching
from asbhub.pii.recognizers.uk_vehicle_registration import SAID_TEENS, SAID_TENS, SAID_UNITS

# Domains of the mail services people give their addresses at.
_MAIL_PROVIDER = (
    r"(?:gmail|googlemail|hotmail|outlook|live|yahoo|ymail|icloud|me|aol|btinternet|sky"
    r"|talktalk|virginmedia|protonmail|proton|gmx|mail|example)"
)

# A number's words as a caller says one in an address: "eighty eight", "double seven".
_SAID_NUMBER_WORD = rf"(?:zero|oh|{SAID_UNITS}|{SAID_TEENS}|{SAID_TENS}|double|treble|triple)"
# An address's ending said in words: "dot com", "dot co dot uk", "dot example" (the ending kept
# for examples, which a partner's test messages use).
_SAID_ENDING = r"(?:com|co\sdot\suk|org|net|uk|gov|info|me|io|ie|example)"


# A shared mailbox is a team's, not a person's: its name is made of a service's words and a
# place's ("cardiff.asb@…", "asb.hub@…", "communitysafety@…", "TorryCPT@…", "cctv.control@…"),
# often run together, and names no one. Partners give it so that replies reach the team; it
# stays. One word at least must be a service's (not only a place's or a direction's), and no part
# may be anything else: a name, an initial or a number makes the mailbox someone's
# ("pc2291.ingram@…", "j.ward@…", "ruth.asb@…"), and so does a personal mail service's domain.
_SERVICE_WORDS = wordset(
    "asb asbu team teams npt snt cpt nht nst safeguarding safeguard hub cctv control room"
    " licensing licence taxi enquiries enquiry info information admin clerk clerc rangers ranger"
    " office reception communitysafety housing contact contacts mash referrals referral duty legal"
    " parking services service helpdesk crime crimes noise customer customers tenancy requests"
    " request complaints complaint casework cases case review pubwatch shopwatch council police"
    " intel intelligence unit lettings repairs enforcement planning foi dpo travelsafe wildlife"
    " ruralcrime community safety partnership partnerships neighbourhood neighbourhoods policing"
    " streetscene environmental envhealth cleansing trading standards tradingstandards earlyhelp"
    " yot yjs mailbox asc adult adults childrens social care estates estate support victims"
    " witness disclosure antisocial behaviour secretary parish"
    # a university's and a landlord licensing team's: "studentconduct@…", "wellbeing@…", "hmo@…"
    " student students conduct wellbeing welfare hmo accommodation residence residences security"
    " advice studentlife"
    # a system's own sender: "noreply@…", "no-reply@…", "notifications@…"
    " noreply donotreply reply notifications notification alerts alert"
)
_PLACE_SIDE_WORDS = wordset("north south east west central city the and of no do not")
# Mail services people hold their own addresses at (and the examples' stand-ins for them).
_PERSONAL_DOMAIN = re.compile(
    rf"(?:{_MAIL_PROVIDER}|[a-z\-]*(?:mail|post|box|inbox|web)[a-z\-]*)\.", re.IGNORECASE
)


def team_mailbox(value: str) -> bool:
    """`value` is a team's shared address (see _SERVICE_WORDS), not a person's."""
    local, _, domain = value.partition("@")
    if not domain or _PERSONAL_DOMAIN.match(domain) or any(ch.isdigit() for ch in local):
        return False
    from asbhub.pii.gazetteers import first_names, places, surnames

    service = False
    for piece in re.split(r"[._\-]+", local.lower()):
        if not piece:
            continue
        named = piece in first_names() or piece in surnames()
        if named and piece not in _SERVICE_WORDS and piece not in places():
            return False
        words = _segmented(piece, places())
        if words is None:
            return False
        service = service or any(w in _SERVICE_WORDS for w in words)
    return service


# A mail header's sender or recipient that is a body, its address in angle brackets: "From:
# Gwent Police Civil Orders Unit <civilorders@…>", "To: DG ASB Partnership <dgasb@…>".
_ORGANISATION_SENDER = re.compile(
    r"(?:^|[|:;,\n]\s*)[A-Za-z0-9&'’ .\-]{0,60}\b(?i:police|council|constabulary|unit|team"
    r"|partnership|services?|housing|safety|mbc|borough|trust|association|homes|authority"
    r"|department|office|hub|centre|center|group|ltd|management|agency|rescue|executive|desk"
    r"|panel|board|forum|network|communities)\b[A-Za-z0-9&'’ .\-]{0,40}<$"
)


def _nobodys(value: str) -> bool:
    """An address whose name part holds no one's name, initial or number ("civilorders",
    "community.trigger", "dgasb"), so a body's display name is what it is."""
    from asbhub.pii.gazetteers import english_words, first_names, surnames

    local, _, domain = value.lower().partition("@")
    if any(ch.isdigit() for ch in local) or _PERSONAL_DOMAIN.match(domain):
        return False
    pieces = [p for p in re.split(r"[._\-]+", local) if p]
    return bool(pieces) and all(
        len(p) > 1
        and p not in first_names()
        and (p not in surnames() or p in english_words())  # "safer.streets@"
        for p in pieces
    )


def _segmented(piece: str, place_names: frozenset[str]) -> list[str] | None:
    """`piece` as a run of service words, side words and places ("asbcasereview", "torrycpt"),
    fewest words first; None where it is no such run."""
    best: list[list[str] | None] = [None] * (len(piece) + 1)
    best[0] = []
    for end in range(1, len(piece) + 1):
        for start in range(max(0, end - 24), end):
            head = best[start]
            if head is None:
                continue
            word = piece[start:end]
            known = (
                word in _SERVICE_WORDS
                or word in _PLACE_SIDE_WORDS
                or (len(word) >= 4 and word in place_names)
            )
            if known and (best[end] is None or len(head) + 1 < len(best[end] or [])):
                best[end] = [*head, word]
    return best[len(piece)]


class OfflineEmailRecognizer(PatternMatching):
    """Plain addresses at 0.9 and 'name (at) domain (dot) com' spellings at 0.6."""

    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "E-mail",
            r"(?<![\w.+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,24}\b",
            0.9,
        ),
        # A space slipped in before the @ ("rania.haddad82 @outlook.com"), where the name has a
        # digit, a dot or an underscore ("insta @lil.mace" is a handle after its platform).
        Pattern(
            "E-mail with a space before its @",
            r"(?<![\w.+\-])(?=[\w%+\-]*[\d._])[A-Za-z0-9._%+\-]+\s@[A-Za-z0-9\-]+"
            r"(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,24}\b",
            0.8,
        ),
        # Spaces about its @ and its dots, as a phone's keyboard spaced them: "malik.h1987 @
        # outlook . com" (a known ending only: "me @ home. Then" is a sentence's).
        Pattern(
            "E-mail with spaces about its @ and dots",
            r"(?<![\w.+\-])(?=[\w%+\-]*[\d._])[A-Za-z0-9._%+\-]+\s{0,2}@\s{0,2}[A-Za-z0-9\-]+"
            r"(?:\s?\.\s?(?:co|gov|ac|org|nhs|police|[a-z0-9\-]+(?=\s?\.)))*\s?\.\s?"
            r"(?-i:com|uk|org|net|info|me)\b",
            0.8,
        ),
        Pattern(
            "E-mail spelt out",
            r"\b[\w.\-]+\s?[\[(]\s?at\s?[\])]\s?[\w\-]+(?:\s?(?:[\[(]\s?dot\s?[\])]|\.)\s?[\w\-]+)+\b",
            0.6,
        ),
        Pattern(
            "E-mail spelt out in words",
            # "jen dot hartigan seventy-two at gmail dot com": a number read out after the name
            # (a dot typed in the name part: "x.zhao at example dot org")
            # (a hyphen said, in the name or the domain: "tom hyphen birch at example hyphen
            # mail dot co dot uk"; a domain said as two words: "at example council dot gov")
            # (an initial said apart, a number said after: "p nowak 77 at example dot net")
            r"\b(?:[a-z]\s(?=[\w\-]+\s))?"
            r"[\w\-]+(?:\.[\w\-]+)*(?:\s(?:dot|underscore|hyphen|dash)\s[\w\-]+)*"
            r"(?:\s(?:dot|underscore)\s[\w\-]+\s[\w\-]+|\s\d{1,4})?"
            # (letters and a number said after the name: "becky s eighty eight at outlook dot
            # com", "trace o at dundeemail dot example")
            rf"(?:\s(?:[a-z]|{_SAID_NUMBER_WORD})(?=\s)){{0,4}}"
            r"\sat\s(?!(?:the|a|an|my|his|her)\s)[\w\-]+(?:\s(?!dot\b)[\w\-]+(?=\sdot\s))?"
            r"(?:\s(?:dot|hyphen|dash)\s[\w\-]+)*"
            rf"\sdot\s{_SAID_ENDING}\b",
            0.6,
        ),
        # "at" typed for the @, the domain's dots typed ("t.oyelaran77 at gmail.com"): the name
        # has a digit, a dot or an underscore, or the domain is a mail provider's; not "bought
        # at argos.co.uk".
        Pattern(
            "E-mail with 'at' for its @",
            r"(?<![\w.+\-])(?:(?=[\w%+\-]*[\d._])[A-Za-z0-9._%+\-]+\sat\s[A-Za-z0-9\-]+"
            rf"|[A-Za-z0-9._%+\-]+\sat\s{_MAIL_PROVIDER})"
            r"(?:\.[A-Za-z0-9\-]+)*\.(?:com|co\.uk|org(?:\.uk)?|net|uk|ac\.uk|gov\.uk|info|me"
            r"|io|ie)\b",
            0.6,
        ),
    ]
    # An address spelt out runs only where "dot" and an ending are.
    GATES: ClassVar[dict[str, str]] = {
        "E-mail spelt out in words": rf"dot\s{_SAID_ENDING}\b",
        "E-mail with 'at' for its @": r"\sat\s[A-Za-z0-9\-]+\.",
    }
    CONTEXT: ClassVar[list[str]] = ["email", "e-mail", "mail", "contact"]

    def refuted(self, text: str, start: int, end: int) -> bool:
        value = text[start:end]
        return team_mailbox(value) or (
            _ORGANISATION_SENDER.search(text, max(0, start - 80), start) is not None
            and _nobodys(value)
        )

    def __init__(self, supported_entity: str = "EMAIL_ADDRESS") -> None:
        super().__init__(
            supported_entity=supported_entity,
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            global_regex_flags=re.IGNORECASE,
        )
