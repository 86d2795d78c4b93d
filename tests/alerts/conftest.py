"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives, the hub pointed at it,
and a small store: one synthetic incident referred high-risk to a partner, a disposal notice."""

from __future__ import annotations

import json
import logging
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import Envelope

from asbhub.pipeline import feed
from asbhub.seed.incidents import generate_incidents
from asbhub.store.engine import Store, upgrade
from asbhub.store.models import Delivery, DisposalNotice, DisposalRun, Incident, Referral
from tests.pipeline.partners_here import local_partner_config

OPERATORS = "asb-hub-ops@hub.example.org"
SENDER = "asb-hub@hub.example.org"
COLLECTOR, ACKER = "chelmsford_council", "basildon_council"  # one waits to collect, one to ack
CONTACT = {
    COLLECTOR: "asb-alerts@chelmsford-council.example.org",
    ACKER: "asb-alerts@basildon-council.example.org",
}
NOW = datetime.now(UTC)


@dataclass
class Received:
    """One message as the server got it."""

    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage

    @property
    def text(self) -> str:
        """Subject and every part's decoded body: what a reader could see."""
        texts = [p for p in self.message.walk() if p.get_content_maintype() == "text"]
        return "\n".join([str(self.message["Subject"]), *(p.get_content() for p in texts)])


@dataclass
class Mailbox:
    received: list[Received] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Envelope) -> str:
        message = message_from_bytes(envelope.original_content or b"", policy=policy.default)
        assert isinstance(message, EmailMessage)
        self.received.append(Received(envelope.mail_from or "", list(envelope.rcpt_tos), message))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def smtp_server() -> Iterator[tuple[Controller, Mailbox]]:
    """aiosmtpd on 127.0.0.1 at a free port, for the session."""
    # Its thread logs each connection; after a CliRunner run, into a stream already closed.
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield controller, mailbox
    finally:
        controller.stop()


@pytest.fixture
def mailbox(smtp_server: tuple[Controller, Mailbox], monkeypatch: pytest.MonkeyPatch) -> Mailbox:
    """An empty mailbox, and the hub's alerts pointed at the server through the Airflow SMTP
    connection `smtp_default` (plain SMTP on loopback: no SSL, no STARTTLS)."""
    controller, box = smtp_server
    box.received.clear()
    connection = {
        "conn_type": "smtp",
        "host": controller.hostname,
        "port": controller.port,
        "extra": {"disable_ssl": True, "disable_tls": True, "from_email": SENDER, "timeout": 10},
    }
    monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", json.dumps(connection))
    monkeypatch.setenv("ASBHUB_ALERTS_TO", OPERATORS)
    for name in ("ASBHUB_ALERTS_SMTP_CONNECTION", "ASBHUB_ALERTS_SMTP_HOST"):
        monkeypatch.delenv(name, raising=False)
    return box


@dataclass
class AlertWorld:
    config_dir: Path
    home: Path
    database_url: str
    partner_roots: dict[str, Path]
    incident: dict[str, Any]
    referral_id: str
    batch_id: str
    notice_id: str

    def cli_args(self, *args: str) -> list[str]:
        return ["--config-dir", str(self.config_dir), "--home", str(self.home), *args]


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AlertWorld:
    """Two partners on local folders, a migrated SQLite store and nothing in it yet."""
    roots = local_partner_config(
        tmp_path / "config", tmp_path / "partners", monkeypatch, only={COLLECTOR, ACKER}
    )
    home = tmp_path / "home"
    home.mkdir()
    url = f"sqlite:///{home / 'hub.sqlite3'}"
    upgrade(url)
    monkeypatch.setenv("ASBHUB_DATABASE_URL", url)
    monkeypatch.setenv("ASBHUB_LEDGER_KEY", "test-ledger-key-not-a-real-secret")
    incident = json.loads(
        json.dumps(next(generate_incidents(1, 16, date(2026, 11, 24))), default=str)
    )
    return AlertWorld(
        config_dir=tmp_path / "config",
        home=home,
        database_url=url,
        partner_roots=roots,
        incident=incident,
        referral_id="R-00000000000000A1",
        batch_id=feed.batch_id(COLLECTOR, date(2026, 11, 24)),
        notice_id="DN-0000000000A1",
    )


