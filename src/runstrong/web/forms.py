"""HTML forms in and out: the submitted text turned into the service's input, and each
problem the service reports turned into the name of the form field to show it by.

Values are passed on as typed (blank means "not given"), so the core's models do all the
checking and a re-rendered form shows exactly what the runner typed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from runstrong.core.diary import MEASURES
from runstrong.core.model import RunType, Units
from runstrong.core.setline import KG_PER_LB, parse_distance, parse_minutes
from runstrong.errors import UserError
from runstrong.io.field_errors import closest

from .problems import FieldProblem, problem_from_user_error
from .views import YD

FormData = Mapping[str, Any]  # starlette's FormData (getlist) or a plain dict


def text(form: FormData, name: str) -> str | None:
    """A field's text, stripped; None when blank or absent."""
    value = form.get(name)
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def values_of(form: FormData) -> dict[str, Any]:
    """The form as typed, for re-rendering: single values as text, repeated ones as lists."""
    out: dict[str, Any] = {}
    getlist = getattr(form, "getlist", None)
    for key in form:
        items = getlist(key) if getlist else [form[key]]
        out[key] = [str(v) for v in items] if len(items) > 1 else str(items[0])
    return out


def typed(form: FormData, lists: Iterable[str] = ()) -> dict[str, Any]:
    """The form as typed (`values_of`), with the checkbox groups `lists` as lists even when
    one box or none is ticked, for showing the form again."""
    out = values_of(form)
    for key in lists:
        out[key] = many(form, key)
    return out


def many(form: FormData, name: str) -> list[str]:
    getlist = getattr(form, "getlist", None)
    if getlist is not None:
        return [str(v) for v in getlist(name) if str(v).strip()]
    value = form.get(name)
    return [str(v) for v in value] if isinstance(value, list) else ([str(value)] if value else [])


def _scaled(value: str | None, factor: float) -> Any:
    """A number typed in the runner's units, in the stored unit; the raw text when it is
    not a number (the model then says so, by the field)."""
    if value is None:
        return None
    try:
        return round(float(value) * factor, 3)
    except ValueError:
        return value


@dataclass
class Errors:
    """Problems by form field name, plus the problems no field shows (for the summary)."""

    by_field: dict[str, str] = field(default_factory=dict)
    general: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.by_field or self.general)

    def add(self, name: str | None, msg: str) -> None:
        if name is None:
            self.general.append(msg)
        elif name in self.by_field:
            self.by_field[name] += f"; {msg}"
        else:
            self.by_field[name] = msg


def errors_for(problems: list[FieldProblem], names: Mapping[tuple, str], known: set[str] | None = None) -> Errors:
    """Each problem by the field that shows it: `names` maps a problem's location (or its
    start) to a field name; otherwise the location joined with '-' is the name."""
    errors = Errors()
    for p in problems:
        name = _name_for(p.loc, names)
        if known is not None and name not in known:
            errors.add(None, f"{name.replace('-', ' ')}: {p.msg}" if name else p.msg)
        else:
            errors.add(name, p.msg)
    return errors


def first_part(problem: FieldProblem) -> FieldProblem:
    """A problem of a field the form shows whole (the running week's dated goal races, the pain
    scores by area) located at that field only."""
    head = str(problem.loc[0]) if problem.loc else ""
    if head in ("running", "pain_scores"):
        return FieldProblem((head,), problem.msg, problem.type)
    return problem


def _name_for(loc: tuple, names: Mapping[tuple, str]) -> str:
    for n in range(len(loc), 0, -1):
        if loc[:n] in names:
            rest = [str(x) for x in loc[n:]]
            return "-".join([names[loc[:n]], *rest])
    return "-".join(str(x) for x in loc)


# ------------------------------------------------------------------ the session form


@dataclass
class SessionInput:
    sets: list[dict[str, Any]]
    pains: list[dict[str, Any]]
    minutes: str | None
    session_rpe: str | None
    note: str | None
    names: dict[tuple, str]  # problem location -> form field name


def session_input(form: FormData, units: Units) -> SessionInput:
    """The ticked sets (with what was typed in their rows), the session's answers and pains."""
    rows = sorted(int(k[1:].split("-")[0]) for k in form if k.startswith("s") and k.endswith("-exercise_id"))
    names: dict[tuple, str] = {}
    sets = []
    for i in rows:
        if not text(form, f"s{i}-done"):
            continue
        row: dict[str, Any] = {"exercise_id": text(form, f"s{i}-exercise_id"), "side": text(form, f"s{i}-side")}
        for measure in MEASURES:
            key = f"s{i}-{measure}"
            if key in form:
                typed = text(form, key)
                row[measure] = _scaled(typed, YD) if measure == "distance_m" and units == Units.imperial else typed
        if f"s{i}-load" in form:
            typed = text(form, f"s{i}-load")
            planned = text(form, f"s{i}-planned_kg")
            if units == Units.imperial and planned is not None and typed == text(form, f"s{i}-planned_load"):
                row["load_kg"] = planned  # the prescribed load, not its rounded conversion
            else:
                row["load_kg"] = _scaled(typed, KG_PER_LB if units == Units.imperial else 1.0)
        for key in ("rpe", "rir", "form_quality"):
            if f"s{i}-{key}" in form:
                row[key] = text(form, f"s{i}-{key}")
        j = len(sets)
        sets.append(row)
        names[("sets", j)] = f"s{i}"
        names[("sets", j, "load_kg")] = f"s{i}-load"
    pains = pain_input(form, names)
    return SessionInput(sets, pains, text(form, "minutes"), text(form, "session_rpe"), text(form, "note"), names)


