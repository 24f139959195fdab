"""What the templates show, shaped from the diary's values: set rows for the logging form,
day cells for the calendar and the week strip, scale labels for the check-in.

Presentation only: numbers come from the core's models and the io labels; nothing here
decides anything about training.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from runstrong.core.diary import LOGGED_ROLES, MEASURES, PlannedBlock, PlannedRun, PlannedSession, SetLog
from runstrong.core.furniture_words import furnished_cues
from runstrong.core.library import Library
from runstrong.core.loads import implement
from runstrong.core.model import FURNITURE, Item, Plan, Role, RunType, Units, Week
from runstrong.core.power_words import focus_name as session_focus_name
from runstrong.core.setline import KG_PER_LB, format_sets
from runstrong.core.vocab import CATEGORY_NAME, Category
from runstrong.io.labels import RUN_SHORT, dose_text, planned_load_kg, rest_text, week_label
from runstrong.store.diary_days import DayLog

YD = 0.9144
MEASURE_LABEL = {"reps": "reps", "seconds": "sec", "contacts": "contacts", "distance_m": "m"}
ROLE_LABEL = {Role.warm_up: "Warm-up", Role.primary: "Main", Role.accessory: "Accessory", Role.finisher: "Finisher"}


def focus_name(focus: str | Category) -> str:
    return CATEGORY_NAME.get(Category(focus), str(focus))


def mass_unit(units: Units) -> str:
    return "lb" if units == Units.imperial else "kg"


def shown_load(kg: float | None, units: Units) -> str:
    """A load in the runner's units, as a form value."""
    if kg is None:
        return ""
    value = kg / KG_PER_LB if units == Units.imperial else kg
    return f"{round(value, 1):g}"


def shown_distance(metres: float | None, units: Units) -> str:
    if metres is None:
        return ""
    return f"{round(metres / YD if units == Units.imperial else metres, 1):g}"


def number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


@dataclass(frozen=True)
class SetRow:
    """One set of the logging form, with its planned values."""

    index: int  # position in the form (field names are s{index}-...)
    exercise_id: str
    number: int
    side: str | None
    measure: str
    amount: str
    load: str
    effort_kind: str  # rpe | rir
    effort: str
    rest_seconds: int
    load_kg: float | None = None  # the prescribed load, kept exact for runners who see pounds
    from_last: bool = False  # the load came from the last time this exercise was logged

    @property
    def label(self) -> str:
        side = {"left": " L", "right": " R"}.get(self.side or "", "")
        return f"{self.number}{side}"


@dataclass(frozen=True)
class ExerciseGroup:
    block: PlannedBlock
    dose: str
    rest: str
    last: str
    cues: list[str]
    measure: str
    measure_label: str
    show_load: bool
    effort_kind: str
    rows: list[SetRow]
    load_placeholder: str = "bw"  # what an empty load means: bodyweight, or "kg" for a lift that needs weights
    find_weight: bool = False  # an estimated load and no set of it logged yet: find the weight (find-your-weight)
    load_step: float | None = None  # its implement's +/- step in the runner's units (None: the form's)


@dataclass(frozen=True)
class SessionForm:
    session: PlannedSession
    focus: str
    warm_up: list[tuple[PlannedBlock, str]]
    groups: list[ExerciseGroup]
    finisher: list[tuple[PlannedBlock, str]]
    mass_unit: str
    distance_unit: str
    load_step: float = 2.5  # the +/- steppers' step, in the runner's units


WEIGHTS = frozenset(
    {Item.dumbbell, Item.kettlebell, Item.barbell, Item.trap_bar, Item.cable, Item.machine, Item.backpack}
)
LB_STEP = 5.0  # the smallest pair of plates in a pound gym (2 x 2.5 lb); kilograms step by the rulebook's rounding


def load_step(units: Units, rounding_kg: float) -> float:
    """The +/- steppers' step in the runner's units: the plan's load rounding, or 5 lb."""
    return LB_STEP if units == Units.imperial else rounding_kg


def kit_steps(units: Units, increments: dict[Item, float], p: Any) -> dict[Item, float]:
    """Each implement's +/- step in the runner's units: their own increments, else the
    rulebook's (load-rounding): 4 kg for a kettlebell, 2 kg for dumbbells, 2.5 kg on a bar."""
    table = p.rounding_imperial_lb if units == Units.imperial else p.rounding_metric_kg
    return {kit: float(increments.get(kit, step)) for kit, step in table.items()}


def _last_set(previous: list[SetLog], side: str | None, number: int) -> SetLog | None:
    """The set of last time that matches this one: same side and number, else the last on that side."""
    same_side = [s for s in previous if s.side == side] or previous
    return next((s for s in same_side if s.set_number == number), same_side[-1] if same_side else None)


