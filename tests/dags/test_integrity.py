"""The whole dags/ folder loads with no import errors; every DAG can be retried, is tagged and
owned; one outbound and one inbound DAG per partner file; assets link ingest to outbound."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from airflow.sdk import CronTriggerTimetable

from asbhub.airflow.factory import INCIDENTS, OWNER
from asbhub.airflow.watch import WATCHER
from tests.dags.conftest import DAGS, REPO

NEVER_RETRIED = {("partner_outbound", "check"), ("partner_inbound", "load")}


def test_the_dag_folder_has_no_import_errors(dagbag: Any) -> None:
    assert dagbag.import_errors == {}
    assert dagbag.captured_warnings == {}, "warnings while parsing dags/"
    assert dagbag.dags, "no DAGs found in dags/"


def test_every_dag_is_retried_tagged_and_owned(dagbag: Any) -> None:
    for dag_id, dag in dagbag.dags.items():
        assert dag.tags, f"{dag_id} has no tags"
        assert dag.tasks, f"{dag_id} has no tasks"
        for t in dag.tasks:
            if type(t).__name__ in ("ApprovalOperator", "HITLOperator"):
                # A person's answer is not asked for again: a rejection must stand.
                assert t.retries == 0, f"{dag_id}.{t.task_id}: an approval must not retry"
                continue
            if (dag_id.split("__")[0], t.task_id) in NEVER_RETRIED:
                # The same staged files fail the same check, the same fetched file fails to
                # load the same way: a person, not a retry.
                assert t.retries == 0, f"{dag_id}.{t.task_id} must not retry"
                continue
            if t.task_id == WATCHER:
                # It fails the run for a step that failed: retrying it would change nothing.
                assert (t.retries, t.trigger_rule) == (0, "one_failed"), dag_id
                continue
            assert t.retries >= 2, f"{dag_id}.{t.task_id}: retries {t.retries}"
            assert t.retry_delay.total_seconds() > 0, f"{dag_id}.{t.task_id}: no retry delay"
            assert t.owner and t.owner != "airflow", f"{dag_id}.{t.task_id}: no owner"


def test_one_outbound_and_one_inbound_dag_per_partner_file(
    dagbag: Any, sample_partner_ids: set[str]
) -> None:
    from asbhub.partners import load_partners

    partners = {p.id: p for p in load_partners(REPO / "config" / "partners")}
    assert set(partners) == sample_partner_ids
    for direction in ("outbound", "inbound"):
        found = {
            dag_id.removeprefix(f"partner_{direction}__")
            for dag_id in dagbag.dags
            if dag_id.startswith(f"partner_{direction}__")
        }
        assert found == sample_partner_ids, direction
        for pid, partner in partners.items():
            dag = dagbag.dags[f"partner_{direction}__{pid}"]
            assert set(dag.tags) == {pid, partner.kind, direction}
            assert {t.owner for t in dag.tasks} == {OWNER}
            at = getattr(partner.schedule, direction)
            hour, minute = (int(x) for x in at.split(":"))
            assert dag.timetable == CronTriggerTimetable(
                f"{minute} {hour} * * *", timezone="Europe/London"
            )
            assert dag.max_active_runs == 1
    assert "police_ingest" in dagbag.dags


def test_an_outbound_night_is_stage_then_check_then_deliver(
    dagbag: Any, sample_partner_ids: set[str]
) -> None:
    for pid in sample_partner_ids:
        dag = dagbag.dags[f"partner_outbound__{pid}"]
        stage, check, deliver = (dag.get_task(t) for t in ("stage", "check", "deliver"))
        assert {t.task_id for t in dag.tasks} == {"stage", "check", "deliver", WATCHER}
        assert check.upstream_task_ids == {"stage"}
        assert deliver.upstream_task_ids == {"check"}
        # Delivery runs whatever the check said (notices go on a night whose referrals were
        # stopped; delivery re-reads every batch itself), and is the one step that retries a
        # failed upload; a failed check never is retried.
        assert deliver.trigger_rule == "all_done"
        assert (check.retries, deliver.retries) == (0, 2)
        assert deliver.retry_exponential_backoff
        assert INCIDENTS in stage.inlets
        watches_every_step(dag)


def test_an_inbound_night_is_fetch_then_load_then_report(
    dagbag: Any, sample_partner_ids: set[str]
) -> None:
    for pid in sample_partner_ids:
        dag = dagbag.dags[f"partner_inbound__{pid}"]
        fetch, load, report = (dag.get_task(t) for t in ("fetch", "load", "report"))
        assert {t.task_id for t in dag.tasks} == {"fetch", "load", "report", WATCHER}
        assert load.upstream_task_ids == {"fetch"}
        assert report.upstream_task_ids == {"load"}
        # What was fetched is loaded and reported even when fetch failed on another file;
        # reports go whatever the load said. A failed transfer (fetch, report) is retried,
        # a failed load is not.
        assert (load.trigger_rule, report.trigger_rule) == ("all_done", "all_done")
        assert (fetch.retries, load.retries, report.retries) == (2, 0, 2)
        watches_every_step(dag)


def test_the_retention_run_fails_when_any_step_failed(dagbag: Any) -> None:
    watches_every_step(dagbag.dags["retention_disposal"])


def test_ingest_then_the_case_review_count_whatever_ingest_said(dagbag: Any) -> None:
    dag = dagbag.dags["police_ingest"]
    review = dag.get_task("case_review")
    assert review.upstream_task_ids == {"ingest_landing"}
    # An unroutable incident fails ingest once everything is loaded: it counts all the same.
    assert review.trigger_rule == "all_done"
    watches_every_step(dag)


def watches_every_step(dag: Any) -> None:
    """A step that runs after a failure (`all_done`) would otherwise end a failed night as a
    successful run: the watcher comes after every task."""
    watcher = dag.get_task(WATCHER)
    assert watcher.upstream_task_ids == {t.task_id for t in dag.tasks} - {WATCHER}
    assert not watcher.downstream_task_ids


def test_assets_link_ingest_to_every_outbound_dag(
    dagbag: Any, sample_partner_ids: set[str]
) -> None:
    produced = {a for t in dagbag.dags["police_ingest"].tasks for a in t.outlets}
    assert INCIDENTS in produced
    for pid in sample_partner_ids:
        dag = dagbag.dags[f"partner_outbound__{pid}"]
        assert any(INCIDENTS in t.inlets for t in dag.tasks), pid
        # The partner's agreed time drives the run; the asset is lineage, not a trigger.
        assert isinstance(dag.timetable, CronTriggerTimetable)


def test_dag_code_passes_ruff_including_the_heavy_import_ban() -> None:
    ruff = str(Path(sys.executable).parent / "ruff")
    checked = subprocess.run(
        [ruff, "check", str(DAGS), str(REPO / "asbhub" / "airflow")],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
