"""Social-media handles: @names, and usernames given after a platform word (snap: jay_d99)."""

from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import Pattern  # noqa: TID253 - loaded lazily

from asbhub.pii.recognizers.matching import PatternMatching

# The platform word ends at a word boundary: "sc" in "scene", "x" in "X30" are not platforms.
_PLATFORM = (
    # (not a count's "x": "3 x IC1 youths", "2x", "cats x 14")
    r"(?:snap(?:chat)?|sc|insta(?:gram)?|ig|tik\s?tok|tt|twitter|(?<!\d\s?)x(?!\s\d{1,4}\b(?![\w.]))"
    r"|facebook|fb|threads|youtube"
    r"|discord|telegram|whats\s?app|kik|twitch|reddit|onlyfans|linkedin|grindr"
    # and the consoles' and games' networks where players message each other
    r"|psn|xbox(?:\s+live)?|steam|roblox|fortnite)(?![\w@]|-\w)"
)
# A whole word: "acc" is not the start of "account".
_ACCOUNT_WORD = r"(?:name|handle|user\s?name|user|account|acc|acct|profile|page|id|tag|@)\b"
_LINK = (
    r"\s*(?:is|was|called|named|of|as|by|under|from|to|(?:he|she|they|it)(?:['’]s|\s+is)|its|:|-"
    r"|=|,)?"
    r"\s*[(\"“‘']?"  # in brackets or quotes: 'Snapchat account "leamlane.lads"'
)
_COMMON = (
    r"(?!(?:the|a|an|and|to|he|she|they|him|her|them|his|is|was|that|this|from|on|at|in|with"
    r"|account|page|profile|message|messages|messaged|post|posts|posted|video|videos|story"
    r"|stories|group|chat|live|app|saying|says|said|where|which|who|showing|threatening)\b)"
)
# A username has a digit, an underscore or an inner dot ("lil.mace"); a full stop ends prose.
_HANDLE_WITH_MARK = r"[A-Za-z0-9_](?=[\w.\-]*(?:[\d_]|\.\w))[\w.\-]{1,29}(?<![.\-])"


# A platform named in lower case right before a word: "through snap jesvapez", "insta is …".
_PLATFORM_SAID = r"(?-i:\b(?:snap(?:chat)?|insta(?:gram)?|tik\s?tok)\s+(?:is\s+|as\s+|:\s*)?)"
_PLATFORM_RIGHT_BEFORE = re.compile(rf"{_PLATFORM_SAID}$")
_FILE_ENDINGS = (
    "csv|xls|xlsx|pdf|doc|docx|txt|json|xml|jpg|jpeg|png|zip|yaml|yml|mov|mp4|heic|gif|msg|eml"
)
# Words of a record's fields and of exported files' names, and their numbers and versions.
_FIELD_WORDS = (
    r"case|cases|ref|id|no|num|incident|date|time|ts|real|name|first|last|full|seen|referral"
    r"|export|extract|template|letter|witness|stmt|statement|diary|sheets?|digest|scan|img|dsc"
    r"|vid|partner|asb|reporter|phone|address|postcode|email|police|user|form|submit|type"
    r"|status|category|created|updated|at|by|dob|nominal|perp|victim|agency|notes?|source|row"
    r"|col|file|data|records?|count|total|upload|import|report|log|v\d+|wk\d+|q[1-4]|\d+"
    # and the words of systems' own keys: "sys_log", "niche_extract", "subject_nino",
    # "occurred_at", "job_summary"
    r"|sys|niche|job|summary|suspect|subject|occurred|nino|vrm|crm|tel|addr|compl|officer|loc"
    r"|location|tags|found|next|sync|action|field|value|ecins|mobile|person|guardian|stop|opened"
)

# Words of an organisation's name, as its account spells them: "@BoltonCouncil", "@SYPOperations",
# "@S11_residents", "@WMFireService", "@TheCornerCafeLeek", "@ladybarnPCSOs" (a person's
# "…_official" or "…_watcher" is still theirs).
_ORGANISATION_WORDS = frozenset(
    [
        "council",
        "police",
        "service",
        "services",
        "ambulance",
        "nhs",
        "operations",
        "residents",
        "pcsos",
        "pcso",
        "npt",
        "snt",
        "csp",
        "cafe",
        "café",
        "travel",
        "buses",
        "railway",
        "trains",
        "library",
        "museum",
        "housing",
        "homes",
        "community",
        "parish",
        "church",
        "mosque",
        "trust",
        "charity",
        "centre",
        "center",
        "constabulary",
        "btp",
        "gmp",
    ]
)
# A handle's words: in capitals ("SYP", "PCSOs"), capitalised, lower case, or digits.
_HANDLE_WORDS = re.compile(r"[A-Z]{2,}s?(?![a-z])|[A-Z]?[a-zà-ÿ]+|[A-Z]+|\d+")