def _set_rows(block: PlannedBlock, index: int, units: Units, show_load: bool, previous: list[SetLog]) -> list[SetRow]:
    """One row per set, pre-filled from the plan; a load the plan leaves open is filled from
    the same set last time this exercise was logged. An effort never is: "as planned" is a
    report of this session, and last time's RPE (shown on the "Last time" line) ticked in
    again would be read by the review as this week's (training-diary)."""
    p = block.prescription
    measure = next(m for m in MEASURES if getattr(p, m))
    effort_kind = "rir" if p.intensity.kind == "rir" else "rpe"
    planned_effort = number(p.intensity.value) if p.intensity.kind in ("rpe", "rir") else ""
    planned_kg = planned_load_kg(p)
    planned_load = shown_load(planned_kg, units) if planned_kg is not None else ""
    amount = getattr(p, measure)
    amount_text = shown_distance(amount, units) if measure == "distance_m" else str(amount)
    sides: list[str | None] = [None] * p.sets + ([p.extra_sets_side] if p.extra_sets_side else [])
    counts: dict[str | None, int] = {}
    rows = []
    for side in sides:
        counts[side] = counts.get(side, 0) + 1
        before = _last_set(previous, side, counts[side])
        load, effort, from_last = planned_load, planned_effort, False
        if not load and show_load and before is not None and before.load_kg is not None:
            load, from_last = shown_load(before.load_kg, units), True
        rows.append(SetRow(
            index + len(rows), block.exercise_id, counts[side], side, measure, amount_text, load, effort_kind, effort,
            p.rest_seconds, planned_kg, from_last,
        ))  # fmt: skip
    return rows


def session_form(
    session: PlannedSession,
    library: Library,
    units: Units,
    last: dict[str, list[SetLog]],
    rounding_kg: float = 2.5,
    steps: dict[Item, float] | None = None,
    furniture: frozenset[Item] = FURNITURE,
) -> SessionForm:
    """The planned session as a logging form: one row per set, pre-filled as prescribed and,
    where the plan leaves the load or effort open, as last time; each lift's load steps by
    its implement's `steps` (`kit_steps`), else by the form's one step; its cues name only
    the runner's `furniture`."""
    groups: list[ExerciseGroup] = []
    index = 0
    for block in session.blocks:
        if block.role not in LOGGED_ROLES:
            continue
        p = block.prescription
        measure = next(m for m in MEASURES if getattr(p, m))
        exercise = library.get(block.exercise_id) if block.exercise_id in library else None
        planned_kg = planned_load_kg(p)
        show_load = planned_kg is not None or bool(exercise and exercise.loadable)
        effort_kind = "rir" if p.intensity.kind == "rir" else "rpe"
        previous = last.get(block.exercise_id)
        rows = _set_rows(block, index, units, show_load, previous or [])
        index += len(rows)
        weighted = bool(exercise and WEIGHTS & set(exercise.equipment))
        groups.append(
            ExerciseGroup(
                block=block,
                dose=dose_text(p, units),
                rest=rest_text(p.rest_seconds),
                last=format_sets(previous, units) if previous else "",
                cues=furnished_cues(exercise.cues, furniture) if exercise else [],
                measure=measure,
                measure_label=_measure_label(measure, units),
                show_load=show_load,
                effort_kind=effort_kind,
                rows=rows,
                load_placeholder=mass_unit(units) if weighted else "bw",
                find_weight=block.find_weight and not previous,
                load_step=(steps or {}).get(implement(exercise.equipment)) if exercise else None,  # type: ignore[arg-type]
            )
        )
    drills = [(b, dose_text(b.prescription, units)) for b in session.blocks]
    return SessionForm(
        session=session,
        focus=session_focus_name(session),
        warm_up=[(b, d) for b, d in drills if b.role == Role.warm_up],
        groups=groups,
        finisher=[(b, d) for b, d in drills if b.role == Role.finisher],
        mass_unit=mass_unit(units),
        distance_unit="yd" if units == Units.imperial else "m",
        load_step=load_step(units, rounding_kg),
    )


def _measure_label(measure: str, units: Units) -> str:
    if measure == "distance_m":
        return "yd" if units == Units.imperial else "m"
    return MEASURE_LABEL[measure]


def logged_lines(sets: list[SetLog], names: dict[str, str], units: Units) -> list[tuple[str, str]]:
    """(exercise name, sets in set-line syntax) for each exercise logged, in order."""
    by_exercise: dict[str, list[SetLog]] = {}
    for s in sets:
        by_exercise.setdefault(s.exercise_id, []).append(s)
    return [(names.get(k, k), format_sets(v, units)) for k, v in by_exercise.items()]


