"""The time cap's top-up (session-time-cap: a loading week's session grows toward a share of
its cap) spends spare time on the day's own focus, never on a lift whose full day is another
session, and never against a phase's emphasis: a 5K or 10K plan's race-specific weeks are
explosive work, less volume (short-race-explosive). Marcus (advanced, 10K) had his single-leg
day's Romanian deadlift grown to 5 x 10 at RIR 2 beside Monday's 5 x 6 at RPE 8, and Kenji's
to 4 x 10 beside 3 x 6 (cr22a W4)."""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise
from pathlib import Path

from hypothesis import given

from runstrong.core.model import Category, Phase, Role
from runstrong.core.planner import build_plan
from runstrong.io.data_files import load_context, load_params
from runstrong.io.profile_file import load_profile

from .strategies import profiles
from .test_plan_safety import SAME_RUNNERS, plan_or_none

RUNNERS = Path(__file__).parent / "runners"
MARCUS = RUNNERS / "advanced_heavy_lifter_10k.toml"
KENJI = RUNNERS / "doubles_two_speed_10k.toml"
P = load_params()
LEGS = (Category.posterior_chain, Category.single_leg_power)
LOADING = (Phase.foundation, Phase.build, Phase.race_specific, Phase.maintenance)


def second_days(week):
    """(full day's block, other day's block) of each lift a week holds on its own focus
    session and as one primary of another session."""
    full = {}
    for s in week.sessions:
        for b in s.blocks:
            if b.role == Role.primary and b.category == s.focus:
                full.setdefault(b.exercise_id, b)
    for s in week.sessions:
        for b in s.blocks:
            if b.role == Role.primary and b.category != s.focus and b.exercise_id in full:
                yield full[b.exercise_id], b


def leg_sets_by_week(plan):
    """Each leg strength lift's sets per loading race-specific week, by (lift, session focus)."""
    out = defaultdict(list)
    for w in plan.weeks:
        if w.phase != Phase.race_specific or w.deload:
            continue
        for s in w.sessions:
            for b in s.blocks:
                if b.role == Role.primary and b.category in LEGS and b.prescription.contacts is None:
                    out[(b.exercise_id, s.focus)].append((w.index, b.prescription.sets))
    return out


def check_second_days(plan):
    """A lift's second day holds no more sets than its full day, except where its own dose
    has more (a full day trimmed to its cap): never sets the top-up added."""
    level = plan.profile.strength_experience
    dosed = max(P.strength_sets, P.foundation_sets, P.heavy_sets[level])
    for w in plan.weeks:
        if w.phase not in LOADING or w.deload:
            continue
        for full, other in second_days(w):
            if other.prescription.reps is None:  # holds grow by sets at a screen's ceiling (screen-plank)
                continue
            most = max(full.prescription.sets, dosed)
            assert other.prescription.sets <= most, (w.index, other.exercise_id)


def check_race_specific_volume(plan):
    """In a 5K/10K plan's race-specific weeks a leg strength lift's sets never rise past both
    last week's and its own dose's (sets a cap trimmed come back; the top-up adds none)."""
    if plan.profile.race is None or plan.profile.race.distance.value not in ("5k", "10k"):
        return
    dosed = max(P.strength_sets, P.foundation_sets, P.heavy_sets[plan.profile.strength_experience])
    for lift, weeks in leg_sets_by_week(plan).items():
        for (a, sets_a), (b, sets_b) in pairwise(weeks):
            if b == a + 1:
                assert sets_b <= max(sets_a, dosed), (lift, a, sets_a, b, sets_b)


def test_marcus_single_leg_days_deadlift_is_not_grown_past_his_heavy_day():
    plan = build_plan(load_profile(MARCUS), load_context())
    pairs = [(w.index, f, o) for w in plan.weeks if w.phase == Phase.race_specific for f, o in second_days(w)]
    assert pairs, "Marcus's Romanian deadlift has a second day in the race-specific weeks"
    for week, full, other in pairs:
        assert other.prescription.sets <= full.prescription.sets, (week, other.prescription)
    check_second_days(plan)
    check_race_specific_volume(plan)


def test_kenjis_sunday_deadlift_after_the_long_run_keeps_its_dose():
    plan = build_plan(load_profile(KENJI), load_context())
    check_second_days(plan)
    check_race_specific_volume(plan)


@SAME_RUNNERS
@given(profile=profiles())
def test_the_top_up_never_grows_a_second_day_past_the_full_day_nor_race_specific_leg_volume(profile):
    plan = plan_or_none(profile)
    if plan is None:
        return
    check_second_days(plan)
    check_race_specific_volume(plan)
