"""Rotating the ledger key with `asbhub ledger rekey`, from a shell, on a ledger that retention
has sealed in part and whose heads a disposal run's certificate and a verification recorded:
the chain verifies under the new key only, old heads are still checked, searches still answer
with the lookup key, a process left with the old key cannot chain onto the new ledger, and a
ledger that does not verify is not re-keyed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from typer.testing import CliRunner

from asbhub.cli import app
from asbhub.store.engine import Store
from asbhub.store.models import LedgerEvent
from tests.ledger.history import R_A1, ROOT, History, build

runner = CliRunner()
OLD = "test-ledger-key-synthetic-only"
NEW = "rotated-ledger-key-synthetic-0001"
NEWER = "rotated-ledger-key-synthetic-0002"


@pytest.fixture
def history(store: Store, tmp_path: Path) -> History:
    return build(store, tmp_path)


def cli(history: History, *args: str, **keys: str) -> tuple[int, str]:
    """The command with the ledger keys given (ASBHUB_LEDGER_<NAME>), nothing else of them."""
    config = history.areas.home.parent / "config"
    if not config.exists():
        config.mkdir()
        shutil.copy(ROOT / "config" / "retention.yaml", config / "retention.yaml")
    env = {"ASBHUB_DATABASE_URL": history.store.url}
    env |= {f"ASBHUB_LEDGER_{name.upper()}": value for name, value in keys.items()}
    result = runner.invoke(
        app, ["--home", str(history.areas.home), "--config-dir", str(config), *args], env=env
    )
    return result.exit_code, result.stdout + result.stderr


def verified(history: History, **keys: str) -> dict[str, object]:
    code, out = cli(history, "--json", "ledger", "verify", "--by", "IM Jones", **keys)
    result: dict[str, object] = json.loads(out)
    assert (code == 0) == bool(result["ok"]), out
    return result


def events(history: History) -> int:
    with history.store.session() as session:
        return int(session.scalar(select(func.count()).select_from(LedgerEvent)) or 0)


def disposed_and_anchored(history: History) -> str:
    """A disposal run planned, approved, executed and verified (its certificate records the
    ledger's head), then the ledger verified (recording its head too)."""
    code, out = cli(history, "retention", "plan", "--as-of", "2031-06-01", key=OLD)
    assert code == 0, out
    run_id = out.splitlines()[0].strip()
    assert cli(history, "disposal", "approve", run_id, "--by", "J. Bloggs", key=OLD)[0] == 0
    assert cli(history, "disposal", "execute", run_id, key=OLD)[0] == 0
    code, out = cli(history, "disposal", "verify", run_id, key=OLD)
    assert code == 0, out
    before = verified(history, key=OLD)
    assert before["ok"] and before["counts"]["disclosure"] == {"live": 2, "sealed": 1}  # type: ignore[index]
    return run_id


def test_a_rotated_ledger_verifies_under_the_new_key_and_keeps_its_old_heads(
    history: History,
) -> None:
    run_id = disposed_and_anchored(history)
    old_head = verified(history, key=OLD)
    code, out = cli(history, "ledger", "rekey", "--by", "A. Engineer", "--why", "annual", key=OLD)
    assert code != 0 and "ASBHUB_LEDGER_NEW_KEY" in out, out

    code, out = cli(
        history, "ledger", "rekey", "--by", "A. Engineer", "--why", "annual rotation",
        key=OLD, new_key=NEW,
    )  # fmt: skip
    assert code == 0, out
    assert "ledger re-keyed" in out and "sealed" in out
    assert "ASBHUB_LEDGER_LOOKUP_KEY = the old key" in out
    assert OLD not in out and NEW not in out  # fingerprints only, never a key

    # The old key no longer verifies anything; the new one verifies it all, heads included: the
    # certificate's and the last verification's, both recorded under the old key.
    broken = verified(history, key=OLD, lookup_key=OLD)
    assert not broken["ok"] and broken["first_bad_seq"] == 1
    after = verified(history, key=NEW, lookup_key=OLD)
    assert after["ok"], after
    expected = dict(old_head["counts"])  # type: ignore[call-overload]
    before = expected.get("alteration", {"live": 0, "sealed": 0})
    expected["alteration"] = {"live": before["live"] + 1, "sealed": before["sealed"]}
    assert after["counts"] == expected  # the same events, sealed as they were, + the rotation
    assert int(after["anchors_checked"]) >= 2  # type: ignore[call-overload]
    with history.store.session() as session:
        rotation = session.scalars(
            select(LedgerEvent).where(LedgerEvent.kind == "alteration").order_by(LedgerEvent.seq)
        ).all()[-1]
        record = rotation.details["ledger_rekeyed"]
        assert record["heads"][str(old_head["head_seq"])] == old_head["head_hash"]
        assert rotation.actor == "A. Engineer" and rotation.justification == "annual rotation"

    # Lookups stay under the key they were made with: a search needs the lookup key.
    code, out = cli(
        history, "ledger", "search", "--reference", R_A1, "--by", "IM Jones", "--why", "SAR 9",
        key=NEW, lookup_key=OLD,
    )  # fmt: skip
    assert code == 0, out
    assert f"by run {run_id} under rule referral-standard" in out
    code, out = cli(history, "disposal", "verify", run_id, key=NEW, lookup_key=OLD)
    assert code == 0, out

    # A process still holding the old key cannot chain onto the re-keyed ledger.
    count = events(history)
    code, out = cli(
        history, "ledger", "search", "--reference", R_A1, "--by", "IM Jones", "--why", "SAR 10",
        key=OLD,
    )  # fmt: skip
    assert code != 0 and "ledger key was rotated" in out, out
    assert events(history) == count

    # A second rotation; the heads recorded before the first are still checked.
    code, out = cli(
        history, "ledger", "rekey", "--by", "A. Engineer", "--why", "suspected leak",
        key=NEW, lookup_key=OLD, new_key=NEWER,
    )  # fmt: skip
    assert code == 0, out
    assert "ASBHUB_LEDGER_LOOKUP_KEY" not in out  # already set: it stays as it is
    assert verified(history, key=NEWER, lookup_key=OLD)["ok"]
    assert not verified(history, key=NEW, lookup_key=OLD)["ok"]


def test_a_head_replaced_after_a_rotation_is_still_found(history: History) -> None:
    disposed_and_anchored(history)
    code, out = cli(history, "ledger", "rekey", "--by", "A", "--why", "w", key=OLD, new_key=NEW)
    assert code == 0, out
    with history.store.engine.begin() as conn:  # the newest events cut off, rotation included
        conn.execute(text("DELETE FROM ledger_references WHERE seq >= 7"))
        conn.execute(text("DELETE FROM ledger_events WHERE seq >= 7"))
    result = verified(history, key=NEW, lookup_key=OLD)
    assert not result["ok"] and "missing from the end of the ledger" in str(result["problem"])


def test_a_ledger_that_does_not_verify_is_not_rekeyed(history: History) -> None:
    disposed_and_anchored(history)
    with history.store.engine.begin() as conn:
        conn.execute(text("UPDATE ledger_events SET actor = 'someone else' WHERE seq = 2"))
    count = events(history)
    with history.store.session() as session:
        hashes = list(session.scalars(select(LedgerEvent.hash).order_by(LedgerEvent.seq)))
    code, out = cli(history, "ledger", "rekey", "--by", "A", "--why", "w", key=OLD, new_key=NEW)
    assert code != 0 and "does not verify under the current key" in out, out
    assert "event 2" in out
    with history.store.session() as session:
        assert list(session.scalars(select(LedgerEvent.hash).order_by(LedgerEvent.seq))) == hashes
    assert events(history) == count


def test_the_new_key_must_differ_and_be_long_enough(history: History) -> None:
    code, out = cli(history, "ledger", "rekey", "--by", "A", "--why", "w", key=OLD, new_key=OLD)
    assert code != 0 and "is the key in use" in out, out
    code, out = cli(history, "ledger", "rekey", "--by", "A", "--why", "w", key=OLD, new_key="x")
    assert code != 0 and "too short" in out, out
