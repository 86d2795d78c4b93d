"""A disposal run reviewed by more than one pair of eyes: the schedule names the stages, they
decide in order, the planner may not approve, one person may not approve two stages, a
rejection at any stage cancels the run with its reason, and the certificate lists every stage
with who, when and what they saw. Through the functions (every order of decisions) and through
the CLI, on both engines."""

from __future__ import annotations

import csv
import io
import json
from itertools import product
from pathlib import Path

import pytest
import yaml
from sqlalchemy import select
from typer.testing import CliRunner

from asbhub.cli import app
from asbhub.errors import ConfigError, DataError
from asbhub.retention.certificate import build_certificate, render
from asbhub.retention.plan import plan_disposal
from asbhub.retention.runs import (
    approvals,
    awaited_stage,
    cancel_run,
    decide_stage,
    get_run,
)
from asbhub.retention.schedule import DEFAULT_STAGES, ReviewStage, parse_schedule
from asbhub.store.engine import Store
from asbhub.store.models import DisposalApproval
from tests.retention.world import AS_OF, KEY, SCHEDULE, World, build

STAGES = (
    ReviewStage("information_manager", "Information manager"),
    ReviewStage("data_protection_officer", "Data protection officer"),
)
PLANNER, IM, DPO = "P. Planner", "A. Information-Manager", "D. Protection-Officer"
runner = CliRunner()


@pytest.fixture
def world(store: Store, tmp_path: Path) -> World:
    return build(store, tmp_path)


def planned(world: World) -> str:
    with world.store.session() as s:
        return plan_disposal(s, world.schedule, KEY, AS_OF, planned_by=PLANNER).run_id


def decide(world: World, run_id: str, by: str, approve: bool = True, **kw: str) -> str:
    """The run's status after the decision, or the refusal's message."""
    try:
        with world.store.session() as s:
            return str(decide_stage(s, run_id, STAGES, by, approve=approve, **kw).status)
    except DataError as exc:
        return f"refused: {exc}"


def test_two_stages_approve_in_order_each_by_another_person(world: World) -> None:
    run_id = planned(world)
    assert decide(world, run_id, IM) == "planned"  # the first stage: the run still waits
    with world.store.session() as s:
        run = get_run(s, run_id)
        assert awaited_stage(s, run, STAGES) == STAGES[1] and run.approved_by is None
    assert decide(world, run_id, DPO) == "approved"
    with world.store.session() as s:
        run = get_run(s, run_id)
        assert run.approved_by == DPO and awaited_stage(s, run, STAGES) is None
        done = approvals(s, run)
        assert [(a.stage, a.decision, a.decided_by) for a in done] == [
            ("information_manager", "approved", IM),
            ("data_protection_officer", "approved", DPO),
        ]
        # What each was shown: the planned counts per class, as the run recorded them.
        assert done[0].seen and all("planned" in n for n in done[0].seen.values())
    # The same decision told again changes nothing.
    assert decide(world, run_id, DPO) == "approved"


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # (who decides stage 1, who then tries stage 2) -> the run's end state or the refusal
        ((IM, True), (DPO, True), "approved"),
        ((IM, True), (DPO, False), "cancelled"),
        ((IM, False), (DPO, True), "refused: disposal run {run} is cancelled"),
        ((IM, True), (IM, True), "already decided stage information_manager"),
        ((IM, True), (PLANNER, True), "planned disposal run"),
        ((PLANNER, True), (IM, True), "planned"),  # the planner's try was refused; IM is first
    ],
)
def test_every_order_of_decisions(
    world: World, first: tuple[str, bool], second: tuple[str, bool], expected: str
) -> None:
    run_id = planned(world)
    decide(world, run_id, first[0], first[1], reason="not yet" if not first[1] else "")
    outcome = decide(world, run_id, second[0], second[1], reason="" if second[1] else "no")
    assert expected.format(run=run_id) in outcome


def test_stages_decide_in_the_schedules_order_and_a_rejection_needs_a_reason(
    world: World,
) -> None:
    run_id = planned(world)
    assert "awaits stage information_manager" in decide(
        world, run_id, DPO, stage="data_protection_officer"
    )
    assert "no review stage 'legal'" in decide(world, run_id, DPO, stage="legal")
    assert "needs its reason" in decide(world, run_id, IM, approve=False)
    assert decide(world, run_id, IM, approve=False, reason="class counts look wrong") == (
        "cancelled"
    )
    with world.store.session() as s:
        [rejected] = s.scalars(select(DisposalApproval)).all()
        assert (rejected.decision, rejected.reason) == ("rejected", "class counts look wrong")


def test_names_are_compared_ignoring_case_and_spacing(world: World) -> None:
    run_id = planned(world)
    assert "planned disposal run" in decide(world, run_id, "  p.   PLANNER ")
    decide(world, run_id, IM)
    assert "already decided" in decide(world, run_id, IM.upper())


