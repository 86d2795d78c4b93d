"""Airflow DAG `force_feedback`: the nightly outcome summary back to the force, built by
asbhub.airflow.feedback."""

from __future__ import annotations

from pathlib import Path

from asbhub.airflow.factory import config_dir
from asbhub.airflow.feedback import force_feedback_dag

force_feedback = force_feedback_dag(
    str(config_dir(default=Path(__file__).resolve().parents[1] / "config"))
)
