"""`make airflow` after `make demo`: Airflow opens over the demo's world, and a newcomer who signs
in through Airflow's login finds the night's DAG run and the disposal run and certificate.

The world is built as the demo leaves it (var/demo with its marker, config, secrets.env, hub
store and Airflow metadata database) without running the demo: the hub store gets one disposal
run through the CLI, Airflow's database one DAG run. Airflow's API server (which standalone
starts, with the plugin) runs alone on a free loopback port, in the environment `make airflow`
builds with asbhub.demo.look_around.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from asbhub.demo.look_around import (
    ADMIN,
    LookAround,
    admin_password,
    describe,
    look_around,
    prepare,
    read_secrets,
)
from asbhub.demo.world import MARKER
from asbhub.errors import EnvironmentProblem
from tests.servers import free_port

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
# Synthetic keys, the shape the demo writes to secrets.env.
SECRETS = {
    "ASBHUB_LEDGER_KEY": "synthetic-ledger-key-for-the-look-around-test",
    "ASBHUB_PSEUDONYM_KEY": "synthetic-pseudonym-key-for-the-look-around-test",
}
NIGHT = "2026-11-25T03:00:00+00:00"
AS_OF = "2033-01-01"
APPROVER = "Synthetic Information Manager"
PLANNER = "Synthetic Data Engineer"  # the planner may not approve the run
DAG_ID = "police_ingest"


def clean_environ() -> dict[str, str]:
    """This process's environment without the developer's own Airflow or hub settings."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW", "ASBHUB_"))}


def demo_folder(root: Path) -> Path:
    """var/demo as `make demo` leaves it before the store and Airflow are filled in."""
    demo = root / "var" / "demo"
    demo.mkdir(parents=True)
    (demo / MARKER).write_text("made by the look-around test\n")
    shutil.copytree(ROOT / "config", demo / "config")
    (demo / "secrets.env").write_text("".join(f"{k}={v}\n" for k, v in SECRETS.items()))
    return demo


# -- the environment, without starting anything -------------------------------------------------


def test_with_a_demo_airflow_and_the_hub_point_at_its_world(tmp_path: Path) -> None:
    demo = demo_folder(tmp_path).resolve()
    look = look_around(tmp_path, {**clean_environ(), "ASBHUB_DATABASE_URL": "sqlite:///x.db"})
    assert look.demo
    assert look.env["AIRFLOW_HOME"] == str(demo / "airflow")
    assert look.env["ASBHUB_CONFIG_DIR"] == str(demo / "config")
    assert look.env["ASBHUB_HOME"] == str(demo / "hub")
    assert look.env["ASBHUB_DATABASE_URL"] == f"sqlite:///{demo / 'hub' / 'hub.sqlite3'}"
    assert {k: look.env[k] for k in SECRETS} == SECRETS
    assert look.env["PATH"].split(os.pathsep)[0] == str(BIN)
    assert (BIN / "airflow").exists(), "standalone starts `airflow ...` from the PATH"
    assert look.env["AIRFLOW__API__HOST"] == "127.0.0.1", "not every interface by default"


def test_without_a_demo_it_opens_over_config_and_var(tmp_path: Path) -> None:
    look = look_around(tmp_path, {"PATH": "/usr/bin", "AIRFLOW__API__HOST": "localhost"})
    assert not look.demo
    assert look.env["AIRFLOW_HOME"] == str(tmp_path.resolve() / "var" / "airflow")
    assert look.env["ASBHUB_CONFIG_DIR"] == str(tmp_path.resolve() / "config")
    assert look.env["ASBHUB_HOME"] == str(tmp_path.resolve() / "var")
    assert look.env["PATH"] == f"{BIN}{os.pathsep}/usr/bin"
    assert "ASBHUB_LEDGER_KEY" not in look.env
    assert look.env["AIRFLOW__API__HOST"] == "localhost", "a host the user chose is kept"


def test_a_folder_the_demo_did_not_make_or_did_not_finish_is_refused(tmp_path: Path) -> None:
    demo = tmp_path / "var" / "demo"
    demo.mkdir(parents=True)
    with pytest.raises(EnvironmentProblem, match="not made by `make demo`"):
        look_around(tmp_path, {})
    (demo / MARKER).write_text("made by the look-around test\n")
    with pytest.raises(EnvironmentProblem, match=r"secrets\.env is missing"):
        look_around(tmp_path, {})


def test_a_malformed_secrets_line_is_refused_without_echoing_it(tmp_path: Path) -> None:
    path = tmp_path / "secrets.env"
    path.write_text("ASBHUB_LEDGER_KEY=fine\nsynthetic-key-without-a-name\n")
    with pytest.raises(EnvironmentProblem, match="line 2 is not NAME=value") as caught:
        read_secrets(path)
    assert "synthetic-key-without-a-name" not in str(caught.value)


