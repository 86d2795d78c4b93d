"""Build the engine's first-name and surname lists from the names-dataset package, offline.

The lists are plain text committed beside this script; the engine never imports names-dataset
(its tables take gigabytes to load). Rebuild in a throwaway virtual environment:

    python3 -m venv /tmp/namesvenv
    /tmp/namesvenv/bin/pip install names-dataset==3.3.1
    apt-get install wbritish-small wbritish   # /usr/share/dict/british-english{-small,}
    /tmp/namesvenv/bin/python tools/build_names.py

Which countries and how deep each is taken, and why, is in asbhub/pii/data/README.md.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path
from typing import Any

HERE = Path(__file__).parents[1] / "asbhub" / "pii" / "data"
DICTIONARY = Path("/usr/share/dict/british-english-small")
LARGE_DICTIONARY = Path("/usr/share/dict/british-english")  # Debian's wbritish

# (country, first names per gender, surnames): the UK first and deepest, then Ireland, then the
# countries the largest UK communities born abroad come from that the dataset covers. It has no
# rows for Pakistan, Romania or Somalia: India and Bangladesh stand for the first, Moldova
# (Romanian-speaking) for the second; Somali names come from the hand list.
COUNTRIES: tuple[tuple[str, int, int], ...] = (
    ("GB", 3000, 5000),
    ("IE", 400, 1000),
    ("PL", 200, 400),
    ("IN", 200, 400),
    ("BD", 150, 300),
    ("NG", 200, 400),
    ("GH", 150, 300),
    ("JM", 150, 300),
    ("LT", 150, 300),
    ("MD", 150, 300),
    ("BG", 100, 200),
    ("PT", 150, 300),
    ("IT", 150, 300),
    ("ES", 100, 200),
    ("FR", 100, 200),
    ("TR", 150, 300),
    ("AL", 100, 200),
    ("AF", 100, 200),
    ("IQ", 100, 200),
    ("SY", 100, 200),
    ("IR", 100, 200),
    ("SD", 100, 200),
    ("ET", 100, 200),
    ("ZA", 100, 200),
    ("HK", 100, 200),
)
# Beyond this rank the UK's first names are rare ("Jaydon", "Hodan", "Phuong" are still there);
# those that are also words of UK places, surnames or words of the larger British dictionary
# ("Hylton", "Shaw", "Dene") are left out: here they name places, families or things far more
# often than a person by first name.
RARE_FROM = 1500
PLACE_LISTS = ("uk_places.txt", "uk_towns.txt")
# First names that are also English words still count as first names when they are this common
# in the UK ("Peter", "Harry"); rarer ones ("Precious", "Red") need a cue or a surname.
COMMON_ENOUGH = 250
# Never names on their own in a narrative: months, days, titles and ranks, field labels.
_NEVER_WORDS = (
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july"
    " august september october november december mon tue tues wed thu thur thurs fri sat sun"
    " monday tuesday wednesday thursday friday saturday sunday mr mrs ms miss mx dr sir dame"
    " lady lord rev sgt insp pc pcso dc ds di ps nhs asb cctv dob ref tel mob"
    " lol xx xxx baby babe mum dad nan bro sis"
)
NEVER = frozenset(_NEVER_WORDS.split())


def _latin_word(name: str) -> bool:
    """One word in the Latin script (letters, inner apostrophes and hyphens), two letters up."""
    if len(name) < 2 or not name[0].isalpha() or not name[-1].isalpha():
        return False
    for ch in name:
        if ch in "'-’":
            continue
        if not ch.isalpha() or "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def folded(word: str) -> str:
    """The word without diacritics ("zoë" -> "zoe"), as officers often type it."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _forms(names: list[str]) -> list[str]:
    out = []
    for name in names:
        low = name.strip().lower().replace("’", "'")
        if low.startswith("o ") and " " not in low[2:]:
            low = "o'" + low[2:]  # the dataset writes "O Brien" for O'Brien
        if _latin_word(low) and low not in NEVER:
            out.append(low)
    return out


def build(
    dataset: Any, words: frozenset[str], place_words: frozenset[str] = frozenset()
) -> dict[str, set[str]]:
    """first names, surnames and the names that are also English words (lower case)."""
    first: set[str] = set()
    last: set[str] = set()
    common_uk: set[str] = set()
    rare_first: dict[str, list[str]] = {}
    for country, n_first, n_last in COUNTRIES:
        by_gender = dataset.get_top_names(n=n_first, use_first_names=True, country_alpha2=country)
        for gender_names in by_gender.get(country, {}).values():
            first.update(_forms(gender_names[:RARE_FROM]))
            rare_first[country] = rare_first.get(country, []) + _forms(gender_names[RARE_FROM:])
            if country == "GB":
                common_uk.update(_forms(gender_names[:COMMON_ENOUGH]))
        surnames = dataset.get_top_names(n=n_last, use_first_names=False, country_alpha2=country)
        last.update(_forms(surnames.get(country, [])))
    # rare first names that are also a place's word or a surname ("Hylton", "Shaw", "Crompton")
    first.update(
        w
        for names in rare_first.values()
        for w in names
        if w not in place_words and folded(w) not in place_words and w not in last
    )
    also_words = {w for w in first | last if w in words or folded(w) in words}
    first = {w for w in first if w not in also_words or w in common_uk}
    with_folded = {
        name: {f for w in names if (f := folded(w)) != w and f not in words} | names
        for name, names in (("first", first), ("last", last))
    }
    return {
        "first_names.txt": with_folded["first"],
        "surnames.txt": with_folded["last"],
        "names_also_words.txt": also_words - common_uk,
        "first_names_also_words.txt": also_words & common_uk,
    }


HEADERS = {
    "first_names.txt": "First names, lower case, from names-dataset 3.3.1; see README.md",
    "surnames.txt": "Surnames, lower case, from names-dataset 3.3.1; see README.md",
    "names_also_words.txt": (
        "Names from the two lists above that are also English words (wbritish-small):"
        " names only when capitalised and beside another name; see README.md."
    ),
    "first_names_also_words.txt": (
        "Common British first names that are also English words (wbritish-small): names"
        " when capitalised, but not alone in lower case; see README.md."
    ),
}


def main() -> int:
    from names_dataset import NameDataset  # only in the throwaway environment

    words = frozenset(
        line.strip()
        for line in DICTIONARY.read_text(encoding="utf-8").splitlines()
        if line.strip().islower() and "'" not in line
    )
    large = frozenset(
        line.strip().lower()
        for line in LARGE_DICTIONARY.read_text(encoding="utf-8").splitlines()
        if "'" not in line
    )
    place_words = frozenset(
        word
        for name in PLACE_LISTS
        for line in (HERE / name).read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
        for word in line.split()
    )
    lists = build(NameDataset(), words, place_words | large)
    for filename, names in lists.items():
        body = "\n".join(sorted(names))
        (HERE / filename).write_text(f"# {HEADERS[filename]}\n{body}\n", encoding="utf-8")
        print(f"{filename}: {len(names)} names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
