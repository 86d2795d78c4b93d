"""Airflow DAG `urgent_referrals`: triggered by each ingest that loaded an extract, it sends every
partner its high-risk and vulnerable-victim referrals and escalations in an urgent batch; built
by asbhub.airflow.factory."""

from __future__ import annotations

from pathlib import Path

from airflow.sdk import get_parsing_context

from asbhub.airflow.factory import URGENT_DAG_ID, config_dir, urgent_dag

# Where Airflow parses this file to run another DAG's task, it builds nothing.
if get_parsing_context().dag_id in (None, URGENT_DAG_ID):
    urgent_referrals = urgent_dag(
        config_dir(default=Path(__file__).resolve().parents[1] / "config")
    )
