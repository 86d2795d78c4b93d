"""`make stack-check`, run from outside as CI runs it: the production topology (API server,
scheduler, DAG processor, triggerer, two Celery workers on PostgreSQL and Redis) configured from
the compose stack's environment file, a night and a disposal run driven through the REST API
(the approval through its human-in-the-loop endpoint), tasks on both workers, none failed, and
nothing left behind: no process, no database, no queue."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from asbhub.demo.stack_check import (
    ENV_FILE,
    PLACEHOLDER,
    StackCheckFailed,
    fill_placeholders,
    read_env_file,
)

REPO = Path(__file__).resolve().parents[2]
LAST_LINE = re.compile(
    r"^stack: workers=(\d+) tasks=(\d+) on_distinct_workers=(\d+) failed=(\d+) dag_runs=(\d+)$"
)


def test_placeholders_get_fresh_values_of_the_kind_each_asks_for() -> None:
    from cryptography.fernet import Fernet

    values = read_env_file(ENV_FILE)
    filled, replaced = fill_placeholders(values)
    assert replaced == sorted(k for k, v in values.items() if v.startswith(PLACEHOLDER))
    assert "ASBHUB_PSEUDONYM_KEY" in replaced and "AIRFLOW__CORE__FERNET_KEY" in replaced
    assert not any(v.startswith(PLACEHOLDER) for v in filled.values())
    Fernet(filled["AIRFLOW__CORE__FERNET_KEY"].encode())  # a key Airflow can use
    assert filled["MINIO_KMS_SECRET_KEY"].startswith("standin:")
    # Values that are not placeholders are used as the file gives them.
    assert filled["STACK_ADMIN_USERNAME"] == values["STACK_ADMIN_USERNAME"]
    again, _ = fill_placeholders(values)
    assert again["ASBHUB_LEDGER_KEY"] != filled["ASBHUB_LEDGER_KEY"]  # fresh for each run


def test_a_malformed_env_line_is_refused_by_number_without_its_text(tmp_path: Path) -> None:
    env = tmp_path / "stack.env"
    env.write_text("A=1\n# comment\n\nexport SECRET_TOKEN value-of-a-secret\n", "utf-8")
    with pytest.raises(StackCheckFailed) as refused:
        read_env_file(env)
    assert "line 4" in str(refused.value)
    assert "value-of-a-secret" not in str(refused.value)


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_the_stack_runs_a_night_and_a_disposal_on_two_celery_workers(tmp_path: Path) -> None:
    home = tmp_path / "stack"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "asbhub.demo.stack_check",
            "--home",
            str(home),
            "--incidents",
            "40",
            # One council on sshd, one housing provider on S3: every kind of DAG and transport,
            # in a third of the time of all seventeen partners.
            "--only",
            "basildon_council,estuary_homes",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=1500,
        check=False,
    )
    output = done.stdout + done.stderr
    lines = done.stdout.strip().splitlines()
    assert lines, output[-3000:]
    found = LAST_LINE.match(lines[-1])
    assert found, output[-3000:]
    workers, tasks, distinct, failed, dag_runs = (int(g) for g in found.groups())
    logs = home / "logs"
    assert done.returncode == 0, f"{output[-3000:]}\nlogs in {logs}"
    assert (workers, distinct, failed) == (2, 2, 0), lines[-1]
    # police_ingest, two outbound, two inbound, retention_disposal.
    assert dag_runs == 6 and tasks >= 6 * 1 + 2 * 2, lines[-1]
    result = json.loads((home / "stack-result.json").read_text("utf-8"))
    assert set(result["dag_runs"].values()) == {"success"}
    by_task = {(t["dag_id"], t["task_id"]): t for t in result["tasks"]}
    assert by_task[("partner_outbound__basildon_council", "deliver")]["state"] == "success"
    assert by_task[("retention_disposal", "approval_information_manager")]["state"] == "success"
    assert by_task[("retention_disposal", "record_information_manager")]["state"] == "success"
    assert by_task[("retention_disposal", "verify")]["state"] == "success"
    assert result["audit_view"] == 200
    # the hub's areas were in a bucket, the certificate too; no worker kept a file of its own
    assert result["areas"].startswith("s3://hub-areas-")
    assert (
        result["certificate"].startswith(result["areas"]) and "reports/DR-" in result["certificate"]
    )
    assert result["left_on_workers"] == []
    assert sorted(p.name for p in (home / "workers").iterdir()) == [
        "stack-worker-1",
        "stack-worker-2",
    ]
    # Nothing left behind.
    assert not leftover_processes(home, result["queue"])
    assert not leftover_databases(result["databases"])
    assert not leftover_queue(result["queue"])


def leftover_processes(home: Path, queue: str) -> list[str]:
    """The stand-ins' processes name the home in their arguments, the workers their queue."""
    found = subprocess.run(["ps", "-eo", "pid,args"], capture_output=True, text=True, check=True)
    return [line for line in found.stdout.splitlines() if str(home) in line or queue in line]


def leftover_databases(names: list[str]) -> list[str]:
    import psycopg

    assert names, "the result names no databases"
    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres") as conn:
        rows = conn.execute(
            "SELECT datname FROM pg_database WHERE datname = ANY(%s)", (names,)
        ).fetchall()
    return [row[0] for row in rows]


def leftover_queue(queue: str) -> list[bytes]:
    import redis

    assert queue, "the result names no queue"
    client = redis.Redis.from_url("redis://127.0.0.1:6379/0")
    try:
        return list(client.scan_iter(match=f"*{queue}*"))
    finally:
        client.close()
