"""The order on an easy run's day fits the runner's lifting time (pair-with-easy-day): a runner
who lifts at 06:30 is never told to run first and lift later in the day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runstrong.core.planner import InfeasibleWeekError, build_plan
from runstrong.io.data_files import load_context, load_params
from runstrong.io.profile_file import load_profile
from tests.conftest import examples

from .strategies import profiles

P = load_params()
SETTINGS = settings(max_examples=examples(0.2), deadline=None, suppress_health_check=[HealthCheck.too_slow])
RUN_FIRST = "Run first"
TIMES = st.one_of(st.none(), st.times().map(lambda t: t.replace(second=0, microsecond=0)))


@SETTINGS
@given(profile=profiles(), at=TIMES)
def test_the_easy_days_order_follows_the_runners_lifting_time(profile, at):
    profile = profile.model_copy(update={"preferred_time": at})
    try:
        plan = build_plan(profile, load_context())
    except InfeasibleWeekError:
        return
    said = [r.text for w in plan.weeks for s in w.sessions for r in s.reasons if r.rule_id == "pair-with-easy-day"]
    early = at is not None and at.hour < P.morning_lift_before_hour
    if early:
        assert not any(t.startswith(RUN_FIRST) for t in said)
    else:
        assert not any("You lift in the morning" in t for t in said)


def test_a_0630_lifter_hears_lift_first_on_easy_days():
    profile = load_profile(Path(__file__).parent / "runners" / "tune_up_half_dated_race.toml")
    early = build_plan(profile.model_copy(update={"preferred_time": dt.time(6, 30)}), load_context())
    late = build_plan(profile.model_copy(update={"preferred_time": dt.time(18, 0)}), load_context())

    def orders(plan):
        return {r.text for w in plan.weeks for s in w.sessions for r in s.reasons if r.rule_id == "pair-with-easy-day"}

    assert not any(t.startswith(RUN_FIRST) for t in orders(early))
    assert any(t.startswith("You lift in the morning") for t in orders(early))
    assert any(t.startswith(RUN_FIRST) for t in orders(late))
