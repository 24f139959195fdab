"""Reviewing a week and accepting it: the review worked out and stored in one write
transaction, so the plan it replaces cannot change between reading and writing. The new
plan keeps every lived day as it was planned (see `lived`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from runstrong.core.context import PlanningContext
from runstrong.core.review import RealLife
from runstrong.store import changes, repo
from runstrong.store.db import Store
from runstrong.store.reviewing import ReviewOutcome, prepare_review
from runstrong.store.reviews import store_review
from runstrong.store.roster import review_mode

from . import base, lived


@dataclass(frozen=True)
class Accepted:
    outcome: ReviewOutcome
    stored: repo.StoredPlan
    version: int


WAITS_FOR_COACH = (
    "your coach reviews your weeks: this week's review waits in their queue, and their decision "
    "(with any note) shows on your next session"
)


def accept_review(store: Store, athlete: str | None, week: dt.date | None, clock: base.Clock,
                  ctx: PlanningContext, real_life: RealLife | None = None, *, expected_version: int | None = None,
                  with_trend: bool = True) -> Accepted:  # fmt: skip
    """Review `week` (default: last week) and store the new plan version and the review. An
    athlete whose reviews wait for a coach (review mode) cannot accept their own. `ctx` is
    the data the review and the new plan use (a coach's edited ladders and rulebook too)."""
    with base.change(store, athlete, clock, expected_version=expected_version) as tx:
        tx.context = ctx
        if review_mode(tx.s, tx.athlete.id) == "review":
            raise base.Refused("week", WAITS_FOR_COACH)
        outcome = prepare_review(tx.s, tx.athlete.name, week, clock.today, ctx, real_life, with_trend=with_trend)
        assert outcome.plan is not None and outcome.profile is not None
        old = repo.latest_plan(tx.s, tx.athlete.id)
        assert old is not None
        first = lived.first_unlived_day(tx.s, tx.athlete.id, clock.today)
        outcome = replace(outcome, plan=lived.keep_lived_days(old[1], outcome.plan, first))
        tx.watch(changes.plan_scopes(tx.athlete.id))
        stored = repo.store_plan(tx.s, outcome.profile, outcome.plan, clock.now)
        store_review(tx.s, tx.athlete.id, outcome.review, outcome.plan_version, stored.plan_version, clock.now)
        tx.record(
            "review", f"accepted the review of the week of {outcome.review.week_start}: plan v{stored.plan_version}"
        )
        return Accepted(outcome, stored, tx.version)
