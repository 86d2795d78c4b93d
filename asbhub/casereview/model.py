"""What a Case Review evaluation returns and what the list shows: references only, never a
victim's or a location's key, name or address."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel


class TriggerKind(StrEnum):
    VICTIM = "victim"
    LOCATION = "location"


class TriggerStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class Change(StrEnum):
    OPENED = "opened"  # the threshold was met: a new trigger
    EXTENDED = "extended"  # an open trigger counts new complaints


class TriggerChange(BaseModel):
    trigger_id: str
    kind: TriggerKind
    change: Change
    complaints: int  # qualifying complaints in the window (households, when counted so)
    added: list[str]  # incident references linked by this evaluation


class CaseReviewResult(BaseModel):
    as_of: date
    window: str
    window_start: date
    qualifying: int = 0  # ASB incidents reported in the window
    without_victim_key: int = 0  # of those: no victim identity (no name, or no DOB nor postcode)
    without_location_key: int = 0  # of those: no location postcode
    changes: list[TriggerChange] = []
    open_triggers: int = 0

    @property
    def opened(self) -> list[TriggerChange]:
        return [c for c in self.changes if c.change is Change.OPENED]

    @property
    def extended(self) -> list[TriggerChange]:
        return [c for c in self.changes if c.change is Change.EXTENDED]


class OpenTrigger(BaseModel):
    """One open trigger as the list and the audit view show it."""

    trigger_id: str
    kind: TriggerKind
    opened_at: datetime
    opened_as_of: date
    window: str
    threshold: int
    complaints: int  # incidents it counts (that the hub still holds)
    incidents: list[str]  # incident references, oldest report first
    partners: list[str]  # partners holding a referral for one of them (the force is told too)


class TriggerList(BaseModel):
    triggers: list[OpenTrigger]
