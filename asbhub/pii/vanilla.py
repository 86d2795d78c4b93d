"""Vanilla Presidio (default recognizers, same spaCy model) as a yardstick for ours; offline."""

from __future__ import annotations

import functools
from typing import Any

from asbhub.pii.model import model_name
from asbhub.pii.resolve import Candidate, Entity, settle


@functools.lru_cache(maxsize=2)
def vanilla_analyzer(model: str | None = None) -> Any:
    """AnalyzerEngine with Presidio's defaults, its e-mail recognizer's domain check offline."""
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": model or model_name()}],
        }
    )
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
    # Through the registry's public API: the stock recognizer, its tldextract call kept offline.
    analyzer.registry.remove_recognizer("EmailRecognizer")
    analyzer.registry.add_recognizer(_offline_email_recognizer())
    return analyzer


def _offline_email_recognizer() -> Any:
    import tldextract
    from presidio_analyzer.predefined_recognizers import EmailRecognizer

    # suffix_list_urls=() uses the snapshot bundled with tldextract instead of downloading one.
    offline = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

    class OfflineTldEmailRecognizer(EmailRecognizer):
        """Presidio's e-mail recognizer, same pattern and score, domain checked offline."""

        def validate_result(self, pattern_text: str) -> bool:
            return offline(pattern_text).fqdn != ""

    return OfflineTldEmailRecognizer(name="EmailRecognizer")


def vanilla_entities(text: str, model: str | None = None) -> list[Entity]:
    results = vanilla_analyzer(model).analyze(text=text, language="en")
    return settle(
        text, [Candidate(r.entity_type, r.start, r.end, r.score, "pattern") for r in results]
    )
