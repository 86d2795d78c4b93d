"""A stand-in for the partners: each collects its batch from its inbox and answers through its
own outbox with outcomes (some rows wrong on purpose, one whole file wrong, sent with the answer
or re-sent later) and disposal acks.

A partner that receives OpenPGP decrypts what it collects and checks the hub's signature on
each file (refusing to read one that fails), and sends its files encrypted to the hub's key and
signed with its own. It uses the hub's GnuPG wrapper with the roles swapped: its own secret key
where the hub has the hub's, the hub's public key pinned where the hub pins the partner's."""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import random
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from asbhub.formats import write_csv_rows, write_jsonl_rows
from asbhub.openpgp import Keyring, Refused, encrypted_name, plain_name, signature_name
from asbhub.partners import PartnerConfig
from connectors import Transport, open_transport
from contracts.disposal import DisposalAck
from contracts.outcome import Outcome

COUNCIL_ACTIONS = ["advice", "warning_letter", "community_protection_warning", "mediation"]
PROVIDER_ACTIONS = ["tenancy_enforcement", "acceptable_behaviour_contract", "support_referral"]


@dataclass(frozen=True)
class PartnerPgp:
    """What an OpenPGP partner holds: its own secret key and the hub's public key."""

    secret_key: str
    hub_public_key: str
    hub_fingerprint: str


class _Sealer:
    """The partner's side of OpenPGP, for one answer."""

    def __init__(self, keys: PartnerPgp) -> None:
        self.keys = keys
        self.keyring = Keyring()
        self.keyring.import_hub(keys.secret_key, None)
        self.keyring.import_public(keys.hub_public_key, keys.hub_fingerprint, "the hub's key")
        self.opened = 0
        self.sealed = 0

    def open(self, sealed: Path) -> Path:
        """The plain file, once the hub's signature on it is checked; raises Refused."""
        out = sealed.with_name(plain_name(sealed.name) or sealed.name + ".plain")
        self.keyring.open(
            sealed,
            out,
            frozenset({self.keys.hub_fingerprint}),
            require_signature=True,
            require_encryption=True,
            max_bytes=1 << 30,
        )
        self.opened += 1
        return out

    def check_manifest(self, manifest: Path, signature: Path) -> None:
        if not self.keyring.signed_by(manifest, signature, frozenset({self.keys.hub_fingerprint})):
            raise Refused("bad_signature", f"{manifest.name}: not signed by the hub's key")
        self.opened += 1

    def seal(self, plain: Path) -> Path:
        out = plain.with_name(encrypted_name(plain.name))
        self.keyring.encrypt(plain, out, [self.keys.hub_fingerprint])
        self.sealed += 1
        return out

    def close(self) -> None:
        self.keyring.close()


def _send(transport: Transport, path: Path, sealer: _Sealer | None) -> str:
    """Put a file in the partner's outbox (sealed, for an OpenPGP partner); its name there."""
    sent = sealer.seal(path) if sealer else path
    transport.put("outbox", sent.name, sent)
    return sent.name


@dataclass
class PartnerReply:
    partner_id: str
    referrals_read: int = 0
    outcomes_sent: int = 0
    bad_rows_sent: int = 0
    bad_files_sent: int = 0
    acks_sent: int = 0
    rejection_reports_read: int = 0
    opened: int = 0  # OpenPGP: files decrypted, the hub's signature checked
    sealed: int = 0  # OpenPGP: files sent encrypted to the hub and signed
    updates_read: int = 0  # referrals it holds that came again, changed
    withdrawals_read: int = 0  # referrals it was told to delete
    files: list[str] = field(default_factory=list)


def answer_all(
    partners: list[PartnerConfig],
    today: date,
    seed: int,
    bad_file_partner: str | None,
    with_resend: bool = True,
    openpgp: Mapping[str, PartnerPgp] | None = None,
) -> list[PartnerReply]:
    """Every partner's answer; `bad_file_partner` sends a wrong row or more, and an unreadable
    file with them unless `with_resend` is false (then `resend_unreadable` sends it later).
    `openpgp` holds the keys of the partners that receive OpenPGP."""
    replies = []
    for partner in partners:
        rng = random.Random(f"{seed}:{partner.id}:{today}")  # noqa: S311 - synthetic data
        bad = partner.id == bad_file_partner
        keys = (openpgp or {}).get(partner.id) if partner.openpgp else None
        with open_transport(partner.transport) as transport:
            replies.append(
                answer(partner, transport, today, rng, bad, with_resend=with_resend, keys=keys)
            )
    return replies


