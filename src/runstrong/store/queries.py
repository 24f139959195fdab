"""The diary summed up: by week and by exercise (what `runstrong history` shows).

The database does the heavy sums per day (portable SQL: GROUP BY date); folding days into
Monday-to-Sunday weeks happens here, so SQLite and PostgreSQL give the same answer.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from statistics import fmean

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from runstrong.core.diary import MEASURES, ExerciseSummary, LoggedSet, Note, WeekSummary, week_start
from runstrong.core.pain_days import pain_day_of

from .repo import current_plan_select, row_to_set
from .tables import NoteRow, PainRow, PlannedItem, PlanRow, RunRow, SessionLogRow, SetLogRow, WellnessRow

WELLNESS_SCALES = ("sleep_quality", "mood", "appetite", "soreness", "stress", "energy")


def _between(column, since: dt.date | None, until: dt.date | None) -> list:  # type: ignore[no-untyped-def]
    out = []
    if since is not None:
        out.append(column >= since)
    if until is not None:
        out.append(column <= until)
    return out


class _Weeks:
    """Per-day rows folded into Monday-to-Sunday weeks."""

    def __init__(self) -> None:
        self.sums: dict[dt.date, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        self.lists: dict[tuple[dt.date, str], list[float]] = defaultdict(list)
        self.notes: dict[dt.date, list[Note]] = defaultdict(list)

    def add(self, day: dt.date, **values: float) -> dict[str, float]:
        week = self.sums[week_start(day)]
        for key, value in values.items():
            week[key] += value or 0
        return week

    def note(self, day: dt.date, key: str, value: float) -> None:
        self.lists[(week_start(day), key)].append(value)

    def mean(self, week: dt.date, key: str, digits: int) -> float | None:
        values = self.lists.get((week, key))
        return round(fmean(values), digits) if values else None

    def summaries(self) -> list[WeekSummary]:
        return [
            WeekSummary(
                week_start=key,
                sessions=int(w["sessions"]),
                sets=int(w["sets"]),
                reps=int(w["reps"]),
                tonnage_kg=round(w["tonnage_kg"], 1),
                session_rpe=self.mean(key, "rpe", 1),
                srpe_load=round(w["srpe_load"], 1),
                runs=int(w["runs"]),
                run_minutes=round(w["run_minutes"], 1),
                run_km=round(w["run_km"], 2),
                sleep_hours=self.mean(key, "sleep", 1),
                wellness=self.mean(key, "wellness", 2),
                max_pain=int(w["max_pain"]) if "max_pain" in w else None,
                notes=self.notes.get(key, []),
            )
            for key, w in sorted(self.sums.items())
        ]


def history_by_week(
    s: Session, athlete_id: int, since: dt.date | None = None, until: dt.date | None = None
) -> list[WeekSummary]:
    """One summary per week that has anything logged, oldest first."""
    weeks = _Weeks()
    _fold_strength(s, weeks, athlete_id, since, until)
    runs = (
        select(RunRow.date, func.count(RunRow.id), func.sum(RunRow.minutes), func.sum(RunRow.distance_km))
        .where(RunRow.athlete_id == athlete_id, *_between(RunRow.date, since, until))
        .group_by(RunRow.date)
    )
    for day, n, minutes, km in s.execute(runs):
        weeks.add(day, runs=n, run_minutes=minutes, run_km=km)
    scales = (getattr(WellnessRow, f) for f in WELLNESS_SCALES)
    wellness = select(WellnessRow.date, WellnessRow.sleep_hours, *scales).where(
        WellnessRow.athlete_id == athlete_id, *_between(WellnessRow.date, since, until)
    )
    for day, hours, *answers in s.execute(wellness):
        weeks.add(day, checkins=1)  # a check-in alone makes the week appear
        if hours is not None:
            weeks.note(day, "sleep", hours)
        given = [a for a in answers if a is not None]
        if given:
            weeks.note(day, "wellness", fmean(given))
    after = until + dt.timedelta(days=1) if until is not None else None  # a next morning speaks for the day before
    pains = (
        select(PainRow.date, PainRow.when, func.max(PainRow.score))
        .where(PainRow.athlete_id == athlete_id, *_between(PainRow.date, since, after))
        .group_by(PainRow.date, PainRow.when)
    )
    for logged, when, worst in s.execute(pains):
        day = pain_day_of(logged, when)
        if (since is not None and day < since) or (until is not None and day > until):
            continue
        week = weeks.add(day)
        week["max_pain"] = max(week.get("max_pain", 0), worst)
    _fold_notes(s, weeks, athlete_id, since, until)
    return weeks.summaries()


# where the diary keeps a runner's words, and how history names each (cr22a P4: a coach reading
# back looks for "flu, fever" in a check-in and "still tired" on a session, not only free notes)
_NOTE_SOURCES = (
    (NoteRow, ""),
    (WellnessRow, "check-in: "),
    (SessionLogRow, "session: "),
    (RunRow, "run: "),
    (PainRow, "pain: "),
)


def _fold_notes(s: Session, weeks: _Weeks, athlete_id: int, since: dt.date | None, until: dt.date | None) -> None:
    """Every note the diary holds in the span, by day, each named by where it was written."""
    found: list[tuple[dt.date, int, int, str]] = []
    for rank, (row, label) in enumerate(_NOTE_SOURCES):
        text = row.text if row is NoteRow else row.note  # type: ignore[attr-defined]
        q = select(row.date, row.id, text).where(  # type: ignore[attr-defined]
            row.athlete_id == athlete_id,  # type: ignore[attr-defined]
            text.is_not(None),
            text != "",
            *_between(row.date, since, until),  # type: ignore[attr-defined]
        )
        found += [(day, rank, key, label + words) for day, key, words in s.execute(q)]
    for day, _, _, words in sorted(found):
        weeks.add(day)  # a note alone makes the week appear
        weeks.notes[week_start(day)].append(Note.model_construct(date=day, text=words))


def _set_slots(athlete_id: int, since: dt.date | None, until: dt.date | None):  # type: ignore[no-untyped-def]
    """One row per set as the plan counts it, so the command line and the web count the same
    work alike: "3 x 8/side" is three sets whether it was logged as a left and a right set of
    each number (`--set "... 3x8/side"`) or as one row a set (the web form, `--as-planned`);
    a side's reps and load are the set's, and a weaker side's extra set is a set of its own."""
    return (
        select(
            SetLogRow.session_log_id.label("session_log_id"),
            SessionLogRow.date.label("date"),
            SetLogRow.exercise_id.label("exercise_id"),
            func.max(SetLogRow.load_kg).label("load_kg"),
            func.max(SetLogRow.load_kg * SetLogRow.reps).label("tonnage"),
            func.avg(SetLogRow.rpe).label("rpe"),
            *(func.max(getattr(SetLogRow, m)).label(m) for m in MEASURES),
        )
        .join(SessionLogRow, SetLogRow.session_log_id == SessionLogRow.id)
        .where(SessionLogRow.athlete_id == athlete_id, *_between(SessionLogRow.date, since, until))
        .group_by(
            SetLogRow.session_log_id,
            SessionLogRow.date,
            SetLogRow.exercise_id,
            SetLogRow.set_number,
            SetLogRow.side.is_(None),
        )
        .subquery()
    )


