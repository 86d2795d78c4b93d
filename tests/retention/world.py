"""A small synthetic world for retention tests: one record per interesting case, dated around
AS_OF so each rule's edge is exercised."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from asbhub import ledger
from asbhub.ledger import Event, EventKind
from asbhub.retention.areas import Areas, TransportFolders
from asbhub.retention.schedule import Schedule, load_schedule
from asbhub.store.engine import Store
from asbhub.store.models import Delivery, InboundFile, Incident, Outcome, QuarantineItem, Referral
from connectors.local import LocalConfig, LocalTransport
from connectors.spec import TransportSpec

ROOT = Path(__file__).resolve().parents[2]
SCHEDULE = ROOT / "config" / "retention.yaml"
KEY = ledger.load_key("test-ledger-key-synthetic-only")
AS_OF = date(2032, 6, 1)


def ts(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 12, 0, tzinfo=UTC)


def rid(n: int) -> str:
    return f"R-{n:016X}"


# referral number -> (closed, risk, vulnerable, delivered)
REFERRALS = {
    1: (date(2025, 1, 10), "standard", False, True),  # 6y: due
    2: (date(2025, 1, 10), "high", False, True),  # 10y: kept
    3: (date(2025, 1, 10), "medium", True, False),  # vulnerable, 10y: kept
    4: (date(2030, 1, 10), "standard", False, True),  # too recent
    5: (None, "standard", False, True),  # open case
    6: (date(2020, 3, 1), "medium", False, True),  # due
    7: (date(2026, 6, 1), "standard", False, False),  # exactly 6y before AS_OF: due, never sent
    8: (date(2026, 6, 2), "standard", False, True),  # a day short: kept
}
DUE_REFERRALS = {rid(1), rid(6), rid(7)}


@dataclass
class World:
    store: Store
    schedule: Schedule
    areas: Areas
    partner_root: Path

    def transport(self, partner_id: str) -> LocalTransport:
        spec = TransportSpec(
            type="local",
            connection_id=partner_id.replace("-", "_"),
            folders={"inbox": f"{partner_id}/inbox", "outbox": f"{partner_id}/outbox"},
        )
        return LocalTransport(spec, LocalConfig(root=self.partner_root))

    def remote(self) -> TransportFolders:
        return TransportFolders(self.transport, partner_ids=("council-a",))


def build(store: Store, tmp_path: Path) -> World:
    home = tmp_path / "home"
    partners = tmp_path / "partners"
    world = World(store, load_schedule(SCHEDULE), Areas(home), partners)
    with store.session() as s:
        for n, (closed, risk, vulnerable, delivered) in REFERRALS.items():
            incident = Incident(
                incident_ref=f"INC-{n:06d}",
                reported_at=ts(2024, 12, 1),
                district="Northdale",
                is_asb=True,
                nsir_category="personal",
                asb_type="noise",
                risk_level=risk,
                vulnerable_victim=vulnerable,
                source_file="extract.csv",
                source_line=n,
                ingested_at=ts(2024, 12, 2),
                payload=None,
            )
            s.add(incident)
            s.flush()
            referral = Referral(
                referral_id=rid(n),
                incident_id=incident.id,
                partner_id="council-a",
                created_at=ts(2024, 12, 2),
                high_risk=risk == "high",
                status="closed" if closed else "delivered",
                closed_at=closed,
                delivered_at=ts(2024, 12, 3) if delivered else None,
            )
            s.add(referral)
            s.flush()
            s.add(
                Outcome(
                    partner_id="council-a",
                    outcome_id=f"O-{n}",
                    referral_pk=referral.id,
                    status="closed",
                    recorded_at=ts(2025, 1, 1),
                    actions=["advice"],
                    received_at=ts(2025, 1, 2),
                )
            )
        for batch, acked, delivered in (
            ("B-OLD", ts(2032, 4, 1), ts(2032, 3, 30)),
            ("B-NEW", ts(2032, 5, 20), ts(2032, 5, 19)),
            ("B-UNACKED", None, ts(2032, 1, 1)),
        ):
            staging = home / "staging" / batch
            staging.mkdir(parents=True)
            (staging / "referrals.csv").write_text("referral_id\nR-0000000000000001\n")
            inbox = partners / "council-a" / "inbox"
            inbox.mkdir(parents=True, exist_ok=True)
            (inbox / f"{batch}.csv").write_text("synthetic\n")
            s.add(
                Delivery(
                    batch_id=batch,
                    partner_id="council-a",
                    night=delivered.date(),
                    status="delivered",
                    record_count=1,
                    files=[{"name": f"{batch}.csv"}],
                    staging_path=batch,
                    created_at=delivered,
                    delivered_at=delivered,
                    acknowledged_at=acked,
                )
            )
        for name, created in (("q-old.csv", ts(2032, 1, 1)), ("q-new.csv", ts(2032, 5, 1))):
            s.add(
                QuarantineItem(
                    source="inbound",
                    partner_id="council-a",
                    file_name=name,
                    reason="bad date",
                    raw=b"synthetic",
                    created_at=created,
                )
            )
        archive = home / "archive" / "council-a" / "outcomes-2031.csv"
        archive.parent.mkdir(parents=True)
        archive.write_text("synthetic\n")
        s.add(
            InboundFile(
                partner_id="council-a",
                name="outcomes-2031.csv",
                sha256="ab" * 32,
                size=10,
                status="processed",
                archive_path="archive/council-a/outcomes-2031.csv",
                received_at=ts(2031, 1, 1),
            )
        )
        ledger.append_many(
            s,
            KEY,
            [
                Event(
                    kind=EventKind.DISCLOSURE,
                    actor="outbound",
                    justification="nightly feed",
                    references=[rid(n)],
                    recipient="council-a",
                    at=ts(2024, 12, 3),
                )
                for n in REFERRALS
            ]
            + [
                Event(
                    kind=EventKind.COLLECTION,
                    actor="ingest",
                    justification="extract",
                    references=["INC-000099"],
                    at=ts(2027, 1, 1),
                )
            ],
        )
    return world
