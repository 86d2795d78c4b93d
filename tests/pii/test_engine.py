"""The engine end to end: placeholders, the per-record deny list, survivors, order, no network."""

from __future__ import annotations

import socket

import pytest

from asbhub.pii.engine import Entity, RedactionEngine
from tests.failing_engine import fail_on

NARRATIVE = (
    "Caller Mrs Janet Wilkins of 14 Moorside Road, Bramley LS13 2QJ reports youths outside "
    "at 2230hrs on 12/03/2026. Spoke to Darren Price (dob 03/05/1990) mob 07700 900461. "
    "Ref 42/001234/26. Passed to Leeds City Council. ASB nuisance in Morley."
)


def test_redacts_with_typed_placeholders(engine: RedactionEngine) -> None:
    red = engine.redact(NARRATIVE)
    for gone in (
        "Janet Wilkins",
        "14 Moorside Road",
        "LS13 2QJ",
        "Darren Price",
        "03/05/1990",
        "07700 900461",
        "42/001234/26",
    ):
        assert gone not in red.text
    for kept in (
        "2230hrs",
        "12/03/2026",
        "Leeds City Council",
        "ASB nuisance",
        "Morley",
        "Bramley",
    ):
        assert kept in red.text
    assert "<PERSON>" in red.text and "<UK_POSTCODE>" in red.text
    for ent in red.entities:
        assert 0 <= ent.start < ent.end <= len(NARRATIVE)


def test_known_values_always_go(engine: RedactionEngine) -> None:
    text = "kelly said the lad from no 9 kept ringing 0113-496-0555; Hart denied it"
    known = {
        "PERSON": ["Kelly Hart"],
        "PHONE_NUMBER": ["01134960555"],
        "STREET_ADDRESS": ["9 Elm St, Otley"],
    }
    red = engine.redact(text, known)
    assert "kelly" not in red.text and "Hart" not in red.text
    assert "496-0555" not in red.text


def test_common_word_name_parts_need_capitals(engine: RedactionEngine) -> None:
    red = engine.redact("Will said he will call back", {"PERSON": ["Will Smith"]})
    assert red.text.startswith("<PERSON> said he will call back")


def test_redact_many_keeps_order_in_one_and_two_processes(engine: RedactionEngine) -> None:
    texts = [f"Report {i}: Mr Smith rang from 07700 9004{i:02d}." for i in range(40)]
    single = [r.text for r in engine.redact_many(texts, batch_size=8)]
    double = [r.text for r in engine.redact_many(texts, batch_size=8, n_process=2)]
    assert single == double
    assert all(t.startswith(f"Report {i}:") for i, t in enumerate(single))


def test_a_forked_worker_takes_the_parents_engine_only_when_built_the_same_way(
    engine: RedactionEngine,
) -> None:
    """Workers start from the engine that started them, not a second engine built otherwise:
    one sharing the force's own references keeps them on two processes, one that does not
    redacts them, whichever ran first."""
    from asbhub.pii import engine as module

    module._PARENT["engine"] = engine
    module._worker_init(engine.model, engine.score_threshold, engine.shared_reference)
    assert module._WORKER["engine"] is engine
    module._worker_init(engine.model, engine.score_threshold, r"42/\d{6}/\d{2}")
    assert module._WORKER["engine"] is not engine
    assert module._WORKER["engine"].shared_reference == r"42/\d{6}/\d{2}"

    texts = [f"Log 42/00{i:04d}/26 shared; crime EX-24-{i:04d}." for i in range(24)]
    sharing = RedactionEngine(engine.model, shared_reference=r"42/\d{6}/\d{2}")
    plain = [r.text for r in engine.redact_many(texts, batch_size=4, n_process=2)]
    shared = [r.text for r in sharing.redact_many(texts, batch_size=4, n_process=2)]
    again = [r.text for r in engine.redact_many(texts, batch_size=4, n_process=2)]
    assert all("42/00" not in t for t in plain) and plain == again
    assert all(f"42/00{i:04d}/26" in t and "EX-24" not in t for i, t in enumerate(shared))


@pytest.mark.parametrize("where", ["plain view", "analysis", "names"])
def test_one_narrative_the_engine_fails_on_is_withheld_and_the_rest_go(
    engine: RedactionEngine,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    where: str,
) -> None:
    """Whatever part of the engine fails on a narrative, that narrative is withheld whole and
    said to be, the failure is logged without its text, and the batch around it is redacted
    (where the whole batch's analysis fails, each narrative's is tried on its own)."""
    fail_on(monkeypatch, "Poisonwood", where=where)
    texts = [f"Report {i}: Mr Dale Hewitt rang from 07700 9004{i:02d}." for i in range(12)]
    texts[5] = "Mrs Nerys Poisonwood of 9 Tanyard Lane rang from 07700 900777."
    for n_process in (1, 2):
        out = list(engine.redact_many(texts, batch_size=4, n_process=n_process))
        assert [r.withheld for r in out] == [i == 5 for i in range(12)]
        assert out[5].text == "<WITHHELD>"
        assert [(e.type, e.start, e.end) for e in out[5].entities] == [
            ("WITHHELD", 0, len(texts[5]))
        ]
        assert all(
            r.text == f"Report {i}: Mr <PERSON> rang from <PHONE_NUMBER>."
            for i, r in enumerate(out)
            if i != 5
        )
    with caplog.at_level("ERROR"):
        assert engine.redact(texts[5]).withheld
    assert "IndexError" in caplog.text and "withheld" in caplog.text
    assert "Poisonwood" not in caplog.text and "Tanyard" not in caplog.text


