"""The thresholds the hub watches in its store, each a function from the hub to its alerts:
high-risk referrals not collected in time, disposal acks overdue, the last ledger verification
failed. `asbhub alerts check` and the hourly `hub_alerts` DAG run THRESHOLD_CHECKS in turn.

A new threshold is one more function here and one more AlertKind (asbhub.alerts.model says
where the Community Trigger will go once the hub records what it needs).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from asbhub.alerts.model import MAX_REFERENCES, MAX_TEXT, REFERENCE, Alert, AlertKind
from asbhub.errors import HubError
from asbhub.store.models import Delivery, Referral

if TYPE_CHECKING:
    from asbhub.casereview.model import CaseReviewResult
    from asbhub.pipeline.inbound.run import InboundResult
    from asbhub.pipeline.inbound.status import InboundFileResult
    from asbhub.runtime import Hub

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Thresholds:
    """What a check is judged against: the time now, and the hours a high-risk referral may wait
    in a partner's inbox (ASBHUB_ALERTS_COLLECT_HOURS, or `--hours`)."""

    now: datetime
    collect_hours: int


ThresholdCheck = Callable[["Hub", Thresholds], list[Alert]]


def high_risk_not_collected(hub: Hub, limits: Thresholds) -> list[Alert]:
    """Per partner, the high-risk referrals in batches delivered more than `collect_hours` ago
    that the partner has not collected. Before alerting, the hub looks in the partner's inbox
    (as the next delivery would), so a batch collected since is not reported."""
    waiting = _uncollected_high_risk(hub, limits)
    if waiting:
        _note_collected(hub, sorted(waiting))
        waiting = _uncollected_high_risk(hub, limits)
    alerts = []
    for partner_id, rows in sorted(waiting.items()):
        referrals = sorted({referral for referral, _ in rows})
        batches = sorted({batch for _, batch in rows})
        alerts.append(
            Alert(
                kind=AlertKind.HIGH_RISK_NOT_COLLECTED,
                partner_id=partner_id,
                references=(*batches, *referrals),
                text=f"{partner_id}: {len(referrals)} high-risk referral(s) in "
                f"{len(batches)} batch(es) delivered more than {limits.collect_hours} hours ago "
                f"are not collected from the inbox: {', '.join(batches)}",
            )
        )
    return alerts


def _uncollected_high_risk(hub: Hub, limits: Thresholds) -> dict[str, list[tuple[str, str]]]:
    cutoff = limits.now - timedelta(hours=limits.collect_hours)
    with hub.store.session() as session:
        rows = session.execute(
            select(Delivery.partner_id, Referral.referral_id, Delivery.batch_id)
            .join(Delivery, Delivery.batch_id == Referral.batch_id)
            .where(
                Referral.high_risk.is_(True),
                Delivery.status == "delivered",
                Delivery.acknowledged_at.is_(None),
                Delivery.delivered_at <= cutoff,
            )
        ).all()
    waiting: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for partner_id, referral_id, batch_id in rows:
        waiting[partner_id].append((referral_id, batch_id))
    return dict(waiting)


def _note_collected(hub: Hub, partner_ids: Sequence[str]) -> None:
    """Record the batches these partners have collected since their last delivery. A partner
    whose server cannot be reached keeps its alert: not known to be collected."""
    from asbhub.pipeline.outbound import note_collected_batches
    from connectors import open_transport

    known = {p.id: p for p in hub.partners}
    for partner_id in partner_ids:
        partner = known.get(partner_id)
        if partner is None:  # a partner no longer configured: its batches stay as they are
            continue
        try:
            with open_transport(partner.transport) as transport:
                note_collected_batches(hub, partner, transport)
        except (HubError, OSError) as exc:  # transport or its connection: say, and go on
            log.warning("%s: inbox not looked at (%s)", partner_id, type(exc).__name__)


