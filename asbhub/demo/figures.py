"""The demo's hub-wide figures, read from the store after the night: referrals set aside and
released, review decisions, each disposal run's outcome per record class, and whether the
certificate the demo points to is the one frozen at verification."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, computed_field
from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from asbhub.ledger import EventKind
from asbhub.retention.certificate import Certificate, render
from asbhub.store.engine import Store
from asbhub.store.models import (
    DisposalItem,
    DisposalRun,
    Incident,
    LedgerEvent,
    Outcome,
    Referral,
    ReviewDecision,
    SetAside,
)

# Item statuses of a record listed for a person: still waiting, or decided since.
LISTED_FOR_REVIEW = ("review", "kept", "decided")


class SetAsideItem(BaseModel):
    referral_id: str
    partner_id: str
    incident_ref: str
    check: str
    reason: str
    taken_out_of: str  # the batch the per-record checks took it out of
    released_by: str | None
    release_reason: str | None
    delivered_in: str | None  # the later batch that took it, once released


class SetAsideFigures(BaseModel):
    set_aside: int
    released: int
    still_held: int
    delivered_after_release: int
    items: list[SetAsideItem]


class ClassFigures(BaseModel):
    """One record class in one disposal run."""

    record_class: str
    planned: int  # to be disposed of: a dispose rule, or a review decision to dispose
    disposed: int
    held: int  # left out by a legal hold, at planning or after
    for_review: int  # listed for a person to decide (a review rule)
    kept_on_review: int  # not listed: an earlier decision keeps it until its next review


class DecisionFigure(BaseModel):
    id: int
    decision: str
    record_class: str
    rule: str
    decided_by: str
    reason: str
    next_review_on: date | None
    applied_in: str | None  # the run the store records as having acted on it
    in_follow_up_run: str  # what the follow-up run did with the record


class CertificateCheck(BaseModel):
    """The certificate files the demo wrote, compared with the frozen document's digests."""

    run_id: str
    html: str
    json_file: str
    sha256: str  # of the JSON file
    run_sha256: str | None  # recorded on the run when it was frozen
    ledger_sha256: str | None  # recorded in the ledger's erasure event
    ledger_seq: int | None
    html_from_json: bool  # the HTML file is exactly the JSON document rendered

    @computed_field  # type: ignore[prop-decorator]
    @property
    def matches(self) -> bool:
        """All three digests compared equal and the HTML is the JSON rendered (in --json too)."""
        return self.html_from_json and self.sha256 == self.run_sha256 == self.ledger_sha256


@contextmanager
def store_session(hub_url: str) -> Iterator[Session]:
    store = Store(hub_url)
    try:
        with store.session() as session:
            yield session
    finally:
        store.dispose()


def set_aside_figures(session: Session) -> SetAsideFigures:
    """Every referral the feed checks set aside, whether it was released, and the batch that
    took it afterwards."""
    rows = session.execute(
        select(SetAside, Referral, Incident.incident_ref)
        .join(Referral, Referral.id == SetAside.referral_pk)
        .join(Incident, Incident.id == Referral.incident_id)
        .order_by(SetAside.id)
    ).all()
    items = [
        SetAsideItem(
            referral_id=referral.referral_id,
            partner_id=held.partner_id,
            incident_ref=incident_ref,
            check=held.check,
            reason=held.reason,
            taken_out_of=held.batch_id,
            released_by=held.released_by,
            release_reason=held.release_reason,
            delivered_in=referral.batch_id
            if referral.delivered_at is not None and referral.batch_id != held.batch_id
            else None,
        )
        for held, referral, incident_ref in rows
    ]
    released = [i for i in items if i.released_by is not None]
    return SetAsideFigures(
        set_aside=len(items),
        released=len(released),
        still_held=len(items) - len(released),
        delivered_after_release=sum(1 for i in released if i.delivered_in),
        items=items,
    )


