"""The roster's flags, stored: per athlete the latest review's flags (or the flags of the
review waiting for a coach) and the week waiting, worked out when the diary changes
instead of when a coach reads the roster (a review is about 30 ms; a roster of 100
athletes read at once held a worker for seconds).

Who keeps them: `flows.base.change` calls `refresh` in the transaction of every change a
flow makes (a log, a check-in, a review accepted, decided or undone, a plan stored), and
`flows.review_queue.set_mode` when the review mode changes. A row is current while three
things are as they were when it was worked out: the diary's stamp (the version the flows
bump, the rows written outside the flows too, the review mode), the day (the week waiting
moves with it) and the planning data. The roster works out a row that is missing or not
current once, as it did before rows were kept, and keeps it (`keep_if_unchanged`): that
is the backfill of diaries older than migration 0009, and the first roster of each day.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import Session

from runstrong.core.context import PlanningContext
from runstrong.core.review import Flag

from .repo import current_plan_select
from .reviews import latest_review
from .tables import (
    Athlete,
    PlanRow,
    ReviewQueueRow,
    ReviewRow,
    ReviewSettingRow,
    RosterFlagsRow,
    RunRow,
    SessionLogRow,
    WellnessRow,
)


@dataclass(frozen=True)
class RosterFlags:
    """What the roster shows of an athlete's reviews."""

    waiting_week: dt.date | None  # a week whose review waits for a coach
    flags: list[Flag]
    flags_waiting: bool  # the flags are the waiting review's, not yet decided


def work_out(s: Session, athlete_id: int, name: str, today: dt.date, ctx: PlanningContext | None) -> RosterFlags:
    """The flags from the diary as it is now: a review waiting for a coach gives them (with
    `ctx`), else the latest decided review."""
    from .roster import waiting_week

    waiting = waiting_week(s, athlete_id, today)
    pending = waiting_flags(s, name, waiting, today, ctx) if waiting and ctx else None
    flags = pending if pending is not None else decided_flags(s, athlete_id, name, today, ctx)
    return RosterFlags(waiting, flags, pending is not None)


def decided_flags(s: Session, athlete_id: int, name: str, today: dt.date, ctx: PlanningContext | None) -> list[Flag]:
    """The latest decided review's flags: the accepted one stored, or a later week a coach
    rejected (its signals stand though its plan changes did not), worked out again."""
    review = latest_review(s, athlete_id)
    rejected = s.scalar(select(ReviewQueueRow.week_start).where(
        ReviewQueueRow.athlete_id == athlete_id, ReviewQueueRow.status == "rejected",
        ReviewQueueRow.week_start > (review.week_start if review else dt.date.min),
    ).order_by(ReviewQueueRow.week_start.desc()).limit(1))  # fmt: skip
    if rejected is not None and ctx is not None:
        found = waiting_flags(s, name, rejected, today, ctx)
        if found is not None:
            return found
    return list(review.flags) if review else []


def waiting_flags(s: Session, name: str, week: dt.date, today: dt.date, ctx: PlanningContext) -> list[Flag] | None:
    """The flags of the review of `week` as the diary is now, for a review no table keeps
    (one waiting for a coach, or one a coach rejected); None: it cannot be worked out now."""
    from runstrong.errors import UserError

    from .reviewing import prepare_review

    try:
        return list(prepare_review(s, name, week, today, ctx, with_plan=False, with_trend=False).review.flags)
    except UserError:
        return None


def stamp_columns(athlete_id: object, version: object = None) -> list:
    """What the flags depend on besides the day and the data, as columns of one select: the
    diary version (`version`: the column, in a select from athletes), the rows of each table
    written outside the flows too, the review mode."""

    def rows_of(table: type) -> object:
        return select(func.count()).select_from(table).where(table.athlete_id == athlete_id).scalar_subquery()

    mode = select(ReviewSettingRow.mode).where(ReviewSettingRow.athlete_id == athlete_id).scalar_subquery()
    if version is None:
        version = select(Athlete.diary_version).where(Athlete.id == athlete_id).scalar_subquery()
    return [version, *(rows_of(t) for t in (PlanRow, ReviewRow, SessionLogRow, RunRow, WellnessRow)), mode]


