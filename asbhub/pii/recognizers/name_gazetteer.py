"""Names from lists of common UK first names and surnames, for what the small NER model misses."""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult  # noqa: TID253 - lazily loaded

from asbhub.pii.gazetteers import (
    COMMON_WORD_FIRST_NAMES,
    COMMON_WORD_NAMES,
    NICKNAME_WORDS,
    common_word_names,
    english_words,
    first_names,
    first_names_also_words,
    folded,
    not_names,
    places,
    surnames,
)
from asbhub.pii.names import (
    AGE_AFTER,
    CHILD_BEFORE,
    DOB_AFTER,
    KIN_AFTER,
    MONTHS_THAT_ARE_NAMES,
    PLACE_WORD_BEFORE,
    RAIL_LINES,
    SHORT_FORENAMES,
    STREET_NOT_SURNAME,
)
from asbhub.pii.recognizers.street_address import STREET_WORDS

# Letters in any Latin script ("Zoë", "Łukasz", "O'Brien"), so no accented letter is left behind.
_TOKEN = re.compile(r"[^\W\d_][^\W\d_'’]*(?:['’][^\W\d_]+)*(?:-[^\W\d_]['’\w]*)?")


# Where a first name opening a sentence is placed as a person's: with a body after "at" or
# "with" ("Zofia at the Archer Project"), or a job in brackets ("Bilal (key worker)").
_PLACED_AFTER = re.compile(
    r"\s+(?:at|with)\s+(?:the\s+)?[A-Z][a-z]+\s+[A-Z]"
    r"|\s*\((?:[A-Za-z\-]+\s+){0,2}(?i:worker|officer|manager|lead|co-?ordinator|nurse|cpn"
    r"|pcso|warden|caretaker|advocate|mentor|key\s+worker|navigator|volunteer|clerk)\)"
)


