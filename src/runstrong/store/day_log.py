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
from collections import defaultdict, namedtuple
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Date,
    Float,
    Integer,
    String,
    bindparam,
    cast,
    func,
    literal,
    literal_column,
    null,
    select,
    union_all,
)

from runstrong.core.diary import PainReport, RunLog, SetLog, Wellness
from runstrong.core.model import build
from runstrong.core.vocab import PainArea, RunType

from .last_sets import window_values
from .repo import SET_FIELDS, WELLNESS_COLUMNS
from .tables import PainRow, ReviewQueueRow, ReviewRow, RunRow, SessionLogRow, SetLogRow, WellnessRow

_INTS, _FLOATS, _TEXTS = 6, 3, 5  # slots: the most columns of each type any kind has
# each kind's columns in slot order: (integers, floats, texts)
_SET_SLOTS = (("set_number", "reps", "seconds", "contacts", "rir", "form_quality"),
              ("distance_m", "load_kg", "rpe"), ("exercise_id", "side", "form_note"))  # fmt: skip
_SESSION_SLOTS = (("plan_version", "minutes"), ("session_rpe",), ("planned_label", "note"))
_PAIN_SLOTS = (("score",), (), ("area", "note", "side", "when", "provoked_by"))
_RUN_SLOTS = (("leg_feel", "tightness"), ("minutes", "distance_km", "rpe"), ("type", "form_note", "note"))
_WELLNESS_SLOTS = (WELLNESS_COLUMNS[1:-1], WELLNESS_COLUMNS[:1], WELLNESS_COLUMNS[-1:])
assert set(SET_FIELDS) == {c for group in _SET_SLOTS for c in group}, "a SetLog field without a slot"


def _shape(kind: str, id_: Any, parent: Any, date: Any, ints: list, floats: list, texts: list) -> list:
    """Columns in the common shape: kind, id, session id, date, then the typed slots padded with NULLs."""
    columns = [literal(kind).label("kind"), id_.label("id"), parent.label("parent"), date.label("day")]
    for given, size, type_, name in ((ints, _INTS, Integer, "i"), (floats, _FLOATS, Float, "f"),
                                     (texts, _TEXTS, String, "t")):  # fmt: skip
        padded = given + [cast(null(), type_)] * (size - len(given))
        columns += [x.label(f"{name}{i}") for i, x in enumerate(padded)]
    return columns


def _select(kind: str, table: Any, slots: tuple, parent: Any, date: Any) -> Any:
    """One kind's rows in the common shape."""
    c = table.__table__.c
    ints, floats, texts = ([c[n] for n in group] for group in slots)
    return select(*_shape(kind, c.id, parent, date, ints, floats, texts))


def _day_members(athlete: Any, day: Any) -> list[Any]:
    """The selects of one day's log (athlete and day are bound parameters)."""
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
    return [sessions, sets, pains, runs, checkin]


def _week_members(athlete: Any, start: Any, end: Any) -> list[Any]:
    """The selects of the week strip's counts (`diary_days.logged_between`): per session its
    sets and label, per day the runs and their minutes, and each check-in."""
    sl, st, r, w = (t.__table__.c for t in (SessionLogRow, SetLogRow, RunRow, WellnessRow))
    none = cast(null(), Integer)
    sessions = (
        select(*_shape("week_session", sl.id, none, sl.date, [func.count(st.id)], [], [sl.planned_label]))
        .outerjoin(SetLogRow.__table__, st.session_log_id == sl.id)
        .where(sl.athlete_id == athlete, sl.date >= start, sl.date <= end)
        .group_by(sl.id, sl.date, sl.planned_label)
    )
    runs = (
        select(*_shape("week_run", none, none, r.date, [func.count(r.id)], [cast(func.sum(r.minutes), Float)], []))
        .where(r.athlete_id == athlete, r.date >= start, r.date <= end)
        .group_by(r.date)
    )
    checkins = select(*_shape("week_checkin", w.id, none, w.date, [], [], [])).where(
        w.athlete_id == athlete, w.date >= start, w.date <= end
    )
    return [sessions, runs, checkins]


def _latest_members(athlete: Any) -> list[Any]:
    """The selects of the latest accepted review's JSON and the coach's latest decided note."""
    from .roster import DECIDED

    r, q = ReviewRow.__table__.c, ReviewQueueRow.__table__.c
    none = cast(null(), Integer)
    review = select(*_shape("review", none, none, r.week_start, [], [], [r.data])).where(r.athlete_id == athlete)
    note = select(*_shape("note", none, none, q.week_start, [], [], [q.note, q.decided_by])).where(
        q.athlete_id == athlete, q.status.in_(DECIDED)
    )
    newest = [x.order_by(literal_column("day").desc()).limit(1).subquery() for x in (review, note)]
    return [select(x) for x in newest]


