"""Values read by their field's name: tables, JSON, XML, key=value; and what stays."""

from __future__ import annotations

import pytest

from asbhub.pii.recognizers.fields import field_type, field_values


def found(text: str) -> list[tuple[str, str]]:
    return [(entity_type, text[start:end]) for entity_type, start, end in field_values(text)]


@pytest.mark.parametrize(
    ("key", "entity_type"),
    [
        ("date_of_birth", "DATE_OF_BIRTH"),
        ("DOB", "DATE_OF_BIRTH"),
        ("REPORTER_ADDR", "STREET_ADDRESS"),
        ("realName", "PERSON"),
        ("victim.forename", "PERSON"),
        ("tel_no", "PHONE_NUMBER"),
        ("Passport", "UK_PASSPORT"),
        ("case ref", "POLICE_REFERENCE"),
        ("file_name", None),
        ("street_name", None),
        ("first_seen", None),
        ("first", "PERSON"),
        ("last", "PERSON"),
        ("last_contact", None),
        ("OPR", "POLICE_REFERENCE"),
        ("user_id", None),
        ("town", None),
        ("platform", None),
    ],
)
def test_a_fields_name_says_what_its_value_is(key: str, entity_type: str | None) -> None:
    assert field_type(key) == entity_type


def test_a_query_string_is_read_encoded() -> None:
    text = (
        "https://forms.example.org/asb?v=3.1&forename=Leanne&surname=Catt&dob=02%2F03%2F1990"
        "&addr1=27+Nacton+Road&town=Ipswich&pc=IP3%209JT&tel=07700900111"
        "&em=leanne.catt%40example.co.uk&cat=Noise"
    )
    assert found(text) == [
        ("PERSON", "Leanne"),
        ("PERSON", "Catt"),
        ("DATE_OF_BIRTH", "02%2F03%2F1990"),
        ("STREET_ADDRESS", "27+Nacton+Road"),
        ("UK_POSTCODE", "IP3%209JT"),
        ("PHONE_NUMBER", "07700900111"),
        ("EMAIL_ADDRESS", "leanne.catt%40example.co.uk"),
    ]


def test_a_table_under_its_header_row_on_lines_or_flattened() -> None:
    rows = [
        "Surname\tForename\tDOB\tPassport\tBadge\tIssue",
        "HORROCKS\tWayne\t22/06/1979\tn/k\tPH-0771\tTouting",
        "BALOGUN\tTunde\t05/02/1988\t553019284\tPH-1204\tObstruction",
    ]
    for text in ("\n".join(rows), "joint sheet: " + " / ".join(rows)):
        assert found(text) == [
            ("PERSON", "HORROCKS"),
            ("PERSON", "Wayne"),
            ("DATE_OF_BIRTH", "22/06/1979"),
            ("POLICE_REFERENCE", "PH-0771"),
            ("PERSON", "BALOGUN"),
            ("PERSON", "Tunde"),
            ("DATE_OF_BIRTH", "05/02/1988"),
            ("UK_PASSPORT", "553019284"),
            ("POLICE_REFERENCE", "PH-1204"),
        ]


def test_csv_with_quoted_cells_and_a_markdown_table() -> None:
    csv = 'name,address,postcode,category\n"HUWS, Elin","14 Ash Way, Lockleaze",BS7 9XX,Noise'
    assert found(csv) == [
        ("PERSON", "HUWS, Elin"),
        ("STREET_ADDRESS", "14 Ash Way"),
        ("UK_POSTCODE", "BS7 9XX"),
    ]
    markdown = "| Name | VRM | Seen at |\n| :-- | :-- | --: |\n| Kim Dorsey | WK21 OSA | Hanley |"
    assert found(markdown) == [("PERSON", "Kim Dorsey"), ("UK_VEHICLE_REGISTRATION", "WK21 OSA")]


def test_json_escaped_json_xml_and_logs() -> None:
    text = (
        '{\\"reporter\\":\\"Dawn Pickles\\",\\"dob_subject\\":\\"02\\/11\\/2008\\"} '
        '{"tel": "0113 496 0721", "name": "Ipswich Borough Council"} '
        "<Surname>Okafor</Surname><NINO>QQ 12 34 56 C</NINO><Town>Selby</Town> "
        "INCIDENT_ID=DPP-26-004471; REPORTER=HUWS, Elin; "
        "REPORTER_ADDR=Maesyfelin, Heol y Castell, Llandysul; AREA_BEAT=Ceredigion South"
    )
    assert found(text) == [
        ("PERSON", "Dawn Pickles"),
        ("DATE_OF_BIRTH", "02\\/11\\/2008"),
        ("PHONE_NUMBER", "0113 496 0721"),
        ("PERSON", "Okafor"),
        ("UK_NINO", "QQ 12 34 56 C"),
        ("POLICE_REFERENCE", "DPP-26-004471"),
        ("PERSON", "HUWS, Elin"),
        ("STREET_ADDRESS", "Maesyfelin, Heol y Castell"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # placeholders, values already redacted, values not of their field's shape
        "name=unknown&tel=n/k&dob=&pc=G45&reg=12&email=none",
        '{"surname": "<PERSON>", "address": "Ipswich", "suspect": "white male 20s"}',
        # prose with commas is no table, even with a cue word in it
        "Spoke to the caller, the owner, and a witness.\nNo further, action, needed.",
        # a field whose first word says it is no person's: a file, a street, a site
        "file_name=Smith_statement.pdf street_name=Mill Lane site_owner=Peel Holdings",
    ],
)
def test_what_stays(text: str) -> None:
    assert found(text) == []


def test_the_engine_redacts_a_table_cell_its_patterns_miss() -> None:
    from asbhub.pii.engine import RedactionEngine

    text = "handle,platform,real_name,first_seen\ntilehurst.tea,Instagram,unknown,2025-01-19"
    redacted = RedactionEngine().redact(text).text
    assert "tilehurst.tea" not in redacted
    assert "Instagram" in redacted and "2025-01-19" in redacted
