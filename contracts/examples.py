"""One example record per contract, shown in the partner documentation (synthetic values)."""

from __future__ import annotations

from typing import Any

EXAMPLES: dict[str, dict[str, Any]] = {
    "incident/1.0": {
        "incident_ref": "42/001234/26",
        "reported_at": "2026-11-24T21:05:00+00:00",
        "district": "Chelmsford",
        "location_street": "Moulsham Street",
        "location_postcode": "CM2 0HX",
        "is_asb": True,
        "nsir_category": "nuisance",
        "asb_type": "noise",
        "risk_level": "medium",
        "thrive_flags": ["harm", "vulnerability"],
        "repeat_victim": True,
        "vulnerable_victim": False,
        "lead_agency": "council",
        "victim_name": "Alex Example",
        "victim_dob": "1980-02-29",
        "victim_phone": "07700 900123",
        "victim_tenure": "private_rented",
        "victim_consent_to_share": True,
        "narrative": "IP reports loud music from the flat above between 2300 and 0200.",
    },
    "referral/1.0": {
        "referral_id": "R-3F9A0C21B7D44E10",
        "referred_at": "2026-11-25T02:00:14+00:00",
        "incident_ref": "42/001234/26",
        "reported_date": "2026-11-24",
        "district": "Chelmsford",
        "location_postcode_sector": "CM2 0",
        "nsir_category": "nuisance",
        "asb_type": "noise",
        "risk_level": "medium",
        "high_risk": False,
        "thrive_flags": ["harm", "vulnerability"],
        "repeat_victim": True,
        "vulnerable_victim": False,
        "lead_agency": "council",
        "victim_age_band": "45-54",
        "subject_name_token": "sn_0f1e2d3c4b5a69788796a5b4c3d2e1f0",
        "narrative": "<PERSON> reports loud music from <STREET_ADDRESS> between 2300 and 0200.",
    },
    "outcome/1.0": {
        "outcome_id": "CHE-2026-0042",
        "referral_id": "R-3F9A0C21B7D44E10",
        "status": "closed",
        "recorded_at": "2026-12-10T16:30:00+00:00",
        "lead_agency_accepted": True,
        "actions": ["warning_letter", "mediation"],
        "action_date": "2026-12-01",
        "closed_on": "2026-12-10",
        "notes": "Mediation held; no further reports since.",
    },
    "disposal-notice/1.0": {
        "notice_id": "DN-0A1B2C3D4E5F6071",
        "referral_id": "R-3F9A0C21B7D44E10",
        "disposal_run_id": "DR-20321211-A1B2C3",
        "issued_at": "2032-12-11T02:00:00+00:00",
        "acknowledge_by": "2033-01-08",
        "reason": "referral: 6 years from case closure",
    },
    "disposal-ack/1.0": {
        "notice_id": "DN-0A1B2C3D4E5F6071",
        "referral_id": "R-3F9A0C21B7D44E10",
        "disposed_at": "2032-12-15T10:00:00+00:00",
        "confirmed_by_role": "ASB records officer",
    },
    "manifest/1.0": {
        "batch_id": "B-chelmsford_council-20261125",
        "partner_id": "chelmsford_council",
        "night": "2026-11-25",
        "created_at": "2026-11-25T02:00:14+00:00",
        "previous_batch_id": "B-chelmsford_council-20261124",
        "record_count": 37,
        "files": [
            {
                "name": "referrals-20261125.csv",
                "contract": "referral/1.0",
                "records": 37,
                "bytes": 21873,
                "sha256": "9f2b5c0e4d7a1b3c6e8f0a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d",
            }
        ],
    },
    "rejection-report/1.0": {
        "report_id": "RJ-chelmsford_council-5d41402a",
        "partner_id": "chelmsford_council",
        "file_name": "outcomes-20261210.csv",
        "file_sha256": "5d41402abc4b2a76b9719d911017c592ae8c4a2b6d8e0f1a3b5c7d9e1f2a4b6c",
        "received_at": "2026-12-11T06:30:05+00:00",
        "file_status": "partially_loaded",
        "rows_in": 12,
        "rows_loaded": 11,
        "rows_quarantined": 1,
        "problems": [
            {
                "line": 7,
                "field": "status",
                "reason": "'closd' is not one of 'received', 'accepted', 'declined', "
                "'in_progress' or 'closed'",
                "record_id": "CHE-2026-0047",
            }
        ],
    },
}
