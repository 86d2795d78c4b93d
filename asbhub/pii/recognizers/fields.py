"""Values under a field's name in text a machine wrote: table columns, JSON, XML, key=value.

Partners paste exports into narratives: a spreadsheet's rows under a header, a CRM's JSON, a web
form's query string, a log's `KEY=value; KEY=value`. There the field's name says what its value
is, however the value is written: `pc=IP3%209JT`, `addr1=27+Nacton+Road`, a passport number in
a tab-separated column, `u/ReadingRambler42` under "handle". The other recognizers read a value
by its shape and the words around it, and a value typed oddly or broken by encoding slips past
them; this one reads the structure instead.

It finds four structures, each in linear time:
* a header row of field names and the rows under it with as many cells, split by tabs, pipes,
  semicolons or commas (quoted cells kept whole), rows on lines of their own or, where a
  record's text was flattened onto one line, separated by " / ";
* JSON members `"key": "value"`, also escaped inside a string (`\\"key\\":\\"value\\"`);
* XML elements `<key>value</key>` and attributes `key="value"`;
* `key=value` pairs separated by `&`, `;`, `|`, tabs or line ends (query strings and logs).

A field's name maps to an entity type through the vocabulary below, whole (`date_of_birth`,
`realName`) or by its last or first word (`reporter_addr`, `tel_no`). A value is taken only
when it has the shape of its type (a name has no digits, a phone at least nine digits, a
postcode is one once decoded), and placeholders ("n/k", "unknown", "null") and tokens already
redacted are left. An address value stops where its town or postcode begins: the town must
survive, the postcode is its own entity.
"""

from __future__ import annotations

import functools
import itertools
import re
import urllib.parse
from collections.abc import Iterator

from presidio_analyzer import EntityRecognizer, RecognizerResult  # noqa: TID253 - lazily loaded

from asbhub.pii.gazetteers import common_english_words, first_names, places, surnames
from asbhub.pii.recognizers.street_address import STREET_WORDS


def _words(words: str) -> tuple[str, ...]:
    return tuple(words.split())


