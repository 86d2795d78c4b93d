"""The retention schedule (config/retention.yaml): record classes, rules, and the proof that each
record falls under exactly one rule."""

from __future__ import annotations

import calendar
import hashlib
import itertools
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal

import yaml

from asbhub.errors import ConfigError

Action = Literal["dispose", "review", "keep"]
Value = str | bool


@dataclass(frozen=True)
class RecordClass:
    """What the hub knows about a class: the attributes rules may test, and the clocks it has."""

    attributes: dict[str, tuple[Value, ...]]
    clocks: tuple[str, ...]


# The hub's record classes. Attribute domains are closed, so overlap and coverage can be proven
# by trying every combination.
RECORD_CLASSES: dict[str, RecordClass] = {
    "referral": RecordClass(
        {"risk_level": ("high", "medium", "standard"), "vulnerable_victim": (True, False)},
        ("closed",),
    ),
    # Referrals no partner has closed: their clock is their last activity (outcome, delivery,
    # creation), so a case still being worked never falls due.
    "referral_unclosed": RecordClass(
        {"risk_level": ("high", "medium", "standard"), "vulnerable_victim": (True, False)},
        ("last_activity",),
    ),
    # Incidents referred to no partner (not ASB, or no partner covers them).
    "incident_unreferred": RecordClass({"is_asb": (True, False)}, ("last_activity",)),
    "delivery": RecordClass({"acknowledged": (True, False)}, ("acknowledged", "delivered")),
    "quarantine": RecordClass({"source": ("ingest", "inbound")}, ("quarantined",)),
    "inbound_original": RecordClass({}, ("received",)),
    "rejection_report": RecordClass({}, ("sent",)),
    "disposal_notice": RecordClass({"acknowledged": (True, False)}, ("acknowledged", "issued")),
    "legal_hold": RecordClass({}, ("removed",)),
    "ledger_event": RecordClass({}, ("logged",)),
    "disposal_certificate": RecordClass({}, ("verified",)),
}

_PERIOD = re.compile(r"^(\d{1,3})([dmy])$")


@dataclass(frozen=True)
class Period:
    """A retention period in days, months or years; `permanent` has no end."""

    amount: int
    unit: Literal["d", "m", "y", "permanent"]

    @classmethod
    def parse(cls, text: object) -> Period:
        if str(text).strip().lower() == "permanent":
            return cls(0, "permanent")
        match = _PERIOD.match(str(text).strip().lower())
        if not match or int(match.group(1)) == 0:
            raise ValueError(f"{text!r} is not a period like 30d, 18m, 6y or permanent")
        return cls(int(match.group(1)), match.group(2))  # type: ignore[arg-type]

    def last_due_clock(self, as_of: date) -> date | None:
        """The latest clock date whose period has run out by `as_of` (None: never)."""
        if self.unit == "permanent":
            return None
        if self.unit == "d":
            return as_of - timedelta(days=self.amount)
        months = self.amount * (12 if self.unit == "y" else 1)
        year, month = divmod(as_of.year * 12 + as_of.month - 1 - months, 12)
        day = min(as_of.day, calendar.monthrange(year, month + 1)[1])
        return date(year, month + 1, day)

    def __str__(self) -> str:
        return "permanent" if self.unit == "permanent" else f"{self.amount}{self.unit}"


@dataclass(frozen=True)
class Rule:
    """One rule of a class: which records (`when`), from which clock, how long, and then what."""

    id: str
    record_class: str
    description: str
    mode: Literal["all", "any"]
    when: dict[str, frozenset[Value]]
    clock: str
    period: Period
    action: Action

    def matches(self, attributes: dict[str, Value]) -> bool:
        if not self.when:
            return True
        tests = (attributes[name] in allowed for name, allowed in self.when.items())
        return all(tests) if self.mode == "all" else any(tests)


@dataclass(frozen=True)
class ReviewStage:
    """One pair of eyes a disposal run needs before it executes, in the schedule's order."""

    id: str
    title: str


# Without `review_stages`, one: the information manager's.
DEFAULT_STAGES = (ReviewStage("information_manager", "Information manager"),)
_STAGE_ID = re.compile(r"^[a-z][a-z0-9_]{1,39}$")


