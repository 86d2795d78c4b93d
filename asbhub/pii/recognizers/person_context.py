"""Names found by their context: after a title (Mr, PC), a cue (aka) or a role (neighbour)."""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern  # noqa: TID253 - loaded lazily

from asbhub.pii.names import (
    ACTIONS_HEAD,
    ACTIONS_TABLE_WORDS,
    ALIAS_AFTER,
    ALIAS_GATE,
    ARREST_VERBS,
    ATTENDANCE_HEAD,
    BARE_CHAT_TIME,
    BOTH_BRACKET,
    CHAT_SPEAKER,
    CHAT_TIME,
    DISPLAY_NAME,
    FAMILY_COUNT,
    JOB_TITLE_NEXT,
    NAME_ANSWER,
    NICKNAME_CUES,
    PEOPLE_JOIN,
    SELF_NAMING,
    SHORT_FORENAME,
    SPEAKER_EMOJI,
    STAFF_LABEL,
    THEIR_PEOPLE,
)
from asbhub.pii.names import AGENCY_LETTERS as _AGENCY_LETTERS
from asbhub.pii.recognizers.matching import PatternMatching
from asbhub.pii.recognizers.uk_vehicle_registration import PHONETIC, PHONETIC_SPELLING

# Capitalised words that follow roles but are not names.
_NOT_NAME = (
    r"(?!(?:The|He|She|They|His|Her|Their|It|This|That|Police|Council|Housing|Officers?|Team"
    r"|ASB|PCSO|PC|CCTV|Mr|Mrs|Ms|Miss|MR|MRS|MS|MISS|Was|Is|Has|Had|And|Or|Of|On|In|At|To|Who"
    r"|Which"
    r"|When|Then|Also|Not|Called|Reports?|Reported|Says|Said|States?|Stated|Advised|Attended"
    r"|Street|Road|Lane|Avenue|Close|Drive|Park|Estate|School|Station|Shop|Centre|Is"
    r"|ID|DOB|NFA|PNC|RP|IP|VRM|OIC|CAD|NHS|GP|MH|DA|ABC|CBO|CPW|NI|Tel|Mob|Email|Contact|Loc"
    r"|Details|Update|Note|Grade|ON|IN|AT|TO|OF|AND|OR|THE|IS|WAS|FROM|WITH|FOR|BY|HAS|HAD|HE"
    r"|SHE|THEY|WHO|BUT|NOT"
    r"|INC|REF|URN)\b)"  # a record's label after Police Scotland's "PS": "PS INC PS-2026…"
)
# An article or an owner before a word, which makes a thing of it ("the road", "her lot"); the
# patterns that refuse a name after one add what else they refuse ("your", "this").
_ARTICLE_OR_OWNER = r"the|a|an|my|his|her|their|our"
# Roles' letters: a licensed premises' supervisor, a school's safeguarding lead, a single point
# of contact ("spoke to DPS at the Marquis of Granby").
_ROLE_LETTERS = r"(?:DPS|DSL|SPOC)"
# A person's initials, a Gaelic prefix kept: "GH", "JMW", "CMcK", "AMcC".
# (an apostrophe's too: "RO'K" for Ryan O'Kane; not a word's: "IT'S")
_INITIALS = r"\p{Lu}(?:\p{Ll}?\p{Lu}|['’](?!S\b)\p{Lu}){1,3}"
# Letters of any Latin script, so "Élodie", "D'Souza", "McDonald" are whole names.
_CAPITALISED = r"\p{Lu}[\p{Ll}'’]+(?:\p{Lu}\p{Ll}+)?"
_NAME = (
    rf"{_NOT_NAME}{_CAPITALISED}(?:-{_CAPITALISED})?"
    # (not "GL1022": a collar, nor a role's letters: "spoke to DPS")
    rf"|{_NOT_NAME}(?!{_ROLE_LETTERS}\b)\p{{Lu}}{{2,}}(?:['’\-]\p{{Lu}}{{2,}})?(?!\d)"
    rf"|\p{{Lu}}['’]\p{{Lu}}\p{{L}}+"  # O'ROURKE, D'Arcy
    rf"|\p{{Lu}}-{_CAPITALISED}"  # a letter and a word, as street names go: "T-Bone", "J-Dog"
)
# "Mrs E M Lawson", initials run together with their dots ("PC J.P. WHITLOCK") and a short
# forename ("Mr Rh. Jenkins")
_NAMES = (
    rf"(?:\p{{Lu}}\.?\s|\p{{Lu}}\.(?=\p{{Lu}}\.)|{SHORT_FORENAME}\s?){{0,3}}"
    rf"(?:{_NAME})(?:\s(?:{_NAME})){{0,2}}"
)
_TITLE = (
    r"(?i:mr|mrs|ms|miss|mx|dr|md|master|sir|dame|lady|lord|cllr|councillor|rev|prof)\.?"
    r"|(?:PC|PCSO|PS|DC|DS|DI|DCI|Sgt|SGT|Insp|INSP|Officer|OFFICER|Nurse|Cons|CONS|Const|CONST|Cst|CST)"
    # "Cons Ward", "Const. McKnight", "Cst Orr": a constable (PSNI's shorthand)
    r"\.?(?:\s\d{2,5})?"
    # ranks written out: "Chief Inspector Holt", "Detective Sergeant Ashby", "Superintendent Lee"
    r"|(?:(?:Chief|Detective|Police|Temporary|Acting|Det\.?)\s+){0,2}"
    r"(?:Inspector|Sergeant|Constable|Superintendent|Chief\s+Superintendent)"
    r"|(?:CHIEF\s+|DETECTIVE\s+)?(?:INSPECTOR|SERGEANT|CONSTABLE|SUPERINTENDENT)"
    # the bench: "DJ(MC) Ashworth", "District Judge Fairbairn", "HHJ Patel", "Recorder Lowe"
    r"|(?:Deputy\s+)?District\s+Judge|(?:His|Her)\s+Honour\s+Judge|Judge|JUDGE|Recorder|RECORDER"
    r"|(?:DJ|DDJ)(?:\s?\((?:MC|mc)\))?|HHJ"
)
# "known as", and where or to whom between: "known round the city centre as scouse dean"
_KNOWN_AS = r"known(?:\s+(?!as\b|for\b)[a-z]+){0,4}?\s+as"
_CUE = (
    rf"(?i:named(?:\s+as)?|nicknamed|{_KNOWN_AS}|aka|a\.k\.a\.?|names?\s+(?:is|was|of|given\s+as)"
    rf"|names?\s*:|names\s+are|names?\s+given(?:\s+as)?\s*:|identified\s+as|believed\s+to\s+be"
    rf"|{NICKNAME_CUES}"
    r"|gives?\s+(?:(?:his|her|their)\s+)?name(?:\s+as)?|gave\s+(?:(?:his|her|their)\s+)?name\s+as"
    r"|surname(?:\s+(?:is|was))?|first\s+name(?:\s+(?:is|was))?|forename"
    r"|(?:surname|forenames?|nominal|subject)\s*:"
    r"|kn(?:ows?|ew)\s+(?:(?:him|her|them)\s+)?(?:only\s+)?as"
    r"|it['’]?s\s+me,?)"  # a writer naming themself: "hi sarge its me, Brooke"
)
# Cues strong enough to take a lower-case word as a name ("aka tiny"); "believed to be" is not.
_STRONG_CUE = (
    rf"(?i:named|nicknamed|{_KNOWN_AS}|aka|a\.k\.a\.?|names?\s+(?:is|was|of|given\s+as)|names?\s*:"
    rf"|names\s+are|names?\s+given(?:\s+as)?\s*:|{NICKNAME_CUES})"
)
# A family's people after its name: "the Pickering lad", "the Keeling household".
_FAMILYS_PEOPLE = r"(?:lads?|boys?|girls?|brothers|sisters|twins|family|kids|household)"
# A quoted word after "called"/"known as" is a name or nickname: called "Tanner", aka "Fen".
_QUOTED_CUE = (
    rf"(?i:called|named|nicknamed|{_KNOWN_AS}|aka|a\.k\.a\.?|goes\s+by"
    rf"|{SELF_NAMING}|{DISPLAY_NAME}"
    r"|kn(?:ows?|ew)\s+(?:him|her|them)\s+as|calling\s+(?:him|her|them)(?:sel(?:f|ves))?"
    r"|(?:they|people|everyone|others)\s+call(?:\s+(?:him|her|them))?|call\s+(?:him|her)"
    r"|named\s+(?:one|him|her)(?:\s+[a-z]+)?\s+only\s+as)"  # "named one lad only as 'Mousey'"
)
_ROLE = (
    r"(?i:son|daughter|brother|sister|mum|mother|dad|father|partner|boyfriend|girlfriend|husband"
    r"|wife|ex|neighbour|neighbor|friend|nephew|niece|cousin|grandson|granddaughter|uncle|aunt"
    r"|stepson|stepdaughter|victim|suspect|caller|informant|complainant|witness|tenant|resident"
    r"|occupant|youth|male|female|lad|girl|boy|child|vp|ip|rp|ap|sus|subject|perpetrator"
    r"|detainee|dp|reporter|interpreter|interp|solicitor|pal|mate|lodger|sibling|nan|nana|nanna"
    r"|gran|granny|grandma|grandad|grandmother|grandfather|auntie|stepdad|stepmum|stepfather"
    r"|stepmother|guardian|fiance|fiancée|fiancee"
    r"|eldest|youngest"
    r"|stopped:?"
    r"|offender|landlord|landlady|carer|owner|occupier|spoke\s+to|speak\s+to|contacted|visited"
    # a vehicle's registered keeper: "RK DARNELL ASHWORTH", "r/k Mrs Joan Pike"
    r"|rk|r/k|registered\s+keeper"
    # whom a letter or a meeting is for, or chaired by: "FAO Kendal Rigby", "c/o Mrs Aoife
    # MacNamara", "chaired by Lincoln Hayes"
    r"|fao|f\.a\.o\.?|attn|c/o|chaired\s+by"
    # who cares for someone, by their job: "HCA Blessing", "keyworker Faith", "CPN Ruth"
    r"|(?-i:HCA|CPN|AMHP|RGN|RMN|HCSW)|keyworker|key\s+worker|support\s+worker|care\s+worker"
    r"|paramedic|nurse)"
)
# "mother of Summer", "carer of Mr Hughes": a relation's person (not "owner of Kim's Café").
_KIN_OF = (
    r"(?i:mother|father|mum|dad|son|daughter|brother|sister|aunt|auntie|uncle|nan|gran|grandson"
    r"|granddaughter|grandmother|grandfather|cousin|partner|wife|husband|carer|guardian|stepdad"
    r"|stepmum|stepfather|stepmother|niece|nephew|friend)"
)
_LOWER_WORD = (
    r"(?!(?:the|a|an|and|he|she|they|him|her|them|his|is|was|to|of|on|in|at|by|for|police"
    r"|back|again|out|round|over|up|down|him|me|us|it|that|this|because|but|so|as|another"
    r"|someone|somebody|everyone|anyone|names|off|in|abt|about|just|ok|okay|sorry|u|ur|not"
    r"|really|still|only|gonna|going|been|being|having|believed|probably|possibly|maybe"
    r"|cc|bcc)\b"  # (a copy sent: "HMO officer cc'd")
    # a modal before its verb: "officer will install", "pcso may attend"
    r"|(?:will|may|can|would|could|should|must)\s+(?:not|be|have|attend|call|contact|visit|speak"
    r"|install|arrange|update|review|check|return|ring|phone|do|go|make|send|look|follow|continue"
    r"|seek|take|provide|monitor|liaise|need|also|now|then|try|write|email|meet|discuss|refer"
    r"|pass|patrol|revisit|chase|keep|get|give|add|issue|serve|record|log|attend)\b)"
    r"\p{Ll}[\p{Ll}'’\-]+"
)


