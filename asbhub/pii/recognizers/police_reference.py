"""Police crime and incident references: 42/CR/012345/26, 42/001234/26 and their sloppy forms."""

from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import Pattern  # noqa: TID253 - loaded lazily

from asbhub.pii.recognizers.matching import PatternMatching
from asbhub.pii.recognizers.uk_vehicle_registration import PHONETIC, SAID_TEN_TO_NINETY_NINE

_S = r"\s?[/\-]\s?"
# The words for a licensed cab or its trade, before its driver's badge or its plate: "taxi
# badge", "PH plate no. 0417", "private hire badge".
# (the vehicle's own words first: a plate's letters and number follow them straight)
_CAB_VEHICLE = r"hackney|taxi|cab|phv|ph"
_CAB = rf"{_CAB_VEHICLE}|cabbie|hire"


# A cue naming a system or agency, then a word for its number: "custody no", "BTP ref", "case".
_AGENCY_WORDS = (
    r"(?:custody|crime|intel(?:ligence)?|btp|council|case|claim|occurrence|occ|urn|niche"
    r"|athena|storm|cad|log|ref(?:erence)?|ir|dwp|hmrc|nfa\s+ref|incident|serial|cris|job"
    # a control room's staff by their number: "OPR CH40871", "CALL TAKER CT7734"
    r"|(?-i:OPR|CALL\s+TAKER)|call[\s\-]taker"
    r"|clip|datix|referral|report|court|ban|notice|upn|uln|rio|mosaic|liquidlogic"
    r"|asb(?=s?\b)|tenancy|ticket|policy|scn|swift|eclipse|carefirst|hospital|pcn|licen[cs]e"
    r"|lcs|emis|crn|pupil|student|yj|yjs|submission|complaint|booking|registration|inc"
    r"|account|acc|acct|a/c|fpn|frs|fire|agreement|microchip|chip|repair|job|injunction|index"
    # councils' case systems: "Uniform 24/01234/ENF", "Flare 24/00871", "Ctax acct 41188203"
    # ("in uniform", "doesn't connect" are prose: those systems are named with a capital)
    # (a council's CRM too, not in a web address: "crm.example.org/case/…")
    r"|(?-i:Uniform|UNIFORM|Connect|CONNECT)|flare|ctax|crm(?!\.\w)"
    # an intelligence log's letters, in capitals: "INT 25/EXP/0091"
    r"|(?-i:INT)"
    # systems and records of other bodies: parcels, orders, handsets, vehicles' VINs, prisons,
    # hospitals' record numbers, firearms and shotgun certificates, risk panels and notices
    r"|tracking|order(?=\s*(?:#|no\b|number|ref))|oyster|mrn|nomis|imei|vin|application|marac"
    r"|dvpn|dvpo|cbo|cpn|fac|sgc|emp|employee|payroll|prisoner|benefit|carrier|permit|membership|meter|invoice"
    r"|consignment|parcel|chassis|sim|rhif|cyf"  # Welsh: "Rhif WCCIS", "Cyf"
    # a farm's registers, which lead to its keeper: "Holding CPH 54/123/0045", "flock mark UK
    # 0 581723", "herd mark"
    r"|cph|(?:flock|herd)\s+mark"
    # a clinician's or a social worker's entry in their professional register, which names
    # them: "GPhC 2071486", "NMC PIN 09H2241E", "HCPC PA41822", "SWE SW118204"
    r"|gmc|gphc|nmc(?:\s+pin)?|hcpc|gdc|goc|swe|sssc|niscc"
    # a court's and a prison's numbers for a person: "ASN 25/13XY/01/004417J", "indictment T
    # 2025 7119", "Libra case 2524110", a visiting order, a Blue Badge
    r"|asn|indictment|libra|(?-i:VO)|blue\s+badge"
    # a licensed driver's badge, not an officer's: "PH driver badge PHD 04417", "taxi badge"
    rf"|(?:driver|{_CAB})\s+badge"
    # or the badge a few words after the driver: "driver Mr Imran TALBOT badge HD 0442" (the
    # word first, so that the look back runs only where "badge" is)
    rf"|badge(?<=\b(?:driver|{_CAB})\b[^.\n;]{{1,40}}?badge)"
    # a reference misspelt: "refernce", "refrence", "cusody rec"
    r"|ref(?:ernce|rence|erance|fence)|cus(?:o?dy|tdy)|custidy)s?(?:['’]s)?\b|pubwatch\b|exclusion\b"
)
_NUMBER_WORD = r"(?:ref(?:erence)?|id|no|nos|number|numbers)\b"
# Where a cue starts: an agency's word, or any system at all, named before its word for a
# number: "Carefirst ID", "rent acc no", "incident book ref", "court case no.", "NIFRS incident
# nos" ("my number", "her phone number", "the house number" name no system).
_AGENCY_CUE_START = (
    rf"(?:\b|(?<=_))(?:{_AGENCY_WORDS}"
    r"|(?:(?!(?:my|your|his|her|their|our|its|the|a|an|phone|mobile|mob|tel|contact|house"
    r"|door|flat|new|old|same|home|landline|collar|shoulder|warrant|epaulette|unit|bus"
    r"|route|room|seat|bay|platform)\b)[a-z&]+\s+){1,2}"
    rf"(?={_NUMBER_WORD}))"
)
_AGENCY_CUE = (
    _AGENCY_CUE_START
    + r"(?:\s+(?:case|claim|record|rec|reg|log|note|notes|file|book|person|enforcement|enf"
    r"|acct|account))?[\s.]*"
    r"(?:(?:no|nos|number|numbers|num|ref(?:erence)?|ids?)\b\.?|#)?[\s:#.=]*"
    r"(?:(?:was|is|as|given\s+as)\s+)?"  # "Drone operator ID given as GBR-OP-7HX2Q4NCKT3M"
    # the system's name in brackets: "Social services ref (WCCIS) 1128834", "Ticket (TOR) HU 004"
    r"(?:\((?-i:[A-Z][A-Za-z0-9]{1,9})\)[\s:#.=]*)?"
    # or the number in brackets after its cue: "Ruby's UC claim (UC 4402 1178 01)"
    r"(?:\((?=[A-Z0-9]{1,6}[\s/\-]?(?:\d[\s/\-]?){6}))?"  # (six digits: not "(ASBCPA 2014 s1)")
    # or before a colon: "Rhif WCCIS: WCCIS 1853827"
    # (not a team and its phone number: "Council ASB: 0113 496 0000")
    r"(?:(?-i:[A-Z]{2,8})\s?:\s*(?!(?:\+44|0)\s?\d{2,4}[\s\-]?\d{3}))?"
)
# The identifier: letters, digits, slashes and hyphens, with at least four digits in it.
# A system's letters may stand apart from the number: "log NWP 25000613241", "BPW 25/061".
_IDENTIFIER = (
    r"(?!(?:19|20)\d\d(?![\w/\-])|\d{3,4}\s?(?:hrs?|hours)\b|\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\w/\-])"
    r"|\d{1,2}\.\d{1,2}(?:\.\d{2,4})?(?!\w|\.\d)"  # nor a date or a time with dots
    # nor a count's range: "REPORT 12-15 YOUTHS"
    r"|\d{1,3}\s?-\s?\d{1,3}\s+(?i:youths|males|females|people|persons|lads|kids|boys|girls"
    r"|men|women|cars|bikes|vehicles|calls|reports)\b)"
    r"(?:(?!(?i:cad|cris|urn|pnc|update|log|ref|custody|crime|inc|occ|serial|storm|niche|athena"
    r"|tel|mob|dob|nhs|nino|vrm|reg|no|num|case|court|ban|at|on|in|of|to|by|for|from|id|and"
    r"|unit|collar|route|bus|room|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
    r"|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\s)"  # ("COURT JAN 2024": a date)
    r"(?-i:[A-Z]{2,6})\s(?=\d))?"
    r"(?=(?:[A-Z/\-*.]*\d){4})"
    # dotted too ("PK.1168.5518"), but never stopping short of a dotted part: "T.GRANTdob…"
    # and a slash with a space beside it, as a form wrapped it: "MW/00773 /25", "FH/0077/ 412"
    # (not a log's next time: "student ID 11238807 / 00:31 s.afolabi")
    r"[A-Z0-9]{1,20}(?:(?:[/\-*_.]|\s/\s?(?=\d{2}(?![:.]\d\d))|/\s(?=\d{2}))[A-Z0-9]{1,12}){0,4}\b"
    r"(?![.][A-Z0-9])"
)
# Words before a number that are no system's letters: "update 1745", "call 2208", "Sgt 1992".
_NOT_A_SYSTEM = (
    r"(?!(?:and|or|the|was|is|on|at|of|for|to|in|since|from|by|mob|mobile|tel|phone|urn|refs?"
    r"|raised|id|dob|served|issued|dated?|no|nos|number|badge|log|logs|crime|case|incident|seen"
    r"|made|opened|closed|due|ends?|update|call|sgt|ban|pc|ps|pcso|dc|ds|di|insp|officer|time"
    r"|unit|units|collar|team|teams"
    # what a record says of the number: "licence shows 2000 but …", "log says 0915"
    r"|shows?|says|said|states|reads|gives|lists|notes"
    # when it runs to: "on licence until 04/2025"
    r"|until|till|til|expires?|expiring|expiry|valid|renewal"
    r"|hrs|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\s)"
)
# A month by its first three letters, whatever follows them: misspelt too ("Febuary", "Sept").
_MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
# A value read out on a call, a word at a time: digits, "double", letters alone, spelled
# ("R-E-V") or by a word ("W for whisky"), the phonetic alphabet, and what joins the parts.
_SAID_DIGIT = r"(?:zero|oh|nought|one|two|three|four|five|six|seven|eight|nine|niner)"
SAID_DIGIT = _SAID_DIGIT  # for other ids read out (pnc_id.py)
_SAID_JOIN = r"(?:slash|dash|stroke|hyphen)"
_SAID_LETTER = (
    rf"(?:{PHONETIC}|(?-i:[B-HJ-Z](?:-[A-Z])*|[A-Z](?:-[A-Z])+)"
    r"(?:\s+for(?:\s*(?:\.\.\.|…))?\s*[a-z\-]+)?)"
)
_SAID_SEP = r"(?:\s*,\s*|\s*(?:\.\.\.|…)\s*|\s+)"
# Where a value is read out: two digits said together or a digit and a join ("four four",
# "two, slash"), a doubled digit, a number and a join, or digits after a letter read out.
_READ_OUT_GATE: tuple[str, ...] = (
    rf"\b{_SAID_DIGIT}{_SAID_SEP}(?:{_SAID_DIGIT}|{_SAID_JOIN}|double|treble|triple)\b",
    r"\b(?:double|treble|triple)[\s\-]",
    rf"\b{SAID_TEN_TO_NINETY_NINE}{_SAID_SEP}{_SAID_JOIN}",
    # a letter read out before a digit, each where a word starts (a gate that tried every
    # letter of the text cost more than the pattern)
    rf"(?i:\b{PHONETIC}){_SAID_SEP}\d",
    rf"(?-i:\b(?:[B-HJ-Z](?:-[A-Z])*|[A-Z](?:-[A-Z])+)){_SAID_SEP}\d",
    r"(?-i:\b(?:[B-HJ-Z](?:-[A-Z])*|[A-Z](?:-[A-Z])+))\s+for\b",
)
_SAID_UNIT = (
    rf"(?:(?:double|treble|triple)[\s\-])?(?:{_SAID_DIGIT}|{_SAID_LETTER})|{_SAID_JOIN}"
    rf"|{SAID_TEN_TO_NINETY_NINE}|\d{{1,4}}"
)
# What names a reference after it: "is the marac no", "was her case ref".
_NAMED_AFTER = (
    r"(?:is|was)\s+(?:the|her|his|their|my|our|your)\s+(?:[a-z]+\s+){0,2}"
    r"(?:no|number|ref(?:erence)?|id)\b"
)


