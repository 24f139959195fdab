"""A chunk of athletes' weekly reviews, read in a handful of statements (a coach's `review
--all`): the athletes with their current plan and profile in one, the diary windows in one per
kind of entry, the last logged sets in one, instead of about fourteen round trips an athlete.
What is computed from the rows is `store.reviewing`'s own steps, so each outcome is the one
`prepare_review` gives for that athlete alone (a test compares them on SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from runstrong.core.context import PlanningContext
from runstrong.core.model import AthleteProfile, Units
from runstrong.errors import UserError

from . import repo
from .diary_window import load_diaries
from .logged_loads import logged_sets_of, with_sets
from .reviewing import ReviewOutcome, diary_span, no_plan, review_only, week_to_review, with_new_plan
from .tables import Athlete, PlanRow, Profile


@dataclass(frozen=True)
class Reviewed:
    """One athlete's review, or why it could not be made, and the diary version it was read at."""

    name: str
    outcome: ReviewOutcome | None
    error: UserError | None
    diary_version: int


@dataclass(frozen=True)
class _Current:
    info: repo.AthleteInfo
    diary_version: int
    plan_text: str | None
    profile_text: str | None


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
    current = _current(s, names)
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


def _current(s: Session, names: list[str]) -> dict[str, _Current]:
    """The named athletes (those still in the diary) with their newest plan and profile rows, in one statement."""
    plans, profiles = aliased(PlanRow), aliased(Profile)
    newest_plan = select(func.max(plans.version)).where(plans.athlete_id == Athlete.id).correlate(Athlete)
    newest_profile = select(func.max(profiles.version)).where(profiles.athlete_id == Athlete.id).correlate(Athlete)
    prof = aliased(Profile)
    columns = (Athlete.id, Athlete.name, Athlete.units, Athlete.diary_version, prof.version, prof.data,
               PlanRow.version, PlanRow.start_date, PlanRow.end_date, PlanRow.data)  # fmt: skip
    rows = s.execute(
        select(*columns)
        .select_from(Athlete)
        .outerjoin(PlanRow, (PlanRow.athlete_id == Athlete.id) & (PlanRow.version == newest_plan.scalar_subquery()))
        .outerjoin(prof, (prof.athlete_id == Athlete.id) & (prof.version == newest_profile.scalar_subquery()))
        .where(Athlete.name.in_(names))
    )
    out = {}
    for r in rows:
        info = repo.AthleteInfo(id=r[0], name=r[1], units=Units(r[2]), profile_version=r[4], plan_version=r[6],
                                plan_start=r[7], plan_end=r[8])  # fmt: skip
        out[r[1]] = _Current(info, r[3] or 0, r[9], r[5])
    return out
