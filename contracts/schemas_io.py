"""Export the contracts as JSON Schema files for partners, named `<id>-<version>.schema.json`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from contracts.base import Contract
from contracts.registry import ALL_CONTRACTS

SCHEMA_DIR = Path(__file__).parent / "schemas"
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_file_name(model: type[Contract]) -> str:
    return f"{model.contract_id}-{model.version}.schema.json"


def contract_schema(model: type[Contract]) -> dict[str, Any]:
    """The JSON Schema of one contract, with its identity recorded in the document."""
    schema = model.model_json_schema(mode="validation")
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": f"urn:asbhub:contract:{model.contract_id}:{model.version}",
        "x-contract": model.ref(),
        "x-kind": model.kind,
        "description": model.description,
        **{k: v for k, v in schema.items() if k != "description"},
    }


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def export_schemas(out_dir: Path = SCHEMA_DIR) -> list[Path]:
    """Write every contract's schema; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for model in ALL_CONTRACTS:
        path = out_dir / schema_file_name(model)
        path.write_text(render(contract_schema(model)), encoding="utf-8")
        written.append(path)
    return written
