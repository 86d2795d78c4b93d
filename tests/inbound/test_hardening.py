"""Files that used to stop a night, each sent through `asbhub --json inbound run --all` beside
another partner's good file: no traceback, the other partner loaded, every file of the poisoned
partner loaded, reported or quarantined with balanced counts, and no other partner's referral
touched. Checked in the CLI's JSON, the partner's folders and the store."""

from __future__ import annotations

import errno
import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from asbhub.cli import app
from asbhub.minimise.narratives import NarrativeRedactor
from asbhub.pipeline.inbound import fetch as inbound_fetch
from asbhub.pipeline.inbound import rows as inbound_rows
from asbhub.runtime import Hub
from asbhub.store.models import InboundFile, Outcome, QuarantineItem, Referral
from tests.connectors.harnesses import LocalHarness
from tests.inbound.conftest import HubFactory
from tests.inbound.world import OTHER, PARTNER, World, build_world

runner = CliRunner()
HEADER = "outcome_id,referral_id,status,recorded_at,lead_agency_accepted,actions,action_date,closed_on,notes"  # noqa: E501
RECORDED = "2026-11-20T10:00:00+00:00"


def csv_rows(world: World, *rows: str) -> bytes:
    return ("\n".join([HEADER, *(world.render(r) for r in rows)]) + "\n").encode()


def good(world: World, n: int = 1) -> bytes:
    return csv_rows(world, f"{{P}}-G{n},{{R1}},accepted,{RECORDED},true,advice,,,")


def jsonl(world: World, *lines: str) -> bytes:
    return ("\n".join(world.render(line) for line in lines) + "\n").encode()


def outcome_json(outcome: str, referral: str, extra: str = "") -> str:
    return (
        f'{{"outcome_id":"{outcome}","referral_id":"{referral}","status":"accepted",'
        f'"recorded_at":"{RECORDED}"{extra}}}'
    )


@dataclass(frozen=True)
class Entry:
    """What must come of one outbox entry: its status, reason, counts, and where it ends up."""

    name: str
    status: str
    reason: str | None = None
    loaded: int = 0
    quarantined: int = 0
    stays: bool = False  # never read, so left in the partner's outbox
    problem: str | None = None  # text the partner's report must carry


@dataclass(frozen=True)
class Poison:
    id: str
    plant: Callable[[Path, World], None]  # writes into PARTNER's outbox folder
    expect: tuple[Entry, ...]
    exit_code: int = 0


def _write(outbox: Path, name: str, data: bytes) -> None:
    (outbox / name).write_bytes(data)