# A statute's last word and year, not an agency's letters and a number: "Serious Crime Act 2015".
_ACT_AND_YEAR = re.compile(r"(?i:act)\s(?:1[89]|20)\d\d")
# A map's grid reference: "(grid ref SK 359 870)", "NGR: SE 2915 3340".
_GRID_REFERENCE_BEFORE = re.compile(
    r"\b(?i:grid\s+ref(?:erence)?|os\s+(?:grid\s+)?ref|map\s+ref|ngr)\s*[.:]?\s*$"
)
# A street's furniture's number: "lamp post 114", "streetlight no. 44", "camera 12"; a
# meeting's and a message's: "Meeting ID: 372 118 604 55", "conference ID: 918 736 45#",
# "timestamp_ms": 1741562403000.
_THINGS_NUMBER_BEFORE = re.compile(
    r"\b(?i:lamp\s?post|lamppost|street\s?light|column|bin|camera|cam|dx"
    # a planning application's, on the public register: "planning application 24/04117/FUL"
    r"|planning(?:\s+(?:application|app|permission|ref(?:erence)?))?"
    r"|(?:meeting|conference|webinar|zoom|teams)\s+id|timestamp(?:_ms|_s)?\W{0,3}"
    # a body-worn camera's serial, or two: "BWV serial X81023456", "BWV X6A-00912 and …"
    r"|(?:bwv|body[\s\-]?worn(?:\s+video)?)(?:\s+(?:serials?|camera))?"
    r"(?:\s+[A-Z0-9\-]{4,12}\s*(?:and|&|,))?)"
    r"\s*(?:nos?\.?|numbers?|#|:)?\s*$"
)
# A planning application's number by its kind's letters last: "24/04117/FUL", "23/0412/HOU".
_PLANNING_APPLICATION = re.compile(
    r"\d{2,4}/\d{3,6}/(?-i:FUL|FULL|FULM|OUT|OUTM|HOU|HH|LBC|ADV|TPO|TCA|REM|RM|RES|VAR|DIS"
    r"|DISC|CLE|CLEUD|CLP|CLOPUD|COU|PNH|PRIOR|NMA|DEM|AGR)"
)
# A statistical geography's code (a ward's, a district's, an output area's: "E05008942"), after
# the word for its area: "Victoria ward (E05008953)", "Eastwood ward E05001062", or later in its
# list ("by ward - W05001019 (Butetown) 41, W05001022 (Cathays) 63").
_GEOGRAPHY_CODE = re.compile(r"[ENSW]\d{8}")
_AREA_BEFORE = re.compile(
    r"\b(?i:wards?|lsoa|msoa|output\s+area|district|borough|constituency|gss|ons)\b"
    r"(?:(?i:\s+code)?\W{0,4}|[^.\n]{0,60}[ENSW]\d{8}[^.\n]{0,30})$"
)


