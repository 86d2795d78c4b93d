"""The feed's checks on a batch of no referrals: a night of disposal notices only, or nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import expectations.runner
from asbhub.pipeline.feed_checks import check_batch
from asbhub.runtime import Hub
from expectations.runner import load_suite

NIGHT = date(2026, 11, 25)


def test_no_referrals_pass_without_asking_great_expectations(
    hub: Hub, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: Any, **_kwargs: Any) -> None:
        raise AssertionError("Great Expectations was asked about an empty batch")

    monkeypatch.setattr(expectations.runner, "run_suite", refuse)
    checked = check_batch(hub, hub.partner("chelmsford_council"), NIGHT, [], [40, 52, 47])
    assert checked.batch_problem is None
    assert checked.passed == []
    assert checked.set_aside == []
    result = checked.expectations
    assert result is not None
    assert result["success"] is True
    assert result["records"] == 0
    assert result["outcomes"] == []
    # Nothing claims to have been checked: each expectation is named as not run, and why.
    assert len(result["skipped"]) == len(load_suite("referral_feed")["expectations"])
    assert all(item.endswith(": no records to check") for item in result["skipped"])
    unique = "expect_column_values_to_be_unique on referral_id: no records to check"
    assert unique in result["skipped"]
