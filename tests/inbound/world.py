"""The store state inbound tests need: referrals delivered to one partner (and to another),
a closed case, and disposal notices; fixture templates rendered with their real ids."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from asbhub.runtime import Hub
from asbhub.store.models import DisposalNotice, DisposalRun, Incident, Referral

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "inbound"
PARTNER = "chelmsford_council"
OTHER = "basildon_council"
SENT_AT = datetime(2026, 10, 1, 2, 0, tzinfo=UTC)


def new_id(prefix: str) -> str:
    return f"{prefix}-{secrets.token_hex(8).upper()}"


@dataclass
class World:
    """Ids by placeholder name, e.g. {"R1": "R-...", "RF": "R-..."} for `{R1}` in templates."""

    ids: dict[str, str] = field(default_factory=dict)

    def render(self, template: str) -> str:
        return re.sub(r"\{([A-Z][A-Z0-9]*)\}", lambda m: self.ids[m.group(1)], template)

    def fixture(self, name: str) -> str:
        return self.render((FIXTURES / name).read_text(encoding="utf-8"))


def build_world(hub: Hub, prefix: str = "O") -> World:
    """R1..R4 delivered to PARTNER, RC closed by PARTNER, RP pending (never sent), RF delivered
    to OTHER, RU never existed; notices N1 (PARTNER, about R4) and NF (OTHER, about RF)."""
    world = World(ids={"P": prefix})
    plan = [
        ("R1", PARTNER, "delivered"),
        ("R2", PARTNER, "delivered"),
        ("R3", PARTNER, "delivered"),
        ("R4", PARTNER, "delivered"),
        ("RC", PARTNER, "closed"),
        ("RP", PARTNER, "pending"),
        ("RF", OTHER, "delivered"),
    ]
    now = datetime.now(UTC)
    with hub.store.session() as session:
        for n, (key, partner, status) in enumerate(plan):
            incident = Incident(
                incident_ref=f"ASB-{secrets.token_hex(4).upper()}-{n}",
                reported_at=SENT_AT,
                district="Chelmsford",
                is_asb=True,
                nsir_category="nuisance",
                asb_type="noise",
                risk_level="standard",
                source_file="extract-test.csv",
                source_line=n + 2,
                ingested_at=SENT_AT,
            )
            session.add(incident)
            session.flush()
            referral_id = new_id("R")
            session.add(
                Referral(
                    referral_id=referral_id,
                    incident_id=incident.id,
                    partner_id=partner,
                    created_at=SENT_AT,
                    status=status,
                    delivered_at=None if status == "pending" else SENT_AT,
                    outcome_status="closed" if status == "closed" else None,
                    closed_at=date(2026, 10, 20) if status == "closed" else None,
                    last_outcome_at=SENT_AT if status == "closed" else None,
                )
            )
            world.ids[key] = referral_id
            world.ids[f"I{key}"] = incident.incident_ref
        world.ids["RU"] = new_id("R")
        run = DisposalRun(
            run_id=f"DR-20261101-{secrets.token_hex(3).upper()}",
            as_of=date(2026, 11, 1),
            schedule_version="2026.1",
            schedule_digest="0" * 64,
            status="executed",
            planned_at=now,
            planned_by="test",
        )
        session.add(run)
        session.flush()
        for key, partner, about in (("N1", PARTNER, "R4"), ("NF", OTHER, "RF")):
            notice_id = new_id("DN")
            session.add(
                DisposalNotice(
                    notice_id=notice_id,
                    run_pk=run.id,
                    partner_id=partner,
                    referral_id=world.ids[about],
                    reason="referral-standard",
                    issued_at=now,
                    acknowledge_by=date(2026, 12, 24),
                    sent_at=now,
                )
            )
            world.ids[key] = notice_id
        world.ids["NU"] = new_id("DN")
    return world