def _fold_strength(s: Session, weeks: _Weeks, athlete_id: int, since: dt.date | None, until: dt.date | None) -> None:
    slot = _set_slots(athlete_id, since, until).c
    sets = select(
        slot.date,
        func.count(),
        func.coalesce(func.sum(slot.reps), 0),
        func.coalesce(func.sum(slot.tonnage), 0.0),
    ).group_by(slot.date)
    for day, n, reps, tonnage in s.execute(sets):
        weeks.add(day, sets=n, reps=reps, tonnage_kg=tonnage)
    sessions = select(SessionLogRow.date, SessionLogRow.session_rpe, SessionLogRow.minutes,
                      SessionLogRow.planned_date, SessionLogRow.planned_label).where(
        SessionLogRow.athlete_id == athlete_id, *_between(SessionLogRow.date, since, until)
    )  # fmt: skip
    rows = s.execute(sessions).all()
    planned = _planned_minutes(s, athlete_id, {r.planned_date or r.date for r in rows if r.minutes is None})
    for day, rpe, minutes, planned_date, label in rows:
        weeks.add(day, sessions=1)
        if rpe is not None:
            if minutes is None:  # the plan's minutes, as the review counts them
                on = planned.get(planned_date or day, {})
                minutes = on.get(label) or (next(iter(on.values())) if len(on) == 1 else 0)
            weeks.note(day, "rpe", rpe)
            weeks.add(day, srpe_load=rpe * minutes)


