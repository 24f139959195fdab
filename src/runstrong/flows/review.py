"""Reviewing a week and accepting it: the review worked out and stored in one write
transaction, so the plan it replaces cannot change between reading and writing. The new
plan keeps every lived day as it was planned (see `lived`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from runstrong.core.context import PlanningContext
from runstrong.core.review import RealLife
from runstrong.store import changes, repo, roster_flags
from runstrong.store.db import Store
from runstrong.store.reviewing import ReviewOutcome, prepare_review
from runstrong.store.reviews import accepted_review, accepted_version, later_accepted, store_review, stores_nothing
from runstrong.store.roster import review_mode

from . import base, lived


@dataclass(frozen=True)
class Prepared:
    """A review worked out in a read before the write (to show it first, or a batch's), and
    the diary's stamp then (`store.roster_flags.diary_stamp`): the write reuses it only when
    the diary is still as it was read, so accepting reviews the week once, not twice."""

    outcome: ReviewOutcome
    stamp: str


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
                  with_trend: bool = True, prepared: Prepared | None = None) -> Accepted:  # fmt: skip
    """Review `week` (default: last week) and store the new plan version and the review. An
    athlete whose reviews wait for a coach (review mode) cannot accept their own. `ctx` is
    the data the review and the new plan use (a coach's edited ladders and rulebook too);
    `prepared`, the same review worked out before with the same `ctx` and day, saves working it
    out again when the diary has not changed since."""
    with base.change(store, athlete, clock, expected_version=expected_version) as tx:
        tx.context = ctx
        if review_mode(tx.s, tx.athlete.id) == "review":
            raise base.Refused("week", WAITS_FOR_COACH)
        outcome = still_current(tx.s, tx.athlete.id, prepared) or prepare_review(
            tx.s, tx.athlete.name, week, clock.today, ctx, real_life, with_trend=with_trend
        )
        later = later_accepted(tx.s, tx.athlete.id, outcome.review.week_start)
        if later is not None:
            raise base.Refused("week", f"{superseded(outcome.review.week_start, later)}; nothing was written. "
                                       "Review the latest week instead, or undo the later review first")  # fmt: skip
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


def writes_nothing(s: Session, outcome: ReviewOutcome, today: dt.date) -> bool:
    """Whether accepting `outcome` now would write nothing new: the week's review was accepted
    and the diary has not changed since ("The plan already matched this review")."""
    if outcome.plan is None or outcome.profile is None:
        return False
    old = repo.latest_plan(s, outcome.athlete.id)
    if old is None:
        return False
    plan = lived.keep_lived_days(old[1], outcome.plan, lived.first_unlived_day(s, outcome.athlete.id, today))
    return stores_nothing(s, outcome.athlete.id, outcome.profile, plan)


def superseded(week: dt.date, later: tuple[dt.date, int]) -> str:
    """Why the review of `week` is not accepted now: a later week's review was accepted since."""
    return (
        f"the review of the week of {later[0]} was accepted since (plan version {later[1]}); accepting the older "
        f"week of {week} now would replace its decisions"
    )


def changed_since(s: Session, outcome: ReviewOutcome) -> str | None:
    """What changed since the week's review was accepted, in words (None: it was not, or a
    later week's was, which `superseded` says): the diary of that week (it reads differently
    now), the rulebook or exercise data the plan is made from, the plan since (a swap, a new
    profile), or nothing."""
    athlete_id, week = outcome.athlete.id, outcome.review.week_start
    stored = accepted_review(s, athlete_id, week)
    if stored is None or later_accepted(s, athlete_id, week) is not None:
        return None
    if stored != outcome.review:
        return "the diary of that week has changed since (the review reads differently now)"
    current = repo.latest_plan(s, athlete_id)
    if current is not None and outcome.plan is not None and current[1].data != outcome.plan.data:
        return "the rulebook or the exercise data has changed since"
    if current is not None and current[0] != accepted_version(s, athlete_id, week):
        return f"the plan has changed since (now version {current[0]}: a swap, an edit or a new profile)"
    return "nothing in the diary or the rulebook has changed since"


def still_current(s: Session, athlete_id: int, prepared: Prepared | None) -> ReviewOutcome | None:
    """The prepared review with its new plan, when it is this athlete's and their diary's
    stamp is the one it was worked out at (nothing written since, in a flow or not)."""
    if prepared is None or prepared.outcome.plan is None or prepared.outcome.athlete.id != athlete_id:
        return None
    return prepared.outcome if roster_flags.diary_stamp(s, athlete_id) == prepared.stamp else None
