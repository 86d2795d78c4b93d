"""Score a redactor against gold sets: recall per type, over-redaction, survival and leaks.

Each gold set is labelled with what the engine's tuning saw of it, so a score on a set the engine
was tuned on is never read as a score on new text: only the blind set says how the engine does
on narratives nobody tuned it for.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel

from asbhub.errors import DataError, HubError, UnreadableFile
from asbhub.pii.engine import STRUCTURED_TYPES
from asbhub.pii.resolve import Entity, redact_text

STRUCTURED = frozenset(STRUCTURED_TYPES)


class SetRole(StrEnum):
    """What the engine's tuning saw of a gold set."""

    TUNED_ON = "tuned-on"
    HELD_OUT = "held-out"  # new values in the tuning set's sentence shapes
    BLIND = "blind"  # written apart from the engine; never studied, only its totals read
    SEEN = "seen"  # written as a blind set, then seen by the tuning: no longer blind
    UNLABELLED = "unlabelled"


# The gold sets in report order. shapes.jsonl (class examples written for the tuning) is reported
# once it exists.
GOLD_SETS: dict[str, SetRole] = {
    "dev": SetRole.TUNED_ON,
    "holdout": SetRole.HELD_OUT,
    "handwritten": SetRole.TUNED_ON,
    "shapes": SetRole.TUNED_ON,
    "tuning": SetRole.TUNED_ON,
    "tuning2": SetRole.TUNED_ON,
    "tuning3": SetRole.TUNED_ON,
    "tuning4": SetRole.TUNED_ON,
    "tuning5": SetRole.TUNED_ON,
    "tuning6": SetRole.TUNED_ON,
    "tuning7": SetRole.TUNED_ON,
    "tuning8": SetRole.TUNED_ON,
    "tuning9": SetRole.TUNED_ON,
    "tuning10": SetRole.TUNED_ON,
    "tuning11": SetRole.TUNED_ON,
    "tuning12": SetRole.TUNED_ON,
    "tuning13": SetRole.TUNED_ON,
    "tuning14": SetRole.TUNED_ON,
    "tuning15": SetRole.TUNED_ON,
    "tuning16": SetRole.TUNED_ON,
    "tuning17": SetRole.TUNED_ON,
    "tuning18": SetRole.TUNED_ON,
    "tuning19": SetRole.TUNED_ON,
    "tuning20": SetRole.TUNED_ON,
    "tuning21": SetRole.TUNED_ON,
    "tuning22": SetRole.TUNED_ON,
    "tuning23": SetRole.TUNED_ON,
    "tuning24": SetRole.TUNED_ON,
    "tuning25": SetRole.TUNED_ON,
    "tuning26": SetRole.TUNED_ON,
    "tuning27": SetRole.TUNED_ON,
    "tuning28": SetRole.TUNED_ON,
    "tuning29": SetRole.TUNED_ON,
    "tuning30": SetRole.TUNED_ON,
    "tuning31": SetRole.TUNED_ON,
    "tuning32": SetRole.TUNED_ON,
    "tuning33": SetRole.TUNED_ON,
    "tuning34": SetRole.TUNED_ON,
    "tuning35": SetRole.TUNED_ON,
    "tuning36": SetRole.TUNED_ON,
    "tuning37": SetRole.TUNED_ON,
    "tuning38": SetRole.TUNED_ON,
    "tuning39": SetRole.TUNED_ON,
    "tuning40": SetRole.TUNED_ON,
    "tuning41": SetRole.TUNED_ON,
    "tuning42": SetRole.TUNED_ON,
    "tuning43": SetRole.TUNED_ON,
    "tuning44": SetRole.TUNED_ON,
    "tuning45": SetRole.TUNED_ON,
    "tuning46": SetRole.TUNED_ON,
    "tuning47": SetRole.TUNED_ON,
    "tuning48": SetRole.TUNED_ON,
    "tuning49": SetRole.TUNED_ON,
    "tuning50": SetRole.TUNED_ON,
    "tuning51": SetRole.TUNED_ON,
    "tuning52": SetRole.TUNED_ON,
    "tuning53": SetRole.TUNED_ON,
    "tuning54": SetRole.TUNED_ON,
    "tuning55": SetRole.TUNED_ON,
    "tuning56": SetRole.TUNED_ON,
    "tuning57": SetRole.TUNED_ON,
    "tuning58": SetRole.TUNED_ON,
    "tuning59": SetRole.TUNED_ON,
    "tuning60": SetRole.TUNED_ON,
    "tuning61": SetRole.TUNED_ON,
    "tuning62": SetRole.TUNED_ON,
    "tuning63": SetRole.TUNED_ON,
    "tuning64": SetRole.TUNED_ON,
    "tuning65": SetRole.TUNED_ON,
    "tuning66": SetRole.TUNED_ON,
    "tuning67": SetRole.TUNED_ON,
    "tuning68": SetRole.TUNED_ON,
    "tuning69": SetRole.TUNED_ON,
    "tuning70": SetRole.TUNED_ON,
    "tuning71": SetRole.TUNED_ON,
    "tuning72": SetRole.TUNED_ON,
    "tuning73": SetRole.TUNED_ON,
    "tuning74": SetRole.TUNED_ON,
    "tuning75": SetRole.TUNED_ON,
    "tuning76": SetRole.TUNED_ON,
    "tuning77": SetRole.TUNED_ON,
    "tuning78": SetRole.TUNED_ON,
    "tuning79": SetRole.TUNED_ON,
    "tuning80": SetRole.TUNED_ON,
    "tuning81": SetRole.TUNED_ON,
    "tuning82": SetRole.TUNED_ON,
    "tuning83": SetRole.TUNED_ON,
    "tuning84": SetRole.TUNED_ON,
    "blind_seen": SetRole.SEEN,
    "blind_earlier": SetRole.SEEN,
    "blind": SetRole.BLIND,
    "fresh": SetRole.BLIND,
    "unseen": SetRole.BLIND,
    "novel": SetRole.BLIND,
    "sealed": SetRole.BLIND,
    "withheld": SetRole.BLIND,
    "reserved": SetRole.BLIND,
}


