"""The welcome page's answers read as `runstrong init` reads them: the same questions, the
same parsers (`io.init_answers.parsers`, shared by init's prompts and its options, so
"1h40", "7am", "135lb" or "today" mean here what they mean there), then the profile model
checks the whole. Each problem comes back by the form field that shows it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from runstrong.core.model import AthleteProfile, Weekday

from .forms import FormData, many, text
from .problems import FieldProblem, problems_from

# profile field (a problem's location) -> the form field that shows it
FIELD_OF = {
    "body_mass_kg": "body_mass",
    "running_experience_years": "running_years",
    "consistent_strength_weeks": "strength_weeks",
    "start_date": "start",
    "race": "race_distance",
    "race.distance": "race_distance",
    "race.date": "race_date",
    "race.name": "race_name",
    "running": "run-mon",
    "running.dated": "goal_races",
    "pain_scores": "pain_scores",
    "session_cap_minutes": "cap",
    "allow_double_days": "double_days",
    "heaviest_loads": "heaviest",
    "owned_weights": "heaviest",
}
WEEKDAYS = [d.value for d in Weekday]
LISTS = ("available_days", "equipment", "furniture", "pain_areas", "health")


def defaults(today: dt.date) -> dict[str, Any]:
    """The answers `runstrong init` suggests, as the form shows them before anything is typed."""
    from runstrong.io.answers import next_monday
    from runstrong.io.data_files import load_params
    from runstrong.io.init_answers import HOME_ORDER

    return {
        "sex": "unspecified", "units": "metric", "running_years": "1", "strength_experience": "novice",
        "strength_weeks": "0", "start": next_monday(today).isoformat(), "race_distance": "none",
        "plan_weeks": str(load_params().default_plan_weeks), "available_days": list(WEEKDAYS), "cap": "45",
        "equipment": ["bodyweight"], "furniture": list(HOME_ORDER), "pain_areas": [],
    }  # fmt: skip


@dataclass
class Answers:
    """What the form said, as the profile's raw fields, and the problems met reading it."""

    raw: dict[str, Any] = field(default_factory=dict)
    problems: list[FieldProblem] = field(default_factory=list)

    def read(self, form: FormData, name: str, parse: Any, default: str | None = None) -> Any:
        """The field `name` through `parse`; a ValueError is a problem by that field."""
        typed = ",".join(many(form, name)) or None if name in LISTS else text(form, name)
        if typed is None:
            typed = default
        if typed is None:
            self.problems.append(FieldProblem((name,), "fill this in"))
            return None
        try:
            return parse(typed)
        except ValueError as err:
            self.problems.append(FieldProblem((name,), _without_label(str(err))))
            return None


def _without_label(message: str) -> str:
    """ "age: a whole number ..." said by the age field: the label goes."""
    head, sep, rest = message.partition(": ")
    return rest if sep and len(head) <= 20 else message


def profile_from_form(form: FormData, today: dt.date) -> tuple[AthleteProfile | None, list[FieldProblem]]:
    """The profile the welcome form describes, or the problems by form field (nothing stored)."""
    from runstrong.io.init_answers import parsers

    a = Answers()
    p = parsers(today)
    units = a.read(form, "units", p["units"], "metric") or "metric"
    p = parsers(today, units)
    a.raw.update(
        name=a.read(form, "name", p["name"]),
        age=a.read(form, "age", p["age"]),
        sex=a.read(form, "sex", p["sex"], "unspecified"),
        units=units,
        body_mass_kg=a.read(form, "body_mass", p["body_mass"]),
        running_experience_years=a.read(form, "running_years", p["running_years"], "1"),
        strength_experience=a.read(form, "strength_experience", p["strength_experience"], "novice"),
        consistent_strength_weeks=a.read(form, "strength_weeks", p["strength_weeks"], "0"),
        session_cap_minutes=a.read(form, "cap", p["cap"], "45"),
        preferred_time=a.read(form, "preferred_time", p["time"], ""),
        easy_pace=a.read(form, "easy_pace", p["easy_pace"], ""),
    )
    _ask_mass(form, a)  # asked by its field, in the form's order
    _read_goal(form, a, p, today)
    _read_week(form, a, p)
    _read_health(form, a, today)
    if a.problems:
        return None, a.problems
    try:
        profile = AthleteProfile.model_validate({k: v for k, v in a.raw.items() if v is not None})
    except ValidationError as err:
        return None, [_on_form(x) for x in problems_from(err, AthleteProfile)]
    return profile, []


def _read_goal(form: FormData, a: Answers, p: dict[str, Any], today: dt.date) -> None:
    """The start, then a race (after the start, within a year's plan) or the plan's length."""
    from runstrong.core.phases import MAX_PLAN_WEEKS
    from runstrong.io.answers import date_answer, next_monday
    from runstrong.io.data_files import load_params

    start = a.read(form, "start", p["start"], next_monday(today).isoformat())
    a.raw["start_date"] = start
    distance = a.read(form, "race_distance", p["race_distance"], "none")
    if distance in (None, "none"):
        a.raw["plan_weeks"] = a.read(form, "plan_weeks", p["plan_weeks"], str(load_params().default_plan_weeks))
        return  # the goal race field goes with a main race, as the race date does
    if start is None:
        return
    longest = start + dt.timedelta(weeks=MAX_PLAN_WEEKS - load_params().post_race_weeks)

    def race_date(typed: str) -> dt.date:
        value = date_answer("race date", today, after=start)(typed)
        if value > longest:
            raise ValueError(f"race date: by {longest:%d %b %Y}, so that the plan stays under a year")
        return value

    date = a.read(form, "race_date", race_date)
    name = " ".join((text(form, "race_name") or "").split())[:80] or None
    a.raw["race"] = {"distance": distance, "date": date, **({"name": name} if name else {})}
    _read_goal_races(form, a, today, start, date)


