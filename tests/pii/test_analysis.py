"""The batch analysis gives each text what Presidio's `AnalyzerEngine.analyze` gives it."""

from __future__ import annotations

import json
from pathlib import Path

from asbhub.pii.analysis import analyze_batch
from asbhub.pii.engine import RedactionEngine
from asbhub.pii.evaluation import GOLD_SETS, SetRole
from asbhub.pii.plain import plain_view

FIXTURES = Path(__file__).parents[1] / "fixtures" / "pii"


def _texts() -> list[str]:
    texts = []
    for name, role in GOLD_SETS.items():
        path = FIXTURES / f"{name}.jsonl"
        if role is SetRole.TUNED_ON and path.exists():
            texts += [json.loads(line)["text"] for line in path.read_text().splitlines()]
    return [plain_view(text).text for text in texts]


def _seen(results: list) -> list[tuple[str, int, int, float, str, str]]:
    return sorted(
        (
            r.entity_type,
            r.start,
            r.end,
            round(r.score, 6),
            r.recognition_metadata["recognizer_name"],
            r.recognition_metadata["recognizer_identifier"],
        )
        for r in results
    )


def test_every_text_gets_what_the_analyzer_engine_gives_it(engine: RedactionEngine) -> None:
    texts = _texts()
    assert len(texts) > 3000
    analyzer = engine.analyzer
    artifacts = list(engine.nlp_engine.artifacts_for(texts, batch_size=64))
    batched: list[list] = []
    for start in range(0, len(texts), 64):
        batched += analyze_batch(
            analyzer, texts[start : start + 64], artifacts[start : start + 64], 0.4
        )
    differ = [
        text[:80]
        for text, art, mine in zip(texts, artifacts, batched, strict=True)
        if _seen(mine)
        != _seen(analyzer.analyze(text=text, language="en", nlp_artifacts=art, score_threshold=0.4))
    ]
    assert not differ, differ[:5]
    assert sum(map(len, batched)) > 10_000  # the texts exercise the recognizers


def test_a_batch_of_none_and_of_one(engine: RedactionEngine) -> None:
    assert analyze_batch(engine.analyzer, [], [], 0.4) == []
    text = "Mrs Jane Okafor of 14 Mill Road, LS6 2QT, tel 07700 900123"
    art = list(engine.nlp_engine.artifacts_for([text], batch_size=1))
    (mine,) = analyze_batch(engine.analyzer, [text], art, 0.4)
    assert {r.entity_type for r in mine} >= {"PERSON", "STREET_ADDRESS", "UK_POSTCODE"}
