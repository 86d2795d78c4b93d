"""Pools of invented names, streets and contact details, built once per seed with Faker en_GB.

Faker is slow per call, so the generator samples from these pools with its own
`random.Random` instead of calling Faker for every row. Phone numbers come only from
Ofcom's ranges reserved for drama, and e-mail addresses only from example.* domains, so
no value can belong to a real person.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from asbhub.seed.places import DISTRICTS, INWARD_LETTERS

# Street stems an Essex town really has some of; the rest come from Faker surnames.
_CLASSIC_STEMS = (
    "Church",
    "Mill",
    "Station",
    "Victoria",
    "Queens",
    "Kings",
    "London",
    "Manor",
    "Park",
    "School",
    "North",
    "South",
    "Meadow",
    "Orchard",
    "Brook",
    "Elm",
    "Oak",
    "Ash",
    "Beech",
    "Willow",
    "Chestnut",
    "Rectory",
    "Vicarage",
    "Windmill",
    "Maple",
    "Hawthorn",
    "Priory",
    "Castle",
    "Grange",
    "Heath",
    "Marsh",
    "Sea",
    "Harbour",
    "Hall",
    "Chapel",
    "Fairfield",
    "Westbury",
    "Kingsway",
    "Tennyson",
    "Shakespeare",
    "Nelson",
    "Wellington",
    "Albert",
)
_SUFFIXES = (
    ("Road", 30),
    ("Close", 14),
    ("Avenue", 10),
    ("Lane", 9),
    ("Drive", 7),
    ("Way", 6),
    ("Street", 5),
    ("Gardens", 4),
    ("Crescent", 4),
    ("Chase", 3),
    ("Court", 2),
    ("Grove", 2),
    ("Place", 2),
    ("Walk", 2),
    ("Mews", 1),
    ("Rise", 1),
    ("Green", 1),
    ("View", 1),
)
_BLOCK_SUFFIXES = ("House", "Court", "Lodge", "Point", "Tower")
_STREETS_PER_TOWN = 40

MOBILE_PREFIX = "07700 900"  # Ofcom drama range 07700 900000-900999
LANDLINE_PREFIXES = ("01632 960", "020 7946 0")  # drama ranges, 1,000 numbers each
EMAIL_DOMAINS = ("example.com", "example.org", "example.net")
VRM_LETTERS = "ABCDEFGHJKLMNOPRSTUVWXY"
# September/March age identifiers of plates from 2002 to 2025.
VRM_AGE_IDS = tuple(f"{y:02d}" for y in range(2, 26)) + tuple(str(y) for y in range(52, 75))


@dataclass(frozen=True)
class Street:
    """One street with the postcode most of its houses share."""

    name: str
    town: str
    district: str
    postcode: str


@dataclass(frozen=True)
class Pools:
    female_first: tuple[str, ...]
    male_first: tuple[str, ...]
    surnames: tuple[str, ...]
    block_names: tuple[str, ...]
    streets_by_district: dict[str, tuple[Street, ...]]


@lru_cache(maxsize=4)
def build_pools(seed: int) -> Pools:
    """The pools for one seed: the same seed always gives the same pools."""
    from faker import Faker  # import here: Faker costs ~0.3 s and only the generator needs it

    fake = Faker("en_GB")
    fake.seed_instance(seed)
    female = _unique(fake.first_name_female() for _ in range(600))
    male = _unique(fake.first_name_male() for _ in range(600))
    surnames = _unique(fake.last_name() for _ in range(1500))
    rng = random.Random(f"pools:{seed}")  # noqa: S311 - invented data, not secrets
    stems = list(_CLASSIC_STEMS) + rng.sample(surnames, 120) + rng.sample(female + male, 30)
    suffixes = [s for s, _ in _SUFFIXES]
    weights = [w for _, w in _SUFFIXES]
    streets: dict[str, tuple[Street, ...]] = {}
    for district in DISTRICTS:
        rows: list[Street] = []
        for town in district.towns:
            names = {"High Street": None}
            while len(names) < _STREETS_PER_TOWN:
                names[f"{rng.choice(stems)} {rng.choices(suffixes, weights)[0]}"] = None
            for name in names:
                rows.append(
                    Street(name, town.name, district.name, postcode(rng, town.outward_codes))
                )
        streets[district.name] = tuple(rows)
    blocks = _unique(f"{rng.choice(stems)} {rng.choice(_BLOCK_SUFFIXES)}" for _ in range(200))
    return Pools(tuple(female), tuple(male), tuple(surnames), tuple(blocks), streets)


def postcode(rng: random.Random, outward_codes: tuple[str, ...]) -> str:
    """A postcode in one of the town's outward codes, e.g. `CM20 1QW`."""
    inward = f"{rng.randrange(10)}{rng.choice(INWARD_LETTERS)}{rng.choice(INWARD_LETTERS)}"
    return f"{rng.choice(outward_codes)} {inward}"


def phone(rng: random.Random) -> str:
    """A number from Ofcom's drama ranges; mostly mobiles, as most callers give one."""
    if rng.random() < 0.72:
        return f"{MOBILE_PREFIX}{rng.randrange(1000):03d}"
    return f"{rng.choice(LANDLINE_PREFIXES)}{rng.randrange(1000):03d}"


def phone_variant(rng: random.Random) -> str:
    """A drama-range number written the way callers and officers write it, not as stored."""
    digits = f"{rng.randrange(1000):03d}"
    return rng.choice(
        (
            f"07700900{digits}",
            f"07700 900 {digits}",
            f"+44 7700 900{digits}",
            f"07700-900-{digits}",
            f"01632 960{digits}",
            f"(01632) 960{digits}",
        )
    )


def email(rng: random.Random, first: str, last: str) -> str:
    first, last = first.lower(), last.lower().replace("'", "").replace(" ", "")
    local = rng.choice(
        (
            f"{first}.{last}",
            f"{first}{last}{rng.randrange(100)}",
            f"{first[0]}{last}",
            f"{last}.{first}{rng.randrange(1950, 2010)}",
            f"{first}_{last[:4]}{rng.randrange(10)}",
        )
    )
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


def social_handle(rng: random.Random, first: str, last: str) -> str:
    first, last = first.lower(), last.lower().replace("'", "").replace(" ", "")
    return "@" + rng.choice(
        (
            f"{first}_{last[:3]}{rng.randrange(10, 99)}",
            f"{first}{rng.randrange(1, 999)}",
            f"x{first}x_{rng.randrange(10)}",
            f"{last}.{first[:2]}{rng.randrange(10)}",
            f"its_{first}{rng.randrange(10, 99)}",
        )
    )


def vehicle_registration(rng: random.Random) -> str:
    """A current-style plate, mostly with an East Anglia memory tag (A..., E...)."""
    area = rng.choice("AAE") if rng.random() < 0.7 else rng.choice(VRM_LETTERS)
    tail = "".join(rng.choice(VRM_LETTERS) for _ in range(3))
    return f"{area}{rng.choice(VRM_LETTERS)}{rng.choice(VRM_AGE_IDS)} {tail}"


def pnc_id(rng: random.Random) -> str:
    """A PNC id of the form `YY/NNNNNNA`."""
    year = rng.choice((rng.randrange(90, 100), rng.randrange(0, 26)))
    return f"{year:02d}/{rng.randrange(1, 999_999)}{rng.choice(VRM_LETTERS)}"


def crime_reference(rng: random.Random, year: int) -> str:
    return f"42/CR/{rng.randrange(1, 999_999):06d}/{year % 100:02d}"


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))  # keeps first-seen order, unlike a set
