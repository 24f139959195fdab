"""Every memo keyed by every input it reads (issue 15): two runners who differ in one profile
field, planned one after the other through one planning context (its memo warm with the
first), each get the plan a fresh context gives them, and so does a replan of the first from
its own weeks made after the second. A memo whose key left that field out would hand the
second runner the first one's week, dose or calendar."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from runstrong.core import one_new_thing, planner, week_plan
from runstrong.core.context import PlanningContext
from runstrong.core.model import AthleteProfile
from runstrong.core.planner import InfeasibleWeekError, build_plan
from runstrong.io.data_files import load_context
from tests.conftest import examples

from .strategies import (
    profiles,
    profiles_in_season,
    profiles_on_ladders,
    profiles_with_goal_race,
    profiles_with_health,
    profiles_with_tune_ups,
)

# Runners from every strategy, so the fields most runners leave at their default (health, goal
# races, a season, pain ladders, tune-ups) differ too.
DRAWN = st.one_of(
    profiles(),
    profiles_with_health(),
    profiles_on_ladders(),
    profiles_with_tune_ups(),
    profiles_with_goal_race(),
    profiles_in_season(),
)
FIELDS = sorted(set(AthleteProfile.model_fields) - {"name"})  # every input a profile gives the planner


def _fresh() -> PlanningContext:
    """The shipped data with an empty memo: what a new process plans with."""
    ctx = load_context()
    return PlanningContext(ctx.library, ctx.registry, ctx.source, ctx.ladders)


def _outcome(profile: AthleteProfile, ctx: PlanningContext, fixed=None):  # type: ignore[no-untyped-def]
    """The plan as JSON, or the refusal's words."""
    try:
        plan = build_plan(profile, ctx, fixed_weeks=fixed) if fixed else build_plan(profile, ctx)
    except InfeasibleWeekError as err:
        return str(err)
    return plan.model_dump(mode="json")


@settings(max_examples=examples(0.03), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=DRAWN, other=DRAWN, field=st.sampled_from(FIELDS))
def test_two_runners_differing_in_one_field_each_get_their_fresh_plan_from_one_context(first, other, field):
    try:
        second = AthleteProfile.model_validate({**first.model_dump(), field: other.model_dump()[field]})
    except ValidationError:
        assume(False)
    assume(second != first)
    shared = _fresh()
    a, b = _outcome(first, shared), _outcome(second, shared)
    assert a == _outcome(first, _fresh()), field
    assert b == _outcome(second, _fresh()), field
    if isinstance(a, dict):  # the first runner replanned from its own weeks, the memo warm with both
        plan = build_plan(first, _fresh())
        cut = len(plan.weeks) // 2
        if cut:
            again = _outcome(first, shared, plan.weeks[:cut])
            assert again == _outcome(first, _fresh(), plan.weeks[:cut]), field


RUNNERS = Path(__file__).parent / "runners"
# A draw where two runners reach one block with the same selection context and recent lifts
# but different kept main lifts and last-block lifts: `select_block` gives each its own
# selection (bird dog or plank shoulder taps), and the week and composition memos were keyed
# by (context, recent) alone.
SAME_CONTEXT = ("memo_key_bodyweight_5k_mon_tue_sun.json", "memo_key_bodyweight_5k_mon_sat.json")


def test_a_week_kept_under_a_selection_key_was_planned_from_that_selection_alone(monkeypatch):
    """Every week planned through one context: the key its week and composition are kept under
    names one selection, so no runner is handed a week another runner's selection composed."""
    named: dict[tuple, object] = {}

    def plan_week(ctx, selection, inputs):  # type: ignore[no-untyped-def]
        kept = named.setdefault(inputs.selection_key, selection)
        assert kept is selection or kept == selection, inputs.frame.index
        return week_plan.plan_week(ctx, selection, inputs)

    monkeypatch.setattr(planner, "plan_week", plan_week)
    monkeypatch.setattr(one_new_thing, "plan_week", plan_week)
    shared = _fresh()
    for name in SAME_CONTEXT:
        runner = AthleteProfile.model_validate_json((RUNNERS / name).read_text())
        assert _outcome(runner, shared) == _outcome(runner, _fresh()), name
