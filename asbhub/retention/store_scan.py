"""Look for disposed records' references in every text, JSON and binary column of every table,
not only in the rows that held them."""

from __future__ import annotations

import json
from collections.abc import Iterator

from sqlalchemy import JSON, LargeBinary, String, Text, select
from sqlalchemy.orm import Session

from asbhub.retention.copies import Terms, named
from asbhub.store.models import Base

# Columns that may hold a disposed record's reference by design: a run's item target until the
# run is verified (then it becomes the keyed hash), and the notice that tells the partner which
# referral to delete (the partner knows it by that id only).
EXPECTED = {("disposal_items", "target")}
NOTICE_COLUMN = ("disposal_notices", "referral_id")
CHUNK = 5000


def store_copies(
    session: Session, terms: Terms, notice_ids: set[str]
) -> Iterator[tuple[str, set[str]]]:
    """(table.column, references found) wherever a term is found outside EXPECTED. A referral id
    in a disposal notice's column is expected only for the notices this run issued."""
    if not terms:
        return
    for table in Base.metadata.sorted_tables:
        columns = [
            c
            for c in table.columns
            if isinstance(c.type, String | Text | JSON | LargeBinary)
            and (table.name, c.name) not in EXPECTED
        ]
        if not columns:
            continue
        query = select(*columns)
        if table.name == NOTICE_COLUMN[0] and notice_ids:
            query = query.where(table.c.notice_id.not_in(sorted(notice_ids)))
        found: dict[str, set[str]] = {}
        for row in session.execute(query.execution_options(yield_per=CHUNK)):
            for column, value in zip(columns, row, strict=True):
                if value is None:
                    continue
                hits = named(_bytes(value), terms)
                if hits:
                    found.setdefault(f"{table.name}.{column.name}", set()).update(hits)
        yield from found.items()


def _bytes(value: object) -> bytes:
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value)
    if isinstance(value, str):
        return value.encode("utf-8", "replace")
    return json.dumps(value, default=str).encode("utf-8", "replace")
