"""Airflow DAG `retention_disposal`: the retention schedule's disposal runs, built by
asbhub.airflow.retention (plan, approval, execute, verify, certificate)."""

from __future__ import annotations

from asbhub.airflow.retention import retention_disposal_dag

retention_disposal = retention_disposal_dag()
