"""A person in the synthetic extract: victim or subject, kept whole so repeats stay the same."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from asbhub.seed.narrative import Party
from asbhub.seed.pools import Street


@dataclass
class Person:
    """One invented person; repeat victims keep their ongoing issue and past references."""

    first: str
    last: str
    female: bool
    dob: date
    street: Street
    house: str
    phone: str | None
    email: str | None
    tenure: str
    landlord: str | None
    vulnerable: bool = False
    ongoing_type: str | None = None
    ongoing_subject: Person | None = None
    refs: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def address(self) -> str:
        return f"{self.house} {self.street.name}, {self.street.town}"

    def party(self) -> Party:
        return Party(
            self.first,
            self.last,
            self.female,
            self.address,
            self.street.postcode,
            self.phone,
            self.email,
            f"{self.dob:%d/%m/%Y}",
        )
