"""A deload right after a week the review held or cut still eases the load: the planner laid
it out from the week it planned, and the review's promises may have held that week lower."""

from __future__ import annotations

from runstrong.core.review.eased_deload import eased_deloads

from .helpers import LIBRARY, MAYA, P, plan_of


def test_a_deload_level_with_the_held_week_before_it_comes_a_kit_step_under_it():
    plan = plan_of(MAYA)
    i = next(i for i, w in enumerate(plan.weeks) if w.deload and i > 0)
    held, deload = plan.weeks[i - 1], plan.weeks[i]
    full = {b.exercise_id for s in held.sessions for b in s.blocks
            if b.prescription.load_kg and not any(r.rule_id == "light-before-key-runs" for r in b.reasons)}  # fmt: skip
    lift = next(b for s in deload.sessions for b in s.blocks
                if (b.prescription.load_kg or 0) > 25 and b.exercise_id in full)  # fmt: skip
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
