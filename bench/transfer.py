"""Transfer benchmark that cannot flatter: the hub's transports against the tools partners compare
us with, in one run, on the same files, taking turns run by run.

SFTP (one loopback sshd): OpenSSH's `sftp`, plain paramiko (`SFTPClient.put/get` with default
settings, as Airflow's SFTP hook does) and the hub's transport (downloads: hashed and written
under a temporary name; uploads: proved by re-reading, by the server's own digest, or by size).
S3 (moto on loopback): the hub's transport against boto3's own `TransferManager`. Sizes 1 MB,
20 MB and 200 MB: a night's feed is small, so per-file latency matters as much as throughput.
Peak memory of a fresh process as the file grows tenfold.

The machine must be quiet: the load average is recorded before and after, and the CPU that
other processes used during the run is measured (the load average after a run includes the
benchmark's own work). Above 0.5 per core, results are not written (exit 3) unless
--allow-load, and then the file says so.

    .venv/bin/python bench/transfer.py                  # the full run, writes the results
    .venv/bin/python bench/transfer.py --wait-quiet 600 # first wait up to 10 min for quiet
    .venv/bin/python bench/transfer.py --sizes 20 --repeats 3 --no-write   # a quick look
    .venv/bin/python bench/transfer.py --levers         # also sweep the SFTP levers

The hub's image sets glibc's malloc thresholds (Dockerfile, MALLOC_*); the benchmark runs under
the same values, read from the Dockerfile, unless --malloc glibc (glibc's defaults). Plain
paramiko runs in the same process, so it has them too; the results record which was used.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from connectors import TransportSpec, open_transport  # noqa: E402
from tests.connectors.harnesses import s3_connection, sftp_connection  # noqa: E402
from tests.servers import S3Server, SSHServer  # noqa: E402

MB = 1000 * 1000  # sizes as the issue states them (1 MB, 20 MB, 200 MB)
MiB = 1024 * 1024
RESULTS = ROOT / "bench" / "results" / "transfer.json"
QUIET_PER_CPU = 0.5
CPUS = os.cpu_count() or 1


# ----- the machine ---------------------------------------------------------------------------


def load() -> dict[str, float]:
    one, five, fifteen = os.getloadavg()
    return {"1min": one, "5min": five, "15min": fifteen, "per_cpu_1min": round(one / CPUS, 2)}


class ForeignCPU:
    """CPU time used by processes other than this benchmark and its servers (sshd, its
    sessions, sftp clients, memory probes) while it runs, as a share of the machine."""

    def __init__(self, servers: Callable[[], list[int]]) -> None:
        self.servers = servers

    @staticmethod
    def _busy() -> float:
        fields = [int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
        idle = fields[3] + fields[4]
        return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")

    def _ours(self) -> float:
        import psutil

        total = 0.0
        pids = {os.getpid(), *self.servers()}
        for pid in pids:
            try:
                proc = psutil.Process(pid)
                for p in [proc, *proc.children(recursive=True)]:
                    t = p.cpu_times()
                    total += t.user + t.system + t.children_user + t.children_system
            except psutil.Error:
                continue
        return total

    def __enter__(self) -> ForeignCPU:
        self.start = (time.monotonic(), self._busy(), self._ours())
        return self

    def __exit__(self, *exc: object) -> None:
        wall, busy, ours = self.start
        elapsed = time.monotonic() - wall
        foreign = max(0.0, (self._busy() - busy) - (self._ours() - ours))
        self.share_per_cpu = round(foreign / elapsed / CPUS, 2) if elapsed else 0.0


def wait_for_quiet(limit_s: float) -> None:
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline and load()["per_cpu_1min"] > QUIET_PER_CPU:
        print(f"waiting for quiet: load {load()['1min']:.2f} on {CPUS} cores", flush=True)
        time.sleep(15)


def image_malloc_env() -> dict[str, str]:
    """The MALLOC_* settings the hub's image runs with (Dockerfile ENV)."""
    text = (ROOT / "Dockerfile").read_text()
    return dict(re.findall(r"\b(MALLOC_[A-Z_]+_)=(\d+)", text))


