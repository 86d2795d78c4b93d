"""Airflow DAG `police_ingest`: the force's nightly extracts into the hub store, producing the
asset `asbhub://incidents` that the partner outbound DAGs read."""

from __future__ import annotations

from pathlib import Path

from asbhub.airflow.factory import config_dir, police_ingest_dag

police_ingest = police_ingest_dag(
    config_dir(default=Path(__file__).resolve().parents[1] / "config")
)
