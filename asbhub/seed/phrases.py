"""The template phrases narratives are assembled from, in call-handler and officer shorthand.

Placeholders are filled by `narrative.write_narrative`. Openings always name the victim
and their address; contact lines always carry the victim's phone.
"""

from __future__ import annotations

OPENINGS = (
    "IP {victim} of {v_addr}, {v_pc} reports",
    "IP states - {victim}, {v_addr} {v_pc} - c/o",
    "RP {victim} ({v_addr}) calling re ongoing issues.",
    "Call from {victim} of {v_addr} {v_pc}.",
    "INFORMANT {victim} {v_addr} rang in, states",
    "{victim} (IP) resides at {v_addr}, {v_pc}. {she} c/o",
    "Caller is {victim}, lives {v_addr}. States",
    "999 call from {victim}, {v_addr}, {v_pc}:",
    "101 webchat - IP {victim} of {v_addr} {v_pc} reporting",
    "IP {victim} attended front counter at {town} re problems at {v_addr}.",
    "Online report by {victim} ({v_addr}, {v_pc}).",
    "Recvd call {date} from {victim} at {v_addr} {town}.",
)

OPENINGS_ANON = (
    "Anon caller reports",
    "RP wishes to remain anonymous. c/o",
    "Caller would not give details. States",
    "Member of public (no details) reports",
    "Passing motorist calling re",
    "ANON 101 CALL -",
)

BEHAVIOUR = {
    "rowdy_inconsiderate_behaviour": (
        "ASB youths at {place} off {street}, {town} {when}, shouting, swearing at passers by.",
        "group of approx {n} youths kicking a football against cars on {street} {when}.",
        "youths on e-scooters riding at pedestrians by {place}, {town}",
        "x{n} males drunk and rowdy outside {street} {when}, banging on doors",
        "large group congregating at {place} {when}, being abusive to residents of {street}",
    ),
    "neighbour_nuisance": (
        "ongoing neighbour dispute with no.{num} {street}, shouting over the fence {when}.",
        "neighbour slamming doors and banging on walls {when}, IP cannot sleep",
        "neighbours' visitors blocking driveway and being abusive {when}",
        "problems with neighbour at no.{num}, rubbish dumped in IP's garden, verbal abuse",
    ),
    "noise": (
        "loud music from no.{num} {street} {when}, bass through the walls.",
        "persistent noise - parties every weekend at flat {num}, {street} {town}",
        "dog barking and shouting until 3am {when}",
        "LOUD MUSIC & SHOUTING {when}, IP has young children",
    ),
    "vehicle_nuisance": (
        "cars racing up and down {street}, {town} {when}, revving engines, VRM {vrm}",
        "car meet at {place} {when}, wheel spins and doughnuts. VRM {vrm} noted",
        "off road bikes on the footpath at {place} {when}",
        "car {vrm} parked across dropped kerb, driver abusive when asked to move",
    ),
    "abandoned_vehicle": (
        "vehicle {vrm} left on {street} for approx {n} weeks, no tax, windows smashed",
        "untaxed car VRM {vrm} dumped by {place}, {town}",
        "burnt out vehicle on {street}",
    ),
    "street_drinking": (
        "street drinkers at {place} in {town} {when}, urinating in doorways",
        "group drinking cans on the bench by {place}, abusive to shop staff",
    ),
    "drug_related": (
        "strong smell of cannabis from no.{num} {street}, lots of visitors short stays",
        "suspected drug dealing from car at {place} {when}",
        "needles found at {place}, {town}, youths smoking weed {when}",
        "cuckooing concerns - unknown males staying at no.{num} {street}",
    ),
    "litter_fly_tipping": (
        "fly tipping at the end of {street}, mattresses and building waste",
        "rubbish bags dumped by {place}, {town} {when}",
        "large amount of waste left in alleyway behind {street}, rats seen",
    ),
    "graffiti_damage": (
        "graffiti sprayed on garages at {place}, {street} {when}",
        "tags sprayed on bus shelter on {street}, {town}",
        "graffiti on IP's fence, offensive words",
    ),
    "begging": (
        "aggressive begging outside {place}, {town} {when}",
        "male begging at cash machine on High Street {town}, following people",
    ),
    "animal_problems": (
        "dog off lead at {place} {when}, went for IP's dog",
        "neighbour's dogs barking all day, dog mess left on {street}",
        "XL bully loose on {street}, residents scared",
    ),
    "fireworks": (
        "youths letting off fireworks at {place} {when}, aiming at houses",
        "FIREWORKS thrown at cars on {street} {when}",
    ),
    "hoax_calls": (
        "repeated hoax calls to IP's landline {when}, caller silent",
        "prank calls, taxis and takeaways ordered to IP's address",
    ),
    "trespass": (
        "youths on the roof of {place}, {town} {when}",
        "travellers' vehicles on the field off {street}, approx {n} caravans",
        "persons climbing into disused building on {street} {when}",
    ),
    "intimidation_harassment": (
        "IP being followed and called names on {street} {when}, feels intimidated",
        'threats made to IP "you\'re dead" shouted from across the road {when}',
        "eggs thrown at IP's windows {when}, 3rd time this month, IP feels targeted",
        "IP harassed on the way home from {place}, spat at",
    ),
    "malicious_communications": (
        'IP receiving abusive msgs {when}, threatening to "sort you out"',
        "false posts about IP put on Facebook group for {town}",
        "voice notes with threats sent to IP {when}",
    ),
    "prostitution_related": (
        "kerb crawling on {street}, {town} {when}",
        "used condoms and sex workers seen at {place}",
    ),
    "other": (
        "general ASB at {place}, {town} {when}",
        "IP reports ongoing issues in {street}, {town}",
        "complaint re behaviour of persons at {place} {when}",
    ),
}

