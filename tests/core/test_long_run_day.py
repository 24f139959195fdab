"""Landings on legs a long run has tired (pair-with-easy-day): a session with jumps or
landing drills in it pays the long run's day as a plyometric session does, whatever its
lead, so a core session holding a landing drill goes elsewhere when a day as good is free."""

from __future__ import annotations

import datetime as dt

from runstrong.core.model import Category, RunType
from runstrong.core.schedule import DayInfo, SessionSpec, place_week
from runstrong.io.data_files import load_context

P = load_context().params
MONDAY = dt.date(2027, 3, 1)
RUNS = {1: (RunType.intervals,), 2: (RunType.tempo,), 6: (RunType.long,)}  # Tue, Wed, Sun


def week(free: set[int]) -> tuple[DayInfo, ...]:
    return tuple(
        DayInfo(date=MONDAY + dt.timedelta(days=k), available=k in free, strength_ok=True, recovering=False,
                heavy_ok=True, plyo_ok=True, runs=RUNS.get(k, ()), next_runs=RUNS.get(k + 1, ()),
                prev_runs=RUNS.get(k - 1, ()))
        for k in range(7)
    )  # fmt: skip


def day_for(spec: SessionSpec) -> int:
    placed = place_week(week({1, 6}), (spec,), (), False, P)
    assert placed is not None
    return placed.days[0]


def test_a_core_session_with_a_landing_drill_keeps_off_the_long_run_day_when_another_day_serves():
    plain = SessionSpec(Category.core, heavy=False, plyometric=False)
    assert day_for(plain) == 6  # a quiet core session may share the long run's day
    assert day_for(SessionSpec(Category.core, heavy=False, plyometric=False, landings=True)) == 1