@dataclass(frozen=True)
class Schedule:
    version: str
    digest: str
    source: str
    rules: dict[str, list[Rule]] = field(default_factory=dict)
    review_stages: tuple[ReviewStage, ...] = DEFAULT_STAGES

    def stage(self, stage_id: str) -> ReviewStage:
        for stage in self.review_stages:
            if stage.id == stage_id:
                return stage
        known = ", ".join(s.id for s in self.review_stages)
        raise ConfigError(f"{self.source}: no review stage {stage_id!r} (stages: {known})")

    def rules_of(self, record_class: str) -> list[Rule]:
        return self.rules.get(record_class, [])

    def rule(self, rule_id: str) -> Rule:
        for rules in self.rules.values():
            for rule in rules:
                if rule.id == rule_id:
                    return rule
        raise KeyError(rule_id)

    def rule_for(self, record_class: str, attributes: dict[str, Value]) -> Rule:
        """The one rule a record falls under (load-time checks guarantee exactly one)."""
        return next(r for r in self.rules_of(record_class) if r.matches(attributes))


def load_schedule(path: str | Path) -> Schedule:
    """Read and check the schedule; every problem is reported at once, with where it is."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the retention schedule: {exc.strerror}") from exc
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from exc
    return parse_schedule(data, source=str(path), digest=hashlib.sha256(raw).hexdigest())


def review_stages(config_dir: str | Path) -> tuple[ReviewStage, ...]:
    """The review stages of the schedule in `config_dir`: the information manager's alone when
    there is no schedule; a wrong schedule is refused (ConfigError), where it shows."""
    path = Path(config_dir) / "retention.yaml"
    return load_schedule(path).review_stages if path.is_file() else DEFAULT_STAGES


def parse_schedule(data: Any, source: str = "retention.yaml", digest: str = "") -> Schedule:
    problems: list[str] = []
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: expected a mapping with `version` and `classes`")
    version = data.get("version")
    if not isinstance(version, str | int | float) or not str(version).strip():
        problems.append(f"{source}: `version` is missing; every disposal run records it")
    unknown_top = set(data) - {"version", "classes", "review_stages"}
    if unknown_top:
        problems.append(
            f"{source}: unknown keys {sorted(unknown_top)} "
            "(expected version, classes, review_stages)"
        )
    stages = _parse_stages(data.get("review_stages"), source, problems)
    classes = data.get("classes")
    if not isinstance(classes, dict):
        raise ConfigError(
            [*problems, f"{source}: `classes` must map each record class to its rules"]
        )
    for name in sorted(set(RECORD_CLASSES) - set(classes)):
        problems.append(
            f"{source}: record class {name!r} has no rules; every class needs a destiny"
        )
    rules: dict[str, list[Rule]] = {}
    seen_ids: set[str] = set()
    for name, body in classes.items():
        where = f"{source}: classes.{name}"
        if name not in RECORD_CLASSES:
            problems.append(f"{where}: unknown record class (known: {', '.join(RECORD_CLASSES)})")
            continue
        rules[name] = _parse_class(name, body, where, problems, seen_ids)
        problems.extend(_overlaps_and_gaps(name, rules[name], where))
    if problems:
        raise ConfigError(problems)
    return Schedule(
        version=str(version), digest=digest, source=source, rules=rules, review_stages=stages
    )


def _parse_stages(raw: Any, source: str, problems: list[str]) -> tuple[ReviewStage, ...]:
    """`review_stages`: a list of {id, title}, approved in that order, each by another person."""
    if raw is None:
        return DEFAULT_STAGES
    where = f"{source}: review_stages"
    if not isinstance(raw, list) or not raw:
        problems.append(f"{where}: a list of stages, each with `id` and `title`")
        return DEFAULT_STAGES
    stages: list[ReviewStage] = []
    for index, item in enumerate(raw):
        at = f"{where}[{index}]"
        if not isinstance(item, dict) or set(item) != {"id", "title"}:
            problems.append(f"{at}: needs exactly `id` and `title`")
            continue
        stage_id, title = str(item["id"]), str(item["title"]).strip()
        if not _STAGE_ID.match(stage_id):
            problems.append(f"{at}.id: {stage_id!r} is not like information_manager")
        elif stage_id in {s.id for s in stages}:
            problems.append(f"{at}.id: {stage_id!r} is named twice")
        if not title:
            problems.append(f"{at}.title: empty")
        stages.append(ReviewStage(stage_id, title))
    return tuple(stages)


def _parse_class(
    name: str, body: Any, where: str, problems: list[str], seen: set[str]
) -> list[Rule]:
    spec = RECORD_CLASSES[name]
    if not isinstance(body, dict) or not isinstance(body.get("rules"), list) or not body["rules"]:
        problems.append(f"{where}: needs a non-empty list `rules`")
        return []
    unknown = set(body) - {"description", "clock", "rules"}
    if unknown:
        problems.append(f"{where}: unknown keys {sorted(unknown)}")
    parsed: list[Rule] = []
    for index, item in enumerate(body["rules"]):
        at = f"{where}.rules[{index}]"
        if not isinstance(item, dict):
            problems.append(f"{at}: a rule is a mapping with id, period and action")
            continue
        before = len(problems)
        unknown = set(item) - {"id", "description", "when", "clock", "period", "action"}
        if unknown:
            problems.append(f"{at}: unknown keys {sorted(unknown)}")
        rule_id = str(item.get("id") or "").strip()
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]{1,78}", rule_id):
            problems.append(
                f"{at}: `id` must be lower-case letters, digits and dashes, e.g. referral-6y"
            )
        elif rule_id in seen:
            problems.append(f"{at}: rule id {rule_id!r} is used twice")
        seen.add(rule_id)
        clock = item.get("clock") or body.get("clock")
        if clock not in spec.clocks:
            problems.append(f"{at}: clock {clock!r} is not one of {list(spec.clocks)} for {name}")
        period: Period | None = None
        try:
            period = Period.parse(item.get("period"))
        except ValueError as exc:
            problems.append(f"{at}.period: {exc}")
        action = item.get("action")
        if action not in ("dispose", "review", "keep"):
            problems.append(f"{at}.action: {action!r} is not one of dispose, review, keep")
        elif period is not None and (action == "keep") != (period.unit == "permanent"):
            problems.append(f"{at}: `keep` goes with period `permanent`, and only with it")
        mode, when = _parse_when(item.get("when"), spec, f"{at}.when", problems)
        if len(problems) == before and period is not None:
            parsed.append(
                Rule(
                    rule_id,
                    name,
                    str(item.get("description") or ""),
                    mode,
                    when,
                    str(clock),
                    period,
                    action,  # type: ignore[arg-type]
                )
            )
    return parsed


def _parse_when(
    when: Any, spec: RecordClass, at: str, problems: list[str]
) -> tuple[Literal["all", "any"], dict[str, frozenset[Value]]]:
    if when in (None, {}):
        return "all", {}
    if not isinstance(when, dict) or len(when) != 1 or next(iter(when)) not in ("all", "any"):
        problems.append(f"{at}: write `{{all: {{...}}}}` or `{{any: {{...}}}}`")
        return "all", {}
    mode, tests = next(iter(when.items()))
    if not isinstance(tests, dict) or not tests:
        problems.append(f"{at}.{mode}: give attribute: value (or [values]) pairs")
        return mode, {}
    parsed: dict[str, frozenset[Value]] = {}
    for attribute, value in tests.items():
        domain = spec.attributes.get(attribute)
        if domain is None:
            known = ", ".join(spec.attributes) or "none"
            problems.append(f"{at}.{mode}.{attribute}: unknown attribute (this class has: {known})")
            continue
        values = value if isinstance(value, list) else [value]
        wrong = [v for v in values if v not in domain]
        if wrong or not values:
            problems.append(f"{at}.{mode}.{attribute}: {wrong or values} not in {list(domain)}")
            continue
        parsed[attribute] = frozenset(values)
    return mode, parsed


def _overlaps_and_gaps(name: str, rules: list[Rule], where: str) -> list[str]:
    """Try every combination of the class's attributes: each must match exactly one rule."""
    spec = RECORD_CLASSES[name]
    problems: list[str] = []
    names = list(spec.attributes)
    for combo in itertools.product(*(spec.attributes[n] for n in names)):
        attributes = dict(zip(names, combo, strict=True))
        matched = [r.id for r in rules if r.matches(attributes)]
        described = ", ".join(f"{k}={v}" for k, v in attributes.items()) or "any record"
        if len(matched) > 1:
            problems.append(
                f"{where}: rules {' and '.join(matched)} overlap: a record with "
                f"{described} would fall under both"
            )
        elif not matched and rules:
            problems.append(f"{where}: no rule covers a record with {described}")
    return problems
