"""The coach's roster and review queue, read from the diary: per athlete this week's
completion, the last day anything was logged, the latest review's flags, the next race
and the phase, the coaches, and whether a week's review waits for a coach.

Only the athletes the caller may see are read (`athlete_ids`, from `accounts.athlete_ids_for`).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from runstrong.core.context import PlanningContext
from runstrong.core.review import Flag

from . import accounts
from .diary_window import last_logged_day
from .reviews import latest_review
from .tables import (
    Athlete,
    PlannedItem,
    PlanRow,
    ReviewQueueRow,
    ReviewRow,
    ReviewSettingRow,
    SessionLogRow,
)

MODES = ("auto", "review")
DECIDED = ("accepted", "rejected")  # a queue row's other status: "undone" (the decision was taken back)


@dataclass(frozen=True)
class RosterEntry:
    name: str
    sessions_done: int
    sessions_planned: int
    last_log: dt.date | None
    flags: list[Flag]
    race_name: str | None
    race_date: dt.date | None
    phase: str | None
    coaches: list[str]
    mode: str
    waiting_week: dt.date | None = None  # a week whose review waits for a coach
    flag_kinds: set[str] = field(default_factory=set)
    flags_waiting: bool = False  # the flags are the waiting review's, not yet decided


def review_mode(s: Session, athlete_id: int) -> str:
    return s.scalar(select(ReviewSettingRow.mode).where(ReviewSettingRow.athlete_id == athlete_id)) or "auto"


def set_review_mode(s: Session, athlete_id: int, mode: str) -> None:
    row = s.scalar(select(ReviewSettingRow).where(ReviewSettingRow.athlete_id == athlete_id))
    if row is None:
        s.add(ReviewSettingRow(athlete_id=athlete_id, mode=mode))
    else:
        row.mode = mode


def week_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def waiting_week(s: Session, athlete_id: int, today: dt.date) -> dt.date | None:
    """The week a review would look at now (last week; this one in the plan's first week, as
    `reviewing.prepare_review` picks it), when the athlete is in review mode and neither an
    accepted review nor a coach's decision covers it yet."""
    if review_mode(s, athlete_id) != "review":
        return None
    plan = s.execute(
        select(PlanRow.start_date, PlanRow.end_date).where(PlanRow.athlete_id == athlete_id)
        .order_by(PlanRow.version.desc()).limit(1)
    ).first()  # fmt: skip
    if plan is None:
        return None
    week = max(week_of(today) - dt.timedelta(days=7), min(week_of(plan.start_date), week_of(today)))
    if not week_of(plan.start_date) <= week <= plan.end_date:
        return None
    if s.scalar(select(ReviewRow.id).where(ReviewRow.athlete_id == athlete_id, ReviewRow.week_start == week)):
        return None
    decided = ReviewQueueRow.status.in_(DECIDED)  # a decision undone puts the review back in the queue
    if s.scalar(select(ReviewQueueRow.id).where(ReviewQueueRow.athlete_id == athlete_id,
                                                ReviewQueueRow.week_start == week, decided)):  # fmt: skip
        return None
    return week


@dataclass(frozen=True)
class CoachNote:
    """A coach's note to the athlete with the review decision it came with."""

    by: str
    week_start: dt.date
    text: str


def latest_note(s: Session, athlete_id: int) -> CoachNote | None:
    """The note of the coach's latest decision on this athlete's reviews, if it has one."""
    row = s.execute(
        select(ReviewQueueRow.decided_by, ReviewQueueRow.week_start, ReviewQueueRow.note)
        .where(ReviewQueueRow.athlete_id == athlete_id, ReviewQueueRow.status.in_(DECIDED))
        .order_by(ReviewQueueRow.week_start.desc()).limit(1)
    ).first()  # fmt: skip
    return CoachNote(row.decided_by or "your coach", row.week_start, row.note) if row and row.note else None


# (database, plan id) -> (each week's (start date, phase), the race): a stored plan never
# changes, so this per-process memo is right in every worker; bounded, as a roster of 1,000 needs
_PLAN_FACTS: dict[tuple[str, int], tuple[list[tuple[str, str]], dict]] = {}
_PLAN_FACTS_MAX = 4096


def _plan_facts(s: Session, plan_id: int) -> tuple[list[tuple[str, str]], dict]:
    """The phases and race of a stored plan, read from its JSON once per process."""
    key = (str(s.get_bind().url), plan_id)
    found = _PLAN_FACTS.get(key)
    if found is None:
        data = json.loads(s.scalar(select(PlanRow.data).where(PlanRow.id == plan_id)) or "{}")
        weeks = [(w["start_date"], w["phase"]) for w in data.get("weeks", [])]
        found = (weeks, (data.get("profile") or {}).get("race") or {})
        if len(_PLAN_FACTS) >= _PLAN_FACTS_MAX:
            _PLAN_FACTS.clear()
        _PLAN_FACTS[key] = found
    return found