def _an_organisations_line(text: str, start: int, end: int) -> bool:
    """A landline its words give to an office ("the out of hours number 0113 496 0999") is
    neither a person's phone nor a system's reference."""
    from asbhub.pii.recognizers.uk_phone import said_to_be_an_organisations

    return _PHONE_SHAPED.fullmatch(text, start, end) is not None and said_to_be_an_organisations(
        text, start, end
    )


# A landline's shape: "0113 496 0999", "01632 960555", "020 7946 0000".
_PHONE_SHAPED = re.compile(r"0\d{2,4} ?\d{3,4} ?\d{3,4}")


def a_things_number(text: str, start: int, end: int) -> bool:
    """A thing's number, not a person's: a camera's, a lamp post's, a meeting's ("BWV serial
    X81023456"), a solicitor's document exchange's ("DX 718200 Manchester 3"), a planning
    application's ("24/04117/FUL"), or a ward's statistical code after its area's word
    ("Victoria ward (E05008953)")."""
    return (
        _THINGS_NUMBER_BEFORE.search(text, max(0, start - 40), start) is not None
        or _PLANNING_APPLICATION.fullmatch(text, start, end) is not None
    ) or (
        _GEOGRAPHY_CODE.fullmatch(text, start, end) is not None
        and _AREA_BEFORE.search(text, max(0, start - 120), start) is not None
    )


# Words and a year alone after them: "still live till 2028", "UNDER EPA 1990".
_WORDS_THEN_YEAR = re.compile(r"((?:[A-Za-z]+\s){1,3})(?:19|20)\d\d")
# A date's day and month ("15/07"), or its month and year ("07/2026"), and nothing else.
_DATE_ALONE = re.compile(r"(?:[0-2]?\d|3[01])/(?:0?[1-9]|1[0-2])|(?:0?[1-9]|1[0-2])/20\d\d")


