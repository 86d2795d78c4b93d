"""`make airflow`: Airflow's own UI over the DAGs, for looking around after `make demo`.

    python -m asbhub.demo.look_around

When a demo has run, Airflow opens over the demo's world in var/demo: its metadata database
(the night's DAG runs), its partner configs, its hub store (the disposal runs and certificates
the audit view shows) and the keys of that run. Without a demo it opens over ./config and
./var. The hub store is upgraded first, so the audit view never meets a store without its
schema. The demo's peers (sshd, the S3 endpoint) stopped with the demo: the DAGs and their
runs can be browsed, not re-run against the partners.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from asbhub.demo.world import MARKER
from asbhub.errors import EnvironmentProblem, HubError
from asbhub.private import restrict_umask
from asbhub.settings import environment, options, sqlite_url
from asbhub.store.engine import safe_url, upgrade

REPO = Path(__file__).resolve().parents[2]
DEMO_HOME = Path("var") / "demo"
SECRETS_FILE = "secrets.env"
SIMPLE_AUTH_MANAGER = (
    "airflow.api_fastapi.auth.managers.simple.simple_auth_manager.SimpleAuthManager"
)
# Where SimpleAuthManager keeps the passwords it generated (in AIRFLOW_HOME, by default).
PASSWORDS_FILE = "simple_auth_manager_passwords.json.generated"
ADMIN = "admin"  # the user SimpleAuthManager has by default ([core] simple_auth_manager_users)


@dataclass(frozen=True)
class LookAround:
    """The world Airflow opens over, and the environment that points Airflow and the hub
    there."""

    demo: bool  # True: var/demo, as the last `make demo` left it
    airflow_home: Path
    config_dir: Path
    hub_home: Path
    database_url: str
    env: dict[str, str]
    secret_names: tuple[str, ...] = ()  # read from the demo's secrets.env; never printed


def look_around(root: Path, environ: Mapping[str, str]) -> LookAround:
    """The demo's world under `root`/var/demo if a demo left one there, else `root`/config and
    `root`/var as before any demo; nothing is written."""
    demo_root = root / DEMO_HOME
    if demo_root.exists():
        return _demo_world(demo_root.resolve(), environ)
    home = (root / "var").resolve()
    return _build(
        demo=False,
        airflow_home=home / "airflow",
        config_dir=(root / "config").resolve(),
        hub_home=home,
        database_url=options(environ).database_url or sqlite_url(home / "hub.sqlite3"),
        environ=environ,
        secrets={},
    )


def _demo_world(demo_root: Path, environ: Mapping[str, str]) -> LookAround:
    """The layout asbhub.demo.world writes: config/, hub/hub.sqlite3, airflow/, secrets.env."""
    if not (demo_root / MARKER).is_file():
        raise EnvironmentProblem(
            f"{demo_root} exists but was not made by `make demo`; move it away or run the demo"
        )
    secrets_file = demo_root / SECRETS_FILE
    if not secrets_file.is_file():
        raise EnvironmentProblem(
            f"{secrets_file} is missing: the last demo stopped before its world was written; "
            "run `make demo` again"
        )
    hub_home = demo_root / "hub"
    return _build(
        demo=True,
        airflow_home=demo_root / "airflow",
        config_dir=demo_root / "config",
        hub_home=hub_home,
        database_url=sqlite_url(hub_home / "hub.sqlite3"),
        environ=environ,
        secrets=read_secrets(secrets_file),
    )


def read_secrets(path: Path) -> dict[str, str]:
    """`NAME=value` lines, as the demo writes them; a line of any other shape is refused
    (without echoing it, since it may hold a key)."""
    values: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, equals, value = line.partition("=")
        if not equals or not name.strip().isidentifier() or not value:
            raise EnvironmentProblem(f"{path} line {number} is not NAME=value")
        values[name.strip()] = value
    return values


def _build(
    *,
    demo: bool,
    airflow_home: Path,
    config_dir: Path,
    hub_home: Path,
    database_url: str,
    environ: Mapping[str, str],
    secrets: dict[str, str],
) -> LookAround:
    """Airflow's and the hub's settings over `environ`. The venv's bin folder goes first on the
    PATH because Airflow's standalone mode starts its components as `airflow ...` commands."""
    bin_dir = str(Path(sys.executable).parent)  # not resolved: the venv's python is a symlink
    path = os.pathsep.join(p for p in (bin_dir, environ.get("PATH", "")) if p)
    env = {
        # Standalone's API server listens on every interface unless told otherwise; this is
        # one person looking around, so loopback unless they say so.
        "AIRFLOW__API__HOST": "127.0.0.1",
        **environ,
        **secrets,
        "PATH": path,
        "AIRFLOW_HOME": str(airflow_home),
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": sqlite_url(airflow_home / "airflow.db"),
        "AIRFLOW__CORE__DAGS_FOLDER": str(REPO / "dags"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        # What standalone forces anyway; said here so a lone `airflow api-server` agrees.
        "AIRFLOW__CORE__AUTH_MANAGER": SIMPLE_AUTH_MANAGER,
        # Task logs name partners and files: owner-only, as in the demo.
        "AIRFLOW__LOGGING__FILE_TASK_HANDLER_NEW_FILE_PERMISSIONS": "0o600",
        "AIRFLOW__LOGGING__FILE_TASK_HANDLER_NEW_FOLDER_PERMISSIONS": "0o700",
        "ASBHUB_CONFIG_DIR": str(config_dir),
        "ASBHUB_HOME": str(hub_home),
        "ASBHUB_DATABASE_URL": database_url,
        "GX_ANALYTICS_ENABLED": "false",
    }
    return LookAround(
        demo=demo,
        airflow_home=airflow_home,
        config_dir=config_dir,
        hub_home=hub_home,
        database_url=database_url,
        env=env,
        secret_names=tuple(sorted(secrets)),
    )


def prepare(look: LookAround) -> None:
    """Make the folders Airflow and the hub write to (owner-only: they hold personal data) and
    bring the hub store's schema up to date, as `asbhub db upgrade` does."""
    restrict_umask()  # inherited by Airflow, which writes task logs and its database here
    look.airflow_home.mkdir(parents=True, exist_ok=True)
    look.hub_home.mkdir(parents=True, exist_ok=True)
    upgrade(look.database_url)


def admin_password(airflow_home: Path) -> str | None:
    """The admin password SimpleAuthManager generated in an earlier start, if any (on the first
    start, standalone generates and prints it itself)."""
    path = airflow_home / PASSWORDS_FILE
    if not path.is_file():
        return None
    try:
        passwords = json.loads(path.read_text(encoding="utf-8") or "{}")
    except json.JSONDecodeError as exc:
        raise EnvironmentProblem(f"{path} is not Airflow's password file: {exc}") from exc
    password = passwords.get(ADMIN) if isinstance(passwords, dict) else None
    return password if isinstance(password, str) else None


def describe(look: LookAround) -> str:
    """What a newcomer needs to know before Airflow's own output starts: which world, where the
    UI is, how to sign in, and what cannot be done. Names secrets, never their values, except
    the admin password of this local Airflow."""
    ui = f"http://{look.env['AIRFLOW__API__HOST']}:{look.env.get('AIRFLOW__API__PORT', '8080')}"
    lines = [
        "Airflow over "
        + (f"the last demo's world in {look.airflow_home.parent}" if look.demo else "./var"),
        f"  Airflow home   {look.airflow_home}",
        f"  partner config {look.config_dir}",
        f"  hub store      {safe_url(look.database_url)} (schema upgraded)",
    ]
    if look.secret_names:
        lines.append(f"  secrets        {', '.join(look.secret_names)} from {SECRETS_FILE}")
    lines.append(f"UI: {ui}/  audit view: {ui}/asbhub/")
    password = admin_password(look.airflow_home)
    if password:
        lines.append(f"Sign in as {ADMIN} with the password {password}")
    else:
        lines.append(f"Sign in as {ADMIN}: Airflow prints the password it generates below")
    if look.demo:
        lines.append(
            "The demo's partners (sshd, the S3 endpoint) stopped with the demo: browse its DAG "
            "runs, but a DAG triggered now cannot reach the partners."
        )
    return "\n".join(lines)


def main() -> int:
    """Print where Airflow opens, then become `airflow standalone` (Ctrl-C stops it)."""
    try:
        look = look_around(Path.cwd(), environment())
        prepare(look)
    except HubError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    print(describe(look), flush=True)
    airflow = str(Path(sys.executable).with_name("airflow"))
    # Replaced rather than run as a child, so Ctrl-C and the exit status are standalone's own.
    os.execve(airflow, [airflow, "standalone"], look.env)  # noqa: S606 (no shell, fixed args)


if __name__ == "__main__":
    sys.exit(main())