def _read_goal_races(form: FormData, a: Answers, today: dt.date, start: dt.date | None, main: dt.date | None) -> None:
    """Goal races before the main race, typed as `init --goal-race` takes them (goal-race);
    written into the running week once it is read (`running_with_goal_races`)."""
    from runstrong.io.goal_race_answers import goal_races_answer

    a.raw["goal_races"] = a.read(form, "goal_races", goal_races_answer(today, start, main), "")


def _read_week(form: FormData, a: Answers, p: dict[str, Any]) -> None:
    """The usual running week day by day (init's syntax: `easy 40`, `long 1h40`,
    `easy 30, tempo 40`), the strength days, kit, pain and double days."""
    from runstrong.io.answers import runs_answer
    from runstrong.io.goal_race_answers import running_with_goal_races
    from runstrong.io.init_answers import heaviest_parser, listed_furniture, scores_answer, split_owned

    weekly = []
    for day in WEEKDAYS:
        runs = a.read(form, f"run-{day}", runs_answer, "") or []
        weekly += [{"day": day, "type": kind.value, "minutes": minutes} for kind, minutes in runs]
    a.raw["running"] = {"weekly": weekly}
    days = a.read(form, "available_days", p["days"], "")
    a.raw["available_days"] = [d.value for d in days] if days else None
    a.raw["equipment"] = a.read(form, "equipment", lambda t: p["equipment"](t) or ["bodyweight"], "")
    if text(form, "furniture_shown"):  # the group was on the form: nothing ticked is no furniture
        a.raw["furniture"] = listed_furniture(a.read(form, "furniture", p["furniture"], "") or [])
    heaviest = heaviest_parser(a.raw.get("units") or "metric", a.raw["equipment"])
    a.raw["heaviest_loads"], a.raw["owned_weights"] = split_owned(a.read(form, "heaviest", heaviest, ""))
    a.raw["pain_areas"] = a.read(form, "pain_areas", p["pain"], "")
    a.raw["pain_scores"] = a.read(form, "pain_scores", scores_answer(a.raw["pain_areas"] or []), "") or None
    if races := a.raw.pop("goal_races", None):
        a.raw["running"] = running_with_goal_races(a.raw["running"], races)
    if any(r["type"] in ("tempo", "intervals", "race") for r in weekly):
        a.raw["allow_double_days"] = bool(text(form, "double_days"))


def _read_health(form: FormData, a: Answers, today: dt.date) -> None:
    """The ticked conditions (the model refuses one it does not know, by this field) and, with a
    birth, its date: needed, and not after today, as `init` asks it; with a pregnancy, the due
    date (the model refuses a plan that runs past it: pregnancy-strength); with a bone stress
    injury, its site and the day running was cleared (bone-stress-return)."""
    from runstrong.io.bone_stress_answers import cleared_date, site_of
    from runstrong.io.init_answers import birth_date, due_date_of

    a.raw["health"] = many(form, "health")
    if "postnatal" in a.raw["health"]:
        a.raw["postnatal_since"] = a.read(form, "postnatal_since", lambda typed: birth_date(typed, today), "")
    if "pregnant" in a.raw["health"]:
        a.raw["due_date"] = a.read(form, "due_date", lambda typed: due_date_of(f"pregnant due {typed}", today), "")
    if "bone_stress" in a.raw["health"]:
        a.raw["bone_stress_site"] = a.read(form, "bone_stress_site", site_of, "")
        a.raw["cleared_to_run"] = a.read(form, "cleared_to_run", lambda typed: cleared_date(typed, today), "")


def _ask_mass(form: FormData, a: Answers) -> None:
    """A body mass unusual for the age and sex (body-mass-plausible), asked as init asks it:
    kept once the runner ticks that it is right (`body_mass_ok`, shown beside the question)."""
    from runstrong.core.body_mass import body_mass_question
    from runstrong.core.model import Sex, Units
    from runstrong.io.data_files import load_params

    kg, age, sex = a.raw.get("body_mass_kg"), a.raw.get("age"), a.raw.get("sex")
    if kg is None or age is None or sex is None or text(form, "body_mass_ok"):
        return
    question = body_mass_question(kg, age, Sex(sex), Units(a.raw["units"]), load_params())
    if question is not None:
        said = question.removeprefix("body mass: ")
        a.problems.append(FieldProblem(("body_mass",), f"{said}. If it is right, tick the box below", "confirm"))


def _on_form(problem: FieldProblem) -> FieldProblem:
    """A profile field's problem on the form field that shows it."""
    dotted = ".".join(str(x) for x in problem.loc[:2])
    name = (
        FIELD_OF.get(dotted)
        or FIELD_OF.get(str(problem.loc[0]) if problem.loc else "")
        or (str(problem.loc[0]) if problem.loc else "name")
    )
    return FieldProblem((name,), problem.msg, problem.type)


def read_lists(form: FormData, values: dict[str, Any]) -> dict[str, Any]:
    """The typed values with the checkbox groups as lists (one ticked box is a list too)."""
    for key in LISTS:
        values[key] = many(form, key)
    return values