# Field names (lower case, letters and digits only) and the entity their values are.
_TYPES: dict[str, str] = {
    **dict.fromkeys(
        _words(
            "name fullname forename forenames firstname givenname givennames surname lastname "
            "familyname middlename middlenames realname personname reporter reportername caller "
            "callername complainant complainantname suspect suspectname victim victimname "
            "witness witnessname perpetrator tenant tenantname contactname alias aka nickname "
            "keeper keepername owner ownername driver drivername occupant applicant defendant "
            "respondent subjectname nok nextofkin guardian parent mother father informant "
            "nominal nominalname officer officername oic author createdby requester requestedby "
            "tenants residents occupants "
            "raisedby fromname sender sendername attn fao"
        ),
        "PERSON",
    ),
    **dict.fromkeys(
        _words("dob dateofbirth birthdate birthday born bdate dobirth"), "DATE_OF_BIRTH"
    ),
    **dict.fromkeys(
        _words(
            "tel telephone phone phoneno phonenumber mobile mob mobileno mobilenumber landline "
            "contactno contactnumber contacttel homephone workphone msisdn cli telno callback "
            "callbackno"
        ),
        "PHONE_NUMBER",
    ),
    **dict.fromkeys(_words("email emailaddress em mail fromemail"), "EMAIL_ADDRESS"),
    **dict.fromkeys(
        _words(
            "address addr addr1 addr2 address1 address2 addressline1 addressline2 line1 line2 "
            "streetaddress homeaddress houseaddress premisesaddress resaddress"
        ),
        "STREET_ADDRESS",
    ),
    **dict.fromkeys(_words("postcode pc postalcode zip zipcode pcode"), "UK_POSTCODE"),
    **dict.fromkeys(
        _words("vrm reg regno registration vehiclereg plate numberplate veh vehicle"),
        "UK_VEHICLE_REGISTRATION",
    ),
    **dict.fromkeys(_words("nino ni ninumber nationalinsurance"), "UK_NINO"),
    **dict.fromkeys(_words("nhs nhsno nhsnumber"), "UK_NHS"),
    **dict.fromkeys(_words("passport passportno passportnumber"), "UK_PASSPORT"),
    **dict.fromkeys(_words("licence license licenceno drivinglicence dl"), "UK_DRIVING_LICENCE"),
    **dict.fromkeys(_words("pnc pncid pncno cro crono"), "PNC_ID"),
    **dict.fromkeys(
        _words("handle username snap snapchat instagram insta tiktok twitter screenname gamertag"),
        "SOCIAL_MEDIA_HANDLE",
    ),
    **dict.fromkeys(
        _words(
            "ref reference caseref caseid caseno crimeno crimeref crn urn custodyno custodyref "
            "occurrence occurrenceno incidentid incidentno incidentref logno cad cadno claimno "
            "badge badgeno intelref referenceno yourref ourref tenancyref accountref req acct "
            "account accountno cris crisno crimenumber crime casenumber caseref logref serial "
            "storm niche athena pcn pcnno claim claimref opr operator calltaker staffid staffno"
        ),
        "POLICE_REFERENCE",
    ),
}
# First words of a field "<word>_id" whose value keys a person's or a case's record.
_RECORD_FIRST = frozenset(
    _words(
        "subject nominal person victim suspect offender tenant client customer patient case "
        "incident crime req request record referral complaint complainant"
    )
)
# First words of field names whose last word would mislead: "file_name", "street_name".
_NOT_PERSONAL_FIRST = frozenset(
    _words(
        "file street road place location loc site team org organisation partner agency "
        "business venue estate ward area beat district town city county premises school shop "
        "company dept category type event project scheme asset building display template form "
        "field app device product model make colour color host server domain"
    )
)
# Last words of column names whose cells are never a person's data: places at a town's scale,
# agencies, what was done, when, and a system's own codes ("town", "agency", "action_date",
# "cam", "marker"). A cell under one is left whole, whatever a model or a list makes of it.
_PLAIN_COLUMN_LAST = frozenset(
    _words(
        "town city county area ward district borough beat division sector region force agency "
        "partner team org organisation action actions outcome conduct behaviour category "
        "categories type status marker markers cam camera priority grade risk score count total "
        "time ts datetime timestamp opened closed issued expiry expires created updated reported "
        "received logged period month year week day hour"
    )
)
_PLACEHOLDERS = frozenset(
    _words("n/k nk unknown unk none null nil n/a na - -- tbc tbd refused withheld redacted")
    + _words("true false yes no y n 0 ? nfa")
    + ("not known", "not given", "not recorded", "no fixed abode", "unknown male", "unknown female")
)
_KEY = r"[A-Za-z][A-Za-z0-9_.-]{0,40}"
_JSON = re.compile(
    rf'(?P<q>\\*["\'])(?P<key>{_KEY})(?P=q)\s*:\s*(?P=q)(?P<val>[^"\'\n]{{1,200}})(?P=q)'
)
_XML = re.compile(rf"<(?P<key>{_KEY})(?:\s[^<>\n]{{0,200}})?>(?P<val>[^<>\n]{{1,200}})</(?P=key)>")
_ATTRIBUTE = re.compile(
    rf'(?<![\w.-])(?P<key>{_KEY})\s*=\s*(?P<q>["\'])(?P<val>[^"\'\n]{{1,200}})(?P=q)'
)
_PAIR = re.compile(
    rf"(?:(?<=[?&;|,{{(\t\n ])|^)(?P<key>{_KEY})="
    rf"(?P<val>[^&;|\t\n\"'<>]{{1,200}}?)(?=\s+{_KEY}=|\\[nrt]|[&;|\t\n\"'<>]|$)"
)
# "Label: value" where a machine's delimiters bound it: a form dump's lines, "| Rent acct: 123 |",
# a fixed-width screen's runs of spaces ("KEEPER: MRS B T OKONKWO      ADDR: ...").
_LABELLED = re.compile(
    r"(?:^|(?<=[|;\t\n])|(?<=\\[nrt])|(?<=\S  ))[ \t]*"
    # its colon, or a printed form's leader dots: "SURNAME........ OKONKWO", "DOB.. 03 11 2009"
    # (not a time's colon: "PCN WK411 issued 09:12 12 Feb")
    r"(?P<key>[A-Za-z][A-Za-z0-9 _./()#'-]{0,30}?)[ \t]*(?:(?!(?<=\d):\d):|\.{2,}:?)"
    # (the spaces after a value left to the next label's look back: "OKONKWO      FORENAME")
    r"[ \t]*(?P<val>[^|;\t\n\\]{1,120}?)(?=[ \t]*(?:[|;\t\n]|\\[nrt]|$)| {2,})"
)
_MACHINE_BREAK = re.compile(r"[|;\t\n]|\\[nrt]|\S  ")
_LABEL_FIRST = re.compile(r"\s*[A-Za-z][A-Za-z0-9 _./()#'-]{0,30}:(?!(?<=\d:)\d)")
# SQL's "INSERT INTO t (a, b) VALUES (1, 'x')": the column list is a header row.
_SQL_INSERT = re.compile(
    r"\((?P<columns>[A-Za-z_][\w\s,]{0,400})\)\s*VALUES\s*\((?P<values>[^()]{1,2000})\)",
    re.IGNORECASE,
)
_ROW_BREAK = re.compile(r"\r?\n|\r|\\r\\n|\\[nr]|\s/\s")  # also "\n" written out
# In a table whose cells are parted otherwise, a bar between spaces also ends a row, as rows
# pasted onto one line are parted: "time,name,dob | 2114,KYLE DAWE,20030915 | …".
# (or two: "Forename<tab>Surname || Kacey<tab>Hunt || …")
_ROW_BREAK_OR_BAR = re.compile(rf"{_ROW_BREAK.pattern}|\s\|\|?\s")
# In a table parted by bars, two bars end a row: "ref | area | reporter || RIV-24-08812 | …".
_ROW_BREAK_OR_BARS = re.compile(rf"{_ROW_BREAK.pattern}|\s\|\|\s")
# A row's first two cells that are one name, surname first: "Morgan-Jones, Tristan".
_FLAT_CELL = re.compile(r"\s*(?i:flat|apt|apartment|unit|room)\s*\d{1,4}[A-Za-z]?\s*")
_SURNAME_COMMA_FORENAME = re.compile(r"\s*[A-Z][\w'’\-]+, ?[A-Z][a-z'’\-]+\s*")
_DELIMITERS = ("\t", "|", ";", ",")
_HEADER_CELL = re.compile(r"[A-Za-z][A-Za-z0-9 _./#()-]{0,30}")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_WORDS = re.compile(r"[a-z]+\d*")
_POSTCODE = re.compile(r"[A-Z]{1,2}\d[A-Z\d]?\s*\d\s*[A-Z]{2}", re.IGNORECASE)
_POSTCODE_IN = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*(?:/\s*)?\d[A-Z]{2}\b", re.IGNORECASE)
_FUNCTION_WORDS = frozenset(
    ["and", "or", "the", "to", "of", "with", "at", "in", "on", "for", "from", "was", "is", "by"]
)
_ORGANISATION = re.compile(
    r"\b(?:council|police|constabulary|housing|homes|association|trust|team|services?|ltd|"
    r"limited|plc|group|partnership|school|academy|college|nhs|borough|district|county|city|"
    r"church|centre|center|club|society|authority|department|unit|office)\b",
    re.IGNORECASE,
)
_STREET = re.compile(rf"(?i:\b(?:{STREET_WORDS})\b)")
# Words of an address without a number: a Welsh or Gaelic street, a named house or farm.
_HOUSE = re.compile(
    r"(?i:\b(?:heol|stryd|l[oô]n|ffordd|rhodfa|sr[aà]id|cottages?|farm|farmhouse|house|lodge"
    r"|barn|hall|manor|villa|bungalow|croft|mill|grange|rectory|vicarage|chapel)\b)"
)
# A road's last word (not a block's: "Mercer Court").
_ROAD_WORD = (
    r"road|rd|street|st|lane|ln|avenue|ave|drive|way|close|crescent|grove|terrace|walk|row|hill"
    r"|rise|place|gardens|vale|view|parade|square|mews|wynd|brae|fold"
)
# A town's name after a road's last word, with no comma between: "Harehills Lane Leeds".
_TOWN_AFTER_ROAD = re.compile(
    rf"(?i:\b(?:{_ROAD_WORD})\.?"
    r"(\s+([A-Za-z][A-Za-z'’\-]*(?:\s[A-Za-z][A-Za-z'’\-]*){0,2}))\s*$)"
)
# A part that is a road, "Castle Gate" too: what follows it is the locality.
_ROAD = re.compile(
    rf"(?i:\b(?:{_ROAD_WORD}|gate)\.?$"
    r"|^(?:heol|stryd|ffordd|l[oô]n|sr[aà]id)\b(?!.*\b(?:house|court|cottages?|farm|lodge|hall"
    r"|flats|mansions|point|tower|buildings)$))"
)
_TITLE = re.compile(
    r"(?i:(?:(?:mr|mrs|ms|miss|mx|dr|master|rev|revd|sir|dame|lady|lord|fr|cllr|pc|pcso|sgt"
    r"|insp|ds|dc|di)\.?\s+)+)"
)
_RULE_ROW = re.compile(r"[\s|:+-]*")
# Above the model's 0.85: where it finds a name with its field's key, this one is not lost.
SCORE = 0.9


