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
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
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
    checked first (`_readable`): what fails that check is never read, and a rejected file is
    quarantined as the partner sent it."""
    with ExitStack() as stack:
        try:
            readable = stack.enter_context(_readable(hub, partner, local, name, max_bytes))
            contract = contract_of(name, readable, max_bytes)
            if contract is None:
                raise FileProblem("unknown_kind", f"{name}: neither outcomes nor disposal acks")
            job = FileJob(hub, partner, readable, contract, file_pk, name, sha, max_bytes)
            scan(job)
        except FileProblem as exc:
            return reject_file(hub, partner, local, name, sha, file_pk, exc, archive)
        tally = load_rows(job)
        return finish_file(hub, job, tally, archive)


@contextmanager
def _readable(
    hub: Hub, partner: PartnerConfig, local: Path, name: str, max_bytes: int
) -> Iterator[Path]:
    """The file to read: the partner's own, or the plain file inside its OpenPGP file once the
    signature has been checked, in a folder beside the fetch phase's work folders (removed
    afterwards; a run killed meanwhile leaves it where the next run's sweep_stale_work goes)."""
    settings = partner.openpgp
    if settings is None:
        yield local
        return
    inner = plain_name(name)
    if inner is None:
        if settings.require_encryption or settings.require_signature:
            reason = "not_encrypted" if settings.require_encryption else "not_signed"
            raise FileProblem(reason, f"{name}: a plain file, not OpenPGP (name it <file>.pgp)")
        yield local
        return
    work = hub.settings.home / "inbound" / partner.id / f"open-{secrets.token_hex(8)}"
    work.mkdir(parents=True)
    try:
        out = work / inner
        with partner_keyring(hub.settings.config_dir, partner) as keyring:
            try:
                opened = keyring.open(
                    local,
                    out,
                    settings.fingerprints,
                    require_signature=settings.require_signature,
                    require_encryption=settings.require_encryption,
                    max_bytes=max_bytes,
                )
            except Refused as exc:
                raise FileProblem(exc.reason, f"{name}: {exc}") from exc
        log.info("%s: %s opened (signed by %s)", partner.id, name, opened.signer or "nobody")
        yield out
    finally:
        shutil.rmtree(work, ignore_errors=True)
