"""The demo's summary: per partner what was sent, answered, loaded and rejected, and a page."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from sqlalchemy import func, select

from asbhub.demo.simulator import PartnerReply
from asbhub.ledger.verify import summary_of
from asbhub.partners import PartnerConfig
from asbhub.store.engine import Store
from asbhub.store.models import Delivery, DisposalNotice, InboundFile, Outcome, QuarantineItem


class PartnerSummary(BaseModel):
    partner_id: str
    kind: str
    transport: str
    batches: int
    referrals_sent: int
    outcomes_sent: int
    outcomes_loaded: int
    rows_quarantined: int
    files_rejected: int
    rejection_reports: int
    notices_sent: int
    acks_received: int


def _counts(session: Any, column: Any, *where: Any) -> dict[str, int]:
    query = select(column, func.count()).group_by(column)
    for condition in where:
        query = query.where(condition)
    return {key: int(n) for key, n in session.execute(query).all()}


def partner_summaries(
    hub_url: str, partners: Sequence[PartnerConfig], replies: Sequence[PartnerReply]
) -> list[PartnerSummary]:
    store = Store(hub_url)
    try:
        with store.session() as session:
            batches = _counts(session, Delivery.partner_id, Delivery.status == "delivered")
            sent = dict(
                session.execute(
                    select(Delivery.partner_id, func.sum(Delivery.record_count)).group_by(
                        Delivery.partner_id
                    )
                ).all()
            )
            loaded = _counts(session, Outcome.partner_id)
            rows_q = _counts(
                session,
                QuarantineItem.partner_id,
                QuarantineItem.source == "inbound",
                QuarantineItem.line.is_not(None),
            )
            files_q = _counts(
                session,
                QuarantineItem.partner_id,
                QuarantineItem.source == "inbound",
                QuarantineItem.line.is_(None),
            )
            reports = _counts(
                session, InboundFile.partner_id, InboundFile.rejection_report.is_not(None)
            )
            notices, acked = _notice_counts(session)
    finally:
        store.dispose()
    answered: dict[str, int] = {}
    for reply in replies:
        answered[reply.partner_id] = answered.get(reply.partner_id, 0) + reply.outcomes_sent
    return [
        PartnerSummary(
            partner_id=p.id,
            kind=p.kind,
            transport=p.transport.type,
            batches=batches.get(p.id, 0),
            referrals_sent=int(sent.get(p.id) or 0),
            outcomes_sent=answered.get(p.id, 0),
            outcomes_loaded=loaded.get(p.id, 0),
            rows_quarantined=rows_q.get(p.id, 0),
            files_rejected=files_q.get(p.id, 0),
            rejection_reports=reports.get(p.id, 0),
            notices_sent=notices.get(p.id, 0),
            acks_received=acked.get(p.id, 0),
        )
        for p in partners
    ]


def _notice_counts(session: Any) -> tuple[dict[str, int], dict[str, int]]:
    sent = _counts(session, DisposalNotice.partner_id, DisposalNotice.sent_at.is_not(None))
    acked = _counts(session, DisposalNotice.partner_id, DisposalNotice.acknowledged_at.is_not(None))
    return sent, acked


def with_notices(hub_url: str, summaries: Sequence[PartnerSummary]) -> list[PartnerSummary]:
    """The summaries with the disposal notices sent to each partner and the acks it returned."""
    store = Store(hub_url)
    try:
        with store.session() as session:
            sent, acked = _notice_counts(session)
    finally:
        store.dispose()
    return [
        s.model_copy(
            update={
                "notices_sent": sent.get(s.partner_id, 0),
                "acks_received": acked.get(s.partner_id, 0),
            }
        )
        for s in summaries
    ]


COLUMNS = [
    ("partner_id", "partner"),
    ("transport", "via"),
    ("batches", "batches"),
    ("referrals_sent", "referrals sent"),
    ("outcomes_loaded", "outcomes loaded"),
    ("rows_quarantined", "rows quarantined"),
    ("files_rejected", "files rejected"),
    ("rejection_reports", "rejection reports"),
    ("notices_sent", "disposal notices"),
    ("acks_received", "acks"),
]


def write_page(
    path: Path,
    partners: Sequence[PartnerSummary],
    disposal: dict[str, Any],
    ledger: dict[str, Any],
    certificate: Path,
    runs: Sequence[Any],
) -> Path:
    """A plain HTML page with the night's figures and links to the certificate."""
    esc = html.escape
    head = "".join(f"<th scope='col'>{esc(label)}</th>" for _, label in COLUMNS)
    rows = "".join(
        "<tr>" + "".join(f"<td>{esc(str(getattr(p, key)))}</td>" for key, _ in COLUMNS) + "</tr>"
        for p in partners
    )
    failed_runs = [r for r in runs if r.state != "success"]
    verdict = "verified" if disposal.get("verified") else "NOT verified"
    ledger_text = esc(summary_of(ledger))  # per kind, live and sealed; says what it checked
    path.write_text(
        f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ASB hub demo night</title>
<style>body{{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}}
table{{border-collapse:collapse}}td,th{{border:1px solid #999;padding:.3rem .6rem;text-align:right}}
td:first-child,th:first-child{{text-align:left}}</style></head>
<body><main>
<h1>ASB partner data hub: demo night</h1>
<p>{len(runs)} DAG runs, {len(failed_runs)} not successful. All data is synthetic.</p>
<h2>Partners</h2>
<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>
<h2>Disposal run {esc(str(disposal.get("run_id")))}</h2>
<p>As of {esc(str(disposal.get("as_of")))}: {esc(str(disposal.get("planned")))} records planned,
{verdict}. <a href="{esc(certificate.name)}">Disposal certificate (HTML)</a></p>
<h2>Ledger</h2><p>{ledger_text}</p>
</main></body></html>
""",
        encoding="utf-8",
    )
    return path
