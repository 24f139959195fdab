"""Kit that fits the lift: a loaded lift the runner's heaviest dumbbell, kettlebell or
backpack cannot load enough to progress is chosen only when nothing else of its slot fits
(kit-fits-the-lift). An 8 kg kettlebell deadlift is no strength work for an 80 kg man; the
single-leg or dumbbell version of the hinge is."""

from __future__ import annotations

from typing import Any

from . import loads as ld
from .library import Library
from .load_starts import starting_e1rms
from .load_walk import loadable_exercise
from .model import AthleteProfile, EquipmentSet, Exercise, Item, Reason
from .owned_kit import kit_heaviest


def outgrown_lifts(
    profile: AthleteProfile, library: Library, items: frozenset[Item], p: Any, memo: dict
) -> frozenset[str]:
    """The ids of the loaded lifts the runner can do with `items` whose kit makes less than
    the rule's share of the load their strength calls for at its reference reps and reserve;
    remembered in `memo` (the runner's calendar) by the kit."""
    hit = memo.get(items)
    if hit is None:
        hit = memo[items] = _outgrown(profile, library, items, p)
    return hit


def _outgrown(profile: AthleteProfile, library: Library, items: frozenset[Item], p: Any) -> frozenset[str]:
    gym = EquipmentSet.gym in profile.equipment
    capped = []
    for e in library.exercises:
        if not (loadable_exercise(e) and e.fits(items) and e.dose.reps):  # a carry's metres have no rep load
            continue
        top = ld.heaviest_kg(ld.implement(e.equipment), profile.units, kit_heaviest(profile), gym, p)
        if top is not None:
            capped.append((e, top))
    if not capped:
        return frozenset()
    e1rms = starting_e1rms(profile, library, p, [e for e, _ in capped])
    out = set()
    for e, top in capped:
        e1rm = e1rms.get(e.id)
        if e1rm is None:
            continue
        wanted = ld.load_for(e1rm, p.kit_fit_reps, p.kit_fit_rir, p.e1rm_formula, p.e1rm_max_reps)
        if top < wanted * p.kit_fit_min_pct / 100:
            out.add(e.id)
    return frozenset(out)


def kit_fit_note(e: Exercise, unfit: Exercise | None, p: Any) -> list[Reason]:
    """Why `e` and not `unfit`, the lift the slot would have had with heavier kit."""
    if unfit is None or unfit.id == e.id:
        return []
    text = (
        f"Your kit cannot load the {unfit.name[0].lower()}{unfit.name[1:]} enough to progress, so this takes its place."
    )
    return [p.why("kit-fits-the-lift", text)]


def at_kit_ceiling(
    lifts: tuple[Exercise, ...], carry: tuple, profile: AthleteProfile, library: Library, p: Any, memo: dict
) -> tuple[Exercise, ...]:
    """The loaded lifts among `lifts`, done in the last loading week, whose load cannot rise:
    the kit's heaviest makes no more than the runner's starting strength calls for at the
    rule's reference reps and reserve (kit-fits-the-lift), so the load sits at the kit's top
    while the reps climb. When their reps reach the range's top they move on the library's
    way (ladder-climb: the single-leg form of the lift), as a bodyweight lift does; `memo`
    keeps the starting strength by lift."""
    gym = EquipmentSet.gym in profile.equipment
    done = {exercise_id for (exercise_id, _focus), dose in carry if not dose[-1]}
    out = []
    for e in lifts:
        kit = ld.implement(e.equipment)
        top = ld.heaviest_kg(kit, profile.units, kit_heaviest(profile), gym, p) if kit else None
        if top is None or e.id not in done or not (loadable_exercise(e) and e.dose.reps):
            continue
        if e.id not in memo:
            memo[e.id] = starting_e1rms(profile, library, p, [e]).get(e.id)
        e1rm = memo[e.id]
        if e1rm is not None and top <= ld.load_for(
            e1rm, p.kit_fit_reps, p.kit_fit_rir, p.e1rm_formula, p.e1rm_max_reps
        ):
            out.append(e)
    return tuple(out)
