"""The diary in a terminal (Rich): today's work, what was just logged, and history tables."""

from __future__ import annotations

import datetime as dt

from rich.markup import escape
from rich.table import Column, Table
from rich.text import Text

from runstrong.core.diary import (
    ExerciseSummary,
    LoggedSet,
    PlannedBlock,
    SetLog,
    WeekSummary,
)
from runstrong.core.model import Units
from runstrong.core.setline import KG_PER_LB, KM_PER_MILE, M_PER_YARD, format_load, format_sets

from .day_view import (  # noqa: F401  (re-exported: the day's view lives there, free of Pydantic)
    ROLE_LABEL,
    day_label,
    render_day,
    render_planned_session,
    render_runs,
)


def planned_line(block: PlannedBlock, units: Units) -> str:
    """The planned dose in set-line syntax, so it can be typed back: `3x8 @40kg rir3`."""
    p = block.prescription
    measure = next(m for m in ("reps", "seconds", "contacts", "distance_m") if getattr(p, m))
    suffix = {"reps": "", "seconds": "s", "contacts": "c", "distance_m": "m"}[measure]
    text = f"{p.sets}x{getattr(p, measure)}{suffix}"
    if measure == "distance_m" and units == Units.imperial:  # yards, as the plan prints a carry
        text = f"{p.sets}x{round(p.distance_m / M_PER_YARD)}yd"
    kind, value = p.intensity.kind, p.intensity.value
    if kind == "load_kg":
        text += " " + format_load(value, units)
    elif p.load_kg is not None:
        text += " " + format_load(p.load_kg, units)
    if kind == "rpe" and value is not None:
        text += f" rpe{value:g}"
    elif kind == "rir" and value is not None:
        text += f" rir{value:g}"
    return text


def render_logged(sets: list[SetLog], names: dict[str, str], units: Units) -> Table:
    table = Table(header_style="bold", box=None, padding=(0, 2))
    table.add_column("exercise")
    table.add_column("sets")
    table.add_column("note", overflow="fold")
    by_exercise: dict[str, list[SetLog]] = {}
    for s in sets:
        by_exercise.setdefault(s.exercise_id, []).append(s)
    for exercise_id, group in by_exercise.items():
        notes = "; ".join(dict.fromkeys(s.form_note for s in group if s.form_note))
        table.add_row(Text(names.get(exercise_id, exercise_id)), format_sets(group, units), Text(notes))
    return table


def _mass(kg: float, units: Units) -> str:
    return f"{kg / KG_PER_LB:,.0f}" if units == Units.imperial else f"{kg:,.0f}"


def _km(km: float, units: Units) -> str:
    return f"{km / KM_PER_MILE:.1f}" if units == Units.imperial else f"{km:.1f}"


def _history_table(title: str, caption: str, label: Column, numbers: tuple[str, ...]) -> Table:
    """The look `runstrong history`'s tables share: a label column, then right-aligned
    numbers, the key to the columns below."""
    columns = (Column(name, justify="right", no_wrap=True) for name in numbers)
    return Table(label, *columns, title=title, title_justify="left", header_style="bold underline", box=None,
                 padding=(0, 0, 0, 1), pad_edge=False, caption=caption, caption_justify="left")  # fmt: skip


def render_weeks(weeks: list[WeekSummary], units: Units) -> Table:
    mass, dist = ("lb", "mi") if units == Units.imperial else ("kg", "km")
    table = _history_table(
        "By week",
        f"{mass}: load × reps · sRPE: mean session RPE · load: session RPE × minutes (Foster) · "
        "well: mean of the 1-5 check-in scales, higher is better",
        Column("week of", no_wrap=True),
        ("sess", "sets", "reps", mass, "sRPE", "load", "runs", "hours", dist, "sleep", "well", "pain"),
    )
    for w in weeks:
        table.add_row(
            f"{w.week_start:%d %b %y}",
            str(w.sessions or ""),
            str(w.sets or ""),
            str(w.reps or ""),
            _mass(w.tonnage_kg, units) if w.tonnage_kg else "",
            f"{w.session_rpe:g}" if w.session_rpe is not None else "",
            f"{w.srpe_load:,.0f}" if w.srpe_load else "",
            str(w.runs or ""),
            f"{w.run_minutes / 60:.1f}" if w.run_minutes else "",
            _km(w.run_km, units) if w.run_km else "",
            f"{w.sleep_hours:g}" if w.sleep_hours is not None else "",
            f"{w.wellness:.1f}" if w.wellness is not None else "",
            _pain(w.max_pain),
        )
    return table


def render_week_notes(weeks: list[WeekSummary]) -> Table | None:
    """The weeks' notes, a line each under its date (None when there are none)."""
    notes = [n for w in weeks for n in w.notes]
    if not notes:
        return None
    table = Table(Column("date", no_wrap=True), Column("note", overflow="fold"), title="Notes", title_justify="left",
                  header_style="bold underline", box=None, padding=(0, 2, 0, 0), pad_edge=False)  # fmt: skip
    for n in notes:
        table.add_row(f"{n.date:%a %d %b %y}", Text(n.text))
    return table


def _pain(score: int | None) -> Text:
    if score is None:
        return Text("")
    style = "red" if score >= 5 else "yellow" if score >= 3 else ""
    return Text(f"{score}/10", style=style)


MEASURE_LABEL = {"reps": "", "seconds": "s", "contacts": "c", "distance_m": "m"}


def render_exercises(rows: list[ExerciseSummary], names: dict[str, str], units: Units) -> Table:
    table = _history_table(
        "By exercise (most recent first)",
        "volume: total reps, seconds (s), contacts (c) or metres (m; yd in imperial) · "
        "RPE: mean over the sets that have one",
        Column("exercise", overflow="ellipsis", no_wrap=True),
        ("sessions", "sets", "volume", "best", "RPE", "last"),
    )
    for r in rows:
        table.add_row(
            Text(names.get(r.exercise_id, r.exercise_id)),
            str(r.sessions),
            str(r.sets),
            _volume(r, units),
            format_load(r.best_load_kg, units).lstrip("@") if r.best_load_kg else "-",
            f"{r.mean_rpe:g}" if r.mean_rpe is not None else "",
            f"{r.last_date:%d %b %y}",
        )
    return table


def _volume(r: ExerciseSummary, units: Units) -> str:
    """An exercise's total, a distance in yards for a runner in imperial units."""
    if r.measure == "distance_m" and units == Units.imperial:
        return f"{r.total / M_PER_YARD:,.0f}yd"
    return f"{r.total:,.0f}{MEASURE_LABEL[r.measure]}"


def render_exercise_log(name: str, sets: list[LoggedSet], units: Units) -> Table:
    table = Table(title=f"{escape(name)}: latest sessions", title_justify="left", header_style="bold")
    table.add_column("date")
    table.add_column("sets")
    table.add_column("form notes", overflow="fold")
    by_day: dict[dt.date, list[SetLog]] = {}
    for entry in sets:
        by_day.setdefault(entry.date, []).append(entry.set)
    for day, group in by_day.items():
        notes = "; ".join(dict.fromkeys(s.form_note for s in group if s.form_note))
        table.add_row(f"{day:%a %d %b %Y}", format_sets(group, units), Text(notes))
    return table
