"""The lifts a runner's own words most likely mean: the exercises of their current plan (on
one day, or in all of it) and of the sets in their diary. Read for `core.setline`'s
`prefer`, so "rdl" is the Romanian deadlift this runner does (`log --set`, `history -e`).

Functions take a Session and values; they read the stored JSON of the plan's sessions with
the standard library (ids only: no model is built).
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .repo import current_plan_select
from .tables import PlannedItem, PlanRow, SessionLogRow, SetLogRow


def planned_lifts(s: Session, athlete_id: int, day: dt.date | None = None, label: str | None = None) -> list[str]:
    """The exercise ids of the current plan's strength sessions: on `day` (of session
    `label` when given), or in the whole plan; each once, in the plan's order."""
    plan_id = s.scalar(current_plan_select(athlete_id, PlanRow.id))
    if plan_id is None:
        return []
    query = select(PlannedItem.data).where(PlannedItem.plan_id == plan_id, PlannedItem.kind == "strength")
    if day is not None:
        query = query.where(PlannedItem.date == day)
    if label is not None:
        query = query.where(func.lower(PlannedItem.label) == label.strip().lower())
    ids: dict[str, None] = {}
    for data in s.scalars(query.order_by(PlannedItem.date, PlannedItem.id)):
        ids.update(dict.fromkeys(b["exercise_id"] for b in json.loads(data)["blocks"]))
    return list(ids)


def logged_lifts(s: Session, athlete_id: int) -> list[str]:
    """The exercise ids of the runner's logged sets, the latest logged first."""
    last = func.max(SessionLogRow.date)
    query = (
        select(SetLogRow.exercise_id)
        .join(SessionLogRow, SessionLogRow.id == SetLogRow.session_log_id)
        .where(SessionLogRow.athlete_id == athlete_id)
        .group_by(SetLogRow.exercise_id)
        .order_by(last.desc(), SetLogRow.exercise_id)
    )
    return list(s.scalars(query))


def logged_on(s: Session, athlete_id: int, day: dt.date) -> list[str]:
    """The exercise ids of the sets logged on `day`, in the order they were logged: what
    `log edit` and `log delete` look a name up in first."""
    query = (
        select(SetLogRow.exercise_id)
        .join(SessionLogRow, SessionLogRow.id == SetLogRow.session_log_id)
        .where(SessionLogRow.athlete_id == athlete_id, SessionLogRow.date == day)
        .order_by(SetLogRow.id)
    )
    return list(dict.fromkeys(s.scalars(query)))
