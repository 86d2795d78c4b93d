"""The DAGs run for real under `airflow dags test` on SQLite: ingest, a partner's night delivered
to its inbox, and a partner whose connection is missing failing its own run and no other."""

from __future__ import annotations

import json
import subprocess

import pytest
from sqlalchemy import func, select

from asbhub.store.engine import Store
from asbhub.store.models import Delivery, InboundFile, Referral
from tests.dags.conftest import BROKEN, GOOD, MISSING_CONNECTION, NIGHT, NightHome

pytestmark = pytest.mark.slow


def tail(done: subprocess.CompletedProcess[str]) -> str:
    return (done.stdout[-4000:] + "\n" + done.stderr[-4000:]).strip()


def referral_statuses(night_home: NightHome, partner_id: str) -> dict[str, int]:
    store = Store(night_home.hub_url)
    try:
        with store.session() as session:
            return dict(
                session.execute(
                    select(Referral.status, func.count())
                    .where(Referral.partner_id == partner_id)
                    .group_by(Referral.status)
                ).all()
            )
    finally:
        store.dispose()


def task_states(night_home: NightHome, dag_id: str) -> list[tuple[str, str]]:
    return night_home.airflow_rows(
        "SELECT task_id, state FROM task_instance WHERE dag_id = ?", dag_id
    )


def test_police_ingest_loads_the_landing_folder_and_updates_the_asset(
    night_home: NightHome, ingested: subprocess.CompletedProcess[str]
) -> None:
    assert ingested.returncode == 0, tail(ingested)
    assert sorted(task_states(night_home, "police_ingest")) == [
        ("case_review", "success"),
        ("ingest_landing", "success"),
        ("watcher", "skipped"),
    ]
    assert referral_statuses(night_home, GOOD) and referral_statuses(night_home, BROKEN)
    events = night_home.airflow_rows(
        "SELECT e.extra FROM asset_event e JOIN asset a ON a.id = e.asset_id WHERE a.uri = ?",
        "asbhub://incidents/",
    )
    assert len(events) == 1
    assert json.loads(events[0][0])["files"] == 1


def test_a_partner_outbound_dag_delivers_the_night_to_its_inbox(
    night_home: NightHome, ingested: subprocess.CompletedProcess[str]
) -> None:
    assert ingested.returncode == 0, tail(ingested)
    pending = referral_statuses(night_home, GOOD)
    done = night_home.dags_test(f"partner_outbound__{GOOD}")
    assert done.returncode == 0, tail(done)
    assert sorted(task_states(night_home, f"partner_outbound__{GOOD}")) == [
        ("check", "success"),
        ("deliver", "success"),
        ("stage", "success"),
        ("watcher", "skipped"),
    ]
    inbox = night_home.roots[GOOD] / "inbox"
    manifest = json.loads((inbox / f"manifest-{NIGHT:%Y%m%d}.json").read_text())
    assert manifest["batch_id"] == f"B-{GOOD}-{NIGHT:%Y%m%d}"
    assert manifest["record_count"] == sum(pending.values()) > 0
    for entry in manifest["files"]:
        assert (inbox / entry["name"]).is_file(), entry["name"]
    assert referral_statuses(night_home, GOOD) == {"delivered": manifest["record_count"]}


def test_a_partner_with_a_missing_connection_fails_its_own_run_only(
    night_home: NightHome, ingested: subprocess.CompletedProcess[str]
) -> None:
    assert ingested.returncode == 0, tail(ingested)
    done = night_home.dags_test(f"partner_outbound__{BROKEN}")
    assert done.returncode != 0, tail(done)
    assert f"{BROKEN}: configuration problem" in done.stdout + done.stderr, tail(done)
    assert MISSING_CONNECTION in done.stdout + done.stderr
    # Staging and its check need no connection; delivery does. A missing connection is a
    # configuration problem: failed at once, not left up for retry.
    assert sorted(task_states(night_home, f"partner_outbound__{BROKEN}")) == [
        ("check", "success"),
        ("deliver", "failed"),
        ("stage", "success"),
        ("watcher", "failed"),
    ]
    runs = dict(night_home.airflow_rows("SELECT dag_id, state FROM dag_run"))
    assert runs.pop(f"partner_outbound__{BROKEN}") == "failed"
    # No other partner's run failed (the broken partner's inbound run fails on its own).
    others = {dag_id: state for dag_id, state in runs.items() if BROKEN not in dag_id}
    assert set(others.values()) == {"success"}, runs
    # The batch was staged before the transport was opened; it waits there for the next run.
    assert "delivered" not in referral_statuses(night_home, BROKEN)
    store = Store(night_home.hub_url)
    try:
        with store.session() as session:
            delivered = session.scalar(
                select(func.count())
                .select_from(Delivery)
                .where(Delivery.partner_id == BROKEN, Delivery.status == "delivered")
            )
    finally:
        store.dispose()
    assert delivered == 0