PAIN_DETAILS = ("score", "side", "when", "provoked_by", "note")
RUN_CAUSES = (("easy", "easy run"), ("long", "long run"), ("tempo", "tempo run"), ("intervals", "intervals"),
              ("race", "race"), ("cross_train", "cross-training"))  # fmt: skip


def pain_causes(exercises: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """What may have provoked a pain, as (value, label) for the form: these exercises
    (id, name), then the kinds of run."""
    return [*dict(exercises).items(), *RUN_CAUSES]


def pain_input(form: FormData, names: dict[tuple, str]) -> list[dict[str, Any]]:
    """The pain rows the runner filled in (p0-area, p0-score, p0-side, ...). An area alone is
    no report: the form pre-selects the profile's pain areas, and a runner who felt nothing
    leaves the score empty. Anything else typed makes it a report, validated as one."""
    pains = []
    rows = sorted({int(k[1:].split("-")[0]) for k in form if k[:1] == "p" and k.endswith("-area") and k[1:2].isdigit()})
    for k in rows:
        details = {d: text(form, f"p{k}-{d}") for d in PAIN_DETAILS}
        if all(v is None for v in details.values()):
            continue
        names[("pains", len(pains))] = f"p{k}"
        pains.append({"area": text(form, f"p{k}-area")} | {d: v for d, v in details.items() if v is not None})
    return pains


# ------------------------------------------------------------------ other forms


def wellness_input(form: FormData, scale_names: tuple[str, ...]) -> tuple[dict[str, Any], list[dict], dict]:
    """The check-in's answers, its pain and the field of each problem. A pain with no
    answer is a pain-only check-in, as the CLI takes it: its note goes with the pain."""
    data = {k: text(form, k) for k in (*scale_names, "note")}
    data = {k: v for k, v in data.items() if v is not None}
    names: dict[tuple, str] = {}
    pains = pain_input(form, names)
    if pains and not set(data) - {"note"}:  # a pain-only check-in: its note describes the pain
        pains = [{"note": data["note"], **p} if "note" in data else p for p in pains]
        data = {}
    return data, pains, names


LOGGED_RUN_TYPES = tuple(t.value for t in RunType if t != RunType.rest)


def run_input(form: FormData, units: Units) -> tuple[dict[str, Any], list[FieldProblem]]:
    """The run as typed, its duration and distance read the way the CLI reads them (`1h05`,
    `65 min`, `1:05:00`; `8 km`, `5 mi`, `8 miles`, a bare number in the runner's units);
    a duration or distance that cannot be read is a problem by its field."""
    data: dict[str, Any] = {k: text(form, k) for k in ("type", "rpe", "leg_feel", "tightness", "note", "date")}
    problems: list[FieldProblem] = []
    if data["type"] is not None and data["type"] not in LOGGED_RUN_TYPES:  # a rest day is no run to log
        close = closest(data["type"], list(LOGGED_RUN_TYPES))
        hint = f"did you mean {close!r}? " if close else ""
        problems.append(FieldProblem(("type",), f"{data['type'][:40]!r} is not a run type; {hint}choose one of "
                                     f"{', '.join(LOGGED_RUN_TYPES)}"))  # fmt: skip
    minutes, distance = text(form, "minutes"), text(form, "distance")
    try:
        data["minutes"] = parse_minutes(minutes) if minutes is not None else None
    except UserError as err:
        problems.append(problem_from_user_error(err, "minutes"))
    try:
        data["distance_km"] = round(parse_distance(distance, units), 3) if distance is not None else None
    except UserError as err:
        problems.append(problem_from_user_error(err, "distance"))
    return {k: v for k, v in data.items() if v is not None}, problems


def _bone_stress(form: FormData, injured: bool) -> dict[str, Any]:
    """A bone stress injury's site (in the runner's words, as init reads it) and the day running was
    cleared, with health = bone_stress (bone-stress-return): unticking it drops both; a missing one
    is the model's refusal, by its field."""
    from runstrong.io.bone_stress_answers import site_of

    from .problems import InputError

    if not injured:
        return {"bone_stress_site": None, "cleared_to_run": None}
    typed = text(form, "bone_stress_site")
    try:
        site = site_of(typed) if typed else None
    except ValueError as err:
        raise InputError.one("bone_stress_site", str(err).partition(": ")[2]) from None
    return {"bone_stress_site": site, "cleared_to_run": text(form, "cleared_to_run") or None}


def profile_input(form: FormData, units: Units, start: Any = None, today: Any = None) -> dict[str, Any]:
    """The profile fields the form edits; an empty race distance means no race, and empty
    heaviest loads the defaults. Heaviest loads, pain now and goal races (`goal_races`, which
    the profile flow writes into the dated running week) are read as `runstrong init` reads them."""
    from runstrong.io.init_answers import heaviest_parser, listed_furniture, scores_answer, split_owned

    from .problems import InputError

    changes: dict[str, Any] = {
        "available_days": many(form, "available_days"),
        "equipment": many(form, "equipment"),
        "pain_areas": many(form, "pain_areas"),
        "health": many(form, "health"),
        "session_cap_minutes": text(form, "session_cap_minutes"),
        "easy_pace": text(form, "easy_pace"),  # blank: no pace (calendar imports assume one and say so)
    }
    # the birth's date goes with postnatal: unticking it drops the date it came with
    changes["postnatal_since"] = text(form, "postnatal_since") if "postnatal" in changes["health"] else None
    changes["due_date"] = text(form, "due_date") or None if "pregnant" in changes["health"] else None
    changes.update(_bone_stress(form, "bone_stress" in changes["health"]))
    if text(form, "furniture_shown"):  # the group was on the form: nothing ticked is no furniture
        changes["furniture"] = listed_furniture(many(form, "furniture"))
    try:
        heaviest = heaviest_parser(units.value, changes["equipment"])
        loads, owned = split_owned(heaviest(text(form, "heaviest_loads") or ""))
        changes["heaviest_loads"], changes["owned_weights"] = loads or {}, owned or {}
    except ValueError as err:
        raise InputError.one("heaviest_loads", str(err).removeprefix("heaviest loads: ")) from None
    try:
        changes["pain_scores"] = scores_answer(changes["pain_areas"])(text(form, "pain_scores") or "")
    except ValueError as err:
        raise InputError.one("pain_scores", str(err).partition(": ")[2]) from None
    distance = text(form, "race-distance")
    if distance is None:
        changes["race"] = None
    else:
        race = {"distance": distance, "date": text(form, "race-date"), "name": text(form, "race-name")}
        changes["race"] = {k: v for k, v in race.items() if v is not None}
    changes["goal_races"] = _goal_races(form, start, today, changes["race"])
    return changes


def _goal_races(form: FormData, start: Any, today: Any, race: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The goal races typed, after the start and before the main race the form gives."""
    import datetime as dt

    from runstrong.io.goal_race_answers import goal_races_answer

    from .problems import InputError

    try:
        main = dt.date.fromisoformat(race["date"]) if race and race.get("date") else None
    except ValueError:
        main = None  # the race date's own problem is said by its field
    try:
        return goal_races_answer(today or dt.date.today(), start, main)(text(form, "goal_races") or "")  # type: ignore[no-any-return]
    except ValueError as err:
        raise InputError.one("goal_races", str(err).partition(": ")[2]) from None


def screen_input(form: FormData, list_fields: set[str], bool_fields: set[str]) -> dict[str, Any]:
    """A screen's fields as typed: lists from checkboxes, yes/no as booleans, blanks left out."""
    data: dict[str, Any] = {}
    for key in form:
        if key in list_fields:
            data[key] = many(form, key)
        elif key in bool_fields:
            value = text(form, key)
            if value is not None:
                data[key] = {"yes": True, "no": False}.get(value, value)
        else:
            value = text(form, key)
            if value is not None:
                data[key] = value
    return data


def version(form: FormData) -> int | None:
    """The diary version the form was opened at (None when absent or not a number)."""
    value = text(form, "version")
    return int(value) if value is not None and value.isdigit() else None


def set_edit_input(form: FormData, units: Units) -> dict[str, Any]:
    """A logged set's fields as edited in place: the measure, the load (in the runner's
    units; empty for bodyweight) and the effort; untouched fields are left out."""
    out: dict[str, Any] = {}
    for measure in MEASURES:
        typed = text(form, measure)
        if typed is not None:
            out[measure] = _scaled(typed, YD) if measure == "distance_m" and units == Units.imperial else typed
    if "load" in form:
        out["load_kg"] = _scaled(text(form, "load"), KG_PER_LB if units == Units.imperial else 1.0)
    for key in ("rpe", "rir"):
        typed = text(form, key)
        if typed is not None:
            out[key] = typed
    return out
