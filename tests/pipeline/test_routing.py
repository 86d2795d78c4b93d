"""Routing property: a referral reaches the council of the district and the tenants' landlords,
and no partner that does not cover it, however the extract spells the district (case, spacing,
hyphens, an alias the partner file lists); an ASB incident no council covers is unroutable."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from asbhub.partners import load_partners
from asbhub.pipeline.routing import RoutingStatus, decide, route
from contracts.incident import Incident

PARTNERS = load_partners(Path(__file__).resolve().parents[2] / "config" / "partners")
# Each name a council answers to (its districts and aliases), with the council's id: the oracle.
COUNCIL_OF = {
    name: p.id
    for p in PARTNERS
    if p.kind == "council"
    for name in [*p.coverage.districts, *p.coverage.aliases]
}
assert "Southend" in COUNCIL_OF, "the sample Southend council lists its common short name"
UNKNOWN = ["Nowhere", "Kent", "Southend-on-Sea East", "Basildonn"]
DISTRICTS = [*sorted(COUNCIL_OF), *UNKNOWN]
LANDLORDS = [*sorted({p.coverage.landlord for p in PARTNERS if p.coverage.landlord}), "unknown_ha"]


@st.composite
def spellings(draw: st.DrawFn) -> str:
    """A district as a person might type it: any case, padded, hyphens as spaces or the other
    way round."""
    name = draw(st.sampled_from(DISTRICTS))
    name = draw(st.sampled_from([name, name.upper(), name.lower(), name.title()]))
    if draw(st.booleans()):
        name = name.replace("-", " ") if "-" in name else name.replace(" ", "-")
    pad = draw(st.sampled_from(["", " ", "  "]))
    return (pad + name + draw(st.sampled_from(["", " "])))[:60]


def canonical(spelled: str) -> str | None:
    for name in COUNCIL_OF:
        if (
            " ".join(spelled.replace("-", " ").split()).casefold()
            == " ".join(name.replace("-", " ").split()).casefold()
        ):
            return name
    return None


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
            "district": draw(spellings()),
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
    decision = decide(incident, PARTNERS)
    chosen = route(incident, PARTNERS)
    assert chosen == decision.partners
    landlords = {
        landlord
        for tenure, landlord in (
            (incident.victim_tenure, incident.victim_landlord),
            (incident.subject_tenure, incident.subject_landlord),
        )
        if tenure == "social_housing" and landlord
    }
    if not incident.is_asb:
        assert chosen == [] and decision.status is RoutingStatus.NOT_ASB
        return
    known = canonical(incident.district)
    councils = [p.id for p in chosen if p.kind == "council"]
    assert councils == ([COUNCIL_OF[known]] if known else [])
    if known:
        assert decision.status is RoutingStatus.ROUTED and decision.reason is None
    else:
        assert decision.status is RoutingStatus.UNROUTABLE
        assert repr(incident.district) in (decision.reason or "")
    providers = {p.coverage.landlord for p in chosen if p.kind == "housing_provider"}
    assert providers == landlords - {"unknown_ha"}


def test_the_spellings_of_one_district_reach_one_council() -> None:
    for spelled in ["SOUTHEND ", "Southend-on-Sea", "southend on sea", "  Southend", "southend"]:
        record = incident_in(spelled)
        assert [p.id for p in route(record, PARTNERS)] == ["southend_council"], spelled
    for unknown in ["Southend East", "Kent", "Sothend"]:
        assert decide(incident_in(unknown), PARTNERS).status is RoutingStatus.UNROUTABLE


def incident_in(district: str) -> Incident:
    return Incident.model_validate(
        {
            "incident_ref": "42/000002/26",
            "reported_at": datetime(2026, 11, 1, tzinfo=UTC),
            "district": district,
            "is_asb": True,
            "nsir_category": "nuisance",
            "asb_type": "noise",
            "risk_level": "standard",
            "narrative": "x",
        }
    )


def test_a_landlord_alias_reaches_its_housing_provider() -> None:
    estuary = next(p for p in PARTNERS if p.id == "estuary_homes")
    aliased = estuary.model_copy(
        update={"coverage": estuary.coverage.model_copy(update={"aliases": ["estuary_homes_ltd"]})}
    )
    others = [p for p in PARTNERS if p.id != "estuary_homes"]
    record = Incident.model_validate(
        {
            **incident_in("Southend").model_dump(),
            "victim_tenure": "social_housing",
            "victim_landlord": "estuary_homes_ltd",
        }
    )
    assert [p.id for p in route(record, [*others, estuary])] == ["southend_council"]
    assert sorted(p.id for p in route(record, [*others, aliased])) == [
        "estuary_homes",
        "southend_council",
    ]
