"""Each athlete's last completed week in a coach's words (`core.review.week_flags`), stored
per athlete and week (`week_flags`, migration 0015), for the roster's Flags column whatever
the review mode and whether or not a review was stored (cr26a F9).

Cheap to keep: a week's flags come from that week's review (`reviewing.prepare_review`
without the new plan or the trend, about 20-40 ms on a three-year diary), and the review of
a finished week reads only days up to its Sunday. So a change worked out again only when it
touches that week or earlier (a row dated up to its Sunday, a set of such a session) or
the plan, or when the week has no row yet: a set logged today, this week, costs one
indexed select (the stamp), not a review. That is one review per athlete a week, made by
the first change of the week or by the first roster that shows the athlete.

A row is current while its stamp (the current plan, the reviews stored, the rows of each
diary table dated in the days the week's review reads: writes made outside the flows, such
as an activity import, move it too) and the planning data are those it was worked out for. The
row's key is (athlete, week): a write retried, or kept twice, replaces it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import Session

from runstrong.core.context import PlanningContext
from runstrong.core.review import Flag

from .tables import NoteRow, PainRow, PlanRow, ReviewRow, RunRow, SessionLogRow, WeekFlagsRow, WellnessRow

DATED = (SessionLogRow, RunRow, WellnessRow, PainRow, NoteRow)  # the diary tables a review reads by date
PLAN_LEVEL = ("athletes", "profiles", "plans", "assessments", "reviews")  # a change to these moves every week


def last_week(today: dt.date) -> dt.date:
    """Monday of the last completed week (the one before today's)."""
    return today - dt.timedelta(days=today.weekday() + 7)


def stamp_columns(athlete_id: object, since: object, until: object) -> list:
    """What a week's flags depend on besides the planning data, as columns of one select:
    the current plan, the reviews stored, and each dated table's rows in the days its review
    reads (`since` to `until`, the week's Sunday: `span`)."""
    plan = (select(PlanRow.id).where(PlanRow.athlete_id == athlete_id).order_by(PlanRow.version.desc()).limit(1)
            .correlate_except(PlanRow).scalar_subquery())  # fmt: skip
    reviews = select(func.count()).select_from(ReviewRow).where(ReviewRow.athlete_id == athlete_id)

    def rows_of(table: Any) -> object:
        return (select(func.count()).select_from(table)
                .where(table.athlete_id == athlete_id, table.date.between(since, until))
                .correlate_except(table).scalar_subquery())  # fmt: skip

    return [plan, reviews.correlate_except(ReviewRow).scalar_subquery(), *(rows_of(t) for t in DATED)]


def stamp_text(values: Iterable[object]) -> str:
    return ",".join("" if v is None else str(v) for v in values)


@cache
def _stamp_statement() -> Select:
    return select(*stamp_columns(bindparam("athlete_id"), bindparam("since"), bindparam("until")))


def span(week: dt.date, ctx: PlanningContext | None) -> tuple[dt.date, dt.date]:
    """The days the review of `week` reads (without planning data: the eight weeks up to its Sunday)."""
    if ctx is None:
        return week - dt.timedelta(weeks=7), sunday(week)
    from .reviewing import diary_span

    return diary_span(week, ctx, with_trend=False)


def week_stamp(s: Session, athlete_id: int, week: dt.date, ctx: PlanningContext) -> str:
    since, until = span(week, ctx)
    return stamp_text(s.execute(_stamp_statement(), {"athlete_id": athlete_id, "since": since, "until": until}).one())


def data_stamp(ctx: PlanningContext) -> str:
    """The planning data and the words' version the flags were worked out with: a release that
    words them anew (`core.review.week_flags.WORDS`) works every row out again, once."""
    from runstrong.core.review.week_flags import WORDS

    return f"{ctx.data_stamp}|words {WORDS}"


def sunday(week: dt.date) -> dt.date:
    return week + dt.timedelta(days=6)


def stored(text: str) -> list[Flag]:
    return [Flag.model_validate(x) for x in json.loads(text)]


def work_out(s: Session, name: str, week: dt.date, today: dt.date, ctx: PlanningContext) -> list[Flag]:
    """The week's flags from its review as the diary is now (none when it cannot be reviewed:
    before the plan, no plan, a week the plan does not hold)."""
    from runstrong.core.review.week_flags import coach_flags
    from runstrong.errors import UserError

    from .reviewing import prepare_review

    try:
        outcome = prepare_review(s, name, week, today, ctx, with_plan=False, with_trend=False)
    except UserError:
        return []
    return coach_flags(outcome.review, ctx.library)


def keep(s: Session, athlete_id: int, week: dt.date, flags: list[Flag], stamp: str, ctx: PlanningContext) -> None:
    """Store the week's flags (one row per athlete and week: kept again, it is replaced)."""
    row = s.get(WeekFlagsRow, (athlete_id, week))
    if row is None:
        row = WeekFlagsRow(athlete_id=athlete_id, week_start=week)
        s.add(row)
    row.stamp, row.data_stamp = stamp, data_stamp(ctx)
    row.flags = json.dumps([f.model_dump() for f in flags])


@dataclass(frozen=True)
class Touched:
    """What a change touched, as the week's flags see it: the plan side, or the latest day."""

    plan: bool = False
    earliest: dt.date | None = None  # the earliest diary day it touched


def touched(s: Session, diff: dict[str, dict[str, list[dict[str, Any]]]]) -> Touched:
    """The plan side, and the earliest diary day, of a change's rows as they were before and
    after it (`changes.difference`); a set row gives its session's day."""
    if any(name in diff for name in PLAN_LEVEL):
        return Touched(plan=True)
    days: list[dt.date] = []
    sessions: set[int] = set()
    for part in diff.values():
        for row in (*part["before"], *part["after"]):
            if row.get("date"):
                days.append(dt.date.fromisoformat(str(row["date"])))
            if row.get("session_log_id") is not None:
                sessions.add(int(row["session_log_id"]))
    if sessions:
        days += [d for (d,) in s.execute(select(SessionLogRow.date).where(SessionLogRow.id.in_(sessions)))]
    return Touched(earliest=min(days) if days else None)


def refresh(s: Session, athlete_id: int, name: str, today: dt.date, ctx: PlanningContext, what: Touched) -> bool:
    """Inside a change (its writes flushed): keep last week's flags current; True when a review
    ran. A change that touched neither the plan nor a day up to last week's Sunday leaves a
    current row alone."""
    week = last_week(today)
    stamp = week_stamp(s, athlete_id, week, ctx)
    row = s.get(WeekFlagsRow, (athlete_id, week))
    this_week_only = not what.plan and (what.earliest is None or what.earliest > sunday(week))
    if row is not None and this_week_only and row.stamp == stamp and row.data_stamp == data_stamp(ctx):
        return False
    keep(s, athlete_id, week, work_out(s, name, week, today, ctx), stamp, ctx)
    return True


def keep_if_unchanged(s: Session, worked: list[tuple[int, dt.date, list[Flag], str]], ctx: PlanningContext) -> int:
    """In a write transaction: keep flags a reader worked out, each only if the athlete's week
    still has the stamp it was worked out at and no change has kept the week's row since
    (a change keeps its own); how many."""
    from .repo import lock_athlete

    kept = 0
    for athlete_id, week, flags, stamp in sorted(worked, key=lambda w: w[0]):
        lock_athlete(s, athlete_id)
        row = s.get(WeekFlagsRow, (athlete_id, week))
        kept_since = row is not None and row.stamp == stamp and row.data_stamp == data_stamp(ctx)
        if week_stamp(s, athlete_id, week, ctx) == stamp and not kept_since:
            keep(s, athlete_id, week, flags, stamp, ctx)
            kept += 1
    return kept
