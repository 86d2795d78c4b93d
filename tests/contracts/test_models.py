"""Every contract against a table of valid records and invalid ones, each naming its bad field."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from pydantic import ValidationError

from contracts import CONTRACTS, get_contract
from contracts.base import Contract
from contracts.registry import UnknownContract
from contracts.schemas_io import contract_schema

SHA = "a" * 64
VALID: dict[str, list[dict[str, Any]]] = {
    "incident/1.0": [
        {
            "incident_ref": "42/123456/26",
            "reported_at": "2026-11-20T22:10:00+00:00",
            "district": "Basildon",
            "location_postcode": "SS14 1AB",
            "is_asb": True,
            "nsir_category": "nuisance",
            "asb_type": "noise",
            "risk_level": "high",
            "thrive_flags": ["threat", "vulnerability"],
            "victim_name": "Alex Example",
            "victim_tenure": "social_housing",
            "victim_landlord": "estuary_homes",
            "victim_email": "alex@example.org",
            "subject_pnc_id": "26/1234567X",
            "narrative": "Loud music from the flat above after midnight.",
        },
        {
            "incident_ref": "42/000001/26",
            "reported_at": "2026-11-21T01:30:00Z",
            "district": "Harlow",
            "is_asb": False,
            "not_asb_reason": "Domestic dispute, referred to safeguarding",
            "risk_level": "standard",
            "narrative": "Shouting heard; a domestic matter.",
        },
    ],
    "referral/1.0": [
        {"referral_id": "R-0123456789ABCDEF"},
        {
            "referral_id": "R-0123456789ABCDEF",
            "referred_date": "2026-11-21",
            "incident_ref_token": "ir_" + "0" * 32,
            "location_postcode_sector": "SS14 1",
            "risk_level": "high",
            "high_risk": True,
            "thrive_flags": ["harm"],
            "victim_age_band": "65 and over",
            "subject_name_token": "sn_" + "f" * 32,
            "narrative": "[PERSON] reported loud music.",
        },
    ],
    "outcome/1.0": [
        {
            "outcome_id": "O-1",
            "referral_id": "R-0123456789ABCDEF",
            "status": "received",
            "recorded_at": "2026-11-20T09:15:00+00:00",
        },
        {
            "outcome_id": "council.2026-11_0042",
            "referral_id": "R-0123456789ABCDEF",
            "status": "closed",
            "recorded_at": "2026-11-26T21:05:00+01:00",
            "lead_agency_accepted": True,
            "actions": ["advice", "community_protection_warning"],
            "action_date": "2026-11-25",
            "closed_on": "2026-11-26",
            "notes": "x" * 4000,
        },
    ],
    "referral-change/1.0": [
        {
            "change_id": "RC-00000000000000A1",
            "referral_id": "R-00000000000000A1",
            "change": "update",
            "revision": 2,
            "changed_at": "2026-11-27T01:00:00+00:00",
            "changed_fields": ["risk_level", "high_risk"],
            "escalated": True,
            "reason": "THRIVE risk raised to high",
        },
        {
            "change_id": "RC-00000000000000A2",
            "referral_id": "R-00000000000000A1",
            "change": "withdrawal",
            "revision": 3,
            "changed_at": "2026-11-28T01:00:00+00:00",
            "reason": "no longer in your area or tenancy",
        },
    ],
    "disposal-notice/1.0": [
        {
            "notice_id": "DN-00000000000000A1",
            "referral_id": "R-00000000000000A1",
            "disposal_run_id": "DR-20261126-ABCDEF",
            "issued_at": "2026-11-26T02:00:00+00:00",
            "acknowledge_by": "2026-12-24",
            "reason": "referral retention: 2 years after closure",
        }
    ],
    "disposal-ack/1.0": [
        {
            "notice_id": "DN-00000000000000A1",
            "referral_id": "R-00000000000000A1",
            "disposed_at": "2026-12-01T12:00:00+00:00",
        },
        {
            "notice_id": "DN-00000000000000A1",
            "referral_id": "R-00000000000000A1",
            "disposed_at": "2026-12-01T12:00:00-05:00",
            "confirmed_by_role": "ASB records officer",
        },
    ],
    "manifest/1.1": [
        {
            "batch_id": "B-basildon_council-20261126",
            "partner_id": "basildon_council",
            "night": "2026-11-26",
            "created_at": "2026-11-26T02:01:00+00:00",
            "previous_batch_id": "B-basildon_council-20261125-02",
            "record_count": 3,
            "files": [
                {
                    "name": "referrals-20261126.csv",
                    "contract": "referral/1.0",
                    "records": 3,
                    "bytes": 1200,
                    "sha256": SHA,
                }
            ],
        }
    ],
    "rejection-report/1.0": [
        {
            "report_id": "RJ-1",
            "partner_id": "basildon_council",
            "file_name": "outcomes.csv",
            "file_sha256": SHA,
            "received_at": "2026-11-26T06:31:00+00:00",
            "file_status": "partially_loaded",
            "rows_in": 3,
            "rows_loaded": 2,
            "rows_quarantined": 1,
            "problems": [{"line": 3, "field": "status", "reason": "'closd' is not a status"}],
        }
    ],
    "case-review-flag/1.0": [
        {
            "referral_id": "R-0123456789ABCDEF",
            "case_review_id": "CT-0123456789AB",
            "status": "open",
            "counts": "victim",
            "opened_at": "2026-11-30T23:40:00+00:00",
        },
        {
            "referral_id": "R-0123456789ABCDEF",
            "case_review_id": "CT-0123456789AB",
            "status": "closed",
            "counts": "location",
            "opened_at": "2026-11-30T23:40:00+00:00",
            "closed_at": "2026-12-14T10:00:00Z",
        },
    ],
    "outcome-summary/1.1": [
        {
            "night": "2026-12-11",
            "incident_ref": "42/001234/26",
            "referral_id": "R-0123456789ABCDEF",
            "partner_id": "chelmsford_council",
            "updated": True,
            "status": "in_progress",
            "lead_agency_accepted": True,
            "lead_partners": ["chelmsford_council", "estuary_homes"],
            "actions": ["warning_letter"],
            "action_date": "2026-12-01",
            "last_recorded_at": "2026-12-10T16:30:00+00:00",
            "conflict": True,
            "conflict_reasons": ["several_leads"],
            "case_review_id": "CT-0123456789AB",
        },
        {
            "night": "2026-12-11",
            "incident_ref": "42/001234/26",
            "referral_id": "R-0123456789ABCDE0",
            "partner_id": "estuary_homes",
            "updated": False,
        },
    ],
}

# (contract, changes to the first valid example, the field the error must name)
INVALID: list[tuple[str, dict[str, Any], str]] = [
    ("incident/1.0", {"incident_ref": "42-123456-26"}, "incident_ref"),
    ("incident/1.0", {"reported_at": "2026-11-20T22:10:00"}, "reported_at"),
    ("incident/1.0", {"district": "B"}, "district"),
    ("incident/1.0", {"location_postcode": "ss14 1ab"}, "location_postcode"),
    ("incident/1.0", {"nsir_category": None}, "nsir_category"),
    ("incident/1.0", {"is_asb": False}, "not_asb_reason"),
    ("incident/1.0", {"victim_tenure": "owner_occupier"}, "victim_landlord"),
    ("incident/1.0", {"risk_level": "very high"}, "risk_level"),
    ("incident/1.0", {"thrive_flags": ["threat", "panic"]}, "thrive_flags"),
    ("incident/1.0", {"victim_email": "not-an-email"}, "victim_email"),
    ("incident/1.0", {"subject_pnc_id": "1234567X"}, "subject_pnc_id"),
    ("incident/1.0", {"narrative": "x" * 10_001}, "narrative"),
    ("incident/1.0", {"narrative": None}, "narrative"),
    ("incident/1.0", {"officer_notes": "extra"}, "officer_notes"),
    ("referral/1.0", {"referral_id": "R-0123456789abcdef"}, "referral_id"),
    ("referral/1.0", {"referral_id": None}, "referral_id"),
    ("referral/1.0", {"victim_age_band": "30-40"}, "victim_age_band"),
    ("referral/1.0", {"location_postcode_sector": "SS14 1AB"}, "location_postcode_sector"),
    ("referral/1.0", {"incident_ref_token": "ir_XYZ"}, "incident_ref_token"),
    ("referral/1.0", {"thrive_flags": ["calm"]}, "thrive_flags"),
    ("referral/1.0", {"reported_at": "2026-11-20 22:10"}, "reported_at"),
    ("referral/1.0", {"victim_dob_raw": "1990-01-01"}, "victim_dob_raw"),
    ("outcome/1.0", {"status": "closd"}, "status"),
    ("outcome/1.0", {"status": "closed"}, "closed_on"),
    ("outcome/1.0", {"closed_on": "2026-11-26"}, "closed_on"),
    ("outcome/1.0", {"actions": ["advice", "stern_words"]}, "actions"),
    ("outcome/1.0", {"notes": "x" * 4001}, "notes"),
    ("outcome/1.0", {"outcome_id": "-starts-with-dash"}, "outcome_id"),
    ("outcome/1.0", {"referral_id": "R-12345"}, "referral_id"),
    ("outcome/1.0", {"lead_agency_accepted": "maybe"}, "lead_agency_accepted"),
    ("outcome/1.0", {"recorded_at": None}, "recorded_at"),
    ("outcome/1.0", {"recorded_at": "2026-11-20T09:15:00"}, "recorded_at"),
    ("outcome/1.0", {"action_date": "2026-02-30"}, "action_date"),
    ("referral-change/1.0", {"change": "amendment"}, "change"),
    ("referral-change/1.0", {"revision": 1}, "revision"),
    ("referral-change/1.0", {"change_id": "DN-00000000000000A1"}, "change_id"),
    ("referral-change/1.0", {"changed_at": "2026-11-27"}, "changed_at"),
    ("referral-change/1.0", {"reason": "r" * 201}, "reason"),
    ("disposal-notice/1.0", {"notice_id": "DN-1"}, "notice_id"),
    ("disposal-notice/1.0", {"disposal_run_id": "DR-2026-11-26"}, "disposal_run_id"),
    ("disposal-notice/1.0", {"acknowledge_by": "next week"}, "acknowledge_by"),
    ("disposal-notice/1.0", {"reason": "r" * 201}, "reason"),
    ("disposal-notice/1.0", {"issued_at": None}, "issued_at"),
    ("disposal-ack/1.0", {"notice_id": "dn-00000000000000a1"}, "notice_id"),
    ("disposal-ack/1.0", {"disposed_at": "2026-12-01T12:00:00"}, "disposed_at"),
    ("disposal-ack/1.0", {"confirmed_by_role": "r" * 81}, "confirmed_by_role"),
    ("disposal-ack/1.0", {"deleted_by": "Alex Example"}, "deleted_by"),
    ("manifest/1.1", {"batch_id": "B-Basildon-20261126"}, "batch_id"),
    ("manifest/1.1", {"previous_batch_id": "yesterday"}, "previous_batch_id"),
    ("manifest/1.1", {"record_count": -1}, "record_count"),
    ("manifest/1.1", {"created_at": "2026-11-26T02:01:00"}, "created_at"),
    ("manifest/1.1", {"files": None}, "files"),
    ("manifest/1.1", {"files": [{"name": "x.csv"}]}, "files.0.sha256"),
    ("rejection-report/1.0", {"file_status": "accepted"}, "file_status"),
    ("rejection-report/1.0", {"file_sha256": "abc"}, "file_sha256"),
    ("rejection-report/1.0", {"rows_in": -1}, "rows_in"),
    ("rejection-report/1.0", {"problems": [{"line": 0, "reason": "x"}]}, "problems.0.line"),
    ("rejection-report/1.0", {"problems": [{"reason": "r" * 501}]}, "problems.0.reason"),
    ("outcome-summary/1.1", {"incident_ref": "42-001234-26"}, "incident_ref"),
    ("outcome-summary/1.1", {"partner_id": "Chelmsford Council"}, "partner_id"),
    ("outcome-summary/1.1", {"status": "closd"}, "status"),
    ("outcome-summary/1.1", {"closed_on": "2026-12-10"}, "closed_on"),
    ("outcome-summary/1.1", {"conflict_reasons": []}, "conflict_reasons"),
    ("outcome-summary/1.1", {"conflict_reasons": ["rivalry"]}, "conflict_reasons"),
    ("outcome-summary/1.1", {"updated": None}, "updated"),
    ("outcome-summary/1.1", {"notes": "Mediation held."}, "notes"),
    ("outcome-summary/1.1", {"night": "2026-12-11T08:00:00+00:00"}, "night"),
    ("outcome-summary/1.1", {"case_review_id": "CT-12345"}, "case_review_id"),
    ("case-review-flag/1.0", {"case_review_id": "ct-0123456789ab"}, "case_review_id"),
    ("case-review-flag/1.0", {"status": "reopened"}, "status"),
    ("case-review-flag/1.0", {"counts": "household"}, "counts"),
    ("case-review-flag/1.0", {"closed_at": "2026-12-14T10:00:00Z"}, "closed_at"),
    ("case-review-flag/1.0", {"opened_at": "2026-11-30"}, "opened_at"),
    ("case-review-flag/1.0", {"referral_id": None}, "referral_id"),
    ("case-review-flag/1.0", {"victim_key": "0" * 32}, "victim_key"),
]


def _drop_none(record: dict[str, Any]) -> dict[str, Any]:
    """`None` in a change means: leave the field out."""
    return {name: value for name, value in record.items() if value is not None}


def _named_fields(exc: ValidationError, model: type[Contract]) -> set[str]:
    """Every field an error points at: its location, or the fields a cross-field rule names."""
    named: set[str] = set()
    for error in exc.errors():
        loc = [str(part) for part in error["loc"]]
        if loc:
            named.update({loc[0], ".".join(loc)})
        else:
            named.update(name for name in model.field_names() if name in error["msg"])
    return named


def test_every_contract_of_the_design_is_registered() -> None:
    assert sorted(CONTRACTS) == sorted(VALID)


@pytest.mark.parametrize(
    ("ref", "record"),
    [
        pytest.param(ref, rec, id=f"{ref}#{i}")
        for ref, recs in VALID.items()
        for i, rec in enumerate(recs)
    ],
)
def test_valid_records(ref: str, record: dict[str, Any]) -> None:
    model = get_contract(ref)
    parsed = model.model_validate(record)
    assert model.model_validate(parsed.to_row()) == parsed, "to_row() must read back"
    # The published JSON Schema accepts what the model accepts.
    jsonschema.validate(json.loads(json.dumps(parsed.to_row())), contract_schema(model))


@pytest.mark.parametrize(
    ("ref", "changes", "field"),
    [pytest.param(ref, ch, f, id=f"{ref}-{f}-{i}") for i, (ref, ch, f) in enumerate(INVALID)],
)
def test_invalid_records_name_the_field(ref: str, changes: dict[str, Any], field: str) -> None:
    model = get_contract(ref)
    record = _drop_none({**VALID[ref][0], **changes})
    with pytest.raises(ValidationError) as caught:
        model.model_validate(record)
    assert field in _named_fields(caught.value, model), caught.value.errors()


def test_every_contract_has_several_invalid_cases() -> None:
    for ref in CONTRACTS:
        assert sum(1 for r, _, _ in INVALID if r == ref) >= 4, ref


def test_strings_are_stripped_and_lists_are_typed() -> None:
    outcome = get_contract("outcome/1.0").model_validate(
        {**VALID["outcome/1.0"][0], "outcome_id": "  O-7  ", "actions": ["mediation"]}
    )
    assert outcome.outcome_id == "O-7"
    assert get_contract("outcome/1.0").list_fields() == {"actions"}
    assert get_contract("incident/1.0").list_fields() == {"thrive_flags"}


def test_unknown_contract_names_the_known_ones() -> None:
    with pytest.raises(UnknownContract) as caught:
        get_contract("outcome/2.0")
    assert "outcome/1.0" in str(caught.value)


def test_a_unix_timestamp_is_not_an_iso_timestamp() -> None:
    with pytest.raises(ValidationError):
        get_contract("outcome/1.0").model_validate(
            {**VALID["outcome/1.0"][0], "recorded_at": 1764191100}
        )
