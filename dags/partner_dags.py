"""Airflow DAGs for every partner file in config/partners: partner_outbound__<id> and
partner_inbound__<id>, built by asbhub.airflow.factory (adding a partner needs no Python)."""

from __future__ import annotations

from pathlib import Path

from asbhub.airflow.factory import config_dir, partner_dags

globals().update(partner_dags(config_dir(default=Path(__file__).resolve().parents[1] / "config")))
