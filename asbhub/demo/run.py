"""`asbhub demo`: seed a night, run the real DAGs, answer as the partners (one council re-sends
a file that is collected by hand and refused, and the hub emails an alert), release a referral
the feed checks set aside, run retention, decide review items and run again, write the force's
outcome summary the morning after, and show what happened, each figure read from the store, the
CLI, the summary file or the demo's mail server. Everything runs on loopback under var/demo and
stops when it ends."""

from __future__ import annotations

import json
import logging
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from asbhub.airflow import URGENT_DAG_ID
from asbhub.demo import figures, report, revisions, simulator
from asbhub.demo.airflow_session import AirflowSession
from asbhub.demo.alert_mail import AlertFigures, alert_figures
from asbhub.demo.case_review import CaseReviewFigures, case_review_figures
from asbhub.demo.extract import LateReport, write_night_extract
from asbhub.demo.force_summary import ForceSummary, summarise_for_force
from asbhub.demo.openpgp_figures import OpenPgpFigures, openpgp_figures
from asbhub.demo.urgent import UrgentFigures, urgent_figures, write_daytime_extract
from asbhub.demo.world import start_world, subprocess_env
from asbhub.errors import EnvironmentProblem
from asbhub.partners import PartnerConfig, load_partners
from asbhub.private import restrict_umask
from asbhub.seed.incidents import generate_incidents
from asbhub.settings import export, resolve
from asbhub.store.engine import upgrade

REPO = Path(__file__).resolve().parents[2]
APPROVER = "Demo Information Manager"
DATA_ENGINEER = "Demo Data Engineer"
# The demo's schedule has two review stages: the information manager, then the data protection
# officer; the data engineer plans (the planner may not approve).
DPO = "Demo Data Protection Officer"
REVIEW_STAGES = [
    {"id": "information_manager", "title": "Information manager"},
    {"id": "data_protection_officer", "title": "Data protection officer"},
]
# Far enough ahead that the cases closed tonight have passed the 6-year rule.
RETENTION_SHIFT = timedelta(days=6 * 366 + 60)
RELEASE_REASON = (
    "report time confirmed with the force: received after midnight and picked up by an extract "
    "that ran late; it belongs to the next night's feed"
)
KEEP_REASON = "the partner's latest outcome says the case is still in progress"
DISPOSE_REASON = (
    "the partner returned outcomes for this batch, so it was received; the hub's copies can go"
)


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
    unroutable: int | None  # held by the ingest, as `asbhub ingest unroutable` lists them
    set_aside: figures.SetAsideFigures
    re_extract: revisions.Revisions  # what the force's re-extract changed
    changes: revisions.ChangesSent  # updates and withdrawals delivered, read from the store
    disposal: dict[str, Any]
    review_decisions: list[figures.DecisionFigure]
    follow_up: dict[str, Any]  # the run after the review decisions
    force_summary: ForceSummary  # the morning after the second night
    urgent: UrgentFigures  # the high-risk referral that landed in the day
    openpgp: OpenPgpFigures  # the partner that receives OpenPGP, the first night
    case_review: CaseReviewFigures  # Community Triggers opened, and the flags partners got
    alerts: AlertFigures  # what the demo's mail server caught
    ledger: dict[str, Any]
    certificates: list[figures.CertificateCheck]
    certificate_html: str
    report_page: str
    seconds: float

    @property
    def ok(self) -> bool:
        return (
            all(r.state == "success" for r in self.dag_runs)
            and bool(self.disposal.get("verified"))
            and bool(self.follow_up.get("verified"))
            and bool(self.ledger.get("ok"))
            and bool(self.certificates)
            and all(c.matches for c in self.certificates)
            and self.force_summary.rows > 0
            and self.force_summary.consistent
            and self.urgent.delivered
            and self.openpgp.ok
            # The bad file sent on purpose is emailed about, with no personal data in it.
            and self.alerts.captured > 0
            and not self.alerts.carrying_personal_data
        )


