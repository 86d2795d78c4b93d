"""The demo's urgent referral: in the day after the first night, the force's extract job lands a
small extract holding one high-risk incident with a vulnerable victim. `police_ingest` (as its
every-ten-minutes run would) loads it and `urgent_referrals` (which the ingest's asset event
triggers under a scheduler; the demo's runner has none, so the demo starts it next) delivers the
referral to its partners at once. The figures: from the extract landing to each urgent batch
recorded as delivered, and each batch's manifest read back from the partner's inbox.

Under a scheduler the wait for ingest's next tick comes on top (at most
ASBHUB_INGEST_EVERY_MINUTES, 10 by default), plus the scheduler's loop (seconds).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from pydantic import BaseModel
from sqlalchemy import select

from asbhub.formats import write_csv_rows
from asbhub.minimise.projection import LONDON
from asbhub.partners import PartnerConfig
from asbhub.pipeline import feed
from asbhub.seed.incidents import FORCE_CODE, generate_incidents
from asbhub.store.engine import Store
from asbhub.store.models import Delivery, Incident, Referral
from connectors import open_transport
from contracts.incident import Incident as IncidentRecord

# Serial numbers the seeded nights never reach the top of: the day's incidents are new ones.
DAY_SERIALS = 999_900


class DaytimeExtract(BaseModel):
    """The extract landed in the day: its file, the urgent incident, when it landed."""

    name: str
    urgent_ref: str
    other_refs: list[str]
    landed_at: datetime


class UrgentBatch(BaseModel):
    partner_id: str
    batch_id: str
    referrals: int
    seconds_after_landing: float  # the extract landing -> the batch recorded as delivered
    in_inbox: bool  # its manifest read back from the partner's inbox just now


class UrgentFigures(BaseModel):
    """What the urgent run sent, and how long after the extract landed."""

    incident_ref: str
    batches: list[UrgentBatch]
    referred_to: list[str]  # the partners the urgent incident was referred to
    not_urgent_waiting: int  # the day's other referrals, pending for the night's batch

    @property
    def delivered(self) -> bool:
        """Every partner of the urgent incident got its urgent batch, and it is in the inbox."""
        sent = {b.partner_id for b in self.batches if b.in_inbox}
        return bool(self.referred_to) and set(self.referred_to) <= sent

    @property
    def slowest(self) -> float | None:
        return max((b.seconds_after_landing for b in self.batches), default=None)


def write_daytime_extract(landing: Path, seed: int, now: datetime) -> DaytimeExtract:
    """Three ASB incidents reported in the last hour, the first high-risk with a vulnerable
    victim, as the force's extract job would land them between nights."""
    night = now.astimezone(LONDON).date()
    pool = [row for row in generate_incidents(80, seed + 7919, night) if row.get("is_asb")]
    # The urgent one a social tenant's, so that it goes to the council and the landlord.
    pool.sort(key=lambda row: not row.get("victim_landlord"))
    rows = pool[:3]
    for index, row in enumerate(rows):
        reported = now - timedelta(minutes=50 - 10 * index)
        row["incident_ref"] = f"{FORCE_CODE}/{DAY_SERIALS + index:06d}/{night.year % 100:02d}"
        row["reported_at"] = reported
        row["last_review_at"] = reported + timedelta(minutes=5)
        row["risk_level"], row["thrive_flags"], row["vulnerable_victim"] = "standard", [], False
    rows[0].update(
        risk_level="high", thrive_flags=["threat", "harm", "vulnerability"], vulnerable_victim=True
    )
    landing.mkdir(parents=True, exist_ok=True)
    name = f"incidents-{night:%Y%m%d}-{now.astimezone(LONDON):%H%M}.csv"
    partial = landing / f".{name}.partial"  # complete before the ingest can see it
    write_csv_rows(partial, IncidentRecord.field_names(), rows)
    partial.replace(landing / name)
    return DaytimeExtract(
        name=name,
        urgent_ref=str(rows[0]["incident_ref"]),
        other_refs=[str(r["incident_ref"]) for r in rows[1:]],
        landed_at=datetime.now(LONDON),
    )


def urgent_figures(
    hub_url: str, partners: list[PartnerConfig], extract: DaytimeExtract
) -> UrgentFigures:
    """Read from the store what the urgent run delivered, and look in each partner's inbox."""
    store = Store(hub_url)
    try:
        with store.session() as session:
            referred = sorted(
                session.scalars(
                    select(Referral.partner_id)
                    .join(Incident, Incident.id == Referral.incident_id)
                    .where(Incident.incident_ref == extract.urgent_ref)
                )
            )
            urgent = session.scalars(
                select(Delivery)
                .where(Delivery.urgent.is_(True), Delivery.delivered_at.is_not(None))
                .order_by(Delivery.id)
            ).all()
            others = len(
                session.scalars(
                    select(Referral.id)
                    .join(Incident, Incident.id == Referral.incident_id)
                    .where(
                        Incident.incident_ref.in_(extract.other_refs),
                        Referral.status == "pending",
                    )
                ).all()
            )
            rows = [
                (d.partner_id, d.batch_id, d.night, d.record_count, d.delivered_at) for d in urgent
            ]
    finally:
        store.dispose()
    by_id = {p.id: p for p in partners}
    batches = []
    for partner_id, batch_id, night, count, delivered_at in rows:
        assert delivered_at is not None
        seconds = (_aware(delivered_at) - extract.landed_at).total_seconds()
        batches.append(
            UrgentBatch(
                partner_id=partner_id,
                batch_id=batch_id,
                referrals=count,
                seconds_after_landing=round(seconds, 1),
                in_inbox=_in_inbox(by_id[partner_id], feed.batch_manifest_name(batch_id, night)),
            )
        )
    return UrgentFigures(
        incident_ref=extract.urgent_ref,
        batches=batches,
        referred_to=referred,
        not_urgent_waiting=others,
    )


def _aware(moment: datetime) -> datetime:
    """The store keeps UTC; an engine that drops the zone gives it back naive."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _in_inbox(partner: PartnerConfig, manifest: str) -> bool:
    with open_transport(partner.transport) as transport:
        return manifest in {entry.name for entry in transport.list("inbox")}


def urgent_lines(figures: UrgentFigures) -> list[list[str]]:
    """One line per urgent batch: to whom, how many referrals, how soon, and whether its
    manifest is in the partner's inbox."""
    lines = [["partner", "urgent batch", "referrals", "seconds after the extract", "in inbox"]]
    for batch in figures.batches:
        lines.append(
            [
                batch.partner_id,
                batch.batch_id,
                str(batch.referrals),
                f"{batch.seconds_after_landing:.1f}",
                "yes" if batch.in_inbox else "NO",
            ]
        )
    return lines


def urgent_note(figures: UrgentFigures) -> str:
    verdict = (
        "each of them received it in an urgent batch"
        if figures.delivered
        else "NOT EVERY ONE OF THEM RECEIVED IT"
    )
    return (
        f"A high-risk incident with a vulnerable victim ({figures.incident_ref}) landed in the "
        f"day and was referred to {', '.join(figures.referred_to) or 'no partner'}: {verdict}, "
        "counted from the extract landing to the batch recorded as delivered (ingest, then the "
        "urgent run the ingest's asset triggers). Under a scheduler, the wait for ingest's next "
        "tick (at most ASBHUB_INGEST_EVERY_MINUTES, 10 by default) comes on top. The day's "
        f"{figures.not_urgent_waiting} other referral(s) wait for the night's batch."
    )
