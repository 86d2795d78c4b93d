"""A Presidio NLP engine over the cached NER-only spaCy pipeline; only entities are extracted."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from asbhub.pii.model import load_ner_model

if TYPE_CHECKING:
    from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine
    from spacy.language import Language
    from spacy.tokens import Doc

# spaCy labels that become Presidio entities; everything else (GPE, ORG, DATE, TIME…) survives.
NER_LABELS = {"PERSON": "PERSON", "PER": "PERSON"}
NER_SCORE = 0.85  # the score Presidio gives each entity a spaCy model finds
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
    pipeline, and `artifacts_for` builds each `NlpArtifacts` from the entities alone. Presidio's
    own artifacts also list every token's offset and lemma and derive keywords from them (a
    Python object per token, about a tenth of the engine's time); nothing here reads them, as
    context comes from the text window (WindowContextEnhancer) and names from the entities.
    """
    from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine

    class NerOnlySpacyNlpEngine(SpacyNlpEngine):
        """Loads through `load_ner_model` (once per process)."""

        # Presidio only ever assigns None to `nlp` in __init__, so mypy infers it as None.
        nlp: dict[str, Language]  # type: ignore[assignment]

        def load(self) -> None:
            self.nlp = {"en": load_ner_model(model)}

        def artifacts_for(self, texts: Iterable[str], batch_size: int) -> Iterator[NlpArtifacts]:
            """NLP artifacts for each text, batched through nlp.pipe in this process."""
            for doc in self.nlp["en"].pipe(texts, batch_size=batch_size):
                yield entity_artifacts(doc)

        def process_text(self, text: str, language: str) -> NlpArtifacts:
            """One text's artifacts, the same as `artifacts_for` gives (Presidio's own path)."""
            return entity_artifacts(self.nlp[language](text))

    def entity_artifacts(doc: Doc) -> NlpArtifacts:
        """The doc's people (PER and PERSON as PERSON), each scored as Presidio would score it;
        no token offsets, lemmas or keywords."""
        people = []
        for ent in doc.ents:
            label = NER_LABELS.get(ent.label_)
            if label is not None:
                ent.label_ = label
                people.append(ent)
        return NlpArtifacts(
            entities=people,
            tokens=doc,
            tokens_indices=[],
            lemmas=[],
            nlp_engine=None,  # no keywords: they are derived from lemmas through the engine
            language="en",
            scores=[NER_SCORE] * len(people),
        )

    configuration = NerModelConfiguration(
        model_to_presidio_entity_mapping=NER_LABELS,
        labels_to_ignore=IGNORED_LABELS,
        default_score=NER_SCORE,
    )
    engine = NerOnlySpacyNlpEngine(
        models=[{"lang_code": "en", "model_name": model}],
        ner_model_configuration=configuration,
    )
    engine.load()
    return engine
