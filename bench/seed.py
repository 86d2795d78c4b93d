"""Time the synthetic extract: 100,000 incidents to CSV and to JSON Lines, once each.

Run: .venv/bin/python bench/seed.py [N]   →  bench/results/seed.json
"""

from __future__ import annotations

import json
import os
import platform
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from asbhub.seed import generate_incidents, write_extract

RESULTS = Path(__file__).parent / "results" / "seed.json"
NIGHT = date(2026, 11, 26)


def main(n: int = 100_000, seed: int = 1) -> dict[str, object]:
    runs = {}
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        count = sum(1 for _ in generate_incidents(n, seed + 1, NIGHT))
        generate_only = time.perf_counter() - started
        for fmt in ("csv", "jsonl"):
            started = time.perf_counter()
            result = write_extract(Path(tmp) / f"x.{fmt}", n, seed, NIGHT, fmt)  # type: ignore[arg-type]
            wall = time.perf_counter() - started
            runs[fmt] = {
                "rows": result.rows,
                "seconds": round(wall, 2),
                "rows_per_second": round(result.rows / wall),
                "bytes": os.path.getsize(result.path),
                "sha256": result.sha256,
            }
    report = {
        "benchmark": "asbhub seed",
        "incidents": n,
        "seed": seed,
        "night": NIGHT.isoformat(),
        "generate_only_seconds": round(generate_only, 2),
        "generate_only_rows": count,
        "runs": runs,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average_1m": round(os.getloadavg()[0], 2),
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return report


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000), indent=2))
