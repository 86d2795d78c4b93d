"""The "Community Triggers" page: open triggers with their incidents' references and the
partners flagged, never a key or a name; only for the audit role, since it shows references in
clear; linked from the navigation for that role. On both engines."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from asbhub.settings import Settings
from asbhub.store.engine import Store
from asbhub.store.models import CaseReviewIncident, CaseReviewTrigger
from tests.web.conftest import AUDITOR, VIEWER, basic, ledger_writes
from tests.web.test_held import NOW, add_incident, add_referral, client, settings

if TYPE_CHECKING:  # imported for real by test_held, with its warning filtered
    from fastapi.testclient import TestClient

__all__ = ["client", "settings"]  # the fixtures of the held-back page's tests

SUBJECT = "0123456789abcdef0123456789abcdef"  # a keyed identity: never shown


def add_trigger(s: Session, trigger_id: str, refs: list[str], status: str = "open") -> None:
    trigger = CaseReviewTrigger(
        trigger_id=trigger_id,
        kind="victim",
        subject_key=SUBJECT,
        status=status,
        opened_at=NOW,
        opened_as_of=date(2026, 11, 26),
        window="6m",
        threshold=3,
        last_evaluated_as_of=date(2026, 11, 26),
    )
    s.add(trigger)
    s.flush()
    for ref in refs:
        incident = add_incident(s, ref, victim_key=SUBJECT)
        add_referral(s, incident, "R-" + ref[-4:].rjust(16, "0"), "chelmsford_council")
        s.add(CaseReviewIncident(trigger_pk=trigger.id, incident_id=incident.id, linked_at=NOW))


def seed(settings: Settings) -> None:
    store = Store(settings.database_url)
    try:
        with store.session() as s:
            add_trigger(
                s, "CT-00000000000A", ["INC-0000000011", "INC-0000000012", "INC-0000000013"]
            )
            add_trigger(s, "CT-00000000000B", ["INC-0000000021"], status="closed")
    finally:
        store.dispose()


def test_the_page_lists_open_triggers_by_reference_only(
    client: TestClient, settings: Settings
) -> None:
    seed(settings)
    before = ledger_writes(settings)
    page = client.get("/casereview", headers=basic(AUDITOR))
    assert page.status_code == 200, page.text
    text = page.text
    assert "CT-00000000000A" in text and "1 open trigger(s)" in text
    assert all(f"INC-00000000{n}" in text for n in (11, 12, 13))
    assert "chelmsford_council" in text and "3 in 6m" in text
    assert "CT-00000000000B" not in text and "INC-0000000021" not in text  # closed
    assert SUBJECT not in text
    assert 'href="/casereview" aria-current="page"' in text
    assert ledger_writes(settings) == before  # reading the page writes nothing


def test_with_none_open_the_page_says_so(client: TestClient) -> None:
    page = client.get("/casereview", headers=basic(AUDITOR))
    assert page.status_code == 200 and "No Community Trigger is open" in page.text


def test_without_the_audit_role_the_page_is_refused_and_not_linked(
    client: TestClient, settings: Settings
) -> None:
    seed(settings)
    refused = client.get("/casereview", headers=basic(VIEWER))
    assert refused.status_code == 403
    assert "INC-0000000011" not in refused.text
    assert client.get("/casereview").status_code == 401
    assert 'href="/casereview"' not in client.get("/", headers=basic(VIEWER)).text
    assert 'href="/casereview"' in client.get("/", headers=basic(AUDITOR)).text