def resend_unreadable(partner: PartnerConfig, today: date) -> PartnerReply:
    """The partner re-sends a file later in the day, and it is not a CSV file at all."""
    with (
        tempfile.TemporaryDirectory(prefix="asbhub-partner-") as tmp,
        open_transport(partner.transport) as transport,
    ):
        name = _put_unreadable(transport, Path(tmp), today)
    return PartnerReply(partner_id=partner.id, bad_files_sent=1, files=[name])


def answer(
    partner: PartnerConfig,
    transport: Transport,
    today: date,
    rng: random.Random,
    bad_file: bool,
    with_resend: bool = True,
    keys: PartnerPgp | None = None,
) -> PartnerReply:
    reply = PartnerReply(partner_id=partner.id)
    sealer = _Sealer(keys) if keys else None
    try:
        _answer(partner, transport, today, rng, bad_file, with_resend, sealer, reply)
    finally:
        if sealer:
            reply.opened, reply.sealed = sealer.opened, sealer.sealed
            sealer.close()
    return reply


def _answer(
    partner: PartnerConfig,
    transport: Transport,
    today: date,
    rng: random.Random,
    bad_file: bool,
    with_resend: bool,
    sealer: _Sealer | None,
    reply: PartnerReply,
) -> None:
    with tempfile.TemporaryDirectory(prefix="asbhub-partner-") as tmp:
        work = Path(tmp)
        referrals, notices, changes = [], [], []
        names = [remote.name for remote in transport.list("inbox")]
        for name in names:
            local = work / name
            if name.startswith("manifest-") and name.endswith(".json.asc"):
                continue  # the manifest's signature: checked with the manifest below
            if plain_name(name) and sealer is None:
                continue  # encrypted for a partner this simulation holds no key of
            transport.get("inbox", name, local)
            if sealer and name.startswith("manifest-") and name.endswith(".json"):
                signature = work / signature_name(name)
                transport.get("inbox", signature.name, signature)
                sealer.check_manifest(local, signature)  # not the hub's signature: raises
            if sealer and plain_name(name):
                local = sealer.open(local)  # a file that fails the hub's signature: raises
            if local.name.startswith("referrals-"):
                referrals.extend(_read(local))
            elif local.name.startswith("disposal-notices-"):
                notices.extend(_read(local))
            elif local.name.startswith("referral-changes-"):
                changes.extend(_read(local))
            elif local.name.startswith("rejection-"):
                reply.rejection_reports_read += 1
        # An update replaces a referral the partner already answered; a withdrawal deletes one.
        updated = {str(c["referral_id"]) for c in changes if c["change"] == "update"}
        reply.updates_read = len(updated)
        reply.withdrawals_read = sum(1 for c in changes if c["change"] == "withdrawal")
        referrals = [r for r in referrals if str(r["referral_id"]) not in updated]
        # Collecting the batch is how a partner acknowledges it.
        transport.delete("inbox", [r.name for r in transport.list("inbox")])
        reply.referrals_read = len(referrals)
        stamp = f"{today:%Y%m%d}"
        if referrals:
            rows = [_outcome(partner, row, today, rng, n) for n, row in enumerate(referrals)]
            bad = _spoil(rows, rng, at_least_one=bad_file)
            reply.outcomes_sent, reply.bad_rows_sent = len(rows) - bad, bad
            name = f"outcomes-{stamp}.{partner.format}"
            _write(work / name, partner.format, Outcome.field_names(), rows)
            reply.files.append(_send(transport, work / name, sealer))
        if bad_file and with_resend and referrals:
            reply.bad_files_sent += 1
            reply.files.append(_put_unreadable(transport, work, today, sealer))
        if notices:
            acks = [
                DisposalAck(
                    notice_id=str(n["notice_id"]),
                    referral_id=str(n["referral_id"]),
                    disposed_at=datetime.now(UTC) - timedelta(minutes=5),
                    confirmed_by_role="ASB records officer",
                ).model_dump(mode="json")
                for n in notices
            ]
            name = f"disposal-acks-{stamp}.{partner.format}"
            _write(work / name, partner.format, DisposalAck.field_names(), acks)
            reply.acks_sent = len(acks)
            reply.files.append(_send(transport, work / name, sealer))


