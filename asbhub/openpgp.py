"""OpenPGP per partner: files to a partner encrypted to its keys and signed with the hub's;
files from it decrypted and its signature checked before anything reads them.

A partner file may say `openpgp:` with one key, or two while the partner rotates (both are
encrypted to; a signature by either is accepted). Each key is pinned by its fingerprint, and
the key itself is read from the config folder (`keys/<file>.asc`) or from an Airflow Variable
(and so from any secrets backend Airflow is configured with); it is never fetched from a key
server. The hub's own key (a secret key, ASCII-armoured) is the secret option `openpgp_key`,
with `openpgp_passphrase` when it has one.

GnuPG does the cryptography (python-gnupg drives Debian's `gpg`). Every use opens a keyring of
its own in a new owner-only folder holding just the keys that use needs, and removes it (and
stops its gpg-agent) when done: no key outlives the run, and a key in one partner's keyring is
never a candidate for another's files. Trust comes from the pinned fingerprints, not from
GnuPG's web of trust.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from asbhub.errors import ConfigError
from contracts.documents import EncryptedFile, ManifestFile

FINGERPRINT = r"^(?:[0-9A-F]{40}|[0-9A-F]{64})$"
# What a partner's encrypted or signed file is called: its plain name and one of these.
SUFFIXES = (".pgp", ".gpg", ".asc")
OUTBOUND_SUFFIX = ".pgp"
KEYS_FOLDER = "keys"
_SPACES = re.compile(r"\s+")
GPG = "gpg"
SUBKEY = ("cv25519", "encr")  # the encryption subkey generate_key adds


class OpenPgpError(Exception):
    """The hub cannot do what OpenPGP asks: a key missing, unusable or expired, gpg failing."""


class Refused(Exception):
    """A partner's file that fails decryption or verification; `reason` is a FileProblem code."""

    def __init__(self, reason: str, message: str) -> None:
        self.reason = reason
        super().__init__(message)


class PartnerKey(BaseModel):
    """One of a partner's public keys: its fingerprint, and where the key itself is kept."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    fingerprint: str = Field(description="40 (or 64) hex digits; spaces ignored")
    file: str | None = Field(
        None,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.(asc|gpg|pgp|key)$",
        description="a file in the config folder's keys/ folder",
    )
    variable: str | None = Field(
        None, pattern=r"^[A-Za-z][A-Za-z0-9_]{0,120}$", description="an Airflow Variable"
    )

    @field_validator("fingerprint", mode="before")
    @classmethod
    def _normal(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = _SPACES.sub("", value).upper()
            if not re.match(FINGERPRINT, value):
                raise ValueError(
                    "a fingerprint is 40 hex digits (64 for a v5 key), e.g. from gpg -k"
                )
        return value

    @model_validator(mode="after")
    def _one_source(self) -> PartnerKey:
        if (self.file is None) == (self.variable is None):
            raise ValueError("name the key's `file` (in the config folder's keys/) or `variable`")
        return self


class PartnerOpenPgp(BaseModel):
    """A partner's OpenPGP settings (`openpgp:` in its partner file)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    keys: list[PartnerKey] = Field(min_length=1, max_length=2)
    # Files from the partner must be signed by one of its keys / encrypted to the hub's key.
    require_signature: bool = True
    require_encryption: bool = True
    # `asbhub partners check --connect` warns this many days before a key expires.
    warn_days: int = Field(30, ge=1, le=365)

    @model_validator(mode="after")
    def _distinct(self) -> PartnerOpenPgp:
        prints = [key.fingerprint for key in self.keys]
        if len(set(prints)) != len(prints):
            raise ValueError("the same key is listed twice")
        return self

    @property
    def fingerprints(self) -> frozenset[str]:
        return frozenset(key.fingerprint for key in self.keys)


