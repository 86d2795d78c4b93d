"""The ISA projection gives exactly the partner's view: default deny, consent, keyed pseudonyms."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from asbhub.minimise.keys import PseudonymKeys
from asbhub.minimise.projection import Projector, age_band, known_pii, postcode_sector
from asbhub.partners import PartnerConfig, load_partners
from contracts.referral import (
    SOURCE_FIELD_TREATMENTS,
    VICTIM_CONTACT_FIELDS,
    Referral,
    allowed_treatments,
    output_field,
)

CONFIG = Path(__file__).resolve().parents[2] / "config" / "partners"
KEYS = PseudonymKeys(b"test-secret-for-projection-only")


def remove_known(text: str, known: Mapping[str, list[str]]) -> str:
    """Stands in for the PII engine here: removes the record's own values, as its deny list does."""
    for entity, values in known.items():
        for value in values:
            text = text.replace(value, f"<{entity}>")
    return text


def partner_with(fields: dict[str, str], pid: str = "test_council", **isa: Any) -> PartnerConfig:
    return PartnerConfig.model_validate(
        {
            "id": pid,
            "name": "Test Council",
            "kind": "council",
            "coverage": {"districts": ["Testshire"]},
            "transport": {
                "type": "local",
                "connection_id": "partner_test_local",
                "folders": {"inbox": "inbox", "outbox": "outbox"},
            },
            "isa": {"reference": "ISA-T-1", "lawful_basis": "test", "fields": fields, **isa},
        }
    )


names = st.text(
    alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", min_size=4, max_size=10
)


@st.composite
def records(draw: st.DrawFn) -> dict[str, Any]:
    victim = f"{draw(names)} Victimname"
    subject = f"{draw(names)} Subjectname"
    return {
        "referral_id": "R-" + draw(st.text(alphabet="0123456789ABCDEF", min_size=16, max_size=16)),
        "referred_at": datetime(2026, 11, 26, 1, 30, tzinfo=UTC),
        "incident_ref": f"42/{draw(st.integers(0, 999999)):06d}/26",
        "reported_at": draw(
            st.datetimes(
                min_value=datetime(2020, 1, 1),
                max_value=datetime(2026, 11, 1),
                timezones=st.just(UTC),
            )
        ),
        "district": "Testshire",
        "location_street": f"{draw(st.integers(1, 300))} Quayside Road",
        "location_postcode": "SS14 1AB",
        "nsir_category": draw(st.sampled_from(["personal", "nuisance", "environmental"])),
        "asb_type": "noise",
        "risk_level": draw(st.sampled_from(["high", "medium", "standard"])),
        "high_risk": draw(st.booleans()),
        "thrive_flags": ["harm"],
        "repeat_victim": draw(st.booleans()),
        "vulnerable_victim": draw(st.booleans()),
        "lead_agency": "council",
        "last_review_at": None,
        "victim_name": victim,
        "victim_dob": draw(st.dates(min_value=date(1930, 1, 1), max_value=date(2015, 1, 1))),
        "victim_address": "12 Victim Close",
        "victim_postcode": "CM1 2XY",
        "victim_phone": "07700 900123",
        "victim_email": "victim@example.org",
        "victim_tenure": "social_housing",
        "victim_consent_to_share": draw(st.booleans()),
        "subject_name": subject,
        "subject_dob": date(1990, 5, 17),
        "subject_address": "3 Subject Way",
        "subject_postcode": "CO4 9QQ",
        "subject_tenure": "private_rented",
        "subject_pnc_id": "26/123456A",
        "vehicle_registration": "AB12 CDE",
        "narrative": f"IP {victim} reports {subject} shouting, call 07700 900123.",
    }


@st.composite
def isas(draw: st.DrawFn) -> dict[str, str]:
    chosen = draw(st.sets(st.sampled_from(sorted(SOURCE_FIELD_TREATMENTS)), max_size=20))
    fields = {"referral_id": "share"}
    for name in sorted(chosen - {"referral_id"}):
        options = sorted(allowed_treatments(name))
        fields[name] = draw(st.sampled_from(options))
    return fields


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(record=records(), fields=isas())
def test_no_field_outside_the_isa_ever_appears(
    record: dict[str, Any], fields: dict[str, str]
) -> None:
    partner = partner_with(fields)
    view = Projector(partner, KEYS, remove_known).project(record)
    expected = {output_field(f, t) for f, t in fields.items()} - {None}
    assert set(view) == expected
    Referral.model_validate(view)  # the view is always a valid referral/1.0 record
    shown = " ".join(str(v) for v in view.values() if v is not None)
    for source, value in record.items():
        treatment = fields.get(source, "drop")
        if treatment in {"share"} or value is None or isinstance(value, bool):
            continue
        if source in {
            "narrative",
            "district",
            "asb_type",
            "nsir_category",
            "risk_level",
            "lead_agency",
            "victim_tenure",
            "subject_tenure",
            "thrive_flags",
        }:
            continue  # values shared by other fields or present in more than one field
        if isinstance(value, (date, datetime)):
            continue
        if any(
            fields.get(other) == "share" and record.get(other) == value
            for other in fields
            if other != source
        ):
            continue
        assert str(value) not in shown, f"{source} leaked under treatment {treatment}"


