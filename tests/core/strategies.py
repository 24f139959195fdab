"""Hypothesis strategies for generated runners: random weeks, races, kit, pain and caps."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import strategies as st

from runstrong.core.model import (
    FURNITURE,
    Adjustment,
    AthleteProfile,
    DatedRun,
    EquipmentSet,
    Health,
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
from runstrong.core.vocab import SITE_AREAS, BoneSite

RUN_TYPES = [RunType.easy, RunType.easy, RunType.long, RunType.tempo, RunType.intervals, RunType.cross_train]

# The strategies are built once here, not inside each draw: building and validating a strategy costs
# more than drawing from it, and the plan properties draw ~25,000 runners a `ci` run. Same strategies,
# so the same draws give the same runners as when they were built per draw.
DAYS = st.sampled_from(list(Weekday))
SOME_DAYS = st.lists(DAYS, unique=True, max_size=7)
AVAILABLE_DAYS = st.lists(DAYS, unique=True, min_size=1, max_size=7)
RUN_TYPE = st.sampled_from(RUN_TYPES)
RUN_MINUTES = st.integers(20, 150)
QUALITY = st.sampled_from(["good", "fair", "poor"])
SECONDS = st.integers(0, 200)
HOP_CM = st.integers(20, 250)
MAYBE_HOP_CM = st.one_of(st.none(), HOP_CM)
SCREEN_DAY = st.integers(-7, 60)
BALANCE_SECONDS = st.integers(0, 45)
HEEL_RAISES = st.integers(0, 50)
START_DAY = st.integers(0, 365)
RACE_DISTANCE = st.sampled_from(list(RaceDistance))
RACE_DAY = st.integers(1, 26 * 7)
AGE = st.integers(16, 80)
SEX = st.sampled_from(list(Sex))
BODY_MASS = st.floats(40, 120)
LEVEL = st.sampled_from(list(Level))
CONSISTENT_WEEKS = st.integers(0, 12)
PLAN_WEEKS = st.integers(1, 24)
CAP_MINUTES = st.integers(20, 60)
KIT = st.sampled_from(list(EquipmentSet))
SOME_FURNITURE = st.one_of(st.none(), st.lists(st.sampled_from(sorted(FURNITURE)), unique=True))
PAIN = st.lists(st.sampled_from(list(PainArea)), unique=True, max_size=3)


@st.composite
def running_weeks(draw) -> RunningWeek:
    days = draw(SOME_DAYS)
    runs = [Run(day=d, type=draw(RUN_TYPE), minutes=draw(RUN_MINUTES)) for d in days]
    return RunningWeek(weekly=runs)


@st.composite
def screens(draw, start: dt.date) -> dict:
    hop = draw(MAYBE_HOP_CM)
    passed = draw(st.booleans())
    return {
        "date": start + dt.timedelta(days=draw(SCREEN_DAY)),
        "hip_hinge_pass": passed,
        "hip_hinge_faults": [] if passed else ["sacrum"],
        "plank_seconds": draw(SECONDS),
        "side_plank_left_seconds": draw(SECONDS),
        "side_plank_right_seconds": draw(SECONDS),
        "single_leg_squat_left": draw(QUALITY),
        "single_leg_squat_right": draw(QUALITY),
        "balance_open_left_seconds": draw(BALANCE_SECONDS),
        "balance_open_right_seconds": draw(BALANCE_SECONDS),
        "heel_raise_left": draw(HEEL_RAISES),
        "heel_raise_right": draw(HEEL_RAISES),
        "hop_left_cm": hop,
        "hop_right_cm": None if hop is None else draw(HOP_CM),
    }


RUNNING_WEEKS = running_weeks()
FROM = dt.date(2027, 1, 4)  # the first start date; a runner's screens are drawn from it, then moved to hers
SCREEN_LISTS = st.lists(screens(FROM), max_size=2)


def moved(screen: dict, start: dt.date) -> dict:
    """A screen drawn for a runner starting on FROM, moved to one starting on `start`."""
    return {**screen, "date": screen["date"] + (start - FROM)}


@st.composite
def profiles(draw) -> AthleteProfile:
    start = FROM + dt.timedelta(days=draw(START_DAY))
    race = None
    if draw(st.booleans()):
        race = RaceGoal(distance=draw(RACE_DISTANCE), date=start + dt.timedelta(days=draw(RACE_DAY)))
    available = draw(AVAILABLE_DAYS)
    return AthleteProfile(
        name="Generated runner",
        age=draw(AGE),
        sex=draw(SEX),
        body_mass_kg=draw(BODY_MASS),
        strength_experience=draw(LEVEL),
        consistent_strength_weeks=draw(CONSISTENT_WEEKS),
        start_date=start,
        plan_weeks=draw(PLAN_WEEKS),
        running=draw(RUNNING_WEEKS),
        race=race,
        available_days=sorted(available, key=lambda d: d.index),
        session_cap_minutes=draw(CAP_MINUTES),
        equipment=[draw(KIT)],
        furniture=draw(SOME_FURNITURE),
        pain_areas=draw(PAIN),
        allow_double_days=draw(st.booleans()),
        screens=[moved(screen, start) for screen in draw(SCREEN_LISTS)],
    )


TUNE_UP_DAY = st.integers(0, 24 * 7)  # days from the start: inside most plans, past the end of some
TUNE_UP_MINUTES = st.integers(15, 240)
TUNE_UPS = st.lists(st.tuples(TUNE_UP_DAY, TUNE_UP_MINUTES), min_size=1, max_size=3)


@st.composite
def profiles_with_tune_ups(draw) -> AthleteProfile:
    """A generated runner (`profiles`) with one to three races in the dated running week:
    tune-ups, or races a calendar import found. Each race's week lists the weekly template's
    other runs too, as a runner or an import would (a dated week takes all its runs from it).
    A strategy of its own, drawn after `profiles`: the other properties' runners stay as they are."""
    profile = draw(profiles())
    template = {r.day.index: r for r in profile.running.weekly}
    races = {profile.start_date + dt.timedelta(days=k): minutes for k, minutes in draw(TUNE_UPS)}
    weeks = sorted({d - dt.timedelta(days=d.weekday()) for d in races})
    dated = []
    for monday in weeks:
        for k in range(7):
            day = monday + dt.timedelta(days=k)
            if day in races:
                dated.append(DatedRun(date=day, type=RunType.race, minutes=races[day]))
            elif k in template:
                dated.append(DatedRun(date=day, type=template[k].type, minutes=template[k].minutes))
    running = RunningWeek(weekly=profile.running.weekly, dated=dated)
    return AthleteProfile.model_validate({**profile.model_dump(), "running": running.model_dump()})


