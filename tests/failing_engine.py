"""Make the redaction engine fail on the narratives that hold a word, as an unforeseen bug would:
for the tests that one narrative the engine fails on never stops the rest."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest


def fail_on(monkeypatch: pytest.MonkeyPatch, word: str, where: str = "names") -> None:
    """Raise an IndexError wherever `word` is in what the engine's step is given: its name
    cleaning (`where="names"`, once per narrative), a whole batch's analysis ("analysis") or
    the plain view each narrative is read through ("plain view")."""
    from asbhub.pii import analysis, engine, names

    module: Any
    module, attribute = {
        "analysis": (analysis, "analyze_batch"),
        "plain view": (engine, "plain_view"),
    }.get(where, (names, "clean_names"))
    real: Callable[..., Any] = getattr(module, attribute)

    def run(*args: Any, **kwargs: Any) -> Any:
        texts = [a for a in args if isinstance(a, str)]
        texts += [t for a in args if isinstance(a, list) for t in a if isinstance(t, str)]
        if any(word in t for t in texts):
            raise IndexError("list index out of range")
        return real(*args, **kwargs)

    monkeypatch.setattr(module, attribute, run)
