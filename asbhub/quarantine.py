"""Set aside what cannot be loaded, with its reason and original bytes, for retention to dispose."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from asbhub.storage import Areas
from asbhub.store.models import QuarantineItem


def keep_original(areas: Areas, path: Path, sha256: str) -> str:
    """Copy a whole file into the quarantine area, named by its hash (never by its own name);
    returns its key, which the quarantine row records."""
    return areas.keep_copy(path, f"quarantine/{sha256}.bin")


def quarantine_file(
    session: Session,
    *,
    source: str,
    partner_id: str | None,
    file_name: str,
    sha256: str,
    reason: str,
    kept_at: str | None,
    inbound_file_id: int | None = None,
    line: int | None = None,
) -> QuarantineItem:
    item = QuarantineItem(
        source=source,
        partner_id=partner_id,
        inbound_file_id=inbound_file_id,
        file_name=file_name,
        file_sha256=sha256,
        line=line,
        field=None,
        reason=reason,
        raw=None,
        original_path=kept_at,
        created_at=datetime.now(UTC),
    )
    session.add(item)
    return item


def quarantine_row(
    session: Session,
    *,
    source: str,
    partner_id: str | None,
    file_name: str,
    sha256: str,
    line: int,
    field: str | None,
    reason: str,
    raw: dict[str, Any] | None,
    inbound_file_id: int | None = None,
) -> QuarantineItem:
    item = QuarantineItem(
        source=source,
        partner_id=partner_id,
        inbound_file_id=inbound_file_id,
        file_name=file_name,
        file_sha256=sha256,
        line=line,
        field=field,
        reason=reason,
        raw=json.dumps(raw, ensure_ascii=False, default=str).encode() if raw is not None else None,
        created_at=datetime.now(UTC),
    )
    session.add(item)
    return item
