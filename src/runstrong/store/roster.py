"""The coach's roster and review queue, read from the diary: per athlete this week's
completion, the last day anything was logged, the latest review's flags, the next race
and the phase, the coaches, and whether a week's review waits for a coach.

A whole roster is two selects: the flags are stored rows (`roster_flags`, kept by the
flows), read with the counts; no review runs when a roster is read, unless a row is
missing or stale (then once, see `roster_flags`). Only the athletes the caller may see are
read (`athlete_ids`, from `accounts.athlete_ids_for`).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from runstrong.core.context import PlanningContext
from runstrong.core.review import Flag

from . import roster_flags, week_flags
from .repo import current_plan_select
from .roster_flags import RosterFlags
from .tables import (
    Athlete,
    CoachAthleteRow,
    PlannedItem,
    PlanRow,
    ReviewQueueRow,
    ReviewRow,
    ReviewSettingRow,
    RosterFlagsRow,
    RunRow,
    SessionLogRow,
    UserRow,
    WeekFlagsRow,
    WellnessRow,
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
    week_flags: list[Flag] = field(default_factory=list)  # last completed week's, in a coach's words
    flags_week: dt.date | None = None  # that week's Monday


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
    plan = s.execute(current_plan_select(athlete_id, PlanRow.start_date, PlanRow.end_date)).first()
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


def plan_facts(s: Session, plan_id: int) -> tuple[list[tuple[str, str]], dict]:
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


def _plan_of(athlete_id: object) -> object:
    return (select(PlanRow.id).where(PlanRow.athlete_id == athlete_id)
            .order_by(PlanRow.version.desc()).limit(1).correlate_except(PlanRow).scalar_subquery())  # fmt: skip


def _roster_query(athlete_ids: set[int] | None, monday: dt.date, ctx: PlanningContext | None = None) -> Select:
    """Every athlete's roster line in one select: this week's counts, the last days logged,
    the latest plan, the review mode, the diary's stamp and the stored flags, and last
    week's stored flags with that week's stamp."""
    sunday = monday + dt.timedelta(days=6)
    prior = week_flags.last_week(monday)
    a = Athlete.id
    w = WeekFlagsRow

    def count(table: type, *where: object) -> object:
        return select(func.count()).select_from(table).where(*where).scalar_subquery()

    def last(table: type) -> object:
        return select(func.max(table.date)).where(table.athlete_id == a).scalar_subquery()

    f = RosterFlagsRow
    query = select(
        a, Athlete.name, _plan_of(a).label("plan_id"),
        count(SessionLogRow, SessionLogRow.athlete_id == a, SessionLogRow.date.between(monday, sunday)).label("done"),
        count(PlannedItem, PlannedItem.plan_id == _plan_of(a), PlannedItem.kind == "strength",
              PlannedItem.date.between(monday, sunday)).label("planned"),
        last(SessionLogRow).label("last_session"), last(RunRow).label("last_run"),
        last(WellnessRow).label("last_wellness"),
        *(c.label(f"stamp_{i}") for i, c in enumerate(roster_flags.stamp_columns(a, Athlete.diary_version))),
        f.stamp, f.worked_out_on, f.data_stamp, f.waiting_week, f.flags, f.flags_waiting,
        f.plan_id.label("facts_plan_id"), f.plan_facts,
        *(c.label(f"week_{i}") for i, c in enumerate(week_flags.stamp_columns(a, *week_flags.span(prior, ctx)))),
        w.stamp.label("week_stamp"), w.data_stamp.label("week_data_stamp"), w.flags.label("week_flags"),
    ).outerjoin(f, f.athlete_id == a).outerjoin(w, (w.athlete_id == a) & (w.week_start == prior)
                                                ).order_by(Athlete.name)  # fmt: skip
    return query.where(a.in_(athlete_ids or {-1})) if athlete_ids is not None else query


def _coaches(s: Session, athlete_ids: list[int]) -> dict[int, list[str]]:
    """Each athlete's coaches by name, for all of them in one select."""
    found: dict[int, list[str]] = {}
    query = (select(CoachAthleteRow.athlete_id, UserRow.name).join(UserRow, CoachAthleteRow.coach_id == UserRow.id)
             .where(CoachAthleteRow.athlete_id.in_(athlete_ids or [-1])).order_by(UserRow.name))  # fmt: skip
    for athlete_id, coach in s.execute(query):
        found.setdefault(athlete_id, []).append(coach)
    return found


