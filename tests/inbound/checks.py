"""Send a corpus step through a transport and check everything that must come of it."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from asbhub.pipeline.inbound.run import InboundResult
from asbhub.pipeline.inbound.status import InboundFileResult
from asbhub.pipeline.rejection import report_name
from asbhub.runtime import Hub
from asbhub.store.models import InboundFile, Outcome, QuarantineItem
from contracts.documents import RejectionReport
from tests.connectors.harnesses import Harness
from tests.inbound.cases import Case, Step, encode
from tests.inbound.world import PARTNER, World


def remote_name(case: Case, step: Step) -> str:
    return step.remote.format(case=case.id.replace("_", "-"))


def send(harness: Harness, world: World, case: Case, step: Step) -> str:
    name = remote_name(case, step)
    harness.write_raw("outbox", name, encode(world.fixture(step.template), step.transform))
    return name


def file_in(result: InboundResult, name: str) -> InboundFileResult:
    (partner,) = [p for p in result.partners if p.partner_id == PARTNER]
    assert partner.status == "ok", partner.reason
    found = [f for f in partner.files if f.name == name]
    assert len(found) == 1, f"{name} not in {[f.name for f in partner.files]}"
    return found[0]


def check_step(hub: Hub, harness: Harness, case: Case, step: Step, got: InboundFileResult) -> None:
    expect = step.expect
    label = f"{case.id}: {got.model_dump_json()}"
    assert got.balanced, label  # the accounting invariant, for every case
    assert got.status == expect.status, label
    assert (got.rows_loaded, got.rows_quarantined) == (expect.loaded, expect.quarantined), label
    assert got.reason == expect.reason, label
    assert got.changed_under_old_name == expect.changed, label
    if expect.status != "already_received":
        assert got.contract == expect.contract, label
        check_store(hub, got)
    assert got.name not in harness.raw_names("outbox"), f"{case.id}: left in the outbox"
    report = harness.read_raw("inbox", report_name(got.name, got.sha256))
    if not expect.report:
        assert report is None, f"{case.id}: a report for a file without problems"
        return
    assert report is not None, f"{case.id}: no rejection report in the inbox"
    check_report(case, step, got, report)


def check_store(hub: Hub, got: InboundFileResult) -> None:
    """The store's own account agrees: one outcome row per loaded row (outcome files), one
    quarantine entry per quarantined row, or one for a whole rejected file."""
    with hub.store.session() as session:
        record = session.scalar(
            select(InboundFile).where(
                InboundFile.partner_id == PARTNER,
                InboundFile.name == got.name,
                InboundFile.sha256 == got.sha256,
            )
        )
        assert record is not None and record.status == got.status
        assert record.rows_in == record.rows_loaded + record.rows_quarantined
        # The original is kept in the archive area, recorded by its key (never a worker's path).
        assert record.archive_path and record.archive_path.startswith(f"archive/{PARTNER}/")
        assert hub.areas.fetch(record.archive_path).is_file()
        quarantined = session.scalar(
            select(func.count()).where(QuarantineItem.inbound_file_id == record.id)
        )
        assert quarantined == (record.rows_quarantined or int(record.status == "rejected"))
        if record.contract == "outcome/1.0":
            loaded = session.scalar(
                select(func.count()).where(Outcome.inbound_file_id == record.id)
            )
            assert loaded == record.rows_loaded
            assert record.expectation_result is not None


def check_report(case: Case, step: Step, got: InboundFileResult, data: bytes) -> None:
    text = data.decode("utf-8")
    report = RejectionReport.model_validate(json.loads(text))
    assert report.partner_id == PARTNER and report.file_sha256 == got.sha256
    assert (report.rows_in, report.rows_loaded, report.rows_quarantined) == (
        got.rows_in,
        got.rows_loaded,
        got.rows_quarantined,
    )
    for line, field, reason in step.expect.problems:
        assert any(
            p.line == line and p.field == field and reason in p.reason for p in report.problems
        ), f"{case.id}: no problem ({line}, {field}, {reason!r}) in {report.problems}"
    for forbidden in case.forbidden:
        assert forbidden not in text, f"{case.id}: the report echoes {forbidden!r}"
