"""Benchmark: one demo night, phase by phase, with the DAG tasks' own functions and no Airflow.

Starts the demo's world (OpenSSH's sshd and moto's S3 on loopback, the partner files the demo
writes), then runs what the demo's DAG runs run, each partner's step through a fresh hub as an
Airflow task builds one: ingest, outbound to every partner, the partners' answers, inbound
from every partner, a retention run six years on (plan, approve, execute, verify), and the
next night's disposal notices out and acks in. The machine is shared, so the load average is
taken before and after every phase and kept beside its seconds.

Writes bench/results/demo-profile.json. With --profile DIR, also writes cProfile statistics
to DIR: one file per phase, and in the per-partner phases one per partner's run plus
`<phase>-steady.prof`, every run but the first (which pays for imports and the model) added up.

    .venv/bin/python bench/demo_profile.py --incidents 2000
    .venv/bin/python bench/demo_profile.py --incidents 2000 --profile var/profile
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

APPROVER = "Bench Information Manager"
ACTOR = "bench demo_profile"


class Phases:
    """Seconds and load average per phase, and cProfile statistics when asked for."""

    def __init__(self, profile_dir: Path | None) -> None:
        self.profile_dir = profile_dir
        self.phases: dict[str, dict[str, Any]] = {}

    @contextmanager
    def phase(self, name: str, profile: bool = True) -> Iterator[dict[str, Any]]:
        """Time one phase; `profile=False` for a phase whose runs `per_partner` profiles."""
        entry: dict[str, Any] = {"load_before": _load()}
        profiler = cProfile.Profile() if self.profile_dir and profile else None
        started = time.perf_counter()
        if profiler:
            profiler.enable()
        try:
            yield entry
        finally:
            if profiler:
                profiler.disable()
                profiler.dump_stats(str(self._stats_path(name)))
            entry["seconds"] = round(time.perf_counter() - started, 2)
            entry["load_after"] = _load()
            self.phases[name] = entry
            print(f"{name:<28} {entry['seconds']:>8.2f} s  load {entry['load_after']}", flush=True)

    def per_partner(
        self, entry: dict[str, Any], name: str, ids: list[str], step: Callable[[str], Any]
    ) -> None:
        """Run `step` for each partner, timing each; profiled, each run on its own, and the
        steady state (every run but the first) added up."""
        runs: dict[str, float] = {}
        steady: pstats.Stats | None = None
        for n, partner_id in enumerate(ids):
            started = time.perf_counter()
            if self.profile_dir:
                profiler = cProfile.Profile()
                profiler.runcall(step, partner_id)
                profiler.dump_stats(str(self._stats_path(f"{name}-{partner_id}")))
                if n:
                    steady = pstats.Stats(profiler) if steady is None else steady.add(profiler)
            else:
                step(partner_id)
            runs[partner_id] = round(time.perf_counter() - started, 3)
        if steady is not None:
            steady.dump_stats(str(self._stats_path(f"{name}-steady")))
        entry["runs"] = runs
        entry["slowest"] = max(runs.items(), key=lambda item: item[1]) if runs else None

    def _stats_path(self, name: str) -> Path:
        assert self.profile_dir is not None
        self.profile_dir.mkdir(parents=True, exist_ok=True)
        return self.profile_dir / f"{name}.prof"


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def run_night(args: argparse.Namespace, root: Path, phases: Phases) -> dict[str, Any]:
    from asbhub.airflow import tasks
    from asbhub.demo import simulator
    from asbhub.demo.run import REPO, RETENTION_SHIFT
    from asbhub.demo.world import start_world
    from asbhub.partners import load_partners
    from asbhub.private import restrict_umask
    from asbhub.seed import write_extract
    from asbhub.store.engine import upgrade

    restrict_umask()
    night = date.today()
    with phases.phase("start_peers"):
        world = start_world(root, REPO / "config")
    try:
        os.environ.update(world.env)
        cfg = str(world.config_dir)
        partners = load_partners(world.config_dir / "partners")
        ids = [p.id for p in partners]
        with phases.phase("store_and_extract"):
            upgrade(world.hub_url)
            write_extract(world.hub_home / "landing", args.incidents, args.seed, night, "csv")
        with phases.phase("ingest"):
            tasks.ingest_landing(cfg, ACTOR)
        with phases.phase("outbound", profile=False) as entry:
            phases.per_partner(
                entry,
                "outbound",
                ids,
                lambda pid: tasks.deliver_partner_night(pid, night, cfg, ACTOR),
            )
        first_council = next(p.id for p in partners if p.kind == "council")
        with phases.phase("partners_answer"):
            simulator.answer_all(partners, night, args.seed, bad_file_partner=first_council)
        with phases.phase("inbound", profile=False) as entry:
            phases.per_partner(
                entry, "inbound", ids, lambda pid: tasks.collect_partner_outcomes(pid, cfg, ACTOR)
            )
        with phases.phase("retention") as entry:
            entry.update(_retention(night + RETENTION_SHIFT))
        next_night = night + timedelta(days=1)
        with phases.phase("notices_out", profile=False) as entry:
            phases.per_partner(
                entry,
                "notices_out",
                ids,
                lambda pid: tasks.deliver_partner_night(pid, next_night, cfg, ACTOR),
            )
        with phases.phase("partners_ack"):
            simulator.answer_all(partners, next_night, args.seed, bad_file_partner=None)
        with phases.phase("acks_in", profile=False) as entry:
            phases.per_partner(
                entry, "acks_in", ids, lambda pid: tasks.collect_partner_outcomes(pid, cfg, ACTOR)
            )
        return {"partners": len(ids), "night": night.isoformat()}
    finally:
        world.stop()


def _retention(as_of: date) -> dict[str, Any]:
    """Plan, approve, execute and verify, as the demo's CLI calls and DAG tasks do."""
    from asbhub.retention.execute import execute_run
    from asbhub.retention.plan import plan_disposal
    from asbhub.retention.runs import approve_run
    from asbhub.retention.service import retention_context
    from asbhub.retention.verify import verify_run
    from asbhub.settings import resolve

    steps: dict[str, float] = {}
    started = time.perf_counter()
    with retention_context(resolve()) as rc, rc.store.session() as session:
        plan = plan_disposal(session, rc.schedule(), rc.key, as_of, planned_by=APPROVER)
        approve_run(session, plan.run_id, APPROVER)
    steps["plan_approve"] = round(time.perf_counter() - started, 2)
    started = time.perf_counter()
    with retention_context(resolve()) as rc:
        remote = rc.remote()
        execute_run(rc.store, plan.run_id, rc.key, rc.areas, remote, ack_days=rc.ack_days())
    steps["execute"] = round(time.perf_counter() - started, 2)
    started = time.perf_counter()
    with retention_context(resolve()) as rc:
        verified = verify_run(rc.store, plan.run_id, rc.areas, rc.remote(), key=rc.key)
    steps["verify"] = round(time.perf_counter() - started, 2)
    return {"steps": steps, "planned": plan.planned, "verified": verified.ok}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--incidents", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", type=Path, default=None, help="folder for cProfile stats")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "bench" / "results" / "demo-profile.json"
    )
    args = parser.parse_args()
    for name in [k for k in os.environ if k.startswith(("AIRFLOW", "ASBHUB_"))]:
        del os.environ[name]  # the demo world's settings only, as the demo's subprocesses get
    os.environ["GX_ANALYTICS_ENABLED"] = "false"
    work = Path(tempfile.mkdtemp(prefix="asbhub-bench-demo-"))
    phases = Phases(args.profile.resolve() if args.profile else None)
    load_at_start = _load()
    started = time.perf_counter()
    try:
        night = run_night(args, work / "demo", phases)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result = {
        "incidents": args.incidents,
        **night,
        "seconds_total": round(time.perf_counter() - started, 2),
        "phases": phases.phases,
        "load_average_at_start": load_at_start,
        "load_average_at_end": _load(),
        "cpu_count": os.cpu_count(),
        "note": "DAG task functions called directly: Airflow's own per-run cost is not in these",
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"total {result['seconds_total']} s; written to {args.out}")


if __name__ == "__main__":
    main()
