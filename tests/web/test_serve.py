"""`asbhub serve` as a site runs it: its own credentials, and an access log of paths only."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from typer.testing import CliRunner

from asbhub.cli import app as cli_app
from asbhub.store.engine import upgrade
from tests.servers import free_port
from tests.web.conftest import AUDIT_ROLE, AUDITOR, users_env

ASBHUB = str(Path(sys.executable).parent / "asbhub")
REFERENCE = "R-00000000000000AB"


def _request(url: str, data: dict[str, str] | None = None, auth: bool = True) -> int:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    req = urllib.request.Request(url, data=body)
    if data is not None:  # a form posted from the view's own page
        parts = urllib.parse.urlsplit(url)
        req.add_header("Origin", f"{parts.scheme}://{parts.netloc}")
    if auth:
        token = base64.b64encode(f"{AUDITOR[0]}:{AUDITOR[1]}".encode()).decode()
        req.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(req, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        exc.close()
        return exc.code
    except urllib.error.URLError:
        return 0  # not listening yet


def test_serve_refuses_to_start_without_users(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli_app, ["--home", str(tmp_path), "serve"], env={"ASBHUB_WEB_USERS": ""}
    )
    assert result.exit_code == 2
    assert "ASBHUB_WEB_USERS" in result.output


def test_serve_answers_on_loopback_and_logs_paths_only(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    upgrade(url)
    port = free_port()
    env = {
        **os.environ,
        "ASBHUB_WEB_USERS": users_env(),
        "ASBHUB_AUDIT_ROLE": AUDIT_ROLE,
        "ASBHUB_DATABASE_URL": url,
        "ASBHUB_LEDGER_KEY": "test-ledger-key-not-a-real-secret",
    }
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [ASBHUB, "--home", str(tmp_path), "serve", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while _request(f"{base}/", auth=False) != 401:
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        assert _request(f"{base}/") == 200
        assert _request(f"{base}/notices?as_of=2031-01-01") == 200
        assert _request(f"{base}/lookup", {"reference": REFERENCE, "justification": "SAR 1"}) == 200
    finally:
        process.terminate()
        process.wait(timeout=15)
    text = log.read_text()
    assert "POST /lookup 200 auditor" in text and "GET /notices 200" in text
    assert REFERENCE not in text and "as_of" not in text and "SAR 1" not in text
