"""Vanilla Presidio (default recognizers, same spaCy model) as a yardstick for ours; offline."""

from __future__ import annotations

import functools
import types
from typing import Any

from asbhub.pii.model import model_name
from asbhub.pii.resolve import Candidate, Entity, settle


@functools.lru_cache(maxsize=2)
def vanilla_analyzer(model: str | None = None) -> Any:
    """AnalyzerEngine with Presidio's defaults, its e-mail recognizer's tldextract kept offline."""
    import tldextract
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_analyzer.predefined_recognizers.generic import email_recognizer

    # suffix_list_urls=() uses the snapshot bundled with tldextract instead of downloading one.
    offline = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    email_recognizer.tldextract = _OfflineTld(offline)
    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": model or model_name()}],
        }
    )
    return AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])


class _OfflineTld(types.ModuleType):
    """Stands in for the tldextract module in Presidio's e-mail recognizer (its `extract`)."""

    def __init__(self, extractor: Any) -> None:
        super().__init__("tldextract")
        self.extract = extractor


def vanilla_entities(text: str, model: str | None = None) -> list[Entity]:
    results = vanilla_analyzer(model).analyze(text=text, language="en")
    return settle(
        text, [Candidate(r.entity_type, r.start, r.end, r.score, "pattern") for r in results]
    )
