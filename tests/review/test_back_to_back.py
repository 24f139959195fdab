"""The review flags strength logged on consecutive days (no-consecutive-strength-days): the
plan never places it, but a session done a day late can land next to the next one."""

from __future__ import annotations

import dataclasses

from runstrong.core.review.week import review_week

from .helpers import CTX, MAYA, plan_of
from .scenarios import CALM, DAY, done_as_planned, week_end


def _moved(diary, day, to):  # type: ignore[no-untyped-def]
    sessions = tuple(s.model_copy(update={"date": to}) if s.date == day else s for s in diary.sessions)
    return dataclasses.replace(diary, sessions=tuple(sorted(sessions, key=lambda s: s.date)))


def test_a_session_done_the_day_before_the_next_one_is_flagged_by_the_review():
    plan = plan_of(MAYA)
    week = plan.weeks[1]
    first, second = sorted(s.date for s in week.sessions)[:2]
    assert (second - first).days > 2
    diary = done_as_planned(plan, week_end(week), wellness=CALM)
    calm = review_week(plan, MAYA, diary, week.start_date, ctx=CTX)
    assert not [f for f in calm.flags if f.rule_id == "no-consecutive-strength-days"]

    late = _moved(diary, first, second - DAY)
    review = review_week(plan, MAYA, late, week.start_date, ctx=CTX)
    (flag,) = [f for f in review.flags if f.rule_id == "no-consecutive-strength-days"]
    assert flag.kind == "strength-days" and f"{second - DAY:%a %d} and {second:%a %d %b}" in flag.text
