"""UK vehicle registrations: current plates in any case, older formats only in capitals."""

from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import Pattern  # noqa: TID253 - loaded lazily by the engine
from presidio_analyzer.predefined_recognizers import (  # noqa: TID253
    UkVehicleRegistrationRecognizer as PresidioVrn,
)

from asbhub.pii.gazetteers import MAKES, make_before
from asbhub.pii.recognizers.matching import PatternMatching

# A word that introduces a plate, then filler a caller puts between ("reg of one", "plate
# started", "partial VRM", "reg poss. starting").
_PLATE_CUE = (
    r"(?i:\b(?:personali[sz]ed|private\s+plate|cherished(?:\s+plate)?|(?:(?:partial|part)\s+)?"
    r"(?:vrm|vrn|reg(?:istration)?|index|plates?|number\s+plate)\b"  # (not "plate" of "plates")
    r"(?:\s+(?:no|number|mark))?\.?|partial|veh(?:icles?)?(?:\s+reg)?)"
    r"(?:\s+(?:of\s+(?:one|the\s+\w+)|started|starting|starts|beginning|begins|was|is|as|given"
    r"|seen|poss(?:ibly)?|prob(?:ably)?|maybe|might\s+be)\.?)*"
    r"(?:\s+with)?[\s:#.,\-]*[\"“']?)"
)
# Whole plates in any case and loose spacing: current (its age typed with a letter O: "WK7O
# BXY"), prefix and suffix formats.
_FULL_PLATE = (
    r"(?i:[A-Z]{2}\s?(?:\d{2}|\dO|O\d)\s{0,2}(?=[A-Z0]*[A-Z])[A-Z0]{3}|[A-Z]\s?\d{1,3}\s{0,2}"
    r"(?!(?:and|the|was|for|are|not|has|had|his|her|you|who|now|all|but|off|out|yrs|hrs|mph)\b)"
    r"[A-Z]{3}"
    r"|[A-Z]{3}\s{0,2}\d{1,3}\s{0,2}[A-Z])"
)
# After a plate's own cue also Northern Irish and dateless plates and a caught start ("VK63").
_NOT_A_WORD = (
    r"(?!(?i:a|an|on|at|in|is|of|to|or|no|the|for|and|was|off|up|by|past|into|round|away"
    r"|x\d{1,2})\b)"  # (nor a count: "plates x3")
)
# A partial plate with the characters not caught as "?" or "*": "nk14 ?xe", "MX?? HJY", "KX6?".
_WILD_PLATE = (
    r"(?i:[A-Z]{2}\d{2}(?:\s?[A-Z]{1,2})?(?=\.{2,}|…)"  # "WK09...", "NK13 K..": the rest not caught
    r"|(?=[A-Z\d?*]{2,4}\s?[A-Z?*]{0,3}(?<=[?*][A-Z?*]{0,3}))[A-Z?*]{2}[\d?*]{1,2}"
    r"(?:\s?(?!(?:not|and|the|was|for|but|has|had|off|its|are|you|who|saw|see|via|ran|now|yet"
    r"|all|any|one|two|six|ten)\b)[A-Z?*]{1,3})?)"
)
_ANY_PLATE = (
    rf"{_NOT_A_WORD}(?:{_WILD_PLATE}(?![\w?*])|{_FULL_PLATE}|(?i:[A-Z]{{1,3}}\s{{0,2}}\d{{1,4}})"
    r"|(?i:[A-Z]{2}\s?(?:\dO|O\d))"  # (the start caught, its age with a letter O: "WU7O")
    # a dateless plate written number first, in capitals: "dateless plate 718 HLD"
    # (not a day and its month: "VRM 12 JUL")
    r"|(?-i:(?!\d{1,2}\s?(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\b)"
    r"\d{1,4}\s{0,2}[A-Z]{1,3})(?![\w/]))"
)
# The postcode areas of two letters: a plate's shape with a zero first in its letters ("LJ65
# 0XA") is a postcode's where its letters are an area's ("BS13 0ND").
_POSTCODE_AREAS = (
    "(?:AB|AL|BA|BB|BD|BH|BL|BN|BR|BS|BT|CA|CB|CF|CH|CM|CO|CR|CT|CV|CW|DA|DD|DE|DG|DH|DL|DN|DT"
    "|DY|EC|EH|EN|EX|FK|FY|GL|GU|GY|HA|HD|HG|HP|HR|HS|HU|HX|IG|IM|IP|IV|JE|KA|KT|KW|KY|LA|LD|LE"
    "|LL|LN|LS|LU|ME|MK|ML|NE|NG|NN|NP|NR|NW|OL|OX|PA|PE|PH|PL|PO|PR|RG|RH|RM|SA|SE|SG|SK|SL|SM"
    "|SN|SO|SP|SR|SS|ST|SW|SY|TA|TD|TF|TN|TQ|TR|TS|TW|UB|WA|WC|WD|WF|WN|WR|WS|WV|YO|ZE)"
)
# Northern Irish plates: three letters, the last two a county's code with I or Z ("LXZ 4821").
_NI_PLATE = r"[A-Z](?:[A-HJ-Y]Z|I[ABGJLW]|[JOUX]I)\s?\d{1,4}"
# Irish plates: year, county code, number ("05-LH-1187", "191-D-12345"); spaced, the number has
# three digits at least ("06 D 55123").
_IRISH_COUNTY = (
    r"(?:C|CE|CN|CW|D|DL|G|KE|KK|KY|L|LD|LH|LK|LM|LS|MH|MN|MO|OY|RN|SO|T|TN|TS|W|WD|WH|WX|WW)"
)
_IRISH_PLATE = rf"\d{{2,3}}(?:-{_IRISH_COUNTY}-\d{{1,6}}|\s{_IRISH_COUNTY}\s\d{{3,6}})"
# Another country's or a Crown dependency's name for its plates.
_NATION = (
    r"(?:foreign|french|german|polish|dutch|belgian|spanish|italian|irish|romanian|bulgarian"
    r"|lithuanian|latvian|estonian|portuguese|czech|slovak|hungarian|ukrainian|swiss|austrian"
    r"|danish|swedish|norwegian|finnish|luxembourg|greek|turkish|croatian|serbian|albanian"
    r"|moldovan|slovenian|eu|continental|jersey|guernsey|manx|isle\s+of\s+man|gibraltar)"
)
# A plate of any country, in capitals: groups of letters and digits with a digit in them
# ("GH-418-KT", "AA 1234 BC", "J 44718", "1234 BCD", "PO 5K118").
_ANY_COUNTRY_PLATE = (
    r"(?-i:(?!(?:VEH|REG|VRM|VRN|CAR|VAN|HGV|LGV|PLATE|INDEX|UNIT|TRAILER)\s)"
    r"(?=[A-Z0-9\- ]{0,12}\d)[A-Z0-9]{1,4}(?:(?:\s|-)[A-Z0-9]{1,5}){1,3})(?![\w\-])"
)
# A group of a foreign plate: letters (three at most), digits, or the two mixed ("7K2N4").
_PLATE_GROUP = (
    r"(?:[A-Z]{1,3}|\d{1,5}|(?=[A-Z\d]{2,5}(?![A-Z\d]))[A-Z\d]*(?:[A-Z]\d|\d[A-Z])[A-Z\d]*)"
)
# The international codes a plate's country is given by: "WPR 4471K (PL)".
_COUNTRY_CODE = (
    r"(?:PL|RO|LT|LV|EE|BG|F|D|NL|B|E|I|IRL|UA|CZ|SK|H|P|A|CH|DK|S|N|FIN|L|GR|TR|HR|SRB|AL|MD"
    r"|SLO|GBJ|GBG|GBM|GBZ)"
)
# A driving verb or a vehicle's name, then a whole plate: "drives yj 68 lpc", "moped fy 21 kdo",
# "driving a car FIZ 8823".
_DRIVES = (
    r"(?i:\b(?:dri(?:ves|ving|ven)|drove|car|van|moped|scooter|motorbike|bike|quad|taxi|lorry"
    r"|truck|pick-?up|transit|pnc\s+check(?:\s+on)?"
    # its keeper, or a verb of arriving or leaving in it: "the owner of W482 GKP", "turned up in
    # k419 bdf", "sped off in a P reg"
    r"|(?:registered\s+)?(?:owner|keeper)\s+of|(?:turned|pulled|rolled|drew)\s+up\s+in"
    r"|arrived\s+in|(?:drove|sped|raced|went|made)\s+off\s+in|got\s+(?:out\s+of|into))"
    r"(?:\s+(?:a|an|the|his|her|their))?[\s:]+\(?)"
)
# A make or model, then a current or Northern Irish plate: "white bmw ov 19 xkp", "golf fkz 3108".
_MAKE = (
    r"(?i:\b(?:bmw|audi|merc(?:edes)?|vw|golf|corsa|fiesta|focus|astra|polo|civic|hilux|yaris"
    r"|sprinter|qashqai|juke|leon|ibiza|clio|octavia|evoque|shogun|navara|l200|mini|ford|vauxhall"
    r"|toyota|nissan|honda|kia|hyundai|peugeot|renault|citroen|fiat|skoda|volvo|tesla|lexus|mazda"
    r"|dacia|cupra|rover|ranger|hatchback|saloon|yamaha|kawasaki|suzuki|ktm|lexmoto|sinnis|piaggio"
    r"|escort|capri|cortina|granada|cavalier|montego|maestro|allegro"
    r"|vespa|aprilia|ducati|triumph|jag|jaguar|bentley|porsche|jeep|subaru|mitsubishi|chevrolet"
    r"|alfa|saab|lotus|datsun|defender|landie)[\s:]+\(?)"  # ("Golf (rib1736)")
)

