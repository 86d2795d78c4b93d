"""The checks a partner's batch passes before it is staged, split by what they judge.

Per-record checks (the incident's detail is held, the referral/1.0 contract, the narrative
holds none of the record's own values after redaction, the row-level expectations of
`expectations/referral_feed`, among them the last-line PII scan) set the one failing referral
aside with its reason; the rest of the batch goes on. Batch-level checks (the
row-count bounds, a column that must exist) judge the batch as a whole and stop it.

Projecting a referral is also when its incident's keyed deny list is kept
(`asbhub.minimise.deny_lists`), for the notes the partner sends back once the detail is cleared.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from asbhub.minimise.deny_lists import keep_deny_lists
from asbhub.minimise.projection import LONDON, Projector, known_pii, view_columns
from asbhub.partners import PartnerConfig
from asbhub.runtime import Hub
from asbhub.store.models import Incident, Referral
from contracts.enums import AgencyKind, AsbType, NsirCategory, RiskLevel
from contracts.referral import Referral as ReferralRecord

if TYPE_CHECKING:
    from expectations.runner import SuiteResult

EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
FIRST_NIGHTS_CEILING = 100_000  # row-count ceiling until a partner has a few nights of history
MIN_ROWS = 0  # a quiet night may send no referrals (only disposal notices, or nothing)
MIN_ROW_CEILING = 200  # a quiet partner's ceiling never drops below this
PII_COLUMN = "structured_pii_in_free_text"
CHECK_COLUMNS = [
    "referral_id",
    "nsir_category",
    "asb_type",
    "risk_level",
    "lead_agency",
    "reported_at",
    "reported_date",
    PII_COLUMN,
]


class RecordCheck(StrEnum):
    """Which per-record check a set-aside referral failed."""

    DETAIL = "detail"  # the incident's full record is no longer held
    CONTRACT = "contract"  # the partner's view would not be valid referral/1.0
    EXPECTATION = "expectation"  # a row-level expectation of the feed's suite
    PII_SCAN = "pii_scan"  # the narrative still holds an identifier or a value of its own


class SetAsideRecord(BaseModel):
    referral_id: str
    check: RecordCheck
    reason: str


@dataclass(frozen=True)
class CheckedBatch:
    """What the checks made of a batch: the referrals that may go (with their positions in the
    rows given), those set aside, and a batch-level problem that stops the whole batch."""

    passed: list[tuple[int, ReferralRecord]] = field(default_factory=list)
    set_aside: list[tuple[int, SetAsideRecord]] = field(default_factory=list)
    expectations: dict[str, Any] | None = None
    batch_problem: str | None = None


def check_batch(
    hub: Hub,
    partner: PartnerConfig,
    night: date,
    rows: Sequence[tuple[Referral, Incident]],
    recent_counts: Sequence[int],
) -> CheckedBatch:
    """Project each referral, then run the feed's suite; set aside what fails on its own."""
    projected, set_aside = project_referrals(hub, partner, rows)
    keep_deny_lists(hub.store, hub.ledger_key, [incident for _, incident in rows])
    suite = _run_suite(hub, partner, night, [r for _, r in projected], recent_counts)
    failing_rows: dict[int, SetAsideRecord] = {}
    batch_problems = []
    for outcome in suite.outcomes:
        if outcome.success:
            continue
        what = outcome.expectation + (f" on {outcome.column}" if outcome.column else "")
        if outcome.unexpected_rows is None:
            batch_problems.append(
                what + (f" (observed {outcome.observed})" if outcome.observed else "")
            )
            continue
        for position in outcome.unexpected_rows:
            referral_id = projected[position][1].referral_id
            if outcome.column == PII_COLUMN:
                failing_rows[position] = SetAsideRecord(
                    referral_id=referral_id,
                    check=RecordCheck.PII_SCAN,
                    reason="the narrative still holds a structured identifier after redaction "
                    "(last-line PII scan)",
                )
            else:
                failing_rows.setdefault(
                    position,
                    SetAsideRecord(
                        referral_id=referral_id,
                        check=RecordCheck.EXPECTATION,
                        reason=f"{what} failed for this record",
                    ),
                )
    if batch_problems:
        return CheckedBatch(
            expectations=suite.model_dump(mode="json"),
            batch_problem="referral_feed expectations failed: " + "; ".join(batch_problems),
        )
    set_aside += [(projected[pos][0], record) for pos, record in sorted(failing_rows.items())]
    passed = [pair for pos, pair in enumerate(projected) if pos not in failing_rows]
    if failing_rows:
        # Look again at what is left: the batch that goes must itself pass the whole suite.
        suite = _run_suite(hub, partner, night, [r for _, r in passed], recent_counts)
        if not suite.success:
            return CheckedBatch(
                expectations=suite.model_dump(mode="json"),
                batch_problem="referral_feed expectations failed on the batch left after "
                "setting records aside: " + "; ".join(suite.failures()),
            )
    return CheckedBatch(
        passed=passed, set_aside=set_aside, expectations=suite.model_dump(mode="json")
    )


