"""Clean up PERSON proposals: trim titles and roles off, drop places and labels, find repeats."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Sequence

from asbhub.pii.gazetteers import (
    COMMON_WORD_FIRST_NAMES,
    COMMON_WORD_NAMES,
    MAKES,
    NICKNAME_WORDS,
    common_english_words,
    common_word_names,
    english_words,
    first_names,
    folded,
    make_before,
    named_like_people_around,
    not_names,
    places,
    places_abroad,
    places_named_like_people,
    surnames,
)
from asbhub.pii.gazetteers import wordset as _wordset
from asbhub.pii.resolve import Candidate, Entity

_WORD = re.compile(r"[^\W\d_][^\W\d_'’]*")
# An organisation or a place follows: "Estuary Homes", "Nelson Road", "Basildon Hospital".
# Trades a firm is named for after its owner: "Rahman's Tandoori", "Kowalczyk Transport".
# Shops whose last word makes them a shop however like a person the rest: "Lily Nails".
_SHOPS = r"nails|barbers|salon|tattoos?|florists|launderette|vapes"
_TRADES = (
    r"wash|valeting|tandoori|balti|pizzeria|transport|haulage|removals|tyres|autos|butchers"
    r"|newsagents?|fisheries|heights|motors|hair|beauty|sweets|banqueting|grooming"
    # a takeaway's or a grocer's kind: "Ali Baba Kebab", "Mr Wu's Noodle House", "Al-Noor Halal
    # Meat"
    r"|kebab|noodle|noodles|halal|chippy|chippie|takeaway|shisha|bakery|patisserie|deli|grocers?"
    r"|supermarket|minimarket|cafe|café|restaurant|bistro|brasserie|" + _SHOPS
)
_SHOP_LAST = re.compile(rf"\s(?:{_SHOPS})$", re.I)
# Contractors a council or a landlord sends, named for their owners: "Carrington Glazing",
# "Milne Joinery", "CareWell Homecare", "Hartley Electrical".
_CONTRACTORS = (
    r"glazing|glass|joinery|homecare|electrical|electricians|decorators|decorating|fencing"
    r"|landscaping|landscapes|windows|kitchens|drainage|locksmiths|skips|construction"
    r"|contractors|maintenance|tree\s+surgeons?|pest\s+control|skip\s+hire|plant\s+hire"
    r"|clearances?|groundworks|demolition|recycling|waste\s+management"
)
_LOWER_TRADE_NEXT = re.compile(rf"\s+(?:{_CONTRACTORS})\b")
_CONTRACTOR_LAST = re.compile(rf"\s(?:{_CONTRACTORS})$", re.IGNORECASE)
_ORG_WORDS = (
    r"(?:city\s+|borough\s+|district\s+|county\s+|metropolitan\s+)?(?:council|housing|homes"
    r"|police|trust|association|partnership|services|team|school|academy|college|group|centre"
    r"|center|hospital|road|rd|street|st|lane|avenue|ave|estate|park|station|fire|nhs(?!\s*(?:no\b|number|\d))|mind|care"
    r"|ltd|surgery|pub|hotel|shop|club|church|library|leisure|court|house|close|way|drive"
    r"|crescent|gardens|gdns|square|sq|parade|green|field|fields|interchange|bridge|retail|mall"
    r"|precinct|services|car\s+park|play\s+area|playing\s+fields?|shirt|top|fans?"
    r"|npt|snt|nht|lpt|csu|cid|cmht|yot|yos|uhb|nte|constabulary|barbers?|salon|takeaway|cafe|triage"
    r"|shopping|superstore|stores?|market|clinic|pharmacy|chemist|garage|motors|magistrates|café"
    r"|csp|pcsp|yjs|slo|eho|office|concourse|patrol|lettings|cleaning|propert(?:y|ies)|nails"
    r"|(?:town|village|city|church|community|sports|parish|market|guild|memorial|scout|civic)"
    r"\s+hall"
    r"|estates|agents|bakery|bar|inn|arms|tavern|restaurant|cash|chase|hills|beach|shore|sands"
    r"|banks|moor|heath|common|woods|forest|dales|marsh|downs|bay|reservoir|meadows|rec"
    r"|mbc|pcc|harca|methodist|baptist|mosque|gurdwara|temple|kitchen|garden|wing|ward"
    r"|town|meads?|end|gate|brothers|bros|co-?op|co(?![\-‐])|textiles|convenience|recovery|fish|food"
    r"|service|network|forum|unit|project|scheme|solicitors|lounge|division|agency|practice"
    r"|area|castle|kirks?|grove|brow|quay|wharf|ferry|cpt|nhpt|bcu|tra|jag|pcsos|lpu"
    r"|trailers?|bake|city|(?-i:Watch|Line|Row|Drove|Board|High|HIGH)"
    r"|(?:tram|bus|metro|rail|train|coach)\s+(?:stop|station|stn|depot|shelter)"
    # landmarks and institutions named after people: "Royal Victoria Infirmary", "Adam Smith
    # Theatre", "Wallace Monument", "Queen's University"
    r"|infirmary|university|theatre|theater|museum|monument|statue|memorial|stadium|gallery"
    r"|cathedral|chapel|abbey|priory|nursery|chippy|hub|areas|residents"
    # the faiths' houses and processions: "Shri Ram Mandir", "the Vaisakhi Nagar Kirtan"
    r"|mandir|masjid|vihara?|kirtan|sangat"
    r"|pier|esplanade|lido|pines|marina|harbour|showground|heritage|coastguard"
    r"|institute|island|docks|towers|metro|nbt|loch|airport"
    # a ground's stand, a building's room or suite named after someone, with its capital:
    # "the Sir Alf Ramsey Stand", "Gerald Ashworth Room" (not "Costel, room 5")
    r"|(?-i:Stand|STAND|Room|ROOM|Suite|SUITE|Pavilion|PAVILION)(?!\s*\d)"
    # shops in other languages: Polish, Romanian, Turkish, Urdu and Bengali
    r"|sklep|delikatesy|magazin|bakkal|market|dukan|supermarket"
    rf"|{_TRADES}|place)"
)
# The organisation's word may come one capitalised word later: "Victoria Shopping Centre".
# A firm named after people: "Kim's Nails", "Marsh & Rowe", "Bautista & Reyes Cleaning"; a
# place joined to another: "Calton/Bridgeton CPT"; a firm "& Co" or "& Sons" ("Bashir & Co").
_ORG_AFTER = re.compile(
    r"^(?:['’]s)?\s*&\s*(?-i:Co|Sons?|Partners|Daughters?)\b"
    # a trade's words after a name's possessive, two more words between at most: "Florin's
    # Hand Car Wash", "Rahman's Tandoori", "Aram's Car Valeting", "Kowalczyk Transport"
    rf"|^(?:['’]s)?\s+(?-i:[A-Z][a-z]+\s+){{0,2}}(?i:{_TRADES}|valet|kebabs?|pizza|grill|diner"
    r"|logistics|builders|plumbing|roofing|scaffolding|carpets|flooring|bakers"
    rf"|{_CONTRACTORS}"
    r"|off[\s\-]licen[cs]e|mart|express)\b"
    rf"|^(?:['’]s)?\s*(?:(?:&|/)\s*(?-i:[A-Z][a-z]+|[A-Z]{{3,}})\b\s*)?(?-i:[A-Z][a-z]+\s+)?"
    rf"{_ORG_WORDS}\b"
    # a school's kind between its name and its word: "Sir John Moores Catholic High School"
    r"|^(?:['’]s)?\s+(?-i:[A-Z][a-z]+\s+)?(?-i:(?:Catholic|RC|CE|C\s+of\s+E|Church\s+of\s+England"
    r"|Community|Primary|Secondary|High|Grammar|Junior|Infant|Nursery|Memorial|Free"
    r"|Girls['’]?|Boys['’]?)\s+){1,3}"
    r"(?i:school|academy|college|grammar)\b"
    # or its pupils' dress, or its kind in the plural: "in Carlton Bolling blazers", "St Aidan's
    # & Grace Mary primaries"
    r"|^(?:['’]s)?\s+(?:(?-i:[A-Z][a-z]+)\s+){0,2}(?i:uniforms?|blazers|primaries|schools"
    r"|academies)\b",
    re.IGNORECASE,
)
_ORG_LAST = re.compile(rf"\b{_ORG_WORDS}$", re.IGNORECASE)
# A street named after a preposition is a place: "youths on Rose Lane", "outside Hope Street".
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:on|in|at|along|off|near|nr|outside|opposite|from|to|down|up|via|into|behind|towards"
    r"|toward|past|across|around|round|through|beside|by|under|j/w|jw|jct|junction\s+with)\s+$",
    re.IGNORECASE,
)
_INITIAL = re.compile(r"[A-Z]\.\s?[A-Z]")
# A verb that takes a person, before "to"/"with": "spoke to Bridget Ward" is a person.
_OF_A_NAME_AFTER = re.compile(r"\s+of\s+[A-Z]")
# A person's own title, in lower case as in capitals: "mr", "mrs", "ms", "miss", "mx".
PERSONAL_TITLE_BEFORE = re.compile(r"\b(?i:mr|mrs|ms|miss|mx)\.?\s+$")
_PERSON_VERB_BEFORE = re.compile(
    r"\b(?:spoke|speak|speaking|talked|talking|told|rang|phoned|emailed|wrote|sent|passed"
    # (not "relating to", "visits to", "allocated to": they take places and teams as often)
    r"|given|handed|referred|introduced|engaged|chatted|linked|married|belongs?|belonging"
    r"|registered|lent|leased|let|issued|served|lives|living|stays|staying)"
    r"\s+(?:to|with)\s+$"
    # and what someone made, before "by": "Facebook post by Kayleigh Marsh", "statement taken by
    # Jo Hill" (not "parked by Rose Hill")
    r"|\b(?:post|posts|posted|comment|comments|commented|tweet|tweeted|message|messages|video"
    r"|shared|uploaded|written|wrote|sent|signed|made|taken|given|reported|logged|recorded"
    r"|filmed|statement|letter|e-?mail|complaint|referral|raised|completed|authored|note|notes"
    # and who rang or came: "Warden phoned by Bridget Ward", "visited by Rose Hill"
    r"|phoned|rung|called|contacted|visited|approached|emailed|texted|messaged|threatened"
    r"|assaulted|attacked|abused|harassed)"
    r"\s+by\s+$"
    # and a notice served on its recipient: "abatement notice served on John-Joe Ward"
    r"|\b(?:served|imposed)\s+on\s+$",
    re.IGNORECASE,
)
# Before a district: "in Darnall", "around Foleshill" (not "to" or "from": "spoke to Darnell").
_IN_PLACE_BEFORE = re.compile(
    r"\b(?:in|near|nr|around|across|towards|toward|throughout|within|townland\s+of)\s+$",
    re.IGNORECASE,
)
# After a district comes a comma and its town or postcode, or the end of the address.
_PLACE_AFTER_DISTRICT = re.compile(r"\s*(?:,\s*[A-Z]|\s[A-Z]{1,2}\d|[.;)]|$)")
# A date of birth given right after words marks them a person's name: "Dawn MARSH, DOB 09/09/72",
# "Will Heath (d.o.b. 3/4/01)", "Joy Bell born 2.2.1960".
DOB_AFTER = re.compile(
    r",?\s{0,3}\(?\s?(?:dob|d\.o\.b\.?|date\s+of\s+birth|born)\b[\s:.\-]{0,4}\d", re.IGNORECASE
)
# An age, "surname unknown" or a relation in brackets after a word marks it a person's name:
# "Sanyi (15)", "storm (15, f)", "Guled (surname unknown)", "Eilidh (his partner)".
AGE_AFTER = re.compile(
    r"\s?\((?:[mfMF]\s?,\s?)?(?:aged?\s)?\d{1,2}s?(?:\s?(?:yrs?|years?|y/?o))?"
    r"(?:\s?,\s?[mfMF]\b)?\s?[),]"
    # who they are, then their age: "Bridget Ward (Irish Traveller, 34)"
    r"|\s?\((?:[A-Za-z][A-Za-z\-]{2,}\s?){1,3},\s?(?:aged?\s)?\d{1,2}(?:\s?(?:yrs?|years?|y/?o))?\)"
    r"|\s?\([^()\n]{0,25}\bsurname\b[^()\n]{0,25}\)"
    # or that nothing more is known of the person: "Shwan (no further details)", "Dev (NFD)"
    r"|\s?\((?i:nfd|no\s+(?:further|other|more)\s+(?:details|info(?:rmation)?)"
    r"|(?:details|dob|age)\s+(?:unknown|not\s+known|nk))\)"
    # or who the person is to someone: "Eilidh (his partner)", "Blessing (the son)"
    r"|\s?\((?i:(?:his|her|their|the|my|our|your)\s+)?"
    r"(?i:son|daughter|brother|sister|mum|dad|mother|father|nan|gran|cousin|partner|husband"
    r"|wife|boyfriend|girlfriend|ex|friend|uncle|aunt|auntie|nephew|niece|grandson"
    r"|granddaughter|stepson|stepdaughter|stepdad|stepmum|carer|lodger)\b[^()\n]{0,25}\)"
)
# A person's relations, for the cues before and after a name.
_RELATIONS = (
    "son daughter brother sister mum dad mother father nan cousin mate friend boyfriend"
    " girlfriend partner husband wife"
)


def _any_of(words: str) -> str:
    """An alternation of the words, longest first."""
    return "|".join(sorted(words.split(), key=len, reverse=True))


# A person's relation after a possessive makes the word before it a name: "Kwabena's little
# brother", "Jan-Willem's father", "kyle's mum".
# The word for a child right before a name: "her son Bentley (11)".
CHILD_BEFORE = re.compile(
    r"\b(?i:son|daughter|child|grandson|granddaughter|nephew|niece|brother|sister|stepson"
    r"|stepdaughter)\s+$"
)
KIN_AFTER = re.compile(
    r"\s+(?:(?:little|big|older|younger|elder|baby|twin|step)\s+)?"
    rf"(?:{_any_of(_RELATIONS + ' gran uncle aunt auntie kids children')})\b",
    re.IGNORECASE,
)
# Last words of districts and landmarks that are also surnames ("Barton Hill", "Page Hall"):
# a place only after a word that puts something there.
_PLACE_LAST_WORDS = (
    "hill hall leys bay point cross green park vale heath end side field fields wood brook"
    " bridge gate common moor dale bank sands oak grove croft down downs ferry isle pond quay"
    " lea lake mere marsh"
    " fell tarn crag"  # the North's hills and waters: "Lambrigg Fell"
)
_PLACE_LAST = frozenset(_PLACE_LAST_WORDS.split())
_PREV_WORD = re.compile(r"([A-Z][^\W\d_]*)\s+$")
_AT_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|on|near|nr|around|across|towards|outside|behind|opposite|of|from|j/w|jw"
    r"|attended|patrolled|patrolling)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A landmark's town in brackets after it: "Victoria Park (Tipton)".
_TOWN_IN_BRACKETS = re.compile(r"\s?\(([A-Z][a-z]+(?:[\s\-][A-Z][a-z]+)?)\)")
# How English, Scots and Welsh place names end; a single unlisted word ending so is a district
# (not "Kayden", "Jaiden": first names).
_PLACE_ENDING = re.compile(
    r"(?:ham|ton|ington|ley|by|field|wick|worth|ford|bury|borough|brough|stead|mead|moor|dale"
    r"|thorpe|hurst|(?<!ay|ai|ae)den|don|well|minster|chester|caster|cester|mouth|wich|stow|combe|croft"
    r"|shaw|holme|burn|haugh|muir|hill|ston)$"
)
# A compass word with a place or district: "East Riding", "Cheshire West", "South Lakeland".
_COMPASS = frozenset(
    ["north", "south", "east", "west", "mid", "central", "greater", "upper", "lower"]
)
# Street words that are hardly ever surnames: "Joy Street", "Rose Close" are streets, whereas
# "Rose Lane", "Holly Green" may be people.
STREET_NOT_SURNAME = frozenset(
    [
        *("street", "st", "road", "rd", "avenue", "ave", "close", "drive", "crescent", "terrace"),
        *("way", "sq", "gdns"),
    ]
)
# A common-word first name used as a verb: "Mark the location", "Will you call back", "Mark as
# closed", "Mark my words".
_VERB_USE = re.compile(
    r"\s+(?:the|a|an|you|we|i|they|it|this|that|these|those|be|not|he|she|someone|all|up|as"
    r"|my|your|his|her|our|their|me|him|them|us)\b"
)
# Names given that are nobody's: characters given as a false name at a stop, and the
# placeholders of forms and examples.
NO_ONES_NAMES = frozenset(
    [
        "mickey mouse",
        "minnie mouse",
        "donald duck",
        "bugs bunny",
        "bart simpson",
        "homer simpson",
        "peppa pig",
        "harry potter",
        "santa claus",
        "father christmas",
        "fred flintstone",
        "scooby doo",
        "spongebob squarepants",
        "postman pat",
        "bob the builder",
        "ronald mcdonald",
        "joe bloggs",
        "john doe",
        "jane doe",
    ]
)
# The PNC's warning signals by their letters after their word: "warning markers VI and DR",
# "markers: WE, SH".
_WARNING_MARKERS_BEFORE = re.compile(
    r"\b(?i:warning\s+(?:markers?|signals?|flags?)|markers?|signals?)\s*:?\s*"
    r"(?:[A-Z]{2}(?:\s*(?:,|and|&|/)\s*))*$"
)
# A person's name already taken out of a report, by a label and its letter or number: "Child
# A", "Youth 2", "Young Person B", "Adult C".
ANONYMISED_LABEL = re.compile(
    r"(?:Child|Adult|Person|Young\s+Person|YP|Subject|Victim|Suspect|Witness|Male|Female|Youth"
    r"|Resident|Neighbour|Parent|Pupil|Tenant|Sibling|Nominal|Complainant|Perpetrator)"
    r"\s+(?:[A-Z]|\d{1,2})"
)
# The words of a hashtag written in camel case: "SouthShields" -> "South", "Shields".
_CAMEL_PART = re.compile(r"[A-Z][a-z]+|[a-z]+|[A-Z]+(?![a-z])")
# A radio operator's word for "received", as a speaker's first word in a transcript.
_RADIO_WORDS = frozenset(["roger", "wilco"])
_UTTERANCE_START = re.compile(r":\s*[\"“]?\s*$")
_RADIO_WORD_AFTER = re.compile(r"\s*[,.!;]")
# Ranks and titles: after one, a town-like word is a surname ("DC Chelmsford").
_TITLE_BEFORE = re.compile(
    r"\b(?:mr|mrs|ms|miss|mx|dr|md|cllr|councillor|pc|pcso|ps|dc|ds|di|dci|sgt|insp|d/s|op|operator"
    r"|inspector|sergeant|constable|superintendent|cons|const|judge|recorder|hhj|ddj"
    r"|dj(?:\s?\(mc\))?)\.?"
    r"\s+(?:\d{2,5}\s+)?$",
    re.IGNORECASE,
)


@functools.cache
def _after_address() -> re.Pattern[str]:
    """Right after a street or building and its comma comes the district: "23 Renown Street,
    Keyham", "Flat 12 Keats House, Avenham, Preston"."""
    from asbhub.pii.recognizers.street_address import BUILDING_WORDS, STREET_WORDS

    return re.compile(
        rf"\b(?:{STREET_WORDS}|{BUILDING_WORDS})\.?,\s*(?:[A-Z][\w'’\-]+,\s*)?$", re.IGNORECASE
    )


@functools.cache
def _street_next() -> re.Pattern[str]:
    """A street or building word next: "MANNINGHAM LANE", "Keats House"."""
    from asbhub.pii.recognizers.street_address import BUILDING_WORDS, STREET_WORDS

    return re.compile(rf"\s+(?:{STREET_WORDS}|{BUILDING_WORDS})\b", re.IGNORECASE)


@functools.cache
def _street_last() -> re.Pattern[str]:
    """A street word ending a span: "Yorkshire Street", "Victoria Rd"."""
    from asbhub.pii.recognizers.street_address import STREET_WORDS

    return re.compile(rf"\b(?:{STREET_WORDS})$", re.IGNORECASE)


# Months that are also first names ("May said", "June Askew").
MONTHS_THAT_ARE_NAMES = _wordset("april may june august")
# A forename shortened to more than its initial, written with its stop before a surname: Welsh
# initials of two letters ("Rh. Jenkins", "Ll. Parry", "Ff. Lewis") and old abbreviations
# ("Wm. Hughes", "Chas. Dawson", "Thos. Bevan").
SHORT_FORENAMES = _wordset("Rh Ll Ff Wm Jas Chas Thos Geo Robt Edw Saml Benj Jno")
SHORT_FORENAME = "(?:" + "|".join(sorted(SHORT_FORENAMES)) + r")\."
# Every month's name and its short forms: "Sat 5 Oct", "12 Jan 2024".
MONTH_WORDS = MONTHS_THAT_ARE_NAMES | _wordset(
    "january february march july september october november december jan feb mar apr jun jul"
    " aug sep sept oct nov dec"
)


# Words the model sometimes calls PERSON in call-handler prose.
ROLE_WORDS = _wordset(
    "victim caller suspect susp complainant informant witness male female youth youths mum dad"
    " nan tenant resident occupant neighbour officer pcso anon staff owner driver rider keeper"
    " patient client landlord landlady concierge rp ip vp ap oic detainee dp reporter interpreter"
    " solicitor accused co-accused defendant respondent applicant"
    # and the people of a child's referral: "name of child: ruby-leigh", "Parent: Gemma"
    " child parent carer pupil student"
    # relations as a family calls them, in English, Welsh, Somali, Urdu and Polish: "Carer:
    # gran", "Mam rang twice", "Taid said no", "Hooyo is scared"
    " mam mammy mummy gran granny grandma grandad grandpa grandmother grandfather nain taid"
    " mamgu tadcu hooyo aabo khala babcia dziadek"
    # and the elders and brothers a community calls them, alone or with a name: "Aunty said",
    # "Bibi Rasheeda Begum", "Bhai Harjinder Singh", "Ashraf Bhai"
    " aunty auntie uncle bibi bhai"
)
# Leading words that a model span may carry but a name never starts with.
_LEADING = ROLE_WORDS | _wordset(
    "mr mrs ms miss mx dr master sir dame lady lord rev cllr councillor prof pc pcso ps dc ds di"
    " dci sgt insp cons const cst ch friend nurse reg registered the farmer manager caretaker"
    " warden guard shopkeeper"
    " keyholder ranger rangers steward marshal agent occupier dear hi hiya hello morning"
    " annwyl syr madam"  # Welsh "dear" and "sir": "Annwyl Mrs Eirlys Parry,", "Annwyl Syr/Madam"
    " afternoon evening thanks cheers regards where's what's who's how's here's there's bwv marac"
    " pastor deacon deaconess imam rabbi reverend revd fr bishop vicar canon sheikh"
    # honorifics of other languages a name may carry before or after it: "Pani Halina Zając",
    # "Bibi Rasheeda Begum", "Bhai Harjinder Singh", "Hafiz Ahmed Patel", "Ashraf Bhai"
    " pani baji hafiz haji hajji hajja sahib"
    " incl including"  # "youths incl tegan rowe"
    # the jobs and roles a note names someone by: "Barmaid Niamh O'Sullivan", "Keyworker Faith",
    # "LICENSEE ORLA MCKENNA" (no first name among them; trades that are surnames left out)
    " barmaid barmen bartender barstaff doorman doormen bouncer licensee licencee dps keyworker"
    " caseworker mentor teacher headteacher receptionist cleaner cashier supervisor director"
    " chair chairperson clerk paramedic medic doctor midwife carer childminder cabbie courier"
    " postman postwoman postie builder plumber electrician engineer technician mechanic"
    " contractor groundsman groundskeeper janitor coordinator co-ordinator advocate practitioner"
    " therapist counsellor chaplain volunteer custodian bailiff lifeguard attendant barista"
    " waiter waitress chef proprietor leaseholder homeowner householder lodger subtenant"
    # ranks written out, a probation officer's letters and grandparents, aunts and uncles:
    # "Constable Rebecca Orr", "OM Sarah Jones", "Grandad Stan Sale"
    " constable sergeant inspector superintendent supt detective om grandad grandma grandpa granny"
    " grandmother grandfather auntie aunty uncle"
    # a form's labels a printout runs into its values: "SURNAME: RASHID FORENAMES: NADIA"
    " surname surnames forename forenames firstname lastname"
    # the bench and its officers: "Judge Hussain", "HHJ Patel", "Verger Howard Pell"
    " judge hhj ddj dj recorder magistrate verger sexton usher"
    # a pilgrim's title: "Hajji Ghulam Rasool", "Alhaji Abdulrasheed Bello"
    " hajji haji alhaji"
    # care's roles by their letters: "HCA Blessing", "CPN Ruth", "AMHP Dev Patel"
    " hca cpn amhp rgn rmn hcsw ecp pharmacist"
    # a council's enforcement officers by their letters: "EO K. Marsh", "CEO Darren Pike"
    " eo ceo"
    # who shares a home, holds a licence or answers an alarm: "Flatmate Lim Jia Hui", "Occupiers
    # QUINN and McCANN", "LICENCE HOLDER A. FERREIRA", "Responder Gordon"
    " flatmate flatmates housemate housemates occupiers holder responder"
)
PERSONAL_TITLES = _wordset("mr mrs ms miss mx dr")
# Last words of a street's or a place's name that no name starts with, and a capitalised word
# (or a possessive one) right before: "Queen's Park", "Brick Lane", "Christ Church".
_PLACE_CONTINUES = _wordset(
    "park lane way church road street avenue close drive crescent gardens square parade"
    " terrace grove estate precinct chapel cathedral"
)
_CAPITALISED_BEFORE = re.compile(r"(?-i:[A-Z][^\W\d_]*(?:['’]s)?)\s+$")
_WELSH_STREET_WORDS = _wordset("heol cwrt ffordd lôn stryd rhodfa llys teras cilgant rhes maes")
# Welsh words that open the name of a place or a body: a college, a school, a theatre, a
# centre, a hall, a chapel, a church, a park, a house, a bay ("Coleg Cambria", "Ysgol Emrys ap
# Iwan", "Theatr Brycheiniog", "Bae Cinmel").
_WELSH_PLACE_FIRST = _wordset(
    "coleg ysgol theatr canolfan neuadd capel eglwys parc bae pont castell llyn ynys cartrefi"
)
# A Welsh body's first word, then capitalised words, before a span: "Ysgol Gyfun Ystalyfera …".
_WELSH_FIRST_BEFORE = re.compile(
    rf"\b(?i:{'|'.join(sorted(_WELSH_PLACE_FIRST))})(?:\s+[A-Z][\w'’\-]*){{0,3}}\s+$"
)
# Trailing words a model span may carry ("Mark Witham DOB", "Ahmed PNC", "Sunil Mehta GP").
_TRAILING = _wordset(
    "dob pnc nhs gp is was ni nino tel mob aka id ref cro has and or vrm ip rp arr"
    " dsl senco"  # a school's safeguarding lead after its name: "Oakfield High DSL"
    " sia"  # a door supervisor's licence after their name: "Josh Hadley SIA 1014 2256 8890 1123"
    # letters after a name for a registration or a degree: "Olivia Marsh RGN", "Ceri Morgan
    # MRPharmS", "Dr McAteer GMC 7291055"
    " rgn rmn rn mrpharms mbchb mbbs mrcgp frcp frcs llb kc qc mbe obe rsw gmc nmc hcpc gphc"
    " surname surnames forename forenames firstname lastname"  # "MAGUIRE FORENAME: SEÁN"
    " mp msp mla mep"  # an elected member's letters after their name: "Ayesha Qureshi MP"
)


def clean_names(text: str, candidates: Iterable[Candidate]) -> list[Candidate]:
    """Trim model and context names to the name itself, then drop the ones that are not names."""
    kept = []
    districts: set[str] = set()
    candidates = list(candidates)
    # (numbered addresses: after a named house, the writers count the locality in its address)
    address_ends = {
        c.end
        for c in candidates
        if c.type == "STREET_ADDRESS" and _HOUSE_NUMBER_AND_STREET.search(text, c.start, c.end)
    }
    person_ends = {c.end for c in candidates if c.type == "PERSON"}
    for cand in candidates:
        if cand.type != "PERSON" or cand.source not in ("ner", "context"):
            kept.append(cand)
            continue
        if _phonetic_spelling().fullmatch(text, cand.start, cand.end):
            kept.append(cand)  # "oscar romeo lima alpha": a name spelled, no word to trim
            continue
        for piece in _pieces(text, cand):
            trimmed = _trim(text, piece)
            if trimmed is None:
                continue
            if not _false_name(text, trimmed) or _named_with_an_age(text, trimmed):
                if _locality_after_an_address(
                    text, trimmed, address_ends
                ) or _where_from_in_brackets(text, trimmed, person_ends):
                    continue
                kept.append(trimmed)
            elif _district_named(text, trimmed):
                districts.add(text[trimmed.start : trimmed.end].lower())
    if not districts:
        return kept
    # "Premises: 6 Long Cross, Lawrence Weston, Bristol" … "Ambition Lawrence Weston has
    # supplied letters": the district again, by the same words
    return [
        c
        for c in kept
        if not (c.type == "PERSON" and text[c.start : c.end].lower() in districts)
        or c.source not in ("ner", "context")
    ]


_HOUSE_NUMBER_AND_STREET = re.compile(r"\d[A-Za-z]?,?\s+[A-Z]")
# After an address and its comma, a word or two and then the line's end, a comma, a postcode
# or the sentence going on in lower case: the address's district ("14 Dumbryden Gardens, Wester
# Hailes, re noise", "6 Meeting Street, Moira, reports", "29 Heol-y-Nant, Gurnos, Merthyr").
_ADDRESS_COMMA = re.compile(r",\s*")
_DISTRICT_ENDS = re.compile(
    r"(?:\s?(?:[,;|.)]|$)|\n|\s[a-z]|\s[A-Z]{1,2}\d{1,2}[A-Z]?\s?\d[A-Z]{2}\b)"
)


def _locality_after_an_address(text: str, cand: Candidate, address_ends: set[int]) -> bool:
    comma = _ADDRESS_COMMA.search(text, max(0, cand.start - 3), cand.start)
    if comma is None or comma.end() != cand.start or comma.start() not in address_ends:
        return False
    words = _WORD.findall(text, cand.start, cand.end)
    return (
        1 <= len(words) <= 2
        and all(w[:1].isupper() for w in words)
        # (not a person's name: "40a Cuddesdon Way, Scott Hedges, who …", "…, Abdiqani Farah")
        and not any(w.lower() in first_names() for w in words)
        and not (len(words) == 2 and words[1].lower() in surnames())
        and _TITLE_BEFORE.search(text, max(0, cand.start - 16), cand.start) is None
        and _DISTRICT_ENDS.match(text, cand.end) is not None
    )


