"""The last logged sets of a day's lifts, for a page: the sets of each lift's latest session
(the logging form's "last time") and the loaded sets of its latest session with a load
(what the planned loads follow, `flows.loads`), both from one read of the athlete's recent
sessions.

Most lifts on a page were logged in the last few weeks, so one statement over the athlete's
newest `RECENT_SESSIONS` sessions (their date index, then each session's sets) finds them
all; only lifts not among them (new, swapped in, or never logged) are looked up in the
older history, all in one grouped statement. The answers are those of `repo.last_sets` and
`logged_loads.logged_sets` (the same latest session, the same sets in the same order).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Date, String, bindparam, func, literal_column, null, select, text, union_all
from sqlalchemy.orm import Session

from runstrong.core.diary import SetLog

from .repo import SET_FIELDS
from .tables import SessionLogRow, SetLogRow

RECENT_SESSIONS = 24  # about eight weeks of three sessions: where a page's lifts were last logged
_SL, _ST = SessionLogRow.__table__.c, SetLogRow.__table__.c
_COLUMNS = (_ST.session_log_id, _SL.date, *(_ST[f] for f in SET_FIELDS))


# built once per process, run with bound parameters (the window's size too: tests vary it)
_ATHLETE, _BEFORE = bindparam("athlete"), bindparam("before", type_=Date)
_CUTOFF = (  # the date of the athlete's RECENT_SESSIONS-th newest session before the day
    select(_SL.date)
    .where(_SL.athlete_id == _ATHLETE, _SL.date < _BEFORE)
    .order_by(_SL.date.desc())
    .offset(bindparam("skip"))
    .limit(1)
    .scalar_subquery()
)
WINDOW_CUTOFF = _CUTOFF  # for a statement that carries the window beside other reads (`day_log`)
# the window's sets, newest session first, and one more row holding the cutoff alone (no
# session id), so the cutoff is known even when the window holds none of the lifts
_WINDOW = union_all(
    select(*_COLUMNS, _ST.id.label("set_id"), _CUTOFF.label("cutoff"))
    .join(SessionLogRow.__table__, _ST.session_log_id == _SL.id)
    .where(_SL.athlete_id == _ATHLETE, _SL.date < _BEFORE, _ST.exercise_id.in_(bindparam("ids", expanding=True)))
    .where(_SL.date >= func.coalesce(_CUTOFF, dt.date.min)),
    select(*(null().label(c.name) for c in _COLUMNS), null().label("set_id"), _CUTOFF.label("cutoff")),
).order_by(literal_column("date").desc(), literal_column("session_log_id").desc(), literal_column("set_id"))


@dataclass(frozen=True)
class LastSets:
    """Per lift: `sets` of its latest session before the day (in logged order), and the
    `loaded` sets (load and reps given) of its latest session that had one, with that date."""

    sets: dict[str, list[SetLog]]
    loaded: dict[str, tuple[dt.date, list[SetLog]]]


def asked(exercise_ids: Iterable[str], loaded_ids: Iterable[str]) -> list[str]:
    """The lifts a read of the window asks for (its `ids` parameter)."""
    return sorted(set(exercise_ids) | set(loaded_ids))


def window_values(athlete_id: int, before: dt.date, ids: list[str]) -> dict[str, Any]:
    """The window's bound parameters (another statement may carry the window: `day_log`)."""
    return {"athlete": athlete_id, "before": before, "ids": ids, "skip": RECENT_SESSIONS - 1}


def last_sets(
    s: Session,
    athlete_id: int,
    exercise_ids: Iterable[str],
    before: dt.date,
    loaded_ids: Iterable[str] = (),
    window: tuple[list[Any], dt.date | None] | None = None,
) -> LastSets:
    """The last sets of each lift in `exercise_ids` logged before `before`, and the last
    loaded sets of each in `loaded_ids` (the lifts with a planned load; see the module).
    `window`: the window's rows (newest session first) and cutoff, when another statement
    read them (`day_log`); else this reads them."""
    loaded_ids = set(loaded_ids)
    ids = asked(exercise_ids, loaded_ids)
    found = LastSets({}, {})
    if not ids:
        return found
    if window is None:
        rows = s.connection().execute(_WINDOW, window_values(athlete_id, before, ids)).all()
        start = next(r.cutoff for r in rows if r.session_log_id is None)
        rows = [r for r in rows if r.session_log_id is not None]
    else:
        rows, start = window
    _pick(rows, found)
    missing = [x for x in ids if x not in found.sets or (x in loaded_ids and x not in found.loaded)]
    if missing and start is not None:  # the window did not reach the first session: look further back
        _pick(_older(s, athlete_id, missing, start), found)
    return found


def _pick(rows: Iterable[Any], found: LastSets) -> None:
    """Rows newest session first: each lift's first session seen is its latest (for any
    set, and for a loaded one); lifts already found keep what they have."""
    first: dict[str, int] = {}
    first_loaded: dict[str, int] = {}
    done, done_loaded = set(found.sets), set(found.loaded)
    for row in rows:
        x, sid = row.exercise_id, row.session_log_id
        one = None
        if x not in done and first.setdefault(x, sid) == sid:
            one = _set(row)
            found.sets.setdefault(x, []).append(one)
        loaded = row.load_kg is not None and row.reps is not None
        if x not in done_loaded and loaded and first_loaded.setdefault(x, sid) == sid:
            found.loaded.setdefault(x, (row.date, []))[1].append(one or _set(row))


def _set(row: Any) -> SetLog:
    return SetLog.model_construct(**{f: getattr(row, f) for f in SET_FIELDS})


# SQLite plans a JOIN from the session index (every older session's sets, ~2 ms on a
# three-year diary, though most looked-up lifts were never logged); CROSS JOIN keeps the
# set table outside, read by exercise id (~0.01 ms). PostgreSQL plans both forms alike.
_LATEST = (
    text(
        "SELECT s.exercise_id, max(l.date) AS latest,"
        " max(CASE WHEN s.load_kg IS NOT NULL AND s.reps IS NOT NULL THEN l.date END) AS latest_loaded"
        " FROM set_logs AS s CROSS JOIN session_logs AS l"
        " WHERE s.session_log_id = l.id AND s.exercise_id IN :ids AND l.athlete_id = :athlete AND l.date < :before"
        " GROUP BY s.exercise_id"
    )
    .bindparams(bindparam("ids", expanding=True), bindparam("before", type_=Date))
    .columns(exercise_id=String, latest=Date, latest_loaded=Date)
)


def _older(s: Session, athlete_id: int, ids: list[str], before: dt.date) -> list[Any]:
    """The sets of `ids` in the sessions that hold each one's latest (and latest loaded) set
    before `before`: one grouped statement over the athlete's older sessions, then those days'."""
    latest = s.connection().execute(_LATEST, {"ids": ids, "athlete": athlete_id, "before": before}).all()
    if not latest:
        return []
    days = sorted({d for _, *pair in latest for d in pair if d is not None})
    return s.execute(
        select(*_COLUMNS)
        .join(SessionLogRow.__table__, _ST.session_log_id == _SL.id)
        .where(_SL.athlete_id == athlete_id, _SL.date.in_(days), _ST.exercise_id.in_([x for x, *_ in latest]))
        .order_by(_SL.date.desc(), _SL.id.desc(), _ST.id)
    ).all()
