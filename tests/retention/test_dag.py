"""The retention_disposal DAG parses quickly, has the approval step, and stays thin."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

DAG_FILE = Path(__file__).resolve().parents[2] / "dags" / "retention_disposal.py"


def _load():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("retention_disposal_dag", DAG_FILE)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_dag_has_plan_approval_execute_verify_certificate() -> None:
    dag = _load().retention_disposal
    assert dag.dag_id == "retention_disposal"
    assert set(dag.task_ids) == {
        "plan",
        "needs_approval",
        "approval",
        "record_approval",
        "execute",
        "verify",
        "certificate",
        "watcher",
    }
    from airflow.providers.standard.operators.hitl import ApprovalOperator

    assert isinstance(dag.get_task("approval"), ApprovalOperator)
    assert dag.get_task("execute").upstream_task_ids == {"plan", "record_approval"}
    assert "approval" in dag.get_task("record_approval").upstream_task_ids
    assert dag.get_task("certificate").trigger_rule == "all_done"
    assert "retention" in dag.tags and dag.max_active_runs == 1


def test_parsing_imports_no_heavy_library_and_no_retention_code() -> None:
    # A fresh interpreter: what this test process imported before must not decide the answer.
    probe = (
        "import importlib.util, json, sys\n"
        f"spec = importlib.util.spec_from_file_location('dag', {str(DAG_FILE)!r})\n"
        "module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module)\n"
        "heavy = {'presidio_analyzer', 'spacy', 'great_expectations', 'pandas', 'boto3',"
        " 'paramiko', 'asbhub.retention.execute'}\n"
        "print(json.dumps(sorted(heavy & set(sys.modules))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
