"""Turn overlapping recognizer results into one non-overlapping set of typed spans, and redact."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

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
        if end > start and not _remnant(text, candidates, owner, start, end, entity_type):
            entities.append(Entity(entity_type, start, end, round(score, 3)))
    return entities


# Identifiers that always hold a digit: what is left of one after a stronger span took its
# digits ("as" of "as 401-023-2137" once the NHS number is found) is not one.
_HOLDS_A_DIGIT = frozenset(
    ["POLICE_REFERENCE", "PNC_ID", "UK_NHS", "UK_NINO", "UK_PASSPORT", "UK_DRIVING_LICENCE"]
)


def _remnant(
    text: str, candidates: Sequence[Candidate], owner: list[int], start: int, end: int, kind: str
) -> bool:
    if kind not in _HOLDS_A_DIGIT or any(ch.isdigit() for ch in text[start:end]):
        return False
    glued_after = end < len(text) and owner[end] >= 0 and not text[end].isspace()
    glued_before = start > 0 and owner[start - 1] >= 0 and not text[start - 1].isspace()
    if glued_after or glued_before:
        return False  # "NWP-" of "NWP-240709-0411": the system's letters of the same token
    cand = candidates[owner[start]]
    return any(ch.isdigit() for ch in text[cand.start : cand.end])


def redact_text(text: str, entities: Sequence[Entity]) -> str:
    """Replace each entity with its <TYPE> placeholder, through presidio-anonymizer's engine.

    The spans are settled already (no overlaps), so the anonymizer's own conflict resolution has
    nothing to do, and adjacent spans are not merged: the text and the entities agree.
    """
    if not entities:
        return text
    from presidio_anonymizer.entities import RecognizerResult

    operators = placeholder_operators()
    results = [RecognizerResult(e.type, e.start, e.end, e.score) for e in entities]
    missing = {e.type for e in entities} - operators.keys()
    if missing:
        operators = {**operators, **{t: _placeholder(t) for t in missing}}
    return str(
        _anonymizer()
        .anonymize(text, results, operators=operators, merge_entities_with_spaces=False)
        .text
    )


def placeholder_operators() -> dict[str, Any]:
    """One "replace" operator per entity type, each writing its <TYPE> placeholder."""
    from asbhub.pii.engine import ALL_TYPES

    return _operators(ALL_TYPES)


@functools.lru_cache(maxsize=4)
def _operators(types: tuple[str, ...]) -> dict[str, Any]:
    return {t: _placeholder(t) for t in types}


def _placeholder(entity_type: str) -> Any:
    from presidio_anonymizer.entities import OperatorConfig

    return OperatorConfig("replace", {"new_value": f"<{entity_type}>"})


@functools.lru_cache(maxsize=1)
def _anonymizer() -> Any:
    from presidio_anonymizer import AnonymizerEngine

    return AnonymizerEngine()
