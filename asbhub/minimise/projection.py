"""The ISA projection: exactly the partner's view of a referral, and nothing else (default deny).

The ISA names source fields with a treatment. A field the ISA does not name never appears,
whatever the contract grows to; a victim's contact details appear only where the victim
consented or the ISA names another lawful basis for that field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from asbhub.minimise.keys import PseudonymKeys
from asbhub.partners import PartnerConfig
from contracts.referral import AGE_BANDS, VICTIM_CONTACT_FIELDS, output_field

LONDON = ZoneInfo("Europe/London")

# Redacts free text; `known` holds the record's own personal values by type.
Redactor = Callable[[str, Mapping[str, list[str]]], str]

TOKEN_PREFIX = {
    "incident_ref": "ir",
    "victim_name": "vn",
    "subject_name": "sn",
    "subject_pnc_id": "pn",
    "vehicle_registration": "vr",
}

# Structured fields whose values must never survive in the record's own narrative.
KNOWN_PII_FIELDS = {
    "PERSON": ("victim_name", "subject_name"),
    "STREET_ADDRESS": ("victim_address", "subject_address", "location_street"),
    "UK_POSTCODE": ("victim_postcode", "subject_postcode", "location_postcode"),
    "PHONE_NUMBER": ("victim_phone",),
    "EMAIL_ADDRESS": ("victim_email",),
    "PNC_ID": ("subject_pnc_id",),
    "UK_VEHICLE_REGISTRATION": ("vehicle_registration",),
    "DATE_OF_BIRTH": ("victim_dob", "subject_dob"),
}


def known_pii(record: Mapping[str, Any]) -> dict[str, list[str]]:
    """The personal values in a record's structured fields: its narrative's deny list."""
    known: dict[str, list[str]] = {}
    for entity, fields in KNOWN_PII_FIELDS.items():
        values = [str(record[f]) for f in fields if record.get(f) not in (None, "")]
        if values:
            known[entity] = values
    return known


def age_band(dob: date, on: date) -> str:
    years = on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))
    if years < 18:
        return AGE_BANDS[0]
    if years >= 65:
        return AGE_BANDS[-1]
    for band in AGE_BANDS[1:-1]:
        low, high = (int(part) for part in band.split("-"))
        if low <= years <= high:
            return band
    raise AssertionError(f"no age band for {years}")  # unreachable: bands cover 18-64


def postcode_sector(postcode: str) -> str:
    """`SS14 1AB` -> `SS14 1`: the outward code and the first digit of the inward code."""
    compact = postcode.replace(" ", "").upper()
    return f"{compact[:-3]} {compact[-3]}"


def local_date(moment: datetime) -> date:
    return moment.astimezone(LONDON).date()


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _as_datetime(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def view_columns(partner: PartnerConfig) -> list[str]:
    """The columns of the partner's feed, in ISA order: exactly what the ISA names."""
    return [
        name
        for source, treatment in partner.isa.fields.items()
        if (name := output_field(source, treatment)) is not None
    ]


class Projector:
    """Applies one partner's ISA to canonical referral records."""

    def __init__(self, partner: PartnerConfig, keys: PseudonymKeys, redactor: Redactor) -> None:
        self.partner = partner
        self.keys = keys
        self.redactor = redactor
        self.columns = view_columns(partner)

    def withheld(self, source: str, record: Mapping[str, Any]) -> bool:
        """True when a victim contact field must not go to this partner for this record."""
        return (
            source in VICTIM_CONTACT_FIELDS
            and not record.get("victim_consent_to_share")
            and source not in self.partner.isa.without_consent
        )

    def project(
        self, record: Mapping[str, Any], redacted: Mapping[str, str] | None = None
    ) -> dict[str, Any]:
        """The partner's view of one record. `redacted` may hold free-text fields already
        redacted in bulk (by source field name), so the engine runs once per narrative."""
        view: dict[str, Any] = {}
        for source, treatment in self.partner.isa.fields.items():
            name = output_field(source, treatment)
            if name is None:
                continue
            value = record.get(source)
            if value is None or value == "" or self.withheld(source, record):
                view[name] = None
            elif treatment == "redact" and redacted is not None and source in redacted:
                view[name] = redacted[source]
            else:
                view[name] = self._treat(source, treatment, value, record)
        return view

    def _treat(self, source: str, treatment: str, value: Any, record: Mapping[str, Any]) -> Any:
        if treatment == "share":
            return value
        if treatment == "pseudonymise":
            return self.keys.token(self.partner.id, TOKEN_PREFIX[source], str(value))
        if treatment == "redact":
            return self.redactor(str(value), known_pii(record))
        if source.endswith("_dob"):
            return age_band(_as_date(value), local_date(_as_datetime(record["reported_at"])))
        if source.endswith("_postcode"):
            return postcode_sector(str(value))
        return local_date(_as_datetime(value)).isoformat()
