"""The production-like stack in docker-compose.yml is wired as the architecture says: Airflow 3.3 on
the CeleryExecutor with PostgreSQL and Redis, our image, stand-in partners, health checks,
and secrets only from an uncommitted env file."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES: dict[str, Any] = COMPOSE["services"]
AIRFLOW = [
    "airflow-apiserver",
    "airflow-scheduler",
    "airflow-dag-processor",
    "airflow-triggerer",
    "airflow-worker",
]
LONG_RUNNING = [*AIRFLOW, "postgres", "redis", "partner-s3"]


def test_the_stack_has_every_service() -> None:
    assert set(SERVICES) >= {
        *AIRFLOW,
        "airflow-init",
        "postgres",
        "redis",
        "partner-sftp",
        "partner-s3",
    }


@pytest.mark.parametrize("name", AIRFLOW)
def test_airflow_services_run_our_image_on_celery(name: str) -> None:
    service = SERVICES[name]
    assert service["image"] == "asbhub:latest" and service["build"] == "."
    env = service["environment"]
    assert env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor"
    assert env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"].startswith("postgresql+psycopg://")
    assert "@postgres/" in env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"]
    assert (
        env["AIRFLOW__CELERY__BROKER_URL"].startswith("redis://")
        and "@redis:6379" in env["AIRFLOW__CELERY__BROKER_URL"]
    )
    assert env["ASBHUB_DATABASE_URL"].startswith("postgresql+psycopg://")
    assert service["env_file"] == ".env"
    assert service["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert service["depends_on"]["redis"]["condition"] == "service_healthy"
    assert service["depends_on"]["airflow-init"]["condition"] == "service_completed_successfully"


@pytest.mark.parametrize("name", LONG_RUNNING)
def test_long_running_services_have_health_checks(name: str) -> None:
    check = SERVICES[name]["healthcheck"]
    assert check["test"] and check["interval"]


def test_commands_are_the_airflow_3_components() -> None:
    commands = {name: " ".join(SERVICES[name]["command"]) for name in AIRFLOW}
    assert commands == {
        "airflow-apiserver": "airflow api-server",
        "airflow-scheduler": "airflow scheduler",
        "airflow-dag-processor": "airflow dag-processor",
        "airflow-triggerer": "airflow triggerer",
        "airflow-worker": "airflow celery worker",
    }
    assert "asbhub db upgrade" in " ".join(SERVICES["airflow-init"]["command"])


def test_secrets_come_only_from_the_uncommitted_env_file() -> None:
    text = (ROOT / "docker-compose.yml").read_text()
    referenced = set(re.findall(r"(?<!\$)\$\{([A-Z0-9_]+)\}", text))  # $$ escapes
    example = {
        line.split("=", 1)[0]
        for line in (ROOT / ".env.example").read_text().splitlines()
        if "=" in line and not line.startswith("#")
    }
    assert referenced <= example, f"not in .env.example: {referenced - example}"
    for key, value in _all_env_values(COMPOSE):
        if re.search(r"(PASSWORD|SECRET|KEY)$", key):
            assert str(value).startswith("${"), f"{key} must come from .env"
    tracked = subprocess.run(
        ["git", "ls-files", ".env"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert tracked == "", ".env must never be committed"
    assert ".env" in (ROOT / ".gitignore").read_text().split()


def _all_env_values(node: Any) -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "environment" and isinstance(value, dict):
                found.extend(value.items())
            else:
                found.extend(_all_env_values(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(_all_env_values(item))
    return found


def test_the_image_installs_from_the_hash_locked_requirements() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "--require-hashes" in dockerfile and "requirements.lock" in dockerfile
    assert "COPY dags /opt/airflow/dags" in dockerfile
    assert "USER airflow" in dockerfile


def test_the_readme_says_how_to_scale_workers() -> None:
    assert "--scale airflow-worker=" in (ROOT / "README.md").read_text()
