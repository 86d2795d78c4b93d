"""Benchmark: how soon an urgent referral reaches its partners, on the embedded demo.

Runs the demo (`asbhub demo`'s own function: sshd and moto's S3 on loopback, the real DAGs run
with `dag.test()`), in which a high-risk incident with a vulnerable victim lands in the day after
the first night; `police_ingest` loads it and `urgent_referrals` (the DAG its asset event
triggers) delivers it. Reports, per partner that received it, the seconds from the extract
landing to the urgent batch recorded as delivered, with its manifest read back from the
partner's inbox; and the machine's load before and after, since the machine may be shared.

Under a scheduler the wait for ingest's next tick (at most ASBHUB_INGEST_EVERY_MINUTES, 10 by
default) and the scheduler's loop come on top; this measures the hub's own part.

Writes bench/results/urgent.json.

    .venv/bin/python bench/urgent.py --incidents 2000
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=20261125)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "urgent.json")
    args = parser.parse_args()

    from rich.console import Console

    from asbhub.demo.run import run_demo

    scratch = Path(tempfile.mkdtemp(prefix="asbhub-bench-urgent-"))
    home = scratch / "demo"  # the demo makes (and marks) its own folder
    load_before = os.getloadavg()
    try:
        result = run_demo(home, args.incidents, args.seed, Console(stderr=True, quiet=True))
    finally:
        load_after = os.getloadavg()
        shutil.rmtree(scratch, ignore_errors=True)
    urgent = result.urgent
    figures = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "what": "seconds from the day's extract landing to each urgent batch recorded as "
        "delivered (ingest + urgent_referrals via dag.test), manifest read back from the inbox",
        "incidents_in_the_night": args.incidents,
        "incident_ref": urgent.incident_ref,
        "referred_to": urgent.referred_to,
        "delivered_to_all": urgent.delivered,
        "batches": [b.model_dump() for b in urgent.batches],
        "slowest_seconds": urgent.slowest,
        "scheduler_wait_not_included": "at most ASBHUB_INGEST_EVERY_MINUTES (10) for ingest's "
        "next tick, plus the scheduler loop",
        "demo_seconds": result.seconds,
        "demo_ok": result.ok,
        "cpus": os.cpu_count(),
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in load_after],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    for batch in urgent.batches:
        print(
            f"{batch.partner_id:<24} {batch.batch_id:<40} {batch.referrals:>3} referral(s) "
            f"{batch.seconds_after_landing:>7.1f} s after the extract  in inbox: {batch.in_inbox}"
        )
    print(
        f"slowest {urgent.slowest} s; delivered to all: {urgent.delivered}; load "
        f"{figures['load_before']} -> {figures['load_after']}; wrote {args.out}"
    )
    return 0 if urgent.delivered else 1


if __name__ == "__main__":
    sys.exit(main())
