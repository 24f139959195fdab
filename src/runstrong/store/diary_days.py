"""The diary day by day: what was logged over a span of days (a week, a calendar month),
the sessions logged on one day with their sets and pains, the day's check-in, and the stamp
that says whether any of it changed. What the plan holds on those days is `repo`'s
(`planned_between`, `planned_day`).

Like `repo`, functions take a Session and return pydantic values; no clock, no commit.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import Float, String, bindparam, cast, func, literal, null, select, union_all
from sqlalchemy.orm import Session

from runstrong.core import names
from runstrong.core.base import Frozen
from runstrong.core.diary import PainReport, RunLog, SetLog, Wellness
from runstrong.core.vocab import PainArea, RunType, Units
from runstrong.errors import UserError

from .repo import SET_FIELDS, WELLNESS_COLUMNS, AthleteInfo, row_to_set
from .tables import (
    Athlete,
    PainRow,
    PlannedItem,
    PlanRow,
    Profile,
    ReviewRow,
    RunRow,
    SessionLogRow,
    SetLogRow,
    WellnessRow,
)


class StoredSessionLog(Frozen):
    """A logged strength session as stored: its sets and pains, with the row ids to edit or delete one."""

    id: int
    date: dt.date
    planned_label: str | None = None
    plan_version: int | None = None
    minutes: int | None = None
    session_rpe: float | None = None
    note: str | None = None
    sets: list[SetLog] = []
    pains: list[PainReport] = []
    set_ids: list[int] = []  # the id of each set, in the same order (to edit or delete one)


class DayLog(Frozen):
    """What was logged on one day, in short: for the week strip and the calendar."""

    date: dt.date
    sessions: int = 0
    sets: int = 0
    labels: list[str] = []
    runs: int = 0
    run_minutes: float = 0.0
    checked_in: bool = False


def _logged_between_query():  # type: ignore[no-untyped-def]
    """`logged_between`'s statement, built once (athlete and span are bound parameters)."""
    athlete, start, end = bindparam("athlete"), bindparam("start"), bindparam("end")
    no_label, no_minutes = cast(null(), String), cast(null(), Float)
    sets = func.count(SetLogRow.id)
    sessions = (
        select(literal("session"), SessionLogRow.date, SessionLogRow.planned_label, sets, no_minutes)
        .outerjoin(SetLogRow, SetLogRow.session_log_id == SessionLogRow.id)
        .where(SessionLogRow.athlete_id == athlete, SessionLogRow.date >= start, SessionLogRow.date <= end)
        .group_by(SessionLogRow.id, SessionLogRow.date, SessionLogRow.planned_label)
    )
    runs = (
        select(literal("run"), RunRow.date, no_label, func.count(RunRow.id), cast(func.sum(RunRow.minutes), Float))
        .where(RunRow.athlete_id == athlete, RunRow.date >= start, RunRow.date <= end)
        .group_by(RunRow.date)
    )
    checkins = select(literal("checkin"), WellnessRow.date, no_label, literal(1), no_minutes).where(
        WellnessRow.athlete_id == athlete, WellnessRow.date >= start, WellnessRow.date <= end
    )
    return union_all(sessions, runs, checkins)


_LOGGED_BETWEEN = _logged_between_query()


def logged_between(s: Session, athlete_id: int, start: dt.date, end: dt.date) -> dict[dt.date, DayLog]:
    """Per day from `start` to `end`: sessions and sets logged, runs, and whether a check-in
    exists, in one statement (the week strip is on every dashboard)."""
    days: dict[dt.date, dict] = defaultdict(lambda: {"sessions": 0, "sets": 0, "labels": [], "runs": 0,
                                                      "run_minutes": 0.0, "checked_in": False})  # fmt: skip
    span = {"athlete": athlete_id, "start": start, "end": end}
    for kind, day, label, n, minutes in s.connection().execute(_LOGGED_BETWEEN, span):
        d = days[day]
        if kind == "session":
            d["sessions"] += 1
            d["sets"] += n
            if label:
                d["labels"].append(label)
        elif kind == "run":
            d["runs"] = n
            d["run_minutes"] = float(minutes or 0)
        else:
            d["checked_in"] = True
    return {day: DayLog(date=day, **values) for day, values in sorted(days.items())}


_SESSION_COLUMNS = ("id", "date", "planned_label", "plan_version", "minutes", "session_rpe", "note")
_PAIN_COLUMNS = ("date", "area", "score", "note", "side", "when", "provoked_by")
# built once per process, run with bound parameters: plain rows, no ORM objects
_SESSIONS_ON = (
    select(*(SessionLogRow.__table__.c[c] for c in _SESSION_COLUMNS))
    .where(SessionLogRow.athlete_id == bindparam("athlete"), SessionLogRow.date == bindparam("day"))
    .order_by(SessionLogRow.id)
)
_SETS_OF = (
    select(SetLogRow.id, SetLogRow.session_log_id, *(getattr(SetLogRow, f) for f in SET_FIELDS))
    .where(SetLogRow.session_log_id.in_(bindparam("ids", expanding=True)))
    .order_by(SetLogRow.id)
)
_PAINS_OF = (
    select(PainRow.session_log_id, *(PainRow.__table__.c[c] for c in _PAIN_COLUMNS))
    .where(PainRow.session_log_id.in_(bindparam("ids", expanding=True)))
    .order_by(PainRow.id)
)