def test_the_certificate_lists_every_stage(world: World) -> None:
    run_id = planned(world)
    decide(world, run_id, IM)
    decide(world, run_id, DPO)
    with world.store.session() as s:
        cert = build_certificate(s, run_id)
    assert [(r.stage, r.by, r.decision) for r in cert.review] == [
        ("information_manager", IM, "approved"),
        ("data_protection_officer", DPO, "approved"),
    ]
    html, text = render(cert, "html"), render(cert, "csv")
    assert "Data protection officer" in html and DPO in html and IM in html
    rows = [row for row in csv.reader(io.StringIO(text)) if row[0] == "review"]
    assert [row[1:3] for row in rows] == [
        ["information_manager", "approved"],
        ["data_protection_officer", "approved"],
    ]
    assert rows[1][3].startswith(f"title=Data protection officer by={DPO} at=")
    assert json.loads(render(cert, "json"))["certificate"].endswith("/1.1")


@pytest.mark.parametrize(
    ("stages", "problem"),
    [
        ([], "a list of stages"),
        ([{"id": "im"}], "needs exactly `id` and `title`"),
        ([{"id": "Information Manager", "title": "x"}], "is not like information_manager"),
        ([{"id": "im", "title": "a"}, {"id": "im", "title": "b"}], "named twice"),
        ([{"id": "im", "title": " "}], "title: empty"),
    ],
)
def test_a_wrong_stage_list_is_refused_with_where(stages: list[object], problem: str) -> None:
    data = yaml.safe_load(SCHEDULE.read_text(encoding="utf-8"))
    data["review_stages"] = stages
    with pytest.raises(ConfigError) as raised:
        parse_schedule(data, "retention.yaml")
    assert problem in str(raised.value) and "review_stages" in str(raised.value)


def test_without_stages_the_information_manager_alone_reviews() -> None:
    data = yaml.safe_load(SCHEDULE.read_text(encoding="utf-8"))
    assert parse_schedule(data).review_stages == DEFAULT_STAGES
    data["review_stages"] = [{"id": s.id, "title": s.title} for s in STAGES]
    assert parse_schedule(data).review_stages == STAGES


def test_the_review_from_the_command_line(world: World, tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir()
    data = yaml.safe_load(SCHEDULE.read_text(encoding="utf-8"))
    data["review_stages"] = [{"id": s.id, "title": s.title} for s in STAGES]
    (config / "retention.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    env = {
        "ASBHUB_DATABASE_URL": world.store.url,
        "ASBHUB_LEDGER_KEY": "test-ledger-key-synthetic-only",
    }
    where = ["--home", str(world.areas.home), "--config-dir", str(config)]

    def cli(*args: str) -> tuple[int, str]:
        done = runner.invoke(app, [*where, *args], env=env)
        return done.exit_code, done.stdout + done.stderr

    code, out = cli("retention", "plan", "--as-of", "2032-06-01", "--by", PLANNER)
    assert code == 0, out
    run_id = out.splitlines()[0].strip()
    code, out = cli("disposal", "approve", run_id, "--by", PLANNER)
    assert code == 1 and "may not approve" in out
    code, out = cli("disposal", "approve", run_id, "--by", IM)
    assert code == 0 and "awaits data_protection_officer" in out, out
    code, out = cli("disposal", "execute", run_id)
    assert code == 1 and "not approved" in out, out
    code, out = cli("disposal", "approve", run_id, "--by", IM, "--stage", "data_protection_officer")
    assert code == 1 and "each stage needs another person" in out
    code, out = cli("--json", "disposal", "approve", run_id, "--by", DPO)
    assert code == 0, out
    result = json.loads(out)
    assert result["status"] == "approved" and result["awaits"] is None
    assert [s["by"] for s in result["stages"]] == [IM, DPO]
    code, out = cli("disposal", "execute", run_id)
    assert code == 0 and "verified" in out, out

    # Another run, rejected at the second stage: cancelled, with the reason kept.
    code, out = cli("retention", "plan", "--by", PLANNER)
    second = out.splitlines()[0].strip()
    assert cli("disposal", "approve", second, "--by", IM)[0] == 0
    code, out = cli("disposal", "reject", second, "--by", DPO, "--reason", "hold expected")
    assert code == 0 and "cancelled" in out, out
    code, out = cli("disposal", "execute", second)
    assert code == 1


def test_the_audit_view_shows_the_stage_a_run_awaits(world: World) -> None:
    from asbhub.web.queries import disposal_runs

    run_id = planned(world)
    decide(world, run_id, IM)
    with world.store.session() as s:
        [row] = disposal_runs(s, run_id, stages=STAGES)
    assert row.awaiting_approval and row.awaits_stage == "data_protection_officer"
    assert row.decisions == [f"Information manager: approved by {IM}"]


def test_every_pairing_of_two_people_over_two_stages(world: World) -> None:
    """Four-eyes, exhaustively over who tries which stage: only two different people, neither
    the planner, in order, approve."""
    people = (PLANNER, IM, DPO)
    for a, b in product(people, people):
        run_id = planned(world)
        decide(world, run_id, a)
        status = decide(world, run_id, b)
        approved = status == "approved"
        assert approved == (a != b and PLANNER not in (a, b)), (a, b, status)
        with world.store.session() as s:  # one open run at a time: clear it for the next
            cancel_run(s, run_id)
