"""Score a redactor against a gold set: recall per type, over-redaction, survival and leaks."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from asbhub.errors import DataError, UnreadableFile
from asbhub.pii.engine import STRUCTURED_TYPES
from asbhub.pii.resolve import Entity, redact_text

STRUCTURED = frozenset(STRUCTURED_TYPES)


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
    types = sorted({t for c in cards for t in c.per_type})
    head = f"{'':28}" + "".join(f"{c.redactor:>20}" for c in cards)
    rows = [head]
    for t in types:
        cells = "".join(
            f"{c.per_type[t].recall:>13.3f} ({c.per_type[t].gold:>3})"
            if t in c.per_type
            else f"{'-':>20}"
            for c in cards
        )
        rows.append(f"recall {t:<21}{cells}")
    for label, attr in (
        ("recall overall", "recall"),
        ("recall structured ids", "structured_recall"),
        ("recall names", "name_recall"),
        ("over-redaction", "over_redaction"),
        ("must-keep survival", "keep_survival"),
        ("leaked structured", "leaked_structured"),
    ):
        rows.append(f"{label:<28}" + "".join(f"{getattr(c, attr):>20}" for c in cards))
    if show_leaks:
        for c in cards:
            for leak in c.leaked_examples[:15]:
                rows.append(f"  leaked by {c.redactor}: {leak}")
    return "\n".join(rows)


RedactFn = Callable[[str], list[Entity]]
