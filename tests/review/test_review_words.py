"""The review's small words (coach read 18): a missed week once "did not count toward the
third session" when the third session was already there, the plan said the third-session
wait twice (its own words and the review's count), and a deload week was flagged for days
that were much alike, which a deload's are meant to be."""

from __future__ import annotations

import dataclasses

from runstrong.core.diary import RunLog
from runstrong.core.model import Level
from runstrong.core.vocab import RunType

from .helpers import LIBRARY, MAYA, REGISTRY, plan_of
from .scenarios import DAY, done_as_planned, first_three_session_week, reviewed_and_applied, unlock_profile, week_end


def test_a_missed_week_with_the_third_session_already_there_does_not_say_it_counts_toward_it():
    plan = plan_of(MAYA)
    week = first_three_session_week(plan)
    skip = [s.date for s in week.sessions[1:]]
    diary = done_as_planned(plan, week_end(week), skip=skip)
    review, _, _ = reviewed_and_applied(plan, MAYA, diary, week, LIBRARY, REGISTRY)
    missed = [d.text for d in review.decisions if "sessions done:" in d.text]
    assert missed and not any("toward the third session" in t for t in missed), missed
    assert "missed sessions are not made up by doubling up" in missed[0]


def test_the_plan_says_the_third_session_wait_once_after_a_review_counts_the_weeks():
    profile = unlock_profile(Level.intermediate, MAYA.start_date)
    plan = plan_of(profile)
    first_build = next(w for w in plan.weeks if len(w.sessions) >= 3)
    week = next(w for w in plan.weeks if w.index == first_build.index - 1)  # the last week before it, missed
    diary = done_as_planned(plan, week_end(week), skip=[s.date for s in week.sessions])
    review, _, new_plan = reviewed_and_applied(plan, profile, diary, week, LIBRARY, REGISTRY)
    assert any(d.action == "wait" and d.text.startswith("Third session after") for d in review.decisions)
    after = next(w for w in new_plan.weeks if w.start_date == first_build.start_date)
    said = [r.text for r in after.reasons if r.rule_id == "third-session-after-consistency" and "so far" in r.text]
    assert len(said) == 1, said


def _alike_days(week, plan):  # type: ignore[no-untyped-def]
    """The week's sessions done as planned, and runs of much the same load every day."""
    diary = done_as_planned(plan, week_end(week), since=week.start_date, runs=False)
    runs = tuple(
        RunLog(date=week.start_date + k * DAY, type=RunType.easy, minutes=40 if k else 36, rpe=4) for k in range(7)
    )
    return dataclasses.replace(diary, runs=runs)


def test_a_deload_week_is_not_flagged_for_monotony_and_a_loading_week_still_is():
    plan = plan_of(MAYA)
    deload = next(w for w in plan.weeks if w.deload and w.sessions)
    loading = next(w for w in plan.weeks if not w.deload and w.sessions and w.start_date < deload.start_date)
    flagged = {}
    for week in (deload, loading):
        review, _, _ = reviewed_and_applied(plan, MAYA, _alike_days(week, plan), week, LIBRARY, REGISTRY)
        flagged[week.deload] = [f.kind for f in review.flags]
    assert "monotony" not in flagged[True] and "monotony" in flagged[False], flagged
