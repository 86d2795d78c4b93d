"""Dates of birth: a date written in a birth context (DOB, born, date of birth); others survive."""

from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import Pattern  # noqa: TID253 - loaded lazily

from asbhub.pii.recognizers.matching import PatternMatching

# English month names, and the Welsh ones a Welsh-speaking caller gives ("8 Mai 1999").
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|ionawr|chwefror|mawrth|ebrill|mai|mehefin|gorffennaf|awst|medi|hydref|tachwedd|rhagfyr)"
)
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
# A day and a month as two digits each, run together: "0407…" of "04071990".
_DAY_MONTH = r"(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])"
DATE = (
    r"(?:\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?(?:\d{4}|\d{2})"
    r"|\d{4}[-./]\d{1,2}[-./]\d{1,2}(?!\d)"
    r"|(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)"  # "20080917", a system's
    rf"|{_DAY_MONTH}(?:19|20)\d{{2}}(?!\d)"  # "04071990", day first
    rf"|{_DAY}(?:\s+of)?(?:[\s\-]+|\s?/\s?){_MONTH}\.?,?(?:[\s\-]+|\s?/\s?)(?:\d{{4}}|'?\d{{2}})"
    rf"|{_MONTH}\.?\s+{_DAY},?\s+\d{{4}}"
    # run together, as a system prints it: "12MAR01", "03JUN1991"
    rf"|\d{{1,2}}{_MONTH}(?:\d{{4}}|\d{{2}})(?!\d)"
    r"|\d{1,2}[\s/.\-]?\d{2}[\s/.\-]?\d{2}(?!\d)"
    r"|\d{1,2}\s\d{1,2}\s(?:(?:19|20)\d{2}|\d{2})(?!\d)"  # "07 07 1981", "dob 3 9 11"
    r"|\d{4}年\d{1,2}月\d{1,2}日"  # as a Chinese document writes it
    # the month in Roman numerals, as some agencies write it: "12-vii-1985", "3.XI.71"
    r"|\d{1,2}[\s/.\-](?:xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i)[\s/.\-](?:\d{4}|\d{2})(?!\d)"
    r")"
)
# A birth word, typed as it comes: "DOB", "D0B" (a zero), "DBO", "date of brith", "b." and
# "b:", "person_dob=", and in Welsh "dyddiad geni", "ganwyd" (born).
_BIRTH = (
    r"(?:d\.?\s?[o0]\.?\s?b\.?s?(?:\s+on\s+file)?|dbo|date\s+of\s+b(?:irth|rith|irht)"
    r"|birth\s?date|birthday|b\.\s?|b:\s?|dyddiad\s+geni|ganwyd"
    # "born in March 1999"; "born in Luton on 4 March 1997" (the place is not the date)
    rf"|born\s+in(?=\s+{_MONTH}\b)|born\s+in\s+(?-i:\p{{Lu}}[\p{{L}}'’\-]+)"
    r"(?:\s+(?-i:\p{Lu}[\p{L}'’\-]+))?\s+on(?:\s+the)?"
    r"|born(?:\s+on)?(?:\s+the)?"
    # and the labels of other countries' papers: Lithuanian, Polish, Romanian, Spanish and
    # Portuguese, Turkish, German, French, Czech and Slovak, Latvian, Italian
    r"|gimimo\s+data|data\s+urodzenia|data\s+na[sș]terii|fecha\s+de\s+nacimiento"
    r"|data\s+de\s+nascimento|do[gğ]um\s+tarihi|geburtsdatum|date\s+de\s+naissance"
    r"|datum\s+narozen[ií]|d[aá]tum\s+narodenia|dzim[sš]anas\s+datums|data\s+di\s+nascita"
    # and "born" as their papers abbreviate it: Romanian, German, Lithuanian, Slovak and Czech,
    # Polish
    r"|n[aă]\u0306?scut(?:[aă]\u0306?)?(?!\w)|geb\.|geboren|gim\.|nar\.|urodzon[ya])"
)
# A date in words: "twelfth of March two thousand and six", "4th of July nineteen eighty-eight".
_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
    r"|nineteenth|twentieth|thirtieth|hundred|thousand|and|oh|zero|nought)\b"
)
_WORDS_DATE = (
    rf"(?:(?:the\s+)?(?:{_NUMBER_WORD}|{_DAY})(?:[\s\-]+{_NUMBER_WORD})?\s+(?:of\s+)?{_MONTH}"
    rf"(?:,?\s+(?:\d{{4}}|{_NUMBER_WORD}(?:[\s\-]+{_NUMBER_WORD}){{1,4}}))"
    # "the 9th of the 10th 1961"
    rf"|(?:the\s+)?(?:{_DAY}|{_NUMBER_WORD}(?:[\s\-]{_NUMBER_WORD})?)\s+of\s+the\s+"
    rf"(?:{_DAY}|{_NUMBER_WORD}(?:[\s\-]{_NUMBER_WORD})?),?\s+"
    rf"(?:\d{{4}}(?!\d)|'?\d{{2}}(?!\d)|{_NUMBER_WORD}(?:[\s\-]+{_NUMBER_WORD}){{0,4}})"
    # day, month and year all read out: "oh-four, oh-nine, ninety-one", "eleven eleven ninety"
    # or digit by digit: "zero one, zero two, two thousand and five"
    rf"|{_NUMBER_WORD}(?:[\s\-]{_NUMBER_WORD})?,?\s+{_NUMBER_WORD}(?:[\s\-]{_NUMBER_WORD})?,?\s+"
    rf"{_NUMBER_WORD}(?:[\s\-]+{_NUMBER_WORD}){{0,3}}"
    # the day in words, the rest in digits: "fourteen-03-2001"
    rf"|{_NUMBER_WORD}(?:[\s\-]{_NUMBER_WORD})?[\s\-/.]+\d{{1,2}}[\s\-/.]+(?:\d{{4}}|\d{{2}})(?!\d)"
    r")"
)
WORDS_DATE = _WORDS_DATE  # for the rules that read what sits beside a name (beside.py)
# A date read out whose year is long gone, as a caller gives a birthday: "third of May
# eighty-two", "the nineteenth of the twelfth, oh four", "second of November nineteen
# fifty-eight"; not an incident's date ("the third of May twenty twenty-four").
_UNIT_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_ORDINAL_WORD = (
    r"(?:(?:(?:twenty|thirty)[\s\-])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth"
    r"|ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth"
    r"|eighteenth|nineteenth|twentieth|thirtieth)"
)
_OLD_YEAR_WORDS = (
    r"(?:nineteen(?:[\s\-]+(?:hundred\s+and\s+)?(?:twenty|thirty|forty|fifty|sixty|seventy"
    rf"|eighty|ninety|ten|eleven|twelve|\w+teen|oh|{_UNIT_WORD})){{1,2}}"
    r"|two\s+thousand(?:\s+and)?\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|thirteen|fourteen|fifteen)"
    rf"|oh[\s\-]+{_UNIT_WORD}|(?:thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    rf"(?:[\s\-]+{_UNIT_WORD})?)\b"
)
_OLD_YEAR_GATE: tuple[str, ...] = (
    r"nineteen|thousand|\boh[\s\-]",
    r"(?:thirty|forty|fifty|sixty|seventy|eighty|ninety)",
)
_OLD_DATE_SAID = (
    # ("the" too, as some write it into the date: "born the twentieth of the tenth, …")
    rf"\b(?:the\s+)?(?:{_ORDINAL_WORD}|{_DAY})\s+of\s+(?:the\s+)?(?:{_MONTH}|{_ORDINAL_WORD})"
    rf",?\s+{_OLD_YEAR_WORDS}"
)