class NameGazetteerRecognizer(EntityRecognizer):
    """First name + surname-like word scores 0.6; a capitalised first name alone 0.45."""

    def __init__(self, supported_entity: str = "PERSON") -> None:
        super().__init__(supported_entities=[supported_entity], name="NameGazetteerRecognizer")

    def load(self) -> None:
        # Field labels that some people are named ("reg", "nino") are not first names here:
        # a cue or a title finds those people.
        self.first = (first_names() | COMMON_WORD_FIRST_NAMES) - not_names()
        self.last = surnames()
        self.places = places()
        self.common = common_word_names()
        # Lower-case first names that may stand alone after a cue ("spoke to kyle").
        self.lower_alone = (
            self.first - self.common - COMMON_WORD_NAMES - first_names_also_words() - self.places
        )
        self.not_surnames = _STOP | frozenset(STREET_WORDS.split("|"))
        self.english = english_words()
        self.labels = not_names()

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list:
        tokens = list(_TOKEN.finditer(text))
        results = []
        i = 0
        while i < len(tokens):
            span = self._name_at(text, tokens, i)
            if span is None:
                i += 1
                continue
            start, end, score, used = span
            # "Harjit Singh" + " Dhillon", "Driver Hitesh" + " Mistry": a further surname
            while (
                used < 4 and i + used < len(tokens) and self._more_name(text, tokens[i + used], end)
            ):
                end = tokens[i + used].end()
                used += 1
            if used >= 2 and _STREET_AFTER.match(text, end):
                i += used  # "ROBIN HOOD CHASE", "Nelson Mandela Way": a street named after one
                continue
            found = text[start:end].lower().split()
            if used == 2 and found[0] in RAIL_LINES and found[-1] == "line":
                i += used  # "VICTORIA LINE": a railway's line, not Victoria Line
                continue
            results.append(self._result(start, end, score))
            i += used
        return results

    def _name_at(self, text: str, tokens: list[re.Match[str]], i: int) -> tuple | None:
        word = tokens[i].group()
        low = word.lower()
        if ((len(word) == 1 and word.isupper()) or word in SHORT_FORENAMES) and i + 1 < len(tokens):
            initialled = self._initial_and_surname(text, tokens, i)
            if initialled is not None:
                return initialled
        nxt_age = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            nxt_age is not None
            and word[0].isupper()
            and text[tokens[i].end() : nxt_age.start()] == " "
            and AGE_AFTER.match(text, nxt_age.end())
            and nxt_age.group().lower() in self.last
            and self._named_by_age(word, low)
        ):
            return tokens[i].start(), nxt_age.end(), 0.55, 2  # "River Jenkins (13)"
        if (AGE_AFTER.match(text, tokens[i].end()) or DOB_AFTER.match(text, tokens[i].end())) and (
            self._named_by_age(word, low)
            # a child named like a place, after the word for the child: "her son Bentley (11)"
            or (
                word.istitle()
                and low in self.places
                and CHILD_BEFORE.search(text, max(0, tokens[i].start() - 16), tokens[i].start())
                is not None
            )
        ):
            # "Sanyi (15)", "hope (13)", "Jayden (dob 04/23/2008)"
            return tokens[i].start(), tokens[i].end(), 0.55, 1
        if (
            not word[0].isupper()
            and low.endswith("s")
            and low[:-1] in self.first
            and low not in self.english
            and KIN_AFTER.match(text, tokens[i].end())
        ):
            return tokens[i].start(), tokens[i].end() - 1, 0.5, 1  # "keegans mum", no apostrophe
        if low.endswith(("'s", "’s")) and KIN_AFTER.match(text, tokens[i].end()):
            bare = word[:-2]
            if self._named_by_age(bare, bare.lower()):
                # "Kwabena's little brother", "Jan-Willem's father": the name, not the 's
                return tokens[i].start(), tokens[i].end() - 2, 0.55, 1
        if low not in self.first and low not in self.last:
            low = folded(low)  # "Mária", "Zoë", "Łukasz" as the lists also hold them plain
        capital = word[0].isupper()
        inverted = self._surname_first(text, tokens, i)
        if inverted is not None:
            return inverted
        if capital and low in COMMON_WORD_NAMES and self._reports(text, tokens, i):
            return tokens[i].start(), tokens[i].end(), 0.6, 1  # "Will rang back", "June says"
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        adjacent = nxt is not None and text[tokens[i].end() : nxt.start()] in (" ", " '")
        if (
            capital
            and not word.isupper()
            and low in self.common
            and adjacent
            and nxt is not None
            and self._unknown_surname(nxt.group())
        ):
            return tokens[i].start(), nxt.end(), 0.5, 2  # "Precious Mbeki", not "Golden Dragon"
        if "-" in low and all(part in self.first for part in low.split("-")):
            low = low.split("-")[0]  # "Ellie-May", "KATIE-LOUISE": each part a first name
        if not capital and self._lower_pair(text, tokens, i):
            return tokens[i].start(), tokens[i].end(), 0.5, 1  # "saw will and frank on bikes"
        if not capital and low in _WORD_FIRST_NAMES and nxt is not None:
            rest = nxt.group().lower()
            if (
                rest in _REPORTING_VERBS
                and (
                    _after_cue(text, tokens, i)
                    or (rest in _CLAUSE_VERBS and _clause_start(text, tokens, i))
                )
                and adjacent
            ):
                return tokens[i].start(), tokens[i].end(), 0.5, 1  # "RP will says", "hunter says"
            if (
                adjacent
                and rest in self.last
                and rest not in self.common
                and rest not in self.english
            ):
                return tokens[i].start(), nxt.end(), 0.55, 2  # "june pritchard", not "will wood"
            if (
                adjacent
                and rest in self.last
                and (rest not in self.common or rest in COMMON_WORD_NAMES)
                and _cued_or_titled(text, tokens, i)
            ):
                return tokens[i].start(), nxt.end(), 0.55, 2  # "pc 1932 will brown"; "rp will ring"
            if (
                rest in _FROM
                and text[tokens[i].end() : nxt.start()] == " "
                and _not_verb(text, tokens, i)
            ):
                return tokens[i].start(), tokens[i].end(), 0.5, 1  # "sue frm no 4", "june from"
        if capital and low not in self.first:
            pair = self._unknown_pair(text, tokens, i)  # "Tatenda Mukwena", "Hibo Jama"
            if pair is None and self._unknown_reports(word, low, text, tokens, i):
                return tokens[i].start(), tokens[i].end(), 0.5, 1  # "Iolo admitted it"
            return pair
        if low not in self.first or (not capital and low in self.common):
            return None
        if (
            capital
            and adjacent
            and nxt is not None
            and nxt.group()[0].isupper()
            and nxt.group().lower() in self.places
            and low not in self.places
            and _DETAILS_AFTER.match(text, nxt.end())
        ):
            # a surname that is also a place, then the person's age, number or house:
            # "Carys Whitchurch, 42,", "HOLLY MALVERN OF 5 BARNARDS GREEN ROAD"
            return tokens[i].start(), nxt.end(), 0.6, 2
        if word.isupper() and len(word) > 1 and low in self.common:
            # "HE WILL CALL BACK": in capitals only a listed surname makes a common word a name
            if (
                adjacent
                and nxt is not None
                and nxt.group().lower() in self.last
                and nxt.group().lower() not in STREET_NOT_SURNAME  # "DALE STREET": a street
            ):
                return tokens[i].start(), nxt.end(), 0.6, 2
            return None
        if (
            adjacent
            and nxt is not None
            and self._surname_like(nxt.group(), capital, low)
            and (low not in self.places or self._plain_surname(nxt.group()))
        ):
            return tokens[i].start(), nxt.end(), 0.6, 2  # "Stanley Matthews"; not "Stanley Park"
        if (
            not capital
            and low in self.lower_alone
            and len(low) >= 3
            and (_after_cue(text, tokens, i) or _before_verb(text, tokens, i))
        ):
            if adjacent and nxt is not None and self._lower_surname(nxt.group()):
                return tokens[i].start(), nxt.end(), 0.5, 2  # "her ex jermaine walcott is"
            return tokens[i].start(), tokens[i].end(), 0.5, 1  # "spoke to kyle", "son jayden"
        if (
            not capital
            and low in self.lower_alone
            and i > 0
            and tokens[i - 1].group().lower() in NICKNAME_WORDS
            and text[tokens[i - 1].end() : tokens[i].start()] == " "
        ):
            return tokens[i - 1].start(), tokens[i].end(), 0.5, 1  # "his mate big dave"
        if not capital and low in self.lower_alone and len(low) >= 4 and low not in self.english:
            return tokens[i].start(), tokens[i].end(), 0.42, 1  # "its that ronnie again"
        if not capital or low in self.places or (word.isupper() and len(word) <= 3):
            return None  # "ISA", "AB": a short word in capitals alone is an abbreviation
        sentence_start = text[: tokens[i].start()].rstrip()[-1:] in ("", ".", "!", "?", ":")
        if low not in self.common:
            if sentence_start and (
                self._reports(text, tokens, i) or _PLACED_AFTER.match(text, tokens[i].end())
            ):
                # "Delyth says", "Kofi has"; "Zofia at the Archer Project", "Bilal (key worker)"
                return tokens[i].start(), tokens[i].end(), 0.55, 1
            return tokens[i].start(), tokens[i].end(), 0.35 if sentence_start else 0.45, 1
        if low in COMMON_WORD_FIRST_NAMES and not sentence_start and self._alone(text, tokens, i):
            return tokens[i].start(), tokens[i].end(), 0.45, 1  # "ring Holly on", not "the Rose"
        return None

    def _initial_and_surname(self, text: str, tokens: list[re.Match[str]], i: int) -> tuple | None:
        """An initial or a short forename, then a listed surname that is no word and no place:
        "Signed: L Fitzgerald", "letter from K Morrison", "Rh. Jenkins" (an A or an I only with
        its full stop: "A. Begum"; not "C Wing", "B Shift", "J Block")."""
        word, nxt = tokens[i].group(), tokens[i + 1]
        start = tokens[i].start()
        if start > 0 and text[start - 1] not in " \t\n(\"'“:,;":
            return None  # "the 9A. Driver", "A2B Cars", "D/S Louise": not an initial
        between = text[tokens[i].end() : nxt.start()]
        if between not in (" ", ". ", ".") or (
            (word in ("A", "I") or len(word) > 1) and not between.startswith(".")
        ):
            return None  # (an A, an I and a short forename only with the stop: "Rh. Jenkins")
        surname = nxt.group()
        low = surname.lower()
        if not (surname[0].isupper() and surname[1:].islower() and len(surname) >= 3):
            return None
        if low not in self.last or low in self.first or low in self.common:
            return None  # "Party B Tariq Hussain": a label, then a first name
        if low in self.english or low in self.places or low in self.labels:
            return None
        if _STREET_AFTER.match(text, nxt.end()):
            return None  # "J Morrison Way": a street
        return tokens[i].start(), nxt.end(), 0.5, 2

    def _lower_pair(self, text: str, tokens: list[re.Match[str]], i: int) -> bool:
        """Two lower-case first names joined by "and" or "n" after a word that takes people:
        "saw will and frank", "says rose n brook were", "spoke to lee and kyle"; any first
        name, words among them, since the pair and its cue make people of both."""

        def first(k: int) -> bool:
            word = tokens[k].group()
            return word.islower() and (word in self.first or word in _WORD_FIRST_NAMES)

        def joined(k: int) -> bool:  # tokens k and k + 2 joined by "and" or "n"
            return (
                k + 2 < len(tokens)
                and tokens[k + 1].group() in ("and", "n")
                and text[tokens[k].end() : tokens[k + 2].start()] in (" and ", " n ")
            )

        def cued(k: int) -> bool:
            return k > 0 and tokens[k - 1].group().lower() in _PAIR_CUES

        def street(k: int) -> bool:  # a street name no list knows: "trigga", "dazza"
            word = tokens[k].group()
            return (
                word.islower()
                and len(word) >= 3
                and word not in self.english
                and word not in self.places
                and word not in self.labels
            )

        def word(k: int) -> bool:  # "ghost": a word, as street names often are
            return tokens[k].group().islower() and tokens[k].group() not in _NOT_PAIRED

        def acting(k: int) -> bool:  # the pair then does something: "ghost and trigga are back"
            return k + 1 < len(tokens) and tokens[k + 1].group().lower() in _PAIR_ACTS

        def named(k: int) -> bool:
            return first(k) or street(k)

        def pair(a: int, b: int) -> bool:
            # two first names as they stand; else one name at least, and the pair then acts
            if first(a) and first(b):
                return True
            either = (named(a) and (named(b) or word(b))) or (word(a) and named(b))
            return either and acting(b)

        def known(a: int, b: int) -> bool:  # two first names that then act need no cue
            return first(a) and first(b) and acting(b)

        if joined(i) and (cued(i) or known(i, i + 2)) and pair(i, i + 2):
            return True
        return i >= 2 and joined(i - 2) and (cued(i - 2) or known(i - 2, i)) and pair(i - 2, i)

    def _unknown_reports(
        self, word: str, low: str, text: str, tokens: list[re.Match[str]], i: int
    ) -> bool:
        """A capitalised word no list holds opening a sentence before a reporting verb is a
        name ("Iolo admitted", "Tallulah says"); not a word, a place, a label or an acronym."""
        return (
            len(low) >= 3
            and not word.isupper()
            and low not in self.english
            and low not in self.places
            and low not in self.labels
            and i + 1 < len(tokens)
            and tokens[i + 1].group() in _REPORTING_VERBS  # not "from": "Handover from PC 12"
            and self._reports(text, tokens, i)
        )

    def _named_by_age(self, word: str, low: str) -> bool:
        """A word before an age in brackets is a person's name unless it is a word, a place
        or a label: "Tinotenda (6)", "hope (13)"; not "Units (2)" or "Leeds (2)"."""
        if low in self.first or low in _WORD_FIRST_NAMES:
            return True  # "storm (15, f)", though STORM is also a command-and-control system
        if low in self.labels or low in self.places or low in _NOT_NAME_LABELS or len(low) < 2:
            return False
        if word.isupper():  # in capitals, a listed surname that is no word: "MERCER (22)"
            return len(low) >= 3 and low in self.last and low not in self.english
        return word[0].isupper() and low not in self.english

    def _reports(self, text: str, tokens: list[re.Match[str]], i: int) -> bool:
        """A word-name opening a sentence before a reporting verb: "Will rang", "June says".
        A month needs a verb of speech ("May said"; "May was quiet" is the month)."""
        if i + 1 >= len(tokens) or text[tokens[i].end() : tokens[i + 1].start()] != " ":
            return False
        if text[: tokens[i].start()].rstrip()[-1:] not in ("", ".", "!", "?", ":", ";"):
            return False
        verb = tokens[i + 1].group()
        if tokens[i].group().lower() in MONTHS_THAT_ARE_NAMES:
            return verb in _SPEECH_VERBS
        return verb in _REPORTING_VERBS or verb == "from"  # "Grace from the corner shop"

    def _surname_first(self, text: str, tokens: list[re.Match[str]], i: int) -> tuple | None:
        """ "SMITH, John", "OKONKWO, Chukwuemeka", "PARTRIDGE, Ellie-May", and in lower case
        "o'neill, seamus" or "mcgregor, ross alasdair": a surname, a comma, then a forename
        (and a listed middle name)."""
        word = tokens[i].group()
        if i + 1 >= len(tokens) or text[tokens[i].end() : tokens[i + 1].start()] not in (",", ", "):
            return None
        nxt = tokens[i + 1]
        forename = nxt.group()
        low, fore = word.lower(), forename.lower()
        if low in _NOT_NAME_LABELS or low in self.labels:
            return None
        capitals = word.isupper() or re.fullmatch(r"(?:Mc|Mac|O['’])[A-Z'’\-]{2,}", word)
        # in capitals before a listed forename that is no word, a surname whatever else the
        # word is: "FARM, Tyrese", "HENDON, Corey", "MANOR, Jaden" (not after "to", "in": "TO
        # LEEDS, Jordan")
        sure = (
            bool(capitals)
            and len(word) >= 3
            and forename.istitle()
            and self._first_name(fore)
            and fore not in self.common
            and fore not in self.english
            and not PLACE_WORD_BEFORE.search(
                text, max(0, tokens[i].start() - 12), tokens[i].start()
            )
        )
        if (
            low in self.not_surnames
            and not sure
            and not (low in self.last and self._first_name(fore))
        ):
            return None  # "WOOD, Callum" is a name; "ROAD, Leeds" is not
        if capitals and len(word) >= 2 and not forename.isupper() and forename[0].isupper():
            if low in self.places and low not in self.last and not sure:
                return None
            listed = self._first_name(fore)
            if not listed and not (
                self._in_no_list(fore) and len(fore) >= 3 and fore not in _CALENDAR
            ):
                return None  # "SMITH, Chukwuemeka" yes; "LEEDS, Yorkshire", "NOTE, Officer" no
            if not listed and any(part in self.places for part in fore.split("-")):
                return None  # "YOS, Dyfed-Powys": a team and its area
            return tokens[i].start(), self._middle_name(text, tokens, i + 1), 0.6, 2
        if (
            word[:1].isupper()
            and word[1:].islower()
            and forename[:1].isupper()
            and forename[1:].islower()
            and low in self.last
            and not self._first_name(low)  # "Connor, Alfie and Rico": a list of first names
            and low not in self.places
            and low not in self.english
            and low not in self.common
            and self._first_name(fore)
            and fore not in self.english
            and fore not in self.common
        ):
            # an export's "Begum, Nasreen": a listed surname that is no word or place, then a
            # listed forename
            return tokens[i].start(), self._middle_name(text, tokens, i + 1), 0.55, 2
        if (
            word.islower()
            and forename.islower()
            and low in self.last
            and low not in self.english
            and low not in self.common
            and fore in self.lower_alone
            and fore not in self.english
        ):
            return tokens[i].start(), self._middle_name(text, tokens, i + 1), 0.55, 2
        return None

    def _first_name(self, low: str) -> bool:
        """A listed first name, or a hyphenated one whose parts are ("ellie-may")."""
        return low in self.first or ("-" in low and all(p in self.first for p in low.split("-")))

    def _middle_name(self, text: str, tokens: list[re.Match[str]], j: int) -> int:
        """The end of the forename at `j`, or of a listed middle name right after it."""
        if j + 1 < len(tokens) and text[tokens[j].end() : tokens[j + 1].start()] == " ":
            middle = tokens[j + 1].group()
            if middle.lower() in self.lower_alone and middle.lower() not in self.english:
                return tokens[j + 1].end()
        return tokens[j].end()

    def _alone(self, text: str, tokens: list[re.Match[str]], i: int) -> bool:
        """Not after an article or preposition, not before another capitalised word."""
        before = tokens[i - 1].group().lower() if i > 0 else ""
        nxt = tokens[i + 1].group() if i + 1 < len(tokens) else ""
        return before not in _PLACE_BEFORE and not (
            nxt[:1].isupper() and text[tokens[i].end() : tokens[i + 1].start()] == " "
        )

    def _unknown_pair(self, text: str, tokens: list[re.Match[str]], i: int) -> tuple | None:
        """Two or three capitalised words that no list knows and that are no English words,
        places or labels: a name from a community the lists miss ("Tatenda Mukwena", "Pham
        Quoc Bao"), or one of them a listed surname ("Hitesh Mistry")."""
        run: list[re.Match[str]] = []
        for tok in tokens[i : i + 3]:
            if run and text[run[-1].end() : tok.start()] != " ":
                break
            word = tok.group()
            if not word[0].isupper() or word.isupper() or len(word) < 2:
                break
            if word[-2:] in ("'s", "’s") and word[:-2].lower() in self.english:
                break  # "Where's Tyler?", "That's Kemi": a word and its 's, then the name
            run.append(tok)
        if len(run) < 2:
            return None
        words = [t.group() for t in run]
        unknown = [self._unknown_surname(w) or self._short_name(w) for w in words]
        listed = [w.lower() in self.last or w.lower() in self.first for w in words]
        if not all(
            u or (k and self._plain_surname(w))
            for u, k, w in zip(unknown, listed, words, strict=True)
        ):
            return None
        if sum(unknown) < 1 or words[0].lower() in self.first:
            return None  # a listed first name is the gazetteer's own case
        return run[0].start(), run[-1].end(), 0.45, len(run)

    def _more_name(self, text: str, tok: re.Match[str], end: int) -> bool:
        """A capitalised word right after a name that is a surname no list holds, or a plain
        listed one ("Dhillon", "Mistry"); not "Road", "Police" or a town."""
        word = tok.group()
        return (
            text[end : tok.start()] == " "
            and word[0].isupper()
            and not word.isupper()
            and not _calendar(word.lower())  # "Kian Oct 2008": a month, not a surname
            and (self._unknown_surname(word) or self._plain_surname(word))
        )

    def _short_name(self, word: str) -> bool:
        """A two-letter name part ("Vu", "Ng"), not a word or a title ("To", "Mr")."""
        low = word.lower()
        return len(word) == 2 and word.isalpha() and low not in self.english and low not in _TITLES

    def _plain_surname(self, word: str) -> bool:
        """A listed surname that is no word, place or postcode: "Matthews", not "Park", "DY"."""
        low = word.lower()
        return (
            low in self.last
            and low not in self.common
            and low not in self.english
            and low not in self.places
            and len(low) > 2
        )

    def _lower_surname(self, word: str) -> bool:
        """A lower-case word that is no English word, place or label: "walcott"."""
        return word.islower() and self._in_no_list(word) and word not in _AFTER_NAME

    def _unknown_surname(self, word: str) -> bool:
        """A capitalised word in no word list: "Mbeki" after "Precious"."""
        return word[0].isupper() and not word.isupper() and self._in_no_list(word.lower())

    def _in_no_list(self, low: str) -> bool:
        """Three letters or more and no English word, place, street word or label."""
        return (
            len(low) >= 3
            and low not in self.english
            and low not in self.places
            and low not in self.not_surnames
            and low not in self.labels
        )

    def _surname_like(self, word: str, first_capitalised: bool, first_low: str = "") -> bool:
        low = word.lower()
        if low in self.places and low not in self.last:
            return False
        if _calendar(low):
            return False  # "Kian Oct 2008": the month of a date of birth
        if word == "I":
            return False  # "Mrs Ellis I think": the speaker, not an initial
        if word[0].isupper():
            return (
                low in self.last
                or (word.isupper() and len(word) > 2)
                or low not in self.not_surnames
            )
        # lower case: "darren mills", "huw tudor-jones", "billy king" are names; "will wood" is
        # not (a common word after a common word)
        listed = low in self.last or ("-" in low and all(p in self.last for p in low.split("-")))
        return (
            not first_capitalised
            and listed
            and (low not in COMMON_WORD_NAMES or first_low not in COMMON_WORD_NAMES)
        )

    def _result(self, start: int, end: int, score: float) -> RecognizerResult:
        return RecognizerResult(
            entity_type=self.supported_entities[0],
            start=start,
            end=end,
            score=score,
            recognition_metadata={
                # Presidio leaves `name` unannotated; mypy cannot infer it from its __init__.
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,  # type: ignore[has-type]
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )


# After a name in lower case: "callum from Lincs Fire phoned", "mandy frm no 6", "kyle says".
_FROM = frozenset(["from", "frm", "of"])
# What follows a person's name and no place's: an age between commas or in brackets, a date of
# birth, a National Insurance number, or "of" a numbered house.
_DETAILS_AFTER = re.compile(
    r",\s?\d{1,2},|\s?\(\d{1,2}\)|,?\s+(?i:of)\s+(?i:flat\s+)?\d{1,4}[A-Za-z]?,?\s+[A-Za-z]"
    r"|,?\s+(?i:dob|d\.o\.b|ni|nino|aged?)\b"
)
_AFTER_NAME = _FROM | frozenset(  # "gaz at no 4 v dave at no 6"
    [
        "says",
        "said",
        "rang",
        "phoned",
        "called",
        "states",
        "stated",
        "reports",
        "reported",
        "at",
        "v",
        "vs",
    ]
)


def _before_verb(text: str, tokens: list[re.Match[str]], i: int) -> bool:
    return (
        i + 1 < len(tokens)
        and text[tokens[i].end() : tokens[i + 1].start()] == " "
        and tokens[i + 1].group().lower() in _AFTER_NAME
    )


def _not_verb(text: str, tokens: list[re.Match[str]], i: int) -> bool:
    """ "sue frm no 4" opening a clause, or after a cue, is a name; "the lads will from now on"
    is the verb."""
    if tokens[i + 1].group().lower() == "of":
        return False
    before = text[: tokens[i].start()].rstrip()
    return before[-1:] in ("", ".", ",", ";", ":", "-", "!", "?", "(") or _after_cue(
        text, tokens, i
    )


# Words after which a clause starts: "reggie says hunter started it".
_CLAUSE_TEXT = "and but then says said that cos coz because when so if reckons thinks"
_CLAUSE_WORDS = frozenset(_CLAUSE_TEXT.split())


# What a person opening a clause does: "hunter says", "penny lives at"; not "june had been".
_CLAUSE_VERB_TEXT = (
    "says said told reckons reckoned claims claimed admits admitted denies denied shouted"
    " threatened lives lived wants wanted"
)
_CLAUSE_VERBS = frozenset(_CLAUSE_VERB_TEXT.split())


def _clause_start(text: str, tokens: list[re.Match[str]], i: int) -> bool:
    """The word opens a clause: the text's start, after punctuation or a joining word."""
    if i == 0:
        return not text[: tokens[0].start()].strip()
    between = text[tokens[i - 1].end() : tokens[i].start()]
    if any(ch in between for ch in ".,;:!?"):
        return True
    return between == " " and tokens[i - 1].group().lower() in _CLAUSE_WORDS


def _after_cue(text: str, tokens: list[re.Match[str]], i: int) -> bool:
    """A person's cue just before the word: "spoke to", "threatened by", "son", "RP"."""
    if i == 0 or text[tokens[i - 1].end() : tokens[i].start()] != " ":
        return False
    before = tokens[i - 1].group().lower()
    if before in _PERSON_CUES:
        return True
    if i >= 2 and before in ("to", "by"):
        return tokens[i - 2].group().lower() in _CUE_VERBS
    return False


_RANK_BEFORE = re.compile(
    r"\b(?:mr|mrs|ms|miss|dr|pc|pcso|ps|dc|ds|di|sgt|insp)\.?\s+(?:\d{2,5}\s+)?$", re.IGNORECASE
)


def _cued_or_titled(text: str, tokens: list[re.Match[str]], i: int) -> bool:
    """A person's cue, or a title or rank (with its collar number), just before the word."""
    start = tokens[i].start()
    return _after_cue(text, tokens, i) or bool(_RANK_BEFORE.search(text, max(0, start - 16), start))


_TITLES = frozenset(["mr", "ms", "dr", "st", "pc", "ps", "dc", "ds", "di", "sgt", "rd", "no"])
_CALENDAR_WORDS = (
    "monday tuesday wednesday thursday friday saturday sunday january february march april may"
    " june july august september october november december"
)
_CALENDAR = frozenset(_CALENDAR_WORDS.split())
_CALENDAR_SHORT_TEXT = "jan feb mar apr jun jul aug sep oct nov dec mon tue wed thu fri"
_CALENDAR_SHORT = frozenset(_CALENDAR_SHORT_TEXT.split())


def _calendar(low: str) -> bool:
    """A day's or a month's name, whole or shortened ("Oct", "Sept", "Weds")."""
    return low in _CALENDAR or (len(low) <= 4 and low[:3] in _CALENDAR_SHORT)


_SPEECH_VERBS = frozenset(["said", "says", "rang", "called", "told", "asked", "states", "stated"])
_MORE_CUES = (
    "ex husband wife aunt uncle nan cousin mate stepdad stepmum nephew niece tenant occupant"
    " resident landlord carer lad girl boy pal grandson granddaughter worker bf gf fella missus"
)
_NOT_NAME_LABELS = frozenset(["asb", "nfa", "pnc", "dob", "cctv", "update", "note", "loc"])
_PERSON_CUES = frozenset(
    [
        "told",
        "asked",
        "son",
        "daughter",
        "brother",
        "sister",
        "mum",
        "dad",
        "friend",
        "boyfriend",
        "girlfriend",
        "partner",
        "neighbour",
        "victim",
        "suspect",
        "susp",
        "ip",
        "rp",
        "vp",
        "witness",
        "caller",
        "owner",
    ]
) | frozenset(_MORE_CUES.split())
_CUE_VERBS = frozenset(
    [
        "spoke",
        "speak",
        "speaking",
        "talked",
        "talking",
        "spoken",
        "threatened",
        "assaulted",
        "attacked",
        "hit",
        "punched",
        "kicked",
        "abused",
        "harassed",
        "bullied",
        "followed",
        "chased",
    ]
)
# Words before two lower-case first names joined by "and" that make people of them.
_PAIR_WORDS = "saw seen with says said told asked to for its it's w thinks reckons"
_PAIR_CUES = frozenset(_PAIR_WORDS.split()) | _PERSON_CUES
# What a pair of street names then does: "says ghost and trigga are back".
_ACTS = (
    "are were r was is again have had has run runs keep kept been came come back who done did"
    " started start"
)
_PAIR_ACTS = frozenset(_ACTS.split())
# Lower-case words that are never one of a pair of people.
_NOT_PAIRED_WORDS = (
    "the a an his her their my your our some all two three mates friends others police council"
    " family kids lads boys girls youths mum dad nan them him me us you it that this there they"
    " he she we i staff neighbours residents"
)
_NOT_PAIRED = frozenset(_NOT_PAIRED_WORDS.split())
# Verbs after which a sentence-initial word that may be a name is one: "Rose wants no contact".
_VERBS = (
    "said says rang rings called calls states stated reports reported has had was is wants"
    " wanted told asked came went lives lived attended denies denied admits admitted believes"
    " believed confirms confirmed explained explains alleges alleged claims claimed agreed agrees"
    " refused refuses apologised apologized mentioned mentions thinks thought"
)
_REPORTING_VERBS = frozenset(_VERBS.split())
_STREET_AFTER = re.compile(rf" (?:{STREET_WORDS})\b(?![\w'’])", re.IGNORECASE)
_PLACE_BEFORE = frozenset(["the", "a", "an", "in", "at", "on", "of", "to", "from", "near", "st"])
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "he",
        "she",
        "they",
        "was",
        "is",
        "has",
        "had",
        "and",
        "at",
        "on",
        "in",
        "to",
        "of",
        "from",
        "with",
        "for",
        "by",
        "police",
        "council",
        "housing",
        "asb",
        "team",
        "officer",
        "officers",
        "street",
        "road",
        "lane",
        "said",
        "says",
        "told",
        "reported",
        "called",
        "rang",
        "came",
        "went",
        "came",
        "left",
        "was",
        "were",
        "will",
        "would",
        "could",
        "should",
        "then",
        "also",
        "when",
        "who",
    ]
)
# First names that are also words, in lower case: names only beside a surname or before "from".
_WORD_FIRST_NAMES = COMMON_WORD_FIRST_NAMES | frozenset(
    ["june", "april", "sky", "storm", "river", "hunter", "mason", "rain", "autumn"]
)
