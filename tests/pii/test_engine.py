"""The engine end to end: placeholders, the per-record deny list, survivors, order, no network."""

from __future__ import annotations

import socket

import pytest

from asbhub.pii.engine import RedactionEngine

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
