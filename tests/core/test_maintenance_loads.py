"""Maintenance after the race keeps the load built (cr24a F7): after the first easy days back,
each heavy lift returns to the load of the last loading block at about its dose's effort, two
sets, rather than climbing a step a week from race week's light load and never reaching a
maintaining dose (maintenance-after-race: Rønnestad 2010 kept the heavy loads)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings

from runstrong.core.model import Phase
from runstrong.core.phases import LOADING_PHASES
from runstrong.core.planner import InfeasibleWeekError, build_plan
from runstrong.core.validate import check_plan
from runstrong.core.week_days import returning_after_race
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile
from tests.conftest import examples

from .strategies import profiles

CTX = load_context()
P = CTX.params
RUNNERS = Path(__file__).parent / "runners"
SETTINGS = settings(max_examples=examples(0.3), deadline=None, suppress_health_check=[HealthCheck.too_slow])


def heavy(b) -> bool:
    return "dose-heavy" in b.rule_ids and b.prescription.load_kg is not None


def last_loading_loads(plan, before) -> dict[str, float]:
    """Each lift's heaviest full-day load in the last loading (non-deload) week it was done in, before `before`."""
    out: dict[str, float] = {}
    for w in plan.weeks:
        if w.start_date >= before or w.phase not in LOADING_PHASES or w.deload:
            continue
        week: dict[str, float] = {}
        for s in w.sessions:
            for b in s.blocks:
                if b.prescription.load_kg and "light-before-key-runs" not in b.rule_ids:
                    week[b.exercise_id] = max(week.get(b.exercise_id, 0.0), b.prescription.load_kg)
        out.update(week)
    return out


def maintaining_sets(plan):
    """(session, block) of each heavy lift in maintenance after the easy days back."""
    race = plan.profile.race
    for w in plan.weeks:
        if w.phase != Phase.maintenance:
            continue
        for s in w.sessions:
            if s.date > race.date and not returning_after_race(plan.profile, s.date, P):
                for b in s.blocks:
                    if heavy(b):
                        yield s, b


def short_of_built(plan) -> list[str]:
    built = last_loading_loads(plan, plan.profile.race.date)
    share = P.maintenance_min_load_pct / 100
    return [
        f"{s.date} {b.exercise_id} {b.prescription.load_kg:.1f} < {share:.0%} of {built[b.exercise_id]:.1f}"
        for s, b in maintaining_sets(plan)
        if b.exercise_id in built and b.prescription.load_kg < built[b.exercise_id] * share - 1e-6
    ]


def test_priyas_maintenance_deadlift_is_back_at_her_heavy_load_at_rpe_8_after_the_easy_days():
    plan = build_plan(load_profile(RUNNERS / "priya_10k_home_barbell_imperial.toml"), CTX)
    sets = [(s, b) for s, b in maintaining_sets(plan) if b.exercise_id == "romanian_deadlift"]
    assert sets, "no maintenance deadlift after the easy days"
    peak = max(
        b.prescription.load_kg
        for w in plan.weeks
        if w.phase in LOADING_PHASES
        for s in w.sessions
        for b in s.blocks
        if b.exercise_id == "romanian_deadlift" and "light-before-key-runs" not in b.rule_ids
    )
    assert round(peak / 0.45359237) >= 125  # her heavy days' peak (130 lb before one new thing a week)
    for _, b in sets:  # was 2 x 6 @ 95 then 100 lb "easy (RIR 6+)" after the peak
        assert b.prescription.load_kg == peak
        assert b.prescription.sets == P.maintenance_sets
        assert b.prescription.intensity.kind == "rpe" and b.prescription.intensity.value == 8
    assert not short_of_built(plan)
    assert not check_plan(plan, CTX)


@SETTINGS
@given(profile=profiles())
def test_maintenance_after_the_easy_days_keeps_each_heavy_lift_near_its_last_loading_load(profile):
    assume(profile.race is not None)
    try:
        plan = build_plan(profile, CTX)
    except InfeasibleWeekError:  # no plan to read (the error says the ways out: test_plan_safety)
        return
    assert not short_of_built(plan)
