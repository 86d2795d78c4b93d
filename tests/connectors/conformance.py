"""The conformance suite every transport passes against its real server (Singer SDK pattern).

A transport's test file subclasses `TransportConformance` and provides a `harness` fixture.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest

from connectors import RemoteFileNotFound, UnsafeRemotePath
from connectors.errors import RemoteFileTooLarge
from connectors.models import Refusal
from connectors.paths import temp_name
from tests.connectors.harnesses import Harness

UNSAFE_NAMES = [
    "../escape.csv",
    "../../etc/passwd",
    "/etc/passwd",
    "sub/dir.csv",
    "a\\b.csv",
    "..",
    ".",
    "",
    "nul\x00byte.csv",
    "new\nline.csv",
    "bell\x07.csv",
]
# Names in a partner's folder that look like temporary files but are not the hub's own.
NOT_OURS = [
    ".DS_Store",
    ".outcome.csv.part",
    ".outcome.csv.filepart",
    ".referrals-20261125.csv.0123456789AB.part",  # upper-case: not our token
    ".referrals-20261125.csv.0123456789a.part",  # 11 hex digits
    "referrals-20261125.csv.0123456789ab.part",  # not hidden
    ".referrals-20261125.csv.0123456789ab.part.bak",
    "outcome.csv",
]
HOUR = timedelta(hours=1)


def write(path: Path, size: int, seed: int = 0) -> str:
    """A file of `size` pseudo-random bytes; returns its SHA-256."""
    digest = hashlib.sha256()
    block = hashlib.sha256(str(seed).encode()).digest() * 2048  # 64 KiB
    with path.open("wb") as fh:
        remaining = size
        while remaining:
            piece = block[: min(remaining, len(block))]
            fh.write(piece)
            digest.update(piece)
            remaining -= len(piece)
    return digest.hexdigest()


class TransportConformance:
    """What every transport promises, checked through the transport and through the back door."""

    @pytest.fixture
    def harness(self) -> Harness:  # pragma: no cover - each transport's test file overrides it
        raise NotImplementedError

    def test_put_then_get_round_trips_with_sha256(self, harness: Harness, tmp_path: Path) -> None:
        source = tmp_path / "feed.csv"
        sha = write(source, 3 * 1024 * 1024 + 17)
        with harness.open() as transport:
            result = transport.put("inbox", "feed.csv", source)
            assert (result.sha256, result.size) == (sha, source.stat().st_size)
            assert transport.get("inbox", "feed.csv", tmp_path / "back.csv") == sha
        assert hashlib.sha256((tmp_path / "back.csv").read_bytes()).hexdigest() == sha
        assert harness.read_raw("inbox", "feed.csv") == source.read_bytes()
        assert harness.raw_names("inbox") == {"feed.csv"}  # no temporary file left behind

    def test_put_replaces_an_existing_file(self, harness: Harness, tmp_path: Path) -> None:
        harness.write_raw("inbox", "feed.csv", b"old contents\n")
        source = tmp_path / "feed.csv"
        source.write_bytes(b"new contents\n")
        with harness.open() as transport:
            transport.put("inbox", "feed.csv", source)
        assert harness.read_raw("inbox", "feed.csv") == b"new contents\n"

    def test_a_reader_never_sees_a_partial_file(self, harness: Harness, tmp_path: Path) -> None:
        source = tmp_path / "big.csv"
        write(source, 12 * 1024 * 1024, seed=1)
        expected = source.read_bytes()
        seen: list[int] = []
        done = threading.Event()

        def watch() -> None:
            while not done.is_set():
                data = harness.read_raw("inbox", "big.csv")
                if data is not None:
                    seen.append(len(data))
                    assert data == expected

        watcher = threading.Thread(target=watch)
        watcher.start()
        try:
            with harness.open() as transport:
                transport.put("inbox", "big.csv", source)
        finally:
            done.set()
            watcher.join()
        assert all(size == len(expected) for size in seen)

    def test_list_shows_ready_files_only(self, harness: Harness, tmp_path: Path) -> None:
        harness.write_raw("outbox", "outcome.csv", b"id,status\n1,closed\n")
        harness.write_raw("outbox", ".outcome2.csv.part", b"id,sta")  # the partner's in-flight
        with harness.open() as transport:
            files = transport.list("outbox")
        assert [(f.name, f.size) for f in files] == [("outcome.csv", 19)]

    def test_exists_delete_and_move(self, harness: Harness) -> None:
        for name in ("a.csv", "b.csv", "c.csv"):
            harness.write_raw("outbox", name, name.encode())
        harness.write_raw("processed", "c.csv", b"an older c")
        with harness.open() as transport:
            assert transport.exists("outbox", "a.csv")
            assert not transport.exists("outbox", "missing.csv")
            transport.move("outbox", "c.csv", "processed")
            transport.delete("outbox", ["a.csv", "b.csv", "never-there.csv"])
            transport.delete("outbox", ["a.csv"])  # a retried delete is not an error
            assert transport.list("outbox") == []
        assert harness.read_raw("processed", "c.csv") == b"c.csv"

    def test_get_of_a_missing_file_leaves_no_destination(
        self, harness: Harness, tmp_path: Path
    ) -> None:
        downloads = tmp_path / "downloads"
        downloads.mkdir()
        with harness.open() as transport, pytest.raises(RemoteFileNotFound):
            transport.get("outbox", "missing.csv", downloads / "dest.csv")
        assert os.listdir(downloads) == []

    @pytest.mark.parametrize("name", UNSAFE_NAMES)
    def test_unsafe_names_are_refused(self, harness: Harness, tmp_path: Path, name: str) -> None:
        source = tmp_path / "x.csv"
        source.write_bytes(b"x")
        with harness.open() as transport:
            for attempt in (
                lambda: transport.put("inbox", name, source),
                lambda: transport.get("outbox", name, tmp_path / "y.csv"),
                lambda: transport.exists("outbox", name),
                lambda: transport.delete("outbox", [name]),
                lambda: transport.move("outbox", name, "processed"),
            ):
                with pytest.raises(UnsafeRemotePath):
                    attempt()
        assert harness.raw_names("inbox") == set()

    def test_hostile_names_from_the_server_are_refused(self, harness: Harness) -> None:
        for name in harness.hostile_names:
            harness.write_raw("outbox", name, b"hostile")
        harness.write_raw("outbox", "fine.csv", b"ok")
        with harness.open() as transport:
            assert [f.name for f in transport.list("outbox")] == ["fine.csv"]

    def test_symlinks_pointing_outside_are_refused(self, harness: Harness, tmp_path: Path) -> None:
        if not harness.supports_symlinks:
            pytest.skip("this store has no symlinks")  # reported by -ra, never silent
        harness.symlink("outbox", "escape.csv", harness.outside_file())
        harness.write_raw("outbox", "inside.csv", b"inside")
        harness.symlink("outbox", "alias.csv", Path("inside.csv"))
        with harness.open() as transport:
            assert [f.name for f in transport.list("outbox")] == ["alias.csv", "inside.csv"]
            with pytest.raises(UnsafeRemotePath):
                transport.get("outbox", "escape.csv", tmp_path / "stolen.csv")
            transport.get("outbox", "alias.csv", tmp_path / "alias.csv")
        assert not (tmp_path / "stolen.csv").exists()
        assert (tmp_path / "alias.csv").read_bytes() == b"inside"

    def test_a_file_over_the_limit_is_refused_before_a_byte_is_copied(
        self, harness: Harness, tmp_path: Path
    ) -> None:
        harness.write_raw("outbox", "big.csv", b"x" * 5000)
        downloads = tmp_path / "downloads"
        downloads.mkdir()
        with harness.open() as transport:
            with pytest.raises(RemoteFileTooLarge, match="5,000 bytes is over the limit"):
                transport.get("outbox", "big.csv", downloads / "big.csv", max_bytes=4999)
            assert transport.get("outbox", "big.csv", downloads / "ok.csv", max_bytes=5000)
        assert os.listdir(downloads) == ["ok.csv"]

    def test_a_remote_name_of_255_bytes_downloads_under_a_hashed_temporary_name(
        self, harness: Harness, tmp_path: Path
    ) -> None:
        name = "outcomes-" + "é" * 121 + ".csv"  # 255 bytes in UTF-8: as long as a name may be
        assert len(name.encode()) == 255
        harness.write_raw("outbox", name, b"id\n1\n")
        with harness.open() as transport:
            assert [f.name for f in transport.list("outbox")] == [name]
            transport.get("outbox", name, tmp_path / name)
        assert (tmp_path / name).read_bytes() == b"id\n1\n"

    def test_survey_accounts_for_every_entry(self, harness: Harness) -> None:
        harness.write_raw("outbox", "ready.csv", b"ok")
        harness.write_raw("outbox", "upload.csv.filepart", b"half")
        harness.write_raw("outbox", ".hidden.csv", b"half")
        for name in harness.hostile_names:
            harness.write_raw("outbox", name, b"hostile")
        with harness.open() as transport:
            survey = transport.survey("outbox")
        assert [f.name for f in survey.files] == ["ready.csv"]
        assert sorted(survey.in_flight) == [".hidden.csv", "upload.csv.filepart"]
        refused = {(r.name, r.reason) for r in survey.refused}
        expected = {(n, Refusal.UNSAFE_NAME) for n in harness.hostile_names if n not in (".", "..")}
        assert expected <= refused, refused

    def test_folder_status_reports_every_folder(self, harness: Harness) -> None:
        with harness.open() as transport:
            statuses = [transport.folder_status(f) for f in harness.spec.folders]
            assert transport.identity()
        assert all(s.exists and s.listable for s in statuses), statuses

    def test_sweep_removes_only_our_own_stale_temporary_files(self, harness: Harness) -> None:
        ours = [
            temp_name("referrals-20261125.csv"),
            temp_name("manifest-20261125.json"),
            "." + "ab" * 12 + ".0123456789ab.part",  # the hashed form, for a very long name
        ]
        for name in [*ours, *NOT_OURS]:
            harness.write_raw("inbox", name, b"half a fi")
        with harness.open() as transport:
            assert transport.sweep_stale_temps("inbox", HOUR) == []  # all young: may be in use
            assert harness.raw_names("inbox") == {*ours, *NOT_OURS}
            time.sleep(0.01)
            assert transport.sweep_stale_temps("inbox", timedelta(0)) == sorted(ours)
            assert transport.sweep_stale_temps("inbox", timedelta(0)) == []
        assert harness.raw_names("inbox") == set(NOT_OURS)

    def test_sweep_keeps_a_young_temporary_file_beside_an_old_one(self, harness: Harness) -> None:
        if not harness.can_backdate:
            pytest.skip("this store sets modification times itself")  # reported by -ra
        old, young = temp_name("referrals-20261124.csv"), temp_name("referrals-20261125.csv")
        for name in (old, young, ".DS_Store"):
            harness.write_raw("inbox", name, b"half a fi")
        harness.backdate("inbox", old, 2 * HOUR)
        harness.backdate("inbox", ".DS_Store", 48 * HOUR)
        with harness.open() as transport:
            assert transport.sweep_stale_temps("inbox", HOUR) == [old]
        assert harness.raw_names("inbox") == {young, ".DS_Store"}
