"""A Community Trigger opened by `asbhub casereview evaluate` is told once, by email, to the
operators and to each partner holding a referral about one of its incidents: the trigger and the
incident references, never the victim's name, birth date, address or postcode."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from tests.alerts.conftest import CONTACT, OPERATORS, Mailbox
from tests.casereview.conftest import AS_OF, Night, complaint, make_night, thresholds
from tests.casereview.conftest import write_incidents as write

__all__ = ["make_night"]  # the fixture, used by name

BOTH = {"chelmsford_council", "basildon_council"}


def test_a_trigger_opened_is_told_once_to_the_operators_and_each_partner_concerned(
    make_night: Callable[[set[str]], Night], mailbox: Mailbox
) -> None:
    night = make_night(BOTH)
    thresholds(night.config)
    history = [
        complaint(date(2026, 10, 1), place="CM1 9ZZ"),
        complaint(date(2026, 10, 8), place="CM2 9ZZ"),
        complaint(date(2026, 10, 15), place="SS14 9ZZ", district="Basildon"),
    ]
    rows = write(night.landing, "history.jsonl", history)
    assert night.cli("ingest", "run", "--from", str(night.landing))[0] == 0

    code, result = night.cli("casereview", "evaluate", "--as-of", AS_OF.isoformat())

    assert code == 1, result  # a case review needs a person
    [opened] = result["changes"]
    sent = mailbox.received
    assert sorted(sorted(m.rcpt_tos) for m in sent) == sorted(
        [[OPERATORS]] + [sorted([CONTACT[p], OPERATORS]) for p in BOTH]
    )
    for message in sent:
        text = message.text
        assert "community trigger met" in message.message["Subject"].lower()
        assert opened["trigger_id"] in text
        assert all(r["incident_ref"] in text for r in rows)
        for value in ("Ada Testperson", "Testperson", "1980-02-03", "2 Sample Lane", "CM2 2BB"):
            assert value not in text, value
        for value in ("CM1 9ZZ", "SS14 9ZZ", "1 Example Row"):
            assert value not in text, value

    # Evaluated again: nothing opened, nothing sent again.
    mailbox.received.clear()
    code, again = night.cli("casereview", "evaluate", "--as-of", AS_OF.isoformat())
    assert code == 0 and again["changes"] == [] and mailbox.received == []
