"""Benchmark retention: plan and execute with 100,000 referrals due in stores of 1M and 2M
referrals, on PostgreSQL and SQLite; writes bench/results/retention.json.

Targets: execute >= 20,000 records/s on PostgreSQL; 2M/1M time ratio <= 1.2 (the cost grows with
what is due, not with the size of the store).

    .venv/bin/python bench/retention.py [--sizes 1000000,2000000] [--due 100000]
                                        [--engines postgresql,sqlite]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import sqlite3
import tempfile
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import create_engine, text

from asbhub import ledger
from asbhub.ledger import Event, EventKind
from asbhub.retention.areas import Areas
from asbhub.retention.execute import execute_run
from asbhub.retention.plan import plan_disposal
from asbhub.retention.runs import approve_run
from asbhub.retention.schedule import load_schedule
from asbhub.retention.verify import verify_run
from asbhub.store.engine import Store, upgrade

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "retention.json"
PG_ADMIN = os.environ.get(
    "ASBHUB_TEST_PG_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
KEY = ledger.load_key("bench-ledger-key-synthetic-only")
AS_OF = date(2027, 1, 1)
TS = "2024-01-01 12:00:00.000000"

INCIDENT_COLS = (
    "id",
    "incident_ref",
    "reported_at",
    "district",
    "is_asb",
    "nsir_category",
    "asb_type",
    "risk_level",
    "vulnerable_victim",
    "repeat_victim",
    "source_file",
    "source_line",
    "ingested_at",
)
REFERRAL_COLS = (
    "id",
    "referral_id",
    "incident_id",
    "partner_id",
    "created_at",
    "high_risk",
    "status",
    "delivered_at",
    "closed_at",
)
OUTCOME_COLS = (
    "id",
    "partner_id",
    "outcome_id",
    "referral_pk",
    "status",
    "recorded_at",
    "actions",
    "received_at",
)


def incident_rows(n_incidents: int, due_incidents: int):  # type: ignore[no-untyped-def]
    for k in range(n_incidents):
        risk = "high" if k >= due_incidents and k % 3 == 0 else "standard"
        yield (
            k + 1,
            f"INC-{k:09d}",
            TS,
            "Northdale",
            True,
            "personal",
            "noise",
            risk,
            False,
            False,
            "extract.csv",
            k,
            TS,
        )


def referral_rows(n: int, due: int):  # type: ignore[no-untyped-def]
    for i in range(n):
        k = i // 2
        if i < due:
            closed = "2020-03-01"
        elif k % 3 == 0:
            closed = "2020-03-01"  # high risk: 10 years, not due
        else:
            closed = "2026-06-01" if i % 2 else None
        yield (
            i + 1,
            f"R-{i:016X}",
            k + 1,
            "council-a" if i % 2 else "housing-b",
            TS,
            False,
            "closed",
            TS if i % 3 == 0 else None,
            closed,
        )


def outcome_rows(due: int):  # type: ignore[no-untyped-def]
    for i in range(due):
        yield (
            i + 1,
            "council-a" if i % 2 else "housing-b",
            f"O-{i}",
            i + 1,
            "closed",
            TS,
            "[]",
            TS,
        )


def load_postgres(url: str, n: int, due: int) -> None:
    import psycopg

    with (
        psycopg.connect(url.replace("postgresql+psycopg", "postgresql")) as conn,
        conn.cursor() as cur,
    ):
        for table, cols, rows in (
            ("incidents", INCIDENT_COLS, incident_rows(n // 2, due // 2)),
            ("referrals", REFERRAL_COLS, referral_rows(n, due)),
            ("outcomes", OUTCOME_COLS, outcome_rows(due)),
        ):
            with cur.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        cur.execute("ANALYZE")


def load_sqlite(path: Path, n: int, due: int) -> None:
    conn = sqlite3.connect(path)
    for table, cols, rows in (
        ("incidents", INCIDENT_COLS, incident_rows(n // 2, due // 2)),
        ("referrals", REFERRAL_COLS, referral_rows(n, due)),
        ("outcomes", OUTCOME_COLS, outcome_rows(due)),
    ):
        marks = ", ".join("?" * len(cols))
        conn.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks})", rows)
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()


def one(engine: str, n: int, due: int, workdir: Path) -> dict[str, object]:
    name = f"asbhub_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    if engine == "postgresql":
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = PG_ADMIN.rsplit("/", 1)[0] + "/" + name
    else:
        url = f"sqlite:///{workdir / (name + '.sqlite3')}"
    try:
        upgrade(url)
        t0 = time.perf_counter()
        if engine == "postgresql":
            load_postgres(url, n, due)
        else:
            load_sqlite(workdir / (name + ".sqlite3"), n, due)
        load_s = time.perf_counter() - t0
        store = Store(url)
        schedule = load_schedule(ROOT / "config" / "retention.yaml")
        t0 = time.perf_counter()
        with store.session() as s:
            plan = plan_disposal(s, schedule, KEY, AS_OF)
        plan_s = time.perf_counter() - t0
        with store.session() as s:
            approve_run(s, plan.run_id, "Bench Approver")
        areas = Areas(workdir / name)
        t0 = time.perf_counter()
        result = execute_run(store, plan.run_id, KEY, areas)
        execute_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        verified = verify_run(store, plan.run_id, areas)
        verify_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        with store.session() as s:
            ledger.append_many(
                s,
                KEY,
                (
                    Event(
                        kind=EventKind.DISCLOSURE,
                        actor="outbound",
                        justification="nightly feed",
                        references=[f"R-{i:016X}"],
                        recipient="council-a",
                        at=datetime(2027, 1, 2, tzinfo=UTC),
                    )
                    for i in range(100_000)
                ),
            )
        append_s = time.perf_counter() - t0
        store.dispose()
        disposed = result.disposed.get("referral", 0)
        row = {
            "engine": engine,
            "referrals": n,
            "due": plan.planned,
            "disposed": disposed,
            "load_s": round(load_s, 2),
            "plan_s": round(plan_s, 2),
            "execute_s": round(execute_s, 2),
            "execute_records_per_s": round(disposed / execute_s),
            "verify_s": round(verify_s, 2),
            "verified": verified.ok,
            "ledger_append_100k_s": round(append_s, 2),
        }
        print(json.dumps(row), flush=True)
        return row
    finally:
        if engine == "postgresql":
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000000,2000000")
    parser.add_argument("--due", type=int, default=100_000)
    parser.add_argument("--engines", default="postgresql,sqlite")
    parser.add_argument("--out", default=str(RESULTS))
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for engine in args.engines.split(","):
            for n in sizes:
                rows.append(one(engine, n, args.due, Path(tmp)))
    summary = {}
    for engine in args.engines.split(","):
        mine = [r for r in rows if r["engine"] == engine]
        small, large = mine[0], mine[-1]
        summary[engine] = {
            "execute_records_per_s_at_largest": large["execute_records_per_s"],
            "plan_ratio_largest_to_smallest": round(large["plan_s"] / small["plan_s"], 2),  # type: ignore[operator]
            "execute_ratio_largest_to_smallest": round(large["execute_s"] / small["execute_s"], 2),  # type: ignore[operator]
            "plan_plus_execute_ratio": round(
                (large["plan_s"] + large["execute_s"])  # type: ignore[operator]
                / (small["plan_s"] + small["execute_s"]),
                2,
            ),  # type: ignore[operator]
        }
    report = {
        "benchmark": "retention",
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        "as_of": AS_OF.isoformat(),
        "targets": {"postgresql_execute_records_per_s": 20000, "ratio_2m_to_1m_max": 1.2},
        "runs": rows,
        "summary": summary,
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, indent=2) + "\n")
    out = io.StringIO()
    for engine, s in summary.items():
        out.write(f"{engine}: {s}\n")
    print(out.getvalue(), end="")


if __name__ == "__main__":
    main()
