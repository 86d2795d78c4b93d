"""Where the hub finds its configuration, its working folder and its store."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from asbhub.private import restrict_umask

CONFIG_DIR_ENV = "ASBHUB_CONFIG_DIR"
HOME_ENV = "ASBHUB_HOME"
DATABASE_URL_ENV = "ASBHUB_DATABASE_URL"


@dataclass(frozen=True)
class Settings:
    """Resolved locations for one invocation of the hub."""

    config_dir: Path
    home: Path
    database_url: str

    @property
    def partners_dir(self) -> Path:
        return self.config_dir / "partners"

    @property
    def retention_file(self) -> Path:
        return self.config_dir / "retention.yaml"

    @property
    def staging_dir(self) -> Path:
        return self.home / "staging"

    @property
    def reports_dir(self) -> Path:
        return self.home / "reports"

    @property
    def quarantine_dir(self) -> Path:
        return self.home / "quarantine"


def resolve(
    config_dir: str | Path | None = None,
    home: str | Path | None = None,
    database_url: str | None = None,
) -> Settings:
    """Explicit arguments win over environment variables, which win over defaults.

    Resolving the settings is where every entry point (CLI, DAG task, web app) starts, so the
    owner-only umask is set here, before anything is written (see asbhub.private)."""
    restrict_umask()
    cfg = Path(config_dir or os.environ.get(CONFIG_DIR_ENV) or "config")
    home_path = Path(home or os.environ.get(HOME_ENV) or "var")
    url = database_url or os.environ.get(DATABASE_URL_ENV) or sqlite_url(home_path / "hub.sqlite3")
    return Settings(config_dir=cfg, home=home_path, database_url=url)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.resolve()}"
