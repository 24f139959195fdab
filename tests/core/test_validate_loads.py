"""The planner's own checker (core/validate_loads) refuses plans whose loads break the
registry: a load that jumps more than a week's step, one off the kit's steps, a block left
without a load once its start is known, and a deload that does not ease the load."""

from __future__ import annotations

from runstrong.core.model import Item
from runstrong.core.planner import build_plan
from runstrong.core.validate import check_plan
from runstrong.io.data_files import load_context
from tests.core.test_planner import runner


def _plan():
    ctx = load_context()
    return ctx, build_plan(runner(strength_experience="intermediate", equipment=["gym"], plan_weeks=16), ctx)


def _loaded(plan, deload: bool = False):
    """(week, session, block) of every block with a load, in week order."""
    for w in plan.weeks:
        if w.deload == deload:
            for s in w.sessions:
                for b in s.blocks:
                    if b.prescription.load_kg is not None:
                        yield w, s, b


def _with_load(plan, where, kg):
    """The plan with one block's load changed (None: taken away)."""
    week, session, block = where
    presc = block.prescription.model_copy(update={"load_kg": kg})
    blocks = [block.model_copy(update={"prescription": presc}) if b is block else b for b in session.blocks]
    sessions = [session.model_copy(update={"blocks": blocks}) if s is session else s for s in week.sessions]
    weeks = [week.model_copy(update={"sessions": sessions}) if w is week else w for w in plan.weeks]
    return plan.model_copy(update={"weeks": weeks})


def test_the_shipped_plan_keeps_every_load_invariant():
    ctx, plan = _plan()
    assert not check_plan(plan, ctx)


def test_the_checker_refuses_a_load_that_jumps_more_than_a_weeks_step():
    ctx, plan = _plan()
    first = next(_loaded(plan))
    later = next(x for x in _loaded(plan) if x[2].exercise_id == first[2].exercise_id and x[0].index > first[0].index)
    found = check_plan(_with_load(plan, later, later[2].prescription.load_kg * 2), ctx)
    assert any(v.rule_id == "linear-progression" and "load" in v.message for v in found)


def test_the_checker_refuses_a_load_off_the_kits_steps():
    ctx, plan = _plan()
    where = next(_loaded(plan))
    found = check_plan(_with_load(plan, where, where[2].prescription.load_kg + 0.3), ctx)
    assert any(v.rule_id == "load-rounding" for v in found)


def test_the_checker_refuses_a_block_left_without_a_load_once_its_start_is_known():
    ctx, plan = _plan()
    first = next(_loaded(plan))
    later = next(x for x in _loaded(plan) if x[2].exercise_id == first[2].exercise_id and x[0].index > first[0].index)
    found = check_plan(_with_load(plan, later, None), ctx)
    assert any(v.rule_id == "starting-load-estimate" for v in found)


def test_the_checker_refuses_a_deload_that_keeps_the_load():
    ctx, plan = _plan()
    for week, session, block in _loaded(plan, deload=True):
        before = [
            b.prescription.load_kg
            for w in plan.weeks
            if w.index == week.index - 1 and not w.deload
            for s in w.sessions
            for b in s.blocks
            if b.exercise_id == block.exercise_id and b.prescription.load_kg is not None
        ]
        if before and max(before) > block.prescription.load_kg:
            found = check_plan(_with_load(plan, (week, session, block), max(before)), ctx)
            assert any(v.rule_id == "planned-deloads" for v in found)
            return
    raise AssertionError("the plan has no deload that eases a load")


def test_the_checker_refuses_a_load_past_the_heaviest_the_kit_makes():
    ctx = load_context()
    home = runner(strength_experience="intermediate", equipment=["dumbbells"], plan_weeks=16)
    plan = build_plan(home.model_copy(update={"heaviest_loads": {Item.dumbbell: 30, Item.kettlebell: 30}}), ctx)
    assert not check_plan(plan, ctx)
    where = next(x for x in _loaded(plan) if "dumbbell" in ctx.library.get(x[2].exercise_id).equipment)
    on_step = 30 + 2 * ctx.params.rounding_metric_kg[Item.dumbbell]  # past the 30 kg dumbbell, on its steps
    found = check_plan(_with_load(plan, where, on_step), ctx)
    assert [v.rule_id for v in found if v.rule_id == "kit-heaviest"] == ["kit-heaviest"], found
