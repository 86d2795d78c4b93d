"""The demo's world under var/demo: the partners' servers and a mail server on loopback, the
hub's and Airflow's homes, partner configs with the generated host key pinned and synthetic
alert contacts, and the secrets of this run."""

from __future__ import annotations

import json
import secrets
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from asbhub.demo.peers import Mailbox, S3Endpoint, S3Server, SMTPEndpoint, SSHServer
from asbhub.demo.simulator import PartnerPgp
from asbhub.errors import EnvironmentProblem
from asbhub.openpgp import generate_key
from asbhub.settings import environment

MARKER = ".asbhub-demo"
FOLDERS = ("inbox", "outbox", "processed")
# Where the hub's alerts go: the demo's own mail server, which relays nothing. The operators and
# the partners' contacts are synthetic addresses (example.org is reserved for examples).
SMTP_CONNECTION = "demo_smtp"
OPERATORS = "asb-hub-operators@demo-force.example.org"
SENDER = "asb-hub-alerts@demo-force.example.org"


@dataclass
class DemoWorld:
    root: Path
    sftp: SSHServer
    s3_endpoint: S3Endpoint
    s3: S3Server
    smtp: SMTPEndpoint
    mailbox: Mailbox
    env: dict[str, str] = field(default_factory=dict)
    # The partner that receives OpenPGP, as it holds its keys: its secret key and the hub's
    # public key (asbhub.demo.simulator decrypts, verifies and signs with them).
    openpgp: dict[str, PartnerPgp] = field(default_factory=dict)

    @property
    def config_dir(self) -> Path:
        return self.root / "config"

    @property
    def hub_home(self) -> Path:
        return self.root / "hub"

    @property
    def airflow_home(self) -> Path:
        return self.root / "airflow"

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    @property
    def hub_url(self) -> str:
        return f"sqlite:///{(self.hub_home / 'hub.sqlite3').resolve()}"

    def stop(self) -> None:
        """Stop every process the demo started."""
        self.sftp.stop()
        self.s3_endpoint.stop()
        self.smtp.stop()


def fresh_root(root: Path) -> Path:
    """Empty the demo folder so a second run starts clean; refuse any folder the demo did not
    make, so a wrong --home never deletes someone's data."""
    if root.exists():
        if not (root / MARKER).is_file():
            raise EnvironmentProblem(f"{root} exists and is not a demo folder; choose another")
        shutil.rmtree(root)
    root.mkdir(parents=True)
    (root / MARKER).write_text("made by asbhub demo; deleted and rebuilt by the next run\n")
    return root


def start_world(root: Path, sample_config: Path) -> DemoWorld:
    """Start the peers and write the configuration; the caller must call `stop()`."""
    root = fresh_root(root.resolve())  # sshd works from /, so every path it reads is absolute
    sftp = SSHServer(workdir=root / "sftp")
    try:
        sftp.prepare()
        sftp.start()
    except (OSError, RuntimeError, subprocess.CalledProcessError) as exc:
        sftp.stop()
        raise EnvironmentProblem(
            f"could not start OpenSSH's sshd for the demo's SFTP partners ({exc}); "
            "`make setup` installs openssh-server"
        ) from exc
    endpoint = S3Endpoint()
    try:
        s3 = endpoint.start()
    except Exception:
        sftp.stop()
        raise
    smtp = SMTPEndpoint()
    try:
        mailbox = smtp.start()
    except Exception:
        sftp.stop()
        endpoint.stop()
        raise
    world = DemoWorld(root=root, sftp=sftp, s3_endpoint=endpoint, s3=s3, smtp=smtp, mailbox=mailbox)
    try:
        world.env = _write_config(world, sample_config)
    except Exception:
        world.stop()
        raise
    return world