def sessions_logged_on(s: Session, athlete_id: int, day: dt.date) -> list[StoredSessionLog]:
    """The strength sessions logged on `day`, with their sets in order and their pains
    (values the store wrote, so built without validating them again)."""
    rows = s.execute(_SESSIONS_ON, {"athlete": athlete_id, "day": day}).all()
    if not rows:
        return []
    ids = [r.id for r in rows]
    sets: dict[int, list[SetLog]] = defaultdict(list)
    set_ids: dict[int, list[int]] = defaultdict(list)
    for row in s.execute(_SETS_OF, {"ids": ids}):
        sets[row.session_log_id].append(row_to_set(row))
        set_ids[row.session_log_id].append(row.id)
    pains: dict[int, list[PainReport]] = defaultdict(list)
    for p in s.execute(_PAINS_OF, {"ids": ids}):
        values = {c: p._mapping[c] for c in _PAIN_COLUMNS}
        pains[p.session_log_id].append(PainReport.model_construct(**{**values, "area": PainArea(p.area)}))
    return [
        StoredSessionLog.model_construct(
            **{c: r._mapping[c] for c in _SESSION_COLUMNS}, sets=sets[r.id], pains=pains[r.id], set_ids=set_ids[r.id]
        )
        for r in rows
    ]


# statements every page asks, built once per process (athlete and days are bound parameters)
_ATHLETE, _START, _END = bindparam("athlete"), bindparam("start"), bindparam("end")
_WELLNESS_ON = select(WellnessRow).where(WellnessRow.athlete_id == _ATHLETE, WellnessRow.date == bindparam("day"))
_RUNS_BETWEEN = (
    select(RunRow)
    .where(RunRow.athlete_id == _ATHLETE, RunRow.date >= _START, RunRow.date <= _END)
    .order_by(RunRow.date, RunRow.id)
)


def wellness_on(s: Session, athlete_id: int, day: dt.date) -> Wellness | None:
    """The day's check-in, or None."""
    row = s.scalar(_WELLNESS_ON, {"athlete": athlete_id, "day": day})
    if row is None:
        return None
    return Wellness.model_construct(date=row.date, **{c: getattr(row, c) for c in WELLNESS_COLUMNS})


def runs_between(s: Session, athlete_id: int, start: dt.date, end: dt.date) -> list[RunLog]:
    """Runs logged from `start` to `end`, in date order."""
    rows = s.scalars(_RUNS_BETWEEN, {"athlete": athlete_id, "start": start, "end": end})
    fields = ("date", "minutes", "distance_km", "rpe", "leg_feel", "tightness", "form_note", "note")
    return [RunLog.model_construct(type=RunType(r.type), **{f: getattr(r, f) for f in fields}) for r in rows]


def plan_version(s: Session, athlete_id: int) -> int | None:
    """The current plan's version number alone (cheap: no plan text read)."""
    return s.scalar(select(func.max(PlanRow.version)).where(PlanRow.athlete_id == athlete_id))


def _rows_of(table: type, athlete_id: object) -> object:
    """How many rows the athlete has in `table`: counted on its (athlete_id, …) index alone
    (an index-only scan of one athlete's entries; max(id) walked the primary key of everyone's)."""
    return select(func.count()).select_from(table).where(table.athlete_id == athlete_id).scalar_subquery()


def diary_stamp(s: Session, name: str | None) -> tuple | None:
    """What a rendered page depends on, in one query: the athlete, the diary version the
    flows bump with every change, and how many rows each table written outside the flows
    too holds (a plan or review stored, runs imported: rows only added there). Equal stamps,
    same diary, in any process and on any database; None when the athlete is not plainly
    one row (no caching)."""
    params = None if name is None else {"name": name.strip()}
    rows = s.connection().execute(_STAMPS[name is not None], params).all()
    return tuple(rows[0]) if len(rows) == 1 else None


def _stamp_query(by_name: bool):  # type: ignore[no-untyped-def]
    """`diary_stamp`'s statement, built once per process (the name is a bound parameter)."""
    a = Athlete.__table__.c
    tables = (PlanRow, ReviewRow, SessionLogRow, RunRow, WellnessRow)
    query = select(a.id, a.diary_version, *(_rows_of(t, a.id) for t in tables))
    if by_name:
        query = query.where(a.name == bindparam("name"))
    return query.limit(2)


_STAMPS = {by_name: _stamp_query(by_name) for by_name in (True, False)}  # two fixed statements


def athlete_name(s: Session, athlete_id: int) -> str | None:
    """An athlete's name alone (one indexed row), for code that only needs to say who."""
    return s.scalar(select(Athlete.__table__.c.name).where(Athlete.__table__.c.id == athlete_id))


