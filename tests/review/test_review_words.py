"""The review's small words (coach read 18): a missed week once "did not count toward the
third session" when the third session was already there, the plan said the third-session
wait twice (its own words and the review's count), and a deload week was flagged for days
that were much alike, which a deload's are meant to be."""

from __future__ import annotations

import dataclasses
import re

from hypothesis import assume, given

from runstrong.core.diary import RunLog
from runstrong.core.model import Level
from runstrong.core.vocab import RunType

from .helpers import LIBRARY, MAYA, REGISTRY, SETTINGS, any_profile, knobs, pick_week, picks, plan_of, seeds
from .scenarios import (
    DAY,
    done_as_planned,
    first_three_session_week,
    noisy_week,
    reviewed_and_applied,
    unlock_profile,
    week_end,
    week_of,
)

# a week named from where the review stood: pasted into the week it changes, it points a week off
REVIEWS_OWN_WEEK = re.compile(r"(?<!the )\b(next week|this week|this dose)\b", re.IGNORECASE)


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


def _review_words_in_the_week_they_change(plan, profile, week, diary) -> tuple[list[str], list[str]]:
    """The review's decisions that name a week, and the notes of the week it changes."""
    review, _, new_plan = reviewed_and_applied(plan, profile, diary, week, LIBRARY, REGISTRY)
    changed = week_of(new_plan, review.next_week_start)
    notes = [r.text for r in changed.reasons] if changed is not None else []
    return [d.text for d in review.decisions if REVIEWS_OWN_WEEK.search(d.text)], notes


def test_a_missed_weeks_review_speaks_of_last_week_inside_the_week_it_changes():
    """Dale's week 3 listed, as its own notes, "Posterior chain: hold next week at this week's
    dose" and "1 of 2 sessions done: this week does not count toward the third session": the
    review's words about week 2 and week 3, pasted into week 3 (cr21a P2). A week mostly missed
    says the same kind of thing ("repeat this dose", "this week does not count"): inside the
    week it changes, the week missed is last week."""
    profile = unlock_profile(Level.intermediate, MAYA.start_date)
    plan = plan_of(profile)
    first_build = next(w for w in plan.weeks if len(w.sessions) >= 3)
    week = next(w for w in plan.weeks if w.index == first_build.index - 1)
    diary = done_as_planned(plan, week_end(week), skip=[s.date for s in week.sessions[1:]])
    said, notes = _review_words_in_the_week_they_change(plan, profile, week, diary)
    assert said, "the review names weeks"
    assert not [n for n in notes if _says_next_week_of_itself(n)], notes
    assert not set(said) & set(notes), "a review's words pasted as they were"
    assert [n for n in notes if "last week" in n.lower()], notes


# "next week" said of the week a note is printed in; "the next week" and a day of the week after
# ("would then take next week's Monday", a placement note written from its own week) are not
_OF_ITSELF = re.compile(r"(?<!the )\bnext week\b(?!'s (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)", re.IGNORECASE)


def _says_next_week_of_itself(note: str) -> bool:
    return _OF_ITSELF.search(note) is not None


def test_a_placement_note_naming_next_weeks_monday_is_not_next_week_said_of_itself():
    assert not _says_next_week_of_itself("another would then take next week's Monday (sessions keep a day apart)")
    assert _says_next_week_of_itself("Next week the load rises a step.")
    assert _says_next_week_of_itself("next week's sessions are cut by a third")


@SETTINGS
@given(profile=any_profile, pick=picks, seed=seeds, k=knobs())
def test_a_reviews_words_name_the_weeks_from_the_week_they_are_shown_in(profile, pick, seed, k):
    """Over generated runners and diaries: inside the week a review changes (its notes, which
    every format prints), no note says "next week" of itself, and no decision that names a week
    from where the review stood ("this week", "this dose", "next week") is pasted as it was."""
    plan = plan_of(profile)
    assume(plan is not None)
    week = pick_week(plan, pick, min_index=1)
    said, notes = _review_words_in_the_week_they_change(plan, profile, week, noisy_week(plan, week, k, seed))
    assert not [n for n in notes if _says_next_week_of_itself(n)], notes
    assert not set(said) & set(notes), sorted(set(said) & set(notes))


def test_the_plan_says_the_third_session_starts_once_after_a_review_unlocks_it():
    """Dale's week 3 said "9 consistent weeks behind you (5 needed ...): a third, single-leg power
    session" and, from the review, "9 consistent weeks behind you: the third, single-leg power
    session starts next week": the plan says it in its own words, as it does the count before it."""
    profile = unlock_profile(Level.intermediate, MAYA.start_date)
    plan = plan_of(profile)
    first_build = next(w for w in plan.weeks if len(w.sessions) >= 3)
    week = next(w for w in plan.weeks if w.index == first_build.index - 1)
    review, _, new_plan = reviewed_and_applied(plan, profile, done_as_planned(plan, week_end(week)), week, LIBRARY,
                                               REGISTRY)  # fmt: skip
    assert any(d.action == "unlock" for d in review.decisions)
    after = week_of(new_plan, first_build.start_date)
    said = [r.text for r in after.reasons if "consistent weeks behind you" in r.text]
    assert len(said) == 1, said
