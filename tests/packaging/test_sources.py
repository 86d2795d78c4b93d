"""No source file holds a control character.

A backspace written where a regular expression meant `\\b` (a `"\\b"` inside an ordinary string,
or an edit that unescaped it) compiles without complaint and never matches: a rule that looks
right in review and silently does nothing. This checks every Python file the project ships
and tests with, from the bytes on disk.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CODE_DIRS = ("asbhub", "connectors", "contracts", "expectations", "dags", "tests", "bench")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def test_no_python_source_holds_a_control_character() -> None:
    found = []
    files = [p for d in CODE_DIRS if (ROOT / d).is_dir() for p in (ROOT / d).rglob("*.py")]
    assert len(files) > 100
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            match = _CONTROL.search(line)
            if match:
                found.append(f"{path.relative_to(ROOT)}:{number}: {match.group()!r}")
    assert not found, found
