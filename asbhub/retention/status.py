"""The statuses of disposal runs and of their items, as stored (`disposal_runs.status`,
`disposal_items.status`) and as results report them."""

from __future__ import annotations

from enum import StrEnum


class RunStatus(StrEnum):
    PLANNED = "planned"  # awaiting approval
    APPROVED = "approved"
    CANCELLED = "cancelled"  # by a person, before execution; the reason is kept
    EXECUTING = "executing"  # stopped part-way: execute resumes it
    EXECUTED = "executed"  # awaiting verification
    VERIFIED = "verified"  # every disposed record looked for, and none found
    VERIFICATION_FAILED = "verification_failed"  # copies found: fix, execute again, verify


class ItemStatus(StrEnum):
    PLANNED = "planned"  # goes when the run is executed
    REVIEW = "review"  # a person decides: keep, or dispose of in a later run
    KEPT = "kept"  # decided on review: kept
    DECIDED = "decided"  # decided on review: disposed of by a later run
    HELD = "held"  # under a legal hold placed after planning
    DISPOSED = "disposed"
    FAILED = "failed"  # execution could not dispose of it: tried again by the next execute


# Runs that still hold their records: a new plan leaves these records to them.
OPEN_RUNS = (RunStatus.PLANNED, RunStatus.APPROVED, RunStatus.EXECUTING)
