"""A lift whose load the kit holds at its heaviest reads one strength on all its days
(kit-heaviest, kit-double-progression, linear-progression).

At the kit's top the plan says the reserve its load leaves, read from the lift's own e1RM; its
other days had read another, bound to the loads planned, which stopped growing with the kit.
So the same lift was "1 x 7 @ 24 kg, RIR 7" one week and "1 x 8 @ 22 kg, RIR 2" the next (and
the planner's own check refused it), an other day stood at 1 x 10 @ 22 kg for eleven weeks a
step under 3 x 6 @ 24 kg, a deload's other day asked more than its heavy day, and a heavy day
said easy was no longer found as the day the kit's progression runs on. Each runner below was
found by CI's draws (closing CI of the twenty-sixth session).
"""

from __future__ import annotations

from pathlib import Path

from runstrong.core.kit_progress import is_heavy
from runstrong.core.model import Phase, Role
from runstrong.core.params import Params
from runstrong.core.plan_model import Intensity, Prescription
from runstrong.core.planner import build_plan
from runstrong.core.validate_progression import step_problems
from runstrong.io.data_files import load_context, load_params

from .one_dumbbell import one_dumbbell_context
from .test_flat_weeks import check_no_long_flat_runs
from .test_kit_progress import repeated_kit_held_doses, reps_falling_at_the_kits_heaviest
from .test_loads_safety import heavier_days_than_the_heavy_one
from .test_plan_safety import check_progression_within_bounds
from .test_rep_bound import load_profile

RUNNERS = Path(__file__).parent / "runners"
P: Params = load_params()


def _plan(name: str):
    profile = load_profile(RUNNERS / name)
    return profile, build_plan(profile, load_context())


def _dose(sets: int, reps: int, rir: float, kg: float) -> Prescription:
    return Prescription(sets=sets, reps=reps, intensity=Intensity(kind="rir", value=rir), rest_seconds=90, load_kg=kg)


def _days(plan, ex_id: str, weekday: str) -> dict[int, Prescription]:
    return {
        w.index: b.prescription
        for w in plan.weeks
        if w.phase in (Phase.foundation, Phase.build, Phase.race_specific) and not w.deload
        for s in w.sessions
        if s.weekday.value == weekday
        for b in s.blocks
        if b.exercise_id == ex_id and b.role == Role.primary
    }


def test_a_lighter_load_a_rep_more_is_read_by_the_strength_it_asks():
    """1 x 7 @ 24 kg said RIR 7 at the kit's top asks an e1RM of 35 kg; 1 x 8 @ 22 kg at RIR 2
    asks 29: neither a load jump nor reps and load rising together."""
    assert step_problems(_dose(1, 7, 7, 24.0), _dose(1, 8, 2, 22.0), P) == []
    # a lighter load that asks far more strength is still a jump (1 x 3 @ 20 kg at RIR 1, then 1 x 12 @ 19 kg)
    assert any(x.startswith("load jumps") for x in step_problems(_dose(1, 3, 1, 20.0), _dose(1, 12, 2, 19.0), P))


def test_the_goblet_squats_other_day_stays_at_the_kits_top_once_its_heavy_day_is_there():
    """A 16-year-old's goblet squat (dumbbells to 24 kg, a 20-minute cap): the planner refused her
    plan. Its Wednesday now climbs at 24 kg by reps, as its heavy Monday does."""
    _, plan = _plan("open_goblet_at_kit_top_reps_and_load_rise_together.json")
    wed = _days(plan, "goblet_squat", "wed")
    assert [wed[i].load_kg for i in sorted(wed) if i >= 6] == [24.0] * len([i for i in wed if i >= 6])
    assert [wed[i].reps for i in sorted(wed) if i >= 6] == sorted(wed[i].reps for i in wed if i >= 6)


def test_an_other_day_climbs_to_the_kits_top_beside_a_heavy_day_held_there():
    """An advanced 16-year-old with dumbbells (24 kg the heaviest): his Friday Romanian deadlift
    stood at 1 x 10 @ 22 kg, RIR 2 from week 9 to week 19 beside Monday's 3 x 6 @ 24 kg."""
    _, plan = _plan("other_day_stands_a_step_under_the_kit_top_advanced_dumbbells.json")
    fri = _days(plan, "dumbbell_romanian_deadlift", "fri")
    # the lift moves on to its single-leg form once the strength grown outgrows 24 kg (kit-outgrown,
    # twenty-eighth session): its Friday steps up by reps and load until then, never standing a block
    assert [fri[i].load_kg for i in sorted(fri)] == sorted(fri[i].load_kg for i in fri)
    assert _days(plan, "dumbbell_single_leg_romanian_deadlift", "fri")
    check_no_long_flat_runs(plan)


def test_a_deloads_other_day_asks_no_more_than_its_heavy_day_at_the_kits_top():
    """A 10 kg kit top: the deload's heavy hip thrust 2 x 4 @ 10 kg at RPE 7 sat beside 1 x 6 @
    10 kg at RIR 3, more than the heavy day asked; the other day is now held under it."""
    _, plan = _plan("deload_heavy_day_at_a_10kg_kit_top_bounds_its_other_day.json")
    assert heavier_days_than_the_heavy_one(plan) == []


def test_a_heavy_day_said_easy_at_the_kits_top_is_still_the_lifts_main_day():
    """Thursday's hip thrust is dosed heavy (RPE 8) and, at 24 kg, says "RIR 6": it stays the day
    the kit's progression runs on (its lowering slows week to week), and Monday's other day may
    hold its dose beside it. (On one dumbbell across the hips: the shipped hip thrust now takes the pair.)"""
    plan = build_plan(load_profile(RUNNERS / "heavy_day_said_easy_at_the_kit_top_stays_the_main_day.json"),
                      one_dumbbell_context())  # fmt: skip
    thu = [
        b
        for w in plan.weeks
        if w.index >= 9 and not w.deload
        for s in w.sessions
        if s.weekday.value == "thu"
        for b in s.blocks
        if b.exercise_id == "dumbbell_hip_thrust"
    ]
    assert thu and all(is_heavy(b) and b.prescription.intensity.kind == "rir" for b in thu)
    assert len({b.prescription.tempo for b in thu}) == len(thu)  # the lowering slows each week
    assert repeated_kit_held_doses(plan, one_dumbbell_context().library) == []


def test_a_one_set_day_at_the_cap_may_drop_reps_when_its_lift_turns_heavy_elsewhere():
    """The Romanian deadlift's Thursday turns heavy in week 9 and its Tuesday, 2 x 12 @ 10 kg (the
    kit's top) the loading week before, is then a one-set day in a session already at its
    20-minute cap: its reps kept would not fit, so the plain dose stands (the property allows it
    only for such a day)."""
    profile, plan = _plan("main_day_moves_to_the_heavy_day_one_set_at_the_cap.json")
    assert reps_falling_at_the_kits_heaviest(plan, profile, load_context().library) == []


def test_a_lighter_load_after_the_kits_top_steps_within_the_bounds():
    """A half-marathoner's single-leg-power Romanian deadlift went 1 x 10 @ 24 kg ("RIR 4", the
    kit's top) to 1 x 11 @ 22 kg at RIR 2 after a deload: a lighter load asking less strength,
    which the independent check read as reps and load rising together."""
    _, plan = _plan("lighter_load_a_rep_more_after_the_kit_top_half.json")
    check_progression_within_bounds(plan)
