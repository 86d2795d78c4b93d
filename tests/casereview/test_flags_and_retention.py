"""What a trigger gives the feed and retention: the referrals it flags, a record class for every
row it adds, nothing left naming an incident once the incident is disposed of; the thresholds'
file checked with the file and field named; keys that are stable and hold no value."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from asbhub.casereview.config import load_config
from asbhub.casereview.identity import identity_keys
from asbhub.casereview.triggers import drop_emptied_triggers, flagged_referrals
from asbhub.errors import ConfigError
from asbhub.ledger import LedgerKey
from asbhub.retention.areas import Areas
from asbhub.retention.coverage import check_coverage
from asbhub.store.models import CaseReviewIncident, CaseReviewTrigger, Incident, Referral
from contracts.incident import Incident as IncidentRecord
from tests.casereview.conftest import AS_OF, Night, complaint, thresholds, write_incidents

KEY = LedgerKey(b"test-ledger-key-not-a-real-secret")


def raised(make_night: Callable[[set[str]], Night]) -> Night:
    """One victim's three complaints, two in Chelmsford and one in Basildon: one trigger."""
    night = make_night({"chelmsford_council", "basildon_council"})
    thresholds(night.config)
    write_incidents(
        night.landing,
        "history.jsonl",
        [
            complaint(date(2026, 10, 1), place="CM1 9ZZ"),
            complaint(date(2026, 10, 8), place="CM2 9ZZ"),
            complaint(date(2026, 10, 15), place="SS14 9ZZ", district="Basildon"),
        ],
    )
    assert night.cli("ingest", "run", "--from", str(night.landing))[0] == 0
    assert night.cli("casereview", "evaluate", "--as-of", AS_OF.isoformat())[0] == 1  # opened
    return night


def test_every_referral_about_a_counted_incident_is_flagged(
    make_night: Callable[[set[str]], Night],
) -> None:
    night = raised(make_night)
    with night.store.session() as session:
        flags = flagged_referrals(session)
        referrals = session.execute(select(Referral.referral_id, Referral.partner_id)).all()
        [trigger_id] = session.scalars(select(CaseReviewTrigger.trigger_id)).all()
    assert set(flags) == {r for r, _p in referrals} and set(flags.values()) == {trigger_id}
    assert {p for _r, p in referrals} == {"chelmsford_council", "basildon_council"}


def test_triggers_and_their_links_have_a_record_class_and_go_with_their_incidents(
    make_night: Callable[[set[str]], Night],
) -> None:
    night = raised(make_night)
    code, printed = night.cli("retention", "coverage")
    assert code == 0, printed
    areas = Areas(night.home)
    with night.store.session() as session:
        coverage = check_coverage(session, areas)
        assert not [u for u in coverage.uncovered if "case_review" in u.where], coverage
        assert coverage.counts["referral_unclosed"]["case_review_triggers"] == 1
        assert coverage.counts["referral_unclosed"]["case_review_incidents"] == 3
        # Disposal deletes incidents: the links go with them, then the emptied trigger.
        first = session.scalars(select(Incident.id).order_by(Incident.id)).first()
        session.execute(delete(Incident).where(Incident.id == first))
        assert drop_emptied_triggers(session) == 0  # it still counts two
        links = session.scalar(select(func.count()).select_from(CaseReviewIncident))
        assert links == 2
        session.execute(delete(Incident))
        assert drop_emptied_triggers(session) == 1
        assert session.scalar(select(func.count()).select_from(CaseReviewTrigger)) == 0


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("window: forever\n", "window"),
        ("window: permanent\n", "window"),
        ("victim: {threshold: 0}\n", "victim.threshold"),
        ("location: {threshold: 5, households: true}\n", "location.households"),
        ("thresholds: 3\n", "thresholds"),
    ],
)
def test_a_wrong_thresholds_file_names_the_file_and_the_field(
    tmp_path: Path, text: str, where: str
) -> None:
    (tmp_path / "casereview.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert str(tmp_path / "casereview.yaml") in str(caught.value)
    assert f": {where}:" in str(caught.value)


def test_without_a_file_the_national_default_applies(tmp_path: Path) -> None:
    config = load_config(tmp_path)
    assert (config.window, config.victim.threshold) == ("6m", 3)
    assert config.window_start(date(2026, 8, 31)) == date(2026, 2, 28)


def record(**values: object) -> IncidentRecord:
    shape = {
        "incident_ref": "42/000001/26",
        "reported_at": "2026-10-01T12:00:00+01:00",
        "district": "Chelmsford",
        "is_asb": True,
        "nsir_category": "personal",
        "asb_type": "rowdy_inconsiderate_behaviour",
        "risk_level": "standard",
        "narrative": "synthetic",
        **values,
    }
    return IncidentRecord.model_validate(shape)


@pytest.mark.parametrize(
    ("values", "has_victim"),
    [
        ({"victim_name": "Ada Testperson", "victim_dob": "1980-02-03"}, True),
        ({"victim_name": "Ada Testperson", "victim_postcode": "CM2 2BB"}, True),
        ({"victim_name": "Ada Testperson"}, False),  # neither: no victim identity
        ({"victim_dob": "1980-02-03", "victim_postcode": "CM2 2BB"}, False),  # no name
    ],
)
def test_a_victim_is_keyed_by_name_with_birth_date_else_postcode(
    values: dict[str, str], has_victim: bool
) -> None:
    keys = identity_keys(record(**values), KEY)
    assert (keys["victim_key"] is not None) is has_victim
    assert not any(
        part.casefold() in (keys["victim_key"] or "") for v in values.values() for part in v.split()
    )


def test_keys_are_stable_keyed_and_apart_by_kind() -> None:
    one = identity_keys(
        record(victim_name="Ada Testperson", victim_dob="1980-02-03", location_postcode="CM1 1AA"),
        KEY,
    )
    again = identity_keys(
        record(victim_name="ada  TESTPERSON", victim_dob="1980-02-03", location_postcode="CM11AA"),
        KEY,
    )
    other_key = identity_keys(
        record(victim_name="Ada Testperson", victim_dob="1980-02-03", location_postcode="CM1 1AA"),
        LedgerKey(b"another-key-not-a-real-secret"),
    )
    assert one == again
    assert one["victim_key"] != other_key["victim_key"]
    assert one["victim_key"] != one["location_key"]
