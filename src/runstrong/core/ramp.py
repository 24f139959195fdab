"""Ramp sets: the lighter sets a two-legged bar lift is worked up through (ramp-sets).

Counted in the session's time when the dose is set (`Prescription.ramp_sets`, read by
`timing.estimate_seconds`), so trimming to the cap makes room for them (cr25a F17: Sanjay's
trap-bar deadlift 4 x 6 @ 145 kg in a "~35 min" session with no time to reach 145 kg), and
shown beside the lift once its load is known: "Work up (kg): bar x 8, 57.5 x 5, 100 x 3,
122.5 x 1". The count is an upper bound: steps a light load leaves no room for are not shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import loads as ld
from .load_limits import copy_of
from .load_values import BAR_KIT
from .model import Block, Exercise, Role
from .params import Params
from .vocab import Units

if TYPE_CHECKING:
    from .load_walk import LoadWalk

RULE = "ramp-sets"
CUE = "Work up"


def ramp_pcts(heavy: bool, p: Params) -> tuple[int, ...]:
    """The working load's percentages the ramp climbs through: all of them before heavy sets,
    those under the light top before lighter working sets."""
    return p.ramp_pcts if heavy else tuple(x for x in p.ramp_pcts if x < p.ramp_light_top_pct)


def ramp_count(e: Exercise, role: Role, heavy: bool, p: Params) -> int:
    """Ramp sets before a lift's working sets: the empty bar and the steps to its load, for a
    two-legged main lift on a bar measured in reps; none for anything else."""
    on_bar = any(item.value in BAR_KIT for item in e.equipment)
    if role != Role.primary or not on_bar or e.unilateral or not e.loadable or e.dose.measure != "reps":
        return 0
    return 1 + len(ramp_pcts(heavy, p))


def ramp_loads(load_kg: float, bar_kg: float, step_kg: float, pcts: tuple[int, ...], p: Params) -> list[tuple]:
    """(load or None for the empty bar, reps) of each ramp set up to `load_kg`: the bar, then
    each percentage's load rounded down to the kit, kept only above the bar and the set
    before it and a step under the working load.

    >>> from types import SimpleNamespace as NS
    >>> p = NS(ramp_bar_reps=8, ramp_reps=(5, 3, 1))
    >>> ramp_loads(145, 20, 2.5, (40, 70, 85), p)
    [(None, 8), (57.5, 5), (100.0, 3), (122.5, 1)]
    >>> ramp_loads(40, 20, 2.5, (40, 70, 85), p)  # light: the bar, then 27.5 and 32.5 kg
    [(None, 8), (27.5, 3), (32.5, 1)]
    >>> ramp_loads(20, 20, 2.5, (40, 70, 85), p)  # the empty bar is the working set
    []
    """
    if load_kg < bar_kg + step_kg - 1e-9:  # the working sets are the empty bar: nothing to work up through
        return []
    out: list[tuple] = [(None, p.ramp_bar_reps)]
    last = bar_kg
    for pct, reps in zip(pcts, p.ramp_reps, strict=False):
        kg = ld.round_down(load_kg * pct / 100, step_kg, bar_kg)
        if kg > last + 1e-9 and kg < load_kg - step_kg + 1e-9:
            out.append((kg, reps))
            last = kg
    return out


def _kg(kg: float, units: Units) -> str:
    return f"{kg / ld.KG_PER_LB:.0f}" if units == Units.imperial else f"{round(kg, 2):g}"


def ramp_words(steps: list[tuple], units: Units) -> str:
    """ "Work up (kg): bar x 8, 57.5 x 5, 100 x 3, 122.5 x 1"."""
    unit = "lb" if units == Units.imperial else "kg"
    sets = ", ".join(f"{'bar' if kg is None else _kg(kg, units)} × {reps}" for kg, reps in steps)
    return f"{CUE} ({unit}): {sets}"


def worked_up(walk: LoadWalk, b: Block) -> Block:
    """`b` with its ramp shown first among its cues and said in its reasons, once its load is known."""
    presc = b.prescription
    if not presc.ramp_sets:
        return b
    cues = [c for c in b.cues if not c.startswith(CUE) and c != walk.p.ramp_up_cue]
    reasons = [r for r in b.reasons if r.rule_id != RULE]
    if presc.load_kg is None:
        cue = f"{CUE} over {presc.ramp_sets - 1} or more lighter sets after the empty bar"
    else:
        step, bar = walk.kit(walk.library.get(b.exercise_id))
        pcts = walk.p.ramp_pcts[: presc.ramp_sets - 1]
        steps = ramp_loads(presc.load_kg, bar, step, pcts, walk.p)
        if not steps:
            return copy_of(b, cues=cues, reasons=reasons)
        cue = ramp_words(steps, walk.profile.units)
    text = f"{cue}: lighter sets before the working sets, counted in the session's time."
    reason = walk.p.why(RULE, text)
    return copy_of(b, cues=[cue, *cues], reasons=[*reasons, reason])