@dataclass(frozen=True)
class GoldSet:
    name: str
    path: Path
    role: SetRole


def gold_set(path: Path) -> GoldSet:
    """A gold file labelled by its name (dev, holdout, handwritten, shapes, tuning, blind_seen,
    blind_earlier, blind)."""
    return GoldSet(path.stem, path, GOLD_SETS.get(path.stem, SetRole.UNLABELLED))


def find_gold_sets(folder: Path) -> list[GoldSet]:
    """The known gold sets present in `folder`, in report order."""
    found = [gold_set(folder / f"{name}.jsonl") for name in GOLD_SETS]
    found = [s for s in found if s.path.is_file()]
    if not found:
        names = ", ".join(f"{name}.jsonl" for name in GOLD_SETS)
        raise HubError(
            f"{folder}: no gold sets ({names}); run from the repository's root or give --gold-dir"
        )
    return found


@dataclass
class GoldRecord:
    """One narrative with its personal spans and the strings that must survive."""

    id: str
    text: str
    spans: list[tuple[str, int, int]]
    keep: list[str] = field(default_factory=list)
    known: dict[str, list[str]] | None = None


class TypeScore(BaseModel):
    gold: int
    found: int
    recall: float
    leaked: int


class Scorecard(BaseModel):
    """What `asbhub pii evaluate` reports for one redactor."""

    redactor: str
    records: int
    per_type: dict[str, TypeScore]
    recall: float
    structured_recall: float
    name_recall: float
    address_recall: float
    over_redaction: float
    keep_survival: float
    leaked_structured: int
    leaked_examples: list[str]


