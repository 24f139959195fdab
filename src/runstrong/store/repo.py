"""Reading and writing the diary: functions that take a Session and pydantic values and
return pydantic values. No CLI code, no clock (dates and times come in as arguments),
no commit: the caller's transaction (`Store.write()`) commits or rolls back as a whole.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import Session

from runstrong.core import names
from runstrong.core.diary import (
    Assessment,
    Note,
    PainReport,
    PlannedRun,
    PlannedSession,
    RunLog,
    SessionLog,
    SetLog,
    Wellness,
    number_sets,
    planned_work,
)
from runstrong.core.model import AthleteProfile, Frozen, Plan, Units
from runstrong.errors import UserError

from .tables import (
    AssessmentRow,
    Athlete,
    NoteRow,
    PainRow,
    PlannedItem,
    PlanRow,
    Profile,
    RunRow,
    SessionLogRow,
    SetLogRow,
    WellnessRow,
)

SET_FIELDS = tuple(SetLog.model_fields)
WELLNESS_COLUMNS = ("sleep_hours", "sleep_quality", "mood", "appetite", "soreness", "stress", "energy", "note")
RUN_COLUMNS = ("type", "minutes", "distance_km", "rpe", "leg_feel", "tightness", "form_note", "note")


class AthleteInfo(Frozen):
    id: int
    name: str
    units: Units
    profile_version: int | None = None
    plan_version: int | None = None
    plan_start: dt.date | None = None
    plan_end: dt.date | None = None


class StoredPlan(Frozen):
    athlete: AthleteInfo
    profile_version: int
    plan_version: int
    new_athlete: bool
    new_plan: bool


class DayPlan(Frozen):
    plan_version: int | None
    sessions: list[PlannedSession]
    runs: list[PlannedRun]


class LoggedSession(Frozen):
    id: int
    date: dt.date
    appended: bool
    new_sets: int
    total_sets: int
    set_ids: list[int]


# ------------------------------------------------------------------------- athletes


def list_athletes(s: Session) -> list[AthleteInfo]:
    return [_info(s, a) for a in s.scalars(select(Athlete).order_by(Athlete.name))]


def find_athlete(s: Session, name: str | None) -> AthleteInfo:
    """The athlete called `name` (see `core.names.find`), or the only one when no name is given."""
    if name is not None:  # one indexed row, not the whole list, in a diary of many athletes
        found = s.scalar(select(Athlete).where(Athlete.name == names.kept(name.strip())))
        if found is not None:
            return _info(s, found)
    athletes = s.scalars(select(Athlete).order_by(Athlete.name)).all()
    if name is not None:  # in another case, or without accents, when only one athlete answers to it
        chosen = names.find(name, [a.name for a in athletes])
        if chosen is not None:
            return _info(s, next(a for a in athletes if a.name == chosen))
        known = ", ".join(a.name for a in athletes) or "none yet"
        raise UserError(f"athlete: no athlete {name!r} in the diary (known: {known}); add one with "
                        "`runstrong athlete add PROFILE`")  # fmt: skip
    if not athletes:
        raise UserError(
            "athlete: the diary has no athlete yet; add yourself with `runstrong athlete add PROFILE` "
            "(or give --profile PROFILE once)"
        )
    if len(athletes) > 1:
        raise UserError(
            f"athlete: the diary holds {len(athletes)} athletes ({', '.join(a.name for a in athletes)}); "
            "choose one with --athlete NAME"
        )
    return _info(s, athletes[0])


def athlete_info(s: Session, athlete_id: int) -> AthleteInfo:
    return _info(s, s.get_one(Athlete, athlete_id))


def add_athlete(s: Session, name: str, units: Units, now: dt.datetime) -> int:
    """A new athlete row (no profile yet); the caller has checked the name is free."""
    row = Athlete(name=name, units=units.value, created_at=now, diary_version=0)
    s.add(row)
    s.flush()
    return row.id


def _info(s: Session, a: Athlete) -> AthleteInfo:
    """The athlete with their latest profile and plan versions, in one statement."""
    newest_plan = select(func.max(PlanRow.version)).where(PlanRow.athlete_id == a.id).scalar_subquery()
    newest_profile = select(func.max(Profile.version)).where(Profile.athlete_id == a.id).scalar_subquery()
    plan = s.execute(
        select(newest_profile, PlanRow.version, PlanRow.start_date, PlanRow.end_date)
        .select_from(Athlete)
        .outerjoin(PlanRow, (PlanRow.athlete_id == Athlete.id) & (PlanRow.version == newest_plan))
        .where(Athlete.id == a.id)
    ).one()
    return AthleteInfo(
        id=a.id,
        name=a.name,
        units=Units(a.units),
        profile_version=plan[0],
        plan_version=plan[1],
        plan_start=plan[2],
        plan_end=plan[3],
    )


def store_plan(s: Session, profile: AthleteProfile, plan: Plan, now: dt.datetime) -> StoredPlan:
    """Store a profile and its plan for the athlete it names. A changed profile or plan
    becomes a new version; earlier versions stay. The same again stores nothing."""
    athlete = s.scalar(select(Athlete).where(Athlete.name == profile.name))  # exact: see flows.identity
    new_athlete = athlete is None or s.scalar(select(Profile.id).where(Profile.athlete_id == athlete.id)) is None
    if athlete is None:
        athlete = Athlete(name=profile.name, units=profile.units.value, created_at=now, diary_version=0)
        s.add(athlete)
        s.flush()
    athlete.units = profile.units.value
    profile_text = profile.model_dump_json()
    latest = s.scalar(select(Profile).where(Profile.athlete_id == athlete.id).order_by(Profile.version.desc()))
    if latest is None or latest.data != profile_text:
        latest = Profile(
            athlete_id=athlete.id, version=(latest.version + 1) if latest else 1, created_at=now, data=profile_text
        )
        s.add(latest)
        s.flush()
    _store_screens(s, athlete.id, profile)
    plan_text = plan.model_dump_json(exclude_computed_fields=True)
    current = s.scalar(current_plan_select(athlete.id, PlanRow))
    new_plan = current is None or current.profile_id != latest.id or current.data != plan_text
    if new_plan:
        sessions, runs = planned_work(plan)
        current = _insert_plan(
            s, athlete.id, (current.version + 1) if current else 1, latest.id, now, plan.start_date,
            plan.end_date, plan_text, sessions, runs,
        )  # fmt: skip
    assert current is not None
    return StoredPlan(
        athlete=_info(s, athlete),
        profile_version=latest.version,
        plan_version=current.version,
        new_athlete=new_athlete,
        new_plan=new_plan,
    )


def _store_screens(s: Session, athlete_id: int, profile: AthleteProfile) -> None:
    """Each baseline screen in the profile becomes an assessment row, once."""
    stored = {(d, r) for d, r in s.execute(select(AssessmentRow.date, AssessmentRow.results).where(
        AssessmentRow.athlete_id == athlete_id))}  # fmt: skip
    for screen in getattr(profile, "screens", []):
        results = screen.model_dump(mode="json", exclude={"date", "notes"})
        text = json.dumps(results, sort_keys=True)
        if (screen.date, text) not in stored:
            s.add(AssessmentRow(athlete_id=athlete_id, date=screen.date, results=text, note=screen.notes or None))
            stored.add((screen.date, text))


def _insert_plan(
    s: Session,
    athlete_id: int,
    version: int,
    profile_id: int,
    created_at: dt.datetime,
    start: dt.date,
    end: dt.date,
    data: str,
    sessions: Iterable[PlannedSession],
    runs: Iterable[PlannedRun],
) -> PlanRow:
    row = PlanRow(
        athlete_id=athlete_id,
        version=version,
        profile_id=profile_id,
        created_at=created_at,
        start_date=start,
        end_date=end,
        data=data,
    )
    s.add(row)
    s.flush()
    items = [
        {"plan_id": row.id, "date": p.date, "kind": "strength", "label": p.label, "data": p.model_dump_json()}
        for p in sessions
    ] + [{"plan_id": row.id, "date": r.date, "kind": "run", "label": None, "data": r.model_dump_json()} for r in runs]
    if items:
        s.execute(PlannedItem.__table__.insert(), items)
    return row


def latest_profile(s: Session, athlete_id: int) -> AthleteProfile | None:
    text = s.scalar(
        select(Profile.data).where(Profile.athlete_id == athlete_id).order_by(Profile.version.desc()).limit(1)
    )
    return AthleteProfile.model_validate_json(text) if text else None


def current_plan_select(athlete_id: int, *columns: Any) -> Select:
    """A statement for `columns` of the athlete's current plan: its newest version."""
    return select(*columns).where(PlanRow.athlete_id == athlete_id).order_by(PlanRow.version.desc()).limit(1)