def _week_counts(s: Session, athlete_id: int, monday: dt.date) -> tuple[int, int, str | None, dict]:
    """(sessions done, sessions planned, phase, race) for the week starting `monday`."""
    sunday = monday + dt.timedelta(days=6)
    plan_id = s.scalar(
        select(PlanRow.id).where(PlanRow.athlete_id == athlete_id).order_by(PlanRow.version.desc()).limit(1)
    )
    done = s.scalar(
        select(func.count()).where(SessionLogRow.athlete_id == athlete_id, SessionLogRow.date.between(monday, sunday))
    )
    if plan_id is None:
        return int(done or 0), 0, None, {}
    planned = s.scalar(
        select(func.count()).where(PlannedItem.plan_id == plan_id, PlannedItem.kind == "strength",
                                   PlannedItem.date.between(monday, sunday))
    )  # fmt: skip
    weeks, race = _plan_facts(s, plan_id)
    phase = next((p for start, p in weeks if monday.isoformat() <= start <= sunday.isoformat()), None)
    return int(done or 0), int(planned or 0), phase, race


def roster(s: Session, athlete_ids: set[int] | None, today: dt.date, ctx: PlanningContext | None = None
           ) -> list[RosterEntry]:  # fmt: skip
    """One entry per athlete the caller may see, by name. With `ctx`, a review still waiting
    for a coach gives the flags (they are the latest review's, decided or not)."""
    query = select(Athlete.id, Athlete.name).order_by(Athlete.name)
    if athlete_ids is not None:
        query = query.where(Athlete.id.in_(athlete_ids or {-1}))
    out = []
    for athlete_id, name in s.execute(query).all():
        done, planned, phase, race = _week_counts(s, athlete_id, week_of(today))
        waiting = waiting_week(s, athlete_id, today)
        pending = waiting_flags(s, athlete_id, name, waiting, today, ctx) if waiting and ctx else None
        flags = pending if pending is not None else _decided_flags(s, athlete_id, name, today, ctx)
        race_date = dt.date.fromisoformat(race["date"]) if race.get("date") else None
        out.append(RosterEntry(
            name=name, sessions_done=done, sessions_planned=planned, last_log=last_logged_day(s, athlete_id),
            flags=flags, race_name=race.get("name") or race.get("distance"), race_date=race_date, phase=phase,
            coaches=accounts.coaches_of(s, athlete_id), mode=review_mode(s, athlete_id),
            waiting_week=waiting, flag_kinds={f.kind for f in flags}, flags_waiting=pending is not None,
        ))  # fmt: skip
    return out


def _decided_flags(s: Session, athlete_id: int, name: str, today: dt.date, ctx: PlanningContext | None) -> list[Flag]:
    """The latest decided review's flags: the accepted one stored, or a later week a coach
    rejected (its signals stand though its plan changes did not), worked out again."""
    review = latest_review(s, athlete_id)
    rejected = s.scalar(select(ReviewQueueRow.week_start).where(
        ReviewQueueRow.athlete_id == athlete_id, ReviewQueueRow.status == "rejected",
        ReviewQueueRow.week_start > (review.week_start if review else dt.date.min),
    ).order_by(ReviewQueueRow.week_start.desc()).limit(1))  # fmt: skip
    if rejected is not None and ctx is not None:
        found = waiting_flags(s, athlete_id, name, rejected, today, ctx)
        if found is not None:
            return found
    return list(review.flags) if review else []


# (database, diary stamp, week, today, data) -> the waiting review's flags: a stamp is one state
# of the diary, so this per-process memo is right in every worker
_WAITING_FLAGS: dict[tuple, list[Flag] | None] = {}


def waiting_flags(s: Session, athlete_id: int, name: str, week: dt.date, today: dt.date, ctx: PlanningContext
                  ) -> list[Flag] | None:  # fmt: skip
    """The flags of the review of `week` as the diary is now, for a review no table keeps
    (one waiting for a coach, or one a coach rejected); None: it cannot be worked out now."""
    from runstrong.errors import UserError

    from .diary_days import diary_stamp
    from .reviewing import prepare_review

    # the render cache's stamp: the diary version and the rows written outside the flows too
    key = (str(s.get_bind().url), diary_stamp(s, name) or (athlete_id, object()), week, today, ctx.data_stamp)
    if key not in _WAITING_FLAGS:
        try:
            review = prepare_review(s, name, week, today, ctx, with_plan=False, with_trend=False).review
            found: list[Flag] | None = list(review.flags)
        except UserError:
            found = None
        if len(_WAITING_FLAGS) >= _PLAN_FACTS_MAX:
            _WAITING_FLAGS.clear()
        _WAITING_FLAGS[key] = found
    return _WAITING_FLAGS[key]