# A plate read out in the phonetic alphabet ("Yankee Hotel one nine, Kilo Foxtrot Papa"): two
# letters, one or two digits, then one to three letters. A call sign ("Mike Papa 12") has no
# letters after its digits.
PHONETIC = (
    r"(?:alpha|alfa|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliett?|kilo|lima|mike"
    r"|november|oscar|papa|quebec|romeo|sierra|tango|uniform|victor|whiske?y|x[\s\-]?ray|yankee|zulu)"
)
# A name spelled in the phonetic alphabet, four letters or more, each word alone or after its
# letter: "oscar romeo lima alpha", "B for bravo, E echo, B bravo, B bravo".
_PHONETIC_LETTER = rf"(?:[A-Za-z]\s+(?:for\s+)?)?(?i:{PHONETIC})"
PHONETIC_SPELLING = rf"{_PHONETIC_LETTER}(?:[\s,]+{_PHONETIC_LETTER}){{3,}}"
_SPOKEN_DIGIT = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|niner|\d)"
# The words of a number from ten to ninety-nine, read out: "twenty-two", "seventy one",
# "fourteen" (for a plate's age, a postcode's district, a reference's digits).
SAID_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
SAID_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
SAID_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
SAID_TEN_TO_NINETY_NINE = rf"(?:{SAID_TENS}(?:[\s\-]{SAID_UNITS})?|{SAID_TEENS})"
_SAID = r"(?:[\s,\-]+(?:(?:uh|er|erm|um)[\s,]+)?)"  # "one nine, uh, x-ray"
_PHONETIC_PLATE = (
    rf"(?i:\b{PHONETIC}{_SAID}{PHONETIC}{_SAID}{_SPOKEN_DIGIT}(?:{_SAID}{_SPOKEN_DIGIT})?"
    rf"(?:{_SAID}{PHONETIC}){{1,3}}\b)"
)


