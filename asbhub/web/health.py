"""The last `ledger verify` result, kept in the watermarks table so every hub process sees it."""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import BaseModel
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from asbhub.ledger import LedgerKey, Verification, verify
from asbhub.store.models import Watermark

STREAM = "ledger-verify"
# watermarks.value is VARCHAR(100): the JSON is split over `ledger-verify`, `ledger-verify.1`...
CHUNK = 100


class LastVerification(BaseModel):
    """A verification, who ran it and when."""

    result: Verification
    by: str
    at: datetime


def record_verification(session: Session, result: Verification, by: str) -> LastVerification:
    """Replace the stored result with this one (in the caller's transaction)."""
    last = LastVerification(result=result, by=by, at=datetime.now(UTC))
    text = last.model_dump_json()
    session.execute(
        delete(Watermark).where((Watermark.stream == STREAM) | Watermark.stream.like(f"{STREAM}.%"))
    )
    for n, start in enumerate(range(0, len(text), CHUNK)):
        stream = STREAM if n == 0 else f"{STREAM}.{n}"
        session.add(Watermark(stream=stream, value=text[start : start + CHUNK], updated_at=last.at))
    return last


def last_verification(session: Session) -> LastVerification | None:
    rows = session.execute(
        select(Watermark.stream, Watermark.value).where(
            (Watermark.stream == STREAM) | Watermark.stream.like(f"{STREAM}.%")
        )
    ).all()
    if not rows:
        return None
    parts = sorted(rows, key=lambda r: 0 if r[0] == STREAM else int(r[0].rsplit(".", 1)[1]))
    try:
        return LastVerification.model_validate_json("".join(value for _, value in parts))
    except ValueError:
        return None  # a half-written record reads as "never verified", never as a pass


def verify_and_record(session: Session, key: LedgerKey, by: str) -> LastVerification:
    """Walk the chain now and keep the result for the audit view."""
    return record_verification(session, verify(session, key), by)