def _where_from_in_brackets(text: str, cand: Candidate, person_ends: set[int]) -> bool:
    """One word in brackets straight after a person's name, in no name list: where they are
    from or who they are with ("Mrs Rosaleen Toal (Taghnevan)"), not another person."""
    if text[cand.start - 1 : cand.start] != "(" or text[cand.end : cand.end + 1] != ")":
        return False
    before = cand.start - 1
    while before > 0 and text[before - 1] == " ":
        before -= 1
    word = text[cand.start : cand.end].lower()
    return (
        before in person_ends
        and word.isalpha()
        and not _CAPITAL_WORD_NEXT.match(text, cand.end + 1)  # "Kenneth (Ka-Chun) Lau"
        and word not in first_names()
        and word not in surnames()
        and word not in NICKNAME_WORDS
    )


# An age after a name, as a statement's or a referral's first line gives it: ", 11,", " (15)",
# ", aged 9".
_AGE_GIVEN_AFTER = re.compile(r"(?:,\s*(?:aged\s+)?|\s*\()\d{1,2}\s*(?:yrs|years?(?:\s+old)?)?[,)]")


def _named_with_an_age(text: str, cand: Candidate) -> bool:
    """A first name and a surname, capitalised, with an age after them: a person however much
    the words look like a flower's and a town's ("Poppy Marsden, 11, Year 6")."""
    words = text[cand.start : cand.end].split()
    return (
        len(words) in (2, 3)
        and all(w[:1].isupper() and w[1:2].islower() for w in words)
        and first_name_word(words[0].lower())
        and not any(w.lower() in ROLE_WORDS or w.lower() in not_names() for w in words)
        and not any(q in text[cand.start : cand.end] for q in ("'", "’"))
        and words[-1].lower() not in english_words()  # "Sir John Deane's College (2)"
        and _AGE_GIVEN_AFTER.match(text, cand.end) is not None
    )


def _district_named(text: str, cand: Candidate) -> bool:
    """Words of two or more that their place shows a district: in an address's line, or in a
    list of places."""
    return " " in text[cand.start : cand.end].strip() and (
        _district_in_an_address(text, cand) or _in_a_list_of_places(text, cand)
    )


# A name never runs over a number or a dash between spaces ("PCSO notes Gurnos - spoke w/").
_DASH = re.compile(r"\s[-–—]\s")
# Nor over the edge of a quoted or piped cell: '"Par Moor Road","Fly-tipping","Zoë Hill"'.
# (not a list of nicknames in prose: '"Wee Stevie", "Mouse" and Lamb')
# (and cells run together with no space: "r7;noise;Aisha Mahmood;Flat 2", "4471|Dwayne")
_CELL_EDGE = re.compile(r"[\"”][,;|\t][\"“]|\s\|\s|\t|(?<=\w)[;|](?=\w)")
# (a number's word stops at a cell's edge: "r7;noise" is the number "r7", then "noise")
_BREAK = re.compile(rf"[^\s;|]*\d[^\s;|]*|{_DASH.pattern}|{_CELL_EDGE.pattern}")
# The next word of the same cell (after a possessive's "'s")
_CELL_GOES_ON = re.compile(r"(?:['’]s\b)?[ \t]*\w")
_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b"
_POSTCODE_NEXT = re.compile(rf",?\s*{_POSTCODE}", re.IGNORECASE)


def _pieces(text: str, cand: Candidate) -> list[Candidate]:
    """A model name is never a number and never crosses a spaced dash or a cell's edge: one
    that runs over a reference, a time, a dash or cells ("CUSTODY KX/20931/25 - DETAINEE BOGDAN
    MARINESCU ARR 0140HRS", "Smithdown Road - silver") is the runs of words between them, each
    judged on its own. A piece that is only a word or two left over is dropped there, and so is
    a piece after cells run together ("23:10;Parker's Piece") where the model stopped before
    its cell's last word."""
    span = text[cand.start : cand.end]
    if cand.source != "ner" or not (
        any(ch.isdigit() for ch in span) or _DASH.search(span) or _CELL_EDGE.search(span)
    ):
        return [cand]
    pieces, start, glued = [], cand.start, False
    for m in _BREAK.finditer(text, cand.start, cand.end):
        pieces.append((start, m.start(), glued))
        start = m.end()
        glued = m.group() in (";", "|")  # a cell's edge with no space about it
    pieces.append((start, cand.end, glued))
    out = []
    for a, b, after_glued_edge in pieces:
        words = list(_WORD.finditer(text, a, b))
        if words and after_glued_edge and _CELL_GOES_ON.match(text, words[-1].end()):
            continue  # "|23:10|Parker's Piece|": the model stopped inside a cell's words
        if (
            words
            and _POSTCODE_NEXT.match(text, words[-1].end())
            and not _a_persons_whole_name([w.group() for w in words])
        ):
            continue  # "Cheetham Hill M8 0NR": the district before a postcode
        if words:
            out.append(Candidate(cand.type, words[0].start(), words[-1].end(), cand.score, "ner"))
    return out


_ADDRESS = frozenset(["STREET_ADDRESS"])
# A reference code carries on after a word: "SBC-ASB-4471", "KX/20931".
_CODE_GOES_ON = re.compile(r"[-/][\w\-/]*\d")
# A full postcode at a word's start: the words before it are its town ("Bala LL23 7AD").
_POSTCODE_AT = re.compile(rf"(?<![\w-]){_POSTCODE}", re.IGNORECASE)
_BUILDING_BEFORE = re.compile(r"\b(?-i:House|Court|Tower|Lodge|Flats|Buildings?|Block)\s+$")
# A street name or nickname, then the person's real name: "Little D (real name Dwayne)",
# "KAYZO (believed Kayode Balogun)", "scrappy is really Leon".
ALIAS_AFTER = (
    r"\s\((?i:real\s+name|true\s+name|believed(?:\s+to\s+be)?)(?:\s+is)?:?\s+(?-i:[A-Z])"
    r"|\s+(?i:is\s+really|real\s+name\s+is)\s+(?-i:[A-Z])"
)
ALIAS_GATE = r"(?i:real\s+name|true\s+name|believed|is\s+really)"
_ALIAS_AFTER = re.compile(ALIAS_AFTER)
_NOT_ALIASES = _wordset(
    "he she they who one this that it him her them someone male female his hers their my your"
    " our whose its"
)
# A pub named after a title and a name: "The Lord Robert", "The Sir Robert Peel".
_PUB_TITLE_BEFORE = re.compile(
    r"\b(?i:the)\s+(?-i:Lord|Sir|Admiral|Duke|Earl|Marquis|Marquess|King|Queen|Prince"
    r"|Princess|Lady|General|Captain|Colonel|Squire|Saint|St\.?)\s+$"
)
# A saint's name makes a church, a school, a club or a hospital: "St Mirren", "St Thomas'",
# "at ST COLMAN'S". After a capitalised word "St" is a street: "High St John Reilly said".
_SAINT_BEFORE = re.compile(r"(?:^|(\S+)\s+)(?:St|ST|Saint|SAINT|(st|saint))\.?\s+$")
# A lake's, a mountain's or an island's word before a name makes a place of it: "Loch Ness",
# "Lough Erne", "Llyn Padarn", "Mount Pleasant", "Isle of Bute" (capitalised or in capitals).
_NATURAL_PLACE_WORDS = _wordset("loch lough llyn mount isle lake fort port")  # "Fort William"
_NATURAL_PLACE_BEFORE = re.compile(
    r"\b(?:"
    + "|".join(f"{w.capitalize()}|{w.upper()}" for w in sorted(_NATURAL_PLACE_WORDS))
    + r")(?:\s+of)?\s+$"
)
_NOT_A_STREET_NAME = _wordset(
    "the at to in on near nr outside from of by and or behind opposite into with inside past"
)


def _named_place_before(text: str, start: int) -> bool:
    """A saint's, a lake's, a hill's or an island's word right before `start`: what follows
    names a place ("St Mirren", "Loch Lomond"), whoever else shares the word."""
    return (
        _NATURAL_PLACE_BEFORE.search(text, max(0, start - 12), start) is not None
        or _ESTABLISHMENT_BEFORE.search(text, max(0, start - 12), start) is not None
        or _saint_before(text, start)
    )


# A prison's or a station's letters: "HMP Altcourse", "HMYOI Wetherby", "RAF Cranwell".
_ESTABLISHMENT_BEFORE = re.compile(r"\b(?i:hmp|hmyoi|hmp\s?[&/]\s?yoi|yoi|raf)\s+$")


def _saint_before(text: str, start: int) -> bool:
    found = _SAINT_BEFORE.search(text, max(0, start - 40), start)
    if found is None:
        return False
    before = found.group(1)
    return (
        before is None
        # in lower case "st" is a street as often, whatever the word before: "high st john said"
        or (found.group(2) is None and not before[:1].isupper())
        or before.lower().strip(",.;:(") in _NOT_A_STREET_NAME
        or not before[-1:].isalpha()
    )


# Vehicle makes: the word after one is a model ("Seat Leon", "Toyota Yaris", "Ford Transit").
def _vehicle_model(text: str, cand: Candidate, words: list[str]) -> bool:
    """ "a red Toyota Yaris", "black Seat Leon": a make and its model, or the model after its
    make, is no one's name."""
    if len(words) >= 2 and words[0] in MAKES and words[0] not in first_names():
        return True
    return make_before(text, cand.start)


# Words a person's name never holds: "Merseyside Police IOM", "Heddlu Gogledd Cymru".
_INSTITUTION_WORDS = frozenset(["police", "constabulary", "council", "heddlu", "cyngor"])
# A caller's own words before the name they give: "I'm Brooke Tanner", "its Rain", "this is Jo".
_TEAM_AND_COMMA = re.compile(r"([A-Z]{2,5}),\s+")
_SELF_INTRO = re.compile(r"(?i:i['’]?m|i\s+am|it['’]?s|this\s+is)\s+")


def drop_straddling(text: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    """Cut model names that run into an identifier or address to what lies outside it, and
    keep that only if it is still a name: "48a Debra Hills Crawley" leaves a town (dropped),
    "CUSTODY ST/04471/24 - DETAINEE LUCA POPESCU" leaves the detainee's name."""
    strong = [c for c in candidates if c.type != "PERSON" and c.source in ("pattern", "known")]
    out = []
    for c in candidates:
        hits = [
            s
            for s in strong
            if s.start < c.end and c.start < s.end and not (s.start <= c.start and c.end <= s.end)
        ]
        if (
            c.type != "PERSON"
            or c.source not in ("ner", "context")
            or not hits
            # a listed name runs on into an address only where the address began first
            # ("WESTERTON STEADING, Tarland"; not "Sorcha Mac an Bhaird, 12 Lake Street")
            or (c.source == "context" and any(s.start > c.start for s in hits))
        ):
            out.append(c)
            continue
        if any(s.type == "UK_POSTCODE" or (s.type in _ADDRESS and s.end < c.end) for s in hits):
            continue  # "Heywood Street, Cheetham Hill M8 0NR": beside an address, its district
        start = max([c.start] + [s.end for s in hits if s.start <= c.start or s.end < c.end])
        end = min([c.end] + [s.start for s in hits if s.start >= start])
        if start >= end or not any(ch.isalpha() for ch in text[start:end]):
            continue
        rest = _trim(text, Candidate(c.type, start, end, c.score, c.source))
        if rest is None or _false_name(text, rest):
            continue
        if any(s.start < rest.end and rest.start < s.end for s in strong):
            continue
        out.append(rest)
    return out


_DETAILS_AFTER = re.compile(
    r"\s?\((?:\d{1,2}\s?[/.\-]|\d{1,2}\)|\d{1,2},|(?i:mum|dad|mother|father|son|daughter|aged?|dob"
    r"|b\.|born|nan|gran|brother|sister|partner|tenant|victim|suspect)\b"
    # or their plate or phone: "Harvey Lusted (WP63 LXC)", "Amy Stone (07700 900123)"
    r"|(?-i:[A-Z]{2}\d{2}\s?[A-Z]{3})\)|0\d{3,4}\s?\d{3})"
    # or where they live, by its house number: "Carl Lord of 28 Clayton Street"
    r"|\s+of\s+(?:flat\s+)?\d{1,4}[A-Za-z]?,?\s+[A-Z]"
)


def _double_first_name_then_one(span: str) -> bool:
    """ "Mary-Kate Ward": two listed first names joined by a hyphen, then one word."""
    tokens = span.split()
    return (
        len(tokens) == 2
        and "-" in tokens[0]
        and all(part.lower() in first_names() for part in tokens[0].split("-"))
    )


def _streets_then_district(span: str) -> bool:
    """Streets named without a number, then words that begin no one's name: the place they
    are in, run together by the model. A street's word that is also a surname, after a first
    name, is someone's ("Josh Lane Bradford")."""
    run = _STREETS_THEN_MORE.match(span)
    if run is None:
        return False
    rest = re.findall(r"[^\W\d_][\w'’\-]*", span[run.end() :])
    if not rest or rest[0].lower() in first_names():
        return False
    streets = re.findall(r"[^\W\d_][\w'’\-]*", span[: run.end()])
    return not (
        len(streets) == 2
        and streets[0].lower() in first_names()
        and streets[1].lower() in surnames()
    )


def _drop_place_ending(text: str, words: list[re.Match[str]]) -> None:
    """ "Queen's Park Bolton", "Brick Lane/Spitalfields", "Whitehawk Way Fridays": where a span
    begins inside a place's name, its first word ends the place and is no part of a name."""
    if (
        len(words) > 1
        and words[0].group().lower() in _PLACE_CONTINUES
        and _CAPITALISED_BEFORE.search(text, max(0, words[0].start() - 30), words[0].start())
    ):
        words.pop(0)


# A street's word, then a comma, inside a span: "High St, Morley", "Dale Road, Keyham".
_STREET_THEN_COMMA = re.compile(
    r"\s(?:" + "|".join(sorted(STREET_NOT_SURNAME - {"close", "way"})) + r")\.?,", re.IGNORECASE
)
# Streets run together with the district after them, each street's word in its name's case
# (the district's words begin no one's name): "Tudor St Cardiff", "GREENFIELD LANE BALBY",
# "Broad St / Bridge St Birmingham" (not "Kevin St Clair", "Josh Lane").
# (the street words hardly ever a surname, as `_STREET_AFTER_NAME` takes them, and "Lane")
_STREET_WORDS_RUN = sorted((STREET_NOT_SURNAME - {"close", "way"}) | {"lane"})
_STREETS_THEN_MORE = re.compile(
    r"(?:[\s/&,]*(?:(?:[A-Z][a-z'’\-]+\s+)+(?:"
    + "|".join(w.capitalize() for w in _STREET_WORDS_RUN)
    + r")|(?:[A-Z][A-Z'’\-]+\s+)+(?:"
    + "|".join(w.upper() for w in _STREET_WORDS_RUN)
    + r"))\.?(?=\s))+\s+(?=\S)"
)
# A council or a force named for its place, after the place's word.
_BODY_AFTER = re.compile(
    r"\s+(?:(?i:city|borough|district|county|metropolitan|town|parish)\s+)?"
    r"(?i:council|constabulary|police)\b"
)
# Welsh words that run through a sentence and are never part of a name: its particles,
# prepositions and verbs of being, and the words for when ("mis", "nos", "wythnos").
_WELSH_SENTENCE_WORDS = _wordset(
    "ar yn ym yng tu allan eu rydym roedd oedd mis nos wythnos dydd gyda gan neu hefyd"
    " i'r o'r ydy ydyn annwyl diolch croeso ymwelwyd cais"
)
# Welsh nouns, verbs and adjectives of notices, events and letters, with the mutated forms a
# sentence gives them ("tref", "y dref"): the model reads a phrase of them as a name ("Noson
# Tân Gwyllt", "Y Ganolfan", "Grŵp Cynghori"). Words that are also English words or listed
# names ("car", "plant", "tim", "ras") are left out.
_WELSH_COMMON_WORDS = _wordset(
    "grŵp grwp cynghori ymgynghori noson tân dân gwyllt gerddi gardd calon lân glân ffonio"
    " ffoniwch iaith ynglŷn ynglyn canolfan ganolfan cloc tref dref calan gaeaf llythyr rhieni"
    " diogelwch ddiogelwch digwyddiad digwyddiadau hysbysiad rhybudd rybudd cosb gosb ymddygiad"
    " gwrthgymdeithasol swyddog swyddogion gwasanaeth gwasanaethau cymuned cymunedol pobl ifanc"
    " tafarn tafarndai stadiwm parcio pentref neuadd llyfrgell traeth harbwr gorsaf heno heddiw"
    " ddoe yfory blwyddyn sŵn sbwriel tipio anghyfreithlon cŵn ceffyl ceir beiciau modur difrod"
    " troseddol trosedd cyffuriau yfed meddw tanau tanio gŵyl gwyl cerddoriaeth cyngerdd gêm"
    " pêl-droed rygbi cefnogwyr cefnogwr stiwardiaid stiward cofion gorau gywir llawer neges"
    " cyfeiriad dyddiad amser lleoliad adroddiad achos cyfeirnod cymraeg saesneg dwyieithog"
    " newyddion gwybodaeth cymorth helpu cysylltu cysylltwch"
)
# A Welsh verb in lower case, as a sentence starts ("mae", "roedd", "bydd"): no name's first word
# (though "Mae" with its capital is one).
_WELSH_VERB_FIRST = re.compile(r"(?:mae|roedd|oedd|bydd|byddai|does|nid)\s")
# A council by its letters after its place: "Huntingdonshire DC", "Broxtowe BC", "Kent CC".
_COUNCIL_LETTERS = re.compile(r"\s(?:DC|BC|RBC|MBC|CC|BDC|DBC)$")
# Words that stand for a place or a thing, never for a person's name.
_NEVER_A_NAME = _wordset(
    "there here where it this that what who whose everyone someone somebody anyone nobody"
)
# Where an intelligence log grades its source and its handling: "B/2/P", "2/B/P" (3x5x2: the
# source by its number, the intelligence by its letter), "Handling code C".
_GRADE_BEFORE = re.compile(r"(?:\b[A-E1-5]/[A-E1-5]/|\b(?i:code|grading|graded|grade)\s+)$")
_COMPASS_ADJECTIVES = _wordset("northern southern eastern western")
# A place named for someone, by their possessive: "Chandler's Ford", "Harold's Cross".
# And a law named for someone: "Clare's Law", "Sarah's Law".
_POSSESSIVE_PLACE_AFTER = re.compile(
    r"['’]s\s(?:Ford|Cross|Green|Hill|Wood|Park|End|Bridge|Heath|Common|Hall|Field|Quay|Wharf"
    r"|Brook|Bay|Bottom|Corner|Gate|Lane|Row|Yard|Law|Nest|Hedges|Well|Mount|Meadow|Fields"
    r"|Tower)\b"
)
# A school, a college or a hospital named for someone, its other words between: "Timothy
# Hackworth Primary", "Sir John Hunt Community Sports College", "thomas ferens academy".
_INSTITUTION_AFTER = re.compile(
    r"['’]?\s+(?:(?-i:[A-Z][a-z]+|[a-z]{3,})\s+){0,3}?"
    r"(?:(?i:academy|school|college|university|hospital|infirmary|library)"
    r"|(?-i:Primary|PRIMARY|Infants|Juniors|High\s+School|Community\s+College))\b"
    # (not the person's role there: "Sarah Jones School Liaison Officer")
    r"(?!\s+(?i:liaison|officer|nurse|staff|worker|teacher|head|manager|lead|security|governor"
    r"|counsellor|police|pcso|rep|representative|admin|secretary)\b)"
)
# A town's possessive first word: "King's Lynn", "Bishop's Stortford", "Earl's Court".
# A title a place is named for: "King's Lynn", "Bishop's Stortford", "Earl's Court".
_ROYAL_WORDS = _wordset("king queen prince bishop abbot earl lady")
# A council's departments named by one word, some also surnames: "Council Parks".
_DEPARTMENTS = _wordset(
    "parks licensing planning highways waste cleansing lettings tenancy regeneration leisure"
    " estates wardens rangers"
)
# Words only a street is named with, never a landmark ("Green", "Hill" are both).
_THOROUGHFARES = _wordset(
    "lane road street avenue drive close way crescent court place terrace walk gardens row rd st"
    " ave"
)
# London's railway lines named like people, and the word after them.
RAIL_LINES = _wordset(
    "victoria elizabeth jubilee northern central district piccadilly bakerloo metropolitan"
    " circle mildmay suffragette weaver windrush lioness liberty"
)
_LINE_AFTER = re.compile(r"\s+(?i:line)\b")
# After a surname, what shows it a person's, not the place of that name: "Swinton's mates",
# "Middleton works at", "I'm a Hadley".
_PERSON_USE_AFTER = re.compile(
    r"['’]s\s+(?!(?i:road|street|lane|park|estate|centre|hall|school)\b)|\s+(?:works|worked|says|said"
    r"|lives|lived|drinks|rang|called|came|went|told|threatened|keeps|kept|admits|admitted|denies"
    r"|denied|has\s+been|was\s+seen|is\s+known)\b"
)
_CELL_BEFORE = re.compile(r"[|,;\t]\s?$")
_CELL_AFTER = re.compile(r"\s?(?:[|,;\t]|\.?\s*$|\.\s|/\s)")
# A table rated red, amber and green: its header or another cell's rating.
_RAG = re.compile(r"\bRAG\b|[|,;\t]\s?(?:Red|Green|RED|GREEN)\s?(?:[|,;\t]|\.?\s*$|\.\s|/\s)")
_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?\"”]|$)")
_WALES = re.compile(r"\b(?i:cymru|gymru|chymru|nghymru|cymraeg|gymraeg)(?!\w)")
_RIVER_BEFORE = re.compile(r"\b(?:River|RIVER|river|Afon|AFON|afon)\s+$")
_BODY_BEFORE_ITS_TEAM = re.compile(
    r"\b(?i:council|police|constabulary|homes|housing|trust|services?|cic|association)\s$"
)
_ROYAL_POSSESSIVE_START = re.compile(rf"(?i:{'|'.join(sorted(_ROYAL_WORDS))})['’]s\s+[A-Z]")
_ROYAL_POSSESSIVE_BEFORE = re.compile(
    rf"\b(?:{'|'.join(sorted(_ROYAL_WORDS))}|princes|bishops|abbots|earls|ladies)['’]s\s+$",
    re.IGNORECASE,
)
# A street's or a yard's word next, capitalised as a name's part, and hardly ever a surname
# ("Lane", "Court", "House" and "Grove" are: "Mr Kim Lane"; "St" starts "St Clair").
_NEXT_STREET_WORDS = sorted(
    (STREET_NOT_SURNAME - {"st", "close"})
    | {"yard", "gardens", "square", "mews", "broadway", "parade", "wharf", "quay"}
)
# (in capitals, not the words that are also verbs or nouns: "SAW DEAN HOLT DRIVE OFF")
_STREET_WORD_NEXT = re.compile(
    rf"\s(?:{'|'.join(w.capitalize() for w in _NEXT_STREET_WORDS)}"
    r"|ROAD|STREET|AVENUE|CRESCENT|TERRACE|YARD|GARDENS|BROADWAY|MEWS|WHARF)\b(?![\'’])"
)
# A street word that is hardly ever a surname, in the case of the word before it: "Dale Street",
# "DALE STREET" (not "Dale street-wise").
_STREET_AFTER_NAME = re.compile(
    r"\s(?:"
    + "|".join(
        f"{w.capitalize()}|{w.upper()}" for w in sorted(STREET_NOT_SURNAME - {"close", "way"})
    )
    + r")\b(?![\-'’])"
)
# A first name, its nickname in quotes, then the rest: 'Steven "Stevo" Grimmer'.
_NICKNAME_INSIDE = re.compile(r"\s[\"“][^\"”\n]{1,30}[\"”]\s")


# A place's word after a name, hardly ever a surname's next word: "Isla Murray" … "Murray
# Place", "Shane Lincoln" … "the Lincoln Arms".
_PLACES_WORD_NEXT = re.compile(
    r"\s(?:Place|Arms|Inn|Tavern|Hotel|Castle|Gardens|Mews|Square|Parade|Yard|Quay|Wharf"
    r"|PLACE|ARMS|INN|TAVERN|HOTEL|GARDENS|MEWS|SQUARE|PARADE)\b(?![\-'’])"
)
# A firm's words after a name: "& Co", "& Sons", or a trade's ("Kitchens", "Skip Hire").
_FIRM_NEXT = re.compile(
    r"(?:['’]s)?(?:\s*&\s*(?:Co|Sons?|Partners)\b"
    rf"|\s+(?:[A-Z][a-z]+\s+)?(?i:{_TRADES}|{_CONTRACTORS})\b)"
)
# A surname that is also the last word of a place's name: "Bill Lane" … "Wood Lane", "Penny
# Church" … "St Mary's Church".
_PLACES_LAST_WORDS = _wordset(
    "lane hill place view walk row green park rise bank church chapel castle arms inn court grove"
    " street road way close gardens brook wood field fields bridge mill cross gate"
)
# (besides ROLE_WORDS: "Controller Green", "Manager Hill")
_ROLES_BEFORE_A_NAME = _wordset(
    "controller manager supervisor warden operator handler dispatcher councillor director chair"
    " coordinator worker"
)
_PLACE_NAME_WORD_BEFORE = re.compile(r"\b([A-Z][^\W\d_]*)(?:['’]s)?\s+$")
# "down Dawn Lane", "at Penny Lane": a place, though its first word is a first name
_PLACE_LEAD_IN = re.compile(
    r"\b(?i:in|at|on|down|up|along|off|near|from|to|into|onto|outside|opposite|past|behind"
    r"|via|top\s+of|end\s+of|corner\s+of)\s+$"
)


def _part_of_a_named_place(text: str, start: int, end: int) -> bool:
    """A name's word found again as part of a place's name: before a place's word ("Murray
    Place") or as its last word after another capitalised word that is no title or first
    name ("Wood Lane", "St Mary's Church"; "down Dawn Lane" by its lead-in)."""
    if _PLACES_WORD_NEXT.match(text, end):
        return True
    if text[start:end].lower() not in _PLACES_LAST_WORDS:
        return False
    before = _PLACE_NAME_WORD_BEFORE.search(text, max(0, start - 30), start)
    if before is None:
        return False
    word = before.group(1).lower()
    if before.group().rstrip()[-2:] in ("'s", "’s"):
        return True  # "St Mary's Church", "Jack Straw's Castle"
    if (
        word in ROLE_WORDS
        or word in _ROLES_BEFORE_A_NAME
        or _TITLE_BEFORE.search(text, before.start(1), start)
    ):
        return False  # "Mr Lane", "PC Wood", "Sgt Hill", "Controller Green"
    if word in first_names() or (word in surnames() and word not in common_word_names()):
        # "Kane Lane", "Jordan Wood": a name in full, unless it is where something happened
        return (
            _PLACE_LEAD_IN.search(text, max(0, before.start(1) - 14), before.start(1)) is not None
        )
    return True


def _mostly_lower_case(text: str, parts: int = 2) -> bool:
    """Fewer than one letter in `parts` is a capital: a note in mixed case, where a word in
    capitals stands out ("Lewis SCORER"), not a log in capitals."""
    return sum(c.isupper() for c in text) * parts < sum(c.isalpha() for c in text)


def _surname_by_its_form(text: str, words: list[re.Match[str]]) -> bool:
    """The last word is a surname by how it is written, whatever else it means: in capitals
    after a capitalised first name in a mixed-case note ("a male I know as Lewis SCORER"), or
    after a nickname in quotes inside the name ('Steven "Stevo" Grimmer'), or capitalised after
    a first name of two joined by a hyphen ("Kerry-Ann Mutton")."""
    last = words[-1].group()
    if _NICKNAME_INSIDE.fullmatch(text, words[0].end(), words[-1].start()):
        return last[:1].isupper()
    first = words[-2].group()
    if (
        len(words) == 3
        and text[words[0].end() : words[1].start()] == "-"
        and text[words[1].end() : words[2].start()] == " "
        and all(w.group().lower() in first_names() for w in words[:2])
        and last.istitle()
        and last.lower() not in ROLE_WORDS
    ):
        return True  # after a first name of two joined by a hyphen: "Kerry-Ann Mutton"
    if (
        len(words) == 2
        and text[words[0].end() : words[1].start()] == " "
        and first.istitle()
        and first.lower() in first_names()
        and first.lower() not in common_english_words()
        and first.lower() not in COMMON_WORD_NAMES
        and last.istitle()
        and len(last) >= 5
        and last.endswith("er")
        and last.lower() not in not_names()
        and last.lower() not in ROLE_WORDS
        and last.lower() not in places()
        and _ORG_AFTER.match(last) is None
        and _mostly_lower_case(text, parts=3)
    ):
        # a word of a trade or a comparative, the way many surnames were made, capitalised after
        # a first name in a mixed-case note: "Gemma Lusher", "Kyle Mower" (not "Mickey Mouse")
        return True
    return (
        len(last) >= 3
        and last.isupper()
        and last.isalpha()
        and first[:1].isupper()
        and first[1:].islower()
        and first.lower() in first_names()
        and last.lower() not in not_names()
        and last.lower() not in ROLE_WORDS
        and not text[words[-1].end() : words[-1].end() + 2].lstrip().startswith(":")
        and _mostly_lower_case(text)
    )  # (not a speaker's label next: "CALLER: Niamh OPERATOR: and your address?")


# A surname in capitals, a comma, then a forename (and a second): "FARM, Tyrese", "FELLING,
# Scott Anthony".
_SURNAME_FIRST = re.compile(r"([A-Z][A-Z'’\-]{2,}), ?([A-Z][a-z'’\-]+)(?: [A-Z][a-z'’\-]+)?")
# Where a word in capitals before a comma is a place: "TO LEEDS, Jordan", "in HENDON, Corey".
PLACE_WORD_BEFORE = re.compile(r"\b(?i:to|in|at|from|near|towards|around|outside|into|of|via)\s+$")


def surname_first(text: str, start: int, end: int) -> bool:
    """text[start:end] is a surname in capitals, a comma and a capitalised forename a list has,
    no word: whatever else its surname's word is ("FARM, Tyrese", "HENDON, Corey"); not after a
    word of place ("to Leeds, Jordan")."""
    m = _SURNAME_FIRST.fullmatch(text, start, end)
    if m is None:
        return False
    fore = m.group(2).lower()
    return (
        fore in first_names()
        and fore not in common_english_words()
        and fore not in COMMON_WORD_NAMES
        and not PLACE_WORD_BEFORE.search(text, max(0, start - 12), start)
    )


