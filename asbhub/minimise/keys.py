"""Per-partner pseudonymisation keys, derived from one secret that never lives in the repo."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping

from asbhub.errors import EnvironmentProblem

MIN_SECRET_BYTES = 16


class PseudonymKeys:
    """Derives an unlinkable HMAC key for each partner from the hub's pseudonymisation secret.

    Two partners' tokens for the same person differ, and neither partner can compute the other's
    without the secret.
    """

    def __init__(self, secret: bytes) -> None:
        if len(secret) < MIN_SECRET_BYTES:
            raise EnvironmentProblem(
                f"the pseudonymisation secret must be at least {MIN_SECRET_BYTES} bytes"
            )
        self._secret = secret
        self._cache: dict[str, bytes] = {}

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> PseudonymKeys:
        """The secret from $ASBHUB_PSEUDONYM_KEY, else the Airflow Variable
        `asbhub_pseudonym_key` (as the ledger key: asbhub.settings.secret)."""
        from asbhub.settings import secret

        value = secret("pseudonym_key", environ)
        if value:
            return cls(value.encode("utf-8"))
        raise EnvironmentProblem(
            "no pseudonymisation secret: set ASBHUB_PSEUDONYM_KEY (or the Airflow Variable "
            "asbhub_pseudonym_key) to a random value of at least 16 bytes"
        )

    def partner_key(self, partner_id: str) -> bytes:
        if partner_id not in self._cache:
            self._cache[partner_id] = hmac.new(
                self._secret, f"asbhub/pseudonym/v1/{partner_id}".encode(), hashlib.sha256
            ).digest()
        return self._cache[partner_id]

    def token(self, partner_id: str, prefix: str, value: str) -> str:
        """A stable token for a value: `<prefix>_<32 hex>`, the same for the same person."""
        normalised = " ".join(value.casefold().split())
        digest = hmac.new(self.partner_key(partner_id), normalised.encode(), hashlib.sha256)
        return f"{prefix}_{digest.hexdigest()[:32]}"

    def __repr__(self) -> str:  # never show the secret
        return "PseudonymKeys(<secret>)"
