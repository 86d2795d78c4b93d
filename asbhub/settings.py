"""Where the hub finds its configuration, its working folder and its store, and the one place
it reads its environment: every `ASBHUB_*` option (asbhub.options), the secrets, and the
variables Airflow itself sets (connections, the task context)."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from asbhub.private import restrict_umask

if TYPE_CHECKING:
    from asbhub.options import Options

CONFIG_DIR_ENV = "ASBHUB_CONFIG_DIR"
PARSING_CONTEXT_DAG_ID = "_AIRFLOW_PARSING_CONTEXT_DAG_ID"  # airflow.sdk get_parsing_context
HOME_ENV = "ASBHUB_HOME"


@dataclass(frozen=True)
class Settings:
    """Resolved locations for one invocation of the hub."""

    config_dir: Path
    home: Path
    database_url: str
    # The hub's areas in an object store (asbhub.storage): the connection and the key prefix.
    # Unset, they are the folders under `home`.
    areas_connection: str | None = None
    areas_prefix: str = "hub"

    @property
    def partners_dir(self) -> Path:
        return self.config_dir / "partners"

    @property
    def retention_file(self) -> Path:
        return self.config_dir / "retention.yaml"


def resolve(
    config_dir: str | Path | None = None,
    home: str | Path | None = None,
    database_url: str | None = None,
) -> Settings:
    """Explicit arguments win over environment variables, which win over defaults.

    Resolving the settings is where every entry point (CLI, DAG task, web app) starts, so the
    owner-only umask is set here, before anything is written (see asbhub.private)."""
    restrict_umask()
    given = options()
    cfg = Path(config_dir or given.config_dir or "config")
    home_path = Path(home or given.home or "var")
    url = database_url or given.database_url or sqlite_url(home_path / "hub.sqlite3")
    return Settings(
        config_dir=cfg,
        home=home_path,
        database_url=url,
        areas_connection=given.areas_connection,
        areas_prefix=given.areas_prefix,
    )


def options(environ: Mapping[str, str] | None = None) -> Options:
    """Every ASBHUB_* option, typed and checked, from the process environment (or `environ`).
    Read at each call, so a setting changed between two runs of one process is seen."""
    from asbhub.options import Options  # pydantic: not loaded for `asbhub --help`

    return Options.from_environ(environment() if environ is None else environ)


def environment() -> Mapping[str, str]:
    """The process environment, for what Airflow itself defines there: AIRFLOW_CONN_<ID>
    connections outside Airflow, AIRFLOW_VAR_<NAME> variables, the task context."""
    return os.environ


def export(values: Mapping[str, str]) -> None:
    """Set variables in this process's environment, for the steps it runs next (the demo points
    the hub and the peers' connections at its own world this way)."""
    os.environ.update(values)


@contextmanager
def parsing_context(dag_id: str) -> Iterator[None]:
    """Airflow's DAG parsing context naming one DAG, as Airflow sets it on a worker for a task,
    for as long as the block runs (the demo's `dag.test()` runs): a DAG file that honours it
    builds only that DAG."""
    previous = os.environ.get(PARSING_CONTEXT_DAG_ID)
    os.environ[PARSING_CONTEXT_DAG_ID] = dag_id
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(PARSING_CONTEXT_DAG_ID, None)
        else:
            os.environ[PARSING_CONTEXT_DAG_ID] = previous


def in_airflow_task(environ: Mapping[str, str] | None = None) -> bool:
    """True inside a running Airflow task (Airflow sets the task context variables)."""
    return bool((environment() if environ is None else environ).get("AIRFLOW_CTX_DAG_ID"))


def secret(field: str, environ: Mapping[str, str] | None = None) -> str | None:
    """A secret option, one way for every secret: its ASBHUB_* variable, else the Airflow
    Variable `asbhub_<field>` (exported as AIRFLOW_VAR_ASBHUB_<FIELD>, or read through the Task
    SDK, and so from any secrets backend Airflow is configured with, inside a task)."""
    env = environment() if environ is None else environ
    value = getattr(options(env), field)
    if value is not None:
        return str(value.get_secret_value())
    return variable(airflow_variable_name(field), env)


def variable(name: str, environ: Mapping[str, str] | None = None) -> str | None:
    """An Airflow Variable by its own name (AIRFLOW_VAR_<NAME>, else through the Task SDK, and
    so from any secrets backend, inside a task): e.g. a partner's OpenPGP key."""
    env = environment() if environ is None else environ
    exported = env.get(f"AIRFLOW_VAR_{name.upper()}")
    if exported:
        return exported
    return _airflow_variable(name) if in_airflow_task(env) else None


def airflow_variable_name(field: str) -> str:
    """The Airflow Variable that may hold a secret option, e.g. `asbhub_ledger_key`."""
    return f"asbhub_{field}"


def _airflow_variable(name: str) -> str | None:
    try:
        from airflow.sdk import Variable

        value = Variable.get(name, default=None)
    except Exception:  # no Airflow here, or no API server to ask: the secret is not set
        return None
    return str(value) if value else None


def worker_hostname() -> str:
    """The host name Airflow records for a task ([core] hostname_callable): ASBHUB_WORKER_NAME
    when set, so that two Celery workers on one machine are told apart in the grid, else the
    machine's own name as Airflow would give it."""
    import socket

    return options().worker_name or socket.getfqdn()


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.resolve()}"
