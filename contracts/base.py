"""What every contract model shares: an id, a version, strictness and how it travels as CSV."""

from __future__ import annotations

import types
import typing
from datetime import date
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AwareDatetime, BaseModel, BeforeValidator, ConfigDict

# Lists travel in one CSV cell, separated by this character.
CSV_LIST_SEPARATOR = ";"


def _iso_text_only(value: Any) -> Any:
    """Refuse numbers where a date or time is due: pydantic would read them as Unix time."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError(
            "is a number; write it in ISO 8601, e.g. 2026-11-26T21:05:00+00:00"
        )
    return value


# Timestamps are ISO 8601 with an offset; dates are ISO 8601 calendar dates (DESIGN §5).
IsoDateTime = Annotated[AwareDatetime, BeforeValidator(_iso_text_only)]
IsoDate = Annotated[date, BeforeValidator(_iso_text_only)]


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
