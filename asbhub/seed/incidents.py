"""The row generator: plausible incident/1.0 records for one force area, seeded and fast.

Rows are contract-shaped dicts (enum values as strings, datetimes aware in Europe/London),
not validated models: validating 100,000 rows would cost more than generating them, so
the tests validate samples instead.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from asbhub.seed import pools
from asbhub.seed.narrative import Scene, write_narrative
from asbhub.seed.people import Person
from asbhub.seed.places import DISTRICTS, FORCE_CODE, PROVIDER_NAMES, District
from asbhub.seed.pools import Pools, build_pools
from asbhub.seed.weights import (
    CATEGORY_WEIGHTS,
    HOUR_WEIGHTS,
    NOT_ASB_REASONS,
    NOT_ASB_SHARE,
    REPEAT_SHARE,
    SUBJECT_KNOWN,
    TENURES,
    TYPES_BY_CATEGORY,
    Weighted,
)

LONDON = ZoneInfo("Europe/London")
WINDOW_DAYS = 30
MAX_INCIDENTS = 800_000  # incident numbers have six digits, and start above 100000


class IncidentGenerator:
    """Holds the seeded state of one extract: pools, repeat victims and reference numbers."""

    def __init__(self, n: int, seed: int, night: date) -> None:
        if not 0 <= n <= MAX_INCIDENTS:
            raise ValueError(f"the number of incidents must be between 0 and {MAX_INCIDENTS:,}")
        self.n, self.night = n, night
        self.rng = random.Random(seed)  # noqa: S311 - invented data, not secrets
        self.pools: Pools = build_pools(seed)
        self.districts = Weighted({d.name: d.population_k for d in DISTRICTS})
        self.by_name: dict[str, District] = {d.name: d for d in DISTRICTS}
        self.categories = Weighted(CATEGORY_WEIGHTS)
        self.types = {c: Weighted(t) for c, t in TYPES_BY_CATEGORY.items()}
        self.reasons = Weighted(NOT_ASB_REASONS)
        self.tenures = Weighted(TENURES)
        self.repeat_pool: list[Person] = []
        self.repeat_pool_size = max(1, n // 40)

    def __iter__(self) -> Iterator[dict[str, object]]:
        rng = self.rng
        serial = rng.randrange(100_000, 999_999 - self.n)
        spare = 999_999 - serial - self.n  # ref numbers left for calls that were not ASB
        for reported_at in self._times():
            step = 1 + (int(rng.random() * 2 * spare / self.n) if spare > 0 else 0)
            step = min(step, 1 + spare)
            spare -= step - 1
            serial += step
            ref = f"{FORCE_CODE}/{serial:06d}/{reported_at.year % 100:02d}"
            yield self._incident(ref, reported_at)

    def _times(self) -> list[datetime]:
        """Sorted report times over the window, busier at evenings and weekends."""
        rng, start = self.rng, self.night - timedelta(days=WINDOW_DAYS)
        days = [start + timedelta(days=i) for i in range(WINDOW_DAYS)]
        day_w = Weighted({str(i): 1.3 if d.weekday() >= 4 else 1.0 for i, d in enumerate(days)})
        hours = Weighted({str(h): w for h, w in enumerate(HOUR_WEIGHTS)})
        out = []
        for _ in range(self.n):
            day = days[int(day_w.pick(rng))]
            wall = datetime.combine(
                day, time(int(hours.pick(rng)), rng.randrange(60), rng.randrange(60)), LONDON
            )
            # Round-trip through UTC so a wall time skipped by the clocks going forward
            # comes out as a real instant with the right offset.
            out.append(wall.astimezone(UTC).astimezone(LONDON))
        out.sort()
        return out

    def _person(self, district: District, *, subject: bool = False) -> Person:
        rng, p = self.rng, self.pools
        female = rng.random() < (0.35 if subject else 0.58)
        first = rng.choice(p.female_first if female else p.male_first)
        last = rng.choice(p.surnames)
        age = rng.randrange(13, 45) if subject else min(95, 18 + int(rng.expovariate(1 / 24)))
        dob = self.night - timedelta(days=age * 365 + rng.randrange(365))
        street = rng.choice(p.streets_by_district[district.name])
        tenure = self.tenures.pick(rng)
        landlord = None
        if tenure == "social_housing":
            landlord = (
                district.housing_provider
                if rng.random() < 0.75
                else rng.choice(list(PROVIDER_NAMES))
            )
            house = f"Flat {rng.randrange(1, 60)}, {rng.choice(p.block_names)},"
        else:
            house = str(rng.randrange(1, 180))
        phone = pools.phone(rng) if subject or rng.random() < 0.92 else None
        mail = pools.email(rng, first, last) if not subject and rng.random() < 0.3 else None
        return Person(
            first,
            last,
            female,
            dob,
            street,
            house,
            phone,
            mail,
            tenure,
            landlord,
            vulnerable=not subject and (age >= 75 or rng.random() < 0.05),
        )

    def _victim(self, district: District) -> tuple[Person | None, bool]:
        """The victim and whether they are a repeat victim (one of a small, returning pool)."""
        rng = self.rng
        if rng.random() < REPEAT_SHARE:
            if len(self.repeat_pool) < self.repeat_pool_size:
                victim = self._person(district)
                self.repeat_pool.append(victim)
            else:
                victim = rng.choice(self.repeat_pool)
            return victim, True
        if rng.random() < 0.06:
            return None, False  # anonymous caller
        return self._person(district), rng.random() < 0.02  # repeat calls before this extract

    def _incident(self, ref: str, reported_at: datetime) -> dict[str, object]:
        rng = self.rng
        district = self.by_name[self.districts.pick(rng)]
        victim, repeat = self._victim(district)
        if victim is not None:
            district = self.by_name[victim.street.district]
        is_asb = rng.random() >= NOT_ASB_SHARE
        category = asb_type = reason = None
        if is_asb:
            if victim is not None and victim.ongoing_type and rng.random() < 0.7:
                asb_type = victim.ongoing_type
                category = next(c for c, t in TYPES_BY_CATEGORY.items() if asb_type in t)
            else:
                category = self.categories.pick(rng)
                asb_type = self.types[category].pick(rng)
            if repeat and victim is not None and victim.ongoing_type is None:
                victim.ongoing_type = asb_type
        else:
            reason = self.reasons.pick(rng)
        vulnerable = victim is not None and victim.vulnerable
        risk, flags = self._thrive(category, vulnerable, repeat)
        subject = self._subject(district, victim, asb_type, repeat)
        vehicle = None
        if asb_type in ("vehicle_nuisance", "abandoned_vehicle") or rng.random() < 0.04:
            vehicle = pools.vehicle_registration(rng) if rng.random() < 0.85 else None
        pnc = pools.pnc_id(rng) if subject is not None and rng.random() < 0.3 else None
        street = (
            victim.street
            if victim is not None and rng.random() < 0.7
            else rng.choice(self.pools.streets_by_district[district.name])
        )
        providers = [PROVIDER_NAMES[x.landlord] for x in (victim, subject) if x and x.landlord]
        lead = self._lead_agency(category, risk, providers)
        review = None
        if rng.random() < {"high": 0.95, "medium": 0.6, "standard": 0.15}[risk]:
            latest = datetime.combine(self.night, time(0), LONDON) - timedelta(minutes=1)
            review = min(latest, reported_at + timedelta(minutes=rng.randrange(30, 60 * 24 * 7)))
        consent = victim is not None and rng.random() < 0.64
        prior = list(victim.refs[-3:]) if victim is not None else []
        if reason == "duplicate report" and not prior:
            prior = [f"{FORCE_CODE}/{rng.randrange(100_000, 999_999):06d}/{reported_at:%y}"]
        scene = Scene(
            reported_at=reported_at,
            district=district.name,
            town=street.town,
            street=street.name,
            council=district.council,
            asb_type=asb_type,
            is_asb=is_asb,
            not_asb_reason=reason,
            risk_level=risk,
            victim=victim.party() if victim else None,
            subject=subject.party() if subject else None,
            consent=consent,
            vulnerable=vulnerable,
            repeat=repeat,
            prior_refs=prior,
            providers=providers,
            vehicle=vehicle,
            pnc_id=pnc,
        )
        narrative = write_narrative(scene, rng)
        if victim is not None:
            victim.refs.append(ref)
        v, s = victim, subject
        return {
            "incident_ref": ref,
            "reported_at": reported_at,
            "district": district.name,
            "location_street": f"{street.name}, {street.town}",
            "location_postcode": street.postcode if rng.random() < 0.9 else None,
            "is_asb": is_asb,
            "not_asb_reason": reason,
            "nsir_category": category,
            "asb_type": asb_type,
            "risk_level": risk,
            "thrive_flags": flags,
            "repeat_victim": repeat,
            "vulnerable_victim": vulnerable,
            "lead_agency": lead,
            "last_review_at": review,
            "victim_name": v.name if v else None,
            "victim_dob": v.dob if v else None,
            "victim_address": v.address if v else None,
            "victim_postcode": v.street.postcode if v else None,
            "victim_phone": v.phone if v else None,
            "victim_email": v.email if v else None,
            "victim_tenure": v.tenure if v else "unknown",
            "victim_landlord": v.landlord if v else None,
            "victim_consent_to_share": consent,
            "subject_name": s.name if s else None,
            "subject_dob": s.dob if s else None,
            "subject_address": s.address if s else None,
            "subject_postcode": s.street.postcode if s else None,
            "subject_tenure": s.tenure if s else "unknown",
            "subject_landlord": s.landlord if s else None,
            "subject_pnc_id": pnc,
            "vehicle_registration": vehicle,
            "narrative": narrative,
        }

    def _subject(
        self, district: District, victim: Person | None, asb_type: str | None, repeat: bool
    ) -> Person | None:
        rng = self.rng
        if repeat and victim is not None and victim.ongoing_subject and rng.random() < 0.75:
            return victim.ongoing_subject
        if rng.random() >= SUBJECT_KNOWN.get(asb_type or "", 0.35):
            return None
        subject = self._person(district, subject=True)
        if asb_type == "neighbour_nuisance" and victim is not None:
            subject.street = victim.street  # neighbours share a street, and its postcode
        if repeat and victim is not None and victim.ongoing_subject is None:
            victim.ongoing_subject = subject
        return subject

    def _thrive(
        self, category: str | None, vulnerable: bool, repeat: bool
    ) -> tuple[str, list[str]]:
        rng = self.rng
        r = rng.random()
        high = (
            0.03
            + (0.17 if vulnerable else 0)
            + (0.04 if category == "personal" else 0)
            + (0.03 if repeat else 0)
        )
        medium = 0.16 + (0.2 if vulnerable else 0) + (0.08 if category == "personal" else 0)
        risk = "high" if r < high else "medium" if r < high + medium else "standard"
        flags: list[str] = []
        if vulnerable and (risk != "standard" or rng.random() < 0.5):
            flags.append("vulnerability")
        if risk == "high":
            flags += [f for f in ("threat", "harm", "risk") if rng.random() < 0.7]
            if not vulnerable and rng.random() < 0.5:
                flags.append("vulnerability")
        elif risk == "medium":
            flags += [f for f in ("threat", "harm", "risk", "investigation") if rng.random() < 0.25]
        elif rng.random() < 0.1:
            flags.append(rng.choice(("investigation", "engagement")))
        if repeat and rng.random() < 0.3:
            flags.append("engagement")
        order = ("threat", "harm", "risk", "investigation", "vulnerability", "engagement")
        return risk, [f for f in order if f in flags]

    def _lead_agency(self, category: str | None, risk: str, providers: list[str]) -> str:
        r = self.rng.random()
        if risk == "high" or category is None:
            return "police"
        if providers and r < 0.55:
            return "housing_provider"
        if category == "environmental" and r < 0.8:
            return "council"
        return "council" if r < 0.35 else "police"


def generate_incidents(n: int, seed: int, night: date) -> Iterator[dict[str, object]]:
    """`n` incident/1.0 rows reported in the 30 days before `night`, the same for the same seed."""
    return iter(IncidentGenerator(n, seed, night))
