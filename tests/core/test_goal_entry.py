"""Goal races given at the door (`init --goal-race`, the welcome and profile pages) written into
the dated running week (core/goal_entry, goal-race), and the body mass asked about before it is
kept (core/body_mass, body-mass-plausible).

Carmen (`runners/carmen_goal_half_and_sore_foot_from_init.toml`, written by `runstrong init
--goal-race "2027-03-14 half 1h35 City Half" --pain foot:2`) is the named runner: her half's week
is her usual week with the race on Sunday, her plan gives the half its race week, and her 2/10
foot starts on the loading rung."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from runstrong.core.body_mass import body_mass_question, plausible_band
from runstrong.core.goal_entry import goal_races_in, with_goal_races
from runstrong.core.loads import KG_PER_LB
from runstrong.core.model import DatedRun, RaceDistance, Run, RunningWeek, RunType, Sex, Units, Weekday
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile
from tests.conftest import examples

PARAMS = load_context().params

RUNNERS = Path(__file__).parent / "runners"
CARMEN = RUNNERS / "carmen_goal_half_and_sore_foot_from_init.toml"
MONDAY = dt.date(2027, 1, 4)


def test_carmens_goal_half_from_init_is_her_usual_week_around_the_race_and_gets_its_race_week() -> None:
    from runstrong.core.planner import build_plan

    profile = load_profile(CARMEN)
    race = goal_races_in(profile.running)[0]
    assert (race.date, race.distance, race.name, race.minutes) == (
        dt.date(2027, 3, 14),
        RaceDistance.half,
        "City Half",
        95,
    )
    usual = RunningWeek(weekly=profile.running.weekly)
    assert with_goal_races(usual, [race]) == profile.running  # what init wrote is this function's
    plan = build_plan(profile, load_context())
    week = next(w for w in plan.weeks if w.start_date == dt.date(2027, 3, 8))
    assert any(
        r.rule_id == "goal-race" and r.text.startswith("Race week for your goal race, City Half") for r in week.reasons
    )
    assert len(week.sessions) == 1 and week.sessions[0].date <= dt.date(2027, 3, 11)
    first = [r.text for s in plan.weeks[0].sessions for b in s.blocks for r in b.reasons]
    assert any("Graded return for your foot: rung 2 of 4, slow heavy work" in t for t in first), first
    assert with_goal_races(profile.running, []) == usual  # taken out, the week is the usual week again


runs = st.lists(
    st.builds(
        Run,
        day=st.sampled_from(list(Weekday)),
        type=st.sampled_from([t for t in RunType if t != RunType.race]),
        minutes=st.integers(20, 150),
    ),
    max_size=9,
)
race_days = st.integers(0, 7 * 12 - 1).map(lambda k: MONDAY + dt.timedelta(days=k))


def goal(day: dt.date) -> DatedRun:
    return DatedRun(date=day, type=RunType.race, minutes=60, goal=True, distance=RaceDistance.half)


def effective(running: RunningWeek) -> dict[dt.date, list[tuple[str, int]]]:
    """The runs of each day of the twelve weeks as the planner reads them: a week with dated runs
    takes all its runs from them (`week_days.runs_by_date`), rest days left out."""
    dated_weeks = {r.date - dt.timedelta(days=r.date.weekday()) for r in running.dated}
    out: dict[dt.date, list[tuple[str, int]]] = {}
    for k in range(7 * 13):
        day = MONDAY + dt.timedelta(days=k)
        if day - dt.timedelta(days=day.weekday()) in dated_weeks:
            found = [(r.type.value, r.minutes) for r in running.dated if r.date == day]
        else:
            found = [(r.type.value, r.minutes) for r in running.weekly if r.day.index == day.weekday()]
        out[day] = sorted(x for x in found if x[0] != "rest")
    return out


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


@settings(max_examples=examples(share=0.5), deadline=None)
@given(weekly=runs, days=st.lists(race_days, max_size=3, unique=True), planned=st.booleans(), extra=race_days)
def test_a_goal_race_takes_its_day_keeps_its_weeks_runs_and_comes_out_again(
    weekly: list[Run], days: list[dt.date], planned: bool, extra: dt.date
) -> None:
    """Over generated usual weeks, a dated week of the runner's own (or none) and up to three goal
    races, read as the planner reads the running week: each race is alone on its day, every other
    day runs what it ran before (its week's usual runs are not lost), giving the races again
    changes nothing, and taking them out gives back every day as it was, but a race's day in
    the runner's own dated week, which stays a day off."""
    own = [DatedRun(date=monday_of(extra) + dt.timedelta(days=2), type=RunType.tempo, minutes=40)] if planned else []
    before = RunningWeek(weekly=weekly, dated=own)
    after = with_goal_races(before, [goal(d) for d in days])
    was, now = effective(before), effective(after)
    for day, ran in now.items():
        assert ran == ([("race", 60)] if day in days else was[day]), day
    assert with_goal_races(after, [goal(d) for d in days]) == after
    own_weeks = {monday_of(r.date) for r in own}
    back = effective(with_goal_races(after, []))
    for day, ran in back.items():
        assert ran == ([] if day in days and monday_of(day) in own_weeks else was[day]), day
    assert not goal_races_in(with_goal_races(after, []))


@settings(max_examples=examples(), deadline=None)
@given(
    kg=st.floats(25.1, 249.9),
    age=st.integers(14, 100),
    sex=st.sampled_from(list(Sex)),
    units=st.sampled_from(list(Units)),
)
def test_a_body_mass_is_asked_about_exactly_outside_its_band_and_any_other_reading_offered_fits(
    kg: float, age: int, sex: Sex, units: Units
) -> None:
    """The question is asked iff the mass is outside the band for the age and sex; it says
    which bound it passed; an "if you meant" reading in the other unit falls inside the band."""
    import re

    params = PARAMS
    low, high = plausible_band(age, sex, params)
    asked = body_mass_question(kg, age, sex, units, params)
    assert (asked is None) == (low <= kg <= high)
    if asked is None:
        return
    assert ("more than most" in asked) == (kg > high) and ("less than most" in asked) == (kg < low)
    meant = re.search(r"if you meant ([\d.]+) (kg|lb)", asked)
    if meant:
        other = float(meant[1]) * (KG_PER_LB if meant[2] == "lb" else 1.0)
        assert low <= other <= high, asked


def test_a_kilogram_body_mass_in_a_pounds_profile_is_said_whatever_the_mass() -> None:
    params = PARAMS
    said = body_mass_question(68, 40, Sex.female, Units.imperial, params, kg_among_pounds=True)
    assert said is not None and said.startswith("body_mass_kg is in kilograms though this profile is in pounds")
    assert body_mass_question(68, 40, Sex.female, Units.metric, params, kg_among_pounds=True) is None
