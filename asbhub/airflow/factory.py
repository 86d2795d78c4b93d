"""Builds the hub's Airflow DAGs: `police_ingest`, and per partner file one outbound and one
inbound DAG, scheduled at the partner's Europe/London times.

How assets and times combine: `police_ingest` produces the asset `asbhub://incidents`; each
partner's outbound DAG runs on its own time schedule and lists the asset as an *inlet*, not as a
trigger. The partner's agreed time is the contract: a night is one batch (its id is partner +
night), sent at that time. Triggering on the asset as well (AssetOrTimeSchedule) would send a
batch whenever an extract lands, before the agreed time, and an asset-triggered run has no
logical date to name its night by. Outbound delivers whatever referrals are pending, so a late
extract simply goes out the next night; the inlet keeps the ingest → outbound link visible in
Airflow's asset graph and lineage.

What cannot wait for the night does not: `police_ingest` looks in the landing area every few
minutes (ASBHUB_INGEST_EVERY_MINUTES) and produces the asset only when it loaded an extract;
the asset triggers `urgent_referrals` (data-aware scheduling, no polling of the store), which
sends each partner its high-risk and vulnerable-victim referrals and escalations in an urgent
batch of their own.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pendulum
from airflow.sdk import (
    DAG,
    Asset,
    CronTriggerTimetable,
    get_current_context,
    get_parsing_context,
    task,
)
from airflow.sdk.exceptions import AirflowSkipException

from asbhub.airflow import URGENT_DAG_ID, tasks
from asbhub.airflow.notifier import TaskFailed
from asbhub.airflow.watch import watch
from asbhub.partners import PartnerConfig, load_partners
from asbhub.settings import options

LONDON = "Europe/London"
INCIDENTS = Asset(name="police_incidents", uri="asbhub://incidents", group="asbhub")
# Ingest looks in the landing area every few minutes, so that an urgent referral leaves within
# minutes of its extract; a run at 00:30 (before every partner's outbound time, and outside
# 01:00-02:00, the hour the UK clock change skips in March and repeats in October) takes the
# night's extract.
INGEST_AT = "00:30"
START = pendulum.datetime(2026, 1, 1, tz=LONDON)
OWNER = "asb-hub-data-engineering"
FETCHED = "fetched"  # the XCom key of the file ids an inbound fetch took in
DEFAULT_ARGS: dict[str, Any] = {
    "owner": OWNER,
    "retries": 2,
    "retry_delay": timedelta(seconds=options().retry_delay_seconds),
    "retry_exponential_backoff": True,
    "execution_timeout": timedelta(hours=2),
    # A task that failed after its last retry emails the operators (asbhub.alerts). The DAGs
    # built here give theirs the config folder and partner, so a partner's contact hears too.
    "on_failure_callback": [TaskFailed()],
}


def config_dir(default: Path) -> Path:
    """The config folder the DAGs are built from: ASBHUB_CONFIG_DIR, else `default`."""
    return Path(options().config_dir or default).resolve()


def london_daily(hhmm: str) -> CronTriggerTimetable:
    """Every day at `hhmm` Europe/London wall-clock time, so 02:00 stays 02:00 across BST."""
    hour, minute = (int(part) for part in hhmm.split(":"))
    return CronTriggerTimetable(f"{minute} {hour} * * *", timezone=LONDON)


def every_minutes(minutes: int) -> CronTriggerTimetable:
    """Every `minutes` minutes (a divisor of 30, so that INGEST_AT is always one of them)."""
    return CronTriggerTimetable(f"*/{minutes} * * * *", timezone=LONDON)


def _hub_dag(
    dag_id: str,
    at: str | CronTriggerTimetable,
    tags: list[str],
    doc: str,
    cfg: Path,
    partner: PartnerConfig | None = None,
) -> DAG:
    # One run at a time: a partner's nights go out in order, and steps assume no twin run.
    # A failed task's alert reads the DAG's own partner files for the partner's contact.
    alert = TaskFailed(partner_id=partner.id if partner else None, config_dir=str(cfg))
    return DAG(
        dag_id=dag_id,
        schedule=london_daily(at) if isinstance(at, str) else at,
        start_date=START,
        catchup=False,
        max_active_runs=1,
        default_args={**DEFAULT_ARGS, "on_failure_callback": [alert]},
        tags=tags,
        doc_md=doc,
    )


def police_ingest_dag(cfg: Path) -> DAG:
    """Ingest of the force's extracts from HOME/landing every few minutes; produces
    `asbhub://incidents` when it loaded any; then the ASB Case Review count over what was
    loaded."""
    minutes = options().ingest_every_minutes
    with _hub_dag(
        "police_ingest",
        every_minutes(minutes),
        ["police", "force", "ingest"],
        f"Load the force's incident extracts from HOME/landing every {minutes} minutes "
        f"(the night's at {INGEST_AT} {LONDON}); an extract loaded triggers "
        f"`{URGENT_DAG_ID}`.",
        cfg,
    ) as dag:

        @task(task_id="ingest_landing", outlets=[INCIDENTS])
        def ingest_landing() -> dict[str, Any]:
            summary = tasks.ingest_landing(str(cfg), actor="airflow police_ingest")
            files = summary["files"]
            if not files:  # skipped: no asset event, so nothing downstream runs for nothing
                raise AirflowSkipException("no extract in the landing area")
            events = get_current_context()["outlet_events"]
            events[INCIDENTS].extra = {
                "files": len(files),
                "loaded": sum(f["loaded"] for f in files),
                "referrals": sum(f["referrals"] for f in files),
            }
            return summary

        # The complaints just loaded count towards ASB Case Reviews; evaluated whatever ingest
        # said (an unroutable incident is loaded all the same).
        @task(task_id="case_review", trigger_rule="all_done")
        def case_review() -> dict[str, Any]:
            return tasks.evaluate_case_review(str(cfg), actor="airflow police_ingest")

        ingested = ingest_landing()
        reviewed = case_review()
        ingested >> reviewed
        watch([ingested, reviewed])
    return dag


def partner_outbound_dag(partner: PartnerConfig, cfg: Path) -> DAG:
    dag_id = f"partner_outbound__{partner.id}"
    with _hub_dag(
        dag_id,
        partner.schedule.outbound,
        [partner.id, partner.kind, "outbound"],
        f"{partner.name}: the night's minimised referrals at {partner.schedule.outbound} "
        f"{LONDON}, over transport {partner.transport.type} ({partner.transport.connection_id}).",
        cfg,
        partner,
    ) as dag:

        def night() -> date:
            context = get_current_context()
            return tasks.night_of(context.get("logical_date"), context["dag_run"].run_after)

        actor = f"airflow {dag_id}"

        @task(task_id="stage", inlets=[INCIDENTS])
        def stage() -> dict[str, Any]:
            return tasks.stage_partner_night(partner.id, night(), str(cfg), actor)

        # A failed check is never retried: the same staged files fail the same way.
        @task(task_id="check", retries=0)
        def check(staged: Any) -> dict[str, Any]:  # the stage task's XCom: batch id, status
            return tasks.check_partner_batches(partner.id, staged, str(cfg), actor)

        # Runs whatever the check said: a night whose referrals were stopped still sends its
        # notices and withdrawals, and a batch that reads back wrong is refused here as well.
        # A failed upload is retried with the DAG's backoff.
        @task(task_id="deliver", trigger_rule="all_done")
        def deliver() -> dict[str, Any]:
            return tasks.deliver_partner_batches(partner.id, night(), str(cfg), actor)

        staged = stage()
        checked = check(staged)
        delivered = deliver()
        checked >> delivered
        watch([staged, checked, delivered])
    return dag


def partner_inbound_dag(partner: PartnerConfig, cfg: Path) -> DAG:
    dag_id = f"partner_inbound__{partner.id}"
    with _hub_dag(
        dag_id,
        partner.schedule.inbound,
        [partner.id, partner.kind, "inbound"],
        f"{partner.name}: collect, validate and match outcome files at "
        f"{partner.schedule.inbound} {LONDON}: fetch into the hub, load from its archive, "
        "then report rejections and tidy the outbox.",
        cfg,
        partner,
    ) as dag:
        actor = f"airflow {dag_id}"

        def fetched(part: str) -> list[int]:
            """The file ids the fetch task kept, even when it failed after keeping them."""
            ti = get_current_context()["ti"]
            kept = ti.xcom_pull(task_ids="fetch", key=FETCHED)
            return [int(i) for i in (kept or {}).get(part, [])]

        @task(task_id="fetch")
        def fetch() -> dict[str, list[int]]:
            def keep(ids: dict[str, list[int]]) -> None:
                get_current_context()["ti"].xcom_push(key=FETCHED, value=ids)

            return tasks.fetch_partner_outcomes(partner.id, str(cfg), actor, keep)

        # Loads what was fetched even when the fetch task failed on another file. Never
        # retried: the same file fails the same way; a stopped load resumes next night.
        @task(task_id="load", trigger_rule="all_done", retries=0)
        def load() -> dict[str, list[int]]:
            return tasks.load_partner_outcomes(partner.id, fetched("load"), str(cfg), actor)

        # Reports go, and ended files leave the outbox, whatever the load said (a file the
        # hub could not process is reported to its partner too); a failed upload is retried.
        @task(task_id="report", trigger_rule="all_done")
        def report() -> dict[str, Any]:
            return tasks.report_partner_outcomes(partner.id, fetched("report"), str(cfg), actor)

        steps = [fetch(), load(), report()]
        steps[0] >> steps[1] >> steps[2]
        watch(steps)
    return dag


def urgent_dag(cfg: Path) -> DAG:
    """Triggered by every ingest that loaded an extract: each partner's urgent referrals (high
    THRIVE risk, a vulnerable victim, an escalation) in an urgent batch, one task per partner
    so that one partner's failure neither stops nor hides another's."""
    partners = load_partners(cfg / "partners")
    with DAG(
        dag_id=URGENT_DAG_ID,
        schedule=[INCIDENTS],
        start_date=START,
        catchup=False,
        max_active_runs=1,
        default_args=DEFAULT_ARGS,
        tags=["asbhub", "outbound", "urgent"],
        doc_md="Each partner's high-risk and vulnerable-victim referrals, and escalations, sent "
        "as soon as `police_ingest` loads them: a batch `B-<partner>-<night>-NN` of their own, "
        "never sent again in the night's batch. Partners with nothing urgent are not contacted.",
    ) as dag:
        steps = []
        for partner in partners:
            alert = TaskFailed(partner_id=partner.id, config_dir=str(cfg))
            actor = f"airflow {URGENT_DAG_ID}"

            @task(task_id=f"urgent__{partner.id}", on_failure_callback=[alert])
            def urgent(partner_id: str = partner.id, actor: str = actor) -> dict[str, Any]:
                return tasks.deliver_partner_urgent(partner_id, str(cfg), actor)

            steps.append(urgent())
        watch(steps)
    return dag


def partner_dags(cfg: Path, only: str | None = None) -> dict[str, DAG]:
    """Two DAGs per file in `cfg`/partners, by DAG id. A wrong partner file fails the whole
    parse with every problem listed: the pipeline loads all partners and would refuse too.

    Where Airflow parses the file to run one DAG's task (its parsing context names that DAG,
    as it does on a worker), only that DAG is built: every partner file is still read and
    checked, but a task does not build and serialise thirty-odd DAGs to run one."""
    wanted = only or get_parsing_context().dag_id
    dags: dict[str, DAG] = {}
    for partner in load_partners(cfg / "partners"):
        builders = {
            f"partner_outbound__{partner.id}": partner_outbound_dag,
            f"partner_inbound__{partner.id}": partner_inbound_dag,
        }
        for dag_id, build in builders.items():
            if wanted is None or wanted == dag_id:
                dags[dag_id] = build(partner, cfg)
    return dags
