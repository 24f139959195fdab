"""The diary over a window of days, as the review and the charts read it: only the window
the rules look at, in a handful of queries, so a review costs the same on a three-year diary
as on a new one; and the last day anything was logged."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from runstrong.core.diary import PainReport, RunLog, SessionLog, SetLog, Wellness
from runstrong.core.model import PainArea, RunType, build
from runstrong.core.review_metrics import DiaryWindow

from .repo import RUN_COLUMNS, SET_FIELDS, WELLNESS_COLUMNS
from .tables import PainRow, RunRow, SessionLogRow, SetLogRow, WellnessRow

SESSION_FIELDS = ("date", "plan_version", "planned_date", "planned_label", "minutes", "session_rpe", "note")


def load_diary(s: Session, athlete_id: int, since: dt.date, until: dt.date) -> DiaryWindow:
    """The athlete's diary entries dated since..until (inclusive). Values are trusted (they
    were validated when logged), so they are built without validating again (core.model's
    `build`); rows are read as plain tuples (no ORM objects): a review's read costs a third."""
    sl, st, rn, wl, pn = (t.__table__.c for t in (SessionLogRow, SetLogRow, RunRow, WellnessRow, PainRow))
    session_rows = s.execute(
        select(sl.id, *(sl[f] for f in SESSION_FIELDS))
        .where(sl.athlete_id == athlete_id, sl.date.between(since, until))
        .order_by(sl.date, sl.id)
    ).all()
    sets: dict[int, list] = defaultdict(list)
    if session_rows:
        query = select(st.session_log_id, *(st[f] for f in SET_FIELDS))
        for row in s.execute(query.where(st.session_log_id.in_([r[0] for r in session_rows])).order_by(st.id)):
            sets[row[0]].append(build(SetLog, **dict(zip(SET_FIELDS, row[1:], strict=True))))
    sessions = tuple(
        build(SessionLog, **dict(zip(SESSION_FIELDS, r[1:], strict=True)), sets=sets[r[0]], pains=[])
        for r in session_rows
    )
    runs = tuple(
        build(RunLog, date=r[0], **dict(zip(RUN_COLUMNS, r[1:], strict=True)) | {"type": RunType(r.type)})
        for r in s.execute(
            select(rn.date, *(rn[c] for c in RUN_COLUMNS))
            .where(rn.athlete_id == athlete_id, rn.date.between(since, until))
            .order_by(rn.date, rn.id)
        )
    )
    wellness = tuple(
        build(Wellness, date=r[0], **dict(zip(WELLNESS_COLUMNS, r[1:], strict=True)))
        for r in s.execute(
            select(wl.date, *(wl[c] for c in WELLNESS_COLUMNS))
            .where(wl.athlete_id == athlete_id, wl.date.between(since, until))
            .order_by(wl.date)
        )
    )
    pains = tuple(
        build(PainReport, **r._asdict() | {"area": PainArea(r.area)})
        for r in s.execute(
            select(pn.date, pn.area, pn.score, pn.note, pn.side, pn.when, pn.provoked_by)
            .where(pn.athlete_id == athlete_id, pn.date.between(since, until))
            .order_by(pn.date, pn.id)
        )
    )
    return DiaryWindow(sessions=sessions, runs=runs, wellness=wellness, pains=pains)


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
