"""OpenPGP end to end with real GnuPG: batches encrypted to the partner's keys and signed with
the hub's, delivered over OpenSSH's sshd and the S3 endpoint, then decrypted and verified on the
partner's side; files the partner sends back decrypted and verified before they are read, and
each way one can be wrong quarantined with a report the partner can open."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from asbhub.minimise.projection import view_columns
from asbhub.openpgp import Keyring, NewKey
from asbhub.openpgp import hub_key as hub_secret
from asbhub.pipeline.inbound.run import run_inbound
from asbhub.pipeline.outbound import run_outbound
from asbhub.pipeline.rejection import report_name
from asbhub.runtime import Hub
from asbhub.store.models import QuarantineItem
from tests.connectors.harnesses import LocalHarness
from tests.inbound.conftest import HubFactory
from tests.inbound.test_transports import harness_for
from tests.inbound.world import PARTNER, build_world
from tests.openpgp.conftest import Keys, PartnerSide, use_openpgp
from tests.pipeline.test_night_end_to_end import COUNCIL, NIGHT, PROVIDER, build_peers, read_feed
from tests.servers import S3Server, SSHServer


def _absent(fetch: object, name: str) -> bool:
    try:
        fetch(name)  # type: ignore[operator]
    except Exception:  # sshd: FileNotFoundError; S3: NoSuchKey
        return True
    return False


def test_batches_reach_partners_encrypted_and_signed_over_sshd_and_s3(
    sshd_server: SSHServer,
    s3_server: S3Server,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    hub_key: object,
    pgp_keys: Keys,
    partner_side: PartnerSide,
) -> None:
    def configure(config: Path) -> None:
        use_openpgp(config, COUNCIL, [pgp_keys.partner])
        # The housing provider is rotating: its current and next keys overlap.
        use_openpgp(config, PROVIDER, [pgp_keys.partner, pgp_keys.next])

    peers = build_peers(sshd_server, s3_server, tmp_path, monkeypatch, configure)
    try:
        result = run_outbound(peers.hub, night=NIGHT)
        assert result.ok, [(p.partner_id, p.reason) for p in result.partners]
        only_next = PartnerSide([pgp_keys.next], pgp_keys.hub)
        try:
            for partner in peers.hub.partners:
                fetch = peers.fetch[partner.id]
                raw = fetch("manifest-20261125.json")
                # The manifest is signed by the hub: no file can be dropped or swapped unseen.
                signature = fetch("manifest-20261125.json.asc")
                assert partner_side.signer_of(signature, raw) == pgp_keys.hub.fingerprint
                assert (
                    partner_side.signer_of(signature, raw.replace(b"referrals", b"referralz"))
                    is None
                )
                manifest = json.loads(raw)
                assert manifest["files"], partner.id
                for entry in manifest["files"]:
                    sealed = entry["encrypted"]
                    assert sealed["name"] == entry["name"] + ".pgp"
                    data = fetch(sealed["name"])
                    assert hashlib.sha256(data).hexdigest() == sealed["sha256"]
                    assert len(data) == sealed["bytes"]
                    assert _absent(fetch, entry["name"]), "the plain file is never delivered"
                    assert sealed["signer"] == pgp_keys.hub.fingerprint
                    plain, signer, valid = partner_side.open(data)
                    assert valid and signer == pgp_keys.hub.fingerprint
                    assert hashlib.sha256(plain).hexdigest() == entry["sha256"]
                    assert len(plain) == entry["bytes"]
                    if entry["contract"].startswith("referral/"):
                        rows = read_feed(entry["name"], plain, partner.format)
                        assert len(rows) == manifest["record_count"] > 0
                        assert all(set(row) == set(view_columns(partner)) for row in rows)
                    if partner.id == PROVIDER:
                        expected = {pgp_keys.partner.fingerprint, pgp_keys.next.fingerprint}
                        assert set(sealed["recipients"]) == expected
                        assert only_next.open(data)[2], "the next key alone opens it"
                    else:
                        assert sealed["recipients"] == [pgp_keys.partner.fingerprint]
                        with pytest.raises(AssertionError, match="could not decrypt"):
                            only_next.open(data)
        finally:
            only_next.close()
    finally:
        peers.hub.close()


@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("kind", ["local", "sftp", "s3"])
def test_files_back_are_decrypted_and_verified_before_they_are_read(
    kind: str,
    make_hub: HubFactory,
    tmp_path: Path,
    request: pytest.FixtureRequest,
    hub_key: object,
    pgp_keys: Keys,
    partner_side: PartnerSide,
) -> None:
    harness = harness_for(kind, tmp_path, request)
    hub = make_hub(harness)
    # The partner's old key (expired yesterday) is still listed beside its current one.
    use_openpgp(hub.settings.config_dir, PARTNER, [pgp_keys.expired, pgp_keys.partner])
    world = build_world(hub, "G")
    outcomes = world.fixture("outcomes-valid.csv").encode()
    acks = world.fixture("disposal-acks-valid.csv").encode()
    good = partner_side.seal(outcomes, sign=pgp_keys.partner)
    tampered = bytearray(partner_side.seal(outcomes, sign=pgp_keys.partner))
    tampered[-40] ^= 0x10
    sent = {
        "outcomes-signed.csv.pgp": good,
        "disposal-acks-armoured.csv.asc": partner_side.seal(
            acks, sign=pgp_keys.partner, armor=True
        ),
        "outcomes-unsigned.csv.pgp": partner_side.seal(outcomes, sign=None),
        "outcomes-stranger.csv.pgp": partner_side.seal(outcomes, sign=pgp_keys.stranger),
        "outcomes-expired.csv.gpg": partner_side.seal(
            outcomes, sign=pgp_keys.expired, when=pgp_keys.expired_valid_at
        ),
        "outcomes-tampered.csv.pgp": bytes(tampered),
        "outcomes-signed-only.csv.pgp": partner_side.seal(
            outcomes, sign=pgp_keys.partner, encrypt=False
        ),
        "outcomes-plain.csv": outcomes,
        "outcomes-not-pgp.csv.pgp": outcomes,
    }
    for name, data in sent.items():
        harness.write_raw("outbox", name, data)

    result = run_inbound(hub, [PARTNER])
    (partner,) = result.partners
    assert partner.status == "ok", partner.reason
    got = {f.name: f for f in partner.files}
    assert set(got) == set(sent)
    assert all(f.balanced for f in got.values())
    assert (got["outcomes-signed.csv.pgp"].status, got["outcomes-signed.csv.pgp"].rows_in) == (
        "loaded",
        3,
    )
    assert got["disposal-acks-armoured.csv.asc"].status == "loaded"
    assert got["disposal-acks-armoured.csv.asc"].contract == "disposal-ack/1.0"
    refused: dict[str, str | tuple[str, ...]] = {
        "outcomes-unsigned.csv.pgp": "not_signed",
        "outcomes-stranger.csv.pgp": "unknown_signer",
        "outcomes-expired.csv.gpg": "expired_key",
        # A changed byte fails the integrity check or the signature inside, whichever gpg
        # meets first (the session key, and so the bytes, differ each time).
        "outcomes-tampered.csv.pgp": ("cannot_decrypt", "bad_signature"),
        "outcomes-signed-only.csv.pgp": "not_encrypted",
        "outcomes-plain.csv": "not_encrypted",
        "outcomes-not-pgp.csv.pgp": "not_openpgp",
    }
    for name, reasons in refused.items():
        file = got[name]
        assert (file.status, file.rows_in) == ("rejected", 0), name
        assert file.reason in (reasons if isinstance(reasons, tuple) else (reasons,)), name
        # The report reaches the partner encrypted to it and signed by the hub.
        assert file.rejection_report == report_name(name, hashlib.sha256(sent[name]).hexdigest())
        data = harness.read_raw("inbox", file.rejection_report + ".pgp")
        assert data is not None and harness.read_raw("inbox", file.rejection_report) is None
        plain, signer, valid = partner_side.open(data)
        assert valid and signer == pgp_keys.hub.fingerprint
        report = json.loads(plain)
        assert report["file_name"] == name and report["rows_quarantined"] == 0
        [problem] = report["problems"]
        assert "OpenPGP" in problem["reason"] or "encrypt" in problem["reason"], problem
    with hub.store.session() as session:
        kept = {
            item.file_name: item
            for item in session.scalars(select(QuarantineItem).where(QuarantineItem.line.is_(None)))
        }
    for name in refused:
        assert kept[name].reason.startswith(f"{got[name].reason}: "), kept[name].reason
        # Quarantined as the partner sent it, never the decrypted content.
        assert kept[name].file_sha256 == hashlib.sha256(sent[name]).hexdigest()
    assert not harness.raw_names("outbox"), "every file leaves the outbox"
    work = hub.settings.home / "inbound" / PARTNER
    assert not list(work.glob("open-*")), "no decrypted copy is left on the hub's disk"


def local_partner(
    make_hub: HubFactory, tmp_path: Path, keys: list[NewKey], prefix: str, **settings: Any
) -> tuple[Hub, LocalHarness, bytes, bytes]:
    """A hub whose PARTNER (on a local folder) receives OpenPGP with `keys`, its world built:
    the hub, the partner's folders, and a valid outcomes file and disposal-acks file."""
    harness = LocalHarness(tmp_path)
    hub = make_hub(harness)
    use_openpgp(hub.settings.config_dir, PARTNER, keys, **settings)
    world = build_world(hub, prefix)
    outcomes = world.fixture("outcomes-valid.csv").encode()
    return hub, harness, outcomes, world.fixture("disposal-acks-valid.csv").encode()


