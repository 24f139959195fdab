"""Accepted weekly reviews: kept one per athlete and week, the latest read back, and whether
accepting one again would store nothing."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from runstrong.core.model import AthleteProfile, Plan
from runstrong.core.review import Review

from .repo import current_plan_select
from .tables import PlanRow, Profile, ReviewRow


def store_review(s: Session, athlete_id: int, review: Review, before: int, after: int, now: dt.datetime) -> int:
    """Keep an accepted review; a second review of the same week replaces the first, and the
    same review accepted again leaves the row as it was (its time too: nothing new to undo)."""
    same_week = (ReviewRow.athlete_id == athlete_id, ReviewRow.week_start == review.week_start)
    row = s.scalar(select(ReviewRow).where(*same_week))
    data = review.model_dump_json()
    if row is not None and (row.plan_version_before, row.plan_version_after, row.data) == (before, after, data):
        return row.id
    if row is None:
        row = ReviewRow(athlete_id=athlete_id, week_start=review.week_start)
        s.add(row)
    row.created_at = now
    row.plan_version_before = before
    row.plan_version_after = after
    row.data = data
    s.flush()
    return row.id


def accepted_version(s: Session, athlete_id: int, week_start: dt.date) -> int | None:
    """The plan version the accepted review of the week wrote, if the week's review was accepted."""
    week = (ReviewRow.athlete_id == athlete_id, ReviewRow.week_start == week_start)
    return s.scalar(select(ReviewRow.plan_version_after).where(*week))


def later_accepted(s: Session, athlete_id: int, week_start: dt.date) -> tuple[dt.date, int] | None:
    """The latest week after `week_start` whose review was accepted, and the plan version it
    wrote: a review of an older week accepted now would replace its decisions."""
    row = s.execute(
        select(ReviewRow.week_start, ReviewRow.plan_version_after)
        .where(ReviewRow.athlete_id == athlete_id, ReviewRow.week_start > week_start)
        .order_by(ReviewRow.week_start.desc())
        .limit(1)
    ).first()
    return (row.week_start, row.plan_version_after) if row else None


def accepted_review(s: Session, athlete_id: int, week_start: dt.date) -> Review | None:
    """The week's review as it was accepted, if it was."""
    week = (ReviewRow.athlete_id == athlete_id, ReviewRow.week_start == week_start)
    data = s.scalar(select(ReviewRow.data).where(*week))
    return Review.model_validate_json(data) if data else None


def latest_review(s: Session, athlete_id: int) -> Review | None:
    """The accepted review of the latest week, if any."""
    data = s.scalar(
        select(ReviewRow.data).where(ReviewRow.athlete_id == athlete_id).order_by(ReviewRow.week_start.desc()).limit(1)
    )
    return Review.model_validate_json(data) if data else None


def stores_nothing(s: Session, athlete_id: int, profile: AthleteProfile, plan: Plan) -> bool:
    """Whether `store_plan` would store nothing new: the latest profile and the current plan
    are these, the plan made from that profile (an accepted review, read again unchanged)."""
    latest = s.execute(
        select(Profile.id, Profile.data).where(Profile.athlete_id == athlete_id).order_by(Profile.version.desc())
    ).first()
    current = s.execute(current_plan_select(athlete_id, PlanRow.profile_id, PlanRow.data)).first()
    if latest is None or current is None or latest.data != profile.model_dump_json():
        return False
    return current.profile_id == latest.id and current.data == plan.model_dump_json(exclude_computed_fields=True)
