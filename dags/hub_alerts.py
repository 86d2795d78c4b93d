"""Airflow DAG `hub_alerts`: every hour, what in the hub's store needs a person (high-risk
referrals not collected, disposal acks overdue, a failed ledger verification), emailed to the
partner's contact and the operators; built by asbhub.airflow.alerts."""

from __future__ import annotations

from pathlib import Path

from airflow.sdk import get_parsing_context

from asbhub.airflow.alerts import DAG_ID, hub_alerts_dag

# Where Airflow parses this file to run another DAG's task, it builds nothing.
if get_parsing_context().dag_id in (None, DAG_ID):
    hub_alerts = hub_alerts_dag(Path(__file__).resolve().parents[1] / "config")
