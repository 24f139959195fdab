"""The checks a profile makes across its fields (a race after the start date), kept apart from
the model so a profile reader can run each on the fields it reads when other fields are wrong,
and report every problem of a file in one run instead of this one only once the others are
fixed. `AthleteProfile` runs them all once its fields are valid (`check_across_fields`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from .load_values import owned_conflict
from .loads import KG_PER_LB
from .vocab import SITE_AREAS, BoneSite


def race_after_start(profile: Any) -> str | None:
    """A race on or before the first day of the plan leaves nothing to plan toward."""
    if profile.race is not None and profile.race.date <= profile.start_date:
        return "race.date: must be after start_date; set a later race date or an earlier start"
    return None


def sides_of_painful_areas(profile: Any) -> str | None:
    """A painful side names an area the profile says hurts."""
    stray = sorted(a.value for a in profile.pain_sides if a not in profile.pain_areas)
    if stray:
        return f"pain_sides.{stray[0]}: not among pain_areas; add it to pain_areas or remove its side"
    return None


def scores_of_painful_areas(profile: Any) -> str | None:
    """A pain score names an area the profile says hurts."""
    stray = sorted(a.value for a in profile.pain_scores if a not in profile.pain_areas)
    if stray:
        return f"pain_scores.{stray[0]}: not among pain_areas; add it to pain_areas or remove its score"
    return None


def birth_date_with_postnatal(profile: Any) -> str | None:
    """A postnatal runner gives the date of the birth (the weeks since it decide when hops come
    back, postnatal-impact-return); a birth date goes with postnatal."""
    postnatal = any(getattr(h, "value", h) == "postnatal" for h in profile.health)
    if postnatal and profile.postnatal_since is None:
        return "postnatal_since: give the date of the birth (YYYY-MM-DD) with health = postnatal"
    if not postnatal and profile.postnatal_since is not None:
        return "postnatal_since: a birth date goes with health = postnatal; add postnatal to health or remove the date"
    return None


def due_date_with_pregnancy(profile: Any) -> str | None:
    """A pregnant runner gives the due date (the weeks of pregnancy, counted from it, decide what
    each week allows: pregnancy-strength); a due date goes with pregnant. runstrong does not plan
    through a birth: a due date before the start, or a race or plan that runs past it, is refused
    with what to do instead."""
    pregnant = any(getattr(h, "value", h) == "pregnant" for h in profile.health)
    due, start = profile.due_date, profile.start_date
    if not pregnant:
        return "due_date: a due date goes with health = pregnant; add pregnant to health or remove it" if due else None
    if due is None:
        return "due_date: give your due date (YYYY-MM-DD) with health = pregnant; the weeks of pregnancy count from it"
    if due <= start:
        return (f"due_date: {due} is not after start_date ({start}); after the birth, give health = postnatal "
                "and the birth's date (postnatal_since) instead")  # fmt: skip
    if (due - start).days > 280:
        return f"due_date: {due} is more than 40 weeks after start_date ({start}); check the date"
    monday = start - dt.timedelta(days=start.weekday())  # plans run in weeks from Monday to Sunday
    end = profile.race.date + dt.timedelta(days=6 - profile.race.date.weekday()) if profile.race else None
    if end is None and profile.plan_weeks is not None:
        end = monday + dt.timedelta(weeks=profile.plan_weeks, days=-1)
    if end is not None and end >= due:
        field = "race.date" if profile.race is not None else "plan_weeks"
        fit = max(1, (due - monday).days // 7)
        return (f"{field}: the plan runs past your due date ({due}); runstrong does not plan through a birth. "
                f"Plan at most {fit} weeks (plan_weeks = {fit}, no race), and after the birth start again with "
                "health = postnatal")  # fmt: skip
    return None


def bone_stress_entry(profile: Any) -> str | None:
    """A bone stress injury gives its site and the day the clinician cleared running (the weeks
    since decide when impact comes back: bone-stress-return); both go with health = bone_stress.
    What cannot be planned is refused: no clearance yet (runstrong plans strength around running
    the clinician has allowed; before that, the bone's first loading is the clinician's), and pain
    at the site, a stop sign rather than a zone to load through (taken off the pain ladders)."""
    injured = any(getattr(h, "value", h) == "bone_stress" for h in profile.health)
    site, cleared, start = profile.bone_stress_site, profile.cleared_to_run, profile.start_date
    if not injured:
        stray = "bone_stress_site" if site is not None else "cleared_to_run" if cleared is not None else None
        return f"{stray}: goes with health = bone_stress; add bone_stress to health or remove it" if stray else None
    if site is None:
        sites = ", ".join(s.value for s in BoneSite)
        return f"bone_stress_site: give where the bone stress injury was ({sites}) with health = bone_stress"
    if cleared is None or cleared > start:
        fix = (
            "give the day they did (YYYY-MM-DD)"
            if cleared is None
            else (f"{cleared} is after start_date ({start}): start the plan on or after it")
        )
        return (f"cleared_to_run: not cleared to run yet: runstrong plans strength work once your clinician has "
                f"cleared you to run; {fix}. Until then, ask them what loading suits the bone")  # fmt: skip
    for area in SITE_AREAS[site]:
        if area in profile.pain_areas:
            name = area.value.replace("_", " ")
            return (f"pain_areas.{area.value}: the site of your bone stress injury, where pain is a stop sign, "
                    f"not a zone to load through: if your {name} hurts now, see your clinician before you load it; "
                    "if it does not, take it out of pain_areas (health = bone_stress keeps it safe)")  # fmt: skip
    return None


def goal_races_before_the_race(profile: Any) -> str | None:
    """A goal race in the dated running week comes before the main race (goal-race): the main
    race is the season's last goal, and its taper, race week and the weeks after it are planned
    from it. A goal race after it, or on its day, is the main race's job."""
    race = profile.race
    for n, run in enumerate(profile.running.dated):
        if not getattr(run, "goal", False):
            continue
        if race is not None and run.date >= race.date:
            return (
                f"running.dated[{n}].goal: a goal race on or after your main race ({race.date}); make the later race "
                "the main race (race.date) or remove goal"
            )
        if run.date < profile.start_date:
            return f"running.dated[{n}].goal: a goal race before start_date; remove goal or move start_date"
    return None


