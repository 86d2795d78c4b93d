"""Partner configuration: the sample folder loads, and `partners check` names file and key."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from asbhub.cli import app
from asbhub.errors import ConfigError
from asbhub.partners import load_partners

REPO = Path(__file__).parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "partners"

# case folder -> (file, text) pairs; each pair must appear on one line of the message
BAD_CASES: dict[str, list[tuple[str, str]]] = {
    "unknown_key_top": [("alpha_council.yaml", "colour: unknown key")],
    "unknown_key_nested": [("alpha_council.yaml", "transport.port: unknown key")],
    "isa_field_unknown": [("alpha_council.yaml", "isa.fields: 'victim_shoe_size' is not a field")],
    "unknown_treatment": [("alpha_council.yaml", "isa.fields.narrative: Input should be 'share'")],
    "treatment_not_allowed": [
        ("alpha_council.yaml", "isa.fields: 'narrative' cannot be treated 'generalise'")
    ],
    "referral_id_not_shared": [("alpha_council.yaml", "isa.fields: 'referral_id' must be shared")],
    "host_key_not_base64": [("alpha_council.yaml", "transport.host_key is not valid base64")],
    "host_key_wrong_type": [
        (
            "alpha_council.yaml",
            "transport.host_key says 'ssh-rsa' but the key data is 'ssh-ed25519'",
        )
    ],
    "host_key_missing": [("alpha_council.yaml", "transport.host_key is required for sftp")],
    "duplicate_ids": [("alpha_council.yml", "id: partner id 'alpha_council' is also used by")],
    "id_not_file_name": [("delta_council.yaml", "id 'alpha_council' must match the file name")],
    "council_no_coverage": [("alpha_council.yaml", "coverage.districts")],
    "district_covered_twice": [
        ("beta_council.yaml", "coverage.districts.0: district 'Alpha' is also covered by"),
        ("beta_council.yaml", "alpha_council.yaml"),
    ],
    "district_covered_twice_other_case": [
        ("beta_council.yaml", "district ' alpha' is also covered by")
    ],
    "without_consent_not_contact": [
        ("alpha_council.yaml", "isa: without_consent names 'narrative'")
    ],
    "unknown_contract_version": [("alpha_council.yaml", "contracts: outcome/2.0 is not a known")],
    "invalid_yaml": [("alpha_council.yaml", "not valid YAML at line")],
    "schedule_25_00": [("alpha_council.yaml", "schedule.outbound: String should match pattern")],
    "schedule_unquoted": [("alpha_council.yaml", "schedule.inbound: write the time in quotes")],
    "several_files": [
        ("alpha_council.yaml", "colour: unknown key"),
        ("beta_council.yaml", "isa.fields: 'narrative' cannot be treated 'generalise'"),
        ("gamma_homes.yaml", "transport.type: Input should be 'sftp', 's3' or 'local'"),
    ],
}


def _check(config_dir: Path, *extra: str) -> Any:
    result = CliRunner().invoke(app, [*extra, "--config-dir", str(config_dir), "partners", "check"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def test_every_fixture_folder_has_a_case() -> None:
    folders = {path.name for path in FIXTURES.iterdir() if (path / "partners").is_dir()}
    assert folders == set(BAD_CASES) | {"valid"}


def test_sample_configuration_loads() -> None:
    partners = load_partners(REPO / "config" / "partners")
    kinds = [p.kind for p in partners]
    assert (len(partners), kinds.count("council"), kinds.count("housing_provider")) == (17, 14, 3)
    assert len({p.id for p in partners}) == 17


def test_councils_and_housing_providers_get_different_fields() -> None:
    partners = load_partners(REPO / "config" / "partners")

    def shared(kind: str) -> set[frozenset[tuple[str, str]]]:
        return {
            frozenset((f, t) for f, t in p.isa.fields.items() if t != "drop")
            for p in partners
            if p.kind == kind
        }

    councils, providers = shared("council"), shared("housing_provider")
    assert councils.isdisjoint(providers)
    # A housing provider's ISA is narrower: nothing it receives is more than a council receives.
    council_fields = set().union(*councils)
    assert {f for f, _ in set().union(*providers)} <= {f for f, _ in council_fields}


def test_sample_configuration_through_the_cli() -> None:
    result = _check(REPO / "config", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["valid"] is True and len(data["partners"]) == 17


def test_valid_fixture_folder() -> None:
    result = _check(FIXTURES / "valid")
    assert result.exit_code == 0, result.output
    assert "3 partners, configuration valid" in result.output


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_check_rejects(case: str) -> None:
    result = _check(FIXTURES / case)
    assert result.exit_code == ConfigError.exit_code == 1, result.output
    lines = result.output.splitlines()
    for file_name, text in BAD_CASES[case]:
        hits = [line for line in lines if f"partners/{file_name}:" in line and text in line]
        assert hits, f"no line names {file_name} with {text!r}:\n{result.output}"
    assert "configuration valid" not in result.output


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_load_partners_reports_every_problem_with_its_file(case: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_partners(FIXTURES / case / "partners")
    for problem in caught.value.problems:
        assert problem.startswith(str(FIXTURES / case / "partners") + "/"), problem
    if case == "several_files":
        assert len(caught.value.problems) == 3


def test_missing_partners_folder(tmp_path: Path) -> None:
    result = _check(tmp_path)
    assert result.exit_code == 1
    assert "no partners folder" in result.output
