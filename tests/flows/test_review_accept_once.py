"""Accepting a review shown first (the CLI's review, a coach's `review --all --accept`) takes
the review worked out in the read, unless the diary changed since: then the week is
reviewed again inside the write, as the diary is now."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt

from runstrong.core.diary import Wellness
from runstrong.flows.review import Prepared, accept_review
from runstrong.io.data_files import load_context
from runstrong.store import repo
from runstrong.store.changes import current_version
from runstrong.store.reviewing import prepare_review
from runstrong.store.roster_flags import diary_stamp

NAME = "Maya (marathon)"


def _prepared(store, clock) -> tuple[Prepared, int]:
    with store.read() as s:
        outcome = prepare_review(s, NAME, None, clock.today, load_context())
        return Prepared(outcome, diary_stamp(s, outcome.athlete.id)), current_version(s, outcome.athlete.id)


def test_an_unchanged_diary_accepts_the_review_worked_out_before(store, clock) -> None:
    prepared, seen = _prepared(store, clock)
    accepted = accept_review(store, NAME, prepared.outcome.review.week_start, clock, load_context(),
                             expected_version=seen, prepared=prepared)  # fmt: skip
    assert accepted.outcome.review is prepared.outcome.review  # not worked out a second time
    assert accepted.stored.new_plan
    with store.read() as s:
        assert repo.latest_plan(s, prepared.outcome.athlete.id)[1] == accepted.outcome.plan  # type: ignore[index]


def test_a_diary_written_since_the_read_is_reviewed_again_as_it_is_now(store, clock) -> None:
    prepared, seen = _prepared(store, clock)
    with store.write() as s:  # a write outside the flows: the diary version stays, its rows do not
        repo.save_wellness(s, prepared.outcome.athlete.id, Wellness(date=clock.today - dt.timedelta(days=1),
                                                                    sleep_hours=4.0, soreness=1, energy=1))  # fmt: skip
    accepted = accept_review(store, NAME, prepared.outcome.review.week_start, clock, load_context(),
                             expected_version=seen, prepared=prepared)  # fmt: skip
    with store.read() as s:
        now = prepare_review(s, NAME, None, clock.today, load_context())
    assert accepted.outcome.review is not prepared.outcome.review
    assert accepted.outcome.review == now.review != prepared.outcome.review


def test_another_athletes_prepared_review_is_never_taken(store, clock) -> None:
    prepared, seen = _prepared(store, clock)
    other = prepared.outcome.athlete.model_copy(update={"id": prepared.outcome.athlete.id + 1})
    stranger = Prepared(dataclasses.replace(prepared.outcome, athlete=other), prepared.stamp)
    accepted = accept_review(store, NAME, prepared.outcome.review.week_start, clock, load_context(),
                             expected_version=seen, prepared=stranger)  # fmt: skip
    assert accepted.outcome.review is not prepared.outcome.review


def test_accepting_the_same_review_again_decides_the_same_and_writes_nothing(store, clock) -> None:
    """Accept twice = accept once: the week is judged against the state before its first
    accept (not the ladders and holds that accept stored), and an hour later the same
    command writes no plan version, no review row and no change."""
    from runstrong.flows.base import Clock, Refused, diary_version
    from runstrong.flows.log_session import LogInput, log_session
    from tests.flows.helpers import content

    for day in range(5):  # the week lived as planned, so the review has something to decide
        with contextlib.suppress(Refused):  # no session planned that day
            log_session(store, NAME, LogInput(day=clock.today - dt.timedelta(days=day), as_planned=True), clock)
    first = accept_review(store, NAME, None, clock, load_context())
    before, version = content(store), diary_version(store, NAME)
    later = Clock(clock.now + dt.timedelta(hours=1), clock.today)
    again = accept_review(store, NAME, None, later, load_context())
    assert again.outcome.review.decisions == first.outcome.review.decisions
    assert not again.stored.new_plan and again.stored.plan_version == first.stored.plan_version
    assert (content(store), diary_version(store, NAME)) == (before, version)


def test_an_older_weeks_review_is_refused_once_a_later_week_was_accepted(store, clock) -> None:
    """A review three weeks old would replace the later reviews' decisions: refused, naming
    the later review, nothing written; the words of what changed since are true."""
    import pytest

    from runstrong.flows.base import Clock, Refused, diary_version
    from runstrong.flows.review import changed_since
    from tests.flows.helpers import content

    def on(days: int) -> Clock:
        return Clock(clock.now + dt.timedelta(days=days), clock.today + dt.timedelta(days=days))

    first = accept_review(store, NAME, None, on(3), load_context())  # Monday after week 1
    with store.read() as s:
        outcome = prepare_review(s, NAME, first.outcome.review.week_start, on(3).today, load_context())
        assert changed_since(s, outcome) == "nothing in the diary or the rulebook has changed since"
    second = accept_review(store, NAME, None, on(10), load_context())  # the Monday after week 2
    before, version = content(store), diary_version(store, NAME)
    with pytest.raises(Refused) as err:
        accept_review(store, NAME, first.outcome.review.week_start, on(24), load_context())
    assert err.value.field == "week"
    assert f"the week of {second.outcome.review.week_start} was accepted since" in err.value.message
    assert f"plan version {second.stored.plan_version}" in err.value.message
    assert (content(store), diary_version(store, NAME)) == (before, version)
