"""The force's own incident reference in a narrative stays for a partner whose ISA shares
`incident_ref` (it is in the record anyway) and goes for one that pseudonymises it; other
agencies' references and crime numbers go for both, and the last-line check counts only what
each partner should not have."""

from __future__ import annotations

from typing import Any

from tests.lifecycle.conftest import NIGHT, Night, write_incidents

COUNCIL, PROVIDER = "chelmsford_council", "estuary_homes"  # shares / pseudonymises incident_ref
NARRATIVE = (
    "Caller reports the same group outside the flats again, see also 42/123456/25 from last "
    "month. Custody no EX-24-1182 for the male arrested then; crime ref 42/CR/012345/25."
)


def test_the_force_reference_stays_only_where_the_isa_shares_it(make_night: Any) -> None:
    night: Night = make_night({COUNCIL, PROVIDER})
    shape = {
        "district": "Chelmsford",
        "risk_level": "standard",
        "vulnerable_victim": False,
        "narrative": NARRATIVE,
        "victim_tenure": "social_housing",
        "victim_landlord": PROVIDER,
    }
    write_incidents(night.landing, "incidents-a.jsonl", [shape])
    assert night.cli("ingest", "run", "--from", str(night.landing))[0] == 0
    code, result = night.cli("outbound", "run", "--all", "--night", NIGHT.isoformat())
    assert code == 0, result
    [council] = night.delivered(COUNCIL, "referrals", NIGHT)
    [provider] = night.delivered(PROVIDER, "referrals", NIGHT)
    for row in (council, provider):
        narrative = row["narrative"]
        assert "EX-24-1182" not in narrative and "012345" not in narrative, narrative
        assert narrative.startswith("Caller reports the same group outside the flats again")
    assert "42/123456/25" in council["narrative"]
    assert "42/123456/25" not in provider["narrative"]
    assert "<POLICE_REFERENCE>" in provider["narrative"]
    # Neither record was set aside by the last-line check.
    code, held = night.cli("outbound", "held")
    assert code == 0 and held["held"] == [], held