def field_type(key: str) -> str | None:
    """The entity a field of this name holds, or None: `date_of_birth`, `REPORTER_ADDR`,
    `realName`, `tel_no`; not `file_name` or `first_seen`."""
    words = _WORDS.findall(_CAMEL.sub("_", key).lower())
    if not words:
        return None
    whole = "".join(words)
    if whole in _TYPES:
        return _TYPES[whole]
    if whole in ("first", "last"):
        return "PERSON"  # a contact's "first" and "last" (not "first_seen", "last_contact")
    if whole == "id":
        return "POLICE_REFERENCE"  # a table's or a record's own key; not "camera_id"
    if words[0] in _NOT_PERSONAL_FIRST:
        return None
    if "date" in words[:-1] or "time" in words[:-1]:
        return None  # "DATE OF REF", "date_reported_by": when something happened
    if words[-1] in ("id", "no", "number", "num") and words[0] in _RECORD_FIRST:
        return "POLICE_REFERENCE"  # "subject_id", "nominal_id": the key to a person's record
    return _TYPES.get(words[-1]) or (_TYPES.get(words[0]) if len(words) > 1 else None)


class FieldValueRecognizer(EntityRecognizer):
    """Values whose field's name says what they are, in tables, JSON, XML and key=value text."""

    ENTITIES = sorted(set(_TYPES.values()))
    name: str  # Presidio sets it in __init__ without an annotation

    def __init__(self) -> None:
        super().__init__(supported_entities=self.ENTITIES, name="FieldValueRecognizer")

    def load(self) -> None:
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: object = None
    ) -> list[RecognizerResult]:
        results = []
        for entity_type, start, end in field_values(text):
            if entity_type in entities:
                results.append(
                    RecognizerResult(
                        entity_type=entity_type,
                        start=start,
                        end=end,
                        score=SCORE,
                        recognition_metadata={
                            RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                        },
                    )
                )
        return results