def _planned_minutes(s: Session, athlete_id: int, days: set[dt.date]) -> dict[dt.date, dict[str, int]]:
    """The current plan's minutes for its strength sessions on `days`, by date and letter."""
    if not days:
        return {}
    plan_id = s.scalar(current_plan_select(athlete_id, PlanRow.id))
    query = select(PlannedItem.date, PlannedItem.label, PlannedItem.data).where(
        PlannedItem.plan_id == plan_id, PlannedItem.kind == "strength", PlannedItem.date.in_(sorted(days))
    )
    out: dict[dt.date, dict[str, int]] = defaultdict(dict)
    for day, label, data in s.execute(query):
        out[day][label] = json.loads(data).get("estimated_minutes", 0)
    return out


def history_by_exercise(
    s: Session, athlete_id: int, since: dt.date | None = None, until: dt.date | None = None
) -> list[ExerciseSummary]:
    """One line per exercise logged: sessions, sets (as the plan counts them), total volume,
    best load, mean RPE."""
    slot = _set_slots(athlete_id, since, until).c
    measure_sums = [func.sum(getattr(slot, m)) for m in MEASURES]
    measure_counts = [func.count(getattr(slot, m)) for m in MEASURES]
    query = (
        select(
            slot.exercise_id,
            func.count(func.distinct(slot.session_log_id)),
            func.count(),
            func.max(slot.load_kg),
            func.avg(slot.rpe),
            func.min(slot.date),
            func.max(slot.date),
            *measure_sums,
            *measure_counts,
        )
        .group_by(slot.exercise_id)
        .order_by(func.max(slot.date).desc(), slot.exercise_id)
    )
    out = []
    n = len(MEASURES)
    for exercise_id, sessions, sets, best, rpe, first, last, *rest in s.execute(query):
        sums, counts = rest[:n], rest[n:]
        main = max(range(n), key=lambda i: counts[i])
        out.append(
            ExerciseSummary(
                exercise_id=exercise_id,
                sessions=sessions,
                sets=sets,
                total=float(sums[main] or 0),
                measure=MEASURES[main],
                best_load_kg=best,
                mean_rpe=round(float(rpe), 1) if rpe is not None else None,
                first_date=first,
                last_date=last,
            )
        )
    return out


def exercise_log(
    s: Session, athlete_id: int, exercise_id: str, since: dt.date | None = None, limit: int = 200
) -> list[LoggedSet]:
    """The latest sets of one exercise, newest session first, sets in order."""
    rows = s.execute(
        select(SessionLogRow.date, SetLogRow)
        .join(SessionLogRow, SetLogRow.session_log_id == SessionLogRow.id)
        .where(SessionLogRow.athlete_id == athlete_id, SetLogRow.exercise_id == exercise_id)
        .where(*_between(SessionLogRow.date, since, None))
        .order_by(SessionLogRow.date.desc(), SessionLogRow.id.desc(), SetLogRow.id)
        .limit(limit)
    ).all()
    return [LoggedSet(date=day, set=row_to_set(row)) for day, row in rows]


def count_rows(s: Session, athlete_id: int) -> dict[str, int]:
    """How much the diary holds for one athlete, by kind."""
    sets = (
        select(func.count(SetLogRow.id))
        .join(SessionLogRow, SetLogRow.session_log_id == SessionLogRow.id)
        .where(SessionLogRow.athlete_id == athlete_id)
    )
    out = {"sets": s.scalar(sets) or 0}
    for name, table in (
        ("sessions", SessionLogRow),
        ("wellness", WellnessRow),
        ("runs", RunRow),
        ("pains", PainRow),
    ):
        out[name] = s.scalar(select(func.count(table.id)).where(table.athlete_id == athlete_id)) or 0
    return out
