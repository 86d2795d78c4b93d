"""Street addresses: a house number (or flat) before a street name ending in a street word."""

from __future__ import annotations

import functools
import re
from typing import ClassVar

from presidio_analyzer import Pattern  # noqa: TID253 - loaded lazily

from asbhub.pii.names import INSTITUTION_AFTER
from asbhub.pii.recognizers.matching import PatternMatching

# Thoroughfare words of UK addresses and their common abbreviations, our own list (Royal Mail
# style descriptors and the local ones officers meet: fold, garth, wynd, chare, loke, drift).
_UK_STREET_WORDS = (
    "street|st|road|rd|avenue|ave|av|lane|ln|close|cl|drive|dr|way|court|ct|crescent|cres"
    "|place|pl|grove|gr|gardens|gdns|garden|terrace|terr|tce|walk|wk|view|rise|hill|green|grn"
    "|square|sq|mews|parade|pde|row|park|fold|croft|mount|mt|vale|yard|wynd|gate|bank|brow"
    "|approach|boulevard|blvd|broadway|chase|garth|lea|leys|meadow|meadows|side|wharf|mill"
    "|mills|heights|hts|crossing|circus|circle|embankment|passage|path|ridge|springs|manor"
    "|orchard|field|fields|dale|dell|dene|precinct|market|common|glade|grange|hollow|wood|woods"
    "|estate|parkway|bridge|crest|cottages|buildings|villas|copse|spinney|paddock|pastures"
    "|end|quay|alley|bypass|causeway|corner|glen|haven|hey|holme|hurst|knoll|nook|oval|link"
    "|links|reach|chare|loke|drift|twitten|jitty|ginnel|snicket|wynd|brae|loan|crofts|top|bottom"
    "|lanes|range|arcade|promenade|prom|esplanade|quays|wharves|rows|walks|pk|run"
    "|middleway"  # Birmingham's ring road streets: "Ladywood Middleway"
    "|wlk|grv|crt|clo"  # shortened as some systems write them: "3 Hawthorn Wlk", "9 Elm Grv"
    # the commonest slips of a hurried hand: "8 Thames Raod", "12 Kirk Steet"
    "|raod|roda|steet|sreet|stret|strete|cresent|crecent|terace|avenu|avnue|clsoe|drvie|lne"
)


def _street_words() -> str:
    """Longest first, so that "gardens" is tried before "garden"."""
    return "|".join(sorted(set(_UK_STREET_WORDS.split("|")), key=len, reverse=True))


