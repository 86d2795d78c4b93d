"""Partner configuration: one YAML file per partner with its coverage, transport and ISA."""

from __future__ import annotations

import base64
import binascii
import re
import struct
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from asbhub.errors import ConfigError
from asbhub.openpgp import PartnerOpenPgp
from asbhub.options import EMAIL
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


_APOSTROPHES = str.maketrans("", "", "'\u2019\u2018`")
_NOT_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=4096)
def place_key(name: str) -> str:
    """The form in which district and landlord names are compared: case, spacing, hyphens and
    punctuation ignored ("SOUTHEND-ON-SEA ", "Southend on Sea" and "southend_on_sea" are one
    place), apostrophes dropped ("King's" = "Kings")."""
    text = unicodedata.normalize("NFKC", name).translate(_APOSTROPHES).casefold()
    return " ".join(_NOT_WORD.sub(" ", text).split())


# libyaml's safe loader when PyYAML was built with it: every task and DAG parse reads all the
# partner files, and the pure-Python loader is most of that time. Same safe subset of YAML.
SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Coverage(BaseModel):
    """Whom a partner covers: a council its districts, a housing provider its tenants.

    `aliases` are other names the force's extract uses for the same places (a council) or the
    same landlord (a housing provider), e.g. "Southend" for "Southend-on-Sea"."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    districts: list[str] = Field(default_factory=list)
    landlord: str | None = Field(None, pattern=PARTNER_ID)
    aliases: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _aliases_add_names(self) -> Coverage:
        own = {place_key(name) for name in [*self.districts, self.landlord or ""]}
        seen: set[str] = set()
        problems = []
        for index, alias in enumerate(self.aliases):
            key = place_key(alias)
            if not key:
                problems.append(f"aliases.{index}: {alias!r} has no letters or digits")
            elif key in own:
                problems.append(
                    f"aliases.{index}: {alias!r} already matches this partner's own name once "
                    "case, spaces and punctuation are ignored: remove it"
                )
            elif key in seen:
                problems.append(f"aliases.{index}: {alias!r} is listed twice")
            seen.add(key)
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def names(self) -> list[str]:
        """Every name this coverage answers to: districts or landlord, then aliases."""
        return [*self.districts, *([self.landlord] if self.landlord else []), *self.aliases]

    def match_keys(self) -> frozenset[str]:
        return _keys(tuple(self.names()))


@lru_cache(maxsize=256)
def _keys(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(place_key(name) for name in names)


class Schedule(BaseModel):
    """Local (Europe/London) times of the partner's nightly runs."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    outbound: str = Field(default="02:00", pattern=HHMM)
    inbound: str = Field(default="06:30", pattern=HHMM)

    @field_validator("outbound", "inbound", mode="before")
    @classmethod
    def _time_is_quoted(cls, value: Any) -> Any:
        # YAML 1.1 reads an unquoted 12:30 as the base-60 number 750.
        if isinstance(value, int):
            raise ValueError('write the time in quotes, e.g. "12:30" (YAML read it as a number)')
        return value


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


class Contacts(BaseModel):
    """Whom the hub tells at the partner: `alerts` gets the hub's alerts about this partner (a
    delivery that failed, a file over the quarantine rate, a high-risk referral not collected,
    disposal acks overdue). A team mailbox, not a person's own address."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    alerts: str | None = Field(default=None, pattern=EMAIL)


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
    contacts: Contacts = Contacts()
    # Files to the partner encrypted to its key and signed with the hub's; files from it
    # decrypted and their signature checked (asbhub.openpgp). None: plain files.
    openpgp: PartnerOpenPgp | None = None
    isa: Isa

    @model_validator(mode="after")
    def _coherent(self) -> PartnerConfig:
        problems = []
        if self.kind == "council" and not self.coverage.districts:
            problems.append("a council must cover at least one district (coverage.districts)")
        if self.kind == "housing_provider" and not self.coverage.landlord:
            problems.append("a housing provider must name its landlord id (coverage.landlord)")
        if self.kind == "council" and self.coverage.landlord:
            problems.append("a council covers districts, not a landlord (coverage.landlord)")
        for contract_id, version in self.contracts.items():
            if f"{contract_id}/{version}" not in CONTRACTS:
                problems.append(f"contracts: {contract_id}/{version} is not a known contract")
        if self.transport.type == "sftp":
            if not self.transport.host_key:
                problems.append("transport.host_key is required for sftp: the key is pinned")
            else:
                try:
                    check_host_key(self.transport.host_key)
                except ValueError as exc:
                    problems.append(str(exc))
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def covers_district(self, district: str) -> bool:
        """True for the council whose districts (or their aliases) name this district."""
        return self.kind == "council" and place_key(district) in self.coverage.match_keys()

    def covers_landlord(self, landlord: str) -> bool:
        """True for the housing provider whose landlord id (or an alias) names this landlord."""
        return self.kind == "housing_provider" and place_key(landlord) in self.coverage.match_keys()


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
        data: Any = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)  # noqa: S506
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        what = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(f"{path}: not valid YAML{where}: {what}") from exc
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
    loaded: list[tuple[Path, PartnerConfig]] = []
    for path in sorted(partners_dir.glob("*.y*ml")):
        try:
            loaded.append((path, load_partner_file(path)))
        except ConfigError as exc:
            problems.extend(exc.problems)
    problems.extend(_cross_partner_problems(loaded))
    if problems:
        raise ConfigError(problems)
    return [partner for _, partner in loaded]


def _cross_partner_problems(loaded: list[tuple[Path, PartnerConfig]]) -> list[str]:
    """Ids, districts, landlords and aliases claimed twice; each problem names both files."""
    problems = []
    id_file: dict[str, Path] = {}
    # Councils and housing providers are matched on different fields, so each has its own
    # namespace; within one, a name (compared as routing compares it) has one owner.
    owners: dict[tuple[str, str], tuple[Path, str]] = {}
    for path, partner in loaded:
        if partner.id in id_file:
            problems.append(
                f"{path}: id: partner id {partner.id!r} is also used by {id_file[partner.id]}"
            )
            continue
        id_file[partner.id] = path
        coverage = partner.coverage
        named = [
            *((f"coverage.districts.{i}", "district", d) for i, d in enumerate(coverage.districts)),
            *([("coverage.landlord", "landlord", coverage.landlord)] if coverage.landlord else []),
            *((f"coverage.aliases.{i}", "alias", a) for i, a in enumerate(coverage.aliases)),
        ]
        for where, what, name in named:
            key = (partner.kind, place_key(name))
            if key in owners:
                other, other_name = owners[key]
                problems.append(
                    f"{path}: {where}: {what} {name!r} is also covered by {other} "
                    f"({other_name!r}): a referral must go to one "
                    + ("council" if partner.kind == "council" else "housing provider")
                )
                continue
            owners[key] = (path, name)
    return problems


def get_partner(partners: list[PartnerConfig], partner_id: str) -> PartnerConfig:
    for partner in partners:
        if partner.id == partner_id:
            return partner
    known = ", ".join(p.id for p in partners) or "none"
    raise ConfigError(f"no partner {partner_id!r}; known partners: {known}")
