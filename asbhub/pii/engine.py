"""The redaction engine: Presidio analysis with UK and hub recognizers, then typed placeholders."""

from __future__ import annotations

import functools
import logging
import re
import traceback
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeAlias

from asbhub.pii import parallel
from asbhub.pii.model import model_name
from asbhub.pii.organisations import without_organisations
from asbhub.pii.plain import View, plain_view
from asbhub.pii.resolve import Candidate, Entity, redact_text, settle

if TYPE_CHECKING:
    from asbhub.pii.deny_list import KeyedDenyList

__all__ = ["STRUCTURED_TYPES", "Entity", "Redaction", "RedactionEngine"]

STRUCTURED_TYPES = (
    "UK_POSTCODE",
    "UK_NHS",
    "UK_NINO",
    "UK_VEHICLE_REGISTRATION",
    "UK_PASSPORT",
    "UK_DRIVING_LICENCE",
    "PHONE_NUMBER",
    "EMAIL_ADDRESS",
    "DATE_OF_BIRTH",
    "POLICE_REFERENCE",
    "PNC_ID",
    "SOCIAL_MEDIA_HANDLE",
)
ALL_TYPES = ("PERSON", "STREET_ADDRESS", *STRUCTURED_TYPES)
SCORE_THRESHOLD = 0.4

log = logging.getLogger(__name__)

# What a narrative the engine failed on becomes: withheld whole, never sent as it stands.
WITHHELD = "<WITHHELD>"

# The record's own values by entity type, or (once its detail is cleared) their keyed digests.
Known: TypeAlias = "Mapping[str, Sequence[str]] | KeyedDenyList | None"


@dataclass(frozen=True)
class Redaction:
    """A narrative with its personal data replaced, and where each replaced span was.

    `withheld`: the engine failed on this narrative, so the whole of it was replaced; a caller
    that sends narratives on should hold the record back and say why."""

    text: str
    entities: list[Entity]
    withheld: bool = False