SUBJECT_KNOWN = (
    "Susp named as {subject} of {s_addr}, {s_pc}.",
    "Susp {subject} ({s_dob}) lives at {s_addr}",
    "IP believes it is {subject} from {s_addr} {s_pc}.",
    "SUBJECT: {subject}, DOB {s_dob}, {s_addr}.",
    "named susp {subject} - address {s_addr}, {s_pc}",
    "IP knows susp as {s_first}, full name {subject}, of {s_addr}",
)

SUBJECT_UNKNOWN = (
    "Susps not known to IP.",
    "no descriptions, dark clothing, hoods up",
    "susps described as {n} youths approx 14-16 yrs, one in a red puffer jacket",
    "IC1 males x{n}, late teens",
    "unknown susp - no further desc",
)

CONTACT = (
    "IP contact no {v_phone}.",
    "tel {v_phone}",
    "Mob: {v_phone}",
    "Can be reached on {v_phone} after 5pm.",
    "call back on {v_phone} pls",
    "contact {v_phone} (mob)",
)

VULNERABILITY = (
    "IP is elderly and lives alone.",
    "VULNERABLE ADULT - IP has MH issues and is on medication.",
    "IP has learning difficulties, support worker involved.",
    "IP is a wheelchair user, feels trapped in own home.",
    "IP is pregnant and very anxious.",
    "vuln - IP partially sighted, relies on neighbours",
    "IP disclosed suicidal thoughts due to the ASB, signposted to Samaritans.",
)

RISK_HIGH = (
    "THRIVE HIGH - risk of harm, IP scared to leave house.",
    "THRIVE: high. Immediate deployment.",
    "Risk assessed as HIGH, IP frightened, threats made.",
    "High risk - referred to {org} and {council} ASB team same day.",
)

RISK_LOW = (
    "THRIVE standard.",
    "THRIVE - medium, scheduled appt.",
    "Risk: standard, no immediate threat.",
    "THRIVE done, low/standard risk, advice given.",
    "Medium risk - PCSO to call back within 48hrs.",
    "THRIVE completed.",
)

CONSENT_YES = (
    "IP happy for details to be passed to {council} and {provider}.",
    "Consent given to share with partners.",
    "IP consents to info sharing.",
    "IP agrees to referral to {provider}.",
)

CONSENT_NO = (
    "IP does NOT want details passed to council.",
    "No consent to share - IP scared of repercussions.",
    "IP declined referral to partners.",
    "consent not obtained.",
)

UPDATES = (
    "OIC PC {collar} attended {date}, w/s obtained, BWV on.",
    "Attended by PCSO {collar}, words of advice given.",
    "Update {date}: referred to {council} ASB team and {provider}.",
    "CPT to conduct patrols of {street}, {town}. OIC PC {collar}.",
    "Emailed {provider} housing officer re tenancy. Awaiting reply.",
    "Passed to {district} CSP for problem solving.",
    "CCTV requested from {council}.",
    "Letter drop on {street} by PCSO {collar}.",
    "PC {collar} spoke to all parties, CPW considered.",
    "Tasked to {town} CPT for review.",
)

NOT_ASB_CLOSE = {
    "crime - criminal damage": (
        "On review this is crim damage - crime raised {crime_ref}. NOT ASB.",
        "Not ASB - damage to vehicle, recorded as crime {crime_ref}.",
    ),
    "crime - public order": (
        "Threats amount to s.4 POA, crime {crime_ref} raised. Closed as not ASB.",
    ),
    "crime - harassment": ("Course of conduct - harassment crime {crime_ref}. Not ASB.",),
    "civil dispute": (
        "CIVIL MATTER re boundary/fence, advised to seek legal advice. NFA police.",
        "civil dispute between landlord and tenant - advised Citizens Advice. Not ASB.",
    ),
    "no ASB disclosed": (
        "On attendance no ASB disclosed, kids playing football. NFA.",
        "No ASB disclosed, IP given words of advice. Closed.",
    ),
    "domestic incident": ("Domestic related, DASH completed, not ASB - passed to DA team.",),
    "concern for welfare": ("Concern for welfare rather than ASB, adult social care informed.",),
    "duplicate report": ("Duplicate of {prior} - closed.", "Dup log, see earlier call."),
    "": ("Closed - not ASB.",),
}

NEIGHBOURS = (
    "Kev",
    "Sharon",
    "Dave",
    "Trev",
    "Bev",
    "Shaz",
    "Gaz",
    "Tina",
    "Mo",
    "Pat",
    "Steph",
    "Jan",
    "Del",
    "Marge",
    "Tony",
    "Lisa",
    "Ron",
    "Kerry",
    "Wayne",
    "Deb",
)
SURNAMES = ("smith", "jones", "brown", "taylor", "wilson", "evans", "green", "hall")
VEHICLE_LINES = (
    "VRM {vrm}.",
    "Vehicle involved VRM {vrm}",
    "veh reg {vrm} seen",
    "PNC check on VRM {vrm} - no trace",
)
REPEAT_LINES = (
    "REPEAT VICTIM - see prev log {prior}.",
    "IP is a repeat caller, {n}th call this month.",
    "Linked to {prior}, ongoing issue.",
    "Rpt victim. Prev ref {prior}",
)