@dataclass(frozen=True)
class KeyState:
    """What a keyring holds of one pinned key."""

    fingerprint: str
    present: bool
    expires: datetime | None = None
    revoked: bool = False
    can_encrypt: bool = False
    problem: str | None = None

    def usable(self, now: datetime) -> bool:
        return (
            self.present
            and not self.revoked
            and self.problem is None
            and (self.expires is None or self.expires > now)
        )


@dataclass(frozen=True)
class Opened:
    """What decrypting a partner's file found."""

    signer: str | None  # the partner key's fingerprint; None when it was not signed
    encrypted: bool


def plain_name(name: str) -> str | None:
    """The plain name of an OpenPGP file (`outcomes-x.csv.pgp` -> `outcomes-x.csv`), else None."""
    for suffix in SUFFIXES:
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return None


def encrypted_name(name: str) -> str:
    return name + OUTBOUND_SUFFIX


def key_text(config_dir: Path, key: PartnerKey) -> str:
    """The armoured key a partner file points at: a file under config/keys/, or a Variable."""
    if key.file is not None:
        folder = (config_dir / KEYS_FOLDER).resolve()
        path = (folder / key.file).resolve()
        if path.parent != folder:
            raise ConfigError(f"openpgp key file {key.file!r} is not in {folder}")
        try:
            return path.read_text(encoding="ascii")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read the key: {exc}") from exc
    from asbhub.settings import variable

    assert key.variable is not None
    text = variable(key.variable)
    if not text:
        raise ConfigError(f"the Airflow Variable {key.variable!r} holding a key is not set")
    return text


KEYRING_PREFIX = "asbhub-gpg-"
# Older than any use of a keyring: left by a process that was killed, with a secret key in it
# and perhaps its gpg-agent still running.
STALE_KEYRING = timedelta(hours=6)


def _remove_keyring(home: Path) -> None:
    with suppress(OSError, subprocess.SubprocessError):
        subprocess.run(
            ["gpgconf", "--homedir", str(home), "--kill", "gpg-agent"],
            capture_output=True,
            timeout=10,
            check=False,
        )
    shutil.rmtree(home, ignore_errors=True)


def sweep_stale_keyrings(now: float | None = None) -> list[Path]:
    """Remove this user's keyrings that a killed process left (their agents stopped first)."""
    cutoff = (now if now is not None else time.time()) - STALE_KEYRING.total_seconds()
    removed = []
    for home in Path(tempfile.gettempdir()).glob(KEYRING_PREFIX + "*"):
        try:
            info = home.lstat()
        except FileNotFoundError:
            continue
        if info.st_uid == os.getuid() and home.is_dir() and info.st_mtime < cutoff:
            _remove_keyring(home)
            removed.append(home)
    return removed


