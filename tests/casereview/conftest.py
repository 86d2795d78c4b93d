"""A fresh home driven through the `asbhub` CLI on both engines (tests.lifecycle's night), with
the Case Review thresholds the tests name, and helpers that shape complaint histories."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from tests.lifecycle.conftest import Night, make_night, write_incidents

__all__ = ["AS_OF", "Night", "complaint", "make_night", "thresholds", "write_incidents"]

AS_OF = date(2026, 11, 30)  # the window of 6m runs from 2026-05-30 to this day inclusive
LONDON = ZoneInfo("Europe/London")


def thresholds(config: Path, **overrides: Any) -> None:
    """Write config/casereview.yaml: 6 months, 3 per victim, 5 households per location."""
    victim = overrides.get("victim", 3)
    location = overrides.get("location", 5)
    households = str(overrides.get("distinct_households", True)).lower()
    (config / "casereview.yaml").write_text(
        f'version: "test"\nwindow: {overrides.get("window", "6m")}\n'
        f"victim:\n  threshold: {victim}\n"
        f"location:\n  threshold: {location}\n  distinct_households: {households}\n",
        encoding="utf-8",
    )


def complaint(
    day: date,
    victim: str = "Ada Testperson",
    dob: str | None = "1980-02-03",
    place: str = "CM1 1AA",
    street: str | None = "1 Example Row",
    district: str = "Chelmsford",
    home: str = "2 Sample Lane",
    home_postcode: str = "CM2 2BB",
) -> dict[str, Any]:
    """One ASB complaint's shape for write_incidents (synthetic names and places only)."""
    return {
        "reported_at": datetime.combine(day, time(12, 0), tzinfo=LONDON).isoformat(),
        "last_review_at": None,
        "district": district,
        "victim_name": victim,
        "victim_dob": dob,
        "victim_address": home,
        "victim_postcode": home_postcode,
        "location_street": street,
        "location_postcode": place,
    }