OUTCOME_HEADER = (
    "outcome_id,referral_id,status,recorded_at,lead_agency_accepted,actions,action_date,"
    "closed_on,notes"
)


def test_a_partner_inbound_dag_fetches_then_loads_then_reports(
    night_home: NightHome, ingested: subprocess.CompletedProcess[str]
) -> None:
    assert ingested.returncode == 0, tail(ingested)
    store = Store(night_home.hub_url)
    try:
        with store.session() as session:
            referral = session.scalar(
                select(Referral.referral_id).where(Referral.partner_id == GOOD).limit(1)
            )
    finally:
        store.dispose()
    partner = night_home.roots[GOOD]
    (partner / "outbox").mkdir(exist_ok=True)
    sent = {
        "outcomes-dag-1.csv": f"{OUTCOME_HEADER}\nO-DAG-1,{referral},accepted,"
        "2026-11-25T10:00:00+00:00,true,advice,,,\nO-DAG-2,R-0000000000000000,accepted,"
        "2026-11-25T10:00:00+00:00,,,,,\n",
        "outcomes-dag-2.csv": "this,is\nnot an outcome file\n",
    }
    for name, text in sent.items():
        (partner / "outbox" / name).write_text(text, encoding="utf-8")

    done = night_home.dags_test(f"partner_inbound__{GOOD}")

    assert done.returncode == 0, tail(done)
    assert sorted(task_states(night_home, f"partner_inbound__{GOOD}")) == [
        ("fetch", "success"),
        ("load", "success"),
        ("report", "success"),
        ("watcher", "skipped"),
    ]
    # Both files ended (one partly loaded, one rejected whole); both left the outbox only
    # after their reports were in the partner's inbox.
    assert not list((partner / "outbox").iterdir())
    assert sorted(p.name for p in (partner / "processed").iterdir()) == sorted(sent)
    reports = sorted(p.name for p in (partner / "inbox").glob("rejection-outcomes-dag-*.json"))
    assert len(reports) == 2, reports
    store = Store(night_home.hub_url)
    try:
        with store.session() as session:
            files = session.scalars(
                select(InboundFile).where(InboundFile.name.in_(sent)).order_by(InboundFile.name)
            ).all()
            got = [(f.name, f.status, f.rows_in, f.rows_loaded, f.rows_quarantined) for f in files]
            archived = [f.archive_path for f in files]
    finally:
        store.dispose()
    assert [(name, status) for name, status, *_ in got] == [
        ("outcomes-dag-1.csv", "partially_loaded"),
        ("outcomes-dag-2.csv", "rejected"),
    ], got
    assert all(rows_in == loaded + quarantined for _, _, rows_in, loaded, quarantined in got)
    assert got[0][2:] == (2, 1, 1), got
    assert all(key and key.startswith(f"archive/{GOOD}/") for key in archived), archived


def test_an_inbound_run_whose_fetch_fails_is_a_failed_run(
    night_home: NightHome, ingested: subprocess.CompletedProcess[str]
) -> None:
    done = night_home.dags_test(f"partner_inbound__{BROKEN}")
    assert done.returncode != 0, tail(done)
    assert MISSING_CONNECTION in done.stdout + done.stderr
    # Load and report run after a failed fetch (nothing to do here); the watcher fails the run.
    assert sorted(task_states(night_home, f"partner_inbound__{BROKEN}")) == [
        ("fetch", "failed"),
        ("load", "success"),
        ("report", "success"),
        ("watcher", "failed"),
    ]
    runs = dict(night_home.airflow_rows("SELECT dag_id, state FROM dag_run"))
    assert runs[f"partner_inbound__{BROKEN}"] == "failed"
