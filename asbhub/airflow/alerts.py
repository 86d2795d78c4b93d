"""The `hub_alerts` DAG: every hour, the thresholds in the store (asbhub.alerts.checks) emailed to
whom they concern. Built here, like the nightly DAGs in asbhub.airflow.factory; dags/hub_alerts.py
only names it."""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path
from typing import Any

from airflow.sdk import DAG, task

from asbhub.airflow.factory import OWNER, START, config_dir
from asbhub.airflow.notifier import TaskFailed
from asbhub.settings import options

DAG_ID = "hub_alerts"
log = logging.getLogger(__name__)
DOC = """Every hour: high-risk referrals delivered but not collected within
ASBHUB_ALERTS_COLLECT_HOURS, disposal acks overdue, and a failed ledger verification, each
emailed to the partner's alerts contact and the operators (ASBHUB_ALERTS_TO). The task succeeds
when it has sent what it found; it fails only when the mail could not go, and then says so to
the operators too."""


def check_and_send(cfg: str) -> dict[str, Any]:
    """Run the threshold checks over this worker's hub and send their alerts."""
    from asbhub.airflow.tasks import hub_for
    from asbhub.alerts.checks import check_thresholds
    from asbhub.alerts.mail import send_alerts

    opts = options()
    with hub_for(cfg, f"airflow {DAG_ID}") as hub:
        alerts = check_thresholds(hub, opts.alerts_collect_hours)
        partners = hub.partners
    report = send_alerts(alerts, partners, opts)
    for alert in alerts:
        log.warning("ALERT %s %s", alert.kind, alert.text)
    for sent in report.sent:
        log.info("sent %s to %s", sent.kind, ", ".join(sent.to))
    for reason in report.not_sent:
        log.warning("NOT SENT %s", reason)
    return {
        "alerts": [alert.model_dump(mode="json") for alert in alerts],
        **report.model_dump(mode="json"),
    }


def hub_alerts_dag(default_config: Path) -> DAG:
    cfg = config_dir(default_config)
    with DAG(
        dag_id=DAG_ID,
        schedule="@hourly",
        start_date=START,
        catchup=False,
        max_active_runs=1,
        tags=["asbhub", "alerts"],
        # Checking and sending again is harmless: a retry sends what is still true.
        default_args={
            "owner": OWNER,
            "retries": 2,
            "retry_delay": timedelta(seconds=options().retry_delay_seconds),
            "retry_exponential_backoff": True,
            "execution_timeout": timedelta(minutes=30),
            "on_failure_callback": [TaskFailed(config_dir=str(cfg))],
        },
        doc_md=DOC,
    ) as dag:

        @task(task_id="check_and_send")
        def check() -> dict[str, Any]:
            return check_and_send(str(cfg))

        check()
    return dag
