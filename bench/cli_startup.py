"""Time the CLI's start-up: help for the root and for groups, each a fresh process, N times.

The target is `asbhub --help` under a second. Every run is a new interpreter, as a user's is;
one unmeasured run first warms the file cache. The machine may be shared, so the load average
is recorded at the start and at the end.

Run: .venv/bin/python bench/cli_startup.py [N]   →  bench/results/cli_startup.json
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

RESULTS = Path(__file__).parent / "results" / "cli_startup.json"
ASBHUB = Path(sys.executable).parent / "asbhub"
CASES = {
    "asbhub --help": [str(ASBHUB), "--help"],
    "asbhub disposal --help": [str(ASBHUB), "disposal", "--help"],
    "asbhub --json ledger --help": [str(ASBHUB), "--json", "ledger", "--help"],
    "python -c 'import asbhub.cli'": [sys.executable, "-c", "import asbhub.cli"],
}


def _wall_seconds(argv: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(argv, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} exited {done.returncode}: {done.stderr.decode()}")
    return seconds


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def main(n: int = 10) -> dict[str, object]:
    if not ASBHUB.is_file():
        raise SystemExit(f"{ASBHUB} not found: install the project into this venv (make setup)")
    load_at_start = _load()
    runs = {}
    for label, argv in CASES.items():
        _wall_seconds(argv)
        times = [_wall_seconds(argv) for _ in range(n)]
        runs[label] = {
            "median_seconds": round(statistics.median(times), 3),
            "max_seconds": round(max(times), 3),
            "min_seconds": round(min(times), 3),
        }
        print(f"{label:<32} median {statistics.median(times):.2f} s  max {max(times):.2f} s")
    load_at_end = _load()
    report = {
        "benchmark": "asbhub CLI start-up",
        "runs_per_command": n,
        "runs": runs,
        "load_average_at_start": load_at_start,
        "load_average_at_end": load_at_end,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    print(f"load average (1, 5, 15 min): {load_at_start} at start, {load_at_end} at end")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return report


def _runs_from(argv: list[str]) -> int:
    if not argv:
        return 10
    if not argv[0].isdigit() or int(argv[0]) < 1:
        raise SystemExit(f"usage: cli_startup.py [N]: N is a whole number of runs, not {argv[0]!r}")
    return int(argv[0])


if __name__ == "__main__":
    main(_runs_from(sys.argv[1:]))
