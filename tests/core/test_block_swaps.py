"""A lift regressed for broken form keeps its easier rung when a later block chooses again
(issue 13 counterexample: forward step-down's regression was lost to a dumbbell step-up)."""

from __future__ import annotations

import datetime as dt

from runstrong.core.model import AthleteProfile, ExerciseSwap, Phase, Role
from runstrong.core.planner import build_plan
from runstrong.io.data_files import load_context

START = dt.date(2027, 1, 4)


def single_leg_primaries(plan, phase: Phase) -> set[str]:  # type: ignore[no-untyped-def]
    return {
        b.exercise_id
        for w in plan.weeks
        if w.phase == phase
        for s in w.sessions
        for b in s.blocks
        if b.category.value == "single_leg_power" and b.role == Role.primary
    }


def runner(*swaps: ExerciseSwap) -> AthleteProfile:
    return AthleteProfile(
        name="Step", age=30, body_mass_kg=60, start_date=START, plan_weeks=16, equipment=["dumbbells"],
        exercise_swaps=list(swaps),
    )  # fmt: skip


def test_a_regression_for_broken_form_holds_its_slot_in_the_next_block():
    plain = build_plan(runner(), load_context())
    assert "dumbbell_step_up" in single_leg_primaries(plain, Phase.foundation)
    build_lifts = single_leg_primaries(plain, Phase.build)
    swap = ExerciseSwap(
        from_id="dumbbell_step_up", to_id="step_up", since=START + dt.timedelta(weeks=2), rule_id="review-regress"
    )
    plan = build_plan(runner(swap), load_context())
    assert "step_up" in single_leg_primaries(plan, Phase.foundation)
    later = single_leg_primaries(plan, Phase.build)
    assert "step_up" in later and "dumbbell_step_up" not in later
    # it takes the single-leg strength slot, not the hops'
    hops = {x for x in build_lifts if x.endswith("hops")}
    assert hops <= later, (sorted(build_lifts), sorted(later))


def test_two_lifts_regressed_to_the_same_easier_lift_get_it_once():
    """A review found form breaking down on the plank shoulder tap and the plank with leg lift;
    both regress to the front plank. It goes in once; the second lift is left out, not doubled."""
    data = {
        "name": "Two regressions", "age": 35, "body_mass_kg": 65, "start_date": "2027-01-04",
        "strength_experience": "intermediate", "equipment": ["bodyweight"], "plan_weeks": 8,
        "running": {"weekly": [{"day": "tue", "type": "easy", "minutes": 40}]},
        "exercise_swaps": [
            {"from_id": old, "to_id": "front_plank", "since": "2027-01-04", "rule_id": "review-regress",
             "review_of": "2026-12-28"}
            for old in ("plank_shoulder_tap", "plank_with_leg_lift", "bird_dog", "side_plank")
        ],
    }  # fmt: skip
    plan = build_plan(AthleteProfile.model_validate(data), load_context())
    assert any(b.exercise_id == "front_plank" for w in plan.weeks for s in w.sessions for b in s.blocks)
    for w in plan.weeks:
        for s in w.sessions:
            ids = [b.exercise_id for b in s.blocks]
            assert len(ids) == len(set(ids)), (s.date, ids)
