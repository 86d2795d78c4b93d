"""The Case Review thresholds (config/casereview.yaml): the window and how many complaints, by
one victim or about one location, raise a trigger. Read afresh at each evaluation."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from asbhub.errors import ConfigError
from asbhub.retention.schedule import Period

FILE_NAME = "casereview.yaml"


class VictimRule(BaseModel):
    """Complaints by one victim (the keyed victim identity), across incidents and partners."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    threshold: Annotated[int, Field(ge=1, le=100)] = 3


class LocationRule(BaseModel):
    """Complaints about one location (the keyed location identity)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    threshold: Annotated[int, Field(ge=1, le=100)] = 5
    # Count the households complaining rather than the complaints: five complaints from one
    # household about a location are one household.
    distinct_households: bool = False


class CaseReviewConfig(BaseModel):
    """The national default when no file is given: three complaints in six months."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str = "default"
    window: str = "6m"
    victim: VictimRule = VictimRule()
    location: LocationRule = LocationRule()

    @field_validator("window")
    @classmethod
    def _a_period(cls, value: str) -> str:
        period = Period.parse(value)  # ValueError says what a period looks like
        if period.unit == "permanent":
            raise ValueError("a window has an end: give days, months or years, e.g. 6m")
        return str(period)

    @property
    def period(self) -> Period:
        return Period.parse(self.window)

    def window_start(self, as_of: date) -> date:
        """The first day whose complaints count on `as_of` (as_of itself is the last)."""
        start = self.period.last_due_clock(as_of)
        assert start is not None  # never permanent, checked above
        return start


def load_config(config_dir: Path) -> CaseReviewConfig:
    """config_dir/casereview.yaml, or the national default when the file is absent. Every
    problem is reported at once, each with the file and the field."""
    path = config_dir / FILE_NAME
    if not path.exists():
        return CaseReviewConfig()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the Case Review thresholds: {exc}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping with window, victim and location")
    try:
        return CaseReviewConfig.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(
            [
                f"{path}: {'.'.join(str(p) for p in err['loc']) or '(top)'}: {err['msg']}"
                for err in exc.errors()
            ]
        ) from None
