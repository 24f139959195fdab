"""Holds on a planned block's load beyond its own target (`plan_loads` computes that): what
the kit can hold (a backpack full of books or water: kit-heaviest), and a lift's other
full days in a week no harder than its heavy day (linear-progression)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import loads as ld
from .model import Block, EquipmentSet, Exercise, Item, Phase, Role, Units, build
from .owned_kit import kit_heaviest

if TYPE_CHECKING:
    from .load_walk import LiftState, LoadWalk

LOADED_ROLES = (Role.primary, Role.accessory)


def copy_of(obj: Any, **changes: object) -> Any:
    """A planned value with a few fields changed, without validating again (it was valid)."""
    return build(type(obj), **{**obj.__dict__, **changes})


def _heavy(b: Block) -> bool:
    return any(r.rule_id == "dose-heavy" for r in b.reasons) and b.prescription.intensity.kind == "rpe"


def no_harder_than_heavy(
    walk: LoadWalk, loaded: list[list[Block]], loading: bool, focuses: list[object] | None = None
) -> list[list[Block]]:
    """A lift's other full days in a week never ask more of it than its heavy day does: the
    heavy day's load climbs a step a week (linear-progression) while a day of more reps at
    its own reserve takes its load from the e1RM, and was for weeks the harder of the two
    (4 x 10 at RIR 2 on 97.5 kg beside 4 x 6 at RPE 8 on 100 kg). Such a day's load is held
    to the e1RM the heavy day's set stands for; in a loading week a rep or two fewer keep it at
    the load that day held last loading week rather than under it (`_reps_at_held_load`). A day
    that repeats its last loading week's dose (a review's hold, one hard week held: `focuses` name
    each session's day) is never cut under that dose's load (`_held_floor`)."""
    heavy: dict[str, float] = {}
    for b in (b for blocks in loaded for b in blocks):
        if _heavy(b) and b.prescription.load_kg and b.prescription.reps:
            # at the kit's top a loading week's heavy day says the reserve its load leaves (read from the
            # lift's own e1RM, `load_effort.honest_effort`); an eased week's keeps the effort it asks
            kit = _kit_held_e1rm(walk, b) if loading else 0.0
            e1rm = max(walk.e1rm_of(b.prescription.load_kg, b.prescription), kit)
            heavy[b.exercise_id] = min(heavy.get(b.exercise_id, e1rm), e1rm)
    if not heavy:
        return loaded
    days = focuses if focuses is not None else [None] * len(loaded)
    return [
        [_held_to_heavy(walk, b, heavy, loading, _held_floor(walk, b, f)) for b in blocks]
        for blocks, f in zip(loaded, days, strict=True)
    ]


def _held_floor(walk: LoadWalk, b: Block, focus: object) -> float | None:
    """The load a day that repeats its last loading week's dose keeps, whatever the heavy day's
    bound says: a review's hold ("the same dose as before") or one hard week held ("the load holds
    at that week's"), at that day's reps or fewer and no nearer failure. The heavy day's bound is
    for a day whose load rises from the e1RM while the heavy day's climbs a step a week; a held
    day rises from nothing, and cutting it under the load it repeats broke both promises (a
    single-leg-power day's dumbbell RDL 2 x 10 @ 16 kg held after one hard week came back at
    14 kg; held by a review after a deload, 6 -> 4 kg, a third of the load in one kit step).
    None: not a held day, or no such day last loading week."""
    lift, presc = walk.lifts.get(b.exercise_id), b.prescription
    if lift is None or not (held_only(b) or lift.hard_once):
        return None
    if _light(b):  # a held light day repeats the last loading week's light day (its reps and load)
        light = lift.light if held_only(b) else None
        return light[1] if light is not None and presc.reps and presc.reps <= light[0] else None
    day = walk.day_last.get((b.exercise_id, focus)) if focus is not None else None
    if day is None or not day.load_kg or not day.reps or not presc.reps or presc.reps > day.reps:
        return None
    return day.load_kg if walk.rir(presc) >= walk.rir(day) - 1e-9 else None


def _kit_held_e1rm(walk: LoadWalk, b: Block) -> float:
    """The e1RM a heavy day at the kit's top stands for: the lift's own, grown (its effort says the
    reserve that load leaves, `load_effort.honest_effort`), not the target's at a load the kit held
    under it (logloads' Left: a 24 kg hip thrust's other day cut 24 -> 20 kg under a capped heavy day).
    0 below the kit's top."""
    top, lift = kit_top(walk, walk.library.get(b.exercise_id)), walk.lifts.get(b.exercise_id)
    if top is None or lift is None or (b.prescription.load_kg or 0.0) < top - 1e-9:
        return 0.0
    return (lift.free_e1rm or lift.e1rm) * (1 + walk.p.load_step_pct / 100) ** lift.weeks


