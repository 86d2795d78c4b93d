"""The text the recognizers read: a narrative with what a machine did to it undone.

Exports, web forms and scans pasted into narratives carry what their machines did to the text:
escapes written out (`\\n` between a JSON string's lines), URL and HTML encodings
(`Sokol%20Hoxha`, `O&#39;Connor`, `944&nbsp;266&nbsp;9427`, `Jo\\u00e3o`), OCR's letters for
digits (`O77OO 9OO 3l2`, `l2.O3.l998`), words broken at a line's end (`Cart- wright`) and
letters typed apart on a form's boxes (`A i l s a  D r u m m o n d`). Each hides a value from
recognizers that read values by their shape, and the NER model reads none of them as a name.

`plain_view` undoes them and keeps, for every character of the view, the span of the original
it came from, so an entity found in the view is redacted in the original as written:
* a written-out escape (backslashes and n, r or t) becomes spaces and the break it stands for,
  so a table's rows and cells stay apart;
* a zero, a one or a five in a word of letters is the letter O, I, L or S where that makes a
  name or a word ("M0HAMED", "Th0mpson", "Pr1tchard", "Dav1d", "5HAW", "5ummers"; a five
  last only where it makes a name, "R0BERT5"; not "ABC0DEF", "sum1" or "Flat5"), a zero
  before an Irish surname's apostrophe is an O ("0'HARE"), and a lower-case l among capitals
  is the I or L that makes a name or a word ("DANlEL", "WARNlNG");
* in a word made only of digits and the letters O, l and I, those letters become digits
  ("2OO1" is "2001"); a lower-case o only between two digits ("9o8"). A word with any other
  letter keeps its letters ("SO15", "YO31", "No2"), as does one with no digit ("lol", "Il")
  a postcode's area typed in lower case ("ol10 4qz", "ll18 5hw"), a plate's first letter
  ("l33 lee") and a check letter after four digits ("99/688162O", a PNC ID);
* percent-encoding (also double, `%2520`), HTML character references and `\\uXXXX` escapes are
  decoded, and a `+` between letters is a space (a query string's);
* a hyphen and space inside a lower-case word is joined ("Cart- wright" is "Cartwright"),
  four or more single letters typed one space apart are one word ("D r u m m o n d"), and
  characters written one to a box are read together ("|W|V|1|0| |9|Q|L|" is "WV10 9QL");
* four or more digits typed one space apart are one number ("36/ 9 1 2 0 4 /24");
* a labelled value a form wrapped over its next cell is read together, its first part short of
  a value ("Tel: 07700 | 900318", "Date of birth: 14/ | 02/1979", "PNCID: 03/22 | 7719C");
* a code's joints lose the spaces a form or a hand put beside them ("GWP/INT/ 25 /00981",
  "slc / asb / 2024 / 118"), where the code holds four digits or more;
* a correction struck through is left out and goes with the value after it: "960 ~~413~~ 431"
  reads "960 431", and a value found there covers the struck digits too;
* in a scan that broke words at spaces ("writ ing to comp lain about the fami ly"), a name, a
  place or a word broken so is joined again: "Ry an Pr itchard", "Hal ifax", "Dar ren".

The common narrative has none of these, and its view is the text itself at the cost of a few
searches.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
import urllib.parse
from dataclasses import dataclass

from asbhub.pii.gazetteers import wordset

_ESCAPE = re.compile(r"\\+[nrt](?![a-z])|\\+[nrt](?=[A-Z0-9])")
_CONTROL = {"n": "\n", "r": "\r", "t": "\t"}
_CONFUSABLE = {"O": "0", "o": "0", "l": "1", "I": "1"}
# A word of digits and letters that look like digits, and nothing else: "O77OO", "2OO1", "l998";
# not "SO15" or "YO31", where the O is a postcode's letter.
_NEAR_DIGIT = re.compile(r"(?<![^\W\d_])[0-9OolI]*\d[0-9OolI]*(?![^\W\d_])")
_CONFUSABLE_RUN = re.compile(r"(?<![^\W\d_])(?=[0-9OolI]*\d)[0-9]*[OolI][0-9OolI]*(?![^\W\d_])")
# A postcode's inward code (no C, I, K, M, O or V in its letters) after a word: "ol10 4qz".
# A letter ending a run of four digits or more is the identifier's own check letter.
_CHECK_LETTER = re.compile(r"\d{4}([OlI])$")
_PREFIX_PLATE = re.compile(r"[OlI]\d{1,3}")
_PLATE_LETTERS = re.compile(r" [A-Za-z]{3}\b")
_PLATE_START = re.compile(r"\b[A-Z]{2} $")
_INWARD_CODE = re.compile(r"\s?\d[ABD-HJLNP-UW-Z]{2}\b", re.IGNORECASE)
# What is decoded or joined, each giving the characters that stand for it in the view.
# A form's field labels, which an export may run into the value before them.
_GLUED_LABELS = (
    "Tenant|Addr|Address|Officer|Case|Tel|Mob|Mobile|Phone|Email|Name|Ref|Contact|Postcode"
    "|Landlord|Complainant|Victim|Suspect|Perp|Occupier|Caller|Witness"
)
_ENCODED = re.compile(
    r"(?P<percent>(?:%(?:25)?[0-9A-Fa-f]{2})+)"
    r"|(?P<entity>&(?:#\d{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z]{2,8});)"
    r"|(?P<unicode>\\u[0-9A-Fa-f]{4})"
    r"|(?P<plus>(?<=[^\W\d_])\+(?=[^\W\d_])(?![^\s@]*@))"  # not "jo.b+x@example.com"
    r"|(?P<broken>(?<=[a-z])- (?=[a-z]))"
    # a correction struck through and the space after it: "960 ~~413~~ 431", "~~17~~ 71 Fair"
    r"|(?P<struck>~~[^~\n]{1,40}~~ ?)"
    # a code's parts joined by slashes or dashes with spaces beside them, as a form wrapped it or
    # a hand typed it: "GWP/INT/ 25 /00981", "slc / asb / 2024 / 118", "PS-20250217- 1934"
    # (a dash with a space each side is the sentence's: "42/18774/24 - car meet")
    r"|(?P<joined>(?<![\w/\-])[A-Za-z0-9]{1,12}(?:(?: ?/ ?| -|- |-)[A-Za-z0-9]{1,12}){2,5}"
    r"(?![\w/\-])(?! \d\b))"  # (its last part no digit of a number typed apart: "/ 0 5 5 7")
    # a labelled value a form wrapped over its next cell, its first part short of a value:
    # "Tel: 07700 | 900318", "Date of birth: 14/ | 02/1979", "PNCID: 03/22 | 7719C" (not a
    # whole value and the next cell's: "DOB: 14/02/1979 | 07700 900318", "Time: 0930 | Grade")
    r"|(?P<wrapped>(?:(?<=: )|(?<=:))(?:0\d{3,5}|(?:\d{1,4}[/\-.]){1,2}|\d{2}/\d{1,5}) \| "
    r"\d[\dA-Z]{0,9}(?:[/\-.][\dA-Z]{1,6}){0,2}(?= \||$))"
    # characters written into a form's boxes: "|S|A|N|D|H|U| | |", "|W|V|1|0| |9|Q|L|"
    r"|(?P<boxed>\|(?:[^|\n]\|){4,})"
    # digits typed apart, four or more: "crime 36/ 9 1 2 0 4 /24", "HB ref PCC-HB 4 4 1 2 0 9"
    # (not a national insurance number's, its letters apart too: "J K 6 2 8 1 0 4 B")
    r"|(?P<digits>(?<![\d.,:])(?<!\d )(?<!\b[A-Za-z] [A-Za-z] )\d(?: \d){3,}(?! ?\d)"
    r"(?![.,:]\d))"
    # a field's label, a labelled code or a phone number run into the word before it, as
    # exports leave them: a space goes between ("abuseOfficer:Gary", "LeePNC06/228814R",
    # "JohnSK7730152A", "HARDING07700900587"; not "F0122340524", a code's letter)
    r"|(?P<glued>(?<=[a-z])(?=(?:PNC|NHS|CRO|CRN|DOB|NI)\s?[\d:]|[A-Z]{2}\d{6}[A-D]\b)[A-Z]"
    rf"|(?<=[a-z0-9]{{2}})(?=(?:{_GLUED_LABELS})\s?:)[A-Z]"
    r"|(?<=[A-Za-z]{2})0(?=[1-9]\d{8,9}(?!\d)))"
    # letters typed apart, words two spaces or more apart: "B r o n w e n  H u g h e s"
    r"|(?P<spaced>(?<![^\W\d_] )(?<!\w)(?:[^\W\d_] ){3,}[^\W\d_]"
    r"(?: {2,4}(?:[^\W\d_] )+[^\W\d_])*(?!\w)(?! [^\W\d_]\b))"
)
# A digit read out in words, or a code's joint or letters, right before digits typed apart.
_SAID_DIGIT_BEFORE = re.compile(
    r"\b(?:oh|zero|nought|one|two|three|four|five|six|seven|eight|nine|double|treble|triple)"
    r"\s$",
    re.IGNORECASE,
)
_CODE_BEFORE_DIGITS = re.compile(r"(?:[/\-]\s?|\b[A-Z]{1,6}\s)$")
# What the view may decode, looked for by a literal character first (most texts hold none).
_QUICK = (
    ("%", re.compile(r"%[0-9A-Fa-f]{2}")),
    ("&", re.compile(r"&#?\w{2,8};")),
    ("\\", re.compile(r"\\u[0-9A-Fa-f]{4}")),
    ("+", re.compile(r"[^\W\d_]\+[^\W\d_]")),
    ("~~", re.compile(r"~~[^~\n]{1,40}~~")),
    ("", re.compile(rf"[a-z](?:PNC|NHS|CRO|CRN|DOB|NI|{_GLUED_LABELS})")),
    ("", re.compile(r"[A-Za-z]{2}0[1-9]\d{8}")),
    ("", re.compile(r"[a-z][A-Z]{2}\d{6}[A-D]\b|\d(?:" + _GLUED_LABELS + r")\s?:")),
    ("/ ", re.compile(r"\w ?/ \w")),
    (" /", re.compile(r"\w /\w")),
    (" -", re.compile(r"\w -\w")),
    ("- ", re.compile(r"\w- \w")),
    ("|", re.compile(r"\|[^|\n]\|[^|\n]\|[^|\n]\|[^|\n]\|")),
    ("|", re.compile(r":\s?\d[\d/\-.]{0,5} \| \d")),
    (" ", re.compile(r"(?:^| )[^\W\d_] [^\W\d_] [^\W\d_](?: |$)")),
    (" ", re.compile(r"\d \d \d \d")),
)
# Kinds read where they stand, character by character (`_in_place`); the others are decoded.
_IN_PLACE = frozenset({"boxed", "spaced", "joined", "digits", "wrapped"})
_DIGIT_BESIDE_LETTER = re.compile(r"\d[OolI]|[OolI]\d")
# A zero, a one or a five in a word of letters, three characters or more: "M0HAMED",
# "Th0mpson", "Pr1tchard", "L0rraine" inside it; "5HAW", "5ummers" first; "R0BERT5" last.
_DIGIT_IN_WORD = re.compile(
    r"(?<!\w)(?=[^\W\d_]{0,20}[015])(?=[015]?[^\W\d_])(?:[^\W\d_]|[015]){3,}(?!\w)"
)
# A plate's cue right before a word: a private plate spells a name with its digits ("private
# plate B1GGS", "reg: J0HNS").
_PLATE_BEFORE = re.compile(
    r"\b(?i:plates?|reg(?:istration)?|vr[mn]|index|private|cherished|personali[sz]ed)\b"
    r"(?:\s+(?:no\.?|number|is|was|of|as|reads?))?[\s,:.#\-]*[\"“'‘]?$"
)
# A zero for the O of an Irish surname: "MARK 0'HARE", "Ciarán 0'Neill".
_ZERO_FOR_O = re.compile(r"(?<!\w)0(?=['’][^\W\d_]{2,})")
# A lower-case l among capitals, OCR's for an I or an L: "DANlEL", "WARNlNG", "lQBAL".
_L_IN_CAPITALS = re.compile(r"(?<!\w)(?=[A-Zl]*[A-Z]{2})[A-Z]*l[A-Zl]*(?!\w)")
# The letters OCR reads as each digit.
_LETTERS_FOR = {"0": ("o",), "1": ("l", "i"), "5": ("s",)}
_NO_DIGITS = str.maketrans("", "", "015")
# An inward code "ll" after its outward code: "ch1  3ll".
_INWARD_LL = re.compile(r"\dll")
_OUTWARD_BEFORE = re.compile(r"(?<![^\W\d_])[A-Za-z]{1,2}\d[A-Za-z\d]?\s{1,2}$")
# A postcode with OCR's letters in its digits' places: "TRl4 8LW", "SW1A 1AA" stays.
_OCR_POSTCODE = re.compile(r"\b[A-Z]{1,2}([\dlIO][\dlIO]?)[A-Z]?\s([\dlIO])[A-Z]{2}\b")


@dataclass(frozen=True)
class View:
    """The text the recognizers read, and where each of its characters came from."""

    text: str
    starts: tuple[int, ...] | None = None  # None: the view is the original, offset for offset
    ends: tuple[int, ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original's span for the view's [start, end)."""
        if self.starts is None or self.ends is None:
            return start, end
        return self.starts[start], self.ends[end - 1]

    def view_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The view's span for the original's [start, end): the view's characters that came from
        it; None where none did (a struck-through correction)."""
        if self.starts is None:
            return start, end
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_left(self.starts, end)
        return (first, last) if first < last else None


@functools.lru_cache(maxsize=256)
def plain_view(text: str) -> View:
    """What a machine did to `text` undone, with the way back to its offsets (kept for the
    last few texts: a batch reads each twice, for the model and for the recognizers)."""
    return _rejoined(_decoded_view(text))


# Two pieces of a word a scan broke with a space: "Ry an Pr itchard", "comp lain", "Wrex ham"
# (each pair where its second piece starts; pairs overlap: "Gre gory" and "gory ...").
# (a letter alone first only as a capital, not "a" or "I": "L eah"; the second piece two letters
# at least: "May a" is no "Maya")
_PIECES = re.compile(
    r"(?<![\w'’.@])(?=((?!A\s|I\s)[^\W\d_a-z]|[^\W\d_]{2,9}) ([^\W\d_A-Z]{2,9})(?![\w'’@]))"
)
# A scan is read as broken where this many words at least come apart, each into pieces not
# both words ("writ ing", "fami ly", "Behav iour"); prose has one or two at most ("a gate",
# "every day": both words already, or a word made of two).
_BROKEN_WORDS = 3


def _rejoined(view: View) -> View:
    """The view with the words a scan broke at a space joined again, where the scan broke
    enough words to say so (see _BROKEN_WORDS): "Ry an Pr itchard" is "Ryan Pritchard". A word
    joins where its pieces make a word, a name or a place and are not both words: "to day" in
    a scan stays two words, but "comp lain", "Dar ren" and "Hal ifax" are one."""
    pairs = list(_PIECES.finditer(view.text))
    if len(pairs) < _BROKEN_WORDS:
        return view
    words = _words()
    apart = []  # each pair whose pieces are not both words, with what they make together
    for m in pairs:
        first, second = m.group(1).lower(), m.group(2)
        if not (first in words and second in words):
            apart.append((m, first + second))
    if sum(len(joined) >= 5 and joined in words for _, joined in apart) < _BROKEN_WORDS:
        return view
    known = _words_names_and_places()
    gaps: set[int] = set()
    done = -1
    for m, joined in apart:
        if m.start(1) < done:
            continue  # the first piece is the last one's second: "Gre gory", not "gory Ke"
        if len(joined) >= 4 and joined in known:
            gaps.add(m.end(1))
            done = m.end(2)
    if not gaps:
        return view
    text = view.text
    kept = [i for i in range(len(text)) if i not in gaps]
    starts = view.starts or tuple(range(len(text)))
    ends = view.ends or tuple(range(1, len(text) + 1))
    return View(
        "".join(text[i] for i in kept), tuple(starts[i] for i in kept), tuple(ends[i] for i in kept)
    )


_CALENDAR = wordset(
    "january february march april may june july august september october november december"
    " monday tuesday wednesday thursday friday saturday sunday"
)


@functools.lru_cache(maxsize=1)
def _words() -> frozenset[str]:
    from asbhub.pii.gazetteers import common_english_words, english_words

    return english_words() | common_english_words() | _CALENDAR


@functools.lru_cache(maxsize=1)
def _words_names_and_places() -> frozenset[str]:
    from asbhub.pii.gazetteers import first_names, places, surnames

    return _words() | first_names() | surnames() | places()


def _decoded_view(text: str) -> View:
    same_length = _same_length_view(text)
    if not any(mark in same_length and quick.search(same_length) for mark, quick in _QUICK):
        return View(same_length)
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    done = 0
    struck: int | None = None
    for match in _ENCODED.finditer(same_length):
        kind, a, b = match.lastgroup, match.start(), match.end()
        if kind == "digits" and not (
            _SAID_DIGIT_BEFORE.search(same_length, max(0, a - 12), a)
            or _CODE_BEFORE_DIGITS.search(same_length, max(0, a - 8), a)
        ):
            # only a code's digits apart are joined ("42/ 1 8 5 5 3 4 /24", "PCC-HB 4 4 1 2 0
            # 9"), and a number's read out partly in words ("oh seven seven 0 0 9 0 0 4 5 6",
            # which the phone reader takes in groups); not any other run ("score sheet 1 2 3 4")
            continue
        kept = _in_place(kind, match.group()) if kind in _IN_PLACE else None
        decoded = None if kind in _IN_PLACE else _decode(kind, match.group())
        if kept is None and decoded is None:
            continue
        parts.append(same_length[done:a])
        starts.extend(range(done, a))
        ends.extend(range(done + 1, a + 1))
        if struck is not None and a > done:
            starts[len(starts) - (a - done)] = struck  # the struck text goes with what follows
            struck = None
        if kind == "struck":  # nothing in the view; its place goes to the next character
            struck = a if struck is None else struck
            done = b
            continue
        if kept is not None:  # each character at its own place in the original
            parts.append("".join(ch for _, ch in kept))
            starts.extend(a + i for i, _ in kept)
            ends.extend(a + i + 1 for i, _ in kept)
        elif decoded is not None:
            parts.append(decoded)
            starts.extend([a] * len(decoded))
            ends.extend([b] * len(decoded))
        done = b
    if done == 0:
        return View(same_length)
    parts.append(same_length[done:])
    tail = len(starts)
    starts.extend(range(done, len(same_length)))
    if struck is not None and len(starts) > tail:
        starts[tail] = struck
    ends.extend(range(done + 1, len(same_length) + 1))
    return View("".join(parts), tuple(starts), tuple(ends))


def _decode(kind: str | None, unit: str) -> str | None:
    """What `unit` stands for, or None where it stands for itself."""
    if kind == "percent":
        decoded = urllib.parse.unquote(unit.replace("%25", "%"))
        return decoded if decoded != unit and decoded.isprintable() else None
    if kind == "entity":
        decoded = html.unescape(unit).replace("\xa0", " ")  # "&nbsp;" a plain space
        return decoded if decoded != unit else None
    if kind == "unicode":
        return chr(int(unit[2:], 16))
    if kind == "plus":
        return " "
    if kind == "glued":
        return " " + unit
    if kind == "broken":
        return ""
    if kind == "struck":
        return ""
    return None


def _in_place(kind: str, unit: str) -> list[tuple[int, str]] | None:
    """The characters of `unit` that stand in the view, each with its offset in `unit`, for the
    kinds read where they stand: boxed characters (empty boxes one space), letters typed apart
    (a word's gap its first space), a code's parts (the spaces by its joints gone); None where
    `unit` is no code."""
    if kind == "boxed":
        kept = [
            (i, ch)
            for i, ch in enumerate(unit)
            if ch != "|" and not (ch == " " and unit[i - 2 : i - 1] in (" ", ""))
        ]
        while kept and kept[-1][1] == " ":
            kept.pop()
        return [*kept, (len(unit) - 1, " ")]
    if kind == "digits":
        return [(i, ch) for i, ch in enumerate(unit) if ch != " "]
    if kind == "wrapped":  # a phone's groups keep a space; a date's or a code's parts none
        cut = unit.index(" | ")
        gone = {cut, cut + 1} if re.fullmatch(r"0\d{3,5}", unit[:cut]) else {cut, cut + 1, cut + 2}
        return [(i, ch) for i, ch in enumerate(unit) if i not in gone]
    if kind == "spaced":
        return [
            (i, ch)
            for i, ch in enumerate(unit)
            if ch != " " or (unit[i - 1] != " " and unit[i + 1] == " ")
        ]
    if not _a_code(unit):
        return None
    return [
        (i, ch)
        for i, ch in enumerate(unit)
        if not (ch == " " and (unit[i - 1 : i] in "/-" or unit[i + 1 : i + 2] in "/-"))
    ]


def _a_code(unit: str) -> bool:
    """A code, and a space by one of its joints: not "10 - 12" or "and / or"."""
    spaced = re.search(r" [/\-]|[/\-] ", unit) is not None
    digits = sum(ch.isdigit() for ch in unit)
    # each part a number or a short code: not "ASB-0044812 / Peabody", a landlord after it
    parts = re.split(r" ?[/\-] ?", unit)
    codes = all(len(part) <= 4 or any(ch.isdigit() for ch in part) for part in parts)
    # a slash spaced both sides joins only where no joint is bare ("slc / asb / 2024 / 118",
    # "scra/ 25 / 14407"); beside bare ones it parts a list's items ("19 / 01/03/05",
    # "14/488102M / ADDR", "NP-250115-1406 / NP-…")
    joints = re.findall(r" ?[/\-] ?", unit)
    codes = codes and (" / " not in joints or not {"/", "-"} & set(joints))
    return spaced and digits >= 4 and codes


def _same_length_view(text: str) -> str:
    """Escapes and OCR's digit-like letters undone, offset for offset."""
    if (
        "\\" not in text
        and not _has_confusable_run(text)
        and not _DIGIT_IN_WORD.search(text)
        and not _ZERO_FOR_O.search(text)
        and not _L_IN_CAPITALS.search(text)
        and not _ocr_postcodes(text)
    ):
        return text
    chars = list(text)
    for match in _ESCAPE.finditer(text):
        for pos in range(match.start(), match.end() - 1):
            chars[pos] = " "
        chars[match.end() - 1] = _CONTROL[text[match.end() - 1]]
    for match in _DIGIT_IN_WORD.finditer(text):  # "M0HAMED", "Dav1d": OCR's digit for a letter
        if _PLATE_BEFORE.search(text, max(0, match.start() - 30), match.start()):
            continue  # 'a private plate, "B1GGS"': a plate's digit, however like a name
        word = _letters_for_digits(match.group())
        if word is not None:
            upper = match.group().translate(_NO_DIGITS).isupper()  # "M0HAMED": in capitals
            for offset, char in enumerate(word):
                if char != match.group()[offset]:
                    # (a first letter of a name: "5ummers" is "Summers")
                    chars[match.start() + offset] = char.upper() if upper or offset == 0 else char
    for match in _ZERO_FOR_O.finditer(text):
        chars[match.start()] = "O"
    for match in _L_IN_CAPITALS.finditer(text):  # "DANlEL": OCR's l for a capital I or L
        capitals = _capitals_for_l(match.group())
        if capitals is not None:
            chars[match.start() : match.end()] = list(capitals)
    for match in _ocr_postcodes(text):
        for group in (1, 2):
            for pos in range(match.start(group), match.end(group)):
                chars[pos] = _CONFUSABLE.get(text[pos], text[pos])
    for match in _NEAR_DIGIT.finditer(text):
        run = match.group()
        if run.isdigit() or _INWARD_CODE.match(text, match.end()):
            continue  # "ol10 4qz": a postcode's area in lower case
        if _INWARD_LL.fullmatch(run) and _OUTWARD_BEFORE.search(
            text, max(0, match.start() - 8), match.start()
        ):
            continue  # "ch1 3ll": an inward code's letters (no inward code ends in digits)
        if (
            _PREFIX_PLATE.fullmatch(run)
            and _PLATE_LETTERS.match(text, match.end())
            and not _PLATE_START.search(text, max(0, match.start() - 3), match.start())
            and not _DATE_JOINT_BEFORE.search(text, max(0, match.start() - 2), match.start())
        ):
            # "l33 lee": a plate's first letter (not "WM l9 XTP": its age; nor "O9/O2/l997
            # Ref": a date's year)
            continue
        check_letter = _CHECK_LETTER.search(run)  # "99/688162O": a PNC's check letter
        for offset, char in enumerate(run):
            if check_letter is not None and offset >= check_letter.start(1):
                break
            if char in _CONFUSABLE and (
                _beside_digit(run, offset) or _in_a_date(text, match.start(), match.end(), offset)
            ):
                chars[match.start() + offset] = _CONFUSABLE[char]
    return "".join(chars)


def _ocr_postcodes(text: str) -> list[re.Match[str]]:
    """Postcodes with a letter O, l or I where a digit of the outward code stands ("TRl4 8LW");
    with one only where the inward code's digit stands, the shape is a plate's ("YX17 OPV")."""
    return [
        m
        for m in _OCR_POSTCODE.finditer(text)
        if not m.group(1).isdigit()
        # a digit among them ("NO INS", "LOG INT" are words), or lower-case l's alone among
        # capitals: "FKl lLD"
        and (
            any(c.isdigit() for c in m.group(1) + m.group(2))
            or set(m.group(1) + m.group(2)) == {"l"}
        )
        # a lone O, l or I in the outward code is a word's letter: "DOB 1ST JAN"
        and (
            len(m.group(1)) == 2
            or any(c.isdigit() for c in m.group(1))
            # or a lower-case l after an area's two capitals: "WFl 3DE"
            or (m.group(1) == "l" and m.group().split()[0][:2].isupper() and m.group()[2] == "l")
        )
    ]


def _letters_for_digits(word: str) -> str | None:
    """The name or word a word with OCR's digits in it was ("Pr1tchard" is "Pritchard"), in
    lower case where the digits stood; None where no reading is a name or a word. A digit last
    is a five that makes a name ("R0BERT5"; not "Flat5", a flat's number, or "sum1")."""
    digits = [i for i, char in enumerate(word) if char in _LETTERS_FOR]
    if len(digits) > 2 or len(word) - len(digits) < 3:
        return None
    readings = [word.lower()]
    for i in digits:
        readings = [
            r[:i] + letter + r[i + 1 :] for r in readings for letter in _LETTERS_FOR[word[i]]
        ]
    last = digits[-1] == len(word) - 1
    if last and word[-1] != "5":
        return None  # "sum1", "any1", "no1": texting's "one", not a letter
    for reading in readings:
        if _a_name(reading) if last else _a_known_word(reading):
            return "".join(reading[i] if i in digits else char for i, char in enumerate(word))
    if (
        digits[0] > 0
        and not last
        and len(word) >= 4
        and all(word[i] in "01" for i in digits)
        and word[0].isupper()
        and word[1:].translate(_NO_DIGITS).islower()
    ):
        # a name written with its capital ("M0rrish"), in no list: its first reading
        return "".join(readings[0][i] if i in digits else char for i, char in enumerate(word))
    return None


def _capitals_for_l(word: str) -> str | None:
    """A word in capitals with OCR's l in it, as the name or word it was ("DANlEL" is
    "DANIEL", "lQBAL" is "IQBAL"); None where no reading is one."""
    places = [i for i, char in enumerate(word) if char == "l"]
    if len(places) > 2:
        return None
    readings = [word.lower()]
    for i in places:
        readings = [r[:i] + letter + r[i + 1 :] for r in readings for letter in ("i", "l")]
    for reading in readings:
        if _a_known_word(reading):
            return reading.upper()
    return None


def _a_name(low: str) -> bool:
    from asbhub.pii.gazetteers import first_names, surnames

    return low in first_names() or low in surnames()


def _a_known_word(low: str) -> bool:
    """A name or an English word: what a word with a zero in it was, not a code ("ABC0DEF")."""
    from asbhub.pii.gazetteers import english_words, first_names, surnames

    return low in first_names() or low in surnames() or low in english_words()


def _has_confusable_run(text: str) -> bool:
    return bool(_DIGIT_BESIDE_LETTER.search(text)) and _CONFUSABLE_RUN.search(text) is not None


# A date's joint with a digit beyond it, before or after a part of two characters.
_DATE_JOINT_BEFORE = re.compile(r"\d[\-/.]$")
_DATE_JOINT_AFTER = re.compile(r"[\-/.]\d")


def _in_a_date(text: str, start: int, end: int, offset: int) -> bool:
    """Whether the lower-case o at `offset` of text[start:end] is a date's zero: a part of two
    characters, a digit beside it, between a date's joints ("dob o3-09-o7"), not "o2"."""
    if end - start != 2 or not text[start + 1 - offset].isdigit():
        return False
    return bool(
        _DATE_JOINT_AFTER.match(text, end)
        or _DATE_JOINT_BEFORE.search(text, max(0, start - 2), start)
    )


def _beside_digit(run: str, offset: int) -> bool:
    """Whether the confusable letter at `offset` may be a digit: always in a word of digits and
    such letters, but a lower-case o only with a digit right on each side."""
    if run[offset] == "o":
        return run[offset - 1 : offset].isdigit() and run[offset + 1 : offset + 2].isdigit()
    return True