def _an_organisations(handle: str) -> bool:
    """A handle of an organisation's account, by a word of its name; a word run together with a
    place's in lower case too ("@waltonresidents", "@oldhamcouncil"). All in lower case, only
    its last word tells: "@walton_residents", not "@kez_police_hater"."""
    words = [w.lower() for w in _HANDLE_WORDS.findall(handle)]
    if handle.islower():
        words = words[-1:]
    return any(
        w in _ORGANISATION_WORDS
        or any(
            w.endswith(end) and len(w) > len(end) + 2 for end in ("residents", "council", "police")
        )
        for w in words
    )


# Where a machine writes a value: after a key's "=" or a field's name in an audit line.
_MACHINE_VALUE_BEFORE = re.compile(r"(?:\w=|(?i:field)\s+['\"])$")


class SocialMediaHandleRecognizer(PatternMatching):
    """@handles at 0.75; after a platform word, a username-looking token 0.7, any word 0.5."""

    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("@handle", r"(?<![\w.@])@(?=[\w.]*[A-Za-z])[A-Za-z0-9_][\w.]{0,29}(?<!\.)", 0.75),
        Pattern(
            "Username after platform",
            rf"\b{_PLATFORM}(?:\s+{_ACCOUNT_WORD})?{_LINK}\K{_COMMON}{_HANDLE_WITH_MARK}",
            0.7,
        ),
        # A username with its marks, then the platform it is on: "kmoney.cro on snap",
        # "lil_t.b on insta" (not a file: "clip.mp4 on snap").
        Pattern(
            "Username before its platform",
            rf"(?<![\w.@]){_COMMON}{_HANDLE_WITH_MARK}"
            rf"(?<!\.(?:{_FILE_ENDINGS}))(?=\s+(?:on|via)\s+{_PLATFORM})",
            0.6,
        ),
        # A word no dictionary or name list holds, in lower case, right after a platform:
        # "selling vapes through snap jesvapez" (the recognizer's `refuted` drops known words:
        # "on snap yesterday", "tiktok videos").
        Pattern(
            "Unknown word after platform",
            rf"{_PLATFORM_SAID}\K(?-i:[a-z][a-z0-9]{{4,29}})\b(?![.@\-])",
            0.5,
        ),
        # A Discord name with its four-digit tag: "messaged by discord nightcrawler#4471".
        Pattern(
            "Discord tag",
            r"\bdiscord\b[^\n.#]{0,40}?\K(?<![\w.@#])[A-Za-z0-9_.]{2,32}#\d{4}(?!\d)",
            0.6,
        ),
        # Read out: "his Insta is zee dot revs underscore b ten", "on Snapchat as wee
        # underscore shorty underscore belfast".
        Pattern(
            "Handle read out after platform",
            rf"\b{_PLATFORM}(?:\s+{_ACCOUNT_WORD})?{_LINK}\K{_COMMON}[A-Za-z0-9]+"
            r"(?:\s+(?:dot|underscore)\s+[A-Za-z0-9]+)+"
            r"(?:\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen"
            r"|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|\d+)\b){0,2}",
            0.6,
        ),
        # Read out with its "@" said, no platform needed where an underscore is said: "an
        # account called at R D G underscore rats twenty-four", "handle at penhill underscore
        # mandem" (an e-mail said aloud has its "at" after the name and "dot" after it).
        Pattern(
            "Handle read out with its at",
            r"\bat\s+(?:[A-Za-z0-9]+\s+){0,3}?[A-Za-z0-9]+"
            r"(?:\s+(?:dot|underscore)\s+[A-Za-z0-9]+)*\s+underscore\s+[A-Za-z0-9]+"
            r"(?:\s+(?:dot|underscore)\s+[A-Za-z0-9]+)*"
            r"(?:\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen"
            r"|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|oh|zero|\d+)"
            r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?\b){0,2}"
            # (and no address's "dot com" after it)
            r"(?!\s+dot\s)",
            0.6,
        ),
        Pattern(
            "Any word after platform account word",
            rf"\b{_PLATFORM}\s+{_ACCOUNT_WORD}{_LINK}\K{_COMMON}[A-Za-z0-9_][\w.\-]{{2,29}}",
            0.5,
        ),
        # A channel's name in quotes, one word with no space, which its owner goes by: "YouTube
        # channel 'BrightonPrankzTV'" (not a group's or a page's name of several words: "channel
        # 'Gorton Community Noticeboard'").
        Pattern(
            "Channel's name in quotes",
            rf"\b{_PLATFORM}\s+(?i:channel)\s*(?:(?i:called|named)\s*)?[\"“‘']\K"
            r"[A-Za-z0-9_][\w.\-]{2,29}(?=[\"”’'])",
            0.6,
        ),
        Pattern(
            "Username after an account word",
            rf"\b(?:user\s?name|user|handle|account|profile)\s*(?:is|was|called|named|:|-)?\s*\K"
            rf"{_COMMON}{_HANDLE_WITH_MARK}",
            0.6,
        ),
        # A profile's address: "tiktok.com/@saints_ryan07", "instagram.com/lil.mace".
        Pattern(
            "Profile address",
            r"(?<![\w.])(?:https?://)?(?:www\.|m\.)?(?:tiktok|instagram|facebook|twitter|x|snapchat"
            r"|youtube|threads)\.(?:com|net)/(?:add/|@)?[\w.\-]{2,30}(?<![.\-])",
            0.75,
        ),
        # Not a machine's key: '"tenancy_ref": ', "RENT_ACC=".
        Pattern(
            "Underscored handle",
            # not a field's name made of a record's words: "case_ref", "first_seen", "real_name"
            rf"(?<![\w@.])(?<!(?:^|[,|\t;/]\s?)[a-z_]{{2,30}}[,|\t;]\s?)"
            rf"(?!(?:(?:{_FIELD_WORDS})(?:_|\b(?![.\-])))+)"
            # (nor a key in capitals: "VAHT_CRM")
            r"(?!(?-i:[A-Z0-9_]+)\b)"
            r"[A-Za-z]+_[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*\b(?![\"']\s*+:|\s*+=)"
            # not a file's name, nor a file's without its ending: "asb_cases.csv", "IMG_4471.MOV",
            # "CRM_EXPORT_2025-03-01.csv"
            rf"(?<!\.(?:{_FILE_ENDINGS}))(?![\w.\-]*\.(?:{_FILE_ENDINGS})\b)"
            # nor a column's name in a header row, beside another in lower case:
            # "case,opened,comp_tel,subject_addr,status", "notice_no,issued,recipient"
            r"(?![,|\t;]\s?[a-z_]{2,30}\s?[,|\t;])",
            0.5,
        ),
    ]
    # A handle said with its "@" runs only where an underscore is said.
    GATES: ClassVar[dict[str, str | tuple[str, ...]]] = {
        "Handle read out with its at": r"\sunderscore\s",
        "Channel's name in quotes": r"(?i:channel)",
    }
    CONTEXT: ClassVar[list[str]] = [
        "snapchat",
        "snap",
        "instagram",
        "insta",
        "tiktok",
        "facebook",
        "handle",
        "username",
    ]

    def refuted(self, text: str, start: int, end: int) -> bool:
        """A plain lower-case word after a platform that a dictionary, a place or a name list
        holds is the sentence's ("on snap yesterday"), not a username; and an @handle with a
        word of an organisation's name is the organisation's account ("@BoltonCouncil")."""
        word = text[start:end]
        if word.startswith("@") and _an_organisations(word):
            return True  # "@BoltonCouncil", "@SYPOperations": an organisation's account
        if "_" in word and _MACHINE_VALUE_BEFORE.search(text, max(0, start - 12), start):
            from asbhub.pii.gazetteers import (
                common_english_words,
                english_words,
                first_names,
                surnames,
            )

            parts = [p for p in re.split(r"[_\d.]+", word.lower()) if len(p) >= 3]
            if parts and all(
                (p in common_english_words() or p in english_words())
                and p not in first_names()
                and p not in surnames()
                for p in parts
            ):
                return True  # "user=batch_import", "field 'complainant_phone'": a system's words
        if (
            not (word.isalpha() and word.islower())
            or _PLATFORM_RIGHT_BEFORE.search(text, max(0, start - 16), start) is None
        ):
            return False
        from asbhub.pii.gazetteers import english_words, first_names, not_names, places, surnames

        return any(
            word in words
            for words in (english_words(), not_names(), places(), first_names(), surnames())
        ) or (word.endswith("s") and word[:-1] in english_words())

    def __init__(self, supported_entity: str = "SOCIAL_MEDIA_HANDLE") -> None:
        super().__init__(
            supported_entity=supported_entity,
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            global_regex_flags=re.IGNORECASE,
        )
