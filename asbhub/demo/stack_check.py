"""`make stack-check`: the production topology of docker-compose.yml, started natively on this
machine and driven as an operator would drive it.

    python -m asbhub.demo.stack_check [--env-file deploy/stack.env.example] [--incidents N]

What it starts, as the compose stack does: Airflow's API server, scheduler, DAG processor and
triggerer, and two Celery workers (distinct --celery-hostname) on PostgreSQL (127.0.0.1:5432,
two databases of its own: Airflow's metadata and the hub's store) and Redis (127.0.0.1:6379, a
queue of its own), with the partners on their stand-ins (OpenSSH's sshd for the councils, moto's
S3 server for the housing providers). Every Airflow setting and secret comes from the stack's
one environment file: a copy of deploy/stack.env.example is used as is, with each `change-me`
placeholder given a fresh value for this run only (named, never printed); the few settings
docker-compose.yml fixes (where PostgreSQL, Redis and the API server are) are given here as the
machine has them.

What it does: migrates both databases, creates the admin user, writes a night's extract into
the landing area, then through Airflow's REST API, signed in as that admin: runs police_ingest,
every partner's outbound DAG, lets the stand-in partners answer, runs every inbound DAG, then
runs retention_disposal six years on and gives its approval through the human-in-the-loop
endpoint. It checks the audit view answers on the API server to the same login, counts every
task instance and which worker ran it, stops everything it started (and drops its databases
and queue), and ends with one line:

    stack: workers=W tasks=T on_distinct_workers=D failed=F dag_runs=R

The hub's areas (landing, staging, archive, quarantine, reports) are in a bucket of the
S3 stand-in, as the env file's ASBHUB_AREAS_CONNECTION puts them on MinIO in the compose stack;
each worker has a home of its own that shares nothing with the other's, and after the run each
must hold no file (a task's scratch folder goes with it).

Its exit status is 0 only when every DAG run succeeded, no task failed, both workers ran tasks,
no worker kept a file and the audit view answered. What is not yet like production: PostgreSQL
and Redis are the machine's own, reached without the stack's database and broker passwords; and
the partners are the sample partner files pointed at the stand-ins, so an env file's own
AIRFLOW_CONN_ entries for real partners (and for the areas' bucket) are not used.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from asbhub.demo import simulator
from asbhub.demo.extract import write_night_extract
from asbhub.demo.peers import free_port
from asbhub.demo.run import RETENTION_SHIFT
from asbhub.demo.world import DemoWorld, start_world, subprocess_env
from asbhub.errors import EnvironmentProblem
from asbhub.partners import PartnerConfig, load_partners
from asbhub.private import restrict_umask
from asbhub.settings import export
from asbhub.storage import ObjectStoreBackend

REPO = Path(__file__).resolve().parents[2]
ENV_FILE = REPO / "deploy" / "stack.env.example"
STACK_HOME = REPO / "var" / "stack"
PLACEHOLDER = "change-me"
POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432"
REDIS = "redis://127.0.0.1:6379/0"
AREAS_PREFIX = "hub"  # ASBHUB_AREAS_PREFIX's default
FAB_AUTH_MANAGER = "airflow.providers.fab.auth_manager.fab_auth_manager.FabAuthManager"
WORKERS = ("stack-worker-1", "stack-worker-2")
APPROVE = "Approve"
FINISHED = {"success", "failed"}


class StackCheckFailed(EnvironmentProblem):
    """The stack could not be started or driven; the message says which step and its log."""


# --- the environment file --------------------------------------------------------------------


def read_env_file(path: Path) -> dict[str, str]:
    """`KEY=VALUE` lines, as Docker Compose reads an env file: comments and blank lines skipped,
    no quotes, no interpolation. A line of another shape is refused with its number (never its
    text: it may hold a secret)."""
    values: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        name, equals, value = stripped.partition("=")
        if not equals or not name.isidentifier() or name != name.strip():
            raise StackCheckFailed(f"{path} line {number} is not KEY=VALUE")
        values[name] = value
    return values


def fresh_secret(name: str) -> str:
    """A value of the kind each placeholder asks for (see the example file's comments)."""
    if name == "AIRFLOW__CORE__FERNET_KEY":
        from cryptography.fernet import Fernet

        return Fernet.generate_key().decode()
    if name == "MINIO_KMS_SECRET_KEY":
        return "standin:" + base64.b64encode(secrets.token_bytes(32)).decode()
    return secrets.token_hex(32)


def fill_placeholders(values: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """The file's values with every `change-me...` one replaced for this run; the names
    replaced."""
    filled = dict(values)
    replaced = sorted(name for name, value in values.items() if value.startswith(PLACEHOLDER))
    for name in replaced:
        filled[name] = fresh_secret(name)
    return filled, replaced


# --- PostgreSQL and Redis ----------------------------------------------------------------------


def _admin_connection() -> Any:
    import psycopg

    try:
        return psycopg.connect(
            "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True, connect_timeout=10
        )
    except psycopg.OperationalError as exc:
        raise StackCheckFailed(f"PostgreSQL on 127.0.0.1:5432 is not reachable: {exc}") from exc


@contextmanager
def databases(*names: str) -> Iterator[dict[str, str]]:
    """Fresh databases of these names (SQLAlchemy URLs by name), dropped on the way out."""
    from psycopg import sql

    with _admin_connection() as conn:
        for name in names:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield {name: f"{POSTGRES}/{name}" for name in names}
    finally:
        with _admin_connection() as conn:
            for name in names:
                conn.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
                )


def drop_queue(broker_url: str, queue: str) -> None:
    """Delete the run's Celery queue and its bindings from Redis (nothing else is touched)."""
    import redis

    client = redis.Redis.from_url(broker_url)
    try:
        keys = [queue, *client.scan_iter(match=f"*{queue}*")]
        client.delete(*keys)
    except redis.RedisError:
        pass  # best effort: an unused queue name is harmless
    finally:
        client.close()


# --- processes -----------------------------------------------------------------------------------


@dataclass
class Component:
    """One long-running Airflow process, in its own process group, logging to a file."""

    name: str
    args: list[str]
    env: dict[str, str]
    log: Path
    process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                self.args,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )

    def exited(self) -> int | None:
        return None if self.process is None else self.process.poll()

    def stop(self, timeout: float = 30) -> None:
        """SIGTERM to the whole group (a worker's forked task processes too), then SIGKILL."""
        if self.process is None:
            return
        for sig, wait in ((signal.SIGTERM, timeout), (signal.SIGKILL, 10)):
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                break
            try:
                self.process.wait(wait)
                break
            except subprocess.TimeoutExpired:
                continue
        # The group may outlive its leader (a task process still finishing): kill what is left.
        with suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)