def as_the_image_runs(choice: str) -> None:
    """Re-run this benchmark under the image's malloc settings, unless asked not to or already.

    glibc reads them only at start-up, so they cannot be set from inside the process."""
    if choice == "image":
        env = {**os.environ, **image_malloc_env()}
    else:
        env = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_")}
    if env != dict(os.environ):
        os.execve(sys.executable, [sys.executable, *sys.argv], env)


def provenance() -> dict[str, Any]:
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, check=False
        ).stdout.strip()

    changed = git("status", "--porcelain", "--", "connectors", "bench/transfer.py").splitlines()
    import paramiko

    openssh = subprocess.run(["ssh", "-V"], capture_output=True, text=True, check=False).stderr
    return {
        "commit": git("rev-parse", "--short", "HEAD"),
        "uncommitted": [c[3:] for c in changed],
        "paramiko": paramiko.__version__,
        "openssh": openssh.strip(),
        "python": sys.version.split()[0],
        "cpu_count": CPUS,
        "malloc": {k: v for k, v in os.environ.items() if k.startswith("MALLOC_")}
        or "glibc defaults",
    }


# ----- timing --------------------------------------------------------------------------------


def timed(run: Callable[[], None]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def take_turns(size: int, repeats: int, runs: dict[str, Callable[[], None]]) -> dict[str, Any]:
    """Each contender once per round, the order rotated each round, so load from elsewhere and
    warm caches fall on all alike; one warm-up round is not counted."""
    names = list(runs)
    for name in names:
        runs[name]()
    seconds: dict[str, list[float]] = {name: [] for name in names}
    for round_ in range(repeats):
        order = names[round_ % len(names) :] + names[: round_ % len(names)]
        for name in order:
            seconds[name].append(timed(runs[name]))
    return {name: summary(size, values) for name, values in seconds.items()}


def summary(size: int, seconds: list[float]) -> dict[str, Any]:
    med = statistics.median(seconds)
    return {
        "seconds": [round(s, 4) for s in seconds],
        "median_s": round(med, 4),
        "mb_per_s": round(size / MB / med, 1),
    }


def ratios(result: dict[str, Any], ours: str, others: list[str]) -> dict[str, float]:
    mine = result[ours]["mb_per_s"]
    return {f"vs_{o}": round(mine / result[o]["mb_per_s"], 2) for o in others}


def make_file(path: Path, size: int) -> None:
    block = os.urandom(MiB)  # incompressible, like an encrypted or zipped feed
    with path.open("wb") as fh:
        for start in range(0, size, MiB):
            fh.write(block[: min(MiB, size - start)])


# ----- SFTP ----------------------------------------------------------------------------------


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


def plain_paramiko(server: SSHServer) -> Any:
    """A paramiko SSHClient as Airflow's SFTP hook makes one: pinned key, default settings."""
    import paramiko

    client = paramiko.SSHClient()
    key_type, blob = server.host_public_key.split()[:2]
    pinned = paramiko.PKey.from_type_string(key_type, base64.b64decode(blob))
    client.get_host_keys().add(f"[{server.host}]:{server.port}", key_type, pinned)
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(
        server.host,
        server.port,
        server.user,
        key_filename=str(server.private_key),
        allow_agent=False,
        look_for_keys=False,
    )
    return client


class SFTPBench:
    def __init__(self, server: SSHServer, work: Path) -> None:
        self.server, self.work = server, work
        self.proofs: dict[str, str] = {}  # how each variant of our upload proved what landed
        (server.root / "bench").mkdir(exist_ok=True)

    def spec(self, server_sha256: str | None = None) -> TransportSpec:
        return TransportSpec(
            type="sftp",
            connection_id="bench_sftp",
            host_key=self.server.host_public_key,
            folders={"inbox": "bench", "outbox": "bench"},
            server_sha256=server_sha256,  # type: ignore[arg-type]
        )

    def env(self, **extra: Any) -> dict[str, str]:
        return {"AIRFLOW_CONN_BENCH_SFTP": sftp_connection(self.server, **extra)}

    def ours_put(self, source: Path, server_sha256: str | None = None, **extra: Any) -> Any:
        spec, env = self.spec(server_sha256), self.env(**extra)

        def run() -> None:
            with open_transport(spec, env) as transport:
                self.proofs[label] = transport.put("inbox", "ours.bin", source).proof.value

        label = f"{server_sha256}:{json.dumps(extra, sort_keys=True)}"
        run.label = label  # type: ignore[attr-defined]
        return run

    def ours_get(self, name: str, dest: Path, **extra: Any) -> Any:
        spec, env = self.spec(), self.env(**extra)

        def run() -> None:
            with open_transport(spec, env) as transport:
                transport.get("outbox", name, dest)

        return run

    def paramiko_put(self, source: Path) -> None:
        client = plain_paramiko(self.server)
        try:
            client.open_sftp().put(str(source), "bench/paramiko.bin")
        finally:
            client.close()

    def paramiko_get(self, name: str, dest: Path) -> None:
        client = plain_paramiko(self.server)
        try:
            client.open_sftp().get(f"bench/{name}", str(dest))
        finally:
            client.close()

    def run(self, source: Path, size: int, repeats: int) -> dict[str, Any]:
        work, server = self.work, self.server
        (server.root / "bench" / "fetch.bin").write_bytes(source.read_bytes())
        ours = {
            # No command declared: proved by a pipelined re-read.
            "ours_sha256_no_server_command": self.ours_put(source),
            # server_sha256 declared: the server's digest from 8 MiB, a re-read below.
            "ours_sha256_server_openssl": self.ours_put(source, "openssl"),
            "ours_sha256_server_sha256sum": self.ours_put(source, "sha256sum"),
            "ours_size_only": self.ours_put(source, verify="size"),
        }
        upload = take_turns(
            size,
            repeats,
            {
                "openssh": lambda: openssh_sftp(server, work, f"put {source} bench/openssh.bin\n"),
                "paramiko": lambda: self.paramiko_put(source),
                **ours,
            },
        )
        for name, run in ours.items():
            upload[name].update(ratios(upload, name, ["openssh", "paramiko"]))
            upload[name]["proof"] = self.proofs[run.label]
        download = take_turns(
            size,
            repeats,
            {
                "openssh": lambda: openssh_sftp(
                    server, work, f"get bench/fetch.bin {work / 'openssh.bin'}\n"
                ),
                "paramiko": lambda: self.paramiko_get("fetch.bin", work / "paramiko.bin"),
                "ours": self.ours_get("fetch.bin", work / "ours.bin"),
            },
        )
        download["ours"].update(ratios(download, "ours", ["openssh", "paramiko"]))
        (server.root / "bench" / "fetch.bin").unlink()
        return {"upload": upload, "download": download}

    def levers(self, source: Path, size: int, repeats: int) -> list[dict[str, Any]]:
        """Each lever alone against the defaults, taking turns so load hits all alike."""
        (self.server.root / "bench" / "lever.bin").write_bytes(source.read_bytes())
        variants: list[dict[str, Any]] = [
            {},
            {"read_depth": 8, "write_depth": 8},
            {"read_depth": 32, "write_depth": 32},
            {"read_depth": 64, "write_depth": 64},
            {"read_size": 65536, "write_size": 65536},
            {"window_size": 32 * MiB},
            {"ciphers": ["aes256-gcm@openssh.com"]},
            {"ciphers": ["aes128-ctr"], "macs": ["hmac-sha2-256-etm@openssh.com"]},
            {"ciphers": ["aes128-ctr"], "macs": ["hmac-sha2-256"]},
            {"ciphers": ["aes128-ctr"], "macs": ["hmac-sha2-512-etm@openssh.com"]},
            {"fsync": False},
        ]
        runs: dict[str, Callable[[], None]] = {}
        for extra in variants:
            label = json.dumps(extra) if extra else "defaults"
            put = self.ours_put(source, verify="size", **extra)
            get = self.ours_get("lever.bin", self.work / "lever-back.bin", **extra)
            runs[f"{label} upload"] = put
            runs[f"{label} download"] = get
        return [{"lever": k, **v} for k, v in take_turns(size, repeats, runs).items()]


# ----- S3 ------------------------------------------------------------------------------------


S3_LEVERS: dict[str, dict[str, Any]] = {
    "parts_16MiB": {"part_size": 16 * MiB},
    "concurrency_4": {"concurrency": 4},
    "concurrency_16": {"concurrency": 16},
    "threshold_64MiB": {"multipart_threshold": 64 * MiB},
    "threshold_256MiB": {"multipart_threshold": 256 * MiB},
}


def bench_s3(
    source: Path,
    work: Path,
    size: int,
    repeats: int,
    server: S3Server,
    levers: dict[str, dict[str, Any]] | None = None,
) -> dict:
    import boto3
    from boto3.s3.transfer import TransferConfig

    bucket = server.make_bucket()
    spec = TransportSpec(type="s3", connection_id="bench_s3", folders={"inbox": "b", "outbox": "b"})
    env = {"AIRFLOW_CONN_BENCH_S3": s3_connection(server, bucket)}
    config = TransferConfig()  # boto3's defaults: 8 MiB threshold and parts, 10 threads

    def client() -> Any:  # a client per run, as the hub's transport makes one per run
        return boto3.client(
            "s3",
            endpoint_url=server.endpoint_url,
            aws_access_key_id=server.access_key_id,
            aws_secret_access_key=server.secret_access_key,
            region_name=server.region,
        )

    def ours_put(**extra: Any) -> Callable[[], None]:
        env = {"AIRFLOW_CONN_BENCH_S3": s3_connection(server, bucket, **extra)}

        def run() -> None:
            with open_transport(spec, env) as transport:
                transport.put("inbox", "ours.bin", source)

        return run

    def ours_get() -> None:
        with open_transport(spec, env) as transport:
            transport.get("outbox", "ours.bin", work / "s3-ours.bin")

    upload = take_turns(
        size,
        repeats,
        {
            "transfer_manager": lambda: client().upload_file(
                str(source),
                bucket,
                "hub/b/tm.bin",
                ExtraArgs={"ServerSideEncryption": "AES256"},
                Config=config,
            ),
            "ours": ours_put(),
            **{f"ours_{name}": ours_put(**extra) for name, extra in (levers or {}).items()},
        },
    )
    for name in [n for n in upload if n.startswith("ours")]:
        upload[name].update(ratios(upload, name, ["transfer_manager"]))
    download = take_turns(
        size,
        repeats,
        {
            "transfer_manager": lambda: client().download_file(
                bucket, "hub/b/tm.bin", str(work / "s3-tm.bin"), Config=config
            ),
            "ours": ours_get,
        },
    )
    download["ours"].update(ratios(download, "ours", ["transfer_manager"]))
    return {"upload": upload, "download": download}


# ----- memory --------------------------------------------------------------------------------

MEMORY_PROBE = """
import json, sys
sys.path.insert(0, {root!r})
from connectors import TransportSpec, open_transport
spec = TransportSpec.model_validate_json({spec!r})
with open_transport(spec, json.loads({env!r})) as t:
    t.put("inbox", "mem.bin", {source!r})
    t.get("outbox", "mem.bin", {dest!r})
# ru_maxrss survives fork+exec on Linux (a child starts with its parent's peak): read the
# kernel's own high-water mark, which starts afresh at exec.
print([l for l in open("/proc/self/status") if l.startswith("VmHWM")][0].split()[1])
"""


def bench_memory(work: Path, sizes_mb: list[int], targets: dict[str, tuple]) -> list:
    """Peak RSS of a fresh process that puts and gets one file: flat if we stream."""
    rows = []
    for size_mb in sizes_mb:
        source = work / f"mem-{size_mb}.bin"
        make_file(source, size_mb * MB)
        for label, (spec, env) in targets.items():
            code = MEMORY_PROBE.format(
                root=str(ROOT),
                spec=spec.model_dump_json(),
                env=json.dumps(env),
                source=str(source),
                dest=str(work / "mem-back.bin"),
            )
            out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
            rows.append(
                {
                    "transport": label,
                    "file_mb": size_mb,
                    "peak_rss_mb": round(int(out.stdout.split()[-1]) / 1024, 1),
                }
            )
        source.unlink()
    return rows


# ----- the run -------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 20, 200], help="MB")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--levers", action="store_true", help="also sweep the throughput levers")
    parser.add_argument("--only", choices=["sftp", "s3"], help="one protocol only (a quick look)")
    parser.add_argument("--no-memory", action="store_true")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--allow-load", action="store_true", help="write even if not quiet")
    parser.add_argument("--wait-quiet", type=float, default=0, help="seconds to wait for quiet")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument(
        "--malloc",
        choices=["image", "glibc"],
        default="image",
        help="glibc malloc settings: the hub image's (Dockerfile) or glibc's defaults",
    )
    args = parser.parse_args()
    as_the_image_runs(args.malloc)
    if args.wait_quiet:
        wait_for_quiet(args.wait_quiet)

    from asbhub.demo.peers import S3Endpoint

    report: dict[str, Any] = {"provenance": provenance(), "load_before": load()}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sshd = SSHServer(workdir=work / "sshd")
        sshd.workdir.mkdir()
        sshd.prepare()
        sshd.start()
        moto = S3Endpoint()
        s3 = moto.start()
        try:
            sftp = SFTPBench(sshd, work)
            servers = lambda: [sshd.process.pid] if sshd.process else []  # noqa: E731
            report["sizes"] = {}
            with ForeignCPU(servers) as foreign:
                for size_mb in args.sizes:
                    size = size_mb * MB
                    source = work / f"payload-{size_mb}.bin"
                    make_file(source, size)
                    before = load()
                    with ForeignCPU(servers) as step:
                        entry: dict[str, Any] = {}
                        if args.only != "s3":
                            entry["sftp"] = sftp.run(source, size, args.repeats)
                        if args.only != "sftp":
                            entry["s3"] = bench_s3(
                                source,
                                work,
                                size,
                                args.repeats,
                                s3,
                                S3_LEVERS if args.levers else None,
                            )
                    entry["load_before"], entry["load_after"] = before, load()
                    entry["other_processes_cpu_per_core"] = step.share_per_cpu
                    report["sizes"][f"{size_mb}MB"] = entry
                    print(json.dumps({f"{size_mb}MB": entry}, indent=1), flush=True)
                    if args.levers and args.only != "s3" and size_mb == max(args.sizes):
                        report["levers"] = sftp.levers(source, size, args.repeats)
                    source.unlink()
                if not args.no_memory:
                    s3_bucket = s3.make_bucket()
                    report["memory"] = bench_memory(
                        work,
                        [50, 500],
                        {
                            "sftp put (proved by re-read) then get": (
                                sftp.spec(),
                                sftp.env(),
                            ),
                            "s3 put (multipart) then get": (
                                TransportSpec(
                                    type="s3",
                                    connection_id="bench_s3",
                                    folders={"inbox": "m", "outbox": "m"},
                                ),
                                {"AIRFLOW_CONN_BENCH_S3": s3_connection(s3, s3_bucket)},
                            ),
                        },
                    )
        finally:
            moto.stop()
            sshd.stop()
    report["load_after"] = load()
    report["other_processes_cpu_per_core"] = foreign.share_per_cpu
    quiet = (
        report["load_before"]["per_cpu_1min"] <= QUIET_PER_CPU
        and foreign.share_per_cpu <= QUIET_PER_CPU
    )
    report["quiet"] = quiet
    report["note"] = (
        "loopback sshd (OpenSSH) and moto S3 on this machine; every run opens a fresh "
        "connection; contenders take turns run by run, order rotated, one warm-up round; "
        f"quiet means load average per core <= {QUIET_PER_CPU} before the run and other "
        "processes' CPU during it <= that share (load after a run includes the benchmark's own)"
    )
    if not quiet:
        report["warning"] = "NOT A QUIET MACHINE: figures taken under load; compare within a run"
    print(json.dumps(report, indent=2))
    if args.no_write:
        return 0
    if not quiet and not args.allow_load:
        print(
            f"not written: load {report['load_before']['per_cpu_1min']} per core before, other "
            f"processes {foreign.share_per_cpu} per core during (limit {QUIET_PER_CPU}); run on "
            "a quiet machine, or pass --allow-load to write it marked as under load",
            file=sys.stderr,
        )
        return 3
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
