"""Fast bulk inserts: COPY on PostgreSQL, executemany on SQLite (for ledger and disposal rows)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Table
from sqlalchemy.orm import Session


def bulk_insert(session: Session, table: Table | Any, rows: Sequence[dict[str, Any]]) -> None:
    """Insert rows (all with the same keys) in the session's transaction."""
    if not rows:
        return
    if session.get_bind().dialect.name != "postgresql":
        session.execute(table.insert(), list(rows))
        return
    columns = list(rows[0])
    # Only JSON and timestamp columns need converting; the rest go to COPY as they are, which
    # keeps the per-value work off the 10,000-row batches of disposal and ledger rows.
    convert = [
        (i, _to_json if isinstance(table.c[c].type, JSON) else _to_utc)
        for i, c in enumerate(columns)
        if isinstance(table.c[c].type, JSON) or _is_timestamp(table.c[c].type)
    ]
    raw = session.connection().connection.driver_connection
    assert raw is not None
    with (
        raw.cursor() as cursor,
        cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy,
    ):
        for row in rows:
            values = [row[c] for c in columns]
            for i, to in convert:
                values[i] = to(values[i])
            copy.write_row(values)


def _is_timestamp(column_type: Any) -> bool:
    return isinstance(getattr(column_type, "impl", column_type), DateTime)


def _to_json(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"))


def _to_utc(value: Any) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError(f"naive timestamp {value.isoformat()} refused: give it an offset")
        return value.astimezone(UTC)
    return value


def member(session: Session, column: Any, values: Sequence[Any], opaque: bool = False) -> Any:
    """`column IN values`, as one array parameter on PostgreSQL: a 5,000-item IN list costs more
    to render and parse than to execute.

    `opaque` passes the array through a sub-select, so the planner cannot count it and keeps to
    the column's index: shown 10,000 ids, it otherwise prefers a sequential scan of a
    million-row table, and the cost grows with the store instead of with the batch."""
    if session.get_bind().dialect.name != "postgresql":
        return column.in_(list(values))
    from sqlalchemy import any_, bindparam, func, select
    from sqlalchemy.dialects.postgresql import ARRAY

    array = bindparam(None, list(values), type_=ARRAY(column.type))
    if opaque:
        return column == any_(func.array(select(func.unnest(array)).scalar_subquery()))
    return column == any_(array)