def stamp_text(values: tuple | list) -> str:
    return ",".join("" if v is None else str(v) for v in values)


@cache
def _stamp_statement() -> Select:
    """The stamp's select, built once per process (a review with --accept reads it three times)."""
    return select(*stamp_columns(bindparam("athlete_id")))


def diary_stamp(s: Session, athlete_id: int) -> str:
    return stamp_text(s.execute(_stamp_statement(), {"athlete_id": athlete_id}).one())


def is_current(row: RosterFlagsRow | object, stamp: str, today: dt.date, ctx: PlanningContext | None) -> bool:
    """Whether stored flags hold now (`ctx` None: a reader without the planning data takes them as they are)."""
    return (
        getattr(row, "stamp", None) == stamp
        and getattr(row, "worked_out_on", None) == today
        and (ctx is None or getattr(row, "data_stamp", None) == ctx.data_stamp)
    )


def stored(row: RosterFlagsRow | object) -> RosterFlags:
    """The flags of a stored row (an ORM row or a result row with the same columns)."""
    flags = [Flag.model_validate(x) for x in json.loads(row.flags)]  # type: ignore[attr-defined]
    return RosterFlags(row.waiting_week, flags, bool(row.flags_waiting))  # type: ignore[attr-defined]


def keep(s: Session, athlete_id: int, found: RosterFlags, stamp: str, today: dt.date, ctx: PlanningContext) -> None:
    """Store the flags worked out for this stamp, day and data (one row per athlete)."""
    row = s.get(RosterFlagsRow, athlete_id)
    if row is None:
        row = RosterFlagsRow(athlete_id=athlete_id)
        s.add(row)
    row.stamp, row.worked_out_on, row.data_stamp = stamp, today, ctx.data_stamp
    row.waiting_week, row.flags_waiting = found.waiting_week, found.flags_waiting
    row.flags = json.dumps([f.model_dump() for f in found.flags])
    _keep_plan_facts(s, row, athlete_id)


def _keep_plan_facts(s: Session, row: RosterFlagsRow, athlete_id: int) -> None:
    """The latest plan's weeks and race with the flags, so a roster parses no plan; read
    from the plan's JSON only when the plan is not the one they came from."""
    from .roster import plan_facts

    plan_id = s.scalar(current_plan_select(athlete_id, PlanRow.id))
    if plan_id is None:
        row.plan_id, row.plan_facts = None, None
    elif plan_id != row.plan_id or row.plan_facts is None:
        weeks, race = plan_facts(s, plan_id)
        row.plan_id, row.plan_facts = plan_id, json.dumps({"weeks": weeks, "race": race})


def refresh(s: Session, athlete_id: int, name: str, today: dt.date, ctx: PlanningContext) -> RosterFlags:
    """Work the flags out again inside the change that moved them (its writes flushed first),
    with the planning data the caller used (`flows.base.context_or_default`)."""
    s.flush()
    found = work_out(s, athlete_id, name, today, ctx)
    keep(s, athlete_id, found, diary_stamp(s, athlete_id), today, ctx)
    return found


def keep_if_unchanged(s: Session, worked: list[tuple[int, RosterFlags, str]], today: dt.date,
                      ctx: PlanningContext) -> int:  # fmt: skip
    """In a write transaction: keep flags a reader worked out, each only if the athlete's
    diary still has the stamp it was worked out at (a change since keeps its own); how many."""
    from .repo import lock_athlete

    kept = 0
    for athlete_id, found, stamp in sorted(worked, key=lambda w: w[0]):
        lock_athlete(s, athlete_id)
        if diary_stamp(s, athlete_id) == stamp:
            keep(s, athlete_id, found, stamp, today, ctx)
            kept += 1
    return kept