def _trim(text: str, cand: Candidate) -> Candidate | None:
    code = _CODE_AT_END.search(text, cand.start, cand.end)
    if cand.source == "ner" and code is not None and code.start() > cand.start:
        # "Reece Coleman NG6": the model ran on into the postcode after the name
        cand = Candidate(cand.type, cand.start, code.start(), cand.score, cand.source)
    bracket = text.find("(", cand.start, cand.end)
    if bracket > cand.start and text.find(")", bracket, cand.end) < 0:
        # "Beth Okafor (Clarion": the model ran on into the bracket that names her agency
        end = len(text[cand.start : bracket].rstrip()) + cand.start
        cand = Candidate(cand.type, cand.start, end, cand.score, cand.source)
    if surname_first(text, cand.start, cand.end):
        return cand
    team = _TEAM_AND_COMMA.match(text, cand.start, cand.end)
    if (
        team
        and _ORG_LAST.search(team.group(1))
        and team.group(1).lower()
        not in surnames()  # "WARD, Thomas" is a name written surname first
        and team.end() < cand.end
    ):
        # "Walsall NHT, Beechdale": the model ran from a team's letters over its comma
        cand = Candidate(cand.type, team.end(), cand.end, cand.score, cand.source)
    intro = _SELF_INTRO.match(text, cand.start, cand.end)
    if intro and intro.end() < cand.end:
        cand = Candidate(cand.type, intro.end(), cand.end, cand.score, cand.source)
    words = list(_WORD.finditer(text, cand.start, cand.end))
    if not words:
        return None  # digits or marks alone ('"Deano" 07700 900949'): no one's name
    source = cand.source
    if _quoted(text, cand):
        return cand  # a nickname in quotes is a name as it stands: "the wee man", "Big Mike"
    if (
        len(words) > 1
        and words[0].group() == "ED"
        and _DEPARTMENT_AFTER.match(text, words[0].end())
    ):
        words.pop(0)  # "ED Safeguarding Nurse Rhiannon Evans": the department, then her job
    if (
        len(words) > 2
        and words[0].group().lower() in ("v", "vs")
        and words[1].group().lower() in PERSONAL_TITLES
    ):
        words.pop(0)  # "mr hamilton v mrs irvine": one side against the other, then a title
    while len(words) > 1 and words[0].group().lower().removesuffix("'s") in _LEADING:
        if words.pop(0).group().lower() in PERSONAL_TITLES:
            source = "context"  # "mrs a. begum": after a title, a lower-case word is a surname
    _drop_place_ending(text, words)
    while len(words) > 1 and words[-1].group().lower() in _TRAILING:
        words.pop()
    # "IS MOHAMMED IQBAL", "Occupier Aled Price", "sophie o'brien - saw": ordinary words at
    # either end are the sentence the model ran into, not the name; a nickname in quotes or
    # after a cue ("Big Mike", aka "tiny") is a name as it stands, though words after a cued
    # name are still the sentence ("called RICO FROM THE…")
    quoted = _quoted(text, cand)
    alias = _ALIAS_AFTER.match(text, cand.end) is not None
    if alias and len(words) > 1 and not quoted:
        first = words[0].group().lower()
        if first in english_words() and first not in NICKNAME_WORDS | first_names():
            words.pop(0)  # "Says bones (real name …)": the sentence's verb, then the street name
    nickname = quoted or alias or _cue_before(text, cand.start) is not None
    # after a title, capitalised words are the name: "OIC DC Temperance Hale", "Mrs Joy Baker"
    after_title = _TITLE_BEFORE.search(
        text, max(0, cand.start - 16), cand.start
    ) is not None and all(w.group()[:1].isupper() and not w.group().isupper() for w in words)
    while (
        len(words) > 1
        and not nickname
        and not after_title
        and _ordinary(words[0].group())
        and not (len(words) == 2 and words[0].group().lower() in NICKNAME_WORDS)  # "big dave"
        and not _word_name_before_surname(text, words)  # "and River Armstrong (17)"
        and not _placed_landmark(text, words)  # "on Windmill Hill": judged whole, as a place
    ):
        words.pop(0)
    _drop_place_ending(text, words)
    if (
        len(words) > 2
        and not nickname
        and words[-2].group().lower() in ("of", "from", "in")
        and (
            words[-1].group().lower() in places()
            or (words[-2].group() in ("of", "from") and words[-1].group()[:1].isupper())
        )
    ):
        # "J. HIGGINS OF LIVERPOOL", "Huw Bevan of Cwmllynfell": the name, not where he is from
        words = words[:-2]
    titled_pair = (
        len(words) == 2
        and _TITLE_BEFORE.search(text, max(0, words[0].start() - 16), words[0].start()) is not None
        and all(w.group()[:1].isupper() and not w.group().isupper() for w in words)
    )
    # a capitalised name before a bracket about its person is whole: "Tracey Moult (mum,
    # 22/11/1985)", "Bailey Moult (30/06/2012)"
    detailed = (
        words[-1].end() == cand.end
        and words[-1].group()[:1].isupper()
        and _DETAILS_AFTER.match(text, cand.end) is not None
    )
    # a letter's signature after its closing words: "Yours sincerely, Peter Moult, Complaints
    # Resolution Manager" (a surname that is also a word, as "moult" is)
    signed_pair = (
        len(words) == 2
        and _SIGNED_BEFORE.search(text, max(0, words[0].start() - 24), words[0].start()) is not None
        and text[words[0].end() : words[1].start()] == " "
        and words[0].group().istitle()
        and words[0].group().lower() in first_names()
        and words[-1].group().istitle()
        and words[-1].group().lower() not in ROLE_WORDS
    )
    while (
        len(words) > 1
        and not quoted
        and not titled_pair
        and not detailed
        and not signed_pair
        and _ordinary(words[-1].group())
        and not _surname_by_its_form(text, words)
    ):
        words.pop()  # not after a title: "PC Jack Ivory", "Mrs Rose Baker" are whole names
    if len(words) > 3 and [w.group().lower() for w in words[-3:]] == ["d", "o", "b"]:
        words = words[:-3]  # "Liban Farah-Jama d.o.b"
    while words and _CODE_GOES_ON.match(text, words[-1].end()):
        words.pop()  # "Case SBC-ASB-4471", "Ref SCC-ADULTS-2024-1187": the word opens a code
    if not words:
        return None
    if cand.source == "ner" and len(words) >= 3 and text[cand.start : cand.end].isupper():
        words = _known_name_prefix(words)  # "SHARON KEANE STATES YOUTHS": the name, not the verb
    start, end = words[0].start(), words[-1].end()
    if text[end - 2 : end] in ("'s", "’s"):
        end -= 2  # "PC Grant's handling": the possessive is not part of the name
    if (start, end) == (cand.start, cand.end):
        return cand
    return Candidate(cand.type, start, end, cand.score, source)


# Words before a place, never before a person: "Police Scotland Tayside", "Isle of Skye",
# "Muir of Ord", "An Chorr Chríochach", "POB: Kaunas".
_PLACE_BEFORE = re.compile(
    r"(?:\b(?i:police|(?:isle|muir|kyle|bridge|mull|firth|sound|vale|forest|port|holy|city"
    r"|county|bay|braes?|head|council|borough|district|university)\s+of|pob\s*:?"
    r"|place\s+of\s+birth\s*:?|townland|village\s+of|hamlet\s+of)"
    # a council's wards by name: "Dundee wards Whitfield and Ardler"
    r"|\b(?i:wards|(?:electoral\s+)?ward\s+of)"
    r"|\b(?:An|Na|Am|Yr|Loch|Lough|Llyn|Glen|Mount|Afon|River|Lake|Isle|Cape|Youth)"
    # a Gaelic or Welsh article after a place's word ("Baile nan", "Pen y"), not a relation
    # after a pronoun ("His nan Glenys")
    r"|\b(?!(?:His|Her|Their|My|Your|Our|Its|The|A|An)\b)[A-Z][a-z]+\s+(?:na|nan|an|y|yr)"
    r"|\bo['’])\s+$"
)
# First words of Gaelic, Irish, Welsh and Cornish place names: "Loch Hope", "Baile Uí
# Dhonnaíle", "Obar Dheathain", "Port Rìgh", "Cwm Rhondda".
_PLACE_FIRST = _wordset(
    "loch lochan baile obar inbhir ceann gleann cill dùn dun eilean beinn srath achadh druim"
    " bun port cwm llan aber pant tre pen pol mynydd cefn coed rhos waun gwaun pont llyn afon"
    " bwlch craig carreg ynys canolfan clwb cyngor ysgol capel eglwys neuadd plas parc masjid"
    " jamia heddlu siop prifysgol gorchymyn swyddfa gwesty tafarn llyfrgell hmp hmyoi yoi"
)
# After a name comes its person, not its place: "the Dunne twins", "the Pickering lad".
_PEOPLE_AFTER = re.compile(
    r"(?:['’]s)?\s+(?i:lads?|boys?|girls?|brothers?|sisters?|twins|family|families|kids?|children"
    r"|couple|household|crew|clan|gang|sons?|daughters?|cousins|youths?|woman|man|lot)\b"
)
_THE_BEFORE = re.compile(r"\b(?i:the)\s+$")
# One word joined by "and" to an organisation: "Devon and Cornwall Police" (not "Darren Price
# and Estuary Homes", two parties).
# Another place and a body's word after: "Avon and Somerset Police", "devon & cornwall police".
_AND_ORG_AFTER = re.compile(
    rf"^\s+(?:and|&)\s+(?:(?-i:[A-Z][a-z]+)\b\s*(?-i:[A-Z][a-z]+\s+)?{_ORG_WORDS}"
    r"|(?-i:[a-z]{3,}|[A-Z]{3,})\s+(?:police|constabulary|council|fire))\b",  # in capitals too
    re.IGNORECASE,
)
_JOINED_PLACE_AFTER = re.compile(r"\s*(?:,|&|/|and)\s*([A-Z][^\W\d_]+)\b(?!\s+[A-Z])")
_JOINED_PLACE_BEFORE = re.compile(r"(?<![\w\s])\s*\b([A-Z][^\W\d_]+)\s*(?:&|/|and)\s*$")
_DAWN = re.compile(
    r"(?:\s+|-)(?i:(?:to|till|til|until)(?:\s+|-)dusk|patrols?|checks?|raids?|visits?|sweeps?)\b"
)


# A chat message's time, then its speaker and a colon: "[09/05 23:02] Mags:", "12/05/2025,
# 21:04 - Jo M:". The person_context recognizer proposes the speaker; this module keeps it.
CHAT_TIME = (
    r"(?:\[[^\]\n]{0,12}\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[apAP][mM])?\]"
    r"|\b\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}\s*[-–])"
)
# A bare time opening a pasted chat's line or cell, or with a colon of its own, before a
# capitalised speaker: "| 21:50 Blessing 💯: nah", "NPT group 19:52: Gavin: youths on the roof"
# (a log's time before what happened: "| 18:20 Caller rang back: …").
# (spaces and tabs only before the time: "\s*" there would run over every blank line after
# each line's start, in time that grows with the square of the run)
BARE_CHAT_TIME = r"(?:(?<=[|\n])[ \t]*\d{1,2}:\d{2}(?=\s)|\b\d{1,2}:\d{2}:(?=\s))"
_SPEAKER_BEFORE = re.compile(rf"(?:{CHAT_TIME}|{BARE_CHAT_TIME})\s*$")
# (an emoji or two may follow a speaker's display name: "Blessing 💯:")
SPEAKER_EMOJI = "(?:\\s?[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f]{1,4})?"
_SPEAKER_AFTER = re.compile(rf"{SPEAKER_EMOJI}\.?\s?:")
_AGENCY_SPEAKER_AFTER = re.compile(r"\s\([^()\n]{2,30}\)\s?:")  # "Faith (Council): What times?"
_NOT_SPEAKERS = _wordset(
    "you me admin system operator caller agent council police team user"
    # a family's words for its own, as a chat's speakers: "Mam: he's at the window again"
    " mam mum mom mummy nan nana nanna gran granny grandma grandad dad daddy da bro sis"
)
# An item of an actions list, owned by initials: "Actions: MH closure notice; GOD review …".
_OWNER = r"[A-Z](?:[a-z]?[A-Z]|['’](?!S\b)[A-Z]){1,3}"
_ACTION_OWNER = re.compile(rf"{_OWNER}(?:/{_OWNER})?")
ACTIONS_HEAD = r"(?i:actions?(?:\s+points?|\s+agreed)?)"
ATTENDANCE_HEAD = r"(?i:present|attendees|attending|in\s+attendance|apologies|attended\s+by)"
_ACTIONS_BEFORE = re.compile(
    rf"(?:\b(?:{ACTIONS_HEAD}|{ATTENDANCE_HEAD})\s*[:\-–]?\s*"
    rf"|\b(?:(?i:actions?)|{ATTENDANCE_HEAD})\b[^.\n]{{0,300}}[;,]\s*)$"
)
# An action's head right before its owner's name, and the action after it.
_ACTION_HEAD_BEFORE = re.compile(rf"\b{ACTIONS_HEAD}\s*[:\-–]\s*$")
_ACTION_VERB_NEXT = re.compile(r"\s+to\s+[a-z]+")
# Words that describe the people after them: "the little lad", "the older boys".
_DESCRIBING = _wordset(
    "little young younger older old eldest youngest big small tall short other same new two three"
    " four five six local main oldest biggest smallest skinny ginger blonde quiet loud naughty"
)
_FAMILY_AFTER = re.compile(r"\s+(?i:lad|boy|girl|brothers|sisters|twins|family|clan|household)\b")
# A person's word, then "called" or "named": "a lad called Chester" (not "a town called …");
# the first few are a nickname's cue too ("one lad is called Tank": NICKNAME_CUES).
_CALLED_PEOPLE = (
    r"lad|male|female|girl|boy|bloke|woman|man|kid|lady|gent|guy|chap|lass|fella|youth|teenager"
    r"|friend|pal|mate|neighbour|tenant|lodger|carer"
)
_PERSON_CALLED_BEFORE = re.compile(
    rf"\b(?i:{_CALLED_PEOPLE}|son|daughter|brother|sister)"
    r"\s+(?:(?i:is|was)\s+)?(?i:called|named)\s+[\"'“‘]?$"
)
# What "called" takes as a verb after a person's word: a time, a service, or insults ("the man
# called earlier", "a male called security", "the lad called racist names"); a lower-case
# nickname stays one ("a lad called tank").
_CALLED_VERB_WORDS = _wordset(
    "today tonight earlier later twice again yesterday security police ambulance council housing"
    " management staff reception control concierge warden"
)
_NAMES_NEXT = re.compile(r"\s+names\b")
# A cell of an actions table that holds its owners' initials alone: "| JN / CH |", "| BW |".
_OWNER_CELL_BEFORE = re.compile(r"\|\s?(?:[A-Z][A-Z]\s?/\s?)?$")
_OWNER_CELL_AFTER = re.compile(r"\s?(?:/\s?[A-Z][A-Z]\s?)?\|")
# (the words that make a table an actions table, here and in person_context)
ACTIONS_TABLE_WORDS = r"actions?|owner|tasking"
_ACTIONS_TABLE_BEFORE = re.compile(rf"\b(?i:{ACTIONS_TABLE_WORDS})\b")
# A log's or a form's label for the staff on it, before their names: "Staff on: Gary, Shona,
# Nabeel", "Team: Ruth, Glenys, Ike", "Operator: Eilidh", "Marshal: Nina".
STAFF_LABEL = (
    r"(?i:staff(?:\s+on(?:\s+duty)?|\s+present)?|team|on\s+duty|operator|marshals?|controller"
    r"|handler|supervisor|stewards?|minute\s+taker|minutes|duty\s+manager|door\s+(?:team|staff)"
    r"|(?:youth\s+)?workers?|leaders?|volunteers?|crew|(?:guards?|security)(?:\s+on\s+duty)?"
    r"|tech|technician|engineer|operatives?)"
)
# The label, then the names listed before this one: "Team: Ruth, Glenys, "
_STAFF_LIST_BEFORE = re.compile(
    rf"(?<![\w'’\-])(?=[A-Z]){STAFF_LABEL}\s*:\s*"  # (a label as typed: "Team:", "TEAM:")
    r"(?:[A-Z][\w'’\-]*(?:\s[A-Z][\w'’\-]*)?\s*(?:,|&|\band\b)\s*){0,8}$"
)
_LISTED_NEXT = re.compile(r"\s*(?:,|&|\band\b)\s*[A-Z]")
_STAFF_LIST_AFTER = re.compile(r"\s*(?:[,.;&(|]|\band\b|$)")
# How many of a family a note counts before their name: "the two Keeling lads".
FAMILY_COUNT = r"two|three|four|both"
_THE_AND_COUNT_BEFORE = re.compile(rf"\b(?i:the)\s+(?:(?i:{FAMILY_COUNT})\s+)?$")


_BUILDING_LAST = _wordset("house centre center library academy school college hospital surgery")
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_PLACE_PEOPLE_AFTER = re.compile(
    r"\s+(?:residents|tenants|locals|households|villagers|community|communities|estate)\b"
)
_NAME_IN_CAPITALS_AFTER = re.compile(r"\.?\s+[A-Z]{2}")
# A comma or a bracket, then "near" and a place: "Bradley, nr Bilston".
_NEAR_A_PLACE_AFTER = re.compile(r"\s*[,(]\s*(?i:nr\.?|near)\s+([A-Z][\w'’\-]+)")
# What a place's name is put before, never a person's: "Alexandra Park patrols continue".
_PLACE_USE_AFTER = re.compile(
    r"\s+(?:(?i:patrols?|residents|tenants|estate|shops|car\s+park|playing\s+fields?|entrance"
    r"|toilets|bandstand|pavilion|skate\s+park|play\s+area|allotments?|junction|bus\s+stop)\b"
    r"|(?-i:PSPOs?|CCTV|ASB|NPT|SNT)\b)"
)
# A street's word and "and" before the name: the second of two streets, never a person.
_STREET_AND_BEFORE = re.compile(
    r"\b(?i:between|on|at|along|off|near|nr|outside|from|down|up)\s+(?:[\w'’\-]+\s+){1,3}"
    r"(?i:road|street|lane|avenue|way|drive|close|crescent|park|square|place|rd|st|ln|ave)\.?"
    r"\s+(?:and|&|or|to|/)\s+$"
)
_MODALS = _wordset("will may can must might should would could shall")
# What a person then does, right after their name: "mum faith said", "daughter hope gets them".
_PERSON_VERB_AFTER = re.compile(
    r"\s+(?:said|says|told|tells|rang|rings|called|calls|saw|seen|admits|admitted|denies"
    r"|denied|wants|wanted|thinks|reckons|gets|got|goes|went|lives|lived|keeps|kept|cried"
    r"|shouted|screamed|texted|messaged)\b"
)


def _family_of(text: str, cand: Candidate, words: list[str]) -> bool:
    """A listed surname between "the" and its people is a family's name, even where it is also
    a town's: "the Pickering lad", "the Marsden brothers"; after "lads", "boys", "girls" only
    when it is no place ("the O'Connell girls", not "the Leeds lads")."""
    if len(words) != 1 or words[0] not in surnames():
        return False
    if text[cand.start].islower() and words[0] in english_words():
        return False  # "the young lad"
    if not _THE_AND_COUNT_BEFORE.search(text, max(0, cand.start - 12), cand.start):
        return False
    if _FAMILY_AFTER.match(text, cand.end):
        return True
    return words[0] not in places() and _PEOPLE_AFTER.match(text, cand.end) is not None


# A heading that names where something was held, the place next: "BWV Cheltenham, Hesters Way",
# "MARAC Belfast North, 13 March", "detached session Lawrence Weston - good chat".
_HEADING_BEFORE = re.compile(
    r"^\W{0,3}(?:[\w&/'’]+\s+){0,6}(?i:bwv|marac|session|patrol|conference|briefing|beat"
    r"|walkabout|outreach|surgery)(?i:\s+(?:note|notes|log|update|plan))?"
    # (the team in brackets: "youth outreach (KCC Children's Services) - Millmead:")
    r"(?:\s*\([^()\n]{1,60}\))?\s*[,:\-–]?\s*$"
)
_HEADING_END = re.compile(r"\s*(?:,|:|\s[-–]\s)")
# A lower-case noun that makes the word before it a place: "Mousehole harbour", "Pitsea station".
_PLACE_NOUN_AFTER = re.compile(
    r"\s+(?:harbour|quay|beach|seafront|promenade|prom|village|estate|station|precinct|marina"
    r"|slipway|pier|rec|common|library|retail\s+park|industrial\s+estate|playing\s+fields?"
    r"|town\s+centre|high\s+street|bus\s+station|leisure\s+centre|community\s+centre"
    # and, capitalised or not, the open spaces named for their place: "Saltwells Nature Reserve"
    r"|(?i:nature\s+reserve|country\s+park|recreation\s+ground|skate\s+park|play\s+park"
    r"|golf\s+course|allotments|cemetery|reservoir|towpath))\b"
)


def _placed_by_its_neighbours(text: str, cand: Candidate, words: list[str]) -> bool:
    """A place by the words around it, though no list knows it: after "the" with no person
    after it ("the Longman lay-by", "the Saracen Head"), after a place's first words ("Isle of
    Skye", "Police Scotland Tayside"), a Gaelic or Welsh place's first word ("Loch Hope"), or
    joined to a listed place ("Dunvegan and Carbost", "Shirley/Freemantle", "Percy Main and
    Chirton"); "Dawn patrols" and "dawn to dusk" are times."""
    before = text[max(0, cand.start - 24) : cand.start]
    if _quoted(text, cand) or _cue_before(text, cand.start) is not None:
        return False
    people_after = _PEOPLE_AFTER.match(text, cand.end) is not None
    span = text[cand.start : cand.end]
    plural_of_a_surname = span.endswith("s") and span[:-1].lower() in surnames()
    if _THE_BEFORE.search(before) and not people_after and not plural_of_a_surname:
        return True
    if _PLACE_BEFORE.search(before) or (
        len(words) >= 2
        and any(w in _PLACE_FIRST and w not in first_names() for w in words[:-1])
        and all(w[:1].isupper() for w in span.split()[-2:])
    ):
        return True  # "Cwm Rhondda", "ger Siop Alun": a place's or a shop's first word
    if words == ["dawn"] and _DAWN.match(text, cand.end):
        return True
    if _HEADING_BEFORE.search(text, 0, cand.start) and _HEADING_END.match(text, cand.end):
        return True  # "BWV Brixton, Coldharbour Lane", "detached session Lawrence Weston -"
    if (
        len(words) == 1
        and words[0] not in first_names()
        and _PLACE_NOUN_AFTER.match(text, cand.end)
    ):
        return True  # "Mousehole harbour", "Pitsea station": a place's own noun after it
    if len(words) == 1 and _AND_ORG_AFTER.match(text[cand.end : cand.end + 50]):
        return True
    nxt = _NEXT_CAPITAL_WORD.match(text, cand.end)
    if (
        len(words) == 1
        and nxt is not None
        and nxt.group(1).lower() in common_english_words()
        and nxt.group(1).lower() not in _NOT_A_NAMES_NOUN
    ):
        return True  # "Audley Range", "Dixy Chicken", "Hattersley Hub": a name and its noun
    if _a_place_elsewhere(text, cand, words):
        return True  # "Whitehawk" where the note also says "Whitehawk Hill", "Whitehawk Co-op"
    if not (len(words) >= 2 and words[0] in first_names()) and _in_a_list_of_places(text, cand):
        return True  # "Whitfield, Mid Craigie, Linlathen and Douglas", "Tower Hill, Northwood"
    if people_after or (len(words) == 1 and words[0] in first_names()):
        return False
    after = _JOINED_PLACE_AFTER.match(text, cand.end)
    if (
        after is not None
        and "," in after[0]
        and len(words) >= 2
        and words[0] in first_names()
        and words[-1] not in _PLACE_LAST
    ):
        # "keeper Seamus Grogan, Newtownabbey": a full name, then where he lives; not "Devon
        # Park, Newark"
        return False
    if after is None:
        after = _JOINED_PLACE_BEFORE.search(before)
    if after is None:
        return False
    other = after.group(1).lower()
    return other in places() and other not in first_names()


# A machine's key and its value: '"landlord": "', "AREA=", "'asb_category': '".
_MACHINE_KEY_BEFORE = re.compile(
    r"(?:[\"'](\w{2,30})[\"']\s*:\s*[\"']|\b([A-Za-z]\w{1,30})=[\"']?)$"  # and XML's key="
)
# Keys whose values are places, organisations or categories, never people.
_PLACE_KEY = re.compile(
    r"(?i:area|landlord|provider|category|cat|type|status|location|loc|district|ward|town|city"
    r"|org|organisation|organization|agency|team|council|force|beat|reason|outcome|priority"
    r"|risk|source|scheme|estate|place|venue|site|premises|service|partner|region|county"
    r"|borough|division|sector|offence|crime|class|action|result|ha|la|lpa|housing)$"
)


# A form's label for a place or a body, where a field starts: "| Ward: Hartcliffe |",
# "Landlord: Abri;" (not "Source:" or "Reason:", which may name a person).
_PLACE_LABEL_BEFORE = re.compile(
    r"(?:^|[|;\n]|\s[-–/]\s|[.)]\s)\s*(?i:area|location|loc|district|ward|town|city|estate|place"
    r"|venue|site|premises|beat|region|county|borough|division|sector|landlord|agency|team"
    r"|council|force|org|organisation|organization|provider|partner|neighbourhood|locality"
    r"|village)\s*[:=]\s*$"
)


def _machine_value_of(text: str, start: int, end: int) -> bool:
    """The span is the value of a key that names a place, an organisation or a category in a
    machine's export ('"area": "Thamesmead"', "LANDLORD=STOCKPORT HOMES", "asb_cat=")."""
    m = _MACHINE_KEY_BEFORE.search(text, max(0, start - 40), start)
    if m is None:
        return False
    key = (m.group(1) or m.group(2)).split("_")[-1]
    return _PLACE_KEY.match(key) is not None


# A capitalised word right after a one-word name, in the same case as a title's.
_NEXT_CAPITAL_WORD = re.compile(r" ([A-Z][a-z]{2,})\b(?!['’])")
# Capitalised words after a name that still leave it a person's: verbs opening a clause in a
# title-cased note, and the words of a person's role.
_NOT_A_NAMES_NOUN = _wordset(
    "rang called said says told asked came went was is has had and or but then when who"
    " senior junior snr jnr mum dad son daughter brother sister cousin nan uncle aunt"
)


def _a_place_elsewhere(text: str, cand: Candidate, words: list[str]) -> bool:
    """The same words name a place or an organisation elsewhere in the narrative: right
    before a place's or an organisation's word ("Gurnos Youth Club", "Hattersley Road West",
    "Llanrumney Hall"), not as someone's ("Asif's shop"). So does a landmark whose first word
    does ("Trowell Brook" where the note also has "Trowell Hill"). A first name alone is left
    to the other rules: "Grace" may be a person and "Grace Road" a street in one note."""
    first_named = first_name_word(words[0]) or words[0] in COMMON_WORD_NAMES
    if len(words) == 1 and first_named:
        return False
    span = text[cand.start : cand.end]
    if _placed_as(text, cand, span):
        return True
    if len(words) == 2 and words[1] in _PLACE_LAST and not first_named:
        return _placed_as(text, cand, span.split()[0])
    return False


def _placed_as(text: str, cand: Candidate, span: str) -> bool:
    """`span` stands elsewhere before a place's or an organisation's word."""
    if text.count(span) < 2:
        return False  # most names are written once: no pattern to run
    for m in re.finditer(rf"(?<![\w'’\-]){re.escape(span)}(?![\w'’\-])", text):
        if m.start() == cand.start or text[m.end() : m.end() + 1] in ("'", "’"):
            continue
        after = _PLACE_WORD_AFTER.match(text, m.end())
        if (
            _ORG_AFTER.match(text[m.end() : m.end() + 40])
            or _PLACE_NOUN_AFTER.match(text, m.end())
            or _street_next().match(text, m.end())
            or (after is not None and after.group(1).lower() in _PLACE_LAST)
        ):
            return True
    return False


_PLACE_WORD_AFTER = re.compile(r"\s+([A-Z][a-z]+)\b")


_ITEM = r"[A-Z][^\W\d_'’\-]*(?:[\-'’][^\W\d_]+)*(?:\s[A-Z][^\W\d_'’\-]*){0,2}"
_ITEM_BEFORE = re.compile(rf"(?<![\w'’\-])({_ITEM})(\s*,\s*|\s*(?:&|/)\s*|\s+and\s+)$")
_ITEM_AFTER = re.compile(rf"(\s*,\s*|\s*(?:&|/)\s*|\s+and\s+)({_ITEM})(?![\w'’\-])")


def _in_a_list_of_places(text: str, cand: Candidate) -> bool:
    """A name-like item of a list of three or more, joined by commas, whose other items
    include a listed place (or a word ending as places do: "Colin Glen", "Lordship Rec"):
    the list names areas, as tasking notes and briefings do."""
    items: list[str] = []
    joints: list[str] = []
    at = cand.start
    while len(items) < 6 and (m := _ITEM_BEFORE.search(text, max(0, at - 60), at)):
        items.append(m.group(1))
        joints.append(m.group(2).strip())
        at = m.start()
    first = at
    at = cand.end
    while len(items) < 12 and (m := _ITEM_AFTER.match(text, at)):
        items.append(m.group(2))
        joints.append(m.group(1).strip())
        at = m.end()
    # an enumeration: commas, closed by "and" (or after a heading's colon); not a sign-off's
    # "Best, Kerensa Nancarrow, Community Safety, Redruth office"
    closed = any(j != "," for j in joints) or text[:first].rstrip().endswith(":")
    if len(items) < 2 or "," not in joints or not closed:
        return False
    for item in (*items, text[cand.start : cand.end]):  # "Simonside, Biddick Hall and Whiteleas"
        low = item.lower()
        last = low.split()[-1]
        if (low in places() and low not in first_names()) or (" " in low and last in _PLACE_LAST):
            return True
    return False


