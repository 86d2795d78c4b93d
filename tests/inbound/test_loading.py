"""What loading does, on both stores: referral state, redacted notes, combination events,
acks closing notices, archive and processed folder, alerts, the size limit (a real 200 MB file
streamed against the default), the accounting check and the CLI."""

from __future__ import annotations

import json
import tracemalloc
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from asbhub.cli import app
from asbhub.pipeline.inbound.run import (
    CountsDoNotAddUp,
    InboundResult,
    PartnerInboundResult,
    check_accounting,
    run_inbound,
)
from asbhub.pipeline.inbound.status import InboundFileResult
from asbhub.runtime import Hub
from asbhub.store.models import (
    DisposalNotice,
    InboundFile,
    LedgerEvent,
    LedgerReference,
    Outcome,
    QuarantineItem,
    Referral,
)
from tests.connectors.harnesses import LocalHarness
from tests.inbound.checks import file_in
from tests.inbound.conftest import HubFactory
from tests.inbound.world import PARTNER, World, build_world

runner = CliRunner()


def put(harness: LocalHarness, world: World, template: str, name: str) -> bytes:
    data = world.fixture(template).encode()
    harness.write_raw("outbox", name, data)
    return data


def test_outcomes_update_referrals_and_are_logged(local_hub: tuple[Hub, LocalHarness]) -> None:
    hub, harness = local_hub
    world = build_world(hub)
    original = put(harness, world, "outcomes-valid.csv", "outcomes-20261126.csv")
    result = run_inbound(hub, [PARTNER])
    got = file_in(result, "outcomes-20261126.csv")
    assert (got.status, got.rows_in, got.rows_loaded) == ("loaded", 3, 3)
    assert harness.read_raw("processed", "outcomes-20261126.csv") == original
    with hub.store.session() as session:
        referrals = {
            r.referral_id: r
            for r in session.scalars(select(Referral).where(Referral.partner_id == PARTNER))
        }
        r1, r2, r3 = (referrals[world.ids[k]] for k in ("R1", "R2", "R3"))
        assert (r1.outcome_status, r1.lead_agency_accepted, r1.actions) == (
            "accepted",
            True,
            ["advice"],
        )
        assert r2.actions == ["warning_letter", "mediation"] and r2.status == "delivered"
        assert (r3.status, r3.closed_at, r3.outcome_status) == (
            "closed",
            date(2026, 11, 22),
            "closed",
        )
        notes = session.scalar(select(Outcome.notes_redacted).where(Outcome.outcome_id == "O-2"))
        assert notes and "John Smith" not in notes and "CM1 1AA" not in notes and "<" in notes
        record = session.scalar(select(InboundFile).where(InboundFile.name == got.name))
        assert record is not None and record.expectation_result is not None
        assert record.expectation_result["success"] is True
        assert (record.archive_path or "").startswith(f"archive/{PARTNER}/")
        assert hub.areas.fetch(record.archive_path or "").read_bytes() == original
        combos = session.scalar(select(func.count()).where(LedgerEvent.kind == "combination"))
        assert combos == 3
        for ref in (world.ids["R1"], world.ids["IR1"]):
            hashed = hub.ledger_key.reference_hash(ref)
            assert session.scalar(
                select(func.count()).where(LedgerReference.reference_hash == hashed)
            )


def test_an_ack_closes_its_notice_and_a_closed_case_stays_closed(
    local_hub: tuple[Hub, LocalHarness],
) -> None:
    hub, harness = local_hub
    world = build_world(hub)
    put(harness, world, "disposal-acks-valid.csv", "disposal-acks-1.csv")
    put(harness, world, "outcomes-reopen.csv", "outcomes-reopen.csv")
    result = run_inbound(hub, [PARTNER])
    assert file_in(result, "disposal-acks-1.csv").rows_loaded == 1
    assert file_in(result, "outcomes-reopen.csv").rows_quarantined == 2
    with hub.store.session() as session:
        notice = session.scalar(
            select(DisposalNotice).where(DisposalNotice.notice_id == world.ids["N1"])
        )
        assert notice is not None
        assert notice.acknowledged_at == datetime(2026, 11, 25, 12, tzinfo=UTC)
        closed = session.scalar(select(Referral).where(Referral.referral_id == world.ids["RC"]))
        assert closed is not None and closed.status == "closed"


def test_after_fetch_delete_removes_the_file(make_hub: HubFactory, tmp_path: Path) -> None:
    harness = LocalHarness(tmp_path)
    harness.spec = harness.spec.model_copy(update={"after_fetch": "delete"})
    hub = make_hub(harness)
    world = build_world(hub)
    put(harness, world, "outcomes-valid.csv", "outcomes-1.csv")
    run_inbound(hub, [PARTNER])
    assert not harness.raw_names("outbox") and not harness.raw_names("processed")


def test_a_batch_over_the_isa_alert_rate_raises_an_alert(
    local_hub: tuple[Hub, LocalHarness],
) -> None:
    hub, harness = local_hub
    world = build_world(hub)
    put(harness, world, "outcomes-unknown-enum.csv", "outcomes-bad.csv")  # 2 of 3 quarantined
    result = run_inbound(hub, [PARTNER])
    assert result.ok and len(result.alerts) == 1 and "over the ISA alert rate" in result.alerts[0]
    with hub.store.session() as session:
        kept = session.scalar(select(InboundFile.expectation_result))
        assert kept is not None and kept["success"] is False
        failed = [o for o in kept["outcomes"] if not o["success"]]
        assert [o["expectation"] for o in failed] == ["expect_column_mean_to_be_between"]
        raw = session.scalars(select(QuarantineItem.raw)).all()
        assert all(r is not None for r in raw)  # the original row is kept with its reason