def latest_plan_text(s: Session, athlete_id: int) -> tuple[int, str] | None:
    """The current plan's version and stored JSON, for callers that cache parsed plans by version."""
    row = s.execute(current_plan_select(athlete_id, PlanRow.version, PlanRow.data)).first()
    return (row.version, row.data) if row else None


def latest_plan(s: Session, athlete_id: int) -> tuple[int, Plan] | None:
    """The athlete's current plan (its newest version) and its version number."""
    found = latest_plan_text(s, athlete_id)
    return (found[0], parse_plan(found[1])) if found else None


@lru_cache(maxsize=8)
def parse_plan(text: str) -> Plan:
    """A stored plan, parsed once while it is among the last few read: keyed by the JSON
    itself (a stored plan never changes, and equal text is the same plan in any diary), so
    a server's reviews and pages of one athlete skip the parse (~40 ms for a 16-week plan)."""
    return Plan.model_validate_json(text)


# --------------------------------------------------------------------- planned work


def planned_between(
    s: Session, athlete_id: int, start: dt.date, end: dt.date
) -> tuple[int | None, list[PlannedSession], list[PlannedRun]]:
    """The current plan's version, sessions and runs from `start` to `end` (inclusive)."""
    plan = s.execute(current_plan_select(athlete_id, PlanRow.id, PlanRow.version)).first()
    if plan is None:
        return None, [], []
    rows = s.execute(
        select(PlannedItem.kind, PlannedItem.data)
        .where(PlannedItem.plan_id == plan.id, PlannedItem.date >= start, PlannedItem.date <= end)
        .order_by(PlannedItem.date, PlannedItem.id)
    ).all()
    sessions = [PlannedSession.model_validate_json(d) for k, d in rows if k == "strength"]
    runs = [PlannedRun.model_validate_json(d) for k, d in rows if k == "run"]
    return plan.version, sessions, runs


