"""What loading one inbound file shares: the job, its running tally, and setting a row aside."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from asbhub.partners import PartnerConfig
from asbhub.pipeline.rejection import ProblemList, row_problems
from asbhub.quarantine import quarantine_row
from asbhub.records import Row, RowProblem
from asbhub.runtime import Hub
from contracts.base import Contract

CLOCK_SKEW = timedelta(minutes=10)  # a partner's clock may run a little ahead of ours
CHECK_ROWS_MAX = 100_000  # rows handed to the expectation suite; the rest are counted only
CHECK_COLUMNS = [
    "outcome_id",
    "referral_id",
    "referral_known_to_partner",
    "status",
    "recorded_at",
    "closed_on",
    "quarantined",
]


@dataclass
class FileJob:
    """One fetched file being loaded: where it is, whose it is and what it claims to be."""

    hub: Hub
    partner: PartnerConfig
    path: Path
    contract: type[Contract]
    file_pk: int
    name: str
    sha256: str
    max_bytes: int


@dataclass
class FileTally:
    rows_in: int = 0
    loaded: int = 0
    quarantined: int = 0
    problems: ProblemList = field(default_factory=ProblemList)
    check_rows: list[dict[str, Any]] = field(default_factory=list)

    def checked(self, row: dict[str, Any]) -> None:
        if len(self.check_rows) < CHECK_ROWS_MAX:
            self.check_rows.append(row)


def set_aside(
    job: FileJob,
    session: Session,
    row: Row,
    problems: Iterable[RowProblem],
    tally: FileTally,
    known: bool = False,
) -> None:
    """Quarantine one row with its original values and its report-safe reasons."""
    listed = row_problems(row.line, problems, row.raw, job.contract.field_names())
    quarantine_row(
        session,
        source="inbound",
        partner_id=job.partner.id,
        file_name=job.name,
        sha256=job.sha256,
        line=row.line,
        field=listed[0].field if listed else None,
        reason="; ".join(f"{p.field}: {p.reason}" if p.field else p.reason for p in listed),
        raw=row.raw,
        inbound_file_id=job.file_pk,
    )
    tally.quarantined += 1
    tally.problems.extend(listed)
    tally.checked({"quarantined": 1, "referral_known_to_partner": known})
