"""What `runstrong init` makes of an answer or an option: parsers, and the profile they build.

The interview and the `--no-input` options share these parsers, so an answer typed at a
prompt and the same text given as an option are read alike; a bad option is a UserError
that names the option as well as the profile field.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from runstrong.core.vocab import FURNITURE, HOME_FURNITURE, Item
from runstrong.errors import UserError

from .typed_dates import past_date

# profile field -> the option that sets it, to name both in messages
FIELD_OPTION = {
    "name": "--name",
    "age": "--age",
    "sex": "--sex",
    "body_mass_kg": "--body-mass",
    "units": "--units",
    "running_experience_years": "--running-years",
    "strength_experience": "--strength-experience",
    "consistent_strength_weeks": "--strength-weeks",
    "start_date": "--start",
    "plan_weeks": "--plan-weeks",
    "race": "--race-distance",
    "race.distance": "--race-distance",
    "race.date": "--race-date",
    "race.name": "--race-name",
    "running": "--run",
    "available_days": "--days",
    "preferred_time": "--time",
    "session_cap_minutes": "--cap",
    "equipment": "--equipment",
    "heaviest_loads": "--heaviest",
    "owned_weights": "--heaviest",
    "furniture": "--furniture",
    "pain_areas": "--pain",
    "pain_scores": "--pain",
    "running.dated": "--goal-race",
    "allow_double_days": "--double-days",
    "easy_pace": "--easy-pace",
    "health": "--health",
    "postnatal_since": "--health",
    "due_date": "--health",
    "bone_stress_site": "--health",
    "cleared_to_run": "--health",
}

RACE_ALIASES = {
    "5": "5k",
    "5km": "5k",
    "10": "10k",
    "10km": "10k",
    "half_marathon": "half",
    "hm": "half",
    "21k": "half",
    "21km": "half",
    "full": "marathon",
    "42k": "marathon",
    "42km": "marathon",
    "50k": "ultra",
    "no": "none",
    "nothing": "none",
    "n": "none",
}
EQUIPMENT_ALIASES = {
    "none": "bodyweight",
    "nothing": "bodyweight",
    "home": "bodyweight",
    "bw": "bodyweight",
    "body_weight": "bodyweight",
    "bands": "bands",
    "resistance_bands": "bands",
    "dumbbells": "dumbbells",
    "db": "dumbbell",
    "kb": "kettlebell",
    "gym": "gym",
    "full_gym": "gym",
    "chair": "bench",
    "stairs": "step",
    "rucksack": "backpack",
    "bag": "backpack",
}
FURNITURE_ALIASES = {"stair": "step", "stairs": "step", "bed": "sofa", "couch": "sofa", "settee": "sofa"}
# furniture as the questions list it (the library's order), and the home the kit sets assume
FURNITURE_ORDER = tuple(i.value for i in Item if i in FURNITURE)
HOME_ORDER = tuple(i.value for i in Item if i in HOME_FURNITURE)
FURNITURE_LABELS = {"step": "step (a stair)", "sofa": "sofa (or a bed edge)"}
PAIN_ALIASES = {"back": "lower_back", "low_back": "lower_back", "hamstrings": "hamstring", "calves": "calf"}
SEX_ALIASES = {"f": "female", "woman": "female", "m": "male", "man": "male", "skip": "unspecified", "-": "unspecified"}
LEVEL_HELP = "novice (new to it, or on and off), intermediate (a year or more of regular lifting), advanced"


def parsers(today: dt.date, units_value: str = "metric") -> dict[str, Any]:
    """One parser per simple answer, shared by the prompts and the options."""
    from runstrong.core.model import AthleteProfile, EquipmentSet, Item, Level, PainArea, RaceDistance, Sex, Units
    from runstrong.io import answers as q

    lo, hi = q.field_bounds(AthleteProfile, "age")
    wlo, whi = q.field_bounds(AthleteProfile, "consistent_strength_weeks")
    clo, chi = q.field_bounds(AthleteProfile, "session_cap_minutes")
    plo, phi = q.field_bounds(AthleteProfile, "plan_weeks")
    ylo, yhi = q.field_bounds(AthleteProfile, "running_experience_years")
    kit = [*q.choices_of(EquipmentSet), *(i for i in q.choices_of(Item) if i not in q.choices_of(EquipmentSet))]
    return {
        "name": _name,
        "age": q.whole("age", int(lo), int(hi)),
        "sex": q.pick("sex", q.choices_of(Sex), SEX_ALIASES),
        "units": q.pick("units", q.choices_of(Units), {"kg": "metric", "lb": "imperial", "lbs": "imperial"}),
        "body_mass": q.mass_answer(Units(units_value)),
        "running_years": q.decimal("running years", ylo, yhi),
        "strength_experience": q.pick("strength experience", q.choices_of(Level), {"beginner": "novice"}),
        "strength_weeks": q.whole("strength weeks", int(wlo), int(whi)),
        "start": q.date_answer("start date", today),
        "race_distance": q.pick("race distance", [*q.choices_of(RaceDistance), "none"], RACE_ALIASES),
        "plan_weeks": q.whole("plan weeks", int(plo), int(phi)),
        "time": q.time_answer,
        "cap": q.whole("session cap", int(clo), int(chi), "min"),
        "equipment": q.pick_many("equipment", kit, EQUIPMENT_ALIASES),
        "furniture": q.pick_many("furniture", FURNITURE_ORDER, FURNITURE_ALIASES),
        "pain": q.pick_many("pain area", q.choices_of(PainArea), PAIN_ALIASES),
        "pain_scored": pain_answer(q.pick_many("pain area", q.choices_of(PainArea), PAIN_ALIASES)),
        "days": q.days_answer,
        "easy_pace": easy_pace_answer,
        "health": health_answer(today),
    }


def home_weights(equipment: list[str]) -> list[str]:
    """The dumbbell, kettlebell and backpack a home kit has, in that order: the kit whose
    heaviest load is worth asking (a gym's racks are assumed to go high enough)."""
    from runstrong.core.model import EQUIPMENT_SETS, EquipmentSet, Item

    if EquipmentSet.gym.value in equipment:
        return []
    items: set[Item] = set()
    for entry in equipment:
        items |= EQUIPMENT_SETS[EquipmentSet(entry)] if entry in EquipmentSet._value2member_map_ else {Item(entry)}
    return [i.value for i in (Item.dumbbell, Item.kettlebell, Item.backpack) if i in items]


def heaviest_defaults(units_value: str, p: Any) -> str:
    """What a home's kit is assumed to make when the runner does not say (kit-heaviest), in
    their units: the words beside the question."""
    from runstrong.core.model import Item
    from runstrong.io import answers as q

    def shown(kg: float) -> str:
        return f"{kg / q.KG_PER_LB:.0f} lb" if units_value == "imperial" else f"{kg:g} kg"

    full = p.heaviest_home_kg
    return (
        f"dumbbells of {shown(full[Item.dumbbell])}, kettlebells of {shown(full[Item.kettlebell])} "
        f"and a backpack of {shown(full[Item.backpack])} at home"
    )


def listed_furniture(answer: list[str]) -> list[str] | None:
    """The furniture answer as the profile keeps it: None when it is the home the kit sets
    assume (a stair, a chair, a sofa or bed and a wall), so the profile says only what differs."""
    return None if set(answer) == set(HOME_ORDER) else answer


def furniture_shown(equipment: list[str], furniture: list[str] | None) -> list[str]:
    """The furniture a form shows ticked: the profile's list, else the home the kit sets
    assume and any furniture named among the kit."""
    if furniture is not None:
        return list(furniture)
    return [x for x in FURNITURE_ORDER if x in HOME_ORDER or x in equipment]


def heaviest_parser(units: str, equipment: list[str] | None) -> Any:
    """The heaviest-loads answer for this kit: a bare number is for each of its home weights."""
    from runstrong.core.load_values import LOAD_KIT
    from runstrong.core.model import Units
    from runstrong.io import answers as q

    return q.kit_loads_answer("heaviest loads", LOAD_KIT, Units(units), home_weights(equipment or ["bodyweight"]))


HEALTH_WORDS = {  # the runner's words for each condition (core/health): a birth, the pelvic floor, bones
    "postnatal": ("postnatal", "postpartum", "birth", "baby", "gave birth"),
    "pelvic_floor": ("pelvic_floor", "pelvic floor", "pelvic", "leaking", "leak", "heaviness", "prolapse"),
    "low_bone_density": ("low_bone_density", "low bone density", "bone", "bones", "osteopenia", "osteoporosis"),
    "menopause": ("menopause", "menopausal", "postmenopausal", "post-menopausal", "perimenopause", "perimenopausal"),
}
PREGNANCY_WORDS = ("pregnan", "expecting")  # pregnant, pregnancy (core/pregnancy)
# a pregnancy runstrong does not plan for (pregnancy-strength): its clinician sets the exercise
COMPLICATIONS = ("complicat", "high risk", "high-risk", "previa", "eclampsia", "cerclage", "bleeding", "preterm",
                 "placenta", "restriction", "twins", "triplets", "multiple")  # fmt: skip


def pain_answer(areas: Any) -> Any:
    """A parser of the pain answer with an optional score now, 0-10, after each area ("foot 2,
    knee", "lower back 3/10" or the option's "foot:2") into (areas, scores by area): a score within the acceptable
    zone starts the area's return ladder on a loading rung (pain-graded-return)."""
    scored = re.compile(r"^(.*?)(?:\s+|\s*:\s*)(\d+)(?:\s*/\s*10)?$")

    def parse(text: str) -> tuple[list[str], dict[str, int]]:
        found: list[str] = []
        scores: dict[str, int] = {}
        for part in (x.strip() for x in re.split(r"[,;]+", text) if x.strip()):
            m = scored.match(part)
            names = areas(m.group(1) if m else part)
            if m is not None:
                if not 0 <= int(m.group(2)) <= 10:
                    raise ValueError(f"pain score: {m.group(2)} is not 0-10 (how much it hurts now), like: foot 2")
                scores.update({a: int(m.group(2)) for a in names})
            found += [a for a in names if a not in found]
        return found, scores

    return parse


def scores_answer(ticked: list[str]) -> Any:
    """A parser of the web forms' "how much does it hurt now" field ("foot 2, knee 4", init's
    words) into scores by area (pain-graded-return): each area scored must be among the
    `ticked` painful areas, and each area named needs its score."""
    from runstrong.core.model import PainArea
    from runstrong.io import answers as q

    parse = pain_answer(q.pick_many("pain area", q.choices_of(PainArea), PAIN_ALIASES))

    def scores(text: str) -> dict[str, int]:
        areas, found = parse(text)
        if unscored := [a for a in areas if a not in found]:
            raise ValueError(f"pain now: give a score 0-10 after {unscored[0].replace('_', ' ')}, like: foot 2")
        if stray := [a for a in areas if a not in ticked]:
            name = stray[0].replace("_", " ")
            raise ValueError(
                f"pain now: {name} has a score but is not ticked as painful: tick it, or take its score out"
            )
        return found

    return scores


def health_answer(today: dt.date) -> Any:
    """A parser of the health answer: "none", or any of "birth 2026-10-01", "pelvic floor",
    "low bone density", "pregnant 22 weeks" or "pregnant due 2027-04-12", "bone stress tibia
    cleared 2026-10-12" (comma-separated) into (conditions, the birth's date or None, the due date
    or None, a bone stress injury's site or None, the day it was cleared to run or None). A birth
    needs its date, and not one after today; a pregnancy its weeks or due date (the weeks count
    from it); a bone stress injury its site and clearance (io/bone_stress_answers)."""
    from .bone_stress_answers import EXAMPLE, bone_stress_of, is_bone_stress

    known = (
        "birth YYYY-MM-DD (the date of the birth), pelvic floor, low bone density, pregnant N weeks "
        f"(or pregnant due YYYY-MM-DD), {EXAMPLE}"
    )

    def parse(text: str) -> tuple[list[str], dt.date | None, dt.date | None, str | None, dt.date | None]:
        conditions: list[str] = []
        since = due = site = cleared = None
        text = re.sub(r",\s*(?=(?:not\s+)?cleared\b)", " ", text.lower())  # "bone stress tibia, cleared ...": one
        for item in (x.strip() for x in text.split(",")):
            if item in ("", "none", "no", "n", "nothing"):
                continue
            if is_bone_stress(item):
                site, cleared = bone_stress_of(item, today)
                conditions += [] if "bone_stress" in conditions else ["bone_stress"]
                continue
            if any(w in item for w in PREGNANCY_WORDS):
                due = due_date_of(item, today)
                conditions += [] if "pregnant" in conditions else ["pregnant"]
                continue
            words = item.split()
            dates = [w for w in words if w[:1].isdigit()]
            said = " ".join(w for w in words if w not in dates)
            found = next((k for k, names in HEALTH_WORDS.items() if said in names), None)
            if found is None:
                raise ValueError(f"health: {item!r} is not one of: {known}, or none")
            if found == "postnatal":
                since = _birth_date(dates, today)
            conditions += [] if found in conditions else [found]
        return conditions, since, due, site, cleared

    return parse


def due_date_of(item: str, today: dt.date) -> dt.date:
    """The due date from a pregnancy answer ("pregnant 22 weeks", "22 weeks pregnant", "pregnant
    due 2027-04-12"), or a ValueError that says what to do: a pregnancy with complications is one
    runstrong does not plan for (pregnancy-strength), and says whom to ask."""
    if any(w in item for w in COMPLICATIONS):
        raise ValueError(
            "health: runstrong does not plan strength work for a pregnancy with complications; ask your "
            "obstetrician or midwife what exercise suits you (a women's health physiotherapist can plan it with them)"
        )
    if m := re.search(r"\b(\d{4}-\d{2}-\d{2})\b", item):
        try:
            due = dt.date.fromisoformat(m.group(1))
        except ValueError:
            raise ValueError(f"health: {m.group(1)!r} is not a date; write the due date like 2027-04-12") from None
        if due <= today:
            raise ValueError(f"health: the due date {due} is not after today ({today}); after the birth, give: "
                             "birth YYYY-MM-DD")  # fmt: skip
        return due
    m = re.search(r"\b(\d{1,2})\s*(?:weeks?|wks?|w)?\b", item)
    if m is None:
        raise ValueError("health: say how many weeks pregnant you are, or your due date, like: pregnant 22 weeks, "
                         "or pregnant due 2027-04-12")  # fmt: skip
    weeks = int(m.group(1))
    if not 0 <= weeks < 40:
        raise ValueError(f"health: {weeks} weeks pregnant is not 0-39; give your due date instead, like: "
                         "pregnant due 2027-04-12")  # fmt: skip
    return today + dt.timedelta(weeks=40 - weeks)


def _birth_date(dates: list[str], today: dt.date) -> dt.date:
    """The birth's date from the words of a birth answer, or a ValueError that says how."""
    if len(dates) != 1:
        raise ValueError("health: give the date of the birth with it, like: birth 2026-10-01")
    return birth_date(dates[0], today)


def birth_date(typed: str, today: dt.date) -> dt.date:
    """A birth's date as typed (the web forms' own field): a date, not after today."""
    return past_date(
        typed,
        today,
        "health: give the date of the birth, like 2026-10-01",
        "health: {typed!r} is not a date; write it like 2026-10-01",
        "health: the birth's date {date} is after today ({today})",
    )


def split_owned(loads: dict | None) -> tuple[dict | None, dict | None]:
    """The heaviest-loads answer as (heaviest_loads, owned_weights): a kit given as a list
    (`dumbbell 10 only`, `kettlebell 12 16`) is the fixed weights the runner owns (owned-weights)."""
    if not loads:
        return loads or None, None
    heaviest = {k: v for k, v in loads.items() if not isinstance(v, list)}
    owned = {k: v for k, v in loads.items() if isinstance(v, list)}
    return heaviest or None, owned or None


def easy_pace_answer(text: str) -> str | None:
    """An easy pace ("5:45/km", "9:15/mi") as the profile writes it; nothing for skip."""
    from runstrong.core.model import pace_min_per_km

    t = text.strip().lower()
    if t in ("", "skip", "none", "-"):
        return None
    try:
        pace_min_per_km(t)
    except ValueError as err:
        raise ValueError(f"easy pace: {err}") from None
    return t.replace(" ", "").replace("min/", "/").replace("/mile", "/mi")


def _name(text: str) -> str:
    t = " ".join(text.split())
    if not 1 <= len(t) <= 80:
        raise ValueError("name: 1 to 80 characters")
    return t


def run_option(text: str) -> list[dict[str, Any]]:
    """`tue:intervals:60` (minutes optional) as weekly runs."""
    from runstrong.core.model import RunType, Weekday
    from runstrong.io import answers as q

    parts = text.split(":", 2)
    if len(parts) < 2:
        raise ValueError(f"write DAY:TYPE:MINUTES, like tue:intervals:60 (got {text!r})")
    day = q.pick("day", q.choices_of(Weekday))(parts[0])
    kind = RunType(q.pick("run type", q.choices_of(RunType), q.RUN_ALIASES)(parts[1]))
    minutes = q.minutes_answer(parts[2]) if len(parts) == 3 else q.RUN_MINUTES[kind]
    return [{"day": day, "type": kind.value, "minutes": minutes}]


def profile_from_options(opts: dict[str, Any], today: dt.date) -> Any:
    """The profile the options describe; a bad option is a UserError naming it."""
    from runstrong.io import answers as q

    def get(key: str, option: str, parse: Any, value: Any = None) -> Any:
        raw = opts.get(key) if value is None else value
        if raw is None:
            return None
        try:
            return parse(raw)
        except ValueError as err:
            msg = str(err)
            same = msg.startswith(option.lstrip("-").replace("-", " ") + ": ")
            raise UserError(f"{option}: {msg.split(': ', 1)[1] if same else msg}") from None

    units = get("units", "--units", parsers(today)["units"]) or "metric"
    p = parsers(today, units)
    raw: dict[str, Any] = {
        "name": get("name", "--name", p["name"]) or "Runner",
        "age": get("age", "--age", p["age"]),
        "sex": get("sex", "--sex", p["sex"]) or "unspecified",
        "units": units,
        "body_mass_kg": get("body_mass", "--body-mass", p["body_mass"]),
        "running_experience_years": get("running_years", "--running-years", p["running_years"]),
        "strength_experience": get("strength_experience", "--strength-experience", p["strength_experience"]),
        "consistent_strength_weeks": get("strength_weeks", "--strength-weeks", p["strength_weeks"]),
        "start_date": get("start", "--start", p["start"]) or q.next_monday(today),
        "session_cap_minutes": get("cap", "--cap", p["cap"]),
        "preferred_time": get("time_", "--time", p["time"]),
        "allow_double_days": opts.get("double_days"),
        "easy_pace": get("easy_pace", "--easy-pace", p["easy_pace"]),
    }
    distance = get("race_distance", "--race-distance", p["race_distance"])
    if distance and distance != "none":
        raw["race"] = {
            "distance": distance,
            "date": get("race_date", "--race-date", q.date_answer("race date", today)),
            "name": opts.get("race_name"),
        }
    elif opts.get("race_date"):
        raise UserError("--race-date: give --race-distance too (5k, 10k, half, marathon or ultra)")
    raw["plan_weeks"] = get("plan_weeks", "--plan-weeks", p["plan_weeks"])
    weekly = [r for text in opts.get("runs") or () for r in get("runs", "--run", run_option, text)]
    raw["running"] = {"weekly": weekly}
    if opts.get("days"):
        raw["available_days"] = get("days", "--days", p["days"], ",".join(opts["days"]))
    if opts.get("equipment"):
        raw["equipment"] = get("equipment", "--equipment", p["equipment"], ",".join(opts["equipment"]))
    if opts.get("furniture"):
        raw["furniture"] = listed_furniture(
            get("furniture", "--furniture", p["furniture"], ",".join(opts["furniture"]))
        )
    if opts.get("heaviest"):
        loads = get("heaviest", "--heaviest", heaviest_parser(units, raw.get("equipment")))
        raw["heaviest_loads"], raw["owned_weights"] = split_owned(loads)
    if opts.get("pain"):
        raw["pain_areas"], raw["pain_scores"] = get("pain", "--pain", p["pain_scored"], ",".join(opts["pain"]))
    if opts.get("health"):
        health = get("health", "--health", p["health"], ",".join(opts["health"]))
        raw["health"], raw["postnatal_since"], raw["due_date"], raw["bone_stress_site"], raw["cleared_to_run"] = health
    if opts.get("goal_races"):
        _goal_races(raw, opts, today, get)
    profile = validate_answers({k: v for k, v in raw.items() if v is not None})
    if not opts.get("yes") and (question := body_mass_asked(profile)):
        raise UserError(
            f"--body-mass: {question.removeprefix('body mass: ')}. Check the number and its unit (--units), "
            "or if it is right add --yes"
        )
    return profile


def _goal_races(raw: dict[str, Any], opts: dict[str, Any], today: dt.date, get: Any) -> None:
    """`--goal-race` (repeatable) written into the dated running week around the usual one."""
    from runstrong.io.goal_race_answers import goal_races_answer, running_with_goal_races

    start = raw["start_date"] if isinstance(raw.get("start_date"), dt.date) else None
    main = (raw.get("race") or {}).get("date")
    parse = goal_races_answer(today, start, main if isinstance(main, dt.date) else None)
    races = get("goal_races", "--goal-race", parse, ";".join(opts["goal_races"]))
    raw["running"] = running_with_goal_races(raw["running"], races)


def body_mass_asked(profile: Any) -> str | None:
    """The question the profile's body mass raises for its age and sex (body-mass-plausible),
    as init and the welcome page ask it before keeping the answer."""
    from runstrong.core.body_mass import body_mass_question
    from runstrong.io.data_files import load_params

    return body_mass_question(profile.body_mass_kg, profile.age, profile.sex, profile.units, load_params())


def validate_answers(raw: dict[str, Any]) -> Any:
    """The profile, or a UserError naming each bad field and the option that sets it."""
    from runstrong.io.profile_file import validate_profile

    try:
        return validate_profile(raw, source="init")
    except UserError as err:
        lines = []
        for line in str(err).splitlines():
            field, _, msg = line.removeprefix("init: ").partition(": ")
            key = field.split("[")[0]
            option = FIELD_OPTION.get(key) or FIELD_OPTION.get(key.split(".")[0])
            lines.append(f"{field} ({option}): {msg}" if option else f"{field}: {msg}")
        raise UserError("\n".join(lines)) from None


def plan_fits(profile: Any) -> str:
    """A line saying that a plan fits, or a UserError saying what to change."""
    from runstrong.core.planner import build_plan
    from runstrong.io.data_files import load_context

    plan = build_plan(profile, load_context())
    sessions = sum(len(w.sessions) for w in plan.weeks)
    return f"A plan fits: {len(plan.weeks)} weeks, {sessions} strength sessions in all."