def test_what_it_prints_names_the_secrets_but_never_their_values(tmp_path: Path) -> None:
    demo_folder(tmp_path)
    look = look_around(tmp_path, clean_environ())
    look.airflow_home.mkdir()
    before = describe(look)
    assert "Airflow prints the password" in before
    assert "ASBHUB_LEDGER_KEY" in before and "stopped with the demo" in before
    (look.airflow_home / "simple_auth_manager_passwords.json.generated").write_text(
        json.dumps({ADMIN: "synthetic-admin-password"})
    )
    after = describe(look)
    assert "synthetic-admin-password" in after
    assert not any(value in text for value in SECRETS.values() for text in (before, after))


# -- Airflow over the world: sign in, find the runs -------------------------------------------


def run(command: list[str], env: Mapping[str, str], log: Path) -> str:
    """One command of the venv in the world's environment; its output kept in `log`."""
    done = subprocess.run(
        [str(BIN / command[0]), *command[1:]],
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    with log.open("a", encoding="utf-8") as out:
        out.write(f"$ {' '.join(command)}\n{done.stdout}\n{done.stderr}\n")
    assert done.returncode == 0, f"{' '.join(command)} failed; see {log}"
    return done.stdout


def disposal_run(env: Mapping[str, str], log: Path) -> str:
    """Plan, approve and execute a run with the CLI, as the information manager does in the
    demo; executing verifies it and freezes its certificate."""
    plan = json.loads(
        run(["asbhub", "--json", "retention", "plan", "--as-of", AS_OF, "--by", PLANNER], env, log)
    )
    run(["asbhub", "disposal", "approve", plan["run_id"], "--by", APPROVER], env, log)
    verified = json.loads(
        run(["asbhub", "--json", "disposal", "execute", plan["run_id"]], env, log)
    )
    assert verified["ok"] is True
    return str(plan["run_id"])


def dag_run(env: Mapping[str, str], log: Path) -> None:
    """Airflow's metadata database as the demo leaves it: migrated, the DAGs known, a run of
    the night (queued here; the demo's ran)."""
    run(["airflow", "db", "migrate"], env, log)
    run(["airflow", "dags", "reserialize"], env, log)
    run(["airflow", "dags", "trigger", DAG_ID, "--logical-date", NIGHT], env, log)


@contextmanager
def api_server(look: LookAround, log: Path) -> Iterator[str]:
    """Airflow's API server (with the plugins) on a free loopback port, stopped with everything
    it started when the block ends, however it ends."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with log.open("ab") as out:
        process = subprocess.Popen(
            [str(BIN / "airflow"), "api-server", "--port", str(port)],  # host: look.env's
            env={**look.env, "AIRFLOW__API__WORKERS": "1"},
            stdout=out,
            stderr=out,
            start_new_session=True,
        )
    try:
        wait_until_up(url, process, log)
        yield url
    finally:
        stop(process)


def wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"airflow api-server stopped (exit {process.returncode}); see {log}")
        try:
            if httpx.get(f"{url}/api/v2/monitor/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    pytest.fail(f"airflow api-server did not answer in 90s; see {log}")


def stop(process: subprocess.Popen[bytes]) -> None:
    """End the server's process group: its uvicorn workers too."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
    except ProcessLookupError:
        return
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def sign_in(url: str, password: str) -> str:
    """Airflow's own login (SimpleAuthManager, as standalone uses): a JWT for the admin."""
    response = httpx.post(
        f"{url}/auth/token", json={"username": ADMIN, "password": password}, timeout=30
    )
    assert response.status_code == 201, response.text
    return str(response.json()["access_token"])


@pytest.mark.slow
def test_signed_in_through_airflow_a_newcomer_finds_the_demos_runs(tmp_path: Path) -> None:
    demo_folder(tmp_path)
    log = tmp_path / "look-around.log"
    look = look_around(tmp_path, clean_environ())
    prepare(look)  # the store's schema first: the audit view refuses a store without it
    run_id = disposal_run(look.env, log)
    dag_run(look.env, log)

    with api_server(look, log) as url:
        password = admin_password(look.airflow_home)
        assert password, "SimpleAuthManager generated the admin's password"
        assert password in describe(look)
        anonymous = httpx.get(f"{url}/asbhub/", timeout=30)
        assert anonymous.status_code == 303 and "login" in anonymous.headers["location"]

        token = sign_in(url, password)
        cookies = {"_token": token}  # what Airflow's login page sets in the browser
        runs_page = httpx.get(f"{url}/asbhub/", cookies=cookies, timeout=60)
        assert runs_page.status_code == 200, runs_page.text[-500:]
        assert run_id in runs_page.text
        certificate = httpx.get(
            f"{url}/asbhub/runs/{run_id}/certificate.json", cookies=cookies, timeout=60
        )
        assert certificate.status_code == 200, certificate.text[-500:]
        assert certificate.json()["run_id"] == run_id
        assert certificate.json()["verification_ok"] is True

        dag_runs = httpx.get(
            f"{url}/api/v2/dags/{DAG_ID}/dagRuns",
            headers={"Authorization": f"Bearer {token}"},
            timeout=60,
        )
        assert dag_runs.status_code == 200, dag_runs.text[-500:]
        logical = [r["logical_date"] for r in dag_runs.json()["dag_runs"]]
        assert [d[:10] for d in logical] == [NIGHT[:10]]
