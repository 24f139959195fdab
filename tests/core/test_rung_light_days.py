"""A pain ladder's rung lift keeps the ladder's dose on a light day (pain-monitoring: a rung's
dose grows week to week within it). Re-landing rampup moved Ines's calf hold to the new third
session, a light day before a key run, whose set cut took her hold from 3 x 30 s to 2 x 35 s:
seconds up, a set down, the rung's progression read off the session's day."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings

from runstrong.core.pain_return import RULE as RUNG_RULE
from runstrong.core.planner import InfeasibleWeekError, build_plan
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile
from tests.conftest import examples

from .strategies import profiles_on_ladders

CTX = load_context()
INES = Path(__file__).parent / "runners" / "ines_half_achilles_ladder_pace.toml"
SETTINGS = settings(max_examples=examples(0.3), deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEWER = "one set fewer"  # light-before-key-runs' words when the light day took a set off


def _rung_blocks(plan):
    for w in plan.weeks:
        for s in w.sessions:
            for b in s.blocks:
                if any(r.rule_id == RUNG_RULE for r in b.reasons):
                    yield w, b


def test_ines_calf_hold_keeps_its_sets_on_the_light_day_it_moved_to():
    """Week 3 starts her third session, a Saturday before her long run, and the hold goes there:
    3 x 35 s after week 2's 3 x 30 s (was 2 x 35 s), and a light day all the same."""
    plan = build_plan(load_profile(INES), CTX)
    holds = [(w.index, b) for w, b in _rung_blocks(plan) if b.exercise_id == "isometric_calf_hold" and not w.deload]
    by_week = {i: b for i, b in holds}
    two, three = by_week[2].prescription, by_week[3].prescription
    assert "light-before-key-runs" in by_week[3].rule_ids
    assert (two.sets, two.seconds) == (3, 30) and (three.sets, three.seconds) == (3, 35), (two, three)


@SETTINGS
@given(profile=profiles_on_ladders())
def test_a_rung_lift_on_a_light_day_keeps_the_ladders_sets(profile):
    """Over generated runners on their ladders: no rung lift loses a set to a light day."""
    try:
        plan = build_plan(profile, CTX)
    except InfeasibleWeekError:
        return
    cut = [
        (w.index, b.exercise_id, b.prescription.sets)
        for w, b in _rung_blocks(plan)
        if any(r.rule_id == "light-before-key-runs" and FEWER in r.text for r in b.reasons)
    ]
    assert cut == [], profile.model_dump_json()
