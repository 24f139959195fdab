"""Hypothesis strategies for generated runners: random weeks, races, kit, pain and caps."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from runstrong.core.model import (
    FURNITURE,
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
def screens(draw, start: dt.date) -> dict:
    quality = st.sampled_from(["good", "fair", "poor"])
    seconds = st.integers(0, 200)
    hop = draw(st.one_of(st.none(), st.integers(20, 250)))
    passed = draw(st.booleans())
    return {
        "date": start + dt.timedelta(days=draw(st.integers(-7, 60))),
        "hip_hinge_pass": passed,
        "hip_hinge_faults": [] if passed else ["sacrum"],
        "plank_seconds": draw(seconds),
        "side_plank_left_seconds": draw(seconds),
        "side_plank_right_seconds": draw(seconds),
        "single_leg_squat_left": draw(quality),
        "single_leg_squat_right": draw(quality),
        "balance_open_left_seconds": draw(st.integers(0, 45)),
        "balance_open_right_seconds": draw(st.integers(0, 45)),
        "heel_raise_left": draw(st.integers(0, 50)),
        "heel_raise_right": draw(st.integers(0, 50)),
        "hop_left_cm": hop,
        "hop_right_cm": None if hop is None else draw(st.integers(20, 250)),
    }


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
        furniture=draw(st.one_of(st.none(), st.lists(st.sampled_from(sorted(FURNITURE)), unique=True))),
        pain_areas=draw(st.lists(st.sampled_from(list(PainArea)), unique=True, max_size=3)),
        allow_double_days=draw(st.booleans()),
        screens=draw(st.lists(screens(start), max_size=2)),
    )
