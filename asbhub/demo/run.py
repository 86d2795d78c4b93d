"""`asbhub demo`: seed a night, run the real DAGs, answer as the partners, run retention, and
show what happened. Everything runs on loopback under var/demo and stops when it ends."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from asbhub.demo import report, simulator
from asbhub.demo.airflow_session import AirflowSession
from asbhub.demo.world import start_world, subprocess_env
from asbhub.errors import EnvironmentProblem
from asbhub.partners import load_partners
from asbhub.private import restrict_umask
from asbhub.seed import write_extract
from asbhub.store.engine import upgrade

REPO = Path(__file__).resolve().parents[2]
APPROVER = "Demo Information Manager"
# Far enough ahead that the cases closed tonight have passed the 6-year rule.
RETENTION_SHIFT = timedelta(days=6 * 366 + 60)


class DagRunResult(BaseModel):
    dag_id: str
    logical_date: str
    state: str
    seconds: float
    error: str | None = None


class DemoResult(BaseModel):
    home: str
    night: date
    incidents: int
    dag_runs: list[DagRunResult]
    partners: list[report.PartnerSummary]
    disposal: dict[str, Any]
    ledger: dict[str, Any]
    certificate_html: str
    report_page: str
    seconds: float

    @property
    def ok(self) -> bool:
        return (
            all(r.state == "success" for r in self.dag_runs)
            and bool(self.disposal.get("verified"))
            and bool(self.ledger.get("ok"))
        )


def run_demo(home: Path, incidents: int, seed: int, console: Console) -> DemoResult:
    import time

    started = time.perf_counter()
    # Before the first file: the demo's home holds personal data (synthetic, but written as the
    # hub writes real data), and its peers and Airflow, started from here, inherit the umask.
    restrict_umask()
    night = date.today()
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _stop_on_signal) if in_main_thread else None
    world = start_world(home, REPO / "config")
    airflow: AirflowSession | None = None
    finished = False
    try:
        os.environ.update(world.env)  # the hub calls made in this process see the demo's world
        env = subprocess_env(world)
        partners = load_partners(world.config_dir / "partners")
        runs: list[DagRunResult] = []
        with _progress(console) as progress:
            step = progress.add_task("setting up the hub store and Airflow", total=2)
            upgrade(world.hub_url)
            write_extract(world.hub_home / "landing", incidents, seed, night, "csv")
            progress.advance(step)
            _airflow_cli(["db", "migrate"], env, world.root / "airflow-migrate.log")
            airflow = AirflowSession(env, world.root)
            airflow.ready()
            progress.advance(step)

            def dags(label: str, ids: list[str], day: date) -> None:
                task = progress.add_task(label, total=len(ids))
                for dag_id in ids:
                    runs.append(DagRunResult(**_fields(airflow.run(dag_id, day.isoformat()))))
                    progress.advance(task)

            dags("police_ingest", ["police_ingest"], night)
            dags("outbound, every partner", [f"partner_outbound__{p.id}" for p in partners], night)
            answer = progress.add_task("partners answer (outcomes)", total=1)
            first_council = next(p.id for p in partners if p.kind == "council")
            replies = simulator.answer_all(partners, night, seed, bad_file_partner=first_council)
            progress.advance(answer)
            dags("inbound, every partner", [f"partner_inbound__{p.id}" for p in partners], night)
            # The night's figures, before the retention run (six years on) disposes of them.
            summaries = report.partner_summaries(world.hub_url, partners, replies)
            retention = progress.add_task("retention run (plan, approve, DAG)", total=3)
            as_of = night + RETENTION_SHIFT
            # The information manager plans and approves with the CLI; the DAG takes the run
            # up, skips its approval step (approved already) and executes, verifies, certifies.
            plan = _asbhub(
                ["--json", "retention", "plan", "--as-of", as_of.isoformat(), "--by", APPROVER],
                env,
            )
            progress.advance(retention)
            _asbhub(["disposal", "approve", plan["run_id"], "--by", APPROVER], env)
            progress.advance(retention)
            runs.append(
                DagRunResult(
                    **_fields(
                        airflow.run(
                            "retention_disposal",
                            night.isoformat(),
                            {"disposal_run": plan["run_id"]},
                        )
                    )
                )
            )
            progress.advance(retention)
            verified = _asbhub(
                ["--json", "disposal", "verify", plan["run_id"]], env, allow_fail=True
            )
            disposal = {
                "run_id": plan["run_id"],
                "as_of": as_of.isoformat(),
                "planned": plan.get("planned"),
                "counts": plan.get("counts", {}),
                "verified": verified.get("ok"),
                "verification": verified,
            }
            next_night = night + timedelta(days=1)
            dags(
                "disposal notices out", [f"partner_outbound__{p.id}" for p in partners], next_night
            )
            acks = progress.add_task("partners answer (disposal acks)", total=1)
            replies += simulator.answer_all(partners, next_night, seed, bad_file_partner=None)
            progress.advance(acks)
            dags("acks in", [f"partner_inbound__{p.id}" for p in partners], next_night)
        ledger = _asbhub(["--json", "ledger", "verify"], env, allow_fail=True)
        certificate = world.reports / f"certificate-{disposal['run_id']}.html"
        _asbhub(
            [
                "disposal",
                "report",
                disposal["run_id"],
                "--format",
                "html",
                "--out",
                str(certificate),
            ],
            env,
        )
        summaries = report.with_notices(world.hub_url, summaries)
        page = report.write_page(
            world.reports / "index.html", summaries, disposal, ledger, certificate, runs
        )
        result = DemoResult(
            home=str(world.root),
            night=night,
            incidents=incidents,
            dag_runs=runs,
            partners=summaries,
            disposal=disposal,
            ledger=ledger,
            certificate_html=str(certificate),
            report_page=str(page),
            seconds=round(time.perf_counter() - started, 1),
        )
        finished = True
        return result
    finally:
        if airflow is not None:
            airflow.close(graceful=finished)
        world.stop()
        if in_main_thread:
            signal.signal(signal.SIGTERM, previous)


def _stop_on_signal(signum: int, _frame: object) -> None:
    """A stopped demo (Ctrl-C, SIGTERM) still stops every process it started: the first signal
    unwinds to the clean-up, and later ones are ignored so they cannot cut it short."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    raise SystemExit(128 + signum)


def _fields(line: dict[str, Any]) -> dict[str, Any]:
    return {k: line.get(k) for k in ("dag_id", "logical_date", "state", "seconds", "error")}


@contextmanager
def _progress(console: Console) -> Iterator[Progress]:
    with Progress(
        TextColumn("{task.description:<48}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    ) as progress:
        yield progress


def _airflow_cli(args: list[str], env: dict[str, str], log: Path) -> None:
    airflow = Path(sys.executable).with_name("airflow")
    with log.open("wb") as out:
        done = subprocess.run([str(airflow), *args], env=env, stdout=out, stderr=out, check=False)
    if done.returncode:
        raise EnvironmentProblem(f"airflow {' '.join(args)} failed; see {log}")


def _asbhub(args: list[str], env: dict[str, str], allow_fail: bool = False) -> dict[str, Any]:
    asbhub = Path(sys.executable).with_name("asbhub")
    done = subprocess.run(
        [str(asbhub), *args], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode and not allow_fail:
        raise EnvironmentProblem(f"asbhub {' '.join(args)} failed: {done.stderr.strip()[-500:]}")
    try:
        data: dict[str, Any] = (
            json.loads(done.stdout) if done.stdout.strip().startswith("{") else {}
        )
    except json.JSONDecodeError:
        data = {}
    data.setdefault("exit_code", done.returncode)
    return data
