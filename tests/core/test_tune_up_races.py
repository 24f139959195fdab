"""A race in the dated running week (a tune-up, or one a calendar import finds) is a race:
a short taper before it and recovery after it (tune-up-race). Checked here independently of
`core.validate`, over generated runners, and `validate` is shown to catch a plan that ignores one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from runstrong.core.model import AthleteProfile, DatedRun, Role, RunType
from runstrong.core.planner import InfeasibleWeekError, build_plan
from runstrong.core.rep_scheme import LEG_CATEGORIES
from runstrong.core.validate import check_plan
from runstrong.io.data_files import load_context, load_params
from runstrong.io.profile_file import load_profile
from tests.conftest import examples

from .strategies import profiles_with_tune_ups

P = load_params()
SETTINGS = settings(max_examples=examples(0.3), deadline=None, suppress_health_check=[HealthCheck.too_slow])
RUNNER = load_profile(Path(__file__).parent / "runners" / "tune_up_half_dated_race.toml")


def _tune_ups(profile: AthleteProfile) -> dict[dt.date, int]:
    goal = profile.race.date if profile.race else None
    return {r.date: r.minutes for r in profile.running.dated if r.type == RunType.race and r.date != goal}


def _rest_after(minutes: int) -> int:
    """The registry's days after a tune-up by its minutes, read here without the planner's helper."""
    for bound, days in zip(P.tune_up_rest_minutes, P.tune_up_rest_days_after, strict=False):
        if minutes <= bound:
            return days
    return P.tune_up_rest_days_after[-1]


def _race_close_effort(intensity) -> bool:
    if intensity.kind == "bodyweight":
        return True
    if intensity.kind == "rir":
        return intensity.value >= P.race_close_min_rir
    return intensity.kind == "percent_1rm" and intensity.value <= P.race_close_max_pct_1rm


def _broken(profile: AthleteProfile, plan) -> list[str]:
    out = []
    races = _tune_ups(profile)
    for s in (s for w in plan.weeks for s in w.sessions):
        for race, minutes in races.items():
            until = (race - s.date).days
            if 0 <= until <= P.tune_up_no_strength_days:
                out.append(f"{s.date}: strength {until} day(s) before the tune-up on {race}")
            if 0 < -until <= _rest_after(minutes):
                out.append(f"{s.date}: strength {-until} day(s) after the {minutes}-min tune-up on {race}")
            if 0 <= until <= P.tune_up_last_heavy_days:
                if s.heavy:
                    out.append(f"{s.date}: heavy {until} days before the tune-up on {race}")
                out += [
                    f"{s.date}: {b.exercise_id} at {b.prescription.intensity} {until} days before {race}"
                    for b in s.blocks
                    if b.category in LEG_CATEGORIES
                    and b.role in (Role.primary, Role.accessory)
                    and not _race_close_effort(b.prescription.intensity)
                ]
            if 0 <= until <= P.tune_up_last_plyometric_days and s.plyometric:
                out.append(f"{s.date}: plyometrics {until} days before the tune-up on {race}")
    return out


def _unsaid(profile: AthleteProfile, plan) -> list[str]:
    """Tune-ups inside the plan whose week does not name them."""
    out = []
    for race in _tune_ups(profile):
        week = next((w for w in plan.weeks if w.start_date <= race < w.start_date + dt.timedelta(days=7)), None)
        if week is None:
            continue
        said = [r.text for r in week.reasons if r.rule_id == "tune-up-race"]
        if not any(f"{race:%a %d %b}" in text for text in said):
            out.append(f"week of {race}: no word of the tune-up")
    return out


@SETTINGS
@given(profile=profiles_with_tune_ups())
def test_a_dated_race_gets_a_short_taper_recovery_and_a_word_in_its_week(profile):
    try:
        plan = build_plan(profile, load_context())
    except InfeasibleWeekError as err:
        assert "Ways out" in str(err)
        return
    assert _broken(profile, plan) == []
    assert _unsaid(profile, plan) == []


def test_ines_half_two_days_before_gets_no_heavy_deadlift_and_no_session_the_day_after():
    """The coach read's runner: a 100-min tune-up half on a Sunday in her dated week."""
    profile = RUNNER
    plan = build_plan(profile, load_context())
    assert _broken(profile, plan) == []
    race = dt.date(2027, 4, 11)
    near = [s for w in plan.weeks for s in w.sessions if -3 <= (s.date - race).days <= 5]
    assert all(not s.heavy and not s.plyometric for s in near if s.date < race)
    assert not any(s.date == race + dt.timedelta(days=1) for s in near)
    assert _unsaid(profile, plan) == []


def test_validate_flags_a_plan_that_ignores_a_tune_up():
    """A plan made before the runner added her tune-up breaks its taper; the checker says so by rule."""
    profile = RUNNER
    without = profile.model_copy(
        update={
            "running": profile.running.model_copy(
                update={"dated": [r for r in profile.running.dated if r.type != RunType.race]}
            )
        }
    )
    plan = build_plan(without, load_context())
    race = DatedRun(date=dt.date(2027, 4, 11), type=RunType.race, minutes=100)
    ignored = plan.model_copy(
        update={
            "profile": without.model_copy(
                update={"running": without.running.model_copy(update={"dated": [*without.running.dated, race]})}
            )
        }
    )
    rules = {v.rule_id for v in check_plan(ignored, load_context())}
    assert "tune-up-race" in rules
