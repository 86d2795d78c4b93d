"""A Presidio NLP engine over the cached NER-only spaCy pipeline; only entities are extracted."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from asbhub.pii.model import load_ner_model

if TYPE_CHECKING:
    from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine
    from spacy.language import Language

# spaCy labels that become Presidio entities; everything else (GPE, ORG, DATE, TIME…) survives.
NER_LABELS = {"PERSON": "PERSON", "PER": "PERSON"}
IGNORED_LABELS = [
    "CARDINAL",
    "DATE",
    "EVENT",
    "FAC",
    "GPE",
    "LANGUAGE",
    "LAW",
    "LOC",
    "MONEY",
    "NORP",
    "ORDINAL",
    "ORG",
    "PERCENT",
    "PRODUCT",
    "QUANTITY",
    "TIME",
    "WORK_OF_ART",
    "NRP",
    "MISC",
]


def build_nlp_engine(model: str) -> SpacyNlpEngine:
    """A SpacyNlpEngine whose `nlp` is our cached NER-only pipeline for `model`.

    Only Presidio's public extension points are used: `load` is overridden to hand it our
    pipeline, and artifacts come from its public `process_batch`. Its lemmas are read from
    the disabled lemmatizer (empty strings, at no cost); context comes from the text window
    (WindowContextEnhancer) instead.
    """
    from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine

    class NerOnlySpacyNlpEngine(SpacyNlpEngine):
        """Loads through `load_ner_model` (once per process)."""

        # Presidio only ever assigns None to `nlp` in __init__, so mypy infers it as None.
        nlp: dict[str, Language]  # type: ignore[assignment]

        def load(self) -> None:
            self.nlp = {"en": load_ner_model(model)}

        def artifacts_for(self, texts: Iterable[str], batch_size: int) -> Iterator[NlpArtifacts]:
            """NLP artifacts for each text, batched through nlp.pipe in this process."""
            for output in self.process_batch(list(texts), "en", batch_size=batch_size):
                yield output[1]  # (text, artifacts): without as_tuples there is no context

    configuration = NerModelConfiguration(
        model_to_presidio_entity_mapping=NER_LABELS,
        labels_to_ignore=IGNORED_LABELS,
        default_score=0.85,
    )
    engine = NerOnlySpacyNlpEngine(
        models=[{"lang_code": "en", "model_name": model}],
        ner_model_configuration=configuration,
    )
    engine.load()
    return engine
