"""A racing season is planned as a season, not a build (in-season): dated tune-ups every two or
three weeks keep strength with one or two short sessions a week, no third session and no deload
cycle, each race's tune-up taper kept; fewer races, or races further apart, leave the build.
Checked against an oracle written here from the registry's numbers, not the planner's helpers.

cr24a F8: Lena's five track races in eleven weeks ran foundation, build and race-specific around
them, with deloads every fourth week and three sessions (a heavy Friday with pogos) between races.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, note, settings

from runstrong.core.model import Adjustment, AthleteProfile, Phase, RaceDistance, RunType
from runstrong.core.planner import build_plan
from runstrong.io.data_files import load_context, load_params
from runstrong.io.markdown import render_markdown
from runstrong.io.profile_file import load_profile
from tests.conftest import examples

from .strategies import profiles_in_season
from .test_plan_safety import build_or_none
from .test_tune_up_races import _broken

P = load_params()
CTX = load_context()
SETTINGS = settings(max_examples=examples(0.3), deadline=None, suppress_health_check=list(HealthCheck))
LENA = load_profile(Path(__file__).parent / "runners" / "lena_track_hamstring_3of10.toml")
BUILDING = (Phase.build, Phase.race_specific)


def _season_mondays(profile: AthleteProfile) -> set[dt.date]:
    """The Mondays of the weeks in season: runs of `in_season_min_races` or more dated tune-ups,
    each at most `in_season_max_gap_days` after the one before, a goal race ending a run."""
    main = profile.race.date if profile.race else None
    races = sorted({(r.date, r.goal) for r in profile.running.dated if r.type == RunType.race and r.date != main})
    runs: list[list[dt.date]] = [[]]
    for day, goal in races:
        if goal or (runs[-1] and (day - runs[-1][-1]).days > P.in_season_max_gap_days):
            runs.append([])
        if not goal:
            runs[-1].append(day)
    monday = lambda d: d - dt.timedelta(days=d.weekday())  # noqa: E731
    out: set[dt.date] = set()
    for run in (r for r in runs if len(r) >= P.in_season_min_races):
        week = monday(run[0])
        while week <= monday(run[-1]):
            out.add(week)
            week += dt.timedelta(weeks=1)
    return out


def _unseasonal(profile: AthleteProfile, plan) -> list[str]:  # type: ignore[no-untyped-def]
    """Season weeks that build, deload or hold more than the season's sessions."""
    season, out = _season_mondays(profile), []
    races = {r.date for r in profile.running.dated if r.type == RunType.race and not r.goal}
    for w in plan.weeks:
        if w.start_date not in season:
            continue
        if w.deload:
            out.append(f"week {w.index}: a deload in season")
        if w.phase in BUILDING:
            out.append(f"week {w.index}: {w.phase.value} in season")
        if len(w.sessions) > P.in_season_sessions:
            out.append(f"week {w.index}: {len(w.sessions)} sessions in season")
        racing = any(w.start_date <= d <= w.start_date + dt.timedelta(days=6) for d in races)
        if w.phase == Phase.maintenance and racing and len(w.sessions) > P.in_season_race_week_sessions:
            out.append(f"week {w.index}: {len(w.sessions)} sessions in a season's race week")
    return out


def test_lena_five_track_races_are_planned_as_a_season_not_a_build():
    """Before: weeks 2-11 ran foundation, build and race-specific, deloads in weeks 4 and 8, three
    sessions in weeks 3, 6 and 10 (a heavy Friday with single-leg pogos)."""
    plan = build_plan(LENA, CTX)
    season = [w for w in plan.weeks if 2 <= w.index <= 11]
    assert _unseasonal(LENA, plan) == []
    assert all(w.phase == Phase.maintenance and not w.deload for w in season), [(w.index, w.phase) for w in season]
    assert [len(w.sessions) for w in season] == [1, 2, 2, 1, 2, 1, 2, 1, 2, 1]  # one in a race week, two between
    assert not any(w.deload for w in plan.weeks)
    assert max(len(w.sessions) for w in plan.weeks) == 2  # no third session, the taper's included
    heavy = [s for w in season if len(w.sessions) == 2 for s in w.sessions if s.heavy]
    assert heavy and all(s.date.weekday() != 1 for s in heavy)  # heavy between races, never on the track day
    assert _broken(LENA, plan) == []  # each race keeps its tune-up taper and recovery
    opening = plan.warnings[0]
    assert opening.startswith("Planned as a racing season"), plan.warnings
    for day in ("Sat 19 Dec", "Sat 09 Jan", "Sat 23 Jan", "Sat 06 Feb", "Sat 20 Feb"):
        assert day in opening
    assert "weeks 2-11" in opening
    assert any(r.rule_id == "in-season" and r.text == opening for r in season[0].reasons)
    assert opening in render_markdown(plan).split("## Weeks at a glance")[0]  # the plan's first lines say it


def _heavy(week, lift: str):  # type: ignore[no-untyped-def]
    return [b.prescription for s in week.sessions if s.heavy for b in s.blocks if b.exercise_id == lift]


def test_lenas_taper_keeps_the_seasons_heavy_dose_not_the_foundations():
    """The taper steps from the season's kept dose: before this, it read the foundation week's 8 reps
    at RPE 7, and the race-close sets of the season's last race week took its load to 30 kg from 42.5."""
    plan = build_plan(LENA, CTX)
    kept, taper = _heavy(plan.weeks[9], "barbell_hip_thrust"), _heavy(plan.weeks[11], "barbell_hip_thrust")
    assert kept and taper, (kept, taper)
    assert (taper[0].reps, taper[0].intensity) == (kept[0].reps, kept[0].intensity)
    assert taper[0].load_kg >= kept[0].load_kg and taper[0].sets <= kept[0].sets


