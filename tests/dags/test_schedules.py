"""A partner's "02:00" stays 02:00 Europe/London across the March and October clock changes."""

from __future__ import annotations

from datetime import datetime
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

import pendulum
import pytest
from airflow.serialization.encoders import coerce_to_core_timetable
from airflow.timetables.base import TimeRestriction

from asbhub.airflow.factory import INGEST_AT, london_daily
from asbhub.airflow.tasks import night_of

LONDON, UTC = ZoneInfo("Europe/London"), ZoneInfo("UTC")
# 2026: BST starts Sun 29 March (01:00 GMT -> 02:00 BST), ends Sun 25 October (02:00 -> 01:00).
AROUND_CHANGES = [datetime(2026, 3, 26, tzinfo=UTC), datetime(2026, 10, 22, tzinfo=UTC)]


def next_runs(timetable: Any, after: datetime, count: int) -> list[datetime]:
    core = coerce_to_core_timetable(timetable)
    restriction = TimeRestriction(earliest=after, latest=None, catchup=True)
    runs, last = [], None
    for _ in range(count):
        info = core.next_dagrun_info(last_automated_data_interval=last, restriction=restriction)
        runs.append(info.run_after)
        last = info.data_interval
    return runs


@pytest.mark.parametrize("after", AROUND_CHANGES, ids=["march", "october"])
def test_02_00_stays_02_00_local_across_the_clock_change(after: datetime) -> None:
    runs = next_runs(london_daily("02:00"), after, 7)
    assert [r.astimezone(LONDON).strftime("%H:%M") for r in runs] == ["02:00"] * 7
    assert len({r.astimezone(LONDON).date() for r in runs}) == 7, "a day was skipped or doubled"
    # The UTC instant moves by the hour the clocks moved: one 23 h or 25 h gap.
    gaps = {(b.timestamp() - a.timestamp()) / 3600 for a, b in pairwise(runs)}
    assert gaps == {24, 23 if after.month == 3 else 25}
    assert {r.astimezone(UTC).hour for r in runs} == {1, 2}


@pytest.mark.parametrize("after", AROUND_CHANGES, ids=["march", "october"])
def test_every_partner_dag_runs_at_its_local_time(dagbag: Any, after: datetime) -> None:
    for dag_id, dag in dagbag.dags.items():
        if not dag_id.startswith("partner_"):
            continue
        runs = next_runs(dag.timetable, after, 7)
        times = {r.astimezone(LONDON).strftime("%H:%M") for r in runs}
        assert len(times) == 1, f"{dag_id} drifts across the clock change: {sorted(times)}"


@pytest.mark.parametrize("after", AROUND_CHANGES, ids=["march", "october"])
def test_ingest_looks_every_ten_minutes_and_at_the_nights_time(
    dagbag: Any, after: datetime
) -> None:
    """Every 10 minutes by default (an urgent referral leaves within minutes of its extract),
    which includes INGEST_AT, before every partner's outbound time, on every day."""
    runs = next_runs(dagbag.dags["police_ingest"].timetable, pendulum.instance(after), 6 * 24 * 3)
    assert {(b - a).total_seconds() for a, b in pairwise(runs)} == {600}
    local = [r.astimezone(LONDON) for r in runs]
    # Three days of runs: the night's ingest time is among them on each of the three.
    assert len({r.date() for r in local if r.strftime("%H:%M") == INGEST_AT}) == 3


def test_the_night_is_the_logical_date_in_london() -> None:
    # 23:30 UTC on 30 June is 00:30 BST on 1 July; in winter UTC and London agree.
    assert str(night_of(datetime(2026, 6, 30, 23, 30, tzinfo=UTC), datetime.now(UTC))) == (
        "2026-07-01"
    )
    assert str(night_of(datetime(2026, 11, 25, 2, 0, tzinfo=UTC), datetime.now(UTC))) == (
        "2026-11-25"
    )
    # A manual run without a logical date is named by when it was asked to run.
    assert str(night_of(None, datetime(2026, 3, 29, 1, 30, tzinfo=UTC))) == "2026-03-29"


@pytest.mark.parametrize("after", AROUND_CHANGES, ids=["march", "october"])
def test_a_time_inside_the_changing_hour_still_runs_once_a_day(after: datetime) -> None:
    # 01:30 does not exist on 29 March (the run comes at 02:30 BST) and happens twice on
    # 25 October (the run comes once, at 01:30 GMT): one run per night either way.
    runs = next_runs(london_daily("01:30"), after, 7)
    assert len({r.astimezone(LONDON).date() for r in runs}) == 7
    late = [r for r in runs if r.astimezone(LONDON).strftime("%H:%M") != "01:30"]
    if after.month == 3:
        assert [r.astimezone(LONDON).isoformat() for r in late] == ["2026-03-29T02:30:00+01:00"]
    else:
        assert late == []