class Keyring:
    """A GnuPG home of its own, in a new owner-only folder; `close` removes it."""

    def __init__(self) -> None:
        import gnupg  # python-gnupg: loaded only where OpenPGP is used

        if shutil.which(GPG) is None:
            raise OpenPgpError("gpg is not installed (Debian package gnupg; `make setup` adds it)")
        sweep_stale_keyrings()
        # Under the system's temporary folder: gpg-agent's socket path must stay short.
        self.home = Path(tempfile.mkdtemp(prefix=KEYRING_PREFIX))
        self._gpg = gnupg.GPG(gpgbinary=GPG, gnupghome=str(self.home))
        self._gpg.encoding = "utf-8"
        self._hub: str | None = None
        self._hub_keys: frozenset[str] = frozenset()
        self._passphrase: str | None = None

    def close(self) -> None:
        _remove_keyring(self.home)

    def __enter__(self) -> Keyring:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- keys -------------------------------------------------------------------------------

    def import_public(self, text: str, fingerprint: str, where: str) -> None:
        """Import one pinned public key; refuse text that holds a secret key or not that key."""
        if "PRIVATE KEY BLOCK" in text:
            raise ConfigError(f"{where}: holds a secret key; give the partner's public key only")
        result = self._gpg.import_keys(text)
        found = {str(f).upper() for f in result.fingerprints}
        if fingerprint not in found:
            shown = ", ".join(sorted(found)) or "no key"
            raise ConfigError(f"{where}: does not hold key {fingerprint} (it holds {shown})")
        for other in found - {fingerprint}:  # only the pinned key stays in the keyring
            self._gpg.delete_keys(other)

    def import_hub(self, text: str, passphrase: str | None) -> str:
        """Import the hub's secret key (or, while the hub's key is rotated, its old and new
        keys: files encrypted to either are opened); the fingerprint it signs with, the newest
        key that has not expired."""
        if "PRIVATE KEY BLOCK" not in text:
            raise OpenPgpError("openpgp_key is not an ASCII-armoured secret key")
        self._gpg.import_keys(text, passphrase=passphrase)
        secret = {k["fingerprint"] for k in self._gpg.list_keys(secret=True)}
        if not secret:
            raise OpenPgpError("openpgp_key: gpg imported no secret key from it")
        if len(secret) > 2:
            raise OpenPgpError("openpgp_key holds more than two secret keys: give one, or two")
        now = datetime.now(UTC)
        public = {k["fingerprint"]: k for k in self._gpg.list_keys() if k["fingerprint"] in secret}
        usable = [f for f in secret if self.state(f).usable(now)]
        if not usable:
            raise OpenPgpError("openpgp_key: the hub's key has expired or been revoked")
        self._hub = max(usable, key=lambda f: int(public[f].get("date") or 0))
        self._hub_keys = frozenset(secret)
        self._passphrase = passphrase
        return self._hub

    @property
    def hub_keys(self) -> frozenset[str]:
        """Every secret key of the hub in this keyring (two while it is rotated)."""
        return self._hub_keys

    @property
    def hub_fingerprint(self) -> str:
        if self._hub is None:
            raise OpenPgpError("the hub's OpenPGP key (openpgp_key) is not set")
        return self._hub

    def hub_public_key(self) -> str:
        return str(self._gpg.export_keys(self.hub_fingerprint))

    def state(self, fingerprint: str) -> KeyState:
        keys = {k["fingerprint"]: k for k in self._gpg.list_keys()}
        key = keys.get(fingerprint)
        if key is None:
            return KeyState(fingerprint, present=False, problem="not in the keyring")
        expires = _when(key.get("expires"))
        caps = str(key.get("cap", ""))
        revoked = key.get("trust") == "r"
        return KeyState(
            fingerprint,
            present=True,
            expires=expires,
            revoked=revoked,
            can_encrypt="E" in caps,
            problem="revoked" if revoked else None,
        )

    # -- files to a partner ----------------------------------------------------------------

    def encrypt(self, plain: Path, out: Path, recipients: Sequence[str]) -> EncryptedFile:
        """Encrypt `plain` to the recipients and sign it with the hub's key, into `out`."""
        from connectors.models import sha256_file

        now = datetime.now(UTC)
        states = [self.state(f) for f in recipients]  # each lists the keyring: once per key
        usable = [s.fingerprint for s in states if s.usable(now) and s.can_encrypt]
        if not usable:
            raise OpenPgpError(
                "no key of the partner can be encrypted to (each is expired, revoked or cannot "
                f"encrypt): {', '.join(recipients)}"
            )
        result = self._gpg.encrypt_file(
            str(plain),
            usable,
            sign=self.hub_fingerprint,
            passphrase=self._passphrase,
            always_trust=True,  # the fingerprints are pinned in the partner file
            armor=False,
            output=str(out),
        )
        if not result.ok:
            out.unlink(missing_ok=True)
            raise OpenPgpError(f"gpg could not encrypt {plain.name}: {result.status}")
        return EncryptedFile(
            name=out.name,
            bytes=out.stat().st_size,
            sha256=sha256_file(out),
            recipients=usable,
            signer=self.hub_fingerprint,
        )

    def sign_detached(self, path: Path, out: Path) -> None:
        """An ASCII-armoured detached signature of `path` by the hub's key, into `out`."""
        result = self._gpg.sign_file(
            str(path),
            keyid=self.hub_fingerprint,
            passphrase=self._passphrase,
            detach=True,
            clearsign=False,
            output=str(out),
        )
        if not out.is_file() or not getattr(result, "fingerprint", None):
            out.unlink(missing_ok=True)
            raise OpenPgpError(f"gpg could not sign {path.name}: {result.status}")

    def signed_by_hub(self, path: Path, signature: Path) -> bool:
        """Whether `signature` is a good signature of `path` by the hub's own key."""
        return self.signed_by(path, signature, self.hub_keys)  # signed before a rotation too

    def signed_by(self, path: Path, signature: Path, signers: frozenset[str]) -> bool:
        """Whether `signature` is a good detached signature of `path` by one of `signers`."""
        with signature.open("rb") as handle:
            result = self._gpg.verify_file(handle, data_filename=str(path))
        signer = str(result.pubkey_fingerprint or result.fingerprint or "").upper()
        return bool(result.valid) and signer in signers

    # -- files from a partner --------------------------------------------------------------

    def open(
        self,
        sealed: Path,
        out: Path,
        signers: frozenset[str],
        *,
        require_signature: bool,
        require_encryption: bool,
        max_bytes: int,
    ) -> Opened:
        """Decrypt (or unwrap) a partner's OpenPGP file into `out` and check who signed it.

        Raises Refused, with `out` removed, for a file that is not for the hub, was changed
        after it was encrypted or signed, is signed by a key the partner file does not pin,
        by an expired or revoked key, or is unsigned or unencrypted where that is required."""
        try:
            result = self._gpg.decrypt_file(
                str(sealed),
                passphrase=self._passphrase,
                always_trust=True,
                output=str(out),
                extra_args=["--max-output", str(max_bytes + 1)],
            )
            if (out.is_file() and out.stat().st_size > max_bytes) or "max-output" in str(
                result.stderr
            ):
                raise Refused("too_large", f"decrypted, it is over the limit of {max_bytes} bytes")
            opened = _judge(result, signers, require_signature, require_encryption)
            if not out.is_file():
                raise Refused("cannot_decrypt", "gpg wrote nothing")
            return opened
        except BaseException:
            out.unlink(missing_ok=True)
            raise