def known_loads_date_with_loads(profile: Any) -> str | None:
    """`known_loads_date` dates the known loads (detraining-restart): a date with none is a slip."""
    if getattr(profile, "known_loads_date", None) is not None and not profile.known_loads_kg:
        return ("known_loads_date: dates your known loads, and you gave none; give known_loads_kg (or known_loads), "
                "or remove it (a recent set takes its own date)")  # fmt: skip
    return None


# each check with the fields it reads: (fields, check returning "field: message; fix" or None)
ACROSS_FIELDS: tuple[tuple[tuple[str, ...], Callable[[Any], str | None]], ...] = (
    (("start_date", "race"), race_after_start),
    (("pain_areas", "pain_sides"), sides_of_painful_areas),
    (("pain_areas", "pain_scores"), scores_of_painful_areas),
    (("health", "postnatal_since"), birth_date_with_postnatal),
    (("health", "due_date", "start_date", "race", "plan_weeks"), due_date_with_pregnancy),
    (("health", "bone_stress_site", "cleared_to_run", "start_date", "pain_areas"), bone_stress_entry),
    (("start_date", "race", "running"), goal_races_before_the_race),
    (("owned_weights", "heaviest_loads", "load_increments"), owned_conflict),
    (("known_loads_date", "known_loads_kg"), known_loads_date_with_loads),
)


def known_loads_in_kg(data: Any) -> Any:
    """A profile's `known_loads`, in its own units (lb in an imperial profile, as its
    heaviest_loads, load_increments and bar_weights are), read into `known_loads_kg` (always
    kg; kept for the profiles that give it). cr21a S3: a pounds runner's own 135 lb written
    under known_loads_kg became a 275 lb first Romanian deadlift.

    >>> known_loads_in_kg({"units": "imperial", "known_loads": {"romanian_deadlift": 135}})
    {'units': 'imperial', 'known_loads_kg': {'romanian_deadlift': 61.23497}}
    """
    if not isinstance(data, dict) or "known_loads" not in data:
        return data
    given, kg = data["known_loads"], data.get("known_loads_kg") or {}
    if not isinstance(given, dict) or not isinstance(kg, dict):
        raise ValueError("known_loads: a table of exercise id = your working load, in your units")
    if both := sorted(set(given) & set(kg)):
        raise ValueError(f"known_loads.{both[0]}: also in known_loads_kg; give it once (known_loads is in your units)")
    per = KG_PER_LB if getattr(data.get("units"), "value", data.get("units")) == "imperial" else 1.0
    own = {
        k: round(v * per, 6) if isinstance(v, int | float) and not isinstance(v, bool) else v for k, v in given.items()
    }
    return {**{k: v for k, v in data.items() if k != "known_loads"}, "known_loads_kg": {**kg, **own}}


def body_mass_in_kg(data: Any) -> Any:
    """A profile's `body_mass`, in its own units (lb in an imperial profile), read into
    `body_mass_kg` (kept for the profiles that give it), to 0.1 kg as `init` reads it. cr24a
    F15: a pounds runner who met a kg field wrote her 150 lb into it and was planned at 331 lb.

    >>> body_mass_in_kg({"units": "imperial", "body_mass": 150})
    {'units': 'imperial', 'body_mass_kg': 68.0}
    """
    if not isinstance(data, dict) or "body_mass" not in data:
        return data
    given = data["body_mass"]
    if "body_mass_kg" in data:
        raise ValueError("body_mass: body_mass_kg is given too; give one of them (body_mass is in your units)")
    per = KG_PER_LB if getattr(data.get("units"), "value", data.get("units")) == "imperial" else 1.0
    kg = round(given * per, 1) if isinstance(given, int | float) and not isinstance(given, bool) else given
    return {**{k: v for k, v in data.items() if k != "body_mass"}, "body_mass_kg": kg}


def mass_in_units(kg: float, imperial: bool) -> float:
    """The body mass to write in a profile's units: whole pounds when they read back as the
    same 0.1 kg (`body_mass_in_kg`), else pounds to 0.1.

    >>> mass_in_units(68.0, True), mass_in_units(61.5, False)
    (150, 61.5)
    """
    if not imperial:
        return kg
    for digits in (0, 1, 2):
        lb = round(kg / KG_PER_LB, digits)
        if round(lb * KG_PER_LB, 1) == round(kg, 1):
            return int(lb) if digits == 0 else lb
    return round(kg / KG_PER_LB, 3)


def check_across_fields(profile: Any) -> Any:
    """A profile's model check: the first cross-field problem raised as a ValueError."""
    for _, check in ACROSS_FIELDS:
        if (problem := check(profile)) is not None:
            raise ValueError(problem)
    return profile