# "Drove", a fenland street ("Plot 6, Fen Drove"), only capitalised: "2 mates drove off".
STREET_WORDS = _street_words() + "|(?-i:Drove|DROVE)"
BUILDING_WORDS = (
    "court|house|hse|heights|tower|towers|mansions|lodge|block|point|flats|buildings|hall|halls"
    "|site|marina"  # "Plot 6, Halfway Lane Traveller Site", "Mooring 22, Kingsley Wharf Marina"
)
# Things counted after a number: "crim dam to 2 benches", "3 WINDOWS", "4 dogs seen".
_COUNTED_WORDS = (
    "windows|benches|bins|fences|panels|tyres|bottles|cans|eggs|stones|bricks|items|bags|dogs"
    "|officers|units|fires|cameras|lights|signs|trees|gates|walls|sheds|phones"
)
# Words that end a street name run: "2 males on the road" is not an address.
_NOT_STREET = (
    r"(?!(?:the|a|an|on|in|at|to|of|and|or|by|from|with|down|up|near|into|onto|outside|along"
    r"|across|for|over|under|behind|round|around|past|towards|was|were|is|are|had|has|have"
    r"|males?|females?|youths?|kids|lads|people|persons?|men|women|boys|girls|times|days"
    r"|weeks|months|years|mins|minutes|hours|hrs|cars|vehicles|houses|doors|floors?|storey"
    r"|schools|shops|pupils|students|residents|calls|reports|incidents|occasions|bikes|mopeds"
    # what a note counts ("after 3 complaints re garden parties") and a block or a close it has
    # named already ("flat 5 same block", "1/1 same close")
    r"|complaints|visits|warnings|letters|attempts|nights|parties|same|this|that"
    r"|incl|including|off|bike|jan|feb|mar|apr|may|jun|june|jul|july|aug|sep|sept|oct|nov|dec"
    rf"|{_COUNTED_WORDS})\b)"
)
# The same in capitals, where a capitalised word may be a street's: "CRIM DAM TO 2 BENCHES".
_COUNTED = rf"(?!(?i:{_COUNTED_WORDS}|cars|vehicles|doors|males|females|youths|people)\b)"
# A word of a street's name; a dot inside it or after a short one ("St. John's", "Gt.") but
# not ending a longer one, where it ends a sentence ("6 March. Attendees PK").
_NAME_WORD = (
    rf"{_NOT_STREET}\p{{L}}[\p{{L}}'’\-]*(?:\.\p{{L}}[\p{{L}}'’\-]*)*"
    r"(?:(?<=(?<![\p{L}'’\-])\p{L}{1,3})\.)?"
)
# A Scottish tenement flat is its floor and door: "2/1, 14 Dumbarton Rd", "flat 0/2", "Flat
# G/R" or "flat BL" (ground, right; bottom, left); a flat known by its floor: "Basement Flat, 12
# Cotham Brow"; a flat or a block may be a letter ("Flat B", "block C"); a room may be in a flat
# ("Room 5, Flat 12,").
# A stair position ("PF2, 31 Great Junction Street", "2/L, 56 Victoria Road") and a static
# caravan or pitch ("van 118,", "pitch C14,") count as flats too.
_ONE_FLAT = (
    r"(?:(?:flats?|fflat|apartments?|apt|unit|studio|room|rm|block|bloc|maisonette|chalet"
    r"|caravan|static|van|plot|pitch)(?:\s*(?:\d{1,2}/\d{1,2}|\d{1,4}[A-Za-z]?(?:\s?[-–]\s?\d{1,4})?"
    r"|[0-9GBTMgbtm]/[LRFMlrfm]|[A-Z]\d{1,3}"
    # an Edinburgh or a Glasgow stair's floor and door: "Flat 3F1", "Flat G/1"
    r"|(?-i:[1-9PGB]F\d{1,2})|[GBTgbt]/\d{1,2})"
    # a flat's letter stands apart from its word: "Flat B", not the S of "UNITS ATTENDED"
    r"|\s+(?:(?-i:[GBT][LRM])(?![\w'’])|[A-Z](?![\w'’]))),?\s+"
    r"|(?:basement|garden|upper|lower|(?:lower\s+)?(?:ground|first|second|third|top)(?:\s+floor)?"
    r"|main\s+door)\s+(?:flat|maisonette),?\s+"
    # a flat by its floor's initials ("TFF, 8 Cotham Vale") and a boat's mooring or berth
    r"|(?-i:[TGFSB]FF|BSMT),?\s+|(?:mooring|berth)\s*\d{1,4}[A-Za-z]?,?\s+"
    # an Aberdeen or Dundee flat by its floor and side: "Top Floor Right, 41 Hutcheon Street"
    r"|(?:basement|ground|first|second|third|fourth|top)\s+floor\s+(?:left|right|middle|centre"
    r"|front|back|rear),?\s+"
    # and a flat's floor given after it: "Flat 2, first floor, 41 Yorkshire Street"
    r"|(?<=,\s)(?:basement|ground|first|second|third|fourth|top)\s+floor,\s+"
    # a flat by its letter and number, or its number and a slash, before its block: "F12
    # Kennedy House", "12/Cedar House, Commercial Way"
    r"|(?-i:F)\d{1,3}\s+(?=(?-i:[A-Z][a-z]))|\d{1,3}/(?=(?-i:[A-Z][a-z]))"
    # (a door of one digit: "14/03, Caia Park" is a day and a month)
    r"|(?:\d{1,2}/\d(?!\d)|\d{1,2}/[LRlr]|(?-i:PF|[1-9]F)\d{1,2})(?:,\s*|\s+(?=\d))"
    # a flat shortened to its letter before the house number: "f4 21 Foundation St"
    r"|(?i:f|flt)\d{1,3}\s+(?=\d))"
)
_FLAT = rf"(?:{_ONE_FLAT}{{1,3}})"  # "Room 14, Flat 3, Block D, Hartwell Point"
# Every flat above holds one of these: "flat" or "floor"; a floor's initials ("TFF", "PF2"); a
# floor and door before the number ("2/1, 14", not "12/03"); or a flat's word and its number
# or letter. Four searches, as the module skips to each quickly and to all four slowly.
_FLAT_GATE: tuple[str, ...] = (
    r"flat|floor|mooring|berth|maisonette",
    r"(?-i:FF|BSMT|F\d)",
    r"\b(?:f|flt)\d{1,3}\s+\d",  # "f4 21 Foundation St"
    r"\d/(?:\d\d?|[LRlr])(?:,|\s+\d)|\d/(?-i:[A-Z][a-z])",
    r"\b(?:apartment|apt|unit|studio|room|rm|block|bloc|maisonette|chalet|caravan|static|van"
    r"|plot|pitch)s?\s*(?:\d|[a-z]\d|[a-z](?![\w'’])|[gbtm]/|[gbt][lrm](?![\w'’]))",
)
# A flat given after the street: "45 Dumbarton Road, flat 0/2".
_FLAT_AFTER = (
    r"(?:,?\s*(?:flat|apt|apartment)\s*(?:\d{1,2}/\d{1,2}|\d{1,4}[A-Za-z]?|[A-Z])(?![\w/]))?"
)
# Where a house number may start: not inside a word, a reference, an amount or a time, nor after
# a digit and a comma ("£1,200") unless it is a short number after a CSV field's comma
# ("2006-11-05,3 Whetley Lane").
# Nor a camera's, a bus route's, a platform's or a bay's number before the street it watches or
# serves: "cam 14 Westgate", "the 51 Albert Road" is a route only with its word.
_NUMBER_START = (
    # (nor a code's last part: "site HUL-014 Clive Sullivan Way", a camera's)
    r"(?<![\w/£$.:])(?<!\p{L}-)(?:(?<!\d,)|(?=\d{1,2}[A-Za-z]?\s))"
    # nor a count after a place's name in a list: "Derker 7, Fitton Hill 4"
    r"(?:(?<=(?i:flat|apt|apartment|unit|no|number|room|block|plot)\s)"
    r"|(?!(?<=(?-i:[A-Z][a-z]+)\s)\d{1,3},))"
    # nor a log's day and month: "CAD 2291 of 30/01 Cruddas Park"
    r"(?!(?<=\d\s(?i:of)\s)\d{1,2}/[01]?\d\s)"
    r"(?<!\b(?i:cam|camera|cctv|bus|route|platform|stand|gate|bay|pitch|junction|channel|ch)\s)"
)
# House numbers have at most three digits: "2315hrs", "PCSO 7125" are times and collar numbers.
# A range or pair is one address: "78-80", "3 and 5", "7 & 9".
# (a pair parted by a slash takes no comma after it: "CAD 6613 of 19/10, Oldfield Park" is a
# log's date, then a place)
_NUMBER = (
    # (its letter may stand apart, a capital before the street's: "14 A Stanhope Gardens")
    r"(?:no\.?\s*)?\d{1,3}(?:[A-Za-z]|\s(?-i:[A-H])(?=\s(?-i:[A-Z][a-z])))?"
    r"(?:\s?(?:[-–]|and|&|or)\s?\d{1,3}[A-Za-z]?,?|\s(?i:to)\s\d{1,3}[A-Za-z]?,?"
    r"|\s?/\s?\d{1,3}[A-Za-z]?|,)?\s+"  # "2 to 8 Conway Street"
    # (not an age's or a time's: "approx 8-10 of them, 12-14 yrs. hither green team")
    r"(?!(?i:yrs?|years?|yo|y/o|hrs|mins|months|weeks|days)\b)"
)
# A house number read out, as a call is transcribed: "forty-two Railway Street", "eighty seven
# gleadless common", "seventeen Caerleon Road".
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_SPOKEN_WORDS = (
    rf"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s\-](?:{_UNITS}))?"
    r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    # "one" alone is a pronoun far more often: "one took his bank card"
    rf"|(?:{_UNITS})\s+hundred(?:\s+and)?(?:\s+(?:{_UNITS}))?|(?!one\b)(?:{_UNITS}))"
)
_SPOKEN_NUMBER = rf"{_SPOKEN_WORDS}\s+"
# Written out with capitals, a house's number only with its hyphen ("Twenty-Three Copson
# Street"): "Seven Sisters Road", "Nine Elms Lane" are streets' own names.
_TITLED_NUMBER = (
    r"(?-i:(?:Twenty|Thirty|Forty|Fifty|Sixty|Seventy|Eighty|Ninety)"
    r"-(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine))\s+"
)
_SPOKEN_NUMBER_ALONE = re.compile(_SPOKEN_WORDS, re.IGNORECASE)
# What follows a name that makes it a school's or a station's, not a street's: "a group of 8
# Framwellgate School age kids".
_NOT_A_STREET_AFTER = (
    r"(?!\s+(?i:school|academy|college|primary|surgery|centre|center|station|shopping)\b)"
)
# At least one name word before the street word ("10 flats" is a count), unless "The Green".
_STREET = (
    rf"(?:(?:the\s+(?:{_NAME_WORD}\s+){{0,3}}|(?:{_NAME_WORD}\s+){{1,3}}"
    rf"(?:of\s+(?:the\s+)?{_NAME_WORD}\s+)?)(?:{STREET_WORDS})"  # "Prince of Wales Road"
    # (and a value's closing quote after it, not a possessive's: "{v:'12 Harcourt Road'}")
    # (or run into the next field's capital: "9 Dudley RoadM16 8BW", "41 Loughborough RoadBelgrave")
    r"(?:(?!\w|'\w)|(?-i:(?<=[a-z])(?=[A-Z])))"
    r"(?:\s(?i:north|south|east|west|central)\b(?!\s+of\b))?"  # "Newhampton Road West"
    # one word: "14 Ridgeway", "2 Kingsway" (not a school of that name: "8 Framwellgate School")
    r"|(?-i:[A-Z][a-z]{2,}(?:way|gate)|[A-Z]{3,}(?:WAY|GATE))(?!\w|'\w)"
    rf"{_NOT_A_STREET_AFTER}"
    r"(?:\s(?i:north|south|east|west)\b(?!\s+of\b))?"  # "6 Kingsway West"
    r"|broadway(?!\w|'\w))"
)

# A house's or a flat's number said in words, as a caller reads it out: "fourteen",
# "thirty-three", "one hundred and four", "twelve-oh-three", "one-oh-nine".
_UNITS_SAID = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS_SAID = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS_SAID = r"(?:twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety)"
_NUMBER_SAID = (
    rf"(?:(?:{_UNITS_SAID}\s+hundred(?:\s+and)?\s+)?"
    rf"(?:{_TENS_SAID}(?:[\s\-]{_UNITS_SAID})?|{_TEENS_SAID}|{_UNITS_SAID})"
    rf"(?:-(?:oh|{_UNITS_SAID}|{_TEENS_SAID}|{_TENS_SAID}))*"
    rf"|{_UNITS_SAID}\s+hundred)(?![\w'’\-])"
)
# Where a caller gives an address: "he lives at sixty Norton Road", "it's thirty-three and
# thirty-five Priory Road", "address is two A Lark Lane".
_SAID_ADDRESS_CUE = (
    r"(?:at|address(?:\s+is)?|lives\s+at|it's|it’s|its|it\s+is|that's|that’s|of|from|outside"
    r"|opposite|to"
    # the answer to the question in a transcript: "OP: Address? CALLER: twelve B, …"
    r"|address\?\s+(?:[A-Za-z]+\s+){0,2}[A-Za-z]+:)"
)
_BLOCK = rf"(?:the\s+)?(?:{_NAME_WORD}\s+){{0,2}}{_NAME_WORD}"

