"""The demo's second extract: the force re-extracts the night's incidents after some changed.

Three reports in one council's district are re-assessed as high risk (escalations: the partners
holding them get an update, marked to act on first), one turns out to have happened in a
neighbouring council's district (a withdrawal for the first council, a new referral for the
second), and one is judged not to be ASB after all (a withdrawal). Everything else is extracted
again unchanged, as a real re-extract would be, and is recognised as known.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from asbhub.demo.extract import receive_after_midnight
from asbhub.formats import write_csv_rows
from asbhub.partners import PartnerConfig
from asbhub.seed import extract_filename
from asbhub.seed.incidents import generate_incidents
from asbhub.store.models import Referral, ReferralChange
from contracts.incident import Incident

ESCALATIONS = 3


class Revisions(BaseModel):
    """What the second extract changed, by incident reference."""

    file: str
    district: str
    escalated: list[str]
    moved: str
    moved_to: str
    declassified: str


class ChangesSent(BaseModel):
    """What the partners were sent about the changes, read back from the store."""

    updates: int = 0
    escalations: int = 0
    withdrawals: int = 0
    partners: list[str] = []


def write_revised_extract(
    landing: Path,
    incidents: int,
    seed: int,
    night: date,
    extract_night: date,
    partners: Sequence[PartnerConfig],
) -> Revisions:
    """Write the re-extract (named for `extract_night`) of the night's incidents, changed as
    the module says; the rows are the night's own, regenerated from the same seed."""
    rows = list(generate_incidents(incidents, seed, night))
    late = receive_after_midnight(rows, night).incident_ref
    councils = [p for p in partners if p.kind == "council"]
    asb = [r for r in rows if r.get("is_asb") and r["incident_ref"] != late]
    district, chosen = _busiest_district(asb, councils)
    calm = [r for r in chosen if r.get("risk_level") != "high" and not r.get("vulnerable_victim")]
    # The withdrawals are of referrals kept ten years (high risk or a vulnerable victim), so
    # the demo's retention run six years on leaves them to go in the next night's feed.
    kept_long = [r for r in chosen if r.get("risk_level") == "high" or r.get("vulnerable_victim")]
    if len(calm) < ESCALATIONS or len(kept_long) < 2:
        raise ValueError(f"too few incidents in {district} to revise: give the demo more")
    other = next(c for c in councils if not c.covers_district(district))
    for row in calm[:ESCALATIONS]:
        row["risk_level"] = "high"
    moved, declassified = kept_long[:2]
    moved["district"] = other.coverage.districts[0]
    declassified.update(
        is_asb=False, nsir_category=None, asb_type=None, not_asb_reason="civil dispute"
    )
    name = extract_filename(extract_night, "csv")
    landing.mkdir(parents=True, exist_ok=True)
    write_csv_rows(landing / name, Incident.field_names(), rows)
    return Revisions(
        file=name,
        district=district,
        escalated=[str(r["incident_ref"]) for r in calm[:ESCALATIONS]],
        moved=str(moved["incident_ref"]),
        moved_to=str(moved["district"]),
        declassified=str(declassified["incident_ref"]),
    )


def _busiest_district(
    rows: list[dict[str, object]], councils: Sequence[PartnerConfig]
) -> tuple[str, list[dict[str, object]]]:
    """The covered district with the most ASB incidents, and those incidents."""
    by_district: dict[str, list[dict[str, object]]] = {}
    for row in rows:
        district = str(row["district"])
        if any(c.covers_district(district) for c in councils):
            by_district.setdefault(district, []).append(row)
    if not by_district:
        raise ValueError("no incident of the extract is in a district a council covers")
    district = max(sorted(by_district), key=lambda d: len(by_district[d]))
    return district, by_district[district]


def partners_with_news(session: Session) -> list[str]:
    """Partners with something waiting for their next feed: a change or a new referral."""
    changed = set(
        session.scalars(select(ReferralChange.partner_id).where(ReferralChange.batch_id.is_(None)))
    )
    pending = set(session.scalars(select(Referral.partner_id).where(Referral.status == "pending")))
    return sorted(changed | pending)


def changes_sent(session: Session) -> ChangesSent:
    """The updates and withdrawals delivered so far, from the store's own rows."""
    sent = ChangesSent()
    partners: set[str] = set()
    for kind, escalated, partner_id in session.execute(
        select(ReferralChange.kind, ReferralChange.escalated, ReferralChange.partner_id).where(
            ReferralChange.sent_at.is_not(None)
        )
    ):
        if kind == "update":
            sent.updates += 1
            sent.escalations += bool(escalated)
        else:
            sent.withdrawals += 1
        partners.add(partner_id)
    sent.partners = sorted(partners)
    return sent