def _put_unreadable(
    transport: Transport, work: Path, today: date, sealer: _Sealer | None = None
) -> str:
    """A gzip file named as a CSV one, in the outbox; its name."""
    name = f"outcomes-{today:%Y%m%d}-resend.csv"
    (work / name).write_bytes(gzip.compress(b"outcome_id,referral_id\n1,2\n"))
    return _send(transport, work / name, sealer)


def _read(path: Path) -> list[dict[str, Any]]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".csv":
        return list(csv.DictReader(io.StringIO(text, newline="")))
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _write(path: Path, fmt: str, columns: list[str], rows: list[dict[str, Any]]) -> None:
    (write_csv_rows if fmt == "csv" else write_jsonl_rows)(path, columns, rows)


def _outcome(
    partner: PartnerConfig, referral: dict[str, Any], today: date, rng: random.Random, n: int
) -> dict[str, Any]:
    reported = str(referral.get("reported_date") or referral.get("reported_at") or today)[:10]
    start = date.fromisoformat(reported)
    status = rng.choices(["closed", "in_progress", "accepted"], weights=[6, 3, 1])[0]
    actions = PROVIDER_ACTIONS if partner.kind == "housing_provider" else COUNCIL_ACTIONS
    closed_on = start + timedelta(days=rng.randint(1, 20))
    # The demo's next night runs on the hub's today, which refuses later dates: a report from
    # the partner's today (one received after midnight) has only been taken on so far.
    fresh = start >= min(today, date.today())
    disputed = _disputed(referral, partner)
    if disputed is not None:
        status = disputed
    if fresh:
        status = "accepted"
    return {
        "outcome_id": f"{partner.id[:3].upper()}-{today:%y%m%d}-{n:05d}",
        "referral_id": referral["referral_id"],
        "status": status,
        "recorded_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "lead_agency_accepted": partner.kind == "council" and rng.random() < 0.6,
        "actions": rng.sample(actions, k=rng.randint(1, 2)),
        "action_date": None if fresh else str(start + timedelta(days=1)),
        "closed_on": str(min(closed_on, today)) if status == "closed" else None,
        "notes": rng.choice(
            [
                "Visited address; advice given to both parties.",
                "Spoke to Mr Dunmore on 07700 900456, agreed to keep noise down.",
                "Warning letter sent, review in four weeks.",
                None,
            ]
        ),
    }


def _disputed(referral: dict[str, Any], partner: PartnerConfig) -> str | None:
    """One shared incident in four is answered differently by its partners: half of them (by
    their ids) have closed it while the others still act, so the force's summary has conflicts
    to flag every night, whatever the day's random answers. The incident is known to all its
    partners by its report's time, the same in each of their referrals."""
    reported = referral.get("reported_at") or referral.get("reported_date")
    if not reported:
        return None
    incident = int(hashlib.sha256(str(reported).encode()).hexdigest(), 16)
    if incident % 4:
        return None
    side = int(hashlib.sha256(partner.id.encode()).hexdigest(), 16) % 2
    return "closed" if side else "in_progress"


def _spoil(rows: list[dict[str, Any]], rng: random.Random, at_least_one: bool) -> int:
    """Make about one row in forty wrong, as partners' files sometimes are."""
    spoiled = 0
    for n, row in enumerate(rows):
        if rng.random() >= 0.025 and not (at_least_one and n == 0):
            continue
        spoiled += 1
        fault = rng.choice(["status", "referral", "future"])
        if fault == "status":
            row["status"] = "closd"
        elif fault == "referral":
            row["referral_id"] = "R-" + "".join(rng.choice("0123456789ABCDEF") for _ in range(16))
        else:
            row["status"], row["closed_on"] = "closed", str(date.today() + timedelta(days=30))
    return spoiled