@dataclass
class Steps:
    """What every step of the demo night needs: Airflow, the CLI's environment, the progress
    display, and the DAG runs so far."""

    airflow: AirflowSession
    env: dict[str, str]
    progress: Progress
    runs: list[DagRunResult] = field(default_factory=list)

    def dags(self, label: str, ids: list[str], day: date) -> None:
        task = self.progress.add_task(label, total=len(ids))
        for dag_id in ids:
            self.dag(dag_id, day)
            self.progress.advance(task)

    def dag(self, dag_id: str, day: date | str, conf: dict[str, Any] | None = None) -> None:
        """Run a DAG for a night (a date) or at a moment (`YYYY-MM-DDTHH:MM`, UTC)."""
        when = day if isinstance(day, str) else day.isoformat()
        self.runs.append(DagRunResult(**_fields(self.airflow.run(dag_id, when, conf))))

    def cli(self, args: list[str], allow_fail: bool = False) -> dict[str, Any]:
        return _asbhub(args, self.env, allow_fail)


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
    with_review_stages(world.config_dir)
    airflow: AirflowSession | None = None
    finished = False
    try:
        export(world.env)  # the hub calls made in this process see the demo's world
        env = subprocess_env(world)
        partners = load_partners(world.config_dir / "partners")
        with _progress(console) as progress:
            step = progress.add_task("setting up the hub store and Airflow", total=2)
            upgrade(world.hub_url)
            late = write_night_extract(world.hub_home / "landing", incidents, seed, night)
            progress.advance(step)
            _airflow_cli(["db", "migrate"], env, world.root / "airflow-migrate.log")
            airflow = AirflowSession(env, world.root)
            airflow.ready()
            progress.advance(step)
            steps = Steps(airflow, env, progress)
            steps.dags("police_ingest", ["police_ingest"], night)
            unroutable = steps.cli(["--json", "ingest", "unroutable"], allow_fail=True)
            steps.dags(
                "outbound, every partner", [f"partner_outbound__{p.id}" for p in partners], night
            )
            answer = progress.add_task("partners answer (outcomes)", total=1)
            first_council = next(p for p in partners if p.kind == "council")
            replies = simulator.answer_all(
                partners,
                night,
                seed,
                bad_file_partner=first_council.id,
                with_resend=False,
                openpgp=world.openpgp,
            )
            progress.advance(answer)
            steps.dags(
                "inbound, every partner", [f"partner_inbound__{p.id}" for p in partners], night
            )
            replies.append(_resend_collected_by_hand(steps, first_council, night))
            # The night's figures, before the retention run (six years on) disposes of them.
            summaries = report.partner_summaries(world.hub_url, partners, replies)
            openpgp = openpgp_figures(world.hub_url, partners, replies)
            case_review = case_review_figures(world.hub_url)
            urgent = _urgent_in_the_day(steps, world, partners, seed)
            # The force re-extracts the night's incidents, some changed: the updates and
            # withdrawals go in the next night's feeds, before the retention run (which would
            # otherwise find the incidents it disposed of extracted again as new).
            next_night = night + timedelta(days=1)
            revised = revisions.write_revised_extract(
                world.hub_home / "landing", incidents, seed, night, next_night, partners
            )
            # The re-extract's escalations go at once, by the urgent run its ingest triggers.
            steps.dags(
                "police_ingest (re-extract, changes), escalations out",
                ["police_ingest", URGENT_DAG_ID],
                next_night,
            )
            _release_late_report(steps, late)
            as_of = night + RETENTION_SHIFT
            disposal = _retention_run(steps, night, as_of)
            _decide_reviews(steps, world.hub_url, as_of)
            follow_up = _follow_up_run(steps, as_of)
            steps.dags(
                "updates, released referral, disposal notices out",
                [f"partner_outbound__{p.id}" for p in partners],
                next_night,
            )
            acks = progress.add_task("partners answer (outcomes, disposal acks)", total=1)
            replies += simulator.answer_all(
                partners, next_night, seed, bad_file_partner=None, openpgp=world.openpgp
            )
            progress.advance(acks)
            steps.dags(
                "outcomes and acks in", [f"partner_inbound__{p.id}" for p in partners], next_night
            )
            morning = progress.add_task("the force's outcome summary, the morning after", total=1)
            settings = resolve(world.config_dir, world.hub_home, world.hub_url)
            force_summary = summarise_for_force(settings, next_night)
            progress.advance(morning)
        ledger = steps.cli(["--json", "ledger", "verify"], allow_fail=True)
        certificates = [
            _certificate(steps, world.hub_url, world.reports, run["run_id"])
            for run in (disposal, follow_up)
        ]
        with figures.store_session(world.hub_url) as session:
            for run in (disposal, follow_up):
                run["classes"] = [
                    c.model_dump() for c in figures.class_figures(session, run["run_id"])
                ]
            set_aside = figures.set_aside_figures(session)
            changes = revisions.changes_sent(session)
            decisions = figures.decision_figures(session, follow_up["run_id"])
        result = DemoResult(
            home=str(world.root),
            night=night,
            incidents=incidents,
            dag_runs=steps.runs,
            partners=report.with_notices(world.hub_url, summaries),
            unroutable=_count(unroutable, "unroutable"),
            set_aside=set_aside,
            re_extract=revised,
            changes=changes,
            disposal=disposal,
            review_decisions=decisions,
            follow_up=follow_up,
            force_summary=force_summary,
            urgent=urgent,
            openpgp=openpgp,
            case_review=case_review,
            # Looked for in the messages: the night's incidents as the extract was seeded.
            alerts=alert_figures(
                world.mailbox.received, generate_incidents(incidents, seed, night)
            ),
            ledger=ledger,
            certificates=certificates,
            certificate_html=certificates[0].html,
            report_page=str(world.reports / "index.html"),
            seconds=round(time.perf_counter() - started, 1),
        )
        report.write_page(Path(result.report_page), result)
        report.print_hub_figures(console, result)
        finished = True
        return result
    finally:
        if airflow is not None:
            airflow.close(graceful=finished)
        world.stop()
        if in_main_thread:
            signal.signal(signal.SIGTERM, previous)


