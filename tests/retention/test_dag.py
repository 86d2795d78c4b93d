"""The retention_disposal DAG parses quickly, has the approval step, and stays thin."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

DAG_FILE = Path(__file__).resolve().parents[2] / "dags" / "retention_disposal.py"
CONFIG = Path(__file__).resolve().parents[2] / "config"


def _load():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("retention_disposal_dag", DAG_FILE)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_dag_has_plan_approval_execute_verify_certificate(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ASBHUB_CONFIG_DIR", str(CONFIG))  # whatever an earlier test exported
    dag = _load().retention_disposal
    assert dag.dag_id == "retention_disposal"
    # config/retention.yaml names no stages: the information manager's alone.
    assert set(dag.task_ids) == {
        "plan",
        "needs_information_manager",
        "approval_information_manager",
        "record_information_manager",
        "execute",
        "verify",
        "certificate",
        "watcher",
    }
    from airflow.providers.standard.operators.hitl import HITLOperator

    ask = dag.get_task("approval_information_manager")
    assert isinstance(ask, HITLOperator) and ask.options == ["Approve", "Reject"]
    assert "reason" in ask.params
    assert dag.get_task("execute").upstream_task_ids == {"plan", "record_information_manager"}
    assert (
        "approval_information_manager"
        in dag.get_task("record_information_manager").upstream_task_ids
    )
    assert dag.get_task("certificate").trigger_rule == "all_done"
    assert "retention" in dag.tags and dag.max_active_runs == 1


def test_one_approval_step_per_review_stage_in_the_schedules_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = yaml.safe_load((CONFIG / "retention.yaml").read_text(encoding="utf-8"))
    data["review_stages"] = [
        {"id": "information_manager", "title": "Information manager"},
        {"id": "data_protection_officer", "title": "Data protection officer"},
    ]
    (tmp_path / "retention.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    monkeypatch.setenv("ASBHUB_CONFIG_DIR", str(tmp_path))
    dag = _load().retention_disposal
    second = dag.get_task("needs_data_protection_officer")
    assert second.upstream_task_ids == {"record_information_manager", "plan"}
    assert dag.get_task("execute").upstream_task_ids == {"plan", "record_data_protection_officer"}
    assert "stage 2 of 2" in dag.get_task("approval_data_protection_officer").subject
    assert dag.get_task("watcher").upstream_task_ids >= {
        "record_information_manager",
        "record_data_protection_officer",
    }


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