def _light(b: Block) -> bool:
    return any(r.rule_id == "light-before-key-runs" for r in b.reasons)


def light_under_full_days(walk: LoadWalk, loaded: list[list[Block]]) -> list[list[Block]]:
    """A lift's light days in a week stay under the registry's share of that week's heaviest
    full day of the lift, whichever day comes first: the light day's cap reads the full days
    so far, which a week-1 Monday before Friday's full day did not have (cr24a F14: a hip
    thrust 75 lb beside Friday's 85, 88% of it, then 65 lb the week after) (light-before-key-runs)."""
    full: dict[str, float] = {}
    for b in (b for blocks in loaded for b in blocks):
        if b.role in LOADED_ROLES and b.prescription.load_kg and not _light(b):
            full[b.exercise_id] = max(full.get(b.exercise_id, 0.0), b.prescription.load_kg)
    if not full:
        return loaded
    return [[_light_under(walk, b, full) for b in blocks] for blocks in loaded]


def _light_under(walk: LoadWalk, b: Block, full: dict[str, float]) -> Block:
    presc, day = b.prescription, full.get(b.exercise_id)
    if day is None or not presc.load_kg or not _light(b) or b.role not in LOADED_ROLES:
        return b
    p = walk.p
    step, bar = walk.kit(walk.library.get(b.exercise_id))
    # a held light day keeps the light load it repeats, beside a full day held at that load too
    # (a dumbbell RDL's light 2 x 10 @ 6 kg beside a full day held at 6 kg came back at 4 kg)
    cap = max(ld.round_down(day * p.light_max_pct_of_best / 100, step, bar), _held_floor(walk, b, None) or 0.0)
    if presc.load_kg <= cap + 1e-9 or cap < (bar or step) - 1e-9:
        return b  # under the cap, or no step of the kit is under it (the kit's lightest holds)

    def under() -> Block:
        kept = [r for r in b.reasons if r.rule_id != "kit-heaviest"]
        text = f"At most {p.light_max_pct_of_best}% of this week's full day of the lift, whichever day comes first."
        return copy_of(
            b, prescription=copy_of(presc, load_kg=cap), reasons=[*kept, p.why("light-before-key-runs", text)]
        )

    return walk.copies.of((b,), (cap, "light-under"), under)


def _held_to_heavy(
    walk: LoadWalk, b: Block, heavy: dict[str, float], loading: bool, floor: float | None = None
) -> Block:
    presc, e1rm = b.prescription, heavy.get(b.exercise_id)
    if e1rm is None or _heavy(b) or not presc.load_kg or not presc.reps or b.role not in LOADED_ROLES:
        return b
    p = walk.p
    step, bar = walk.kit(walk.library.get(b.exercise_id))
    cap = ld.round_down(ld.load_for(e1rm, presc.reps, walk.rir(presc), p.e1rm_formula, p.e1rm_max_reps), step, bar)
    cap = max(cap, floor or 0.0)  # a held day keeps the load it repeats
    if presc.load_kg <= cap + 1e-9:
        return b
    text = "No harder than this week's heavy day of the same lift: its load steps up a week at a time."
    reps = _reps_at_held_load(walk, b, e1rm, cap, loading)
    if reps is not None:  # held where that day stood last loading week, a rep or two fewer
        cap = walk.lifts[b.exercise_id].other[1]  # type: ignore[index]
        text = (f"No harder than this week's heavy day of the same lift: the load holds at last week's, "
                f"{reps} reps instead of {presc.reps}.")  # fmt: skip

    def held() -> Block:
        kept = [r for r in b.reasons if r.rule_id != "kit-heaviest"]  # held below the kit's heaviest: not stopped by it
        dose = copy_of(presc, load_kg=cap, reps=reps or presc.reps)
        return copy_of(b, prescription=dose, reasons=[*kept, p.why("linear-progression", text)])

    return walk.copies.of((b,), (cap, reps, "heavy"), held)


