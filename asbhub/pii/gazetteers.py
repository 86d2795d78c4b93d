"""Word lists the engine consults: UK places that must survive, first names and surnames.

None of them comes from Faker, which generates the synthetic incidents the engine is scored on:
the name lists are built from names-dataset by tools/build_names.py (sources in data/README.md).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources

# Names that are also ordinary English words: matched only when the text capitalises them.
# First, those that are first names: "Hope Walker", "ring Holly" are names when capitalised;
# lower-case "hope" and "holly" are not.
COMMON_WORD_FIRST_NAMES = frozenset(
    [
        "will",
        "mark",
        "rose",
        "bill",
        "jack",
        "grace",
        "hope",
        "joy",
        "faith",
        "dawn",
        "summer",
        "holly",
        "ivy",
        "pat",
        "sue",
        "frank",
        "victor",
        "bob",
        "don",
        "ray",
        "guy",
        "rob",
        "cliff",
        "gene",
        "glen",
        "miles",
        "norman",
        "jean",
        "carol",
        "amber",
        "crystal",
        "jade",
        "ruby",
        "pearl",
        "daisy",
        "lily",
        "poppy",
        "heather",
        "iris",
        "violet",
        "olive",
        "eve",
        "hazel",
        "penny",
        "dean",
    ]
)

# Words a nickname puts before a first name: "big dave", "lil jay", "scouse tel".
# Makes of cars, vans and motorbikes, lower case: a plate's context ("Rover 25 X614 FLN"), and
# the make before a model's number, which is no plate ("BMW 330e").
MAKES = frozenset(
    [
        "bmw",
        "audi",
        "merc",
        "vw",
        "volkswagen",
        "ford",
        "vauxhall",
        "toyota",
        "nissan",
        "honda",
        "hyundai",
        "peugeot",
        "renault",
        "citroen",
        "fiat",
        "skoda",
        "seat",
        "volvo",
        "tesla",
        "lexus",
        "mazda",
        "dacia",
        "cupra",
        "landrover",
        "rover",
        "mitsubishi",
        "suzuki",
        "yamaha",
        "kawasaki",
        "ktm",
        "subaru",
        "porsche",
        "jeep",
        "chevrolet",
        "saab",
        "piaggio",
        "vespa",
        "aprilia",
        "ducati",
        "kia",
        "mg",
        "mini",
        "jaguar",
        "ferrari",
        "lamborghini",
        "maserati",
        "lotus",
        "alfa",
        "triumph",
        "husqvarna",
        "lexmoto",
        "sinnis",
        "zontes",
        "xiaomi",
        "ninebot",
        "segway",
        "talaria",
        "sur-ron",
        # vans, lorries and the rest of the road ("DAF" and "Bentley" left out: they are
        # people's names too, "Daf Pugh", "Bentley Harris")
        "mercedes",
        "scania",
        "iveco",
        "isuzu",
        "ldv",
        "polestar",
        "byd",
        "ssangyong",
        "chrysler",
        "cadillac",
    ]
)
_MAKE_BEFORE = re.compile(r"\b([A-Za-z]+)\s+$")


def make_before(text: str, start: int) -> bool:
    """A vehicle's make is the word right before `start`: "Toyota Yaris", "Honda CRF250R"."""
    before = _MAKE_BEFORE.search(text, max(0, start - 16), start)
    return before is not None and before.group(1).lower() in MAKES


NICKNAME_WORDS = frozenset(
    ["big", "little", "lil", "fat", "tall", "skinny", "mad", "young", "old", "scouse", "geordie"]
)
# Common words that are surnames, months or nicknames.
COMMON_WORD_OTHER_NAMES = frozenset(
    [
        "april",
        "art",
        "autumn",
        "baker",
        "banks",
        "barker",
        "bell",
        "bird",
        "bishop",
        "black",
        "bond",
        "booth",
        "brook",
        "brooke",
        "brown",
        "burns",
        "bush",
        "butler",
        "carter",
        "chance",
        "chase",
        "chester",
        "clay",
        "collier",
        "cook",
        "cooper",
        "cross",
        "dale",
        "day",
        "east",
        "farmer",
        "field",
        "fields",
        "fisher",
        "ford",
        "fox",
        "frost",
        "gill",
        "ginger",
        "gold",
        "golden",
        "gray",
        "green",
        "grey",
        "hall",
        "hart",
        "hill",
        "holmes",
        "hunter",
        "june",
        "king",
        "knight",
        "lamb",
        "lane",
        "law",
        "lee",
        "little",
        "long",
        "love",
        "low",
        "lowe",
        "major",
        "marsh",
        "mason",
        "may",
        "moss",
        "nash",
        "noble",
        "north",
        "page",
        "park",
        "parks",
        "payne",
        "potter",
        "power",
        "price",
        "read",
        "reed",
        "rice",
        "rich",
        "rivers",
        "rocky",
        "sandy",
        "savage",
        "sharp",
        "short",
        "sims",
        "sky",
        "small",
        "snow",
        "south",
        "spring",
        "steel",
        "sterling",
        "stone",
        "storm",
        "street",
        "strong",
        "summers",
        "sunny",
        "swift",
        "taylor",
        "turner",
        "walker",
        "waters",
        "webb",
        "wells",
        "west",
        "white",
        "winter",
        "wise",
        "wolf",
        "wood",
        "woods",
        "young",
    ]
)

COMMON_WORD_NAMES = COMMON_WORD_FIRST_NAMES | COMMON_WORD_OTHER_NAMES