def test_the_command_exits_1_when_the_run_raised_an_alert(
    local_hub: tuple[Hub, LocalHarness],
) -> None:
    """A quarantine rate over the ISA's limit needs a person: `asbhub inbound run` says so
    with its exit code, not only in an ALERT line."""
    hub, harness = local_hub
    world = build_world(hub)
    put(harness, world, "outcomes-unknown-enum.csv", "outcomes-bad.csv")  # 2 of 3 quarantined
    settings = hub.settings
    where = ["--config-dir", str(settings.config_dir), "--home", str(settings.home)]
    done = CliRunner().invoke(
        app,
        [*where, "inbound", "run", "--partner", PARTNER],
        env={"ASBHUB_DATABASE_URL": settings.database_url},
    )
    assert done.exit_code == 1, done.output
    assert f"{PARTNER}: ok" in done.stdout
    assert "ALERT" in done.stdout and "over the ISA alert rate" in done.stdout


def test_the_size_limit_can_be_lowered(local_hub: tuple[Hub, LocalHarness]) -> None:
    hub, harness = local_hub
    world = build_world(hub)
    put(harness, world, "outcomes-valid.csv", "outcomes-1.csv")
    result = run_inbound(hub, [PARTNER], max_bytes=100)
    got = file_in(result, "outcomes-1.csv")
    assert (got.status, got.reason, got.rows_in) == ("rejected", "too_large", 0)


@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
def test_a_200_mb_file_is_streamed_against_the_default_limit(
    local_hub: tuple[Hub, LocalHarness],
) -> None:
    hub, harness = local_hub
    world = build_world(hub)
    row = world.render("{P}-1,{R1},accepted,2026-11-20T10:00:00+00:00,,,,,").encode() + b"\n"
    with harness.path("outbox", "outcomes-huge.csv").open("wb") as handle:
        handle.write(
            b"outcome_id,referral_id,status,recorded_at,lead_agency_accepted,actions,"
            b"action_date,closed_on,notes\n"
        )
        block = row * (1 << 20 // len(row))
        while handle.tell() < 200 * 1024 * 1024:
            handle.write(block)
    tracemalloc.start()
    try:
        result = run_inbound(hub, [PARTNER])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    got = file_in(result, "outcomes-huge.csv")
    assert (got.status, got.reason) == ("rejected", "too_large")
    assert peak < 32 * 1024 * 1024, f"peak {peak:,} bytes: the file was not streamed"
    # Refused from its listed size: never copied, so it stays with the partner, reported once.
    assert harness.raw_names("outbox") == {"outcomes-huge.csv"}
    copies = [p for p in hub.settings.home.rglob("*") if p.is_file() and p.stat().st_size > 1e6]
    assert copies == [], copies


def test_the_run_fails_loudly_when_counts_do_not_add_up() -> None:
    broken = InboundFileResult(
        partner_id=PARTNER,
        name="outcomes-1.csv",
        sha256="0" * 64,
        contract="outcome/1.0",
        status="loaded",
        rows_in=3,
        rows_loaded=2,
        rows_quarantined=0,
        received_at=datetime.now(UTC),
    )
    with pytest.raises(CountsDoNotAddUp, match="3 in, 2 loaded, 0 quarantined"):
        check_accounting(
            InboundResult(partners=[PartnerInboundResult(partner_id=PARTNER, files=[broken])])
        )


def test_the_cli_runs_and_shows_the_accounts(local_hub: tuple[Hub, LocalHarness]) -> None:
    hub, harness = local_hub
    world = build_world(hub)
    put(harness, world, "outcomes-duplicate-rows.csv", "outcomes-1.csv")
    env = {"ASBHUB_DATABASE_URL": hub.settings.database_url}
    base = ["--config-dir", str(hub.settings.config_dir), "--home", str(hub.settings.home)]
    usage = runner.invoke(app, [*base, "inbound", "run"], env=env)
    assert usage.exit_code == 2
    ran = runner.invoke(app, [*base, "--json", "inbound", "run", "--partner", PARTNER], env=env)
    # One row of three quarantined is over the ISA's alert rate: a person must look (exit 1).
    assert ran.exit_code == 1, ran.output
    (partner,) = json.loads(ran.stdout)["partners"]
    assert partner["status"] == "ok" and partner["alerts"]
    assert partner["files"][0]["rows_in"] == 3 and partner["files"][0]["balanced"] is True
    shown = runner.invoke(app, [*base, "inbound", "status", "--partner", PARTNER], env=env)
    assert shown.exit_code == 0, shown.output
    assert "outcomes-1.csv: partially_loaded, 3 in = 2 loaded + 1 quarantined" in shown.stdout
    assert "rejection-outcomes-1-" in shown.stdout


def test_a_foreign_id_is_refused_exactly_like_an_unknown_one(
    local_hub: tuple[Hub, LocalHarness],
) -> None:
    hub, harness = local_hub
    world = build_world(hub)
    header = "outcome_id,referral_id,status,recorded_at\n"
    rows = "".join(
        f"X-{n},{world.ids[key]},accepted,2026-11-20T10:00:00+00:00\n"
        for n, key in enumerate(("RU", "RF", "RP"))
    )
    harness.write_raw("outbox", "outcomes-probe.csv", (header + rows).encode())
    got = file_in(run_inbound(hub, [PARTNER]), "outcomes-probe.csv")
    assert got.rows_quarantined == 3 and got.rejection_report
    report = json.loads(harness.read_raw("inbox", got.rejection_report) or b"{}")
    reasons = {(p["field"], p["reason"]) for p in report["problems"]}
    assert reasons == {("referral_id", "is not a referral the force sent you")}
    assert world.ids["RF"] not in json.dumps(report)
