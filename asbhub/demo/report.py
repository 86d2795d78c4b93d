"""The demo's summary: per partner what was sent, answered, loaded and rejected; the hub-wide
figures (set-aside, disposal runs per class, review decisions, the force's outcome summary,
alerts caught, ledger, certificates); a page."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel
from rich.console import Console
from rich.table import Table
from sqlalchemy import func, select

from asbhub.demo.alert_mail import alert_lines, alert_note
from asbhub.demo.case_review import case_review_lines, case_review_note
from asbhub.demo.figures import SetAsideFigures
from asbhub.demo.force_summary import summary_lines, summary_note
from asbhub.demo.openpgp_figures import openpgp_lines, openpgp_note
from asbhub.demo.simulator import PartnerReply
from asbhub.demo.urgent import urgent_lines, urgent_note
from asbhub.ledger.verify import summary_of
from asbhub.partners import PartnerConfig
from asbhub.store.engine import Store
from asbhub.store.models import Delivery, DisposalNotice, InboundFile, Outcome, QuarantineItem

if TYPE_CHECKING:
    from asbhub.demo.run import DemoResult


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


@dataclass(frozen=True)
class Section:
    """One hub-wide figure of the night: a table (header first) and what to read it with."""

    title: str
    lines: list[list[str]]
    note: str = ""

    def numeric(self, column: int) -> bool:
        return all(line[column].isdigit() for line in self.lines[1:])


def write_page(path: Path, result: DemoResult) -> Path:
    """A plain HTML page with the night's figures and links to the certificates."""
    esc = html.escape
    head = "".join(f"<th scope='col'>{esc(label)}</th>" for _, label in COLUMNS)
    rows = "".join(
        "<tr>" + "".join(_cell(getattr(p, key)) for key, _ in COLUMNS) + "</tr>"
        for p in result.partners
    )
    failed_runs = [r for r in result.dag_runs if r.state != "success"]
    links = ", ".join(
        f'<a href="{esc(Path(c.html).name)}">{esc(c.run_id)}</a> '
        f'(<a href="{esc(Path(c.json_file).name)}">JSON</a>)'
        for c in result.certificates
    )
    path.write_text(
        f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ASB hub demo night</title>
<style>body{{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}}
table{{border-collapse:collapse;margin-bottom:.5rem}}
td,th{{border:1px solid #999;padding:.3rem .6rem;text-align:left}}
td.n{{text-align:right}}</style></head>
<body><main>
<h1>ASB partner data hub: demo night</h1>
<p>{len(result.dag_runs)} DAG runs, {len(failed_runs)} not successful. All data is synthetic.</p>
<h2>Partners</h2>
<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>
{"".join(_html_section(section) for section in hub_figures(result))}
<p>Disposal certificates: {links}</p>
</main></body></html>
""",
        encoding="utf-8",
    )
    return path


def _cell(value: object) -> str:
    """A table cell; counts align right."""
    text = html.escape(str(value))
    return f"<td class='n'>{text}</td>" if isinstance(value, int) else f"<td>{text}</td>"


def _html_section(section: Section) -> str:
    esc = html.escape
    header, *body = section.lines
    head = "".join(f"<th scope='col'>{esc(cell)}</th>" for cell in header)
    rows = "".join(
        "<tr>"
        + "".join(
            f"<td class='n'>{esc(c)}</td>" if section.numeric(n) else f"<td>{esc(c)}</td>"
            for n, c in enumerate(line)
        )
        + "</tr>"
        for line in body
    )
    note = f"<p>{esc(section.note)}</p>" if section.note else ""
    return (
        f"<h2>{esc(section.title)}</h2>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>{note}"
    )


def print_hub_figures(console: Console, result: DemoResult) -> None:
    """The hub-wide figures as console tables, the same as the page shows."""
    for section in hub_figures(result):
        header, *body = section.lines
        table = Table(title=section.title, title_justify="left")
        for n, label in enumerate(header):
            if section.numeric(n):
                table.add_column(label, justify="right")
            else:
                table.add_column(label, overflow="fold")
        for line in body:
            table.add_row(*line)
        console.print(table)
        if section.note:
            console.print(section.note, highlight=False)


def hub_figures(result: DemoResult) -> list[Section]:
    """Each hub-wide figure of the night; every value comes from the store or a `--json`
    result the demo read, never from what it asked for."""
    first, follow_up = result.disposal, result.follow_up
    return [
        Section("Ingest and feed checks", _checks_lines(result)),
        Section("Referrals set aside", _set_aside_lines(result.set_aside)),
        Section(
            "Incident changes (the force's re-extract)",
            _change_lines(result),
            "Read from the store: the update and withdrawal rows delivered in the partners' "
            "referral-changes files. An update the partner cannot see (a field its ISA drops) "
            "is not sent.",
        ),
        Section(_run_title("Disposal run", first), _classes(first)),
        Section("Review decisions", _decision_lines(result)),
        Section(
            _run_title("Follow-up run", follow_up),
            _classes(follow_up),
            _notices_note(follow_up),
        ),
        Section(
            f"The force's outcome summary, night {result.force_summary.night}",
            summary_lines(result.force_summary),
            summary_note(result.force_summary),
        ),
        Section(
            "Community Triggers, and the flags partners got",
            case_review_lines(result.case_review),
            case_review_note(result.case_review),
        ),
        Section(
            "An urgent referral in the day",
            urgent_lines(result.urgent),
            urgent_note(result.urgent),
        ),
        Section(
            "OpenPGP: the partner that receives it",
            openpgp_lines(result.openpgp),
            openpgp_note(result.openpgp),
        ),
        Section(
            "Alerts emailed, as the demo's mail server caught them",
            alert_lines(result.alerts),
            alert_note(result.alerts),
        ),
        Section(
            "Ledger events per kind, as `ledger verify` counted them",
            _ledger_lines(result.ledger),
            _ledger_note(result.ledger),
        ),
        Section(
            "Disposal certificates",
            _certificate_lines(result),
            "Compared: each JSON file's digest with the one recorded on its run and in the "
            "ledger's erasure event, and each HTML file with that JSON rendered again.",
        ),
    ]


def _notices_note(run: dict[str, Any]) -> str:
    """Why a run six years on lists tonight's disposal notices for review, when it does."""
    listed = sum(
        c["for_review"] for c in run.get("classes", []) if c["record_class"] == "disposal_notice"
    )
    if not listed:
        return ""
    return (
        f"The {listed} disposal notices listed for review are the first run's: both runs are "
        "dated six years on, and the partners acknowledge the notices only on the next night, "
        "so when this run is planned they are over a year old and unacknowledged."
    )


def _run_title(what: str, run: dict[str, Any]) -> str:
    verdict = "verified" if run.get("verified") is True else "NOT verified"
    return f"{what} {run.get('run_id')}, as of {run.get('as_of')}: {verdict}"


def _checks_lines(result: DemoResult) -> list[list[str]]:
    s = result.set_aside
    return [
        ["figure", "count"],
        [
            "unroutable incidents held by the ingest",
            "not read" if result.unroutable is None else str(result.unroutable),
        ],
        ["referrals set aside by the per-record checks", str(s.set_aside)],
        ["released after a fix", str(s.released)],
        ["delivered in a later batch after release", str(s.delivered_after_release)],
        ["still set aside", str(s.still_held)],
    ]


def _change_lines(result: DemoResult) -> list[list[str]]:
    revised, sent = result.re_extract, result.changes
    return [
        ["figure", "count"],
        [f"incidents raised to high risk in {revised.district}", str(len(revised.escalated))],
        [f"incidents moved to {revised.moved_to}", "1"],
        ["incidents judged not ASB after all", "1"],
        ["updates delivered", str(sent.updates)],
        ["of which escalations (acted on first)", str(sent.escalations)],
        ["withdrawals delivered", str(sent.withdrawals)],
        ["partners told", str(len(sent.partners))],
    ]


def _set_aside_lines(figures: SetAsideFigures) -> list[list[str]]:
    lines = [["referral", "partner", "check", "reason", "released by", "delivered in"]]
    lines += [
        [
            i.referral_id,
            i.partner_id,
            i.check,
            i.reason,
            f"{i.released_by}: {i.release_reason}" if i.released_by else "not released",
            i.delivered_in or "-",
        ]
        for i in figures.items
    ]
    return lines


def _classes(run: dict[str, Any]) -> list[list[str]]:
    keys = ("planned", "disposed", "held", "for_review", "kept_on_review")
    lines = [["class", "planned", "disposed", "held", "for review", "kept on review"]]
    lines += [[c["record_class"], *(str(c[k]) for k in keys)] for c in run.get("classes", [])]
    return lines


def _decision_lines(result: DemoResult) -> list[list[str]]:
    lines = [["decision", "rule", "by", "reason", "next review", "acted on by", "result"]]
    lines += [
        [
            f"{d.id}: {d.decision}",
            d.rule,
            d.decided_by,
            d.reason,
            str(d.next_review_on or "-"),
            d.applied_in or "no run yet",
            d.in_follow_up_run,
        ]
        for d in result.review_decisions
    ]
    return lines


def _ledger_lines(ledger: dict[str, Any]) -> list[list[str]]:
    counts = ledger.get("counts") or {}
    lines = [["kind", "live", "sealed"]]
    lines += [
        [kind, str(c.get("live", 0)), str(c.get("sealed", 0))] for kind, c in sorted(counts.items())
    ]
    totals = [sum(int(c.get(part, 0)) for c in counts.values()) for part in ("live", "sealed")]
    lines.append(["all kinds", *(str(t) for t in totals)])
    return lines


def _ledger_note(ledger: dict[str, Any]) -> str:
    """What the check covered; the whole verdict when it found the chain broken."""
    if not ledger.get("ok"):
        return summary_of(ledger)
    return (
        f"Every link checked, seq {ledger.get('first_seq')} to {ledger.get('head_seq')}; "
        f"{ledger.get('anchors_checked')} recorded heads still in the chain. A sealed event "
        "keeps its place and link, without what it said about people."
    )


def _certificate_lines(result: DemoResult) -> list[list[str]]:
    lines = [["run", "SHA-256 of the certificate JSON", "run and ledger", "HTML"]]
    for c in result.certificates:
        if c.ledger_sha256 is None:
            recorded = "NO DIGEST IN THE LEDGER"
        elif c.sha256 == c.run_sha256 == c.ledger_sha256:
            recorded = f"same (event {c.ledger_seq})"
        else:
            recorded = f"DIFFERENT (event {c.ledger_seq})"
        lines.append(
            [
                c.run_id,
                c.sha256,
                recorded,
                "from the JSON" if c.html_from_json else "NOT FROM THE JSON",
            ]
        )
    return lines
