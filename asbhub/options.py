"""Every `ASBHUB_*` option of the hub as one typed model.

`asbhub.settings.options()` builds it from the process environment (or a mapping a caller
gives), once per use: it is the only place the hub reads its environment, so each option has
one name, one type and one default, and a malformed value is refused with its variable named.
A plain pydantic model rather than pydantic-settings' BaseSettings: it is built from exactly the
mapping given (a test's, a subprocess's), never merged with the process environment behind the
caller's back.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

from asbhub.errors import EnvironmentProblem

PREFIX = "ASBHUB_"
# An email address as the alerts need one: something@somewhere.tld, no spaces, no name part.
EMAIL = r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$"


class Options(BaseModel):
    """The hub's options; the environment variable of each is PREFIX + its name upper-cased."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    # Where things are (asbhub.settings.Settings resolves the defaults).
    config_dir: Path | None = None
    home: Path | None = None
    database_url: str | None = None
    # Secrets: never logged, never in the repository. Else an Airflow Variable of the same name.
    ledger_key: SecretStr | None = None
    pseudonym_key: SecretStr | None = None
    # The ledger key the store's keyed lookups were made with, once the ledger key has been
    # rotated (`asbhub ledger rekey`); and the new key, while rotating.
    ledger_lookup_key: SecretStr | None = None
    ledger_new_key: SecretStr | None = None
    # The hub's OpenPGP secret key (ASCII-armoured) and its passphrase (asbhub.openpgp).
    openpgp_key: SecretStr | None = None
    openpgp_passphrase: SecretStr | None = None
    # The force's landing area when it is an object-store prefix rather than HOME/landing.
    landing_connection: str | None = None
    landing_prefix: str = "landing"
    # The hub's own areas in an S3-compatible bucket (a connection of type aws naming it) under
    # a prefix, rather than folders under HOME: any task can then run on any worker.
    areas_connection: str | None = None
    areas_prefix: str = "hub"
    # Inbound: the largest file read, and a run-wide override of each partner's settle time.
    inbound_max_bytes: int | None = Field(None, gt=0)
    inbound_settle_seconds: float | None = Field(None, ge=0)
    # The PII engine: the spaCy model, and worker processes for a large batch of narratives.
    spacy_model: str | None = None
    pii_processes: int | None = Field(None, ge=1)
    # Airflow tasks: the delay between retries.
    retry_delay_seconds: int = Field(300, ge=0)
    # How often `police_ingest` looks in the landing area (minutes; a divisor of 30, so that
    # the night's 00:30 is one of its runs): an urgent referral leaves within minutes of it.
    ingest_every_minutes: int = Field(10)
    # The name a task instance records as its host ([core] hostname_callable =
    # asbhub.settings.worker_hostname): several workers on one machine each their own.
    worker_name: str | None = None
    # The audit view.
    web_users: SecretStr | None = None
    audit_role: str | None = None
    airflow_url: str | None = None
    approval_dag_id: str | None = None
    web_origin: str | None = None
    # Alerts (asbhub.alerts): the operators' addresses (comma-separated), the Airflow SMTP
    # connection, else a plain SMTP host and port (no TLS, no login: a relay on the host's own
    # network), the From address when the connection names none, and how many hours a
    # high-risk referral may wait in a partner's inbox before someone is told.
    alerts_to: tuple[str, ...] = ()
    alerts_smtp_connection: str = "smtp_default"
    alerts_smtp_host: str | None = None
    alerts_smtp_port: int = Field(25, gt=0, lt=65536)
    alerts_from: str | None = Field(default=None, pattern=EMAIL)
    alerts_collect_hours: int = Field(24, ge=1)

    @field_validator("ingest_every_minutes")
    @classmethod
    def _divides_half_hour(cls, value: int) -> int:
        if value < 1 or 30 % value:
            raise ValueError(f"{value} does not divide 30 (1, 2, 3, 5, 6, 10, 15 or 30)")
        return value

    @field_validator("alerts_to", mode="before")
    @classmethod
    def _addresses(cls, value: object) -> object:
        if isinstance(value, str):
            value = tuple(part.strip() for part in value.split(",") if part.strip())
        for address in value if isinstance(value, tuple | list) else ():
            if not re.fullmatch(EMAIL, str(address)):
                raise ValueError(f"{address!r} is not an email address")
        return value

    @classmethod
    def variable(cls, field: str) -> str:
        """The environment variable that sets a field."""
        return PREFIX + field.upper()

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> Options:
        """The options an environment sets; an empty value counts as unset."""
        values = {
            name: environ[cls.variable(name)]
            for name in cls.model_fields
            if environ.get(cls.variable(name), "").strip()
        }
        try:
            return cls.model_validate(values)
        except ValidationError as exc:
            problems = "; ".join(
                f"{cls.variable(str(error['loc'][0]))}: {error['msg']}" for error in exc.errors()
            )
            raise EnvironmentProblem(f"bad hub setting: {problems}") from None