# Words that follow a call sign in a log, not a plate's last letters: "UNITS KE21 AND KE23".
_NOT_LOG_WORD = r"(?!(?i:and|the|for|are|was|not|but|has|had|att|all|off|out|hrs|mph)\b)"


_CUE_GATE = r"(?i:reg|vr[mn]|plate|index|partial|veh|personali[sz]ed|cherished)"
_MINUTES_AFTER = re.compile(r"[:.][0-5]\d(?!\d)")


_MORE_DIGITS_AFTER = re.compile(r"[\s\-]\d{3,4}(?:[\s\-]\d{3,4})+\b")
# The makes as a pattern's words, longest first: "polish Scania WGM 48LT".
_MAKE_WORDS = "|".join(re.escape(m) for m in sorted(MAKES, key=len, reverse=True))
_MAKE_UPPER = "|".join(re.escape(m.upper()) for m in sorted(MAKES, key=len, reverse=True))
# A model's trim or its engine after the model: "A45 AMG", "Golf GTI", "Fiesta ST", "Passat TDI".
_TRIMS = frozenset(
    [
        "AMG",
        "GTI",
        "GTD",
        "GTE",
        "TDI",
        "TSI",
        "TFSI",
        "CDI",
        "HDI",
        "TDCI",
        "ST",
        "RS",
        "GT",
        "SE",
        "SRI",
        "VXR",
        "CUPRA",
        "FR",
        "SPORT",
    ]
)
# "1ST", "2ND", "3RD", "11TH", "22ND": a count's ordinal, never a plate.
_ORDINAL = re.compile(r"\d{0,2}(?:1ST|2ND|3RD|\dTH)", re.IGNORECASE)


_AS_LETTERS = str.maketrans("01", "OI")
_AS_DIGITS = str.maketrans("OI", "01")


