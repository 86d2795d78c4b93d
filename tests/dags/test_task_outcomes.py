"""How a task turns a pipeline result into Airflow's verdict: delivered passes, a transport
failure is retried, a failed check or an unbalanced ingest fails at once with the reason."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from airflow.sdk.exceptions import AirflowFailException

from asbhub.airflow.tasks import (
    DeliveryFailed,
    InboundFailed,
    check_delivery,
    check_fetch,
    check_ingest,
    check_load,
    check_report,
    hub_for,
)
from asbhub.pipeline.inbound.fetch import FetchedFile, FetchResult
from asbhub.pipeline.inbound.report import ReportResult
from asbhub.pipeline.inbound.status import InboundFileResult
from asbhub.pipeline.ingest import IngestFileResult, IngestResult
from asbhub.pipeline.outbound import BatchResult, PartnerOutboundResult

NIGHT = date(2026, 11, 25)


def partner(status: str, reason: str | None = None) -> PartnerOutboundResult:
    batch = BatchResult(
        batch_id="B-chelmsford_council-20261125",
        night=NIGHT,
        previous_batch_id=None,
        referrals=3,
        notices=0,
        files=["referrals-20261125.csv"],
        delivered=True,
    )
    return PartnerOutboundResult(
        partner_id="chelmsford_council",
        status=status,
        batches=[batch] if status == "delivered" else [],
        reason=reason,
    )


def test_a_delivered_night_passes() -> None:
    check_delivery(partner("delivered"), NIGHT)


def test_a_delivered_night_with_a_record_set_aside_passes_and_warns_with_the_reason(
    caplog: pytest.LogCaptureFixture,
) -> None:
    from asbhub.pipeline.feed_checks import RecordCheck, SetAsideRecord

    night = partner("delivered")
    night.set_aside = [
        SetAsideRecord(
            referral_id="R-00000000000000AB", check=RecordCheck.PII_SCAN, reason="identifier left"
        )
    ]
    with caplog.at_level("WARNING"):
        check_delivery(night, NIGHT)
    assert "set aside R-00000000000000AB (pii_scan): identifier left" in caplog.text


def test_a_transport_failure_is_retryable_and_names_partner_and_reason() -> None:
    with pytest.raises(DeliveryFailed, match=r"chelmsford_council: night 2026-11-25: .*timed out"):
        check_delivery(partner("failed_transport", "sftp: connect timed out"), NIGHT)


@pytest.mark.parametrize("status", ["failed_expectations", "failed"])
def test_a_failed_check_fails_without_retries(status: str) -> None:
    with pytest.raises(AirflowFailException, match="row count 9 above ceiling"):
        check_delivery(partner(status, "row count 9 above ceiling"), NIGHT)


def test_an_ingest_whose_counts_do_not_add_up_fails_loudly() -> None:
    ok = IngestFileResult(name="a.csv", sha256="0" * 64, status="loaded", rows_in=3, loaded=3)
    lost = IngestFileResult(
        name="b.csv", sha256="1" * 64, status="loaded", rows_in=5, loaded=3, quarantined=1
    )
    check_ingest(IngestResult(files=[ok]))
    with pytest.raises(AirflowFailException, match=r"do not add up .*b\.csv"):
        check_ingest(IngestResult(files=[ok, lost]))


def test_an_ingest_that_holds_unroutable_incidents_fails_so_someone_sees_it() -> None:
    from asbhub.pipeline.reroute import UnroutableIncident

    ok = IngestFileResult(name="a.csv", sha256="0" * 64, status="loaded", rows_in=3, loaded=3)
    held = UnroutableIncident(
        incident_ref="42/000001/26",
        district="Leigh-on-Sea",
        risk_level="high",
        reason="no partner covers district 'Leigh-on-Sea'",
        ingested_at=datetime(2026, 11, 25, tzinfo=UTC),
        source_file="a.csv",
        detail_held=True,
    )
    check_ingest(IngestResult(files=[ok], unroutable=[]))
    with pytest.raises(AirflowFailException, match=r"1 ASB incident\(s\) referred to no partner"):
        check_ingest(IngestResult(files=[ok], unroutable=[held]))


def _file(name: str, status: str, failure: str | None, rows: int = 0) -> InboundFileResult:
    return InboundFileResult(
        partner_id="estuary_homes",
        name=name,
        sha256="0" * 64,
        contract=None,
        status=status,
        rows_in=rows,
        rows_loaded=0,
        rows_quarantined=0,
        failure=failure,
        received_at=datetime(2026, 12, 1, tzinfo=UTC),
    )


def test_fetch_passes_when_ok_and_retries_a_server_gone_or_a_file_not_fetched() -> None:
    check_fetch(FetchResult(partner_id="estuary_homes", fetched=[FetchedFile(file_pk=1)]))
    gone = FetchResult(
        partner_id="estuary_homes", status="failed_transport", reason="s3: bucket unreachable"
    )
    with pytest.raises(InboundFailed, match="estuary_homes: inbound failed_transport: s3: bucket"):
        check_fetch(gone)
    one = FetchResult(
        partner_id="estuary_homes", files=[_file("b.csv", "not_fetched", "TransportError")]
    )
    with pytest.raises(InboundFailed, match=r"b\.csv: not_fetched \(TransportError\)"):
        check_fetch(one)
    # A file the hub could not take in (it could not archive it, say) needs a person.
    broken = FetchResult(
        partner_id="estuary_homes",
        files=[
            _file("b.csv", "not_fetched", "TransportError"),
            _file("c.csv", "failed", "OSError"),
        ],
    )
    with pytest.raises(AirflowFailException, match=r"could not take in: .*c\.csv: failed"):
        check_fetch(broken)


def test_load_stops_for_a_file_it_could_not_process_or_rows_that_do_not_add_up() -> None:
    check_load("estuary_homes", [_file("a.csv", "loaded", None)])
    with pytest.raises(AirflowFailException, match=r"could not process .*c\.csv: failed"):
        check_load("estuary_homes", [_file("c.csv", "failed", "RecursionError")])
    with pytest.raises(AirflowFailException, match=r"do not add up .*: d\.csv"):
        check_load("estuary_homes", [_file("d.csv", "loaded", None, rows=3)])


def test_report_retries_a_transfer_that_failed() -> None:
    check_report(ReportResult(partner_id="estuary_homes", reports=["rejection-a.json"]))
    with pytest.raises(InboundFailed, match="inbound failed_transport: sftp: connect"):
        check_report(
            ReportResult(
                partner_id="estuary_homes", status="failed_transport", reason="sftp: connect"
            )
        )
    with pytest.raises(InboundFailed, match=r"failed for file\(s\) 7 \(after processing"):
        check_report(
            ReportResult(
                partner_id="estuary_homes", failures={7: "after processing: TransportError"}
            )
        )


def test_task_logs_keep_presidio_warnings_but_not_its_line_per_narrative(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASBHUB_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ASBHUB_DATABASE_URL", f"sqlite:///{tmp_path / 'hub.sqlite3'}")
    presidio = logging.getLogger("presidio-analyzer")
    before = presidio.level
    presidio.setLevel(logging.INFO)
    try:
        with hub_for(str(tmp_path / "config"), "airflow test"):
            assert not presidio.isEnabledFor(logging.INFO)  # "Loaded recognizer: ..."
            assert presidio.isEnabledFor(logging.WARNING)
    finally:
        presidio.setLevel(before)
