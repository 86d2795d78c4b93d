"""The disposal certificate: what a run disposed and under which rule, provable by keyed hashes,
with no personal data; rendered as HTML (prints well), CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from asbhub.errors import DataError
from asbhub.ledger import LedgerKey
from asbhub.retention.runs import approvals, get_run
from asbhub.retention.status import ItemStatus
from asbhub.store.models import DisposalItem, DisposalNotice

TEMPLATES = Path(__file__).resolve().parent / "templates"
Format = Literal["html", "csv", "json"]


class ClassLine(BaseModel):
    record_class: str
    rule: str
    action: str
    period: str
    clock: str
    planned: int
    disposed: int
    held_at_planning: int
    held_after_planning: int
    for_review: int
    failed: int


class ReviewLine(BaseModel):
    """One review stage's decision: who, when, and the counts per class they were shown."""

    stage: str
    title: str
    decision: str
    by: str
    at: datetime
    reason: str | None = None
    seen: dict[str, dict[str, int]] = {}


class Certificate(BaseModel):
    # 1.1 adds `review`, every stage's decision; a 1.0 certificate has its approver only.
    certificate: str = "asbhub disposal certificate/1.1"
    run_id: str
    status: str
    as_of: date
    schedule_version: str
    schedule_digest: str
    planned_at: datetime
    planned_by: str
    approved_by: str | None
    approved_at: datetime | None
    review: list[ReviewLine] = []
    executed_at: datetime | None
    verified_at: datetime | None
    verification_ok: bool | None
    survivors: list[dict[str, Any]]
    classes: list[ClassLine]
    notices: dict[str, dict[str, int]]
    ledger_head: dict[str, Any] | None
    hash_algorithm: str = "HMAC-SHA256 under the ledger reference key"
    disposed_hashes: dict[str, list[str]]


def build_certificate(session: Session, run_id: str) -> Certificate:
    run = get_run(session, run_id)
    tallies: dict[tuple[str, str], dict[str, int]] = {}
    for cls, rule, status, n in session.execute(
        select(DisposalItem.record_class, DisposalItem.rule, DisposalItem.status, func.count())
        .where(DisposalItem.run_pk == run.id)
        .group_by(DisposalItem.record_class, DisposalItem.rule, DisposalItem.status)
    ):
        tallies.setdefault((cls, rule), {})[status] = n
    lines = []
    for cls, rules in run.counts.items():
        for rule, info in rules.items():
            t = tallies.get((cls, rule), {})
            lines.append(
                ClassLine(
                    record_class=cls,
                    rule=rule,
                    action=info["action"],
                    period=info["period"],
                    clock=info["clock"],
                    planned=info["planned"],
                    disposed=t.get("disposed", 0),
                    held_at_planning=info["held"],
                    held_after_planning=t.get("held", 0),
                    for_review=t.get("review", 0),
                    failed=t.get("failed", 0),
                )
            )
    hashes: dict[str, list[str]] = {}
    for cls, ref_hash in session.execute(
        select(DisposalItem.record_class, DisposalItem.reference_hash)
        .where(DisposalItem.run_pk == run.id, DisposalItem.status == ItemStatus.DISPOSED)
        .order_by(DisposalItem.record_class, DisposalItem.reference_hash)
    ):
        hashes.setdefault(cls, []).append(ref_hash)
    notices: dict[str, dict[str, int]] = {}
    for partner, sent, acked in session.execute(
        select(
            DisposalNotice.partner_id, DisposalNotice.sent_at, DisposalNotice.acknowledged_at
        ).where(DisposalNotice.run_pk == run.id)
    ):
        tally = notices.setdefault(partner, {"issued": 0, "sent": 0, "acknowledged": 0})
        tally["issued"] += 1
        tally["sent"] += sent is not None
        tally["acknowledged"] += acked is not None
    verification = run.verification or {}
    return Certificate(
        run_id=run.run_id,
        status=run.status,
        as_of=run.as_of,
        schedule_version=run.schedule_version,
        schedule_digest=run.schedule_digest,
        planned_at=run.planned_at,
        planned_by=run.planned_by,
        approved_by=run.approved_by,
        approved_at=run.approved_at,
        review=[
            ReviewLine(
                stage=a.stage,
                title=a.title,
                decision=a.decision,
                by=a.decided_by,
                at=a.decided_at,
                reason=a.reason,
                seen=a.seen,
            )
            for a in approvals(session, run)
        ],
        executed_at=run.executed_at,
        verified_at=run.verified_at,
        verification_ok=verification.get("ok"),
        survivors=[
            {k: s[k] for k in ("record_class", "rule", "reference_hash", "where")}
            for s in verification.get("survivors", [])
        ],
        classes=lines,
        notices=notices,
        ledger_head=verification.get("ledger_head"),
        disposed_hashes=hashes,
    )


