"""The view the recognizers read: escapes and OCR's digit-like letters undone, offsets kept."""

from __future__ import annotations

import pytest

from asbhub.pii.engine import RedactionEngine
from asbhub.pii.plain import plain_view


@pytest.mark.parametrize(
    ("text", "view"),
    [
        ("O77OO 9OO 3l2", "07700 900 312"),
        ("born l2.O3.l998", "born 12.03.1998"),
        ("BETWEEN M0HAMED HIRSI and Th0mpson", "BETWEEN MOHAMED HIRSI and Thompson"),
        # a one read as the letter that makes a name; a capitalised word in no list read all the
        # same; a postcode's outward l; not a plate's O after its digits, nor words without a digit
        ("Dav1d Pr1tchard, Beryl M0rrish", "David Pritchard, Beryl Morrish"),
        ("TRl4 8LW; YX17 OPV NO INS; LOG INT", "TR14 8LW; YX17 OPV NO INS; LOG INT"),
        ("ref GMP-O3O6-2l87", "ref GMP-0306-2187"),
        ('addr="19 Rye Hill\\nPeckham\\tSE15 3JN"', 'addr="19 Rye Hill \nPeckham \tSE15 3JN"'),
        ("a\\\\nKOWALSKI", "a  \nKOWALSKI"),
        # letters that are letters: a postcode's O, "No2", words without a digit, a path
        ("SO15 3FP, YO31 0RA, No2, no.2, NO.2, lol, Il, PK7O ZXR, ol10 4qz, ll18 5hw", None),
        ("C:\\new\\tom and 2o", None),
        ("codes ABC0DEF, SW1A 0AA, AB0 1CD", None),
        # a code's letter before its digits, and a label in its word, are not run together
        ("log F0122340524, NHSmail, iPhone: ok", None),
    ],
)
def test_the_view_undoes_what_a_machine_did_offset_for_offset(text: str, view: str | None) -> None:
    got = plain_view(text)
    assert got.text == (text if view is None else view)
    assert got.span(3, 5) == (3, 5)


@pytest.mark.parametrize(
    ("text", "view", "found", "original"),
    [
        ("name=Sokol%20Hoxha&x=1", "name=Sokol Hoxha&x=1", "Sokol Hoxha", "Sokol%20Hoxha"),
        ("pc=N15%25204RX", "pc=N15 4RX", "N15 4RX", "N15%25204RX"),
        ("Seamus O&#39;Connor,", "Seamus O'Connor,", "O'Connor", "O&#39;Connor"),
        (
            "NHS 944&nbsp;266&nbsp;9427",
            "NHS 944 266 9427",
            "944 266 9427",
            "944&nbsp;266&nbsp;9427",
        ),
        ('"Jo\\u00e3o Pereira"', '"João Pereira"', "João", "Jo\\u00e3o"),
        ("Sokol+Hoxha +44 7700", "Sokol Hoxha +44 7700", "Sokol Hoxha", "Sokol+Hoxha"),
        (
            "DEF: Ja- mie Cart- wright",
            "DEF: Jamie Cartwright",
            "Jamie Cartwright",
            "Ja- mie Cart- wright",
        ),
        ("PC |W|V|1|0| |9|Q|L| | |  TEL", "PC WV10 9QL   TEL", "WV10 9QL", "W|V|1|0| |9|Q|L"),
        (
            "tel 01632 960 ~~413~~ 431.",
            "tel 01632 960 431.",
            "01632 960 431",
            "01632 960 ~~413~~ 431",
        ),
        ("at ~~17~~ 71 Fair Ct", "at 71 Fair Ct", "71 Fair Ct", "~~17~~ 71 Fair Ct"),
        (
            "Name: A i l s a  D r u m m o n d",
            "Name: Ailsa Drummond",
            "Ailsa Drummond",
            "A i l s a  D r u m m o n d",
        ),
        # a label, a labelled code or a phone run into the word before it: a space between
        ("GRIFFITHS LeePNC06/228814R", "GRIFFITHS Lee PNC06/228814R", "Lee", "Lee"),
        ("abuseOfficer:Gary Thorne", "abuse Officer:Gary Thorne", "Gary Thorne", "Gary Thorne"),
        ("mum HARDING07700900587//", "mum HARDING 07700900587//", "07700900587", "07700900587"),
    ],
)
def test_decoded_values_map_back_to_what_was_written(
    text: str, view: str, found: str, original: str
) -> None:
    got = plain_view(text)
    assert got.text == view
    start = got.text.index(found)
    a, b = got.span(start, start + len(found))
    assert text[a:b] == original


@pytest.mark.parametrize("text", ["A S B two", "50% of 100%", "I a m", "Flat 2 - rear", "A&E, B&Q"])
def test_what_is_no_encoding_stays(text: str) -> None:
    assert plain_view(text).text == text


def test_redaction_applies_to_the_original_text(engine: RedactionEngine) -> None:
    text = 'OCR: tel O77OO 9OO 3l2, dob l2.O3.l998. JSON: {"addr":"4 Kay St\\nSE15 3JN"}'
    redaction = engine.redact(text)
    assert "3l2" not in redaction.text and "l998" not in redaction.text
    assert "SE15" not in redaction.text
    assert redaction.text.startswith("OCR: tel <PHONE_NUMBER>, dob <DATE_OF_BIRTH>.")
    assert '\\n<UK_POSTCODE>"}' in redaction.text  # the escape itself is left as written


def test_the_records_own_values_are_found_as_written_whatever_the_view_undid(
    engine: RedactionEngine,
) -> None:
    """A PNC ID's check letter O is no OCR zero, and the deny list reads the original too: a
    value the view changed ("01/234O" read as "01/2340") is still the record's own."""
    assert plain_view("(PNC 99/688162O)").text == "(PNC 99/688162O)"
    redacted = engine.redact(
        "Susp (PNC 99/688162O), alias file 01/234O, seen at 2OO1 hrs.",
        {"PNC_ID": ["99/688162O", "01/234O"]},
    ).text
    assert "688162" not in redacted and "234O" not in redacted
    assert redacted.endswith("seen at 2OO1 hrs.")