# How a writer says they feel after "hi im": no name.
_FEELING = (
    r"(?:sick|fed|worried|scared|afraid|concerned|disgusted|fuming|livid|upset|so|very|at|in"
    r"|on|from|your|ur|a|the)\b"
)
# Words that close a message before the writer's name.
_SIGN_OFF = (
    r"(?:(?i:thanks|thank\s+you|many\s+thanks|cheers|ta|regards|kind\s+regards|best\s+regards"
    r"|warm\s+regards|best\s+wishes|best|yours(?:\s+(?:sincerely|faithfully|truly))?|sincerely"
    r"|speak\s+soon|thx|rgds)"
    # and a signature's word, capitalised as a form prints it ("Signed G R Pugh"; not "an ABC
    # signed Jan")
    r"|(?-i:Signed|SIGNED)(?:\s+(?i:by))?:?)"
)
# Not a name, whatever the case: people, pronouns and kin ("boys and girls (ages 9 and 10)").
_NOT_PEOPLE = (
    r"(?!(?i:boys?|girls?|lads?|men|man|women|woman|kids?|children|males?|females?|youths?|sons?"
    r"|daughters?|mum|mam|dad|parents?|he|she|him|her|them|they|us|we|you|victims?|suspects?"
    r"|brothers?|sisters?|friends?|mates?|neighbours?|residents?|tenants?|staff|pupils?"
    r"|students?|everyone|someone|anyone|nobody|somebody|everybody|the|a|an|one|two|three|this"
    r"|that|council|police|school|club|family|families|twins|cousins?|others?|all|both)\b)"
)