def _write_all(outbox: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        _write(outbox, name, data)


def _plant_link_fifo_and_folder(outbox: Path) -> None:
    (outbox / "outcomes-link.csv").symlink_to("/etc/passwd")
    os.mkfifo(outbox / "outcomes-pipe.csv")  # opening it to read would hang the run
    (outbox / "subfolder").mkdir()  # a partner's sub-folder is not an entry


LONG = "outcomes-" + "x" * (255 - len("outcomes-") - len(".csv")) + ".csv"
DEEP = '"notes":' + "[" * 60_000 + "]" * 60_000
HUGE = "9" * 5_000

POISONS = [
    Poison(
        "json_nested_tens_of_thousands_deep",
        lambda o, w: _write(
            o,
            "outcomes-deep.jsonl",
            jsonl(w, outcome_json("{P}-1", "{R1}"), outcome_json("{P}-2", "{R2}", "," + DEEP)),
        ),
        (
            Entry(
                "outcomes-deep.jsonl",
                "partially_loaded",
                loaded=1,
                quarantined=1,
                problem="nested too deeply",
            ),
        ),
    ),
    Poison(
        "integer_of_thousands_of_digits",
        lambda o, w: _write(
            o,
            "outcomes-bigint.jsonl",
            jsonl(
                w,
                outcome_json("{P}-1", "{R1}"),
                f'{{"outcome_id":{HUGE},"referral_id":"{{R2}}","status":"accepted"}}',
            ),
        ),
        (
            Entry(
                "outcomes-bigint.jsonl",
                "partially_loaded",
                loaded=1,
                quarantined=1,
                problem="too many digits",
            ),
        ),
    ),
    Poison(
        "legal_name_of_255_bytes",
        lambda o, w: _write(o, LONG, good(w)),
        (Entry(LONG, "loaded", loaded=1),),
    ),
    Poison(
        "names_with_control_and_bidirectional_characters",
        lambda o, w: _write_all(
            o,
            {
                "outcomes-\x1b[31mred.csv": good(w, 1),
                "outcomes-\u202egnp.csv": good(w, 2),
                "outcomes-zero\u200bwidth.csv": good(w, 3),
            },
        ),
        (
            Entry("outcomes-\\x1b[31mred.csv", "rejected", "unsafe_name", stays=True),
            Entry("outcomes-\\x202egnp.csv", "rejected", "unsafe_name", stays=True),
            Entry("outcomes-zero\\x200bwidth.csv", "rejected", "unsafe_name", stays=True),
        ),
    ),
    Poison(
        "bare_numbers_and_date_times_in_csv_date_fields",
        lambda o, w: _write(
            o,
            "outcomes-dates.csv",
            csv_rows(
                w,
                f"{{P}}-1,{{R1}},accepted,{RECORDED},,,,,",
                "{P}-2,{R2},accepted,1763632800,,,,,",
                f"{{P}}-3,{{R3}},accepted,{RECORDED},,advice,2026-11-20T10:00:00+00:00,,",
                f"{{P}}-4,{{R4}},accepted,{RECORDED},,advice,20261120,,",
            ),
        ),
        (
            Entry(
                "outcomes-dates.csv",
                "partially_loaded",
                loaded=1,
                quarantined=3,
                problem="is a number; write it in ISO 8601",
            ),
        ),
    ),
    Poison(
        "over_the_size_limit_by_its_listing",
        lambda o, w: _write(o, "outcomes-big.csv", good(w) + b"," * 3000 + b"\n"),
        (
            Entry(
                "outcomes-big.csv",
                "rejected",
                "too_large",
                stays=True,
                problem="over the limit of 2,000 bytes",
            ),
        ),
    ),
    Poison(
        "symlink_out_of_the_folder_and_a_fifo",
        lambda o, w: _plant_link_fifo_and_folder(o),
        (
            Entry("outcomes-link.csv", "rejected", "link_outside", stays=True),
            Entry("outcomes-pipe.csv", "rejected", "special_file", stays=True),
        ),
    ),
    Poison(
        "a_file_the_loader_cannot_handle",
        lambda o, w: _write_all(
            o, {"outcomes-crash.csv": good(w, 1), "outcomes-ok.csv": good(w, 2)}
        ),
        (
            Entry("outcomes-crash.csv", "failed", "unprocessable", problem="could not process"),
            Entry("outcomes-ok.csv", "loaded", loaded=1),
        ),
        exit_code=1,
    ),
    Poison(
        "an_os_error_on_a_local_path",
        lambda o, w: _write_all(
            o, {"outcomes-crash.csv": good(w, 1), "outcomes-ok.csv": good(w, 2)}
        ),
        (
            Entry("outcomes-crash.csv", "failed", "unprocessable", problem="could not process"),
            Entry("outcomes-ok.csv", "loaded", loaded=1),
        ),
        exit_code=1,
    ),
]


@pytest.fixture
def two_partners(
    make_hub: HubFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    redactor: NarrativeRedactor,
) -> Iterator[tuple[Hub, LocalHarness, World]]:
    harness = LocalHarness(tmp_path)
    hub = make_hub(harness)
    # The CLI builds its own hub: give it the session's loaded engine rather than a new model.
    monkeypatch.setattr(Hub, "redactions", property(lambda self: redactor))
    world = build_world(hub, "H")
    yield hub, harness, world
    hub.close()


def other_outbox(tmp_path: Path) -> Path:
    return tmp_path / "partners" / OTHER / "outbox"


def run_cli(tmp_path: Path, hub: Hub, *extra: str) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(
        app,
        [
            "--config-dir", str(tmp_path / "config"), "--home", str(tmp_path / "home"),
            "--json", "inbound", "run", "--all", *extra,
        ],
        env={"ASBHUB_DATABASE_URL": hub.settings.database_url},
        catch_exceptions=False,
    )  # fmt: skip
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.stdout)


def partner(data: dict[str, Any], partner_id: str) -> dict[str, Any]:
    (found,) = [p for p in data["partners"] if p["partner_id"] == partner_id]
    return found