def wordset(words: str) -> frozenset[str]:
    """A set of words written in a line apart: "asb team npt"."""
    return frozenset(words.split())


def folded(word: str) -> str:
    """The word without its accents ("mária" -> "maria"; "ł" -> "l"), as the lists also hold
    names and as officers often type them."""
    plain = unicodedata.normalize("NFKD", word.replace("ł", "l").replace("ø", "o"))
    return "".join(c for c in plain if not unicodedata.combining(c))


@functools.lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Lower-case town, city and district words (one word each; multi-word places by parts):
    our own list, and GeoNames' UK places of 5,000 people or more (tools/build_words.py)."""
    return _words("uk_places.txt") | _words("uk_towns.txt")


@functools.lru_cache(maxsize=1)
def places_abroad() -> frozenset[str]:
    """Places abroad written as a person's name is ("hong kong", "sierra leone"): whole names,
    lower case, their words joined by one space (data/places_abroad.txt)."""
    text = resources.files("asbhub.pii").joinpath("data", "places_abroad.txt").read_text("utf-8")
    lines = (line.strip().lower() for line in text.splitlines() if not line.startswith("#"))
    return frozenset(" ".join(line.split()) for line in lines if line)


@functools.lru_cache(maxsize=1)
def places_named_like_people() -> frozenset[str]:
    """GeoNames' UK places of 1,000 people or more whose one word is also a name ("barry",
    "shirley", "carlton"; tools/build_words.py): places only where the words around them say so."""
    return _words("uk_towns_named_like_people.txt")


_PHRASE_WORD = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=1)
def _phrases() -> dict[str, re.Pattern[str]]:
    """Each word of a phrase in brands_named_like_people.txt or uk_places_with_names.txt, with
    a pattern of the phrases that hold it: longest first ("sir robert mcalpine" before "robert
    mcalpine"), either apostrophe, a space or a dash between words ("Ashton-in-Makerfield")."""
    entries = _lines("brands_named_like_people.txt") + _lines("uk_places_with_names.txt")
    by_word: dict[str, list[str]] = {}
    for entry in sorted(set(entries), key=len, reverse=True):
        for word in set(_PHRASE_WORD.findall(entry)):
            by_word.setdefault(word, []).append(entry)
    return {
        word: re.compile(
            r"(?<![\w&])(?:"
            + "|".join(
                re.escape(e).replace(r"\-", " ").replace(r"\ ", r"[\s\-]+").replace("'", "['’]")
                for e in found
            )
            + r")(?![\w&])",
            re.IGNORECASE,
        )
        for word, found in by_word.items()
    }


def named_like_people_around(text: str, start: int, end: int) -> bool:
    """text[start:end] lies within a brand named like a person ("John Lewis", "Ted Baker",
    "Travis Perkins"; brands_named_like_people.txt) or a place of two words or more with a name
    among them ("Kirkby Stephen", "Sheriff Hutton"; uk_places_with_names.txt)."""
    phrases = _phrases()
    word = _PHRASE_WORD.search(text, start, end)
    pattern = phrases.get(word.group().lower()) if word is not None else None
    if pattern is None:
        return False
    window = (max(0, start - 30), min(len(text), end + 30))
    return any(m.start() <= start and end <= m.end() for m in pattern.finditer(text, *window))


@functools.lru_cache(maxsize=1)
def common_english_words() -> frozenset[str]:
    """Lower-case English words that are in no name list (SCOWL's smaller British list, via
    tools/build_words.py): trimmed off the ends of a name the model ran into a sentence."""
    return _words("english_words.txt") - COMMON_WORD_NAMES


@functools.lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Those and the rarer words of SCOWL's larger list ("outreach", "constabulary"): a
    model's "PERSON" made only of these ("PLAYING LOUD MUSIC") is not a name."""
    return common_english_words() | (_words("english_words_more.txt") - COMMON_WORD_NAMES)


@functools.lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    """Labels, shops, vehicle makes and slang the model mistakes for names (never names alone)."""
    return _words("not_names.txt")


@functools.lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Lower-case first names: names-dataset's by country (data/README.md) and our own list."""
    return _words("first_names.txt") | _words("extra_first_names.txt")


@functools.lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Lower-case surnames from names-dataset by country (data/README.md), and each Irish O'
    surname written both ways, as the list holds some only with the apostrophe ("o'neill") and
    some only without ("ohare"), and officers type both ("O'HARE", "Oneill")."""
    listed = _words("surnames.txt")
    both = set(listed)
    for word in listed:
        if word.startswith("o'"):
            both.add("o" + word[2:])
        elif len(word) >= 5 and word[1] not in "aeiouy'" and word[1:] in listed:
            both.add("o'" + word[1:])  # "ohare": "hare" is a surname too
    return frozenset(both)


@functools.lru_cache(maxsize=1)
def common_word_names() -> frozenset[str]:
    """Names that are also English words: ours above, and those the builder found in a
    dictionary. They are names only when capitalised ("Ward", "Precious"), never in lower case."""
    return COMMON_WORD_NAMES | _words("names_also_words.txt")


@functools.lru_cache(maxsize=1)
def first_names_also_words() -> frozenset[str]:
    """Common first names that are also words ("grant", "ash"): never alone in lower case."""
    return _words("first_names_also_words.txt")


def _lines(filename: str) -> list[str]:
    """A data file's lines, stripped, without its comments and blank lines."""
    text = resources.files("asbhub.pii").joinpath("data", filename).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _words(filename: str) -> frozenset[str]:
    return frozenset(word for line in _lines(filename) for word in line.lower().split())
