"""Inbound, second phase: load the files the fetch phase took in, from the hub's own archive.

No transport is opened: each file's original is read back from the archive area (on any
worker), its contract recognised, every row validated, loaded or quarantined with its reason,
the batch's expectations run, and the file closed with its counts and, where it had problems,
its rejection report kept in the reports area for the report phase to deliver. A file the hub
cannot process ends `failed` (original quarantined) and the others go on.
"""

from __future__ import annotations

import logging
import secrets
import shutil
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel

from asbhub.openpgp import Refused, partner_keyring, plain_name
from asbhub.partners import PartnerConfig
from asbhub.pipeline.inbound.checks import contract_of
from asbhub.pipeline.inbound.failures import fail_loading, not_recorded
from asbhub.pipeline.inbound.files import FileOutcome, finish_file, reject_file
from asbhub.pipeline.inbound.job import FileJob
from asbhub.pipeline.inbound.rows import load_rows, scan
from asbhub.pipeline.inbound.status import FileStatus, InboundFileResult, file_result
from asbhub.records import FileProblem
from asbhub.runtime import Hub
from asbhub.store.models import InboundFile

log = logging.getLogger(__name__)


class LoadResult(BaseModel):
    partner_id: str
    files: list[InboundFileResult] = []


def load_files(
    hub: Hub, partner: PartnerConfig, file_ids: Sequence[int], max_bytes: int
) -> LoadResult:
    """Load each fetched file of `partner` named by id; one failing stops no other."""
    result = LoadResult(partner_id=partner.id)
    for file_pk in file_ids:
        result.files.append(load_one(hub, partner, file_pk, max_bytes))
    return result


def load_one(hub: Hub, partner: PartnerConfig, file_pk: int, max_bytes: int) -> InboundFileResult:
    """One file, inside the last-resort boundary. A file that has ended already (a load task
    retried after it committed) is reported as it stands, not loaded again."""
    with hub.store.session() as session:
        record = session.get(InboundFile, file_pk)
        if record is None or record.partner_id != partner.id:
            raise LookupError(f"{partner.id}: no inbound file {file_pk} from this partner")
        name, sha, status, archive = record.name, record.sha256, record.status, record.archive_path
    if status != FileStatus.IN_PROGRESS:
        return file_result(hub, file_pk)
    local: Path | None = None
    try:
        if archive is None:
            raise FileNotFoundError(f"{partner.id}: {name}: its original was never archived")
        local = hub.areas.fetch(archive, "archive")
        done = process(hub, partner, local, name, sha, file_pk, archive, max_bytes)
        return file_result(hub, file_pk, alert=done.alert)
    except Exception as exc:
        try:
            return fail_loading(hub, partner, file_pk, local, exc)
        except Exception as again:  # the store itself failing: say so, and go on
            return not_recorded(partner, name, sha, exc, again)


def process(
    hub: Hub,
    partner: PartnerConfig,
    local: Path,
    name: str,
    sha: str,
    file_pk: int,
    archive: str,
    max_bytes: int,
) -> FileOutcome:
    """Recognise the file, check it whole, then load its rows; a whole-file problem rejects
    it with its report. A partner that sends OpenPGP has its file decrypted and its signature
    checked first, into a private folder removed afterwards: what fails that check is never
    read, and a rejected file is quarantined as the partner sent it."""
    if partner.openpgp is None:
        return _process(hub, partner, local, local, name, sha, file_pk, archive, max_bytes)
    # Beside the fetch phase's work folders: a run killed here leaves the decrypted copy where
    # the next run's sweep (sweep_stale_work) removes it.
    work = hub.settings.home / "inbound" / partner.id / f"open-{secrets.token_hex(8)}"
    work.mkdir(parents=True)
    try:
        try:
            plain = _open(hub, partner, local, name, work, max_bytes)
        except FileProblem as exc:
            return reject_file(hub, partner, local, name, sha, file_pk, exc, archive)
        return _process(hub, partner, plain, local, name, sha, file_pk, archive, max_bytes)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _open(
    hub: Hub, partner: PartnerConfig, sealed: Path, name: str, work: Path, max_bytes: int
) -> Path:
    """The plain file inside a partner's OpenPGP file, once its signature has been checked."""
    settings = partner.openpgp
    assert settings is not None
    inner = plain_name(name)
    if inner is None:
        if settings.require_encryption or settings.require_signature:
            reason = "not_encrypted" if settings.require_encryption else "not_signed"
            raise FileProblem(reason, f"{name}: a plain file, not OpenPGP (name it <file>.pgp)")
        return sealed
    out = work / inner
    with partner_keyring(hub.settings.config_dir, partner) as keyring:
        try:
            opened = keyring.open(
                sealed,
                out,
                settings.fingerprints,
                require_signature=settings.require_signature,
                require_encryption=settings.require_encryption,
                max_bytes=max_bytes,
            )
        except Refused as exc:
            raise FileProblem(exc.reason, f"{name}: {exc}") from exc
    log.info("%s: %s opened (signed by %s)", partner.id, name, opened.signer or "nobody")
    return out


def _process(
    hub: Hub,
    partner: PartnerConfig,
    local: Path,
    original: Path,
    name: str,
    sha: str,
    file_pk: int,
    archive: str,
    max_bytes: int,
) -> FileOutcome:
    try:
        contract = contract_of(name, local, max_bytes)
        if contract is None:
            raise FileProblem("unknown_kind", f"{name}: neither outcomes nor disposal acks")
        job = FileJob(hub, partner, local, contract, file_pk, name, sha, max_bytes)
        scan(job)
    except FileProblem as exc:
        return reject_file(hub, partner, original, name, sha, file_pk, exc, archive)
    tally = load_rows(job)
    return finish_file(hub, job, tally, archive)
