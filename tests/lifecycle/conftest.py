"""A night on local partner folders driven through the `asbhub` CLI, on both engines: a small
hand-shaped extract, partner files a test may edit, and helpers that read what partners got."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from asbhub.cli import app
from asbhub.seed import write_extract
from asbhub.store.engine import Store
from tests.pipeline.conftest import add_quiet_nights as quiet_nights
from tests.pipeline.partners_here import local_partner_config

NIGHT = date(2026, 11, 25)
runner = CliRunner()


@dataclass
class Night:
    """The hub's folders, the store, and each partner's local root."""

    config: Path
    home: Path
    landing: Path
    roots: dict[str, Path]
    store: Store
    env: dict[str, str]

    def cli(self, *args: str) -> Any:
        """Run `asbhub --json ARGS`; return (exit code, parsed JSON, or the output and any
        exception when it printed no JSON)."""
        result = runner.invoke(
            app,
            ["--config-dir", str(self.config), "--home", str(self.home), "--json", *args],
            env=self.env,
        )
        try:
            data = json.loads(result.stdout)
        except ValueError:
            data = f"{result.output}\n{result.exception!r}"
        return result.exit_code, data

    def text(self, *args: str) -> tuple[int, str]:
        """Run `asbhub ARGS` as a person would, without --json."""
        result = runner.invoke(
            app,
            ["--config-dir", str(self.config), "--home", str(self.home), *args],
            env=self.env,
        )
        return result.exit_code, f"{result.output}{result.exception or ''}"

    def partner_file(self, partner_id: str) -> Path:
        return self.config / "partners" / f"{partner_id}.yaml"

    def edit_partner(self, partner_id: str, **coverage: Any) -> None:
        path = self.partner_file(partner_id)
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        doc["coverage"].update(coverage)
        path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")

    def delivered(self, partner_id: str, stem: str, night: date) -> list[dict[str, Any]]:
        """The rows of a data file in the partner's inbox, in the partner's format."""
        inbox = self.roots[partner_id] / "inbox"
        [path] = inbox.glob(f"{stem}-{night:%Y%m%d}.*")
        if path.suffix == ".csv":
            with path.open(encoding="utf-8", newline="") as fh:
                return list(csv.DictReader(fh))
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def make_night(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    def build(partners: set[str]) -> Night:
        roots = local_partner_config(
            tmp_path / "config", tmp_path / "partners", monkeypatch, only=partners
        )
        env = {
            "ASBHUB_DATABASE_URL": store.url,
            "ASBHUB_LEDGER_KEY": "test-ledger-key-not-a-real-secret",
            "ASBHUB_PSEUDONYM_KEY": "test-pseudonym-key-not-a-real-secret",
        }
        return Night(
            tmp_path / "config", tmp_path / "home", tmp_path / "landing", roots, store, env
        )

    yield build


def write_incidents(
    landing: Path, name: str, shapes: Sequence[dict[str, Any]], seed: int = 7
) -> list[dict[str, Any]]:
    """An incident/1.0 extract of realistic synthetic incidents, each reshaped by one `shapes`
    entry (district, is_asb, reported_at...). Tenancies are cleared so that only the council
    routes, and every incident gets its own reference."""
    made = write_extract(landing.parent / "made", 60, seed, NIGHT, "jsonl")
    pool = [json.loads(line) for line in Path(made.path).read_text(encoding="utf-8").splitlines()]
    asb = [row for row in pool if row["is_asb"]]
    rows = []
    for index, shape in enumerate(shapes):
        row = dict(asb[index])
        row.update(
            incident_ref=f"42/{770000 + index:06d}/26",
            victim_tenure="unknown",
            victim_landlord=None,
            subject_tenure="unknown",
            subject_landlord=None,
        )
        if shape.get("is_asb") is False:
            row.update(nsir_category=None, asb_type=None, not_asb_reason="civil dispute")
        row.update(shape)
        rows.append(row)
    landing.mkdir(parents=True, exist_ok=True)
    (landing / name).write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return rows


def add_quiet_nights(night: Night, partner_id: str) -> None:
    """Three quiet nights before this one (tests.pipeline.conftest.add_quiet_nights)."""
    quiet_nights(night.store, partner_id)