def add_high_risk_delivery(world: AlertWorld, hours_ago: int, collected: bool) -> None:
    """The incident referred high-risk to COLLECTOR in a batch delivered `hours_ago`; its
    manifest still in the partner's inbox unless `collected`."""
    night = date(2026, 11, 24)
    delivered = NOW - timedelta(hours=hours_ago)
    store = Store(world.database_url)
    with store.session() as s:
        incident = Incident(
            incident_ref=world.incident["incident_ref"],
            reported_at=datetime.fromisoformat(world.incident["reported_at"]),
            district=world.incident["district"],
            is_asb=True,
            nsir_category=world.incident["nsir_category"],
            asb_type=world.incident["asb_type"],
            risk_level="high",
            source_file="extract.csv",
            source_line=2,
            ingested_at=delivered,
            payload=world.incident,
        )
        s.add(incident)
        s.flush()
        s.add(
            Referral(
                referral_id=world.referral_id,
                incident_id=incident.id,
                partner_id=COLLECTOR,
                created_at=delivered,
                high_risk=True,
                status="delivered",
                batch_id=world.batch_id,
                delivered_at=delivered,
            )
        )
        s.add(
            Delivery(
                batch_id=world.batch_id,
                partner_id=COLLECTOR,
                night=night,
                status="delivered",
                record_count=1,
                files=[{"name": feed.manifest_name(night)}],
                created_at=delivered,
                delivered_at=delivered,
            )
        )
    store.dispose()
    if not collected:
        inbox = world.partner_roots[COLLECTOR] / "inbox"
        (inbox / feed.manifest_name(night)).write_text("{}", encoding="utf-8")


def add_disposal_notice(world: AlertWorld, days_ago: int, acknowledged: bool) -> None:
    """A disposal notice to ACKER about the incident's referral, issued `days_ago`."""
    issued = NOW - timedelta(days=days_ago)
    store = Store(world.database_url)
    with store.session() as s:
        run = DisposalRun(
            run_id="DR-20261001-A1B2C3",
            as_of=issued.date(),
            schedule_version="2026.1",
            schedule_digest="0" * 64,
            status="certified",
            planned_at=issued,
            planned_by="test",
        )
        s.add(run)
        s.flush()
        s.add(
            DisposalNotice(
                notice_id=world.notice_id,
                run_pk=run.id,
                partner_id=ACKER,
                referral_id=world.referral_id,
                reason="referral-standard",
                issued_at=issued,
                acknowledge_by=(issued + timedelta(days=28)).date(),
                sent_at=issued,
                acknowledged_at=issued + timedelta(days=3) if acknowledged else None,
            )
        )
    store.dispose()


NAMES = ("victim_name", "subject_name")
ADDRESSES = ("victim_address", "subject_address", "location_street")
IDENTIFIERS = (
    "victim_postcode",
    "victim_phone",
    "victim_email",
    "subject_postcode",
    "subject_pnc_id",
    "vehicle_registration",
    "location_postcode",
)


def personal_values(incident: dict[str, Any]) -> list[str]:
    """The incident's personal values: names whole and in parts, addresses whole and their
    street, phones, postcodes and the like, and every run of four narrative words. (A town on
    its own says nothing of a person, and may well be in a council's name.)"""
    values: set[str] = set()
    for name in NAMES:
        if incident.get(name):
            values.add(incident[name])
            values.update(part for part in incident[name].split() if len(part) > 2)
    for name in ADDRESSES:
        if incident.get(name):
            values.add(incident[name])
            street = incident[name].split(",")[0]
            values.update({street, street.lstrip("0123456789 ")})
    values.update(str(incident[name]) for name in IDENTIFIERS if incident.get(name))
    words = str(incident["narrative"]).split()
    values.update(" ".join(words[i : i + 4]) for i in range(len(words) - 3))
    return sorted(v for v in values if v.strip())


def assert_no_personal_data(received: list[Received], incident: dict[str, Any]) -> None:
    for mail in received:
        text = mail.text.casefold()
        found = [v for v in personal_values(incident) if v.casefold() in text]
        assert not found, f"{mail.message['Subject']}: carries {found}"