def airflow_command(env: Mapping[str, str], log: Path, *args: str) -> None:
    run_command("airflow", env, log, *args)


def hub_command(env: Mapping[str, str], log: Path, *args: str) -> None:
    run_command("asbhub", env, log, *args)


def run_command(program: str, env: Mapping[str, str], log: Path, *args: str) -> None:
    """One of the venv's commands to its end, its output appended to `log`."""
    path = Path(sys.executable).with_name(program)
    with log.open("ab") as out:
        done = subprocess.run(
            [str(path), *args], env=dict(env), stdout=out, stderr=subprocess.STDOUT, check=False
        )
    if done.returncode:
        # Two words of the command at most: `users create` carries the admin's password.
        raise StackCheckFailed(f"`{program} {' '.join(args[:2])}` failed; see {log}")


# --- the stack -------------------------------------------------------------------------------


@dataclass
class Stack:
    """Where the stack's pieces are and the environment every Airflow process gets."""

    root: Path
    env: dict[str, str]
    api_url: str
    queue: str
    broker_url: str
    admin: tuple[str, str]
    components: list[Component] = field(default_factory=list)

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    def component(self, name: str, *args: str, extra: Mapping[str, str] | None = None) -> None:
        airflow = str(Path(sys.executable).with_name("airflow"))
        item = Component(
            name=name,
            args=[airflow, *args],
            env={**self.env, **(extra or {})},
            log=self.logs / f"{name}.log",
        )
        item.start()
        self.components.append(item)

    def stop(self) -> None:
        # Workers first (their tasks report to the API server), the API server last.
        for item in reversed(self.components):
            item.stop()

    def check_alive(self) -> None:
        for item in self.components:
            code = item.exited()
            if code is not None:
                raise StackCheckFailed(f"{item.name} exited with {code}; see {item.log}")