def test_a_candidate_without_a_letter_is_no_name(engine: RedactionEngine) -> None:
    """A nickname's phone number, taken for a street name before "(believed …)", once failed
    the whole batch; digits alone are no one's name, and the number goes as a phone number."""
    text = (
        'contacts of note: "Tasha" 07700 900318; "Deano" 07700 900949 (believed Dean Squires '
        "of Heavitree). Meeting at Belmont Park."
    )
    red = engine.redact(text)
    assert not red.withheld
    assert "900949" not in red.text and "Dean Squires" not in red.text
    assert "<PHONE_NUMBER> (believed" in red.text and "Belmont Park" in red.text


def test_no_socket_is_opened(engine: RedactionEngine, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the redaction engine tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    fresh = RedactionEngine()  # builds recognizers inside the guard too
    red = fresh.redact("email jo@example.co.uk or jo.b@police.uk, tel 07700 900123")
    assert "jo@example.co.uk" not in red.text
    assert fresh.find_structured_pii("x@y.org")


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # Organisations, shops, streets and parks the model calls PERSON survive.
        ("Passed to Estuary Homes and Basildon Council.", [], ["Estuary Homes"]),
        (
            "Youths at Gloucester Park and on Victoria Avenue.",
            [],
            ["Gloucester Park", "Victoria Avenue"],
        ),
        (
            "One was wearing a Chelsea shirt outside the Sainsbury's.",
            [],
            ["Chelsea", "Sainsbury's"],
        ),
        ("Graffiti on the wall. Loc: the underpass. Grade 2.", [], ["Graffiti", "Loc", "Grade"]),
        # Titles and roles are not part of the name; a town after a rank is a surname.
        ("Tenant Gemma Carr believed to be cuckooed.", ["Gemma Carr"], ["Tenant", "cuckooed"]),
        ("OIC DC Chelmsford, not Chelmsford police.", [], ["DC <PERSON>", "Chelmsford police"]),
        # Nicknames in quotes after a cue, initials, lower-case names after a title.
        ('male known as "Tiny", real name Marcus Bell', ["Tiny", "Marcus Bell"], []),
        ('One called "Tanner" by the others.', ["Tanner"], []),
        ("D. Omondi (housing officer) confirms", ["Omondi"], []),
        ("RP mrs d white - dog barking", ["d white"], []),
        # Common-word first names count when capitalised; repeats of them too.
        ("Hope Walker rang to say she hopes it stops.", ["Hope Walker"], ["hopes"]),
        (
            "Victim is Rose Harlow. Rose is vulnerable. She lives in Harlow.",
            ["Rose"],
            ["in Harlow"],
        ),
        ("HE WILL CALL BACK LATER", [], ["WILL CALL"]),
    ],
)
def test_names_in_context(
    engine: RedactionEngine, text: str, gone: list[str], kept: list[str]
) -> None:
    red = engine.redact(text)
    for value in gone:
        assert value not in red.text, red.text
    for value in kept:
        assert value in red.text, red.text


def test_known_address_leaves_town_and_takes_postcode(engine: RedactionEngine) -> None:
    known = {"STREET_ADDRESS": ["3a Tyrrells Way, Harlow CM20 3HT"]}
    red = engine.redact("W/S taken at his home 3a Tyrrells Way Harlow CM20 3HT today.", known)
    assert red.text.startswith("W/S taken at his home <STREET_ADDRESS> Harlow <")
    assert "CM20" not in red.text and "3HT" not in red.text


def test_placeholders_are_written_by_presidio_anonymizer() -> None:
    from asbhub.pii.resolve import placeholder_operators, redact_text

    operators = placeholder_operators()
    assert {op.operator_name for op in operators.values()} == {"replace"}
    assert operators["PERSON"].params == {"new_value": "<PERSON>"}
    text = "Jo Bloggs 07700 900123"
    entities = [Entity("PERSON", 0, 2, 0.9), Entity("PERSON", 3, 9, 0.9)]
    entities.append(Entity("PHONE_NUMBER", 10, 22, 0.9))
    # adjacent spans are not merged, so the text and the entities agree
    assert redact_text(text, entities) == "<PERSON> <PERSON> <PHONE_NUMBER>"
