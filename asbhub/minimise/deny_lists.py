"""The deny list an incident keeps after its detail is cleared: keyed digests, never values.

A referral reaches a partner only through staging, and staging projects it from the incident's
detail; so the digests are kept then, for every incident projected, and are there before the
detail can be cleared at delivery. The outcome notes a partner sends back about its referral are
redacted with the incident's own values while the detail is held, and with these digests after
(`asbhub.pii.deny_list`). The digests live on the incident row, so the disposal that deletes the
incident deletes them; they are never projected, sent, logged or shown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import update

from asbhub.ledger import LedgerKey
from asbhub.minimise.projection import known_pii
from asbhub.store.engine import Store
from asbhub.store.models import Incident

if TYPE_CHECKING:
    from asbhub.pii.engine import Known


def deny_digests(payload: Mapping[str, Any], key: LedgerKey) -> dict[str, list[str]]:
    """The keyed digests of the forms of an incident's personal values, by entity type."""
    from asbhub.pii.deny_list import DenyList, deny_key

    return DenyList.of(known_pii(payload)).keyed(deny_key(key.lookup))


def merged(held: Mapping[str, Any] | None, new: Mapping[str, list[str]]) -> dict[str, list[str]]:
    """What the incident held and what its detail gives now: a partner that received an earlier
    version may still write a value since corrected."""
    types = set(held or {}) | set(new)
    return {t: sorted(set((held or {}).get(t, [])) | set(new.get(t, []))) for t in sorted(types)}


def keep_deny_lists(store: Store, key: LedgerKey, incidents: Sequence[Incident]) -> int:
    """Keep each incident's digests beside what it already holds; return how many rows changed.
    Incidents without their detail are left as they are."""
    changed = []
    seen: set[int] = set()
    for incident in incidents:
        if incident.payload is None or incident.id in seen:
            continue
        seen.add(incident.id)
        digests = merged(incident.deny_digests, deny_digests(incident.payload, key))
        if digests != incident.deny_digests:
            changed.append({"id": incident.id, "deny_digests": digests})
    if changed:
        with store.session() as session:
            session.execute(update(Incident), changed)  # one UPDATE by primary key for many
    return len(changed)


def deny_list_for(
    payload: Mapping[str, Any] | None, digests: Mapping[str, Any] | None, key: LedgerKey
) -> Known:
    """An incident's deny list for free text about it: its values while its detail is held, else
    the digests kept at staging, else none (an incident delivered before digests were kept)."""
    if payload is not None:
        return known_pii(payload)
    if digests:
        from asbhub.pii.deny_list import KeyedDenyList, deny_key

        return KeyedDenyList(deny_key(key.lookup), dict(digests))
    return None
