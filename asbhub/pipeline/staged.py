"""A staged batch read back as it will leave: the last look before a partner's feed goes.

Staging writes a night's files and manifest into HOME/staging; between staging and delivery the
files sit on disk (for minutes, or for a night when a transfer keeps failing). Before a batch
leaves, every file is checked against what staging recorded and what the partner's ISA allows:
the manifest is there and names this batch; each file the manifest lists is there, whole, with
the size and SHA-256 it lists and the number of rows it declares; a referral file has exactly the
ISA's columns and the other files exactly their contract's. A batch that fails is not sent.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from asbhub.errors import ConfigError, DataError
from asbhub.minimise.projection import view_columns
from asbhub.partners import PartnerConfig
from asbhub.pipeline import feed
from asbhub.storage import Areas
from asbhub.store.models import Delivery
from connectors.models import sha256_file
from contracts.case_review_flag import CaseReviewFlag as FlagRecord
from contracts.change import ReferralChange as ChangeRecord
from contracts.disposal import DisposalNotice as NoticeRecord
from contracts.documents import Manifest, ManifestFile
from contracts.referral import Referral as ReferralRecord


class StagedBatchInvalid(Exception):
    """A staged batch is not what staging wrote, or holds more than the ISA allows; the message
    lists every problem (file names and counts, never a value)."""


def expected_columns(partner: PartnerConfig, contract: str) -> list[str] | None:
    """The columns a file of this contract may have for this partner (None: an unknown
    contract, itself a problem)."""
    if contract == ReferralRecord.ref():
        return view_columns(partner)
    for model in (ChangeRecord, NoticeRecord, FlagRecord):
        if contract == model.ref():
            return model.field_names()
    return None


def batch_problems(
    delivery: Delivery, partner: PartnerConfig, areas: Areas, config_dir: Path
) -> list[str]:
    """Everything wrong with one staged batch; an empty list when it may go. The batch is read
    back from the areas' store (on another worker than staged it, fetched from the bucket)."""
    root = f"staging/{partner.id}"
    try:
        key = areas.key(delivery.staging_path or "", "staging")
    except DataError as exc:
        return [f"{delivery.batch_id}: {exc}"]
    if not key.startswith(root + "/"):
        return [f"{delivery.batch_id}: its staging folder is outside {root}"]
    folder = areas.fetch_tree(key)
    manifest_path = folder / feed.batch_manifest_name(delivery.batch_id, delivery.night)
    try:
        manifest = Manifest.model_validate_json(manifest_path.read_bytes())
    except FileNotFoundError:
        return [f"{delivery.batch_id}: the manifest {manifest_path.name} is missing"]
    except ValidationError as exc:
        return [
            f"{delivery.batch_id}: {manifest_path.name} is not a manifest "
            f"({exc.error_count()} problem(s))"
        ]
    problems = []
    if partner.openpgp is not None and not _signed(config_dir, partner, manifest_path):
        problems.append(
            f"{delivery.batch_id}: {manifest_path.name} has no good signature by the hub's key"
        )
    if (manifest.batch_id, manifest.partner_id, manifest.night) != (
        delivery.batch_id,
        partner.id,
        delivery.night,
    ):
        problems.append(
            f"{delivery.batch_id}: the manifest names batch {manifest.batch_id} of "
            f"{manifest.partner_id} for {manifest.night}"
        )
    recorded = {f["name"]: f for f in delivery.files}
    listed = {f.name: f for f in manifest.files}
    if set(recorded) != set(listed):
        problems.append(
            f"{delivery.batch_id}: the manifest lists {sorted(listed)}, staging recorded "
            f"{sorted(recorded)}"
        )
    if manifest.record_count != delivery.record_count:
        problems.append(
            f"{delivery.batch_id}: the manifest counts {manifest.record_count} referrals, "
            f"staging bound {delivery.record_count}"
        )
    for entry in manifest.files:
        problems += [
            f"{delivery.batch_id}/{entry.name}: {problem}"
            for problem in [
                *file_problems(folder / entry.name, entry, partner, recorded.get(entry.name)),
                *sealed_problems(folder, entry, partner, recorded.get(entry.name)),
            ]
        ]
    return problems