def stack_environment(
    file_values: Mapping[str, str],
    world: DemoWorld,
    *,
    airflow_db: str,
    hub_db: str,
    broker_url: str,
    queue: str,
    api_port: int,
) -> dict[str, str]:
    """The environment of every Airflow process: the env file whole (as Compose's env_file
    gives it), what docker-compose.yml's x-airflow environment sets, with this machine's
    addresses, and the stand-in partners' connections."""
    bin_dir = str(Path(sys.executable).parent)
    base = subprocess_env(world)
    api = f"http://127.0.0.1:{api_port}"
    return {
        **base,
        **file_values,
        "PATH": os.pathsep.join(p for p in (bin_dir, base.get("PATH", "")) if p),
        "AIRFLOW_HOME": str(world.airflow_home),
        # As docker-compose.yml's x-airflow environment.
        "AIRFLOW__CORE__EXECUTOR": "CeleryExecutor",
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__DEFAULT_TIMEZONE": "Europe/London",
        "AIRFLOW__CORE__AUTH_MANAGER": FAB_AUTH_MANAGER,
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": airflow_db,
        # Airflow would make an asyncpg URL of it; psycopg 3 serves async use itself.
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN_ASYNC": airflow_db,
        "AIRFLOW__CELERY__RESULT_BACKEND": "db+" + airflow_db,
        "AIRFLOW__CELERY__BROKER_URL": broker_url,
        "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"{api}/execution/",
        "ASBHUB_DATABASE_URL": hub_db,
        "GX_ANALYTICS_ENABLED": "false",
        # This machine's: one queue of the run's own on the shared Redis, the API server on a
        # free loopback port, task hosts named after the Celery worker that ran them.
        "AIRFLOW__OPERATORS__DEFAULT_QUEUE": queue,
        "AIRFLOW__CELERY__DEFAULT_QUEUE": queue,
        "AIRFLOW__API__HOST": "127.0.0.1",
        "AIRFLOW__API__PORT": str(api_port),
        "AIRFLOW__API__BASE_URL": api,
        "AIRFLOW__CORE__HOSTNAME_CALLABLE": "asbhub.settings.worker_hostname",
        "AIRFLOW__CORE__DAGS_FOLDER": str(REPO / "dags"),
        "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "10",
        # Every run is one the check triggers: the scheduler makes none of its own from the
        # DAGs' times (unpausing a DAG would otherwise start a run for its latest tick, which
        # would take a retention run's one active slot and wait there for an approval).
        "AIRFLOW__SCHEDULER__USE_JOB_SCHEDULE": "False",
        "AIRFLOW__LOGGING__TRIGGER_LOG_SERVER_PORT": str(free_port()),
        "AIRFLOW__LOGGING__FILE_TASK_HANDLER_NEW_FILE_PERMISSIONS": "0o600",
        "AIRFLOW__LOGGING__FILE_TASK_HANDLER_NEW_FOLDER_PERMISSIONS": "0o700",
        # A failed try is retried after seconds: nobody waits on a check.
        "ASBHUB_RETRY_DELAY_SECONDS": "5",
    }


# --- the REST API --------------------------------------------------------------------------------