# Streets with no street word ("2 Fodderwick", "15 Long Riding", "12 TOWNGATE") count only
# after a locative cue and when a comma, full stop, town or postcode follows.
_CUE = (
    r"(?:(?:address|addr\.?)\s+(?:given(?:\s+as)?|is|was|as)"  # "addr given 27 Long Cross BS11 0LQ"
    r"|at|of|from|to|on|outside|opposite|behind|attend|attended|visit|visited|address|addr"
    r"|lives|living|resides|"
    rf"(?:{BUILDING_WORDS}),)"
)
_NOT_STREET_NAME = (
    r"(?!(?:Youths?|Males?|Females?|People|Persons?|Men|Women|Boys|Girls|Lads|Kids|Cars?|Times"
    r"|Days|Weeks|Months|Years|Hours|Mins|Minutes|Hrs|Am|Pm|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep"
    r"|Oct|Nov|Dec|Sept|January|February|March|April|June|July|August|September|October|November"
    r"|December|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
    r"|Sunday|Units?|Officers?|Calls?|Reports?|Incidents?|Occasions?|Of|And|The"
    r"|(?i:into|onto|at|in|on|to|from|behind|outside|opposite|near|by|of|and|the))\b)"
)
# (a capital first, so the long lookahead runs only where a capitalised word starts; any
# alphabet's letters: "Tŷ Gwyn Farm", "Dòmhnall")
_CAP_WORD = (
    rf"(?=\p{{Lu}}){_NOT_STREET_NAME}"
    r"(?:\p{Lu}[\p{Ll}'’]+(?:-(?:\p{Ll}{1,3}-)?\p{Lu}[\p{Ll}'’]+)?|\p{Lu}{3,})"
)
# A house known by its name: an address with or without its street ("Rose Cottage, Mill Lane").
# "House" is not among them: "Brunel House" is a block, and a block without a flat locates an area.
HOUSE_NAMES = (
    "Cottage|Cottages|Farm|Farmhouse|Barn|Bungalow|Grange Farm|Mill House|Rectory|Vicarage"
    "|Forge|Stables|Oast House|Coach House|Old School House|Chalet|Lodge|Steading|Manse|Bothy"
    "|Schoolhouse"
)
# A Scottish farm's first word before "of": "Mains of Balgavies", "Mill of Towie", "Boat of
# Garten". "Mains of" names a farm with or without a house word after it.
_FARM_BEFORE_OF = (
    "Mains|MAINS|Mill|MILL|Milton|MILTON|Kirkton|KIRKTON|Haugh|HAUGH|Hill|HILL|Bridge|BRIDGE"
    "|Boat|BOAT|Burn|BURN|Braes|BRAES|Brae|BRAE|Bogs|BOGS|Crofts|CROFTS"
)
# Welsh thoroughfare words come first: "14 Cwrt Y Coed", "6 Heol Isaf", "2 Ffordd Las", "Feidr
# Pen-y-bont" (a lane, in Pembrokeshire).
_WELSH_STREET = (
    r"heol|cwrt|ffordd|lôn|lon|feidr|stryd|rhodfa|llys|clos|teras|cilgant|rhes|maes|parc|bryn|pant"
    r"|sràid|sraid|rathad"  # and Gaelic ones: "9 Sràid na h-Eaglais", "Rathad a' Chladaich"
    r"|bóthar|bothar|sráid|páirc|pairc|ascaill|lána|plás|cearnóg"  # Irish: "24 Bóthar na Carraige"
)
# A Welsh street by its word and name, after a building's comma: "Flat 6, Heol Hir House, Heol
# Hir", "8 Tŷ Gwyn Court, Ffordd Las".
_WELSH_NAMED_STREET = (
    rf"(?:{_WELSH_STREET})(?-i:(?:\s+(?:y|yr|Y|YR|[A-Z][\w'’\-]*)(?![\w'’])){{1,2}})"
)
# A Welsh street written with hyphens, no street word: "14 Tan-y-Bryn", "3 Pen-yr-Heol".
_WELSH_HYPHEN_WORDS = r"tan|pen|bryn|ty|tŷ|cae|nant|pant|bron|glan|maes"
_WELSH_HYPHENED = (
    rf"(?:{_WELSH_HYPHEN_WORDS})(?:-y[r]?-[A-Za-z][\w'’\-]*"
    r"|(?-i:\s+yr?\s+[A-Z][\w'’\-]*))"  # or spaced: "3-4 Tan y Bryn"
)
_POSTCODE_AHEAD = r"[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b"
# The Welsh, Cornish and Gaelic words a house's name starts with: a house (Tŷ, Chy, Tigh,
# Taigh), a cottage (Bwthyn), a farm (Fferm) or a smallholding (Tyddyn). "Ty" without its
# accent is a first name too.
_HOUSE_HEADS = (
    r"Tŷ['’][nr]|TŶ['’][NR]|Ty['’][nr]|Tŷ|TŶ|Bwthyn|BWTHYN|Fferm|FFERM|Chy|CHY|Tigh|TIGH|Taigh"
    r"|TAIGH|Tyddyn|TYDDYN"
)
_HOUSE_BY_ITS_WORD = (
    rf"(?-i:(?:{_HOUSE_HEADS})(?:[\s\-]+(?:y|yr|an|na|nan|a['’]|[A-Z][\w'’\-]*)){{1,3}})"
    r"(?<![\s\-](?:y|yr|an|na|nan|a['’]))(?![\w'’])"
    r"(?!\s+(?i:flats|estate|area|residents|shops|community|centre|school|farm\s+shop)\b)"
)
# Second words that make a place, a shop or a block of a name, not a house.
_NOT_A_HOUSE = (
    r"park|estate|centre|center|express|extra|local|superstore|nails|stores?|shop|market|hall"
    r"|halls|road|street|lane|vale|village|precinct|parade|academy|school|college|church"
    r"|wood|woods|moor|common|fields|valley"  # areas: "HOLME WOOD"
    # shops and kitchens named like a house: "Sofia Bakery, Harrow Road", "Saigon Kitchen"
    r"|bakery|kitchen|restaurant|cafe|café|takeaway|salon|barbers|motors|sweets|supermarket"
    r"|mandir|gurdwara|mosque|masjid|temple"
)
# Last words that make a pub, a hotel or a club of a name, not a house.
_NOT_A_HOUSE_END = r"arms|inn|tavern|hotel|club|bar|pub|social|institute|lounge|chapel"
# A form's or an export's field for an address: "Address line 2", "PROP", "Cyfeiriad" (Welsh).
_ADDRESS_LABEL = (
    r"(?:address(?:\s+(?:line\s*\d|as))?|addr\.?|home\s+address|property|prop|cyfeiriad)"
)

# A form's field for a house's or a flat's number, and for its block or street, each with
# its label: "House No: 72", "Flat no: 6", "Block: Kestrel House", "Road: Beechcroft Avenue".
_NUMBER_FIELD = r"(?i:house|flat|property|door)\s*(?i:no|number|num|#)\.?\s*[:=]\s*"
_STREET_FIELD = r"(?i:block|building|road|street|st)(?:\s*(?i:name))?\s*[:=]\s*"
# A house's street after its name and comma: Welsh ("Heol y Felin") or English ("Keppoch Road").
_ITS_STREET = rf"(?:{_WELSH_NAMED_STREET}|(?:{_NAME_WORD}\s+){{1,3}}(?:{STREET_WORDS})(?![\w']))"