@dataclass(frozen=True)
class EditableSet:
    """One logged set as its edit-in-place form shows it."""

    id: int
    label: str  # "Romanian deadlift, set 2 (left)"
    measure: str
    amount: str
    load: str
    effort_kind: str  # rpe | rir
    effort: str


def editable_sets(session: Any, names: dict[str, str], units: Units) -> list[EditableSet]:
    """Each set of a logged session (a diary_days.StoredSessionLog), to edit in place."""
    out = []
    for set_id, s in zip(session.set_ids, session.sets, strict=True):
        side = f" ({s.side})" if s.side else ""
        amount = shown_distance(s.distance_m, units) if s.measure == "distance_m" else number(getattr(s, s.measure))
        out.append(EditableSet(
            id=set_id, label=f"{names.get(s.exercise_id, s.exercise_id)}, set {s.set_number}{side}", measure=s.measure,
            amount=amount, load=shown_load(s.load_kg, units), effort_kind="rir" if s.rir is not None else "rpe",
            effort=number(s.rir if s.rir is not None else s.rpe),
        ))  # fmt: skip
    return out


# ------------------------------------------------------------------- calendar


@dataclass(frozen=True)
class DayCell:
    date: dt.date
    sessions: list[Any] = field(default_factory=list)  # PlannedSession or core Session
    runs: list[str] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    logged: DayLog | None = None
    today: bool = False
    run_parts: list[tuple[str, int]] = field(default_factory=list)  # (short type, minutes) for narrow cells

    @property
    def empty(self) -> bool:
        return not (self.sessions or self.runs or self.suggestions or self.logged)


RUN_TINY = {**RUN_SHORT, RunType.intervals: "intvl", RunType.cross_train: "x-tr", RunType.race: "RACE"}


def run_text(kind: Any, minutes: float) -> str:
    return f"{RUN_SHORT.get(kind, str(kind))} {minutes:g} min"


def week_cells(
    start: dt.date,
    sessions: list[PlannedSession],
    runs: list[PlannedRun],
    logged: dict[dt.date, DayLog],
    today: dt.date,
) -> list[DayCell]:
    """Monday to Sunday from the planned items of one week (the dashboard strip)."""
    cells = []
    for n in range(7):
        day = start + dt.timedelta(days=n)
        cells.append(
            DayCell(
                date=day,
                sessions=[s for s in sessions if s.date == day],
                runs=[run_text(r.type, r.minutes) for r in runs if r.date == day],
                logged=logged.get(day),
                today=day == today,
                run_parts=[(RUN_TINY.get(r.type, r.type.value), r.minutes) for r in runs if r.date == day],
            )
        )
    return cells


@dataclass(frozen=True)
class WeekView:
    week: Week
    phase: str
    cells: list[DayCell]
    current: bool
    labels: dict[dt.date, str]


def plan_weeks(plan: Plan, logged: dict[dt.date, DayLog], today: dt.date) -> list[WeekView]:
    """The plan's weeks as calendar rows, each session lettered as the diary letters it."""
    from runstrong.core.vocab import SESSION_LETTER

    out = []
    for week in plan.weeks:
        labels = {s.date: SESSION_LETTER.get(s.focus, "?") for s in week.sessions}
        cells = []
        for n in range(7):
            day = week.start_date + dt.timedelta(days=n)
            cells.append(
                DayCell(
                    date=day,
                    sessions=[s for s in week.sessions if s.date == day],
                    runs=[run_text(r.type, r.minutes) for r in week.runs if r.date == day],
                    suggestions=[x.kind.replace("_", "-") for x in week.suggestions if x.date == day],
                    logged=logged.get(day),
                    today=day == today,
                )
            )
        current = week.start_date <= today < week.start_date + dt.timedelta(days=7)
        out.append(WeekView(week, week_label(week), cells, current, labels))
    return out


# ------------------------------------------------------------------- check-in

_SCALE = re.compile(r"^(?P<name>[^,]+), 1 = (?P<low>.+?) \.\.\. 5 = (?P<high>.+?)\.?$")


@dataclass(frozen=True)
class Scale:
    name: str
    label: str
    low: str
    high: str


def scales(model: type, names: tuple[str, ...]) -> list[Scale]:
    """The 1-5 questions with their end labels, read from the model's field descriptions."""
    out = []
    for name in names:
        description = model.model_fields[name].description or ""  # type: ignore[attr-defined]
        m = _SCALE.match(description)
        if m:
            out.append(Scale(name, m["name"], m["low"], m["high"]))
    return out
