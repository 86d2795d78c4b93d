"""A partner's outcome notes are redacted with its own referral's deny list, on both stores:
with the incident's values while its detail is held, and with the keyed digests kept at staging
once the detail has been cleared. Another record's values are not that list, and a near miss
(a street word alone, a common word) survives. The digests are never sent or logged."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from asbhub.minimise.narratives import NarrativeRedactor
from asbhub.pipeline.inbound.run import run_inbound
from asbhub.pipeline.ingest import ingest_folder
from asbhub.pipeline.outbound import run_outbound
from asbhub.runtime import Hub
from asbhub.settings import Settings
from asbhub.store.engine import Store
from asbhub.store.models import Incident, LedgerEvent, Outcome, Referral
from tests.lifecycle.conftest import NIGHT, write_incidents
from tests.pipeline.partners_here import local_partner_config

COUNCIL = "chelmsford_council"
HOUSING = "estuary_homes"
OTHER = "basildon_council"
NAME = "Ottoline Quarrendon"
ADDRESS = "14 Pelham Mews, Chelmsford"
PHONE = "07700 900461"
DOB = "1984-03-12"
# Written as a partner's officer writes: lower case, the number run together, another date
# format. Without the record's own list the engine's recognisers leave the name.
NOTE = (
    "visited ottoline quarrendon at 14 pelham mews, ring 07700900461 after 6pm, dob 12/03/1984. "
    "the pelham allotments gate on the mews is the problem; hope to close soon."
)
SURVIVE = ("pelham allotments gate on the mews", "hope to close soon")
HEADER = "outcome_id,referral_id,status,recorded_at,lead_agency_accepted,actions,action_date,closed_on,notes\n"  # noqa: E501


@pytest.fixture
def hub(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, redactor: NarrativeRedactor
) -> tuple[Hub, dict[str, Path]]:
    monkeypatch.setenv("ASBHUB_LEDGER_KEY", "test-ledger-key-not-a-real-secret")
    monkeypatch.setenv("ASBHUB_PSEUDONYM_KEY", "test-pseudonym-key-not-a-real-secret")
    roots = local_partner_config(
        tmp_path / "config", tmp_path / "partners", monkeypatch, only={COUNCIL, HOUSING, OTHER}
    )
    settings = Settings(
        config_dir=tmp_path / "config", home=tmp_path / "home", database_url=store.url
    )
    built = Hub(settings=settings, actor="test", _store=store)
    built.__dict__["redactions"] = redactor  # the real engine, loaded once per session
    return built, roots


def referral_of(hub: Hub, incident_ref: str, partner_id: str) -> str:
    with hub.store.session() as session:
        return session.scalars(
            select(Referral.referral_id)
            .join(Incident, Incident.id == Referral.incident_id)
            .where(Incident.incident_ref == incident_ref, Referral.partner_id == partner_id)
        ).one()


def send_outcome(
    roots: dict[str, Path], partner_id: str, day: date, outcome_id: str, referral_id: str
) -> None:
    line = f'{outcome_id},{referral_id},accepted,{day}T10:00:00+00:00,true,advice,{day},,"{NOTE}"\n'
    (roots[partner_id] / "outbox" / f"outcomes-{day:%Y%m%d}.csv").write_text(
        HEADER + line, encoding="utf-8"
    )


def stored_notes(hub: Hub, partner_id: str, outcome_id: str) -> str:
    with hub.store.session() as session:
        notes = session.scalar(
            select(Outcome.notes_redacted).where(
                Outcome.partner_id == partner_id, Outcome.outcome_id == outcome_id
            )
        )
    assert notes is not None, f"{partner_id} {outcome_id} was not loaded"
    return notes


def assert_redacted(notes: str) -> None:
    low = notes.lower()
    for value in ("ottoline", "quarrendon", "14 pelham mews", "07700900461", "12/03/1984"):
        assert value not in low, f"{value!r} survived in {notes!r}"
    assert "<PERSON>" in notes
    for phrase in SURVIVE:  # a street word alone and common words are not the record's values
        assert phrase in notes, f"{phrase!r} was redacted in {notes!r}"


def test_notes_are_redacted_with_their_own_referrals_list_before_and_after_the_detail_goes(
    hub: tuple[Hub, dict[str, Path]], tmp_path: Path
) -> None:
    the_hub, roots = hub
    landing = tmp_path / "landing"
    victim = {
        "victim_name": NAME,
        "victim_address": ADDRESS,
        "victim_postcode": "CM1 4XY",
        "victim_phone": PHONE,
        "victim_dob": DOB,
        "narrative": f"Caller {NAME} of {ADDRESS} reports youths kicking a ball at her door "
        f"nightly. Contact {PHONE}.",
    }
    rows = write_incidents(
        landing,
        "incidents-20261125.jsonl",
        [
            # Referred to the council and to the victim's landlord.
            {
                "district": "Chelmsford",
                "victim_tenure": "social_housing",
                "victim_landlord": HOUSING,
                **victim,
            },
            {"district": "Basildon"},  # another record, another partner
        ],
    )
    mine, theirs = rows[0]["incident_ref"], rows[1]["incident_ref"]
    ingest_folder(the_hub, landing)

    # Only the council's referral goes: the landlord's is still to send, so the detail is held.
    [council] = run_outbound(the_hub, [COUNCIL], NIGHT).partners
    assert council.status == "delivered" and council.set_aside == []
    with the_hub.store.session() as session:
        incident = session.scalars(select(Incident).where(Incident.incident_ref == mine)).one()
        assert incident.payload is not None
        digests = incident.deny_digests
    assert digests and {"PERSON", "STREET_ADDRESS", "PHONE_NUMBER", "DATE_OF_BIRTH"} <= set(digests)
    kept = json.dumps(digests).lower()
    for part in ("ottoline", "quarrendon", "pelham", "900461", "1984"):
        assert part not in kept, "the digests hold no value"

    first_day = NIGHT + timedelta(days=1)
    send_outcome(roots, COUNCIL, first_day, "CC-1", referral_of(the_hub, mine, COUNCIL))
    run_inbound(the_hub, [COUNCIL])
    assert_redacted(stored_notes(the_hub, COUNCIL, "CC-1"))

    # The landlord's and the other council's referrals go: every detail is cleared.
    run_outbound(the_hub, [HOUSING, OTHER], NIGHT)
    with the_hub.store.session() as session:
        held = dict(session.execute(select(Incident.incident_ref, Incident.payload)).all())
    assert held[mine] is None and held[theirs] is None

    day = first_day + timedelta(days=1)
    send_outcome(roots, COUNCIL, day, "CC-2", referral_of(the_hub, mine, COUNCIL))
    send_outcome(roots, HOUSING, day, "EH-1", referral_of(the_hub, mine, HOUSING))
    send_outcome(roots, OTHER, day, "BC-1", referral_of(the_hub, theirs, OTHER))
    run_inbound(the_hub, [COUNCIL, HOUSING, OTHER])
    assert_redacted(stored_notes(the_hub, COUNCIL, "CC-2"))
    assert_redacted(stored_notes(the_hub, HOUSING, "EH-1"))
    # The same words about a referral of another record: not that record's values, left.
    other = stored_notes(the_hub, OTHER, "BC-1")
    assert "ottoline quarrendon" in other and "pelham allotments" in other

    # Never sent, never logged.
    for root in roots.values():
        for path in root.rglob("*"):
            if path.is_file():
                text = path.read_text(encoding="utf-8", errors="replace")
                assert not any(d in text for values in digests.values() for d in values)
    with the_hub.store.session() as session:
        logged = json.dumps(
            [[e.details, e.reference_hashes] for e in session.scalars(select(LedgerEvent)).all()]
        )
    assert not any(d in logged for values in digests.values() for d in values)
