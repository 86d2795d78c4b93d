"""The certificate frozen at verification: one canonical JSON document, its SHA-256 recorded on the
run and in the ledger; every other rendering (HTML, CSV) is made from that document, so two
copies can never disagree, and an altered document is detected."""

from __future__ import annotations

import hashlib

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from asbhub import ledger
from asbhub.errors import DataError
from asbhub.ledger import Event, EventKind, LedgerKey
from asbhub.retention.certificate import (
    Certificate,
    Format,
    build_certificate,
    canonical_json,
    render,
)
from asbhub.retention.runs import get_run
from asbhub.store.models import LedgerEvent, LedgerReference

ACTOR = "retention"


class CertificateAltered(DataError):
    """The stored certificate is not the document frozen at verification."""


class FrozenCheck(BaseModel):
    run_id: str
    frozen: bool
    ok: bool
    sha256: str | None = None
    ledger_seq: int | None = None
    problem: str | None = None


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def freeze(session: Session, key: LedgerKey, run_id: str) -> FrozenCheck:
    """Freeze the run's certificate as it stands now and record its digest in the ledger."""
    text = canonical_json(build_certificate(session, run_id))
    digest = sha256_text(text)
    run = get_run(session, run_id, for_update=True)
    if run.certificate_sha256 == digest:
        return check(session, key, run_id)  # the same document: frozen once is enough
    run.certificate_json, run.certificate_sha256 = text, digest
    appended = ledger.append(
        session,
        key,
        Event(
            kind=EventKind.ERASURE,
            actor=ACTOR,
            justification=f"disposal certificate of run {run_id}, frozen at verification",
            references=[run_id],
            details={
                "run_id": run_id,
                "certificate_sha256": digest,
                "status": run.status,
            },
        ),
    )
    return FrozenCheck(
        run_id=run_id, frozen=True, ok=True, sha256=digest, ledger_seq=appended.last_seq
    )


def _ledger_digest(session: Session, key: LedgerKey, run_id: str) -> tuple[int, str] | None:
    """The digest the ledger last recorded for this run's certificate."""
    rows = session.execute(
        select(LedgerEvent.seq, LedgerEvent.details)
        .join(LedgerReference, LedgerReference.seq == LedgerEvent.seq)
        .where(LedgerReference.reference_hash == key.reference_hash(run_id))
        .order_by(LedgerEvent.seq.desc())
    ).all()
    for seq, details in rows:
        if isinstance(details, dict) and details.get("certificate_sha256"):
            return seq, str(details["certificate_sha256"])
    return None


def check(session: Session, key: LedgerKey | None, run_id: str) -> FrozenCheck:
    """Is the stored certificate the one frozen at verification? (With the key: checked against
    the ledger, which no one can rewrite without breaking the chain.)"""
    run = get_run(session, run_id)
    if run.certificate_json is None:
        return FrozenCheck(
            run_id=run_id, frozen=False, ok=False, problem="not verified yet: nothing is frozen"
        )
    actual = sha256_text(run.certificate_json)
    if actual != run.certificate_sha256:
        return FrozenCheck(
            run_id=run_id,
            frozen=True,
            ok=False,
            sha256=actual,
            problem="the stored certificate does not match the digest recorded on the run",
        )
    if key is None:
        return FrozenCheck(run_id=run_id, frozen=True, ok=True, sha256=actual)
    recorded = _ledger_digest(session, key, run_id)
    if recorded is None:
        return FrozenCheck(
            run_id=run_id,
            frozen=True,
            ok=False,
            sha256=actual,
            problem="the ledger holds no digest for this certificate",
        )
    seq, digest = recorded
    if digest != actual:
        return FrozenCheck(
            run_id=run_id,
            frozen=True,
            ok=False,
            sha256=actual,
            ledger_seq=seq,
            problem=f"the stored certificate does not match the digest in ledger event {seq}",
        )
    return FrozenCheck(run_id=run_id, frozen=True, ok=True, sha256=actual, ledger_seq=seq)


def certificate_text(session: Session, key: LedgerKey | None, run_id: str, fmt: Format) -> str:
    """The certificate in a format: from the frozen document once verified (refused if it was
    altered), else a draft built from the store as it stands."""
    found = check(session, key, run_id)
    if not found.frozen:
        return render(build_certificate(session, run_id), fmt)
    if not found.ok:
        raise CertificateAltered(
            f"the certificate of disposal run {run_id} has been altered since verification: "
            f"{found.problem}"
        )
    text = get_run(session, run_id).certificate_json or ""
    if fmt == "json":
        return text
    return render(Certificate.model_validate_json(text), fmt)


def matches_frozen(session: Session, key: LedgerKey, run_id: str, document: str) -> FrozenCheck:
    """Does a certificate file's JSON (e.g. one sent to an auditor) match the ledger's digest?"""
    recorded = _ledger_digest(session, key, run_id)
    actual = sha256_text(document)
    if recorded is None or recorded[1] != actual:
        where = f"ledger event {recorded[0]}" if recorded else "the ledger (no digest recorded)"
        return FrozenCheck(
            run_id=run_id,
            frozen=recorded is not None,
            ok=False,
            sha256=actual,
            problem=f"this file is not the certificate frozen at verification ({where})",
        )
    return FrozenCheck(run_id=run_id, frozen=True, ok=True, sha256=actual, ledger_seq=recorded[0])