@pytest.mark.parametrize("poison", POISONS, ids=lambda p: p.id)
def test_a_poisoned_outbox_stops_nothing_else(
    poison: Poison,
    two_partners: tuple[Hub, LocalHarness, World],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hub, harness, world = two_partners
    (other_outbox(tmp_path) / "outcomes-other.csv").write_bytes(
        csv_rows(world, f"{{P}}-O1,{{RF}},accepted,{RECORDED},true,advice,,,")
    )
    poison.plant(harness.base / "outbox", world)
    if poison.id == "over_the_size_limit_by_its_listing":
        monkeypatch.setenv("ASBHUB_INBOUND_MAX_BYTES", "2000")
    if poison.id == "a_file_the_loader_cannot_handle":
        real = inbound_rows.load_rows

        def crash_on_one(job: Any) -> Any:
            if job.name == "outcomes-crash.csv":
                raise RecursionError("maximum recursion depth exceeded (injected)")
            return real(job)

        monkeypatch.setattr("asbhub.pipeline.inbound.load.load_rows", crash_on_one)
    if poison.id == "an_os_error_on_a_local_path":
        real_archive = inbound_fetch.archive_original

        def disk_full_for_one(hub: Hub, partner: Any, local: Path, name: str, sha: str) -> str:
            if name == "outcomes-crash.csv":
                raise OSError(errno.ENOSPC, "No space left on device (injected)", str(local))
            return real_archive(hub, partner, local, name, sha)

        monkeypatch.setattr(inbound_fetch, "archive_original", disk_full_for_one)

    code, data = run_cli(tmp_path, hub)

    # Exit 1 when a person must look: a file the hub could not process, or any alert (a file
    # refused or quarantined over the ISA's rate), which is also emailed.
    alerted = " ".join(alert for p in data["partners"] for alert in p["alerts"])
    for entry in poison.expect:  # every file refused or not processed is alerted about
        assert entry.status not in ("rejected", "failed") or entry.name in alerted, alerted
    assert code == (1 if poison.exit_code or alerted else 0), data
    other = partner(data, OTHER)
    assert other["status"] == "ok"
    assert [(f["name"], f["status"], f["rows_loaded"]) for f in other["files"]] == [
        ("outcomes-other.csv", "loaded", 1)
    ]
    ours = partner(data, PARTNER)
    assert ours["status"] == "ok"
    got = {f["name"]: f for f in ours["files"]}
    assert sorted(got) == sorted(e.name for e in poison.expect), got
    outbox_left = harness.raw_names("outbox")
    for entry in poison.expect:
        f = got[entry.name]
        label = f"{entry.name}: {f}"
        assert f["balanced"] and f["rows_in"] == f["rows_loaded"] + f["rows_quarantined"], label
        assert (f["status"], f["reason"]) == (entry.status, entry.reason), label
        assert (f["rows_loaded"], f["rows_quarantined"]) == (entry.loaded, entry.quarantined)
        check_store_agrees(hub, f)
        if entry.status != "loaded":
            report = harness.read_raw("inbox", f["rejection_report"])
            assert report is not None, f"no report for {label}"
            if entry.problem:
                assert entry.problem in report.decode(), report
    # Whatever was read has left the outbox; what was refused stays, never read or moved.
    assert len(outbox_left) == sum(e.stays for e in poison.expect) + (
        1 if poison.id == "symlink_out_of_the_folder_and_a_fifo" else 0  # the sub-folder
    )
    no_foreign_referral_touched(hub)
    if poison.exit_code:
        assert ours["failed_files"] == ["outcomes-crash.csv"]
        check_failed_file_kept(hub, tmp_path, harness)

    # A second run reports nothing twice and reads nothing the first run refused.
    code, again = run_cli(tmp_path, hub)
    assert code == 0
    for f in partner(again, PARTNER)["files"]:
        assert f["status"] == "already_received", f


def check_store_agrees(hub: Hub, f: dict[str, Any]) -> None:
    with hub.store.session() as session:
        record = session.scalar(
            select(InboundFile).where(
                InboundFile.partner_id == PARTNER, InboundFile.sha256 == f["sha256"]
            )
        )
        assert record is not None, f
        assert (record.status, record.rows_in, record.rows_loaded, record.rows_quarantined) == (
            f["status"], f["rows_in"], f["rows_loaded"], f["rows_quarantined"],
        )  # fmt: skip
        items = session.scalars(
            select(QuarantineItem).where(QuarantineItem.inbound_file_id == record.id)
        ).all()
    whole_file = {"rejected": int(not f["rows_in"]), "failed": 1}.get(f["status"], 0)
    assert len(items) == f["rows_quarantined"] + whole_file, (f, [i.reason for i in items])


def no_foreign_referral_touched(hub: Hub) -> None:
    """Every outcome a partner's file loaded is about one of that partner's own referrals."""
    with hub.store.session() as session:
        pairs = session.execute(
            select(InboundFile.partner_id, Referral.partner_id)
            .join(Outcome, Outcome.inbound_file_id == InboundFile.id)
            .join(Referral, Referral.id == Outcome.referral_pk)
        ).all()
    assert pairs and all(sender == owner for sender, owner in pairs), pairs


def check_failed_file_kept(hub: Hub, tmp_path: Path, harness: LocalHarness) -> None:
    with hub.store.session() as session:
        item = session.scalar(
            select(QuarantineItem).where(QuarantineItem.reason.like("unprocessable:%"))
        )
    assert item is not None and item.original_path
    assert item.original_path.startswith("quarantine/")  # a key in the areas, not a path
    kept = hub.areas.fetch(item.original_path)
    assert kept.is_file() and kept.is_relative_to(tmp_path / "home")
    assert "outcomes-crash.csv" in harness.raw_names("processed")  # it cannot stop next night


def test_a_file_still_being_written_waits_for_the_next_run(
    two_partners: tuple[Hub, LocalHarness, World], tmp_path: Path
) -> None:
    hub, harness, world = two_partners
    outbox = harness.base / "outbox"
    growing = outbox / "outcomes-growing.csv"
    growing.write_bytes(csv_rows(world, f"{{P}}-W1,{{R1}},accepted,{RECORDED},,,,,"))
    (outbox / "outcomes-upload.csv.filepart").write_bytes(good(world, 5))
    (outbox / ".outcomes-hidden.csv").write_bytes(good(world, 6))
    stop = threading.Event()

    def keep_writing() -> None:
        n = 2
        while not stop.is_set():
            with growing.open("ab") as handle:
                handle.write(
                    world.render(f"{{P}}-W{n},{{R2}},in_progress,{RECORDED},,,,,\n").encode()
                )
            n += 1
            time.sleep(0.05)

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        code, data = run_cli(tmp_path, hub, "--settle-seconds", "0.5")
    finally:
        stop.set()
        writer.join()
    ours = partner(data, PARTNER)
    assert code == 0 and ours["files"] == []
    assert sorted(ours["still_writing"]) == [
        ".outcomes-hidden.csv", "outcomes-growing.csv", "outcomes-upload.csv.filepart",
    ]  # fmt: skip
    assert "outcomes-growing.csv" in harness.raw_names("outbox")
    with hub.store.session() as session:
        assert session.scalar(select(InboundFile).where(InboundFile.partner_id == PARTNER)) is None

    lines = growing.read_bytes().count(b"\n") - 1
    code, data = run_cli(tmp_path, hub, "--settle-seconds", "0.2")
    (f,) = partner(data, PARTNER)["files"]
    assert (f["name"], f["rows_in"]) == ("outcomes-growing.csv", lines)
    assert f["rows_loaded"] + f["rows_quarantined"] == lines


def test_a_partner_that_renames_is_read_from_one_listing(
    two_partners: tuple[Hub, LocalHarness, World], tmp_path: Path
) -> None:
    from asbhub.pipeline.inbound.outbox import view_outbox

    hub, harness, world = two_partners
    (harness.base / "outbox" / "outcomes-done.csv").write_bytes(good(world))
    stable, renamed = hub.partner(PARTNER), hub.partner(PARTNER)
    renamed = renamed.model_copy(
        update={"transport": renamed.transport.model_copy(update={"ready": "renamed"})}
    )
    waits: list[float] = []
    from connectors import open_transport

    with open_transport(stable.transport) as transport:
        view = view_outbox(transport, stable, 10_000, 3.0, sleep=waits.append)
        assert [f.name for f in view.ready] == ["outcomes-done.csv"] and waits == [3.0]
        view = view_outbox(transport, renamed, 10_000, 3.0, sleep=waits.append)
        assert [f.name for f in view.ready] == ["outcomes-done.csv"] and waits == [3.0]


def test_what_a_killed_run_left_on_disk_is_swept_by_the_next(
    two_partners: tuple[Hub, LocalHarness, World], tmp_path: Path
) -> None:
    hub, harness, world = two_partners
    home = tmp_path / "home"
    old = time.time() - 7 * 3600
    left = [
        home / "inbound" / PARTNER / "0123456789abcdef",
        home / "archive" / PARTNER / "abc-def.part",
        home / "quarantine" / "feed.part",
    ]
    for path in left:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".part":
            path.write_bytes(b"half a copy")
        else:
            path.mkdir()
            (path / "outcomes-x.csv").write_bytes(b"a fetched copy")
        os.utime(path, (old, old))
    running = home / "inbound" / PARTNER / "fedcba9876543210"  # another worker's, just now
    running.mkdir()
    (harness.base / "outbox" / "outcomes-1.csv").write_bytes(good(world))

    code, data = run_cli(tmp_path, hub)

    assert code == 0
    # The quarantine folder is shared: whichever partner runs first sweeps it.
    swept = [path for p in data["partners"] for path in p["swept"]]
    assert sorted(swept) == sorted(str(p.relative_to(home)) for p in left)
    assert not any(p.exists() for p in left)
    assert running.is_dir()
    assert [f["status"] for f in partner(data, PARTNER)["files"]] == ["loaded"]
