"""The heavy pair of a lifter's posterior chain: a two-legged squat beside the main hinge.

A lifter of the heavy scheme's level who trains with a barbell gets, in the build, a heavy
two-legged squat as the posterior chain's second primary (the hinge stays the first): the
heavy-strength studies in runners used squats and hinges alike (heavy-squat-and-hinge). The
foundation keeps its bridges and curls, the race-specific block its hamstring work (eccentric
curls, durability); pain, level and kit decide as for any lift (a painful knee rules the back
squat out, and the slot falls back to its usual work).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .health import heavy_main
from .model import Category, Exercise, Item, Pattern, Phase
from .params import Params

if TYPE_CHECKING:
    from .selection import Context

RULE = "heavy-squat-and-hinge"


def squat_slot(ctx: Context, p: Params) -> bool:
    """Whether the posterior chain's second slot asks for a two-legged squat first."""
    return (
        ctx.phase == Phase.build
        and ctx.level.rank >= p.heavy_min_level.rank
        and Item.barbell in ctx.equipment
        and not ctx.hinge_patterning
    )


def paired_squat(e: Exercise, ctx: Context, p: Params) -> bool:
    """Whether `e` is the squat of the heavy pair (its pick says so)."""
    return e.pattern == Pattern.squat and not e.unilateral and squat_slot(ctx, p)


def heavy_kit_slot(category: Category, slot: int, ctx: Context, p: Params) -> bool:
    """Whether a leg category's slot is chosen on kit that can go heavy: its main lift (for a
    lifter, or with low bone density: `heavy_main`), and the squat of a lifter's heavy pair."""
    pair = category == Category.posterior_chain and squat_slot(ctx, p)
    return category != Category.core and heavy_main(ctx.level, ctx.health, p) and (slot == 0 or pair)
