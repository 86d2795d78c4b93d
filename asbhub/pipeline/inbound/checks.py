"""Inbound batch checks: which contract a file is, the `outcome_batch` expectation suite, and
the quarantine-rate alert set by the partner's ISA."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

from asbhub.minimise.projection import LONDON
from asbhub.partners import PartnerConfig
from asbhub.pipeline.inbound.job import CHECK_COLUMNS, FileTally
from asbhub.records import check_bytes
from contracts.base import Contract
from contracts.disposal import DisposalAck
from contracts.enums import OutcomeStatus
from contracts.outcome import Outcome

# How a partner names its files (also in the partner guide): the prefix says the contract.
PREFIXES: dict[str, type[Contract]] = {"outcomes-": Outcome, "disposal-acks-": DisposalAck}
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
_HEAD = 4096


def contract_of(name: str, path: Path, max_bytes: int) -> type[Contract] | None:
    """The contract a file claims by its name prefix, else by the names in its first line.

    Returns None for a file that is neither; a file that cannot be read at all raises the
    reader's FileProblem first, since that is the more useful reason to give the partner.
    """
    for prefix, contract in PREFIXES.items():
        if name.startswith(prefix):
            return contract
    check_bytes(path, max_bytes)
    with path.open("rb") as handle:
        head = handle.read(_HEAD).decode("utf-8", "ignore").splitlines()[:1]
    first = head[0] if head else ""
    if "outcome_id" in first:
        return Outcome
    if "notice_id" in first:
        return DisposalAck
    return None


def run_expectations(partner: PartnerConfig, tally: FileTally) -> dict[str, Any]:
    """Run `expectations/outcome_batch` over one file's rows; the result holds counts only."""
    from expectations.runner import run_suite

    now = datetime.now(UTC)
    today_end = datetime.combine(now.astimezone(LONDON).date(), time(), LONDON) + timedelta(days=1)
    rows = [{column: row.get(column) for column in CHECK_COLUMNS} for row in tally.check_rows]
    result = run_suite(
        "outcome_batch",
        rows,
        CHECK_COLUMNS,
        {
            "enum:status": [s.value for s in OutcomeStatus],
            "earliest_date": EARLIEST,
            "now": now + timedelta(minutes=10),
            "today": today_end,
            "max_quarantine_rate": partner.isa.quarantine_alert_rate,
        },
    )
    data: dict[str, Any] = result.model_dump(mode="json")
    data["rows_checked"] = len(rows)
    return data


def quarantine_alert(partner: PartnerConfig, name: str, tally: FileTally) -> str | None:
    """An alert when a batch's share of quarantined rows is over the ISA's alert rate."""
    if not tally.rows_in:
        return None
    rate = tally.quarantined / tally.rows_in
    if rate <= partner.isa.quarantine_alert_rate:
        return None
    return (
        f"{partner.id}: {name}: {tally.quarantined} of {tally.rows_in} rows quarantined "
        f"({rate:.0%}), over the ISA alert rate of {partner.isa.quarantine_alert_rate:.0%}"
    )