def field_values(text: str) -> list[tuple[str, int, int]]:
    """(entity type, start, end) of each value under a personal field's name in `text`."""
    if (
        "=" not in text
        and ":" not in text
        and "<" not in text
        and ".." not in text
        and not _tabular(text)
    ):
        return []
    found: set[tuple[str, int, int]] = set()
    for key, start, end in _keyed(text):
        entity_type = field_type(key)
        if entity_type is not None:
            span = _value_span(text, entity_type, start, end)
            if span is not None:
                found.add((entity_type, *span))
    for entity_type, start, end in [
        *_table_cells(text),
        *_sql_values(text),
        *_changed_values(text),
    ]:
        span = _value_span(text, entity_type, start, end)
        if span is not None:
            found.add((entity_type, *span))
    return sorted(found, key=lambda f: (f[1], f[2]))


# An audit line's change to a named field, its old value and its new: "FIELD: Surname | OLD:
# Treloar | NEW: Treloar-Pascoe", "Field 'Perp DOB' changed from '' to '2006-11-21'".
_CHANGE = re.compile(
    r"\b(?i:field)\s*[:=]?\s*['\"]?(?P<key>[A-Za-z][A-Za-z _]{1,30}?)['\"]?\s*[|;,]?\s*"
    r"(?:(?i:changed)\s+)?(?i:old(?:\s+value)?\s*[:=]|from)\s*['\"]?(?P<old>[^|'\";\n]{0,60}?)['\"]?"
    r"\s*[|;,]?\s*(?i:new(?:\s+value)?\s*[:=]|to)\s*['\"]?(?P<new>[^|'\";\n]{1,60}?)['\"]?"
    r"\s*(?=[|;\n]|$)"
)


def _changed_values(text: str) -> Iterator[tuple[str, int, int]]:
    if "field" not in text.lower():
        return
    for m in _CHANGE.finditer(text):
        entity_type = field_type(m["key"])
        if entity_type is None:
            continue
        for group in ("old", "new"):
            if m.start(group) < m.end(group):
                yield entity_type, m.start(group), m.end(group)