def class_figures(session: Session, run_id: str) -> list[ClassFigures]:
    """Per record class: what the run planned, disposed of, left for holds and for review, and
    left out because an earlier review decision keeps it."""
    run = session.scalars(select(DisposalRun).where(DisposalRun.run_id == run_id)).one()
    statuses: dict[str, dict[str, int]] = {}
    for record_class, status, n in session.execute(
        select(DisposalItem.record_class, DisposalItem.status, func.count())
        .where(DisposalItem.run_pk == run.id)
        .group_by(DisposalItem.record_class, DisposalItem.status)
    ):
        statuses.setdefault(record_class, {})[status] = int(n)
    figures = []
    for record_class, rules in run.counts.items():
        tally = statuses.get(record_class, {})
        listed = sum(tally.get(s, 0) for s in LISTED_FOR_REVIEW)
        figures.append(
            ClassFigures(
                record_class=record_class,
                planned=sum(tally.values()) - listed,
                disposed=tally.get("disposed", 0),
                held=sum(int(r["held"]) for r in rules.values()) + tally.get("held", 0),
                for_review=listed,
                kept_on_review=sum(int(r.get("kept_on_review", 0)) for r in rules.values()),
            )
        )
    return figures


def review_choices(session: Session, items: Sequence[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The review items the demo's information manager decides, each for a reason the store
    bears out: a referral whose partner last said the case is in progress (keep), and a batch
    the partner answered with outcomes, so it was received (dispose)."""
    chosen: dict[str, dict[str, Any]] = {}
    for item in items:
        if "keep" not in chosen and item["record_class"] == "referral_unclosed":
            status = session.scalar(
                select(Referral.outcome_status).where(Referral.referral_id == item["target"])
            )
            if status == "in_progress":
                chosen["keep"] = item
        elif "dispose" not in chosen and item["record_class"] == "delivery":
            answered = session.scalar(
                select(
                    exists().where(
                        Outcome.referral_pk == Referral.id, Referral.batch_id == item["target"]
                    )
                )
            )
            if answered:
                chosen["dispose"] = item
    return chosen


def decision_figures(session: Session, follow_up_run: str | None) -> list[DecisionFigure]:
    """Every review decision recorded, and what the follow-up run did with its record."""
    run_pk = (
        session.scalar(select(DisposalRun.id).where(DisposalRun.run_id == follow_up_run))
        if follow_up_run
        else None
    )
    figures = []
    for decision, applied_in in session.execute(
        select(ReviewDecision, DisposalRun.run_id)
        .outerjoin(DisposalRun, DisposalRun.id == ReviewDecision.applied_run_pk)
        .order_by(ReviewDecision.id)
    ):
        outcome = "no follow-up run"
        if run_pk is not None:
            status = session.scalar(
                select(DisposalItem.status).where(
                    DisposalItem.run_pk == run_pk,
                    DisposalItem.record_class == decision.record_class,
                    DisposalItem.reference_hash == decision.reference_hash,
                )
            )
            outcome = status or "not listed"
        figures.append(
            DecisionFigure(
                id=decision.id,
                decision=decision.decision,
                record_class=decision.record_class,
                rule=decision.rule,
                decided_by=decision.decided_by,
                reason=decision.reason,
                next_review_on=decision.next_review_on,
                applied_in=applied_in,
                in_follow_up_run=outcome,
            )
        )
    return figures


def certificate_check(
    session: Session, run_id: str, html: Path, json_file: Path
) -> CertificateCheck:
    """Compare the certificate files with the digest on the run and the one the ledger recorded
    when the certificate was frozen, and the HTML with the JSON document rendered."""
    document = json_file.read_text(encoding="utf-8")
    recorded = _ledger_digest(session, run_id)
    try:
        rendered = render(Certificate.model_validate_json(document), "html")
    except ValueError:
        rendered = None  # not a certificate document: the HTML cannot be its rendering
    return CertificateCheck(
        run_id=run_id,
        html=str(html),
        json_file=str(json_file),
        sha256=hashlib.sha256(document.encode("utf-8")).hexdigest(),
        run_sha256=session.scalar(
            select(DisposalRun.certificate_sha256).where(DisposalRun.run_id == run_id)
        ),
        ledger_sha256=recorded[1] if recorded else None,
        ledger_seq=recorded[0] if recorded else None,
        html_from_json=rendered is not None and rendered == html.read_text(encoding="utf-8"),
    )


def _ledger_digest(session: Session, run_id: str) -> tuple[int, str] | None:
    """The latest certificate digest an erasure event recorded for the run (its details keep the
    run id and digest, sealed or not)."""
    for seq, details in session.execute(
        select(LedgerEvent.seq, LedgerEvent.details)
        .where(LedgerEvent.kind == EventKind.ERASURE.value)
        .order_by(LedgerEvent.seq.desc())
    ):
        if (
            isinstance(details, dict)
            and details.get("run_id") == run_id
            and details.get("certificate_sha256")
        ):
            return int(seq), str(details["certificate_sha256"])
    return None