# Between the birth word and its date: a record's words ("DOB held:", "DOB on your system",
# "DOB per booking"), a verb ("was", "given as"), or in a transcript the question and the
# answer's speaker ("Date of birth? C: …", "date of birth for our records? Male: …").
_LINK = (
    r"(?:\s*\((?:if\s+known|\w{1,12}|[\w/.\-]{2,14})\))?"  # "(optional)", "(DD/MM/YYYY)"
    r"(?:\s+(?:held|recorded|listed|shown|on\s+(?:your|our|the|his|her|their)\s+(?:system|records?"
    r"|file)|per\s+[\w\-]+(?:\s+(?:records?|system|file))?|on\s+record"
    r"|according\s+to\s+[\w\-]+|(?:later\s+)?(?:confirmed|checked|verified|updated)"
    # "DOB on passport", "DOB on her licence", "DOB corrected on system from"
    r"|on\s+(?:(?:his|her|their|the|my|your)\s+)?(?:passport|licence|license|id|card|form"
    r"|paperwork|documents?)|corrected(?:\s+on\s+(?:the\s+)?system)?(?:\s+from)?))?"
    # ("first", "initially": the first of two dates given, "dob first 12 6 08 then …")
    r"\s*(?:[:;\-=(?>]|is|was|of|as|given\s+as|first|initially|originally"
    r"|(?:she|he|they)?\s*(?:said|says|stated|states|gave)"
    r"(?:\s+(?:it\s+)?(?:was|is|as))?"
    # a transcript's question, then the answer's speaker and a filler: "Date of birth, Dawn?
    # CALLER: Er, …", "Q: Your date of birth. A: …" (no digit in the question: "dob
    # 19/10/1978. DOB: …" gives its date first)
    r"|[^?.\n:\d]{0,30}[?.]\s*(?:\p{L}[\p{L}'’\-]*\s*){1,2}(?:\d{1,2}\s*)?:"
    r"(?:\s*(?i:er|erm|um|uh|ah|yeah|right)\b[,.]?)?(?:\s*(?i:it['’]?s|it\s+is)\b)?"
    # the answer may give the name first: "RILEY: Connor Riley, 31st of the 10th 2005"
    r"(?:\s*(?-i:\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+){0,2}),)?"
    # or a few words, then said: "Asked DOB for security – said \"twelfth of …\""
    r"|(?:,?\s+[\w–\-]+){1,5}?\s+(?:said|says|gave|stated)(?:\s+it)?(?:\s+as)?)?"
    r"\s*(?:[:\-=(]\s*)?[\"“']?"
)


