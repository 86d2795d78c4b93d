"""The outbound night by phases, as the DAG's three tasks run it: stage, check, deliver. A staged
batch that no longer reads back as staging wrote it, or holds a column the ISA does not allow,
is found by the check and refused by delivery; a night whose referrals were stopped still sends
its notices; each phase says what it did in a typed result."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from airflow.sdk.exceptions import AirflowFailException
from sqlalchemy import select

from asbhub.airflow import tasks
from asbhub.pipeline import feed_checks, outbound
from asbhub.pipeline.outbound import (
    CheckStatus,
    OutboundStatus,
    StageStatus,
    check_staged,
    deliver_night,
    run_outbound,
    stage_night,
)
from asbhub.runtime import Hub
from asbhub.store.models import Delivery, Referral
from connectors import TransportError
from tests.pipeline.conftest import NIGHT, add_quiet_nights
from tests.pipeline.test_outbound import FailingTransport

PARTNER = "chelmsford_council"


def staged_file(hub: Hub, stem: str) -> Path:
    with hub.store.session() as session:
        delivery = session.scalars(
            select(Delivery).where(Delivery.partner_id == PARTNER, Delivery.status == "staged")
        ).one()
        folder = hub.areas.staging_path(delivery.staging_path or "")
    return next(folder.glob(f"{stem}-*"))


def statuses(hub: Hub) -> set[str]:
    with hub.store.session() as session:
        return set(session.scalars(select(Referral.status).where(Referral.partner_id == PARTNER)))


def test_the_three_phases_deliver_what_staging_wrote(
    night_hub: tuple[Hub, dict[str, Path]],
) -> None:
    hub, roots = night_hub
    partner = hub.partner(PARTNER)
    staged = stage_night(hub, partner, NIGHT)
    assert staged.status == StageStatus.STAGED
    assert staged.batch_id == f"B-{PARTNER}-20261125" and staged.staged > 0
    assert statuses(hub) == {"staged"}
    checked = check_staged(hub, partner)
    assert (checked.status, checked.batches, checked.problems) == (
        CheckStatus.PASSED,
        [staged.batch_id],
        [],
    )
    sent = deliver_night(hub, partner)
    assert sent.status == OutboundStatus.DELIVERED
    assert [b.batch_id for b in sent.batches] == [staged.batch_id]
    assert (roots[PARTNER] / "inbox" / "manifest-20261125.json").is_file()
    assert statuses(hub) == {"delivered"}
    # Nothing left in staging: the check has nothing to read, delivery nothing to send.
    assert check_staged(hub, partner).batches == []
    assert deliver_night(hub, partner).batches == []


@pytest.mark.parametrize("how", ["row_added", "bytes_changed", "column_added", "file_gone"])
def test_a_staged_batch_that_changed_is_found_by_the_check_and_never_sent(
    night_hub: tuple[Hub, dict[str, Path]], how: str
) -> None:
    hub, roots = night_hub
    partner = hub.partner(PARTNER)
    stage_night(hub, partner, NIGHT)
    path = staged_file(hub, "referrals")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    if how == "row_added":
        rows.append(rows[-1])
    elif how == "bytes_changed":
        first = rows[1][0]  # the same size, one character different
        rows[1][0] = first[:-1] + ("Y" if first[-1] == "Z" else "Z")
    elif how == "column_added":
        rows = [
            [*row, "officer_notes" if i == 0 else "Synthetic Name"] for i, row in enumerate(rows)
        ]
    if how == "file_gone":
        path.unlink()
    else:
        with path.open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh, lineterminator="\r\n").writerows(rows)
    checked = check_staged(hub, partner)
    assert checked.status == CheckStatus.FAILED
    text = " ".join(checked.problems)
    assert path.name in text
    expected = {
        "row_added": "the manifest says",
        "bytes_changed": "SHA-256 differs",
        "column_added": "not allowed ['officer_notes']",
        "file_gone": "missing from the staging folder",
    }[how]
    assert expected in text
    assert "Synthetic Name" not in text  # problems name files and counts, never values
    sent = deliver_night(hub, partner)
    assert sent.status == OutboundStatus.FAILED_CHECK and sent.batches == []
    assert expected in (sent.reason or "")
    assert list((roots[PARTNER] / "inbox").glob("*")) == []
    assert statuses(hub) == {"staged"}  # bound to the batch, not disclosed


def test_a_stopped_night_is_a_result_the_check_task_fails_on_while_notices_still_go(
    night_hub: tuple[Hub, dict[str, Path]], monkeypatch: pytest.MonkeyPatch
) -> None:
    hub, _ = night_hub
    partner = hub.partner(PARTNER)
    add_quiet_nights(hub.store, "chelmsford_council")
    monkeypatch.setattr(feed_checks, "MIN_ROW_CEILING", 1)
    staged = stage_night(hub, partner, NIGHT)
    assert staged.status == StageStatus.STOPPED and staged.batch_id is None
    assert "expect_table_row_count_to_be_between" in (staged.reason or "")
    assert statuses(hub) == {"pending"}
    xcom = {"batch_id": None, "status": str(staged.status), "reason": staged.reason}
    monkeypatch.setattr(tasks, "hub_for", lambda *_: _same(hub))
    with pytest.raises(AirflowFailException, match="staging stopped"):
        tasks.check_partner_batches(PARTNER, xcom, "unused", "test")
    assert deliver_night(hub, partner).batches == []  # nothing staged: nothing sent


def test_a_later_failure_never_writes_over_an_earlier_one(
    night_hub: tuple[Hub, dict[str, Path]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Staging stopped the referrals, then the partner's server failed too: the night's
    result keeps the first failure and says the second."""
    hub, _ = night_hub
    add_quiet_nights(hub.store, "chelmsford_council")
    monkeypatch.setattr(feed_checks, "MIN_ROW_CEILING", 1)

    def unreachable(partner: object) -> object:
        raise TransportError("sftp: connection refused (injected)")

    (night,) = run_outbound(hub, [PARTNER], NIGHT, transport_factory=unreachable).partners
    assert night.status == OutboundStatus.FAILED_EXPECTATIONS
    assert "expect_table_row_count_to_be_between" in (night.reason or "")
    assert "then delivery failed_transport: sftp: connection refused" in (night.reason or "")