# An intelligence log's grading of its source, its content and its handling: "E/2/4", "2/B/P".
_INTELLIGENCE_GRADING = re.compile(r"[A-E1-5]/[A-E1-5]/[1-5PC]", re.IGNORECASE)


class PoliceReferenceRecognizer(PatternMatching):
    """Crime references (with CR) at 0.9; incident references (force/serial/year) at 0.75."""

    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "Crime reference", rf"\b(?:\d{{2}}{_S}|\d{{2}}\s?)?CR{_S}?\d{{4,8}}{_S}\d{{2}}\b", 0.9
        ),
        Pattern("Number after CR", r"(?-i:\bCR)\s+\K\d{4,8}/\d{2}\b", 0.8),  # "CR 0047731/24"
        # A long number no phone or NHS number could be: a system's reference wherever it
        # stands ("…,13240101188,YF70OHB,…", "Police reference (if known): 2400112209").
        Pattern(
            "Long number",
            # (not a phone number: "01632960447", "00353…", "447700900123")
            r"(?<![\w/.\-+£$])(?!0[1-9]\d{8,9}(?!\d)|00[1-9]|44\d{10}(?!\d))\d{10,16}(?![\w/]|\.\d)",
            0.5,
        ),
        # A licensed cab's plate, its council's number for the proprietor: "hackney plate 212",
        # "PH plate no. 0417", "hackney, plate B&H 391", or a few words on: "hackney driver
        # Hawre Karimi badge SW 0662 plate 118" (not the cab's registration: "taxi plate AB12
        # CDE").
        Pattern(
            "Licensed cab's plate number",
            rf"\b(?:{_CAB})\b(?:[^.\n;]{{0,60}}?\s)?(?:licence\s+)?plate"
            r"\s*(?:no\.?|number|#)?\s*:?\s*\K(?-i:[A-Z]{1,3}(?:&[A-Z])?\s?-?)?\d{2,5}\b"
            r"(?!\s?[A-Z]{3}\b)",
            0.6,
        ),
        # Or its letters and number straight after the cab's word: "Hackney HC 077", "hackney
        # BH 419" (spaced: "Hackney N16" is a district).
        Pattern(
            "Licensed cab's plate number after its word",
            rf"\b(?:{_CAB_VEHICLE})\s+\K(?-i:[A-Z]{{1,3}}(?:&[A-Z])?\s\d{{2,5}})\b"
            r"(?!\s?[A-Z]{2,3}\b|[:.]\d|\s?(?i:am|pm|hrs)\b)",
            0.6,
        ),
        # A licensed driver's or vendor's badge: "driver badge 0456", "Big Issue badge 3381".
        Pattern(
            "Badge number",
            r"\bbadge\s*(?:no\.?|number|#)?\s*:?\s*\K(?:[A-Z]{1,2}-?)?\d{3,6}\b",
            0.6,
        ),
        # An IP address, which a web form or a platform logs against whoever sent from it, after
        # its name or in a mail header's brackets: "Submitted … from IP 203.0.113.57", "received
        # from mail.example.com ([203.0.113.14])" (not an app's version, "1.2.3.4").
        Pattern(
            "IP address",
            r"(?:\b(?i:ip)(?:\s+(?i:address))?\s*[:=#]?\s*|\[)\K"
            r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}"
            r"(?!\w|\.\d)",
            0.6,
        ),
        # A county court's claim number needs no cue: its court's letters between a letter and
        # two digits and three more digits, "in Bray (K01LU905)", "K00WB482".
        Pattern("County court claim number", r"(?-i:\b[A-HJ-NP-Z]\d{2}[A-Z]{2}\d{3}\b)", 0.6),
        # A vehicle's identification number (VIN, a frame's number) needs no cue: seventeen
        # capitals and digits with no I, O or Q, both kinds in it ("WF0AXXGCDA6K47725").
        Pattern(
            "Vehicle identification number",
            r"(?-i:\b(?=[0-9]*[A-HJ-NPR-Z])(?=[A-Z]*[0-9])[A-HJ-NPR-Z0-9]{17}\b)",
            0.6,
        ),
        # A reference the writer introduces with a clause first: "Police ref she gave over the
        # phone: 1324 0077 190".
        Pattern(
            "Reference after a clause and a colon",
            r"\b(?:ref(?:erence)?|crime\s+(?:no|number)|log\s+(?:no|number))\b[^:\n.]{1,40}:\s*\K"
            r"(?=(?:\d[\s/\-]?){7})\d[\d\s/\-]{5,20}\d(?![\w/])",
            0.6,
        ),
        # A code of capitals and six digits or more, a few words after its cue: "ref on their
        # system GCH 0044 19", "Home Office ref on his letter P1187734/2", "claim ref he read out
        # PIP 4471 0928", "FA number for Costa FAN 118447201".
        Pattern(
            "Code a few words after its cue",
            r"\b(?:ref(?:erence)?|number)\s+(?:(?-i:[a-z]+|[A-Z][a-z]+)\s+){1,4}?\K"
            r"(?-i:(?=[A-Z\s/]{0,6}(?:\d[\s/]?){6})(?:[A-Z]{1,4}\s?\d[\d\s/]{4,16}\d"
            r"|[A-Z]\d{6,}(?:/\d{1,4})?))(?![\w/])",
            0.6,
        ),
        # "the numbers they gave me are A0245671, a0246690"
        Pattern(
            "Numbers someone was given",
            r"\bnumbers?\s+(?:they|he|she|police|the\s+police|101|control)\s+(?:gave|give)\s+"
            r"(?:me|us|her|him)\s+(?:is|are|was|were)?\s*:?\s*\K"
            r"(?=[A-Za-z]?\s?(?:\d\s?){5})[A-Za-z]?\s?\d[\d ]{3,14}\d\b",
            0.6,
        ),
        Pattern("Incident reference", rf"(?<![\d/])\d{{2}}{_S}\d{{4,7}}{_S}\d{{2}}(?![\d/])", 0.75),
        # A year and a serial, or a log's date and its number, need no cue: "GMFRS 24/009812",
        # "previous one 240128/1175". No date, time or sum is written so.
        Pattern(
            "Year and serial",
            r"\b(?<![/.,£$:\-])(?:[0-2]\d/\d{5,7}|\d{6}[/\-]\d{4})(?![\w/\-]|[.,]\d)",
            0.5,
        ),
        Pattern(  # a force's code, then the station's: "02NT/1187/25"
            "Coded reference",
            r"(?<![\w/])\d{2}[A-Z]{1,4}/\d{3,7}/\d{2}(?![\w/])",
            0.7,
        ),
        Pattern(
            "Log number with its date",
            r"\b(?:log|incident|inc|occ|occurrence|storm|cad|ref|serial|police)\s?(?:no\.?|number|ref)?[\s:#]*(?:(?:is|was)\s+)?\K"
            # a station's or a system's letters may come first: "police ref ayr 0418 of 6th may"
            r"(?:(?!(?:of|on|at|is|was|no|nos|num|the|for|and|to|in|log|cad|ref|inc|occ|urn"
            r"|storm|job)\s)[a-z]{2,4}\s)?"
            r"\d{1,5}\s+(?:of\s+)?(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?"
            rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_WORD}(?:\s+\d{{4}})?\b)",
            0.75,
        ),
        # A log written as its number of its date needs no cue: "logs 0917 of 14/01 and 1133
        # of 20/01", "the last serial was 1204 of 11/07".
        Pattern(
            "Number of a date",
            r"(?<![\d/£$.,])\d{3,5}\s+of\s+(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\d/])"
            # or of a date in words with its year: "Linked 311 of 10 March 2025"
            rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_WORD}\s+\d{{4}}\b"
            # or of a day and its month run together in capitals, as a log writes it: "1022 of
            # 14SEP"
            r"|(?-i:\d{1,2}(?:JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC))(?![\w/]))",
            0.5,
        ),
        Pattern(
            "Number of a day after a log's cue",  # "storm as 1884 of 21st", "log 0071 of today"
            r"(?<=\b(?:log|storm|cad|incident|inc|occ|serial|niche|athena)\b[^.\n]{0,20})"
            r"(?<![\d/£$.,])\d{3,5}\s+of\s+(?:(?:the\s+)?(?:[12]?\d|3[01])(?:st|nd|rd|th)"
            r"|today|yesterday)\b",
            0.6,
        ),
        Pattern("Occurrence number", r"\b(?:occ|ref|urn)[\s:#]*\d{2}[A-Z]{1,2}\d{5,8}\b", 0.6),
        # Other agencies' and systems' references, from their cue words: "Custody no EX-24-1182",
        # "Intel ref WYP-INT-0077231", "Council case ASB/2024/0457", "CAD 3312".
        # Or a system's letters in two or more parts before a short number: "incident book ref
        # MBP/INC/118", "HIU ref HIU-NEL-027".
        Pattern(
            "Reference after an agency's cue",
            rf"{_AGENCY_CUE}\K(?:{_IDENTIFIER}"
            r"|(?-i:[A-Z]{2,6}(?:[/\-][A-Z]{2,6}){1,3}[/\-]\d{3,})\b"
            # or a system's letters and a short number, joined: "ban BPW-112", "ref HMO/118"
            r"|(?-i:[A-Z]{2,5}[/\-]\d{3})\b"
            # a code of three parts or more with two digits in it: "ref KL-PR19-F4"
            r"|(?-i:(?=[A-Z0-9/\-]{0,40}\d[A-Z0-9/\-]{0,40}\d)[A-Z]{1,6}(?:[/\-][A-Z0-9]{1,8}){2,4})"
            r"(?![\w/\-]))",
            0.7,
        ),
        # A force's letters, then its own reference in parts: "WMP 20E1/201774/24" (not a
        # collar number or a count: "WMP 4410", "GMP 4 units").
        Pattern(
            "Reference in parts after a force's letters",
            r"(?-i:\b(?:WMP|GMP|WYP|SYP|NYP|MPS|TVP|SWP|NWP|PSNI)\s+\K"
            r"(?=(?:[A-Z/\-]*\d){4})[0-9A-Z]{2,6}[/\-][0-9A-Z]{2,8}(?:[/\-][0-9A-Z]{2,8}){0,3})"
            r"(?![\w/\-])",
            0.7,
        ),
        # In a transcript, the answer to a question about a reference: "has the council given
        # you a case number? CALLER: Yeah, it's K-ASB 24 0552", "previous reference? Customer:
        # yes he 2207/0034512".
        Pattern(
            "Answer to a reference question",
            r"(?:ref(?:erence)?|case|crime|log|incident|complaint|claim|account)\s*"
            r"(?:no\.?|nos|number|numbers|ref)?[^?\n]{0,40}\?\s*(?:\p{L}[\p{L}'’\-]*\s*){1,2}:\s*"
            r"(?:(?:yeah|yes|yep|er|erm|um|ok|right|it['’]?s|its|it\s+is)\b[,.]?\s*){0,3}"
            r"\K(?=[A-Za-z0-9/\- ]{0,12}\d{3})[A-Za-z0-9][A-Za-z0-9/\-]*"
            r"(?:\s(?=[A-Za-z/\-]{0,6}\d)[A-Za-z0-9/\-]+){0,3}",
            0.6,
        ),
        # Groups of digits with spaces between, as read out or copied from a form: "PSNI
        # occurrence CC 2024 0418 077", "ref PSWI 0117 02/03" (six digits at least).
        Pattern(
            "Spaced reference after an agency's cue",
            # six digits at least, or four after a system's letters ("dmbc asb 00921")
            rf"{_AGENCY_CUE}\K(?=(?:{_NOT_A_SYSTEM}[A-Z][A-Z\-]{{0,5}}\s){{1,3}}(?:\d[\s/\-]{{0,3}}){{4}}"
            r"|(?:\d[\s/\-]{0,3}){6})"
            # a system's letters before the number ("swc asb 24 1182"), not a word or a cue
            rf"(?:{_NOT_A_SYSTEM}[A-Z][A-Z\-]{{0,5}}\s){{0,3}}"
            r"(?!\d{1,2}/\d{1,2}(?:[/.\-]\d{2,4})?(?![\w/])|\d{1,2}[.\-]\d{1,2}[.\-]\d{2,4}(?![\w/])"
            r"|\d{1,2}\s\d{1,2}\s(?:19|20)\d\d(?![\w/])"  # nor a date spaced: "02 12 2024"
            # nor a whole reference and the date after it: "Incident 13260914-2207 14/09/26"
            r"|\d{6,}-\d+\s\d{1,2}/\d{1,2}/\d{2,4}(?![\w/]))"
            # (nor a team's phone number: "Council ASB Team 01632 960 418")
            r"(?!(?:0\d{4}\s\d{3}\s?\d{3}|0\d{3}\s\d{3}\s?\d{4})(?![\d/]))"
            r"\d{2,6}(?:\s?(?:[/\-]\s?)?\d{1,6}(?:/\d{2,4})?){1,4}(?![\w/:]|\.\d)",
            0.7,
        ),
        # Its parts in capitals and digits with stray spaces between, as a hand copied it:
        # "crime no. 40/ 77312/ 24", "ref ACRO/CRO/ 24 7701", "tenancy HC/T/ 00 41 118", "case
        # no. CB24 P 00771", "warrant WRNT 1108/24/ SMC" (five digits at least, a space inside;
        # not a date spaced).
        Pattern(
            "Reference in loose parts after an agency's cue",
            rf"{_AGENCY_CUE}\K(?!\d{{1,2}}[\s/.\-]\d{{1,2}}[\s/.\-](?:19|20)?\d\d\b)"
            r"(?-i:(?=[A-Z0-9/\- ]{0,60}? [A-Z0-9/])(?=(?:[A-Z/\- ]{0,12}\d){5})"
            # (its first part a number or joined to the next: not the cue's own word in a
            # log written in capitals, "INTEL LOG 25/INT/004412", "CASE REF LCC/…")
            # (or a country's letters apart: a flock mark "UK 0 581723")
            r"(?:(?=[A-Z]{0,9}\d)[A-Z0-9]{1,10}|[A-Z]{1,6}(?=[/\-])|(?:UK|GB|IE)(?= \d))"
            # (a dash with a space before it is the sentence's: "42/324646/26 - ASB nuisance";
            # a date or a time is no part: "CAD 4471 22/03/2025 21:14")
            r"(?:[/\-] ?[A-Z0-9]{1,8}| / ?\d{1,8}"
            # (nor a time of day last: "WMP-12072024-0456 1722 RP STATES")
            r"| (?!\d{1,2}[/.][01]?\d\b|\d{1,2}[:.]\d\d|(?:[01]\d|2[0-3])[0-5]\d(?! \d))\d{1,6}"
            r"(?! ?(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|hrs|hours)[a-z]*\b)"
            r"| [A-Z]{1,6}(?=/)| [A-Z](?= \d)){1,8})"
            r"(?![\w/\-:])",
            0.7,
        ),
        Pattern(  # "pull refs 5225061442 and 5225070913", "CADs 3312/14FEB, 5540/02MAR"
            "Second reference after an agency's cue",
            rf"{_AGENCY_CUE}{_IDENTIFIER}\s*(?:and|&|,)\s*\K{_IDENTIFIER}",
            0.7,
        ),
        # A council's or a landlord's letters, a word for its kind of case, then the number,
        # with no cue: "the council one is WCBC ASB 0556", "SOTCC ASB 3390".
        Pattern(
            "Body's letters, its kind of case and a number",
            r"(?-i:\b(?!(?:PC|PS|DC|DS|SGT|PCSO|CAD|LOG|REF|NO|THE|AND|FOR)\s)[A-Z]{2,6}\s"
            r"(?:ASB|CASE|ENF|EH|HSG|TEN|CPN)\s(?!(?:19|20)\d\d\b)\d{3,7})(?![\w/\-])",
            0.6,
        ),
        # Letters and a year glued, then a serial: "ASB2024/01784", "HA2024-0071".
        Pattern(
            "Letters and a year, then a serial",
            r"(?-i:\b[A-Z]{2,5}(?:19|20)\d{2}[/\-]\d{3,7})(?![\w/\-])",
            0.5,
        ),
        # A reference named after it: "24/4190 is the marac no", "KX-2291 was her case ref".
        Pattern(
            "Reference before its cue",
            # letters or a separator in it: "0800 555 111 is the number" is a phone line's
            r"(?<![\w/\-])(?=[A-Z/\-]{0,6}(?:\d[/\-]?){4})(?=[\d]{0,20}[A-Z/\-])"
            rf"[A-Z0-9][A-Z0-9/\-]{{3,20}}(?=\s+{_NAMED_AFTER})",
            0.6,
        ),
        # A system's own prefix in capitals, without a cue: "WYP-INT-0077231", "BTP/2312/1105".
        Pattern(
            "Prefixed reference",  # and a system's letters after: "MH-0007731-ASB"
            # (a station's code may start with digits: "CRI/06RR/0009712/24")
            # (an ampersand in a force's letters: "D&C-INT-25-07713")
            # (one letter before a system's letters: "W/BHM/24/03318"; a year between a body's
            # letters and its court's: "PPS/24/BEL/18830", "SDM/24/W/00773")
            r"(?-i:\b[A-Z](?:(?:[A-Z0-9]|&(?=[A-Z])){1,5}|(?=[/\-][A-Z]{2}))"
            r"(?:[/\-](?:(?=[A-Z0-9]{0,4}[A-Z])[A-Z0-9]{1,5}|\d{2,4}(?=[/\-][A-Z]))){0,2}[/\-]"
            r"(?=(?:[/\-]?\d){4})\d+"
            r"(?:[/\-]\d+){0,3}(?:[/\-][A-Z]{2,5}|[A-Z](?![\w/\-]))?)\b",
            0.5,
        ),
        # A prefix in mixed case with a system's code after it: "UoE-ACC-25-0412", "HfH/ASB/9921".
        Pattern(
            "Mixed-case prefixed reference",
            r"(?-i:\b[A-Z][a-z][A-Za-z]{0,3}(?:[/\-][A-Z]{2,5}){1,2}[/\-](?=(?:[/\-]?\d){4})\d+"
            r"(?:[/\-]\d+){0,3})\b",
            0.5,
        ),
        # A system's letters with a slash, then its number after a space: "NIHE/TR 7742-19".
        Pattern(
            "Prefixed reference with a space before its number",
            # (not days and their hours: "FRI/SAT 1800-0200")
            r"(?-i:\b(?!(?:MON|TUE|TUES|WED|THU|THUR|THURS|FRI|SAT|SUN)/)[A-Z]{2,6}(?:/[A-Z]{1,5}){1,2}"
            r"\s(?=(?:[/\-]?\d){4})\d+(?:[/\-]\d+){0,3})\b",
            0.5,
        ),
        # Capitals and seven digits or more in one word, not a plate or a postcode: "(43EW1120225)",
        # "latest SK71233410".
        Pattern(
            "Code of capitals and many digits",
            r"(?-i:\b(?=[A-Z0-9]{9,16}\b)(?=(?:[A-Z]*\d){7})\d*[A-Z][A-Z0-9]*)\b",
            0.45,
        ),
        # A number in four groups or more, joined the same way, nine digits at least, as systems
        # print them: "13-25-0104-477", "2025/03/0441/17"; not a date (three groups) or a range
        # of dates ("04/03-15/05").
        Pattern(
            "Number in four groups",
            r"(?<![\w/\-.])(?=(?:[/\-]?\d){9})\d{2,6}([/\-])\d{2,6}(?:\1\d{2,6}){2,}"
            r"(?![\w/\-]|\.\d)",
            0.5,
        ),
        # A system's letters in lower case before its number: "lincs pol lp-250314-0212".
        Pattern(
            "Lower-case prefixed reference",
            r"(?-i:\b[a-z]{1,6}(?:[/\-][a-z]{1,5}){0,2}[/\-]\d{4,}(?:[/\-]\d{2,})+)\b",
            0.5,
        ),
        # An agency's letters right before its number: "WMAS 1147290", "YAS 1198274" (six digits
        # or more, not a phone number's 0 and ten: a collar number has five at most).
        Pattern(
            "Number after an agency's letters",
            r"(?-i:\b[A-Z]{2,6})\s\K(?!0\d{9,10}\b)\d{6,9}\b(?![/\-]\d)",
            0.5,
        ),
        # A value read out a word at a time, two digits together and four parts at least: "four
        # four, slash, zero three one two seven", "kilo lima, four four, one eight, seven two,
        # charlie", "S O four five, six D U"; letters, joins and "X for word" may come first.
        Pattern(
            "Value read out",
            # from the run's start (not inside one); not a phone number, which starts with a
            # zero or a mobile's "seven seven" (uk_phone.py reads those)
            rf"\b(?<!\b(?:{_SAID_DIGIT}|hundred|thousand){_SAID_SEP})"
            r"(?<!\b(?:double|treble|triple)\s)"
            # (an A or an I only where a letter read out follows: "A S B two two")
            rf"(?:(?:(?:{_SAID_LETTER}|{_SAID_JOIN}|(?-i:[A-Z]{{2,5}}|[AI](?=\s[B-HJ-Z]\b)))"
            rf"{_SAID_SEP}){{0,6}}"
            rf"(?!(?:oh|zero|nought)\b|seven{_SAID_SEP}(?:seven|double\s+seven)\b)"
            rf"(?:(?:(?:double|treble|triple)\s+)?{_SAID_DIGIT}{_SAID_SEP}(?:{_SAID_DIGIT}"
            rf"|{_SAID_JOIN}|(?:double|treble|triple)\s+{_SAID_DIGIT})"
            rf"|{SAID_TEN_TO_NINETY_NINE}(?={_SAID_SEP}{_SAID_JOIN})"
            rf"|(?:double|treble|triple)[\s\-]{_SAID_DIGIT})"
            # or digits typed between letters read out: "echo mike 67 bravo oscar kilo"
            rf"|(?:{_SAID_LETTER}{_SAID_SEP}){{1,4}}\d{{1,4}})"
            rf"(?:{_SAID_SEP}(?:{_SAID_UNIT})){{2,}}\b",
            0.6,
        ),
        # A card's number in groups of four: "Pop card, no. 633597 0119 4421 8820".
        Pattern("Card number", r"(?<![\d\-])\d{4,6}(?:[ \-]\d{4}){3}(?![\d\-])", 0.5),
        # A code of letters and digits after a word for a reference: "Booking ref HMQ4X8ZB",
        # "booking ref for the stag group: HMQ8XZ2R".
        Pattern(
            "Code after a word for a reference",
            r"\b(?:ref(?:erence)?|booking|confirmation|order|claim|policy|ticket)\b"
            r"(?:\s+(?:no\.?|number|ref(?:erence)?|code))?(?:[^:\n.]{1,40}:)?[\s:#]*\K"
            r"(?-i:(?=[A-Z0-9]{6,12}\b)(?=[A-Z]*\d)(?=\d*[A-Z])[A-Z0-9]{6,12})\b",
            0.6,
        ),
        # A number someone was given for their call, without its system's name: "I rang on 20
        # March and got a number 54240071823", "they gave me a reference of 2207 0034512".
        Pattern(
            "Number given for a report",
            r"\b(?:got|given|gave\s+(?:me|us|her|him|them)|quoted|issued)\s+(?:a|an|the)\s+"
            r"(?:(?:ref(?:erence)?|log|crime|incident|case)\s+)?(?:number|no\.?|ref(?:erence)?)"
            r"\s*(?:of|as|:|-|which\s+(?:is|was))?\s*\K(?!0\d{9,10}\b)\d[\d ]{5,16}\d\b",
            0.6,
        ),
        Pattern(
            "Log number alone",
            r"\b(?:cad|log|storm|inc|incident)\s?(?:no\.?|number|#)?\s*\K\d{3,6}"
            # with its date glued on: "CAD1187/14MAR", "log0456of14/3"
            r"(?:/\d{1,2}[A-Z]{3}(?:\d{2,4})?|\s?of\s?\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\d/]))?\b",
            0.45,
        ),
    ]
    # A reference before its cue runs only where a word names it; a second reference only
    # where two numbers are joined; a value read out only where words are read as digits.
    GATES: ClassVar[dict[str, str | tuple[str, ...]]] = {
        "Reference before its cue": rf"\s{_NAMED_AFTER}",
        "Number of a day after a log's cue": r"(?i:\d\s+of\s+(?:the\s+)?(?:\d|today|yesterday))",
        "Body's letters, its kind of case and a number": (
            r"(?-i:\s(?:ASB|CASE|ENF|EH|HSG|TEN|CPN)\s\d)"
        ),
        "Value read out": _READ_OUT_GATE,
        "IP address": r"\d\.\d{1,3}\.\d{1,3}\.\d",
        # a second reference needs two numbers joined: "1187 and 1190", "3312/14FEB, 5540/02MAR"
        "Second reference after an agency's cue": (
            r"\d[\w/\-*.]{0,80}\s*(?:and|&|,)\s*(?:[A-Z]{2,6}\s)?[\w/\-*.]{0,80}\d"
        ),
    }
    # The patterns that open with an agency's cue are tried only where a cue starts: its long
    # list of words is scanned once per text, not once per pattern.
    STARTS: ClassVar[dict[str, str]] = dict.fromkeys(
        (
            "Reference after an agency's cue",
            "Spaced reference after an agency's cue",
            "Reference in loose parts after an agency's cue",
            "Second reference after an agency's cue",
        ),
        f"(?={_AGENCY_CUE_START})",
    )
    CONTEXT: ClassVar[list[str]] = [
        "ref",
        "reference",
        "crime",
        "incident",
        "log",
        "occurrence",
        "urn",
        "cad",
    ]

    def refuted(self, text: str, start: int, end: int) -> bool:
        """A day and month, or a month and year, alone after a cue is the date of the incident
        or the notice, not its number: "security incident 15/07 1310", "CPN 07/2026"; a
        statute's "Act 2015" is no reference, nor an intelligence log's grading ("INT E/2/4")."""
        if (
            _DATE_ALONE.fullmatch(text, start, end) is not None
            or _INTELLIGENCE_GRADING.fullmatch(text, start, end) is not None
            or _ACT_AND_YEAR.fullmatch(text, start, end) is not None
            or _GRID_REFERENCE_BEFORE.search(text, max(0, start - 24), start) is not None
            or a_things_number(text, start, end)
            or _an_organisations_line(text, start, end)
        ):
            return True
        words = _WORDS_THEN_YEAR.fullmatch(text, start, end)
        if words is None:
            return False
        from asbhub.pii.gazetteers import common_english_words

        # "CBO still live till 2028": the sentence and a year, not a system's letters
        return any(w.lower() in common_english_words() for w in words.group(1).split())

    def __init__(self, supported_entity: str = "POLICE_REFERENCE") -> None:
        super().__init__(
            supported_entity=supported_entity,
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            global_regex_flags=re.IGNORECASE,
        )
