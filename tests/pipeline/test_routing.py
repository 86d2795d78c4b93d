"""Routing property: a referral reaches the council of the district and the tenants' landlords,
and no partner that does not cover it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from asbhub.partners import load_partners
from asbhub.pipeline.routing import route
from contracts.incident import Incident

PARTNERS = load_partners(Path(__file__).resolve().parents[2] / "config" / "partners")
DISTRICTS = [*sorted({d for p in PARTNERS for d in p.coverage.districts}), "Nowhere", "Kent"]
LANDLORDS = [*sorted({p.coverage.landlord for p in PARTNERS if p.coverage.landlord}), "unknown_ha"]


@st.composite
def incidents(draw: st.DrawFn) -> Incident:
    is_asb = draw(st.booleans())
    parties = {}
    for role in ("victim", "subject"):
        social = draw(st.booleans())
        parties[f"{role}_tenure"] = (
            "social_housing"
            if social
            else draw(st.sampled_from(["owner_occupier", "private_rented", "unknown"]))
        )
        parties[f"{role}_landlord"] = (
            draw(st.sampled_from(LANDLORDS)) if social and draw(st.booleans()) else None
        )
    return Incident.model_validate(
        {
            "incident_ref": "42/000001/26",
            "reported_at": datetime(2026, 11, 1, tzinfo=UTC),
            "district": draw(st.sampled_from(DISTRICTS)),
            "is_asb": is_asb,
            "not_asb_reason": None if is_asb else "civil dispute",
            "nsir_category": "nuisance" if is_asb else None,
            "asb_type": "noise" if is_asb else None,
            "risk_level": "standard",
            "narrative": "x",
            **parties,
        }
    )


@settings(max_examples=400, deadline=None)
@given(incident=incidents())
def test_no_referral_reaches_a_partner_that_does_not_cover_it(incident: Incident) -> None:
    chosen = route(incident, PARTNERS)
    landlords = {
        landlord
        for tenure, landlord in (
            (incident.victim_tenure, incident.victim_landlord),
            (incident.subject_tenure, incident.subject_landlord),
        )
        if tenure == "social_housing" and landlord
    }
    if not incident.is_asb:
        assert chosen == []
        return
    for partner in chosen:
        if partner.kind == "council":
            assert incident.district in partner.coverage.districts
        else:
            assert partner.coverage.landlord in landlords
    councils = [p for p in chosen if p.kind == "council"]
    known_district = any(incident.district in p.coverage.districts for p in PARTNERS)
    assert len(councils) == (1 if known_district else 0)
    providers = {p.coverage.landlord for p in chosen if p.kind == "housing_provider"}
    assert providers == landlords - {"unknown_ha"}
