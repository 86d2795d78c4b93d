"""The hub reads its environment in one place: every ASBHUB_* option is typed and checked there,
and every secret comes one way (its variable, else the Airflow Variable)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from asbhub.errors import EnvironmentProblem
from asbhub.ledger import load_key
from asbhub.minimise.keys import PseudonymKeys
from asbhub.options import Options
from asbhub.settings import options, resolve, secret

REPO = Path(__file__).resolve().parents[2]
SECRET = "a-secret-value-long-enough"


def _reads_environment(path: Path) -> list[int]:
    """Lines where a module touches os.environ, os.getenv or os.putenv (or imports them)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    lines = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "os"
            and node.attr in {"environ", "getenv", "putenv", "environb"}
        ):
            lines.append(node.lineno)
        names = {a.name for a in node.names} if isinstance(node, ast.ImportFrom) else set()
        if getattr(node, "module", None) == "os" and names & {"environ", "getenv", "putenv"}:
            lines.append(node.lineno)
    return lines


def test_only_the_settings_module_reads_the_environment() -> None:
    found = {
        str(path.relative_to(REPO)): lines
        for package in ("asbhub", "connectors")
        for path in sorted((REPO / package).rglob("*.py"))
        if (lines := _reads_environment(path)) and path != REPO / "asbhub" / "settings.py"
    }
    assert found == {}


def test_every_option_has_one_variable_and_a_bad_value_names_it() -> None:
    given = Options.from_environ(
        {
            "ASBHUB_INBOUND_MAX_BYTES": "2048",
            "ASBHUB_INBOUND_SETTLE_SECONDS": "0.5",
            "ASBHUB_LANDING_PREFIX": "",  # empty counts as unset: the default stands
            "ASBHUB_HOME": "/srv/hub",
            "UNRELATED": "x",
        }
    )
    assert (given.inbound_max_bytes, given.inbound_settle_seconds) == (2048, 0.5)
    assert given.landing_prefix == "landing" and str(given.home) == "/srv/hub"
    assert Options.variable("pii_processes") == "ASBHUB_PII_PROCESSES"
    with pytest.raises(EnvironmentProblem, match="ASBHUB_INBOUND_MAX_BYTES") as caught:
        Options.from_environ({"ASBHUB_INBOUND_MAX_BYTES": "lots", "ASBHUB_LEDGER_KEY": SECRET})
    assert SECRET not in str(caught.value)
    with pytest.raises(EnvironmentProblem, match="ASBHUB_PII_PROCESSES"):
        Options.from_environ({"ASBHUB_PII_PROCESSES": "0"})


def test_settings_are_read_at_each_use(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ASBHUB_HOME", str(tmp_path / "one"))
    assert resolve().home == tmp_path / "one"
    monkeypatch.setenv("ASBHUB_HOME", str(tmp_path / "two"))
    assert resolve().home == tmp_path / "two"
    assert resolve(home=tmp_path / "given").home == tmp_path / "given", "an argument wins"
    monkeypatch.setenv("ASBHUB_RETRY_DELAY_SECONDS", "7")
    assert options().retry_delay_seconds == 7


def test_each_secret_comes_from_its_variable_else_the_airflow_variable() -> None:
    assert secret("ledger_key", {"ASBHUB_LEDGER_KEY": SECRET}) == SECRET
    exported = {"AIRFLOW_VAR_ASBHUB_PSEUDONYM_KEY": SECRET}
    assert secret("pseudonym_key", exported) == SECRET
    both = {"ASBHUB_LEDGER_KEY": SECRET, "AIRFLOW_VAR_ASBHUB_LEDGER_KEY": "another-one-entirely"}
    assert secret("ledger_key", both) == SECRET, "the hub's own variable wins"
    assert secret("ledger_key", {}) is None  # outside a task, no Variable is asked for
    assert PseudonymKeys.from_environment(exported).partner_key("p") == PseudonymKeys(
        SECRET.encode()
    ).partner_key("p")
    with pytest.raises(EnvironmentProblem, match="asbhub_pseudonym_key"):
        PseudonymKeys.from_environment({})


def test_the_ledger_key_is_read_through_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ASBHUB_LEDGER_KEY", raising=False)
    monkeypatch.setenv("AIRFLOW_VAR_ASBHUB_LEDGER_KEY", SECRET)
    assert load_key().secret == SECRET.encode()
    monkeypatch.setenv("ASBHUB_LEDGER_KEY", "short")
    with pytest.raises(EnvironmentProblem, match="too short"):
        load_key()
