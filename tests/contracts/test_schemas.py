"""contracts/schemas/*.schema.json are exactly what `asbhub contracts export` writes today."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from asbhub.cli import app
from contracts.registry import ALL_CONTRACTS
from contracts.schemas_io import SCHEMA_DIR, contract_schema, render, schema_file_name


def test_committed_schemas_are_in_step_with_the_models() -> None:
    expected = {schema_file_name(model): render(contract_schema(model)) for model in ALL_CONTRACTS}
    committed = {path.name: path.read_text(encoding="utf-8") for path in SCHEMA_DIR.glob("*.json")}
    stale = sorted(name for name in expected if committed.get(name) != expected[name])
    extra = sorted(committed.keys() - expected.keys())
    assert not stale and not extra, (
        f"contracts/schemas is out of step with the models (changed or missing: {stale}; "
        f"no longer a contract: {extra}): run `asbhub contracts export` and commit the result"
    )


def test_schema_documents_carry_their_identity() -> None:
    for model in ALL_CONTRACTS:
        schema = contract_schema(model)
        assert schema["x-contract"] == model.ref()
        assert schema["$id"] == f"urn:asbhub:contract:{model.contract_id}:{model.version}"
        assert schema["additionalProperties"] is False
        assert set(schema["required"]) == set(model.required_field_names())


def test_export_command_writes_every_schema(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["--json", "contracts", "export", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = json.loads(result.stdout)["written"]
    assert sorted(Path(p).name for p in written) == sorted(
        schema_file_name(model) for model in ALL_CONTRACTS
    )
    for path in tmp_path.iterdir():
        assert path.read_text(encoding="utf-8") == (SCHEMA_DIR / path.name).read_text(
            encoding="utf-8"
        )