# A birth word and what links it to its date, not inside a word but after an underscore
# ("person_dob=").
# A key in quotes closes before its link: '"dob": "1988-02-29"'.
_BIRTH_GATE = rf"(?:\b|(?<=_)|(?<=\d)){_BIRTH}"  # (or run into a value: "PP:5334128907DOB:")
_BIRTH_CUE = rf"{_BIRTH_GATE}[\"”']?{_LINK}"
# Words before a date that make it the day of something else: "Meeting | 12/05/25".
_NOT_BEFORE_DATE = (
    r"\b(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|On\b|Since\b|Until\b|From\b"
    r"|Dated?\b|Meeting\b|Incident\b|Review\b|Hearing\b|Updated?\b|Visit\b|Panel\b)"
)
# A count's word after a number is no month: "born 10 weeks early".
_COUNT = r"(?:weeks?|months?|days?|years?|yrs?|hours?|hrs?|mins?|minutes?|times)\b"
_NOT_A_COUNT = rf"(?!{_COUNT})"
# An age with a word that gives it to a person: "is 14", "brother 12", "son | 14".
_AGE = (
    r"(?<=(?:\b(?:is|aged?|now|both|son|dau|daughter|brother|sister|child|boy|girl|m|f)|\||,)"
    r"\s{1,2})\d{1,2}"
)