def _with_races(profile: AthleteProfile, keep: set[dt.date], goal: dt.date | None = None) -> AthleteProfile:
    """`profile` with only the dated races on `keep` (the others easy runs), the one on `goal` a goal race."""
    dated = []
    for r in profile.running.dated:
        if r.type == RunType.race and r.date not in keep:
            r = r.model_copy(update={"type": RunType.easy})
        elif r.date == goal:
            r = r.model_copy(update={"goal": True, "distance": RaceDistance.k5})
        dated.append(r)
    return profile.model_copy(update={"running": profile.running.model_copy(update={"dated": dated})})


LENA_RACES = [
    dt.date(2026, 12, 19),
    dt.date(2027, 1, 9),
    dt.date(2027, 1, 23),
    dt.date(2027, 2, 6),
    dt.date(2027, 2, 20),
]


def test_a_main_race_with_three_tune_ups_still_gets_a_build():
    """The boundary: three tune-ups (the main race and a couple of tune-ups, or one more) are a build's."""
    profile = _with_races(LENA, set(LENA_RACES[2:]))
    plan = build_plan(profile, CTX)
    assert not any(r.rule_id == "in-season" for w in plan.weeks for r in w.reasons)
    assert {Phase.build, Phase.race_specific} <= {w.phase for w in plan.weeks}
    assert not any(w.startswith("Planned as a racing season") for w in plan.warnings)


def test_four_tune_ups_three_weeks_apart_are_a_season_and_a_day_more_is_not():
    close = [dt.date(2027, 1, 2), dt.date(2027, 1, 23), dt.date(2027, 2, 13), dt.date(2027, 3, 6)]
    assert P.in_season_max_gap_days == 21 and P.in_season_min_races == 4
    profile = LENA.model_copy(update={"race": LENA.race.model_copy(update={"date": dt.date(2027, 3, 27)})})
    runs = [r for r in profile.running.dated if r.type != RunType.race]
    for gap, in_season in ((0, True), (1, False)):
        days = [d + dt.timedelta(days=gap * k) for k, d in enumerate(close)]
        dated = runs + [r.model_copy(update={"date": d}) for r, d in zip(_races(profile), days, strict=False)]
        plan = build_plan(
            profile.model_copy(update={"running": profile.running.model_copy(update={"dated": dated})}), CTX
        )
        said = any(r.rule_id == "in-season" for w in plan.weeks for r in w.reasons)
        assert said == in_season, (gap, [(w.index, w.phase.value, w.deload) for w in plan.weeks])


def _races(profile: AthleteProfile):  # type: ignore[no-untyped-def]
    return [r for r in profile.running.dated if r.type == RunType.race]


def test_a_goal_race_ends_the_season_and_the_weeks_before_it_build():
    """Lena's fourth race marked a goal race: three tune-ups before it are no season, and she builds to it."""
    profile = _with_races(LENA, set(LENA_RACES), goal=LENA_RACES[3])
    plan = build_plan(profile, CTX)
    assert not any(r.rule_id == "in-season" for w in plan.weeks for r in w.reasons)
    assert Phase.build in {w.phase for w in plan.weeks if w.start_date < LENA_RACES[3]}


@SETTINGS
@given(profile=profiles_in_season())
def test_a_season_keeps_strength_without_deloads_or_a_third_session_and_its_races_stay_safe(profile):
    plan = build_or_none(profile)  # build_plan's own check (every hard rule) runs on the way
    if plan is None:
        return
    season = _season_mondays(profile)
    note(f"season weeks: {sorted(season)}")
    assert _unseasonal(profile, plan) == []
    assert _broken(profile, plan) == []
    named = any(w.startswith("Planned as a racing season") for w in plan.warnings)
    race = profile.race.date if profile.race else None
    kept = [w for w in plan.weeks if w.start_date in season and w.phase in (Phase.maintenance, Phase.foundation)]
    assert named == any(race is None or w.start_date < race for w in kept), plan.warnings[:1]


def test_anas_four_meets_with_no_strength_behind_her_are_a_season_of_foundation_weeks():
    """A 15-year-old novice with no strength work to keep: the season's weeks are the foundation's
    two sessions, with no deload and no build among them (before: a deload in week 4, a build in week 7)."""
    ana = load_profile(Path(__file__).parent / "runners" / "ana_teen_xc_meets.toml")
    plan = build_plan(ana, CTX)
    season = [w for w in plan.weeks if w.start_date in _season_mondays(ana)]
    assert [w.index for w in season] == [3, 4, 5, 6, 7, 8]
    assert _unseasonal(ana, plan) == []
    assert all(w.phase == Phase.foundation and len(w.sessions) <= P.foundation_sessions for w in season)
    assert plan.warnings[0].startswith("Planned as a racing season") and "foundation's two sessions" in plan.warnings[0]


def test_a_reviews_deload_in_a_season_week_is_kept():
    """A season plans no deload of its own, but a review that calls one (Ana's week 5) gets it."""
    ana = load_profile(Path(__file__).parent / "runners" / "ana_teen_xc_meets.toml")
    called = ana.model_copy(update={"adjustments": [Adjustment(week_start=dt.date(2027, 2, 1), deload=True)]})
    weeks = build_plan(called, CTX).weeks
    assert [w.index for w in weeks if w.deload] == [5]
    assert any(r.rule_id == "review-deload" for r in weeks[4].reasons)