def planned_day(s: Session, athlete_id: int, day: dt.date) -> DayPlan:
    """The strength sessions and runs the athlete's current plan holds on `day`."""
    version, sessions, runs = planned_between(s, athlete_id, day, day)
    return DayPlan(plan_version=version, sessions=sessions, runs=runs)


def _next_planned_query():  # type: ignore[no-untyped-def]
    """`next_planned_session`'s statement, built once (athlete and day are bound parameters)."""
    athlete = bindparam("athlete")
    newest = select(func.max(PlanRow.version)).where(PlanRow.athlete_id == athlete).scalar_subquery()
    return (
        select(PlannedItem.data)
        .join(PlanRow, PlanRow.id == PlannedItem.plan_id)
        .where(PlanRow.athlete_id == athlete, PlannedItem.kind == "strength", PlannedItem.date > bindparam("after"))
        .where(PlanRow.version == newest)
        .order_by(PlannedItem.date, PlannedItem.id)
        .limit(1)
    )


_NEXT_PLANNED = _next_planned_query()


def next_planned_session(s: Session, athlete_id: int, after: dt.date) -> PlannedSession | None:
    data = s.scalar(_NEXT_PLANNED, {"athlete": athlete_id, "after": after})
    return PlannedSession.model_validate_json(data) if data else None


