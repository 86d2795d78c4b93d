"""Turn overlapping recognizer results into one non-overlapping set of typed spans, and redact."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from asbhub.pii.gazetteers import places

# Who wins where results overlap: the record's own values, then patterns, then context names,
# then the NER model (which on UK text calls some postcodes and towns PERSON).
PRIORITY = {"known": 3, "pattern": 2, "context": 1, "ner": 0}
_ORG_AFTER = re.compile(
    r"^\s*(?:city\s+|borough\s+|district\s+|county\s+|metropolitan\s+)?(?:council|housing|homes"
    r"|police|trust|association|partnership|services|team|school|academy|college|group|centre"
    r"|center|hospital|road|street|lane|avenue|estate|park|station|fire|nhs|mind|care|ltd)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
# Words the model sometimes calls PERSON in call-handler prose.
_ROLE_WORDS = frozenset(
    [
        "victim",
        "caller",
        "suspect",
        "complainant",
        "informant",
        "witness",
        "male",
        "female",
        "youth",
        "youths",
        "mum",
        "dad",
        "tenant",
        "resident",
        "occupant",
        "neighbour",
        "officer",
        "pcso",
        "anon",
        "staff",
        "owner",
        "driver",
    ]
)


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


def drop_false_names(text: str, candidates: Iterable[Candidate]) -> list[Candidate]:
    """Remove model/gazetteer names that are really places, organisations or codes."""
    kept = []
    town_words = places()
    for cand in candidates:
        if cand.type == "PERSON" and cand.source in ("ner", "context"):
            span = text[cand.start : cand.end]
            words = [w.lower().removesuffix("'s").removesuffix("’s") for w in _WORD.findall(span)]
            if (not words or any(c.isdigit() for c in span)) and cand.source == "ner":
                continue
            if words and all(
                w in town_words or w in _ROLE_WORDS or w in ("and", "the") for w in words
            ):
                continue
            if cand.source == "ner" and _ORG_AFTER.match(text[cand.end : cand.end + 40]):
                continue
            if cand.source == "ner" and span.islower() and not _known_name_word(words):
                continue  # "storey block": lower-case model guesses need a known first name
        kept.append(cand)
    return kept


def _known_name_word(words: list[str]) -> bool:
    from asbhub.pii.gazetteers import first_names

    return any(w in first_names() for w in words)


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


def repeat_names(text: str, entities: Sequence[Entity]) -> list[Candidate]:
    """Other mentions of a name already found ("linda richardson" … "PCSO richardson")."""
    from asbhub.pii.gazetteers import COMMON_WORD_NAMES

    words = {
        w
        for ent in entities
        if ent.type == "PERSON"
        for w in _WORD.findall(text[ent.start : ent.end])
        if len(w) > 2 and w.lower() not in COMMON_WORD_NAMES and w.lower() not in _ROLE_WORDS
    }
    if not words:
        return []
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(words))) + r")\b", re.IGNORECASE)
    return [Candidate("PERSON", m.start(), m.end(), 0.6, "context") for m in pattern.finditer(text)]
