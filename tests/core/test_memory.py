"""Planning many distinct runners in one process keeps the heap within a bound.

The planner's memo lives on the planning context, keyed by value and bounded (issue 21:
a server grew to 3.9 GB because a `Params` compared by identity missed every cache). Here
2,000 plans and re-plans of distinct runners run through one context whose memo keeps 16
plans warm: once it is full, the heap stops growing.

The heap is counted in the interpreter's allocated blocks (`sys.getallocatedblocks`), not
with tracemalloc: a plan is thousands of small objects, so anything that keeps plans shows
at once, and the run costs a sixth of a traced one. The web's memory tests use tracemalloc.
"""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import sys

import pytest

from runstrong.core.context import PlanMemo, PlanningContext
from runstrong.core.model import AthleteProfile
from runstrong.core.planner import InfeasibleWeekError, build_plan, replan
from runstrong.io.data_files import load_context

WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
START = dt.date(2027, 1, 4)
KEPT_PLANS = 16  # the memo's size for this test: about 0.7 MB of heap per plan kept
GROWTH_BOUND_BLOCKS = 120_000  # growth allowed once the memo is full: a plan's working set and the memo's churn
# (measured 5k-30k); keeping two weeks of every plan (~370k) or 100 small dicts a runner (~520k) fails it


def distinct_runners(count: int) -> list[AthleteProfile]:
    """`count` runners that differ in training days, cap, level, kit and race distance."""
    days = [c for n in (4, 5, 6) for c in itertools.combinations(WEEKDAYS, n)]
    combos = itertools.product(
        days, (25, 30, 40, 45, 60), ("novice", "intermediate"), ("dumbbells", "gym"), ("10k", "half")
    )
    out = []
    for available, cap, level, kit, race in itertools.islice(combos, count):
        weekly = [{"day": available[0], "type": "long", "minutes": 100}, {"day": available[1], "type": "easy"}]
        out.append(
            AthleteProfile.model_validate(
                {
                    "name": "Runner",
                    "age": 35,
                    "sex": "female",
                    "body_mass_kg": 60,
                    "start_date": START.isoformat(),
                    "running": {"weekly": weekly},
                    "race": {"date": (START + dt.timedelta(weeks=10)).isoformat(), "distance": race},
                    "available_days": list(available),
                    "session_cap_minutes": cap,
                    "strength_experience": level,
                    "equipment": [kit],
                }
            )
        )
    return out


def plan_and_replan(ctx: PlanningContext, runner: AthleteProfile) -> None:
    """A plan, then a re-plan from week 4 after the runner shortens their cap (as a review or edit does)."""
    try:
        plan = build_plan(runner, ctx, least_bad=True)
        shorter = runner.model_copy(update={"session_cap_minutes": runner.session_cap_minutes - 5})
        replan(plan, shorter, START + dt.timedelta(weeks=3), ctx, least_bad=True)
    except InfeasibleWeekError:
        pass


def heap_blocks() -> int:
    gc.collect()
    return sys.getallocatedblocks()


@pytest.mark.slow
@pytest.mark.long
def test_two_thousand_plans_and_replans_keep_the_heap_within_a_bound() -> None:
    shipped = load_context()
    ctx = PlanningContext(shipped.library, shipped.registry, ladders=shipped.ladders, memo=PlanMemo(plans=KEPT_PLANS))
    runners = distinct_runners(1_000)
    assert len({r.model_dump_json() for r in runners}) == 1_000
    for runner in runners[:200]:  # fills the memo
        plan_and_replan(ctx, runner)
    full = heap_blocks()
    for runner in runners[200:]:
        plan_and_replan(ctx, runner)
    grown = heap_blocks() - full
    assert all(len(table) <= table.limit for table in ctx.memo.tables().values())
    assert grown < GROWTH_BOUND_BLOCKS, f"the heap grew by {grown:,} blocks over 1,600 more plannings"


def test_equal_rulebooks_share_the_memo_and_a_new_context_starts_empty() -> None:
    """Params compare by content, so a registry loaded again hits what the first one cached."""
    shipped = load_context()
    runner = distinct_runners(1)[0]
    ctx = PlanningContext(shipped.library, shipped.registry, ladders=shipped.ladders, memo=PlanMemo(plans=4))
    first = build_plan(runner, ctx, least_bad=True)
    filled = ctx.memo.size()
    again = build_plan(runner, ctx, least_bad=True)
    assert ctx.memo.size() == filled and again == first
    assert PlanningContext(shipped.library, shipped.registry, ladders=shipped.ladders).memo.size() == 0


def test_a_plan_is_checked_once_and_a_changed_runner_is_checked_afresh() -> None:
    """build_plan remembers check_plan's verdict for the plan it made (warm re-plans skip the
    check); the verdict is the one check_plan gives, and any change to the runner misses."""
    from runstrong.core.validate import check_plan

    shipped = load_context()
    ctx = PlanningContext(shipped.library, shipped.registry, ladders=shipped.ladders, memo=PlanMemo(plans=4))
    runner = distinct_runners(1)[0]
    first = build_plan(runner, ctx, least_bad=True)
    assert len(ctx.memo.checked) == 1
    again = build_plan(runner, ctx, least_bad=True)
    assert again == first and len(ctx.memo.checked) == 1
    (_, _, verdict), *_ = ctx.memo.checked.values()
    assert verdict == check_plan(again, ctx)
    sore = AthleteProfile.model_validate({**runner.model_dump(), "pain_areas": ["knee"]})
    build_plan(sore, ctx, least_bad=True)
    assert len(ctx.memo.checked) == 2


def test_planning_leaves_no_reference_cycles_for_the_collector() -> None:
    """What the memo lets go is freed by reference counting at once: planning and re-planning
    many runners (the memo full, so it evicts) with the collector off leaves no cyclic garbage.
    A cycle (a session caching a variant that holds it, a closure naming itself) made a full
    collection walk millions of objects every few dozen plans, and is what lets the CLI pause
    the collector while it plans (`cli/collector.paused`)."""
    shipped = load_context()
    ctx = PlanningContext(shipped.library, shipped.registry, ladders=shipped.ladders, memo=PlanMemo(plans=2))
    runners = distinct_runners(40)
    plan_and_replan(ctx, runners[0])
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        for runner in runners[1:]:
            plan_and_replan(ctx, runner)
        found = gc.collect()
    finally:
        if was:
            gc.enable()
    assert found == 0, f"{found:,} objects in reference cycles after 39 plans and re-plans"
