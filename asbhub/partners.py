"""Partner configuration: one YAML file per partner with its coverage, transport and ISA."""

from __future__ import annotations

import base64
import binascii
import struct
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from asbhub.errors import ConfigError
from connectors.spec import TransportSpec
from contracts.referral import (
    SOURCE_FIELD_TREATMENTS,
    VICTIM_CONTACT_FIELDS,
    Treatment,
    allowed_treatments,
)
from contracts.registry import CONTRACTS

PARTNER_ID = r"^[a-z][a-z0-9_]{1,40}$"
HOST_KEY_TYPES = {
    "ssh-ed25519",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
    "rsa-sha2-512",
    "rsa-sha2-256",
    "ssh-rsa",
}
HHMM = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"


class Coverage(BaseModel):
    """Whom a partner covers: a council its districts, a housing provider its tenants."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    districts: list[str] = Field(default_factory=list)
    landlord: str | None = Field(None, pattern=PARTNER_ID)


class Schedule(BaseModel):
    """Local (Europe/London) times of the partner's nightly runs."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    outbound: str = Field("02:00", pattern=HHMM)
    inbound: str = Field("06:30", pattern=HHMM)


class Isa(BaseModel):
    """The information-sharing agreement: what the partner may receive, and in what form."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    reference: str = Field(min_length=3, max_length=60)
    lawful_basis: str = Field(min_length=3)
    fields: dict[str, Treatment]
    # Victim contact fields that may go without the victim's consent, each with its basis.
    without_consent: dict[str, str] = Field(default_factory=dict)
    disposal_ack_days: int = Field(28, ge=1, le=365)
    quarantine_alert_rate: float = Field(0.2, ge=0, le=1)

    @field_validator("fields")
    @classmethod
    def _fields_are_known(cls, fields: dict[str, str]) -> dict[str, str]:
        problems = []
        for name, treatment in fields.items():
            if name not in SOURCE_FIELD_TREATMENTS:
                problems.append(f"{name!r} is not a field of referral/1.0 (incident source fields)")
            elif treatment not in allowed_treatments(name):
                allowed = ", ".join(sorted(allowed_treatments(name)))
                problems.append(f"{name!r} cannot be treated {treatment!r}; allowed: {allowed}")
        if fields.get("referral_id") != "share":
            problems.append("'referral_id' must be shared: partners quote it back in outcomes")
        if problems:
            raise ValueError("; ".join(problems))
        return fields

    @model_validator(mode="after")
    def _without_consent_names_contact_fields(self) -> Isa:
        for name in self.without_consent:
            if name not in VICTIM_CONTACT_FIELDS:
                raise ValueError(
                    f"without_consent names {name!r}, which is not a victim contact field "
                    f"({', '.join(sorted(VICTIM_CONTACT_FIELDS))})"
                )
        return self


class PartnerConfig(BaseModel):
    """One partner, as a data engineer describes it in config/partners/<id>.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=PARTNER_ID)
    name: str = Field(min_length=3)
    kind: Literal["council", "housing_provider"]
    coverage: Coverage
    transport: TransportSpec
    schedule: Schedule = Schedule()
    format: Literal["csv", "jsonl"] = "csv"
    contracts: dict[str, str] = Field(default_factory=lambda: {"referral": "1.0", "outcome": "1.0"})
    isa: Isa

    @model_validator(mode="after")
    def _coherent(self) -> PartnerConfig:
        if self.kind == "council" and not self.coverage.districts:
            raise ValueError("a council must cover at least one district (coverage.districts)")
        if self.kind == "housing_provider" and not self.coverage.landlord:
            raise ValueError("a housing provider must name its landlord id (coverage.landlord)")
        if self.kind == "council" and self.coverage.landlord:
            raise ValueError("a council covers districts, not a landlord")
        for contract_id, version in self.contracts.items():
            if f"{contract_id}/{version}" not in CONTRACTS:
                raise ValueError(f"contracts: {contract_id}/{version} is not a known contract")
        if self.transport.type == "sftp":
            if not self.transport.host_key:
                raise ValueError("transport.host_key is required for sftp: the key is pinned")
            check_host_key(self.transport.host_key)
        return self

    def covers_district(self, district: str) -> bool:
        return self.kind == "council" and district in self.coverage.districts


