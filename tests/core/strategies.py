"""Hypothesis strategies for generated runners: random weeks, races, kit, pain and caps."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from runstrong.core.model import (
    AthleteProfile,
    EquipmentSet,
    Level,
    PainArea,
    RaceDistance,
    RaceGoal,
    Run,
    RunningWeek,
    RunType,
    Sex,
    Weekday,
)

RUN_TYPES = [RunType.easy, RunType.easy, RunType.long, RunType.tempo, RunType.intervals, RunType.cross_train]


@st.composite
def running_weeks(draw) -> RunningWeek:
    days = draw(st.lists(st.sampled_from(list(Weekday)), unique=True, max_size=7))
    runs = [Run(day=d, type=draw(st.sampled_from(RUN_TYPES)), minutes=draw(st.integers(20, 150))) for d in days]
    return RunningWeek(weekly=runs)


@st.composite
def profiles(draw) -> AthleteProfile:
    start = dt.date(2027, 1, 4) + dt.timedelta(days=draw(st.integers(0, 365)))
    race = None
    if draw(st.booleans()):
        race = RaceGoal(
            distance=draw(st.sampled_from(list(RaceDistance))),
            date=start + dt.timedelta(days=draw(st.integers(1, 26 * 7))),
        )
    available = draw(st.lists(st.sampled_from(list(Weekday)), unique=True, min_size=1, max_size=7))
    return AthleteProfile(
        name="Generated runner",
        age=draw(st.integers(16, 80)),
        sex=draw(st.sampled_from(list(Sex))),
        body_mass_kg=draw(st.floats(40, 120)),
        strength_experience=draw(st.sampled_from(list(Level))),
        consistent_strength_weeks=draw(st.integers(0, 12)),
        start_date=start,
        plan_weeks=draw(st.integers(1, 24)),
        running=draw(running_weeks()),
        race=race,
        available_days=sorted(available, key=lambda d: d.index),
        session_cap_minutes=draw(st.integers(20, 60)),
        equipment=[draw(st.sampled_from(list(EquipmentSet)))],
        pain_areas=draw(st.lists(st.sampled_from(list(PainArea)), unique=True, max_size=3)),
        allow_double_days=draw(st.booleans()),
    )
