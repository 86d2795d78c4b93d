"""The record's own values found in free text by their normal forms, plainly and by keyed digest:
one table of ways a value is written (each must be found) and of near misses (each must not)."""

from __future__ import annotations

import json

import pytest

from asbhub.pii.deny_list import DenyList, KeyedDenyList, deny_key
from asbhub.pii.engine import RedactionEngine

KNOWN = {
    "PERSON": ["Zoë O'Sullivan-Price", "Rose Hill"],
    "STREET_ADDRESS": ["Flat 2, 31 Barlow Road, Chelmsford"],
    "UK_POSTCODE": ["CM1 4XY"],
    "PHONE_NUMBER": ["07700 900461"],
    "EMAIL_ADDRESS": ["zoe.osp51@example.net"],
    "PNC_ID": ["95/875193X"],
    "UK_VEHICLE_REGISTRATION": ["AB12 CDE"],
    "DATE_OF_BIRTH": ["1984-03-12"],
}
KEY = deny_key(b"a test secret of enough bytes")

FOUND = [
    ("PERSON", "spoke to zoe at the door", "zoe"),
    ("PERSON", "ZOË O’SULLIVAN-PRICE called", "ZOË O’SULLIVAN-PRICE"),
    ("PERSON", "Ms  O'Sullivan-Price   said", "O'Sullivan-Price"),
    ("PERSON", "osullivan's dog", "osullivan"),
    ("PERSON", "Rose rang again", "Rose"),
    ("PERSON", "a call from rose hill today", "rose hill"),
    ("STREET_ADDRESS", "at 31 barlow rd last night", "31 barlow rd"),
    ("STREET_ADDRESS", "outside flat 2, 31 Barlow Road", "flat 2, 31 Barlow Road"),
    ("UK_POSTCODE", "postcode cm14xy", "cm14xy"),
    ("PHONE_NUMBER", "ring +44 (0)7700 900-461", "7700 900-461"),
    ("PHONE_NUMBER", "mob 07700900461", "07700900461"),
    ("EMAIL_ADDRESS", "mail zoe.osp51@example.net now", "zoe.osp51@example.net"),
    ("PNC_ID", "pnc 95/875193x", "95/875193x"),
    ("UK_VEHICLE_REGISTRATION", "a car ab12cde parked", "ab12cde"),
    ("DATE_OF_BIRTH", "dob 12/03/1984", "12/03/1984"),
    ("DATE_OF_BIRTH", "born 12.3.84", "12.3.84"),
    ("DATE_OF_BIRTH", "born 12th of March 1984", "12th of March 1984"),
    ("DATE_OF_BIRTH", "born March 12, 1984", "March 12, 1984"),
]

NEAR_MISSES = [
    "the rose beds by the hill were trampled",  # common words, not capitalised
    "the barlow allotments and the road beyond",  # a street's word alone is not its address
    "31 Barlow Close",  # another street, the same number
    "Zoey Sullivan-Pryce",  # another person, whose name is like hers
    "07700 900462",  # one digit off
    "CM1 4XZ",
    "13/03/1984",  # the day after
    "12/03/1948",
    "zoeosp52@example.net",
    "AB12 CDF",
    "rose ********* hill",  # a placeholder between two words never joins them into a name
]


@pytest.fixture(scope="module")
def lists() -> tuple[DenyList, KeyedDenyList]:
    plain = DenyList.of(KNOWN)
    return plain, KeyedDenyList(KEY, plain.keyed(KEY))


def _by_digests(engine: RedactionEngine, note: str, known: dict[str, list[str]]) -> str:
    """The note redacted by the record's keyed digests alone, as once its detail is cleared."""
    return engine.redact(note, KeyedDenyList(KEY, DenyList.of(known).keyed(KEY))).text


@pytest.mark.parametrize(("entity_type", "text", "span"), FOUND)
def test_each_way_of_writing_a_value_is_found_plainly_and_by_digest(
    lists: tuple[DenyList, KeyedDenyList], entity_type: str, text: str, span: str
) -> None:
    for deny in lists:
        found = {(m.entity_type, text[m.start : m.end]) for m in deny.spans(text)}
        assert (entity_type, span) in found, f"{type(deny).__name__}: {found}"


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_a_near_miss_is_not_found(lists: tuple[DenyList, KeyedDenyList], text: str) -> None:
    plain, keyed = lists
    assert [(m.entity_type, text[m.start : m.end]) for m in plain.spans(text)] == []
    assert keyed.spans(text) == []


def test_a_date_of_birth_ends_with_its_year_not_the_word_after(
    lists: tuple[DenyList, KeyedDenyList],
) -> None:
    # "of" joins a day to its month ("12th of March 1984"), never a year to what follows
    text = "Respondent (DOB 12/03/1984) of 31 Barlow Close"
    for deny in lists:
        dates = [
            text[m.start : m.end] for m in deny.spans(text) if m.entity_type == "DATE_OF_BIRTH"
        ]
        assert dates == ["12/03/1984"], type(deny).__name__


