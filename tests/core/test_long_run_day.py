"""Landings on legs a long run has tired (pair-with-easy-day): a session with jumps or
landing drills in it pays the long run's day as a plyometric session does, whatever its
lead, so a core session holding a landing drill goes elsewhere when a day as good is free."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from runstrong.core.model import Category, Role, RunType
from runstrong.core.planner import build_plan
from runstrong.core.schedule import DayInfo, SessionSpec, place_week
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile

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


def test_a_core_session_with_leg_work_keeps_its_usual_day_in_the_taper_not_the_three_hour_long_runs():
    """Sam's core session (plank work, a sliding leg curl 2 x 12, single-leg calf raises) left
    its Monday in the taper for the Sunday of his 3-hour long run, a week before the 50K:
    two sessions sit better spread Wed-Sun than Mon-Wed, and a core session paid little for
    the long run's day. A core session with leg work in it now pays for it."""
    profile = load_profile(Path(__file__).parent / "runners" / "ultra_kettlebell_pounds.toml")
    plan = build_plan(profile, load_context())
    long_days = {r.date for w in plan.weeks for r in w.runs if r.type == RunType.long}
    for w in plan.weeks:
        for s in w.sessions:
            legs = any(b.category != Category.core for b in s.blocks if b.role in (Role.primary, Role.accessory))
            assert not (s.date in long_days and legs), (w.index, s.date, s.focus)
