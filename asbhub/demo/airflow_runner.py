"""Runs DAGs with Airflow's `dag.test()` in one long-lived process: the demo's way of running the
real DAGs without a scheduler while paying Airflow's start-up (and the model load) only once.

    python -m asbhub.demo.airflow_runner RESULTS.jsonl
    # then one line per run: `dag_id@YYYY-MM-DD` (or `@YYYY-MM-DDTHH:MM`, UTC), optionally
    # followed by a JSON run conf

Each run appends one JSON line to RESULTS; Airflow's own log goes to stdout and stderr. The
environment (AIRFLOW_HOME, the metadata database, the hub's settings) is the caller's.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import UTC, datetime
from typing import IO, Any

from asbhub.settings import parsing_context


def run_one(bag: Any, spec: str) -> dict[str, Any]:
    target, _, conf_text = spec.partition(" ")
    dag_id, _, day = target.partition("@")
    conf = json.loads(conf_text) if conf_text.strip() else None
    started = time.perf_counter()
    line: dict[str, Any] = {"spec": spec, "dag_id": dag_id, "logical_date": day}
    try:
        dag = bag.get_dag(dag_id)
        if dag is None:
            raise KeyError(f"no DAG {dag_id!r}")
        # 03:00 UTC: after every partner's local time, so the night is the date given. dag.test
        # parses the DAG folder again and writes what it finds to the metadata database; in
        # the DAG's parsing context, as on a worker, the partner file builds that DAG alone.
        with parsing_context(dag_id):
            dag_run = dag.test(logical_date=logical_date(day), run_conf=conf)
        line["state"] = str(getattr(dag_run, "state", "unknown"))
    except Exception as exc:  # reported per DAG; the demo decides what it means
        line["state"] = "error"
        line["error"] = f"{type(exc).__name__}: {exc}"[:500]
    line["seconds"] = round(time.perf_counter() - started, 2)
    return line


def logical_date(day: str) -> datetime:
    """`YYYY-MM-DD`: 03:00 UTC that day; `YYYY-MM-DDTHH:MM` (UTC): that time, for a run
    between nights (an ingest in the day and the urgent run it triggers)."""
    if "T" in day:
        return datetime.fromisoformat(day).replace(tzinfo=UTC)
    return datetime.fromisoformat(f"{day}T03:00:00+00:00")


def serve(results: IO[str], commands: IO[str]) -> int:
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag()
    if bag.import_errors:
        results.write(
            json.dumps({"error": "DAG import errors", "detail": bag.import_errors}) + "\n"
        )
        results.flush()
        return 2
    results.write(json.dumps({"ready": sorted(bag.dag_ids)}) + "\n")
    results.flush()
    for raw in commands:
        spec = raw.strip()
        if spec:
            results.write(json.dumps(run_one(bag, spec)) + "\n")
            results.flush()
    return 0


if __name__ == "__main__":
    with open(sys.argv[1], "a", encoding="utf-8") as out:
        sys.exit(serve(out, sys.stdin))