class Api:
    """Airflow's REST API (v2), signed in with the FAB auth manager's token endpoint."""

    def __init__(self, url: str, username: str, password: str, stack: Stack) -> None:
        import httpx

        self.url = url
        self.stack = stack
        self.http = httpx.Client(base_url=url, timeout=60)
        self.username = username
        self.password = password
        self.token = ""

    def wait_until_up(self, timeout: float) -> None:
        import httpx

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.stack.check_alive()
            try:
                if self.http.get("/api/v2/monitor/health").status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(1)
        raise StackCheckFailed(f"the API server did not answer in {timeout:.0f} s; see its log")

    def sign_in(self) -> None:
        response = self.http.post(
            "/auth/token", json={"username": self.username, "password": self.password}
        )
        if response.status_code not in (200, 201):
            raise StackCheckFailed(f"signing in as {self.username} failed: {response.status_code}")
        self.token = str(response.json()["access_token"])
        self.http.headers["Authorization"] = f"Bearer {self.token}"

    def call(self, method: str, path: str, **kwargs: Any) -> Any:
        response = self.http.request(method, path, **kwargs)
        if response.status_code >= 400:
            raise StackCheckFailed(f"{method} {path}: {response.status_code} {response.text[:300]}")
        return response.json() if response.content else None

    def dag_ids(self) -> set[str]:
        found = self.call("GET", "/api/v2/dags", params={"limit": 500})
        return {d["dag_id"] for d in found["dags"]}

    def trigger(self, dag_id: str, logical: datetime, conf: dict[str, Any] | None = None) -> str:
        self.call("PATCH", f"/api/v2/dags/{dag_id}", json={"is_paused": False})
        run = self.call(
            "POST",
            f"/api/v2/dags/{dag_id}/dagRuns",
            json={"logical_date": logical.isoformat(), "conf": conf or {}},
        )
        return str(run["dag_run_id"])

    def run_state(self, dag_id: str, run_id: str) -> str:
        return str(self.call("GET", f"/api/v2/dags/{dag_id}/dagRuns/{run_id}")["state"])

    def task_instances(self, dag_id: str, run_id: str) -> list[dict[str, Any]]:
        found = self.call(
            "GET", f"/api/v2/dags/{dag_id}/dagRuns/{run_id}/taskInstances", params={"limit": 100}
        )
        return list(found["task_instances"])