def _window_members() -> list[Any]:
    """The last-sets window (`last_sets`): the sets of the asked lifts in the athlete's
    newest sessions before the day (kind "window": id the set's, parent its session's), and
    the window's cutoff date (kind "cutoff"), so a page reads them with its day's log."""
    from .last_sets import WINDOW_CUTOFF

    sl, st = SessionLogRow.__table__.c, SetLogRow.__table__.c
    ints, floats, texts = ([st[n] for n in group] for group in _SET_SLOTS)
    sets = (
        select(*_shape("window", st.id, st.session_log_id, sl.date, ints, floats, texts))
        .join(SessionLogRow.__table__, st.session_log_id == sl.id)
        .where(sl.athlete_id == bindparam("athlete"), sl.date < bindparam("before", type_=Date))
        .where(st.exercise_id.in_(bindparam("ids", expanding=True)))
        .where(sl.date >= func.coalesce(WINDOW_CUTOFF, dt.date.min))
    )
    none = cast(null(), Integer)
    return [sets, select(*_shape("cutoff", none, none, WINDOW_CUTOFF, [], [], []))]


def _ordered(*members: Any) -> Any:
    """The members as one statement, per kind in id order (as each per-kind read gave them)."""
    return union_all(*members).order_by(literal_column("kind"), literal_column("id"))


_ATHLETE, _DAY = bindparam("athlete"), bindparam("day", type_=Date)
_DAY_LOG = _ordered(*_day_members(_ATHLETE, _DAY))
_DAY_WINDOW = _ordered(*_day_members(_ATHLETE, _DAY), *_window_members())
_WEEK = _week_members(_ATHLETE, bindparam("start", type_=Date), bindparam("end", type_=Date))
_DASHBOARD_LOG = _ordered(*_WEEK, *_day_members(_ATHLETE, _DAY), *_latest_members(_ATHLETE))
_DASHBOARD_WINDOW = _ordered(*_WEEK, *_day_members(_ATHLETE, _DAY), *_latest_members(_ATHLETE), *_window_members())
# a set of the window: as `last_sets` reads its own (newest session first once sorted)
WindowRow = namedtuple("WindowRow", ["session_log_id", "date", "set_id", *SET_FIELDS])


@dataclass(frozen=True)
class DayLogged:
    """What one day holds in the log: `diary_days.sessions_logged_on`, `runs_between` and `wellness_on` in one."""

    sessions: list[Any]  # diary_days.StoredSessionLog
    runs: list[RunLog]
    wellness: Wellness | None


_INT, _FLOAT, _TEXT = 4, 4 + _INTS, 4 + _INTS + _FLOATS  # where each type's slots start in a row


def _values(row: Any, slots: tuple) -> dict[str, Any]:
    """A row's slot values by column name."""
    out = {}
    for group, start in zip(slots, (_INT, _FLOAT, _TEXT), strict=True):
        for i, name in enumerate(group):
            out[name] = row[start + i]
    return out


def day_logged(s: Any, athlete_id: int, day: dt.date) -> DayLogged:
    """The sessions logged on `day` (sets in order, pains), its runs and its check-in: one
    statement; values the store wrote, so built without validating them again."""
    return _Rows().read(s.connection().execute(_DAY_LOG, {"athlete": athlete_id, "day": day})).day()


Window = tuple[list[Any], dt.date | None]  # the window's rows, newest session first, and its cutoff


def day_and_window(s: Any, athlete_id: int, day: dt.date, ids: list[str]) -> tuple[DayLogged, Window]:
    """`day_logged` and the last-sets window of the lifts `ids` before `day`, in one statement."""
    values = {"day": day, **window_values(athlete_id, day, ids)}
    rows = _Rows().read(s.connection().execute(_DAY_WINDOW, values))
    return rows.day(), rows.window()


@dataclass(frozen=True)
class DashboardLog:
    """What the dashboard shows of the log: the week strip's counts per day, the day's log,
    the latest accepted review's JSON and the coach's latest note (`roster.CoachNote`)."""

    week: dict[dt.date, Any]  # diary_days.DayLog
    day: DayLogged
    review_text: str | None
    note: Any
    window: Window | None = None  # the last-sets window of the lifts asked for, if any


