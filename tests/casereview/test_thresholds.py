"""Complaint histories at, below and above the thresholds, across partners and the window's
edges, through `asbhub ingest run` and `asbhub casereview evaluate|list` on a fresh home, on
both engines: a trigger is raised once, names incidents by reference only, and flags every
partner holding a related referral."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from asbhub.store.models import CaseReviewIncident, CaseReviewTrigger, Incident
from tests.casereview.conftest import AS_OF, Night, complaint, thresholds, write_incidents

EDGE = date(2026, 5, 30)  # the first day of the six months that end on AS_OF
DAY = date(2026, 10, 1)
BOTH = ["basildon_council", "chelmsford_council"]


def apart(n: int, **shape: Any) -> list[dict[str, Any]]:
    """n complaints by one victim, a week apart, each about a different place."""
    return [
        complaint(DAY + timedelta(days=7 * i), place=f"CM{i + 1} 9ZZ", **shape) for i in range(n)
    ]


def households(n: int, **shape: Any) -> list[dict[str, Any]]:
    """n complaints about one place, each by a different person from a different household."""
    return [
        complaint(
            DAY + timedelta(days=i),
            victim=f"Neighbour Number{chr(65 + i)}",
            home=f"{i + 10} Sample Lane",
            **shape,
        )
        for i in range(n)
    ]


# (history, victim triggers' sizes, location triggers' sizes, partners of the first trigger)
HISTORIES: dict[str, tuple[list[dict[str, Any]], list[int], list[int], list[str]]] = {
    "two complaints by one victim: below": (apart(2), [], [], []),
    "three by one victim: at the threshold": (apart(3), [3], [], ["chelmsford_council"]),
    "four by one victim: above, one trigger": (apart(4), [4], [], ["chelmsford_council"]),
    "three, the first on the window's first day: inside": (
        [complaint(EDGE, place="SS1 1AA"), *apart(2)],
        [3],
        [],
        ["chelmsford_council"],
    ),
    "three, the first the day before the window: outside": (
        [complaint(EDGE - timedelta(days=1), place="SS1 1AA"), *apart(2)],
        [],
        [],
        [],
    ),
    "three, the last on the day evaluated: inside": (
        [*apart(2), complaint(AS_OF, place="SS1 1AA")],
        [3],
        [],
        ["chelmsford_council"],
    ),
    "three, the last the day after: not yet": (
        [*apart(2), complaint(AS_OF + timedelta(days=1), place="SS1 1AA")],
        [],
        [],
        [],
    ),
    "one victim's complaints across two councils' referrals": (
        [*apart(2), complaint(DAY, place="SS14 1AA", district="Basildon")],
        [3],
        [],
        BOTH,
    ),
    "the same name with another date of birth is someone else": (
        [*apart(2), complaint(DAY, place="SS1 1AA", dob="1991-07-08")],
        [],
        [],
        [],
    ),
    "the name written differently is the same victim": (
        [
            complaint(DAY, victim="Mary O'Testname", place="SS1 1AA"),
            complaint(DAY, victim="MARY  OTESTNAME", place="SS2 1AA"),
            complaint(DAY, victim="mary o'testname", place="SS3 1AA"),
        ],
        [3],
        [],
        ["chelmsford_council"],
    ),
    "no date of birth: the name with the postcode": (
        apart(3, dob=None),
        [3],
        [],
        ["chelmsford_council"],
    ),
    "no date of birth, the postcode differs: not the same victim": (
        [*apart(2, dob=None), complaint(DAY, dob=None, place="SS1 1AA", home_postcode="CM3 3CC")],
        [],
        [],
        [],
    ),
    "five households about one place: at the location threshold": (
        households(5),
        [],
        [5],
        ["chelmsford_council"],
    ),
    "four households about one place: below": (households(4), [], [], []),
    "the street is part of the place": (
        [*households(4), *households(1, street="99 Other Row")],
        [],
        [],
        [],
    ),
    "five complaints about one place from one household: one household": (
        [complaint(DAY + timedelta(days=i), victim=f"Resident Number{i}") for i in range(5)],
        [],
        [],
        [],
    ),
}


@pytest.mark.parametrize("name", list(HISTORIES))
def test_a_complaint_history_raises_the_triggers_it_should(
    name: str, make_night: Callable[[set[str]], Night]
) -> None:
    history, victims, locations, partners = HISTORIES[name]
    night = make_night(set(BOTH))
    thresholds(night.config)
    rows = write_incidents(night.landing, "history.jsonl", history)
    code, ingested = night.cli("ingest", "run", "--from", str(night.landing))
    assert code == 0, ingested
    code, result = night.cli("casereview", "evaluate", "--as-of", AS_OF.isoformat())
    assert code == (1 if victims or locations else 0), result  # a trigger opened needs a person
    assert result["qualifying"] == sum(
        r["reported_at"][:10] <= AS_OF.isoformat() and r["reported_at"][:10] >= EDGE.isoformat()
        for r in rows
    )
    code, listed = night.cli("casereview", "list")
    assert code == 0, listed
    triggers = listed["triggers"]
    assert sorted(t["complaints"] for t in triggers if t["kind"] == "victim") == victims
    assert sorted(t["complaints"] for t in triggers if t["kind"] == "location") == locations
    refs = {r["incident_ref"] for r in rows}
    for trigger in triggers:
        assert set(trigger["incidents"]) <= refs and trigger["partners"] == partners
    # Evaluated again, on the same day: nothing new, the same triggers.
    code, again = night.cli("casereview", "evaluate", "--as-of", AS_OF.isoformat())
    assert code == 0 and again["changes"] == []
    assert night.cli("casereview", "list")[1] == listed
    assert_no_plain_values(night, rows)


def assert_no_plain_values(night: Night, rows: list[dict[str, Any]]) -> None:
    """The keys and triggers hold no name, date of birth, address or postcode, in any form."""
    with night.store.session() as session:
        stored = [
            *session.execute(
                select(Incident.victim_key, Incident.location_key, Incident.household_key)
            ).all(),
            *session.execute(
                select(CaseReviewTrigger.__table__).order_by(CaseReviewTrigger.id)
            ).all(),
            *session.execute(select(CaseReviewIncident.__table__)).all(),
        ]
    text = repr(stored).casefold()
    for row in rows:
        for field in ("victim_name", "victim_dob", "victim_address", "location_street"):
            value = row.get(field)
            if value:
                for word in str(value).casefold().replace("'", " ").split():
                    if len(word) > 3:
                        assert word not in text, f"{field} {word!r} is stored"
        for field in ("victim_postcode", "location_postcode"):
            value = row[field]
            assert value.replace(" ", "").casefold() not in text.replace(" ", "")


def test_a_new_complaint_extends_the_open_trigger(make_night: Callable[[set[str]], Night]) -> None:
    night = make_night(set(BOTH))
    thresholds(night.config)
    first = write_incidents(night.landing, "first.jsonl", apart(3))
    assert night.cli("ingest", "run", "--from", str(night.landing))[0] == 0
    code, first_run = night.cli("casereview", "evaluate", "--as-of", AS_OF.isoformat())
    [opened] = first_run["changes"]
    assert opened["change"] == "opened" and opened["added"] == [r["incident_ref"] for r in first]

    later = complaint(AS_OF, place="SS14 1AA", district="Basildon")
    write_incidents(night.landing, "later.jsonl", [later], seed=8)
    # write_incidents numbers from the same start: give the later complaint its own reference.
    path = night.landing / "later.jsonl"
    path.write_text(path.read_text().replace("42/770000/26", "42/779999/26"), encoding="utf-8")
    code, ingested = night.cli("ingest", "run", "--from", str(night.landing))
    assert code == 0, ingested
    code, second_run = night.cli("casereview", "evaluate", "--as-of", AS_OF.isoformat())
    [change] = second_run["changes"]
    assert change["change"] == "extended" and change["added"] == ["42/779999/26"]
    [trigger] = night.cli("casereview", "list")[1]["triggers"]
    assert trigger["trigger_id"] == change["trigger_id"] == opened["trigger_id"]
    assert trigger["complaints"] == 4 and trigger["partners"] == BOTH

    code, text = night.text("casereview", "list")
    assert code == 0 and trigger["trigger_id"] in text and "42/779999/26" in text
    assert "Testperson" not in text


def test_a_closed_trigger_is_not_raised_again_from_the_same_complaints(
    make_night: Callable[[set[str]], Night],
) -> None:
    night = make_night(set(BOTH))
    thresholds(night.config)
    write_incidents(night.landing, "first.jsonl", apart(3))
    assert night.cli("ingest", "run", "--from", str(night.landing))[0] == 0
    code, first_run = night.cli("casereview", "evaluate", "--as-of", AS_OF.isoformat())
    trigger_id = first_run["changes"][0]["trigger_id"]
    code, closed = night.cli(
        "casereview", "close", trigger_id, "--by", "Case Review panel", "--reason", "reviewed"
    )
    assert code == 0, closed
    code, again = night.cli("casereview", "evaluate", "--as-of", AS_OF.isoformat())
    assert again["changes"] == [] and again["open_triggers"] == 0
    assert night.cli("casereview", "list")[1] == {"triggers": []}
    code, twice = night.cli("casereview", "close", trigger_id, "--by", "x", "--reason", "y")
    assert code == 1 and "already closed" in twice
