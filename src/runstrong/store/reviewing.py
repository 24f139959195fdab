"""The weekly review over the diary, shared by `runstrong review` and the web app: read the
window of diary the review needs, review the week, work out the new plan version, and
(on accept) store it with the review."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import cache

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import Session, aliased

from runstrong.core.context import PlanningContext
from runstrong.core.model import AthleteProfile, Plan, Units
from runstrong.core.review import Change, RealLife, Review, apply_review, plan_differences, review_week
from runstrong.core.review.changes import WeekChanges, decided_loads
from runstrong.core.review_metrics import DiaryWindow, WeekMetrics, history_metrics, history_window_days
from runstrong.errors import UserError
from runstrong.io.plan_changes import describe_changes

from . import repo
from .diary_window import load_diary
from .logged_loads import with_logged_sets
from .reviews import store_review
from .tables import Athlete, PlanRow, Profile, ReviewRow

TREND_WEEKS = 8


@dataclass(frozen=True)
class ReviewOutcome:
    athlete: repo.AthleteInfo
    plan_version: int
    review: Review
    trend: list[WeekMetrics]  # the reviewed week and the ones before it, oldest first
    profile: AthleteProfile | None  # with the review's changes (None: not worked out)
    plan: Plan | None  # the new plan version, if accepted (None: not worked out)
    changes: list[Change]
    current_version: int = 0  # the diary's current plan version (plan_version: the one reviewed against)
    differences: list[WeekChanges] = field(default_factory=list)  # the changes as values, by week

    @property
    def next_version(self) -> int:
        """The plan version accepting this review writes, if it writes one."""
        return max(self.current_version, self.plan_version) + 1


def last_week(today: dt.date) -> dt.date:
    """Monday of the last full week before `today`."""
    return today - dt.timedelta(days=today.weekday() + 7)


def current_plan(s: Session, athlete: str | None) -> tuple[repo.AthleteInfo, int, Plan, AthleteProfile]:
    """The athlete, their current plan version and plan, and their profile; a UserError when
    the diary holds no plan for them yet. Read in one statement when the name is exact (or the
    diary holds one athlete), else found as `repo.find_athlete` finds them."""
    names = [athlete.strip()] if athlete is not None else list(s.scalars(select(Athlete.name).limit(2)))
    found = current_rows(s, names).get(names[0]) if len(names) == 1 else None
    if found is not None and found.plan_text is not None and found.profile_text is not None:
        plan = repo.parse_plan(found.plan_text)
        return found.info, found.info.plan_version or 0, plan, AthleteProfile.model_validate_json(found.profile_text)
    info = repo.find_athlete(s, athlete)
    found = repo.latest_plan(s, info.id)
    profile = repo.latest_profile(s, info.id)
    if found is None or profile is None:
        raise no_plan(info.name)
    return info, found[0], found[1], profile


def no_plan(name: str) -> UserError:
    return UserError(f"athlete: {name} has no plan in the diary yet; store one with `runstrong athlete add PROFILE`")


def prepare_review(
    s: Session,
    athlete: str | None,
    week_start: dt.date | None,
    today: dt.date,
    ctx: PlanningContext,
    real_life: RealLife | None = None,
    *,
    with_plan: bool = True,
    with_trend: bool = True,
) -> ReviewOutcome:
    """Review the week starting `week_start` for the athlete, without writing anything.
    With no week: last week, or this week while the plan is in its first week. With
    `with_plan`, also the new plan version the review would write and what it changes; with
    `with_trend`, the weeks before it too (for sparklines and charts)."""
    info, current, plan, profile = current_plan(s, athlete)
    week_start = week_to_review(plan, profile, week_start, today, real_life)
    version, plan, profile = reviewed_from(s, info.id, week_start, (current, plan, profile))
    since, until = diary_span(week_start, ctx, with_trend)
    diary = load_diary(s, info.id, since, until)
    outcome = review_only(info, version, plan, profile, diary, week_start, today, ctx, real_life, with_trend)
    outcome = replace(outcome, current_version=current)
    if not with_plan:
        return outcome
    logged = with_logged_sets(s, info.id, profile, outcome.review.next_week_start, ctx.registry.params)
    return with_new_plan(outcome, plan, logged, ctx)


def reviewed_from(
    s: Session, athlete_id: int, week_start: dt.date, current: tuple[int, Plan, AthleteProfile]
) -> tuple[int, Plan, AthleteProfile]:
    """The plan version, plan and profile to review the week against: the current ones, or,
    when the current version is the one this week's accepted review wrote, the ones that
    review was made from. The ladders and holds the first accept stored are not read as
    the state the week was lived in: the same week reviewed again decides the same, and
    accepting it again writes nothing new."""
    version = current[0]
    row = s.execute(
        select(ReviewRow.plan_version_before, ReviewRow.plan_version_after).where(
            ReviewRow.athlete_id == athlete_id, ReviewRow.week_start == week_start
        )
    ).first()
    if row is None or row.plan_version_after != version or row.plan_version_before == version:
        return current
    before = s.execute(
        select(PlanRow.data, Profile.data)
        .join(Profile, Profile.id == PlanRow.profile_id)
        .where(PlanRow.athlete_id == athlete_id, PlanRow.version == row.plan_version_before)
    ).first()
    if before is None:
        return current
    return row.plan_version_before, repo.parse_plan(before[0]), AthleteProfile.model_validate_json(before[1])


def week_to_review(
    plan: Plan, profile: AthleteProfile, week_start: dt.date | None, today: dt.date, real_life: RealLife | None
) -> dt.date:
    """The Monday of the week to review (none given: last week, or this week while the plan is
    in its first week); a UserError naming the field when it cannot be reviewed."""
    if week_start is None:
        first = plan.start_date - dt.timedelta(days=plan.start_date.weekday())
        week_start = max(last_week(today), min(first, today - dt.timedelta(days=today.weekday())))
    week_start = week_start - dt.timedelta(days=week_start.weekday())
    if not plan.start_date - dt.timedelta(days=6) <= week_start <= plan.end_date:
        raise UserError(f"week: the plan runs {plan.start_date} to {plan.end_date}; {week_start} is outside it")
    if week_start > today:
        raise UserError(f"week: {week_start} has not happened yet (today is {today}); review a past week")
    if real_life is not None and real_life.race_date is not None and profile.race is None:
        raise UserError("race_date: the profile has no race; add one to the profile and store it again")
    return week_start


def diary_span(week_start: dt.date, ctx: PlanningContext, with_trend: bool) -> tuple[dt.date, dt.date]:
    """The days of diary the review of `week_start` reads (the trend's weeks too, with `with_trend`)."""
    first = week_start - dt.timedelta(weeks=TREND_WEEKS - 1) if with_trend else week_start
    return first - dt.timedelta(days=history_window_days(ctx.registry)), week_start + dt.timedelta(days=6)


def review_only(
    info: repo.AthleteInfo,
    version: int,
    plan: Plan,
    profile: AthleteProfile,
    diary: DiaryWindow,
    week_start: dt.date,
    today: dt.date,
    ctx: PlanningContext,
    real_life: RealLife | None,
    with_trend: bool,
) -> ReviewOutcome:
    """The review of the week and its trend from what was read, without the new plan."""
    review = review_week(plan, profile, diary, week_start, real_life=real_life, today=today, ctx=ctx)
    trend = (
        history_metrics(plan, diary, week_start, TREND_WEEKS - 1, ctx.library, ctx.registry, last=review.metrics)
        if with_trend
        else [review.metrics]
    )
    return ReviewOutcome(info, version, review, trend, None, None, [])


def with_new_plan(outcome: ReviewOutcome, plan: Plan, logged: AthleteProfile, ctx: PlanningContext) -> ReviewOutcome:
    """`outcome` with the new plan version its review makes from `plan`, and what changes;
    `logged` is the profile with the diary's last sets as its recent sets (loads follow the log)."""
    new_profile, new_plan = apply_review(plan, logged, outcome.review, ctx=ctx)
    start = outcome.review.next_week_start
    decided = decided_loads(new_plan, outcome.review.adjustments, start)
    differences = plan_differences(plan, new_plan, start)
    changes = describe_changes(differences, logged.units, decided)
    return replace(outcome, profile=new_profile, plan=new_plan, changes=changes, differences=differences)


def accept_review(s: Session, outcome: ReviewOutcome, now: dt.datetime) -> repo.StoredPlan:
    """Store the new plan version (the old one stays) and the review itself."""
    if outcome.profile is None or outcome.plan is None:
        raise ValueError("accept_review needs an outcome prepared with_plan")
    stored = repo.store_plan(s, outcome.profile, outcome.plan, now)
    store_review(s, outcome.athlete.id, outcome.review, outcome.plan_version, stored.plan_version, now)
    return stored


@dataclass(frozen=True)
class Current:
    """An athlete as the review reads them: with the diary version, the newest plan and profile (as stored)."""

    info: repo.AthleteInfo
    diary_version: int
    plan_text: str | None
    profile_text: str | None


def current_rows(s: Session, names: list[str]) -> dict[str, Current]:
    """The named athletes (those still in the diary) with their newest plan and profile rows, in one statement."""
    out = {}
    for r in s.execute(_current_statement(), {"names": names}):
        info = repo.AthleteInfo(id=r[0], name=r[1], units=Units(r[2]), profile_version=r[4], plan_version=r[6],
                                plan_start=r[7], plan_end=r[8])  # fmt: skip
        out[r[1]] = Current(info, r[3] or 0, r[9], r[5])
    return out


@cache
def _current_statement() -> Select:
    """`current_rows`'s statement, built once (the names are an expanding parameter): building
    it, with its aliases and correlated subqueries, cost ten times running it (~5 ms a review)."""
    plans, profiles = aliased(PlanRow), aliased(Profile)
    newest_plan = select(func.max(plans.version)).where(plans.athlete_id == Athlete.id).correlate(Athlete)
    newest_profile = select(func.max(profiles.version)).where(profiles.athlete_id == Athlete.id).correlate(Athlete)
    prof = aliased(Profile)
    columns = (Athlete.id, Athlete.name, Athlete.units, Athlete.diary_version, prof.version, prof.data,
               PlanRow.version, PlanRow.start_date, PlanRow.end_date, PlanRow.data)  # fmt: skip
    return (
        select(*columns)
        .select_from(Athlete)
        .outerjoin(PlanRow, (PlanRow.athlete_id == Athlete.id) & (PlanRow.version == newest_plan.scalar_subquery()))
        .outerjoin(prof, (prof.athlete_id == Athlete.id) & (prof.version == newest_profile.scalar_subquery()))
        .where(Athlete.name.in_(bindparam("names", expanding=True)))
    )
