"""Swapping an exercise: the alternatives a runner may choose, and the profile that keeps
the choice (rule `exercise-swap`).

An alternative trains the same category with the same movement pattern, needs only kit
the runner has, suits their level and is not ruled out by a painful area: the same
filters the planner uses, so a swap offered here is a swap the planner can make.
Pure: the library, the profile and the date come in as arguments.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .base import Frozen
from .library import Library
from .model import TRAINING_CATEGORIES, AthleteProfile, Exercise, ExerciseSwap, Plan
from .params import Params
from .swap_ends import in_force
from .vocab import AREA_NAME

SWAP_RULE = "exercise-swap"


class Alternative(Frozen):
    """An exercise that can take another's place, and why it fits."""

    exercise: Exercise
    notes: list[str]


def _usable(e: Exercise, profile: AthleteProfile, p: Params) -> bool:
    level = profile.strength_experience
    return (
        e.fits(profile.equipment_items)
        and e.level.rank <= level.rank
        and not (e.high_skill and level.rank < p.high_skill_min_level.rank)
        and not set(profile.pain_areas).intersection(e.contraindications)
    )


def alternatives(
    library: Library, profile: AthleteProfile, exercise_id: str, p: Params, taken: Iterable[str] = ()
) -> list[Alternative]:
    """Exercises that can replace `exercise_id` for this runner, best first: same category
    and pattern, a role in common, the runner's kit, level and pain respected, and none of
    `taken` (exercises already in the same sessions). Raises KeyError for an unknown id."""
    original = library.get(exercise_id)
    if original.category not in TRAINING_CATEGORIES:
        return []
    skip = {exercise_id, *taken}
    pain = set(profile.pain_areas)
    found = [
        e
        for e in library.exercises
        if e.id not in skip
        and e.category == original.category
        and e.pattern == original.pattern
        and (not original.roles or set(e.roles) & set(original.roles))
        and _usable(e, profile, p)
    ]

    def rank(e: Exercise) -> tuple[int, int, int, int]:
        return (
            len(pain.intersection(e.loads)),  # spares a sore area first
            e.unilateral != original.unilateral,
            abs(e.level.rank - original.level.rank),
            e.intent != original.intent,
        )

    found.sort(key=rank)  # stable: library order (easiest first within a family) breaks ties
    return [Alternative(exercise=e, notes=_notes(e, original, profile)) for e in found]


def _notes(e: Exercise, original: Exercise, profile: AthleteProfile) -> list[str]:
    notes = ["needs no equipment" if not e.equipment else "fits your kit"]
    if e.unilateral != original.unilateral:
        notes.append("one side at a time" if e.unilateral else "both legs together")
    if e.level.rank != original.level.rank:
        notes.append("easier" if e.level.rank < original.level.rank else "harder")
    sore = sorted(AREA_NAME[a] for a in set(profile.pain_areas).intersection(e.loads))
    if sore:
        notes.append(f"loads your {', '.join(sore)}: go gently")
    elif profile.pain_areas:
        notes.append("spares the areas you listed as painful")
    return notes


def with_swap(
    profile: AthleteProfile, from_id: str, to_id: str, since: dt.date, reason: str | None = None
) -> AthleteProfile:
    """The profile with one more swap. When `from_id` is itself a replacement chosen
    earlier, the swap names the exercise the planner picked, so the new choice replaces
    the earlier one instead of being lost behind it."""
    original = from_id
    for swap in in_force(profile.exercise_swaps, since):  # (a swap a review ended names nothing now)
        if swap.to_id == original:
            original = swap.from_id
    entry = ExerciseSwap(from_id=original, to_id=to_id, since=since, reason=reason or None, rule_id=SWAP_RULE)
    return profile.model_copy(update={"exercise_swaps": [*profile.exercise_swaps, entry]})


def exercise_ids_from(plan: Plan, since: dt.date) -> set[str]:
    """Every exercise the plan holds on or after `since`."""
    return {b.exercise_id for w in plan.weeks for s in w.sessions if s.date >= since for b in s.blocks}


def sessions_with(plan: Plan, exercise_id: str, since: dt.date) -> list[tuple[int, dt.date]]:
    """(week, date) of each session on or after `since` that holds `exercise_id`."""
    return [
        (w.index, s.date)
        for w in plan.weeks
        for s in w.sessions
        if s.date >= since and any(b.exercise_id == exercise_id for b in s.blocks)
    ]


def companions(plan: Plan, exercise_id: str, since: dt.date) -> set[str]:
    """The exercises of every week (on or after `since`) that holds `exercise_id`: the
    planner keeps a block's exercises distinct, so a replacement must not be one of them."""
    out: set[str] = set()
    for w in plan.weeks:
        sessions = [s for s in w.sessions if s.date >= since]
        ids = {b.exercise_id for s in sessions for b in s.blocks}
        if exercise_id in ids:
            out |= ids
    out.discard(exercise_id)
    return out
