"""A chunk of athletes' weekly reviews, read in a handful of statements (a coach's `review
--all`): the athletes with their current plan and profile in one, the diary windows in one per
kind of entry, the last logged sets in one, instead of about fourteen round trips an athlete.
What is computed from the rows is `store.reviewing`'s own steps, so each outcome is the one
`prepare_review` gives for that athlete alone (a test compares them on SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from runstrong.core.context import PlanningContext
from runstrong.core.model import AthleteProfile
from runstrong.errors import UserError

from . import repo
from .diary_window import load_diaries
from .logged_loads import logged_sets_of, with_sets
from .reviewing import ReviewOutcome, current_rows, diary_span, no_plan, review_only, week_to_review, with_new_plan


@dataclass(frozen=True)
class Reviewed:
    """One athlete's review, or why it could not be made, and the diary version it was read at."""

    name: str
    outcome: ReviewOutcome | None
    error: UserError | None
    diary_version: int


def prepare_reviews(
    s: Session,
    names: list[str],
    week_start: dt.date | None,
    today: dt.date,
    ctx: PlanningContext,
    *,
    with_trend: bool = True,
) -> list[Reviewed]:
    """Each named athlete's review of `week_start` (None: each one's default week) with the
    new plan version (and, with `with_trend`, the weeks before it), as `prepare_review`
    works them out, in the order given."""
    current = current_rows(s, names)
    ready: dict[int, tuple] = {}
    failed: dict[str, UserError] = {}
    for name in names:
        c = current.get(name)
        try:
            if c is None:  # gone since the names were listed
                raise UserError(f"athlete: no athlete {name!r} in the diary any more")
            if c.plan_text is None or c.profile_text is None:
                raise no_plan(name)
            plan, profile = repo.parse_plan(c.plan_text), AthleteProfile.model_validate_json(c.profile_text)
            ready[c.info.id] = (c, plan, profile, week_to_review(plan, profile, week_start, today, None))
        except UserError as err:
            failed[name] = err
    diaries = load_diaries(s, {i: diary_span(r[3], ctx, with_trend) for i, r in ready.items()})
    reviews = {
        i: review_only(c.info, c.info.plan_version or 0, plan, profile, diaries[i], week, today, ctx, None, with_trend)
        for i, (c, plan, profile, week) in ready.items()
    }
    logged = logged_sets_of(s, {i: r.review.next_week_start for i, r in reviews.items()}, ctx.registry.params)
    out = []
    for name in names:
        c = current.get(name)
        if c is None or name in failed:
            out.append(Reviewed(name, None, failed[name], c.diary_version if c else 0))
            continue
        _, plan, profile, _ = ready[c.info.id]
        outcome = with_new_plan(reviews[c.info.id], plan, with_sets(profile, logged[c.info.id]), ctx)
        out.append(Reviewed(name, outcome, None, c.diary_version))
    return out