def wait_for(
    what: str, done: Callable[[], bool], stack: Stack, timeout: float, every: float = 2
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        stack.check_alive()
        if done():
            return
        time.sleep(every)
    raise StackCheckFailed(f"timed out after {timeout:.0f} s waiting for {what}")


# --- the result --------------------------------------------------------------------------------


class TaskFigure(BaseModel):
    dag_id: str
    run_id: str
    task_id: str
    state: str | None
    hostname: str | None
    try_number: int


class StackResult(BaseModel):
    workers: int
    databases: list[str]  # made for the run and dropped after it
    queue: str  # the run's Celery queue, deleted after it
    dag_runs: dict[str, str]  # "dag_id/run_id": final state
    tasks: list[TaskFigure]
    audit_view: int  # the status the audit view answered with, signed in through Airflow
    certificate: str | None = None
    areas: str = ""  # where the hub's areas were
    left_on_workers: list[str] = []  # files a worker's own home still held after the run
    seconds: float = 0

    @property
    def ran_on(self) -> set[str]:
        return {t.hostname for t in self.tasks if t.hostname and t.state in FINISHED}

    @property
    def failed(self) -> int:
        return sum(1 for t in self.tasks if t.state in ("failed", "upstream_failed"))

    @property
    def ok(self) -> bool:
        return (
            self.failed == 0
            and all(state == "success" for state in self.dag_runs.values())
            and len(self.ran_on) >= min(self.workers, 2)
            and self.audit_view == 200
            and not self.left_on_workers
        )

    def line(self) -> str:
        executed = sum(1 for t in self.tasks if t.state in FINISHED)
        return (
            f"stack: workers={self.workers} tasks={executed} "
            f"on_distinct_workers={len(self.ran_on)} failed={self.failed} "
            f"dag_runs={len(self.dag_runs)}"
        )


# --- the check -----------------------------------------------------------------------------------


def run_stack_check(
    root: Path,
    env_file: Path,
    incidents: int,
    seed: int,
    say: Callable[[str], None],
    only: set[str] | None = None,
) -> StackResult:
    """The whole check; `only` limits the partner DAGs run to those partners (every partner
    file is still loaded, so routing is as in production)."""
    started = time.perf_counter()
    restrict_umask()  # the stack's home holds (synthetic) personal data and task logs
    file_values, replaced = fill_placeholders(read_env_file(env_file))
    if replaced:
        say(f"{env_file.name}: fresh values for this run: {', '.join(replaced)}")
    suffix = secrets.token_hex(4)
    queue = f"asbhub_stack_{suffix}"
    with ExitStack() as cleanup:
        world = start_world(root, REPO / "config")
        cleanup.callback(world.stop)
        dbs = cleanup.enter_context(databases(f"stack_airflow_{suffix}", f"stack_hub_{suffix}"))
        cleanup.callback(drop_queue, REDIS, queue)
        api_port = free_port()
        env = stack_environment(
            file_values,
            world,
            airflow_db=dbs[f"stack_airflow_{suffix}"],
            hub_db=dbs[f"stack_hub_{suffix}"],
            broker_url=REDIS,
            queue=queue,
            api_port=api_port,
        )
        env.update(areas_in_bucket(world, file_values, f"hub-areas-{suffix}"))
        export({k: v for k, v in env.items() if k.startswith(("ASBHUB_", "AIRFLOW_CONN_"))})
        admin = (file_values["STACK_ADMIN_USERNAME"], file_values["STACK_ADMIN_PASSWORD"])
        stack = Stack(
            root=world.root,
            env=env,
            api_url=f"http://127.0.0.1:{api_port}",
            queue=queue,
            broker_url=REDIS,
            admin=admin,
        )
        stack.logs.mkdir()
        cleanup.callback(stack.stop)
        init_log = stack.logs / "init.log"
        say("init: migrating Airflow's database and the hub's store, creating the admin user")
        airflow_command(env, init_log, "db", "migrate")
        hub_command(env, init_log, "db", "upgrade")
        airflow_command(
            env,
            init_log,
            "users",
            "create",
            "--role",
            "Admin",
            "--username",
            admin[0],
            "--email",
            file_values.get("STACK_ADMIN_EMAIL", "admin@example.org"),
            "--firstname",
            "Stack",
            "--lastname",
            "Admin",
            "--password",
            admin[1],
        )
        night = date.today()
        areas = ObjectStoreBackend.from_connection(env["ASBHUB_AREAS_CONNECTION"], AREAS_PREFIX)
        cleanup.callback(areas.close)
        landing = world.root / "extract"
        write_night_extract(landing, incidents, seed, night)
        for extract in sorted(landing.iterdir()):  # into the landing area, in the bucket
            areas.upload(f"landing/{extract.name}", extract)
            extract.unlink()
        say("starting the API server, scheduler, DAG processor, triggerer and two Celery workers")
        stack.component("api-server", "api-server", "--port", str(api_port))
        stack.component("scheduler", "scheduler")
        stack.component("dag-processor", "dag-processor")
        stack.component("triggerer", "triggerer")
        for name in WORKERS:
            stack.component(
                name,
                "celery",
                "worker",
                "--celery-hostname",
                f"{name}@%h",
                "--queues",
                queue,
                "--concurrency",
                "2",
                extra={
                    "ASBHUB_WORKER_NAME": name,
                    # A home of the worker's own: it shares nothing with the other worker.
                    "ASBHUB_HOME": str(world.root / "workers" / name),
                    "AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT": str(free_port()),
                },
            )
        api = Api(stack.api_url, admin[0], admin[1], stack)
        api.wait_until_up(timeout=240)
        api.sign_in()
        partners = load_partners(world.config_dir / "partners")
        unknown = sorted((only or set()) - {p.id for p in partners})
        if unknown:
            raise StackCheckFailed(f"no partner file for {', '.join(unknown)}")
        chosen = [p for p in partners if only is None or p.id in only]
        result = drive(api, stack, world, chosen, night, seed, say, areas)
        result.databases, result.queue = sorted(dbs), queue
        result.areas = areas.where
        result.left_on_workers = left_on_workers(world.root / "workers")
        result.seconds = round(time.perf_counter() - started, 1)
        return result
    raise AssertionError("unreachable")  # pragma: no cover (ExitStack re-raises)


def drive(
    api: Api,
    stack: Stack,
    world: DemoWorld,
    partners: list[PartnerConfig],
    night: date,
    seed: int,
    say: Callable[[str], None],
    areas: ObjectStoreBackend,
) -> StackResult:
    """The night and the retention run, through the REST API only."""
    outbound = [f"partner_outbound__{p.id}" for p in partners]
    inbound = [f"partner_inbound__{p.id}" for p in partners]
    expected = {"police_ingest", "retention_disposal", *outbound, *inbound}
    wait_for(
        "the DAG processor to parse every DAG",
        lambda: expected <= api.dag_ids(),
        stack,
        timeout=300,
        every=3,
    )
    runs: dict[str, str] = {}
    logical = datetime.combine(night, datetime.min.time()).astimezone()

    def run_all(label: str, dag_ids: list[str], conf: dict[str, Any] | None = None) -> None:
        say(f"{label}: {len(dag_ids)} DAG run(s)")
        started = {dag_id: api.trigger(dag_id, logical, conf) for dag_id in dag_ids}
        for dag_id, run_id in started.items():
            runs[f"{dag_id}/{run_id}"] = "queued"
        wait_for(
            label,
            lambda: all(api.run_state(d, r) in FINISHED for d, r in started.items()),
            stack,
            timeout=900,
        )
        for dag_id, run_id in started.items():
            runs[f"{dag_id}/{run_id}"] = api.run_state(dag_id, run_id)

    run_all("police_ingest", ["police_ingest"])
    run_all("outbound", outbound)
    simulator.answer_all(partners, night, seed, bad_file_partner=None, openpgp=world.openpgp)
    run_all("inbound", inbound)
    certificate = retention(api, stack, night + RETENTION_SHIFT, logical, runs, say, areas)
    audit = audit_view(api)
    tasks = [
        TaskFigure(
            dag_id=key.split("/", 1)[0],
            run_id=key.split("/", 1)[1],
            task_id=str(ti["task_id"]),
            state=ti.get("state"),
            hostname=ti.get("hostname") or None,
            try_number=int(ti.get("try_number") or 0),
        )
        for key in runs
        for ti in api.task_instances(*key.split("/", 1))
    ]
    return StackResult(
        workers=len(WORKERS),
        databases=[],
        queue="",
        dag_runs=runs,
        tasks=tasks,
        audit_view=audit,
        certificate=certificate,
    )


def retention(
    api: Api,
    stack: Stack,
    as_of: date,
    logical: datetime,
    runs: dict[str, str],
    say: Callable[[str], None],
    areas: ObjectStoreBackend,
) -> str | None:
    """retention_disposal as of `as_of`, approved through the HITL endpoint as the admin."""
    dag_id = "retention_disposal"
    say(f"{dag_id}: planned as of {as_of}, approval through the REST API")
    run_id = api.trigger(dag_id, logical, {"as_of": as_of.isoformat()})
    # The sample schedule names no review stages: the information manager's step alone.
    step = "approval_information_manager"
    path = f"/api/v2/dags/{dag_id}/dagRuns/{run_id}/taskInstances/{step}/-1/hitlDetails"

    def waiting_for_approval() -> bool:
        states = {t["task_id"]: t.get("state") for t in api.task_instances(dag_id, run_id)}
        if states.get("plan") == "failed" or api.run_state(dag_id, run_id) in FINISHED:
            return True
        return states.get(step) in ("deferred", "awaiting_input")

    wait_for("the approval step", waiting_for_approval, stack, timeout=600)
    if api.run_state(dag_id, run_id) not in FINISHED:
        api.call("PATCH", path, json={"chosen_options": [APPROVE], "params_input": {"reason": ""}})
    wait_for(
        f"{dag_id} to finish",
        lambda: api.run_state(dag_id, run_id) in FINISHED,
        stack,
        timeout=900,
    )
    runs[f"{dag_id}/{run_id}"] = api.run_state(dag_id, run_id)
    found = [key for key in areas.keys("reports") if key.endswith(".html")]
    return f"{areas.where}: {found[-1]}" if found else None


def areas_in_bucket(
    world: DemoWorld, file_values: Mapping[str, str], bucket: str
) -> dict[str, str]:
    """The hub's areas in a bucket of its own on the S3 stand-in: the connection the env file
    names (ASBHUB_AREAS_CONNECTION), pointed at the stand-in as the partners' connections are."""
    connection = file_values.get("ASBHUB_AREAS_CONNECTION") or "hub_areas"
    world.s3.make_bucket(bucket)
    value = json.dumps(world.s3.connection(bucket))
    return {
        "ASBHUB_AREAS_CONNECTION": connection,
        f"AIRFLOW_CONN_{connection.upper()}": value,
    }


def left_on_workers(root: Path) -> list[str]:
    """Every file under the workers' own homes: none should be left after their tasks."""
    if not root.is_dir():
        return []
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def audit_view(api: Api) -> int:
    """The audit plugin on the API server, reached with the token Airflow's login gave (as the
    browser's `_token` cookie)."""
    import httpx

    response = httpx.get(
        f"{api.url}/asbhub/", cookies={"_token": api.token}, timeout=60, follow_redirects=False
    )
    return response.status_code


def _stop_on_signal(signum: int, _frame: object) -> None:
    raise StackCheckFailed(f"stopped by signal {signum}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="stack-check", description=__doc__.split("\n\n")[0])
    parser.add_argument("--env-file", type=Path, default=ENV_FILE)
    parser.add_argument("--home", type=Path, default=STACK_HOME)
    parser.add_argument("--incidents", type=int, default=120)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated partner ids: run only their DAGs (a quicker check)",
    )
    args = parser.parse_args(argv)
    only = {p.strip() for p in args.only.split(",") if p.strip()} or None

    def say(message: str) -> None:
        print(f"stack-check: {message}", flush=True)

    # Stopped from outside (a test's timeout, CI): stop the stack on the way out all the same.
    signal.signal(signal.SIGTERM, _stop_on_signal)

    try:
        result = run_stack_check(args.home, args.env_file, args.incidents, args.seed, say, only)
    except EnvironmentProblem as exc:
        say(f"failed: {exc}")
        print("stack: workers=0 tasks=0 on_distinct_workers=0 failed=1 dag_runs=0", flush=True)
        return 1
    (args.home / "stack-result.json").write_text(result.model_dump_json(indent=2), "utf-8")
    for key, state in result.dag_runs.items():
        if state != "success":
            say(f"DAG run {key}: {state}")
    for t in result.tasks:
        if t.state in ("failed", "upstream_failed"):
            say(f"task {t.dag_id}.{t.task_id} ({t.run_id}): {t.state} on {t.hostname}")
    per_worker = {
        host: sum(1 for t in result.tasks if t.hostname == host) for host in sorted(result.ran_on)
    }
    say(f"tasks per worker: {json.dumps(per_worker)}; audit view answered {result.audit_view}")
    for path in result.left_on_workers:
        say(f"left on a worker after its task: {path}")
    say(
        f"areas: {result.areas}; nothing left on the workers' own homes"
        if not result.left_on_workers
        else f"areas: {result.areas}"
    )
    say(f"certificate: {result.certificate}; {result.seconds:.0f} s; logs in {args.home / 'logs'}")
    print(result.line(), flush=True)
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
