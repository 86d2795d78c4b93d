"""A disposed record's keyed deny list goes with it: the digests live on the incident's row, and
the run that deletes the incident leaves none of them anywhere in the store."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select, update

from asbhub.minimise.deny_lists import deny_digests
from asbhub.retention.execute import execute_run
from asbhub.retention.plan import plan_disposal
from asbhub.retention.runs import approve_run
from asbhub.retention.verify import verify_run
from asbhub.store.engine import Store
from asbhub.store.models import Base, Incident, Referral
from tests.retention.world import AS_OF, DUE_REFERRALS, KEY, build


def test_disposal_deletes_the_deny_list_with_its_incident(store: Store, tmp_path: Path) -> None:
    world = build(store, tmp_path)
    with store.session() as s:
        for incident in s.scalars(select(Incident)):
            payload = {
                "victim_name": f"Ottoline{incident.id} Quarrendon{incident.id}",
                "victim_dob": "1984-03-12",
            }
            s.execute(
                update(Incident)
                .where(Incident.id == incident.id)
                .values(deny_digests=deny_digests(payload, KEY))
            )
        due = {
            ref: digests
            for ref, digests in s.execute(
                select(Incident.incident_ref, Incident.deny_digests)
                .join(Referral, Referral.incident_id == Incident.id)
                .where(Referral.referral_id.in_(DUE_REFERRALS))
            )
        }
    assert len(due) == len(DUE_REFERRALS)

    with store.session() as s:
        run_id = plan_disposal(s, world.schedule, KEY, AS_OF).run_id
    with store.session() as s:
        approve_run(s, run_id, "A. Information-Manager")
    execute_run(store, run_id, KEY, world.areas, world.remote())
    result = verify_run(store, run_id, world.areas, world.remote(), key=KEY)
    assert result.ok and result.survivors == []

    with store.session() as s:
        kept = dict(s.execute(select(Incident.incident_ref, Incident.deny_digests)).all())
        assert not set(due) & set(kept)
        assert kept and all(kept.values()), "a record not due keeps its list"
        # No digest of a disposed person's name is left in any column of any table.
        names = {d for digests in due.values() for d in digests["PERSON"]}
        for table in Base.metadata.sorted_tables:
            for row in s.execute(select(table)):
                text = json.dumps([str(value) for value in row])
                assert not any(d in text for d in names), table.name