def load_gold(path: Path) -> list[GoldRecord]:
    """Read a gold JSONL file; every bad line is reported at once."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UnreadableFile(f"{path}: cannot read as UTF-8 JSON Lines ({exc})") from exc
    records, problems = [], []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            text = raw["text"]
            spans = [(s["type"], int(s["start"]), int(s["end"])) for s in raw.get("spans", [])]
            if any(not (0 <= a < b <= len(text)) for _, a, b in spans):
                raise ValueError("a span lies outside the text")
            records.append(
                GoldRecord(str(raw["id"]), text, spans, list(raw.get("keep", [])), raw.get("known"))
            )
        except (ValueError, KeyError, TypeError) as exc:
            problems.append(f"{path} line {number}: {exc}")
    if problems:
        raise DataError("\n".join(problems))
    return records


def score(
    name: str, records: Sequence[GoldRecord], predictions: Iterable[list[Entity]]
) -> Scorecard:
    """Compare predicted entities with gold spans (a span counts when all its letters/digits go)."""
    gold_n: dict[str, int] = defaultdict(int)
    found_n: dict[str, int] = defaultdict(int)
    leaked_n: dict[str, int] = defaultdict(int)
    leaks: list[str] = []
    outside = over = kept = keep_total = 0
    for rec, entities in zip(records, predictions, strict=True):
        redacted = [False] * len(rec.text)
        for ent in entities:
            for pos in range(ent.start, ent.end):
                redacted[pos] = True
        personal = [False] * len(rec.text)
        output = redact_text(rec.text, entities)
        for entity_type, start, end in rec.spans:
            gold_n[entity_type] += 1
            for pos in range(start, end):
                personal[pos] = True
            if all(redacted[p] for p in range(start, end) if rec.text[p].isalnum()):
                found_n[entity_type] += 1
            value = rec.text[start:end]
            if len(value) >= 3 and value in output:
                leaked_n[entity_type] += 1
                leaks.append(f"{rec.id} {entity_type}: {value!r}")
        for pos, ch in enumerate(rec.text):
            if not personal[pos] and not ch.isspace():
                outside += 1
                over += redacted[pos]
        keep_total += len(rec.keep)
        kept += sum(1 for k in rec.keep if k in output)
    per_type = {
        t: TypeScore(
            gold=gold_n[t],
            found=found_n[t],
            recall=_ratio(found_n[t], gold_n[t]),
            leaked=leaked_n[t],
        )
        for t in sorted(gold_n)
    }
    structured = [t for t in gold_n if t in STRUCTURED]
    return Scorecard(
        redactor=name,
        records=len(records),
        per_type=per_type,
        recall=_ratio(sum(found_n.values()), sum(gold_n.values())),
        structured_recall=_ratio(
            sum(found_n[t] for t in structured), sum(gold_n[t] for t in structured)
        ),
        name_recall=_ratio(found_n["PERSON"], gold_n["PERSON"]),
        address_recall=_ratio(found_n["STREET_ADDRESS"], gold_n["STREET_ADDRESS"]),
        over_redaction=round(over / outside, 4) if outside else 0.0,
        keep_survival=_ratio(kept, keep_total),
        leaked_structured=sum(leaked_n[t] for t in structured),
        leaked_examples=leaks[:40],
    )


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 1.0


def evaluate_engine(records: Sequence[GoldRecord], engine: object, n_process: int = 1) -> Scorecard:
    from asbhub.pii.engine import RedactionEngine

    assert isinstance(engine, RedactionEngine)
    items = [(r.text, r.known) for r in records]
    predictions = (
        red.entities for red in engine.redact_many(items, batch_size=64, n_process=n_process)
    )
    return score("asbhub", records, predictions)


def evaluate_vanilla(records: Sequence[GoldRecord], model: str | None = None) -> Scorecard:
    from asbhub.pii.vanilla import vanilla_entities

    return score("vanilla-presidio", records, (vanilla_entities(r.text, model) for r in records))


def render(cards: Sequence[Scorecard], show_leaks: bool = True) -> str:
    """A plain table: one column per redactor."""
    rows = _table([("", [c.redactor for c in cards])], cards)
    if show_leaks:
        for c in cards:
            for leak in c.leaked_examples[:15]:
                rows.append(f"  leaked by {c.redactor}: {leak}")
    return "\n".join(rows)


_SUMMARY_ROWS = (
    ("recall overall", "recall"),
    ("recall names", "name_recall"),
    ("recall addresses", "address_recall"),
    ("recall structured ids", "structured_recall"),
    ("structured left whole", "leaked_structured"),
    ("over-redaction", "over_redaction"),
    ("must-keep survival", "keep_survival"),
)
_LABEL = len("recall ") + max(map(len, ("PERSON", "STREET_ADDRESS", *STRUCTURED_TYPES))) + 1
_CELL = 16


def _table(header: Sequence[tuple[str, Sequence[str]]], cards: Sequence[Scorecard]) -> list[str]:
    """Rows of per-type recall and the summary figures, one column per scorecard."""

    def row(label: str, cells: Iterable[object]) -> str:
        return f"{label:<{_LABEL}}" + "".join(f"{cell:>{_CELL}}" for cell in cells)

    rows = [row(label, cells) for label, cells in header]
    rows.append(row("narratives", (c.records for c in cards)))
    for t in sorted({t for c in cards for t in c.per_type}):
        rows.append(
            row(
                f"recall {t}",
                (
                    f"{c.per_type[t].recall:.3f} ({c.per_type[t].gold:>3})"
                    if t in c.per_type
                    else "-"
                    for c in cards
                ),
            )
        )
    for label, attr in _SUMMARY_ROWS:
        rows.append(row(label, (_figure(getattr(c, attr)) for c in cards)))
    return rows


def _figure(value: float | int) -> str:
    return f"{value:.4f}" if isinstance(value, float) else str(value)


RedactFn = Callable[[str], list[Entity]]


class Targets(BaseModel):
    """The bar the engine is held to, measured on the blind set (the issue on redaction)."""

    recall: float = 0.97
    name_recall: float = 0.95
    address_recall: float = 0.95
    structured_recall: float = 0.99
    leaked_structured: int = 0
    over_redaction: float = 0.02
    keep_survival: float = 0.98

    def missed(self, card: Scorecard) -> list[str]:
        """Each target the scorecard falls short of, with both figures."""
        misses = [
            f"{attr} {getattr(card, attr)} < {getattr(self, attr)}"
            for attr in (
                "recall",
                "name_recall",
                "address_recall",
                "structured_recall",
                "keep_survival",
            )
            if getattr(card, attr) < getattr(self, attr)
        ]
        if card.over_redaction > self.over_redaction:
            misses.append(f"over_redaction {card.over_redaction} > {self.over_redaction}")
        if card.leaked_structured > self.leaked_structured:
            misses.append(f"leaked_structured {card.leaked_structured} > {self.leaked_structured}")
        return misses


class SetReport(BaseModel):
    """One gold set scored for the engine (and vanilla Presidio beside it)."""

    name: str
    path: str
    role: SetRole
    engine: Scorecard
    vanilla: Scorecard | None = None
    targets_missed: list[str]


def evaluate_sets(
    sets: Sequence[GoldSet], engine: object, compare_vanilla: bool = True, n_process: int = 1
) -> list[SetReport]:
    """Score every set. A blind set's leaks are counted, never listed, so it stays blind."""
    reports = []
    for gold in sets:
        records = load_gold(gold.path)
        cards = [evaluate_engine(records, engine, n_process=n_process)]
        if compare_vanilla:
            cards.append(evaluate_vanilla(records))
        if gold.role is SetRole.BLIND:
            cards = [c.model_copy(update={"leaked_examples": []}) for c in cards]
        reports.append(
            SetReport(
                name=gold.name,
                path=str(gold.path),
                role=gold.role,
                engine=cards[0],
                vanilla=cards[1] if compare_vanilla else None,
                targets_missed=Targets().missed(cards[0]),
            )
        )
    return reports