def project_referrals(
    hub: Hub, partner: PartnerConfig, rows: Sequence[tuple[Referral, Incident]]
) -> tuple[list[tuple[int, ReferralRecord]], list[tuple[int, SetAsideRecord]]]:
    """Each referral through the ISA, narrative redacted, validated as referral/1.0, its
    narrative free of the record's own values; those that are not come back set aside with the
    reason (field names and entity types only, never values)."""
    narratives = hub.redactions.redact_incidents(
        (
            (incident.incident_ref, incident.payload)
            for _, incident in rows
            if incident.payload is not None
        ),
        keep_force_references=shares_incident_ref(partner),
    )
    projector = Projector(partner, hub.pseudonym_keys, hub.redactions.redact_one)
    records: list[tuple[int, ReferralRecord]] = []
    set_aside: list[tuple[int, SetAsideRecord]] = []
    for index, (referral, incident) in enumerate(rows):
        if incident.payload is None:
            set_aside.append(
                (
                    index,
                    _aside(referral, RecordCheck.DETAIL, "its incident's detail is no longer held"),
                )
            )
            continue
        if incident.incident_ref in hub.redactions.withheld:
            reason = "its narrative could not be redacted (the engine failed on it)"
            set_aside.append((index, _aside(referral, RecordCheck.PII_SCAN, reason)))
            continue
        try:
            view = projector.project(
                canonical_referral(incident.payload, referral),
                redacted={"narrative": narratives[incident.incident_ref]},
            )
        except (ValueError, TypeError, KeyError) as exc:
            # The message may quote the value; the reason names only what went wrong.
            reason = f"could not be cut down to the ISA ({type(exc).__name__})"
            set_aside.append((index, _aside(referral, RecordCheck.CONTRACT, reason)))
            continue
        try:
            record = ReferralRecord.model_validate(view)
        except ValidationError as exc:
            problems = "; ".join(
                f"field {'.'.join(str(p) for p in error['loc'])}: {error['msg']}"
                for error in exc.errors()
            )
            reason = f"would not be valid referral/1.0 ({problems})"
            set_aside.append((index, _aside(referral, RecordCheck.CONTRACT, reason)))
            continue
        left = hub.redactions.leftover_known(record.narrative or "", known_pii(incident.payload))
        if left:
            set_aside.append((index, _aside(referral, RecordCheck.PII_SCAN, own_values(left))))
            continue
        records.append((index, record))
    return records, set_aside


def shares_incident_ref(partner: PartnerConfig) -> bool:
    """The partner's ISA shares the force's incident reference: its narratives keep them."""
    return partner.isa.fields.get("incident_ref") == "share"


def own_values(entity_types: Sequence[str]) -> str:
    """A set-aside reason that names what kind of value was left, never the value."""
    return (
        f"the narrative still holds the record's own {', '.join(entity_types)} after redaction "
        "(last-line check against the record's deny list)"
    )


def _aside(referral: Referral, check: RecordCheck, reason: str) -> SetAsideRecord:
    return SetAsideRecord(referral_id=referral.referral_id, check=check, reason=reason)


def canonical_referral(payload: dict[str, Any], referral: Referral) -> dict[str, Any]:
    return {
        **payload,
        "referral_id": referral.referral_id,
        "referred_at": referral.created_at.isoformat(),
        "high_risk": referral.high_risk,
    }


def _run_suite(
    hub: Hub,
    partner: PartnerConfig,
    night: date,
    records: Sequence[ReferralRecord],
    recent_counts: Sequence[int],
) -> SuiteResult:
    """Run `expectations/referral_feed` over the records; the result names failing rows."""
    from expectations.runner import run_suite

    if not records and MIN_ROWS == 0:
        return nothing_to_check()
    keep_references = shares_incident_ref(partner)
    check_rows = [
        {
            "referral_id": r.referral_id,
            "nsir_category": _value(r.nsir_category),
            "asb_type": _value(r.asb_type),
            "risk_level": _value(r.risk_level),
            "lead_agency": _value(r.lead_agency),
            "reported_at": r.reported_at,
            "reported_date": datetime.combine(r.reported_date, time(), LONDON)
            if r.reported_date
            else None,
            PII_COLUMN: hub.redactions.leftover_identifiers(r.narrative or "", keep_references),
        }
        for r in records
    ]
    shared = set(view_columns(partner))
    present = [c for c in CHECK_COLUMNS if c in shared or c == PII_COLUMN]
    night_start = datetime.combine(night, time(), LONDON)
    history = [c for c in recent_counts if c]
    return run_suite(
        "referral_feed",
        [{k: row[k] for k in present} for row in check_rows],
        present,
        {
            "enum:nsir_category": [e.value for e in NsirCategory],
            "enum:asb_type": [e.value for e in AsbType],
            "enum:risk_level": [e.value for e in RiskLevel],
            "enum:lead_agency": [e.value for e in AgencyKind],
            "earliest_date": EARLIEST,
            "night": night_start,
            "night_end": night_start + timedelta(days=1),
            "min_rows": MIN_ROWS,
            "max_rows": row_ceiling(history),
        },
        row_positions=True,
    )


def nothing_to_check() -> SuiteResult:
    """The suite's verdict on a batch of no referrals, without running Great Expectations.

    Such a batch passes whatever the suite holds: a row-level expectation holds of no rows,
    the row-count floor is MIN_ROWS (0) and the columns are the view's. A night of disposal
    notices only, or of nothing new, is common (most partners, most nights), and asking GX
    costs a few tenths of a second each time. The result says no expectation was run, and why.
    """
    from expectations.runner import SuiteResult, load_suite

    skipped = [
        spec["type"] + (f" on {spec['kwargs']['column']}" if "column" in spec["kwargs"] else "")
        for spec in load_suite("referral_feed")["expectations"]
    ]
    return SuiteResult(
        suite="referral_feed",
        success=True,
        records=0,
        outcomes=[],
        skipped=[f"{what}: no records to check" for what in skipped],
    )


def row_ceiling(history: Sequence[int]) -> int:
    """At most four times the partner's busiest recent night (a missed night doubles one)."""
    if len(history) < 3:
        return FIRST_NIGHTS_CEILING
    return max(MIN_ROW_CEILING, 4 * max(history))


def _value(member: Any) -> Any:
    return member.value if member is not None else None