@functools.cache
def _town() -> str:
    """Any town the lists hold, longest first: built once for the patterns that need it."""
    from asbhub.pii.gazetteers import places

    return "(?i:" + "|".join(sorted(map(re.escape, places()), key=len, reverse=True)) + r")\b"


def _unmarked_street() -> str:
    town = _town()
    return (
        rf"\b(?i:{_CUE})\s+\K(?-i:(?:{_FLAT})?\d{{1,3}}[A-Za-z]?,?\s+{_COUNTED}{_CAP_WORD}"
        rf"(?:\s+(?!{town}){_CAP_WORD})?)"
        rf"(?=\s*(?:[,.;)]|$)|\s+(?:{town}|{_POSTCODE_AHEAD}))"
    )


def _street_before_postcode() -> str:
    """A house number and one to three capitalised words right before a full postcode, no
    street word or cue needed: "62 Hockwell Ring LU4 9NH", ";52 Ganders Ash;WD25 7HG;" (not a
    town: "aged 15 Luton LU4 9NH")."""
    town = _town()
    return (
        # (one space between its words: a fixed-width export's columns are no street's)
        rf"{_NUMBER_START}(?-i:\d{{1,3}}[A-Za-z]?,? (?!{town}){_CAP_WORD}"
        rf"(?: (?!{town}){_CAP_WORD}){{0,2}})(?=[,;]? ?(?-i:{_POSTCODE_AHEAD}))"
    )


# Endings of English estate and house-row names that carry no street word: "17 Oakfield",
# "6 Sunnybank", "8 Greenacres", "24 kingsmead", "9 Thornlea", "5 Larkspur", "31 Fairholme".
_ESTATE_ENDINGS = (
    "field|fields|bank|banks|acre|acres|mead|meads|lea|leigh|dene|croft|holme|garth|wood|woods"
    "|view|side|hurst|ridge|gate|green|dale|lands|hill|hills|moor|brook|ford|well|wells|cote"
    "|stead|ings|haven|fold|nook|royd|shaw|thwaite|worth|combe|mount|spur|ley|leys|ton|by|thorpe"
    "|court|park|vale|heath|down|downs|lynch|stile|hay|hays|holt|firs|oaks|elms|beeches"
)
# The plural nouns of estates named "The …": "16 The Larches", "11 the maltings".
_ESTATE_NOUNS = (
    "larches|maltings|limes|beeches|elms|willows|laurels|cedars|poplars|pines|firs|hollies"
    "|gables|meadows|paddocks|orchards|chestnuts|sycamores|hawthorns|rowans|maples|oaks|birches"
    "|acorns|brambles|leas|moorings|cloisters|ramparts|butts|stables|granary|cottages|courtyards"
    "|spinneys|hazels|alders|yews|junipers|heathers|furlongs|pastures|sidings|wharfs|ropewalks"
    "|tannery|brewery|dairy|orchard|glebe|nurseries|osiers|sheilings|uplands|lowlands|downs"
)


def _estate_street() -> str:
    from asbhub.pii.gazetteers import common_english_words, not_names, places

    # not a town ("at 3 Wakefield"), a shop or a word ("a group of 4 outside")
    known = {w for w in common_english_words() if re.search(rf"(?:{_ESTATE_ENDINGS})$", w)}
    skip = "|".join(sorted(map(re.escape, places() | not_names() | known), key=len, reverse=True))
    return (
        # (or the flat's own number: "of Flat 3, Block 11, Heronbank")
        rf"\b(?i:{_CUE}|into|address\s+(?:as|is))\s+\K(?:(?:{_FLAT})?\d{{1,3}}[A-Za-z]?,?\s+"
        rf"|(?=(?i:flat|apartment|apt|unit|block|room)\b){_FLAT})"
        rf"(?:(?i:the)\s+(?i:{_ESTATE_NOUNS})"
        rf"|(?!(?i:{skip})\b)(?i:[a-z][a-z]{{2,}}(?:{_ESTATE_ENDINGS})))(?![\w'’\-])"
        # (not a school of the name: "a group of 8 Framwellgate School age kids")
        rf"{_NOT_A_STREET_AFTER}"
    )


_AGE_IN_BRACKETS = re.compile(r"\d{1,2},\s")
# The emergency and the non-emergency numbers a call log opens an entry with: "999 Moss Side
# Manchester" (at the text's or a cell's start), "19:02 101 Coventry Tile Hill" (after a time;
# a form's cell may hold a house 101: "| 101 Church Street |").
_CALL_NUMBER = re.compile(r"999\b|(?:101|111|105)\b(?<=\d{2}[:.]\d{2}\s\d{3})")
_LOG_LINE_START = re.compile(r"(?:^|[|\n]|\b\d{1,2}[:.]\d{2}(?:hrs)?)\s*$")
# A number, then a verb's or a word's -ing in lower case before a street's capitals: what the
# number counts or dates is doing there ("3 crossing Loxley Road", "Fri 21/03 covering Albert
# Park"), not a house in a street (which would be "3 Crossing Road" or "3 crossing road"); so
# does a past verb ("Romeo Charlie 14 attended Fir Vale": a call sign's number).
_VERB_THEN_STREET = re.compile(r"[\d/]+[A-Za-z]?\s+(?:[a-z]{2,}ing|[a-z]{3,}ed)\s+[A-Z][a-z]")
_CAPITALISED_WORD_BEFORE = re.compile(r"[A-Z][\w'’]*\s$")
# A flat's number alone ("neighbours at Flat 2 and Flat 9", "noise from flat 0/2") places a
# neighbour in a block, as a house's number alone does; it is an address only where the writer
# gives it as where someone lives ("I'm at flat 5 same building", "lives in flat 12", "Address
# as held: 40 Harehills Lane LS9 6QQ FLAT 3").
_BARE_FLAT = re.compile(r"(?i:flat|apartment|apt|maisonette)\s*[\w/]+")
# (a flat whose building or house and street follow is more than its number: "Flat 4, Tŷ Gwyn,
# Heol Gwyrosydd", "Flat 6, 14 Graig Isaf")
_BUILDING_OR_HOUSE_AFTER = re.compile(r",?\s+(?:\d|[A-ZÀ-Ý])")
_HOME_BEFORE = re.compile(
    r"\b(?i:address|addr|lives|living|live|resides|residing|reside|i'?m|i\s+am|we'?re"
    r"|we\s+are|staying|stays|moved|home)\b[^.\n]{0,60}$"
)
# Not a meeting room: "Room 4, County Hall", "Room 3, Oldbury Council House".
_NOT_A_MEETING_ROOM = (
    r"(?!room\s*\d{1,4}[A-Za-z]?,?\s+(?:\p{L}+\s+)?(?:council|county|town|civic|guild"
    r"|village|church|community|committee)\s+(?:house|hall|offices|centre|chambers)\b)"
)
# The last word of a site that pitches, berths and lodges are numbered in.
_SITE_WORDS = (
    r"junction|marina|lodges|sands|park|pines|bay|site|farm|basin|wharf|quay|pool|lock|village"
    r"|fields|common|moorings|haven|holidays"
)
_FLOOR_OR_FLAT = re.compile(r"\b(?i:flat|floor)\b")
# Words that number things other than houses.
_NUMBERED_BEFORE = re.compile(
    r"\b(?i:(item|action|room|page|para|paragraph|point|section|route|bus|platform|gate|exit"
    r"|stage|phase|option|appendix|annex|week|day|question|court|courtroom))\s+$"
    # a unit's call sign in the phonetic alphabet: "Lima 14 Newcastle West End", "Tango 3"
    r"|\b(Alpha|Bravo|Charlie|Delta|Echo|Foxtrot|Golf|Hotel|India|Juliet|Kilo|Lima|Mike"
    r"|November|Oscar|Papa|Quebec|Romeo|Sierra|Tango|Uniform|Victor|Whiskey|Yankee|Zulu)\s+$"
)


