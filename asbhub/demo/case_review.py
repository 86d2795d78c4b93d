"""The demo's Community Triggers (ASB Case Reviews): what the first night's `case_review` task
opened, and what the partners holding a related referral were told in their batches (the
`case-review-flags` files), read from the store before the retention run six years on disposes
of them. References and counts only."""

from __future__ import annotations

from collections import Counter

from pydantic import BaseModel
from sqlalchemy import func, select

from asbhub.store.engine import Store
from asbhub.store.models import CaseReviewFlag, CaseReviewTrigger, Referral


class CaseReviewFigures(BaseModel):
    opened: int  # triggers raised
    by_kind: dict[str, int]  # victim / location
    flags_sent: dict[str, int]  # partner -> flag rows delivered in its batches
    referrals_flagged: int

    @property
    def partners_told(self) -> int:
        return sum(1 for n in self.flags_sent.values() if n)


def case_review_figures(hub_url: str) -> CaseReviewFigures:
    store = Store(hub_url)
    try:
        with store.session() as session:
            kinds = Counter(
                dict(
                    session.execute(
                        select(CaseReviewTrigger.kind, func.count()).group_by(
                            CaseReviewTrigger.kind
                        )
                    ).all()
                )
            )
            sent = dict(
                session.execute(
                    select(Referral.partner_id, func.count())
                    .select_from(CaseReviewFlag)
                    .join(Referral, Referral.id == CaseReviewFlag.referral_pk)
                    .where(CaseReviewFlag.sent_at.is_not(None))
                    .group_by(Referral.partner_id)
                ).all()
            )
            flagged = session.scalar(
                select(func.count(func.distinct(CaseReviewFlag.referral_pk))).where(
                    CaseReviewFlag.sent_at.is_not(None)
                )
            )
    finally:
        store.dispose()
    return CaseReviewFigures(
        opened=sum(kinds.values()),
        by_kind={str(k): int(v) for k, v in kinds.items()},
        flags_sent={str(p): int(n) for p, n in sorted(sent.items())},
        referrals_flagged=int(flagged or 0),
    )


def case_review_lines(figures: CaseReviewFigures) -> list[list[str]]:
    lines = [["partner", "flag rows delivered"]]
    lines += [[partner, str(n)] for partner, n in figures.flags_sent.items()]
    return lines


def case_review_note(figures: CaseReviewFigures) -> str:
    kinds = ", ".join(f"{n} by {kind}" for kind, n in sorted(figures.by_kind.items()))
    return (
        f"{figures.opened} Community Trigger(s) opened by the first night's case_review task "
        f"({kinds or 'none'}); {figures.referrals_flagged} referral(s) flagged to "
        f"{figures.partners_told} partner(s) in their batches' case-review-flags files "
        "(references and trigger ids only). The synthetic extract's repeat victims meet the "
        "national default (three complaints in six months) often: real data would open fewer."
    )
