"""How often things happen in the synthetic extract: the weights of every random choice."""

from __future__ import annotations

import random
from bisect import bisect
from itertools import accumulate

CATEGORY_WEIGHTS = {"nuisance": 67, "personal": 24, "environmental": 9}
TYPES_BY_CATEGORY = {
    "personal": {
        "intimidation_harassment": 38,
        "neighbour_nuisance": 27,
        "malicious_communications": 14,
        "rowdy_inconsiderate_behaviour": 8,
        "noise": 5,
        "hoax_calls": 3,
        "other": 5,
    },
    "nuisance": {
        "rowdy_inconsiderate_behaviour": 34,
        "vehicle_nuisance": 14,
        "noise": 10,
        "neighbour_nuisance": 8,
        "drug_related": 8,
        "street_drinking": 5,
        "trespass": 4,
        "animal_problems": 3,
        "fireworks": 3,
        "begging": 3,
        "hoax_calls": 2,
        "prostitution_related": 1,
        "other": 5,
    },
    "environmental": {
        "litter_fly_tipping": 46,
        "graffiti_damage": 24,
        "abandoned_vehicle": 20,
        "animal_problems": 5,
        "other": 5,
    },
}
NOT_ASB_REASONS = {
    "crime - criminal damage": 22,
    "civil dispute": 24,
    "no ASB disclosed": 22,
    "crime - public order": 8,
    "crime - harassment": 6,
    "domestic incident": 7,
    "concern for welfare": 6,
    "duplicate report": 5,
}
TENURES = {
    "owner_occupier": 52,
    "private_rented": 23,
    "social_housing": 17,
    "other": 2,
    "unknown": 6,
}
# How likely a named subject is, by type: neighbours are known, fly-tippers rarely.
SUBJECT_KNOWN = {
    "neighbour_nuisance": 0.9,
    "intimidation_harassment": 0.75,
    "malicious_communications": 0.7,
    "noise": 0.75,
    "drug_related": 0.45,
    "litter_fly_tipping": 0.12,
    "graffiti_damage": 0.08,
    "abandoned_vehicle": 0.3,
    "hoax_calls": 0.4,
    "begging": 0.3,
}
HOUR_WEIGHTS = (3, 2, 1, 1, 1, 1, 1, 2, 3, 4, 4, 4, 5, 5, 6, 7, 8, 9, 10, 10, 10, 9, 7, 5)
NOT_ASB_SHARE = 0.08
REPEAT_SHARE = 0.13


class Weighted:
    """Fast weighted choice from a {value: weight} table."""

    def __init__(self, table: dict[str, int] | dict[str, float]) -> None:
        self.values = list(table)
        self.cum = list(accumulate(table.values()))
        self.total = self.cum[-1]

    def pick(self, rng: random.Random) -> str:
        return self.values[bisect(self.cum, rng.random() * self.total)]
