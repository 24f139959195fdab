"""A worse screen result never gives a harder start (issue 13.8): over generated runners and
screens, worsening any one test's result never raises a category's ladder rung, impact or
level among the exercises selection chose for the plan's first week (before the time cap
trims a session, so what is compared is the choice, not the room a session had left)."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from runstrong.core.model import AthleteProfile, Impact, Role
from runstrong.core.pick_reasons import ladder_rung
from runstrong.core.planner import InfeasibleWeekError, block_selection
from runstrong.core.screen import Screen
from runstrong.io.data_files import load_context
from tests.conftest import examples

from .strategies import profiles, screens

SETTINGS = settings(max_examples=examples(share=0.3), deadline=None, suppress_health_check=list(HealthCheck))
CONTEXT = load_context()
LIBRARY = CONTEXT.library
IMPACT_RANK = {x: i for i, x in enumerate(Impact)}
WORSE_SQUAT = {"good": "fair", "fair": "poor", "poor": "poor"}


def _lower(value: int | None, cut: float) -> int | None:
    return None if value is None else int(value * cut)


def worsen(screen: dict, test: str, cut: float) -> dict:
    """The same screen with one test's result worse (`cut` scales a time or count down)."""
    s = dict(screen)
    if test == "hip_hinge":
        s["hip_hinge_pass"], s["hip_hinge_faults"] = False, ["sacrum"]
    elif test.startswith("single_leg_squat"):
        s[test] = WORSE_SQUAT[s[test]]
    else:
        s[test] = _lower(s[test], cut)
    return s


TESTS = (
    "hip_hinge",
    "plank_seconds",
    "side_plank_left_seconds",
    "side_plank_right_seconds",
    "single_leg_squat_left",
    "single_leg_squat_right",
    "balance_open_left_seconds",
    "balance_open_right_seconds",
    "heel_raise_left",
    "heel_raise_right",
    "hop_left_cm",
)


def first_week_demands(profile: AthleteProfile) -> dict | None:
    """Per category and role, the hardest exercise selection chose for week 1: (ladder rung,
    impact, level). Read from the block's selection, before the sessions are composed and
    trimmed to the time cap: a shorter plank leaves room under a tight cap for an accessory
    the better screen's sessions had to leave out, which is the cap's room, not a harder
    choice."""
    try:
        chosen = block_selection(profile, CONTEXT, profile.start_date)
    except InfeasibleWeekError:
        return None
    picks = [(pk, Role.primary) for picks in chosen.primaries.values() for pk in picks]
    picks += [(pk, Role.accessory) for pk in chosen.accessories]
    out: dict = {}
    for pk, role in picks:
        e = pk.exercise
        rung = ladder_rung(LIBRARY, e)
        now = out.setdefault((e.category, role), [-1, 0, 0])
        now[0] = max(now[0], -1 if rung is None else rung)
        now[1] = max(now[1], IMPACT_RANK[e.impact])
        now[2] = max(now[2], e.level.rank)
    return out


def with_screen(profile: AthleteProfile, screen: dict) -> AthleteProfile:
    return profile.model_copy(update={"screens": [Screen.model_validate(screen)]})


@SETTINGS
@example(  # "fair" single-leg squats started a novice on step-downs, "good" on the easier sit-to-stand
    profile=AthleteProfile(name="Nova", age=35, body_mass_kg=60, start_date=dt.date(2027, 1, 4)),
    data_screen={
        "date": dt.date(2027, 1, 2),
        "hip_hinge_pass": True,
        "plank_seconds": 120,
        "side_plank_left_seconds": 60,
        "side_plank_right_seconds": 60,
        "single_leg_squat_left": "good",
        "single_leg_squat_right": "good",
        "balance_open_left_seconds": 40,
        "balance_open_right_seconds": 40,
        "heel_raise_left": 30,
        "heel_raise_right": 30,
    },
    test="single_leg_squat_left",
    cut=0.5,
)
@given(
    profile=profiles(),
    data_screen=screens(dt.date(2027, 1, 4)),
    test=st.sampled_from(TESTS),
    cut=st.floats(0, 0.9),
)
def test_a_worse_screen_result_never_gives_a_harder_first_week(profile, data_screen, test, cut):
    base = {**data_screen, "date": profile.start_date - dt.timedelta(days=1)}
    worse = worsen(base, test, cut)
    assume(worse != base)
    better_week = first_week_demands(with_screen(profile, base))
    worse_week = first_week_demands(with_screen(profile, worse))
    assume(better_week is not None and worse_week is not None)
    for category, (rung, impact, level) in worse_week.items():
        b_rung, b_impact, b_level = better_week.get(category, (-1, 0, 0))
        comparable = rung >= 0 and b_rung >= 0  # both on the single-leg ladder
        assert not comparable or rung <= b_rung, (test, category, "rung", rung, b_rung)
        assert impact <= b_impact, (test, category, "impact")
        assert level <= b_level, (test, category, "level")
