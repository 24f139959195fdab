"""The one definition of the days already lived, which no re-plan may change.

A day is lived once it is over, and today is lived as soon as a strength session or a
run is logged on it. Plans change week by week, so a re-plan starts on the first Monday
that is not lived; a review that changes the week already under way keeps the days of
that week that are lived as they were planned (`keep_lived_days`).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from runstrong.core.model import Plan
from runstrong.store.tables import RunRow, SessionLogRow


def first_unlived_day(s: Session, athlete_id: int, today: dt.date) -> dt.date:
    """Today, unless a session or run is already logged today (then tomorrow)."""
    for table in (SessionLogRow, RunRow):
        logged = s.scalar(select(table.id).where(table.athlete_id == athlete_id, table.date == today).limit(1))
        if logged is not None:
            return today + dt.timedelta(days=1)
    return today


def replan_from(first_unlived: dt.date) -> dt.date:
    """The Monday a re-plan starts on: the first Monday on or after the first unlived day."""
    return first_unlived + dt.timedelta(days=(7 - first_unlived.weekday()) % 7)


def keep_lived_days(old: Plan, new: Plan, first_unlived: dt.date) -> Plan:
    """`new` with every day before `first_unlived` as `old` planned it (whole weeks, and
    the lived days of the week under way)."""
    old_weeks = {w.start_date: w for w in old.weeks}
    weeks = []
    for week in new.weeks:
        before = old_weeks.get(week.start_date)
        if before is None or week.start_date >= first_unlived:
            weeks.append(week)
        elif week.start_date + dt.timedelta(days=6) < first_unlived:
            weeks.append(before)
        else:
            sessions = [x for x in before.sessions if x.date < first_unlived]
            sessions += [x for x in week.sessions if x.date >= first_unlived]
            runs = [r for r in before.runs if r.date < first_unlived] + [
                r for r in week.runs if r.date >= first_unlived
            ]
            weeks.append(week.model_copy(update={"sessions": sessions, "runs": runs}))
    return new.model_copy(update={"weeks": weeks})


def lived_items_equal(old: Plan, new: Plan, first_unlived: dt.date) -> bool:
    """True when every session and run before `first_unlived` is planned the same in both."""

    def lived(plan: Plan) -> list:
        return [(x.model_dump_json(), "s") for w in plan.weeks for x in w.sessions if x.date < first_unlived] + [
            (r.model_dump_json(), "r") for w in plan.weeks for r in w.runs if r.date < first_unlived
        ]

    return lived(old) == lived(new)
