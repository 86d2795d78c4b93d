"""Free-text narratives in the shorthand call handlers and officers really write.

A narrative is assembled from segments (the call, what happened, the subject, contact
details, risk, consent, the officer's update, the close), each picked from several
templates and then restyled (all caps, typos, lower-case names) so no two read alike.
Every structured personal value of the incident (names, addresses, phones, e-mail,
vehicle, PNC id) appears in it verbatim up to letter case, because the redaction stage
downstream must find them; towns, partners, dates and times appear too, and must survive.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import datetime

from asbhub.seed import pools
from asbhub.seed.phrases import (
    BEHAVIOUR,
    CONSENT_NO,
    CONSENT_YES,
    CONTACT,
    NEIGHBOURS,
    NOT_ASB_CLOSE,
    OPENINGS,
    OPENINGS_ANON,
    REPEAT_LINES,
    RISK_HIGH,
    RISK_LOW,
    SUBJECT_KNOWN,
    SUBJECT_UNKNOWN,
    SURNAMES,
    UPDATES,
    VEHICLE_LINES,
    VULNERABILITY,
)
from asbhub.seed.places import OTHER_ORGANISATIONS, PLACES
from asbhub.seed.style import caps, name_as_written, pick, typo, when_written


@dataclass
class Party:
    """A named person as the narrative needs them."""

    first: str
    last: str
    female: bool
    address: str
    postcode: str
    phone: str | None = None
    email: str | None = None
    dob: str | None = None


@dataclass
class Scene:
    """The facts of one incident that its narrative tells."""

    reported_at: datetime
    district: str
    town: str
    street: str
    council: str
    asb_type: str | None
    is_asb: bool
    not_asb_reason: str | None
    risk_level: str
    victim: Party | None
    subject: Party | None
    consent: bool
    vulnerable: bool
    repeat: bool
    prior_refs: list[str] = field(default_factory=list)
    providers: list[str] = field(default_factory=list)
    vehicle: str | None = None
    pnc_id: str | None = None


def write_narrative(scene: Scene, rng: random.Random) -> str:
    """One narrative for the scene; the same scene and generator state give the same text."""
    style = rng.choices(("plain", "caps", "lower", "mixed"), (45, 12, 13, 30))[0]
    v, s = scene.victim, scene.subject
    pronoun = "she" if v is not None and v.female else "he"
    values = {
        "victim": name_as_written(rng, v.first, v.last, style) if v else "",
        "v_title": ("Mrs " if v.female else "Mr ") + v.last if v else "",
        "v_first": v.first if v else "",
        "v_addr": v.address if v else "",
        "v_pc": v.postcode if v else "",
        "v_phone": (v.phone or "") if v else "",
        "v_email": (v.email or "") if v else "",
        "she": pronoun,
        "her": "her" if pronoun == "she" else "his",
        "subject": name_as_written(rng, s.first, s.last, style) if s else "",
        "s_first": s.first if s else "",
        "s_addr": s.address if s else "",
        "s_pc": s.postcode if s else "",
        "s_dob": (s.dob or "") if s else "",
        "town": scene.town,
        "district": scene.district,
        "street": scene.street,
        "place": rng.choice(PLACES),
        "council": scene.council,
        "org": rng.choice(OTHER_ORGANISATIONS),
        "when": when_written(rng, scene.reported_at),
        "date": f"{scene.reported_at:%d/%m/%Y}",
        "vrm": scene.vehicle or "",
        "pnc": scene.pnc_id or "",
        "collar": str(rng.randrange(1000, 9999)),
        "n": str(rng.randrange(2, 9)),
        "neighbour": rng.choice(NEIGHBOURS),
        "num": str(rng.randrange(1, 90)),
        "other_phone": pools.phone_variant(rng),
        "handle": pools.social_handle(rng, rng.choice(NEIGHBOURS), rng.choice(SURNAMES)),
        "crime_ref": pools.crime_reference(rng, scene.reported_at.year),
        "provider": scene.providers[0] if scene.providers else "",
        "prior": scene.prior_refs[-1] if scene.prior_refs else "",
    }
    empty = frozenset(k for k, value in values.items() if not value)
    segments: list[str] = []
    if v is not None:
        segments.append(pick(rng, OPENINGS, empty))
    else:
        segments.append(pick(rng, OPENINGS_ANON, empty))
    behaviour = BEHAVIOUR.get(scene.asb_type or "", BEHAVIOUR["other"])
    segments.append(pick(rng, behaviour, empty))
    if s is not None:
        segments.append(pick(rng, SUBJECT_KNOWN, empty))
        if scene.pnc_id:
            segments.append(
                rng.choice(
                    (
                        "Susp PNC {pnc}.",
                        "PNC ID {pnc} - known to police.",
                        "susp is known, PNC {pnc}",
                        "(PNC {pnc})",
                    )
                )
            )
    elif rng.random() < 0.5:
        segments.append(pick(rng, SUBJECT_UNKNOWN, empty))
    if scene.vehicle and "{vrm}" not in segments[1]:
        segments.append(rng.choice(VEHICLE_LINES))
    if v is not None and v.phone:
        segments.append(pick(rng, CONTACT, empty))
    if v is not None and v.email and rng.random() < 0.6:
        segments.append(
            rng.choice(
                ("Email {v_email}.", "IP prefers contact by email {v_email}", "e-mail: {v_email}")
            )
        )
    if scene.repeat and rng.random() < 0.85:
        segments.append(
            rng.choice(REPEAT_LINES)
            if scene.prior_refs
            else "Repeat victim flag on - {n} calls in last 12 months."
        )
    if scene.vulnerable:
        segments.append(pick(rng, VULNERABILITY, empty))
    segments.append(pick(rng, RISK_HIGH if scene.risk_level == "high" else RISK_LOW, empty))
    if v is not None:
        segments.append(pick(rng, CONSENT_YES if scene.consent else CONSENT_NO, empty))
    segments.extend(_extras(rng))
    segments.append(pick(rng, UPDATES, empty))
    if not scene.is_asb:
        closes = NOT_ASB_CLOSE.get(scene.not_asb_reason or "", NOT_ASB_CLOSE[""])
        segments.append(pick(rng, closes, empty))
    parts = []
    for template in segments:
        if style == "caps" or (style == "mixed" and rng.random() < 0.2):
            template = caps(template)
        elif style == "lower" and rng.random() < 0.5:
            template = template.lower() if "{" not in template else template
        if rng.random() < 0.12:
            template = typo(rng, template)
        parts.append(template.format_map(values))
    joiner = rng.choice((" ", " ", "  ", ". ", " // ", " - "))
    text = joiner.join(p.strip() for p in parts if p.strip())
    return re.sub(r"\.\.+", ".", text).strip()


def _extras(rng: random.Random) -> list[str]:
    """Others the narrative mentions: a neighbour, a second phone, a handle, a crime ref."""
    extras = []
    if rng.random() < 0.18:
        extras.append(
            rng.choice(
                (
                    "Neighbour {neighbour} at no. {num} also witnessed.",
                    "w/s from neighbour {neighbour} (no.{num})",
                    "{neighbour} next door has CCTV, to be viewed",
                )
            )
        )
    if rng.random() < 0.12:
        extras.append(
            rng.choice(
                (
                    "Alt no {other_phone}",
                    "daughter's mob {other_phone}",
                    "2nd number given {other_phone}",
                )
            )
        )
    if rng.random() < 0.10:
        extras.append(
            rng.choice(
                (
                    "Abusive msgs sent from {handle} on insta",
                    "snap name {handle}",
                    "posts on TikTok by {handle}",
                )
            )
        )
    if rng.random() < 0.08:
        extras.append(
            rng.choice(
                (
                    "Crime ref {crime_ref} linked.",
                    "see also {crime_ref}",
                    "crim dam recorded under {crime_ref}",
                )
            )
        )
    if rng.random() < 0.10:
        extras.append("Referred to {org}.")
    return extras