def dashboard_log(
    s: Any,
    athlete_id: int,
    start: dt.date,
    end: dt.date,
    day: dt.date,
    ids: list[str] = (),  # type: ignore[assignment]
) -> DashboardLog:
    """`diary_days.logged_between` from `start` to `end`, `day_logged` of `day`, the
    latest review and coach's note, and the last-sets window of the lifts `ids`: one statement."""
    values = {"athlete": athlete_id, "day": day, "start": start, "end": end}
    if ids:
        values |= window_values(athlete_id, day, list(ids))
    rows = _Rows().read(s.connection().execute(_DASHBOARD_WINDOW if ids else _DASHBOARD_LOG, values))
    return DashboardLog(rows.week(), rows.day(), rows.review_text, rows.note, rows.window() if ids else None)


class _Rows:
    """The rows of one statement in the common shape, sorted into values by kind."""

    def __init__(self) -> None:
        self.sessions: list[tuple] = []
        self.runs: list[RunLog] = []
        self.wellness: Wellness | None = None
        self.sets: dict[int, list[SetLog]] = defaultdict(list)
        self.set_ids: dict[int, list[int]] = defaultdict(list)
        self.pains: dict[int, list[PainReport]] = defaultdict(list)
        self.days: dict[dt.date, dict[str, Any]] = {}
        self.review_text: str | None = None
        self.note: Any = None
        self.window_rows: list[Any] = []
        self.cutoff: dt.date | None = None

    def read(self, rows: Any) -> _Rows:
        for row in rows:
            kind = row[0]
            if kind == "set":
                self.sets[row[2]].append(build(SetLog, **_values(row, _SET_SLOTS)))
                self.set_ids[row[2]].append(row[1])
            elif kind.startswith("week_"):
                self._count(kind, row)
            elif kind == "window":
                self.window_rows.append(WindowRow(row[2], row[3], row[1], **_values(row, _SET_SLOTS)))
            else:
                self._one(kind, row)
        return self

    def _one(self, kind: str, row: Any) -> None:
        date = row[3]
        if kind == "session":
            self.sessions.append((row[1], date, _values(row, _SESSION_SLOTS)))
        elif kind == "pain":
            values = _values(row, _PAIN_SLOTS)
            values["area"] = PainArea(values["area"])
            self.pains[row[2]].append(build(PainReport, date=date, **values))
        elif kind == "run":
            values = _values(row, _RUN_SLOTS)
            values["type"] = RunType(values["type"])
            self.runs.append(build(RunLog, date=date, **values))
        elif kind == "wellness":
            if self.wellness is None:
                self.wellness = build(Wellness, date=date, **_values(row, _WELLNESS_SLOTS))
        elif kind == "review":
            self.review_text = row[_TEXT]
        elif kind == "cutoff":
            self.cutoff = date
        elif kind == "note" and row[_TEXT]:
            from .roster import CoachNote

            self.note = CoachNote(row[_TEXT + 1] or "your coach", date, row[_TEXT])

    def _count(self, kind: str, row: Any) -> None:
        d = self.days.setdefault(row[3], {"sessions": 0, "sets": 0, "labels": [], "runs": 0,
                                          "run_minutes": 0.0, "checked_in": False})  # fmt: skip
        if kind == "week_session":
            d["sessions"] += 1
            d["sets"] += row[_INT]
            if row[_TEXT]:
                d["labels"].append(row[_TEXT])
        elif kind == "week_run":
            d["runs"] = row[_INT]
            d["run_minutes"] = float(row[_FLOAT] or 0)
        else:
            d["checked_in"] = True

    def day(self) -> DayLogged:
        from .diary_days import StoredSessionLog

        sets, pains, set_ids = self.sets, self.pains, self.set_ids
        logged = [
            build(StoredSessionLog, id=i, date=date, **values, sets=sets[i], pains=pains[i], set_ids=set_ids[i])
            for i, date, values in self.sessions
        ]
        return DayLogged(logged, self.runs, self.wellness)

    def window(self) -> Window:
        """The window's sets newest session first (each session's sets in logged order), and its cutoff."""
        rows = sorted(self.window_rows, key=lambda r: (r.date, r.session_log_id, -r.set_id), reverse=True)
        return rows, self.cutoff

    def week(self) -> dict[dt.date, Any]:
        from .diary_days import DayLog

        return {day: DayLog(date=day, **values) for day, values in sorted(self.days.items())}
