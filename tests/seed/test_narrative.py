"""Narratives mention the incident's people and details, in varied police shorthand."""

from __future__ import annotations

import re
from collections import Counter

from asbhub.seed.places import DISTRICTS, PROVIDER_NAMES


def test_narratives_mention_the_structured_personal_data(sample: list[dict]) -> None:
    for r in sample:
        text = r["narrative"].lower()
        if r["victim_name"]:
            assert r["victim_name"].lower() in text, r["incident_ref"]
            assert r["victim_address"].lower() in text, r["incident_ref"]
        if r["victim_phone"]:
            assert r["victim_phone"] in r["narrative"], r["incident_ref"]
        if r["subject_name"]:
            assert r["subject_name"].lower() in text
            assert r["subject_address"].lower() in text
        if r["subject_pnc_id"]:
            assert r["subject_pnc_id"].lower() in text
        if r["vehicle_registration"]:
            assert r["vehicle_registration"].lower() in text


def test_narratives_mention_places_partners_dates_and_times(sample: list[dict]) -> None:
    towns = {t.name.lower() for d in DISTRICTS for t in d.towns}
    assert sum(any(t in r["narrative"].lower() for t in towns) for r in sample) > 0.95 * len(sample)
    councils = {d.council for d in DISTRICTS} | set(PROVIDER_NAMES.values())
    assert sum(any(c in r["narrative"] for c in councils) for r in sample) > 0.2 * len(sample)
    assert sum(bool(re.search(r"\d{2}/\d{2}", r["narrative"])) for r in sample) > 0.4 * len(sample)
    assert sum(bool(re.search(r"\b\d{4}(hrs)?\b|\d\d:\d\d", r["narrative"])) for r in sample) > (
        0.4 * len(sample)
    )


def test_narratives_carry_other_identifiers_sometimes(sample: list[dict]) -> None:
    texts = [r["narrative"] for r in sample]
    for pattern in (
        r"42/CR/\d{6}/\d{2}",
        r"(?<![\w.])@[a-z_.]+\d*",
        r"@example\.(com|org|net)",
        r"07700[ -]?900[ -]?\d{3}|\+44 7700",
        r"\bPNC\b",
        r"neighbour \w+",
    ):
        hits = sum(bool(re.search(pattern, t, re.IGNORECASE)) for t in texts)
        assert 0.01 * len(texts) < hits, pattern


def test_narratives_are_varied_shorthand(sample: list[dict]) -> None:
    texts = [r["narrative"] for r in sample]
    assert len(set(texts)) == len(texts)
    openings = Counter(re.sub(r"[^a-z ]", "", t[:12].lower()) for t in texts)
    assert len(openings) > 30 and openings.most_common(1)[0][1] < 0.15 * len(texts)
    corpus = " ".join(texts)
    for token in ("IP", "susp", "c/o", "ASB youths", "OIC", "RP", "VRM", "w/s", "THRIVE"):
        assert token.lower() in corpus.lower(), token
    caps = sum(bool(re.search(r"\b[A-Z]{3,} [A-Z]{3,} [A-Z]{3,}\b", t)) for t in texts)
    assert caps > 0.1 * len(texts)
    lower_names = sum(
        bool(r["victim_name"]) and r["victim_name"].lower() in r["narrative"] for r in sample
    )
    assert lower_names > 0.05 * len(sample)
    lengths = sorted(len(t) for t in texts)
    assert 100 < lengths[len(lengths) // 2] < 1_000 and lengths[-1] < 10_000
