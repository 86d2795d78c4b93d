"""A store as the force's summary finds it: incidents referred to a council and a housing
provider, and the outcomes both sent back, with the conflicts the summary must flag."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from asbhub.store.engine import Store
from asbhub.store.models import Incident, Outcome, Referral

COUNCIL, HOUSING = "chelmsford_council", "estuary_homes"
NIGHT = date(2026, 11, 26)  # cut-off 08:00 London = 08:00 UTC in November
REFERRED = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)
RECEIVED = datetime(2026, 11, 26, 6, 45, tzinfo=UTC)  # the night's inbound runs
NEXT_NIGHT_RECEIVED = RECEIVED + timedelta(days=1)
# What partners write in their notes: the summary must never carry any of it.
NOTES = "Spoke to Alex Example at 12 Moulsham Street CM2 0HX, 07700 900123; mediation booked."
PERSONAL = ("Alex Example", "Moulsham", "CM2 0HX", "07700 900123", "mediation booked")


@dataclass
class World:
    incidents: dict[str, str] = field(default_factory=dict)  # name -> incident_ref
    referrals: dict[tuple[str, str], str] = field(default_factory=dict)  # (name, partner) -> id
    pks: dict[tuple[str, str], int] = field(default_factory=dict)


def build_world(store: Store) -> World:
    """Five incidents, each referred to COUNCIL and HOUSING:

    * `split`: the council accepts the lead and acts; housing closes -> closed_while_another_acts
    * `rivals`: both accept the lead -> several_leads
    * `clean`: the council leads, housing declines -> no conflict
    * `silent`: no outcome at all -> not in the summary
    * `late`: the council answers after the night's cut-off -> in the next night's summary
    """
    world = World()
    with store.session() as session:
        for n, name in enumerate(("split", "rivals", "clean", "silent", "late"), start=1):
            incident = Incident(
                incident_ref=f"42/{n:06d}/26",
                reported_at=REFERRED - timedelta(hours=4),
                district="Chelmsford",
                is_asb=True,
                nsir_category="nuisance",
                asb_type="noise",
                risk_level="standard",
                source_file="extract-test.csv",
                source_line=n + 1,
                ingested_at=REFERRED,
            )
            session.add(incident)
            session.flush()
            world.incidents[name] = incident.incident_ref
            for partner in (COUNCIL, HOUSING):
                referral = Referral(
                    referral_id=f"R-{secrets.token_hex(8).upper()}",
                    incident_id=incident.id,
                    partner_id=partner,
                    created_at=REFERRED,
                    status="delivered",
                    delivered_at=REFERRED,
                )
                session.add(referral)
                session.flush()
                world.referrals[(name, partner)] = referral.referral_id
                world.pks[(name, partner)] = referral.id
    add_outcome(store, world, "split", COUNCIL, "accepted", lead=True, actions=["advice"])
    add_outcome(store, world, "split", COUNCIL, "in_progress", actions=["warning_letter"], hours=1)
    add_outcome(store, world, "split", HOUSING, "closed", lead=False, closed_on=date(2026, 11, 25))
    add_outcome(store, world, "rivals", COUNCIL, "accepted", lead=True)
    add_outcome(store, world, "rivals", HOUSING, "in_progress", lead=True, actions=["mediation"])
    add_outcome(store, world, "clean", COUNCIL, "accepted", lead=True)
    add_outcome(store, world, "clean", HOUSING, "declined", lead=False)
    add_outcome(store, world, "late", COUNCIL, "accepted", lead=True, received=NEXT_NIGHT_RECEIVED)
    return world


def add_outcome(
    store: Store,
    world: World,
    incident: str,
    partner: str,
    status: str,
    *,
    lead: bool | None = None,
    actions: list[str] | None = None,
    closed_on: date | None = None,
    hours: int = 0,
    received: datetime = RECEIVED,
) -> None:
    """An outcome row as inbound stores it (notes already redacted, but still free text)."""
    recorded = datetime(2026, 11, 25, 16, 0, tzinfo=UTC) + timedelta(hours=hours)
    with store.session() as session:
        session.add(
            Outcome(
                partner_id=partner,
                outcome_id=f"{partner[:3].upper()}-{secrets.token_hex(4)}",
                referral_pk=world.pks[(incident, partner)],
                status=status,
                recorded_at=recorded,
                lead_agency_accepted=lead,
                actions=actions or [],
                action_date=recorded.date() if actions else None,
                closed_on=closed_on,
                notes_redacted=NOTES,
                received_at=received,
            )
        )