def athlete_id(s: Session, name: str | None) -> int | None:
    """The id of the athlete called `name` (exactly, else in any case or without accents, as
    `repo.find_athlete` finds them), or of the only one when no name is given; None when there is no such
    athlete, or not just one: a short query, without the plan and profile facts."""
    a = Athlete.__table__.c
    if name is None:
        ids = s.scalars(select(a.id).limit(2)).all()
        return ids[0] if len(ids) == 1 else None
    found = s.scalar(select(a.id).where(a.name == names.kept(name.strip())))
    if found is not None:
        return found
    known = dict(s.execute(select(a.name, a.id)).all())
    try:
        return known.get(names.find(name, list(known)) or "")
    except UserError:  # several answer to it
        return None


def _athlete_facts_query(by_name: bool):  # type: ignore[no-untyped-def]
    """The statement `athlete_facts` runs, built once per process (a web request asks it once or
    twice: building it and its cache key anew each time was most of its cost). The name is a
    bound parameter, so one statement serves every name."""
    a, p, pr = Athlete.__table__.c, PlanRow.__table__.c, Profile.__table__.c
    newest_plan = select(func.max(p.version)).where(p.athlete_id == a.id).correlate(Athlete.__table__)
    newest_profile = select(func.max(pr.version)).where(pr.athlete_id == a.id).correlate(Athlete.__table__)
    query = select(
        a.id, a.name, a.units, newest_profile.scalar_subquery(), p.version, p.start_date, p.end_date, a.diary_version
    )
    query = query.select_from(
        Athlete.__table__.outerjoin(
            PlanRow.__table__, (p.athlete_id == a.id) & (p.version == newest_plan.scalar_subquery())
        )
    )
    if by_name:
        query = query.where(a.name == bindparam("name"))
    return query.limit(2)


_FACTS = {by_name: _athlete_facts_query(by_name) for by_name in (True, False)}  # two fixed statements


def athlete_facts(s: Session, name: str | None) -> AthleteInfo | None:
    """The athlete called `name` exactly (or the only one when no name is given) with their
    newest profile and plan versions, in one statement; None when there is no such athlete
    or not just one (the caller asks `repo.find_athlete`, which says why)."""
    found = athlete_facts_and_version(s, name)
    return None if found is None else found[0]


def athlete_facts_and_version(s: Session, name: str | None) -> tuple[AthleteInfo, int] | None:
    """`athlete_facts` and the athlete's diary version (what a form carries back), in the same statement."""
    params = None if name is None else {"name": name.strip()}
    rows = s.connection().execute(_FACTS[name is not None], params).all()
    if len(rows) != 1:
        return None
    id_, name_, units, profile_version, plan_version, start, end, version = rows[0]
    info = AthleteInfo(id=id_, name=name_, units=Units(units), profile_version=profile_version,
                       plan_version=plan_version, plan_start=start, plan_end=end)  # fmt: skip
    return info, version or 0


def profile_text(s: Session, athlete_id: int, version: int) -> str | None:
    """One stored profile version's JSON (callers parse it once per version)."""
    pr = Profile.__table__.c
    return s.scalar(select(pr.data).where(pr.athlete_id == athlete_id, pr.version == version))


def plan_text(s: Session, athlete_id: int, version: int) -> str | None:
    """One stored plan version's JSON (callers parse it once per version)."""
    p = PlanRow.__table__.c
    return s.scalar(select(p.data).where(p.athlete_id == athlete_id, p.version == version))


_P, _PI = PlanRow.__table__.c, PlannedItem.__table__.c
_PLANNED_ITEMS = (  # built once per process: every page asks it
    select(_PI.kind, _PI.data)
    .join(PlanRow.__table__, _PI.plan_id == _P.id)
    .where(_P.athlete_id == bindparam("athlete"), _P.version == bindparam("version"))
    .where(_PI.date >= bindparam("start"), _PI.date <= bindparam("end"))
    .order_by(_PI.date, _PI.id)
)


def planned_items(
    s: Session, athlete_id: int, plan_version: int, start: dt.date, end: dt.date
) -> list[tuple[str, str]]:
    """(kind, JSON) of each item plan version `plan_version` holds from `start` to `end`, in
    date order: one statement (the caller knows the version; parsing is the caller's)."""
    rows = s.connection().execute(
        _PLANNED_ITEMS, {"athlete": athlete_id, "version": plan_version, "start": start, "end": end}
    )
    return [(kind, data) for kind, data in rows]


_PLANNED_ON = (  # the plan's items on a few chosen days (the lived light days the loads follow)
    select(_PI.kind, _PI.data)
    .join(PlanRow.__table__, _PI.plan_id == _P.id)
    .where(_P.athlete_id == bindparam("athlete"), _P.version == bindparam("version"))
    .where(_PI.date.in_(bindparam("days", expanding=True)))
    .order_by(_PI.date, _PI.id)
)


def planned_items_on(s: Session, athlete_id: int, plan_version: int, days: list[dt.date]) -> list[tuple[str, str]]:
    """(kind, JSON) of each item plan version `plan_version` holds on `days`, in date order: one statement."""
    rows = s.connection().execute(_PLANNED_ON, {"athlete": athlete_id, "version": plan_version, "days": days})
    return [(kind, data) for kind, data in rows]
