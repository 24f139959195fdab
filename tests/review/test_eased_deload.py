"""A deload right after a week the review held or cut still eases the load: the planner laid
it out from the week it planned, and the review's promises may have held that week lower."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from runstrong.core import loads as ld
from runstrong.core.model import Units
from runstrong.core.planner import replan
from runstrong.core.review.eased_deload import eased_deloads
from runstrong.io.data_files import load_context

from .helpers import EXAMPLE_PROFILES, LIBRARY, MAYA, SETTINGS, P, plan_of

LIGHT = "light-before-key-runs"


def test_a_deload_level_with_the_held_week_before_it_comes_a_kit_step_under_it():
    plan = plan_of(MAYA)
    i = next(i for i, w in enumerate(plan.weeks) if w.deload and i > 0)
    held, deload = plan.weeks[i - 1], plan.weeks[i]
    full = {b.exercise_id for s in held.sessions for b in s.blocks
            if b.prescription.load_kg and not any(r.rule_id == "light-before-key-runs" for r in b.reasons)}  # fmt: skip
    lift = next(b for s in deload.sessions for b in s.blocks
                if (b.prescription.load_kg or 0) > 20 and b.prescription.reps and b.exercise_id in full)  # fmt: skip
    level = lift.prescription.load_kg  # the held week brought down to the deload's load

    def at_level(s):  # type: ignore[no-untyped-def]
        blocks = [b.model_copy(update={"prescription": b.prescription.model_copy(update={"load_kg": level})})
                  if b.exercise_id == lift.exercise_id and not any(r.rule_id == "light-before-key-runs"
                                                                   for r in b.reasons) else b
                  for b in s.blocks]  # fmt: skip
        return s.model_copy(update={"blocks": blocks})

    weeks = list(plan.weeks)
    weeks[i - 1] = held.model_copy(update={"sessions": [at_level(s) for s in held.sessions]})
    lowered = plan.model_copy(update={"weeks": weeks})
    eased = eased_deloads(lowered, {held.start_date}, LIBRARY, P)
    after = [b.prescription.load_kg for s in eased.weeks[i].sessions for b in s.blocks
             if b.exercise_id == lift.exercise_id and b.prescription.load_kg]  # fmt: skip
    assert after and max(after) < level
    # a week the review did not change leaves its deload as the planner made it
    assert eased_deloads(lowered, set(), LIBRARY, P) is lowered


def full_day_loads(week) -> dict[str, float]:  # type: ignore[no-untyped-def]
    out: dict[str, float] = {}
    for s in week.sessions:
        for b in s.blocks:
            kg = b.prescription.load_kg
            if kg and not any(r.rule_id == LIGHT for r in b.reasons):
                out[b.exercise_id] = max(out.get(b.exercise_id, 0.0), kg)
    return out


def lifted_by(week, plan, steps: int):  # type: ignore[no-untyped-def]
    """The week as lived at `steps` kit steps over the walk's loads (a review's plan had held it there)."""
    sessions = []
    for s in week.sessions:
        blocks = []
        for b in s.blocks:
            implement = ld.implement(LIBRARY.get(b.exercise_id).equipment) if b.exercise_id in LIBRARY else None
            if b.prescription.load_kg and implement is not None:
                kg = b.prescription.load_kg + steps * ld.kit_of(implement, plan.profile, P).step
                b = b.model_copy(update={"prescription": b.prescription.model_copy(update={"load_kg": round(kg, 3)})})
            blocks.append(b)
        sessions.append(s.model_copy(update={"blocks": blocks}))
    return week.model_copy(update={"sessions": sessions})


@SETTINGS
@given(profile=st.sampled_from(EXAMPLE_PROFILES), imperial=st.booleans(), steps=st.integers(1, 2))
def test_a_deload_after_a_lived_week_keeps_the_floor_of_that_weeks_loads(profile, imperial, steps):
    """Priya's calf raise (cr18b #1b): 15 lb lived in week 3 (a review had held it there), then
    10 lb (67%) in the deload the review's replan walked from its own 10 lb. Every deload keeps
    `planned-deloads` `min_load_pct` of the week before as it stood, planned or lived."""
    profile = profile.model_copy(update={"units": Units.imperial if imperial else Units.metric})
    plan = plan_of(profile)
    assume(plan is not None)
    i = next((i for i, w in enumerate(plan.weeks) if w.deload and i > 0 and w.sessions), None)
    assume(i is not None)
    weeks = list(plan.weeks)
    weeks[i - 1] = lifted_by(weeks[i - 1], plan, steps)
    lived = plan.model_copy(update={"weeks": weeks})
    new = replan(lived, profile, weeks[i].start_date, load_context(), least_bad=True)
    before, after = full_day_loads(new.weeks[i - 1]), full_day_loads(new.weeks[i])
    for ex, kg in after.items():
        if ex in before:
            assert kg >= before[ex] * P.deload_min_load_pct / 100 * (1 - 1e-4), (ex, before[ex], kg)
