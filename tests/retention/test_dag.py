"""The retention_disposal DAG parses quickly, has the approval step, and stays thin."""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

DAG_FILE = Path(__file__).resolve().parents[2] / "dags" / "retention_disposal.py"


def _load():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("retention_disposal_dag", DAG_FILE)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_dag_has_plan_approval_execute_verify_certificate() -> None:
    dag = _load().dag
    assert dag.dag_id == "retention_disposal"
    assert set(dag.task_ids) == {
        "plan",
        "needs_approval",
        "approval",
        "record_approval",
        "execute",
        "verify",
        "certificate",
    }
    from airflow.providers.standard.operators.hitl import ApprovalOperator

    assert isinstance(dag.get_task("approval"), ApprovalOperator)
    assert dag.get_task("execute").upstream_task_ids == {"plan", "record_approval"}
    assert "approval" in dag.get_task("record_approval").upstream_task_ids
    assert dag.get_task("certificate").trigger_rule == "all_done"
    assert "retention" in dag.tags and dag.max_active_runs == 1


def test_parsing_imports_no_heavy_library_and_no_retention_code() -> None:
    for name in [m for m in sys.modules if m.startswith("asbhub.retention")]:
        del sys.modules[name]
    started = time.perf_counter()
    _load()
    assert time.perf_counter() - started < 5
    assert "asbhub.retention.execute" not in sys.modules
    assert not {"presidio_analyzer", "spacy", "great_expectations"} & set(sys.modules)
