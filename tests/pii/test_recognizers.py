"""Table tests for every pattern recognizer: forms that must match and near-misses that must not."""

from __future__ import annotations

import pytest

from asbhub.pii.engine import RedactionEngine

MATCH = [
    # a CPS case's URN has letters among its digits: a reference, unlike a school's
    ("POLICE_REFERENCE", "CPS URN 42YE1187324 for the file", "URN 42YE1187324"),
    ("PHONE_NUMBER", "mob 07700 900461 after 6", "07700 900461"),
    ("PHONE_NUMBER", "ring on 07700900461", "07700900461"),
    ("PHONE_NUMBER", "tel +44 (0)113 496 0000.", "+44 (0)113 496 0000"),
    ("PHONE_NUMBER", "called from (0113) 496 0123", "(0113) 496 0123"),
    ("PHONE_NUMBER", "contact 020-7946-0000", "020-7946-0000"),
    ("PHONE_NUMBER", "number 0044 7700 900123", "0044 7700 900123"),
    ("PHONE_NUMBER", "mob 7700 900461", "7700 900461"),
    ("UK_POSTCODE", "lives LS13 2QJ area", "LS13 2QJ"),
    ("UK_POSTCODE", "at bd7 1dp", "bd7 1dp"),
    ("UK_NHS", "NHS 943 476 5919", "943 476 5919"),
    ("UK_NINO", "NI AB 12 34 56 C", "AB 12 34 56 C"),
    ("UK_NINO", "nino ZZ123456T", "ZZ123456T"),
    ("UK_VEHICLE_REGISTRATION", "reg AB12 CDE seen", "AB12 CDE"),
    ("UK_VEHICLE_REGISTRATION", "car yx65pqr parked", "yx65pqr"),
    ("UK_PASSPORT", "passport 123456789", "123456789"),
    ("UK_DRIVING_LICENCE", "licence MORGA753116SM9IJ", "MORGA753116SM9IJ"),
    ("EMAIL_ADDRESS", "email jo.b+x@example.co.uk.", "jo.b+x@example.co.uk"),
    ("DATE_OF_BIRTH", "John (dob 03/05/1990) seen", "03/05/1990"),
    ("DATE_OF_BIRTH", "D.O.B: 3rd May 1990", "3rd May 1990"),
    ("DATE_OF_BIRTH", "born on 1990-05-03 in Leeds", "1990-05-03"),
    ("POLICE_REFERENCE", "incident 42/001234/26 raised", "42/001234/26"),
    ("POLICE_REFERENCE", "crime 42/CR/012345/26", "42/CR/012345/26"),
    ("PNC_ID", "PNC 26/123456A", "26/123456A"),
    ("SOCIAL_MEDIA_HANDLE", "messages from @jay_d99 tonight", "@jay_d99"),
    ("SOCIAL_MEDIA_HANDLE", "snapchat: lil.mace", "lil.mace"),
    ("STREET_ADDRESS", "lives at 14a Moorside Rd, Bramley", "14a Moorside Rd"),
    ("STREET_ADDRESS", "from Flat 3, 12 Kings Court", "Flat 3, 12 Kings Court"),
    ("STREET_ADDRESS", "Client is Neil of 15 Long Riding. Pls ring", "15 Long Riding"),
    ("STREET_ADDRESS", "BOTTLES AT 12 TOWNGATE BASILDON. HE", "12 TOWNGATE"),
    ("STREET_ADDRESS", "of Flat 8, Brunel House, 2 Fodderwick, Basildon", "2 Fodderwick"),
    ("STREET_ADDRESS", "lives at 58 Felmores SS13 1PL", "58 Felmores"),
    ("POLICE_REFERENCE", "BTP informed, BTP ref 123 of 16/03.", "123 of 16/03"),
    ("POLICE_REFERENCE", "CAD 2291 of 14/03. Anon caller", "2291 of 14/03"),
    ("SOCIAL_MEDIA_HANDLE", "Insta: x_deezy_x. Real name", "x_deezy_x"),
    ("SOCIAL_MEDIA_HANDLE", "insta is hope.xo_x now", "hope.xo_x"),
    ("UK_VEHICLE_REGISTRATION", "vrm ej14 ptv blue golf", "ej14 ptv"),
    ("UK_VEHICLE_REGISTRATION", "VRM AB 12 CDE seen", "AB 12 CDE"),
]

NEAR_MISSES = [
    "attended at 2230hrs on 12/03/2026",  # time and incident date
    "between 0900-1700 daily",  # hours
    "cost £1,200.50 to repair",  # money
    "on the A1 2nd exit near LS13",  # road and outward code only
    "2 males on the road outside",  # count + road, not an address
    "3 lads walked down the lane",
    "met at 12/03 a male ran off",  # date + article, not a PNC id
    "email the ASB team @ the office",  # '@' as shorthand for 'at'
    "posted on facebook saying he would",  # platform word then prose
    "Leeds City Council and Together Housing informed",
    "ASB nuisance, youths from Stanley and Morley",
    "call 101 or 999",
    "room 4 of the community centre",
    "4 storey block, 10 flats",
    "Passed to the council street scene. No witnesses.",  # "sc" inside a word is no platform
    "spat at on route X30 near the bus station",  # "x" glued to a number is no platform
    "belongs to him per the lock screen. Then",
    "he says the people at 42 are dealing",  # lower-case prose, not a plate
    "DOB is wrong - he is 23 not 16 as first recorded",
    "PCSO 7125 patrolled Chelmer Village from 1600",  # collar number, not a house number
    "went out at 2315hrs to 3 Youths.",
    "youths seen at 2 Tesco stores in Pitsea",
    # an organisation's landline, said so: the last-line check leaves it as the redactor does
    "Council switchboard 0117 496 0000 for general enquiries.",
    "school office 01632 960555 (main line, not direct)",
    # an organisation's registration number after its cue, and an officer's collar number after
    # an agency's letters: the last-line check leaves them as the redactor does
    "Operator Amber Cars Ltd (company no. 07729145).",
    "Street Pastors (charity no. 1127166) attended.",
    "Broadfield Academy (URN 136844) reported it.",
    "BTP PC 3346 attended the station.",
    # a date its words give to an event, not a birth; a date alone after "incident"
    "Tenancy start 07/07/2014 for the flat.",
    "Security incident 15/07 1310 at the mall.",
]


@pytest.mark.parametrize(("entity_type", "text", "expected"), MATCH)
def test_recognizer_matches(
    engine: RedactionEngine, entity_type: str, text: str, expected: str
) -> None:
    found = {(e.type, text[e.start : e.end]) for e in engine.find_structured_pii(text)}
    assert (entity_type, expected) in found, found


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_misses_do_not_match(engine: RedactionEngine, text: str) -> None:
    assert engine.find_structured_pii(text) == []
    assert engine.redact(text).text == text