def _tabular(text: str) -> bool:
    return "\t" in text or "|" in text or text.count(",") >= 2 or text.count(";") >= 2


def _keyed(text: str) -> Iterator[tuple[str, int, int]]:
    """(field name, value start, value end) of each JSON member, XML element or attribute,
    labelled value and key=value pair. A labelled or unquoted value that runs on to the end of
    the text in more than six words is prose, not a field ("Address: 12 Brook St. Youths
    gather..."): the other recognizers read it."""
    for pattern in _patterns_for(text):
        for match in pattern.finditer(text):
            start, end = match.start("val"), match.end("val")
            if pattern in (_LABELLED, _PAIR) and end == len(text) and len(match["val"].split()) > 6:
                continue
            yield match["key"], start, end


def _patterns_for(text: str) -> list[re.Pattern[str]]:
    """The structures `text` may hold, by the characters each needs (most narratives hold a
    colon, in a time, and no other)."""
    patterns = []
    if ":" in text and ('"' in text or "'" in text):
        patterns.append(_JSON)
    if "</" in text:
        patterns.append(_XML)
    if "=" in text:
        patterns += [_ATTRIBUTE, _PAIR]
    if (":" in text or ".." in text) and (_MACHINE_BREAK.search(text) or _LABEL_FIRST.match(text)):
        patterns.append(_LABELLED)
    return patterns


def _table_cells(text: str) -> Iterator[tuple[str, int, int]]:
    """(entity type, start, end) of each cell under a personal column of a table with a header."""
    for _, entity_type, start, end in _table_columns(text):
        if entity_type is not None:
            yield entity_type, start, end


