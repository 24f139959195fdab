"""The power element of a half or marathon's race-specific single-leg power session.

The race-specific block leans to durability for the half and longer: calf capacity and
single-leg strength hold the single-leg power category's two primary slots (race-specific-block,
marathon-durability). "Fewer jumps" is not none: the session headed single-leg power keeps a
short set of low two-footed hops (pogo or ankle hops) at the durability contact factor, first
while the legs are fresh, where the runner's rules let hops in; a landing drill where only
landings may come (landings-before-plyometrics); nothing where a rule keeps impact out (then
the session is headed single-leg strength and says why: `power_words`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .health import low_hop
from .model import Category, Exercise, Pattern, Phase
from .pick_reasons import Pick, pick_reasons
from .slot_rank import best_for_slot

if TYPE_CHECKING:
    from .params import Params
    from .selection import Context

P = Pattern
POWER_PATTERNS = frozenset({P.plyometric, P.landing})
RULE = "marathon-durability"
HOP_TEXT = (
    "A short set of low two-footed hops, quick and springy, beside the calf and single-leg strength work: "
    "fewer jumps for the half and longer, not none."
)
LANDING_TEXT = (
    "A short landing drill, fast down and soft, beside the calf and single-leg strength work: "
    "hops are not in yet, landings come first."
)


def wants_power(ctx: Context, p: Params) -> bool:
    """Whether the block's single-leg power session needs its own power element: a half or
    longer's race-specific block, whose slots hold calf capacity and single-leg strength."""
    return ctx.phase == Phase.race_specific and ctx.race in p.durability_distances


def power_element(
    pool: tuple[Exercise, ...],
    primaries: dict[Category, tuple[Pick, ...]],
    ctx: Context,
    chosen: set[str],
    recent: frozenset[str],
    hops: bool,
    p: Params,
) -> Pick | None:
    """The short power element of the block's single-leg power session: low two-footed hops
    where `hops` may come in, else a low landing drill; none when the category's primaries
    already hold one, or when nothing fits (pain, health, kit or nothing new after a flare)."""
    if not wants_power(ctx, p):
        return None
    if any(pk.exercise.pattern in POWER_PATTERNS for pk in primaries.get(Category.single_leg_power, ())):
        return None
    swapped = {old for old, _ in ctx.swaps}  # a coach's swap away from a lift is kept
    fits = tuple(
        e
        for e in pool
        if e.id not in swapped
        and e.category == Category.single_leg_power
        and not ctx.pain.intersection(e.loads)  # a painful area's hops and landings wait on its ladder
        and (low_hop(e) if e.pattern == P.plyometric else e.pattern == P.landing and not e.unilateral)
    )
    patterns = (P.plyometric, P.landing) if hops else (P.landing,)
    e = best_for_slot(fits, patterns, ctx, p, chosen, recent)
    if e is None:
        return None
    chosen.add(e.id)
    text = HOP_TEXT if e.pattern == P.plyometric else LANDING_TEXT
    slot = ("two-primaries-one-accessory", "same-primaries-per-block", RULE)  # not one of the slots' primaries
    reasons = [r for r in pick_reasons(e, Category.single_leg_power, 1, ctx, p) if r.rule_id not in slot]
    return Pick(exercise=e, reasons=(p.why(RULE, text), *reasons))