def _placed_landmark(text: str, words: list[re.Match[str]]) -> bool:
    """Two words, the last a landmark's ("Hill", "Leys"), after a word that places them, or
    before their town in brackets ("Victoria Park (Tipton)")."""
    if len(words) != 2:
        return False
    first, last = words[0].group().lower(), words[-1].group().lower()
    if text[words[-1].end() : words[-1].end() + 1] in ("'", "’"):
        return False  # "attended Holly Green's flat": hers
    if _PERSON_VERB_BEFORE.search(text, max(0, words[0].start() - 30), words[0].start()):
        return False  # "a Facebook post by Kayleigh Marsh (Grimsby)", "spoke to Rose Hill"
    placed = _AT_PLACE_BEFORE.search(text, max(0, words[0].start() - 14), words[0].start())
    if (
        placed
        and _PLACE_ENDING.search(last)
        and first not in first_names()
        and words[0].group()[:1].isupper()
    ):
        return True  # "I attended Barne Barton", "youths in Hattersley Brookfield": a district
    if last not in _PLACE_LAST:
        return False
    if placed:
        return True
    town = _TOWN_IN_BRACKETS.match(text, words[-1].end())
    return (
        town is not None
        and town.group(1).lower() in places()
        # "Victim Sarah Hall (Leeds)", "Mrs Sarah Hall (Leeds)": hers
        and _cue_before(text, words[0].start()) is None
        and not _ROLE_WORD_BEFORE.search(text, max(0, words[0].start() - 16), words[0].start())
        and not _TITLE_BEFORE.search(text, max(0, words[0].start() - 16), words[0].start())
    )


def _word_name_before_surname(text: str, words: list[re.Match[str]]) -> bool:
    """ "officers o/s: Storm Hetherington and River Armstrong": a capitalised word before a
    listed surname, mid-sentence after "and", "&", a comma or a colon, is a word-name."""
    if len(words) != 2:
        return False
    first, last = words[0].group(), words[1].group()
    if not (first[:1].isupper() and not first.isupper() and last[:1].isupper()):
        return False
    low = last.lower()
    if low not in surnames() or _ordinary(last):
        return False
    before = text[: words[0].start()].rstrip()
    return before.endswith((",", ":", "&")) or before.lower().endswith((" and", " with", " to"))


def _known_name_prefix(words: list[re.Match[str]]) -> list[re.Match[str]]:
    """In capitals the model runs on into the sentence: keep the listed first name and
    surnames at the front when there are at least two of them, else the span as it was."""
    known = 0
    for word in words:
        low = word.group().lower()
        if low not in first_names() and low not in surnames() and not_a_name_word(low):
            break  # a listed name, or a word in no list ("MARINESCU"), is still the name
        known += 1
    return words[:known] if 2 <= known < len(words) else words


# Verbs in capitals whose object or subject next is a person: "OFFICERS ARRESTED GRABOWSKI",
# "VICTIM SAYS DUNPHY THREW IT".
ARREST_VERBS = (
    r"(?:ARRESTED|DETAINED|CHARGED|INTERVIEWED|SEARCHED|CAUTIONED|SUMMONSED|SAYS|SAID|SAW|TOLD"
    r"|NAMED|STATES|ALLEGES|NAMES)"
)
_ARREST_BEFORE = re.compile(rf"\b{ARREST_VERBS}\s$")
# A word after a name and "of" is where the person is from: "Huw Bevan of Llanybydder".
_OF_PLACE_BEFORE = re.compile(r"\b[A-Z][a-z'’\-]+\s+(?:of|from)\s+$")
# Words that join two people ("and", "&", text-speak "n", "+", "/").
PEOPLE_JOIN = r"(?i:and|&|n|\+|/)"
# What a bracket says of two people together: "(both 15)", "(sisters, 13 and 14)", "(twins)".
BOTH_BRACKET = (
    r"(?:(?i:both|sisters|brothers|twins|siblings|cousins|bro\s+and\s+sis|brother\s+and\s+sister"
    r"|aged?\s+\d|ages)|\d{1,2}\s*(?:and|&|,)\s*\d{1,2}\b)"
)
# Someone's people after their name and 's: "Boswell's lot", "tank's crew".
THEIR_PEOPLE = r"(?i:lot|crew|gang|mob|mates|lads|boys)\b"
# After one of two people joined before a bracket about both ("Storm and Summer (sisters, 13 and
# 14)"), and after someone whose people follow ("Boswell's lot"): the context proposed them.
_BOTH_AFTER = re.compile(rf"(?:\s+{PEOPLE_JOIN}\s+[\w'’\-]{{2,26}})?\s?\({BOTH_BRACKET}")
_PEOPLE_OF = re.compile(rf"['’]s\s+{THEIR_PEOPLE}")


# A quoted chat line's speaker: '"dizzy: who out tnite"'.
CHAT_SPEAKER = r"[^\W\d_][\w.'’\-]{1,19}"
_QUOTED_SPEAKER = re.compile(rf"[\"“]({CHAT_SPEAKER}):\s")


def _quoted_chat_speaker(text: str, cand: Candidate) -> bool:
    """The span opens a quoted chat line before its colon, and the note quotes at least two
    such lines (a screenshot transcribed), so a lone '"Note: …"' is no speaker."""
    return (
        text[cand.start - 1 : cand.start] in ('"', "“")
        and text[cand.end : cand.end + 2] == ": "
        and len(_QUOTED_SPEAKER.findall(text)) >= 2
    )


# A county line's name: 'line name "Bando"', "the Bando line".
LINE_NAME_BEFORE = re.compile(
    r"\b(?i:line|deal\s+line|phone\s+line)\s+(?i:name|called|known\s+as)d?\s*[:=]?\s*[\"“']?$"
)
_ATTENDANCE = re.compile(rf"\b{ATTENDANCE_HEAD}\s*:")
# A name, then its bracket: "Moira Leckie (", "Cllr Tahir Mirza (".
_NAME_THEN_BRACKET = re.compile(r"\b[A-Z][\w'’\-]+\s+[A-Z][\w'’\-]+\s\($")


def _agency_of_an_attendee(text: str, cand: Candidate) -> bool:
    """In a meeting's list of those present, what stands alone in brackets after a person's
    name is their organisation or role: "Moira Leckie (Clwyd Alyn)"."""
    return (
        text[cand.end : cand.end + 1] == ")"
        and _NAME_THEN_BRACKET.search(text, max(0, cand.start - 60), cand.start) is not None
        and _ATTENDANCE.search(text, 0, cand.start) is not None
    )


def _town_before_postcode(text: str, cand: Candidate) -> bool:
    """The candidate's words run up to a full postcode (or into one: "Bala LL"), so they are
    the town an address ends with, not a person."""
    m = _POSTCODE_AT.search(text, cand.start, min(len(text), cand.end + 12))
    if m is None or not cand.start < m.start() <= cand.end + 3:
        return False
    if _BUILDING_BEFORE.search(text, max(0, cand.start - 24), cand.start):
        return False  # "Flat 9 Kestrel House Ladywood Middleway, B16 8HA": the block's street
    if m.start() >= cand.end and _a_persons_whole_name(_WORD.findall(text, cand.start, cand.end)):
        return False  # "stopped Reece Coleman NG6 8AU": a name, then where he lives
    return text[cand.end : m.start()].strip(" ,") == ""


def _a_persons_whole_name(words: Sequence[str]) -> bool:
    """A listed first name and a listed surname, and no place's word among them."""
    low = [w.lower() for w in words]
    return (
        len(low) >= 2
        and low[0] in first_names()
        and low[-1] in surnames()
        and not any(w in places() or w in english_words() for w in low)
    )


# A house number and its street, ending at what may follow it: "3 Pit Lane ", "12 Heol Hir, ".
_ADDRESS_BEFORE = re.compile(
    r"\b\d{1,4}[A-Za-z]?,?\s+(?:[\w'’\-]+\s+){0,3}(?i:road|rd|street|st|lane|ln|avenue|ave"
    r"|drive|way|close|crescent|grove|terrace|walk|row|hill|rise|place|gardens|vale|view"
    r"|parade|square|mews|court|green|park|heol\s+\w+|stryd\s+\w+|ffordd\s+\w+)\.?,?\s+$"
)


_CELL_END = re.compile(r"\s*(?:$|[,|;\n\t]|/\s|[A-Z]{1,2}\d)")


def _town_after_address(text: str, cand: Candidate, words: list[str]) -> bool:
    """The candidate follows a house number and its street and is a known place, or holds one
    after a comma: the address's locality and town, not a person."""
    if not _ADDRESS_BEFORE.search(text, max(0, cand.start - 60), cand.start):
        return False
    town_places = places()
    span = text[cand.start : cand.end]
    if span.lower() in town_places or all(w in town_places for w in words):
        return True
    if (
        len(words) == 1
        and text[cand.start - 2 : cand.start].strip(" ").isalpha()
        and _CELL_END.match(text, cand.end)
    ):
        return True  # "3 Pit Lane Shirley,": straight after the street, where the value ends
    return "," in span and span.rsplit(",", 1)[1].strip().lower() in town_places


# A house number and its street (or a street named for a landmark: "6 Long Cross"), then a
# comma: what comes next in the line is its district.
_NUMBERED_STREET_BEFORE = re.compile(
    r"(?<![\w/])\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][\w'’\-]*\s+){1,2}"
    rf"(?i:{'|'.join(sorted(_PLACE_LAST))})\.?,\s*$"
)
# The address's line goes on to its postcode, through its town or county at most.
_LINE_TO_POSTCODE = re.compile(
    rf"\s*+,?\s*+(?:[A-Z][\w'’\-]*+(?:\s[A-Z][\w'’\-]*+)?,?\s+){{0,2}}{_POSTCODE}",
    re.IGNORECASE,
)
# (or the sentence going on after the town: "9 Chester Road, Bradley, Huddersfield reports")
_LINE_TO_TOWN = re.compile(r",\s*([A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?)\s*(?:[,.;)]|$|\s(?=[a-z]))")


def _district_in_an_address(text: str, cand: Candidate) -> bool:
    """Words between a numbered street and the rest of its address line (the postcode, or a
    listed town and the line's end) are its district, whatever names they look like: "6 Long
    Cross, Lawrence Weston, Bristol BS11 0LP", "19 Worsley Road, Winton, Eccles, M30 8JZ"."""
    window = max(0, cand.start - 60)
    if not (
        _after_address().search(text, window, cand.start)
        and re.search(r"\d", text[window : cand.start])
    ) and not _NUMBERED_STREET_BEFORE.search(text, window, cand.start):
        return False
    if _LINE_TO_POSTCODE.match(text, cand.end):
        return True
    town = _LINE_TO_TOWN.match(text, cand.end)
    return town is not None and town.group(1).lower() in places()


_SPELLED = re.compile(r"[A-Z](?:-(?:double\s)?[A-Z]){3,}|[A-Z](?:\s+for\s+[a-z]+)?(?:,?\s.+){3,}")


@functools.cache
def _phonetic_spelling() -> re.Pattern[str]:
    """Four words of the phonetic alphabet or more, each alone or after its letter: a name
    spelled ("oscar romeo lima alpha", "B for bravo, E echo, B bravo, B bravo")."""
    from asbhub.pii.recognizers.uk_vehicle_registration import PHONETIC_SPELLING

    return re.compile(PHONETIC_SPELLING)


@functools.cache
def _phonetic_alphabet() -> re.Pattern[str]:
    from asbhub.pii.recognizers.uk_vehicle_registration import PHONETIC

    return re.compile(PHONETIC)


# A call sign's number, in digits or said in two or three: "Mike Sierra 12", "Whiskey Mike one
# one" (not "Charlie one of the lads"); one said alone where the call sign speaks or is called
# ("OSCAR TWO: on scene", "Oscar Two to control").
_SAID_DIGIT = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|niner)"
_CALL_SIGN_NUMBER = re.compile(
    rf"[\s\-]?(?:\d{{1,3}}|(?i:{_SAID_DIGIT}(?:[\s\-]+{_SAID_DIGIT}){{1,2}})\b"
    rf"|(?i:{_SAID_DIGIT})(?=\s*:|\s+(?i:to\s+control|from\s+control|receiving|received|over)\b))"
)


def _phonetic(word: str) -> bool:
    """A word of the phonetic alphabet ("sierra", "x-ray")."""
    return _phonetic_alphabet().fullmatch(word) is not None


def place_use_of_a_name(
    text: str, start: int, end: int, towns: frozenset[str] = frozenset()
) -> bool:
    """A record's own name found alone where it is the town of that name: the victim Stanley
    Preston's surname in "seen in Preston", "Preston NPT", "Preston (Lancs)"; not "spoke to
    Preston" or "in Preston's flat". The deny list and its last-line check ask this of a
    one-word match, which no model or context has looked at. `towns` are the towns of the
    record's own addresses: a name that is one of them is the town wherever no title, verb or
    possessive makes it the person ("Mr Stephen Halifax, 14 Savile Park Road, Halifax")."""
    word = text[start:end]
    if not word.isalpha():
        return False
    if _the_records_town(text, start, end, towns):
        return True
    if _inside_a_longer_place(text, start, end) or _named_place_before(text, start):
        return True  # "Stanley Common", "Church Gresley", "RAF Cranwell"
    if named_like_people_around(text, start, end) and not _a_person_by_its_neighbours(
        text, start, end
    ):
        return True  # "from Kirby Muxloe", "at Travis Perkins"
    if _STREET_WORD_NEXT.match(text, end):
        return True  # Victoria Bradshaw's first name in "on the way to Victoria Square"
    if _date_use(text, start, end):
        return True  # Ashley March's surname in "FROM MARCH LAST YEAR": the month
    if _BODY_AFTER.match(text, end):
        return True  # "ENFIELD COUNCIL", "Reading Borough Council": the body of that place
    if word.lower() not in places():
        return False
    return _a_town_by_its_neighbours(
        text, Candidate("PERSON", start, end, 1.0, "known"), [word.lower()]
    )


# A title before a surname, with any initials: "Mrs I. Barrow", "MR S HALIFAX".
_TITLE_AND_INITIALS_BEFORE = re.compile(
    r"\b(?i:mr|mrs|ms|miss|mx|dr|master)\.?\s+(?:[A-Z]\.?\s+)*$"
)
_PERSON_STATE_AFTER = re.compile(
    r"\s+(?:is|was|has|had|states|stated|reports|reported|attended|agreed|refused|declined"
    r"|came|left|herself|himself)\b",
    re.IGNORECASE,
)


# A town's word in an address's town slot: after the street and a comma ("14 Troydale Lane,
# Morley"), or right before the postcode ("Stanley DH9 0TR").
_TOWN_AFTER_STREET = re.compile(r",\s*([A-Z][a-z]+)\b(?![\-'’]|\s+[A-Z][a-z])")
_TOWN_BEFORE_POSTCODE = re.compile(r"\b([A-Z][a-z]+),?\s+$")


def _towns_of_addresses(text: str, entities: Sequence[Entity]) -> frozenset[str]:
    """The towns the note's addresses name, as places() knows them: a surname that is also one
    of them ("Pauline Morley of 14 Troydale Lane, Morley") is elsewhere the town, unless what
    is about it makes it the person."""
    found = set()
    for ent in entities:
        if ent.type == "STREET_ADDRESS":
            town = _TOWN_AFTER_STREET.match(text, ent.end)
        elif ent.type == "UK_POSTCODE":
            town = _TOWN_BEFORE_POSTCODE.search(text, max(0, ent.start - 30), ent.start)
        else:
            continue
        if town is None:
            continue
        then = _LINE_TO_TOWN.match(text, town.end()) if ent.type == "STREET_ADDRESS" else None
        if town.group(1).lower() in places() or (
            then is not None and then.group(1).lower() in places()
        ):
            # (a locality no list knows, before its town: "9 Chester Road, Bradley, Huddersfield")
            found.add(town.group(1).lower())
    return frozenset(found)


_CODE_AT_END = re.compile(r"\s+[A-Z]{1,2}\d[A-Z\d]?$")  # a postcode's outward code
_STREET_SHORT = frozenset({"rd", "st", "ave", "ln", "dr", "cl", "cres", "gdns", "sq", "ter"})
_LOCALITY_AND_TOWN = re.compile(
    r"(?<![\w/])\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][\w'’\-]*\s+){1,2}"
    rf"(?i:{'|'.join(sorted(_PLACE_LAST | _PLACE_CONTINUES | _STREET_SHORT))})\.?,\s*"
    r"([A-Z][a-z]+),\s*([A-Z][a-z]+)\b"
)


def localities_before_towns(text: str) -> frozenset[str]:
    """The words a narrative writes between a numbered street and a listed town ("9 Chester
    Road, Bradley, Huddersfield"), in lower case: a district of an address in the note."""
    return frozenset(
        m.group(1).lower()
        for m in _LOCALITY_AND_TOWN.finditer(text)
        if m.group(2).lower() in places()
    )


_TOWN_AND_POSTCODE = re.compile(r"\b([A-Z][a-z]+),?\s+[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b")


def towns_before_postcodes(text: str) -> frozenset[str]:
    """The places() a narrative writes right before a postcode ("Morley LS27 9QX"), in lower
    case: a town of an address in the note."""
    return frozenset(
        m.group(1).lower()
        for m in _TOWN_AND_POSTCODE.finditer(text)
        if m.group(1).lower() in places()
    )


_THEIR_NAME_AFTER = re.compile(r"\s+(?:is\s+|was\s+)?(?:her|his|their|my|our)\s+(?:sur)?name\b")


def _the_records_town(text: str, start: int, end: int, towns: frozenset[str]) -> bool:
    """The word is a town of the record's own addresses and nothing about it makes it the
    person: "Front counter Halifax" where the victim is Stephen Halifax of Halifax."""
    return text[start:end].lower() in towns and not _a_person_by_its_neighbours(text, start, end)


def _a_person_by_its_neighbours(text: str, start: int, end: int) -> bool:
    """A name the words about it make a person's: a title before ("Mr Halifax"), a verb that
    takes a person ("spoke to Halifax"), a possessive, or what a person does after it."""
    window = max(0, start - 24)
    return (
        _TITLE_AND_INITIALS_BEFORE.search(text, window, start) is not None
        or _TITLE_BEFORE.search(text, window, start) is not None
        or _PERSON_VERB_BEFORE.search(text, window, start) is not None
        or text[end : end + 2] in ("'s", "’s")
        or _PERSON_VERB_AFTER.match(text, end) is not None
        # one of the family, or the name said to be theirs: "I'm a Hadley, I'm not leaving",
        # "Hamilton her surname"
        or (text[max(0, start - 2) : start] == "a " and _CLAUSE_END.match(text, end) is not None)
        or _THEIR_NAME_AFTER.match(text, end) is not None
        or _PERSON_STATE_AFTER.match(text, end) is not None
    )


def _a_town_by_its_neighbours(text: str, cand: Candidate, words: list[str]) -> bool:
    """A place named like a person, placed by its team or county after it ("kimberley (notts)",
    "Beverley SNT", "Shirley ward"; not "Bridget Ward") or, a listed place and a single word, by
    "in", "near" or "towards" before it ("stay at her sons in beverley"); not "in Beverley's
    flat" or "in Beverley Knight's flat"."""
    first = _WORD.match(text, cand.start)
    end = first.end() if first is not None else cand.end
    if _TEAM_OR_COUNTY_AFTER.match(text, end):
        return True  # whatever lists know of it: no person has a county or a policing team
    if words[0] in places() and _AREA_AFTER.match(text, end):
        return True
    where = _WHERE_BEFORE.search(text, max(0, cand.start - 12), cand.start) is not None
    if (
        not where
        and words[0] in places()
        and words[0] not in first_names()
        and not text[cand.start : end].isupper()
    ):
        where = _GOING_BEFORE.search(text, max(0, cand.start - 12), cand.start) is not None
    if not where or end != cand.end or text[end : end + 1] in ("'", "’"):
        return False
    if words[0] in places():
        return True
    # a place named like a person, with no surname after it: "lives in Barry", not "in Barry
    # Jones's car"
    return words[0] in places_named_like_people() and not _CAPITAL_WORD_NEXT.match(text, end)


# A king's or a queen's numeral after a name, then a landmark's words: "King George V Playing
# Fields", "Queen Elizabeth II Law Courts".
_REGNAL_AFTER = re.compile(r"\s+(?:I{1,3}|IV|VI{0,3}|IX|X)\b")
_REGNAL_END = re.compile(r"\s(?:I{1,3}|IV|VI{0,3}|IX|X)$")
# A venue's word capitalised before its name: "Bar Ivy", "Club Tropicana", "Café Rouge".
_VENUE_WORD_BEFORE = re.compile(r"(?<![\w'’\-])(?:Bar|Club|Café|Cafe|Bistro|Lounge|Casa)\s$")
# A vehicle by its make, its model or its kind, after its colour.
_VEHICLE_AFTER = re.compile(
    r"\s+(?:" + "|".join(sorted(MAKES, key=len, reverse=True)) + r"|transit|sprinter|van|car"
    r"|hatchback|saloon|suv|4x4|pick-?up|motorbike|moped|scooter|lorry|taxi|corsa|fiesta|golf"
    r"|astra|focus|polo|clio|qashqai|juke|range\s+rover|land\s+rover)\b",
    re.IGNORECASE,
)
_COLOURS = _wordset(
    "black white silver grey gray red blue green dark light navy maroon yellow orange gold"
    " bronze purple beige"
)
# A count after a name in a list of counts, and the items of such a list: "Chadderton 5,
# Glodwick 9, Werneth 1", "totals: Hyde 1, Stalybridge 1".
_COUNT_NEXT = re.compile(r"\s\d{1,3}(?=\s*[,;.)]|\s*$|\s+\()")
_COUNTED_ITEM_BEFORE = re.compile(r"[A-Za-z]\s\d{1,3}[,;]\s*$")
_COUNTED_ITEM_AFTER = re.compile(r"\s\d{1,3}[,;]\s*[A-Z][a-z]+(?:[\s\-][A-Z][a-z]+)?\s\d{1,3}\b")
# The joints of a town's hyphened name: "Clayton-le-Moors", "Ashton-on-Ribble".
# The words that join a place's names with hyphens: "Ross-on-Wye", "Clayton-le-Moors".
_JOINT_WORDS = "on|upon|under|in|by|le|super|cum|next"
_TOWN_JOINT = rf"\w-(?i:{_JOINT_WORDS}|en|sub)-\w"
# A place, then the bracket the candidate opens: "Holyhead (Caergybi)".
_PLACE_THEN_BRACKET = re.compile(r"(?<![\w'’\-])([A-Z][a-z]+(?:[ \-][A-Z][a-z]+)?)\s\($")
_CUSTODY_BEFORE = re.compile(r"\b(?i:custody)\s+$")


# Two places joined, and what says they are places: the words after the pair ("Torry and
# Kincorth youth calls down", "Colin and Lagmore patrols") or "between" before it.
_PAIR_AFTER = re.compile(r"\s+(?:and|&)\s+([A-Z][a-z]{2,})\b(?!['’])")
_PAIR_BEFORE = re.compile(r"(?<![\w'’])([A-Z][a-z]{2,})\s+(?:and|&)\s+$")
_PLACES_NOUN_AFTER = re.compile(
    r"\s+(?:patrols?|pcsos?|npts?|snts?|youths?|youth\s+calls|calls|estates|areas|wards|quiet"
    r"|residents|shops|also\s+hit|up\s+\(|had|have\s+had|to\s+remain|beats?)\b",
    re.IGNORECASE,
)
_BETWEEN_BEFORE = re.compile(r"\b(?i:between)\s+(?:the\s+)?$")


def _pair_of_places(text: str, cand: Candidate, word: str) -> bool:
    """A word joined to another by "and" or "&", neither a first name, and one of them no name
    at all or shaped like a place ("-field", "-ton"), where the words around say places: a noun
    of places after the pair, or "between" before it. "Smith and Jones" stay people."""
    after = _PAIR_AFTER.match(text, cand.end)
    before = _PAIR_BEFORE.search(text, max(0, cand.start - 30), cand.start)
    if after is not None:
        other, first_start, pair_end = after.group(1), cand.start, after.end()
    elif before is not None:
        other, first_start, pair_end = before.group(1), before.start(1), cand.end
    else:
        return False
    pair = [word, other.lower()]
    if any(w in first_names() for w in pair):
        return False
    if not any(w not in surnames() or _PLACE_ENDING.search(w) for w in pair):
        return False
    return bool(
        _PLACES_NOUN_AFTER.match(text, pair_end)
        or _BETWEEN_BEFORE.search(text, max(0, first_start - 12), first_start)
    )


def _regnal_landmark(text: str, cand: Candidate) -> bool:
    span = text[cand.start : cand.end]
    end = cand.end
    if _REGNAL_END.search(span) is None:
        regnal = _REGNAL_AFTER.match(text, end)
        if regnal is None:
            return False
        end = regnal.end()
    return bool(
        _ORG_AFTER.match(text[end : end + 40])
        or re.match(
            r"\s+(?-i:[A-Z][a-z]+\s+)?(?i:playing\s+fields?|law\s+courts?|dock|park)\b", text[end:]
        )
    )


def _institution_named_for(text: str, cand: Candidate, span: str) -> bool:
    """A name that a school's, a college's or a hospital's word follows, with at most three of
    the institution's own words between in the same case (not "kyle left school": the word
    between is an English word in lower case)."""
    m = _INSTITUTION_AFTER.match(text, cand.end)
    if m is None:
        return False
    between = _WORD.findall(text, cand.end, m.end())[:-1]
    if span.islower():
        return all(w.islower() and w not in common_english_words() for w in between) and not (
            between and between[-1] in first_names()
        )
    return all(w[:1].isupper() for w in between)


def _a_town_before_its_town(text: str, cand: Candidate, words: list[str]) -> bool:
    """A district named like a person, then the town it is in and nothing more of a name: "of
    Shirley, Southampton", "Barry, Vale of Glamorgan"; not "Carl Clifton, Nottingham" (a first
    name before it) or "Keith, Leeds City Council" (the town starts a body's name)."""
    if len(words) != 1 or not (words[0] in places() or words[0] in places_named_like_people()):
        return False
    town = _TOWN_AFTER_COMMA.match(text, cand.end)
    if town is None or town.group(1).lower() not in places():
        return False
    if town.group(1).lower() in first_names() and town.group(1).lower() not in places():
        return False
    prev = _PREV_WORD.search(text, max(0, cand.start - 30), cand.start)
    return prev is None or not prev.group(1)[:1].isupper()


# A day of the year named for a feast or a person: "New Year's Eve", "Valentine's Day",
# "Guy Fawkes Night", "St Patrick's Day".
_FEAST_DAY = re.compile(
    r"(?i:\b(?:new\s+year['’]?s|christmas|boxing|hallowe['’]?en|mother['’]?s|father['’]?s"
    r"|valentine['’]?s|easter|midsummer|bonfire|guy\s+fawkes|armistice|remembrance|pancake"
    r"|st\.?\s+[a-z]+['’]s)\s+(?:eve|day|night|sunday|monday|weekend)\b)"
)


# A place named with its river, its sea or its hill: "Ross-on-Wye", "Clifton upon Dunsmore",
# "NEWBOLD ON AVON", "holland on sea", "Newcastle-under-Lyme", "Weston-super-Mare".
_RIVERS = (
    r"(?:avon|dove|trent|tyne|tees|wye|severn|thames|dee|ouse|soar|swale|tame|wear|lune|ribble"
    r"|mersey|eden|exe|dart|teign|taw|tamar|fowey|frome|stour|test|itchen|kennet|lea|colne|cam"
    r"|nene|welland|witham|ure|aire|calder|don|derwent|dearne|wharfe|nidd|rother|medway|arun"
    r"|adur|wey|sea|solent|humber|clyde|tay|forth|spey|usk|taff|towy|teme|lugg|churnet|fosse)"
)
_JOINED_BY_HYPHENS = rf"-(?:{_JOINT_WORDS})-[^\W\d_]"
_PLACE_JOINED_INSIDE = re.compile(_JOINED_BY_HYPHENS, re.IGNORECASE)
# A place's words joined by a lower-case word, with spaces: "Sturton by Stow", "Kirby le Soken".
_PLACE_JOINT_INSIDE = re.compile(
    r"([A-Z][a-z]+)\s(?:(by|upon|on|under|cum|in)|le|la|de\s+la|en\s+le)\s[A-Z][a-z]+"
)
_PLACE_JOINED_AFTER = re.compile(
    _JOINED_BY_HYPHENS + rf"|(?i:\s+upon\s+(?-i:[A-Z])|\s+under\s+ly(?:me|ne)\b|\s+on\s+{_RIVERS}\b"
    # (not a street or a building named for the river: "Kyle on Avon Road", "on Trent Bridge")
    r"(?!\s+(?:road|rd|street|st|lane|ln|way|avenue|ave|close|drive|dr|bridge|park|house|court"
    r"|view|terrace|crescent|place|walk|side|mill|valley|retail|hotel|inn|school|academy"
    r"|college|centre|center|estate|gardens|green|square|quay|wharf|marina|embankment|path"
    r"|towpath|leisure|stadium|boulevard|parade|row|rise|grove|mews|meadows?|fields?|vale|wall"
    r"|front|shore)\b))"
)


def _place_joined(text: str, cand: Candidate) -> bool:
    """A name that is a place's first word, joined to its river or hill: "Ross-on-Wye"."""
    span = text[cand.start : cand.end]
    return (
        _PLACE_JOINED_INSIDE.search(span) is not None
        or _PLACE_JOINED_AFTER.match(text, cand.end) is not None
    )


# A first name and a nickname in quotes before a word: the word is the surname, whatever
# else it means ("Gary 'Gaz' Marriage", "KELLY "KAZ" BOOTH").
_FIRST_NAME_AND_NICKNAME_BEFORE = re.compile(
    r"(?<![\w'’])([A-Z][A-Za-z]+)\s+['\"‘“][^'\"‘’“”\n]{1,20}['\"’”]\s+$"
)


def _after_a_first_name_and_nickname(text: str, cand: Candidate) -> bool:
    span = text[cand.start : cand.end]
    if " " in span.strip() or not span[:1].isupper():
        return False
    m = _FIRST_NAME_AND_NICKNAME_BEFORE.search(text, max(0, cand.start - 48), cand.start)
    return m is not None and m.group(1).lower() in first_names()


# A train's or a bus's time, then where it runs to or from: "the 23:44 to Victoria".
_SERVICE_TIME_BEFORE = re.compile(r"\b(?i:the)\s+\d{1,2}[:.]\d{2}\s+(?i:to|from|for|towards)\s+$")


def _feast_day(text: str, cand: Candidate) -> bool:
    return any(
        m.start() < cand.end and cand.start < m.end()
        for m in _FEAST_DAY.finditer(text, max(0, cand.start - 20), cand.end + 12)
    )


