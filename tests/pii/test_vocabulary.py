"""The recognizers' vocabulary is independent of the synthetic data's generator (Faker)."""

from __future__ import annotations

import subprocess
import sys

from asbhub.pii.gazetteers import common_word_names, first_names, surnames


def test_building_the_recognizers_imports_no_faker() -> None:
    probe = (
        "import sys\n"
        "from asbhub.pii.recognizers.registry import pattern_recognizers\n"
        "from asbhub.pii.recognizers.name_gazetteer import NameGazetteerRecognizer\n"
        "from asbhub.pii.gazetteers import first_names, surnames, common_word_names\n"
        "pattern_recognizers(); NameGazetteerRecognizer().load()\n"
        "first_names(); surnames(); common_word_names()\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'faker'], 'faker imported'\n"
    )
    subprocess.run([sys.executable, "-c", probe], check=True)


def test_name_lists_cover_the_uk_and_its_communities() -> None:
    for name in ("sarah", "siobhan", "łukasz", "lukasz", "chidi", "priya", "zoë", "zoe"):
        assert name in first_names(), name
    for name in ("smith", "o'brien", "kowalski", "okafor", "patel", "nowak"):
        assert name in surnames(), name


def test_names_that_are_words_need_capitals() -> None:
    assert {"ward", "precious", "close"} <= common_word_names()
    assert "precious" not in first_names()
    assert "peter" in first_names()  # common enough in the UK to count alone
