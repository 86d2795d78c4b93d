"""OpenPGP fixtures: real GnuPG keys made once per session (the hub's, a partner's current and
next keys, a stranger's and an expired one), partner files that pin them, and the partner's own
GnuPG, which decrypts what the hub sends and seals what it sends back."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import gnupg
import pytest
import yaml

from asbhub.openpgp import NewKey, generate_key
from tests.inbound.conftest import make_hub, redactor  # noqa: F401 (fixtures used here too)
from tests.lifecycle.conftest import make_night  # noqa: F401

HUB_PASSPHRASE = "test-hub-passphrase-not-a-real-secret"


@dataclass(frozen=True)
class Keys:
    hub: NewKey
    hub_next: NewKey  # the hub's next key, for a rotation of the hub's own key
    partner: NewKey  # the partner's current key
    next: NewKey  # its next key, listed beside the current one while they overlap
    stranger: NewKey  # nobody the hub knows
    expired: NewKey  # the partner's old key, expired yesterday
    # When `expired` was still good: a partner that signed then sends a file signed with it.
    expired_valid_at: datetime


@pytest.fixture(scope="session")
def pgp_keys() -> Keys:
    now = datetime.now(UTC)
    return Keys(
        # Made three days ago, so that a file sealed "when the old key was good" can be for it.
        hub=generate_key(
            "ASB hub (test) <hub@hub.example>",
            passphrase=HUB_PASSPHRASE,
            made_at=now - timedelta(days=3),
        ),
        hub_next=generate_key("ASB hub next (test) <hub@hub.example>", passphrase=HUB_PASSPHRASE),
        partner=generate_key("Partner (test) <pgp@partner.example>"),
        next=generate_key("Partner next (test) <pgp@partner.example>"),
        stranger=generate_key("Stranger (test) <someone@elsewhere.example>"),
        expired=generate_key(
            "Partner old (test) <pgp@partner.example>",
            expire="1d",
            made_at=now - timedelta(days=2),
        ),
        expired_valid_at=now - timedelta(days=1, hours=12),
    )


@pytest.fixture
def hub_key(pgp_keys: Keys, monkeypatch: pytest.MonkeyPatch) -> NewKey:
    """The hub's secret key and passphrase in its environment, as a deployment sets them."""
    monkeypatch.setenv("ASBHUB_OPENPGP_KEY", pgp_keys.hub.secret)
    monkeypatch.setenv("ASBHUB_OPENPGP_PASSPHRASE", HUB_PASSPHRASE)
    return pgp_keys.hub


def use_openpgp(config_dir: Path, partner_id: str, keys: Sequence[NewKey], **settings: Any) -> None:
    """Pin `keys` in the partner's file (`openpgp:`), each kept in config/keys/."""
    folder = config_dir / "keys"
    folder.mkdir(exist_ok=True)
    listed = []
    for key in keys:
        (folder / f"{partner_id}-{key.fingerprint[-8:]}.asc").write_text(key.public)
        listed.append(
            {"fingerprint": key.fingerprint, "file": f"{partner_id}-{key.fingerprint[-8:]}.asc"}
        )
    path = config_dir / "partners" / f"{partner_id}.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["openpgp"] = {"keys": listed, **settings}
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")


class PartnerSide:
    """The partner's own GnuPG: its secret keys and the hub's public key, nothing else."""

    def __init__(self, own: Sequence[NewKey], hub: NewKey, others: Sequence[NewKey] = ()) -> None:
        self.home = Path(tempfile.mkdtemp(prefix="partner-gpg-"))
        self.gpg = gnupg.GPG(gnupghome=str(self.home))
        for key in [*own, *others]:
            self.gpg.import_keys(key.secret)
        self.gpg.import_keys(hub.public)
        self.hub = hub

    def open(self, data: bytes) -> tuple[bytes, str | None, bool]:
        """Decrypt and verify: (plain bytes, the signing key's fingerprint, signature valid)."""
        result = self.gpg.decrypt(data, always_trust=True)
        assert result.ok, f"the partner could not decrypt: {result.status}"
        return result.data, result.pubkey_fingerprint or result.fingerprint, bool(result.valid)

    def signer_of(self, signature: bytes, data: bytes) -> str | None:
        """The fingerprint of the key whose detached signature of `data` is good, else None."""
        sig = self.home / "detached.asc"
        sig.write_bytes(signature)
        result = self.gpg.verify_data(str(sig), data)
        sig.unlink()
        return (result.pubkey_fingerprint or result.fingerprint) if result.valid else None

    def seal(
        self,
        data: bytes,
        *,
        sign: NewKey | None,
        encrypt: bool = True,
        armor: bool = False,
        when: datetime | None = None,
    ) -> bytes:
        """What the partner sends: encrypted to the hub and/or signed, at `when` (gpg's clock)."""
        extra = ["--faked-system-time", f"{when:%Y%m%dT%H%M%S}!"] if when else []
        if encrypt:
            result = self.gpg.encrypt(
                data,
                [self.hub.fingerprint],
                sign=sign.fingerprint if sign else None,
                always_trust=True,
                armor=armor,
                extra_args=extra,
            )
        else:
            assert sign is not None
            result = self.gpg.sign(
                data, keyid=sign.fingerprint, binary=not armor, clearsign=False, extra_args=extra
            )
        assert result.data, f"gpg made nothing: {result.status}"
        return bytes(result.data)

    def close(self) -> None:
        subprocess.run(
            ["gpgconf", "--homedir", str(self.home), "--kill", "gpg-agent"],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(self.home, ignore_errors=True)


@pytest.fixture
def partner_side(pgp_keys: Keys) -> Iterator[PartnerSide]:
    side = PartnerSide(
        [pgp_keys.partner, pgp_keys.next, pgp_keys.expired], pgp_keys.hub, [pgp_keys.stranger]
    )
    yield side
    side.close()