def plain_cells(text: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of a table with a header under a column that holds no personal
    data ("town", "agency", "action_date", "cam"): what is found there is not a person's; and
    a machine's clock, seconds since 1970 after a time's key ("ts=1709251200", "t=1718402335").
    """
    # (the key's alternatives are tried at every word: only where a clock's ten digits are)
    clock = ("=" in text or ":" in text) and _TEN_DIGITS.search(text) is not None
    times = [m.span(1) for m in _EPOCH_SECONDS.finditer(text)] if clock else []
    if not _tabular(text):
        return times
    return times + [
        (start, end)
        for name, entity_type, start, end in _table_columns(text)
        if entity_type is None and _plain_column(name) and _one_value(text[start:end])
    ]


# Seconds (or milliseconds) since 1970 under a time's key: "ingest_ts=1709251200", "ts:1672531200",
# '"created_epoch": 1704067200'; 2001 to 2033, as a log writes them.
_TEN_DIGITS = re.compile(r"1\d{9}")
_EPOCH_SECONDS = re.compile(
    r"(?<![\w])(?i:t|ts|\w{1,20}_ts|time(?:stamp)?|\w{1,20}_time|epoch|\w{1,20}_epoch|unix(?:_?time)?)"
    r"[\"']?\s*[=:]\s*[\"']?(1\d{9}(?:\d{3})?)(?![\d.])"
)


def _one_value(cell: str) -> bool:
    """A cell that holds one short value, not the prose a table's last row ran on into."""
    return len(cell) <= 48 and not re.search(r"[.;:!?]\s+\S", cell)


def _plain_column(name: str) -> bool:
    words = _WORDS.findall(_CAMEL.sub("_", name).lower())
    return bool(words) and words[-1] in _PLAIN_COLUMN_LAST and "birth" not in words


@functools.lru_cache(maxsize=64)
def _table_columns(text: str) -> tuple[tuple[str, str | None, int, int], ...]:
    """(column name, entity type or None, start, end) of each cell of a table with a header (the
    field reader and the engine's plain cells ask of the same text)."""
    return tuple(_read_table_columns(text))


# A row that opens with a label and its colon is the note's prose again: "zone: Southmead Road"
# (a row whose notes cell holds sentences is still a row).
_LABELLED_ROW = re.compile(r"\s*[A-Za-z]+:\s")


def _read_table_columns(text: str) -> Iterator[tuple[str, str | None, int, int]]:
    for delimiter in _DELIMITERS:
        if delimiter not in text:
            continue
        rows = _rows(text, _ROW_BREAK_OR_BARS if delimiter == "|" else _ROW_BREAK_OR_BAR)
        index = 0
        while index < len(rows):
            header = _header(text, rows[index], delimiter)
            index += 1
            if header is None:
                continue
            names, columns = header
            while index < len(rows):
                if _RULE_ROW.fullmatch(text[rows[index][0] : rows[index][1]]):
                    index += 1  # a Markdown table's rule under its header
                    continue
                if _LABELLED_ROW.match(text, *rows[index]):
                    break  # the note goes on after the table: "zone: Southmead Road, …"
                cells = _cells(text, rows[index], delimiter)
                if len(cells) == len(columns) + 1:
                    cells = _split_cell_joined(text, cells, columns)
                if len(cells) != len(columns) and not (
                    len(cells) == len(columns) + 1 and index == len(rows) - 1
                ):
                    break
                for name, entity_type, (start, end) in zip(names, columns, cells, strict=False):
                    yield name, entity_type, start, end
                index += 1


def _split_cell_joined(
    text: str, cells: list[tuple[int, int]], columns: list[str | None]
) -> list[tuple[int, int]]:
    """A row with one cell too many where a value's own comma split it: a name written surname
    first ("DH-3317,Wilson-Okafor, Precious,22 Maine Drive,…"; in the first column whatever its
    name) or an address's flat and street ("…,Flat 3, 8 Church Street,TR15 3AH,…")."""
    for k in range(len(columns)):
        joined = (cells[k][0], cells[k + 1][1])
        name = (k == 0 or columns[k] == "PERSON") and _SURNAME_COMMA_FORENAME.fullmatch(
            text, *joined
        )
        flat = columns[k] == "STREET_ADDRESS" and _FLAT_CELL.fullmatch(text, *cells[k])
        if name or flat:
            return [*cells[:k], joined, *cells[k + 2 :]]
    return cells


def _sql_values(text: str) -> Iterator[tuple[str, int, int]]:
    """(entity type, start, end) of each value of an SQL insert under a personal column."""
    if "values" not in text.lower():
        return
    for match in _SQL_INSERT.finditer(text):
        columns = [field_type(c.strip()) for c in match["columns"].split(",")]
        row = (match.start("values"), match.end("values"))
        cells = _cells(text, row, ",", quote="'")
        if len(cells) == len(columns):
            for entity_type, (start, end) in zip(columns, cells, strict=True):
                if entity_type is not None:
                    yield entity_type, start, end


def _rows(text: str, breaks: re.Pattern[str] = _ROW_BREAK) -> list[tuple[int, int]]:
    rows, start = [], 0
    for brk in breaks.finditer(text):
        rows.append((start, brk.start()))
        start = brk.end()
    rows.append((start, len(text)))
    return rows


def _header(
    text: str, row: tuple[int, int], delimiter: str
) -> tuple[list[str], list[str | None]] | None:
    """The name and the entity type of each column when `row` is a header naming at least one
    personal field, else None. The first cell may follow the prose that introduced the table
    ("csv attached: handle,platform,..."), commas and all ("log export, Southmead, Sat 2
    March: time,name,dob,...")."""
    colon = text.rfind(": ", row[0], row[1])
    if colon >= 0:
        row = (colon + 2, row[1])  # the header starts after the prose's colon
    cells = _cells(text, row, delimiter)
    if len(cells) < 3 or len(cells) > 40:
        return None
    names = [text[a:b].strip().strip("\"'") for a, b in cells]  # a quoted header: "ref","dob"
    names[0] = re.split(r"[:\s]\s*", names[0])[-1] if names[0] else names[0]
    if not all(
        _HEADER_CELL.fullmatch(n)
        and len(n.split()) <= 4
        and (delimiter != "," or not _FUNCTION_WORDS.intersection(n.lower().split()))
        for n in names
    ):
        return None
    columns = [field_type(n) for n in names]
    return (names, columns) if any(columns) else None


def _cells(
    text: str, row: tuple[int, int], delimiter: str, quote: str = '"'
) -> list[tuple[int, int]]:
    """Cell offsets in `row`, a quoted cell kept whole with its delimiters."""
    if quote not in text[row[0] : row[1]]:
        cells, start = [], row[0]
        for piece in text[row[0] : row[1]].split(delimiter):
            cells.append((start, start + len(piece)))
            start += len(piece) + 1
        return _outer_pipes_dropped(text, cells, delimiter)
    cells, start, quoted = [], row[0], False
    for pos in range(row[0], row[1]):
        char = text[pos]
        if char == quote:
            quoted = not quoted
        elif char == delimiter and not quoted:
            cells.append((start, pos))
            start = pos + 1
    cells.append((start, row[1]))
    return _outer_pipes_dropped(text, cells, delimiter)


def _outer_pipes_dropped(
    text: str, cells: list[tuple[int, int]], delimiter: str
) -> list[tuple[int, int]]:
    if delimiter == "|" and len(cells) > 2:  # "| a | b |": a Markdown row's outer pipes
        if not text[cells[0][0] : cells[0][1]].strip():
            cells = cells[1:]
        if not text[cells[-1][0] : cells[-1][1]].strip():
            cells = cells[:-1]
    return cells if len(cells) > 1 else []


def _value_span(text: str, entity_type: str, start: int, end: int) -> tuple[int, int] | None:
    """The part of text[start:end] that is the personal value, or None where the value is a
    placeholder, already redacted or not of its type's shape."""
    while start < end and text[start] in " \"'“‘(":
        start += 1
    while end > start and text[end - 1] in " \"'”’)?,.:":
        end -= 1
    value = text[start:end]
    if not value or value.lower() in _PLACEHOLDERS or value.startswith("<") or len(value) > 120:
        return None
    if entity_type == "STREET_ADDRESS":
        return _address_part(text, start, end)
    if entity_type == "POLICE_REFERENCE" and (system := _SYSTEM_NAMED.match(value)):
        start += system.end()  # "Your ref: CRIS 4419937/24", "URN 06MD0412724": the system's name
        value = text[start:end]
    cut = re.search(r"\s+(?:\(|-\s)", value)  # "CN18 TYW (towing van)", "L. Whitcombe (Team)"
    if cut is not None:
        end = start + cut.start()
        value = text[start:end]
    if entity_type != "PERSON" and (stop := re.search(r"[.,;]\s|\s{2,}", value)):
        end = start + stop.start()  # "police_ref=44250161002. Route X43": the sentence goes on
        while end > start and text[end - 1] in " \"'”’)":
            end -= 1  # (a last quoted cell's closing quote: "…,"01632960151". Both …")
        value = text[start:end]
    if entity_type == "PERSON":
        title = _TITLE.match(value)
        if title is not None:  # "Mr", "PCSO": outside the name
            start += title.end()
            value = text[start:end]
        # a printout's labels inside the value: "CALLER: SURNAME: RASHID FORENAMES: NADIA" (the
        # forenames' own label is read as its own field)
        label = _NAME_LABEL.match(value)
        if label is not None:
            start += label.end()
            value = text[start:end]
        if (label := _NAME_LABEL.search(value, 1)) is not None and value[label.start() - 1] == " ":
            end = start + label.start() - 1
            value = text[start:end]
        if not value:
            return None
        comma = value.find(",")
        if comma > 0 and _a_place_or_prose(value[comma + 1 :]):
            end = start + comma  # "Jo Bloggs, Leeds": the town stays
            value = text[start:end]
        return (start, end) if _name_shaped(_decoded(value)) else None
    if not _SHAPES[entity_type](_decoded(value)):
        return None
    if entity_type == "PHONE_NUMBER":
        from asbhub.pii.recognizers.uk_phone import organisations_line

        if organisations_line(text, start, end):
            return None  # "Out of hours: 01632 960999", "Work tel: 0118 496 0000 (control room)"
    return start, end


# A records system or a number's kind named before the number in a reference's field.
_SYSTEM_NAMED = re.compile(
    r"(?i:urn|cris|cad|log|crime|ref|occ|occurrence|incident|case|storm|niche|athena|custody"
    r"|nicheref|serial|no)\.?:?\s+(?=\d)"
)
# A name's part named as a form labels it: "SURNAME:", "FORENAME(S)", "First name:".
_NAME_LABEL = re.compile(
    r"\b(?i:surnames?|forenames?|first\s?names?|last\s?name|family\s?name|given\s?names?)\b"
    r"(?-i:(?<=[A-Z])(?=[\s:])|(?<=\w)(?=\s*:))\s*:?\s*"
)


def _decoded(value: str) -> str:
    """A value as its writer meant it: "%40" an @, "+" a space, "\\/" a slash."""
    return urllib.parse.unquote_plus(value.replace("\\/", "/"))


def _a_place_or_prose(value: str) -> bool:
    value = value.strip()
    return value.lower() in places() or len(value.split()) > 2


_DAYS_AND_MONTHS = frozenset(
    _words(
        "monday tuesday wednesday thursday friday saturday sunday january february march april"
        " may june july august september october november december mon tue tues wed thu thur"
        " thurs fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec"
    )
)


def _name_shaped(value: str) -> bool:
    words = re.findall(r"[^\W\d_]+", value)
    if not words or len(words) > 6 or any(ch.isdigit() for ch in value) or "@" in value:
        return False
    if all(w.lower() in _DAYS_AND_MONTHS for w in words):
        return False  # "last": "Monday"
    if _ORGANISATION.search(value) or value.strip().lower() in places():
        return False  # "name": "Ipswich Borough Council"
    names, common = _names(), common_english_words()
    return any(w in names or w not in common for w in (w.lower() for w in words))


@functools.lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    return first_names() | surnames()


def _address_part(text: str, start: int, end: int) -> tuple[int, int] | None:
    """An address value up to its town or postcode. A part after a comma is the locality when a
    known place; when it holds no number and follows a road ("Prince Charles Road, Caia Park");
    or when it holds no number and no street word and the parts before hold a street or a
    house: "Maesyfelin, Heol y Castell, Llandysul" keeps "Llandysul", "14 Ash Way, Lockleaze"
    "Lockleaze"; "Flat 2, The Old Bank, Great Oak Street" and "Flat 3, Mercer Court, Station
    Road" are whole."""
    postcode = _POSTCODE_IN.search(text, start, end)
    if postcode is not None:
        end = postcode.start()
    town_places = places()
    parts = list(re.finditer(r"(?:[^,/\\]|\\(?![nrt]))+", text[start:end]))
    for before, part in itertools.pairwise(parts):
        value = part.group().strip()
        prefix = text[start : start + before.end()]
        numberless = not any(ch.isdigit() for ch in value)
        if (
            value.lower() in town_places
            or (numberless and _ROAD.search(before.group().strip()) is not None)
            or (
                numberless
                and (_STREET.search(prefix) or _HOUSE.search(prefix))
                and _STREET.search(value) is None
                and _HOUSE.search(value) is None
            )
        ):
            end = start + before.end()
            break
    while end > start and text[end - 1] in " ,+":
        end -= 1
    town = _TOWN_AFTER_ROAD.search(text, start, end)  # "22 Harehills Lane Leeds": no comma
    if town is not None and town.group(2).lower() in town_places:
        end = town.start(1)
    value = text[start:end]
    if not any(ch.isalpha() for ch in value) or value.strip().lower() in town_places:
        return None
    if not any(ch.isdigit() for ch in value) and not (
        _STREET.search(value) or _HOUSE.search(value)
    ):
        return None  # no number and no street: a town, an area ("Ipswich town centre")
    return start, end


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value.replace("O", "0").replace("o", "0"))


