"""Redaction engine: every gold set scored beside vanilla Presidio, and throughput beside raw spaCy.

Run: .venv/bin/python bench/pii.py [--n 2000] [--repeats 3] [--stream 100000] [--processes 2]
Writes bench/results/pii.json and prints the same numbers. The engine and raw single-process spaCy
NER take turns on the same narratives in one run, and the machine's load is recorded before and
after: figures from a busy machine say so in the file.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "tests" / "fixtures" / "pii"
sys.path.insert(0, str(GOLD_DIR))


def narratives(n: int, seed: int = 3) -> list[str]:
    from faker import Faker
    from make_gold import build

    rng = random.Random(seed)
    Faker.seed(seed)
    return [build(rng, i).record(str(i))["text"] for i in range(n)]


def rate(n: int, seconds: float) -> float:
    return round(n / seconds, 1)


def load() -> dict[str, Any]:
    one, five, fifteen = os.getloadavg()
    cpus = os.cpu_count() or 1
    # Load per CPU above about a quarter means others were running: the rates are then low bounds.
    return {"1min": one, "5min": five, "15min": fifteen, "per_cpu_1min": round(one / cpus, 2)}


def engine_version() -> dict[str, Any]:
    """The commit measured, and any engine files changed since it (figures from a tree mid-edit)."""

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, check=False
        ).stdout.rstrip("\n")  # (not strip: a porcelain line starts with its status's space)

    changed = git("status", "--porcelain", "--", "asbhub/pii").splitlines()
    return {"commit": git("rev-parse", "--short", "HEAD"), "uncommitted": [c[3:] for c in changed]}


def timed(run: Callable[[], Iterable[object]], n: int) -> float:
    t0 = time.perf_counter()
    for _ in run():
        pass
    return rate(n, time.perf_counter() - t0)


def evaluation(engine: Any) -> dict[str, Any]:
    """Every gold set, engine and vanilla Presidio; counts only (no narrative's misses)."""
    from asbhub.pii.evaluation import evaluate_sets, find_gold_sets

    reports = evaluate_sets(find_gold_sets(GOLD_DIR), engine, compare_vanilla=True)
    return {
        r.name: {
            "role": r.role.value,
            "engine": r.engine.model_dump(exclude={"leaked_examples"}),
            "vanilla_presidio": r.vanilla.model_dump(exclude={"leaked_examples"})
            if r.vanilla
            else None,
            "targets_missed": r.targets_missed,
        }
        for r in reports
    }


def throughput(engine: Any, raw: Any, texts: list[str], args: argparse.Namespace) -> dict[str, Any]:
    """Raw spaCy NER and the engine, one process each, in turns; then the engine on N processes."""
    list(raw.pipe(texts[:50]))
    list(engine.redact_many(texts[:50]))
    spacy_runs, ours_runs = [], []
    for _ in range(args.repeats):
        spacy_runs.append(timed(lambda: raw.pipe(texts, batch_size=args.batch_size), len(texts)))
        ours_runs.append(
            timed(
                lambda: engine.redact_many(texts, batch_size=args.batch_size, n_process=1),
                len(texts),
            )
        )
    ours_n = timed(
        lambda: engine.redact_many(texts, batch_size=args.batch_size, n_process=args.processes),
        len(texts),
    )
    spacy_rate, ours_1 = statistics.median(spacy_runs), statistics.median(ours_runs)
    return {
        "narratives": len(texts),
        "mean_chars": round(sum(map(len, texts)) / len(texts), 1),
        "repeats": args.repeats,
        "raw_spacy_ner_single_process_per_s": spacy_rate,
        "ours_single_process_per_s": ours_1,
        "raw_spacy_runs_per_s": spacy_runs,
        "ours_single_process_runs_per_s": ours_runs,
        f"ours_{args.processes}_processes_per_s": ours_n,
        "ours_single_process_vs_raw_spacy": round(ours_1 / spacy_rate, 2),
        # A short batch pays each worker's model load; the long stream shows sustained speed.
        f"ours_{args.processes}_processes_vs_raw_spacy": round(ours_n / spacy_rate, 2),
    }


def vanilla_rate(model: str, texts: list[str]) -> float:
    from asbhub.pii.vanilla import vanilla_analyzer

    analyzer = vanilla_analyzer(model)
    analyzer.analyze(text=texts[0], language="en")
    return timed(lambda: (analyzer.analyze(text=t, language="en") for t in texts), len(texts))


def long_stream(engine: Any, texts: list[str], args: argparse.Namespace) -> dict[str, Any]:
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    stream = itertools.islice(itertools.cycle(texts), args.stream)
    t0 = time.perf_counter()
    count = sum(
        1 for _ in engine.redact_many(stream, batch_size=args.batch_size, n_process=args.processes)
    )
    per_s = rate(count, time.perf_counter() - t0)
    return {
        "narratives": count,
        "per_s": per_s,
        "parent_max_rss_mb_before": round(rss_before / 1024, 1),
        "parent_max_rss_mb_after": round(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
        ),
        "largest_worker_max_rss_mb": round(
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--vanilla-n", type=int, default=300)
    parser.add_argument("--stream", type=int, default=100_000, help="0 skips the long stream")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "pii.json")
    args = parser.parse_args()

    import spacy

    from asbhub.pii.engine import RedactionEngine
    from asbhub.pii.model import model_name

    load_before = load()
    model = model_name()
    engine = RedactionEngine(model)
    raw = spacy.load(model)
    raw.select_pipes(enable=["ner"])
    texts = narratives(args.n)

    result: dict[str, Any] = {
        "model": model,
        "engine": engine_version(),
        "settings": {k: v for k, v in vars(args).items() if k != "out"},
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "load_before": load_before,
        },
        "evaluation": evaluation(engine),
        "throughput": throughput(engine, raw, texts, args),
    }
    vanilla = vanilla_rate(model, texts[: args.vanilla_n])
    result["throughput"]["vanilla_presidio_loop_per_s"] = vanilla
    if args.stream:
        stream = long_stream(engine, texts, args)
        stream["vs_raw_spacy"] = round(
            stream["per_s"] / result["throughput"]["raw_spacy_ner_single_process_per_s"], 2
        )
        result["stream"] = stream
    result["machine"]["load_after"] = load()
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
