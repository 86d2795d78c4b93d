"""The extract looks like a real force's: categories, THRIVE, repeats, tenure, places, times."""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from asbhub.seed.places import DISTRICTS, HOUSING_PROVIDERS

from .conftest import NIGHT

LONDON = ZoneInfo("Europe/London")
ENVIRONMENTAL = {
    "litter_fly_tipping",
    "graffiti_damage",
    "abandoned_vehicle",
    "animal_problems",
    "other",
}
PERSONAL_ONLY = {"intimidation_harassment", "malicious_communications"}
DRAMA_PHONE = re.compile(r"^(07700 900\d{3}|01632 960\d{3}|020 7946 0\d{3})$")
OUTWARD_AREAS = {
    "Basildon": ("SS", "CM"),
    "Braintree": ("CM", "CO"),
    "Brentwood": ("CM",),
    "Castle Point": ("SS",),
    "Chelmsford": ("CM",),
    "Colchester": ("CO",),
    "Epping Forest": ("IG", "CM", "EN"),
    "Harlow": ("CM",),
    "Maldon": ("CM",),
    "Rochford": ("SS",),
    "Tendring": ("CO",),
    "Uttlesford": ("CB", "CM"),
    "Southend-on-Sea": ("SS",),
    "Thurrock": ("RM", "SS"),
}


def _share(rows: list[dict], test) -> float:  # type: ignore[no-untyped-def]
    return sum(1 for r in rows if test(r)) / len(rows)


def test_not_asb_share_and_reasons(sample: list[dict]) -> None:
    not_asb = [r for r in sample if not r["is_asb"]]
    assert 0.05 <= len(not_asb) / len(sample) <= 0.12
    reasons = Counter(r["not_asb_reason"] for r in not_asb)
    assert {"crime - criminal damage", "civil dispute", "no ASB disclosed"} <= set(reasons)
    assert all(r["nsir_category"] is None and r["asb_type"] is None for r in not_asb)


def test_categories_and_types_agree(sample: list[dict]) -> None:
    asb = [r for r in sample if r["is_asb"]]
    categories = Counter(r["nsir_category"] for r in asb)
    assert categories.most_common(1)[0][0] == "nuisance"
    assert categories["personal"] > categories["environmental"] > 0
    for r in asb:
        if r["nsir_category"] == "environmental":
            assert r["asb_type"] in ENVIRONMENTAL
        if r["asb_type"] in PERSONAL_ONLY:
            assert r["nsir_category"] == "personal"


def test_thrive_levels(sample: list[dict]) -> None:
    levels = Counter(r["risk_level"] for r in sample)
    assert levels["standard"] > levels["medium"] > levels["high"] > 0
    assert 0.6 <= levels["standard"] / len(sample) <= 0.85
    high = [r for r in sample if r["risk_level"] == "high"]
    assert _share(high, lambda r: "vulnerability" in r["thrive_flags"]) > 0.5
    assert _share(high, lambda r: r["last_review_at"] is not None) > 0.9


def test_repeat_and_vulnerable_victims(sample: list[dict]) -> None:
    people = Counter(
        (r["victim_name"], r["victim_dob"], r["victim_address"], r["victim_phone"])
        for r in sample
        if r["repeat_victim"]
    )
    assert people.most_common(1)[0][1] >= 3
    assert sum(1 for count in people.values() if count >= 3) >= 50
    assert 0.05 <= _share(sample, lambda r: r["vulnerable_victim"]) <= 0.25
    assert 0.08 <= _share(sample, lambda r: r["repeat_victim"]) <= 0.25


def test_tenure_and_landlords(sample: list[dict]) -> None:
    providers = {p.id for p in HOUSING_PROVIDERS}
    for role in ("victim", "subject"):
        people = [r for r in sample if r[f"{role}_name"]]
        social = [r for r in people if r[f"{role}_tenure"] == "social_housing"]
        assert 0.12 <= len(social) / len(people) <= 0.22
        assert all(r[f"{role}_landlord"] in providers for r in social)
        others = [r for r in people if r[f"{role}_tenure"] != "social_housing"]
        assert all(r[f"{role}_landlord"] is None for r in others)
        assert {r[f"{role}_landlord"] for r in social} == providers


def test_people_and_contacts(sample: list[dict]) -> None:
    assert 0.3 <= _share(sample, lambda r: r["subject_name"] is None) <= 0.8
    victims = [r for r in sample if r["victim_name"]]
    assert 0.85 <= len(victims) / len(sample) <= 0.98
    assert 0.03 <= _share(victims, lambda r: r["victim_phone"] is None) <= 0.2
    assert 0.5 <= _share(victims, lambda r: r["victim_email"] is None) <= 0.9
    assert 0.4 <= _share(victims, lambda r: r["victim_consent_to_share"]) <= 0.8
    for r in victims:
        assert r["victim_phone"] is None or DRAMA_PHONE.match(r["victim_phone"])
        assert r["victim_email"] is None or re.search(
            r"@example\.(com|org|net)$", r["victim_email"]
        )


def test_districts_and_postcodes(sample: list[dict]) -> None:
    districts = Counter(r["district"] for r in sample)
    assert set(districts) == {d.name for d in DISTRICTS}
    assert districts["Colchester"] > 2 * districts["Maldon"]
    for r in sample:
        areas = OUTWARD_AREAS[r["district"]]
        for field in ("location_postcode", "victim_postcode"):
            if r[field]:
                assert re.match(r"[A-Z]+", r[field])[0] in areas, (r["district"], r[field])


def test_references_are_unique_and_times_fall_in_the_window(sample: list[dict]) -> None:
    refs = [r["incident_ref"] for r in sample]
    assert len(set(refs)) == len(refs)
    assert all(re.fullmatch(r"42/\d{6}/\d{2}", ref) for ref in refs)
    start = datetime.combine(NIGHT - timedelta(days=30), datetime.min.time(), LONDON)
    end = datetime.combine(NIGHT, datetime.min.time(), LONDON)
    times = [r["reported_at"] for r in sample]
    assert times == sorted(times)
    assert all(start <= t < end for t in times)
    assert all(t.utcoffset() == t.astimezone(LONDON).utcoffset() for t in times)
    assert {t.utcoffset() for t in times} == {timedelta(0), timedelta(hours=1)}  # BST ended
    for r in sample:
        if r["last_review_at"] is not None:
            assert r["reported_at"] <= r["last_review_at"] < end
