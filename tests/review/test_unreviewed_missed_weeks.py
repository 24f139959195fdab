"""A week of flu that no review saw does not count toward the third session (cr24a F1).

Rui, a 95 kg run-walk novice, logged weeks 1-3, nothing in weeks 4-5 (flu), skipped the review of
week 4 and reviewed week 5 as ill. The review of week 6 said "5 consistent weeks so far" (he had
done 4), and week 8 brought the third session, his first pogo hops and three new lifts two weeks
after coming back. The count toward the third session (S15) reads the diary's earlier weeks too.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import assume, given
from hypothesis import strategies as st

from runstrong.core.model import Level
from runstrong.core.params import params_from_registry
from runstrong.core.review_metrics import DiaryWindow

from .helpers import LIBRARY, REGISTRY, SETTINGS, plan_of
from .scenarios import DAY, done_as_planned, reviewed_and_applied, unlock_profile, week_of

START = dt.date(2027, 1, 4)


def _missed_then_back(level: Level, missed: list[int], reviewed: int, weeks: int = 14):  # type: ignore[no-untyped-def]
    """A plan, a diary with weeks `missed` (1-based) left empty, and the review of week `reviewed`."""
    profile = unlock_profile(level, START, weeks)
    plan = plan_of(profile)
    assert plan is not None
    until = START + (7 * reviewed - 1) * DAY
    skip = [s.date for w in plan.weeks if w.index in missed for s in w.sessions]
    diary = done_as_planned(plan, until, skip=skip)
    week = week_of(plan, START + 7 * (reviewed - 1) * DAY)
    assert week is not None
    return profile, plan, diary, week


def test_a_missed_week_no_review_saw_does_not_count_toward_the_third_session() -> None:
    profile, plan, diary, week = _missed_then_back(Level.novice, missed=[4, 5], reviewed=6)
    review, new_profile, _ = reviewed_and_applied(plan, profile, diary, week, LIBRARY, REGISTRY)
    marked = {a.week_start for a in review.adjustments if not a.consistent}
    assert START + 21 * DAY in marked and START + 28 * DAY in marked  # weeks 4 and 5, neither reviewed
    said = [d.text for d in review.decisions if "review-missed-sessions" in d.rule_ids]
    assert any("Mon 25 Jan" in t and "was not reviewed" in t for t in said), said
    counted = [d.text for d in review.decisions if "third-session-after-consistency" in d.rule_ids]
    assert all("5 so far" not in t for t in counted), counted
    assert {a.week_start for a in new_profile.adjustments if not a.consistent} >= marked


def test_a_week_the_diary_shows_done_or_before_the_diary_began_is_not_marked() -> None:
    profile, plan, diary, week = _missed_then_back(Level.novice, missed=[], reviewed=4)
    review, _, _ = reviewed_and_applied(plan, profile, diary, week, LIBRARY, REGISTRY)
    assert all(a.consistent for a in review.adjustments)
    # a runner who began logging in week 3 has not missed weeks 1 and 2
    late = done_as_planned(plan, week.start_date + 6 * DAY, since=START + 14 * DAY)
    review, _, _ = reviewed_and_applied(plan, profile, late, week, LIBRARY, REGISTRY)
    assert all(a.consistent for a in review.adjustments)


@SETTINGS
@given(
    level=st.sampled_from(list(Level)),
    missed=st.lists(st.integers(2, 6), min_size=1, max_size=3, unique=True),
    data=st.data(),
)
def test_the_third_session_never_comes_before_its_consistent_weeks_whatever_was_reviewed(level, missed, data):
    """A runner logs each week of the plan she is on (nothing in the `missed` weeks) and reviews
    some weeks and skips others at random; a missed week's review is skipped (in bed) unless it
    is the week before the plan's next three-session week, the review that unlocks it or holds
    it back (Rui reviewed that week as ill). The third session starts no earlier than the weeks
    the diary shows done allow."""
    profile = unlock_profile(level, START, 14)
    plan = plan_of(profile)
    assume(plan is not None)
    unlock = params_from_registry(REGISTRY).third_session_weeks[level]
    diary = DiaryWindow()
    for index in range(1, unlock + len(missed) + 3):
        week = week_of(plan, START + 7 * (index - 1) * DAY)
        if week is None:
            break
        if index not in missed:
            done = done_as_planned(plan, week.start_date + 6 * DAY, since=week.start_date, seed=index)
            diary = DiaryWindow(sessions=diary.sessions + done.sessions, runs=diary.runs + done.runs)
        third = next((w.index for w in plan.weeks if len(w.sessions) >= 3), None)
        due = third == index + 1
        if not due and (index in missed or not data.draw(st.booleans(), label=f"review week {index}")):
            continue
        _, profile, plan = reviewed_and_applied(plan, profile, diary, week, LIBRARY, REGISTRY)
    first = next((w for w in plan.weeks if len(w.sessions) >= 3), None)
    assume(first is not None)
    done_before = sum(1 for w in plan.weeks if w.index < first.index and w.index not in missed)
    assert done_before >= unlock, (first.index, missed, unlock)
