"""What the screen in force holds back until a later screen (`rescreen-to-unlock`): the
hinge drill of a failed hinge and the plank hold of a short plank stay where they are, and a
screened single-leg ladder climbs at most a stated number of rungs above the screen's rung.

The single-leg squat's rating says which rung the runner showed they can do; climbing on
from there is progression, but a rung far past it is one no screen has seen. A better
single-leg squat on a later screen lifts the cap (a good one removes it: the runner's level
decides), so `runstrong screen` unlocks the rung the plan names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .library import Library
from .model import Category, Exercise, Pattern
from .params import Params
from .pick_reasons import Pick, rung_cap, single_leg_ladder

if TYPE_CHECKING:
    from .selection import Context

RULE = "rescreen-to-unlock"
# a held lift's rule and what its "at the top of its range" reason goes on to say
Held = dict[str, tuple[str, str]]
UNTIL_RESCREEN = "your screen keeps it here until a re-screen"


def locked_rungs(library: Library, single_leg_rung: str, p: Params) -> list[Exercise]:
    """The rungs of the single-leg ladder above the cap, easiest first (none without a cap)."""
    cap = rung_cap(single_leg_rung, p)
    return [] if cap is None else single_leg_ladder(library)[cap + 1 :]


def screen_held(
    primaries: dict[Category, tuple[Pick, ...]], ctx: Context, library: Library, p: Params
) -> tuple[Held, frozenset[str]]:
    """The lifts a screen holds where they are until the next screen, by id, with the rule
    that holds them and what the plan says, and the rungs no climb may reach: the hinge drill
    of a failed hinge, the plank hold of a short plank, and every lift whose next rung is a
    locked rung of the single-leg ladder ("re-screen to unlock" it)."""
    held: Held = {}
    for pk in (*primaries.get(Category.posterior_chain, ()), *primaries.get(Category.core, ())):
        e = pk.exercise
        if ctx.hinge_patterning and e.pattern == Pattern.hinge:
            held[e.id] = ("screen-hip-hinge", UNTIL_RESCREEN)
        elif ctx.short_holds and e.category == Category.core and e.dose.seconds and e.pattern == Pattern.anti_extension:
            held[e.id] = ("screen-plank", UNTIL_RESCREEN)
    locked = locked_rungs(library, ctx.single_leg_rung, p)
    if not locked:
        return held, frozenset()
    ids = {e.id: e for e in locked}
    n = p.rescreen_rungs_above_screen
    for e in library.exercises:
        up = next((ids[x] for x in e.progressions if x in ids), None)
        if up is not None and e.id not in ids and e.category == Category.single_leg_power:
            rungs = f"{n} rung{'s' if n != 1 else ''}"
            far = f"as far past your screen's rung ({rungs}) as the plan climbs without a new screen"
            held[e.id] = (RULE, f"{far}; re-screen to unlock {up.name}")
    return held, frozenset(ids)