# -------------------------------------------------------------------------- logging


def session_ids_on(s: Session, athlete_id: int, day: dt.date) -> list[int]:
    return list(
        s.scalars(
            select(SessionLogRow.id)
            .where(SessionLogRow.athlete_id == athlete_id, SessionLogRow.date == day)
            .order_by(SessionLogRow.id)
        )
    )


def lock_athlete(s: Session, athlete_id: int) -> None:
    """Serialise writers of one athlete's diary for the rest of the transaction. SQLite
    already holds the write lock (BEGIN IMMEDIATE); PostgreSQL locks the athlete's row."""
    s.execute(select(Athlete.id).where(Athlete.id == athlete_id).with_for_update())


def count_sets(s: Session, session_ids: list[int]) -> int:
    if not session_ids:
        return 0
    return s.scalar(select(func.count(SetLogRow.id)).where(SetLogRow.session_log_id.in_(session_ids))) or 0


def log_session(s: Session, athlete_id: int, log: SessionLog, append_to: int | None = None) -> LoggedSession:
    """Store a strength session, or add its sets, pains and answers to session `append_to`.
    Sets are numbered per exercise and side, after any already in the session."""
    lock_athlete(s, athlete_id)
    if append_to is None:
        row = SessionLogRow(athlete_id=athlete_id, **log.model_dump(exclude={"sets", "pains"}))
        s.add(row)
        s.flush()
        existing: dict[tuple[str, str | None], int] = {}
    else:
        row = s.get_one(SessionLogRow, append_to)
        for field in ("minutes", "session_rpe", "note", "plan_version", "planned_date", "planned_label"):
            value = getattr(log, field)
            if value is not None:
                setattr(row, field, value)
        existing = {
            (ex, side): n
            for ex, side, n in s.execute(
                select(SetLogRow.exercise_id, SetLogRow.side, func.max(SetLogRow.set_number))
                .where(SetLogRow.session_log_id == row.id)
                .group_by(SetLogRow.exercise_id, SetLogRow.side)
            )
        }
    try:
        numbered = number_sets(existing, log.sets)
    except ValueError as err:  # more than the diary (and its exports) can number
        raise UserError(str(err)) from None
    set_ids = insert_sets(s, row.id, numbered)
    for pain in log.pains:
        s.add(PainRow(athlete_id=athlete_id, session_log_id=row.id, **pain.model_dump()))
    total = s.scalar(select(func.count()).select_from(SetLogRow).where(SetLogRow.session_log_id == row.id))
    return LoggedSession(
        id=row.id,
        date=row.date,
        appended=append_to is not None,
        new_sets=len(set_ids),
        total_sets=total or 0,
        set_ids=set_ids,
    )


def insert_sets(s: Session, session_log_id: int, sets: Iterable[SetLog]) -> list[int]:
    ids = []
    for st in sets:
        row = SetLogRow(session_log_id=session_log_id, **st.model_dump())
        s.add(row)
        s.flush()
        ids.append(row.id)
    return ids


def save_wellness(s: Session, athlete_id: int, entry: Wellness) -> list[str]:
    """Store the day's check-in; a second check-in on the same day updates the answers it
    gives and keeps the others. Returns the names of the answers it replaced."""
    lock_athlete(s, athlete_id)
    row = s.scalar(select(WellnessRow).where(WellnessRow.athlete_id == athlete_id, WellnessRow.date == entry.date))
    if row is None:
        s.add(WellnessRow(athlete_id=athlete_id, **entry.model_dump()))
        return []
    replaced = []
    for field in WELLNESS_COLUMNS:
        value = getattr(entry, field)
        if value is not None:
            if getattr(row, field) is not None and getattr(row, field) != value:
                replaced.append(field)
            setattr(row, field, value)
    return replaced