# A letter as a caller spells a name: "W", "M for mother", "capital L", "A-L" (a run joined by
# dashes), and "dash" for the hyphen in it.
_SPELT_LETTER = r"(?:capital\s+)?[A-Z](?:-[A-Z])*(?:\s+for\s+[A-Za-z]+)?|dash"
# The phonetic alphabet's words in capitals, as a spelled name is typed: "Sierra-Hotel-Echo".
_PHONETIC_CAPITAL = "(?i:" + PHONETIC + r")(?<=\b[A-Z]\w*)"


class PersonContextRecognizer(PatternMatching):
    """Context-anchored names; the title or cue itself is not part of the span."""

    # A pattern runs only where the text holds what it cannot match without: the alias pattern
    # where the text says a real name follows, the bracketed ones where such a bracket is, a
    # quoted name where a quotation mark is, a sign-off's name where a sign-off's word is.
    GATES: ClassVar[dict[str, str | tuple[str, ...]]] = {
        "First name before its organisation": r"\w\s/\s",
        "Initials, their body, then an action": r"\)\s+(?:to|will|agreed|confirmed)\s",
        "Initials signing a note": r"[-–—]\s?[A-Z]{2,3}\s*$",
        "Alias before a real name": ALIAS_GATE,
        "First of a pair before a bracket about both": rf"\({BOTH_BRACKET}",
        "Second of a pair before a bracket about both": rf"\({BOTH_BRACKET}",
        "Name before a bracket about the person's name": (
            r"\((?:[^()\n]{0,25}\b(?i:surname)\b|\s*(?i:real\s+name))"
        ),
        "Speaker with their agency": r"\)\s?:",
        "Name before their people": rf"['’]s\s+{THEIR_PEOPLE}",
        "Operator of a log entry": r"(?i:\bop)",
        "Initials given an action": r"\sto\s",
        "Initials owning an item of an actions list": r"(?i:action)",
        "Name given an action": r"(?i:action)",
        "Initials in an attendance list": ATTENDANCE_HEAD,
        "Speaker of a quoted chat line": r"[\"“]",
        "Quoted nickname beside a person's word": r"[\"“]",
        "Quoted name after a cue": r"[\"“‘']",
        "Quoted nickname before an age": r"\(\s*[\"“]",
        "Surname after a quoted nickname": r"[\"“‘']",
        "Answer to a name question": r"\?",
        "Value of a name field": r"[=:]",
        "Value of a name element": r"</",
        "Speaker of a chat message": r"\d[:.]\d\d",
        "Name spelled out": ("-", r"(?i:spel|that)"),
        "Name greeted": r"(?i:hi|hiya|hello|dear|morning|afternoon|evening)\s",
        "Name before an e-mail in brackets": r"<[^<>@\s]+@",
        "Name asked to do something": r"\s(?:can|could|would|will)\s+you\b",
        "Letters spelled one by one": (r"\b[A-Z],", r"\sfor\s", "-"),
        "Name in the phonetic alphabet": rf"(?i:\b{PHONETIC})",
        "Name after 'my' before a verb": r"(?i:\bmy\s)",
        "Family name before its people": (rf"(?i:\s{_FAMILYS_PEOPLE}\b)"),
        "SURNAME with an apostrophe prefix in capitals": r"['’]",
        "SURNAME after an arrest or report verb in capitals": rf"{ARREST_VERBS}\s",
        "Street nickname of 'Lil' and a letter or a name": r"(?i:\blil)",
        "Name after a sign-off": (
            r"(?i:thank|cheers|\bta\b|regards|best|yours|sincerely|speak|thx|rgds|signed)"
        ),
        "Names in a log's staff list": rf"{STAFF_LABEL}\s*:",
        "Initials owning a cell of an actions table": rf"(?i:{ACTIONS_TABLE_WORDS})",
    }
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("Title then name", rf"\b(?:{_TITLE})\s+\K{_NAMES}", 0.7),
        # An export's initial and SURNAME with a date of birth glued on: "T.GRANTdob010309",
        # "M.O'SULLIVAN dob 22/11/08".
        Pattern(
            "Initial and surname before a birth word",
            r"(?-i:\b[A-Z]\.\s?(?:O['’]|MC|MAC)?[A-Z][A-Z'’\-]+)(?=\s?(?i:dob|d\.o\.b)[\s:.\-]{0,3}\d)",
            0.6,
        ),
        Pattern(
            "Title then lower-case surname",
            rf"\b(?:(?i:mr|mrs|ms|miss)\.?|(?i:pcso|pc|sgt|dc|ps|ds|di|insp|officer|worker)\.?"
            rf"(?:\s\d{{2,5}})?"
            # a doctor, where "dr" cannot be a drive's: "seen by dr okonkwo" (not "3 park dr")
            r"|(?<=\b(?i:by|to|saw|see|seen|with|from|and|gp|named|called)\s)(?i:dr)\.?)"
            r"\s+\K(?!(?i:pcso|pc|sgt|dc|ps|ds|di|insp|officer|mr|mrs|ms|miss|dr)\b)"
            # (an Irish surname's particle and its accents: "mrs ó ríordáin", "ms ní bhriain")
            rf"(?:[a-z]\.?\s)?(?:(?:ap|ab|mc|mac|van|de|le|la|di|da|ó|ní|nic|uí)\s)?{_LOWER_WORD}"
            r"(?:\s[a-z]+-[a-z]+)?",  # "mrs penny rice-oduya", "pc r. ap gwilym"
            0.5,
        ),
        # (a form's label too: "KNOWN AS: Peggy")
        Pattern("Cue then name", rf"\b{_CUE}(?:\s*:)?\s+\K{_NAMES}", 0.7),
        # The value of an export's name field, in any case: "subj_surname=o'neill",
        # "forename: ryan", "full_name=Leigh Dunn".
        Pattern(
            "Value of a name field",
            r"(?i:(?:\b|_)(?:forenames?|surname|first_?name|last_?name|full_?name|given_?names?"
            # in JSON too: '"last_name": "Pryce-Jones"'
            r"|family_?name|middle_?names?)[\"']?\s*[=:]\s*[\"']?)\K"
            r"\p{L}[\p{L}'’\-]*(?:\s\p{L}[\p{L}'’\-]*){0,2}?(?=\s*(?:[;,|&\n\"']|$|\s\w+[=:]))",
            0.6,
        ),
        # An XML element of a name: "<Surname>McCANN</Surname>", "<Forenames>Aoife</Forenames>".
        Pattern(
            "Value of a name element",
            r"<(?i:(?:\w+:)?(?:forenames?|surname|first_?name|last_?name|full_?name|given_?names?"
            r"|family_?name|middle_?names?|name))>\s*\K\p{L}[\p{L}'’\-]*(?:\s\p{L}[\p{L}'’\-]*){0,3}"
            r"(?=\s*</)",
            0.6,
        ),
        # A name spelled out letter by letter, as a caller gives it: "A-G-N-I-E-S-Z-K-A",
        # "P-E-N-G-E-double L-Y", "spelled K for kilo, A, L, E, E, M".
        Pattern(
            "Name spelled out",
            r"(?-i:\b[A-Z](?:-(?:double\s)?[A-Z]){3,}\b"
            # (the letter first, so that the look back runs only at a capital)
            r"|[A-Z](?<=(?i:spel(?:led|t|ling)(?:\s+it)?|that['’]?s)[\s:,]{1,3}[A-Z])"
            r"(?:\s+for\s+[a-z]+)?(?:,?\s(?:double\s)?[A-Z](?:\s+for\s+[a-z]+)?(?![\w'’])){3,})",
            0.6,
        ),
        # Letters spelled one by one, as a caller gives a name: "W, I, S, N, I, E, W, S, K, I",
        # "M for mother, A, C, K, I, E", "A-L, dash, R-A-W-I", "Sierra-Hotel-Echo-Alpha".
        Pattern(
            "Letters spelled one by one",
            rf"(?<![\w'’\-])(?:(?:{_SPELT_LETTER})(?:,\s*(?:{_SPELT_LETTER})(?![\w'’])){{3,}}"
            r"|[A-Z]\s+for\s+[A-Za-z]+(?:,\s*[A-Z](?:\s+for\s+[A-Za-z]+)?(?![\w'’])){2,}"
            # a run joined by dashes, then more: "A-L, dash, R-A-W-I", "M-A-C, capital L-E-O-D"
            rf"|[A-Z](?:-[A-Z])+(?:,\s*(?:{_SPELT_LETTER})(?![\w'’])){{1,}}"
            rf"|{_PHONETIC_CAPITAL}(?:-{_PHONETIC_CAPITAL}){{3,}})(?![\w'’\-])",
            0.6,
        ),
        # A name spelled in the phonetic alphabet, four letters or more, each word alone or
        # after its letter: "oscar romeo lima alpha", "Sierra Tango Oscar Kilo Echo Sierra",
        # "B for bravo, E echo, B bravo, B bravo" (a plate or a postcode says digits too).
        Pattern(
            "Name in the phonetic alphabet",
            rf"(?<![\w'’\-]){PHONETIC_SPELLING}(?![\w'’\-])",
            0.6,
        ),
        Pattern(
            "Cue then lower-case name",
            # not what the writer is doing or feeling: "hi im writing", "hi im fed up"
            rf"\b{_STRONG_CUE}\s+\K(?![a-z]+ing\b|{_FEELING})"
            rf"{_LOWER_WORD}(?:\s{_LOWER_WORD})?",
            0.5,
        ),
        # A nickname in quotes, then an age, in brackets after the name: 'Liam ("moz", 13)'.
        Pattern(
            "Quoted nickname before an age",
            r"\(\s*[\"“]\K\p{L}[\p{L}'’\-]+(?=[\"”],\s*\d{1,2}\s*\))",
            0.6,
        ),
        Pattern(
            "Quoted name after a cue",
            rf"\b{_QUOTED_CUE}\s+[\"“‘']\K\p{{L}}[\p{{L}}'’\-]+(?:\s\p{{L}}[\p{{L}}'’\-]*){{0,2}}"
            r"(?=[\"”’'])",
            0.7,
        ),
        Pattern(
            "Quoted nickname beside a person's word",
            r"\b(?i:with|and|by|saw|told|tells|asked|from|&|youth|male|lad|susp|suspect)\s+[\"“]\K"
            r"(?!(?:The|A|An|No)\b)\p{Lu}[\p{L}'’\-]*(?:\s\p{Lu}[\p{L}'’\-]*)?(?=[\"”])",
            0.5,
        ),
        Pattern(
            "Surname after a quoted nickname",
            rf"[\"“‘'][A-Z][A-Za-z'’\-]{{0,25}}(?:\s[A-Z][A-Za-z'’\-]{{0,25}})?[\"”’']\s\K(?:{_NAME})(?![\w'’])",
            0.6,
        ),
        Pattern(
            "Initial and surname", rf"(?<![\w.])[A-Z]\.\s?{_NOT_NAME}[A-Z][a-z'’]{{2,}}\b", 0.5
        ),
        Pattern(  # "MARSHALS ON SHIFT A. BELL / R. GRANT"
            "Initial and surname in capitals",
            rf"(?<![\w.])[A-Z]\.\s?{_NOT_NAME}[A-Z]{{2,}}(?:['’\-][A-Z]{{2,}})?\b",
            0.5,
        ),
        Pattern(  # "m. o'donoghue", "j. mcallister": a Gaelic surname is one in any case
            "Initial and Gaelic surname",
            r"(?<![\w.])[A-Za-z]\.?\s(?=[OoMm])"
            r"(?:[Oo]['’][A-Za-z]{2,}|[Mm]c[A-Za-z]{2,}|Mac[A-Z][a-z]+)\b",
            0.5,
        ),
        Pattern(
            "Initials and surname",  # "J.P. Okafor", "j.p. okafor", "A.J. McBride"
            r"(?<![\w.])(?!(?i:a\.m|p\.m|e\.g|i\.e|n\.b|p\.s|a\.k|b\.t|r\.i)\.)"
            r"[A-Za-z]\.[A-Za-z]\.\s?[A-Za-z][a-z'’]+(?:[A-Z][a-z]+)?\b",
            0.5,
        ),
        Pattern("Role then name", rf"\b{_ROLE}\s+\K{_NAMES}", 0.45),
        # (between commas after a person's relation: "Her grandson, Artyom, lives in Hessle")
        Pattern(
            "Name set between commas after a relation",
            rf"\b(?i:his|her|their|my|our)\s+{_ROLE},\s+\K{_NAMES}(?=,)",
            0.45,
        ),
        Pattern("Relation of a named person", rf"\b{_KIN_OF}\s+of\s+\K{_NAMES}", 0.45),
        # A street name or nickname given before the person's real one: "Little D (real name
        # Dwayne)", "KAYZO (believed Kayode Balogun)", "says scrappy is really Leon".
        Pattern(
            "Alias before a real name",
            # (not a thing the sentence has: "from over the road (real name Darren Smith)")
            rf"(?<![\w'’\-])(?<!\b(?i:{_ARTICLE_OR_OWNER})\s)\K"
            rf"(?-i:\p{{Lu}}[\p{{L}}'’\-]*\s)?[\p{{L}}\d'’\-]+(?={ALIAS_AFTER})",
            0.5,
        ),
        # A note signed at its end by a first name and the writer's team: "… diary sheets
        # attached. Kev, Tenancy Enforcement", "Sian, ASB Team".
        Pattern(
            "First name and team signing a note",
            r"(?-i:(?<=[.!?]\s{1,2})\p{Lu}\p{Ll}{1,14}(?=,\s+(?:[A-Z][A-Za-z&]*\s+){0,4}"
            r"(?:Team|Enforcement|Officer|Unit|Housing|Services?|Safety|Hub|Partnership|Council"
            r"|Police|Support|Manager|Coordinator|Co-ordinator|Lead)\.?\s*$))",
            0.5,
        ),
        # Whose birthday or do it is: "a few people round for Megan's 21st", "Kayden's party"
        Pattern(
            "Name before its birthday or party",
            r"(?-i:(?<![\w'’\-])\p{Lu}\p{Ll}{2,14}(?=['’]s\s+(?:\d{1,2}(?:st|nd|rd|th)\b"
            r"|(?i:birthday|bday|b['’]day|party|funeral|wake|wedding|christening|leaving\s+do)\b)))",
            0.45,
        ),
        # A street nickname of "Lil" and a letter or a name: "Lil T", "lil t", "LIL MO", "Lil
        # Jay" (and Lil as a woman's name is a person's all the same); not "a lil bit".
        Pattern(
            "Street nickname of 'Lil' and a letter or a name",
            r"(?-i:\b(?:Lil|LIL|lil)['’]?\s+(?:[A-Z][a-z]{1,11}|[A-Z]{2,5}|[B-HJ-Z]|[b-hj-z])"
            r"(?![\w'’\-]))",
            0.6,
        ),
        # A transcribed chat's speaker at the start of each quoted line ('"mouse: me n kenzo"');
        # names.py keeps it only where the note quotes two or more such lines.
        Pattern("Speaker of a quoted chat line", rf"[\"“]\K{CHAT_SPEAKER}(?=:\s)", 0.5),
        # A sign-off and the name under it, where the message or a field ends: "Thanks, Tendai
        # | Manchester City Council", "Kind regards, Ffion Hedd / ASB Team", "cheers dan".
        Pattern(
            "Name after a sign-off",
            rf"(?:^|[.!\s]){_SIGN_OFF},?\s+\K(?:{_NAMES}(?=\s*(?:$|[|/\n(\-–—]|,\s|\.\s)"
            rf"|{JOB_TITLE_NEXT})"
            rf"|{_LOWER_WORD}(?:\s{_LOWER_WORD})?(?={JOB_TITLE_NEXT})|{_LOWER_WORD}(?=[\s.!]*$))",
            0.55,
        ),
        # A person's initials in minutes, their body in brackets, then the action they own:
        # "(1) JT (MDC) to progress the closure order", "KM (Notts Fire & Rescue) to visit".
        Pattern(
            "Initials, their body, then an action",
            r"(?-i:\b(?!(?:PC|PS|DC|DS|DI|CI|IP|RP|VP|OIC|ASB|CSP|YOS|YOT|NPT|SNT|NHS|CPN|CBO)\b)"
            r"[A-Z]{2,3})(?=\s\([A-Z][\w&'’,.\- ]{1,40}\)\s+(?:to|will|agreed|confirmed)\s+[a-z])",
            0.5,
        ),
        # A note signed with initials after a dash, where it ends: "… behaviour agreement. - JB".
        Pattern(
            "Initials signing a note",
            r"(?<=[.!?)]\s{1,3}[-–—]\s?)(?-i:(?!(?:NPT|SNT|NHT|CSU|ASB|CID|OIC|PC|PS|YOS|YOT|CSP"
            r"|NFA|TBC|ETA|UPD|LOL|END|ENDS|FYI|PTO)\b)[A-Z]{2,3})(?=\s*$)",
            0.5,
        ),
        # A writer's first name and their organisation after a slash, where a sentence starts:
        # "… w/c 27/01. Kerry / Somerset Council ASB Team", "ext 2241? Ravi / Places for People"
        # (names.py keeps it only where the word is a first name).
        Pattern(
            "First name before its organisation",
            r"(?:^|(?<=[.!?]\s{1,3})|(?<=\n))\K\p{Lu}\p{Ll}{2,}(?=\s/\s(?:[\p{Lu}&][\w&'’\-]*\s"
            r"|(?:for|of|the|and|in)\s){0,5}(?i:council|housing|homes|police|constabulary|trust"
            r"|association|partnership|people|team|service|services|fire|nhs|probation|yjs|yos"
            r"|academy|school|college|group|living|home|hub)\b)",
            0.5,
        ),
        # The person a message greets, and the one a note asks something of: "Hi Rhian, Ely &
        # Caerau joint task", "Dear Morwenna,"; "Gethin can you come from Tai Tarian?" (the
        # cleaning drops teams, bodies and words: "Hi all,", "Housing can you").
        Pattern(
            "Name greeted",
            r"(?:^|(?<=[\s\"“(]))(?i:hi|hiya|hello|dear|morning|afternoon|evening)\s+\K"
            rf"{_NOT_PEOPLE}\p{{Lu}}\p{{Ll}}[\p{{L}}'’\-]*(?:\s\p{{Lu}}\p{{Ll}}[\p{{L}}'’\-]*)?(?=\s*[,!\n])",
            0.5,
        ),
        # A name before its e-mail address in angle brackets: "From: Gwawr Pennant <gwawr…@…>".
        Pattern(
            "Name before an e-mail in brackets",
            r"(?<![\w'’\-])\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+){0,3}(?=\s*<[^<>@\s]+@[^<>\s]+>)",
            0.55,
        ),
        Pattern(
            "Name asked to do something",
            r"(?:^|(?<=[.!?]\s)|(?<=\n))\K\p{Lu}\p{Ll}[\p{L}'’\-]+(?=,?\s+(?:can|could|would|will)\s+you\b)",
            0.45,
        ),
        # In a transcript the answer to "your name?" is a name, in any case: "Agent: can i take
        # your name please? User: its sky marshall", "And your name? CALLER: Ploy Srisuk".
        Pattern(
            "Answer to a name question",
            rf"(?i:\b{NAME_ANSWER})\K"
            # (not a refusal: "prefer not to say", "rather not", "anon")
            r"(?!(?i:no|not|why|what|sorry|i|it|can|do|prefer|rather|dont|don['’]t|nope|nah|anon"
            r"|anonymous)\b)\p{L}[\p{L}'’\-]+(?:\s\p{L}[\p{L}'’\-]+)?",
            0.6,
        ),
        # A CAD log's operator before each entry, in any case: "// 19:02 op 5512 HUSSAIN:",
        # "op 3345 mcintyre:", "OPERATOR D. HOLROYD PANS"; not "Op Sceptre", an operation.
        Pattern(
            "Operator of a log entry",
            r"\b(?:(?i:op)\s+(?:\d{2,5}\s+)?\K(?:[A-Za-z]\.?\s)?[\p{L}'’\-]{2,}"
            r"(?:\s[\p{L}'’\-]{2,})?(?:\s[A-Z]\b)?(?=\s?:)"
            r"|(?i:operator)\s+(?:\d{2,5}\s+)?\K(?:\p{Lu}\.?\s)?\p{Lu}[\p{L}'’\-]+)",
            0.6,
        ),
        # Panel minutes give actions to people by their initials: "Actions: AB to check the
        # tenancy; RM to serve a warning". Agencies' and roles' letters are not people's.
        Pattern(
            "Initials given an action",
            r"(?:^|[;:.,]\s*|\band\s+)\K(?=[A-Z]{2,3}\s+to\s)"
            rf"(?!{_AGENCY_LETTERS}\b)[A-Z]{{2,3}}"
            r"(?=\s+to\s+(?:check|serve|review|refer|complete|contact|visit|arrange|update|speak"
            r"|chase|write|send|share|liaise|follow|book|make|offer|consider|confirm|request"
            r"|monitor|attend|feed|raise|seek|provide|discuss|invite|circulate"
            # or a court's conditions on them: "bail cont, RD to comply w/ curfew"
            r"|comply|reside|abide|surrender|observe)\b)",
            0.55,
        ),
        # Or by a name, right after the head: "ACTION: Hywel to write to Ch Insp", "Actions:
        # Sian Roberts to chase the landlord" (names.py keeps a listed first name there, not a
        # role: "Action: Chair to write").
        Pattern(
            "Name given an action",
            rf"\b{ACTIONS_HEAD}\s*[:\-–]\s*\K\p{{Lu}}[\p{{Ll}}'’\-]+(?:\s\p{{Lu}}[\p{{Ll}}'’\-]+)?"
            r"(?=\s+to\s+\p{Ll}+)",
            0.55,
        ),
        # Inside an "Actions:" list every item starts with its owner's initials, whatever
        # follows: "Actions: MH closure notice; TG welfare visit; KN – consider closure; FMcC
        # extra patrols". The list runs to the full stop.
        Pattern(
            "Initials owning an item of an actions list",
            rf"(?:\b{ACTIONS_HEAD}\s*[:\-–]\s*"
            r"|[;,]\s*(?<=\b(?i:actions?)\b[^.\n]{0,300}))\K"
            rf"(?!{_AGENCY_LETTERS}\b){_INITIALS}(?:/(?!{_AGENCY_LETTERS}\b){_INITIALS})?\b"
            r"(?=\s+to\s|\s*[–—\-]\s|\s+\p{Ll}|\s+\p{Lu}{2,}\s+\p{Ll}|\s?\()",
            0.55,
        ),
        # The staff on a log or a session, by their first names after the label: "Staff on: Gary,
        # Shona, Nabeel", "Operator: Eilidh.", "Marshal: Nina (City of York Council)". names.py
        # keeps a listed first name there, whatever else the word is ("Team: Ruth, Glenys").
        Pattern(
            "Names in a log's staff list",
            rf"(?:(?<![\w'’\-])(?=\p{{Lu}}){STAFF_LABEL}\s*:\s*"
            rf"|(?:,|&|\band)\s*(?<=(?<![\w'’\-])(?=\p{{Lu}}){STAFF_LABEL}\s*:[^.\n:;]{{0,100}}))"
            r"\K(?-i:\p{Lu}[\p{Ll}'’\-]+(?:\s\p{Lu}[\p{Ll}'’\-]+)?)"
            r"(?=\s*(?:[,.;&(|]|\band\b|$))",
            0.5,
        ),
        # The owners of an action, by their initials alone in a cell of an actions table: "||
        # A17 | JN / CH | Castle Square – begging | ongoing ||", "| 4.2 | Joint visit | AB/TJ |".
        Pattern(
            "Initials owning a cell of an actions table",
            r"(?:(?<=\|\s?)|(?<=\|\s?\p{Lu}\p{Lu}\s?/\s?))"
            rf"(?<=\b(?i:{ACTIONS_TABLE_WORDS})\b[^\n]{{0,800}})"
            # (two letters: three or more in a cell are as often a body's, a word's or a
            # rating's, "| SWP |", "| RAG |", "| ASAP |"; nor an agency's: "| SW |")
            rf"\K(?!{_AGENCY_LETTERS}\b)\p{{Lu}}\p{{Lu}}"
            rf"(?=\s?(?:/\s?(?!{_AGENCY_LETTERS}\b)\p{{Lu}}\p{{Lu}}\s?)?\|)",
            0.55,
        ),
        # Who was there, each by initials and their agency: "Present: SP (police), HM (Leicester
        # City Council)", "Attendees PK (WMP), DS (whg)". The list runs to the full stop.
        Pattern(
            "Initials in an attendance list",
            rf"(?:\b{ATTENDANCE_HEAD}\s*[:\-–]?\s*"
            rf"|(?:[;,&]|\band)\s*(?<=\b{ATTENDANCE_HEAD}\b[^.\n]{{0,300}}))\K"
            # (several before one bracket: "AR, DMcC & FH (Police Scotland Tayside)")
            rf"(?!{_AGENCY_LETTERS}\b){_INITIALS}\b"
            rf"(?=\s?\(|(?:\s*(?:,|&|and)\s*(?!{_AGENCY_LETTERS}\b){_INITIALS}\b)+\s?\()",
            0.65,  # (above a name list's reading of two: "AR, DMcC")
        ),
        # A Gaelic surname with its article, in any case, and a forename after it: "Catrìona Nic
        # an t-Saoir", "Iain Mac a' Ghobhainn", "MAC AN T-SAOIR, Seumas".
        Pattern(
            "Gaelic surname with its article",
            r"\b(?i:mac|mc|nic|mhic|ní|nì)\s+"
            r"(?i:an\s+t-|an\s+|a['’]\s*|na\s+|nan\s+)\p{L}[\p{L}'’\-]+"
            r"(?:,\s*\p{Lu}[\p{Ll}'’\-]+)?",
            0.6,
        ),
        # A chat or transcript's speaker, after the message's time: "[21:04] Kerry Dobson: …",
        # "12/05/2025, 21:04 - Jo M: …", "[09/05 23:02] Mags: …".
        Pattern(
            "Speaker of a chat message",
            rf"(?:{CHAT_TIME}\s*\K\p{{L}}[\p{{L}}'’\-]*(?:\s\p{{L}}[\p{{L}}'’\-]*\.?){{0,2}}"
            rf"|{BARE_CHAT_TIME}\s*\K\p{{Lu}}[\p{{L}}'’\-]*(?:\s\p{{Lu}}[\p{{L}}'’\-]*\.?){{0,2}})"
            rf"(?={SPEAKER_EMOJI}\s?:)",
            0.6,
        ),
        # A speaker named with their agency, opening what they said: "Faith (Council): What
        # times?", "Orla (NIHE): Thanks."
        Pattern(
            "Speaker with their agency",
            r"(?:^|(?<=[.!?:]\s)|(?<=\n))\K\p{Lu}\p{Ll}[\p{L}'’\-]{0,25}"
            r"(?:\s\p{Lu}\p{Ll}[\p{L}'’\-]{0,25})?(?=\s\([^()\n]{2,30}\)\s?:)",
            0.6,
        ),
        # A word before a bracket about its surname or real name is a name or nickname: "rio
        # (wudnt give surname)", "bazza (real name barry aldous)"; not a thing after its article
        # or its owner ("from over the road (real name Darren Smith)").
        Pattern(
            "Name before a bracket about the person's name",
            rf"\b(?<!\b(?i:{_ARTICLE_OR_OWNER}|your)\s)\p{{L}}[\p{{L}}'’\-]{{1,40}}"
            r"(?=\s?\((?:[^()\n]{0,25}\b(?i:surname)\b|\s*(?i:real\s+name)))",
            0.5,
        ),
        # "my Ellie-May says": a capitalised name after "my" before what that person did.
        Pattern(
            "Name after 'my' before a verb",
            r"\b(?i:my)\s+\K\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?"
            r"(?=\s+(?:says|said|is|was|has|had|told|saw|seen|heard|rang|called|came|went|got))",
            0.5,
        ),
        # A family named by "the" or "that" and its people: "the Pickering lad", "the jenkins
        # boys", "that Polglase boy", "the two Keeling lads", "the Keeling household".
        Pattern(
            "Family name before its people",
            rf"(?i:\b(?:the|that|those)(?:\s+(?:{FAMILY_COUNT}))?)\s+\K"
            r"(?:\p{Lu}[\p{L}'’\-]+|\p{Ll}[\p{Ll}'’\-]+)"
            rf"(?=\s+(?i:{_FAMILYS_PEOPLE})\b)",
            0.45,
        ),
        # A relation then a lower-case name: "his mum dawn", "my mate kyle" (the cleaning keeps
        # only listed first names that are no word).
        Pattern(
            "Relation then lower-case name",
            r"(?i:\b(?:(?:his|her|my|their|your|ur)\s+(?:mum|mam|dad|nan|nana|gran|grandad|grandma"
            r"|brother|sister|bro|sis|son|daughter|mate|m8|pal|cousin|uncle|aunt|auntie|boyfriend"
            r"|girlfriend|bf|gf|partner|wife|husband|missus|fella|baby|grandson|granddaughter"
            r"|nephew|niece|lad|girl|boy|kid)|(?:wife|husband|son|daughter|mother|father|partner"
            r"|brother|sister)\s+of))\s+\K\p{Ll}[\p{Ll}'’\-]+",
            0.45,
        ),
        # An age, then the child's name: "a 14-year-old, Kayden,", "a 15 yr old boy Tom Price".
        Pattern(
            "Name after an age",
            r"(?i:\b(?:a|the|one)\s+\d{1,2}[\s\-]?(?:years?|yrs?|yo|y/o)(?:[\s\-]?old)?"
            r"(?:\s+(?:boy|girl|lad|lass|male|female|youth|child|son|daughter))?,?)\s+\K"
            rf"(?:{_NAME})(?:\s(?:{_NAME}))?",
            0.5,
        ),
        # A Gaelic or Norman surname in capitals stands alone: "I STATE THAT O'NEILL THREW",
        # "D'ARCY"; not "O'CLOCK".
        Pattern(
            "SURNAME with an apostrophe prefix in capitals",
            r"(?<![\w'’])[OD]['’](?!CLOCK\b)\p{Lu}{3,}(?:-\p{Lu}{2,})?\b",
            0.5,
        ),
        # Two joined before a bracket about both of them: "Storm and Summer (sisters, 13 and
        # 14)", "ghost n milky (both approx 17)"; not "boys and girls (ages 9 and 10)".
        Pattern(
            "First of a pair before a bracket about both",
            # the cheap test first: a word, then a joining word
            rf"\b(?=[\p{{L}}'’\-]{{2,26}}\s+{PEOPLE_JOIN}\s)"
            rf"{_NOT_PEOPLE}\p{{L}}[\p{{L}}'’\-]{{1,25}}(?=\s+{PEOPLE_JOIN}\s+{_NOT_PEOPLE}"
            rf"\p{{L}}[\p{{L}}'’\-]{{1,25}}\s?\({BOTH_BRACKET})",
            0.5,
        ),
        Pattern(
            "Second of a pair before a bracket about both",
            # (the cheap test first: a word after a space, then a bracket)
            rf"(?<=\s)(?=\p{{L}}[\p{{L}}'’\-]{{1,25}}\s?\()"
            rf"(?<=\p{{L}}\s+{PEOPLE_JOIN}\s+){_NOT_PEOPLE}\p{{L}}[\p{{L}}'’\-]{{1,25}}(?=\s?\({BOTH_BRACKET})",
            0.5,
        ),
        # Someone's people: "Boswell's lot", "with tank's crew"; not "the council's lot".
        Pattern(
            "Name before their people",
            rf"(?<![\w'’])(?=[\p{{L}}\-]{{2,26}}['’]s\s+{THEIR_PEOPLE})"
            rf"(?<!\b(?i:{_ARTICLE_OR_OWNER}|your|that|this|its)\s)"
            rf"{_NOT_PEOPLE}\p{{L}}[\p{{L}}\-]{{1,25}}(?=['’]s\s)",
            0.5,
        ),
        # A surname in capitals after what was done to or said by its person: "OFFICERS ARRESTED
        # GRABOWSKI AT 15:30", "SAYS MCCANN THREW IT" (the cleaning drops words and places).
        Pattern(
            "SURNAME after an arrest or report verb in capitals",
            rf"(?<=\b{ARREST_VERBS}\s)[A-Z](?:['’][A-Z])?[A-Z\-]{{2,25}}\b(?!['’]?\d)",
            0.5,
        ),
        Pattern(
            "Name with SURNAME in capitals",
            # (a capital first, so the long lookahead runs only at capitalised words)
            rf"\b(?=[A-Z][a-z]){_NOT_NAME}[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s"
            # (nor an agency's, a process's or a form's letters)
            rf"(?!(?:{_AGENCY_LETTERS}|DOB|PNC|HMRC|UK|ICO|ASBO|SOCO|ETA|AKA|DOA|RTC|MOT|TV|OK|ID)\b)"
            r"[A-Z]{3,}(?:-[A-Z]{2,})?\b"
            r"(?![/\-]?\d|/)",  # not a reference's letters: "Case ABS/PHD/ASB/25/071"
            0.55,
        ),
    ]

    def __init__(self, supported_entity: str = "PERSON") -> None:
        super().__init__(
            supported_entity=supported_entity,
            patterns=self.PATTERNS,
            global_regex_flags=0,  # capitals carry the signal here
        )
