"""Redaction engine throughput vs raw spaCy NER and vanilla Presidio; memory on a long stream.

Run: .venv/bin/python bench/pii.py [--n 2000] [--stream 100000] [--processes 2]
Writes bench/results/pii.json and prints the same numbers.
"""

from __future__ import annotations

import argparse
import itertools
import json
import platform
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "pii"))


def narratives(n: int, seed: int = 3) -> list[str]:
    from faker import Faker
    from make_gold import build

    rng = random.Random(seed)
    Faker.seed(seed)
    return [build(rng, i).record(str(i))["text"] for i in range(n)]


def rate(n: int, seconds: float) -> float:
    return round(n / seconds, 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--vanilla-n", type=int, default=300)
    parser.add_argument("--stream", type=int, default=100_000)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()

    import spacy

    from asbhub.pii.engine import RedactionEngine
    from asbhub.pii.model import model_name
    from asbhub.pii.vanilla import vanilla_analyzer

    texts = narratives(args.n)
    model = model_name()
    raw = spacy.load(model)
    raw.select_pipes(enable=["ner"])
    list(raw.pipe(texts[:50]))
    t0 = time.perf_counter()
    for _ in raw.pipe(texts, batch_size=args.batch_size):
        pass
    spacy_rate = rate(len(texts), time.perf_counter() - t0)

    engine = RedactionEngine(model)
    list(engine.redact_many(texts[:50]))
    t0 = time.perf_counter()
    for _ in engine.redact_many(texts, batch_size=args.batch_size, n_process=1):
        pass
    ours_1 = rate(len(texts), time.perf_counter() - t0)
    t0 = time.perf_counter()
    for _ in engine.redact_many(texts, batch_size=args.batch_size, n_process=args.processes):
        pass
    ours_n = rate(len(texts), time.perf_counter() - t0)

    analyzer = vanilla_analyzer(model)
    sample = texts[: args.vanilla_n]
    analyzer.analyze(text=sample[0], language="en")
    t0 = time.perf_counter()
    for text in sample:
        analyzer.analyze(text=text, language="en")
    vanilla_rate = rate(len(sample), time.perf_counter() - t0)

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    stream = itertools.islice(itertools.cycle(texts), args.stream)
    t0 = time.perf_counter()
    count = sum(
        1 for _ in engine.redact_many(stream, batch_size=args.batch_size, n_process=args.processes)
    )
    stream_rate = rate(count, time.perf_counter() - t0)
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss

    result = {
        "model": model,
        "narratives": len(texts),
        "mean_chars": round(sum(map(len, texts)) / len(texts), 1),
        "machine": {"python": platform.python_version(), "cpus": __import__("os").cpu_count()},
        "raw_spacy_ner_single_process_per_s": spacy_rate,
        "ours_single_process_per_s": ours_1,
        f"ours_{args.processes}_processes_per_s": ours_n,
        "vanilla_presidio_loop_per_s": vanilla_rate,
        # A short batch pays each worker's model load; the long stream shows sustained speed.
        "ours_vs_raw_spacy": round(ours_n / spacy_rate, 2),
        "stream_vs_raw_spacy": round(stream_rate / spacy_rate, 2),
        "load_average": __import__("os").getloadavg(),
        "ours_vs_vanilla": round(ours_n / vanilla_rate, 2),
        "stream": {
            "narratives": count,
            "per_s": stream_rate,
            "parent_max_rss_mb_before": round(rss_before / 1024, 1),
            "parent_max_rss_mb_after": round(rss_after / 1024, 1),
            "largest_worker_max_rss_mb": round(children / 1024, 1),
        },
    }
    out = ROOT / "bench" / "results" / "pii.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