class RedactionEngine:
    """Find and replace personal data in free text; the model loads once per process."""

    def __init__(
        self,
        model: str | None = None,
        score_threshold: float = SCORE_THRESHOLD,
        shared_reference: str | None = None,
    ) -> None:
        """`shared_reference`: a regular expression for the force's own incident references
        ("42/\\d{6}/\\d{2}"), left in the text where the ISA shares them; other agencies'
        references, crime numbers and the rest still go."""
        self.model = model or model_name()
        self.score_threshold = score_threshold
        self.shared_reference = shared_reference
        self._shared = re.compile(shared_reference) if shared_reference else None

    # -- building (lazy, so importing this module stays light) --------------------------------

    @functools.cached_property
    def pattern_recognizers(self) -> list[Any]:
        from asbhub.pii.recognizers.registry import pattern_recognizers

        return pattern_recognizers()

    @functools.cached_property
    def nlp_engine(self) -> Any:
        from asbhub.pii.nlp_engine import build_nlp_engine

        return build_nlp_engine(self.model)

    @functools.cached_property
    def analyzer(self) -> Any:
        from asbhub.pii.recognizers.registry import build_analyzer

        return build_analyzer(self.nlp_engine, self.pattern_recognizers, self.score_threshold)

    @functools.cached_property
    def _enhancer(self) -> Any:
        from asbhub.pii.context import WindowContextEnhancer

        return WindowContextEnhancer()

    # -- public API ------------------------------------------------------------------------

    def redact(self, text: str, known: Known = None) -> Redaction:
        """Redact one narrative; `known` maps entity types to values from its structured fields."""
        return self.redact_batch([(text, known)])[0]

    def redact_many(
        self,
        items: Iterable[str | tuple[str, Known]],
        batch_size: int = 64,
        n_process: int = 1,
    ) -> Iterator[Redaction]:
        """Redact a stream in order, holding only a few batches in memory at a time.

        With n_process > 1 the batches go to worker processes that each load the model once.
        """
        pairs = ((item, None) if isinstance(item, str) else item for item in items)
        batches = parallel.batched(pairs, batch_size)
        if n_process <= 1:
            for batch in batches:
                yield from self.redact_batch(batch)
            return
        self.analyzer  # noqa: B018 - load before forking so workers share the model pages
        _PARENT["engine"] = self  # a forked worker starts from this engine, already built
        yield from parallel.ordered_map(
            _worker_redact,
            batches,
            n_process,
            _worker_init,
            (self.model, self.score_threshold, self.shared_reference),
        )

    def redact_batch(self, batch: Sequence[tuple[str, Known]]) -> list[Redaction]:
        """Redact one batch in this process: NER through spaCy's nlp.pipe, then each recognizer
        over the whole batch (analysis.py).

        One narrative can never stop the batch: a narrative the engine fails on is withheld
        whole (see `Redaction.withheld`) and the failure logged without its text; where the
        batch's analysis fails, each narrative is analysed again on its own."""
        from asbhub.pii.analysis import analyze_batch

        try:
            views = [plain_view(text) for text, _ in batch]
            texts = [view.text for view in views]
            artifacts = list(self.nlp_engine.artifacts_for(texts, batch_size=max(1, len(texts))))
            found = analyze_batch(self.analyzer, texts, artifacts, self.score_threshold)
        except Exception as exc:
            if len(batch) == 1:
                return [_withheld(batch[0][0], exc)]
            return [redaction for item in batch for redaction in self.redact_batch([item])]
        redactions = []
        for (text, known), view, results in zip(batch, views, found, strict=True):
            try:
                redactions.append(self._redact_with(text, known, view, results))
            except Exception as exc:
                redactions.append(_withheld(text, exc))
        return redactions

    def find_structured_pii(self, text: str) -> list[Entity]:
        """Identifiers by pattern only (no model, no names): the fast last-line check."""
        view = plain_view(text)
        text = view.text
        candidates = []
        for recognizer in self.pattern_recognizers:
            entity_type = recognizer.supported_entities[0]
            if entity_type == "PERSON":
                continue
            for res in recognizer.analyze(text, [entity_type], None):
                score = res.score
                if score < self.score_threshold and self._enhancer.window_has(
                    text, res.start, res.end, set(recognizer.context or ())
                ):
                    score = max(score + 0.35, 0.4)
                if score >= self.score_threshold:
                    candidates.append(Candidate(entity_type, res.start, res.end, score, "pattern"))
        entities = without_organisations(text, settle(text, candidates))
        return _in_original(view, self._unshared(text, entities))

    # -- internals -------------------------------------------------------------------------

    def _redact_with(
        self, original: str, known: Known, view: View, results: list[Any]
    ) -> Redaction:
        """One narrative's redaction from the analysis of its plain view (what the recognizers
        read)."""
        text = view.text
        from asbhub.pii.recognizers.fields import plain_cells

        plain = plain_cells(text)  # a table's cells under "town", "agency", "time"…
        candidates = _outside(
            plain, [Candidate(r.entity_type, r.start, r.end, r.score, _source(r)) for r in results]
        )
        towns = record_towns(text, known)
        candidates += known_candidates(text, known, towns)
        if text != original:  # the record's own values as written, whatever the view undid
            for cand in known_candidates(original, known):
                span = view.view_span(cand.start, cand.end)
                if span is not None:
                    candidates.append(Candidate(cand.type, *span, cand.score, cand.source))
        from asbhub.pii.beside import (
            beside_names,
            listed_like,
            old_dates,
            said_again,
            tidy,
        )
        from asbhub.pii.names import (
            case_parties,
            clean_names,
            drop_straddling,
            families_by_plural,
            initials_of_names,
            initials_where_a_person_stands,
            joined_names,
            names_a_thing,
            not_a_name_word,
            quoted_names_listed,
            repeat_names,
            short_forenames,
            signed_messages,
            signing_initials,
            user_names,
            without_pets,
        )

        candidates = drop_straddling(text, clean_names(text, candidates))
        entities = settle(text, candidates)
        again = repeat_names(text, entities, towns) + joined_names(text, entities)
        again += quoted_names_listed(text, entities)
        again += beside_names(text, entities) + listed_like(text, entities)
        again += old_dates(text, entities) + initials_of_names(text, entities)
        again += said_again(text, entities) + initials_where_a_person_stands(text)
        again += families_by_plural(text) + case_parties(text) + signing_initials(text)
        again += user_names(text) + signed_messages(text) + short_forenames(text, entities)
        again = _outside(plain, again)
        if again:
            entities = settle(text, candidates + again)
            # a full name found beside others ("deshawn oyelaran (14)") counts wherever its
            # words recur
            found = {
                (c.start, c.end)
                for c in again
                if c.type == "PERSON"
                and len(words := re.findall(r"[^\W\d_]+", text[c.start : c.end].lower())) >= 2
                and not any(not_a_name_word(w) for w in words)  # no place's or word's repeats
            }
            if found:
                named = [e for e in entities if e.type == "PERSON" and (e.start, e.end) in found]
                more = _outside(plain, repeat_names(text, named, towns))
                if more:
                    entities = settle(text, candidates + again + more)
        entities = without_organisations(text, tidy(text, entities))
        # (an operation's or a storm's name, however a name was found: "Op Ivy", "Storm Arwen")
        entities = [e for e in entities if e.type != "PERSON" or not names_a_thing(text, e)]
        entities = without_pets(text, entities)
        entities = _in_original(view, self._unshared(text, entities))
        return Redaction(redact_text(original, entities), entities)

    def _unshared(self, text: str, entities: list[Entity]) -> list[Entity]:
        """Leave out the force's own incident references where they are shared."""
        if self._shared is None:
            return entities
        shared = self._shared
        return [
            e
            for e in entities
            if not (e.type == "POLICE_REFERENCE" and shared.fullmatch(text[e.start : e.end]))
        ]


