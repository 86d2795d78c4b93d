"""Run an expectation suite kept as a JSON file against a batch of records, with Great
Expectations imported only here, inside the task that needs it.

Suites are files so that a data engineer can read and change them without Python; values
written "$name" are filled in at run time. The result kept for audit holds counts only, never
the unexpected values themselves (they may be personal data).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

SUITE_DIR = Path(__file__).resolve().parent / "suites"


class ExpectationOutcome(BaseModel):
    expectation: str
    column: str | None
    success: bool
    unexpected_count: int | None = None
    observed: str | None = None
    # Positions of the records a row-level expectation found wrong (None for an expectation on
    # the batch as a whole, such as its row count), so that one bad record can be set aside.
    # Not kept in the audit copy of the result.
    unexpected_rows: list[int] | None = Field(default=None, exclude=True)


class SuiteResult(BaseModel):
    """What a suite found: success, and per expectation its outcome (counts only)."""

    suite: str
    success: bool
    records: int
    outcomes: list[ExpectationOutcome]
    skipped: list[str] = []

    def failures(self) -> list[str]:
        return [
            f"{o.expectation}"
            + (f" on {o.column}" if o.column else "")
            + (f": {o.unexpected_count} unexpected" if o.unexpected_count else "")
            + (f" (observed {o.observed})" if o.observed is not None else "")
            for o in self.outcomes
            if not o.success
        ]


def load_suite(name: str) -> dict[str, Any]:
    path = SUITE_DIR / f"{name}.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _fill(value: Any, params: Mapping[str, Any]) -> Any:
    if isinstance(value, str) and value.startswith("$"):
        key = value[1:]
        if key not in params:
            raise KeyError(f"suite parameter {value!r} was not given")
        return params[key]
    return value


@cache
def _gx_batch_definition() -> Any:
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    asset = context.data_sources.add_pandas("asbhub").add_dataframe_asset("records")
    return asset.add_batch_definition_whole_dataframe("whole")


def run_suite(
    name: str,
    records: Sequence[Mapping[str, Any]],
    columns: Sequence[str],
    params: Mapping[str, Any],
    row_positions: bool = False,
) -> SuiteResult:
    """Validate `records` (all with `columns`) against the suite `name`.

    Give timestamps and dates as datetime objects (and their bounds in `params` likewise):
    they are compared as time, not as text. With `row_positions` each row-level outcome names
    the positions of the records it found wrong (GX's COMPLETE result, about twice the cost
    of BASIC, which gives the counts and observed values only).
    """
    import great_expectations as gx
    import pandas as pd
    from great_expectations.expectations.expectation_configuration import (
        ExpectationConfiguration,
    )

    suite_doc = load_suite(name)
    frame = pd.DataFrame.from_records(list(records), columns=list(columns))
    expectations, skipped = [], []
    for spec in suite_doc["expectations"]:
        kwargs = {key: _fill(value, params) for key, value in spec["kwargs"].items()}
        column = kwargs.get("column")
        if column is not None and column not in frame.columns:
            skipped.append(f"{spec['type']} on {column}")
            continue
        config = ExpectationConfiguration(type=spec["type"], kwargs=kwargs)
        expectations.append(config.to_domain_obj())
    suite = gx.ExpectationSuite(name=name, expectations=expectations)
    batch = _gx_batch_definition().get_batch(batch_parameters={"dataframe": frame})
    result_format = "COMPLETE" if row_positions else "BASIC"
    validation = batch.validate(suite, result_format={"result_format": result_format})
    outcomes = [
        ExpectationOutcome(
            expectation=r.expectation_config.type,
            column=r.expectation_config.kwargs.get("column"),
            success=bool(r.success),
            unexpected_count=r.result.get("unexpected_count"),
            observed=_observed(r.result.get("observed_value")),
            unexpected_rows=_positions(r.result.get("unexpected_index_list")),
        )
        for r in validation.results
    ]
    return SuiteResult(
        suite=name,
        success=bool(validation.success),
        records=len(frame),
        outcomes=outcomes,
        skipped=skipped,
    )


def _observed(value: Any) -> str | None:
    if value is None or isinstance(value, list | dict):
        return None  # lists of values may hold personal data; counts are enough for audit
    return str(value)


def _positions(index_list: Any) -> list[int] | None:
    """The frame's default index is the record's position; GX gives it for row-level checks."""
    if index_list is None:
        return None
    return sorted({int(i) for i in index_list})
