"""A check-in's pain report that names its training, dated to that training's day before it
is stored (core.pain_days.day_trained): the days the diary holds that run type or exercise."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from runstrong.core.diary import PainReport
from runstrong.core.pain_days import LOOK_BACK, day_trained, names_training

from .tables import RunRow, SessionLogRow, SetLogRow


def dated_by_training(s: Session, athlete_id: int, p: PainReport) -> PainReport:
    """`p` dated to the day of the run or session it names (the latest in the week up to its
    date); unchanged when it names none, or none is logged in that week."""
    if not names_training(p):
        return p
    first = p.date - LOOK_BACK
    runs = select(RunRow.date).where(
        RunRow.athlete_id == athlete_id, RunRow.type == p.provoked_by, RunRow.date.between(first, p.date)
    )
    lifts = (
        select(SessionLogRow.date)
        .join(SetLogRow, SetLogRow.session_log_id == SessionLogRow.id)
        .where(
            SessionLogRow.athlete_id == athlete_id,
            SetLogRow.exercise_id == p.provoked_by,
            SessionLogRow.date.between(first, p.date),
        )
    )
    days: list[dt.date] = [*s.scalars(runs), *s.scalars(lifts)]
    day = day_trained(p, days)
    return p if day == p.date else p.model_copy(update={"date": day})