def _judge(
    result: Any, signers: frozenset[str], require_signature: bool, require_encryption: bool
) -> Opened:
    status = str(result.status or "")
    problems = [str(p.get("status", "")) for p in getattr(result, "problems", []) or []]
    encrypted = bool(result.ok)
    key_status = getattr(result, "key_status", None)
    if "no secret key" in (status, *problems):
        raise Refused(
            "not_for_hub", "it is not encrypted to the hub's key: encrypt to the hub's public key"
        )
    if status in {"decryption failed", "decryption incomplete"} or (
        not encrypted and not result.valid and not problems and status != "no data was provided"
    ):
        raise Refused(
            "cannot_decrypt",
            "it could not be decrypted: the file is damaged or was changed after it was "
            "encrypted; send it again",
        )
    if status == "no data was provided" and not result.valid and not problems:
        raise Refused("not_openpgp", "it is not an OpenPGP message")
    signed_by = str(result.pubkey_fingerprint or result.fingerprint or "").upper() or None
    if key_status:  # signed with an expired or revoked key
        raise Refused(
            "expired_key" if "expired" in key_status else "revoked_key",
            f"it is signed with a key that {key_status.removeprefix('signing key ')}"
            + (f" ({signed_by})" if signed_by else "")
            + ": sign with a current key the force holds",
        )
    if "signature bad" in (status, *problems):
        raise Refused("bad_signature", "its signature does not match: it changed after signing")
    if "no public key" in problems or "signature error" in problems:
        key_id = str(result.key_id or "")
        raise Refused(
            "unknown_signer",
            f"it is signed with a key the force does not hold for you ({key_id}): sign with "
            "the key agreed with the force",
        )
    if result.valid:
        if signed_by not in signers:
            raise Refused(
                "unknown_signer",
                f"it is signed with a key that is not yours in the force's config ({signed_by})",
            )
    elif require_signature:
        raise Refused("not_signed", "it is not signed: sign it with your key")
    if require_encryption and not encrypted:
        raise Refused("not_encrypted", "it is signed but not encrypted: encrypt it to the hub")
    return Opened(signer=signed_by if result.valid else None, encrypted=encrypted)


