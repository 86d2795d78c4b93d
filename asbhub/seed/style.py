"""How a handler's hand shows in a narrative: capitals, typos, name case, ways of writing times."""

from __future__ import annotations

import random
import re
from datetime import datetime, timedelta

_PLACEHOLDER = re.compile(r"(\{[a-z_]+\})")
_CAPS_CACHE: dict[str, str] = {}
_NAMES_CACHE: dict[str, tuple[str, ...]] = {}
# Keyed by the id of a module-level template tuple, which lives as long as the module.
_USABLE_CACHE: dict[tuple[int, frozenset[str]], tuple[str, ...]] = {}
# Spelt out here rather than by strftime, whose names follow the process's locale.
_DAYS = ("Mon", "Tues", "Wednes", "Thurs", "Fri", "Satur", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def pick(rng: random.Random, templates: tuple[str, ...], empty: frozenset[str]) -> str:
    """A template whose placeholders all have values (any template if none has)."""
    key = (id(templates), empty)
    usable = _USABLE_CACHE.get(key)
    if usable is None:
        usable = tuple(t for t in templates if empty.isdisjoint(_placeholders(t))) or templates
        _USABLE_CACHE[key] = usable
    return rng.choice(usable)


def _placeholders(template: str) -> tuple[str, ...]:
    names = _NAMES_CACHE.get(template)
    if names is None:
        names = tuple(m[1:-1] for m in _PLACEHOLDER.findall(template))
        _NAMES_CACHE[template] = names
    return names


def caps(template: str) -> str:
    """The template in capitals, its placeholders untouched."""
    cached = _CAPS_CACHE.get(template)
    if cached is None:
        parts = _PLACEHOLDER.split(template)
        cached = "".join(p if p.startswith("{") else p.upper() for p in parts)
        _CAPS_CACHE[template] = cached
    return cached


def typo(rng: random.Random, template: str) -> str:
    """One slip of the keyboard in a literal word (never inside a placeholder)."""
    words = template.split(" ")
    for _ in range(4):
        i = rng.randrange(len(words))
        word = words[i]
        if len(word) < 5 or not word.isalpha():
            continue
        j = rng.randrange(1, len(word) - 2)
        kind = rng.random()
        if kind < 0.4:
            word = word[:j] + word[j + 1] + word[j] + word[j + 2 :]
        elif kind < 0.7:
            word = word[:j] + word[j + 1 :]
        else:
            word = word[:j] + word[j] + word[j:]
        words[i] = word
        return " ".join(words)
    return template


def name_as_written(rng: random.Random, first: str, last: str, style: str) -> str:
    """A name in the case a handler in this style types it; always first name then surname."""
    full = f"{first} {last}"
    if style == "lower":
        return full.lower()
    if style == "caps":
        return full.upper()
    r = rng.random()
    if r < 0.6:
        return full
    if r < 0.8:
        return f"{first} {last.upper()}"
    return full.lower() if r < 0.9 else full.upper()


def when_written(rng: random.Random, at: datetime) -> str:
    """When the behaviour happened, written as handlers write it."""
    b = at - timedelta(minutes=rng.randrange(5, 60 * 20))
    form = rng.randrange(8)
    if form == 0:
        return f"at approx {b:%H%M}hrs"
    if form == 1:
        return f"on {b:%d/%m} at {b:%H%M}"
    if form == 2:
        return f"{b:%d/%m/%Y} {b:%H:%M}"
    if form == 3:
        return f"last night around {b:%H}:{rng.choice(('00', '15', '30', '45'))}"
    if form == 4:
        return f"between {b:%H}00-{(b.hour + 2) % 24:02d}00hrs"
    if form == 5:
        return f"on {_DAYS[b.weekday()]}day at {b:%H%M}"
    if form == 6:
        return f"since {rng.choice(('Aug', 'Sept', 'the summer', 'last month', 'Easter'))}"
    clock = f"{b.hour % 12 or 12}.{b:%M}{'pm' if b.hour >= 12 else 'am'}"
    return f"{_DAYS[b.weekday()][:3]} {b:%d} {_MONTHS[b.month - 1]} approx {clock}"
