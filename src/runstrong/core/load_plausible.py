"""A load the runner gave, weighed at the door (load-plausible): a known load or recent set whose
e1RM is beyond what body mass, sex and level make plausible is refused where the profile enters,
naming the field and the fix, until the runner confirms it (`loads_confirmed`). cr30a F4: Tom's
loads typed in pounds into `known_loads_kg` (trap bar 245, RDL 175, hip thrust 225, for an 80 kg
intermediate runner) passed silently and put a 160 kg Romanian deadlift in his first week.
"""

from __future__ import annotations

from typing import Any

from . import loads as ld
from .load_calibration import relative_share
from .log_loads import set_e1rm
from .model import AthleteProfile, Exercise
from .vocab import Level, Sex, Units

RULE = "load-plausible"


def given_e1rm(e: Exercise, kg: float, p: Any) -> float:
    """The e1RM a known load stands for: its usual reps at the registry's reserve, or a carry's share."""
    reps = e.dose.reps
    if reps:
        return ld.e1rm(kg, reps, p.known_load_rir, p.e1rm_formula, p.e1rm_max_reps)
    return kg * 100 / p.carry_load_pct


def ceiling_e1rm(e: Exercise, body_mass_kg: float, sex: Sex, level: Level, p: Any) -> float | None:
    """The most e1RM the lift plausibly stands for in a runner of this body mass, sex and level
    (None: the lift takes no load or its movement has no ceiling)."""
    kit = ld.implement(e.equipment)
    per_kg = p.plausible_load_top_e1rm_per_kg.get(e.pattern)
    if kit is None or per_kg is None:
        return None
    kg = body_mass_kg * per_kg * p.plausible_load_level_pct[level] / 100 * p.plausible_load_sex_pct[sex] / 100
    return kg * relative_share(e, p) * ld.handheld_share(kit, e.both_hands, p)


def _who(profile: AthleteProfile) -> str:
    person = {Sex.female: "woman", Sex.male: "man", Sex.unspecified: "runner"}[profile.sex]
    level = profile.strength_experience.value
    mass = profile.body_mass_kg
    weighs = f"{mass / ld.KG_PER_LB:.0f} lb" if profile.units == Units.imperial else f"{round(mass, 1):g} kg"
    return f"{'an' if level[0] in 'aeiou' else 'a'} {level} {person} of {weighs}"


def _shown(kg: float, units: Units) -> str:
    lb = kg / ld.KG_PER_LB
    return f"{lb:.0f} lb ({kg:.1f} kg)" if units == Units.imperial else f"{kg:g} kg"


def _fix(field: str, kg: float, profile: AthleteProfile) -> str:
    """How to put it right: the pound reading of the number, and the way to keep it."""
    keep = "if it is right, add loads_confirmed = true to the profile"
    if profile.units == Units.imperial:  # which field it came by is not kept: both units are named
        return f"check the number and its unit (known_loads is in pounds, known_loads_kg in kilograms); {keep}"
    meant = kg * ld.KG_PER_LB
    where = "known_loads_kg" if field.startswith("known_loads_kg") else "the set"
    return f"if you meant {kg:g} lb, that is {meant:.1f} kg: write {meant:.1f} in {where}; {keep}"


def implausible_loads(profile: AthleteProfile, library: Any, p: Any) -> list[tuple[str, str, str]]:
    """Each given load beyond its ceiling, as (field, what it is, the fix), unless confirmed."""
    if profile.loads_confirmed:
        return []
    given: list[tuple[str, str, float, float, int | None]] = []  # field, id, kg, e1rm, reps
    for ex_id, kg in profile.known_loads_kg.items():
        if ex_id in library:
            e = library.get(ex_id)
            given.append((f"known_loads_kg.{ex_id}", ex_id, kg, given_e1rm(e, kg, p), e.dose.reps))
    for ex_id, s in profile.recent_sets.items():
        if ex_id in library:
            given.append((f"recent_sets.{ex_id}", ex_id, s.load_kg, set_e1rm(s, p), s.reps))
    out = []
    for field, ex_id, kg, e1rm, reps in given:
        e = library.get(ex_id)
        top = ceiling_e1rm(e, profile.body_mass_kg, profile.sex, profile.strength_experience, p)
        if top is None or e1rm <= top + 1e-9:
            continue
        most = ld.load_for(top, reps, p.known_load_rir, p.e1rm_formula, p.e1rm_max_reps) if reps else top
        said = (
            f"{_shown(kg, profile.units)} for {e.name} is more than {_who(profile)} plausibly lifts "
            f"(a working load of about {_shown(round(most), profile.units)} at most: {RULE})"
        )
        out.append((field, said, _fix(field, kg, profile)))
    return out


def first_implausible(profile: AthleteProfile, library: Any, p: Any) -> str | None:
    """The first implausible load as "field: what it is; the fix" (a flow's refusal), or None."""
    found = implausible_loads(profile, library, p)
    return f"{found[0][0]}: {found[0][1]}; {found[0][2]}" if found else None
