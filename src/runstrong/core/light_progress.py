"""A lift that lives on light days progresses by double progression (kit-double-progression).

A light day (light-before-key-runs) holds a leg lift under a share of its e1RM and holds its
load while its reps rise. A runner free only on the days before key runs has no full day, so
the light day is all the lift gets: with its reps at the top of the week's range and the share
of a slowly growing e1RM just under the kit's next step, nothing moved for weeks (cr23a F6:
Elke's dumbbell RDL at 2 x 10 @ 14 kg from week 7 to week 14). Here such a day climbs as a
coach's double progression does: while the load holds, its reps climb a rep a week to the
range's top; when the light day's share reaches the kit's next step, the load steps and the
reps start again lower (the load they imply within linear-progression's weekly bound), so the
next weeks have reps to climb. At the top with the step out of reach it holds, and says so.
A lift with a full day this week progresses there (`kit_progress`); this is for the others.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from . import loads as ld
from .kit_progress import RULE, KitDose, dosed_range, shown_kg
from .kit_session import timed, with_asked
from .load_limits import LOADED_ROLES, copy_of, reviewed
from .model import Block, Exercise, Prescription
from .phases import LOADING_PHASES
from .progression import load_rise_pct

if TYPE_CHECKING:
    from .load_walk import LiftState, LoadWalk

_EPS = 1e-6
LIGHT = "light-before-key-runs"


def _light(b: Block) -> bool:
    return any(r.rule_id == LIGHT for r in b.reasons)


def light_only(week: object, exercise_id: str) -> bool:
    """Whether every loaded day of the lift this week is a light day (it has no full day)."""
    days = [
        b for s in week.sessions for b in s.blocks  # type: ignore[attr-defined]
        if b.exercise_id == exercise_id and b.role in LOADED_ROLES and b.prescription.reps
    ]  # fmt: skip
    return bool(days) and all(_light(b) for b in days)


def light_progressed(
    walk: LoadWalk, week: object, block: Block, lift: LiftState, e: Exercise, kg: float, close: bool, load_at: Callable
) -> KitDose | None:
    """A light-only lift's light day as double progression makes it (None: the day's own dose
    stands): its reps climb at the held load, or the load steps with the reps starting again."""
    presc, span = block.prescription, dosed_range(block, walk.p)
    if (
        close or week.deload or week.phase not in LOADING_PHASES  # type: ignore[attr-defined]
        or span is None or lift.light is None or lift.weeks == 0 or lift.find or lift.fresh_log
        or not presc.reps or presc.intensity.kind not in ("rir", "rpe") or reviewed(block)
        or not light_only(week, block.exercise_id)
    ):  # fmt: skip
        return None
    dose = _dose(walk, presc, lift, e, kg, span, load_at)
    if dose is None:
        return None
    extra = timed(block, dose.presc, walk)[1]
    if extra > walk.room:
        return None  # the cap has no time for the climb: the day's own dose
    walk.room -= extra
    return with_asked(walk, block, dose)


def _dose(
    walk: LoadWalk,
    presc: Prescription,
    lift: LiftState,
    e: Exercise,
    kg: float,
    span: tuple[int, int],
    load_at: Callable,
) -> KitDose | None:
    p, (was, last) = walk.p, lift.light  # type: ignore[misc]
    step, bar = walk.kit(e)
    held = ld.round_down(last, step, bar)
    nxt = ld.round_down(held + step, step, bar)
    rir = walk.rir(presc)
    if kg >= nxt - _EPS and nxt > held + _EPS:  # the light day's share reaches the next step: reps start again
        fewer = next(
            (r for r in range(span[0], presc.reps + 1) if load_rise_pct((was, rir), (r, rir), p.e1rm_divisor)
             <= p.max_implied_load_step_pct + _EPS),
            presc.reps,
        )  # fmt: skip
        now = copy_of(presc, reps=min(fewer, presc.reps))
        at = load_at(now)
        if at <= held + _EPS:
            return None
        text = (
            f"The light day's share of this lift now reaches {shown_kg(walk, at)}: the load steps up and the "
            f"reps start again at {now.reps}, to climb toward {span[1]} (not both in a week)."
        )
        return KitDose(now, at, [p.why(RULE, text)])
    if kg < held - _EPS:
        return None  # the load eases (a new phase's reserve, the light cap): not the progression's doing
    if was < span[1]:  # below the range's top: a rep a week at the held load, never fewer than last week
        now = copy_of(presc, reps=min(was + p.rep_step, span[1]))
        if load_at(now) < held - _EPS:
            return None
        held_kg = shown_kg(walk, held)
        text = f"The load holds at {held_kg} on these light days: the reps climb instead, {was} -> {now.reps}."
        return KitDose(now, held, [p.why(RULE, text)])
    now = copy_of(presc, reps=max(presc.reps, min(was, span[1])))
    text = (
        f"On these light days the load holds at {shown_kg(walk, held)} and the reps at {now.reps}, the top of the "
        "range: a light day stays under its share of the lift's estimated 1RM, and the next step "
        f"({shown_kg(walk, nxt)}) waits for the lift to grow into it."
    )
    return KitDose(now, min(kg, held), [p.why(LIGHT, text)])