def _urgent_in_the_day(steps: Steps, world: Any, partners: list[Any], seed: int) -> UrgentFigures:
    """A high-risk incident lands in the day: ingest, then the urgent run its asset triggers."""
    task = steps.progress.add_task("an urgent referral in the day", total=1)
    extract = write_daytime_extract(world.hub_home / "landing", seed, datetime.now(UTC))
    moment = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M")
    steps.dag("police_ingest", moment)
    steps.dag(URGENT_DAG_ID, moment)
    steps.progress.advance(task)
    return urgent_figures(world.hub_url, partners, extract)


def _release_late_report(steps: Steps, late: LateReport) -> None:
    """The data engineer finds the late report's referrals set aside, confirms the report time
    with the force, and releases each for the next night's batch. Anything else set aside is
    left held, for the summary to show."""
    task = steps.progress.add_task("set-aside referrals released", total=1)
    held = steps.cli(["--json", "outbound", "held"]).get("held", [])
    for item in held:
        if item["incident_ref"] == late.incident_ref:
            steps.cli(
                [
                    "--json",
                    "outbound",
                    "release",
                    item["referral_id"],
                    "--by",
                    DATA_ENGINEER,
                    "--reason",
                    RELEASE_REASON,
                ]
            )
    steps.progress.advance(task)


def _resend_collected_by_hand(
    steps: Steps, partner: PartnerConfig, night: date
) -> simulator.PartnerReply:
    """After the inbound runs, a council re-sends a file and asks for it to be taken now: the
    data engineer runs `asbhub inbound run` for it, which refuses the file (it is not CSV),
    puts a rejection report in the council's inbox and emails its ALERT line to the council's
    contact and the operators, as the inbound DAGs email theirs."""
    task = steps.progress.add_task(f"{partner.id} re-sends a file, taken by hand", total=1)
    resent = simulator.resend_unreadable(partner, night)
    # Exits 1 when the run raised an alert (a person must look): that is expected here.
    steps.cli(["--json", "inbound", "run", "--partner", partner.id], allow_fail=True)
    steps.progress.advance(task)
    return resent


def _retention_run(steps: Steps, night: date, as_of: date) -> dict[str, Any]:
    """The information manager plans and approves with the CLI; the DAG takes the run up, skips
    its approval step (approved already) and executes, verifies, certifies."""
    task = steps.progress.add_task("retention run (plan, two-stage review, DAG)", total=2)
    plan = steps.cli(
        ["--json", "retention", "plan", "--as-of", as_of.isoformat(), "--by", DATA_ENGINEER]
    )
    _review(steps, plan["run_id"])
    steps.progress.advance(task)
    steps.dag("retention_disposal", night, {"disposal_run": plan["run_id"]})
    steps.progress.advance(task)
    verified = steps.cli(["--json", "disposal", "verify", plan["run_id"]], allow_fail=True)
    return _run_summary(plan, as_of, verified)


def _review(steps: Steps, run_id: str) -> None:
    """The two review stages, in order, each by its own person."""
    for stage, by in (("information_manager", APPROVER), ("data_protection_officer", DPO)):
        steps.cli(["disposal", "approve", run_id, "--stage", stage, "--by", by])


def with_review_stages(config_dir: Path) -> None:
    """Give the demo's copy of the schedule its two review stages."""
    path = config_dir / "retention.yaml"
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(
        text
        + "\n\n# The demo's review: two stages, each by its own person.\n"
        + yaml.safe_dump({"review_stages": REVIEW_STAGES}, sort_keys=False),
        encoding="utf-8",
    )


