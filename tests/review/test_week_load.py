"""The week's load as the review counts it (coach read 18): a session logged without
minutes counts the plan's minutes for it (two sessions once added "strength 0"), and the
acute:chronic ratio waits for the diary to hold the weeks it compares against (it read 4-5
in a runner's second week), shown once."""

from __future__ import annotations

import datetime as dt

from runstrong.core.diary import SessionLog, SetLog
from runstrong.core.review.measure import week_metrics
from runstrong.core.review.metrics import DiaryWindow
from runstrong.io.review_text import headline

from .helpers import LIBRARY, MAYA, REGISTRY, plan_of

DAY = dt.timedelta(days=1)


def _logged(session, minutes=None, rpe=6.0):  # type: ignore[no-untyped-def]
    block = session.blocks[0]
    sets = [SetLog(exercise_id=block.exercise_id, set_number=1, reps=8)]
    return SessionLog(date=session.date, minutes=minutes, session_rpe=rpe, sets=sets)


def test_sessions_logged_without_minutes_count_the_plans_minutes_and_say_so():
    plan = plan_of(MAYA)
    week = next(w for w in plan.weeks if len(w.sessions) >= 2)
    a, b = week.sessions[:2]
    diary = DiaryWindow(sessions=(_logged(a), _logged(b, minutes=30)))
    m = week_metrics(plan, diary, week.start_date, LIBRARY, REGISTRY)
    assert m.strength_load == 6.0 * a.estimated_minutes + 6.0 * 30
    assert m.sessions_minutes_from_plan == 1
    assert "1 session(s) without minutes: the plan's used" in headline(m)[1]


def test_the_acute_chronic_ratio_waits_for_the_weeks_it_compares_against_and_is_said_once():
    plan = plan_of(MAYA)
    weeks = [w for w in plan.weeks if w.sessions]
    diary = DiaryWindow(sessions=tuple(_logged(w.sessions[0], minutes=30) for w in weeks[:6]))
    second = week_metrics(plan, diary, weeks[1].start_date, LIBRARY, REGISTRY)
    assert second.acwr is None  # one week of diary behind it, not four
    fifth = week_metrics(plan, diary, weeks[4].start_date, LIBRARY, REGISTRY)
    assert fifth.acwr is not None
    assert not any("acute:chronic" in line.lower() for line in headline(fifth))  # said under Guidance only


def test_the_weeks_run_distance_is_said_to_one_decimal_like_every_other_value():
    """An imported distance (72.71 km, to the metre) reads as 72.7 km in the headline."""
    from runstrong.core.diary import RunLog

    plan = plan_of(MAYA)
    week = plan.weeks[0]
    runs = (RunLog(date=week.start_date, type="long", minutes=382, distance_km=72.713),)
    m = week_metrics(plan, DiaryWindow(runs=runs), week.start_date, LIBRARY, REGISTRY)
    line = next(x for x in headline(m) if x.startswith("Runs"))
    assert "72.7 km" in line and "72.71" not in line
