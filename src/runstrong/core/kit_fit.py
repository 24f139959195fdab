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
from .model import AthleteProfile, Exercise, Item, Reason
from .set_text import READABLE_RIR


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
    capped = []
    for e in library.exercises:
        if not (loadable_exercise(e) and e.fits(items) and e.dose.reps):  # a carry's metres have no rep load
            continue
        top = ld.lift_heaviest(e, profile, p)
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
    lifts: tuple[Exercise, ...],
    carry: tuple,
    profile: AthleteProfile,
    library: Library,
    p: Any,
    memo: dict,
    weeks: dict[str, int] | None = None,
) -> tuple[Exercise, ...]:
    """The loaded lifts among `lifts`, done in the last loading week, whose load cannot rise:
    the kit's heaviest makes no more than the runner's starting strength calls for at the
    rule's reference reps and reserve (kit-fits-the-lift), or (`weeks`: the weeks each lift was
    loaded so far) the strength the plan has grown by this week leaves that heaviest at the
    lift's fewest reps of the last loading week an easy effort, past the readable reserve
    (kit-outgrown: a heavy day of "3 x 6 @ 24 kg, RIR 9"). When their reps reach the range's top
    they move on the library's way (ladder-climb: the single-leg form of the lift), as a
    bodyweight lift does; `memo` keeps the starting strength by lift."""
    done: dict[str, int] = {}
    for (exercise_id, _focus), dose in carry:
        if not dose[-1] and dose[1]:
            done[exercise_id] = min(done.get(exercise_id, dose[1]), dose[1])
    out = []
    for e in lifts:
        kit = ld.implement(e.equipment)
        top = ld.lift_heaviest(e, profile, p) if kit else None
        if top is None or e.id not in done or not (loadable_exercise(e) and e.dose.reps):
            continue
        if e.id not in memo:
            memo[e.id] = starting_e1rms(profile, library, p, [e]).get(e.id)
        e1rm = memo[e.id]
        if e1rm is None:
            continue
        if top <= ld.load_for(e1rm, p.kit_fit_reps, p.kit_fit_rir, p.e1rm_formula, p.e1rm_max_reps):
            out.append(e)
            continue
        start = _planned_start(e, profile, library, p, memo) if weeks is not None else None
        if start is not None and outgrown_by(start, weeks.get(e.id, 0), top, done[e.id], p):  # type: ignore[union-attr]
            out.append(e)
    return tuple(out)


def _planned_start(e: Exercise, profile: AthleteProfile, library: Library, p: Any, memo: dict) -> float | None:
    """Where the plan started `e` from the profile alone (its sets and known loads, else the estimate):
    the diary's sets restart the load walk, not the plan's forecast of the strength it grows, so a week
    logged as planned moves no lift on (`memo` keeps it by lift)."""
    key = ("planned", e.id)
    if key not in memo:
        plain = profile.model_copy(update={"logged_sets": {}}) if profile.logged_sets else profile
        memo[key] = starting_e1rms(plain, library, p, [e]).get(e.id)
    return memo[key]


def outgrown_by(e1rm: float, weeks: int, top: float, reps: int, p: Any) -> bool:
    """Whether a lift whose strength started at `e1rm`, grown a load step for each of `weeks`
    loading weeks (as the load walk grows it), leaves more than the readable reserve at `reps`
    with the kit's heaviest `top` (kit-outgrown).

    >>> from types import SimpleNamespace as NS
    >>> p = NS(load_step_pct=2.5, e1rm_formula="epley", e1rm_max_reps=15)
    >>> outgrown_by(30.0, 0, 24.0, 6, p), outgrown_by(30.0, 10, 24.0, 6, p)
    (False, True)
    """
    grown = e1rm * (1 + p.load_step_pct / 100) ** weeks
    return min(ld.reps_to_failure(grown, top, p.e1rm_formula), p.e1rm_max_reps) - reps >= READABLE_RIR + 1


def loaded_weeks(weeks: list) -> dict[str, int]:
    """The weeks each lift was done on a full day so far, deloads aside: the weeks the load walk
    grows its strength by (kit-outgrown)."""
    out: dict[str, int] = {}
    for w in weeks:
        if w.deload:
            continue
        ids = {b.exercise_id for s in w.sessions for b in s.blocks if "light-before-key-runs" not in b.rule_ids}
        for x in ids:
            out[x] = out.get(x, 0) + 1
    return out