_SHAPES = {
    "DATE_OF_BIRTH": lambda v: any(c.isdigit() for c in v) and len(v) <= 40,
    "PHONE_NUMBER": lambda v: 9 <= len(_digits(v)) <= 15 and len(v) <= 30,
    "EMAIL_ADDRESS": lambda v: "@" in v and " " not in v.strip(),
    "UK_POSTCODE": lambda v: _POSTCODE.fullmatch(v.strip()) is not None,
    "UK_VEHICLE_REGISTRATION": lambda v: _alnum_id(v, 2, 9) and any(c.isalpha() for c in v),
    "UK_NINO": lambda v: _alnum_id(v, 8, 12),
    "UK_NHS": lambda v: len(_digits(v)) == 10,
    "UK_PASSPORT": lambda v: _alnum_id(v, 8, 12),
    "UK_DRIVING_LICENCE": lambda v: _alnum_id(v, 10, 20),
    "PNC_ID": lambda v: _alnum_id(v, 6, 16),
    "SOCIAL_MEDIA_HANDLE": lambda v: 2 <= len(v) <= 40 and " " not in v.strip(),
    "POLICE_REFERENCE": lambda v: any(c.isdigit() for c in v) and len(v) <= 40,
}


def _alnum_id(value: str, shortest: int, longest: int) -> bool:
    compact = re.sub(r"[\s/-]", "", value)
    return (
        shortest <= len(compact) <= longest
        and compact.isalnum()
        and any(c.isdigit() for c in compact)
    )
