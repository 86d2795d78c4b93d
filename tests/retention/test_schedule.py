"""The schedule loads with clear errors, and class determines destiny: exactly one rule each."""

from __future__ import annotations

import copy
import itertools
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from asbhub.errors import ConfigError
from asbhub.retention.schedule import RECORD_CLASSES, Period, load_schedule, parse_schedule
from tests.retention.world import SCHEDULE

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "retention"


def _default() -> dict[str, Any]:
    return yaml.safe_load(SCHEDULE.read_text())


def test_the_shipped_schedule_loads_with_the_design_defaults() -> None:
    schedule = load_schedule(SCHEDULE)
    assert schedule.version == "2026.1" and len(schedule.digest) == 64
    referral = {r.id: r for r in schedule.rules_of("referral")}
    assert str(referral["referral-standard"].period) == "6y"
    assert str(referral["referral-high-risk-or-vulnerable"].period) == "10y"
    assert str(schedule.rule("delivery-acknowledged").period) == "30d"
    assert str(schedule.rule("quarantine-90d").period) == "90d"
    assert str(schedule.rule("ledger-6y").period) == "6y"
    assert schedule.rule("certificate-permanent").action == "keep"


def test_every_possible_record_falls_under_exactly_one_rule() -> None:
    schedule = load_schedule(SCHEDULE)
    for name, spec in RECORD_CLASSES.items():
        names = list(spec.attributes)
        for combo in itertools.product(*(spec.attributes[n] for n in names)):
            attributes = dict(zip(names, combo, strict=True))
            matched = [r.id for r in schedule.rules_of(name) if r.matches(attributes)]
            assert len(matched) == 1, (name, attributes, matched)


@pytest.mark.parametrize(
    ("risk", "vulnerable", "rule"),
    [
        ("high", False, "referral-high-risk-or-vulnerable"),
        ("standard", True, "referral-high-risk-or-vulnerable"),
        ("high", True, "referral-high-risk-or-vulnerable"),
        ("medium", False, "referral-standard"),
    ],
)
def test_thrive_risk_and_vulnerability_choose_the_longer_rule(
    risk: str, vulnerable: bool, rule: str
) -> None:
    schedule = load_schedule(SCHEDULE)
    assert (
        schedule.rule_for("referral", {"risk_level": risk, "vulnerable_victim": vulnerable}).id
        == rule
    )


def test_overlapping_rules_are_refused_naming_both() -> None:
    with pytest.raises(ConfigError) as caught:
        load_schedule(FIXTURES / "overlapping.yaml")
    message = str(caught.value)
    assert "referral-high and referral-vulnerable overlap" in message
    assert "risk_level=high, vulnerable_victim=True" in message


def test_a_record_no_rule_covers_is_refused() -> None:
    data = _default()
    data["classes"]["referral"]["rules"].pop(0)
    with pytest.raises(ConfigError, match="no rule covers a record with risk_level=high"):
        parse_schedule(data)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("version"), "`version` is missing"),
        (lambda d: d["classes"].pop("quarantine"), "'quarantine' has no rules"),
        (lambda d: d["classes"]["quarantine"]["rules"][0].update(period="90 days"), "not a period"),
        (
            lambda d: d["classes"]["quarantine"]["rules"][0].update(action="shred"),
            "not one of dispose",
        ),
        (
            lambda d: d["classes"]["quarantine"].update(clock="closed"),
            "clock 'closed' is not one of",
        ),
        (
            lambda d: d["classes"]["referral"]["rules"][1]["when"]["all"].update(colour="red"),
            "unknown attribute",
        ),
        (
            lambda d: d["classes"]["referral"]["rules"][1]["when"]["all"].update(
                risk_level="severe"
            ),
            "not in ['high', 'medium', 'standard']",
        ),
        (
            lambda d: d["classes"]["ledger_event"]["rules"][0].update(id="referral-standard"),
            "used twice",
        ),
        (
            lambda d: d["classes"]["ledger_event"]["rules"][0].update(period="permanent"),
            "`keep` goes with",
        ),
        (lambda d: d["classes"].update(incidents={"rules": []}), "unknown record class"),
    ],
)
def test_schedule_mistakes_are_reported_with_where_they_are(change: Any, message: str) -> None:
    data = copy.deepcopy(_default())
    change(data)
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_schedule(data, source="retention.yaml")


def test_several_mistakes_come_back_together() -> None:
    data = _default()
    data["classes"]["quarantine"]["rules"][0]["period"] = "soon"
    data["classes"]["inbound_original"]["rules"][0]["action"] = "burn"
    with pytest.raises(ConfigError) as caught:
        parse_schedule(data)
    assert len(caught.value.problems) == 2


def test_periods_count_back_from_the_run_date() -> None:
    assert Period.parse("6y").last_due_clock(date(2032, 6, 1)) == date(2026, 6, 1)
    assert Period.parse("30d").last_due_clock(date(2032, 6, 1)) == date(2032, 5, 2)
    assert Period.parse("1y").last_due_clock(date(2028, 2, 29)) == date(2027, 2, 28)
    assert Period.parse("18m").last_due_clock(date(2032, 6, 1)) == date(2030, 12, 1)
    assert Period.parse("permanent").last_due_clock(date(2032, 6, 1)) is None
