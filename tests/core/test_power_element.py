"""A session headed single-leg power holds power, or says which rule keeps it out (cr26a F12).

Raj (45, half marathon, dumbbells) got in his race-specific block a "single-leg power focus"
session of a step-up, a calf raise and an RDL: no hop, landing or fast intent. Durability still
leads for the half and longer (calf capacity and single-leg strength hold the category's slots,
marathon-durability), and the session now keeps a short set of low two-footed hops at the
durability contact factor where the runner's rules let hops in; where a rule keeps them out the
session is headed single-leg strength and its reasons say which rule.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runstrong.core.health import low_hop
from runstrong.core.model import Category, PainArea, Pattern, Phase, RaceDistance, RaceGoal, Role
from runstrong.core.planner import InfeasibleWeekError, build_plan
from runstrong.core.power_words import HOP_RULES, STRENGTH_NAME, UNNAMED, focus_name, holds_power
from runstrong.io.data_files import load_context, load_params
from runstrong.io.profile_file import load_profile
from tests.conftest import examples

from .strategies import profiles, profiles_with_health

CTX = load_context()
P = load_params()
LIBRARY = CTX.library
RAJ = Path(__file__).parent / "runners" / "raj_half_45_dumbbells_race_specific_power.toml"
SETTINGS = settings(max_examples=examples(share=0.3), deadline=None, suppress_health_check=list(HealthCheck))
# the rules that may keep a single-leg power session's hops, jumps and landings out
KEPT_OUT = HOP_RULES | {
    "pain-excludes-or-regresses",
    "landings-before-plyometrics",
    "pregnancy-strength",
    "postnatal-impact-return",
    "pelvic-floor-symptoms",
    "bone-loading",
    "bone-stress-return",
}


def _power_sessions(plan):  # type: ignore[no-untyped-def]
    return [(w, s) for w in plan.weeks for s in w.sessions if s.focus == Category.single_leg_power]


def _worked(s):  # type: ignore[no-untyped-def]
    return [(b, LIBRARY.get(b.exercise_id)) for b in s.blocks if b.role in (Role.primary, Role.accessory)]


def test_rajs_race_specific_power_session_keeps_a_short_set_of_low_hops_beside_calf_and_step_ups():
    plan = build_plan(load_profile(RAJ), CTX)
    week = next(w for w in plan.weeks if w.phase == Phase.race_specific)
    (s,) = [s for s in week.sessions if s.focus == Category.single_leg_power]
    worked = _worked(s)
    hops = [(b, e) for b, e in worked if e.pattern == Pattern.plyometric]
    assert len(hops) == 1 and low_hop(hops[0][1]), [e.id for _, e in worked]
    hop, e = hops[0]
    assert s.blocks.index(hop) == min(i for i, b in enumerate(s.blocks) if b.role == Role.primary)  # fresh legs
    fewer = round(e.dose.contacts * P.durability_contacts_factor)  # the durability factor on the start
    assert hop.prescription.contacts <= fewer and "marathon-durability" in hop.rule_ids
    assert hop.prescription.sets * hop.prescription.contacts <= P.plyo_max_contacts[plan.profile.strength_experience]
    kept = {e.pattern for _, e in worked}  # durability still leads: calf and single-leg strength stay
    assert Pattern.calf_ankle in kept and Pattern.step in kept
    assert focus_name(s) == "single-leg power" and s.plyometric


def test_rajs_knee_keeps_the_hops_out_and_the_session_says_so_under_a_strength_heading():
    runner = load_profile(RAJ).model_copy(update={"pain_areas": [PainArea.knee]})
    plan = build_plan(runner, CTX)
    powerless = [(w, s) for w, s in _power_sessions(plan) if not holds_power(s)]
    assert powerless
    for _, s in powerless:
        assert focus_name(s) == STRENGTH_NAME
        assert s.reasons[0].rule_id == "session-focus" and "no hops, jumps or landings" in s.reasons[0].text
        assert s.reasons[1].rule_id == "pain-excludes-or-regresses" and "knee" in s.reasons[1].text


def _check_power_said(plan) -> None:  # type: ignore[no-untyped-def]
    for w, s in _power_sessions(plan):
        if holds_power(s):
            assert focus_name(s) == "single-leg power"
            continue
        assert focus_name(s) == STRENGTH_NAME, (w.index, s.date)
        focus = [r for r in s.reasons if r.rule_id == "session-focus"]
        assert focus and "single-leg strength focus" in focus[0].text, (w.index, s.date, focus)
        assert s.reasons[1].rule_id in KEPT_OUT and s.reasons[1].text != UNNAMED, (w.index, s.date, s.reasons[1])


def _plan(profile):  # type: ignore[no-untyped-def]
    try:
        return build_plan(profile, CTX)
    except InfeasibleWeekError:
        return None


@SETTINGS
@given(profile=st.one_of(profiles(), profiles_with_health()))
def test_a_session_headed_power_holds_power_or_says_which_rule_keeps_it_out(profile):
    plan = _plan(profile)
    if plan is not None:
        _check_power_said(plan)


@SETTINGS
@given(profile=profiles(), distance=st.sampled_from([RaceDistance.half, RaceDistance.marathon]))
def test_a_half_or_marathon_race_specific_power_session_holds_power_when_nothing_keeps_impact_out(profile, distance):
    """No pain and no health entry: only a rule of the week or the day (the long run's day, the
    days around key runs, the first hops waiting a week) may take the hops out, and says so."""
    race = RaceGoal(distance=distance, date=profile.start_date + dt.timedelta(weeks=16))
    plan = _plan(profile.model_copy(update={"race": race, "pain_areas": [], "screens": [], "health": []}))
    if plan is None:
        return
    for w, s in _power_sessions(plan):
        if w.phase == Phase.race_specific and not holds_power(s):
            assert s.reasons[1].rule_id in HOP_RULES, (w.index, s.date, s.reasons[1])