def _when(epoch: Any) -> datetime | None:
    try:
        return datetime.fromtimestamp(int(epoch), UTC) if epoch else None
    except (TypeError, ValueError):
        return None


# -- the keyrings the hub opens ------------------------------------------------------------


def hub_key() -> tuple[str, str | None] | None:
    """The hub's armoured secret key and its passphrase, or None when not configured."""
    from asbhub.settings import secret

    text = secret("openpgp_key")
    if not text:
        return None
    return text, secret("openpgp_passphrase")


@contextmanager
def partner_keyring(config_dir: Path, partner: Any) -> Iterator[Keyring]:
    """A keyring holding the partner's pinned keys and the hub's secret key, for one use."""
    settings: PartnerOpenPgp = partner.openpgp
    keyring = Keyring()
    try:
        for key in settings.keys:
            where = f"{partner.id}: openpgp key {key.fingerprint}"
            keyring.import_public(key_text(config_dir, key), key.fingerprint, where)
        found = hub_key()
        if found is None:
            raise OpenPgpError(
                f"{partner.id} needs OpenPGP but the hub's key is not set (ASBHUB_OPENPGP_KEY "
                "or the Airflow Variable asbhub_openpgp_key)"
            )
        keyring.import_hub(*found)
        yield keyring
    finally:
        keyring.close()


def seal_files(
    config_dir: Path, partner: Any, folder: Path, files: Sequence[ManifestFile]
) -> list[ManifestFile]:
    """Encrypt each of a staged batch's files to the partner's keys, signed with the hub's key,
    beside the plain file (`<name>.pgp`); the manifest entries gain `encrypted`."""
    recipients = [key.fingerprint for key in partner.openpgp.keys]
    with partner_keyring(config_dir, partner) as keyring:
        return [
            entry.model_copy(
                update={
                    "encrypted": keyring.encrypt(
                        folder / entry.name, folder / encrypted_name(entry.name), recipients
                    )
                }
            )
            for entry in files
        ]


def signature_name(name: str) -> str:
    """The detached signature of a batch's manifest, delivered just before it."""
    return name + ".asc"


def sign_manifest(config_dir: Path, partner: Any, manifest: Path) -> Path:
    """Sign a staged batch's manifest with the hub's key (`<manifest>.asc`): it names every
    file of the batch and its digests, so a partner that checks it knows none was dropped or
    swapped on the way."""
    out = manifest.with_name(signature_name(manifest.name))
    with partner_keyring(config_dir, partner) as keyring:
        keyring.sign_detached(manifest, out)
    return out


def manifest_signed(config_dir: Path, partner: Any, manifest: Path) -> bool:
    """Read-back: the staged manifest's signature is there and good, by the hub's key."""
    signature = manifest.with_name(signature_name(manifest.name))
    if not signature.is_file():
        return False
    with partner_keyring(config_dir, partner) as keyring:
        return keyring.signed_by_hub(manifest, signature)


def sealed_copy(config_dir: Path, partner: Any, plain: Path, work: Path) -> Path:
    """One file for the partner (a rejection report), encrypted and signed into `work`."""
    with partner_keyring(config_dir, partner) as keyring:
        out = work / encrypted_name(plain.name)
        keyring.encrypt(plain, out, [key.fingerprint for key in partner.openpgp.keys])
        return out


@dataclass
class KeyCheck:
    """`partners check --connect` on a partner's OpenPGP: what stops files moving (problems)
    and what soon will (warnings)."""

    problems: list[str]
    warnings: list[str]
    keys: list[str]  # "<fingerprint> expires <date>|never", each pinned key


