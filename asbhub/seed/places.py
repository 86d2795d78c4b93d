"""The force area as the generator sees it: districts, towns, postcode areas and partners."""

from __future__ import annotations

from dataclasses import dataclass

FORCE_CODE = "42"


@dataclass(frozen=True)
class Town:
    name: str
    outward_codes: tuple[str, ...]


@dataclass(frozen=True)
class District:
    name: str
    population_k: int  # rough 2021 census population, in thousands: the sampling weight
    council: str
    towns: tuple[Town, ...]
    housing_provider: str  # the provider with most stock here; others have some


@dataclass(frozen=True)
class HousingProvider:
    id: str
    display_name: str


HOUSING_PROVIDERS = (
    HousingProvider("estuary_homes", "Estuary Homes"),
    HousingProvider("greenfield_housing", "Greenfield Housing"),
    HousingProvider("harbourside_living", "Harbourside Living"),
)
PROVIDER_NAMES = {p.id: p.display_name for p in HOUSING_PROVIDERS}

_E, _G, _H = "estuary_homes", "greenfield_housing", "harbourside_living"

DISTRICTS = (
    District(
        "Basildon",
        188,
        "Basildon Borough Council",
        (
            Town("Basildon", ("SS13", "SS14", "SS15", "SS16")),
            Town("Pitsea", ("SS13", "SS16")),
            Town("Wickford", ("SS11", "SS12")),
            Town("Billericay", ("CM11", "CM12")),
            Town("Laindon", ("SS15",)),
        ),
        _E,
    ),
    District(
        "Braintree",
        155,
        "Braintree District Council",
        (
            Town("Braintree", ("CM7", "CM77")),
            Town("Witham", ("CM8",)),
            Town("Halstead", ("CO9",)),
            Town("Coggeshall", ("CO6",)),
        ),
        _G,
    ),
    District(
        "Brentwood",
        77,
        "Brentwood Borough Council",
        (
            Town("Brentwood", ("CM14", "CM15")),
            Town("Shenfield", ("CM15",)),
            Town("Hutton", ("CM13",)),
            Town("Ingatestone", ("CM4",)),
        ),
        _G,
    ),
    District(
        "Castle Point",
        89,
        "Castle Point Borough Council",
        (
            Town("Canvey Island", ("SS8",)),
            Town("South Benfleet", ("SS7",)),
            Town("Thundersley", ("SS7",)),
            Town("Hadleigh", ("SS7",)),
        ),
        _E,
    ),
    District(
        "Chelmsford",
        181,
        "Chelmsford City Council",
        (
            Town("Chelmsford", ("CM1", "CM2")),
            Town("Great Baddow", ("CM2",)),
            Town("South Woodham Ferrers", ("CM3",)),
            Town("Writtle", ("CM1",)),
        ),
        _G,
    ),
    District(
        "Colchester",
        193,
        "Colchester City Council",
        (
            Town("Colchester", ("CO1", "CO2", "CO3", "CO4")),
            Town("Stanway", ("CO3",)),
            Town("Tiptree", ("CO5",)),
            Town("West Mersea", ("CO5",)),
        ),
        _H,
    ),
    District(
        "Epping Forest",
        134,
        "Epping Forest District Council",
        (
            Town("Loughton", ("IG10",)),
            Town("Epping", ("CM16",)),
            Town("Waltham Abbey", ("EN9",)),
            Town("Chigwell", ("IG7",)),
            Town("Buckhurst Hill", ("IG9",)),
            Town("Chipping Ongar", ("CM5",)),
        ),
        _G,
    ),
    District(
        "Harlow",
        94,
        "Harlow Council",
        (
            Town("Harlow", ("CM17", "CM18", "CM19", "CM20")),
            Town("Old Harlow", ("CM17",)),
            Town("Church Langley", ("CM17",)),
        ),
        _G,
    ),
    District(
        "Maldon",
        66,
        "Maldon District Council",
        (
            Town("Maldon", ("CM9",)),
            Town("Heybridge", ("CM9",)),
            Town("Burnham-on-Crouch", ("CM0",)),
            Town("Tollesbury", ("CM9",)),
        ),
        _H,
    ),
    District(
        "Rochford",
        87,
        "Rochford District Council",
        (
            Town("Rayleigh", ("SS6",)),
            Town("Rochford", ("SS4",)),
            Town("Hockley", ("SS5",)),
            Town("Hullbridge", ("SS5",)),
        ),
        _E,
    ),
    District(
        "Tendring",
        148,
        "Tendring District Council",
        (
            Town("Clacton-on-Sea", ("CO15", "CO16")),
            Town("Jaywick", ("CO15",)),
            Town("Harwich", ("CO12",)),
            Town("Frinton-on-Sea", ("CO13",)),
            Town("Walton-on-the-Naze", ("CO14",)),
            Town("Brightlingsea", ("CO7",)),
            Town("Manningtree", ("CO11",)),
        ),
        _H,
    ),
    District(
        "Uttlesford",
        92,
        "Uttlesford District Council",
        (
            Town("Saffron Walden", ("CB10", "CB11")),
            Town("Great Dunmow", ("CM6",)),
            Town("Stansted Mountfitchet", ("CM24",)),
            Town("Thaxted", ("CM6",)),
        ),
        _G,
    ),
    District(
        "Southend-on-Sea",
        181,
        "Southend-on-Sea City Council",
        (
            Town("Southend-on-Sea", ("SS1", "SS2")),
            Town("Westcliff-on-Sea", ("SS0",)),
            Town("Leigh-on-Sea", ("SS9",)),
            Town("Shoeburyness", ("SS3",)),
        ),
        _E,
    ),
    District(
        "Thurrock",
        176,
        "Thurrock Council",
        (
            Town("Grays", ("RM16", "RM17", "RM20")),
            Town("Tilbury", ("RM18",)),
            Town("Purfleet-on-Thames", ("RM19",)),
            Town("South Ockendon", ("RM15",)),
            Town("Stanford-le-Hope", ("SS17",)),
            Town("Chafford Hundred", ("RM16",)),
        ),
        _E,
    ),
)

# The letters Royal Mail uses in the inward part of a postcode (no C, I, K, M, O, V).
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

# Public places an incident may happen at, beside streets.
PLACES = (
    "the rec",
    "the skate park",
    "the park",
    "the parade of shops",
    "the bus station",
    "the train station",
    "the Co-op car park",
    "the community centre",
    "the alleyway",
    "the play area",
    "the garages",
    "the cut-through",
    "the seafront",
    "the precinct",
    "the chip shop",
    "the bus stop",
    "the school gates",
    "the layby",
    "the woods",
)

OTHER_ORGANISATIONS = (
    "Victim Support",
    "the Community Safety Partnership",
    "Essex County Council adult social care",
    "Children's Social Care",
    "the Community Safety Hub",
    "the CPT",
    "the local PCSO team",
    "Environmental Health",
    "the RSPCA",
    "Neighbourhood Watch",
    "the ASB case review panel",
    "MARAC",
    "the Community MARAC",
    "the Street Pastors",
)