def test_the_deliver_task_retries_a_failed_upload_and_fails_a_bad_batch_at_once(
    night_hub: tuple[Hub, dict[str, Path]], monkeypatch: pytest.MonkeyPatch
) -> None:
    hub, _ = night_hub
    partner = hub.partner(PARTNER)
    stage_night(hub, partner, NIGHT)
    monkeypatch.setattr(tasks, "hub_for", lambda *_: _same(hub))
    real = outbound.open_transport
    monkeypatch.setattr(outbound, "open_transport", lambda spec: FailingTransport(real(spec), 1))
    with pytest.raises(tasks.DeliveryFailed):
        tasks.deliver_partner_batches(PARTNER, NIGHT, "unused", "test")
    monkeypatch.setattr(outbound, "open_transport", real)
    staged_file(hub, "referrals").write_text("changed after staging\r\n", encoding="utf-8")
    with pytest.raises(AirflowFailException, match="not sent"):
        tasks.deliver_partner_batches(PARTNER, NIGHT, "unused", "test")
    with pytest.raises(AirflowFailException, match="problem"):
        tasks.check_partner_batches(PARTNER, {"status": "staged"}, "unused", "test")


class _same:
    """hub_for's shape over a hub the test already has (left open for the test)."""

    def __init__(self, hub: Hub) -> None:
        self.hub = hub

    def __enter__(self) -> Hub:
        return self.hub

    def __exit__(self, *exc: object) -> None:
        return None
