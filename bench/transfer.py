"""Transfer benchmark: our SFTP transport vs OpenSSH's sftp on one loopback sshd, S3 on moto,
and peak memory as the file grows. Writes bench/results/transfer.json and prints it.

    .venv/bin/python bench/transfer.py            # the full run (200 MB, median of 3)
    .venv/bin/python bench/transfer.py --levers   # also sweep each throughput lever
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from connectors import TransportSpec, open_transport  # noqa: E402
from tests.connectors.harnesses import s3_connection, sftp_connection  # noqa: E402
from tests.servers import S3Server, SSHServer, free_port  # noqa: E402

MB = 1024 * 1024
RESULTS = ROOT / "bench" / "results" / "transfer.json"


def make_file(path: Path, size: int) -> None:
    block = os.urandom(MB)  # incompressible, like an encrypted or zipped feed
    with path.open("wb") as fh:
        for _ in range(size // MB):
            fh.write(block)


def timed(run: Any) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def median_rate(size: int, run: Any, repeats: int) -> dict[str, Any]:
    return summary(size, [timed(run) for _ in range(repeats)])


def interleaved(size: int, repeats: int, **runs: Any) -> dict[str, Any]:
    seconds: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeats):
        for name, run in runs.items():
            seconds[name].append(timed(run))
    return {name: summary(size, values) for name, values in seconds.items()}


def summary(size: int, seconds: list[float]) -> dict[str, Any]:
    med = statistics.median(seconds)
    return {
        "seconds": [round(s, 3) for s in seconds],
        "median_s": round(med, 3),
        "mb_per_s": round(size / MB / med, 1),
    }


def openssh_sftp(server: SSHServer, work: Path, command: str) -> None:
    known = work / "known_hosts"
    known.write_text(f"[{server.host}]:{server.port} {server.host_public_key}\n")
    subprocess.run(
        [
            "sftp",
            "-q",
            "-b",
            "-",
            "-i",
            str(server.private_key),
            "-P",
            str(server.port),
            "-o",
            f"UserKnownHostsFile={known}",
            "-o",
            "StrictHostKeyChecking=yes",
            "-o",
            "BatchMode=yes",
            f"{server.user}@{server.host}",
        ],
        input=command.encode(),
        check=True,
        stdout=subprocess.DEVNULL,
    )


def sftp_spec(server: SSHServer) -> TransportSpec:
    (server.root / "bench").mkdir(exist_ok=True)
    return TransportSpec(
        type="sftp",
        connection_id="bench_sftp",
        host_key=server.host_public_key,
        folders={"inbox": "bench", "outbox": "bench"},
    )


def sftp_env(server: SSHServer, **extra: Any) -> dict[str, str]:
    return {"AIRFLOW_CONN_BENCH_SFTP": sftp_connection(server, **extra)}


def bench_sftp(server: SSHServer, work: Path, source: Path, size: int, repeats: int) -> dict:
    spec = sftp_spec(server)
    down = work / "down.bin"

    def ours_put(**extra: Any) -> Any:
        def run() -> None:
            with open_transport(spec, sftp_env(server, **extra)) as t:
                t.put("inbox", "ours.bin", source)

        return run

    def ours_get() -> None:
        with open_transport(spec, sftp_env(server)) as t:
            t.get("outbox", "ours.bin", down)

    # Interleave the contenders run by run, so load from other work on the machine hits both.
    results = {
        "upload": interleaved(
            size,
            repeats,
            openssh=lambda: openssh_sftp(server, work, f"put {source} bench/openssh.bin\n"),
            ours=ours_put(verify="size"),
        ),
        "download": interleaved(
            size,
            repeats,
            openssh=lambda: openssh_sftp(server, work, f"get bench/openssh.bin {down}\n"),
            ours=ours_get,
        ),
        "upload_verified_by_reread": median_rate(size, ours_put(verify="reread"), repeats),
    }
    for direction in ("upload", "download"):
        r = results[direction]
        r["ratio"] = round(r["ours"]["mb_per_s"] / r["openssh"]["mb_per_s"], 2)
    return results


def bench_levers(server: SSHServer, work: Path, source: Path, size: int, repeats: int) -> list:
    """Each lever alone against the defaults, run round-robin so machine load hits all alike."""
    spec = sftp_spec(server)
    down = work / "lever.bin"
    variants: list[dict[str, Any]] = [
        {},
        {"write_size": 32768, "read_size": 32768},
        {"write_size": 65536, "read_size": 65536},
        {"write_depth": 4, "read_depth": 4},
        {"write_depth": 64, "read_depth": 64},
        {"window_size": 2 * MB},
        {"window_size": 64 * MB},
        {"max_packet_size": 32768},
        {"fsync": False},
    ]
    timings = [{"upload": [], "download": []} for _ in variants]
    for _ in range(repeats):
        for extra, seconds in zip(variants, timings, strict=True):
            env = sftp_env(server, verify="size", **extra)

            def put(env: dict[str, str] = env) -> None:
                with open_transport(spec, env) as t:
                    t.put("inbox", "lever.bin", source)

            def get(env: dict[str, str] = env) -> None:
                with open_transport(spec, env) as t:
                    t.get("outbox", "lever.bin", down)

            seconds["upload"].append(timed(put))
            seconds["download"].append(timed(get))
    rows = []
    for extra, seconds in zip(variants, timings, strict=True):
        rows.append(
            {
                "lever": extra or "defaults",
                "upload": summary(size, seconds["upload"]),
                "download": summary(size, seconds["download"]),
            }
        )
        print(json.dumps(rows[-1]), flush=True)
    return rows


def bench_s3(source: Path, work: Path, size: int, repeats: int) -> dict:
    from moto.server import ThreadedMotoServer

    port = free_port()
    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    moto.start()
    try:
        server = S3Server(endpoint_url=f"http://127.0.0.1:{port}")
        bucket = server.make_bucket()
        spec = TransportSpec(
            type="s3", connection_id="bench_s3", folders={"inbox": "b", "outbox": "b"}
        )
        env = {"AIRFLOW_CONN_BENCH_S3": s3_connection(server, bucket)}
        with open_transport(spec, env) as t:
            put = median_rate(size, lambda: t.put("inbox", "s3.bin", source), repeats)
            get = median_rate(size, lambda: t.get("outbox", "s3.bin", work / "s3.bin"), repeats)
        return {"endpoint": "moto ThreadedMotoServer on loopback", "put": put, "get": get}
    finally:
        moto.stop()


MEMORY_PROBE = """
import json, os, resource, sys
sys.path.insert(0, {root!r})
from connectors import TransportSpec, open_transport
spec = TransportSpec.model_validate_json({spec!r})
env = json.loads({env!r})
with open_transport(spec, env) as t:
    t.put("inbox", "mem.bin", {source!r})
    t.get("outbox", "mem.bin", {dest!r})
