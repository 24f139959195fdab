"""The review queue's flows on SQLite and PostgreSQL: a coach's decision with a swap is one
change (the plan, the review, the queue row, the audit row) that a retry does not repeat;
undone by a coach, the review waits again; an athlete's undo never reverts their coach."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

NAME = "Maya (marathon)"
LATER = dt.date(2027, 1, 12)  # Tuesday of week 2: week 1's review is the one waiting


@pytest.fixture
def later():
    from runstrong.flows.base import Clock

    return Clock(dt.datetime(2027, 1, 12, 18, 0), LATER)


@pytest.fixture
def ctx():
    from runstrong.io.data_files import load_context

    return load_context()


def _waiting(store) -> dt.date | None:  # type: ignore[no-untyped-def]
    from runstrong.store import repo, roster

    with store.read() as s:
        return roster.waiting_week(s, repo.find_athlete(s, NAME).id, LATER)


def _count(store, table) -> int:  # type: ignore[no-untyped-def]
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(table)) or 0


def test_a_coachs_swap_is_one_change_that_a_retry_does_not_repeat_and_an_undo_takes_back(store, later, ctx) -> None:
    from runstrong.flows.review_queue import Edits, decide, queue_item, set_mode
    from runstrong.flows.undo import undo
    from runstrong.store.actor import ACTOR
    from runstrong.store.tables import AuditRow, PlanRow, ReviewQueueRow

    set_mode(store, NAME, "review", "admin", later.now)
    item = queue_item(store, NAME, later, ctx)
    week = item.outcome.review.week_start
    assert _waiting(store) == week and item.state is None and item.choices
    choice = item.choices[0]
    edits = Edits(swaps=((choice.exercise_id, choice.options[0][0]),))
    plans = _count(store, PlanRow)
    token = ACTOR.set("sam")
    try:
        first = decide(store, NAME, None, "accept", later, ctx, actor="sam", edits=edits, expected_version=item.version)
        again = decide(store, NAME, None, "accept", later, ctx, actor="sam", edits=edits, expected_version=item.version)
        assert (again.plan_version, again.version) == (first.plan_version, first.version)  # answered as done
        assert _count(store, PlanRow) == plans + 1 and _count(store, AuditRow) == 2  # the mode, then one accept
        assert _waiting(store) is None
        undone = undo(store, NAME, later)
    finally:
        ACTOR.reset(token)
    assert undone.kind == "review" and _count(store, PlanRow) == plans and _waiting(store) == week
    state = queue_item(store, NAME, later, ctx).state
    assert state is not None and (state.status, state.by) == ("undone", "sam")
    with store.read() as s:
        assert s.scalar(select(ReviewQueueRow.note)) is None
        assert list(s.scalars(select(AuditRow.action).order_by(AuditRow.id))) == [
            "review.mode", "review.accept", "review.undo"]  # fmt: skip
    rejected = decide(store, NAME, None, "reject", later, ctx, actor="sam")
    assert rejected.plan_version is None and _waiting(store) is None


def test_an_athletes_undo_does_not_revert_their_coachs_decision(store, later, ctx) -> None:
    from runstrong.flows.accounts import add_user
    from runstrong.flows.base import Refused
    from runstrong.flows.review_queue import decide, set_mode
    from runstrong.flows.undo import undo
    from runstrong.store.actor import ACTOR
    from runstrong.store.tables import PlanRow

    add_user(store, "maya", "correct horse battery", "athlete", NAME, "admin", later.now)
    set_mode(store, NAME, "review", "admin", later.now)
    decide(store, NAME, None, "accept", later, ctx, actor="sam")
    plans = _count(store, PlanRow)
    token = ACTOR.set("maya")
    try:
        with pytest.raises(Refused, match="only a coach takes it back"):
            undo(store, NAME, later)
    finally:
        ACTOR.reset(token)
    assert _count(store, PlanRow) == plans and _waiting(store) is None


def test_every_swap_the_queue_offers_lands_in_the_plan_in_place_of_its_lift(store, later, ctx) -> None:
    """The choices are the runner's own swap rule: each one the page offers, accepted, is in
    the next plan instead of the lift (never "the planner could not put it in place")."""
    from runstrong.core.review import apply_review
    from runstrong.core.swap import sessions_with
    from runstrong.flows.review_queue import _with_coach_swaps, queue_item
    from runstrong.store import repo

    item = queue_item(store, NAME, later, ctx)
    review, since = item.outcome.review, item.outcome.review.next_week_start
    with store.read() as s:
        info = repo.find_athlete(s, NAME)
        _, old = repo.latest_plan(s, info.id)
        profile = repo.latest_profile(s, info.id)
    pairs = [(c.exercise_id, option) for c in item.choices for option, _ in c.options]
    assert len(pairs) >= len(item.choices) >= 4, pairs
    for lift, option in pairs:
        edited = _with_coach_swaps(review, item.outcome.profile, item.outcome.plan, ((lift, option),), ctx, "sam")
        _, plan = apply_review(old, profile, edited, ctx=ctx)
        assert sessions_with(plan, option, since), f"{option} offered for {lift} is not in the plan"
        assert not sessions_with(plan, lift, since), f"{lift} is still in the plan after swapping it for {option}"