def _decide_reviews(steps: Steps, hub_url: str, as_of: date) -> None:
    """Decide two of the records the run listed for review: keep one until a year after the
    run's date (so the next run leaves it out), dispose of one in the next run."""
    task = steps.progress.add_task("review decisions (keep one, dispose one)", total=1)
    items = steps.cli(["--json", "disposal", "review"]).get("items", [])
    with figures.store_session(hub_url) as session:
        chosen = figures.review_choices(session, items)
    reasons = {
        "keep": [KEEP_REASON, "--next-review", (as_of + timedelta(days=365)).isoformat()],
        "dispose": [DISPOSE_REASON],
    }
    for decision, item in chosen.items():
        item_id = str(item["id"])
        steps.cli(
            [
                "--json",
                "disposal",
                "decide",
                item_id,
                decision,
                "--by",
                APPROVER,
                "--reason",
                *reasons[decision],
            ]
        )
    steps.progress.advance(task)


def _follow_up_run(steps: Steps, as_of: date) -> dict[str, Any]:
    """A second run on the same date, where the decisions take effect: the record decided for
    disposal goes, the one kept is left out. Executed (and verified) with the CLI."""
    task = steps.progress.add_task("follow-up run (plan, approve, execute)", total=1)
    plan = steps.cli(
        ["--json", "retention", "plan", "--as-of", as_of.isoformat(), "--by", DATA_ENGINEER]
    )
    _review(steps, plan["run_id"])
    verified = steps.cli(["--json", "disposal", "execute", plan["run_id"]], allow_fail=True)
    steps.progress.advance(task)
    return _run_summary(plan, as_of, verified)


def _run_summary(plan: dict[str, Any], as_of: date, verified: dict[str, Any]) -> dict[str, Any]:
    return {
        "run_id": plan["run_id"],
        "as_of": as_of.isoformat(),
        "planned": plan.get("planned"),
        "for_review": plan.get("for_review"),
        "held": plan.get("held"),
        "kept_on_review": plan.get("kept_on_review"),
        "counts": plan.get("counts", {}),
        "verified": verified.get("ok"),
        "verification": verified,
    }


def _certificate(
    steps: Steps, hub_url: str, reports: Path, run_id: str
) -> figures.CertificateCheck:
    """Write the run's certificate as JSON and HTML with `disposal report` (which refuses a
    document altered since verification), then compare both with the frozen digests."""
    paths = {fmt: reports / f"certificate-{run_id}.{fmt}" for fmt in ("json", "html")}
    for fmt, path in paths.items():
        steps.cli(["disposal", "report", run_id, "--format", fmt, "--out", str(path)])
    with figures.store_session(hub_url) as session:
        return figures.certificate_check(session, run_id, paths["html"], paths["json"])


def _count(listing: dict[str, Any], key: str) -> int | None:
    """How many entries a `--json` listing holds; None when the command gave no listing."""
    entries = listing.get(key)
    return len(entries) if isinstance(entries, list) else None


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


@contextmanager
def _logging_restored() -> Iterator[None]:
    """Leave this process's root logger as a command found it, as the command's own process
    would. Airflow, imported first by a command (the alerts' mail goes through its SMTP hook),
    sets the root logger to INFO with a handler on the command's captured output, which is
    closed once the command returns: every later log line (paramiko's, the simulated partners'
    SFTP sessions) would fail to write there."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        yield
    finally:
        root.handlers = handlers
        root.setLevel(level)


def _asbhub(args: list[str], env: dict[str, str], allow_fail: bool = False) -> dict[str, Any]:
    """Run an `asbhub` command as a user types it: the same command-line app, arguments, output
    and exit code, in this process (whose environment is the demo's world already). A fresh
    interpreter for each of the demo's twenty-odd commands cost some 15 s of its run."""
    from typer.testing import CliRunner

    from asbhub.cli import app

    with _logging_restored():
        done = CliRunner().invoke(app, args, env=env, catch_exceptions=True)
    if done.exception is not None and not isinstance(done.exception, SystemExit):
        raise EnvironmentProblem(
            f"asbhub {' '.join(args)} failed: {type(done.exception).__name__}: {done.exception}"
        ) from done.exception
    if done.exit_code and not allow_fail:
        raise EnvironmentProblem(f"asbhub {' '.join(args)} failed: {done.stderr.strip()[-500:]}")
    try:
        data: dict[str, Any] = (
            json.loads(done.stdout) if done.stdout.strip().startswith("{") else {}
        )
    except json.JSONDecodeError:
        data = {}
    data.setdefault("exit_code", done.exit_code)
    return data
