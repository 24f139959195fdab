"""Placement across the week boundary (consistent-rhythm, S34): a session on a week's last
days can close next week's first training day, and a week never buys a day with next
week's session (cr19a F2: one third session on a long-run Sunday took the ultra runner's
Monday for fourteen weeks, and his race week's session with it)."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from runstrong.core.model import AthleteProfile, Level, Phase, RunType, Weekday
from runstrong.core.phases import holds_for_taper, lay_out_weeks
from runstrong.core.planner import build_plan
from runstrong.core.week_days import calendar, day_infos
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile

from .strategies import profiles
from .test_plan_safety import SAME_RUNNERS, SETTINGS, plan_or_none

RUNNERS = Path(__file__).parent / "runners"
CTX = load_context()
P = CTX.params


def _open_days(profile, frame):
    """The days of the week a session may go on by the hard rules (a plain session: nothing heavy, no hops)."""
    return [
        d.date
        for d in day_infos(CTX, profile, frame, calendar(profile, CTX))
        if d.available and d.strength_ok and not d.recovering
    ]


def _fits(days, count, before):
    """Whether `count` sessions fit on `days`, a day apart from each other and from the sessions `before`."""
    gap = P.min_days_between
    for combo in itertools.combinations(days, count):
        spaced = all((b - a).days >= gap for a, b in itertools.pairwise(combo))
        if spaced and all(abs((c - x).days) >= gap for c in combo for x in before):
            return True
    return False


def bought_with_next_weeks_session(profile, plan):
    """Each week that left the next one short of a session only through its own sessions on its
    last days, when it could have done without them: by dropping them and still holding the
    foundation's count (it had more), or by holding as many on its other open days."""
    frames = {f.index: f for f in lay_out_weeks(profile, P)}
    weeks = {w.index: w for w in plan.weeks}
    out = []
    for n, week in weeks.items():
        after = weeks.get(n + 1)
        ask = _asked(frames[n + 1], [weeks[k] for k in sorted(weeks) if k <= n]) if after is not None else 0
        if after is None or len(after.sessions) >= ask:
            continue
        open_after = _open_days(profile, frames[n + 1])
        mine = [s.date for s in week.sessions]
        closing = [d for d in mine if open_after and (open_after[0] - d).days < P.min_days_between]
        rest = [d for d in mine if d not in closing]
        if not closing or _fits(open_after, ask, mine) or not _fits(open_after, ask, rest):
            continue  # no session of this week is why the next one is short
        before = [s.date for s in weeks[n - 1].sessions] if n - 1 in weeks else []
        elsewhere = [d for d in _open_days(profile, frames[n]) if d not in closing]
        dropped = frames[n].sessions > P.foundation_sessions and len(rest) >= P.foundation_sessions
        if dropped or _fits(elsewhere, len(mine), before):
            out.append((n, [f"{d:%a %d %b}" for d in closing], f"week {n + 1}: {len(after.sessions)} of {ask}"))
    return out


def _asked(frame, before):
    """The sessions a week asks for: a taper week keeps those the loading weeks before it held
    (`cut_weeks.taper_held`: a third session they never placed does not first appear in it)."""
    if frame.phase != Phase.taper:
        return frame.sessions
    held = [len(w.sessions) for w in before if holds_for_taper(w.phase, w.deload)]
    return min(frame.sessions, max(held)) if held else frame.sessions


def _both_ends(profile):
    """The runner with Monday and Sunday among their training days, where weeks meet."""
    days = sorted({*profile.available_days, Weekday.mon, Weekday.sun}, key=lambda d: d.index)
    return profile.model_copy(update={"available_days": days})


@SAME_RUNNERS
@given(profile=profiles())
def test_a_week_never_buys_a_day_with_the_next_weeks_session(profile):
    plan = plan_or_none(profile)
    if plan is not None:
        assert not bought_with_next_weeks_session(profile, plan)


@SETTINGS
@given(profile=profiles().map(_both_ends), level=st.sampled_from([Level.intermediate, Level.advanced]))
def test_a_week_never_buys_a_day_with_the_next_weeks_session_where_sunday_meets_monday(profile, level):
    """The same, for runners free on both days where the weeks meet, with the third session due."""
    runner = profile.model_copy(update={"strength_experience": level, "consistent_strength_weeks": 12})
    plan = plan_or_none(runner)
    if plan is not None:
        assert not bought_with_next_weeks_session(runner, plan)


def test_the_ultra_runner_keeps_monday_and_thursday_and_his_race_weeks_session():
    """Marco (cr19a R4): free Mon, Thu and Sun, long runs Saturday 210' and Sunday 120'. A
    third session on Sunday would close every later Monday: he keeps Monday and Thursday,
    lifts on neither long run, and race week keeps its Monday session."""
    profile = load_profile(RUNNERS / "ultra_weekend_long_runs_mon_thu_sun.toml")
    plan = build_plan(profile, CTX)
    assert not bought_with_next_weeks_session(profile, plan)
    long_days = {r.date for w in plan.weeks for r in w.runs if r.type == RunType.long}
    race_day = profile.race.date
    before_race = [w for w in plan.weeks if w.start_date <= race_day - dt.timedelta(days=7)]
    for week in before_race:
        assert [s.weekday.value for s in week.sessions] == ["mon", "thu"], week.index
        assert not {s.date for s in week.sessions} & long_days
    race_week = next(w for w in plan.weeks if w.start_date <= race_day <= w.start_date + dt.timedelta(days=6))
    assert [s.weekday.value for s in race_week.sessions] == ["mon"]
    said = [r.text for w in plan.weeks for r in w.reasons if r.rule_id == "consistent-rhythm"]
    assert any("would then take next week's Mon" in t for t in said)


def test_a_build_week_before_a_taper_that_holds_its_two_sessions_has_bought_nothing():
    """The dev draw that failed on main (cr25a's open properties): free Mon, Wed, Fri and Sun, no runs, a 5K on
    Mon 1 Feb. Build week 3 places two sessions, Wed and Sun (last week's Sunday closes its Monday, and a
    Sunday third session would close the taper's). The taper then holds two (taper: frequency kept, none
    started), so the Sunday took nothing from it: the taper's Wednesday and Friday are what it asks."""
    runner = AthleteProfile.model_validate_json((RUNNERS / "both_ends_build_two_before_a_held_taper.json").read_text())
    plan = build_plan(runner, CTX)
    assert not bought_with_next_weeks_session(runner, plan)
    build, taper = plan.weeks[2], plan.weeks[3]
    assert (build.phase, taper.phase) == (Phase.build, Phase.taper)
    assert [f"{s.date:%a}" for s in taper.sessions] == ["Wed", "Fri"]
    assert any("keeps the 2 sessions a week your loading weeks held" in r.text for r in taper.reasons)
