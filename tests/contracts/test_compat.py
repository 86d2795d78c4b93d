"""contracts.compat over a table of schema edits, and `asbhub contracts diff` exit codes."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from asbhub.cli import app
from contracts.compat import compare
from contracts.schemas_io import SCHEMA_DIR

Schema = dict[str, Any]


def _exported(contract: str) -> Schema:
    return json.loads((SCHEMA_DIR / f"{contract}-1.0.schema.json").read_text(encoding="utf-8"))


def _props(schema: Schema) -> Schema:
    return schema["properties"]


def _no_change(s: Schema) -> None:
    _props(s)["notes"]["title"] = "Renamed title only"


def _remove_notes(s: Schema) -> None:
    del _props(s)["notes"]


def _add_optional(s: Schema) -> None:
    _props(s)["officer_role"] = {"anyOf": [{"type": "string"}, {"type": "null"}], "default": None}


def _add_required(s: Schema) -> None:
    _props(s)["team"] = {"type": "string"}
    s["required"].append("team")


def _make_required(s: Schema) -> None:
    s["required"].append("action_date")


def _make_optional(s: Schema) -> None:
    s["required"].remove("recorded_at")


def _change_type(s: Schema) -> None:
    _props(s)["lead_agency_accepted"]["anyOf"][0] = {"type": "string"}


def _narrow_status(s: Schema) -> None:
    s["$defs"]["OutcomeStatus"]["enum"].remove("declined")


def _widen_status(s: Schema) -> None:
    s["$defs"]["OutcomeStatus"]["enum"].append("withdrawn")


def _narrow_thrive_flags(s: Schema) -> None:
    s["$defs"]["ThriveFlag"]["enum"].remove("engagement")


def _widen_thrive_flags(s: Schema) -> None:
    s["$defs"]["ThriveFlag"]["enum"].append("welfare")


def _change_pattern(s: Schema) -> None:
    _props(s)["referral_id"]["pattern"] = "^R-[0-9A-F]{20}$"


def _drop_pattern(s: Schema) -> None:
    del _props(s)["referral_id"]["pattern"]


def _tighten_max_length(s: Schema) -> None:
    _props(s)["notes"]["anyOf"][0]["maxLength"] = 2000


def _loosen_max_length(s: Schema) -> None:
    _props(s)["notes"]["anyOf"][0]["maxLength"] = 8000


def _add_max_length(s: Schema) -> None:
    _props(s)["narrative"]["anyOf"][0]["maxLength"] = 500


def _no_longer_nullable(s: Schema) -> None:
    _props(s)["notes"] = {"type": "string", "maxLength": 4000}


def _now_nullable(s: Schema) -> None:
    _props(s)["outcome_id"] = {"anyOf": [_props(s)["outcome_id"], {"type": "null"}]}


# (id, exported schema to start from, edit, breaking, kind of the change that decides, its path)
CASES: list[tuple[str, str, Callable[[Schema], None], bool, str | None, str | None]] = [
    ("no change", "outcome", _no_change, False, None, None),
    ("removed field", "outcome", _remove_notes, True, "removed_field", "notes"),
    ("new optional field", "outcome", _add_optional, False, "new_optional_field", "officer_role"),
    ("new required field", "outcome", _add_required, True, "new_required_field", "team"),
    ("optional to required", "outcome", _make_required, True, "made_required", "action_date"),
    ("required to optional", "outcome", _make_optional, False, "made_optional", "recorded_at"),
    ("type change", "outcome", _change_type, True, "type_changed", "lead_agency_accepted"),
    ("enum narrowed", "outcome", _narrow_status, True, "enum_narrowed", "status"),
    ("enum widened", "outcome", _widen_status, False, "enum_widened", "status"),
    (
        "array item enum narrowed",
        "referral",
        _narrow_thrive_flags,
        True,
        "enum_narrowed",
        "thrive_flags[]",
    ),
    (
        "array item enum widened",
        "referral",
        _widen_thrive_flags,
        False,
        "enum_widened",
        "thrive_flags[]",
    ),
    ("pattern changed", "outcome", _change_pattern, True, "pattern_changed", "referral_id"),
    ("pattern dropped", "outcome", _drop_pattern, False, None, None),
    ("maxLength tightened", "outcome", _tighten_max_length, True, "constraint_tightened", "notes"),
    ("maxLength loosened", "outcome", _loosen_max_length, False, None, None),
    ("maxLength added", "referral", _add_max_length, True, "constraint_tightened", "narrative"),
    ("null no longer allowed", "outcome", _no_longer_nullable, True, "null_removed", "notes"),
    ("null now allowed", "outcome", _now_nullable, False, "null_allowed", "outcome_id"),
]


@pytest.mark.parametrize(
    ("contract", "edit", "breaking", "kind", "path"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_compare(
    contract: str,
    edit: Callable[[Schema], None],
    breaking: bool,
    kind: str | None,
    path: str | None,
) -> None:
    old = _exported(contract)
    new = copy.deepcopy(old)
    edit(new)
    report = compare(old, new)
    assert report.breaking is breaking, report.changes
    if kind is None:
        assert not [c for c in report.changes if c.kind != "enum_widened"], report.changes
    else:
        assert (path, kind, breaking) in {(c.path, c.kind, c.breaking) for c in report.changes}
    assert compare(old, old).changes == []


def test_breaking_edits_are_breaking_in_reverse_when_they_widen() -> None:
    """Narrowing and widening are mirror images: the widened schema is compatible with the old."""
    old = _exported("outcome")
    narrowed = copy.deepcopy(old)
    _narrow_status(narrowed)
    assert compare(old, narrowed).breaking
    assert not compare(narrowed, old).breaking


def _write(tmp_path: Path, name: str, schema: Any) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(schema) if not isinstance(schema, str) else schema, "utf-8")
    return path


def _diff(*args: str) -> Any:
    result = CliRunner().invoke(app, ["contracts", "diff", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def test_diff_exit_0_when_compatible(tmp_path: Path) -> None:
    new = _exported("outcome")
    _widen_status(new)
    result = _diff(
        str(SCHEMA_DIR / "outcome-1.0.schema.json"), str(_write(tmp_path, "n.json", new))
    )
    assert result.exit_code == 0, result.output
    assert "compatible  enum_widened" in result.output
    assert result.output.rstrip().endswith("compatible")


def test_outcome_summary_1_1_is_a_compatible_change_from_1_0() -> None:
    """The force's loader of 1.0 reads 1.1: one optional column added (case_review_id)."""
    old = Path(__file__).parents[1] / "fixtures" / "contracts" / "outcome-summary-1.0.schema.json"
    result = _diff(str(old), str(SCHEMA_DIR / "outcome-summary-1.1.schema.json"))
    assert result.exit_code == 0, result.output
    assert "compatible  new_optional_field: field 'case_review_id' was added" in result.output
    assert "BREAKING" not in result.output