SEASON_GAPS = st.lists(st.integers(7, 24), min_size=2, max_size=6)  # days from one race to the next: some too far
SEASON_START = st.integers(0, 8 * 7)  # the first race, this many days after the start


@st.composite
def profiles_in_season(draw) -> AthleteProfile:
    """A generated runner (`profiles`) with three to seven races in the dated running week, one
    every one to three and a half weeks (in-season): some a season, some too few or too far apart
    to be one; now and then one of them a goal race. Each race's week lists the weekly template's
    other runs too, as a tune-up's does."""
    profile = draw(profiles())
    day = profile.start_date + dt.timedelta(days=draw(SEASON_START))
    races = [day]
    for gap in draw(SEASON_GAPS):
        races.append(races[-1] + dt.timedelta(days=gap))
    goal = draw(st.none() | st.sampled_from(races))
    template = {r.day.index: r for r in profile.running.weekly}
    dated = []
    for monday in sorted({d - dt.timedelta(days=d.weekday()) for d in races}):
        for k in range(7):
            d = monday + dt.timedelta(days=k)
            if d in races:
                extra = {"goal": True, "distance": RaceDistance.k10} if d == goal else {}
                dated.append(DatedRun(date=d, type=RunType.race, minutes=draw(st.integers(15, 60)), **extra))
            elif k in template:
                dated.append(DatedRun(date=d, type=template[k].type, minutes=template[k].minutes))
    update: dict = {"running": RunningWeek(weekly=profile.running.weekly, dated=dated).model_dump()}
    if profile.race is not None and profile.race.date <= races[-1]:  # the main race after the season
        update["race"] = RaceGoal(distance=profile.race.distance, date=races[-1] + dt.timedelta(days=14)).model_dump()
    return AthleteProfile.model_validate({**profile.model_dump(), **update, "plan_weeks": None})


GOAL_RACE_WEEKS = st.integers(6, 24)  # the main race, this many weeks from the start
GOAL_GAP_DAYS = st.integers(10, 12 * 7)  # a goal race this many days before it: some inside its taper's reach