def check_host_key(line: str) -> None:
    """Refuse a host key that is not `<type> <base64 blob>` with the type inside the blob."""
    parts = line.split()
    if len(parts) < 2:
        raise ValueError("transport.host_key must be '<key type> <base64>', as in known_hosts")
    key_type, blob = parts[0], parts[1]
    if key_type not in HOST_KEY_TYPES:
        known = ", ".join(sorted(HOST_KEY_TYPES))
        raise ValueError(f"transport.host_key type {key_type!r} is not one of: {known}")
    try:
        raw = base64.b64decode(blob, validate=True)
        (length,) = struct.unpack(">I", raw[:4])
        embedded = raw[4 : 4 + length].decode("ascii")
    except (binascii.Error, struct.error, UnicodeDecodeError) as exc:
        raise ValueError("transport.host_key is not valid base64 key data") from exc
    wire_type = "ssh-rsa" if key_type.startswith("rsa-sha2") else key_type
    if embedded != wire_type:
        raise ValueError(f"transport.host_key says {key_type!r} but the key data is {embedded!r}")


def _format_errors(path: Path, exc: ValidationError) -> list[str]:
    problems = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error["loc"]) or "(top level)"
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "extra_forbidden":
            message = "unknown key"
        problems.append(f"{path}: {where}: {message}")
    return problems


def load_partner_file(path: Path) -> PartnerConfig:
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of partner settings")
    try:
        partner = PartnerConfig.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(_format_errors(path, exc)) from exc
    if partner.id != path.stem:
        raise ConfigError(f"{path}: id {partner.id!r} must match the file name {path.stem!r}")
    return partner


def load_partners(partners_dir: Path) -> list[PartnerConfig]:
    """Load every partner file, reporting every problem in every file in one error."""
    if not partners_dir.is_dir():
        raise ConfigError(f"{partners_dir}: no partners folder")
    problems: list[str] = []
    partners: list[PartnerConfig] = []
    for path in sorted(partners_dir.glob("*.y*ml")):
        try:
            partners.append(load_partner_file(path))
        except ConfigError as exc:
            problems.extend(exc.problems)
    problems.extend(_cross_partner_problems(partners))
    if problems:
        raise ConfigError(problems)
    return partners


def _cross_partner_problems(partners: list[PartnerConfig]) -> list[str]:
    problems = []
    seen_ids: set[str] = set()
    district_owner: dict[str, str] = {}
    landlord_owner: dict[str, str] = {}
    for partner in partners:
        if partner.id in seen_ids:
            problems.append(f"partner id {partner.id!r} is used by more than one file")
        seen_ids.add(partner.id)
        for district in partner.coverage.districts:
            if district in district_owner:
                problems.append(
                    f"district {district!r} is covered by both {district_owner[district]!r} "
                    f"and {partner.id!r}: a referral must have one council"
                )
            district_owner[district] = partner.id
        if partner.coverage.landlord:
            if partner.coverage.landlord in landlord_owner:
                problems.append(
                    f"landlord {partner.coverage.landlord!r} is covered by both "
                    f"{landlord_owner[partner.coverage.landlord]!r} and {partner.id!r}"
                )
            landlord_owner[partner.coverage.landlord] = partner.id
    return problems


def get_partner(partners: list[PartnerConfig], partner_id: str) -> PartnerConfig:
    for partner in partners:
        if partner.id == partner_id:
            return partner
    known = ", ".join(p.id for p in partners) or "none"
    raise ConfigError(f"no partner {partner_id!r}; known partners: {known}")