@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
def test_a_partner_allowed_to_send_unsigned_files_has_them_read(
    make_hub: HubFactory,
    tmp_path: Path,
    hub_key: object,
    pgp_keys: Keys,
    partner_side: PartnerSide,
) -> None:
    hub, harness, outcomes, _ = local_partner(
        make_hub, tmp_path, [pgp_keys.partner], "U", require_signature=False
    )
    harness.write_raw("outbox", "outcomes-u.csv.pgp", partner_side.seal(outcomes, sign=None))
    harness.write_raw(
        "outbox", "outcomes-s.csv.pgp", partner_side.seal(outcomes, sign=pgp_keys.stranger)
    )
    (partner,) = run_inbound(hub, [PARTNER]).partners
    got = {f.name: f for f in partner.files}
    assert got["outcomes-u.csv.pgp"].status == "loaded"
    # Unsigned may be allowed; signed by a key that is not the partner's never is.
    assert got["outcomes-s.csv.pgp"].reason == "unknown_signer"


@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
def test_while_a_partner_rotates_files_signed_with_either_key_are_read(
    make_hub: HubFactory,
    tmp_path: Path,
    hub_key: object,
    pgp_keys: Keys,
    partner_side: PartnerSide,
) -> None:
    hub, harness, outcomes, acks = local_partner(
        make_hub, tmp_path, [pgp_keys.partner, pgp_keys.next], "R"
    )
    harness.write_raw(
        "outbox", "outcomes-old.csv.pgp", partner_side.seal(outcomes, sign=pgp_keys.partner)
    )
    harness.write_raw(
        "outbox", "disposal-acks-new.csv.pgp", partner_side.seal(acks, sign=pgp_keys.next)
    )
    (partner,) = run_inbound(hub, [PARTNER]).partners
    assert {f.name: f.status for f in partner.files} == {
        "outcomes-old.csv.pgp": "loaded",
        "disposal-acks-new.csv.pgp": "loaded",
    }
    # Once the old key is dropped from the partner file, its signature is no longer accepted.
    use_openpgp(hub.settings.config_dir, PARTNER, [pgp_keys.next])
    del hub.partners  # the next run reads the partner file again, as a new process would
    late_file = partner_side.seal(outcomes, sign=pgp_keys.partner)
    harness.write_raw("outbox", "outcomes-late.csv.pgp", late_file)
    (partner,) = run_inbound(hub, [PARTNER]).partners
    [late] = partner.files
    assert (late.status, late.reason) == ("rejected", "unknown_signer"), late.model_dump(
        include={"status", "reason", "failure", "rows_in", "rows_loaded"}
    )


