"""The CLI's global options, JSON output and exit codes, with `db upgrade` on both engines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from typer.testing import CliRunner

from asbhub.cli import app
from asbhub.store.engine import alembic_config

runner = CliRunner()


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    return str(request.getfixturevalue("empty_pg_url"))


def test_db_upgrade_reports_the_revision_as_json(database_url: str, tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["--home", str(tmp_path), "--json", "db", "upgrade"],
        env={"ASBHUB_DATABASE_URL": database_url},
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    head = ScriptDirectory.from_config(alembic_config(database_url)).get_current_head()
    assert data["revision"] == head
    assert "@" not in data["store"] or "***" in data["store"] or "postgres@" in data["store"]


def test_sqlite_store_lives_under_home_by_default(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["--home", str(tmp_path / "home"), "db", "upgrade"], env={"ASBHUB_DATABASE_URL": ""}
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "home" / "hub.sqlite3").is_file()


def test_store_password_is_never_printed(tmp_path: Path) -> None:
    url = "postgresql+psycopg://hub:s3cret-pw@127.0.0.1:1/nowhere"
    result = runner.invoke(app, ["db", "upgrade"], env={"ASBHUB_DATABASE_URL": url})
    assert result.exit_code == 2
    assert "s3cret-pw" not in result.output
    assert "cannot reach the store" in result.output


def test_unknown_command_is_a_usage_error() -> None:
    result = runner.invoke(app, ["no-such-command"])
    assert result.exit_code == 2


def test_unknown_contract_is_a_usage_error(tmp_path: Path) -> None:
    file = tmp_path / "x.csv"
    file.write_text("a\n1\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", "--contract", "nothing/9.9", str(file)])
    assert result.exit_code == 2
    assert "unknown contract" in result.output
    assert "Traceback" not in result.output
