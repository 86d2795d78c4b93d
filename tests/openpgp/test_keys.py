"""A partner's OpenPGP settings: what the partner file must say, what `asbhub partners check
--connect` finds wrong with its keys, and staging that never sends a plain file to a partner
that receives OpenPGP, nor one it cannot encrypt."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import select

from asbhub.errors import ConfigError
from asbhub.openpgp import (
    KEYRING_PREFIX,
    STALE_KEYRING,
    NewKey,
    generate_key,
    sweep_stale_keyrings,
)
from asbhub.partners import load_partner_file
from asbhub.pipeline.outbound import deliver_night, stage_night
from asbhub.runtime import Hub
from asbhub.settings import Settings
from asbhub.store.models import LedgerEvent, Referral
from tests.lifecycle.conftest import NIGHT, Night, write_incidents
from tests.openpgp.conftest import Keys, PartnerSide, use_openpgp

COUNCIL = "chelmsford_council"
HOUSING = "estuary_homes"
CALM = {"district": "Chelmsford", "risk_level": "standard", "vulnerable_victim": False}


@pytest.fixture(scope="module")
def ending_key() -> NewKey:
    """A partner key that expires in ten days."""
    return generate_key("Partner ending (test) <pgp@partner.example>", expire="10d")


def _partner_file(night: Night, partner_id: str, openpgp: Any) -> Path:
    path = night.partner_file(partner_id)
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["openpgp"] = openpgp
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize(
    ("openpgp", "says"),
    [
        ({"keys": [{"fingerprint": "ABCD", "file": "k.asc"}]}, "a fingerprint is 40 hex digits"),
        ({"keys": [{"fingerprint": "A" * 40}]}, "name the key's `file`"),
        (
            {"keys": [{"fingerprint": "A" * 40, "file": "k.asc", "variable": "k"}]},
            "name the key's `file`",
        ),
        ({"keys": [{"fingerprint": "A" * 40, "file": "../k.asc"}]}, "openpgp.keys.0.file"),
        ({"keys": []}, "openpgp.keys"),
        (
            {"keys": [{"fingerprint": f"{c}" * 40, "file": "k.asc"} for c in "ABC"]},
            "openpgp.keys",
        ),
        (
            {
                "keys": [
                    {"fingerprint": "a" * 40, "file": "k.asc"},
                    {"fingerprint": "A" * 40, "variable": "v"},
                ]
            },
            "the same key is listed twice",
        ),
        ({"keys": [{"fingerprint": "A" * 40, "file": "k.asc"}], "sign": True}, "unknown key"),
    ],
)
def test_the_partner_file_says_what_is_wrong_with_its_openpgp(
    make_night: Any, openpgp: Any, says: str
) -> None:
    night: Night = make_night({COUNCIL})
    path = _partner_file(night, COUNCIL, openpgp)
    with pytest.raises(ConfigError) as caught:
        load_partner_file(path)
    assert says in str(caught.value)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
def test_partners_check_connect_finds_key_problems(
    make_night: Any,
    hub_key: NewKey,
    pgp_keys: Keys,
    ending_key: NewKey,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    night: Night = make_night(
        {COUNCIL, HOUSING, "basildon_council", "braintree_council", "brentwood_council"}
    )
    use_openpgp(night.config, COUNCIL, [pgp_keys.partner])  # good for two years
    use_openpgp(night.config, HOUSING, [ending_key])  # ends in ten days, nothing after it
    use_openpgp(night.config, "basildon_council", [pgp_keys.expired])
    # braintree's key is kept in an Airflow Variable, but the file pins another fingerprint.
    monkeypatch.setenv("AIRFLOW_VAR_BRAINTREE_PGP", pgp_keys.next.public)
    _partner_file(
        night,
        "braintree_council",
        {"keys": [{"fingerprint": pgp_keys.partner.fingerprint, "variable": "braintree_pgp"}]},
    )
    # brentwood's key file holds a secret key: a data engineer pasted the wrong export.
    use_openpgp(night.config, "brentwood_council", [pgp_keys.next])
    [brentwood_file] = (night.config / "keys").glob("brentwood_council-*.asc")
    brentwood_file.write_text(pgp_keys.next.secret)
    code, result = night.cli("partners", "check", "--connect")
    assert code == 2, result
    found = {r["partner_id"]: r for r in result["connectivity"]}
    council = found[COUNCIL]
    assert council["ok"] and not council["openpgp_problems"] and not council["openpgp_warnings"]
    assert council["openpgp_keys"] == [
        f"{pgp_keys.partner.fingerprint} expires {datetime.now(UTC) + timedelta(days=730):%Y-%m-%d}"
    ] or council["openpgp_keys"][0].startswith(pgp_keys.partner.fingerprint)
    housing = found[HOUSING]
    assert housing["ok"] and not housing["openpgp_problems"]
    [warning] = housing["openpgp_warnings"]
    assert ending_key.fingerprint in warning and "ask the partner for its next key" in warning
    expired = found["basildon_council"]
    assert not expired["ok"]
    assert any("expired on" in p for p in expired["openpgp_problems"])
    assert any("nothing can be sent" in p for p in expired["openpgp_problems"])
    pinned = found["braintree_council"]
    assert not pinned["ok"]
    [problem] = pinned["openpgp_problems"]
    assert f"does not hold key {pgp_keys.partner.fingerprint}" in problem
    assert pgp_keys.next.fingerprint in problem

    [secret_file] = found["brentwood_council"]["openpgp_problems"]
    assert "holds a secret key; give the partner's public key only" in secret_file

    # The text a data engineer reads says the same.
    code, text = night.text("partners", "check", "--connect")
    assert code == 2
    assert "PROBLEM: key" in text and "warning: key" in text

    # Without the hub's own key nothing can be signed: every OpenPGP partner says so.
    monkeypatch.delenv("ASBHUB_OPENPGP_KEY")
    code, result = night.cli("partners", "check", "--connect")
    council = {r["partner_id"]: r for r in result["connectivity"]}[COUNCIL]
    assert not council["ok"] and "the hub's key is not set" in council["openpgp_problems"][0]


@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
def test_a_partner_whose_keys_have_all_expired_is_sent_nothing(
    make_night: Any, hub_key: NewKey, pgp_keys: Keys
) -> None:
    night: Night = make_night({COUNCIL})
    use_openpgp(night.config, COUNCIL, [pgp_keys.expired])
    write_incidents(night.landing, "incidents-a.jsonl", [CALM, CALM, CALM])
    assert night.cli("ingest", "run", "--from", str(night.landing))[0] == 0
    code, result = night.cli("outbound", "run", "--all", "--night", NIGHT.isoformat())
    assert code != 0, result
    assert "no key of the partner can be encrypted to" in str(result)
    assert not any((night.roots[COUNCIL] / "inbox").iterdir()), "nothing sent, nothing plain"
    staging = night.home / "staging" / COUNCIL
    assert not staging.exists() or not any(staging.iterdir()), "nothing left staged"
    with night.store.session() as session:
        assert set(session.scalars(select(Referral.status))) == {"pending"}


@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
def test_a_batch_whose_encrypted_file_changed_after_staging_is_not_sent(
    make_night: Any,
    hub_key: NewKey,
    pgp_keys: Keys,
    partner_side: PartnerSide,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    night: Night = make_night({COUNCIL})
    for name, value in night.env.items():  # the keys the CLI runs get, for the calls below
        monkeypatch.setenv(name, value)
    use_openpgp(night.config, COUNCIL, [pgp_keys.partner])
    write_incidents(night.landing, "incidents-a.jsonl", [CALM, CALM, CALM])
    assert night.cli("ingest", "run", "--from", str(night.landing))[0] == 0
    hub = Hub(
        settings=Settings(config_dir=night.config, home=night.home, database_url=night.store.url),
        actor="test",
        _store=night.store,
    )
    partner = hub.partner(COUNCIL)
    assert stage_night(hub, partner, NIGHT).status == "staged"
    [sealed] = list((night.home / "staging" / COUNCIL).glob("*/referrals-*.pgp"))
    made = sealed.read_bytes()
    # Another file, validly encrypted and signed, put in its place: its size gives it away.
    sealed.write_bytes(partner_side.seal(b"referral_id\nR-1\n", sign=pgp_keys.partner))
    sent = deliver_night(hub, partner)
    assert sent.status == "failed_check"
    assert f"{sealed.name}: {sealed.stat().st_size} bytes, the manifest says" in str(sent.reason)
    # One byte changed, the size the same: its digest gives it away.
    changed = bytearray(made)
    changed[-5] ^= 0x01
    sealed.write_bytes(bytes(changed))
    sent = deliver_night(hub, partner)
    assert sent.status == "failed_check"
    assert "its SHA-256 differs from the manifest's" in str(sent.reason)
    assert not any((night.roots[COUNCIL] / "inbox").iterdir())
    sealed.write_bytes(made)
    # The manifest's signature gone, or not the hub's: not sent either.
    [signature] = list((night.home / "staging" / COUNCIL).glob("*/manifest-*.json.asc"))
    good = signature.read_bytes()
    signature.unlink()
    sent = deliver_night(hub, partner)
    assert sent.status == "failed_check"
    assert "has no good signature by the hub's key" in str(sent.reason)
    manifest = signature.with_suffix("")
    signature.write_bytes(
        partner_side.gpg.sign(
            manifest.read_bytes(), keyid=pgp_keys.partner.fingerprint, detach=True
        ).data
    )
    assert deliver_night(hub, partner).status == "failed_check"
    # Put back, the batch goes, and the partner opens what staging made.
    signature.write_bytes(good)
    sent = deliver_night(hub, partner)
    assert sent.status == "delivered" and sent.batches
    delivered = night.roots[COUNCIL] / "inbox" / sealed.name
    plain, signer, valid = partner_side.open(delivered.read_bytes())
    assert valid and signer == hub_key.fingerprint
    assert plain == sealed.with_suffix("").read_bytes()
    # The ledger's disclosures say which keys could read the batch.
    with night.store.session() as session:
        details = list(
            session.scalars(select(LedgerEvent.details).where(LedgerEvent.kind == "disclosure"))
        )
    assert len(details) == 3
    assert all(d["encrypted_to"] == [pgp_keys.partner.fingerprint] for d in details)
    hub.close()


@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
def test_the_hub_key_a_partner_is_given_is_public_and_the_hubs(
    make_night: Any, hub_key: NewKey, partner_side: PartnerSide
) -> None:
    night: Night = make_night({COUNCIL})
    code, result = night.cli("partners", "hub-key")
    assert code == 0, result
    assert result["fingerprint"] == hub_key.fingerprint
    assert "PUBLIC KEY BLOCK" in result["public_key"]
    assert "PRIVATE" not in result["public_key"]
    imported = partner_side.gpg.import_keys(result["public_key"])
    assert hub_key.fingerprint in imported.fingerprints
    assert result["previous_keys"] == []


def test_a_keyring_a_killed_process_left_is_swept_and_a_live_one_is_not() -> None:
    stale = Path(tempfile.mkdtemp(prefix=KEYRING_PREFIX))
    (stale / "private-keys-v1.d").mkdir()
    (stale / "private-keys-v1.d" / "key.key").write_text("a secret key a killed run left")
    old = time.time() - STALE_KEYRING.total_seconds() - 60
    os.utime(stale, (old, old))
    live = Path(tempfile.mkdtemp(prefix=KEYRING_PREFIX))
    try:
        removed = sweep_stale_keyrings()
        assert stale in removed and not stale.exists()
        assert live.exists() and live not in removed
    finally:
        shutil.rmtree(stale, ignore_errors=True)
        shutil.rmtree(live, ignore_errors=True)


@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
def test_the_outbound_dags_tasks_fail_when_nothing_could_be_encrypted(
    make_night: Any, hub_key: NewKey, pgp_keys: Keys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stage task records why nothing was staged; the check task after it fails with that
    reason for a person (not left to retries)."""
    from airflow.sdk.exceptions import AirflowFailException

    from asbhub.airflow.tasks import check_partner_batches, stage_partner_night

    night: Night = make_night({COUNCIL})
    use_openpgp(night.config, COUNCIL, [pgp_keys.expired])
    for name, value in night.env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("ASBHUB_HOME", str(night.home))
    staged = stage_partner_night(COUNCIL, NIGHT, str(night.config), "test")
    assert staged["status"] == "failed" and staged["batch_id"] is None
    assert "no key of the partner can be encrypted to" in staged["reason"]
    with pytest.raises(AirflowFailException, match="staging failed: nothing staged"):
        check_partner_batches(COUNCIL, staged, str(night.config), "test")
