"""Faults mid-run: a connection killed mid-fetch, a fetch that fails for good, a crash between
two chunks of one file, a crash before the outbox is tidied. Re-running loads each row once."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from asbhub import ledger
from asbhub.partners import PartnerConfig
from asbhub.pipeline.inbound import rows as inbound_rows
from asbhub.pipeline.inbound.load import load_files
from asbhub.pipeline.inbound.run import (
    default_transport,
    fetch_partner,
    report_partner,
    run_inbound,
)
from asbhub.runtime import Hub
from asbhub.store.models import LedgerEvent, Outcome
from connectors import TransientTransportError, Transport
from tests.connectors.harnesses import Harness, SFTPHarness
from tests.inbound.conftest import HubFactory
from tests.inbound.world import PARTNER, World, build_world

VALID = "outcomes-valid.csv"


class Faulty:
    """A real transport with one fault injected at the n-th call of one operation."""

    def __init__(self, inner: Transport, operation: str, at: int, fault: Any) -> None:
        self.inner, self.operation, self.at, self.fault, self.calls = inner, operation, at, fault, 0

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self.inner, name)
        if name != self.operation:
            return attribute

        def wrapped(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            if self.calls == self.at:
                self.fault()
            return attribute(*args, **kwargs)

        return wrapped

    def __enter__(self) -> Faulty:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.inner.close()


def send_files(harness: Harness, world: World, count: int) -> None:
    for n in range(count):
        text = world.render((Path(__file__).parents[1] / "fixtures/inbound" / VALID).read_text())
        harness.write_raw(
            "outbox",
            f"outcomes-{n}.csv",
            text.replace("-1,", f"-{n}1,")
            .replace("-2,", f"-{n}2,")
            .replace("-3,", f"-{n}3,")
            .encode(),
        )


def each_row_once(hub: Hub, expected: int) -> None:
    with hub.store.session() as session:
        ids = Counter(session.scalars(select(Outcome.outcome_id)))
        events = session.scalar(
            select(func.count()).where(LedgerEvent.kind == ledger.EventKind.COMBINATION.value)
        )
    assert sum(ids.values()) == expected and set(ids.values()) == {1}
    assert events == expected  # one combination event per outcome, none twice


class WorkerStopped(BaseException):
    """The process told to stop mid-file (as on SIGTERM): the per-file boundary lets it through."""


def raise_drop() -> None:
    raise TransientTransportError("connection dropped mid-fetch (injected)")


@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
def test_a_connection_killed_mid_fetch_is_retried_and_a_rerun_finishes(
    make_hub: HubFactory, request: pytest.FixtureRequest
) -> None:
    server = request.getfixturevalue("sshd_server")
    harness = SFTPHarness(server)
    hub = make_hub(harness)
    world = build_world(hub, "K")
    send_files(harness, world, 1)
    drops: list[Faulty] = []

    def kill_sessions(partner: PartnerConfig) -> Faulty:
        faulty = Faulty(default_transport(partner), "get", 1, server.drop_connections)
        drops.append(faulty)
        return faulty

    first = run_inbound(hub, [PARTNER], transport_factory=kill_sessions)
    assert first.ok and first.partners[0].files[0].rows_loaded == 3  # the retry reconnected
    each_row_once(hub, 3)

    send_files(harness, world, 3)  # outcomes-0 again (same bytes) and two new files
    failing = run_inbound(
        hub,
        [PARTNER],
        transport_factory=lambda p: Faulty(default_transport(p), "get", 2, raise_drop),
    )
    # The one file whose transfer failed is named, left in the outbox, and stops no other file.
    statuses = {f.name: f.status for f in failing.partners[0].files}
    assert statuses["outcomes-1.csv"] == "not_fetched"
    assert statuses["outcomes-2.csv"] == "partially_loaded"  # its R3 row: a closed case
    assert not failing.ok and failing.partners[0].failed_files == ["outcomes-1.csv"]
    assert "outcomes-1.csv" in harness.raw_names("outbox")
    rerun = run_inbound(hub, [PARTNER])
    assert rerun.ok and all(f.balanced for f in rerun.partners[0].files)
    assert not harness.raw_names("outbox")
    # The new files update R1 and R2 again (2 rows each); R3 is closed, so their third rows
    # are quarantined. Each loaded row is in the store, and in the ledger, exactly once.
    loaded = sum(f.rows_loaded for r in (failing, rerun) for f in r.partners[0].files)
    assert loaded == 4
    each_row_once(hub, 7)


def test_a_crash_between_chunks_resumes_the_file(
    local_hub: tuple[Hub, Harness], monkeypatch: pytest.MonkeyPatch
) -> None:
    hub, harness = local_hub
    world = build_world(hub, "C")
    send_files(harness, world, 1)
    monkeypatch.setattr(inbound_rows, "COMMIT_EVERY", 1)
    real = ledger.append_many
    calls = {"n": 0}

    def crash_on_second(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 2:
            raise WorkerStopped("the worker was stopped (injected)")
        return real(*args, **kwargs)

    monkeypatch.setattr(ledger, "append_many", crash_on_second)
    with pytest.raises(WorkerStopped):
        run_inbound(hub, [PARTNER])
    each_row_once(hub, 1)  # the first chunk committed; the second rolled back
    result = run_inbound(hub, [PARTNER])
    (got,) = result.partners[0].files
    assert (got.status, got.rows_in, got.rows_loaded, got.rows_quarantined) == ("loaded", 3, 3, 0)
    each_row_once(hub, 3)


def test_a_load_task_stopped_part_way_leaves_its_file_for_the_next_night(
    local_hub: tuple[Hub, Harness], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The three tasks of an inbound DAG, as Airflow runs them: the load task's worker is
    stopped between chunks; the report task (it runs whatever the load said) leaves the file
    in the outbox; the next night fetches it again and the load resumes where it stopped."""
    hub, harness = local_hub
    world = build_world(hub, "S")
    send_files(harness, world, 1)
    partner = hub.partner(PARTNER)
    fetched = fetch_partner(hub, partner)
    assert fetched.status == "ok" and len(fetched.to_load) == 1
    assert not harness.raw_names("processed")  # nothing leaves the outbox before it ended
    monkeypatch.setattr(inbound_rows, "COMMIT_EVERY", 1)
    real = ledger.append_many
    calls = {"n": 0}

    def stop_on_second(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 2:
            raise WorkerStopped("the worker was stopped (injected)")
        return real(*args, **kwargs)

    monkeypatch.setattr(ledger, "append_many", stop_on_second)
    with pytest.raises(WorkerStopped):
        load_files(hub, partner, fetched.to_load, 10_000_000)
    monkeypatch.setattr(ledger, "append_many", real)
    reported = report_partner(hub, partner, fetched.file_ids)
    assert reported.waiting == fetched.to_load and not reported.tidied
    assert harness.raw_names("outbox") == {"outcomes-0.csv"}
    each_row_once(hub, 1)

    again = fetch_partner(hub, partner)
    assert again.to_load == fetched.to_load  # the same file, known by name and bytes
    (got,) = load_files(hub, partner, again.to_load, 10_000_000).files
    assert (got.status, got.rows_in, got.rows_loaded, got.rows_quarantined) == ("loaded", 3, 3, 0)
    assert report_partner(hub, partner, again.file_ids).tidied == again.to_load
    assert not harness.raw_names("outbox")
    each_row_once(hub, 3)


def test_a_crash_before_tidying_the_outbox_loads_nothing_twice(
    local_hub: tuple[Hub, Harness],
) -> None:
    hub, harness = local_hub
    world = build_world(hub, "T")
    send_files(harness, world, 1)

    def fail_move() -> None:
        raise TransientTransportError("dropped before the move (injected)")

    first = run_inbound(
        hub,
        [PARTNER],
        transport_factory=lambda p: Faulty(default_transport(p), "move", 1, fail_move),
    )
    (loaded,) = first.partners[0].files  # loaded; only the tidying failed, and is named
    assert loaded.status == "loaded"
    assert loaded.failure == "after processing: TransientTransportError"
    assert not first.ok
    assert harness.raw_names("outbox") == {"outcomes-0.csv"}
    again = run_inbound(hub, [PARTNER])
    assert [f.status for f in again.partners[0].files] == ["already_received"]
    assert not harness.raw_names("outbox")
    each_row_once(hub, 3)
