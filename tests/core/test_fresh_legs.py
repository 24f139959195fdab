"""Hops and jumps keep off a long run's day (plyometrics-fresh-legs, a hard rule): as a price,
3 points against 20 for a lost session, a third session put its hops on the second of two long
runs (a back-to-back long weekend)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runstrong.core.model import Level, Pattern, RaceDistance, RaceGoal, Run, RunningWeek, RunType, Weekday
from runstrong.core.planner import InfeasibleWeekError, build_plan
from runstrong.core.validate import check_plan
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile
from tests.conftest import examples

from .strategies import profiles

CTX = load_context()
P = CTX.params
RUNNERS = Path(__file__).parent / "runners"
WEEKDAYS = list(Weekday)


@st.composite
def back_to_back(draw):
    """A generated runner with two long runs on consecutive days, free on the second or the day
    after, with the third session earned (intermediate or advanced, weeks of consistency) and
    often a 5K or 10K, whose build phases add hops to every leg session."""
    base = draw(profiles())
    first = draw(st.integers(0, 6))
    long_days = {WEEKDAYS[first], WEEKDAYS[(first + 1) % 7]}
    runs = [r for r in base.running.weekly if r.day not in long_days]
    runs += [Run(day=d, type=RunType.long, minutes=draw(st.integers(90, 210))) for d in sorted(long_days)]
    after = {WEEKDAYS[(first + 1) % 7], WEEKDAYS[(first + 2) % 7]}
    free = {*base.available_days, *draw(st.sets(st.sampled_from(sorted(after)), min_size=1))}
    race = base.race
    if race is not None and draw(st.booleans()):
        race = RaceGoal(distance=draw(st.sampled_from([RaceDistance.k5, RaceDistance.k10])), date=race.date)
    return base.model_copy(
        update={
            "running": RunningWeek(weekly=runs),
            "available_days": sorted(free, key=lambda d: d.index),
            "strength_experience": draw(st.sampled_from([Level.intermediate, Level.advanced])),
            "consistent_strength_weeks": draw(st.integers(P.third_session_min_weeks, 12)),
            "plan_weeks": max(base.plan_weeks, 8),
            "race": race,
        }
    )


def _hops_after_long_runs(plan):
    """Each session with hops or jumps on a long run's day."""
    long_days = {r.date for w in plan.weeks for r in w.runs if r.type == RunType.long}
    out = []
    for w in plan.weeks:
        for s in w.sessions:
            jumps = s.plyometric or any(
                CTX.library.get(b.exercise_id).pattern == Pattern.plyometric
                for b in s.blocks
                if b.role.value != "warm_up"
            )
            if jumps and s.date in long_days:
                out.append((w.index, f"{s.date:%a %d %b}", s.focus.value))
    return out


@settings(max_examples=examples(0.3), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profile=back_to_back())
def test_no_hops_on_a_long_runs_day_over_back_to_back_long_weekends(profile):
    try:
        plan = build_plan(profile, CTX)
    except InfeasibleWeekError as err:  # a week no placement fits is refused with its ways out
        assert "Ways out" in str(err)
        return
    assert _hops_after_long_runs(plan) == []
    assert [v for v in check_plan(plan, CTX) if v.rule_id == "plyometrics-fresh-legs"] == []


def test_the_back_to_back_5k_runner_keeps_three_sessions_without_hops_on_the_long_weekend():
    """An advanced 5K runner free Mon and Thu-Sun, long runs Fri and Sat: the third session's
    hops went on Saturday, the second long run's day; now the core session takes Saturday and
    the week keeps its three sessions, hops on Monday and Thursday."""
    profile = load_profile(RUNNERS / "back_to_back_long_5k.toml")
    plan = build_plan(profile, CTX)
    assert _hops_after_long_runs(plan) == []
    loading = [w for w in plan.weeks if w.phase.value in ("build", "race_specific")]
    assert loading and all(len(w.sessions) == 3 for w in loading)
    assert any(s.plyometric for w in loading for s in w.sessions)