# ru_maxrss survives fork+exec on Linux (the child starts with its parent's peak), so the
# kernel's per-process high-water mark is read too; it starts afresh at exec.
hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0].split()[1]
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, hwm)
"""


def bench_memory(server: SSHServer, work: Path, sizes_mb: list[int]) -> list:
    """Peak RSS of a fresh process that puts and gets one file: flat if we stream."""
    spec = sftp_spec(server)
    rows = []
    for size_mb in sizes_mb:
        source = work / f"mem-{size_mb}.bin"
        make_file(source, size_mb * MB)
        code = MEMORY_PROBE.format(
            root=str(ROOT),
            spec=spec.model_dump_json(),
            env=json.dumps(sftp_env(server)),
            source=str(source),
            dest=str(work / "mem-back.bin"),
        )
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
        maxrss_kb, hwm_kb = (int(v) for v in out.stdout.split())
        rows.append(
            {
                "file_mb": size_mb,
                "peak_rss_mb": round(hwm_kb / 1024, 1),
                "ru_maxrss_mb": round(maxrss_kb / 1024, 1),
                "transport": "sftp (put verified by re-read, then get), fresh process",
            }
        )
        source.unlink()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mb", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--levers", action="store_true")
    args = parser.parse_args()
    size = args.size_mb * MB
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        server = SSHServer(workdir=work / "sshd")
        server.workdir.mkdir()
        server.prepare()
        server.start()
        try:
            source = work / "payload.bin"
            make_file(source, size)
            report: dict[str, Any] = {
                "file_mb": args.size_mb,
                "repeats": args.repeats,
                "note": "loopback, one shared 2-core machine; each run opens a fresh connection",
                "cpu_count": os.cpu_count(),
                "sftp": bench_sftp(server, work, source, size, args.repeats),
                "memory": bench_memory(server, work, [50, 500]),
                "s3": bench_s3(source, work, size, args.repeats),
            }
            if args.levers:
                report["levers"] = bench_levers(server, work, source, size, args.repeats)
        finally:
            server.stop()
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
