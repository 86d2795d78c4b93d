"""Every kind of bad input in the corpus, on both stores over a local transport: the right
status, reason, counts, report, and never a crash."""

from __future__ import annotations

import pytest

from asbhub.pipeline.inbound.run import run_inbound
from tests.connectors.harnesses import LocalHarness
from tests.inbound.cases import CASES, Case
from tests.inbound.checks import check_step, file_in, send
from tests.inbound.conftest import HubFactory
from tests.inbound.world import PARTNER, build_world


def test_the_corpus_has_thirty_kinds_at_least() -> None:
    assert len({c.id for c in CASES}) == len(CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_case(case: Case, make_hub: HubFactory, tmp_path) -> None:  # type: ignore[no-untyped-def]
    harness = LocalHarness(tmp_path)
    hub = make_hub(harness)
    world = build_world(hub, case.id.replace("_", "-"))
    for step in case.steps:
        name = send(harness, world, case, step)
        result = run_inbound(hub, [PARTNER])
        check_step(hub, harness, case, step, file_in(result, name))
