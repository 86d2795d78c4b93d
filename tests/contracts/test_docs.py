"""The partner documentation is generated from the contracts and kept in step with them."""

from __future__ import annotations

from pathlib import Path

import pytest

from contracts.docs import render_page, write_pages
from contracts.examples import EXAMPLES
from contracts.glossary import MEANINGS
from contracts.registry import ALL_CONTRACTS, get_contract

DOCS = Path(__file__).resolve().parents[2] / "docs" / "formats"


@pytest.mark.parametrize("model", ALL_CONTRACTS, ids=lambda m: m.ref())
def test_each_example_is_a_valid_record(model) -> None:  # type: ignore[no-untyped-def]
    get_contract(model.ref()).model_validate(EXAMPLES[model.ref()])


@pytest.mark.parametrize("model", ALL_CONTRACTS, ids=lambda m: m.ref())
def test_every_field_has_a_meaning(model) -> None:  # type: ignore[no-untyped-def]
    for name, info in model.model_fields.items():
        assert info.description or name in MEANINGS, f"{model.ref()}.{name} has no meaning"


@pytest.mark.parametrize("model", ALL_CONTRACTS, ids=lambda m: m.ref())
def test_committed_pages_match_the_contracts(model) -> None:  # type: ignore[no-untyped-def]
    page = DOCS / f"{model.contract_id}-{model.version}.md"
    assert page.read_text(encoding="utf-8") == render_page(model), (
        f"{page} is out of date: run `asbhub contracts docs`"
    )


def test_pages_list_every_field_and_its_allowed_values(tmp_path: Path) -> None:
    write_pages(tmp_path)
    outcome = (tmp_path / "outcome-1.0.md").read_text(encoding="utf-8")
    for name in get_contract("outcome/1.0").model_fields:
        assert f"| `{name}` |" in outcome
    assert "`community_protection_notice`" in outcome
    assert (tmp_path / "README.md").read_text(encoding="utf-8").count("](") == len(ALL_CONTRACTS)