@dataclass(frozen=True)
class RosterRead:
    entries: list[RosterEntry]
    worked_out: list[tuple[int, RosterFlags, str]]  # flags not stored (or not current): worked out now
    weeks_worked: list[tuple[int, dt.date, list[Flag], str]] = field(default_factory=list)  # last week's, the same


def read_roster(s: Session, athlete_ids: set[int] | None, today: dt.date, ctx: PlanningContext | None = None
                ) -> RosterRead:  # fmt: skip
    """The roster in two selects when every athlete's stored flags are current; an athlete
    whose are not gets them worked out (returned in `worked_out`, for the caller to keep)."""
    monday = week_of(today)
    rows = s.execute(_roster_query(athlete_ids, monday, ctx)).all()
    coaches = _coaches(s, [r.id for r in rows])
    entries, worked, weeks = [], [], []
    last = week_flags.last_week(today)
    for r in rows:
        stamp = roster_flags.stamp_text(_stamp_of(r))
        if r.stamp is not None and roster_flags.is_current(r, stamp, today, ctx):
            flags = roster_flags.stored(r)
        else:
            flags = roster_flags.work_out(s, r.id, r.name, today, ctx)
            worked.append((r.id, flags, stamp))
        week = _week_flags(s, r, last, today, ctx, weeks)
        entry = _entry(s, r, flags, coaches.get(r.id, []), monday)
        kinds = {f.kind for f in week} | (entry.flag_kinds if entry.flags_waiting else set())  # what the page shows
        entries.append(replace(entry, week_flags=week, flags_week=last, flag_kinds=kinds))
    return RosterRead(entries, worked, weeks)


def _week_flags(s: Session, r: Any, week: dt.date, today: dt.date, ctx: PlanningContext | None,
                worked: list[tuple[int, dt.date, list[Flag], str]]) -> list[Flag]:  # fmt: skip
    """Last week's flags: the stored row while current, else worked out (added to `worked`,
    for the caller to keep); a reader without planning data takes a stored row as it is."""
    stamp = week_flags.stamp_text(v for k, v in r._mapping.items() if str(k).startswith("week_") and k[5:].isdigit())
    if r.week_flags is not None and (
        ctx is None or (r.week_stamp == stamp and r.week_data_stamp == week_flags.data_stamp(ctx))
    ):
        return week_flags.stored(r.week_flags)
    if ctx is None:
        return []
    found = week_flags.work_out(s, r.name, week, today, ctx)
    worked.append((r.id, week, found, stamp))
    return found


def _stamp_of(r: Any) -> list:
    return [v for k, v in r._mapping.items() if str(k).startswith("stamp_")]


def _facts(s: Session, r: Any) -> tuple[list, dict]:
    """The latest plan's weeks and race: kept with the flags when they are of that plan."""
    if r.plan_id is None:
        return [], {}
    if r.facts_plan_id == r.plan_id and r.plan_facts:
        kept = json.loads(r.plan_facts)
        return [tuple(w) for w in kept["weeks"]], kept["race"]
    return plan_facts(s, r.plan_id)


def _entry(s: Session, r: Any, found: RosterFlags, coaches: list[str], monday: dt.date) -> RosterEntry:
    weeks, race = _facts(s, r)
    sunday = (monday + dt.timedelta(days=6)).isoformat()
    phase = next((p for start, p in weeks if monday.isoformat() <= start <= sunday), None)
    days = [d for d in (r.last_session, r.last_run, r.last_wellness) if d is not None]
    return RosterEntry(
        name=r.name, sessions_done=int(r.done or 0), sessions_planned=int(r.planned or 0) if r.plan_id else 0,
        last_log=max(days) if days else None, flags=found.flags, race_name=race.get("name") or race.get("distance"),
        race_date=dt.date.fromisoformat(race["date"]) if race.get("date") else None, phase=phase, coaches=coaches,
        mode=_stamp_of(r)[-1] or "auto", waiting_week=found.waiting_week, flag_kinds={f.kind for f in found.flags},
        flags_waiting=found.flags_waiting,
    )  # fmt: skip