# A law named for the person it remembers: "Clare's Law", "Sarah's Law", "Martyn's Law".
_LAW_AFTER = re.compile(r"['’]s\s+(?:Law|law|LAW)\b")
_NAMED_LAW_BEFORE = re.compile(r"\w['’]s\s+$")
# "The" inside a sentence, then capitalised words: a pub's or a venue's name ("door staff at The
# Woodrow Wilson", "behind The Sir Percy Florence Shelley").
_VENUE_BEFORE = re.compile(r"(?<![.!?:;]\s)(?<!^)\bThe\s+(?:[A-Z][a-z'’]+\s+){0,3}$")


def _a_named_law(text: str, cand: Candidate) -> bool:
    """The name of a law that remembers someone, or its word "Law": "Clare's Law"."""
    span = text[cand.start : cand.end]
    return (
        _LAW_AFTER.match(text, cand.end) is not None
        or _LAW_AFTER.search(span) is not None
        or (
            span.lower() == "law"
            and _NAMED_LAW_BEFORE.search(text, max(0, cand.start - 30), cand.start) is not None
        )
    )


# A note about graffiti, where a quoted word in capitals is a tag, not a nickname.
GRAFFITI_NOTE = re.compile(r"\b(?i:graffiti|tags?|tagged|tagging|sprayed|spray[\s\-]?paint\w*)\b")
_PARTNERS_AFTER = re.compile(r"\s*(?:&|and)\s+(?i:partners|associates|sons|co)\b")
_PARTICIPLES = _wordset("given known unknown taken shown spelt written")
_MODAL_NEXT = re.compile(r"\s+(?:be|not|have|need|continue|review|update|attend|chase)\b")
# Animals kept as pets, by kind and breed: a name beside one of these words is a pet's.
_PET_WORDS = (
    r"(?:(?:dog|cat|pup|kitten|staffy|staffie|husk|beagle|alsatian|rottweiler|rottie|bulldog"
    r"|terrier|collie|spaniel|labrador|poodle|chihuahua|pitbull|bully|bullie|greyhound|lurcher"
    r"|whippet|cockapoo|cavapoo|dachshund|shepherd|mastiff|akita|parrot|rabbit|pony|ponie"
    r"|ferret|tomcat|moggy|puppie|huskie|cockerel|rooster|hen|goat|horse|dug|corso|doberman"
    r"|dobermann|retriever|springer|schnauzer|malamute|weimaraner|vizsla|malinois|pug)s?|puppy|husky"
    r"|xl(?=\s+(?:bully\s+)?type)"
    r"|ponies|puppies|huskies)"
)
_DETERMINER = r"(?:a|an|the|our|their|his|her|my|your|next\s+doors?|next\s+door['’]s)"
# A pet's word that names a job or a thing of dogs, not the animal: "JR, Dog Warden", "dog fouling"
_NOT_THE_ANIMAL = (
    r"(?!\s+(?i:wardens?|officers?|units?|teams?|section|handlers?|walkers?|fouling|attacks?"
    r"|bites?|mess|control|licen[cs]es?|groomers?|kennels)\b)"
)
# "his dog Rocco", "a big dog, Zeus,", "the dog called Tyson", "lurcher \"Tess\"", "a loose pony
# (Bracken)", and the second of two: "his dogs Roxy and Alan", "lurchers \"Bess\" and \"Jet\""
# (not a list's next item: "fireworks at peoples dogs, dai n rhodri"), and after its owner's
# name: "Declan Rooney's brown lurcher, Bruno"
_PET_BEFORE = re.compile(
    rf"(?:(?:\b{_DETERMINER}|['’]s)\s+(?:[\w'’\-]+\s+){{0,2}}(?i:{_PET_WORDS}),\s*"
    rf"|\b(?i:{_PET_WORDS})(?:\s+type)?(?:\s+(?:called|named))?\s*(?:\(\s*)?)[\"'“‘]?"
    r"(?:[A-Z][\w'’\-]+[\"'”’]?\s+(?:and|&)\s+[\"'“‘]?)?$"
)
# "the cockerel (they call him Gerry)", "a husky - guests call them Luna and Max", "a bull
# terrier answering to the name Tyson", "a lurcher that goes by Dot"
_PET_CALLED_BEFORE = re.compile(
    rf"\b(?i:{_PET_WORDS})\b[^.;\n]{{0,40}}\b(?:(?:call|calls|called|named)\s+(?:him|her|it|them)"
    r"|(?i:answer(?:s|ing|ed)?\s+to|go(?:es|ing)?\s+by|went\s+by)(?:\s+the\s+name(?:\s+of)?)?"
    r"|by\s+the\s+name(?:\s+of)?)\s+[\"'“‘]?"
    r"(?:[A-Z][\w'’\-]+\s+(?:and|&)\s+)?$"
)
# "Luna (husky)", "Bella (next doors cat", "Rupert, a beagle", "Tyson, a staffy", "(Luna,
# husky)", "Kevin is the dog" (not "Mark, walking his dog", "JR, Dog Warden", "Kevin is the
# dog's owner")
_PET_AFTER = re.compile(
    rf"(?:\s*\(\s*(?:{_DETERMINER}\s+(?:[\w'’\-]+\s+){{0,2}}?|(?:[\w'’\-]+\s+)??)"
    rf"|\s*,\s*{_DETERMINER}\s+(?:[\w'’\-]+\s+){{0,2}}?"
    rf"|\s*,\s*(?=(?i:{_PET_WORDS})\s*\))"
    rf"|\s+(?:is|was)\s+(?:a|an|the|our|their|his|her|my)\s+(?:[\w'’\-]+\s+)??"
    # the question put to its owner: "Is Simba your dog?"
    rf"|\s+your\s+(?:[\w'’\-]+\s+)??)"
    rf"(?i:{_PET_WORDS})(?![\w'’]){_NOT_THE_ANIMAL}"
)


_PET_WORD = re.compile(rf"\b(?i:{_PET_WORDS})\b")


def _a_pets_name(text: str, start: int, end: int, people: Sequence[Entity] = ()) -> bool:
    """A name beside a pet's word: the animal's, not a person's. A pet's word inside someone's
    name before it is theirs: "Tom Shepherd (TS)" are his initials."""
    before = _PET_BEFORE.search(text, max(0, start - 40), start) or _PET_CALLED_BEFORE.search(
        text, max(0, start - 80), start
    )
    if before is not None:
        kinds = list(_PET_WORD.finditer(text, before.start(), start))
        at = kinds[-1].start() if kinds else before.start()
        if not any(p.start <= at < p.end and " " in text[p.start : p.end].strip() for p in people):
            return True
    return _PET_AFTER.match(text, end) is not None


def without_pets(text: str, entities: list[Entity]) -> list[Entity]:
    """Leave out a one-word PERSON that is a pet's name, wherever it was found from: beside a
    pet's word ("his dogs Roxy and Alan"), or the same word again where the note names no one
    of that name ("Kevin (a staffy) … he says Kevin only barks"); and a pet's word taken for a
    name at a sentence's start ("Lurchers \"Bess\" and \"Jet\" forfeited")."""
    people = [e for e in entities if e.type == "PERSON"]
    alone = {e for e in people if re.fullmatch(r"[^\W\d_][\w'’\-]*", text[e.start : e.end])}
    pets = {text[e.start : e.end] for e in alone if _a_pets_name(text, e.start, e.end, people)}
    # (a word of someone's full name is theirs: "Kevin" after "your son Kevin Wong")
    in_full_names = {
        w for e in people if e not in alone for w in re.findall(r"[\w'’\-]+", text[e.start : e.end])
    }
    pets -= in_full_names
    return [
        e
        for e in entities
        if e not in alone
        or (
            text[e.start : e.end] not in pets
            and not re.fullmatch(_PET_WORDS, text[e.start : e.end], re.I)
        )
    ]


_CHURCHMAN_BEFORE = re.compile(r"\b(?-i:Archbishop|Bishop|Cardinal|Pope)\s+$")
_HEAD_ROLE_BEFORE = re.compile(r"\b(?i:deputy|assistant|acting|associate|executive)\s+$")
_MONTHS_JOINED = re.compile(
    rf"\b(?i:{'|'.join(sorted(MONTH_WORDS))})\s?[-–/]\s?(?i:{'|'.join(sorted(MONTH_WORDS))})\b"
)


# A hospital's emergency department by its letters, which spell a name: "ED LIAISON", "in ED
# waiting room", "attended ED", "ED Safeguarding Nurse" (not "ED SAID HE SAW", "spoke to ED").
_DEPARTMENT_AFTER = re.compile(
    r"\s+(?i:liaison|waiting|nurse|nurses|staff|department|doctor|dr|consultant|triage|reception"
    r"|safeguarding|attendance|attendances|cubicle|majors|minors|resus|security|clinician|team"
    r"|corridor|admission|discharge|records?)\b"
)
_DEPARTMENT_BEFORE = re.compile(
    r"\b(?i:in|to|at|from|left|attended|attending|via|into|through|the|our|their|his|her)\s+$"
)


_HOME_NAME_LAST = re.compile(
    r"\b(?i:house|lodge|court|manor|hall|grange|view|gardens|villa|place|mews|cottage|croft"
    r"|mount|towers?)$"
)
# What a named building is when it is no one's home: a care home, a hostel, a refuge
# ("Oakleigh Lodge nursing home", "St Anne's House supported housing").
INSTITUTION_AFTER = re.compile(
    r"\s+(?i:(?:care|nursing|residential|children['’]s)\s+home|supported\s+(?:housing|living"
    r"|accommodation)|hostel|hospice|refuge|day\s+centre|extra\s+care)\b"
)


def _emergency_department(text: str, cand: Candidate) -> bool:
    return text[cand.start : cand.end] == "ED" and (
        _DEPARTMENT_AFTER.match(text, cand.end) is not None
        or _DEPARTMENT_BEFORE.search(text, max(0, cand.start - 12), cand.start) is not None
    )


def _not_a_speaker(word: str) -> bool:
    """A chat speaker's word that names no one: "Update", "Mam"; not "Blessing", a name too."""
    return (
        word in _NOT_SPEAKERS
        or (word in english_words() and word not in first_names())
        or word in ROLE_WORDS
    )


# Words for someone unnamed: "one lad", "the other male".
_SOMEONE_WORDS = _wordset(
    "one two three the other another a an lad lads boy boys girl girls male males female females"
    " man men woman women youth youths someone somebody person kid kids everyone everybody anyone"
    " anybody"
)
_CAPITALISED_AFTER_POSSESSIVE = re.compile(r"['’]s\s+[A-Z]")
_ANYONE = _wordset("everyone everybody someone somebody anyone anybody")
# A measure's unit in lower case, where a number comes right before it: "15 min", "30 mph".
_UNIT_AFTER_A_NUMBER = re.compile(
    r"(?:min|mins|hr|hrs|sec|secs|mph|kph|km|kg|ft|yds|m|cm|mm|ml|ltr)\b(?:\s[a-z]+)?$"
)
_NUMBER_BEFORE = re.compile(r"\d\s?$")


# A Welsh place's, street's or house's name joined by hyphens around its article or a
# preposition: "Pen-y-Bryn", "Tal-y-bont", "Heol-yr-Ysgol", "Bryn-ar-Lan" (no one's name runs so;
# "Jean-Luc", "Mary-Jo" and "Ann-Marie" have no joining word, and a name spelled out,
# "M-A-H-O-N", has no word of two letters).
_WELSH_COMPOUND = re.compile(
    r"[^\W\d_]{2,}(?:-(?i:y|yr|r|ar|a|o|dan|is|uwch)-[^\W\d_]{2,})+", re.IGNORECASE
)
_WORD_WITH_HYPHENS = re.compile(r"[^\W\d_][\w'’]*(?:-[\w'’]+)*")


# A body of the Crown by its "HM": "HM Land Registry", "HM Courts & Tribunals Service", "HM
# Revenue and Customs", "HM Passport Office", "HM Coastguard".
_CROWN_BODY = re.compile(
    r"\bHM\s+(?:[A-Z][a-z]+\s+(?:(?:&|and)\s+)?){0,3}(?:Registry|Service|Coastguard|Prisons?"
    r"|Courts|Revenue|Customs|Treasury|Inspectorate|Government|Office|Constabulary)\b"
)


def _match_around(
    pattern: re.Pattern[str], text: str, cand: Candidate, before: int, after: int
) -> re.Match[str] | None:
    """The pattern's match that holds the candidate, looked for from `before` characters
    before it to `after` characters after it."""
    for m in pattern.finditer(text, max(0, cand.start - before), min(len(text), cand.end + after)):
        if m.start() <= cand.start and cand.end <= m.end():
            return m
    return None


def _in_welsh_compound(text: str, cand: Candidate) -> bool:
    """Every word of the span inside a Welsh joined name (see _WELSH_COMPOUND)."""
    word = _match_around(_WORD_WITH_HYPHENS, text, cand, 30, 30)
    return word is not None and _WELSH_COMPOUND.fullmatch(word.group()) is not None


