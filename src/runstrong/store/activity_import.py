"""The store's side of `runstrong run import`: the athlete's runs for the duplicate check
(read once into memory), the new runs written in one bulk insert, and strength workouts
recorded by a watch logged as sessions.

Functions take a Session; the caller's transaction commits or rolls back.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from runstrong.core.activity import KnownRun, RunIndex
from runstrong.core.diary import RunLog, SetLog
from runstrong.core.watch_strength import WatchWorkout
from runstrong.errors import UserError

from . import repo
from .tables import RunRow, SetLogRow

MAX_SESSION_MINUTES = 300  # SessionLog.minutes accepts up to this


def run_index(s: Session, athlete_id: int) -> RunIndex:
    """Every run of the athlete, as the duplicate check needs them (one query)."""
    query = select(RunRow.date, RunRow.minutes, RunRow.distance_km, RunRow.started_at, RunRow.source).where(
        RunRow.athlete_id == athlete_id
    )
    return RunIndex.of(KnownRun(*row) for row in s.execute(query))


def insert_runs(s: Session, athlete_id: int, runs: Sequence[RunLog]) -> int:
    """Add `runs` in one executemany; returns how many."""
    if runs:
        rows = [{"athlete_id": athlete_id, **r.model_dump(), "type": r.type.value} for r in runs]
        s.execute(insert(RunRow), rows)
    return len(runs)


# ---------------------------------------------------------------- watch strength


def write_import(s: Session, athlete: repo.AthleteInfo, report, today: dt.date) -> list:  # type: ignore[no-untyped-def]
    """Store what an import read: its new runs, then each strength workout from the watch as
    a logged session. The one write path of `run import` and the web upload, so both apply
    the same rules. Returns (activity, LoggedSession or None when logged already) pairs."""
    insert_runs(s, athlete.id, report.runs)
    return [(activity, log_watch_workout(s, athlete, activity.strength, today)) for activity in report.strength]


def log_watch_workout(
    s: Session, athlete: repo.AthleteInfo, workout: WatchWorkout, today: dt.date
) -> repo.LoggedSession | None:
    """Log a strength workout the watch recorded, set by set, against the planned session it
    was sent as (else the day's first); None when the diary already holds those sets.

    The one place run import logs strength: the flows/ layer will take its place."""
    from runstrong.core.diary import SessionLog, validate_entry
    from runstrong.core.watch_strength import diary_sets, sent_as
    from runstrong.io.data_files import load_library

    from . import logbook

    sent = sent_as(workout.workout_name, workout.day)
    context = None
    if sent is not None:
        try:
            context = logbook.gather(s, athlete, sent[0], sent[1], field="workout")
        except UserError:
            context = None  # the plan changed since the file was sent: log against the day
    context = context or logbook.gather(s, athlete, workout.day)
    sets = diary_sets(workout, context.planned, load_library())
    if not sets or _already_logged(s, athlete.id, workout.day, sets):
        return None
    minutes = min(max(round(workout.seconds / 60), 1), MAX_SESSION_MINUTES) if workout.seconds else None
    data = logbook.session_data(workout.day, context, sets, minutes=minutes, note=None)
    log = validate_entry(SessionLog, data, today)
    return logbook.write_session(s, athlete.id, log)


def _set_key(item: SetLog) -> tuple:
    return (item.exercise_id, item.side, item.reps, item.seconds, item.contacts, item.distance_m, item.load_kg)


def _already_logged(s: Session, athlete_id: int, day: dt.date, sets: Sequence[SetLog]) -> bool:
    """Every one of `sets` is among the sets logged that day (the file was imported before)."""
    ids = repo.session_ids_on(s, athlete_id, day)
    if not ids:
        return False
    rows = s.scalars(select(SetLogRow).where(SetLogRow.session_log_id.in_(ids)))
    logged = Counter(_set_key(repo.row_to_set(r)) for r in rows)
    return not Counter(_set_key(x) for x in sets) - logged
