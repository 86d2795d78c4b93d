"""The demo's handle on its Airflow runner process: send a DAG run, wait for its result."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from asbhub.errors import EnvironmentProblem


class AirflowSession:
    """One `asbhub.demo.airflow_runner` process, fed DAG runs one at a time."""

    def __init__(self, env: dict[str, str], workdir: Path) -> None:
        self.results = workdir / "dag-runs.jsonl"
        self.log_path = workdir / "airflow-runs.log"
        self.results.touch()
        self._offset = 0
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "asbhub.demo.airflow_runner", str(self.results)],
            stdin=subprocess.PIPE,
            stdout=log,
            stderr=log,
            env=env,
            cwd=workdir,
            text=True,
            start_new_session=True,
        )
        log.close()

    def _next(self, timeout: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.results.open(encoding="utf-8") as handle:
                handle.seek(self._offset)
                line = handle.readline()
                if line.endswith("\n"):
                    self._offset = handle.tell()
                    data: dict[str, Any] = json.loads(line)
                    return data
            if self.process.poll() is not None:
                raise EnvironmentProblem(
                    f"the Airflow runner stopped (exit {self.process.returncode}); "
                    f"see {self.log_path}"
                )
            time.sleep(0.1)
        raise EnvironmentProblem(f"no answer from the Airflow runner in {timeout:.0f}s")

    def ready(self, timeout: float = 180) -> list[str]:
        first = self._next(timeout)
        if "error" in first:
            raise EnvironmentProblem(f"{first['error']}: {first.get('detail')}")
        return list(first["ready"])

    def run(
        self, dag_id: str, day: str, conf: dict[str, Any] | None = None, timeout: float = 600
    ) -> dict[str, Any]:
        assert self.process.stdin is not None
        suffix = f" {json.dumps(conf)}" if conf else ""
        self.process.stdin.write(f"{dag_id}@{day}{suffix}\n")
        self.process.stdin.flush()
        return self._next(timeout)

    def close(self, graceful: bool = True) -> None:
        """End the runner and anything it started: let it finish when all went well, else
        stop it at once (it may be in the middle of a DAG run)."""
        if self.process.stdin is not None and not self.process.stdin.closed:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=30 if graceful else 0.1)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