def _false_name(text: str, cand: Candidate) -> bool:
    span = text[cand.start : cand.end]
    if _emergency_department(text, cand):
        return True
    if _HOME_NAME_LAST.search(span) and INSTITUTION_AFTER.match(text, cand.end):
        return True  # "Oakleigh Lodge nursing home": a home's name, not its owner's
    if _a_named_law(text, cand):
        return True  # "does not want Clare's Law disclosure": a scheme, not a person
    if ANONYMISED_LABEL.fullmatch(span):
        return True  # "Child A", "Youth 2", "Young Person B": a name already taken out
    if _match_around(_CROWN_BODY, text, cand, 40, 60) is not None:
        return True  # "from HM Land Registry", "HM Courts & Tribunals Service": the Crown's body
    if _in_welsh_compound(text, cand):
        return True  # "Neighbours at Pen-y-Bryn", "3 Heol-y-Dderwen": a place's name, joined
    if text[cand.start - 1 : cand.start] == "#" and all(
        w in english_words()
        or w in common_word_names()
        or w in places()
        or w in not_names()
        or w in _COMPASS
        for w in (part.lower() for part in _CAMEL_PART.findall(span))
    ):
        return True  # "#SouthShields", "#StopTheNoise": a hashtag of places and words
    if _feast_day(text, cand):
        return True  # "New Year's Eve", "Valentine's Day": a day, not a person
    possessive = re.search(r"['’]s\s(?=[A-Z])", span)
    if (possessive and a_business_after(span[possessive.start() :])) or (
        # (its trade capitalised, as a business's name is: not "Mr Yilmaz's street trading")
        _CAPITALISED_AFTER_POSSESSIVE.match(text, cand.end)
        and a_business_after(text[cand.end : cand.end + 40])
    ):
        return True  # "Mr Wu's Noodle House", "Florin's Hand Car Wash": a business by its owner
    someone = span.lower().split()
    if (
        someone
        and all(w in _SOMEONE_WORDS for w in someone)
        and ((len(someone) > 1 and span.islower()) or someone[0] in _ANYONE)
    ):
        return True  # "named one lad only as …", "Everybody cries him …": someone, not a name
    if _UNIT_AFTER_A_NUMBER.match(span) and _NUMBER_BEFORE.search(
        text, max(0, cand.start - 8), cand.start
    ):
        return True  # "attend 15 min urban", "20 mins": a measure after its number
    if (
        named_like_people_around(text, cand.start, cand.end)
        and _TITLE_BEFORE.search(text, max(0, cand.start - 16), cand.start) is None
        and _AGE_GIVEN_AFTER.match(text, cand.end) is None
        # ("suspect John Lewis", "spoke to Ann Summers", "named as Ted Baker": a person)
        and _ROLE_WORD_BEFORE.search(text, max(0, cand.start - 16), cand.start) is None
        and _PERSON_VERB_BEFORE.search(text, max(0, cand.start - 24), cand.start) is None
        and _CUE_BEFORE.search(text, max(0, cand.start - 24), cand.start) is None
    ):
        # "outside John Lewis", "a Ted Baker coat", "Travis Perkins' yard", "Kirkby Stephen"
        return True
    if _place_joined(text, cand):
        return True  # "Ross-on-Wye", "Clifton upon Dunsmore": a place's first word
    joint = _PLACE_JOINT_INSIDE.fullmatch(span)
    if joint and (
        joint.group(2) is not None
        or joint.group(1).lower() not in first_names()
        or joint.group(1).lower() in places()
        or span.rsplit(None, 1)[-1].lower() not in surnames()
    ):
        # "Sturton by Stow", "Kirby le Soken", "Layer de la Haye": a village's joined name (a
        # person's "le" or "de la" only between a first name and a surname: "Marie de la Cruz")
        return True
    if _after_a_first_name_and_nickname(text, cand):
        return False  # "Gary 'Gaz' Marriage": the surname, whatever the word
    words = [w.lower().removesuffix("'s").removesuffix("’s") for w in _WORD.findall(span)]
    if not words or (cand.source == "ner" and any(c.isdigit() for c in span)):
        return True
    if " ".join(words) in NO_ONES_NAMES:
        return True  # 'gave his name as "Mickey Mouse"': a false name that is nobody's
    if all(w.rstrip(".") in PERSONAL_TITLES for w in words) and (
        not span.isupper() or _NAME_IN_CAPITALS_AFTER.match(text, cand.end)
    ):
        # "Tenant Mr" (the model's, its role trimmed): a title, no one's name (not the initials
        # "DR" owning an action: "DR to chase legal")
        return True
    if (
        span.isupper()
        and _quoted(text, cand)
        and GRAFFITI_NOTE.search(text)
        and _cue_before(text, cand.start) is None  # 'known as "TINY"' is a nickname still
    ):
        return True  # 'Graffiti on the bridge: MAGIK and "WILL" in blue': a tag
    churchman = (
        _CHURCHMAN_BEFORE.search(text, max(0, cand.start - 14), cand.start)
        if len(words) == 1
        else None
    )
    if churchman is not None and (
        text[cand.end : cand.end + 1] in ("'", "’")
        or _LOCATIVE_BEFORE.search(text, max(0, churchman.start() - 12), churchman.start())
        or re.search(
            r"(?i:school)\W{1,3}$", text[max(0, churchman.start() - 12) : churchman.start()]
        )
    ):
        # "kids from Bishop Challoner", "School: Archbishop Tenison's": a school named for one
        # (not "Bishop Jones said")
        return True
    if words[-2:] in (["deputy", "head"], ["assistant", "head"], ["acting", "head"]):
        return True  # "Deputy Head": a school's role, found whole
    if words == ["head"] and (
        _HEAD_ROLE_BEFORE.search(text, max(0, cand.start - 12), cand.start)
        or text[cand.end : cand.end + 4].lower() in (" of ", "teac")
    ):
        return True  # "Deputy Head", "Head of Year": a school's role
    if (
        len(words) == 1
        and words[0] in MONTH_WORDS
        and _MONTHS_JOINED.search(text[max(0, cand.start - 12) : cand.end + 12])
    ):
        return True  # "noise diary Jan-Mar 2025", "April–June": months, not a name
    if (
        cand.source == "context"
        and len(words) == 1
        and span.islower()
        and words[0] in english_words()
        and ((len(words[0]) >= 5 and words[0].endswith("ed")) or words[0] in _PARTICIPLES)
        and not _mostly_lower_case(text, 40)  # capitals enough for names to have theirs
    ):
        # "real name checked, Earl Anthony Grey", "name given": a verb after the cue; not a
        # nickname that is a word ("ghost n milky (both 17)")
        return True
    if len(words) == 1 and _WARNING_MARKERS_BEFORE.search(
        text, max(0, cand.start - 40), cand.start
    ):
        return True  # "warning markers VI and DR": the PNC's warning signals, not initials
    if len(words) == 1 and _a_pets_name(text, cand.start, cand.end):
        return True  # "his dog Rocco", "(Luna, husky)", "Bella (next doors cat)": a pet
    if any(w in MAKES and w not in surnames() and w not in first_names() for w in words):
        return True  # "a pink Xiaomi", "Grey Honda PCX": a vehicle's make, not a name
    if len(words) >= 2 and " ".join(words) in places_abroad():
        return True  # "from Hong Kong", "Sierra Leone": a place abroad, named like a person
    if (
        len(words) == 1
        and text[cand.end : cand.end + 1] not in ("'", "’")
        and _SERVICE_TIME_BEFORE.search(text, max(0, cand.start - 24), cand.start)
    ):
        return True  # "left on the 23:44 to Victoria": a train's or a bus's end, a place
    if cand.source != "ner" and _SPELLED.fullmatch(span) and all(len(w) == 1 for w in words[:4]):
        return False  # "A-G-N-I-E-S-Z-K-A": a name spelled out letter by letter
    if (
        "_" in span
        or _machine_value_of(text, cand.start, cand.end)
        or (
            (label := _PLACE_LABEL_BEFORE.search(text, max(0, cand.start - 30), cand.start))
            # (a listed first name and surname, neither a word, is a private landlord's:
            # "Landlord: Bartosz Zieliński"; not a venue's: "Venue: Molly Malone's")
            and not (
                "landlord" in label.group().lower()
                and len(words) == 2
                and words[0] in first_names()
                and words[1] in surnames()
                and not any(not_a_name_word(w) for w in words)
            )
            # (nor a team's people, first names listed: "Team: Ruth, Glenys, Ike")
            and not (
                "team" in label.group().lower()
                and len(words) == 1
                and words[0] in first_names()
                and _LISTED_NEXT.match(text, cand.end) is not None
            )
        )
    ):
        return True  # '"tenancy_ref":', '"landlord": "Clarion Housing"', "RENT_ACC="
    if (2 <= len(words) <= 3 or _CALL_SIGN_NUMBER.match(text, cand.end)) and all(
        _phonetic(w) for w in words
    ):
        # "Mike Sierra Four-One to control", "OSCAR 4 ATT": a call sign (four or more words
        # spell a name out)
        return True
    if _ALIAS_AFTER.match(text, cand.end):
        # "Little D (real name Dwayne)": a street name, whatever its words
        return all(w in _NOT_ALIASES or w in ROLE_WORDS or w in not_names() for w in words)
    if LINE_NAME_BEFORE.search(text, max(0, cand.start - 24), cand.start):
        return True  # 'line name "Bando"': a drug line's brand, not a person
    if _an_operation(text, cand):
        return True  # "Op Jasmine", "Operation Summer Nights": a police operation's name
    if surname_first(text, cand.start, cand.end):
        return False  # "FARM, Tyrese", "MANOR, Jaden": a surname in capitals before its forename
    if len(words) == 1 and _quoted(text, cand) and _cue_before(text, cand.start) == "strong":
        return False  # "an older male known only as 'Uncle'": a nickname, whatever the word
    titled = _TITLE_BEFORE.search(text, max(0, cand.start - 16), cand.start) is not None
    if (
        len(words) == 1
        and not titled
        and len(words[0]) >= 4  # (not "DP" owning an action: someone's initials)
        and words[0] in _LEADING
        and words[0] not in surnames()
        and words[0] not in first_names()
    ):
        return True  # "Clerk's minute", "Verger's phone": a role alone, no one's name
    if (
        len(words) == 1
        and not titled
        and span.isupper()
        and len(span) == 3
        and (words[0] in _LEADING or words[0] == "nok")  # (next of kin; "Nok" is a name)
        and words[0] not in surnames()
    ):
        return True  # "Only NOK son Lee Dunn", "CPN visited": a role's letters, no one's
    if (
        len(words) >= 2
        and _COUNCIL_LETTERS.search(span)
        and words[0] not in first_names()
        and words[0] not in COMMON_WORD_NAMES
    ):
        return True  # "Huntingdonshire DC", "Broxtowe BC": a council by its letters
    if len(words) == 1 and words[0] in _NEVER_A_NAME:
        return True  # "there's lads smashing it": the sentence, not someone's lads
    if len(words[0]) == 1 and _GRADE_BEFORE.search(text, max(0, cand.start - 12), cand.start):
        return True  # "Grading B/2/P. Source reports", "Handling code P.": an intelligence grade
    if _STREET_THEN_COMMA.search(span):
        return True  # "High St, Morley": a street and its town, run together by the model
    if not titled and _streets_then_district(span):
        return True  # "Tudor St Cardiff", "GREENFIELD LANE BALBY": streets and a district
    if len(words) >= 2 and words[0] in STREET_NOT_SURNAME:
        return True  # "Bevan Street East", "St Blazey": a street's word never starts a name
    if len(words) == 1 and words[0] in _COMPASS and not titled:
        return True  # "East Suffolk", "Bevan Street East": a compass word alone (not "Mr West")
    if len(words) >= 2 and (words[0] in _COMPASS or words[0] in _COMPASS_ADJECTIVES):
        # "Inspector South Bristol", "Dear East Lindsey ASB team", "West Sussex IPEH",
        # "Southern Vectis": a district, or a body named for one
        return True
    inner = re.search(r"['’]s\s", span)
    if _POSSESSIVE_PLACE_AFTER.match(text, cand.end) or (
        inner is not None and _POSSESSIVE_PLACE_AFTER.match(text, cand.start + inner.start())
    ):
        return True  # "Chandler's Ford", "Harold's Cross", "Clare's Law": named for someone
    if len(words) <= 3 and _institution_named_for(text, cand, span):
        return True  # "Timothy Hackworth Primary", "Sir John Hunt Community Sports College"
    if (
        re.fullmatch(r"[A-Z]{2,4}", span)
        or (
            len(words) == 1
            and span.istitle()
            and (words[0] in common_english_words() or words[0] in _DEPARTMENTS)
        )
    ) and _BODY_BEFORE_ITS_TEAM.search(text, max(0, cand.start - 16), cand.start):
        # "Peterborough City Council PES", "Wiltshire Police CRT", "Wrexham Council Parks": a
        # body's team or department
        return True
    if (
        _ROYAL_POSSESSIVE_BEFORE.search(text, max(0, cand.start - 10), cand.start)
        or (
            len(words) == 1
            and words[0] in _ROYAL_WORDS
            and re.match(r"['’]s\s+[A-Z]", text[cand.end : cand.end + 6]) is not None
        )
        or _ROYAL_POSSESSIVE_START.match(span) is not None
    ):
        # "KING'S LYNN", "Bishop's Stortford", "Earl's Court", "towards King's Hedges": a
        # town's name, its first word found alone, or the whole found as a name
        return True
    if _regnal_landmark(text, cand):
        return True  # "King George V Playing Fields", "Queen Elizabeth II Law Courts"
    if (
        len(words) == 2
        and words[0] in _COLOURS
        and words[1] not in first_names()
        and words[1] not in surnames()
    ):
        return True  # "Silver Passat", "Black BMW X5": a vehicle by its colour
    if (
        not titled
        and len(words) == 1
        and _VENUE_WORD_BEFORE.search(text, max(0, cand.start - 12), cand.start)
    ):
        return True  # "walking home from Bar Ivy", "Club Tropicana": a venue's name
    if (
        not titled
        and len(words) == 1
        and words[0] in _COLOURS
        and _VEHICLE_AFTER.match(text, cand.end)
    ):
        return True  # "STATES WHITE TRANSIT WP16 UHF", "a black Corsa": the vehicle's colour
    if (
        len(words) == 1
        and words[0] not in first_names()
        and _CUSTODY_BEFORE.search(text, max(0, cand.start - 10), cand.start)
    ):
        return True  # "CUSTODY Hanley:", "Custody Malinsgate (Telford)": the suite's place
    if (
        len(words) <= 3
        and not titled
        and all(w not in first_names() and (w not in surnames() or w in places()) for w in words)
        and _COUNT_NEXT.match(text, cand.end)
        and (
            _COUNTED_ITEM_BEFORE.search(text, max(0, cand.start - 30), cand.start)
            or _COUNTED_ITEM_AFTER.match(text, cand.end)
        )
    ):
        return True  # "Chadderton 5, Glodwick 9, Werneth 1": places in a list of counts
    if len(words) == 1 and not titled and _pair_of_places(text, cand, words[0]):
        return True  # "Torry and Kincorth youth calls", "between Middlefield and Heathryfold"
    if _STREET_WORD_NEXT.match(text, cand.end):
        return True  # "Royal William Yard", "Sergeant Dunstall Road": a street's or a yard's name
    if len(words) == 1 and _date_use(text, cand.start, cand.end):
        return True  # "since early June", "reported in May.": the month
    if _a_town_by_its_neighbours(text, cand, words):
        return True  # "kimberley (notts) snt", "beverley snt", "her sons in audley"
    if not titled and _a_town_before_its_town(text, cand, words):
        return True  # "of Shirley, Southampton", "Raffles, Carlisle": a district
    if _agency_of_an_attendee(text, cand) and not (len(words) >= 2 and words[0] in first_names()):
        return True  # "Present: … Moira Leckie (Clwyd Alyn)": her organisation
    near = _NEAR_A_PLACE_AFTER.match(text, cand.end)
    if (
        near is not None
        and not titled
        and near.group(1).lower() in places()
        and _PERSON_VERB_BEFORE.search(text, max(0, cand.start - 24), cand.start) is None
    ):
        return True  # "Bradley, nr Bilston", "Lowton (near Leigh)": a place by the place near it
    if _town_after_address(text, cand, words):
        return True  # "3 Pit Lane Shirley", "12 Heol Hir, Llanishen, Cardiff": its locality
    if _town_before_postcode(text, cand):
        return True  # "5 High Street, Bala LL23 7AD": the town of an address
    second = _WORD.search(text, cand.start + 1, cand.end) if len(words) >= 2 else None
    if _PUB_TITLE_BEFORE.search(text, max(0, cand.start - 16), cand.start) or (
        second is not None
        and _PUB_TITLE_BEFORE.search(text, max(0, cand.start - 16), second.start())
    ):
        return True  # "The Admiral Rodney", "the Lord Rosebery" (the title in it): a pub
    if _named_place_before(text, cand.start) or (
        words[0] in _NATURAL_PLACE_WORDS
        and (len(words) >= 2 or _TITLED_WORDS_AFTER.match(text, cand.end) is not None)
    ):
        # "St Mirren", "Loch Ness", "Lough Erne" (or its first word alone): named for a saint
        # or a lake
        return True
    if not titled and _vehicle_model(text, cand, words):
        return True  # "Seat Leon", "Toyota Yaris": a vehicle
    if any(w in _INSTITUTION_WORDS for w in words):
        return True  # "Merseyside Police IOM": an institution, whatever else is in it
    if (
        _SPEAKER_BEFORE.search(text, max(0, cand.start - 40), cand.start)
        and _SPEAKER_AFTER.match(text, cand.end)
        and not all(_not_a_speaker(w) for w in words)
    ):
        # "[09/05 23:02] Mags: anyone else…", "21:50 Blessing 💯: nah": a chat message's speaker
        return False
    if _quoted_chat_speaker(text, cand):
        # '"dizzy: who out tnite" / "mouse: me n kenzo"': a screenshot's speakers, any word
        return all(w in _NOT_SPEAKERS or w in ROLE_WORDS or w in not_names() for w in words)
    bracket = _PLACE_THEN_BRACKET.search(text, max(0, cand.start - 40), cand.start)
    if (
        bracket is not None
        and len(words) == 1
        and text[cand.end : cand.end + 1] == ")"
        and all(w.lower() in places() for w in _WORD.findall(bracket.group(1)))
    ):
        return True  # "Holyhead (Caergybi)", "Menai Bridge (Porthaethwy)": a place's other name
    if _AGENCY_SPEAKER_AFTER.match(text, cand.end) and all(w in places() for w in words):
        return True  # "Holyhead (Caergybi): ASB reports up": a bulletin's place, not a speaker
    if _AGENCY_SPEAKER_AFTER.match(text, cand.end) and not all(
        w in _NOT_SPEAKERS
        or w in ROLE_WORDS
        or w in not_names()
        or (w in english_words() and w not in first_names())
        for w in words
    ):
        # "Faith (Council): What times?": a speaker named with their agency; not "Advisor
        # (Kelly):" or "Occupants (Slovak Roma):"
        return False
    if _ACTION_OWNER.fullmatch(span) and _ACTIONS_BEFORE.search(
        text, max(0, cand.start - 320), cand.start
    ):
        return False  # "Actions: GOD review CADs; MH closure notice": initials owning an action
    if (
        _TWO_LETTERS.fullmatch(span)
        and words[0] not in _NOT_INITIALS
        and words[0] not in not_names()
        and _OWNER_CELL_BEFORE.search(text, max(0, cand.start - 12), cand.start)
        and _OWNER_CELL_AFTER.match(text, cand.end)
        and _ACTIONS_TABLE_BEFORE.search(text, max(0, cand.start - 800), cand.start)
    ):
        return False  # "| A17 | JN / CH | Castle Square …": an actions table's owners
    if (
        span.islower()
        and not any(w in english_words() for w in words)
        and PERSONAL_TITLE_BEFORE.search(text, max(0, cand.start - 8), cand.start)
    ):
        # "mr hamilton v mrs irvine", "spoke to mr stanley": a surname, whatever town it names
        return all(w in not_names() and w not in surnames() for w in words)
    if titled and span.islower() and all(w in english_words() for w in words):
        return True  # "pc attended", "sgt on duty": a word, not a surname
    if titled and _PARTNERS_AFTER.match(text, cand.end):
        return True  # "Dr Bhatt & Partners", "Mr Patel & Sons": a practice's or a firm's name
    if titled and span[0].isupper():
        # "DC Chelmsford", "Mr Ford": a surname whatever else the word may be
        return all(w in not_names() and w not in surnames() for w in words)
    if (
        len(words) <= 3
        and (AGE_AFTER.match(text, cand.end) or DOB_AFTER.match(text, cand.end))
        # (not a street's count of reports: "Dalton Road (7)")
        and words[-1] not in STREET_NOT_SURNAME - {"close", "way"}
        and any(
            w in first_names() or w in COMMON_WORD_NAMES or not not_a_name_word(w) for w in words
        )
    ):
        # "storm (15, f)", "River Hartley (16)", "Dawn MARSH, DOB 09/09/1972": an age or a date
        # of birth makes a word-name a name
        return False
    if (
        len(words) == 1
        and cand.source == "context"
        and (_BOTH_AFTER.match(text, cand.end) or _PEOPLE_OF.match(text, cand.end))
    ):
        return False  # "ghost n milky (both approx 17)", "with tank's lot": whatever the word
    if all(
        w in not_names() or w in ROLE_WORDS or w in ("and", "the") for w in words
    ) and not _listed_name_after_a_person(text, cand, words):
        return True
    parts = span.split()
    if (
        len(parts) >= 2
        and words[0] in not_names()
        and all(p.isupper() and p.isalpha() and len(p) <= 5 for p in parts[1:])
        and not any(p.lower() in surnames() or p.lower() in first_names() for p in parts[1:])
    ):
        return True  # "Metrolink CSR", "Liquidlogic LAS": a system or a body and its initials
    if (
        len(words) == 1
        and span.islower()
        and (words[0] in _DESCRIBING or (not_a_name_word(words[0]) and words[0] not in surnames()))
        and _THE_BEFORE.search(text, max(0, cand.start - 6), cand.start)
        and _PEOPLE_AFTER.match(text, cand.end)
    ):
        return True  # "the small lad", "The older boys": a word about them, not their family
    if _family_of(text, cand, words):
        return False  # "the Pickering lad", "the Marsden brothers", "the jenkins boys"
    if (
        len(words) == 1
        and span.istitle()
        and CHILD_BEFORE.search(text, max(0, cand.start - 16), cand.start)
        and AGE_AFTER.match(text, cand.end)
    ):
        return False  # "her son Bentley (11)": a child named like a place, by its age
    if (
        len(words) <= 2
        and span[:1].isupper()
        and not span.isupper()  # (not "YOUTH NAMED AS …")
        and _PERSON_CALLED_BEFORE.search(text, max(0, cand.start - 24), cand.start)
    ):
        return False  # "a lad called Chester", "a girl named Paris": a person named like a place
    # whom a letter is for or who chairs is a person, whatever places their words name: "FAO
    # Kendal Rigby", "chaired by Lincoln Hayes"
    addressee = (
        len(words) == 2
        and span.istitle()
        and _ADDRESSEE_BEFORE.search(text, max(0, cand.start - 16), cand.start) is not None
    )
    if not addressee and all(
        w in places() or w in ROLE_WORDS or w in ("and", "the") for w in words
    ):
        return True
    if not titled and _placed_by_its_neighbours(text, cand, words):
        return True
    quoted = _quoted(text, cand)
    cue = _cue_before(text, cand.start)
    cued = cue is not None
    ordinary = all(not_a_name_word(w) for w in words)
    if (
        cue == "strong"
        and not quoted
        and span.islower()
        and (words[0] in _CALLED_VERB_WORDS or _NAMES_NEXT.match(text, cand.end))
        and _PERSON_CALLED_BEFORE.search(text, max(0, cand.start - 24), cand.start)
    ):
        return True  # "the man called today", "a lad called racist names": the verb's, no name
    kin = _KIN_BEFORE.search(text, max(0, cand.start - 24), cand.start) is not None
    if kin and len(words) == 1 and span[0].isupper() and not span.isupper():
        return False  # "his pal Ally", "brother Rich": a word-name after a person's relation
    if kin and len(words) == 1 and span.isupper() and words[0] in first_names():
        return False  # "FRIEND JADE TOOK HER AWAY": a listed first name after a relation
    if (
        kin
        and span.islower()
        and len(words) == 1
        and words[0] in COMMON_WORD_FIRST_NAMES
        and words[0] not in _MODALS
        and _PERSON_VERB_AFTER.match(text, cand.end)
    ):
        return False  # "mum faith said", "my daughter hope gets them": a word-name that acts
    if (
        kin
        and span.islower()
        and (not any(w in first_names() for w in words) or all(w in _MODALS for w in words))
    ):
        return True  # "his mum innit", "her son will": after a relation, a listed name
    if (
        len(words) <= 2
        and words[0] in first_names()
        and not span.isupper()
        and (
            (
                _STAFF_LIST_BEFORE.search(text, max(0, cand.start - 120), cand.start)
                and _STAFF_LIST_AFTER.match(text, cand.end)
            )
            or (
                _ACTION_HEAD_BEFORE.search(text, max(0, cand.start - 12), cand.start)
                and _ACTION_VERB_NEXT.match(text, cand.end)
            )
        )
    ):
        # "Team: Ruth, Glenys, Ike": a listed first name in the staff on a log; "ACTION: Hywel
        # to write": one owning an action
        return False
    strong_one = cue == "strong" and len(words) == 1
    if (
        not quoted
        and not addressee
        and ordinary
        and (cue != "strong" or (span.isupper() and not strong_one))
        and not _listed_name_after_a_person(text, cand, words)
    ):
        return True  # "PLAYING LOUD MUSIC", "Community Trigger", "NO NAMED INDIVIDUALS AT THIS"
    role = _ROLE_BEFORE.search(text, max(0, cand.start - 24), cand.start) is not None
    if (
        len(words) == 1
        and cand.source == "context"
        and span.isupper()
        and _ARREST_BEFORE.search(text, max(0, cand.start - 16), cand.start)
    ):
        # "ARRESTED WOJTASZEK": a surname no list holds, after what was done to it; not "SAW
        # SILVER GOLF", "ARRESTED MANNINGHAM LANE"
        if not_a_name_word(words[0]) and words[0] not in first_names():
            return True
        if not _street_next().match(text, cand.end):
            return False
    if (
        len(words) == 1
        and not titled
        and words[0] not in first_names()
        and _OF_PLACE_BEFORE.search(text, max(0, cand.start - 30), cand.start)
    ):
        return True  # "Ifan Morgan of Llanybydder": where he is from
    if (
        not quoted
        and not cued
        and not role
        and not _INITIAL.match(span)  # "A. BELL": an initial makes a surname of a word
        and span.isupper()
        and len(span) > 3
        and not _listed_name(words)
        and not _role_then_unlisted_name(text, cand, words)
    ):
        return True  # in capitals the model's guess needs a listed name: "DOESNT WANT"
    if (
        len(words) <= 2
        and not titled
        and not any(w in first_names() for w in words)
        # two words with a possessive are a person's: "in Kowalski Nowak's car"
        and (len(words) == 1 or text[cand.end : cand.end + 1] not in ("'", "’"))
        and _IN_PLACE_BEFORE.search(text, max(0, cand.start - 12), cand.start)
    ):
        # "youths in Darnall", "near Foleshill", "towards Builth Wells": with no first name in
        # it, a district the lists do not know
        return True
    if (
        len(words) == 1
        and not titled
        and _after_address().search(text, max(0, cand.start - 60), cand.start)
        and (
            not (words[0] in first_names() and words[0] not in places())
            or _PLACE_AFTER_DISTRICT.match(text, cand.end)
        )
    ):
        # "23 Renown Street, Keyham"; "2B Winchester Road, Shirley, SO16 6UF": the district
        return True
    if (
        len(words) == 2
        and not titled
        and _after_address().search(text, max(0, cand.start - 60), cand.start)
        and words[1] in _PLACE_LAST
    ):
        return True  # "41 Robey Street, Page Hall", "Kestrel House, Castle Vale": the district
    if 2 <= len(words) <= 3 and not titled and _district_in_an_address(text, cand):
        return True  # "6 Long Cross, Lawrence Weston, Bristol BS11 0LP": the district
    if (
        len(words) >= 3
        and not titled
        and _ORG_LAST.search(span)
        and "-" not in span.split()[-1]  # a double-barrelled surname: "Siân Llewellyn-Ward"
        and (words[-1] in _BUILDING_LAST or words[-2] not in first_names())
        # (nor a double first name and a surname: "Mary-Kate Ward", "John-Joe Hall")
        and not _double_first_name_then_one(span)
    ):
        return True  # "Bernard Weatherill House", "Brandon Country Park"; not "Sarah Jane Hall"
    if len(words) == 2 and not titled and words[1] in _BUILDING_LAST and span[:1].isupper():
        return True  # "the windows of Kennedy House", "Victoria Library": a building
    if (
        len(words) == 1
        and not titled
        and span[0].isupper()
        and not span.isupper()
        and words[0] not in first_names()
        and words[0] not in surnames()
        and _FROM_BEFORE.search(text, max(0, cand.start - 8), cand.start)
    ):
        return True  # "a quad from Ballinderry": a place no list knows, after "from"
    if len(words) == 1 and _PLACE_PEOPLE_AFTER.match(text, cand.end):
        return True  # "Clooney residents", "Gurnos estate": the place its people live in
    if (
        len(words) == 2
        and not titled
        and words[1] in _COMPASS
        and all(w in _COMPASS or w in places() or w not in first_names() for w in words)
    ):
        return True  # "Cheshire West", "Bolton North": a district (a compass word first is one
        # whatever follows, above)
    if (
        len(words) == 1
        and not titled
        and not cued
        and _PLACE_ENDING.search(words[0])
        and words[0] not in first_names()
        and words[0] not in surnames()
    ):
        return True  # "Fishermead", "Brinnington", "Molescroft": a district no list knows
    found = list(_WORD.finditer(text, cand.start, cand.end))
    # a surname by how it is written, not a street's word: "update on Nathan GREEN", not "on
    # Rose LANE" or "Preston CSP"
    by_form = (
        len(found) == 2
        and found[1].group().lower() not in _THOROUGHFARES
        and found[1].group().lower() in surnames()
        and _surname_by_its_form(text, found)
    )
    if not by_form and _placed_landmark(text, found):
        # "youths on Windmill Hill", "in Blackbird Leys", "near Charles Cross"; not "update on
        # Nathan GREEN", a surname by how it is written
        return True
    if (
        len(words) == 2
        and not titled
        and not cued
        and words[1] in _PLACE_LAST
        and words[0] not in first_names()
        and (words[0] in surnames() or words[0] in english_words() or words[0] in places())
    ):
        return True  # "Barton Hill", "Blackbird Leys", "Page Hall": no first name, a landmark's end
    if len(words) == 1 and not titled and words[0] in _PLACE_LAST:
        prev = _PREV_WORD.search(text, max(0, cand.start - 30), cand.start)
        if prev and prev.group(1).lower() not in first_names() and not prev.group(1).isupper():
            return True  # "Blackbird" + "Leys", "Vestry" + "Hall": the end of a place's name
    if (
        len(words) >= 2
        and not titled
        and words[0] in places()
        and not any(w in first_names() for w in words)
        and not addressee
    ):
        return True  # "Coventry Foleshill", "Hartlepool Seaton Carew": a town and its district
    if (
        len(words) == 2
        and not titled
        and len(words[0]) > 1  # "R. Beighton": an initial makes a surname of a place
        and words[1] in places()
        and words[1] not in surnames()
        and not any(w in first_names() for w in words)
        and not span.isupper()  # "RK HUSSAIN HOLLINWOOD": a keeper's surname, then the town
    ):
        return True  # "Newton Aycliffe", "Chapel Allerton": a town's last word, no first name
    if words[0] in _WELSH_PLACE_FIRST and len(words) >= 2:
        return True  # "Coleg Cambria", "Theatr Brycheiniog": a Welsh body's or place's name
    if _WELSH_FIRST_BEFORE.search(text, max(0, cand.start - 60), cand.start):
        return True  # "Ysgol Gyfun Ystalyfera Bro Dur": the rest of a Welsh body's name
    if _WALES.search(span):
        return True  # "Cyfoeth Naturiol Cymru", "Cadwch Gymru'n Daclus": a body of Wales
    if _WELSH_VERB_FIRST.match(span) and all(w in not_names() for w in words[1:]):
        # "mae Gorchymyn Diogelu …" (there is a protection order): a Welsh sentence of a
        # body's words (not "mae Kelvin Price yn byw": he lives there)
        return True
    if any(w in _WELSH_SENTENCE_WORDS for w in words) and not titled:
        # "smocio tu allan", "ar Stryd Fawr", "mis Medi", "Nos Wener": a Welsh sentence's words,
        # which no name holds (a name's "ap", "ab", "ferch" are not among them)
        return True
    if (
        any(w in _WELSH_COMMON_WORDS for w in words)
        and not titled
        and not any(w in first_names() for w in words)
    ):
        return True  # "Noson Calan Gaeaf", "Y Ganolfan", "Grŵp Cynghori": Welsh words, no name
    if len(words) == 1 and _RIVER_BEFORE.search(text, max(0, cand.start - 8), cand.start):
        return True  # "the River Alyn", "Afon Taf"
    if (
        words == ["amber"]
        and _CELL_BEFORE.search(text, max(0, cand.start - 3), cand.start)
        and _CELL_AFTER.match(text, cand.end)
        and _RAG.search(text)
    ):
        return True  # "| Red |", "| Amber |": a RAG rating in a table's cell
    if len(words) == 1 and transit_line(words[0], text, cand.end):
        return True  # "the Victoria line", "Elizabeth line staff", "the Mildmay line"
    if re.search(_TOWN_JOINT, span) or re.match(_TOWN_JOINT, text[cand.end - 1 : cand.end + 12]):
        return True  # "Clayton-le-Moors", "Ashton-on-Ribble": a town's name
    if words[0] in _WELSH_STREET_WORDS or words[0] in ("st", "saint"):
        return True  # "Ffordd Las", "Heol Isaf": a street; "St Bede's", "St Austell"
    if (
        len(words) == 2
        and not titled
        and words[0] not in first_names()
        and _CONTRACTOR_LAST.search(span)
    ):
        return True  # "McCluskey Glass quoted", "Milne Joinery fitted the door": a firm
    if (
        _ORG_AFTER.match(text[cand.end : cand.end + 40])
        and not _writer_and_organisation(text, cand, words)
        # (a contractor's word in lower case after a capitalised name is what happened, not
        # a firm's name: "Abimbola Adeyemi glass to wrist", "Tom Jones windows smashed"; a
        # shop's stays one: "Lost Mary vapes")
        and not (span[:1].isupper() and _LOWER_TRADE_NEXT.match(text, cand.end))
        # "Rachel Thorne Neighbourhood Housing Officer": a name, then the job of its team
        and not (
            len(words) >= 2
            and first_name_word(words[0])
            and (_JOB_TITLE_IN_LOWER_CASE if span.islower() else _JOB_TITLE_AFTER).match(
                text, cand.end
            )
            is not None
        )
    ):
        return True  # "the Jubilee play area", "Victoria station"
    if (
        _ORG_LAST.search(span)
        and not by_form
        # "Bridget Ward (Irish Traveller, 34)"; not a street's count: "Yorkshire Street (3)"
        and not (AGE_AFTER.match(text, cand.end) and not _street_last().search(span))
        and (
            (
                _LOCATIVE_BEFORE.search(text, max(0, cand.start - 12), cand.start)
                and not _PERSON_VERB_BEFORE.search(text, max(0, cand.start - 24), cand.start)
            )
            or words[-1] in STREET_NOT_SURNAME
            or words[-1] == "place"  # "Murray Place, Perth": hardly ever a surname
            # a church of a body or a faith: "the Redeemed Christian Church of God hall"
            or (words[-1] == "church" and _OF_A_NAME_AFTER.match(text, cand.end) is not None)
            # (an initial with its stop makes a surname of the word: "Signed: G. Ferry")
            or not (
                _surname_word(words[-1])
                and (
                    first_name_word(words[0])
                    # ("B. CASTLE" in capitals is as often a town cut short: Barnard Castle)
                    or (_INITIAL.match(span) and not span.isupper())
                )
            )
            # "Alexandra Park patrols", "Kingsley Park PSPO": the place the next word is of
            or _PLACE_USE_AFTER.match(text, cand.end) is not None
            # "between Chester Road and Bradley Lane": the second of two streets
            or _STREET_AND_BEFORE.search(text, max(0, cand.start - 60), cand.start) is not None
        )
    ):
        # "Estuary Homes", "Victoria Avenue", "on Rose Lane"; but "Rose Lane rang" is a person
        return True
    if len(words) >= 2 and not titled and _SHOP_LAST.search(span):
        return True  # "owner of Lily Nails": a shop, whatever its words
    if (
        len(words) == 1
        and words[0] in COMMON_WORD_NAMES
        and text[: cand.start].rstrip()[-1:]
        in ("", ".", "!", "?", ":", ";", "-", "–", "—", "/", "|", '"', "“", "(")
        and _VERB_USE.match(text, cand.end)
    ):
        return True  # "Mark the location", "Will you call back"; not "spoke to Bill the …"
    if (
        words == ["will"]
        and text[: cand.start].rstrip()[-1:] == ","
        and _MODAL_NEXT.match(text, cand.end)
    ):
        return True  # "Agreed: letters home, Will be reviewed at half term"
    if (
        len(words) == 1
        and words[0] in _RADIO_WORDS
        and _UTTERANCE_START.search(text, max(0, cand.start - 6), cand.start)
        and _RADIO_WORD_AFTER.match(text, cand.end)
    ):
        return True  # 'SERGEANT: "Roger, hold the line"', "OSCAR TWO: Roger.": received
    # "storey block": lower-case model guesses need a known first name
    return (
        cand.source == "ner"
        and span.islower()
        and not titled  # "mr smith": after a title, a lower-case word is a surname
        and not any(w in first_names() for w in words)
        and not (len(words) >= 2 and len(words[0]) == 1)  # "k. o'halloran": an initial
    )


_QUOTES = "\"“”‘’'"
# A cue for a name or nickname just before the span: after a strong one even an ordinary word
# is a nickname ("aka tiny", "known as Spider"); after a weak one it is not ("called one").
# Someone naming themself ("calls himself Tazz") and a profile's name beside its handle
# ("(display name 'Skyy B')"): cues for a nickname here and for a quoted one in person_context.
SELF_NAMING = r"call(?:s|ed)?\s+(?:him|her|them)sel(?:f|ves)"
DISPLAY_NAME = r"display\s+name(?:\s+(?:is|was|as|shows?|reads?))?"
# Cues that name a person or a nickname next, whatever the word ("goes by the name SNIPER"); the
# person_context recognizer proposes names after them and this module keeps them.
NICKNAME_CUES = (
    r"goes\s+by\s+the\s+name(?:\s+of)?|goes\s+by|(?:they|people|everyone|everybody|we|he|she)"
    r"\s+(?:all\s+)?(?:call|calls|cry|cries)(?:\s+(?:him|her|them|one\s+of\s+them))?"
    # whoever does the calling, as Ulster and Scots say it: "the wee ones cry him Skelly"
    r"|cr(?:y|ies|ied)\s+(?:him|her|them)"
    # who knows someone by a name, or names one only by it: "I know him as Doc", "named one
    # lad only as 'Mousey'"
    r"|(?:i|we|you|he|she|they|everyone|everybody|people)\s+(?:only\s+)?knows?\s+(?:him|her|them)\s+"
    r"(?:only\s+)?as|named\s+(?:one|him|her|the\s+other)(?:\s+(?:lad|boy|girl|male|female|man"
    r"|woman|youth))?\s+only\s+as"
    rf"|{SELF_NAMING}|known\s+\w+ly\s+as|called\s+(?:him|her)|{DISPLAY_NAME}"
    rf"|(?:one|{_CALLED_PEOPLE}|1)\s+(?:is\s+|was\s+)?called"
    r"|(?:hi|hello|hiya|hey)[\s,!]+(?:its|it['’]s|this\s+is|i['’]m|im|i\s+am)|\bme\s*="
    r"|real\s+name(?:\s+(?:is|believed(?:\s+to\s+be)?|possibly|maybe|probably))?"
)
# In a call transcript, what comes after the question for a name: "your name? C: its ...".
NAME_ANSWER = (
    # the question: "name?", "your name sir?", "surname please?", "who am I speaking to?"
    r"(?:(?:sur|fore|first\s+|full\s+)?name(?:\s+(?:please|sir|madam|love|mate|pal))?"
    r"|who\s+am\s+i\s+(?:speaking|talking)\s+to)\s*\?+\s*"
    # a chat's next line and its time: "What's your name? | 22:03 User: lily"
    r"(?:\|\s*)?(?:\[?\d{1,2}[:.]\d{2}(?::\d{2})?\]?\s+)?"
    # the one who answers: a caller, or any speaker's label in capitals ("FEMALE", "MALE 2")
    r"(?:c|caller|user|customer|visitor|guest|rp|resident|(?-i:[A-Z]{2,12}(?:\s\d{1,2})?))\s*:"
    r"\s*(?:(?:it'?s|its|my\s+name\s+is|my\s+name'?s|i'?m|yes,?|yeah,?|er,?|erm,?|um,?)\s+)?"
)
_STRONG_CUES = rf"nicknamed|known\s+as|aka|a\.k\.a\.?|{NICKNAME_CUES}|{NAME_ANSWER}"
_CUE_BEFORE = re.compile(
    rf"\b(?:(?P<strong>{_STRONG_CUES})|named(?:\s+as)?|called|names?\s+(?:is|was|given\s+as)"
    r"|(?:sur|fore|first\s+)?names?\s*:|nominal\s*:)"
    r"\s*:?\s*[\"“‘']?\s*$",
    re.IGNORECASE,
)


_ADDRESSEE_BEFORE = re.compile(r"\b(?:fao|f\.a\.o\.?|attn|c/o|chaired\s+by)\s*:?\s*$", re.I)


# A person's relation just before a word-name: "his pal Ally", "her brother Rich".
_KIN_BEFORE_MORE = (
    " grandson granddaughter nephew niece pal ex lodger stepson stepdaughter eldest youngest"
)
_KIN_BEFORE = re.compile(
    rf"\b(?:{_any_of(_RELATIONS + _KIN_BEFORE_MORE)})(?:\s+of)?\s+$",
    re.IGNORECASE,
)
# A role that names the person after it, even in capitals without a listed name:
# "DETAINEE LUCA-IONUȚ POPESCU", "REPORTER HAWRE AZIZ", "STOPPED: ENDRIT HOXHA".
_ROLE_BEFORE = re.compile(
    r"\b(?:detainee|dp|reporter|interpreter|solicitor|stopped:?|named\s+as|md\.?)\s+$",
    re.IGNORECASE,
)


_ROLE_WORD_BEFORE = re.compile(
    r"\b(?:caller|victim|suspect|susp|complainant|informant|witness|tenant|resident|occupant"
    r"|neighbour|driver|rider|keeper|owner|landlord|rp|ip|vp|oic|nominal|subject|offender|perp"
    r"|ppo)\s+$",
    re.IGNORECASE,
)


def _listed_name_after_a_person(text: str, cand: Candidate, words: Sequence[str]) -> bool:
    """A listed first name or surname that is also shorthand or a shop's name, written as a
    name and right after a person's relation or role: "neighbour Rui", "victim Rui Costa"
    (not "released RUI", "outside Costa")."""
    parts = text[cand.start : cand.end].split()
    return (
        1 <= len(words) <= 3
        and len(parts) == len(words)
        and all(p[:1].isupper() and not p.isupper() for p in parts)
        and all(w in first_names() or w in surnames() for w in words)
        and any(w in not_names() for w in words)
        and not any(w in ROLE_WORDS for w in words)
        and not a_business_after(text[cand.end : cand.end + 40])
        and (
            _KIN_BEFORE.search(text, max(0, cand.start - 24), cand.start) is not None
            or _ROLE_WORD_BEFORE.search(text, max(0, cand.start - 16), cand.start) is not None
        )
    )


def _role_then_unlisted_name(text: str, cand: Candidate, words: Sequence[str]) -> bool:
    """In capitals, a person's role, then a first name and a last word that is no English word:
    "CALLER DEAN SHAWCROSS" (not "CALLER STATES", "SUSPECT DESC YOUNG")."""
    return (
        len(words) >= 2
        and words[0] in first_names()
        and words[-1] not in english_words()
        and _ROLE_WORD_BEFORE.search(text, max(0, cand.start - 16), cand.start) is not None
    )


def _cue_before(text: str, start: int) -> str | None:
    """ "strong", "weak", or None: the cue that ends just before `start`."""
    m = _CUE_BEFORE.search(text, max(0, start - 32), start)
    if m is None:
        return None
    return "strong" if m.group("strong") else "weak"


def leading_word(low: str) -> bool:
    """A title, a role or a greeting that comes before a name and is never part of it ("mr",
    "occupier", "dear")."""
    return low in _LEADING


# A job's title right after a name, as a letter's signature runs on: "Yours sincerely, Rachel
# Thorne Neighbourhood Housing Officer", "regards kate hindle housing officer".
_JOB_TITLES = [
    "officer",
    "manager",
    "adviser",
    "advisor",
    "coordinator",
    "co-ordinator",
    "worker",
    "lead",
    "assistant",
    "supervisor",
    "director",
    "clerk",
    "caseworker",
    "practitioner",
    "specialist",
    "warden",
    "inspector",
    "administrator",
]
JOB_TITLE_NEXT = rf"\s+(?:[A-Za-z&]+\s+){{0,3}}?(?i:{'|'.join(_JOB_TITLES)})\b"
_JOB_TITLE_IN_LOWER_CASE = re.compile(JOB_TITLE_NEXT)
# (capitalised as a signature's title is: "Neighbourhood Housing Officer", not "Denny High
# school liaison officer")
_JOB_TITLE_AFTER = re.compile(
    rf"\s+(?:[A-Z][A-Za-z&]*\s+){{0,3}}?(?:{'|'.join(w.capitalize() for w in _JOB_TITLES)})\b"
)


def a_business_after(rest: str) -> bool:
    """What follows a name makes it a business's or a body's: "'s Fish Bar", " Arms",
    " Kebabs", " House Primary"."""
    return _ORG_AFTER.match(rest) is not None


def a_places_name(words: Sequence[str]) -> bool:
    """Words that name a place: each a town's ("Campbeltown"), or after a loch's, a fort's or
    a mount's word ("Fort William", "Loch Ness")."""
    return bool(words) and (
        all(w.lower() in places() for w in words) or words[0].lower() in _NATURAL_PLACE_WORDS
    )


def not_a_name_word(low: str) -> bool:
    """An ordinary English word, a place, a label or a role: never a name on its own."""
    return low in english_words() or low in places() or low in not_names() or low in ROLE_WORDS


def _quoted(text: str, cand: Candidate) -> bool:
    """In quotes: a nickname ("Skinny", "Big Mike"), whatever its words mean; not a cell of an
    export's row, quoted beside the next ('"Par Moor Road","Fly-tipping"')."""
    return (
        text[cand.start - 1 : cand.start] in _QUOTES
        and text[cand.end : cand.end + 1] in _QUOTES
        and not _CELL_EDGE.match(text, cand.end)
        and not _CELL_EDGE.search(text, max(0, cand.start - 4), cand.start)
    )


def _listed_name(words: Sequence[str]) -> bool:
    """A listed first name or surname that is no common word ("HOPE ADEYEMI"), or a first name
    and a surname however common ("MARK BAKER"); "HAS YOUNG" has neither."""
    if any((w in first_names() or w in surnames()) and w not in common_word_names() for w in words):
        return True
    return len(words) >= 2 and first_name_word(words[0]) and _surname_word(words[-1])


def _ordinary(word: str) -> bool:
    """An English word that is in no name list, as written in lower case or capitals."""
    low = word.lower().removesuffix("'s").removesuffix("’s")
    return low in common_english_words() and low not in first_names() and low not in surnames()