def _reps_at_held_load(walk: LoadWalk, b: Block, e1rm: float, cap: float, loading: bool) -> int | None:
    """In a loading week, the reps (a rep or two fewer) at which the load this day held last
    loading week stays within the heavy day's e1RM, where the heavy day's bound would cut the
    load under it at as many reps or more: reps fall before a load does (load-autoregulation;
    a dumbbell RDL's Thursday 2 x 10 @ 48 kg, logged easy, came back 1 x 10 @ 46 kg when its
    Tuesday first went heavy at a step-capped 3 x 8 @ 50 kg). None: the bound's load stands."""
    lift, presc, p = walk.lifts.get(b.exercise_id), b.prescription, walk.p
    kept = lift.other if lift is not None and loading else None  # its other full day last loading week
    if kept is None or not presc.reps or presc.reps > kept[0] or cap >= kept[1]:
        return None
    for reps in range(presc.reps - 1, max(presc.reps - p.max_rep_step - 1, 0), -1):
        if ld.load_for(e1rm, reps, walk.rir(presc), p.e1rm_formula, p.e1rm_max_reps) >= kept[1] - 1e-9:
            return reps
    return None


def within_capacity(walk: LoadWalk, e: Exercise, kg: float) -> tuple[float, list]:
    """At most what the kit makes (the runner's heaviest dumbbell or kettlebell, a backpack
    full of books or water: kit-heaviest), and why, when that stops the load."""
    kit, prof = ld.implement(e.equipment), walk.profile
    one = ld.heaviest_kg(kit, prof.units, kit_heaviest(prof), EquipmentSet.gym in prof.equipment, walk.p)
    full = ld.lift_top(e.pair_load, kit, one, *walk.kit(e))
    if full is None or kit is None or kg <= full + 1e-9:
        return kg, []
    kg = ld.round_down(full, *walk.kit(e))
    shown = f"{round(kg / ld.KG_PER_LB):g} lb" if prof.units == Units.imperial else f"{kg:g} kg"
    if full != one:
        pair = ld.pair_words(kg, walk.kit(e)[0], prof.units)
        text = (
            f"Both your heaviest {kit.value}s side by side across your hips ({pair}) make {shown}: the load stops "
            f"there; {_AT_THE_TOP}."
        )
    elif kit == Item.backpack:
        text = f"Your backpack is full at {shown}: the load stops there (dumbbells or a kettlebell would let it grow)."
    elif kit in kit_heaviest(prof):
        text = f"Your heaviest {kit.value} is {shown}: the load stops there; {_AT_THE_TOP}."
    else:
        text = (
            f"Most {kit.value}s stop at {shown}: the load stops there; {_AT_THE_TOP}, "
            "or say what yours reach (heaviest_loads)."
        )
    return kg, [walk.p.why("kit-heaviest", text)]


def kit_top(walk: LoadWalk, e: Exercise) -> float | None:
    """The heaviest load the runner's kit makes for `e`, on its steps (None: no such ceiling)."""
    prof, kit = walk.profile, ld.implement(e.equipment)
    full = ld.heaviest_kg(kit, prof.units, kit_heaviest(prof), EquipmentSet.gym in prof.equipment, walk.p)
    full = ld.lift_top(e.pair_load, kit, full, *walk.kit(e))
    return None if full is None else ld.round_down(full, *walk.kit(e))


# what a lift at the kit's heaviest does instead (kit-double-progression)
_AT_THE_TOP = "its reps climb to the range's top and never fall while it holds, then the lowering slows"
# the day's reps fewer than last loading week's: this week's range starts them again lower
_AT_THE_TOP_AGAIN = (
    "this week's range starts its reps lower; they climb to its top while it holds, then the lowering slows"
)


def reps_fell(walk: LoadWalk, reasons: list) -> list:
    """The kit-heaviest words for a day whose reps are fewer than its last loading week's (a new
    phase's range, a heavy day's first week): they no longer say its reps never fall (loadsflat2's
    Left: a kit-held RDL 12 -> 9 reps at 24 kg beside "its reps ... never fall while it holds")."""
    return [walk.p.why(r.rule_id, r.text.replace(_AT_THE_TOP, _AT_THE_TOP_AGAIN)) for r in reasons]


REVIEWED = frozenset({"review-reduce", "review-hold"})


def reviewed(block: Block) -> bool:
    """A block whose progression a review held or cut this week: its load holds too."""
    return any(r.rule_id in REVIEWED for r in block.reasons)


def held_only(block: Block) -> bool:
    """A block a review held this week and did not cut: it repeats the last loading week's dose."""
    rules = {r.rule_id for r in block.reasons}
    return "review-hold" in rules and "review-reduce" not in rules