class TunedUkVehicleRegistrationRecognizer(PatternMatching, PresidioVrn):
    """Current format (AB12 CDE) scores 0.6, 1.0 with a real age identifier; older need context."""

    # Presidio declares these without ClassVar, so mypy takes them for instance variables.
    PATTERNS: ClassVar[list[Pattern]] = [  # type: ignore[misc]
        # (not a call sign and a word: "UNITS KE21 AND KE23")
        Pattern("VRN current", rf"\b[A-Z]{{2}}\s?\d{{2}}\s{{0,2}}{_NOT_LOG_WORD}[A-Z]{{3}}\b", 0.6),
        Pattern("VRN current with dashes", r"\b(?i:[A-Z]{2}-?\d{2}-[A-Z]{3})\b", 0.6),
        # In capitals, its groups parted by a dash, a dot or a space in an odd place: "NX-18 KFO",
        # "CU 70 - HBR", "SV 12-LMN", "PO15 A XY", "SF70 W.Z.K" (not "AB12 CDE", found above).
        Pattern(
            "VRN current, oddly parted",
            # (or a slash: "LD19 / OKR")
            r"\b(?![A-Z]{2}\s?\d{2}\s{1,2}[A-Z]{3}\b)[A-Z]{2}(?:\s?-\s?|\.|\s)?\d{2}"
            r"(?:\s?-\s?|\.|\s|\s?/\s?)(?:[A-Z][\s.]?){2}[A-Z]\b",
            0.6,
        ),
        # The last characters a witness caught: "reg ends DZK", "plate ending in 4XK".
        Pattern(
            "End of a plate after 'ends'",
            # (a word between: "partial reg only - ends in OKY")
            r"(?i:\b(?:reg(?:istration)?|plates?|vrm|index)(?:\s+only)?[\s,:\-–]+(?:ends?|ending)"
            r"(?:\s+(?:in|with))?"
            r"[\s:]+)\K(?-i:(?=[A-Z\d]*[A-Z])[A-Z\d]{2,4})(?![\w/])",
            0.7,
        ),
        # In lower case only the solid or standard spacing: "at 42 are", "is 23 not" are prose.
        Pattern(
            "VRN current (any case)",
            rf"\b(?i:[A-Z]{{2}}\d{{2}}\s?{_NOT_LOG_WORD}[A-Z]{{3}})\b",
            0.6,
        ),
        # Spaced in lower case, as typed on a phone: "is ae 67 kxl a white van"; not "on 12 mar"
        # or "by 10 and".
        Pattern(
            "VRN current spaced in lower case",
            r"\b(?-i:(?!(?:at|by|to|as|an|be|he|me|we|no|so|up|do|go|us|am|pm|on|in|is|it|of|or"
            r"|if|my|yr|ks|rm|pg|ch|ft|pt|mr|ms|dr|no|nr|op|de)\s)[a-z]{2}\s\d{2}\s(?!(?:jan|feb|mar"
            r"|apr|may|jun|jul|aug|sep|oct|nov|dec|and|the|for|hrs|mph|yrs|min|sec|mon|tue|wed|thu"
            r"|fri|sat|sun|are|was|not|but|has|had|you|who|now|all|off|out|one|two|six|ten|per|pcs"
            r"|kgs|lbs|mls|boy|guy|man|men|lad|old|new|age|yrs|kid|mum|dad)\b)[a-z]{3})\b",
            0.6,
        ),
        # The part of a plate a witness caught, after the plate is mentioned: "plate partly taped
        # over, begins LV21", "I could see MA7 at the start", "first begins \"LB 21\"".
        Pattern(
            "Partial plate after what was seen of it",
            r"(?i:\b(?:reg(?:istration)?|plates?|vrm|number\s+plate)\b[^.\n]{0,50}?"
            r"\b(?:begins?|began|beginning|start(?:s|ed|ing)?|could\s+see|visible|read(?:s|ing)?)\b"
            r"(?:\s+(?:with|as))?[\s:,\"“']*)\K(?-i:[A-Z]{1,2}\s?\d{1,2}(?:\s?[A-Z]{1,3})?)(?![\w])",
            0.6,
        ),
        # Its first letter apart, as typed in a hurry: "F Y17 ODR", "R E70 VXZ" (a real age
        # identifier lifts it: see validate_result).
        Pattern("VRN current, first letter apart", r"\b[A-Z]\s[A-Z]\d{2}\s?[A-Z]{3}\b", 0.3),
        # The start a witness caught, then "something": "ky15 somethin", "MA68 something".
        Pattern(
            "Start of a plate before 'something'",
            r"\b(?i:[A-Z]{2}\d{2})(?=\s+(?i:something|somethin|summat|sumthing|sth|smth)\b)",
            0.5,
        ),
        # The end a witness caught, after the vehicle: "a black BMW ending WXL", "a Corsa
        # ending OXL".
        Pattern(
            "End of a plate after its vehicle",
            rf"(?:{_MAKE}|(?i:\b(?:car|van|vehicle|motorbike|moped|bike|lorry|truck|taxi)\s+))"
            r"(?i:ending|ends)(?:\s+(?i:in|with))?[\s:]+\K(?-i:(?=[A-Z\d]*[A-Z])[A-Z\d]{2,4})"
            r"(?![\w/])",
            0.7,
        ),
        # In capitals with "?" for the characters not caught, wherever it stands: "FN15 ?KD",
        # "BD 15 ?RV", "H731 G??", "CU?? ?WK" (a question mark inside a plate's shape is no
        # sentence's).
        Pattern(
            "Partial plate with '?' for what was not caught",
            # (three characters after the number, as a plate has: "Thurs P4?" is a lesson)
            # (its age with a letter O: "GX7O UN?")
            r"(?-i:\b(?:[A-Z]{2}\s?(?:[\d?]{2}|\dO)|[A-Z]\s?\d{1,3})\s?(?=[A-Z]{0,2}\?)[A-Z?]{3})"
            r"(?![\w?])",
            0.6,
        ),
        Pattern("VRN prefix", r"\b[A-HJ-NPR-TV-Y]\s?\d{1,3}\s?[A-HJ-PR-Y][A-HJ-PR-Z]{2}\b", 0.3),
        # Its age's two digits typed apart: "FH 5 9 YTE", "RV6 8 YHO" (a real age lifts it).
        Pattern("VRN current, its age apart", r"\b[A-Z]{2}\s?\d\s\d\s?[A-Z]{3}\b", 0.3),
        Pattern("VRN suffix", r"\b[A-HJ-PR-Z]{3}\s?\d{1,3}\s?[A-HJ-NPR-TV-Y]\b", 0.3),
        # After a plate's own cue ("reg", "VRM", "plate started", "partial", "veh"), any case and
        # spacing, and the shapes with no age letter: Northern Irish and dateless plates
        # ("KFZ 3390", "NXZ 7310") and the part of a plate a caller caught ("VK63", "ae19").
        Pattern("VRN after its cue", rf"{_PLATE_CUE}\K{_ANY_PLATE}(?![\w/])", 0.7),
        # A current plate with a letter too many, as a caller gave it: "reg as GU72 CXRR".
        Pattern(
            "VRN with a letter too many after its cue",
            rf"{_PLATE_CUE}\K(?-i:[A-Z]{{2}}\d{{2}}\s{{0,2}}[A-Z]{{4}})(?![\w/])",
            0.6,
        ),
        # A plate given a character at a time after its cue: "gave the reg as r 3 g a n".
        Pattern(
            "Plate a character at a time after its cue",
            rf"{_PLATE_CUE}\K(?=(?:\w\s){{1,6}}\d|\d)(?:[A-Za-z0-9]\s){{3,6}}[A-Za-z0-9](?!\w)",
            0.6,
        ),
        # A continental plate in parts between dashes after its cue: "reg 54-KTR-9", "B-MW-1234".
        Pattern(
            "Plate in dashed parts after its cue",
            rf"{_PLATE_CUE}\K(?<![\w\-])(?=[A-Z\d\-]{{5,10}}(?![\w\-]))"
            r"(?-i:(?=[A-Z\d\-]*\d)(?=[A-Z\d\-]*[A-Z])[A-Z\d]{1,4}"
            r"(?:-[A-Z\d]{1,4}){2,3})(?![\w/\-])",
            0.6,
        ),
        Pattern(
            "VRN after a driving verb",
            rf"{_DRIVES}\K{_NOT_A_WORD}(?:(?:{_FULL_PLATE}|(?-i:{_NI_PLATE}))(?![\w/])"
            rf"|{_WILD_PLATE}(?![\w?*]))",
            0.6,
        ),
        Pattern(
            "VRN after a make or model",  # and its model between: "a Mazda Bongo S612 RKE"
            rf"{_MAKE}(?:(?!(?:and|with|was|is|in|on|at|the|a|reg|vrm)\b)[A-Za-z]{{2,12}}\s+)?"
            rf"\K(?:(?i:[A-Z]{{2}}\s?\d{{2}}\s{{0,2}}[A-Z]{{3}}|{_NI_PLATE}"
            r"|(?-i:[A-Z][\s\-]?\d{1,3}[\s\-]?(?!REG|VRM|VRN)[A-Z]{3})"  # ("R-466-BNW")
            # a suffix plate, in capitals or lower case: "Mk2 Escort GHN 431V", "volvo lbu 331t"
            r"|(?-i:[A-Z]{3}\s?\d{1,3}\s?[A-Z]|[a-z]{3}\s?\d{1,3}\s?[a-z])"
            # an older plate typed in lower case: "silver corsa p012 lkn"
            r"|(?-i:[a-z]\d{1,3}\s?(?!(?:and|the|was|for|are|not|has|had|his|her|you|who|now"
            r"|all|but|off|out|one|two|six|ten|yrs|hrs|mph|reg|vrm|vrn|mins|secs)\b)[a-z]{3}))"
            r"(?![\w/])"
            rf"|{_WILD_PLATE}(?![\w?*]))",
            0.6,
        ),
        Pattern("VRN read out phonetically", _PHONETIC_PLATE, 0.6),
        # Dictated after its cue, a letter at a time and its age in words: "reg w r seven one x
        # k l", "plate is l d twenty one b x p".
        Pattern(
            "Plate dictated after its cue",
            # (a plate's age in words is seventy-nine at most)
            rf"{_PLATE_CUE}\K(?i:[a-z]\s[a-z]\s(?:{_SPOKEN_DIGIT}\s{_SPOKEN_DIGIT}"
            rf"|(?:twenty|thirty|forty|fifty|sixty|seventy)(?:[\s\-]{SAID_UNITS})?|{SAID_TEENS})"
            r"\s[a-z]\s[a-z]\s[a-z])(?!\w)",
            0.7,
        ),
        # A dateless or Northern Irish plate read out: "delta kilo zulu three three one eight".
        Pattern(
            "Dateless plate read out phonetically",
            rf"(?i:\b{PHONETIC}{_SAID}{PHONETIC}{_SAID}{PHONETIC}"
            rf"(?:{_SAID}{_SPOKEN_DIGIT}){{1,4}}\b)",
            0.6,
        ),
        # Part of a plate, or an older or private one, read out after its cue: 'plate part
        # read as "November Lima one seven"', "starts Sierra Mike one two", 'a private plate
        # read as "Romeo three, Echo Charlie Echo"'.
        Pattern(
            "Part of a plate read out after its cue",
            rf"{_PLATE_CUE}(?:[^.\n\"“]{{0,30}}?\b(?:as|starts?|starting|begins?|read)\b[\s:,\-]*)?"
            rf"[\"“]?\K(?i:\b{PHONETIC}(?:{_SAID}{PHONETIC}){{0,2}}(?:{_SAID}{_SPOKEN_DIGIT}){{1,3}}"
            rf"(?:{_SAID}{PHONETIC}){{0,3}}\b)",
            0.6,
        ),
        # Every character typed apart, or the last letters apart: "y h 6 9 k x o", "AK 66 R K E".
        Pattern(
            "VRN current, each character apart",
            r"\b(?i:[A-Z]\s{1,2}[A-Z]\s{1,2}\d\s{1,2}\d(?:\s{1,2}[A-Z]){3})\b",
            0.6,
        ),
        Pattern("VRN current, its letters apart", r"\b[A-Z]{2}\s?\d{2}(?:\s[A-Z]){3}\b", 0.6),
        # Its age's digits and its letters apart: "AU 6 3 F X R".
        Pattern(
            "VRN current, its age and letters apart",
            r"\b[A-Z]{2}\s{1,2}\d\s{1,2}\d(?:\s{1,2}[A-Z]){3}\b",
            0.6,
        ),
        # A zero typed for a letter O among its letters: "WL 20 N0X", "AE59 FT0" (lifted only by
        # a real age, see validate_result).
        Pattern(
            "VRN current, a zero for its letter O",
            # (a zero first only where the letters are no postcode's area: "BS13 0ND" is a
            # postcode, "LJ65 0XA" a plate)
            rf"\b(?:[A-Z]{{2}}\s?\d{{2}}\s{{0,2}}(?=[A-Z]{{1,2}}0)[A-Z][A-Z0]{{2}}"
            rf"|(?!{_POSTCODE_AREAS}\d)[A-Z]{{2}}\s?\d{{2}}\s{{0,2}}0[A-Z0]{{2}})\b",
            0.3,
        ),
        Pattern("VRN Northern Irish", rf"\b{_NI_PLATE}\b", 0.5),
        # Another country's plate after its nationality: "French plates FG-482-KT", "German
        # plates HH-AB 4127", "Polish reg PO 7K2N4".
        Pattern(
            "Foreign plate after its nationality",
            rf"(?i:\b{_NATION}"
            # "French plates", "a Lithuanian-plated van"
            r"(?:\s+(?:plates?|reg(?:istration)?|number\s+plates?|vrm)|-plated\s+[a-z]+)[\s:]+)\K"
            # in lower case only where dashes join it: "fg-412-kp", not "KRT 551 on the"
            r"(?=[A-Za-z0-9\- ]{0,12}\d)[A-Za-z0-9]{1,4}(?:-[A-Za-z0-9]{1,5}|\s[A-Z0-9]{1,5}){1,3}"
            r"(?![\w\-])",
            0.7,
        ),
        # A country's registration or its vehicle, then the vehicle's make between: "Polish-reg
        # Skoda PO 5K118", "Jersey-reg Land Rover J 44718", "Guernsey car GBG 2217", "Spanish
        # car 1234 BCD".
        Pattern(
            "Plate after its country's vehicle",
            rf"(?i:\b{_NATION}(?:[\s\-]+(?:reg(?:istered|istration)?|plated)|\s+(?:car|van|lorry"
            r"|truck|hgv|vehicle|motorbike|motorhome|caravan|trailer|tractor\s+unit|coach|minibus)))"
            # (a make in capitals first: "Romanian-plated BMW B 123 XYZ")
            rf"(?:\s+(?-i:{_MAKE_UPPER}))?"
            r"(?:\s+(?-i:[A-Z][a-z]+|[a-z]{2,})){0,2}?\s+\K"
            rf"{_ANY_COUNTRY_PLATE}",
            0.7,
        ),
        Pattern(
            "Plate before its country's code",
            rf"\b{_ANY_COUNTRY_PLATE}(?=\s?\({_COUNTRY_CODE}\))",
            0.6,
        ),
        # A plate before the kind it is, in brackets: "1 RJB (dateless, black Range Rover)",
        # "4417 MN (Isle of Man)", "K4 REN (private, silver Mercedes)".
        Pattern(
            "Plate before its kind",
            # (not a time: "10 AM (private session)")
            # (four characters at least: "Flat 4 B (private landlord)" is a flat)
            r"\b(?!\d{1,2}(?:[.:]\d{2})?\s?(?i:am|pm|hrs)\b)(?=(?:[A-Z0-9][\s\-]?){4})"
            rf"{_ANY_COUNTRY_PLATE}(?=\s?\((?i:dateless|private|cherished|personali[sz]ed"
            rf"|old\s+prefix|prefix|suffix|northern\s+irish|{_NATION})\b)",
            0.6,
        ),
        # Each plate in a list after a word for plates and a colon: "VRMs noted: R33 GTR
        # (Nissan), Y 418 TDF, NX57EOU, VU 6621".
        Pattern(
            "Plate in a list of plates",
            r"(?<=(?i:\b(?:vrms|vrns|regs|registrations|plates|vehicles|indexes|indices))"
            r"[^.;:\n]{0,12}:(?:[^.;\n]{0,200}?(?:,|\band|&))?\s*)"
            # (five characters at least, and not a make and its model: "BMW X5", "VW T6")
            r"(?-i:(?=[A-Z0-9]{1,4}(?:\s[A-Z0-9]{1,4}){0,2}(?![\w\-]))(?=[A-Z ]{0,9}\d)"
            r"(?=(?:[A-Z0-9]\s?){5})(?!(?:BMW|VW|KIA|MG|DAF|BYD|DS|MAN|LDV|GMC|AMG)\s)"
            r"(?=[\d ]{0,9}[A-Z])[A-Z0-9]{1,4}(?:\s[A-Z0-9]{1,4}){0,2})"
            # where the item ends: a comma, "and", a bracket, the sentence's end or a make
            r"(?=\s*(?:[,;.()&]|and\b|or\b|$)|\s(?-i:[A-Z][a-z]))",
            0.6,
        ),
        Pattern("VRN Irish", rf"\b{_IRISH_PLATE}\b", 0.6),
        # Another country's plate right after its nationality, in a list or a line: "German
        # M-AB 4127, Dutch 12-KTV-8", "Lithuanian KRT 418" (not "Polish IC1 MALE", "DUTCH 2 MALES").
        Pattern(
            "Foreign plate right after its nationality",
            # (not "Slovak ID 14. 3. 1978": a document's word, then a date)
            # (or its make between: "polish Scania WGM 48LT")
            rf"(?i:\b{_NATION})\s+(?:(?i:{_MAKE_WORDS})\s+)?"
            r"\K(?-i:(?!IC\d|(?:ID|NO|REF|DOB|TEL|MOB|NI|PNC|DNI|NIE|PESEL|CNP|PIN)\b)"
            rf"(?=[A-Z\d\- ]{{0,12}}\d)(?=[\d\- ]{{0,8}}[A-Z])"
            rf"{_PLATE_GROUP}(?:[\s\-]{_PLATE_GROUP}){{1,3}})(?![\w\-]|[.,/:]\s?\d)",
            0.6,
        ),
        # The part of a plate a witness caught, after which part it is: "only confirm the first
        # part LR69", "last three XJE", "first half of the reg was YK19".
        Pattern(
            "Part of a plate after which part",
            # (a plate spoken of before it, in the same note: looked for once the word is found)
            r"(?i:\b(?:first|last|start|end))"
            r"(?<=(?i:\b(?:reg|plates?|vr[mn]|index|partial|anpr|pnc)\b)[^\n]{0,400}(?i:first|last"
            r"|start|end))"
            r"(?i:\s+(?:part|half|bit|two|three|four|few|letters?|numbers"
            r"|digits|characters)(?:\s+of\s+(?:the\s+)?(?:reg|plate|vrm|index))?"
            r"(?:\s+(?:was|is|as|were|are|only))?[\s:,\-\"“']+)\K"
            r"(?-i:(?=[A-Z\d]{0,3}[A-Z])(?:[A-Z]{1,2}\d{1,2}|\d[A-Z]{2,3}|[A-Z]{3}))(?![\w/])",
            0.6,
        ),
        # A current plate with a digit typed for one of its letters or a letter for a digit of
        # its age: "S066 ZXR" (SO66), "GK7I FXE", "MAI2 PKE" (lifted by a real age only).
        Pattern(
            "VRN current, a letter and a digit confused",
            r"\b(?:[A-Z][01]\d{2}|[A-Z]{2}(?:[OI]\d|\d[OI]))\s{0,2}[A-Z]{3}\b",
            0.3,
        ),
        # A private plate before its word: "with R3V UP plates", "on B1G DAV plates".
        Pattern(
            "Private plate before its word",
            r"(?-i:\b(?=[A-Z\d ]{0,7}\d)[A-Z]{1,3}\d{1,3}[A-Z]{0,3}(?:\s[A-Z]{1,3})?)"
            r"(?=\s+(?i:plates?|reg)\b)",
            0.6,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = [  # type: ignore[misc]
        "vehicle",
        "vehicles",
        "index",
        "registration",
        "reg",
        "vrm",
        "vrn",
        "plate",
        "plates",
        "car",
        "van",
        "motorbike",
        "bike",
        "moped",
        "driving",
        "driven",
        "dvla",
        "veh",
        "flatbed",
        "lorry",
        "truck",
        "pickup",
        "transit",
        "taxi",
        "scrambler",
        "quad",
        "motorcycle",
        # a plate described by its kind: "B16 GAZ (private plate)", "H471 KLM (old prefix)"
        "private",
        "cherished",
        "personalised",
        "prefix",
        "suffix",
        # an automatic reader's hit and the keeper it names: "ANPR B6265 Skipton - P927 MWE",
        # "Y419 VGP keeper …"
        "anpr",
        "pnc",
        "keeper",
        # and the vehicle's make either side of its plate: "Rover 25 X614 FLN", "Y419 VGP
        # Vauxhall Astra"
        *sorted(MAKES),
    ]

    # A plate read out runs only where a phonetic word is; a foreign plate only where a word
    # for a plate is; a plate typed in lower case only where two digits stand apart.
    GATES: ClassVar[dict[str, str]] = {
        "VRN read out phonetically": rf"(?i:\b{PHONETIC})",
        "Part of a plate read out after its cue": rf"(?i:\b{PHONETIC})",
        "Dateless plate read out phonetically": rf"(?i:\b{PHONETIC})",
        "Foreign plate after its nationality": r"(?i:plate|reg|vrm)",  # "plated" too
        # the plate's cue: "reg", "VRM", "plate", "index", "partial", "veh", a private plate
        "Plate a character at a time after its cue": _CUE_GATE,
        "Plate in dashed parts after its cue": _CUE_GATE,
        "VRN with a letter too many after its cue": _CUE_GATE,
        "Plate dictated after its cue": _CUE_GATE,
        "Plate after its country's vehicle": rf"(?i:\b{_NATION}[\s\-])",
        "Plate before its country's code": rf"\({_COUNTRY_CODE}\)",
        "Foreign plate right after its nationality": rf"(?i:\b{_NATION}\s)",
        "Part of a plate after which part": r"(?i:\b(?:first|last|start|end)\s)",
        "Private plate before its word": r"\s(?i:plates?|reg)\b",
        "Plate before its kind": r"\(\s?(?i:dateless|private|cherished|personali|old|prefix"
        rf"|suffix|northern|{_NATION})",
        "Plate in a list of plates": r"(?i:(?:vrms|vrns|regs|registrations|plates|vehicles"
        r"|indexes|indices)[^.;:\n]{0,12}:)",
        "VRN current spaced in lower case": r"\s\d\d\s",
        "Start of a plate before 'something'": r"(?i:\d\d\s+(?:something|somethin|summat"
        r"|sumthing|sth|smth)\b)",
        "End of a plate after its vehicle": r"(?i:\s(?:ending|ends)\s)",
        "Partial plate with '?' for what was not caught": r"[A-Z\d]\s?\?",
    }

    def refuted(self, text: str, start: int, end: int) -> bool:
        """A plate that ends where a time's colon follows is letters and an hour ("RUI
        21:35", "ETA 14:20"); an ordinal written in capitals is a count ("2ND BIKE", "3RD
        TIME"); a code written solid right after a make is its model ("Honda CRF250R")."""
        if _ORDINAL.fullmatch(text, start, end):
            return True
        if _MORE_DIGITS_AFTER.match(text, end):
            return True  # "SIA 1013 4471 2290 5518": the start of a longer number
        parts = text[start:end].split()
        if make_before(text, start) and len(parts) > 1 and parts[-1].upper() in _TRIMS:
            return True  # "Mercedes A45 AMG", "VW Golf R32 GTI": a model and its trim
        if (
            make_before(text, start)
            and not parts[0].islower()  # (a plate in lower case: "ford lv18 hfp")
            and (len(parts) == 1 or parts[-1].islower())
        ):
            # "Honda CRF250R", "Yamaha YZ125": a make's model, written solid; "Yamaha YZ85 kid":
            # the model and a word
            return True
        return text[end - 1 : end].isdigit() and _MINUTES_AFTER.match(text, end) is not None

    def __init__(self) -> None:
        super().__init__(patterns=self.PATTERNS, context=self.CONTEXT)
        self.global_regex_flags = 0  # capitals matter: "A1 and" is a road, "A123 BCD" a plate

    def validate_result(self, pattern_text: str) -> bool | None:
        plate = re.sub(r"[\s\-]", "", pattern_text).upper()
        if len(plate) != 7:
            return None
        # a digit typed for a letter, a letter for a digit: "S066 ZXR"
        plate = plate[:2].translate(_AS_LETTERS) + plate[2:4].translate(_AS_DIGITS) + plate[4:]
        if plate[:2].isalpha() and plate[2:4].isdigit():
            age = int(plate[2:4])
            return True if (2 <= age <= 29 or 51 <= age <= 79) else None
        return None
