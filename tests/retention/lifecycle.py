"""A hub driven through the `asbhub` CLI on local partner folders, for retention's end-to-end
tests: partners that collect their feeds or not, outcome files that close some cases, and
readers of every file and every table to look for what should be gone."""

from __future__ import annotations

import csv
import io
import json
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, text
from typer.testing import CliRunner

from asbhub.cli import app
from asbhub.store.engine import Store
from tests.retention.world import SCHEDULE

runner = CliRunner()
KEY_TEXT = "test-ledger-key-synthetic-only"
PEOPLE = ("victim_name", "subject_name")


@dataclass
class Hub:
    config: Path
    home: Path
    roots: dict[str, Path]
    store: Store
    env: dict[str, str]

    def cli(self, *args: str) -> tuple[int, Any]:
        """`asbhub --json ARGS`: exit code, and the parsed JSON (or the text when not JSON)."""
        result = runner.invoke(
            app,
            ["--config-dir", str(self.config), "--home", str(self.home), "--json", *args],
            env=self.env,
        )
        try:
            return result.exit_code, json.loads(result.stdout)
        except ValueError:
            return result.exit_code, f"{result.output}\n{result.exception!r}"

    def text_cli(self, *args: str) -> tuple[int, str]:
        result = runner.invoke(
            app,
            ["--config-dir", str(self.config), "--home", str(self.home), *args],
            env=self.env,
        )
        return result.exit_code, result.output

    def feed_rows(self, partner_id: str, folder: Path | None = None) -> list[dict[str, str]]:
        rows: list[dict[str, str]] = []
        for path in sorted((folder or self.roots[partner_id] / "inbox").glob("referrals-*.csv")):
            with path.open(encoding="utf-8", newline="") as handle:
                rows += list(csv.DictReader(handle))
        return rows

    def collect(self, partner_id: str, into: Path) -> Path:
        """The partner takes everything from its inbox into its own systems."""
        target = into / partner_id
        target.mkdir(parents=True, exist_ok=True)
        for path in (self.roots[partner_id] / "inbox").iterdir():
            shutil.move(str(path), target / path.name)
        return target

    def send_outcomes(self, partner_id: str, name: str, rows: list[dict[str, str]]) -> None:
        columns = [
            "outcome_id",
            "referral_id",
            "status",
            "recorded_at",
            "lead_agency_accepted",
            "actions",
            "action_date",
            "closed_on",
            "notes",
        ]
        out = io.StringIO()
        writer = csv.DictWriter(out, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        (self.roots[partner_id] / "outbox" / name).write_text(out.getvalue(), encoding="utf-8")


def outcome(n: str, referral_id: str, closed_on: date | None) -> dict[str, str]:
    day = (closed_on or date.today()).isoformat()
    return {
        "outcome_id": f"OUT-{n}",
        "referral_id": referral_id,
        "status": "closed" if closed_on else "in_progress",
        "recorded_at": f"{day}T10:00:00+00:00",
        "lead_agency_accepted": "true",
        "actions": "advice",
        "action_date": day,
        "closed_on": closed_on.isoformat() if closed_on else "",
        "notes": "Spoke to the household.",
    }


def setup_hub(tmp_path: Path, store: Store, roots: dict[str, Path]) -> Hub:
    config = tmp_path / "config"
    shutil.copy(SCHEDULE, config / "retention.yaml")
    env = {
        "ASBHUB_DATABASE_URL": store.url,
        "ASBHUB_LEDGER_KEY": KEY_TEXT,
        "ASBHUB_PSEUDONYM_KEY": "test-pseudonym-key-synthetic-only",
    }
    return Hub(config, tmp_path / "home", roots, store, env)


def files_naming(roots: list[Path], needles: set[str]) -> dict[str, set[str]]:
    """Every file under the roots that contains any needle: file -> needles found."""
    found: dict[str, set[str]] = {}
    for root in roots:
        for path in root.rglob("*"):
            if path.is_file():
                data = path.read_bytes().decode("utf-8", "replace")
                hits = {n for n in needles if n in data}
                if hits:
                    found[str(path)] = hits
    return found


def tables_naming(store: Store, needles: set[str]) -> dict[str, set[str]]:
    """Every table.column whose dumped values contain any needle."""
    found: dict[str, set[str]] = {}
    with store.engine.connect() as conn:
        for table in inspect(conn).get_table_names():
            rows = conn.execute(text(f'SELECT * FROM "{table}"')).mappings().all()
            for row in rows:
                for column, value in row.items():
                    if value is None:
                        continue
                    if isinstance(value, bytes | memoryview):
                        shown = bytes(value).decode("utf-8", "replace")
                    else:
                        shown = value if isinstance(value, str) else json.dumps(value, default=str)
                    hits = {n for n in needles if n in shown}
                    if hits:
                        found.setdefault(f"{table}.{column}", set()).update(hits)
    return found
