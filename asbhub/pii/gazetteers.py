"""Word lists the engine consults: UK places that must survive, common UK names."""

from __future__ import annotations

import functools
from importlib import resources

# Names that are also ordinary English words: matched only when the text capitalises them.
COMMON_WORD_NAMES = frozenset(
    [
        "will",
        "mark",
        "may",
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
        "rich",
        "frank",
        "victor",
        "hunter",
        "bob",
        "don",
        "ray",
        "guy",
        "rob",
        "art",
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
        "april",
        "june",
        "autumn",
        "chase",
        "eve",
        "sky",
        "sunny",
        "hazel",
        "ginger",
        "brook",
        "brooke",
        "dale",
        "lee",
        "sandy",
        "rocky",
        "penny",
        "chance",
        "chester",
        "sterling",
        "king",
        "young",
        "white",
        "brown",
        "green",
        "black",
        "gray",
        "grey",
        "wood",
        "woods",
        "hill",
        "hall",
        "bell",
        "page",
        "price",
        "rice",
        "long",
        "little",
        "rose",
        "day",
        "moss",
        "bush",
        "read",
        "reed",
        "field",
        "fields",
        "banks",
        "lane",
        "street",
        "cook",
        "baker",
        "butler",
        "mason",
        "carter",
        "turner",
        "walker",
        "taylor",
        "fisher",
        "hunter",
        "marsh",
        "north",
        "south",
        "west",
        "east",
        "ford",
        "bird",
        "fox",
        "wolf",
        "lamb",
        "hart",
        "stone",
        "steel",
        "may",
        "nash",
        "law",
        "love",
        "power",
        "rich",
        "sharp",
        "short",
        "small",
        "strong",
        "swift",
        "webb",
        "wells",
        "wise",
        "bond",
        "cross",
        "gold",
        "dean",
        "park",
        "parks",
        "holmes",
        "clay",
        "gill",
        "low",
        "lowe",
        "hope",
        "golden",
        "booth",
        "burns",
        "bishop",
        "knight",
        "page",
        "rivers",
        "waters",
        "winter",
        "summers",
        "frost",
        "storm",
        "snow",
        "spring",
        "noble",
        "major",
        "may",
        "barker",
        "cooper",
        "potter",
        "sims",
        "payne",
        "day",
        "collier",
        "farmer",
        "savage",
    ]
)


# The common-word names above that are first names (months and surnames left out): "Hope
# Walker", "ring Holly" are names when capitalised; lower-case "hope" and "holly" are not.
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


@functools.lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Lower-case town, city and district words (one word each; multi-word places by parts)."""
    return _words("uk_places.txt")


@functools.lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    """Labels, shops, vehicle makes and slang the model mistakes for names (never names alone)."""
    return _words("not_names.txt")


@functools.lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    from faker.providers.person.en_GB import Provider

    faker_names = {n.lower() for n in (*Provider.first_names_male, *Provider.first_names_female)}
    return frozenset(faker_names | _words("extra_first_names.txt"))


@functools.lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    from faker.providers.person.en_GB import Provider

    return frozenset(n.lower() for n in Provider.last_names)


def _words(filename: str) -> frozenset[str]:
    text = resources.files("asbhub.pii").joinpath("data", filename).read_text(encoding="utf-8")
    lines = (line for line in text.splitlines() if not line.startswith("#"))
    return frozenset(word for line in lines for word in line.lower().split())
