"""Benchmark: seeded incidents through ingest and outbound to every partner (local transport).

Prints and writes bench/results/outbound.json: records per second end to end, time by stage,
the redaction engine's time alone on the same narratives in the same run, the overhead of
everything else relative to it (target <= 30%), and peak memory (target < 1.5 GB).

    .venv/bin/python bench/outbound.py --incidents 100000
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

NIGHT = date(2026, 11, 25)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "outbound.json")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="asbhub-bench-"))
    os.environ.setdefault("ASBHUB_LEDGER_KEY", "bench-ledger-key-not-a-secret")
    os.environ.setdefault("ASBHUB_PSEUDONYM_KEY", "bench-pseudonym-key-not-a-secret")
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

    import pytest

    from asbhub.pipeline.ingest import ingest_folder
    from asbhub.pipeline.outbound import run_outbound
    from asbhub.runtime import Hub
    from asbhub.seed import generate_incidents, write_extract
    from asbhub.settings import Settings
    from asbhub.store.engine import upgrade
    from tests.pipeline.partners_here import local_partner_config

    monkeypatch = pytest.MonkeyPatch()
    local_partner_config(work / "config", work / "partners", monkeypatch)
    settings = Settings(
        config_dir=work / "config",
        home=work / "home",
        database_url=f"sqlite:///{work / 'hub.sqlite3'}",
    )
    upgrade(settings.database_url)
    hub = Hub(settings=settings, actor="bench")

    write_extract(work / "landing", args.incidents, args.seed, NIGHT, "csv")
    hub.redactions.engine.analyzer  # load the model before timing, as a warm worker would  # noqa: B018
    stages: dict[str, float] = {}
    started = time.perf_counter()
    ingest = ingest_folder(hub, work / "landing")
    stages["ingest"] = time.perf_counter() - started
    t = time.perf_counter()
    outbound = run_outbound(hub, night=NIGHT)
    stages["outbound"] = time.perf_counter() - t
    total = time.perf_counter() - started
    stages["outbound_redaction"] = hub.redactions.seconds
    stages["outbound_other"] = stages["outbound"] - hub.redactions.seconds
    narratives = hub.redactions.narratives
    referrals = sum(b.referrals for p in outbound.partners for b in p.batches)
    peak_pipeline = peak_rss_mb()

    # The engine alone on the same narratives, same settings, same process.
    from asbhub.minimise.narratives import NarrativeRedactor
    from asbhub.minimise.projection import known_pii

    alone = NarrativeRedactor()
    alone.engine = hub.redactions.engine  # same loaded model
    referred = {
        row["incident_ref"]: row
        for row in generate_incidents(args.incidents, args.seed, NIGHT)
        if row["incident_ref"] in hub.redactions._done
    }
    _ = known_pii
    t = time.perf_counter()
    alone.redact_incidents(referred.items())
    redaction_alone = time.perf_counter() - t

    other = total - hub.redactions.seconds
    result = {
        "incidents": args.incidents,
        "rows_loaded": ingest.total("loaded"),
        "narratives_redacted": narratives,
        "referrals_delivered": referrals,
        "partners": len(outbound.partners),
        "all_delivered": outbound.ok,
        "seconds": {k: round(v, 2) for k, v in stages.items()} | {"total": round(total, 2)},
        "records_per_second_end_to_end": round(args.incidents / total, 1),
        "redaction_alone_seconds": round(redaction_alone, 2),
        "other_stages_seconds": round(other, 2),
        "overhead_vs_redaction_alone": round(other / redaction_alone, 3),
        "target_overhead": 0.30,
        "peak_rss_mb": round(max(peak_pipeline, peak_rss_mb()), 1),
        "target_peak_rss_mb": 1536,
        "pii_processes": hub.redactions.processes(narratives),
        "cpu_count": os.cpu_count(),
        "load_average_at_end": os.getloadavg(),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    monkeypatch.undo()


if __name__ == "__main__":
    main()