def add_run(s: Session, athlete_id: int, run: RunLog) -> int:
    row = RunRow(athlete_id=athlete_id, **run.model_dump(mode="python"))
    row.type = run.type.value
    s.add(row)
    s.flush()
    return row.id


def add_note(s: Session, athlete_id: int, note: Note) -> int:
    row = NoteRow(athlete_id=athlete_id, **note.model_dump())
    s.add(row)
    s.flush()
    return row.id


def add_pain(s: Session, athlete_id: int, pain: PainReport, session_log_id: int | None = None) -> int:
    row = PainRow(athlete_id=athlete_id, session_log_id=session_log_id, **pain.model_dump())
    row.area = pain.area.value
    s.add(row)
    s.flush()
    return row.id


def add_assessment(s: Session, athlete_id: int, assessment: Assessment) -> int:
    row = AssessmentRow(
        athlete_id=athlete_id,
        date=assessment.date,
        results=json.dumps(assessment.results, sort_keys=True),
        note=assessment.note,
    )
    s.add(row)
    s.flush()
    return row.id


def row_to_set(row: SetLogRow) -> SetLog:
    return SetLog.model_construct(**{f: getattr(row, f) for f in SET_FIELDS})


def newest_sessions(
    s: Session, athlete_id: int, ids: list[str], before: dt.date, loaded: bool = False
) -> dict[str, int]:
    """For each lift in `ids`, the id of its latest session before `before` (with a set of it,
    a set with load and reps when `loaded`), in one statement: per lift, found newest first
    through the athlete's date index (a few rows each), not by reading the lift's whole history."""
    if not ids:
        return {}
    params = {"athlete": athlete_id, "before": before} | {f"lift{n}": x for n, x in enumerate(ids)}
    found = s.execute(_newest_sessions_query(len(ids), loaded), params).one()
    return {x: sid for x, sid in zip(ids, found, strict=True) if sid is not None}


@lru_cache(maxsize=64)  # one statement per count of lifts (a day has a dozen at most) and kind
def _newest_sessions_query(count: int, loaded: bool):  # type: ignore[no-untyped-def]
    """`newest_sessions`' statement for `count` lifts, built once: the values are bound
    parameters (building it and its cache key anew each request was most of its cost)."""
    where = (SetLogRow.load_kg.is_not(None), SetLogRow.reps.is_not(None)) if loaded else ()
    return select(*(
        select(SessionLogRow.id)
        .join(SetLogRow, SetLogRow.session_log_id == SessionLogRow.id)
        .where(SessionLogRow.athlete_id == bindparam("athlete"), SessionLogRow.date < bindparam("before"))
        .where(SetLogRow.exercise_id == bindparam(f"lift{n}"), *where)
        .order_by(SessionLogRow.date.desc(), SessionLogRow.id.desc())
        .limit(1)
        .scalar_subquery()
        for n in range(count)
    ))  # fmt: skip


def last_sets(s: Session, athlete_id: int, exercise_ids: Iterable[str], before: dt.date) -> dict[str, list[SetLog]]:
    """For each exercise, the sets of the latest session before `before` that had it: two
    statements for all the exercises (a page asks for a dozen; one at a time cost two each),
    each through an index, however long the diary."""
    newest = newest_sessions(s, athlete_id, sorted(set(exercise_ids)), before)
    if not newest:
        return {}
    rows = s.execute(
        select(SetLogRow.session_log_id, *(getattr(SetLogRow, f) for f in SET_FIELDS))
        .where(SetLogRow.session_log_id.in_(sorted(set(newest.values()))), SetLogRow.exercise_id.in_(list(newest)))
        .order_by(SetLogRow.id)
    )
    rows = [r for r in rows if newest[r.exercise_id] == r.session_log_id]
    out: dict[str, list[SetLog]] = {}
    for row in rows:
        out.setdefault(row.exercise_id, []).append(row_to_set(row))
    return out