# What a date right after is the date of: a tenancy's start, a notice served, an arrest, a
# hearing. "Tenancy start 07/07/2014", "tenant since 09/11/2001", "started 05/11/1999".
_EVENT_BEFORE = re.compile(
    r"\b(?:tenancy\s+(?:start(?:ed|s)?|began|commenced|date|from)(?:\s+date)?|tenant\s+since"
    r"|start(?:ed)?|commenced|moved\s+in|served|issued|arrested|granted|made|expir(?:es|y|ed)"
    r"|hearing|review(?:ed)?|visit(?:ed)?|incident|reported|received)"
    r"(?:\s+(?:on|date|from))?\s*[:\-]?\s*$",
    re.IGNORECASE,
)


class DateOfBirthRecognizer(PatternMatching):
    """The date after a birth word scores 0.85; a bracketed old date after a name 0.5."""

    PATTERNS: ClassVar[list[Pattern]] = [
        # or with a letter O typed for a zero: "dob 15/O3/2006"
        Pattern(
            "Date after a birth word",
            rf"{_BIRTH_CUE}\K(?:{DATE}(?!\d)"
            # (or an l for a one: "dob O3.ll.1987")
            r"|(?=[\dOl/.\-]*[Ol])[0-3O]?[\dO][/.\-][01Ol]?[\dOl][/.\-](?:\d{4}|\d{2})(?!\d)"
            # the day not known: "DOB ??/03/2008", "dob xx/11/07"
            r"|(?:\?\?|xx|--)[/.\-][01]?\d[/.\-](?:\d{4}|\d{2})(?!\d)"
            # its day split by a space, as a scan or a PDF broke it: "D.O.B. 1 7/04/1958"
            r"|[0-3]\s\d[/.\-][01]?\d[/.\-](?:\d{4}|\d{2})(?!\d))",
            0.85,
        ),
        # A date of birth typed wrong, right after its cue: a year's digit short or over, a
        # separator doubled, a stray space ("DOB 04/09/199", "19//10/1978", "09/11/19 86",
        # "4 Apr 20 07"); the record must not carry it whatever its errors.
        Pattern(
            "Date typed wrong after a birth word",
            rf"{_BIRTH_CUE}\K(?:(?-i:[0-3]?[\dO]\s?[/.\-]{{1,2}}\s?[01]?[\dO]\s?[/.\-]{{1,2}}\s?[12O]"
            r"(?:\s?\d|O){2,4})"
            r"|[0-3]?\d\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s+"
            r"(?:19|20)\s\d\d)(?![\w/])",
            0.6,
        ),
        Pattern(
            "Date in words after a birth word",
            rf"{_BIRTH_CUE}\K{_WORDS_DATE}",
            0.85,
        ),
        # "b" with no dot, as a note shortens "born": "Tamsin Jane b twelfth of September 1989"
        Pattern(
            "Date in words after a bare 'b'",
            rf"(?<![\w'’.\-/])(?-i:b)\s+\K{_WORDS_DATE}",
            0.85,
        ),
        Pattern("Old date read out", _OLD_DATE_SAID, 0.6),
        # An export's row: a date of a year long gone in a cell of its own is a birth date
        # ('"KEEBLE, Darren",1982-05-04,"112 Shirley High Street"'); this decade's are events.
        Pattern(
            "Old date in a cell of its own",
            r"(?:(?<=^)|(?<=[,;\t|]))\s?\K(?:19[3-9]\d|200\d|201[0-5])-[01]\d-[0-3]\d"
            r"(?=\s?(?:[,;\t|]|$))",
            0.5,
        ),
        # A month in another language after a birth word: "13eg Ionawr 2005", "22ain o Dachwedd
        # 1987", "1 An t-Ògmhios 1957", "9 wrzesnia 1981".
        Pattern(
            "Date with a month in another language after a birth word",
            rf"{_BIRTH_CUE}\K\d{{1,2}}(?:st|nd|rd|th|eg|ain|fed|ed|ydd|af|ag)?\s+{_NOT_A_COUNT}"
            r"(?:\p{L}[\p{L}'’\-]{0,14}\s+){1,3}(?:19|20)\d{2}\b",
            0.8,
        ),
        Pattern(
            "Date given as, after a birth word",
            rf"\b(?:d\.?o\.?b\.?|date\s+of\s+birth)\b[^.\n]{{0,40}}?\bgiven\s+as\s+\K"
            rf"(?:{DATE}|{_WORDS_DATE})",
            0.8,
        ),
        Pattern(
            "Old date right after a name",  # "Rose | 29-06-2004", "Osei, Kwame | 09 12 1996"
            rf"{_NOT_BEFORE_DATE}\p{{Lu}}[\p{{Ll}}'’\-]{{1,30}},?\s(?:\|\s)?\K"
            r"(?:\d{1,2}(?:[/.\-]\d{1,2}[/.\-]|\s\d{1,2}\s)(?:19[3-9]\d|200\d|201[0-5])\b"
            # or the year first: "Amir Hussain 2009-01-19 (15)"
            r"|(?:19[3-9]\d|200\d|201[0-5])([/.\-])\d{1,2}\1\d{1,2}(?![\d/.\-]))",
            0.5,
        ),
        # A table's row: "KOWALCZYK, Tomasz | 17 03 1994 |", "RUSU, Andrei | 1/1/01 |"; a
        # two-digit year only in the cell right after a name.
        Pattern(
            "Date in the cell after a name",
            rf"{_NOT_BEFORE_DATE}(?-i:\p{{Lu}}[\p{{L}}'’\-]{{1,30}})\s?\|\s?\K"
            # (not a year of this decade: "Kilcooley | 21/02/25 |" is the incident's date)
            r"(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?!2\d(?![\d/.\-]))\d{2}(?![\d/.\-])"
            rf"|\d{{1,2}}-{_MONTH}-(?:19[3-9]\d|200\d|201\d)\b)",
            0.5,
        ),
        # A birth year in brackets after a name or an age: "Leon Grady (2008)", "son | 14 (2010)";
        # not an Act, a report or a season's year.
        Pattern(
            "Bracketed birth year after a name or an age",
            r"(?:\b(?!(?:act|order|report|review|survey|plan|strategy|policy|guidance|regulations?"
            r"|notice|census|agreement|edition|season|update|law|rules|code|charter|pledge|summer"
            r"|winter|spring|autumn|christmas|easter|term|year|class|cohort|intake)\b)"
            rf"(?-i:\p{{Lu}}[\p{{L}}'’\-]{{1,30}})|{_AGE})\s?\(\s?\K"
            r"(?:19[3-9]\d|20[01]\d)(?=\s?\))",
            0.5,
        ),
        # An age, then the date it counts from: "Frank is 15 (30/09/08)", "(16, Jan 2008)".
        Pattern(
            "Bracketed date after an age",
            rf"{_AGE}\s?\(\s?\K"
            r"\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{2}|19\d{2}|20[01]\d)(?=\s?\))",
            0.5,
        ),
        # In a list of young people with name, age and date: "Cai Thomas, aged 15, Apr 2009".
        Pattern(
            "Month and year after an age",
            # (a year a child could be born in, not the incident's: "aged 15, June 2024")
            rf"\baged?\s\d{{1,2}},\s?\K{_MONTH}\.?\s+(?:19[3-9]\d|200\d|201[0-5])\b",
            0.5,
        ),
        Pattern(
            "Month and year after an age in brackets",
            rf"\(\s?\d{{1,2}},\s?\K{_MONTH}\.?\s+(?:19[3-9]\d|20[01]\d)(?=\s?\))",
            0.5,
        ),
        # A year of birth marked as all that is known: "Reece Marsh | 2009 (yr only)".
        Pattern(
            "Year marked as the only part known",
            r"\b(?:19[3-9]\d|20[01]\d)(?=\s?\((?:yr|year|yob)s?\s+only\))",
            0.6,
        ),
        # A two-digit year read out: "born ninety-one", "born in eighty-eight".
        Pattern(
            "Year in words after 'born'",
            r"\bborn\s+(?:in\s+)?\K(?:nineteen\s+)?(?:sixty|seventy|eighty|ninety)"
            r"(?:[\s\-](?:one|two|three|four|five|six|seven|eight|nine))?\b",
            0.6,
        ),
        # A search's or a form's year of birth: "YOB=1985", "Year of birth: 1979", "Y.O.B 2008".
        Pattern(
            "Year after its year-of-birth cue",
            r"\b(?:yob|y\.o\.b\.?|year\s+of\s+birth|birth\s+year)\s*[:=\-]?\s*\K"
            r"(?:19[2-9]\d|20[0-2]\d)\b",
            0.6,
        ),
        Pattern("Year after 'b.'", r"(?<![\w.])b\.\s?\K(?:19[3-9]\d|20[01]\d)\b", 0.6),
        # or two digits ("his cousin Reece born 88"), unless a count follows ("born 10 weeks
        # early")
        Pattern(
            "Year after 'born'",
            r"\bborn\s+(?:in\s+)?'?\K(?:(?:19|20)\d{2}\b"
            r"|\d{2}\b(?![/.:\-]\d|\s*(?:st|nd|rd|th)\b)"
            rf"(?!\s+{_COUNT}|\s+(?:of|to)\b))",
            0.6,
        ),
        # After a birth word, a month and year ("gave dob as \"june 2008\""), or a few words
        # ending in a year, in any language ("dyddiad geni ail ar hugain o Fawrth 1986"); not
        # "DOB not known, seen 2024".
        Pattern(
            "Month and year after a birth word",  # "DOB March 2007", "(DOB Mar-07)"
            rf"{_BIRTH_CUE}\K{_MONTH}\.?,?(?:\s+(?:19|20)\d{{2}}\b|[\-'’/]\d{{2}}(?![\d/]))",
            0.7,
        ),
        # A system's export with the date glued to its label: "T.GRANTdob010309".
        Pattern(
            "Date glued to a birth word",
            rf"(?i:dob)[:\-]?\K{_DAY_MONTH}(?:(?:19|20)\d{{2}}|\d{{2}})(?!\d)",
            0.7,
        ),
        Pattern(
            "Words ending in a year after a birth word",
            rf"{_BIRTH_CUE}\K"
            r"(?:(?!(?:not|unknown|unk|nk|refused|declined|withheld|tbc|given|seen|since|in|on"
            r"|at|aged?)\b)\p{L}[\p{L}'’\-]*,?\s+){1,6}(?:19|20)\d{2}\b",
            0.7,
        ),
        # A row of a CSV export: "HUSSAIN,Imran,1997-08-22,17A Girlington Road",
        # "OKONKWO,Chidi,19900823,08/772104L"; a birth year, so not the day it happened.
        Pattern(
            "Date in a CSV row after a name",
            r"(?-i:\p{Lu}[\p{L}'’\-]{1,30}),\K(?:(?:19[3-9]\d|200\d|201\d)-\d{2}-\d{2}"
            r"|(?:19[3-9]\d|200\d|201\d)(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
            r"|\d{2}/\d{2}/(?:19[3-9]\d|200\d|201\d))(?=,)",
            0.6,
        ),
        # A form's date of birth in three fields: "DOB day: 09 month: 11 year: 1993".
        Pattern(
            "Day field of a date of birth",
            rf"{_BIRTH_GATE}\s*[\-:(]?\s*day\s*[:=]\s*\K[0-3]?\d\b",
            0.7,
        ),
        Pattern(
            "Month field of a date of birth",
            rf"{_BIRTH_GATE}\s*[\-:(]?\s*day\s*[:=]\s*[0-3]?\d\s*[,;/|]?\s*month\s*[:=]\s*\K"
            rf"(?:[01]?\d\b|{_MONTH}\b)",
            0.7,
        ),
        Pattern(
            "Year field of a date of birth",
            rf"{_BIRTH_GATE}\s*[\-:(]?\s*day\s*[:=]\s*[0-3]?\d\s*[,;/|]?\s*month\s*[:=]\s*"
            rf"(?:[01]?\d|{_MONTH})\s*[,;/|]?\s*year\s*[:=]\s*\K(?:19|20)\d{{2}}\b",
            0.7,
        ),
        Pattern(
            "Second date after a birth word",  # "DOBs on file: 01/01/1968 and 12/02/1972"
            # or each after its person's name: "Wei's DOB on file 1968/04/19, Li Na's Apr 2 1971"
            rf"{_BIRTH_CUE}{DATE}\s*(?:and|&|,)\s*"
            r"(?:(?-i:\p{Lu}[\p{L}\-]*)(?:\s(?-i:\p{Lu}[\p{L}\-]*))?['’]s\s+)?"
            rf"\K{DATE}(?!\d)",
            0.8,
        ),
        Pattern(
            "Year alone after DOB",
            r"\b(?:d\.?\s?o\.?\s?b\.?|y\.?\s?o\.?\s?b\.?|year\s+of\s+birth)\s*:?\s*\K"
            r"(?:19|20)\d{2}\b(?![/.\-]\d)",
            0.6,
        ),
        Pattern(
            "Bracketed old date after a capitalised word",
            r"[A-Z][A-Za-z'\-]{0,30}\s?\(\s?\K(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:19\d{2}|200\d|201\d)"
            r"|(?:19[3-9]\d|200\d|201\d)[/.\-]\d{1,2}[/.\-]\d{1,2})(?=\s?\))",
            0.5,
        ),
        # and a field for both: "Age/DOB: 71 / 4-4-53"
        Pattern(
            "Age with date",
            r"(?:\baged?\s+\d{1,2}\s*\(\s*|\bage\s*/\s*d\.?o\.?b\.?\s*:?\s*\d{1,3}\s*[/,]\s*)"
            rf"\K{DATE}(?!\d)",
            0.7,
        ),
        # An old date with its month in words, in brackets after a name, in any language:
        # "Iestyn ap Rhodri (13eg Ionawr 2005)", "Mr Ruairidh MacIlleMhìcheil (1 An t-Ògmhios
        # 1957)".
        Pattern(
            "Bracketed old date in words after a name",
            r"(?-i:\p{Lu}[\p{L}'’\-]+)\s?\(\s?\K\d{1,2}(?:st|nd|rd|th|eg|ain|fed|ed|ydd|af|ag)?\s+"
            r"(?:\p{L}[\p{L}'’\-]{0,14}\s+){1,3}(?:19[3-9]\d|200\d|201[0-5])(?=\s?\))",
            0.5,
        ),
    ]
    # The patterns that start at a birth word run only where the text has one; an old date
    # after a name only where such a year is.
    GATES: ClassVar[dict[str, str | tuple[str, ...]]] = {
        **dict.fromkeys(
            (
                "Date after a birth word",
                "Date typed wrong after a birth word",
                "Date in words after a birth word",
                "Date with a month in another language after a birth word",
                "Date given as, after a birth word",
                "Month and year after a birth word",
                "Words ending in a year after a birth word",
                "Second date after a birth word",
                "Day field of a date of birth",
                "Month field of a date of birth",
                "Year field of a date of birth",
            ),
            _BIRTH_GATE,
        ),
        # a year read out: "nineteen …", "two thousand …", "oh four", "seventy-six"
        "Old date read out": _OLD_YEAR_GATE,
        "Old date in a cell of its own": r"(?:19[3-9]|20[01])\d-",
        **dict.fromkeys(
            ("Old date right after a name", "Bracketed old date in words after a name"),
            r"(?:19[3-9]|20[01])\d",
        ),
    }
    CONTEXT: ClassVar[list[str]] = ["dob", "born", "birth", "birthday"]

    def refuted(self, text: str, start: int, end: int) -> bool:
        """A date its own words give to an event ("tenancy start 07/07/2014") is not a birth."""
        return _EVENT_BEFORE.search(text, max(0, start - 40), start) is not None

    def __init__(self, supported_entity: str = "DATE_OF_BIRTH") -> None:
        super().__init__(
            supported_entity=supported_entity,
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            global_regex_flags=re.IGNORECASE,
        )