def _write_config(world: DemoWorld, sample_config: Path) -> dict[str, str]:
    partners_dir = world.config_dir / "partners"
    partners_dir.mkdir(parents=True)
    shutil.copyfile(sample_config / "retention.yaml", world.config_dir / "retention.yaml")
    env: dict[str, str] = {}
    hub_pgp = generate_key("ASB partner data hub (demo) <asb-hub@demo-force.example.org>")
    pgp_partner: str | None = None
    for path in sorted((sample_config / "partners").glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        if pgp_partner is None and doc["kind"] == "housing_provider":
            pgp_partner = doc["id"]
            doc["openpgp"] = _openpgp(world, doc["id"], hub_pgp.public, hub_pgp.fingerprint)
        conn_id = f"demo_{doc['id']}"
        if doc["kind"] == "council":
            for folder in FOLDERS:
                (world.sftp.root / doc["id"] / folder).mkdir(parents=True, exist_ok=True)
            doc["transport"] = {
                "type": "sftp",
                "connection_id": conn_id,
                "host_key": world.sftp.host_public_key,  # generated for this run, pinned
                "folders": {f: f"{doc['id']}/{f}" for f in FOLDERS},
                "ready": "renamed",  # the simulated partners upload under a temporary name
            }
            connection: dict[str, Any] = {
                "conn_type": "sftp",
                "host": world.sftp.host,
                "port": world.sftp.port,
                "login": world.sftp.user,
                "extra": {"key_file": str(world.sftp.private_key)},
            }
        else:
            bucket = world.s3.make_bucket(f"demo-{doc['id'].replace('_', '-')}")
            doc["transport"] = {
                "type": "s3",
                "connection_id": conn_id,
                "folders": {f: f for f in FOLDERS},
                "ready": "renamed",  # an S3 object appears only when its upload is complete
            }
            connection = world.s3.connection(bucket, prefix="asbhub")
        env[f"AIRFLOW_CONN_{conn_id.upper()}"] = json.dumps(connection)
        doc["contacts"] = {**doc.get("contacts", {}), "alerts": _alerts_contact(doc["id"])}
        (partners_dir / path.name).write_text(yaml.safe_dump(doc, sort_keys=False), "utf-8")
    secrets_env = {
        "ASBHUB_LEDGER_KEY": secrets.token_urlsafe(32),
        "ASBHUB_PSEUDONYM_KEY": secrets.token_urlsafe(32),
    }
    secrets_file = world.root / "secrets.env"
    secrets_file.touch(mode=0o600)
    secrets_file.write_text("".join(f"{k}={v}\n" for k, v in secrets_env.items()))
    # The hub's OpenPGP key spans lines: kept out of secrets.env, in the environment only.
    secrets_env["ASBHUB_OPENPGP_KEY"] = hub_pgp.secret
    world.airflow_home.mkdir()
    world.hub_home.mkdir()
    world.reports.mkdir()
    return {
        **env,
        **secrets_env,
        **_alerts_env(world.smtp),
        "AIRFLOW_HOME": str(world.airflow_home),
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{world.airflow_home / 'airflow.db'}",
        "AIRFLOW__CORE__DAGS_FOLDER": str(Path(__file__).resolve().parents[2] / "dags"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__UNIT_TEST_MODE": "False",
        # Airflow chmods its task logs (group-readable by default); they name partners and files.
        "AIRFLOW__LOGGING__FILE_TASK_HANDLER_NEW_FILE_PERMISSIONS": "0o600",
        "AIRFLOW__LOGGING__FILE_TASK_HANDLER_NEW_FOLDER_PERMISSIONS": "0o700",
        "ASBHUB_CONFIG_DIR": str(world.config_dir),
        "ASBHUB_HOME": str(world.hub_home),
        "ASBHUB_DATABASE_URL": world.hub_url,
        "GX_ANALYTICS_ENABLED": "false",
        # A task that fails is retried after seconds, not minutes: nobody waits on a demo.
        "ASBHUB_RETRY_DELAY_SECONDS": "5",
    }


def _openpgp(
    world: DemoWorld, partner_id: str, hub_public: str, hub_fingerprint: str
) -> dict[str, Any]:
    """A key pair for the partner (synthetic, made for this run): its public key pinned in the
    partner file and kept in config/keys/, its secret key with the simulated partner only."""
    key = generate_key(f"{partner_id} (demo) <asb@{partner_id.replace('_', '-')}.demo.example.org>")
    keys = world.config_dir / "keys"
    keys.mkdir(exist_ok=True)
    name = f"{partner_id}.asc"
    (keys / name).write_text(key.public, encoding="ascii")
    world.openpgp[partner_id] = PartnerPgp(key.secret, hub_public, hub_fingerprint)
    return {"keys": [{"fingerprint": key.fingerprint, "file": name}]}


def _alerts_contact(partner_id: str) -> str:
    """A synthetic team mailbox for the partner's alerts, whatever the sample config names."""
    return f"asb-alerts@{partner_id.replace('_', '-')}.demo.example.org"


def _alerts_env(smtp: SMTPEndpoint) -> dict[str, str]:
    """The hub's alerts, from this process and from Airflow's tasks alike, through an Airflow
    connection of the demo's own naming: a developer's `smtp_default` is never used."""
    connection = {
        "conn_type": "smtp",
        "host": smtp.host,
        "port": smtp.port,
        "extra": {"disable_ssl": True, "disable_tls": True, "from_email": SENDER, "timeout": 10},
    }
    return {
        f"AIRFLOW_CONN_{SMTP_CONNECTION.upper()}": json.dumps(connection),
        "ASBHUB_ALERTS_SMTP_CONNECTION": SMTP_CONNECTION,
        "ASBHUB_ALERTS_TO": OPERATORS,
    }


def subprocess_env(world: DemoWorld) -> dict[str, str]:
    """This process's environment without any other Airflow or hub settings, plus the demo's."""
    base = {k: v for k, v in environment().items() if not k.startswith(("AIRFLOW", "ASBHUB_"))}
    return {**base, **world.env}
