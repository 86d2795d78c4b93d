"""Turn overlapping recognizer results into one non-overlapping set of typed spans, and redact."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# Who wins where results overlap: the record's own values, then patterns, then context names,
# then the NER model (which on UK text calls some postcodes and towns PERSON).
PRIORITY = {"known": 3, "pattern": 2, "context": 1, "ner": 0}


@dataclass(frozen=True)
class Entity:
    """One redacted span: type, offsets into the original text, confidence."""

    type: str
    start: int
    end: int
    score: float


@dataclass(frozen=True)
class Candidate:
    """A recognizer's proposal before overlaps are settled."""

    type: str
    start: int
    end: int
    score: float
    source: str  # a PRIORITY key


def settle(text: str, candidates: Sequence[Candidate]) -> list[Entity]:
    """Paint candidates weakest first so stronger ones overwrite; runs become entities."""
    if not candidates:
        return []
    owner: list[int] = [-1] * len(text)
    ordered = sorted(
        range(len(candidates)),
        key=lambda i: (
            PRIORITY[candidates[i].source],
            candidates[i].score,
            candidates[i].end - candidates[i].start,
        ),
    )
    for i in ordered:
        cand = candidates[i]
        for pos in range(cand.start, cand.end):
            owner[pos] = i
    entities: list[Entity] = []
    pos = 0
    while pos < len(text):
        i = owner[pos]
        if i < 0:
            pos += 1
            continue
        start, entity_type, score = pos, candidates[i].type, candidates[i].score
        while pos < len(text) and owner[pos] >= 0 and candidates[owner[pos]].type == entity_type:
            score = max(score, candidates[owner[pos]].score)
            pos += 1
        end = pos
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            entities.append(Entity(entity_type, start, end, round(score, 3)))
    return entities


def redact_text(text: str, entities: Sequence[Entity]) -> str:
    """Replace each entity with its <TYPE> placeholder."""
    parts, last = [], 0
    for ent in entities:
        parts.append(text[last : ent.start])
        parts.append(f"<{ent.type}>")
        last = ent.end
    parts.append(text[last:])
    return "".join(parts)