def test_the_digests_hold_no_value_and_depend_on_the_key() -> None:
    plain = DenyList.of(KNOWN)
    digests = plain.keyed(KEY)
    kept = json.dumps(digests).lower()
    for part in ("zoe", "sullivan", "barlow", "cm1", "900461", "875193", "ab12", "1984"):
        assert part not in kept
    assert plain.keyed(deny_key(b"another secret of enough bytes")) != digests
    assert "key" not in repr(KeyedDenyList(KEY, digests)).replace("KeyedDenyList", "")


def test_a_check_leaves_a_common_word_name_alone_but_not_the_whole_name() -> None:
    strict = DenyList.of({"PERSON": ["Rose Hill"]}, common_word_names=False)
    assert strict.entity_types_in("Rose rang about the hill") == []
    assert strict.entity_types_in("Rose Hill rang") == ["PERSON"]


def test_the_engine_redacts_with_a_keyed_list_what_it_redacts_with_the_values(
    engine: RedactionEngine, lists: tuple[DenyList, KeyedDenyList]
) -> None:
    note = "visited the osullivan-price house at 31 barlow rd; the rose beds need work"
    _, keyed = lists
    assert "osullivan" in engine.redact(note).text, "the recognisers alone leave this name"
    by_values = engine.redact(note, KNOWN).text
    by_digests = engine.redact(note, keyed).text
    assert by_values == by_digests
    assert "osullivan" not in by_digests and "barlow" not in by_digests
    assert "the rose beds need work" in by_digests


def test_a_name_that_is_its_town_stays_where_the_text_means_the_town(
    engine: RedactionEngine,
) -> None:
    """The victim Stanley Preston's surname is redacted wherever it names him, and left where the
    text names the town; the feed's last-line check judges the same way."""
    from asbhub.minimise.narratives import NarrativeRedactor

    known = {"PERSON": ["Stanley Preston"]}
    note = (
        "Stanley Preston was seen in Preston town centre by the Preston NPT team. Spoke to"
        " Preston at home; in Preston's flat."
    )
    redacted = engine.redact(note, known).text
    assert "in Preston town centre" in redacted and "Preston NPT" in redacted
    assert "Spoke to <PERSON>" in redacted and "in <PERSON>'s flat" in redacted
    assert "Stanley" not in redacted
    check = NarrativeRedactor.__new__(NarrativeRedactor)
    assert check.leftover_known(redacted, known) == []
    assert check.leftover_known("Spoke to Preston at home.", known) == ["PERSON"]
    assert _by_digests(engine, note, known) == redacted


def test_a_name_that_is_the_town_before_a_postcode_stays_where_the_town_is_meant(
    engine: RedactionEngine,
) -> None:
    """Irene Batley's surname is the town her address names before its postcode: it stays there
    and at "Batley bus station", and goes where a title or "I'm a" makes it her family's, by
    values and by digests (the record's own address gives no town here)."""
    known = {"PERSON": ["Irene Batley"]}
    note = (
        "RP Irene Batley of 7 Crown Street, Batley WF17 5AA says lads gather at Batley bus"
        " station. Mrs Batley will keep a diary. \"I'm a Batley, I'm not moving,\" she said."
    )
    redacted = engine.redact(note, known).text
    assert ", Batley <UK_POSTCODE>" in redacted and "at Batley bus station" in redacted
    assert "Mrs <PERSON>" in redacted and "I'm a <PERSON>" in redacted
    assert "Irene" not in redacted and "WF17" not in redacted
    assert _by_digests(engine, note, known) == redacted


def test_a_name_that_a_street_is_named_for_stays_where_the_street_is_meant(
    engine: RedactionEngine,
) -> None:
    """The victim Victoria Bradshaw's first name stays in "Victoria Square" and her surname in
    "Bradshaw Street"; each goes where it names her, by values and by digests, and the feed's
    last-line check passes the street."""
    from asbhub.minimise.narratives import NarrativeRedactor

    known = {"PERSON": ["Victoria Bradshaw"]}
    note = (
        "Ms Victoria Bradshaw says pupils climb her fence on the way to Victoria Square and"
        " throw bottles in Bradshaw Street. Victoria wants a call back."
    )
    redacted = engine.redact(note, known).text
    assert "to Victoria Square" in redacted and "in Bradshaw Street" in redacted
    assert "Ms <PERSON> says" in redacted and "<PERSON> wants a call back" in redacted
    check = NarrativeRedactor.__new__(NarrativeRedactor)
    assert check.leftover_known(redacted, known) == []
    assert _by_digests(engine, note, known) == redacted