def _withheld(text: str, exc: Exception) -> Redaction:
    """The whole narrative replaced, and the failure logged by its kind and place only: an
    exception's message may quote the text."""
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    log.error(
        "redaction failed on a narrative (%s at %s); it is withheld whole",
        type(exc).__name__,
        f"{where.filename}:{where.lineno}" if where else "unknown place",
    )
    return Redaction(WITHHELD, [Entity("WITHHELD", 0, len(text), 1.0)], withheld=True)


def record_towns(text: str, known: Known) -> frozenset[str]:
    """The words of `text` (lower case) that may be towns of the record's own addresses: from
    its values, or from its keyed digests once the detail is cleared."""
    from asbhub.pii.deny_list import KeyedDenyList
    from asbhub.pii.names import localities_before_towns, towns_before_postcodes
    from asbhub.pii.recognizers.known_values import known_towns

    # and the towns the narrative writes before a postcode ("Troydale Lane, Morley LS27 9QX"),
    # and the districts between a street and its town ("9 Chester Road, Bradley, Huddersfield")
    found = known.towns_in(text) if isinstance(known, KeyedDenyList) else known_towns(known)
    return found | towns_before_postcodes(text) | localities_before_towns(text)


def known_candidates(
    text: str, known: Known, towns: frozenset[str] | None = None
) -> list[Candidate]:
    """The record's own values found in its text: as written in the narrative
    (known_values.py) and in their normal forms, or by keyed digest only (deny_list.py).
    `towns` are `record_towns(text, known)`, where the caller has them already."""
    from asbhub.pii.deny_list import DenyList, KeyedDenyList
    from asbhub.pii.recognizers.known_values import KNOWN_SCORE, known_spans

    if not known:
        return []  # no values of its own: nothing to look for (the deny list would hash every run)
    if isinstance(known, KeyedDenyList):
        spans = [(m.entity_type, m.start, m.end) for m in known.spans(text)]
    else:
        spans = known_spans(text, known)
        spans += [(m.entity_type, m.start, m.end) for m in DenyList.of(known).spans(text)]
    from asbhub.pii.names import place_use_of_a_name

    if towns is None:
        towns = record_towns(text, known)
    return [
        Candidate(t, start, end, KNOWN_SCORE, "known")
        for t, start, end in spans
        if not (t == "PERSON" and place_use_of_a_name(text, start, end, towns))
    ]


def _outside(cells: list[tuple[int, int]], candidates: list[Candidate]) -> list[Candidate]:
    """The candidates that do not lie within one of `cells`."""
    if not cells:
        return candidates
    return [c for c in candidates if not any(a <= c.start and c.end <= b for a, b in cells)]


def _in_original(view: View, entities: list[Entity]) -> list[Entity]:
    """Entities found in the view, at their offsets in the original text."""
    if view.starts is None:
        return entities
    return [Entity(e.type, *view.span(e.start, e.end), e.score) for e in entities]


def _source(result: Any) -> str:
    name = (result.recognition_metadata or {}).get("recognizer_name", "")
    if name in ("SpacyRecognizer",):
        return "ner"
    if name in ("PersonContextRecognizer", "NameGazetteerRecognizer"):
        return "context"
    return "pattern"


# -- worker side of redact_many(n_process > 1) -------------------------------------------------

_WORKER: dict[str, RedactionEngine] = {}
# The engine whose redact_many last started workers. A forked worker inherits it, recognizers
# compiled and all, and takes it as its own when it was built the same way: rebuilding it cost
# each worker a second or more, a sixth of a 2,000-narrative run on two processes. A spawned
# worker starts empty and builds its own.
_PARENT: dict[str, RedactionEngine] = {}


def _worker_init(model: str, score_threshold: float, shared_reference: str | None) -> None:
    inherited = _PARENT.get("engine")
    if inherited is not None and (
        inherited.model,
        inherited.score_threshold,
        inherited.shared_reference,
    ) == (model, score_threshold, shared_reference):
        _WORKER["engine"] = inherited
        return
    engine = RedactionEngine(model, score_threshold, shared_reference)
    engine.analyzer  # noqa: B018 - load once per worker, not per batch
    _WORKER["engine"] = engine


def _worker_redact(batch: Sequence[tuple[str, Known]]) -> list[Redaction]:
    return _WORKER["engine"].redact_batch(batch)