def canonical_json(cert: Certificate) -> str:
    """The one text of a certificate: sorted keys, fixed indentation, a final newline."""
    body = json.dumps(cert.model_dump(mode="json"), sort_keys=True, indent=2, ensure_ascii=False)
    return body + "\n"


def render(cert: Certificate, fmt: Format) -> str:
    if fmt == "json":
        return canonical_json(cert)
    if fmt == "csv":
        return _csv(cert)
    if fmt == "html":
        import jinja2

        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
        )
        return env.get_template("certificate.html").render(c=cert)
    raise DataError(f"unknown certificate format {fmt!r}: use html, csv or json")


def _csv(cert: Certificate) -> str:
    """One table an auditor can load: section, fields..., one row per fact."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["section", "key", "value", "detail"])
    for key in (
        "certificate",
        "run_id",
        "status",
        "as_of",
        "schedule_version",
        "schedule_digest",
        "planned_at",
        "planned_by",
        "approved_by",
        "approved_at",
        "executed_at",
        "verified_at",
        "verification_ok",
        "hash_algorithm",
    ):
        writer.writerow(["run", key, _text(getattr(cert, key)), ""])
    for stage in cert.review:
        writer.writerow(
            [
                "review",
                stage.stage,
                stage.decision,
                f"title={stage.title} by={stage.by} at={_text(stage.at)}"
                + (f" reason={stage.reason}" if stage.reason else "")
                + "".join(
                    f" {cls}=planned:{n['planned']},held:{n['held']}"
                    for cls, n in sorted(stage.seen.items())
                ),
            ]
        )
    if cert.ledger_head:
        writer.writerow(
            ["run", "ledger_head", cert.ledger_head["hash"], f"seq {cert.ledger_head['seq']}"]
        )
    for line in cert.classes:
        writer.writerow(
            [
                "rule",
                f"{line.record_class}/{line.rule}",
                line.disposed,
                f"action={line.action} period={line.period} clock={line.clock} "
                f"planned={line.planned} held_at_planning={line.held_at_planning} "
                f"held_after_planning={line.held_after_planning} "
                f"for_review={line.for_review} failed={line.failed}",
            ]
        )
    for partner, tally in sorted(cert.notices.items()):
        writer.writerow(
            [
                "notices",
                partner,
                tally["issued"],
                f"sent={tally['sent']} acknowledged={tally['acknowledged']}",
            ]
        )
    for survivor in cert.survivors:
        writer.writerow(
            ["survivor", survivor["record_class"], survivor["reference_hash"], survivor["where"]]
        )
    for cls, hashes in sorted(cert.disposed_hashes.items()):
        for ref_hash in hashes:
            writer.writerow(["disposed", cls, ref_hash, ""])
    return out.getvalue()


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date | datetime) else str(value)


class CheckResult(BaseModel):
    run_id: str
    reference_hash: str
    disposed: bool
    record_class: str | None = None
    rule: str | None = None
    disposed_at: datetime | None = None


def check_reference(session: Session, key: LedgerKey, run_id: str, reference: str) -> CheckResult:
    """Was this reference disposed of by this run? Answered from the store by keyed hash."""
    run = get_run(session, run_id)
    ref_hash = key.reference_hash(reference)
    row = session.execute(
        select(DisposalItem.record_class, DisposalItem.rule, DisposalItem.disposed_at).where(
            DisposalItem.run_pk == run.id,
            DisposalItem.reference_hash == ref_hash,
            DisposalItem.status == ItemStatus.DISPOSED,
        )
    ).first()
    if row is None:
        return CheckResult(run_id=run_id, reference_hash=ref_hash, disposed=False)
    return CheckResult(
        run_id=run_id,
        reference_hash=ref_hash,
        disposed=True,
        record_class=row[0],
        rule=row[1],
        disposed_at=row[2],
    )


def check_certificate_file(path: Path, key: LedgerKey, reference: str) -> CheckResult:
    """The same answer from a certificate file (JSON or CSV) alone, e.g. one sent to an auditor."""
    ref_hash = key.reference_hash(reference)
    text = path.read_text()
    if path.suffix.lower() == ".json":
        cert = Certificate.model_validate_json(text)
        run_id, pairs = cert.run_id, [(c, h) for c, hs in cert.disposed_hashes.items() for h in hs]
    else:
        rows = list(csv.reader(io.StringIO(text)))
        run_id = next((r[2] for r in rows if r[:2] == ["run", "run_id"]), "")
        pairs = [(r[1], r[2]) for r in rows if r and r[0] == "disposed"]
    for cls, found in pairs:
        if found == ref_hash:
            return CheckResult(
                run_id=run_id, reference_hash=ref_hash, disposed=True, record_class=cls
            )
    return CheckResult(run_id=run_id, reference_hash=ref_hash, disposed=False)