def test_a_name_inside_a_longer_place_stays_where_the_place_is_meant(
    engine: RedactionEngine,
) -> None:
    """A record's own name found again inside a place named with it ("Stanley Common", "Church
    Gresley", "Nelson Mandela Close", "RAF Cranwell") is the place, and a surname that is a month
    is the month where it dates something; alone each is the person."""
    from asbhub.minimise.narratives import NarrativeRedactor

    known = {
        "PERSON": [
            "Callum Stanley",
            "Owen Gresley",
            "Nelson Okafor",
            "Hannah Cranwell",
            "Ashley March",
        ]
    }
    note = (
        "Callum Stanley rode on Stanley Common again. Owen Gresley's mum lives in Church Gresley."
        " Nelson Okafor was punched outside Nelson Mandela Close. Hannah Cranwell works at RAF"
        " Cranwell. Stanley says Nelson saw it. Ashley March was warned in March last year."
    )
    redacted = engine.redact(note, known).text
    assert "in March last year" in redacted  # and a surname that is a month, dating something
    for place in ("Stanley Common", "Church Gresley", "Nelson Mandela Close", "RAF Cranwell"):
        assert place in redacted, (place, redacted)
    assert "<PERSON> says <PERSON> saw it" in redacted
    check = NarrativeRedactor.__new__(NarrativeRedactor)
    assert check.leftover_known(redacted, known) == []
    assert _by_digests(engine, note, known) == redacted


def test_a_council_named_for_a_surname_stays_and_the_names_written_both_ways_go(
    engine: RedactionEngine,
) -> None:
    """A council named for the town that is the record's surname ("ENFIELD COUNCIL") is the
    council; the town after "in" is the town; but the name given both ways ("knows susp as
    Stanley, full name STANLEY GODDARD") is the person both times, in the redaction and in the
    feed's last-line check."""
    from asbhub.minimise.narratives import NarrativeRedactor

    known = {"PERSON": ["Ruby Chatham", "Rita Enfield", "Stanley Goddard"]}
    note = (
        "IP Ruby CHATHAM says he turns up at the Pentagon Centre in Chatham where she works."
        " Panel of ENFIELD COUNCIL heard from Rita ENFIELD. IP knows susp as Stanley, full name"
        " STANLEY GODDARD."
    )
    redacted = engine.redact(note, known).text
    assert "in Chatham where" in redacted and "ENFIELD COUNCIL" in redacted
    assert "CHATHAM" not in redacted and "Rita" not in redacted
    assert "Rita ENFIELD" not in redacted and redacted.count("ENFIELD") == 1
    assert "Stanley" not in redacted and "STANLEY" not in redacted
    check = NarrativeRedactor.__new__(NarrativeRedactor)
    assert check.leftover_known(redacted, known) == []


def test_a_named_house_of_the_record_goes_and_its_town_stays_where_the_town_is_meant(
    engine: RedactionEngine,
) -> None:
    """The record's house by its name alone ("HEATHERLEA") is its address; a surname that is
    the town of the record's own address is the town where no title, verb or possessive makes
    it the person ("front counter Whitby", "Whitby YO21"), and the person where one does."""
    from asbhub.minimise.narratives import NarrativeRedactor

    known = {
        "PERSON": ["Gwen Whitby"],
        "STREET_ADDRESS": ["Heatherlea, 9 Moor Lane, Whitby, YO21 1AB"],
    }
    note = (
        "Front counter Whitby 10:05. Mrs Gwen Whitby of HEATHERLEA says lads ride past to the"
        " harbour. Her post goes to Moor Lane, Whitby YO21 1AB. Spoke to Whitby at home;"
        " Mrs Whitby's gate was open. Whitby said it was the third time."
    )
    redacted = engine.redact(note, known).text
    assert "HEATHERLEA" not in redacted and "Gwen" not in redacted, redacted
    assert "Front counter Whitby 10:05" in redacted and ", Whitby <" in redacted, redacted
    assert "Spoke to <PERSON>" in redacted and "Mrs <PERSON>'s gate" in redacted, redacted
    assert "<PERSON> said it was" in redacted, redacted
    check = NarrativeRedactor.__new__(NarrativeRedactor)
    assert check.leftover_known(redacted, known) == []
    assert check.leftover_known("Spoke to Whitby at home.", known) == ["PERSON"]
    assert check.leftover_known("He lives at Heatherlea.", known) == ["STREET_ADDRESS"]
    # once the detail is cleared, the kept digests judge the town the same way, and hold it
    # only as a digest
    digests = DenyList.of(known).keyed(KEY)
    assert "whitby" not in json.dumps(digests).lower()
    assert engine.redact(note, KeyedDenyList(KEY, digests)).text == redacted
    # a house's name and a flat's place: the first piece of an address names the house only
    # where it is a name
    assert (
        DenyList.of({"STREET_ADDRESS": ["Ground Floor Flat, 3 Tern Road"]}).spans(
            "the ground floor flat"
        )
        == []
    )