@settings(max_examples=100, deadline=None)
@given(record=records())
def test_victim_contact_details_need_consent_or_a_named_basis(record: dict[str, Any]) -> None:
    fields = {"referral_id": "share", **{f: "share" for f in VICTIM_CONTACT_FIELDS}}
    plain = Projector(partner_with(fields), KEYS, remove_known).project(record)
    with_basis = Projector(
        partner_with(fields, without_consent={"victim_address": "s.115 safeguarding"}),
        KEYS,
        remove_known,
    ).project(record)
    for name in VICTIM_CONTACT_FIELDS:
        if record["victim_consent_to_share"]:
            assert plain[name] == record[name]
        else:
            assert plain[name] is None
            assert with_basis[name] == (record[name] if name == "victim_address" else None)


def test_pseudonyms_are_stable_per_partner_and_unlinkable_across_partners() -> None:
    fields = {"referral_id": "share", "subject_name": "pseudonymise"}
    record = {"referral_id": "R-0123456789ABCDEF", "subject_name": "Dana  Okafor"}
    a1 = Projector(partner_with(fields, "council_a"), KEYS, remove_known).project(record)
    a2 = Projector(partner_with(fields, "council_a"), KEYS, remove_known).project(
        {**record, "subject_name": "dana okafor"}
    )
    b = Projector(partner_with(fields, "council_b"), KEYS, remove_known).project(record)
    assert a1["subject_name_token"] == a2["subject_name_token"]
    assert a1["subject_name_token"] != b["subject_name_token"]
    assert re.fullmatch(r"sn_[0-9a-f]{32}", a1["subject_name_token"])
    other_key = PseudonymKeys(b"another-secret-entirely-0000")
    c = Projector(partner_with(fields, "council_a"), other_key, remove_known).project(record)
    assert c["subject_name_token"] != a1["subject_name_token"]


def test_missing_secret_is_an_environment_problem() -> None:
    from asbhub.errors import EnvironmentProblem

    with pytest.raises(EnvironmentProblem, match="ASBHUB_PSEUDONYM_KEY"):
        PseudonymKeys.from_environment({})
    assert "secret" not in repr(PseudonymKeys(b"x" * 20)).replace("<secret>", "")


@pytest.mark.parametrize(
    ("dob", "on", "band"),
    [
        (date(2010, 6, 1), date(2026, 5, 31), "under 18"),
        (date(2008, 6, 1), date(2026, 6, 1), "18-24"),
        (date(2001, 6, 2), date(2026, 6, 1), "18-24"),
        (date(2001, 6, 1), date(2026, 6, 1), "25-34"),
        (date(1961, 6, 1), date(2026, 6, 1), "65 and over"),
        (date(1961, 6, 2), date(2026, 6, 1), "55-64"),
    ],
)
def test_age_bands(dob: date, on: date, band: str) -> None:
    assert age_band(dob, on) == band


@pytest.mark.parametrize(
    ("postcode", "sector"),
    [("SS14 1AB", "SS14 1"), ("cm11xy", "CM1 1"), ("CO4 9QQ", "CO4 9"), ("E1W 2AB", "E1W 2")],
)
def test_postcode_sectors(postcode: str, sector: str) -> None:
    assert postcode_sector(postcode) == sector


def test_timestamps_generalise_to_the_london_date() -> None:
    fields = {"referral_id": "share", "reported_at": "generalise"}
    record = {
        "referral_id": "R-0123456789ABCDEF",
        "reported_at": datetime(2026, 7, 1, 23, 30, tzinfo=UTC),
    }
    view = Projector(partner_with(fields), KEYS, remove_known).project(record)
    assert view == {"referral_id": "R-0123456789ABCDEF", "reported_date": "2026-07-02"}


def test_the_narrative_deny_list_holds_the_records_own_values() -> None:
    record = {
        "victim_name": "Ann Lee",
        "subject_phone": "x",
        "victim_phone": "07700 900001",
        "vehicle_registration": None,
    }
    assert known_pii(record) == {"PERSON": ["Ann Lee"], "PHONE_NUMBER": ["07700 900001"]}


def test_sample_councils_and_housing_providers_get_different_views() -> None:
    partners = load_partners(CONFIG)
    councils = [p for p in partners if p.kind == "council"]
    providers = [p for p in partners if p.kind == "housing_provider"]
    assert len(councils) == 14 and len(providers) == 3
    council_cols = set(Projector(councils[0], KEYS, remove_known).columns)
    provider_cols = set(Projector(providers[0], KEYS, remove_known).columns)
    assert council_cols != provider_cols
    assert "location_street" in council_cols and "location_street" not in provider_cols