@st.composite
def profiles_with_goal_race(draw) -> AthleteProfile:
    """A generated runner (`profiles`) with a main race and a goal race before it in the dated
    running week (goal = true, with its distance; goal-race), some weeks before the main race or
    close to it. The race's week lists the weekly template's other runs too, as a tune-up's does."""
    profile = draw(profiles())
    race = RaceGoal(
        distance=draw(RACE_DISTANCE), date=profile.start_date + dt.timedelta(days=7 * draw(GOAL_RACE_WEEKS) + 3)
    )
    goal_day = max(profile.start_date + dt.timedelta(days=1), race.date - dt.timedelta(days=draw(GOAL_GAP_DAYS)))
    template = {r.day.index: r for r in profile.running.weekly}
    monday = goal_day - dt.timedelta(days=goal_day.weekday())
    dated = []
    for k in range(7):
        day = monday + dt.timedelta(days=k)
        if day == goal_day:
            distance = draw(st.sampled_from([d for d in RaceDistance if d != RaceDistance.ultra]))
            minutes = draw(TUNE_UP_MINUTES)
            dated.append(DatedRun(date=day, type=RunType.race, minutes=minutes, goal=True, distance=distance))
        elif k in template:
            dated.append(DatedRun(date=day, type=template[k].type, minutes=template[k].minutes))
    running = RunningWeek(weekly=profile.running.weekly, dated=dated)
    update = {"running": running.model_dump(), "race": race.model_dump(), "plan_weeks": None}
    return AthleteProfile.model_validate({**profile.model_dump(), **update})


LADDER_AREAS = st.lists(
    st.sampled_from([PainArea.knee, PainArea.achilles, PainArea.calf, PainArea.hamstring]),
    min_size=1,
    max_size=2,
    unique=True,
)
RUNG = st.integers(0, 3)
RUNG_WEEK = st.integers(0, 12)


@st.composite
def profiles_on_ladders(draw) -> AthleteProfile:
    """A generated runner (`profiles`) with one or two painful areas on their graded-return
    ladders, moved to a drawn rung by a review some weeks in (rungs past a ladder's top hold
    at its top). A strategy of its own: the other properties' runners stay as they are."""
    profile = draw(profiles())
    areas = draw(LADDER_AREAS)
    monday = profile.start_date - dt.timedelta(days=profile.start_date.weekday())
    week = monday + dt.timedelta(weeks=draw(RUNG_WEEK))
    review = Adjustment(week_start=week, pain_rungs={a: draw(RUNG) for a in areas})
    update = {"pain_areas": sorted({*profile.pain_areas, *areas}, key=lambda a: a.value), "adjustments": [review]}
    return AthleteProfile.model_validate({**profile.model_dump(), **update})


# pregnancy and a bone stress injury have their own strategies (`profiles_pregnant`, `profiles_bone_stress`)
NOT_PREGNANT = [h for h in Health if h not in (Health.pregnant, Health.bone_stress)]
HEALTH = st.lists(st.sampled_from(NOT_PREGNANT), unique=True, min_size=1, max_size=3)
BIRTH_WEEKS_BEFORE = st.integers(0, 30)  # the birth, this many weeks (and days) before the plan starts
BIRTH_DAYS = st.integers(0, 6)


@st.composite
def profiles_with_health(draw) -> AthleteProfile:
    """A generated runner (`profiles`) who reports one to three health conditions (a birth some
    weeks before the plan, pelvic floor symptoms, low bone density). A strategy of its own: the
    other properties share one seed and one plan per runner, which a new draw in `profiles`
    would change for all of them."""
    profile = draw(profiles())
    health = draw(HEALTH)
    since = None
    if Health.postnatal in health:
        since = profile.start_date - dt.timedelta(weeks=draw(BIRTH_WEEKS_BEFORE), days=draw(BIRTH_DAYS))
    return AthleteProfile.model_validate({**profile.model_dump(), "health": health, "postnatal_since": since})


WEEKS_PREGNANT = st.integers(0, 38)  # at the start of the plan
OTHER_HEALTH = st.lists(st.sampled_from(NOT_PREGNANT), unique=True, max_size=2)