def disposal_acks_overdue(hub: Hub, limits: Thresholds) -> list[Alert]:
    """Per partner, the disposal notices not acknowledged within the ISA's `disposal_ack_days`."""
    from asbhub.retention.notices import notice_status

    with hub.store.session() as session:
        status = notice_status(session, limits.now.date(), partner_days=hub.ack_days())
    by_partner = defaultdict(list)
    for notice in status.overdue:
        by_partner[notice.partner_id].append(notice)
    alerts = []
    for partner_id, notices in sorted(by_partner.items()):
        oldest = max(n.days_overdue for n in notices)
        alerts.append(
            Alert(
                kind=AlertKind.DISPOSAL_ACKS_OVERDUE,
                partner_id=partner_id,
                references=tuple(n.notice_id for n in notices),
                text=f"{partner_id}: {len(notices)} disposal notice(s) not acknowledged by "
                f"their deadline; the oldest is {oldest} day(s) overdue",
            )
        )
    return alerts


def ledger_verification_failed(hub: Hub, limits: Thresholds) -> list[Alert]:
    """The last recorded ledger verification (`asbhub ledger verify`, the audit view), when it
    found the chain broken."""
    from asbhub.web.health import last_verification

    with hub.store.session() as session:
        last = last_verification(session)
    if last is None or last.result.ok:
        return []
    result = last.result
    # The problem names event numbers and what is wrong with the chain, nothing of an event.
    return [
        Alert(
            kind=AlertKind.LEDGER_VERIFICATION_FAILED,
            references=(f"ledger-event-{result.first_bad_seq}",),
            text=shorten(
                f"the ledger verification of {last.at:%Y-%m-%d %H:%M} UTC found the chain broken "
                f"at event {result.first_bad_seq}: {result.problem}"
            ),
        )
    ]


THRESHOLD_CHECKS: tuple[ThresholdCheck, ...] = (
    high_risk_not_collected,
    disposal_acks_overdue,
    ledger_verification_failed,
)


def check_thresholds(hub: Hub, collect_hours: int, now: datetime | None = None) -> list[Alert]:
    """Every threshold check's alerts, in THRESHOLD_CHECKS order."""
    limits = Thresholds(now=now or datetime.now(UTC), collect_hours=collect_hours)
    return [alert for check in THRESHOLD_CHECKS for alert in check(hub, limits)]


def community_trigger_alerts(hub: Hub, result: CaseReviewResult) -> list[Alert]:
    """One alert per trigger an evaluation opened, for the operators and one for each partner
    holding a referral about one of its incidents: references and counts only."""
    from asbhub.casereview.triggers import open_triggers

    opened = {c.trigger_id for c in result.opened}
    if not opened:
        return []
    with hub.store.session() as session:
        listed = [t for t in open_triggers(session).triggers if t.trigger_id in opened]
    alerts = []
    for trigger in listed:
        text = shorten(
            f"Community Trigger {trigger.trigger_id} ({trigger.kind}): {trigger.complaints} "
            f"complaint(s) in {trigger.window} to {trigger.opened_as_of} meet the threshold of "
            f"{trigger.threshold}"
        )
        references = (trigger.trigger_id, *trigger.incidents[: MAX_REFERENCES - 1])
        for partner_id in [None, *trigger.partners]:
            alerts.append(
                Alert(
                    kind=AlertKind.COMMUNITY_TRIGGER_MET,
                    partner_id=partner_id,
                    references=references,
                    text=text,
                )
            )
    return alerts


def inbound_alerts(result: InboundResult) -> list[Alert]:
    """The alert lines an inbound run raised about partners' files (a quarantine rate over the
    ISA's, batch expectations failed, a file refused or not processed), one alert per file.
    The pipeline writes them from partner ids, file names and counts."""
    return [alert for p in result.partners for alert in file_alerts(p.partner_id, p.files)]


def file_alerts(partner_id: str, files: Sequence[InboundFileResult]) -> list[Alert]:
    """One alert per file of one partner that raised one (the inbound DAG's fetch and load
    tasks send theirs, as `asbhub inbound run` does)."""
    return [
        Alert(
            kind=AlertKind.INBOUND_FILE,
            partner_id=partner_id,
            references=(f.name,) if REFERENCE.fullmatch(f.name) else (),
            text=shorten(f.alert),
        )
        for f in files
        if f.alert
    ]


def shorten(text: str) -> str:
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"
