"""Which recognizers the engine runs: UK ones tuned, ours added, US-only and noisy ones left out."""

from __future__ import annotations

from typing import Any

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry  # noqa: TID253 - lazily loaded
from presidio_analyzer.predefined_recognizers import SpacyRecognizer  # noqa: TID253

from asbhub.pii.context import WindowContextEnhancer
from asbhub.pii.recognizers.date_of_birth import DateOfBirthRecognizer
from asbhub.pii.recognizers.email import OfflineEmailRecognizer
from asbhub.pii.recognizers.fields import FieldValueRecognizer
from asbhub.pii.recognizers.name_gazetteer import NameGazetteerRecognizer
from asbhub.pii.recognizers.person_context import PersonContextRecognizer
from asbhub.pii.recognizers.pnc_id import PncIdRecognizer
from asbhub.pii.recognizers.police_reference import PoliceReferenceRecognizer
from asbhub.pii.recognizers.social_media_handle import SocialMediaHandleRecognizer
from asbhub.pii.recognizers.street_address import StreetAddressRecognizer
from asbhub.pii.recognizers.uk_driving_licence import TunedUkDrivingLicenceRecognizer
from asbhub.pii.recognizers.uk_nhs import TunedUkNhsRecognizer
from asbhub.pii.recognizers.uk_nino import TunedUkNinoRecognizer
from asbhub.pii.recognizers.uk_passport import TunedUkPassportRecognizer
from asbhub.pii.recognizers.uk_phone import CuedPhoneRecognizer, UkPhoneRecognizer
from asbhub.pii.recognizers.uk_postcode import TunedUkPostcodeRecognizer
from asbhub.pii.recognizers.uk_vehicle_registration import TunedUkVehicleRegistrationRecognizer

# Not registered, on purpose: US recognizers (SSN, ITIN, bank, driver licence, passport),
# credit cards, IBAN, crypto, IP/URL (noise in narratives), DATE_TIME/LOCATION/NRP (incident
# dates and towns must survive) and Presidio's e-mail recognizer (its tldextract call would
# try the network; ours is a pattern).


def pattern_recognizers() -> list[Any]:
    """Every pattern recognizer, structured identifiers first, context names last."""
    return [
        TunedUkPostcodeRecognizer(),
        TunedUkNhsRecognizer(),
        TunedUkNinoRecognizer(),
        TunedUkVehicleRegistrationRecognizer(),
        TunedUkPassportRecognizer(),
        TunedUkDrivingLicenceRecognizer(),
        UkPhoneRecognizer(),
        CuedPhoneRecognizer(),
        OfflineEmailRecognizer(),
        DateOfBirthRecognizer(),
        PoliceReferenceRecognizer(),
        PncIdRecognizer(),
        SocialMediaHandleRecognizer(),
        StreetAddressRecognizer(),
        PersonContextRecognizer(),
    ]


def build_analyzer(nlp_engine: Any, patterns: list[Any], score_threshold: float) -> AnalyzerEngine:
    """An AnalyzerEngine over our registry, with the fast whole-word context enhancer."""
    registry = RecognizerRegistry(
        recognizers=[
            *patterns,
            FieldValueRecognizer(),
            NameGazetteerRecognizer(),
            SpacyRecognizer(supported_entities=["PERSON"], ner_strength=0.85),
        ]
    )
    return AnalyzerEngine(
        registry=registry,
        nlp_engine=nlp_engine,
        supported_languages=["en"],
        default_score_threshold=score_threshold,
        context_aware_enhancer=WindowContextEnhancer(),
    )
