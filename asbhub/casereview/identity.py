"""Keyed identities of an incident's victim, location and household, made at ingest from the
detail (which is cleared later) so that complaints can be counted across incidents and partners
without the hub keeping, or anyone seeing, a name, date of birth or address.

Each is an HMAC-SHA256 of normalised values under a sub-key of the store's lookup secret: equal
values give equal keys, and no one without the hub's key can test a guess against them. The
victim is a name with a date of birth, or a name with a postcode when no date of birth was
recorded; a victim with neither has no key (their complaints are counted at the location only).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from typing import TypedDict

from asbhub.ledger import LedgerKey
from asbhub.store.models import Incident
from contracts.incident import Incident as IncidentRecord

_NOT_WORD = re.compile(r"[^\w]+")


class IdentityKeys(TypedDict):
    victim_key: str | None
    location_key: str | None
    household_key: str | None


def _sub_key(key: LedgerKey, purpose: str) -> bytes:
    return key.lookup_key(f"asbhub/casereview/{purpose}".encode())


def _digest(secret: bytes, *parts: str) -> str:
    # A unit separator cannot occur in a normalised part, so parts never run into each other.
    return hmac.new(secret, "\x1f".join(parts).encode(), hashlib.sha256).hexdigest()[:32]


def words(value: str | None) -> str:
    """Letters and digits only, case-folded, one space between words: "O'Brien,  Mary" and
    "obrien mary" are the same; accents are kept ("Zoë" is not "Zoe")."""
    folded = unicodedata.normalize("NFKC", value or "").casefold().replace("'", "")
    return " ".join(_NOT_WORD.sub(" ", folded).replace("_", " ").split())


def postcode(value: str | None) -> str:
    return "".join((value or "").upper().split())


def identity_keys(record: IncidentRecord, key: LedgerKey) -> IdentityKeys:
    """The incident's keys (None where the extract lacks what one is made of)."""
    name, victim_postcode = words(record.victim_name), postcode(record.victim_postcode)
    victim = None
    if name and record.victim_dob is not None:
        victim = _digest(_sub_key(key, "victim"), "dob", name, record.victim_dob.isoformat())
    elif name and victim_postcode:
        victim = _digest(_sub_key(key, "victim"), "postcode", name, victim_postcode)
    place = postcode(record.location_postcode)
    location = (
        _digest(_sub_key(key, "location"), place, words(record.location_street)) if place else None
    )
    address = words(record.victim_address)
    household = (
        _digest(_sub_key(key, "household"), address, victim_postcode)
        if address and victim_postcode
        else None
    )
    return {"victim_key": victim, "location_key": location, "household_key": household}


def keep_keys(incident: Incident, record: IncidentRecord, key: LedgerKey) -> None:
    """Key a held incident afresh from what the force sends now: a corrected name or date of
    birth moves its complaint to the right victim, and an incident ingested before keys were
    kept gets them when the force extracts it again."""
    for column, value in identity_keys(record, key).items():
        if getattr(incident, column) != value:
            setattr(incident, column, value)
