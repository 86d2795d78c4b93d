"""The demo night's extract: the seeded incidents, one of them received just after midnight.

The force's extract job sometimes runs past midnight and picks up a report received in the
first minutes of the next day. The referral feed's row-level expectations refuse a report dated
after the night being fed (the guard against a wrong clock), so that one referral is set aside
while the rest of its partner's batch goes; once the report time is confirmed, a person releases
it and the next night's feed takes it. The seeder stays generic: the demo moves one record.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

from pydantic import BaseModel

from asbhub.formats import write_csv_rows
from asbhub.minimise.projection import LONDON
from asbhub.seed import extract_filename
from asbhub.seed.incidents import generate_incidents
from contracts.incident import Incident

AFTER_MIDNIGHT = time(0, 20)


class LateReport(BaseModel):
    """The report the extract picked up after the night's cut-off."""

    incident_ref: str
    reported_at: datetime


def write_night_extract(landing: Path, incidents: int, seed: int, night: date) -> LateReport:
    """Write the night's incident/1.0 extract to `landing`, its latest ASB report received at
    00:20 the next day; return which one."""
    rows = list(generate_incidents(incidents, seed, night))
    late = receive_after_midnight(rows, night)
    landing.mkdir(parents=True, exist_ok=True)
    write_csv_rows(landing / extract_filename(night, "csv"), Incident.field_names(), rows)
    return late


def receive_after_midnight(rows: list[dict[str, object]], night: date) -> LateReport:
    """Move the latest ASB report (the one an overrunning extract would catch) to just after
    midnight, with its THRIVE review moved by as much so the record stays consistent."""
    row = next((r for r in reversed(rows) if r.get("is_asb")), None)
    if row is None:
        raise ValueError("the extract holds no ASB incident to receive after midnight")
    reported = row["reported_at"]
    if not isinstance(reported, datetime):
        raise TypeError(f"reported_at is {type(reported).__name__}, not a datetime")
    moved = datetime.combine(night + timedelta(days=1), AFTER_MIDNIGHT, LONDON)
    review = row.get("last_review_at")
    if isinstance(review, datetime):
        row["last_review_at"] = review + (moved - reported)
    row["reported_at"] = moved
    return LateReport(incident_ref=str(row["incident_ref"]), reported_at=moved)
