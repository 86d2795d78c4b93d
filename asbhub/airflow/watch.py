"""The last task of every hub DAG whose steps run after a failure.

Airflow decides a run's state from its last tasks. The hub's later steps run whatever an
earlier one said (trigger rule `all_done`: delivery after a failed check, the report phase after
a failed load, the certificate after a failed verification), so without a watcher a night whose
check, load or verification failed would show as a successful run. The watcher runs only when a
step failed, and fails the run; when nothing failed it is skipped.
"""

from __future__ import annotations

from typing import Any

from airflow.sdk import task
from airflow.sdk.exceptions import AirflowFailException

WATCHER = "watcher"


def watch(steps: list[Any]) -> None:
    """Put the watcher after every one of `steps` (tasks or their outputs)."""

    @task(task_id=WATCHER, trigger_rule="one_failed", retries=0)
    def watcher() -> None:
        raise AirflowFailException("a step of this run failed: see that task's log")

    steps >> watcher()