def unloaded_ceiling(
    phase: Phase, last: float, week_kg: float | None, built: float | None, step: float, bar: float, easy: bool
) -> float:
    """The most a taper, race week or maintenance week loads a lift: the taper keeps the load
    built but never more than the last week lifted (a lift on light days only for weeks does
    not jump in the taper); race week keeps it; maintenance's first easy days back (`easy`)
    keep race week's load, and from the day after them the load built before the race
    (`built`: the best full day's) comes back at once, at the dose's own effort: maintenance
    keeps the heavy load and cuts the sets (Rønnestad 2010), where climbing a step a week
    from race week's light load never reached a maintaining dose in two weeks (cr24a F7:
    95 then 100 lb "easy" after a 130 lb peak) (maintenance-after-race).

    >>> unloaded_ceiling(Phase.taper, 75, 60, 75, 2.5, 20, False)
    60.0
    >>> unloaded_ceiling(Phase.maintenance, 70, None, 95, 2.5, 20, False)
    95.0
    >>> unloaded_ceiling(Phase.maintenance, 62.5, 50, 85, 2.5, 20, True)
    62.5
    """
    lifted = min(last, week_kg or last)  # the last week's load
    if phase == Phase.taper:
        return ld.round_down(lifted, step, bar)
    if phase == Phase.maintenance and not easy and built is not None and built > lifted:
        return ld.round_down(built, step, bar)
    return ld.round_down(last, step, bar)


def light_day_load(walk: LoadWalk, lift: LiftState, kg: float, reps: int | None, step: float, bar: float) -> float:
    """A light day's load: at most the registry's share of the e1RM the plan believes in, and
    of the heaviest load its full-dose days have had so far (grown in weeks of light days
    only), so a heavy lift the day before a key run stays moderate and clearly lighter than
    its heavy day (light-before-key-runs); and when its reps rise from the last loading week's
    light day, at that day's load: reps or load, never both; and never more than the weekly
    step over it, or the kit's next step where the kit makes none smaller (linear-progression:
    a light day held at 95 kg while its reps rose took the e1RM's 105 kg in one week, cr24a F5)."""
    p = walk.p
    if lift.light is not None:
        was = lift.light[1]
        ceiling = was if reps and reps > lift.light[0] else ld.step_ceiling(was, p.max_load_step_pct, step)
        kg = min(kg, max(ld.round_down(was, step, bar), ld.round_down(ceiling, step, bar)))
    if walk.reviewed and lift.light is not None and walk.planned is not None and held_only(walk.planned):
        # a review's hold repeats the last loading week's light day (after a deload too), not a
        # share of the e1RM the walk grew since: 55 kg there, 50 kg "at RIR 9" here (cr19b #4)
        kg = min(kg, ld.round_down(lift.light[1], step, bar))
    else:
        e1rm = lift.e1rm * (1 + p.load_step_pct / 100) ** lift.weeks
        kg = min(kg, ld.round_down(e1rm * p.light_max_pct_1rm / 100, step, bar))
    best = lift.light_best if lift.light_best is not None else lift.full_best
    if best is None:
        return kg
    return min(kg, ld.round_down(best * p.light_max_pct_of_best / 100, step, bar))


LIGHT_STEP_TEXT = "The load goes up a step from last week's light day (load or reps, never both)."


def light_step_words(walk: LoadWalk, lift: LiftState, light: bool, kg: float) -> list:
    """A light day whose load rises from the last loading week's light day says so (cr24a F5:
    "The same reps as last week" beside a heavier bar)."""
    if not light or lift.light is None or kg <= lift.light[1] + 1e-9:
        return []
    return [walk.p.why("linear-progression", LIGHT_STEP_TEXT)]


def grown_light_best(best: float | None, p: Any) -> float | None:
    """What a lift's light days stay under after a loading week of light days only: the best
    its full days had, grown as the plan expects the lift to grow in a week. A lift whose
    every day sits before a key run still climbs, a kit step at a time, instead of staying
    at the load of a full day weeks ago (light-before-key-runs, linear-progression).

    >>> from types import SimpleNamespace as NS
    >>> round(grown_light_best(100.0, NS(load_step_pct=2.5)), 6), grown_light_best(None, NS(load_step_pct=2.5))
    (102.5, None)
    """
    return None if best is None else best * (1 + p.load_step_pct / 100)


def held_light_week(lift: LiftState, kg: float, reps: int | None, loading: bool, p: Any) -> None:
    """After a week whose days of the lift were all light: the next full step starts where
    it was, and its light days' ceiling grows a week (in a loading phase). A lift that never
    had a full day lives on its light days: their load and reps are its last week's, so its
    load takes a step when its reps stop rising (cr20a #8: a 20 lb RDL held for 12 weeks
    against the reps of its first week, with 25-35 lb on the rack)."""
    lift.weeks, lift.easier, lift.week_kg = lift.weeks + 1, False, kg
    if lift.full_best is None and lift.last is not None:
        lift.last, lift.reps = max(lift.last, kg), reps
    if loading:
        lift.light_best = grown_light_best(lift.light_best or lift.full_best, p)