def check_keys(config_dir: Path, partner: Any, now: datetime | None = None) -> KeyCheck:
    """Each pinned key present in its file or Variable, the one pinned, able to encrypt, not
    expired or revoked, and (a warning) not within the partner's `warn_days` of expiry while
    no other key of it lasts longer; the hub's key set and usable."""
    now = now or datetime.now(UTC)
    settings: PartnerOpenPgp = partner.openpgp
    check = KeyCheck(problems=[], warnings=[], keys=[])
    try:
        with partner_keyring(config_dir, partner) as keyring:
            states = [keyring.state(key.fingerprint) for key in settings.keys]
            hub_state = keyring.state(keyring.hub_fingerprint)
    except (ConfigError, OpenPgpError) as exc:
        check.problems.append(str(exc))
        return check
    soon = now + timedelta(days=settings.warn_days)
    lasting = any(s.usable(soon) and s.can_encrypt for s in states)
    for state in states:
        expiry = f"{state.expires:%Y-%m-%d}" if state.expires else "never"
        check.keys.append(f"{state.fingerprint} expires {expiry}")
        name = f"key {state.fingerprint}"
        if not state.usable(now):
            check.problems.append(f"{name}: {state.problem or 'expired on ' + expiry}")
        elif not state.can_encrypt:
            check.problems.append(f"{name}: has no usable encryption subkey")
        elif state.expires is not None and state.expires <= soon and not lasting:
            days = (state.expires - now).days
            check.warnings.append(
                f"{name}: expires on {expiry} (in {days} days): ask the partner for its next "
                "key and list both while they overlap"
            )
    if states and not any(s.usable(now) and s.can_encrypt for s in states):
        check.problems.append("no key of the partner can be encrypted to: nothing can be sent")
    if not hub_state.usable(now):
        check.problems.append(f"the hub's key {hub_state.fingerprint} is expired or revoked")
    elif hub_state.expires is not None and hub_state.expires <= soon:
        check.warnings.append(f"the hub's key expires on {hub_state.expires:%Y-%m-%d}")
    return check


# -- making keys (the demo's partners, and the tests) --------------------------------------


@dataclass(frozen=True)
class NewKey:
    fingerprint: str
    public: str
    secret: str


def generate_key(
    uid: str, *, expire: str = "2y", passphrase: str = "", made_at: datetime | None = None
) -> NewKey:
    """A new Ed25519 / Curve25519 key pair (synthetic partners and test keys only). With
    `made_at` in the past and a short `expire`, the key is already expired."""
    home = Path(tempfile.mkdtemp(prefix=KEYRING_PREFIX))
    try:
        faked = ["--faked-system-time", f"{made_at:%Y%m%dT%H%M%S}!"] if made_at else []
        base = [GPG, "--homedir", str(home), "--batch", "--pinentry-mode", "loopback", *faked]
        subprocess.run(
            [*base, "--passphrase", passphrase, "--quick-gen-key", uid, "ed25519", "sign", expire],
            check=True,
            capture_output=True,
            timeout=60,
        )
        listing = subprocess.run(
            [GPG, "--homedir", str(home), "--batch", "--with-colons", "--list-keys"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        fingerprint = next(
            line.split(":")[9] for line in listing.splitlines() if line.startswith("fpr:")
        )
        subprocess.run(
            [*base, "--passphrase", passphrase, "--quick-add-key", fingerprint, *SUBKEY, expire],
            check=True,
            capture_output=True,
            timeout=60,
        )
        public = subprocess.run(
            [GPG, "--homedir", str(home), "--batch", "--armor", "--export", fingerprint],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        secret_key = subprocess.run(
            [*base, "--passphrase", passphrase, "--armor", "--export-secret-keys", fingerprint],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        return NewKey(fingerprint=fingerprint, public=public, secret=secret_key)
    finally:
        _remove_keyring(home)
