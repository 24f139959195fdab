"""Reading the diary for a weekly review: only the window the review's rules look at, in
a handful of queries, so a review costs the same on a three-year diary as on a new one."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from runstrong.core.diary import PainReport, RunLog, SessionLog, Wellness
from runstrong.core.model import PainArea, RunType
from runstrong.core.review import Review
from runstrong.core.review_metrics import Diary

from .repo import RUN_COLUMNS, WELLNESS_COLUMNS, row_to_set
from .tables import PainRow, ReviewRow, RunRow, SessionLogRow, SetLogRow, WellnessRow

SESSION_FIELDS = ("date", "plan_version", "planned_date", "planned_label", "minutes", "session_rpe", "note")


def load_diary(s: Session, athlete_id: int, since: dt.date, until: dt.date) -> Diary:
    """The athlete's diary entries dated since..until (inclusive). Values are trusted (they
    were validated when logged), so they are built without validating again."""
    session_rows = s.execute(
        select(SessionLogRow)
        .where(SessionLogRow.athlete_id == athlete_id, SessionLogRow.date.between(since, until))
        .order_by(SessionLogRow.date, SessionLogRow.id)
    ).scalars().all()
    ids = [r.id for r in session_rows]
    sets: dict[int, list] = defaultdict(list)
    if ids:
        for row in s.scalars(select(SetLogRow).where(SetLogRow.session_log_id.in_(ids)).order_by(SetLogRow.id)):
            sets[row.session_log_id].append(row_to_set(row))
    sessions = tuple(
        SessionLog.model_construct(**{f: getattr(r, f) for f in SESSION_FIELDS}, sets=sets[r.id], pains=[])
        for r in session_rows
    )
    runs = tuple(
        RunLog.model_construct(
            date=r.date, **{c: getattr(r, c) for c in RUN_COLUMNS if hasattr(r, c)} | {"type": RunType(r.type)}
        )
        for r in s.scalars(
            select(RunRow)
            .where(RunRow.athlete_id == athlete_id, RunRow.date.between(since, until))
            .order_by(RunRow.date, RunRow.id)
        )
    )
    wellness = tuple(
        Wellness.model_construct(date=r.date, **{c: getattr(r, c) for c in WELLNESS_COLUMNS})
        for r in s.scalars(
            select(WellnessRow)
            .where(WellnessRow.athlete_id == athlete_id, WellnessRow.date.between(since, until))
            .order_by(WellnessRow.date)
        )
    )
    pains = tuple(
        PainReport.model_construct(date=r.date, area=PainArea(r.area), score=r.score, note=r.note)
        for r in s.scalars(
            select(PainRow)
            .where(PainRow.athlete_id == athlete_id, PainRow.date.between(since, until))
            .order_by(PainRow.date, PainRow.id)
        )
    )
    return Diary(sessions=sessions, runs=runs, wellness=wellness, pains=pains)


def last_logged_day(s: Session, athlete_id: int) -> dt.date | None:
    """The latest date with any strength session, run or check-in."""
    days = [
        s.scalar(select(SessionLogRow.date).where(SessionLogRow.athlete_id == athlete_id).order_by(
            SessionLogRow.date.desc()).limit(1)),
        s.scalar(select(RunRow.date).where(RunRow.athlete_id == athlete_id).order_by(RunRow.date.desc()).limit(1)),
        s.scalar(select(WellnessRow.date).where(WellnessRow.athlete_id == athlete_id).order_by(
            WellnessRow.date.desc()).limit(1)),
    ]  # fmt: skip
    known = [d for d in days if d is not None]
    return max(known) if known else None


def store_review(
    s: Session, athlete_id: int, review: Review, before: int, after: int, now: dt.datetime
) -> int:
    """Keep an accepted review; a second review of the same week replaces the first."""
    same_week = (ReviewRow.athlete_id == athlete_id, ReviewRow.week_start == review.week_start)
    row = s.scalar(select(ReviewRow).where(*same_week))
    if row is None:
        row = ReviewRow(athlete_id=athlete_id, week_start=review.week_start)
        s.add(row)
    row.created_at = now
    row.plan_version_before = before
    row.plan_version_after = after
    row.data = review.model_dump_json()
    s.flush()
    return row.id


def latest_review(s: Session, athlete_id: int) -> Review | None:
    """The accepted review of the latest week, if any."""
    data = s.scalar(
        select(ReviewRow.data).where(ReviewRow.athlete_id == athlete_id).order_by(ReviewRow.week_start.desc()).limit(1)
    )
    return Review.model_validate_json(data) if data else None
