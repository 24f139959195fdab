"""Sessions placed around key runs as a coach places them (cr25a F6, F7, F10).

- Heavy leg work stays off a key run's day, the long run's included, and the day before one;
  with double days a session may follow the run by the rule's gap and says so (no-heavy-near-speed).
- A session is never made light on its day while a day as free as any, spaced from the plan's
  other sessions, would keep it full (light-before-key-runs, pair-with-easy-day).
- With double days, a leg session after a speed run keeps its full dose (light-before-key-runs).
"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from runstrong.core.diary import session_load
from runstrong.core.model import Level, RunType, Weekday
from runstrong.core.planner import build_plan
from runstrong.core.rep_scheme import LEG_CATEGORIES
from runstrong.core.week_days import calendar, day_infos
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile

from .strategies import profiles
from .test_plan_safety import SAME_RUNNERS, SETTINGS, plan_or_none, sessions

RUNNERS = Path(__file__).parent / "runners"
CTX = load_context()
P = CTX.params
LIGHT = "light-before-key-runs"
WORK = ("primary", "accessory")


def _grid(plan, weeks):
    """Each week's sessions as 'Tue PC!' words: the weekday, the focus and its load."""
    short = {"posterior_chain": "PC", "core": "Core", "single_leg_power": "SL"}
    mark = {"heavy": "!", "light": "~", "moderate": ""}
    out = []
    for w in plan.weeks:
        if w.index in weeks:
            out.append([f"{s.date:%a} {short[s.focus.value]}{mark[session_load(s, w)]}" for s in w.sessions])
    return out


def _made_light(session, day, double):
    """A session its day made light: leg work the day before a key run, or on a speed day
    without double days (light-before-key-runs)."""
    legs = any(b.category in LEG_CATEGORIES and b.role.value in WORK for b in session.blocks)
    return not session.heavy and legs and (day.before_key or (day.speed and not double))


def _equally_free(day, session):
    """A day a session could take at full dose and as free as any: open to it by the day's hard
    rules, no key run that day or the next (so no long run), and not the first days back after the race."""
    if not day.available or not day.strength_ok or day.recovering or day.returning:
        return False
    if session.plyometric and not day.plyo_ok:
        return False
    return not day.key and not day.before_key


def _apart(date, session, others):
    for o in others:
        gap = abs((o.date - date).days)
        if gap < P.min_days_between or (session.plyometric and o.plyometric and gap * 24 < P.plyo_min_hours):
            return False
    return True


def light_beside_free_days(profile, plan):
    """Each session its day made light while another day of its week, equally free and spaced
    from every other session of the plan (the weeks before and after too), would keep it full."""
    cal = calendar(profile, CTX)
    frames = {f.start: f for f in cal.frames}
    everyone = sessions(plan)
    out = []
    for w in plan.weeks:
        if w.start_date not in frames:
            continue
        days = {d.date: d for d in day_infos(CTX, profile, frames[w.start_date], cal)}
        for s in w.sessions:
            here = days.get(s.date)
            if here is None or not _made_light(s, here, profile.allow_double_days):
                continue
            others = [o for o in everyone if o is not s]
            free = [d.date for d in days.values() if _equally_free(d, s) and _apart(d.date, s, others)]
            if free:
                out.append((w.index, s.focus.value, f"{s.date:%a %d %b}", f"{free[0]:%a %d %b}"))
    return out


@SAME_RUNNERS
@given(profile=profiles())
def test_a_session_is_never_made_light_while_an_equally_free_day_would_keep_it_full(profile):
    plan = plan_or_none(profile)
    if plan is not None:
        assert light_beside_free_days(profile, plan) == []


def _both_ends(profile, level):
    days = sorted({*profile.available_days, Weekday.mon, Weekday.sun}, key=lambda d: d.index)
    return profile.model_copy(
        update={"available_days": days, "strength_experience": level, "consistent_strength_weeks": 12}
    )


@SETTINGS
@given(profile=profiles(), level=st.sampled_from([Level.intermediate, Level.advanced]))
def test_strength_keeps_a_day_apart_where_sunday_meets_monday(profile, level):
    """Runners free on Sunday and Monday, with the third session due: no two sessions on
    consecutive days, across every week boundary (no-consecutive-strength-days)."""
    plan = plan_or_none(_both_ends(profile, level))
    if plan is None:
        return
    for a, b in itertools.pairwise(sessions(plan)):
        assert (b.date - a.date).days >= P.min_days_between, (a.date, b.date)


def test_walter_lifts_nothing_heavy_on_the_morning_of_his_long_run():
    """cr25a F6: Walter, 72, knee OA, easy Tue, tempo Thu, long run Sun, every day free. Weeks 5-8
    put step-ups, soleus raises and an RDL at RPE 8 on Sunday morning ("lift first, and run later").
    The heavy single-leg session now takes Friday; Sunday holds the core session, its leg work light
    on the long run's day (light-before-key-runs)."""
    walter = load_profile(RUNNERS / "walter_72_knee_oa_long_run_sunday.toml")
    plan = build_plan(walter, CTX)
    assert _grid(plan, range(5, 10)) == [["Tue PC!", "Fri SL!", "Sun Core~"]] * 5
    long_days = {r.date for w in plan.weeks for r in w.runs if r.type == RunType.long}
    assert not [s.date for s in sessions(plan) if s.heavy and s.date in long_days]
    friday = plan.weeks[4].sessions[1]
    said = [r.text for r in friday.reasons]
    assert "A day with no run, so the legs are fresh." in said
    assert "Heavy work, so not on a key run's day (speed work or the long run) nor the day before one." in said


def test_aiko_lifts_on_her_free_monday_not_light_before_her_long_run():
    """cr25a F7: Aiko's plan starts on a Thursday, so week 1 has only Thursday and Saturday. Her
    Saturday core session (the day before a 100-minute long run) stayed there, light, for five
    weeks while Monday (no run, before an easy Tuesday) went unused. From week 2 it takes Monday,
    at full dose."""
    aiko = load_profile(RUNNERS / "aiko_half_mon_thu_sat_starts_thursday.toml")
    plan = build_plan(aiko, CTX)
    assert _grid(plan, range(1, 5)) == [["Thu PC", "Sat Core~"]] + [["Mon Core", "Thu PC"]] * 3
    monday = plan.weeks[1].sessions[0]
    assert "The best day this week, though it follows your long run." in [r.text for r in monday.reasons]
    assert light_beside_free_days(aiko, plan) == []


def test_marco_with_double_days_does_his_single_leg_work_after_intervals_at_full_dose():
    """cr25a F10: Marco allows double days, yet his single-leg sessions sat light on Friday, the day
    before parkrun, in every loading week. Heavy work may follow a speed run by 6 h on a double day,
    and so may a leg session at its full dose: Thursday after the intervals, said in that order."""
    marco = load_profile(RUNNERS / "marco_5k_bands_double_days_parkrun.toml")
    plan = build_plan(marco, CTX)
    thursdays = [
        (s, w)
        for w in plan.weeks
        for s in w.sessions
        if s.focus.value == "single_leg_power" and s.weekday == Weekday.thu and w.start_date < dt.date(2027, 1, 25)
    ]
    assert len(thursdays) >= 2
    for s, w in thursdays:
        assert session_load(s, w) != "light" or w.deload
        assert not any(LIGHT in b.rule_ids for b in s.blocks)
        said = [r.text for r in s.reasons]
        assert "Double day: lift at full dose after the interval session, at least 6 h later." in said
        assert not any("lift first" in t for t in said)
    assert not any("single-leg power sessions fall on a speed day" in w for w in plan.warnings)
