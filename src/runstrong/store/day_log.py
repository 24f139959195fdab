"""Everything logged on one day, in one statement: the strength sessions with their sets and
pains, the runs and the check-in. The dashboard, the session page and `/api/v1/today` show
all of it; five statements (each with SQLAlchemy's per-statement cost and, on PostgreSQL, a
round trip) became one `UNION ALL`.

Each kind of row puts its columns into typed slots (an id, its session's id, a date, six
integers, three floats, five texts), so one result shape serves all five kinds on SQLite
and PostgreSQL; the values come back as the per-kind reads gave them (`diary_days`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Date, Float, Integer, String, bindparam, cast, literal, literal_column, null, select, union_all

from runstrong.core.diary import PainReport, RunLog, SetLog, Wellness
from runstrong.core.model import build
from runstrong.core.vocab import PainArea, RunType

from .repo import SET_FIELDS, WELLNESS_COLUMNS
from .tables import PainRow, RunRow, SessionLogRow, SetLogRow, WellnessRow

_INTS, _FLOATS, _TEXTS = 6, 3, 5  # slots: the most columns of each type any kind has
# each kind's columns in slot order: (integers, floats, texts)
_SET_SLOTS = (("set_number", "reps", "seconds", "contacts", "rir", "form_quality"),
              ("distance_m", "load_kg", "rpe"), ("exercise_id", "side", "form_note"))  # fmt: skip
_SESSION_SLOTS = (("plan_version", "minutes"), ("session_rpe",), ("planned_label", "note"))
_PAIN_SLOTS = (("score",), (), ("area", "note", "side", "when", "provoked_by"))
_RUN_SLOTS = (("leg_feel", "tightness"), ("minutes", "distance_km", "rpe"), ("type", "form_note", "note"))
_WELLNESS_SLOTS = (WELLNESS_COLUMNS[1:-1], WELLNESS_COLUMNS[:1], WELLNESS_COLUMNS[-1:])
assert set(SET_FIELDS) == {c for group in _SET_SLOTS for c in group}, "a SetLog field without a slot"


def _select(kind: str, table: Any, slots: tuple, parent: Any, date: Any) -> Any:
    """One kind's rows in the common shape: kind, id, session id, date, then the slots."""
    c = table.__table__.c
    ints, floats, texts = ([c[n] for n in group] for group in slots)
    columns = [literal(kind).label("kind"), c.id.label("id"), parent.label("parent"), date.label("day")]
    for given, size, type_, name in ((ints, _INTS, Integer, "i"), (floats, _FLOATS, Float, "f"),
                                     (texts, _TEXTS, String, "t")):  # fmt: skip
        padded = given + [cast(null(), type_)] * (size - len(given))
        columns += [x.label(f"{name}{i}") for i, x in enumerate(padded)]
    return select(*columns)


def _day_log_query() -> Any:
    """The statement, built once per process (athlete and day are bound parameters)."""
    athlete, day = bindparam("athlete"), bindparam("day", type_=Date)
    sl = SessionLogRow.__table__.c
    sessions_of_day = select(sl.id).where(sl.athlete_id == athlete, sl.date == day)
    no_parent = cast(null(), Integer)
    sessions = _select("session", SessionLogRow, _SESSION_SLOTS, no_parent, sl.date).where(
        sl.athlete_id == athlete, sl.date == day
    )
    st, pr = SetLogRow.__table__.c, PainRow.__table__.c
    sets = _select("set", SetLogRow, _SET_SLOTS, st.session_log_id, cast(null(), Date)).where(
        st.session_log_id.in_(sessions_of_day)
    )
    pains = _select("pain", PainRow, _PAIN_SLOTS, pr.session_log_id, pr.date).where(
        pr.session_log_id.in_(sessions_of_day)
    )
    r, w = RunRow.__table__.c, WellnessRow.__table__.c
    runs = _select("run", RunRow, _RUN_SLOTS, no_parent, r.date).where(r.athlete_id == athlete, r.date == day)
    checkin = _select("wellness", WellnessRow, _WELLNESS_SLOTS, no_parent, w.date).where(
        w.athlete_id == athlete, w.date == day
    )
    # per kind, in id order (as each read gave them)
    return union_all(sessions, sets, pains, runs, checkin).order_by(literal_column("kind"), literal_column("id"))


_DAY_LOG = _day_log_query()


@dataclass(frozen=True)
class DayLogged:
    """What one day holds in the log: `diary_days.sessions_logged_on`, `runs_between` and `wellness_on` in one."""

    sessions: list[Any]  # diary_days.StoredSessionLog
    runs: list[RunLog]
    wellness: Wellness | None


def _values(row: Any, slots: tuple) -> dict[str, Any]:
    """A row's slot values by column name."""
    out = {}
    for group, start in zip(slots, (4, 4 + _INTS, 4 + _INTS + _FLOATS), strict=True):
        for i, name in enumerate(group):
            out[name] = row[start + i]
    return out


def day_logged(s: Any, athlete_id: int, day: dt.date) -> DayLogged:
    """The sessions logged on `day` (sets in order, pains), its runs and its check-in: one
    statement; values the store wrote, so built without validating them again."""
    from .diary_days import StoredSessionLog

    sessions, runs, wellness = [], [], None
    sets: dict[int, list[SetLog]] = defaultdict(list)
    set_ids: dict[int, list[int]] = defaultdict(list)
    pains: dict[int, list[PainReport]] = defaultdict(list)
    for row in s.connection().execute(_DAY_LOG, {"athlete": athlete_id, "day": day}):
        kind, id_, parent, date = row[0], row[1], row[2], row[3]
        if kind == "set":
            sets[parent].append(build(SetLog, **_values(row, _SET_SLOTS)))
            set_ids[parent].append(id_)
        elif kind == "session":
            sessions.append((id_, date, _values(row, _SESSION_SLOTS)))
        elif kind == "pain":
            values = _values(row, _PAIN_SLOTS)
            values["area"] = PainArea(values["area"])
            pains[parent].append(build(PainReport, date=date, **values))
        elif kind == "run":
            values = _values(row, _RUN_SLOTS)
            values["type"] = RunType(values["type"])
            runs.append(build(RunLog, date=date, **values))
        elif wellness is None:
            wellness = build(Wellness, date=date, **_values(row, _WELLNESS_SLOTS))
    logged = [
        build(StoredSessionLog, id=id_, date=date, **values, sets=sets[id_], pains=pains[id_], set_ids=set_ids[id_])
        for id_, date, values in sessions
    ]
    return DayLogged(logged, runs, wellness)
