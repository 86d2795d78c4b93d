"""The DAG folder parsed in-process, and, for real runs, an Airflow on a temporary SQLite
database plus a hub home with a seeded landing folder and partners on local transports."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from asbhub.seed import write_extract
from asbhub.settings import sqlite_url
from asbhub.store.engine import upgrade
from tests.dags.retries import TaskRetried
from tests.pipeline.partners_here import SAMPLE_PARTNERS, local_partner_config

REPO = Path(__file__).resolve().parents[2]
DAGS = REPO / "dags"
AIRFLOW = str(Path(sys.executable).parent / "airflow")
NIGHT = date(2026, 11, 25)
# One partner delivering to a local folder, one whose transport names a connection nobody set.
GOOD, BROKEN = "chelmsford_council", "basildon_council"
MISSING_CONNECTION = "partner_basildon_council_not_configured"


@pytest.fixture(scope="session")
def dagbag() -> Any:
    """Every DAG file in dags/ (the factory's and anyone else's), built from config/partners."""
    from airflow.dag_processing.dagbag import DagBag

    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("ASBHUB_CONFIG_DIR", raising=False)
        return DagBag(dag_folder=str(DAGS))


@pytest.fixture(scope="session")
def sample_partner_ids() -> set[str]:
    return {path.stem for path in SAMPLE_PARTNERS.glob("*.yaml")}


@dataclass
class NightHome:
    """An Airflow home and a hub home wired together through environment variables."""

    env: dict[str, str]
    airflow_db: Path
    hub_url: str
    roots: dict[str, Path]

    def dags_test(self, dag_id: str) -> subprocess.CompletedProcess[str]:
        """`airflow dags test DAG NIGHT`, as a data engineer would run it. A task that needed a
        retry to succeed is reported as a warning with the run's errors: the test still holds
        (retries are the DAGs' design), but the first try's failure is not lost."""
        done = subprocess.run(
            [AIRFLOW, "dags", "test", dag_id, NIGHT.isoformat()],
            env=self.env,
            cwd=self.env["AIRFLOW_HOME"],
            capture_output=True,
            text=True,
            timeout=420,
            check=False,
        )
        retried = self.airflow_rows(
            "SELECT task_id, try_number FROM task_instance WHERE dag_id = ? AND try_number > 1",
            dag_id,
        )
        if retried:
            errors = [
                line
                for line in (done.stdout + done.stderr).splitlines()
                if "ERROR" in line or "Error" in line or "Traceback" in line
            ]
            warnings.warn(
                f"{dag_id}: {retried} needed a retry; " + " | ".join(errors[-12:]),
                TaskRetried,
                stacklevel=2,
            )
        return done

    def airflow_rows(self, sql: str, *params: object) -> list[tuple[Any, ...]]:
        with sqlite3.connect(self.airflow_db) as conn:
            return conn.execute(sql, params).fetchall()


@pytest.fixture(scope="session")
def night_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[NightHome]:
    """`airflow db migrate` once per session; partner configs, keys and a seeded landing."""
    yield build_home(
        tmp_path_factory.mktemp("night"),
        {GOOD, BROKEN},
        transports={
            BROKEN: {
                "type": "local",
                "connection_id": MISSING_CONNECTION,
                "folders": {"inbox": "inbox", "outbox": "outbox", "processed": "processed"},
            }
        },
    )


def build_home(
    root: Path, partners: set[str], transports: dict[str, Any] | None = None
) -> NightHome:
    """An Airflow home migrated and a hub home with NIGHT's extract in its landing folder; the
    first of `partners` (sorted) covers every district of the county."""
    airflow_home, hub_home = root / "airflow", root / "hub"
    airflow_home.mkdir()
    airflow_db = airflow_home / "airflow.sqlite3"
    hub_url = sqlite_url(hub_home / "hub.sqlite3")
    with pytest.MonkeyPatch.context() as mp:
        roots = local_partner_config(
            root / "config", root / "partners", mp, only=partners, transports=transports or {}
        )
        connections = {k: v for k, v in os.environ.items() if k.startswith("AIRFLOW_CONN_")}
    covering = GOOD if GOOD in partners else sorted(partners)[0]
    cover_the_county(root / "config" / "partners" / f"{covering}.yaml", besides=partners)
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW", "ASBHUB_"))},
        **connections,
        "AIRFLOW_HOME": str(airflow_home),
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{airflow_db}",
        "AIRFLOW__CORE__DAGS_FOLDER": str(DAGS),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "ASBHUB_CONFIG_DIR": str(root / "config"),
        "ASBHUB_HOME": str(hub_home),
        "ASBHUB_DATABASE_URL": hub_url,
        "ASBHUB_LEDGER_KEY": "test-ledger-key-not-a-real-secret",
        "ASBHUB_PSEUDONYM_KEY": "test-pseudonym-key-not-a-real-secret",
        # A task that fails its first try is tried again in seconds, not the five minutes a
        # deployment waits (dags_test warns of every retry).
        "ASBHUB_RETRY_DELAY_SECONDS": "5",
        "GX_ANALYTICS_ENABLED": "false",
    }
    migrate = subprocess.run(
        [AIRFLOW, "db", "migrate"], env=env, capture_output=True, text=True, timeout=300
    )
    assert migrate.returncode == 0, migrate.stdout[-3000:] + migrate.stderr[-3000:]
    hub_home.mkdir()
    upgrade(hub_url)
    write_extract(hub_home / "landing", 120, 5, NIGHT, "csv")
    return NightHome(env=env, airflow_db=airflow_db, hub_url=hub_url, roots=roots)


def cover_the_county(partner_file: Path, besides: set[str]) -> None:
    """The seeded extract has incidents in every district of the county; with two councils
    configured, the good one's file names the other districts as aliases, so that no incident
    is unroutable (one would rightly fail police_ingest)."""
    districts = {
        district
        for path in SAMPLE_PARTNERS.glob("*.yaml")
        if path.stem not in besides
        for district in yaml.safe_load(path.read_text(encoding="utf-8"))["coverage"].get(
            "districts", []
        )
    }
    doc = yaml.safe_load(partner_file.read_text(encoding="utf-8"))
    doc["coverage"]["aliases"] = sorted(districts)
    partner_file.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="session")
def ingested(night_home: NightHome) -> subprocess.CompletedProcess[str]:
    """police_ingest run once for the session; the outbound tests start from its referrals."""
    return night_home.dags_test("police_ingest")
