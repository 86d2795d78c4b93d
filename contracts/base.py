"""What every contract model shares: an id, a version, strictness and how it travels as CSV."""

from __future__ import annotations

import re
import types
import typing
from datetime import date, datetime
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AwareDatetime, BaseModel, BeforeValidator, ConfigDict

# Lists travel in one CSV cell, separated by this character.
CSV_LIST_SEPARATOR = ";"


# One rule for every date and time that crosses the boundary, in any format (CSV or JSON):
# a date is YYYY-MM-DD; a date-time is a date, 'T' (or a space), hh:mm[:ss[.fraction]] and an
# offset (Z or +hh:mm). Anything else is refused with its reason, never guessed: a bare number is
# not Unix time, and a date-time is not silently cut down to a date.
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|z|[+-]\d{2}:?\d{2})"
)
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d*)?(?:[eE][+-]?\d+)?")
DATE_EXAMPLE = "2026-11-26"
DATETIME_EXAMPLE = "2026-11-26T21:05:00+00:00"


def _iso_date_only(value: Any) -> Any:
    """A calendar date, YYYY-MM-DD; a number or a date-time is refused with its reason."""
    if isinstance(value, datetime):
        raise ValueError(f"is a date and time; this field takes a date only, e.g. {DATE_EXAMPLE}")
    if isinstance(value, date):
        return value
    text = _text(value, DATE_EXAMPLE)
    if _DATE.fullmatch(text):
        return text
    if _DATETIME.fullmatch(text) or "T" in text or ":" in text:
        raise ValueError(f"is a date and time; this field takes a date only, e.g. {DATE_EXAMPLE}")
    raise ValueError(f"is not a date in the form YYYY-MM-DD, e.g. {DATE_EXAMPLE}")


def _iso_datetime_only(value: Any) -> Any:
    """A date-time with an offset; a number or a date alone is refused with its reason."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        raise ValueError(f"is a date without a time and offset, e.g. {DATETIME_EXAMPLE}")
    text = _text(value, DATETIME_EXAMPLE)
    if _DATETIME.fullmatch(text):
        return text
    if _DATE.fullmatch(text):
        raise ValueError(f"is a date without a time and offset, e.g. {DATETIME_EXAMPLE}")
    raise ValueError(f"is not a date-time with offset, e.g. {DATETIME_EXAMPLE}")


def _text(value: Any, example: str) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError(f"is not text; write it in ISO 8601, e.g. {example}")
    text = value.strip() if isinstance(value, str) else str(value)
    if not isinstance(value, str) or _NUMBER.fullmatch(text):
        raise ValueError(f"is a number; write it in ISO 8601, e.g. {example}")
    return text


# Timestamps are ISO 8601 with an offset; dates are ISO 8601 calendar dates.
IsoDateTime = Annotated[AwareDatetime, BeforeValidator(_iso_datetime_only)]
IsoDate = Annotated[date, BeforeValidator(_iso_date_only)]


class Contract(BaseModel):
    """A versioned format that crosses the hub's boundary.

    `kind` says how it travels: `rows` formats are CSV or JSON Lines files with one record per
    row; `document` formats are one JSON document per file (manifests, rejection reports).
    """

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, use_enum_values=False)

    contract_id: ClassVar[str]
    version: ClassVar[str]
    kind: ClassVar[Literal["rows", "document"]] = "rows"
    description: ClassVar[str] = ""

    @classmethod
    def ref(cls) -> str:
        """The contract's reference, e.g. `outcome/1.0`."""
        return f"{cls.contract_id}/{cls.version}"

    @classmethod
    def field_names(cls) -> list[str]:
        return list(cls.model_fields)

    @classmethod
    def required_field_names(cls) -> list[str]:
        return [name for name, info in cls.model_fields.items() if info.is_required()]

    @classmethod
    def list_fields(cls) -> set[str]:
        """Fields whose values are lists (joined with `;` in a CSV cell)."""
        return {name for name, info in cls.model_fields.items() if _is_list(info.annotation)}

    def to_row(self) -> dict[str, Any]:
        """The record as a flat dict of JSON-ready values (lists stay lists)."""
        return self.model_dump(mode="json")


def _is_list(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin is list:
        return True
    if origin in (typing.Union, types.UnionType):
        return any(_is_list(arg) for arg in typing.get_args(annotation))
    return False