def first_name_word(word: str) -> bool:
    """A listed first name, or a common one that is also a word ("will", "rose"), lower case."""
    return word in first_names() or word in COMMON_WORD_FIRST_NAMES


def _surname_word(word: str) -> bool:
    return word in surnames() or word in common_word_names()


_IN_TOWN_BEFORE = re.compile(r"\b(?i:in|near|around|across|outside|into|towards?)\s+$")
_DETERMINER_BEFORE = re.compile(
    r"\b(?i:a|an|the|this|that|his|her|my|your|their|our|its|some|any|no)\s+$"
)


def repeat_names(
    text: str, entities: Sequence[Entity], towns: frozenset[str] = frozenset()
) -> list[Candidate]:
    """Other mentions of a name already found ("linda richardson" … "PCSO richardson").

    A name that is also a common word ("Rose", "Will") repeats only where it is capitalised.
    """
    towns = towns | _towns_of_addresses(text, entities)
    words: set[str] = set()
    capitalised: set[str] = set()
    exact: set[str] = set()
    personal: set[str] = set()
    for ent in entities:
        if ent.type != "PERSON":
            continue
        found_as = _WORD.findall(text[ent.start : ent.end])
        for w in found_as:
            low = w.lower()
            if len(w) <= 2 or low in ROLE_WORDS or low in NICKNAME_WORDS:
                continue
            if low in not_names() and low not in common_word_names():
                continue  # "PC", "Police"; but "Storm" named as a person stays one
            if low in places() and w.isupper() and len(w) >= 3 and _mostly_lower_case(text):
                # a surname in capitals that is also a place ("STAINFORTH, Jay") recurs in
                # capitals, and capitalised only as a person's ("Swinton's mates", "Middleton
                # works at"); "Stainforth" else in the same note is the place
                exact.add(w)
                personal.add(w[0] + w[1:].lower())
                continue
            if low in places() and w.islower() and low not in common_word_names():
                # a surname typed in lower case that is also a place is the place elsewhere:
                # "mr hamilton v mrs irvine … up the Low Waters, Hamilton"
                continue
            if low in common_word_names() or low in places() or _ordinary(w):
                capitalised.add(w[0].upper() + w[1:].lower())
                if (
                    w.islower()
                    and len(w) >= 4
                    and len(found_as) == 1
                    and low not in common_word_names()
                    and low not in first_names()
                ):
                    # a nickname that is a word: "ghost n milky (both 17)" … "ghost drives a
                    # grey Merc"; not "caller mark - mark the area", "will send a car"
                    exact.add(w)
            else:
                words.add(w)
    # Only names that occur again outside the names found are looked for (a pattern compiled
    # per narrative costs more than the rest of this function).
    inside = " ".join(text[e.start : e.end] for e in entities if e.type == "PERSON")
    lowered, inside_lowered = text.lower(), inside.lower()
    words = {
        w
        for w in words
        if not w.isascii() or lowered.count(w.lower()) > inside_lowered.count(w.lower())
    }  # "ı" matches "i" without regard to case: only ASCII names are counted
    capitalised = {w for w in capitalised if text.count(w) > inside.count(w)}
    exact = {w for w in exact if text.count(w) > inside.count(w)}
    found = []
    if words or capitalised:
        # a family by its name, whatever else the name is: "a home visit to the Kershaws", "the
        # Beestons at no. 4" (Beeston is a town; "the Beestons" are no place)
        families = "|".join(map(re.escape, sorted(words | capitalised)))
        plural = re.compile(r"\b(?i:the)\s+((?:" + families + r"))(?:e?s)\b")
        found += [
            Candidate("PERSON", m.start(1), m.end(), 0.6, "context") for m in plural.finditer(text)
        ]
    if words:
        names = "|".join(map(re.escape, sorted(words)))
        loose = re.compile(r"\b(?:" + names + r")\b", re.I)
        found += [
            Candidate("PERSON", m.start(), m.end(), 0.6, "context")
            for m in loose.finditer(text)
            if not _ORG_AFTER.match(text[m.end() : m.end() + 40])  # "Kim Lee" ... "Kim's Nails"
            # "Fraser Lomond" ... "Loch Lomond", "Tom Mirren" ... "St Mirren": a place
            and not _named_place_before(text, m.start())
            # "Chief Inspector Holt" ... "constituents in Holt": the town of that name
            and not (
                _IN_TOWN_BEFORE.search(text, max(0, m.start() - 12), m.start())
                and m.group()[:1].isupper()
                and text[m.end() : m.end() + 1] not in ("'", "’")
            )
            and not _district_use(text, m.start(), m.end())
            # "DALE PRITCHARD" … "ON DALE STREET": the street named like him
            and not _STREET_AFTER_NAME.match(text, m.end())
        ]
    if capitalised:
        strict = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(capitalised))) + r")\b")
        found += [
            Candidate("PERSON", m.start(), m.end(), 0.6, "context")
            for m in strict.finditer(text)
            if not _place_use(text, m.start(), m.end())
            # "Dudley TOLLEY" ... "Dudley Council", "Dudley NHT": a body named for the town
            and not (
                m.group().lower() in places() and _ORG_AFTER.match(text[m.end() : m.end() + 40])
            )
            and not _district_use(text, m.start(), m.end())
            and not _verb_use(text, m.start(), m.end())
            and not _date_use(text, m.start(), m.end())
        ]
    personal = {w for w in personal if w in text}
    if personal:
        person_like = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(personal))) + r")\b")
        found += [
            Candidate("PERSON", m.start(), m.end(), 0.6, "context")
            for m in person_like.finditer(text)
            if _PERSON_USE_AFTER.match(text, m.end())
            or _TITLE_BEFORE.search(text, max(0, m.start() - 16), m.start())
            # one of the family: "I'm a Hadley, I'm not leaving"
            or (
                text[max(0, m.start() - 2) : m.start()] == "a " and _CLAUSE_END.match(text, m.end())
            )
        ]
    if exact:
        same = re.compile(
            r"(?<![\w@.])(?:" + "|".join(map(re.escape, sorted(exact))) + r")\b(?![.@])"
        )
        found += [
            Candidate("PERSON", m.start(), m.end(), 0.6, "context")
            for m in same.finditer(text)
            if not _DETERMINER_BEFORE.search(text, max(0, m.start() - 8), m.start())
            and not _date_use(text, m.start(), m.end())  # "FROM MARCH LAST YEAR"
            and not _BODY_AFTER.match(text, m.end())  # "ENFIELD COUNCIL"
        ]  # "a wasp nest", "the tank": the word, not the nickname
    # "Ross Pembridge" … "Ross-on-Wye"; "Grace Owusu" … "Op Grace": the place, the operation;
    # "Victoria Hale" … "the Victoria line", "Tottenham Hale": a railway's line, a place's end
    return [
        c
        for c in found
        if not _place_joined(text, c)
        and not _an_operation(text, c)
        and not transit_line(text[c.start : c.end].lower(), text, c.end)
        and not _end_of_a_place(text, c.start)
        and not _inside_a_longer_place(text, c.start, c.end)
        # the town of the record's own address, used as the town ("front counter Whitby")
        and not _the_records_town(text, c.start, c.end, towns)
        and not _a_named_law(text, c)  # "her sister Clare" … "a Clare's Law disclosure"
        # a pub or a venue named for someone ("Callum Wilson" … "at The Woodrow Wilson")
        and not _VENUE_BEFORE.search(text, max(0, c.start - 40), c.start)
        and not _part_of_a_named_place(text, c.start, c.end)
        # a firm named for its owner ("Gary Turton" … "Turton Skip Hire", "Hassan & Co")
        and not _FIRM_NEXT.match(text, c.end)
        # a place or a brand with the name in it ("Kian Builth" … "from Builth Wells")
        and not named_like_people_around(text, c.start, c.end)
        # a place placed by its area or team after it: "ROUNDHAY area", "Hyde SNT"
        and not (
            text[c.start : c.end].lower() in places()
            and _a_town_by_its_neighbours(text, c, [text[c.start : c.end].lower()])
        )
    ]


# Words that open a place's name before another's ("Church Gresley", "Market Bosworth", "King's
# Lynn") and words that end one after it ("Stanley Common", "Bosworth Battlefield").
_PLACE_OPENING = _wordset(
    "church market great little long castle chapel kirk steeple nether upper lower high low"
    " north south east west old new king's kings bishop's bishops abbots monks earls temple"
    " port fort"
)
_PLACE_CLOSING = (
    _PLACE_LAST
    | _THOROUGHFARES
    | _wordset("battlefield village parish magna parva regis spa junction marina")
)
_TITLED_WORD_BEFORE = re.compile(r"(?<![\w'’\-])([A-Z][a-z]+(?:['’]s)?) $")
_TITLED_WORDS_AFTER = re.compile(r"((?: [A-Z][a-z]+){1,3})(?![\w'’\-])")
_PLACE_PARTICLE_AFTER = re.compile(r" (?:le|la|de la|en le|upon|cum) [A-Z][a-z]+")
# A street, a school or a house named for someone ends in one of these, a word or two on.
_NAMED_FOR_SOMEONE = _THOROUGHFARES | _wordset(
    "academy school college hospital house court centre hall"
)


def _inside_a_longer_place(text: str, start: int, end: int) -> bool:
    """A name's word found again inside a place named with it: "Callum Stanley" … "Stanley
    Common", "Owen Gresley" … "Church Gresley". Capitalised as a name is, not in capitals."""
    if not text[start : start + 1].isupper() or text[start:end].isupper():
        return False
    before = _TITLED_WORD_BEFORE.search(text, max(0, start - 12), start)
    if before is not None and before.group(1).lower() in _PLACE_OPENING:
        return True
    if _PLACE_PARTICLE_AFTER.match(text, end):
        return True  # "Kirkby la Thorpe", "Stoke upon Tern": a village's joined name
    after = _TITLED_WORDS_AFTER.match(text, end)
    if after is None:
        return False
    following = after.group(1).split()
    # the place's last word next ("Stanley Common"), or a street, a school or a house named
    # for someone two or three words on ("Edith Cavell Walk", "Winifred Holtby Academy")
    return following[0].lower() in _PLACE_CLOSING or (
        len(following) > 1 and following[-1].lower() in _NAMED_FOR_SOMEONE
    )


# A capitalised word before, of a place in a list and no one's first name: "Tottenham" + "Hale".
_CAPITALISED_WORD_BEFORE = re.compile(r"(?<![\w'’\-])([A-Z][a-z]+|[A-Z]{3,})\s$")


def transit_line(word: str, text: str, end: int) -> bool:
    """`word` (in lower case), ending at text[end], is a railway line's name: a listed line's
    word before "line" ("the Victoria line", "VICTORIA LINE", "on the Liberty line")."""
    return word in RAIL_LINES and _LINE_AFTER.match(text, end) is not None


def _end_of_a_place(text: str, start: int) -> bool:
    """A word right after a listed place's that is no first name: the end of the place's name
    ("Tottenham Hale", "Wester Hailes"), not a person named after it."""
    m = _CAPITALISED_WORD_BEFORE.search(text, max(0, start - 20), start)
    if m is None:
        return False
    low = m.group(1).lower()
    return low in places() and low not in first_names() and low not in surnames()


# "n" is "and" in a hurried note: "kacey n tj", "nev n bazza". A comma joins only inside a list
# that goes on after the word ("Jory, Tallis and the younger Hocking"): "Dean, Tuesday." is no
# list, and neither is "Kai Lowe, Stockport".
_JOIN = r"(?:\s*(?:&|\+|/)\s*|\s+(?:and|n|or)\s+)"
_LIST_GOES_ON = r"(?=(?:\s*,\s*[^\W\d_][^\W\d_'’\-]*){0,3}(?:\s*(?:&|\+|/)|\s+(?:and|n|or)\s))"
_JOINED_AFTER = re.compile(
    rf"(?:{_JOIN}([^\W\d_][^\W\d_'’\-]*)|,\s*([^\W\d_][^\W\d_'’\-]*){_LIST_GOES_ON})"
)
_LIST_AFTER = re.compile(_LIST_GOES_ON)
_JOINED_BEFORE = re.compile(rf"\b([^\W\d_][^\W\d_'’\-]*)(?:{_JOIN}|,\s*)$")
_NOT_JOINED = _LEADING | _wordset(
    "his her their co sons daughters partners company ltd others family"
)


def joined_names(text: str, entities: Sequence[Entity]) -> list[Candidate]:
    """A capitalised word joined to a name by "&", "and" or "/" is a name too ("Mum Lisa &
    Kayden", "Sam / Leanne Oduya"), unless it is a place, a label or an organisation's word."""
    found = []
    for ent in entities:
        if ent.type != "PERSON":
            continue
        after = _JOINED_AFTER.match(text, ent.end)
        before = _JOINED_BEFORE.search(text, max(0, ent.start - 30), ent.start)
        if (
            before is not None
            and before.group().rstrip().endswith(",")
            and not _LIST_AFTER.match(text, ent.end)
        ):
            before = None  # "Tuesday, Dean" is no list; "Jory, Tallis and" is
        for m in (after, before):
            if m is None:
                continue
            group = m.lastindex or 1
            word = m.group(group)
            low = word.lower()
            if re.match(_TOWN_JOINT, text[m.end(group) - 1 : m.end(group) + 12]):
                continue  # "Oswaldtwistle and Clayton-le-Moors": a town's hyphened name
            if "," in m.group() and (low in english_words() or _lists_a_place(text, ent)):
                continue  # "Cornbrook, Victoria, Shaw and Crompton" lists places
            loose = "," in m.group() or re.search(r"\bor\b", m.group()) is not None
            if text[ent.start : ent.end].islower() and not loose and _lower_name_beside(word):
                found.append(Candidate("PERSON", m.start(group), m.end(group), 0.5, "context"))
            elif (
                word[0].isupper()
                and len(word) >= 2
                # in capitals, only a listed first name beside a name in capitals ("JOHN & MARY")
                and (
                    not word.isupper()
                    or (low in first_names() and text[ent.start : ent.end].isupper())
                )
                and low not in _NOT_JOINED
                and low not in ROLE_WORDS
                and low not in not_names()
                and low not in places()
                and low not in english_words()  # "GH / Environmental Crime"
                and not _ORG_AFTER.match(text[m.end(1) : m.end(1) + 40])
            ):
                found.append(Candidate("PERSON", m.start(group), m.end(group), 0.55, "context"))
    return found


# A nickname in quotes listed with people ("jonty, \"tank\" and a lad", "reece, tj and
# \"shorty\"", "\"Stacks\" & Dean"): one item between them at most, itself a name then.
# (in single quotes too, an apostrophe only inside a word: "known as 'Biggs' and 'T-Bone'")
_QUOTED_NAME_WORD = r"[^\W\d_](?:[^\W\d_\-]|['’](?=[^\W\d_])|-(?=[^\W\d_]))*"
_QUOTED_WORD = rf"[\"“'‘]({_QUOTED_NAME_WORD}(?:\s{_QUOTED_NAME_WORD})?)[\"”'’]"
_LISTED_ITEM = r"([^\W\d_][^\W\d_'’\-]*)"
_QUOTED_LISTED_AFTER = re.compile(
    # (a closing quote only before "and", "&" or "/": '"Ebony Lowes","NFA"' are a row's cells)
    rf"(?:[\"”'’]?{_JOIN}|,\s*)(?:{_LISTED_ITEM}(?:{_JOIN}|,\s*))?{_QUOTED_WORD}"
    r"(?=\s*(?:[,;.&)/|]|and\b|$))"
)
_QUOTED_LISTED_BEFORE = re.compile(
    rf"{_QUOTED_WORD}(?:{_JOIN}|,\s*)(?:{_LISTED_ITEM}(?:{_JOIN}|,\s*))?(?:(?<!,)[\"“'‘])?$"
)
_NOT_A_NICKNAME = _wordset(
    "yes no ok okay sorry please help stop what why who the a an and or"
    " say said pronounced like"  # how a spelt-out name is said: '(W-O-J-C-I-E-C-H, "say Voy-chek")'
)


def quoted_names_listed(text: str, entities: Sequence[Entity]) -> list[Candidate]:
    """A nickname in quotes in a list of people, whatever the word ("\"Tank\"", "\"shorty\"");
    an item between it and the person is a name too ("tj")."""
    found = []
    for ent in entities:
        if ent.type != "PERSON":
            continue
        after = _QUOTED_LISTED_AFTER.match(text, ent.end)
        before = _QUOTED_LISTED_BEFORE.search(text, max(0, ent.start - 60), ent.start)
        # (the nickname's group and the item's: the item comes first after the person, last
        # before them)
        for m, nickname, item in ((after, 2, 1), (before, 1, 2)):
            if m is None or m.group(nickname).split()[0].lower() in _NOT_A_NICKNAME:
                continue
            found.append(Candidate("PERSON", *m.span(nickname), 0.55, "context"))
            if m.group(item) is not None and not not_a_name_word(m.group(item).lower()):
                found.append(Candidate("PERSON", *m.span(item), 0.5, "context"))
    return found


# A first name cut short once the whole name is given: "Mr Reginald Tait … Reg reports",
# "Christopher Dean … Chris says" (a listed name itself, capitalised, three letters or more).
# (alone: not the first word of another name, "Johnny Price" … "John Frost Square")
_SHORT_FORENAME = re.compile(r"(?<![\w'’\-])[A-Z][a-z]{2,5}(?![\w\-]|['’][a-rt-z]|\s+[A-Z])")


def short_forenames(text: str, entities: Sequence[Entity]) -> list[Candidate]:
    """The first name of a person found, said again by its start (see _SHORT_FORENAME)."""
    firsts = set()
    for ent in entities:
        if ent.type == "PERSON":
            span = text[ent.start : ent.end]
            words = _WORD.findall(span)
            if (
                len(words) >= 2
                and len(words[0]) >= 5
                and words[0].lower() in first_names()
                and not _ORG_LAST.search(span)  # (not a park the model took: "Victoria Park")
            ):
                firsts.add(words[0].lower())
    if not firsts:
        return []
    found = []
    for m in _SHORT_FORENAME.finditer(text):
        low = m.group().lower()
        if (
            low not in _MODALS
            and low in first_names()
            and any(first != low and first.startswith(low) for first in firsts)
        ):
            found.append(Candidate("PERSON", m.start(), m.end(), 0.55, "context"))
    return found


# A family by its surname in the plural: "(the Kellys)", "the Dohertys next door", "the O'Hares
# at 15 Carnagat Park", where what follows is what people do or where they are (not "the Symes
# centre", "the Calders lot", "the Nowells and the Ashtons": places, as some cities name rows of
# streets), and not after a word that places it ("at the Calders.").
_FAMILY_PLURAL = re.compile(
    # (or counted: "2 MacLeods on the street", "both Kellys were")
    r"\b(?:the|The|THE|both|two|three|2|3)\s+"
    r"([A-Z](?:[a-z]+|['’][A-Z][a-z]+|c[A-Z][a-z]+|ac[A-Z][a-z]+))(?:e?s)(?=['’]?"
    r"(?:\s*(?:[,;.:)!?\"“”|]|$)|\s+(?:at|from|on|in|next|across|opposite|over|up|down|round"
    r"|are|were|have|had|has|say|said|says|who|kids|boys|girls|lads|family|house|household"
    r"|children|again|themselves|both|all|still|moved|keep|kept|get|got|they|ther|their|thier"
    r"|been|is|was|do|did|dont|don['’]t|never|always)\b))"
)

_PLACING_BEFORE = re.compile(r"\b(?i:at|in|on|near|round|around|behind|outside|past|by)\s+$")


def families_by_plural(text: str) -> list[Candidate]:
    """A family named by its surname in the plural ("the Kellys", "the Pascoes"), where the
    singular is a listed surname and the plural no word, place or shop ("the Wards", "the
    Morrisons" are left)."""
    found = []
    for m in _FAMILY_PLURAL.finditer(text):
        if _PLACING_BEFORE.search(text, max(0, m.start() - 10), m.start()):
            continue
        word = text[m.start(1) : m.end()].rstrip("'’")
        low = word.lower()
        if any(low in words for words in (english_words(), places(), not_names())):
            continue
        stems = (low[:-1], low[:-2]) if low.endswith("es") else (low[:-1],)
        # (a singular that is also a place's name may be streets named after it: "the Ashtons")
        if any(stem in surnames() for stem in stems) and not any(
            stem in places() for stem in stems
        ):
            found.append(Candidate("PERSON", m.start(1), m.start(1) + len(word), 0.55, "context"))
    return found


_LIST_WORDS = re.compile(r"(?:[^\W\d_][^\W\d_'’\-]*\s*(?:,|&|/|\s(?:and|n|or)\s)\s*){1,4}$")


def _lists_a_place(text: str, ent: Entity) -> bool:
    """A list around the name holds a place: its other items are places, not people."""
    before = _LIST_WORDS.search(text, max(0, ent.start - 80), ent.start)
    after = text[ent.end : ent.end + 80]
    words = _WORD.findall(before.group() if before else "") + _WORD.findall(
        after[: len(after) - len(after.lstrip(" ,&/"))] + after.lstrip(" ,&/").split(".")[0][:60]
    )
    return any(w.lower() in places() for w in words[:8] if w[:1].isupper())


def _lower_name_beside(word: str) -> bool:
    """In a lower-case note a word joined to a lower-case name is a name when it is no word,
    place or label: "kacey n tj", "nev n bazza"; not "ryan n his mates", "river n sunny"."""
    low = word.lower()
    return (
        word.islower()
        and len(word) >= 2
        and low not in english_words()
        and low not in places()
        and low not in not_names()
        and low not in _NOT_JOINED
        and low not in ROLE_WORDS
        and low not in NICKNAME_WORDS
    )


_DAY_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?$", re.IGNORECASE)
# (or the year it is in: "from MARCH LAST YEAR", "in May this year")
_DAY_OR_YEAR_AFTER = re.compile(
    r"\s+(?:\d{1,4}(?:st|nd|rd|th)?\b|(?i:last|this|next)\s+(?i:year)\b)"
)


# A place's policing team or county after its name, or a word saying where before it.
_TEAM_OR_COUNTY_AFTER = re.compile(
    r"\s*(?:\((?:notts|lancs|yorks|leics|lincs|derbys|staffs|glos|wilts|hants|herts|beds|bucks"
    r"|cambs|northants|oxon|berks|[a-z]+shire|co\.?\s+[a-z]+)\)|\s(?:snt|npt|nht|cpt|spt|lpa|npu"
    r"|neighbourhood\s+(?:beat\s+|policing\s+)?team|beat\s+team|pspo|ward\s+(?:panel|meeting"
    r"|surgery|councillors?))\b)",
    re.IGNORECASE,
)
# After a listed place only, a ward, division, sector or beat in lower case ("Ward" and "ellis
# ward" may be a surname).
_AREA_AFTER = re.compile(
    r"\s(?:ward|division|sector|beat|(?i:estate|area|custody|constabulary))\b(?!['’])"
)
# After a place named like a person: a surname ("in Barry Jones's car"), not a place of its own.
_CAPITAL_WORD_NEXT = re.compile(r"\s+[A-Z][a-z]")
# A town after a comma, the end of what is named there: "Shirley, Southampton." (not "Keith,
# Leeds City Council").
_TOWN_AFTER_COMMA = re.compile(r",\s*([A-Z][a-z]+)\b(?!\s+[A-Z][a-z]|[\-'’])")
_WHERE_BEFORE = re.compile(r"\b(?:in|near|towards|toward|around|outside)\s+$", re.IGNORECASE)
# Words of going through or to a place, before a listed place that is no first name and not
# in capitals ("walking home through Stonehouse", "the 330 back to Hyde"; "statement taken
# from HULL" is the person).
_GOING_BEFORE = re.compile(
    r"\b(?:through|via|across|throughout|round|(?:back|over|down|up|out)\s+to|into|from)\s+$",
    re.IGNORECASE,
)
# An operation's name: "Op Jasmine", "OP SEASHORE", "operation Summer Nights"; not a CAD log's
# operator ("op 5512 HUSSAIN:", "op LEWIS K"), nor a timed entry's ("20:31 OP MWANGI:").
_OPERATION_BEFORE = re.compile(
    r"(?<!\d\d\s)(?<!\d\d:\d\d\s)\b(?:Op|OP|[Oo]peration|OPERATION)\.?\s+$"
)
_OPERATION = re.compile(r"(?:Op|[Oo]peration|OPERATION)\b")
# An operator's label where an entry or a line starts, then what they said: "Op HUSSAIN: can you
# confirm…" ("Briefing for Op HUSSAIN: patrols…" names an operation).
_ENTRY_START = re.compile(r"(?:^|[\n|.;?!]\s*|\d\d:?\d\d\s+|-\s)$")
_SPEAKER_COLON = re.compile(r"\s?:")


_SIGNED_BEFORE = re.compile(
    r"(?i:thanks|thank\s+you|cheers|regards|best|wishes|sincerely|faithfully|thx|rgds),?\s+$"
)
_SLASH_AFTER = re.compile(r"\s/\s")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s{1,3}|\n)$")


def _writer_and_organisation(text: str, cand: Candidate, words: list[str]) -> bool:
    """A writer's first name, then " / " and their organisation: "Thanks, Nicola / North
    Lincolnshire Council", "… 27/01. Kerry / Somerset Council" (not a place and its
    neighbour: "Stanley / South Moor", "Stonehouse / Devonport NPT")."""
    if not _SLASH_AFTER.match(text, cand.end):
        return False
    if _SIGNED_BEFORE.search(text, max(0, cand.start - 20), cand.start):
        return True
    return (
        len(words) == 1
        and words[0] in first_names()
        and words[0] not in places()
        and _SENTENCE_START.search(text, max(0, cand.start - 4), cand.start) is not None
    )


def _an_operation(text: str, cand: Candidate) -> bool:
    """An operation's name after "Op"; not an operator's label where an entry starts, then what
    they said ("Op HUSSAIN: can you confirm…"; "Briefing for Op HUSSAIN: patrols" is one)."""
    if _OPERATION.match(text, cand.start):
        op = cand.start
    else:
        before = _OPERATION_BEFORE.search(text, max(0, cand.start - 12), cand.start)
        if before is None:
            return False
        op = before.start()
    speaks = _SPEAKER_COLON.match(text, cand.end) and text[op : op + 2] in ("Op", "OP")
    return not (speaks and _ENTRY_START.search(text, max(0, op - 8), op))


# A storm named by the Met Office, by a first name: "Storm Arwen", "STORM DARRAGH".
_STORM = re.compile(r"(?:Storm|STORM)\s+([^\W\d_]+)")


# A monument's word after a name or before it with "of": "the Sir Stanley Matthews statue",
# "a Guy Fawkes effigy", "the statue of Captain Cook".
# An honour before a name a thing is named for: "the Sir Bobby Robson statue".
_HONOUR = r"(?:(?:Sir|Dame|Lord|Lady|Captain|St)\.?\s+)"
_MONUMENT_AFTER = re.compile(
    # (or the last of two: "the Sir Bobby Robson and Alf Ramsey statues", "the Clough and
    # Taylor statue")
    rf"(?:\s+(?:and|&)\s+{_HONOUR}?[A-Z][\w'’\-]+"
    r"(?:\s+[A-Z][\w'’\-]+){0,2})?"
    r"['’]?s?\s+(?i:statue|mural|memorial|plaque|bust|effigy|sculpture|mosaic)s?\b"
)
# Named for someone, after "the": "the Elton John stand", "the Jane Austen festival", "the
# Howard Winstone boxing club".
_NAMED_THING_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+)?(?i:stand|suite|lounge|festival|trophy|cup|lecture|wing|club|gym"
    r"|foundation|fund|centre|center|building|library)\b"
)
_THE_HONOURED_BEFORE = re.compile(rf"\b(?i:the)\s+{_HONOUR}?$")
_MONUMENT_OF_BEFORE = re.compile(
    r"\b(?i:statue|mural|memorial|plaque|bust|effigy|sculpture|portrait)s?\s+(?i:of)\s+"
    r"(?:the\s+)?(?:(?:Captain|Sir|Lord|Lady|Queen|King|Admiral|General|Dr|St)\.?\s+)?$"
)
# A song's title in quotes, then its singer: '"Jolene" by Dolly Parton'.
_SONG_BY_BEFORE = re.compile(r"[\"”'’]\s*(?i:by)\s+$")
_SONG_TITLE = (re.compile(r"[\"“'‘]$"), re.compile(r"[\"”'’]\s+(?i:by)\s+[A-Z][a-z]"))
_MUSIC = re.compile(
    r"\b(?i:play(?:s|ed|ing)?|song|songs|track|music|sang|sung|sing(?:s|ing)?|album|tune|blast"
    r"(?:s|ed|ing)?|on\s+repeat|karaoke)\b"
)
# The weather about a storm: "Storm Arwen brought down the fence".
_WEATHER = re.compile(
    r"\b(?i:winds?|gusts?|gales?|debris|fallen|blew|blown|flood(?:s|ing|ed)?|damaged?|weather"
    r"|met\s+office|trees?|fences?|power\s+cuts?|roofs?|tiles|warnings?|rain|snow)\b"
)


# A risk assessment's colour after its rating: "Risk rating Amber", "RAG: Red", "rated Green".
_RAG_RATING_BEFORE = re.compile(
    r"\b(?i:rag(?:\s+rat(?:ing|ed))?|rating|rated|risk(?:\s+level)?|(?:up|down)\s+from)"
    r"\s*(?::|-|–|=|\bis\b|\bas\b|\bto\b|\bat\b)?\s*$"
)
_RAG_COLOURS = re.compile(r"(?i:amber|red|green|black|blue|white)")