@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
def test_while_the_hub_rotates_its_own_key_files_to_either_are_opened(
    make_hub: HubFactory,
    tmp_path: Path,
    hub_key: object,
    pgp_keys: Keys,
    partner_side: PartnerSide,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The hub's old and new secret keys together: it signs with the new one.
    monkeypatch.setenv("ASBHUB_OPENPGP_KEY", pgp_keys.hub.secret + pgp_keys.hub_next.secret)
    hub, harness, outcomes, acks = local_partner(make_hub, tmp_path, [pgp_keys.partner], "H")
    moved_on = PartnerSide([pgp_keys.partner], pgp_keys.hub_next)
    try:
        # One partner tool still encrypts to the hub's old key, another to its new one.
        harness.write_raw(
            "outbox",
            "outcomes-old-hub-key.csv.pgp",
            partner_side.seal(outcomes, sign=pgp_keys.partner),
        )
        harness.write_raw(
            "outbox",
            "disposal-acks-new-hub-key.csv.pgp",
            moved_on.seal(acks, sign=pgp_keys.partner),
        )
        harness.write_raw("outbox", "outcomes-unsigned.csv.pgp", moved_on.seal(outcomes, sign=None))
        (partner,) = run_inbound(hub, [PARTNER]).partners
        got = {f.name: f for f in partner.files}
        assert got["outcomes-old-hub-key.csv.pgp"].status == "loaded"
        assert got["disposal-acks-new-hub-key.csv.pgp"].status == "loaded"
        report = got["outcomes-unsigned.csv.pgp"].rejection_report
        assert report is not None
        data = harness.read_raw("inbox", report + ".pgp")
        assert data is not None
        _, signer, valid = moved_on.open(data)
        assert valid and signer == pgp_keys.hub_next.fingerprint, "signed with the newer key"
        # `asbhub partners hub-key` gives partners the newer key and names the older one.
        with Keyring() as keyring:
            assert keyring.import_hub(*hub_secret()) == pgp_keys.hub_next.fingerprint
            assert keyring.hub_keys == {pgp_keys.hub.fingerprint, pgp_keys.hub_next.fingerprint}
    finally:
        moved_on.close()
