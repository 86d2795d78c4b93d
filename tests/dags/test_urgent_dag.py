"""`urgent_referrals`: scheduled on the asset `police_ingest` produces (data-aware, not polling),
one task per partner, a watcher; run for real with `airflow dags test` after an ingest, it puts
the urgent referrals in the partner's inbox in a batch `-01`, and `police_ingest` run again on an
empty landing area produces no asset event (so nothing downstream runs for nothing)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from asbhub.airflow.factory import INCIDENTS, URGENT_DAG_ID
from asbhub.airflow.watch import WATCHER
from asbhub.pipeline.outbound import tonight
from tests.dags.conftest import GOOD, NightHome, build_home
from tests.dags.test_dags_run import tail, task_states

OTHER = "estuary_homes"


def test_urgent_referrals_is_triggered_by_the_ingest_asset_with_a_task_per_partner(
    dagbag: Any, sample_partner_ids: set[str]
) -> None:
    dag = dagbag.dags[URGENT_DAG_ID]
    assert type(dag.timetable).__name__ == "AssetTriggeredTimetable"
    assert list(dag.schedule) == [INCIDENTS]  # the ingest's asset, and nothing else
    tasks = {t.task_id for t in dag.tasks}
    assert tasks == {f"urgent__{pid}" for pid in sample_partner_ids} | {WATCHER}
    assert dag.max_active_runs == 1


@pytest.fixture(scope="module")
def urgent_home(tmp_path_factory: pytest.TempPathFactory) -> NightHome:
    return build_home(tmp_path_factory.mktemp("urgent"), {GOOD, OTHER})


def test_an_ingest_then_the_urgent_run_delivers_the_high_risk_referrals_at_once(
    urgent_home: NightHome,
) -> None:
    ingested = urgent_home.dags_test("police_ingest")
    assert ingested.returncode == 0, tail(ingested)
    with create_engine(urgent_home.hub_url).connect() as conn:
        urgent_refs = {
            row[0]
            for row in conn.execute(
                text(
                    "SELECT r.referral_id FROM referrals r JOIN incidents i ON i.id = r.incident_id"
                    " WHERE r.partner_id = :p AND (r.high_risk OR i.vulnerable_victim)"
                ),
                {"p": GOOD},
            )
        }
    assert urgent_refs, "the seeded extract has high-risk or vulnerable-victim incidents"

    done = urgent_home.dags_test(URGENT_DAG_ID)
    assert done.returncode == 0, tail(done)
    states = dict(task_states(urgent_home, URGENT_DAG_ID))
    assert states[f"urgent__{GOOD}"] == "success" and states[WATCHER] == "skipped"
    stamp = f"{tonight():%Y%m%d}-01"
    inbox = urgent_home.roots[GOOD] / "inbox"
    [referrals] = inbox.glob(f"referrals-{stamp}.*")
    sent = read_rows(referrals)
    assert {row["referral_id"] for row in sent} == urgent_refs
    manifest = json.loads((inbox / f"manifest-{stamp}.json").read_text(encoding="utf-8"))
    assert manifest["batch_id"] == f"B-{GOOD}-{stamp}" and manifest["record_count"] == len(sent)

    # A second ingest finds the landing area empty: skipped, no new asset event.
    events = "SELECT count(*) FROM asset_event e JOIN asset a ON a.id = e.asset_id WHERE a.uri = ?"
    before = urgent_home.airflow_rows(events, "asbhub://incidents/")[0][0]
    again = urgent_home.dags_test("police_ingest")
    assert again.returncode == 0, tail(again)
    assert urgent_home.airflow_rows(events, "asbhub://incidents/")[0][0] == before


def read_rows(path: Path) -> list[dict[str, Any]]:
    if path.suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
