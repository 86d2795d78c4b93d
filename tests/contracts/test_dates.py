"""One rule for every date and time in every contract, CSV or JSON: a date is YYYY-MM-DD, a
date-time is ISO 8601 with an offset; numbers, date-times in date fields and dates in date-time
fields are refused with their reason, never guessed or cut down."""

from __future__ import annotations

import typing
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from pydantic import AwareDatetime, TypeAdapter, ValidationError

from contracts import CONTRACTS
from contracts.base import Contract

INBOUND = {"outcome/1.0", "disposal-ack/1.0"}


def _types(annotation: Any) -> Iterator[Any]:
    yield annotation
    for arg in typing.get_args(annotation):
        yield from _types(arg)


def date_fields(contract: type[Contract]) -> dict[str, str]:
    """Every field holding a date or a date-time, by kind, found from the types themselves (so
    a field added later with a plain `date` or `datetime` is held to the rule as well)."""
    found = {}
    for name, info in contract.model_fields.items():
        for kind in _types(info.annotation):
            if isinstance(kind, type) and issubclass(kind, datetime | AwareDatetime):
                found[name] = "datetime"
            elif isinstance(kind, type) and issubclass(kind, date) and name not in found:
                found[name] = "date"
    return found


def every_date_field() -> list[tuple[str, str, str]]:
    return [
        (ref, name, kind)
        for ref, contract in sorted(CONTRACTS.items())
        for name, kind in date_fields(contract).items()
    ]


OK = ""
# value, then what a date field and a date-time field make of it: OK, or words of the refusal
TABLE: list[tuple[Any, str, str]] = [
    ("2026-11-26", OK, "date without a time"),
    (" 2026-11-26 ", OK, "date without a time"),
    ("2026-11-26T21:05:00+00:00", "date and time", OK),
    ("2026-11-26T21:05:00Z", "date and time", OK),
    ("2026-11-26 21:05+01:00", "date and time", OK),
    ("2026-11-26T21:05:00.123+00:00", "date and time", OK),
    ("2026-11-26T00:00:00", "date and time", "with offset"),  # midnight is still a time
    ("2026-11-26T21:05:00", "date and time", "with offset"),  # no offset: whose 21:05?
    ("1763632800", "is a number", "is a number"),  # Unix time, as a CSV cell
    ("20261126", "is a number", "is a number"),
    ("-1", "is a number", "is a number"),
    ("1.5e9", "is a number", "is a number"),
    (1763632800, "is a number", "is a number"),  # as a JSON number
    (1763632800.5, "is a number", "is a number"),
    (True, "is not text", "is not text"),
    ("26/11/2026", "YYYY-MM-DD", "with offset"),
    ("2026-W48-4", "YYYY-MM-DD", "with offset"),
    ("yesterday", "YYYY-MM-DD", "with offset"),
    (date(2026, 11, 26), OK, "date without a time"),
    (datetime(2026, 11, 26, 21, 5, tzinfo=UTC), "date and time", OK),
]


def test_every_contract_has_its_dates_found() -> None:
    fields = every_date_field()
    assert {ref for ref, _, _ in fields} >= INBOUND
    assert ("outcome/1.0", "recorded_at", "datetime") in fields
    assert ("outcome/1.0", "closed_on", "date") in fields
    assert ("disposal-ack/1.0", "disposed_at", "datetime") in fields


@pytest.mark.parametrize(("ref", "field", "kind"), every_date_field())
@pytest.mark.parametrize(("value", "as_date", "as_datetime"), TABLE)
def test_every_date_field_follows_one_rule(
    ref: str, field: str, kind: str, value: Any, as_date: str, as_datetime: str
) -> None:
    contract = CONTRACTS[ref]
    expected = as_date if kind == "date" else as_datetime
    field_type = TypeAdapter(contract.model_fields[field].rebuild_annotation())
    try:
        field_type.validate_python(value)
    except ValidationError as exc:
        messages = [str(e["msg"]) for e in exc.errors()]
        assert expected != OK, f"{ref}.{field} refused {value!r}: {messages}"
        assert any(expected in m for m in messages), (ref, field, value, messages)
        return
    assert expected == OK, f"{ref}.{field} accepted {value!r}; expected {expected!r}"