@st.composite
def profiles_pregnant(draw) -> AthleteProfile:
    """A generated runner (`profiles`) who is pregnant, at any week at the start, maybe with other
    health conditions; the plan ends before the due date (runstrong does not plan through a birth):
    a race on or after it is dropped and the plan's weeks cut to fit."""
    profile = draw(profiles())
    weeks = draw(WEEKS_PREGNANT)
    due = profile.start_date + dt.timedelta(days=280 - 7 * weeks - draw(BIRTH_DAYS))
    fit = max(1, (due - profile.start_date).days // 7 - 1)
    race = profile.race if profile.race is not None and profile.race.date + dt.timedelta(days=7) < due else None
    health = [*draw(OTHER_HEALTH), Health.pregnant]
    since = None
    if Health.postnatal in health:  # a birth in the year before this pregnancy
        since = profile.start_date - dt.timedelta(weeks=weeks + 2, days=draw(BIRTH_DAYS))
    return AthleteProfile.model_validate({
        **profile.model_dump(), "health": health, "postnatal_since": since, "due_date": due, "race": race,
        "plan_weeks": min(profile.plan_weeks or fit, fit),
    })  # fmt: skip


WEEKS_SINCE_CLEARED = st.integers(0, 30)
BONE_SITES = st.sampled_from(list(BoneSite))  # the clearance to run, this many weeks (and days) before the plan starts


@st.composite
def profiles_bone_stress(draw) -> AthleteProfile:
    """A generated runner (`profiles`) back from a bone stress injury at any site, cleared to run
    any weeks before the plan starts, maybe with other health conditions; the site's painful areas
    are taken off the runner's pain areas (the profile refuses them: pain there is a stop sign)."""
    profile = draw(profiles())
    site = draw(BONE_SITES)
    cleared = profile.start_date - dt.timedelta(weeks=draw(WEEKS_SINCE_CLEARED), days=draw(BIRTH_DAYS))
    if cleared > profile.start_date:
        cleared = profile.start_date
    off = set(SITE_AREAS[site])
    health = [*draw(OTHER_HEALTH), Health.bone_stress]
    since = None
    if Health.postnatal in health:
        since = profile.start_date - dt.timedelta(weeks=draw(BIRTH_WEEKS_BEFORE), days=draw(BIRTH_DAYS))
    return AthleteProfile.model_validate({
        **profile.model_dump(), "health": health, "postnatal_since": since, "bone_stress_site": site,
        "cleared_to_run": cleared, "pain_areas": [a for a in profile.pain_areas if a not in off],
        "pain_scores": {a: v for a, v in profile.pain_scores.items() if a not in off},
        "pain_sides": {a: v for a, v in profile.pain_sides.items() if a not in off},
    })  # fmt: skip


KEY_TYPES = st.sampled_from([RunType.intervals, RunType.tempo, RunType.long])
# two or three easy days of the week, none next to another (Sunday is next to Monday): every
# other day is a key run, so each easy day falls between two key runs
ISOLATED_EASY_DAYS = st.sampled_from([
    days for days in itertools.chain(itertools.combinations(range(7), 2), itertools.combinations(range(7), 3))
    if all((b - a) % 7 not in (1, 6) for a, b in itertools.combinations(days, 2))
])  # fmt: skip
SHORT_RACE = st.sampled_from([RaceDistance.k5, RaceDistance.k10])
SHORT_RACE_DAY = st.integers(8 * 7, 16 * 7)


@st.composite
def crowded_short_race_profiles(draw) -> AthleteProfile:
    """A generated runner (`profiles`) training for a 5K or 10K two to four months away who
    runs every day, each easy day between two key runs (Eli's week: Tuesday and Thursday
    intervals, Saturday tempo, Sunday long), and may lift on any day: every light day falls
    between two key runs, and hops stay on more than one such day (explosive-work-with-room).
    A strategy of its own: the other properties' runners stay as they are."""
    profile = draw(profiles())
    easy = draw(ISOLATED_EASY_DAYS)
    weekly = [
        Run(day=d, type=RunType.easy if d.index in easy else draw(KEY_TYPES), minutes=draw(RUN_MINUTES))
        for d in Weekday
    ]
    race = RaceGoal(distance=draw(SHORT_RACE), date=profile.start_date + dt.timedelta(days=draw(SHORT_RACE_DAY)))
    update = {
        "running": RunningWeek(weekly=weekly).model_dump(),
        "race": race.model_dump(),
        "available_days": list(Weekday),
        "plan_weeks": None,
    }
    return AthleteProfile.model_validate({**profile.model_dump(), **update})