def test_diff_exit_0_and_says_no_changes(tmp_path: Path) -> None:
    same = str(SCHEMA_DIR / "referral-1.0.schema.json")
    result = _diff(same, same)
    assert result.exit_code == 0
    assert "no changes" in result.output


def test_diff_exit_1_when_breaking(tmp_path: Path) -> None:
    new = _exported("outcome")
    _remove_notes(new)
    new_path = _write(tmp_path, "outcome-2.0.schema.json", new)
    result = CliRunner().invoke(
        app,
        ["--json", "contracts", "diff", str(SCHEMA_DIR / "outcome-1.0.schema.json"), str(new_path)],
    )
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert data["breaking"] is True
    assert {"path": "notes", "kind": "removed_field"}.items() <= data["changes"][0].items()
    human = _diff(str(SCHEMA_DIR / "outcome-1.0.schema.json"), str(new_path))
    assert human.exit_code == 1
    assert "BREAKING  removed_field" in human.output


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("outcomes.csv", "outcome_id,referral_id\nO-1,R-0123456789ABCDEF\n"),
        ("array.json", "[1, 2, 3]"),
        ("no-properties.json", '{"type": "string"}'),
        ("latin1.json", b'{"title": "caf\xe9"}'.decode("latin-1")),
    ],
)
def test_diff_exit_2_when_a_file_is_not_a_schema(tmp_path: Path, name: str, content: str) -> None:
    if name == "latin1.json":
        path = tmp_path / name
        path.write_bytes(b'{"title": "caf\xe9"}')
    else:
        path = _write(tmp_path, name, content)
    good = str(SCHEMA_DIR / "outcome-1.0.schema.json")
    for args in ((good, str(path)), (str(path), good)):
        result = _diff(*args)
        assert result.exit_code == 2, result.output
        assert name in result.output


def test_diff_exit_2_when_a_file_is_missing(tmp_path: Path) -> None:
    result = _diff(str(SCHEMA_DIR / "outcome-1.0.schema.json"), str(tmp_path / "gone.json"))
    assert result.exit_code == 2
    assert "gone.json" in result.output and "cannot read" in result.output
