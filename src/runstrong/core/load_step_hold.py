"""The walk's side of a day's load bound (`load_steps`): a load that would rise past it holds.

The kit's progression and the e1RM's target set a load from the lift's best so far, and a
heavier phase's fewer reps round up to the kit's next step: a 42 kg novice's reverse lunge went
2 kg x 9 -> 4 kg x 9 with a slower lowering (its best, 4 kg, was before a new phase's higher
reps took it to 2 kg). Here each full day's load is held to what `validate` allows from that
day's last loading week: the bound's own rise where the kit makes one, else the kit's next
step once the reps reached the range's top (the reps starting again lower), else the last
load, its reps climbing toward the top as the kit's double progression climbs them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from . import loads as ld
from .kit_progress import RULE, KitDose, dosed_range, shown_kg
from .kit_session import FEWER_SETS, timed, with_asked
from .load_limits import copy_of, reviewed
from .load_steps import load_step_problem
from .model import Block, Exercise, Prescription
from .phases import LOADING_PHASES
from .progression import load_rise_pct, nearer_failure

if TYPE_CHECKING:
    from .load_walk import LoadWalk

_EPS = 1e-6


def held_to_step(
    walk: LoadWalk,
    week: object,
    block: Block,
    e: Exercise,
    dose: KitDose | None,
    kg: float,
    load_at: Callable[[Prescription], float],
) -> KitDose | None:
    """`dose` (None: the plain one at `kg`) within the day's load bound over its last loading week."""
    presc, was_kg = (block.prescription, kg) if dose is None else (dose.presc, dose.kg)
    before = walk.day_last.get((block.exercise_id, walk.focus))
    if (
        before is None or before.load_kg is None or not before.reps or not presc.reps
        or week.deload or week.phase not in LOADING_PHASES or reviewed(block)  # type: ignore[attr-defined]
    ):  # fmt: skip
        return dose  # a re-screen's week is bounded too: the screen measures no lift's load
    p, (step, bar) = walk.p, walk.kit(e)
    span = dosed_range(block, p)
    top = span[1] if span else None
    if load_step_problem(before, copy_of(presc, load_kg=was_kg), top, step, p) is None:
        return dose
    spent = 0 if dose is None else timed(block, dose.presc, walk)[1]
    now = _stepped(walk, before, presc, was_kg, span, step, bar, e)
    if now is None:
        now = _held(walk, before, presc, top, step, bar, load_at)
        if now[0].reps > max(before.reps, presc.reps) and timed(block, now[0], walk)[1] - spent > walk.room:
            now = _held(walk, before, presc, None, step, bar, load_at)  # no time for the climb: the reps hold
    said = [p.why(RULE, now[2])]
    fitted = _fewer_sets(walk, block, now[0], spent)
    if fitted.sets < now[0].sets:  # the held reps never fall: a set fewer fits the cap (kit-double-progression)
        now, said = (fitted, *now[1:]), [*said, p.why(RULE, FEWER_SETS.format(sets=now[0].sets))]
    walk.room -= timed(block, now[0], walk)[1] - spent
    return with_asked(walk, block, KitDose(now[0], now[1], said))


def _fewer_sets(walk: LoadWalk, block: Block, presc: Prescription, spent: int) -> Prescription:
    """`presc` with a set fewer at a time while it takes more of the session than the cap leaves
    and its reps rise over the week's dose (a held load's reps kept from falling: the low-bone-density
    runner's 2 x 13 hip thrust beside a 20-minute cap, 10 s over it); one set at least."""
    while presc.sets > 1 and (presc.reps or 0) > (block.prescription.reps or 0):
        if timed(block, presc, walk)[1] - spent <= walk.room:
            break
        presc = copy_of(presc, sets=presc.sets - 1)
    return presc


def _stepped(
    walk: LoadWalk,
    before: Prescription,
    presc: Prescription,
    kg: float,
    span: tuple[int, int] | None,
    step: float,
    bar: float,
    e: Exercise,
) -> tuple[Prescription, float, str] | None:
    """The bound's own rise at the dose's reps (they do not rise with it), else the kit's next
    step at fewer reps once the reps reached the range's top (None: neither is allowed)."""
    p, was, last = walk.p, before.reps or 0, before.load_kg or 0.0
    within = ld.round_down(last * (1 + p.max_load_step_pct / 100), step, bar)
    if within > last + _EPS and (presc.reps or 0) <= was:
        kg = min(within, kg)
        pct = f"{p.max_load_step_pct:g}%"
        text = f"The load rises to {shown_kg(walk, kg)}: at most {pct} over this day's last loading week."
        return presc, kg, text
    nxt = ld.round_down(last + step, step, bar)
    if span is None or was < span[1] or kg < nxt - _EPS:
        return None
    q0, q1 = walk.rir(before), walk.rir(presc)
    bound = p.max_implied_load_step_pct + _EPS
    fewer = next((r for r in range(span[0], was) if load_rise_pct((was, q0), (r, q1), p.e1rm_divisor) <= bound), None)
    if fewer is None:
        return None
    text = (
        f"The reps reached the top of the range ({span[1]}): the load takes the next step of your "
        f"{_kit_words(e)}, {shown_kg(walk, nxt)}, and the reps start again at {fewer} (not both in a week)."
    )
    return copy_of(presc, reps=fewer, tempo=e.tempo), nxt, text


def _held(
    walk: LoadWalk,
    before: Prescription,
    presc: Prescription,
    top: int | None,
    step: float,
    bar: float,
    load_at: Callable[[Prescription], float],
) -> tuple[Prescription, float, str]:
    """The day's last load, its reps climbing a step toward the range's top where that load
    still leaves the reserve asked for (reps never fall while the load holds)."""
    p, was = walk.p, before.reps or 0
    held = ld.round_down(before.load_kg or 0.0, step, bar)
    reps = presc.reps or 0
    if reps <= was and not nearer_failure((was, walk.rir(before)), walk.rir(presc), p):
        climb = copy_of(presc, reps=was + p.rep_step)
        reps = climb.reps if top is not None and was < top and load_at(climb) >= held - _EPS else was
    nxt = shown_kg(walk, ld.round_down(held + step, step, bar))
    waits = f"until the reps reach the top of the range ({top})" if top is not None else "until the reps show it"
    how = f"the reps climb instead, {was} -> {reps}" if reps > was else f"the reps stay at {was}"
    text = (
        f"The load holds at {shown_kg(walk, held)}: the next step, {nxt}, is more than "
        f"{p.max_load_step_pct:g}% over this day's last loading week and waits {waits}; {how}."
    )
    return copy_of(presc, reps=reps, tempo=before.tempo), held, text


def _kit_words(e: Exercise) -> str:
    return ld.KIT_WORDS.get(ld.implement(e.equipment), "kit")  # type: ignore[arg-type]