def render_sets(reports: Sequence[SetReport]) -> str:
    """Every set side by side, one table per redactor, then each set against the targets."""
    blocks = [_set_table("asbhub engine", [(r, r.engine) for r in reports])]
    with_vanilla = [(r, r.vanilla) for r in reports if r.vanilla is not None]
    if with_vanilla:
        blocks.append(_set_table("vanilla Presidio", with_vanilla))
    lines = [f"targets ({_targets_text()}), engine:"]
    for r in reports:
        verdict = "all met" if not r.targets_missed else "missed " + "; ".join(r.targets_missed)
        lines.append(f"  {r.name} ({r.role}): {verdict}")
    for r in reports:
        if r.role is SetRole.BLIND:
            lines.append(f"  {r.name}: examples of leaks are not listed, so the set stays blind")
            continue
        lines.extend(f"  leaked in {r.name}: {leak}" for leak in r.engine.leaked_examples[:10])
    blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _set_table(title: str, columns: Sequence[tuple[SetReport, Scorecard]]) -> str:
    header = [
        (title, [r.name for r, _ in columns]),
        ("", [r.role.value for r, _ in columns]),
    ]
    return "\n".join(_table(header, [c for _, c in columns]))


def _targets_text() -> str:
    t = Targets()
    return (
        f"recall >= {t.recall}, names >= {t.name_recall}, addresses >= {t.address_recall}, "
        f"structured >= {t.structured_recall} with {t.leaked_structured} left whole, "
        f"over-redaction <= {t.over_redaction}, must-keep >= {t.keep_survival}"
    )