def names_a_thing(text: str, ent: Entity | Candidate) -> bool:
    """A PERSON found that names a thing, not someone in the note: an operation ("Op Ivy",
    "Operation Florence"; not "Op HUSSAIN:" opening an operator's entry), a storm ("Storm
    Arwen": a storm's name is a first name or no surname, so "Storm Hughes" is someone, and so
    is one after a title or a role), a monument ("the Sir Bobby Robson statue", "the statue of
    Captain Cook"), a song's singer ('"My Way" by Frank Sinatra') or a risk's colour after its
    rating ("Risk rating Amber", wherever else Amber is someone's name)."""
    if _an_operation(text, Candidate("PERSON", ent.start, ent.end, 1.0, "found")):
        return True
    if _RAG_RATING_BEFORE.search(text, max(0, ent.start - 24), ent.start) and (
        _RAG_COLOURS.fullmatch(text, ent.start, ent.end) is not None
    ):
        return True  # "Risk rating Amber, up from Green", "rated Red": a risk's colour
    if (
        _MONUMENT_AFTER.match(text, ent.end)
        or _MONUMENT_OF_BEFORE.search(text, max(0, ent.start - 20), ent.start)
        or (
            _THE_HONOURED_BEFORE.search(text, max(0, ent.start - 14), ent.start)
            and _NAMED_THING_AFTER.match(text, ent.end)
        )
        or (
            (
                _SONG_BY_BEFORE.search(text, max(0, ent.start - 6), ent.start)
                or (
                    _SONG_TITLE[0].search(text, max(0, ent.start - 1), ent.start)
                    and _SONG_TITLE[1].match(text, ent.end)
                )
            )
            # (music played: not 'a post in "Gorton Noticeboard" by Lisa Doyle')
            and _MUSIC.search(text, max(0, ent.start - 60), ent.start) is not None
        )
    ):
        return True
    storm = _STORM.fullmatch(text, ent.start, ent.end)
    if storm is None:
        storm = _STORM.fullmatch(text, max(0, ent.start - 6), ent.end)
        if storm is None or storm.start(1) != ent.start:
            return False
    word = folded(storm.group(1).lower())
    around = (max(0, storm.start() - 80), min(len(text), storm.end() + 80))
    return (
        (
            word in first_names()
            or word in COMMON_WORD_FIRST_NAMES
            or (word not in surnames() and _WEATHER.search(text, *around) is not None)
        )
        and _KIN_BEFORE.search(text, max(0, storm.start() - 16), storm.start()) is None
        and _TITLE_BEFORE.search(text, max(0, storm.start() - 16), storm.start()) is None
        and _ROLE_WORD_BEFORE.search(text, max(0, storm.start() - 16), storm.start()) is None
    )


# Words before a month that say when: "since early June", "until May", "end of April".
_WHEN_BEFORE = re.compile(
    r"\b(?:early|late|mid|since|until|till|during|throughout|last|next|this|(?:end|start"
    r"|beginning|middle)\s+of)[\s\-]+$",
    re.IGNORECASE,
)
_CLAUSE_AFTER = re.compile(r"\s*(?:[.,;:)!?]|$)")


def _date_use(text: str, start: int, end: int) -> bool:
    """ "Saturday 21 June", "June 2025", "since early June", "reports in May.": a month's name
    by a day or a year, after a word that says when, or ending a clause after "in", is the
    date, not the June named elsewhere in the note."""
    return text[start:end].lower().rstrip(".") in MONTH_WORDS and (
        _DAY_BEFORE.search(text, max(0, start - 12), start) is not None
        or _DAY_OR_YEAR_AFTER.match(text, end) is not None
        or _WHEN_BEFORE.search(text, max(0, start - 24), start) is not None
        or (
            text[max(0, start - 3) : start].lower() == "in "
            and _CLAUSE_AFTER.match(text, end) is not None
        )
    )


def _verb_use(text: str, start: int, end: int) -> bool:
    """ "Will you call back": a sentence-initial word-name used as a verb."""
    initial = text[:start].rstrip()[-1:] in ("", ".", "!", "?", ":", ";", "-", "–", "—", "/")
    return initial and _VERB_USE.match(text, end) is not None


# Where someone lives or comes from: "used to live in Chorlton", "previously lived Walton",
# "originally from Royston", "lads from Marfleet".
_LIVED_BEFORE = re.compile(
    r"\b(?:lives?|lived|living|moved|grew\s+up|originally|(?:lads|youths|kids|boys|girls|group"
    r"|gang|males|females)\s+from)\s+(?:in\s+|to\s+|from\s+|at\s+)?$",
    re.IGNORECASE,
)


def _district_use(text: str, start: int, end: int) -> bool:
    """A person's name found again where a district stands: the town after an address ("Ms
    KIRKBY, 9 Tower Hill, Kirkby, L33"), before a place's noun ("Denton bus station"), after
    where someone lives ("used to live in Chorlton"), or in a list of places ("Whitfield,
    Douglas and Mid Craigie"). The name, as a district, stays."""
    if not text[start : start + 1].isupper() or text[end : end + 1] in ("'", "’"):
        return False
    return (
        (
            _after_address().search(text, max(0, start - 60), start) is not None
            and _PLACE_AFTER_DISTRICT.match(text, end) is not None
        )
        or _PLACE_NOUN_AFTER.match(text, end) is not None
        or _LIVED_BEFORE.search(text, max(0, start - 30), start) is not None
        or _in_a_list_of_places(text, Candidate("PERSON", start, end, 0.6, "context"))
    )


def _place_use(text: str, start: int, end: int) -> bool:
    """ "lives in Harlow", "Rose Close", "the Green": the word names a place, not the person."""
    before = text[max(0, start - 12) : start].lower()
    prev = _PREV_WORD.search(text, max(0, start - 30), start)
    return (
        re.search(
            r"\b(?:in|at|to|from|near|the|of|on|into|towards?|through|via|across|around)\s+$",
            before,
        )
        is not None
        or _ORG_AFTER.match(text[end : end + 40]) is not None
        or (prev is not None and _placed_landmark(text, [prev, *_WORD.finditer(text, start, end)]))
        or _named_place_before(text, start)
    )


# Agencies', roles' and forms' letters, which own actions in minutes but are not people's.
AGENCY_LETTERS = (
    r"(?:PC|DC|DS|DI|PS|RP|IP|VP|GP|SW|HO|HA|LA|OIC|SLO|EHO|YOT|YOS|CSP|NPT|SNT|RSL|ASB|DWP"
    r"|CMHT|MASH|NHS|CPS|BTP|FRS|DBS|CCTV|PCSO|NHT|LPT|ABC|CBO|AOB|TBC|NFA|ISA|MP|CID|IOM|YJS"
    r"|CPT|NHPT|BCU|JAG|ASBIT|NIHE|PSNI|PCSP|HMO|AWP|ASC|EH|ALL|ANY|NB|TBA|RSPCA|DVLA|MARAC"
    r"|MAPPA|CAMHS|SARC|IDVA|ISVA|CPN|TRA|RTA|MET|GMP|WMP|SYP|WYP|BID|CSU|LSO|PSPO|CPW"
    # processes and notices: a referral to the National Referral Mechanism, a notice of seeking
    # possession, release under investigation, a police investigation centre
    r"|NRM|NOSP|RUI|PIC|SARI|CCE|CSE|FPN|SAR|EHCP|TAF|CIN|LAC|CLA"
    r"|DPS|DSL|SPOC)"
)
# Initials that are also ranks, roles, times or common abbreviations: never taken for a named
# person's initials alone ("DS" may be Dean Smith, but more often a detective sergeant).
_NOT_INITIALS = _wordset(
    "pc ps dc ds di ci sc cs mp ms mr dr am pm tv id uk us ok it pe re gp cv dj pa pr hq eu"
    " ip rp vp op no nb bt pcs asb nfa abc cpn cpw yot oic dob nhs cid cps gbh abh tic snt"
    " npt ons mrs dci dsi acc csu dvd dna ooh acs bwv pnc cad rta rtc ctv ho"
)
# The words of a name that its initials leave out: particles ("de", "van", "bin", "ap").
_PARTICLES = _wordset("de da di du la le van von der den bin bint ibn al el ap ab o mac st")
# A named person's initials standing alone, as minutes and chronologies write them: "NR by
# 31/03", "(DW)", "JB's mum"; not part of a code ("JB-112"), a rank before a name or number
# ("DS Khan", "PS 2281"), or a time ("10 AM").
_INITIALS_ALONE = re.compile(
    r"(?<![\w/\-&.])(?<!\d\s)([A-Z]{2,3})(?![\w/\-&]|\.\w|\s*\d|\s+[A-Z][a-z])"
)
# Initials as a person's name: "JB", "SMcK", "DMcC".
_INITIALS_AS_NAME = re.compile(r"[A-Z](?:[A-Z]|Ma?c[A-Z]){1,2}")
# A title and one letter standing for a person: "Mrs H is aged 81", "letter to Mr B".
_TITLE_AND_LETTER = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|MR|MRS|MS|MISS|DR)\.?\s+([A-Z])(?![\w'’\-&/]|\.\s*[A-Z][a-z]"
    r"|\.\w|\s+[A-Z][a-z]|\s*\d)"
)


# Initials standing for a person in the body of a note, where a person stands: before their
# age or their role in brackets ("AH (14)", "LP (mum)", "DM (caller, no. 9)", "MK (CALLER'S
# BROTHER)"), before a kin word of theirs ("JK's lad"), before a verb of speech ("WM says"),
# after "spoke to" ("Spoke to DM, who says") and after a person's word ("an older lad, JJ,").
# A capitalised pair or three of letters standing alone ("DM", "JMcC"): the candidates, each
# then tried against the words around it (one scan of the text, then a few short matches).
_CAPITALS_TOKEN = re.compile(
    r"(?=[A-Z])(?<![\w'’\-/&.@])[A-Z](?:[a-z]?[A-Z]){1,2}(?![\w\-/&@]|\.\w|['’](?!s\b))"
)
_PEOPLE_OF_SOMEONE = (
    r"mum|mother|dad|father|caller|complainer|complainant|victim|tenant|neighbour|brother|sister"
    r"|son|daughter|resident|witness|nan|gran|grandmother|grandad|grandfather|grandson"
    r"|granddaughter|uncle|aunt|auntie|cousin|partner|boyfriend|girlfriend|wife|husband|friend"
    r"|owner|occupier|suspect|susp|perpetrator|perp|subject|carer|lodger|stepdad|stepmum"
)
# After the letters: their age, role or job in brackets ("AH (14)", "LP (mum)", "AK (ASB
# Manager)"), or a kin word of theirs ("JK's lad").
_THEIRS_AFTER = re.compile(
    rf"\s?\((?:(?i:aged?)\s+)?(?:\d{{1,2}}(?:\s?(?:yrs?|years?|y/?o))?\)"
    rf"|(?i:{_PEOPLE_OF_SOMEONE}|ip|rp|vp)\b"
    # (or a worker's letters: "SJ (SW):" a social worker, "(HV)", "(FSW)", "(DSL)", "(SLO)")
    r"|(?-i:SW|HV|FSW|DSL|SLO)\)"
    r"|[\w&'’ ]{0,30}\b(?i:officer|manager|lead|worker|co-?ordinator|chair|caseworker)\))"
    rf"|['’]s\s+(?i:{_PEOPLE_OF_SOMEONE}|lad|boy|girl|kids?|children|mates?|house|flat)\b"
)
_ARTICLE_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat)\s$")
# Before a verb of speech: two letters or a Gaelic pair only ("NIR advised", "PPN said" are
# bodies' and forms').
_TWO_LETTERS = re.compile(r"[A-Z](?:Ma?c)?[A-Z]")
_SPEECH_AFTER = re.compile(
    r"\s+(?:says|said|states|stated|reports|reported|confirmed|told|advised|admitted|denied"
    r"|claims|claimed|agreed|explained|alleges|alleged|rang|phoned|emailed|e-mailed|texted)\b"
)
# The last word of a body's name: "Riverside Homes", "Gloucestershire Constabulary".
_BODY_LAST_WORDS = (
    r"homes|housing|council|police|constabulary|trust|association|partnership|team|service"
    r"|services|group|fire|rescue|probation|unit|governance|authority|hub"
)
# In brackets after their organisation: "MHS Homes (KJ) to visit".
_ORGANISATION_BRACKET_BEFORE = re.compile(rf"\b(?i:{_BODY_LAST_WORDS})\s\($")
_SPOKE_TO_BEFORE = re.compile(
    r"\b(?i:spoke|spoken|speak|speaking|talked|talking|chatted)\s+(?i:to|with)\s$"
)
_SPOKE_TO_AFTER = re.compile(r"[\s,.;:\-–]|['’]s\b|$")
# Between commas after a person's word: "an older lad, JJ, with a moped".
_PERSONS_WORD_COMMA_BEFORE = re.compile(
    r"\b(?i:lad|girl|man|woman|boy|male|female|neighbour|friend|cousin|brother|sister|son"
    r"|daughter|youth|lass|teenager|mate),\s$"
)

# Who wrote a note, by their initials where it ends: "case note by DW, Public Protection", "notes
# GJ", "worker ND" (not "notes NFA": _NOT_INITIALS).
_WRITER_BEFORE = re.compile(
    r"\b(?i:(?:case\s+)?notes?(?:\s+by)?|(?:logged|written|recorded|completed|updated|entered"
    r"|signed|typed|minuted|triaged|reviewed|received|allocated|actioned|approved)\s+by|worker"
    r"|author)\s*:?\s+$"
)
# (where the note or its field ends, or its time or date follows: "TRIAGED BY JH 09:40")
_NOTE_ENDS_AFTER = re.compile(r"\s*(?:[,.;|]|$|\d{1,2}[:.]\d\d\b|\d{1,2}/\d{1,2}\b)")
# A body in brackets after the letters, which are not its own: "KP (Community Protection
# Unit)", "KL (Gloucestershire Constabulary) follow-up call" (not "DWP (Department for Work and
# Pensions)": the body's letters).
_NOT_IN_A_BODYS_NAME = _wordset("to by at in on with from via reported referred passed sent")
_BODY_BRACKET_AFTER = re.compile(rf"\s?\(((?:[\w&'’\-]+\s+){{0,5}}(?i:{_BODY_LAST_WORDS}))\)")


# Whom an order keeps someone from: "not to associate with AL", "in the company of TO",
# "no contact with JB".
_COMPANY_BEFORE = re.compile(
    r"\b(?i:associat(?:e|ing)|contact|company|together)\s+(?i:with|of)\s+$"
)
# Initials in a list after initials already standing for someone: "AL, CF or ZM".
_LIST_JOINT = re.compile(r"\s*(?:,|&|/)\s*|\s+(?:and|or|&)\s+")


def _where_a_person_stands(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 24) : start]
    if _COMPANY_BEFORE.search(before):
        return True
    if _WRITER_BEFORE.search(before) and _NOTE_ENDS_AFTER.match(text, end):
        return True
    if _THEIRS_AFTER.match(text, end):
        return _ARTICLE_BEFORE.search(before) is None  # not "the XL's owner"
    body = _BODY_BRACKET_AFTER.match(text, end)
    if body is not None:
        words = re.findall(r"[A-Za-z][\w'’\-]*", body.group(1))
        letters = "".join(w[0] for w in words)
        return (
            text[start:end].upper() not in letters.upper()
            # (a body's name, not a sentence about one: "AN HCA (REPORTED TO SOUTH WALES POLICE)")
            and not any(w.lower() in _NOT_IN_A_BODYS_NAME for w in words)
            and not _ARTICLE_BEFORE.search(before.lower())
        )
    if _TWO_LETTERS.fullmatch(text, start, end) and _SPEECH_AFTER.match(text, end):
        return True
    if text[end : end + 1] == ")" and _ORGANISATION_BRACKET_BEFORE.search(before):
        return True
    if _SPOKE_TO_BEFORE.search(before) and _SPOKE_TO_AFTER.match(text, end):
        return True
    return text[end : end + 1] == "," and _PERSONS_WORD_COMMA_BEFORE.search(before) is not None


# Letters no one's, beside _NOT_INITIALS: an agency's, a council's ("LCC", "KCC", "WBC"), a
# thing's (three capitals at most: no longer run is taken for initials).
_NOT_SOMEONES_LETTERS = re.compile(
    rf"{AGENCY_LETTERS}|[A-Z](?:CC|BC|DC)|(?:HR|SLT|CEO|BBC|ITV|ICO|EE|MOT|SIM|PIN|MC|VIP|ATM"
    r"|AKA|SEN|OCD|DP|RK|XL)"  # (a detained person, a registered keeper, a dog's size)
)


def _acronym_of_words_before(text: str, start: int, value: str) -> bool:
    """The letters are the first letters of the words right before them, in order."""
    words = re.findall(r"[A-Za-z][\w'’\-]*", text[max(0, start - 80) : start])[-8:]
    letters = "".join(w[0] for w in words if w[0].isupper())
    return value.upper() in letters


_PEOPLES_WORDS = _wordset("lad lads man men boy guy kid son mum dad nan gran pal sis bro")


def initials_where_a_person_stands(text: str) -> list[Candidate]:
    """Initials standing for a person in a note's body, where a person stands, wherever they
    recur: "Spoke to DM (caller, no. 9), who says JK's lad was back … DM to ring back". In a
    note in capitals, a word is no one's initials ("THE MAN (CALLER) SAYS")."""
    found: set[str] = set()
    tokens = list(_CAPITALS_TOKEN.finditer(text))
    for m in tokens:
        value, low = m.group(), m.group().lower()
        if value in found or low in _NOT_INITIALS or _NOT_SOMEONES_LETTERS.fullmatch(value):
            continue
        if not _where_a_person_stands(text, m.start(), m.end()):
            continue
        if len(value) == 3 and value.isupper() and low in english_words():
            continue  # a word in capitals for its weight: "are NOT told", "ALL agreed"
        if _acronym_of_words_before(text, m.start(), value):
            continue  # "Hyde Neighbourhood Action Group (NAG)": a body's own letters
        if not _mostly_lower_case(text[max(0, m.start() - 40) : m.end() + 40]) and (
            low in english_words() or low in _PEOPLES_WORDS or not_a_name_word(low)
        ):
            continue
        found.add(value)
    if not found:
        return []
    for before, after in itertools.pairwise(tokens):
        value = after.group()
        if (
            before.group() in found
            and value not in found
            and _LIST_JOINT.fullmatch(text, before.end(), after.start())
            and value.lower() not in _NOT_INITIALS
            and not _NOT_SOMEONES_LETTERS.fullmatch(value)
            and not (len(value) == 3 and value.lower() in english_words())
        ):
            found.add(value)  # "not to associate with AL, CF or ZM"
    every = re.compile(
        rf"(?<![\w'’\-/&.@])(?:{'|'.join(map(re.escape, sorted(found)))})"
        r"(?![\w\-/&@]|\.\w|['’](?!s\b))"
    )
    return [Candidate("PERSON", m.start(), m.end(), 0.55, "context") for m in every.finditer(text)]


# A note signed with its writer's initials where it ends: two letters in lower case after a
# full stop or a dash, with their office after them at most ("… trial wrexham magistrates
# 29/07. dh", "return date 02/10 - kt hartlepool county crt", "- lh cps south west"); or
# capitals after a full stop and before a comma and their firm ("Trial 30/07. AMW, Moore
# Whitlock Solicitors."). Capitals alone at the end are as often a body's ("Covent Garden. MPS.",
# "RCT noise team"), three lower-case letters too ("nwp rhyl NPT").
_SIGNED_AT_END = re.compile(
    r"(?:[.!?)]\s{1,3}(?:[-–—]\s?)?|\s[-–—]\s?)(?P<initials>[a-z]{2})"
    r"(?:\s+(?P<office>[^\W\d_][^\d\n]{1,50}?))?\s*\.?\s*$"
    r"|[.!?]\s{1,3}(?P<capitals>[A-Z]{2,3}),\s+(?P<firm>[^\W\d_][^\d\n]{1,50}?)\s*\.?\s*$"
)
_TWO_LETTER_WORDS = _wordset(
    "he me we to in on at it is as be by do go if my no of or so up us an am"
)
_OFFICE_WORDS = _wordset(
    "solicitors solicitor cps council police court crt team ltd llp chambers housing homes"
    " probation service services yjs yos asb npt office legal magistrates constabulary"
)


def signing_initials(text: str) -> list[Candidate]:
    """The initials a note is signed with where it ends (see _SIGNED_AT_END)."""
    m = _SIGNED_AT_END.search(text, max(0, len(text) - 70))
    if m is None:
        return []
    group = "initials" if m.group("initials") else "capitals"
    value = m.group(group)
    low = value.lower()
    if low in _NOT_INITIALS or _NOT_SOMEONES_LETTERS.fullmatch(value.upper()):
        return []
    if low in english_words() or low in common_english_words() or low in not_names():
        return []  # "- ok", "… again. no", "- RED."
    if low in _TWO_LETTER_WORDS:
        return []  # ". he doesnt want police to knock", ") to add the van to the NPT briefing"
    office = m.group("office") or m.group("firm")
    if office is not None:
        words = [w.lower() for w in _WORD.findall(office)]
        if len(words) > 4:
            return []  # a sentence, not an office
        if not any(w in _OFFICE_WORDS for w in words) and not all(w in places() for w in words):
            return []  # "- ok thanks", "MH to call back"
    return [Candidate("PERSON", m.start(group), m.end(group), 0.55, "context")]


# A case's title names its parties: a body or the Crown, "v", then the people it is brought
# against, by name or by initials where the court withholds a young person's name: "R v MH &
# TO", "Hartlepool Borough Council v TW", "City of Wolverhampton Council and Chief Constable of
# West Midlands Police v DB, KS and R.O'C.", "London Borough of Croydon v Marcia Elaine
# Bailey-Thompson", "Stockport MBC v Hollis". (Not a match's teams, "Villa v Wolves": no body's
# word before the "v".)
_CLAIMANT_LAST = re.compile(
    r"(?:\b(?-i:R|Regina|Crown|PF|DPP|CPS)|\b(?i:council|mbc|bc|dc|cc|police|constabulary"
    r"|constable|homes|housing|trust|association|group|ltd|limited|authority|executive|borough"
    r"|partnership|plc|llp|fiscal)(?:\s+(?i:of|for)(?:\s+[A-Z][\w'’\-]*){1,3})?)\s+v\.?\s+"
)
_PARTY = re.compile(
    r"(?:[A-Z]\.(?:\s?[A-Z](?:['’][A-Z])?\.?){1,3}|[A-Z](?:['’]?[A-Z]){1,3}(?![\w'’])"
    r"|[A-Z][a-z][\w'’\-]*(?:\s+[A-Z][a-z][\w'’\-]*){0,3})"
)
_PARTIES_JOINED = re.compile(r",\s*|\s+(?:&|and)\s+")
# A case cited for what it decided, not one in hand: "refers to Birmingham City Council v
# Shafi", "following Manchester City Council v Lawler", "referred to R v Smith and DPP v Orum",
# "in line with R v Jogee", "R v Brown [1994]".
_CITED_BEFORE = re.compile(
    r"\b(?i:refers?|referred|referring|following|with|see|per|applying|citing|cited|under|in"
    r"|cf)\s+(?:to\s+)?(?:(?:[A-Z][\w'’\-]*|of|and|for|the|&|v)\s+){0,8}$"
)
_CITATION_AFTER = re.compile(r"\s*[\[(]\d{4}[\])]")
_NO_PARTY = _wordset("persons person unknown others other occupiers occupier owner owners the")


def case_parties(text: str) -> list[Candidate]:
    """The people a case's title names after its "v" (see _CLAIMANT_LAST)."""
    if " v" not in text:
        return []
    found = []
    for m in _CLAIMANT_LAST.finditer(text):
        if _CITED_BEFORE.search(text, max(0, m.start() - 90), m.start()):
            continue
        at = m.end()
        while (party := _PARTY.match(text, at)) is not None:
            value = party.group()
            words = [w.lower() for w in _WORD.findall(value)]
            if any(w in _NO_PARTY for w in words) or _ORG_LAST.search(value):
                break
            if _NOT_SOMEONES_LETTERS.fullmatch(value) or value.lower() in _NOT_INITIALS:
                break
            if _CITATION_AFTER.match(text, party.end()):
                break
            found.append(Candidate("PERSON", party.start(), party.end(), 0.6, "context"))
            joint = _PARTIES_JOINED.match(text, party.end())
            if joint is None:
                break
            at = joint.end()
    return found


def initials_of_names(text: str, entities: Sequence[Entity]) -> list[Candidate]:
    """A named person's initials where they stand alone ("Daniel Whitby" … "warning letter to
    DW"), and a title with one letter ("Mrs H"): both are how minutes, chronologies and case
    notes refer to a person once named."""
    found = [
        Candidate("PERSON", m.start(1), m.end(1), 0.6, "context")
        for m in _TITLE_AND_LETTER.finditer(text)
    ]
    initials: set[str] = set()
    for ent in entities:
        if ent.type != "PERSON":
            continue
        words = [w for w in _WORD.findall(text[ent.start : ent.end]) if w.lower() not in _PARTICLES]
        if len(words) < 2:
            continue
        letters = [w[0].upper() for w in words]
        initials.add(letters[0] + letters[-1])
        if len(letters) == 3:
            initials.add("".join(letters))
        last = text[ent.start : ent.end].split()[-1]
        if "-" in last.strip("-"):
            initials.add(letters[0] + last[0].upper())  # "Folasade Adebayo-Williams": FA
    initials = {i for i in initials if i.isascii() and i.lower() not in _NOT_INITIALS}
    # initials found as someone's ("Present: JB (ASB Officer)") stand for them throughout
    for ent in entities:
        value = text[ent.start : ent.end]
        if (
            ent.type == "PERSON"
            and _INITIALS_AS_NAME.fullmatch(value)
            and value.lower() not in _NOT_INITIALS
            and not not_a_name_word(value.lower())  # (not a word or a place in capitals)
        ):
            found += [
                Candidate("PERSON", m.start(), m.end(), 0.6, "context")
                for m in re.finditer(rf"(?<![\w'’\-]){re.escape(value)}(?![\w'’\-])", text)
            ]
    if initials and not _mostly_lower_case(text):
        # in a note written in capitals, a word is no one's initials: "ON RADIO AS KYLE"
        initials = {i for i in initials if i.lower() not in english_words()}
    if initials:
        found += [
            Candidate("PERSON", m.start(1), m.end(1), 0.6, "context")
            for m in _INITIALS_ALONE.finditer(text)
            if m.group(1) in initials
        ]
    return found


# Who a records system says did something, by their user name: "USER: kmcdermott",
# "user=n.islam", "by:'a.oyelowo'", "UPDATE BY OKONKWO_C:", "analyst=c.pugh", "merged … by
# rkhan3", and an audit line's user between its time and what they did ("08:02:19 jlyons (ASB
# Officer) READ", "09:14:02 14-Nov-2024 MACKENZIE.R created"). After a plain "by", only a name
# joined by a dot or an underscore, or with a number, is a user's ("picked up by male" is not);
# after "logged by" and its like, an initial run into a listed surname is one ("dwaterhouse").
_MARKED_USER_NAME = (
    r"(?:[a-z]{1,20}[._][a-z]{1,20}(?:[._][a-z]{1,20})?|[A-Z]{1,20}[._][A-Z]{1,20}"
    r"(?:[._][A-Z]{1,20})?)\d{0,3}|[a-z]{3,20}\d{1,3}"
)
_USER_NAME = rf"(?:{_MARKED_USER_NAME}|[a-z]{{4,20}})(?![\w@.\-])"
_USER_NAMED = re.compile(
    r"(?:\b(?i:user(?:[ _]?(?:name|id))?|by|analyst|operator|author|owner|assignee)\s*[:=]\s*"
    r"|[\"']by[\"']\s*:\s*)[\"']?(" + _USER_NAME + r")"
    r"|\b(?i:by)\s+(" + _MARKED_USER_NAME + r")(?![\w@.\-])"
    r"|(?:\d\d:\d\d(?::\d\d)?Z?|\d\d[-/ ](?:\d\d|[A-Z][a-z]{2})[-/ ]\d{2,4})\s+("
    + _USER_NAME
    + r")(?=\s+(?:\([^()\n]{1,40}\)\s+)?(?i:viewed?|edit(?:ed)?|read|add(?:ed)?|created?"
    r"|updated?|export(?:ed)?|deleted?|merged?|amended?|closed?|opened?|print(?:ed)?|assigned?"
    r"|linked?|changed?|logged|accessed?)\b)"
    # or the author of a log's entry, after its time: "18/08/2024 01:20 OKONKWO_C: tasked MN12",
    # "23:41 jbrennan - call from Owens Park RA"
    r"|\d\d:\d\d(?::\d\d)?\s+(" + _MARKED_USER_NAME + r")(?=:\s)"
    r"|\d\d:\d\d(?::\d\d)?\s+(" + _USER_NAME + r")(?=\s[-–]\s)"
    # or whoever a system says logged or raised a job: "job WS-778120 logged by dwaterhouse"
    r"|\b(?i:(?:logged|created|raised|entered|updated|amended|closed|actioned|input|submitted)"
    r"\s+by)\s+(" + _USER_NAME + r")"
)
_SYSTEM_ACCOUNT = _wordset(
    "system admin administrator auto automatic sys svc service etl root api batch import bot"
    " robot scheduler noreply integration workflow interface portal web online app migration"
    " sync job cron test user guest default public anonymous unknown"
    # a host's name, not a user's: "by mx.example.org"
    " com org net uk gov example io co ac nhs police mail mx smtp www"
)


def user_names(text: str) -> list[Candidate]:
    """The user names a records system's audit trail or export gives (see _USER_NAMED)."""
    found = []
    for m in _USER_NAMED.finditer(text):
        group = next(g for g in range(1, (m.re.groups or 0) + 1) if m.group(g))
        value = m.group(group)
        parts = [p for p in re.split(r"[._\d]+", value.lower()) if p]
        if any(p in _SYSTEM_ACCOUNT for p in parts):
            continue
        if len(parts) == 1 and not value[-1].isdigit():
            # "kmcdermott", "jlyons": an initial or two run into a listed surname
            word = parts[0]
            if (
                any(
                    word in words
                    for words in (english_words(), first_names(), surnames(), common_word_names())
                )
                or word in not_names()
            ):
                continue
            if not (word[1:] in surnames() or (len(word) > 5 and word[2:] in surnames())):
                continue
        elif len(parts) > 1 and all(
            len(p) < 3 or (p in english_words() and p not in surnames() and p not in first_names())
            for p in parts
        ):
            continue  # "complainant_phone", "social_media": a field's or a system's words
        found.append(Candidate("PERSON", m.start(group), m.end(group), 0.55, "context"))
    return found


# A message quoted in a note, signed with its writer's first name where it ends: "… its 2am.
# Huw'", "… ma wean got chased. Shona'".
_SIGNED_QUOTE = re.compile(r"(?<=[.!?]) {1,2}([A-Z][a-z]{1,15})(?=['’\"”](?:\s|$|[|>,;]))")


def signed_messages(text: str) -> list[Candidate]:
    """The first name a quoted message is signed with (see _SIGNED_QUOTE)."""
    found = []
    for m in _SIGNED_QUOTE.finditer(text):
        word = m.group(1).lower()
        if (
            word in first_names()
            and word not in english_words()
            and word not in common_word_names()
            and word not in places()
        ):
            found.append(Candidate("PERSON", m.start(1), m.end(1), 0.55, "context"))
    return found
