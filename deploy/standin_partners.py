"""The stand-in partners of docker-compose.yml, and the hub's areas (hub-areas), made ready by
the init service on every start.

partner-sftp plays basildon_council and partner-s3 plays estuary_homes (their files in config/
are used as they are). Their connections are written into Airflow itself, as a file for
`airflow connections import --overwrite`, rather than given in the env file: the SFTP stand-in's
host key is generated on the stack's first start (deploy/standin-keys.sh), so it can only be
pinned then. The connection's `host_key` wins over the partner file's pin (connectors/sftp.py),
so the real Basildon key in config/ stays as it is. Airflow stores the connections encrypted
with the stack's one Fernet key, so every worker can read them.

Usage: python standin_partners.py KEYS_DIR CONNECTIONS_FILE
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

SFTP_CONN_ID = "partner_basildon_council_sftp"
S3_CONN_ID = "partner_estuary_homes_s3"
# Where the containers see the partner-keys volume (docker-compose.yml).
KEYS_MOUNT = "/opt/asbhub/partner-keys"
HOST_KEY_FILE = "standin_host_ed25519.pub"
HUB_KEY_FILE = "hub_ed25519"
S3_ENDPOINT = "http://partner-s3:9000"
S3_BUCKET = "estuary-homes"
S3_REGION = "eu-west-2"  # partner-s3's MINIO_SITE_REGION
AREAS_CONN_ID = "hub_areas"  # ASBHUB_AREAS_CONNECTION in deploy/stack.env.example
AREAS_ENDPOINT = "http://hub-areas:9000"
AREAS_BUCKET = "asbhub-areas"


class StandinError(Exception):
    """The stand-ins cannot be made ready; the message says what to fix."""


def pinned_host_key(keys_dir: Path) -> str:
    """'ssh-ed25519 AAAA...' from the generated public host key, without its comment."""
    path = keys_dir / HOST_KEY_FILE
    try:
        fields = path.read_text(encoding="ascii").split()
    except OSError as exc:
        raise StandinError(f"no stand-in host key at {path}: has partner-keys run?") from exc
    if len(fields) < 2 or fields[0] != "ssh-ed25519":
        raise StandinError(f"{path} is not an ed25519 public key")
    return f"{fields[0]} {fields[1]}"


def sftp_connection(host_key: str) -> dict[str, Any]:
    """The SFTP stand-in: key authentication with the hub's generated key, host key pinned."""
    extra = {"key_file": f"{KEYS_MOUNT}/{HUB_KEY_FILE}", "host_key": host_key}
    return {
        "conn_type": "sftp",
        "host": "partner-sftp",
        "port": 22,
        "login": "council",
        "extra": json.dumps(extra),
    }


def s3_connection(environ: Mapping[str, str]) -> dict[str, Any]:
    """The S3 stand-in, signed in as its root user (a stand-in has no other)."""
    extra = {
        "endpoint_url": S3_ENDPOINT,
        "region_name": S3_REGION,
        "bucket": S3_BUCKET,
        "prefix": "asbhub",
    }
    user, password = _minio_credentials(environ)
    return {"conn_type": "aws", "login": user, "password": password, "extra": json.dumps(extra)}


def areas_connection(environ: Mapping[str, str]) -> dict[str, Any]:
    """The hub's areas on hub-areas, signed in as its root user."""
    extra = {"endpoint_url": AREAS_ENDPOINT, "region_name": S3_REGION, "bucket": AREAS_BUCKET}
    user, password = _minio_credentials(environ, "HUB_AREAS_USER", "HUB_AREAS_PASSWORD")
    return {"conn_type": "aws", "login": user, "password": password, "extra": json.dumps(extra)}


def _minio_credentials(
    environ: Mapping[str, str],
    user_variable: str = "MINIO_ROOT_USER",
    password_variable: str = "MINIO_ROOT_PASSWORD",  # noqa: S107 - a variable's name
) -> tuple[str, str]:
    missing = [name for name in (user_variable, password_variable) if not environ.get(name)]
    if missing:
        raise StandinError(f"set {' and '.join(missing)} in .env (deploy/stack.env.example)")
    return environ[user_variable], environ[password_variable]


def write_connections(keys_dir: Path, out: Path, environ: Mapping[str, str]) -> None:
    """Both connections, in the file form `airflow connections import` reads, owner-only:
    it holds the stand-in's password."""
    connections = {
        SFTP_CONN_ID: sftp_connection(pinned_host_key(keys_dir)),
        S3_CONN_ID: s3_connection(environ),
        AREAS_CONN_ID: areas_connection(environ),
    }
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(connections, handle, indent=2)


def ensure_bucket(
    environ: Mapping[str, str],
    endpoint_url: str = S3_ENDPOINT,
    bucket: str = S3_BUCKET,
    credentials: tuple[str, str] = ("MINIO_ROOT_USER", "MINIO_ROOT_PASSWORD"),
) -> None:
    """A bucket, created once; one already there is left as it is."""
    import boto3

    user, password = _minio_credentials(environ, *credentials)
    client = boto3.client(
        "s3",
        endpoint_url=endpoint_url,
        aws_access_key_id=user,
        aws_secret_access_key=password,
        region_name=S3_REGION,
    )
    try:
        client.create_bucket(
            Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": S3_REGION}
        )
    except client.exceptions.BucketAlreadyOwnedByYou:
        return


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    try:
        write_connections(Path(argv[0]), Path(argv[1]), os.environ)
        ensure_bucket(os.environ)
        ensure_bucket(
            os.environ, AREAS_ENDPOINT, AREAS_BUCKET, ("HUB_AREAS_USER", "HUB_AREAS_PASSWORD")
        )
    except StandinError as exc:
        print(f"stand-in partners: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
