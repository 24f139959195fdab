"""What an eased week or a review's hold keeps of the kit's dose (kit-double-progression).

A deload or the taper repeats the reps the kit's progression set in the last loading week (less
volume, the dose kept); a review's hold repeats that day's whole dose at the load it lifted.
`kit_session` asks these before the kit's own progression of a full day.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from . import loads as ld
from .kit_progress import dosed_range, kept_tempo, light_day
from .load_limits import copy_of, held_only, reviewed
from .model import Block, Exercise, Phase, Prescription
from .phases import LOADING_PHASES

if TYPE_CHECKING:
    from .load_walk import LiftState, LoadWalk


def eased_dose(
    walk: LoadWalk, week: object, block: Block, lift: LiftState, e: Exercise, close: bool
) -> Prescription | None:
    """A deload or the taper repeats the last loading week's reps where the kit's progression set
    them (planned-deloads, taper: less volume, the dose kept); the taper keeps its tempo too. A
    review's hold repeats the day's whole dose (`held_dose`)."""
    presc = block.prescription
    if kit_held(week, block):
        return held_dose(walk, block, close)
    eased = week.deload or week.phase == Phase.taper  # type: ignore[attr-defined]
    k = lift.kit
    if not eased or close or k is None or not k.progressed or not presc.reps or light_day(block):
        return None
    if reviewed(block):
        return None
    if week.deload and dosed_range(block, walk.p) != k.span:  # type: ignore[attr-defined]
        return None  # another day's scheme of the lift: its own dose (the taper keeps the last, whatever its scheme)
    tempo = presc.tempo if week.deload else kept_tempo(presc.tempo, e, k.slower)  # type: ignore[attr-defined]
    now = copy_of(presc, reps=k.reps, tempo=tempo)
    return None if now == presc else now


def held_dose(walk: LoadWalk, block: Block, close: bool) -> Prescription | None:
    """A review's hold repeats the dose of this lift's day of the same focus in its last loading
    week whole: its sets, reps, tempo and effort (review-hold), whatever this week planned to
    change (a kit step, a new phase's range, a re-screen). Stepping the held week's own dose
    back met those changes half-way: a kit step's 7 reps at the held 14 kg for 2 x 10 @ 14 kg,
    a new range's 3 x 6 @ 22 kg for 3 x 9 @ 22 kg, RPE 8 (None: no such day, or a light day)."""
    presc = block.prescription
    day = walk.day_last.get((block.exercise_id, walk.focus))
    if close or light_day(block) or not presc.reps or day is None or not day.reps:
        return None
    if day.intensity.kind not in ("rir", "rpe") or presc.intensity.kind not in ("rir", "rpe"):
        return None
    fields = ("sets", "reps", "tempo", "intensity", "rest_seconds", "extra_sets_side")
    return copy_of(presc, **{f: getattr(day, f) for f in fields})


def held_load(walk: LoadWalk, block: Block, lift: LiftState, e: Exercise, load_at: Callable) -> float:
    """A held day's load: the one it lifted in its last loading week, on this kit's steps (a set
    the diary logged since, `fresh_log`, may lower it: the load its reps take from that set)."""
    day = walk.day_last[(block.exercise_id, walk.focus)]
    kg = ld.round_down(day.load_kg, *walk.kit(e)) if day.load_kg else load_at(block.prescription)
    return min(kg, load_at(block.prescription)) if lift.fresh_log else kg


def kit_held(week: object, block: Block) -> bool:
    """A block a review held (not cut) in a loading week: it repeats the kit's dose of the last one."""
    return held_only(block) and week.phase in LOADING_PHASES and not week.deload  # type: ignore[attr-defined]