class StreetAddressRecognizer(PatternMatching):
    """House number + street ("14a Moorside Rd"), flats ("Flat 3, 12 Kings Court") and buildings."""

    PATTERNS: ClassVar[list[Pattern]] = [
        # (and a flat given after it: "45 Dumbarton Road, flat 0/2")
        Pattern("Numbered street", rf"{_NUMBER_START}{_NUMBER}{_STREET}{_FLAT_AFTER}", 0.65),
        # A flat before it is a pattern of its own, run only where a flat's word is: the flat's
        # many forms, tried wherever a number may start, would cost three times the street.
        Pattern(
            "Flat and numbered street",
            rf"{_NUMBER_START}{_FLAT}{_NUMBER}{_STREET}{_FLAT_AFTER}",
            0.65,
        ),
        # A house's name, its comma, then its number and street: "Carnmore House, 58 Drumconvis
        # Road", "Lyndhurst, 27 Oakfield Road" (a town, a shop or a word before the comma is not:
        # see invalidate_result).
        Pattern(
            "House name before a numbered street",
            # (not a person's surname after their first name: "Liam Wilford, 88 Farnborough Road")
            r"(?<!(?-i:[A-Z][\w'’\-]{0,20})\s)"
            rf"(?-i:\b[A-Z][\w'’\-]+(?:\s+(?:House|Cottage|Lodge|Villa|Farm|Barn|Bungalow))?)"
            rf",\s*{_NUMBER_START}\d{{1,3}}[A-Za-z]?\s+(?:{_NAME_WORD}\s+){{1,3}}"
            rf"(?:{STREET_WORDS})(?![\w'])",
            0.55,
        ),
        Pattern(
            "Street with its number read out",
            # in capitals only after "number" ("NUMBER SEVEN BURGESS ROAD"; "ON FORTY FOOT BANK"
            # is a road's name); before a Welsh street too ("twenty-seven Heol y Felin")
            rf"\b(?<!(?i:the|a|an|about|some|for)\s)"
            rf"(?:(?-i:{_SPOKEN_NUMBER})|{_TITLED_NUMBER}|(?<=(?i:number|no\.?)\s)(?!(?-i:[A-Z][a-z]))"
            # (after "number", a caller's pause: "number twelve, Saxon Walk")
            rf"(?:{_SPOKEN_WORDS},?\s+))(?:{_STREET}|{_WELSH_NAMED_STREET})",
            0.55,
        ),
        Pattern(  # "8 Harbour Court, Hythe Quay": a numbered building and its street
            "Numbered building and its street",
            rf"{_NUMBER_START}{_NUMBER}(?:{_NAME_WORD}\s+){{1,3}}(?:{BUILDING_WORDS})(?![\w'])"
            rf",\s*(?:{_STREET}|{_WELSH_NAMED_STREET})",
            0.66,
        ),
        Pattern(
            "Flat in a named building",
            rf"\b{_NOT_A_MEETING_ROOM}"
            # not a log's day and month: "CAD 6613 of 19/10, Oldfield Park"
            r"(?!(?<=\d\s(?i:of)\s)\d{1,2}/\d{1,2},)"
            rf"{_FLAT}(?:{_NAME_WORD}\s+){{1,3}}(?:{BUILDING_WORDS}|{STREET_WORDS})(?![\w'])"
            # its street after a comma, or with none after a block ("FLAT 6 LUMB HALL COURT
            # BRUNTCLIFFE ROAD", "flat 6 wenlock court hulme high street")
            rf"(?:(?:,\s*|(?<=(?i:{BUILDING_WORDS}))\s+)(?:{_STREET}|{_WELSH_NAMED_STREET}))?",
            0.65,
        ),
        Pattern(
            # a pitch, a berth or a lodge by its number and its site, with no street word:
            # "mooring 22, Saul Junction", "Lodge 27, Loch Ken Lodges", "pitch 9 at willowmead",
            # "PONTOON D, BERTH 31, CHICHESTER MARINA"
            "Numbered pitch, berth or lodge at its site",
            r"\b(?:(?:pontoon|jetty)\s+[A-Z\d]{1,3},\s*)?"
            r"(?:mooring|berth|pitch|chalet|lodge|croft)\s*[A-Z]?\d{1,4}[A-Z]?"
            # after "at" or "on", the site's name; after a comma, a name that a site's word ends
            # (not the person after it: "pitch 48, Gary Tuplin")
            r"(?:\s+(?:at|on)\s+(?:the\s+)?(?!(?i:mr|mrs|ms|miss)\b)"
            rf"(?:{_NAME_WORD}\s+){{0,2}}{_NAME_WORD}"
            r"(?=\s*(?:[,.;:()\n]|$)|\s+(?:and|where|since|who|which|with|on|in|at|for|near|by|[-–])\b)"
            rf"|,\s*(?:{_NAME_WORD}\s+){{0,2}}(?:{_SITE_WORDS})(?![\w'’]))",
            0.6,
        ),
        Pattern(
            # a boat lived on is a home by its name: "nb Drew's Folly", "the widebeam Summer
            # Rain", "nb Kingfisher Lass, berth 23, Apsley Marina" (the cue left out; not "NB",
            # nota bene: "NB Mrs Gainsborough has no link"; nor a narrowboat in an incident,
            # which the gold sets mark both ways: "the narrowboat Lady Marjorie broke her
            # moorings")
            "Boat by its name",
            r"(?:\b(?-i:nb|n/b|N/B)\.?|\b(?:wide\s?beam|house\s?boat))\s+"
            r"(?:(?:called|named)\s+)?(?!(?:mr|mrs|ms|miss|dr)\b)\K"
            rf"(?-i:{_CAP_WORD}(?:\s(?!(?i:at|on|in|moored|berthed|near|by)\b){_CAP_WORD}){{0,2}})"
            r"(?:,\s*(?:berth|mooring|pontoon)\s*[A-Z]?\d{1,4}[A-Z]?"
            rf"(?:,\s*(?-i:{_CAP_WORD}\s)?(?:marina|basin|wharf|moorings))?)?(?![\w'’])",
            0.6,
        ),
        Pattern(
            # a Welsh flat in its named court or street: "Fflat 3, Cwrt y Felin", "Flat 12, Bloc
            # C, Llys Tudur", "Flat 5, Maes yr Haf"
            "Flat in a Welsh named street",
            rf"\b{_FLAT}{_WELSH_NAMED_STREET}",
            0.6,
        ),
        Pattern(
            "Flat, named block and numbered street",
            # (the street Welsh too: "Room 12, Tŷ Gwyn, 48 Heol Derwen")
            rf"\b{_NOT_A_MEETING_ROOM}{_FLAT}(?:the\s+)?(?:{_NAME_WORD}\s+){{0,2}}{_NAME_WORD},"
            rf"\s*(?:no\.?\s*)?\d{{1,3}}[A-Za-z]?\s+(?:(?:{_NAME_WORD}\s+){{1,3}}(?:{STREET_WORDS})(?![\w'])"
            rf"|{_WELSH_NAMED_STREET})",
            0.65,
        ),
        Pattern(
            "Named house or farm",
            # not an area named after a farm: "near Marsh Farm", "order covering Throstle Farm",
            # "Waterside Farm car park", "Broadwater Farm estate"
            r"(?<!\b(?:near|nr|covering|around|across|towards|toward)\s)"
            # "of" joins a farm's first word ("Mill of Towie Farm"), not a person and where
            # they live ("Tom Irvine of ROSSMORE COTTAGE")
            rf"(?-i:\b(?:(?:The|THE)\s+)?(?:{_CAP_WORD}\s+(?:(?:y|yr|Y|YR)\s+)?"
            rf"|(?:{_FARM_BEFORE_OF})\s+(?:of|OF)\s+){{1,3}}"
            # capitalised as the name is: not "Neighbouring farm", "Derelict barn"
            rf"(?=[A-Z])(?i:{HOUSE_NAMES}))\b"
            # (nor a school or a body named after one: "Ormiston Forge Academy")
            rf"(?!\s+(?:{STREET_WORDS}|car\s+park|estate|area|residents|shops|community|academy"
            r"|school|college|primary|surgery|practice|centre|trust|garage|inn|arms"
            # (nor a place whose people or part is meant: "Park Barn youths", "Broadwater Farm
            # section")
            r"|youths?|lads|kids|boys|girls|gang|group|section|ward|team|patch)\b)"
            rf"(?:,\s*(?:{_NAME_WORD}\s+){{1,3}}(?:{STREET_WORDS})(?![\w']))?",
            0.6,
        ),
        # A numbered plot, caravan, pitch or berth on its site, named by the site's word:
        # "Caravan 211, Sandy Gap Holiday Village", "Plot 60, Gwel y Mor Holiday Park", "Caravan
        # B17, Kingfisher Bay Holiday Village", "Bay 4, Drumgor Serviced Site",
        # "Pontoon C, Berth 14, Mylor Yacht Harbour" (the site named alone locates an area).
        Pattern(
            "Numbered plot, caravan or berth on its site",
            r"(?-i:\b(?:Pontoon\s+[A-Z\d]{1,2},\s*)?"
            r"(?:Plot|Caravan|Static|Pitch|Berth|Chalet|Lodge|Mooring|Van|Cabin|Pod|Bay)\s+[A-Z]?"
            r"\d{1,4}[A-Z]?"
            r",\s*(?:[A-Z][\w'’\-]*\s+(?:(?:y|yr|on|de|la|le|the|of)\s+)?){1,4}"
            r"(?:Holiday\s+)?(?:Park|Village|Site|Harbour|Marina|Smallholdings|Estate|Quay|Wharf"
            r"|Moorings|Haven|Camp|Campsite|Caravans|Leisure\s+Park))\b",
            0.6,
        ),
        Pattern(
            "Scottish farm by its mains",  # "MAINS OF BALGAVIES", "Mains of Corse"
            rf"(?-i:\b(?:Mains|MAINS)\s+(?:of|OF)\s+{_CAP_WORD}(?:\s+(?i:{HOUSE_NAMES}))?)\b",
            0.6,
        ),
        Pattern("Number and unmarked street after a cue", _unmarked_street(), 0.5),
        Pattern("Number and unmarked street before a postcode", _street_before_postcode(), 0.55),
        Pattern("Number and an estate's name after a cue", _estate_street(), 0.5),
        Pattern(
            "Numbered Welsh street",
            rf"{_NUMBER_START}(?:{_FLAT})?{_NUMBER}(?:(?:{_WELSH_STREET})"
            # in lower case, an article may come first: "7 ffordd y llan", "3 heol y parc"
            rf"(?:(?-i:\s+(?:(?:y|yr)\s+)?{_NOT_STREET}[a-zŵŷâêîôû][\w'’\-]{{2,}}"
            rf"(?:\s+(?:(?:y|yr)\s+)?{_NOT_STREET}[a-z][\w'’\-]+)?)"
            r"|(?-i:(?:\s+(?:Y'r|Yr|Y|y'r|yr|y|na|nan|an|h-?[A-Z][\w'’\-]+|[A-Z][\w'’\-]+|[A-Z]{2,})"
            r"(?![\w'’])){1,3}))"
            rf"|{_WELSH_HYPHENED})",
            0.6,
        ),
        Pattern(
            "Welsh named house and its street",  # "Bryn Awel, Heol y Banc", "Ty Gwyn, Port Road"
            r"(?-i:\b(?:Tŷ'r|Ty'r|TŶ'R|TY'R|Ty'n|TY'N|Tŷ|Ty|TŶ|TY|Bryn|BRYN|Pen-y|Pen|PEN|Plas|PLAS|Hafod"
            r"|Bron|Cae|Nant|Glan|Bod|Gwel|Tan)[\s\-]+(?:[A-Z][\w'’\-]*|y|yr)(?:\s+[A-Z][\w'’\-]*)?)"
            rf",\s*{_ITS_STREET}",
            0.6,
        ),
        # A house named by the Welsh, Cornish or Gaelic word for a house, a cottage or a farm,
        # after where someone is, with or without its street: "of Tŷ Mawr, Llansawel", "at Fferm
        # Pant Glas", "of Bwthyn Glan Môr", "of Chy an Gwel", "Tigh na Coille, Keppoch Road"; or
        # anywhere before its street: "Dear Mr Price, Chy an Mor, Trelawney Road" (not an estate
        # or flats of the name: "from the Tŷ Coch estate", "visit to Tŷ Mawr flats").
        Pattern(
            "House by its Welsh, Cornish or Gaelic word after a cue",
            r"\b(?:of|at|from|to|re|lives\s+at|living\s+at|resides\s+at|address(?:\s+(?:is|as))?:?)"
            rf"\s+\K{_HOUSE_BY_ITS_WORD}(?:,\s*{_ITS_STREET})?",
            0.6,
        ),
        Pattern(
            "House by its Welsh, Cornish or Gaelic word and its street",
            rf"(?<![\w'’]){_HOUSE_BY_ITS_WORD},\s*{_ITS_STREET}",
            0.6,
        ),
        # or before its village, its town and its postcode, where there is no street: "Dear Mr
        # Pritchard, Tŷ Newydd, Rhiw, Pwllheli LL53 8AB", "Tigh na Mara, Achiltibuie, Ullapool
        # IV26 2YG"
        Pattern(
            "House by its Welsh, Cornish or Gaelic word before its postcode",
            rf"(?<![\w'’]){_HOUSE_BY_ITS_WORD}"
            r"(?=\s*,\s*(?:(?-i:[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)\s*,?\s*){1,3}"
            r"(?-i:[A-Z]{1,2}\d[A-Z\d]?\s{0,3}\d[A-Z]{2})\b)",
            0.6,
        ),
        # A Scottish farm named by its mains last: "at Whitehaugh Mains by Kelso", "theft from
        # Auchencairn Mains" (not a district's: "Davidson's Mains"; nor its street: "Niddrie Mains
        # Road"; nor a pipe's: "Water Mains").
        Pattern(
            "Scottish farm by its mains last",
            r"(?-i:\b(?!(?:Water|Gas|Sewer|Power|Electric|Electricity|Cold|Hot)\s)"
            r"[A-Z][a-z]{3,}(?<!['’]s)\s+(?:Mains|MAINS))\b"
            rf"(?!\s+(?:{STREET_WORDS}|of|OF|road|ROAD)\b)",
            0.6,
        ),
        # A house's name alone before its street, where the town and postcode close them: "Orla
        # McCartan, Ashgrove, Ballyskeagh Road, BT17 9LQ" (after a comma or a line's start: not
        # the surname of the name before it, nor the last word of a longer house name; nor a
        # shop, a place or a word: see invalidate_result).
        Pattern(
            "House name before its street and postcode",
            r"(?<![\w'’\-.]\s)(?<![\w'’\-.])"
            rf"(?-i:\b{_CAP_WORD}),\s*(?:{_NAME_WORD}\s+){{1,3}}(?:{STREET_WORDS})(?![\w'])"
            r"(?=\s*,\s*(?:(?-i:[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)\s*,?\s*){0,2}"
            rf"{_POSTCODE_AHEAD})",
            0.55,
        ),
        Pattern(  # "The Willows, 2 Coleview Crescent", "Lough View, Bare Lane"
            "Named house and its street",  # not a pub: "THE STERLING ARMS, LINTHORPE ROAD"
            rf"(?-i:\b(?!(?:The|THE)\s+(?:{_CAP_WORD}\s+)?(?i:{_NOT_A_HOUSE_END})\b)"
            rf"(?:(?:The|THE)\s+{_CAP_WORD}(?:\s+{_CAP_WORD})?"
            rf"|{_CAP_WORD}\s+(?:View|VIEW|Villa|VILLA))),\s*(?:{_NUMBER})?"
            rf"(?:{_NAME_WORD}\s+){{1,3}}(?:{STREET_WORDS})(?![\w'])",
            0.6,
        ),
        # A house known by a name no list has, then its street, after a word that gives an
        # address: "gave her address as Trevenna, Pentire Crescent", "of Chy-an-Dowr,
        # Trelowarren Street", "of Tigh na Mara, Achintore Road". Shops and places are not.
        Pattern(
            "Named house after a cue, and its street",
            # not a pub named for a title: "The Marquis of Granby, Hope Street"
            r"(?<!(?i:marquis|marquess|duke|earl|lord|king|queen|prince|princess|duchess)\s(?=of))"
            rf"\b(?:{_ADDRESS_LABEL}|of|at|residing(?:\s+at)?|lives\s+at|living\s+at"
            r"|(?:bungalow|house|home|cottage|property),"
            r"|resides\s+at|drive\s+of)(?:\s*[:=]\s*|\s+)\K"
            r"(?-i:[A-Z][\w'’]+(?:-[\w'’]+){0,3}(?:\s+(?:na|nan|an|y|yr|ar|a)\s+[A-Z][\w'’]+)?"
            # "Holly Bank", "Ffynnon Wen"; not a block, a park or an estate ("Kestrel House")
            rf"(?:\s+(?!(?i:{BUILDING_WORDS}|{_NOT_A_HOUSE})\b)[A-Z][\w'’]+)?)"
            # "Rosedene, 4 Church Lane", "Rosedene, 4-6 Station Approach"
            rf",\s*(?:(?:no\.?\s*)?\d{{1,3}}[A-Za-z]?(?:\s?[-–]\s?\d{{1,3}}[A-Za-z]?)?\s+)?"
            rf"{_ITS_STREET}",
            0.55,
        ),
        # What a form's or an export's address field holds, up to its town or postcode, even
        # with no street word or number: "Address line 2: Wrens Hill Road Town:",
        # "PROP=12A LOWER HILLGATE SK1 3AL", "Address: Apt 7 / Rathfern Court / 2 Doagh Road /".
        # An address split across a form's fields, its number in one and its block or street
        # in the next: "Flat no: 6 | Block: Kestrel House | Street: Coalbrook Road", "House No:
        # 72 | Road: Beechcroft Avenue" (a street's field alone names an area, not a home).
        Pattern(
            "House number in a form's field before its street's",
            rf"\b{_NUMBER_FIELD}\K\d{{1,4}}[A-Za-z]?(?=\s*[|;\n]\s*{_STREET_FIELD})",
            0.55,
        ),
        Pattern(
            "Block or street in a form's field after its number's",
            rf"(?<=\b{_NUMBER_FIELD}\d{{1,4}}[A-Za-z]?\s*[|;\n]\s*"
            rf"(?:{_STREET_FIELD}[^|;\n]{{1,40}}[|;\n]\s*)?){_STREET_FIELD}"
            r"\K(?-i:[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3})(?=\s*(?:[|;\n]|$))",
            0.55,
        ),
        Pattern(
            "Street in an address field",
            rf"\b{_ADDRESS_LABEL}\s*(?:/\s*\p{{L}}+\s*)?[:=]\s*\K"
            rf"(?:(?:{_ONE_FLAT})(?:/\s*)?)?(?:(?:no\.?\s*)?\d{{1,3}}[A-Za-z]?,?\s+)?"
            rf"(?:(?:{_CAP_WORD}\s+){{0,3}}?(?:{STREET_WORDS})(?![\w'])"
            rf"|(?:{_CAP_WORD}\s+){{0,3}}{_CAP_WORD})"
            rf"(?:\s*/\s*(?:(?:no\.?\s*)?\d{{1,3}}[A-Za-z]?\s+)?(?:{_CAP_WORD}\s+){{0,3}}"
            rf"(?:{STREET_WORDS})(?![\w']))?"
            # then its district and town and postcode, or the form's next field
            r"(?=\s*[,/]?\s*(?:(?-i:[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)\s*[,/]?\s*){0,2}"
            rf"{_POSTCODE_AHEAD}|\s*(?-i:Town|TOWN|Postcode|POSTCODE|City)\s*[:=]|\s+[A-Z_]{{3,}}=)",
            0.55,
        ),
        # A number and a name with no street word, where a town and postcode close it: "Registered
        # keeper Ciaran O'Kane, 9 Seacourt, BT40 1QB", "14 Ard na Gréine, Newry BT34 1QP".
        Pattern(
            "Number and name before a postcode",
            rf"{_NUMBER_START}\d{{1,3}}[A-Za-z]?\s+(?-i:{_CAP_WORD}"
            r"(?:\s+(?:(?:na|nan|an|y|yr|ar|de|la|le)\s+)?[A-Z][\w'’\-]+){0,2})"
            # then its town ("Isle of Lewis") and the postcode
            r"(?=\s*,\s*(?:(?-i:[A-Z][\w'’\-]+(?:\s+(?:of\s+|upon\s+|on\s+)?[A-Z][\w'’\-]+)?)"
            rf"\s*,?\s*){{0,2}}{_POSTCODE_AHEAD})",
            0.5,
        ),
        # A farm or cottage in lower case after where someone is: "chat w/ mrs j. fenwick at high
        # raise farm", "farmer mr p. dickinson at manor farm, north kelsey road".
        Pattern(
            "Named farm in lower case after a cue",
            r"(?-i:\b(?:at|of|from)\s+\K(?!(?:the|a|an|his|her|their|my|our|your|that|this|next"
            r"|old|local|same|nearby|another|every|each)\b)(?:[a-z][a-z'’\-]+\s+){1,2}"
            r"(?:farm|farmhouse|cottage|cottages|barn|bungalow|croft|grange))\b"
            rf"(?:,\s*(?-i:(?:[a-z][a-z'’\-]+\s+){{1,3}})(?:{STREET_WORDS})(?![\w']))?",
            0.5,
        ),
        Pattern(
            "Flat, number and name before a postcode",
            rf"\b{_FLAT}\d{{1,3}}[A-Za-z]?\s+(?-i:{_CAP_WORD})"
            rf"(?=\s*,\s*(?:(?-i:[A-Z][\w'’\-]+)\s*,?\s*){{0,2}}{_POSTCODE_AHEAD})",
            0.5,
        ),
        Pattern(
            "Numbered house in a named close",  # "5 The Willows,", "12 THE MALTINGS."
            rf"{_NUMBER_START}(?:{_FLAT})?{_NUMBER}(?-i:(?:The|THE)\s+{_CAP_WORD}"
            rf"(?:\s+{_CAP_WORD})?)(?=\s*(?:[,.;)]|$))",
            0.5,
        ),
        Pattern(
            "Flat, named block and street",
            rf"\b{_FLAT}(?:the\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}},\s*"
            rf"(?:{_NAME_WORD}\s+){{1,3}}(?:{STREET_WORDS})(?![\w'])",
            0.6,
        ),
        # A flat's and a house's number said in words, as a caller reads an address out:
        # "flat thirty-two, Hartley House, Cranbrook Road", "room three, fourteen Park Street",
        # "lives at sixty Norton Road", "thirty-three and thirty-five Priory Road".
        Pattern(
            "Flat said in words, and its street",
            rf"\b(?:flat|apartment|room)\s+{_NUMBER_SAID},?\s+(?:(?!{_NUMBER_SAID}){_BLOCK},\s*)?"
            rf"(?:(?:{_NUMBER_SAID}|\d{{1,3}}[A-Za-z]?)\s+)?{_STREET}",
            0.6,
        ),
        Pattern(
            "Number said in words and its street after a cue",
            # (said, not a place's capitalised name: "at Seven Sisters Road", "Five Arches")
            rf"\b{_SAID_ADDRESS_CUE}\s+\K(?-i:(?![A-Z][a-z])){_NUMBER_SAID}"
            rf"(?:\s+(?:and|&)\s+{_NUMBER_SAID})?"
            rf"(?:\s+(?-i:[A-H]),?)?\s+{_STREET}",
            0.55,
        ),
        Pattern(  # "Flat 12", and a Scottish flat by its floor and door: "Flat 0/2"
            "Flat alone",
            r"\b(?:flat|apartment|apt|maisonette)\s*(?:\d{1,2}/\d{1,2}\b|\d{1,4}[A-Za-z]?\b)",
            0.2,
        ),
    ]
    # A flat's patterns run only where a flat's word, initials or floor and door are; a Welsh
    # street only where a Welsh street's word is; a house known by its name only where a
    # house's word is; an estate's name only where a number comes before a word with an
    # estate's ending.
    GATES: ClassVar[dict[str, str | tuple[str, ...]]] = dict.fromkeys(
        (
            "Flat, number and name before a postcode",
            "Flat and numbered street",
            "Flat in a named building",
            "Flat, named block and numbered street",
            "Flat, named block and street",
        ),
        _FLAT_GATE,
    ) | {
        "Numbered Welsh street": rf"\b(?:{_WELSH_STREET}|{_WELSH_HYPHEN_WORDS})(?![\w'’])",
        "House number in a form's field before its street's": _NUMBER_FIELD,
        "Block or street in a form's field after its number's": _NUMBER_FIELD,
        "Flat in a Welsh named street": rf"\b(?:{_WELSH_STREET})(?![\w'’])",
        "Numbered pitch, berth or lodge at its site": (
            r"(?i:mooring|berth|pitch|chalet|lodge|croft)"
        ),
        "Boat by its name": r"(?i:\bnb\b|\bn/b\b|wide\s?beam|house\s?boat)",
        "Named house or farm": rf"\b(?:{HOUSE_NAMES})\b",
        "Numbered plot, caravan or berth on its site": r"\b(?:Plot|Caravan|Static|Pitch|Berth"
        r"|Chalet|Lodge|Mooring|Van|Cabin|Pod|Bay)\s+[A-Z]?\d",
        "Scottish farm by its mains": r"(?-i:\b(?:Mains|MAINS)\s+(?:of|OF)\b)",
        "Scottish farm by its mains last": r"(?-i:\s(?:Mains|MAINS)\b)",
        "House name before its street and postcode": rf"(?-i:{_POSTCODE_AHEAD})",
        **dict.fromkeys(
            (
                "House by its Welsh, Cornish or Gaelic word after a cue",
                "House by its Welsh, Cornish or Gaelic word and its street",
            ),
            rf"(?-i:\b(?:{_HOUSE_HEADS})[\s\-])",
        ),
        # a number said in words runs only where one is
        "Flat said in words, and its street": (
            rf"\b(?:flat|apartment|room)\s+(?:{_UNITS_SAID}|{_TEENS_SAID}|{_TENS_SAID})"
        ),
        "Number said in words and its street after a cue": (
            rf"\b(?:{_UNITS_SAID}|{_TEENS_SAID}|{_TENS_SAID})(?:\s|-)"
        ),
        "Named farm in lower case after a cue": (
            r"(?-i:\b(?:farm|farmhouse|cottage|cottages|barn|bungalow|croft|grange)\b)"
        ),
        "Number and an estate's name after a cue": (
            rf"\d[A-Za-z]?,?\s+(?:the\s+(?:{_ESTATE_NOUNS})|[a-z]{{2,}}(?:{_ESTATE_ENDINGS}))"
            r"(?![\w'’\-])"
        ),
        # and a street with no word of its own only where a full postcode is
        "Number and unmarked street before a postcode": rf"(?-i:{_POSTCODE_AHEAD})",
    }
    CONTEXT: ClassVar[list[str]] = [
        "address",
        "lives",
        "living",
        "resides",
        "resident",
        "at",
        "of",
        "home",
    ]

    def refuted(self, text: str, start: int, end: int) -> bool:
        """A number that a word before it gives to something else: an agenda's item, a court
        room, a page, a bus route ("Item 2 Morrisons car park", "COURT 3 BRISTOL MAGISTRATES'
        COURT"), not a house."""
        if _BARE_FLAT.fullmatch(text, start, end) and not _BUILDING_OR_HOUSE_AFTER.match(text, end):
            return _HOME_BEFORE.search(text, max(0, start - 90), start) is None
        if not text[start : start + 1].isdigit():
            # a named home that is a care home, a hostel or a refuge, and not one person's:
            # "Oakleigh Lodge nursing home", "St Anne's House supported housing"
            return INSTITUTION_AFTER.match(text, end) is not None
        if _VERB_THEN_STREET.match(text, start, end):
            return True  # "3 crossing Loxley Road", "21/03 covering Albert Park": no house's
        if _AGE_IN_BRACKETS.match(text, start) and text[max(0, start - 1) : start] == "(":
            return True  # "Khalid Osman (15, Beaumont Leys)": an age and a district
        if _CALL_NUMBER.match(text, start) and _LOG_LINE_START.search(
            text, max(0, start - 12), start
        ):
            return True  # "999 Moss Side Manchester | caller…": a call, not a house
        numbered = _NUMBERED_BEFORE.search(text, max(0, start - 16), start)
        if numbered is None:
            return False
        # a court's room ("COURT 3", "in Court 1"), not a block's last word ("Claremont Court 44")
        return (numbered.group(1) or "").lower() not in ("court", "courtroom") or (
            _CAPITALISED_WORD_BEFORE.search(text, max(0, numbered.start() - 30), numbered.start())
            is None
        )

    def invalidate_result(self, pattern_text: str) -> bool | None:
        """A single word before the street's comma that a list knows is a shop, a place or a
        word, not a house: "at Tesco, High Street", "of Leeds, Kirkgate Market"."""
        from asbhub.pii.gazetteers import (
            common_english_words,
            first_names,
            not_names,
            places,
            surnames,
        )

        first = pattern_text.split(",", 1)[0].strip()
        if "," not in pattern_text or any(ch.isdigit() for ch in first):
            return None
        if _SPOKEN_NUMBER_ALONE.fullmatch(first):
            return None  # a house's number read out, then a pause: "nine, Mulberry Gardens"
        if _FLOOR_OR_FLAT.search(first):
            return None  # "First Floor Flat, 62 Borough Road": a flat by its floor
        if " " in first:  # "Tesco Express, Portswood Road": a shop's or a place's name
            return True if first.split()[0].lower() in not_names() else None
        low = first.lower().removesuffix("'s").removesuffix("’s")
        # a shop, a place or a word; or a person's surname: "Agnes Docherty, 45 Dumbarton Road".
        # Before a house number a place's name is the house's: "Seaview, 18 Torrs Park" (a town
        # comes after the street).
        numbered = pattern_text.split(",", 1)[1].strip()[:1].isdigit()
        lists: tuple[frozenset[str], ...] = (
            not_names(),
            common_english_words(),
            first_names(),
            surnames(),
        )
        if not numbered:
            lists += (places(),)
        return True if any(low in words for words in lists) else None

    def __init__(self, supported_entity: str = "STREET_ADDRESS") -> None:
        super().__init__(
            supported_entity=supported_entity,
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            global_regex_flags=re.IGNORECASE,
        )
