"""Partner configs for tests: the sample partners with their transport swapped for a local one
(or any transport section a test gives), and the connections that serve them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

SAMPLE_PARTNERS = Path(__file__).resolve().parents[2] / "config" / "partners"


def local_partner_config(
    config_dir: Path,
    partners_root: Path,
    monkeypatch: pytest.MonkeyPatch,
    only: set[str] | None = None,
    transports: dict[str, dict[str, Any]] | None = None,
) -> dict[str, Path]:
    """Write config/partners for the sample partners, each delivering to a local folder under
    `partners_root` unless `transports` gives its section; return each partner's root."""
    target = config_dir / "partners"
    target.mkdir(parents=True, exist_ok=True)
    roots: dict[str, Path] = {}
    for path in sorted(SAMPLE_PARTNERS.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        if only is not None and doc["id"] not in only:
            continue
        if transports and doc["id"] in transports:
            doc["transport"] = transports[doc["id"]]
        else:
            conn_id = f"partner_{doc['id']}_local"
            root = partners_root / doc["id"]
            for folder in ("inbox", "outbox", "processed"):
                (root / folder).mkdir(parents=True, exist_ok=True)
            doc["transport"] = {
                "type": "local",
                "connection_id": conn_id,
                "folders": {"inbox": "inbox", "outbox": "outbox", "processed": "processed"},
            }
            monkeypatch.setenv(
                f"AIRFLOW_CONN_{conn_id.upper()}",
                json.dumps({"conn_type": "file", "extra": {"root": str(root)}}),
            )
            roots[doc["id"]] = root
        (target / path.name).write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return roots
