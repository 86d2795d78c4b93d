"""The force's outcome summary in the demo: the morning after the second night, the summary the
`force_feedback` DAG writes at 08:00 (asbhub.pipeline.feedback), and its figures, read back from
the file the force would load.

Why the demo runs the pipeline step rather than the DAG: a night's summary covers the outcomes
received before 08:00 Europe/London that day, and refuses to run before then. The demo's partners
answer on the real clock, so the night whose 08:00 has passed holds none of their outcomes, and
the night that holds them is refused until its 08:00 comes. So the demo runs the step last, when
nothing more will arrive in its world, as at the time the DAG would run (the step's own `now`),
just as it dates its retention run six years on.
"""

from __future__ import annotations

import csv
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

from pydantic import BaseModel

from asbhub.pipeline.feedback import cut_off, run_feedback
from asbhub.runtime import Hub
from asbhub.settings import Settings
from contracts.base import CSV_LIST_SEPARATOR

ACTOR = "asbhub demo (the force_feedback DAG's step, at its 08:00 cut-off)"


class ForceSummary(BaseModel):
    """What the step wrote and what the file holds."""

    night: date
    as_at: datetime  # the demo's clock: the night's cut-off, or now if later
    batch_id: str
    status: str
    rows: int
    updated_referrals: int
    conflicts: int
    disclosed: int
    files: list[str]  # keys in the hub's areas: the data file, then its manifest
    data_file: str  # where the force's loading job would read it
    rows_in_file: int
    flagged_in_file: int
    conflict_reasons: dict[str, int]  # rows flagged, by reason, as the file gives them

    @property
    def consistent(self) -> bool:
        """The file holds what the step said it wrote."""
        return (self.rows_in_file, self.flagged_in_file) == (self.rows, self.conflicts)


def summarise_for_force(settings: Settings, night: date) -> ForceSummary:
    """Write the night's outcome summary as the DAG would at its cut-off, then read it back."""
    as_at = max(datetime.now(UTC), cut_off(night))
    hub = Hub(settings=settings, actor=ACTOR)
    try:
        result = run_feedback(hub, night, now=as_at)
        data_file = hub.areas.local(result.files[0])
    finally:
        hub.close()
    rows, flagged, reasons = _read_back(data_file)
    return ForceSummary(
        night=result.night,
        as_at=as_at,
        batch_id=result.batch_id,
        status=str(result.status),
        rows=result.rows,
        updated_referrals=result.updated_referrals,
        conflicts=result.conflicts,
        disclosed=result.disclosed,
        files=result.files,
        data_file=str(data_file),
        rows_in_file=rows,
        flagged_in_file=flagged,
        conflict_reasons=dict(sorted(reasons.items())),
    )


def _read_back(path: Path) -> tuple[int, int, Counter[str]]:
    """The file as the force's loading job reads it (docs/force-guide.md): its rows, the rows
    flagged, and the flagged rows by reason (a row may give more than one)."""
    rows = flagged = 0
    reasons: Counter[str] = Counter()
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            rows += 1
            if row["conflict"] == "true":
                flagged += 1
                reasons.update(r for r in row["conflict_reasons"].split(CSV_LIST_SEPARATOR) if r)
    return rows, flagged, reasons


def summary_lines(summary: ForceSummary) -> list[list[str]]:
    lines = [
        ["figure", "count"],
        ["rows (one per referral of each incident with news)", str(summary.rows)],
        ["referrals updated in the window", str(summary.updated_referrals)],
        ["rows flagged as conflicts", str(summary.conflicts)],
    ]
    lines += [[f"of which {reason}", str(n)] for reason, n in summary.conflict_reasons.items()]
    lines.append(["disclosures logged in the ledger", str(summary.disclosed)])
    return lines


def summary_note(summary: ForceSummary) -> str:
    read_back = (
        "the file holds as many rows, and as many flagged"
        if summary.consistent
        else f"THE FILE HOLDS {summary.rows_in_file} ROWS, {summary.flagged_in_file} FLAGGED"
    )
    when = f"{summary.as_at:%Y-%m-%d %H:%M} UTC"
    if summary.as_at == cut_off(summary.night):
        when += ", the night's 08:00 Europe/London cut-off"
    return (
        f"{summary.batch_id} ({summary.status}), run as at {when}, after the demo's last "
        f"outcomes came in: {summary.data_file}; {read_back}. Conflicts are for the force to "
        "resolve with the partners, not failures."
    )
