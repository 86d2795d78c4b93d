"""Routing never drops a referral in silence: spellings of a district reach its council, an ASB
incident no partner covers is held (with its detail) and reported, and a fix to the partner
file followed by a re-run routes it into the next feed. Driven through the CLI."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from asbhub.store.models import Incident, Referral
from tests.lifecycle.conftest import NIGHT, Night, write_incidents

PARTNERS = {"southend_council", "chelmsford_council"}
SHAPES = [
    {"district": "SOUTHEND "},  # 0: case and a trailing space
    {"district": "Southend-on-Sea"},  # 1: the partner file's own spelling
    {"district": "southend on sea"},  # 2: hyphens as spaces
    {"district": "Southend"},  # 3: the alias the sample partner file lists
    {"district": " Chelmsford"},  # 4
    {"district": "Leigh-on-Sea"},  # 5: a town in Southend's district, unknown to any file
    {"district": "Leigh-on-Sea", "is_asb": False},  # 6: not ASB: recorded, referred to no one
]


def incident(night: Night, ref: str) -> Incident:
    with night.store.session() as session:
        return session.scalars(select(Incident).where(Incident.incident_ref == ref)).one()


def referred_to(night: Night, ref: str) -> list[str]:
    with night.store.session() as session:
        return list(
            session.scalars(
                select(Referral.partner_id)
                .join(Incident, Incident.id == Referral.incident_id)
                .where(Incident.incident_ref == ref)
            )
        )


def test_spellings_route_and_an_unknown_district_is_held_until_a_fix_routes_it(
    make_night,  # type: ignore[no-untyped-def]
) -> None:
    night: Night = make_night(PARTNERS)
    rows = write_incidents(night.landing, "incidents-20261125.jsonl", SHAPES)
    refs = [row["incident_ref"] for row in rows]

    code, result = night.cli("ingest", "run", "--from", str(night.landing))
    assert code == 1, result  # someone must notice the held incident
    [file] = result["files"]
    assert (file["rows_in"], file["loaded"], file["unroutable"], file["not_asb"]) == (7, 7, 1, 1)
    [held] = result["unroutable"]
    assert held["incident_ref"] == refs[5] and held["detail_held"] is True
    assert "'Leigh-on-Sea'" in held["reason"]

    for ref in refs[:4]:
        assert referred_to(night, ref) == ["southend_council"], ref
    assert referred_to(night, refs[4]) == ["chelmsford_council"]
    assert referred_to(night, refs[5]) == [] and referred_to(night, refs[6]) == []
    unroutable, not_asb = incident(night, refs[5]), incident(night, refs[6])
    assert unroutable.routing_status == "unroutable" and unroutable.payload is not None
    assert not_asb.routing_status == "not_asb" and not_asb.payload is None

    code, listed = night.cli("ingest", "unroutable")
    assert code == 1 and [h["incident_ref"] for h in listed["unroutable"]] == [refs[5]]
    code, shown = night.text("ingest", "unroutable")
    assert code == 1 and "UNROUTABLE: 1" in shown and refs[5] in shown
    assert "'Leigh-on-Sea'" in shown and "asbhub ingest reroute" in shown

    code, sent = night.cli("outbound", "run", "--all", "--night", NIGHT.isoformat())
    assert code == 0, sent
    southend = night.delivered("southend_council", "referrals", NIGHT)
    assert sorted(r["incident_ref"] for r in southend) == sorted(refs[:4])
    assert incident(night, refs[5]).payload is not None, "delivery must not erase a held one"

    # The fix: the council's file names the town as an alias of its district; a re-run routes.
    night.edit_partner("southend_council", aliases=["Southend", "Leigh-on-Sea"])
    code, checked = night.cli("partners", "check")
    assert code == 0, checked
    code, again = night.cli("ingest", "run", "--from", str(night.landing))
    assert code == 0, again
    assert again["rerouted"] == [refs[5]] and again["unroutable"] == []
    assert referred_to(night, refs[5]) == ["southend_council"]
    assert incident(night, refs[5]).routing_status == "routed"
    assert referred_to(night, refs[6]) == [], "not ASB stays unreferred"

    next_night = NIGHT + timedelta(days=1)
    code, sent = night.cli("outbound", "run", "--all", "--night", next_night.isoformat())
    assert code == 0, sent
    assert [
        r["incident_ref"] for r in night.delivered("southend_council", "referrals", next_night)
    ] == [refs[5]]
    assert incident(night, refs[5]).payload is None, "delivered: its detail is no longer needed"
    code, listed = night.cli("ingest", "unroutable")
    assert code == 0 and listed["unroutable"] == []


def test_reroute_routes_held_incidents_without_a_new_extract(
    make_night,  # type: ignore[no-untyped-def]
) -> None:
    night: Night = make_night(PARTNERS)
    rows = write_incidents(
        night.landing, "incidents-20261125.jsonl", [{"district": "Leigh", "risk_level": "high"}]
    )
    code, shown = night.text("ingest", "run", "--from", str(night.landing))
    assert code == 1 and "1 unroutable" in shown and "UNROUTABLE: 1" in shown, shown
    assert "HIGH RISK" in shown
    code, still = night.cli("ingest", "reroute")
    assert code == 1 and [h["incident_ref"] for h in still["still_unroutable"]] == [
        rows[0]["incident_ref"]
    ]
    night.edit_partner("southend_council", aliases=["Southend", "Leigh"])
    code, done = night.cli("ingest", "reroute")
    assert code == 0, done
    assert done["routed"] == [rows[0]["incident_ref"]] and done["referrals"] == 1
    assert referred_to(night, rows[0]["incident_ref"]) == ["southend_council"]


def test_partners_check_refuses_an_alias_two_councils_claim(
    make_night,  # type: ignore[no-untyped-def]
) -> None:
    night: Night = make_night(PARTNERS)
    night.edit_partner("chelmsford_council", aliases=["SOUTHEND-ON-SEA"])
    code, output = night.cli("partners", "check")
    assert code == 1
    text = str(output)
    assert "chelmsford_council.yaml" in text and "southend_council.yaml" in text
    assert "SOUTHEND-ON-SEA" in text
    night.edit_partner("chelmsford_council", aliases=["Chelmsford"])
    code, output = night.cli("partners", "check")
    assert code == 1 and "already matches this partner's own name" in str(output)