def _signed(config_dir: Path, partner: PartnerConfig, manifest: Path) -> bool:
    from asbhub.openpgp import OpenPgpError, manifest_signed

    try:
        return manifest_signed(config_dir, partner, manifest)
    except (OpenPgpError, ConfigError):
        return False


def sealed_problems(
    folder: Path, entry: ManifestFile, partner: PartnerConfig, recorded: dict[str, Any] | None
) -> list[str]:
    """What is wrong with a file's encrypted form: a partner that receives OpenPGP never gets
    a plain file, nor one whose encrypted bytes are not those staging made and signed."""
    sealed = entry.encrypted
    if partner.openpgp is None:
        return ["encrypted, but the partner no longer receives OpenPGP"] if sealed else []
    if sealed is None:
        return ["not encrypted, but the partner receives OpenPGP: stage the batch again"]
    if recorded is not None and (recorded.get("encrypted") or {}).get("sha256") != sealed.sha256:
        return ["the manifest's SHA-256 of the encrypted file differs from staging's"]
    if not set(sealed.recipients) <= partner.openpgp.fingerprints:
        return ["encrypted to a key the partner file no longer lists"]
    found = content_problems(folder / sealed.name, sealed.bytes, sealed.sha256)
    return [f"{sealed.name}: {problem}" for problem in found]


def content_problems(path: Path, size: int, sha256: str) -> list[str]:
    """A staged file against the size and SHA-256 its manifest entry gives it."""
    if not path.is_file():
        return ["missing from the staging folder"]
    actual = path.stat().st_size
    if actual != size:
        return [f"{actual} bytes, the manifest says {size}"]
    if sha256_file(path) != sha256:
        return ["its SHA-256 differs from the manifest's: the file changed after staging"]
    return []


def file_problems(
    path: Path, entry: ManifestFile, partner: PartnerConfig, recorded: dict[str, Any] | None
) -> list[str]:
    """What is wrong with one file of a staged batch, against its manifest entry, what staging
    recorded of it, and the columns it may have."""
    if path.name != entry.name or not path.is_file():
        return ["missing from the staging folder"]
    problems = []
    if recorded is not None and recorded.get("sha256") != entry.sha256:
        problems.append("the manifest's SHA-256 differs from the one staging recorded")
    problems += content_problems(path, entry.bytes, entry.sha256)
    columns = expected_columns(partner, entry.contract)
    if columns is None:
        return [*problems, f"unknown contract {entry.contract}"]
    try:
        header, rows = read_shape(path, partner.format)
    except (ValueError, UnicodeDecodeError) as exc:
        return [*problems, f"unreadable as {partner.format}: {type(exc).__name__}"]
    if header is not None and header != columns:
        extra = sorted(set(header) - set(columns))
        missing = sorted(set(columns) - set(header))
        problems.append(
            "columns differ from "
            + ("the partner's ISA" if entry.contract == ReferralRecord.ref() else entry.contract)
            + (f": not allowed {extra}" if extra else "")
            + (f": missing {missing}" if missing else "")
            + ("" if extra or missing else ": repeated or out of order")
        )
    if rows != entry.records:
        problems.append(f"{rows} rows, the manifest declares {entry.records}")
    return problems


def read_shape(path: Path, fmt: str) -> tuple[list[str] | None, int]:
    """The columns (None for an empty JSON-lines file) and the number of rows of a feed file;
    each JSON line must be an object with the same keys as the first."""
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader, None)
            return (header or []), sum(1 for _ in reader)
    keys: list[str] | None = None
    count = 0
    for line in _lines(path):
        record = json.loads(line)
        if not isinstance(record, dict):
            raise ValueError("a line is not a JSON object")
        if keys is None:
            keys = list(record)
        elif list(record) != keys:
            raise ValueError("lines with different keys")
        count += 1
    return keys, count


def _lines(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield line
