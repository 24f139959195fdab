"""A lift the runner gave a load for is used, or the plan says why not (known-lift-used).

The runner's `recent_sets` and `known_loads_kg` start their own lifts and scale the estimates
of the others (`load_starts`). A lift the plan never trains, and no lift of its movement
starts from (cross-lift-start), would otherwise vanish without a word (cr25a F9: Sanjay's
back squat, 5 x 120 kg, in no week of sixteen): the plan names it, says why it is not in the
plan (pain, kit, level, or the slots chose other lifts) and what its load still does.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .library import Library
from .model import AthleteProfile, Exercise, Week
from .vocab import AREA_NAME, CATEGORY_NAME, spoken_list

RULE = "known-lift-used"


def given_lifts(profile: AthleteProfile, library: Library) -> list[Exercise]:
    """The library's lifts the runner gave a load for in the profile (not the diary's sets)."""
    ids = dict.fromkeys([*profile.recent_sets, *profile.known_loads_kg])
    return [library.get(x) for x in ids if x in library]


def planned_ids(weeks: Iterable[Week]) -> set[str]:
    return {b.exercise_id for w in weeks for s in w.sessions for b in s.blocks}


def converted_into(e: Exercise, planned: set[str], profile: AthleteProfile, library: Library, p: Any) -> list[str]:
    """The planned lifts of `e`'s movement that start from its load (cross-lift-start): listed
    in the registry's ratios beside it, with no load of their own."""
    ratios = p.cross_lift_relative_pct
    if e.id not in ratios:
        return []
    own = {*profile.recent_sets, *profile.known_loads_kg}
    return sorted(
        library.get(x).name
        for x in planned
        if x in ratios and x not in own and x in library and library.get(x).pattern == e.pattern
    )


def unused(profile: AthleteProfile, weeks: Iterable[Week], library: Library, p: Any) -> list[Exercise]:
    """The given lifts the plan neither trains nor starts another lift from."""
    planned = planned_ids(weeks)
    return [
        e
        for e in given_lifts(profile, library)
        if e.id not in planned and not converted_into(e, planned, profile, library, p)
    ]


def why_not(e: Exercise, profile: AthleteProfile, planned: set[str], library: Library) -> str:
    """Why `e` is not in the plan, in the runner's words."""
    hurt = sorted(AREA_NAME[a] for a in set(profile.pain_areas) & {*e.contraindications, *e.loads})
    if hurt:
        return f"it loads your {spoken_list(hurt)}, left out while {'it hurts' if len(hurt) == 1 else 'they hurt'}"
    missing = [i.value.replace("_", " ") for i in e.equipment if i not in profile.equipment_items]
    if missing:
        return f"your kit has no {spoken_list(missing)}"
    if e.level.rank > profile.strength_experience.rank:
        return f"it is for {e.level.value} lifters and up"
    chosen = sorted(
        library.get(x).name
        for x in planned
        if x in library and library.get(x).category == e.category and "primary" in library.get(x).roles
    )
    words = f": {spoken_list(chosen)}" if chosen else ""
    return f"the plan's {CATEGORY_NAME[e.category]} slots chose other lifts{words}"


def known_lift_notes(profile: AthleteProfile, weeks: list[Week], library: Library, p: Any) -> list[str]:
    """One line per given lift the plan leaves unused: which, why, and what its load still does."""
    planned = planned_ids(weeks)
    out = []
    for e in unused(profile, weeks, library, p):
        out.append(
            f"{e.name} (your load for it): not in your plan, as {why_not(e, profile, planned, library)}; its load "
            f"still scales the starting estimates of your other lifts ({RULE})."
        )
    return out
