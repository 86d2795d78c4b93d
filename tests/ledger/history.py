"""A small synthetic history for ledger-retention tests: two incidents, three referrals, and what
the pipeline logs about them (collection, disclosure with tokens, outcome, a consultation)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from asbhub import ledger
from asbhub.ledger import Event, EventKind
from asbhub.retention.areas import Areas
from asbhub.retention.execute import execute_run
from asbhub.retention.plan import plan_disposal
from asbhub.retention.runs import approve_run
from asbhub.retention.schedule import Schedule, load_schedule
from asbhub.retention.verify import VerificationResult, verify_run
from asbhub.store.engine import Store
from asbhub.store.models import DisposalItem, DisposalRun, Incident, LedgerEvent, Referral

ROOT = Path(__file__).resolve().parents[2]
KEY = ledger.load_key("test-ledger-key-synthetic-only")
TOKEN = "PT-7Q2KX9"  # a person's pseudonymous token, as a partner receives it

# referral -> (incident, partner, closed): INC-1 goes to the council only; INC-2 to both partners,
# the housing provider closing a year later than the council.
REFERRALS = {
    "R-00000000000000A1": ("INC-000001", "council-a", date(2025, 1, 10)),
    "R-00000000000000B1": ("INC-000002", "council-a", date(2025, 1, 10)),
    "R-00000000000000B2": ("INC-000002", "housing-b", date(2026, 3, 1)),
}
R_A1, R_B1, R_B2 = REFERRALS


def ts(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 12, 0, tzinfo=UTC)


@dataclass
class History:
    store: Store
    schedule: Schedule
    areas: Areas

    def run(self, as_of: date) -> tuple[str, VerificationResult]:
        """One disposal run on that date: plan, approve, execute, verify."""
        with self.store.session() as s:
            run_id = plan_disposal(s, self.schedule, KEY, as_of).run_id
        with self.store.session() as s:
            approve_run(s, run_id, "A. Information-Manager")
        execute_run(self.store, run_id, KEY, self.areas)
        return run_id, verify_run(self.store, run_id, self.areas, key=KEY)

    def events(self) -> dict[int, LedgerEvent]:
        with self.store.session() as s:
            rows = s.scalars(select(LedgerEvent).order_by(LedgerEvent.seq)).all()
            s.expunge_all()
        return {e.seq: e for e in rows}

    def items(self, run_id: str) -> dict[str, str]:
        """target -> status of the run's ledger items."""
        with self.store.session() as s:
            return dict(
                s.execute(
                    select(DisposalItem.target, DisposalItem.status)
                    .join(DisposalRun, DisposalRun.id == DisposalItem.run_pk)
                    .where(
                        DisposalRun.run_id == run_id, DisposalItem.record_class == "ledger_event"
                    )
                ).all()
            )


def build(store: Store, tmp_path: Path) -> History:
    with store.session() as s:
        incidents: dict[str, int] = {}
        for ref in sorted({inc for inc, _p, _c in REFERRALS.values()}):
            row = Incident(
                incident_ref=ref,
                reported_at=ts(2024, 12, 1),
                district="Northdale",
                is_asb=True,
                nsir_category="personal",
                asb_type="noise",
                risk_level="standard",
                vulnerable_victim=False,
                source_file="extract-2024-12-02.csv",
                source_line=len(incidents) + 1,
                ingested_at=ts(2024, 12, 2),
                payload=None,
            )
            s.add(row)
            s.flush()
            incidents[ref] = row.id
        for referral_id, (incident_ref, partner, closed) in REFERRALS.items():
            s.add(
                Referral(
                    referral_id=referral_id,
                    incident_id=incidents[incident_ref],
                    partner_id=partner,
                    created_at=ts(2024, 12, 2),
                    high_risk=False,
                    status="closed",
                    closed_at=closed,
                    delivered_at=ts(2024, 12, 3),
                    tokens=[TOKEN],
                )
            )
        ledger.append_many(s, KEY, _logged())
    return History(store, load_schedule(ROOT / "config" / "retention.yaml"), Areas(tmp_path))


def _logged() -> list[Event]:
    events = [
        Event(
            kind=EventKind.COLLECTION,
            actor="ingest",
            justification="force extract",
            references=[ref],
            details={"source": "extract-2024-12-02.csv", "line": n},
            at=ts(2024, 12, 2),
        )
        for n, ref in enumerate(("INC-000001", "INC-000002"), start=1)
    ]
    for referral_id, (incident_ref, partner, closed) in REFERRALS.items():
        batch: dict[str, Any] = {"batch_id": f"B-{partner}-20241203", "isa_reference": "ISA-7"}
        events.append(
            Event(
                kind=EventKind.DISCLOSURE,
                actor="outbound",
                justification="Crime and Disorder Act 1998 s.115",
                references=[incident_ref, referral_id, TOKEN],
                recipient=partner,
                details=batch,
                at=ts(2024, 12, 3),
            )
        )
        events.append(
            Event(
                kind=EventKind.COMBINATION,
                actor="inbound",
                justification="Crime and Disorder Act 1998 s.115",
                references=[referral_id, incident_ref],
                details={"partner_id": partner, "outcome_id": f"O-{referral_id}", "line": 2},
                at=datetime.combine(closed, datetime.min.time(), UTC),
            )
        )
    return events
