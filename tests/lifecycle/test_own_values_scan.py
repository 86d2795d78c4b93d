"""The feed's last line checks the record's own values too: a narrative that still holds its
victim's name, address, phone number or date of birth after redaction (in any case, spacing or
format) sets that one referral aside with the kind of value named, never the value, and the
rest of the batch goes. Driven through the CLI on local partner folders, on both engines."""

from __future__ import annotations

import re

import pytest

from asbhub.minimise.narratives import NarrativeRedactor
from tests.failing_engine import fail_on
from tests.lifecycle.conftest import NIGHT, Night, write_incidents

COUNCIL = "chelmsford_council"
VICTIM = {
    "victim_name": "Jemma Gilbert",
    "victim_address": "31 Barlow Road, Chelmsford",
    "victim_phone": "07700 900632",
    "victim_dob": "1990-01-26",
    "narrative": "Jemma Gilbert of 31 Barlow Road (07700 900632, dob 26/01/1990) reports "
    "youths kicking a ball against her door nightly.",
}
# What a failing redactor left in the narrative, and the type the reason must name.
LEFT = [
    ("jemma gilbert", "PERSON"),
    ("GILBERT", "PERSON"),
    ("07700900632", "PHONE_NUMBER"),
    ("31 barlow rd", "STREET_ADDRESS"),
    ("26th January 1990", "DATE_OF_BIRTH"),
]


def run_night(night: Night) -> tuple[int, dict]:  # type: ignore[type-arg]
    code, result = night.cli("outbound", "run", "--partner", COUNCIL, "--night", NIGHT.isoformat())
    assert isinstance(result, dict), result
    return code, result


@pytest.mark.parametrize(("left", "entity_type"), LEFT)
def test_a_narrative_still_holding_the_records_own_value_is_set_aside(
    make_night,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
    left: str,
    entity_type: str,
) -> None:
    night: Night = make_night({COUNCIL})
    shapes = [{"district": "Chelmsford", **VICTIM} for _ in range(3)]
    rows = write_incidents(night.landing, "incidents-20261125.jsonl", shapes)
    missed = rows[1]["incident_ref"]
    assert night.cli("ingest", "run", "--from", str(night.landing))[0] == 0
    real = NarrativeRedactor.redact_incidents

    def leaves_one(self, items, **options):  # type: ignore[no-untyped-def]
        # The engine missing a value of the record's own, which no pattern recogniser finds.
        done = real(self, list(items), **options)
        return {**done, missed: f"<PERSON> reports that {left} is being targeted nightly."}

    monkeypatch.setattr(NarrativeRedactor, "redact_incidents", leaves_one)
    code, result = run_night(night)
    assert code == 1, "someone must look at the set-aside record"
    [partner] = result["partners"]
    [aside] = partner["set_aside"]
    assert aside["check"] == "pii_scan"
    assert entity_type in aside["reason"]
    words = {w.lower() for w in re.findall(r"\w+", left) if len(w) > 2}
    assert not words & {w.lower() for w in re.findall(r"\w+", str(result))}, "no value told"
    sent = night.delivered(COUNCIL, "referrals", NIGHT)
    assert sorted(r["incident_ref"] for r in sent) == sorted(
        r["incident_ref"] for r in rows if r["incident_ref"] != missed
    )
    assert all(left.lower() not in (r["narrative"] or "").lower() for r in sent)


def test_narratives_the_engine_redacted_pass_the_check(
    make_night,  # type: ignore[no-untyped-def]
) -> None:
    night: Night = make_night({COUNCIL})
    shapes = [{"district": "Chelmsford", **VICTIM} for _ in range(3)]
    write_incidents(night.landing, "incidents-20261125.jsonl", shapes)
    assert night.cli("ingest", "run", "--from", str(night.landing))[0] == 0
    code, result = run_night(night)
    assert code == 0, result
    assert result["partners"][0]["set_aside"] == []
    sent = night.delivered(COUNCIL, "referrals", NIGHT)
    assert len(sent) == 3
    for row in sent:
        narrative = row["narrative"].lower()
        assert "gilbert" not in narrative and "barlow road" not in narrative
        assert "kicking a ball" in narrative


def test_a_common_word_or_a_street_word_alone_is_not_the_records_value(
    make_night,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    night: Night = make_night({COUNCIL})
    shapes = [{"district": "Chelmsford", **VICTIM, "victim_name": "Rose Hill"} for _ in range(3)]
    rows = write_incidents(night.landing, "incidents-20261125.jsonl", shapes)
    assert night.cli("ingest", "run", "--from", str(night.landing))[0] == 0
    real = NarrativeRedactor.redact_incidents

    def near_misses(self, items, **options):  # type: ignore[no-untyped-def]
        done = real(self, list(items), **options)
        left = "the rose beds by the hill and the Barlow allotments were trampled (1990)."
        return {**done, rows[1]["incident_ref"]: left}

    monkeypatch.setattr(NarrativeRedactor, "redact_incidents", near_misses)
    code, result = run_night(night)
    assert code == 0, result
    assert result["partners"][0]["set_aside"] == []
    assert len(night.delivered(COUNCIL, "referrals", NIGHT)) == 3


def test_a_narrative_the_engine_fails_on_is_held_back_and_the_rest_go(
    make_night,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The engine failing on one narrative (any error in any part of it) neither stops the
    night nor sends that narrative: its referral is set aside saying so, and the others go."""
    night: Night = make_night({COUNCIL})
    shapes = [{"district": "Chelmsford", **VICTIM} for _ in range(3)]
    shapes[1] = {
        **shapes[1],
        "victim_name": "Nerys Poisonwood",
        "narrative": "Nerys Poisonwood of 31 Barlow Road reports youths kicking a ball.",
    }
    rows = write_incidents(night.landing, "incidents-20261125.jsonl", shapes)
    failed = rows[1]["incident_ref"]
    assert night.cli("ingest", "run", "--from", str(night.landing))[0] == 0
    fail_on(monkeypatch, "Poisonwood")
    code, result = run_night(night)
    assert code == 1, "someone must look at the set-aside record"
    [partner] = result["partners"]
    [aside] = partner["set_aside"]
    assert aside["check"] == "pii_scan"
    assert "could not be redacted" in aside["reason"]
    assert "poisonwood" not in str(result).lower()
    sent = night.delivered(COUNCIL, "referrals", NIGHT)
    assert sorted(r["incident_ref"] for r in sent) == sorted(
        r["incident_ref"] for r in rows if r["incident_ref"] != failed
    )
    assert all("kicking a ball" in r["narrative"] for r in sent)
    assert not any("Poisonwood" in str(r) or "WITHHELD" in str(r) for r in sent)
