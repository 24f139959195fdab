"""Ranking a slot's candidates: which of the lifts a runner can do goes first, by pain,
pattern, ladder, race emphasis, intent, kit and variety (`selection` fills the slots)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .load_values import BAR_KIT
from .model import Category, Exercise, Intent, Item, Level, Pattern, Phase
from .params import Params
from .pick_reasons import SINGLE_LEG_STRENGTH, single_leg_explosive, two_legged

if TYPE_CHECKING:
    from .selection import Context

P = Pattern
BAR_KIT_ITEMS = frozenset(map(Item, BAR_KIT))  # kit whose load has no ceiling a runner owns


def pattern_ranks(patterns: tuple[Pattern, ...]) -> dict[Pattern, int]:
    """Position in the slot's wish list; squat, lunge and step rank alike (single-leg strength)."""
    ranks = {x: i for i, x in reversed(list(enumerate(patterns)))}
    shared = [ranks[x] for x in SINGLE_LEG_STRENGTH if x in ranks]
    for x in SINGLE_LEG_STRENGTH:
        if x in ranks:
            ranks[x] = min(shared)
    return ranks


IMPACT_RANK = {"none": 0, "low": 1, "moderate": 2, "high": 3}


def first_hop_rank(e: Exercise, ctx: Context) -> tuple[int, int]:
    """For a runner's first hops: two-legged before single-leg, then the lower impact (the
    plyometric progression: low-intensity bilateral before unilateral); the level then picks
    among them as for any lift."""
    if not ctx.first_hops or e.pattern != P.plyometric:
        return (0, 0)
    return (0 if two_legged(e) else 1, IMPACT_RANK[e.impact.value])


def emphasis(e: Exercise, ctx: Context, p: Params) -> int:
    """0 when the exercise suits the race emphasis of this phase, higher the further from it.
    A 5K or 10K leans to single-leg explosive work from the build on (S33); the half and
    longer lean to durability in the race-specific block (S32)."""
    if ctx.race is None or ctx.phase not in (Phase.build, Phase.race_specific):
        return 0
    if ctx.race in p.explosive_distances:
        if e.category != Category.single_leg_power:  # the explosive emphasis is unilateral (S33)
            return 0
        if single_leg_explosive(e):
            return 0
        return 1 if e.intent == Intent.power or e.pattern == P.plyometric else 2
    if ctx.race in p.durability_distances and ctx.phase == Phase.race_specific:
        return 0 if e.intent in (Intent.capacity, Intent.strength, Intent.stability) else 1
    return 0


def best_for_slot(
    candidates: Sequence[Exercise],
    patterns: tuple[Pattern, ...],
    ctx: Context,
    p: Params,
    avoid: set[str],
    recent: frozenset[str],
    *,
    unilateral: bool = False,
    intents: tuple[Intent, ...] = (),
    bilateral: bool = False,
    heavy_kit: bool = False,
    lower: frozenset[str] = frozenset(),
    keep: frozenset[str] = frozenset(),
    any_kit: bool = False,
) -> Exercise | None:
    """The best candidate: sparing a painful area first, then the wanted pattern, no step back
    down a ladder the last block climbed (`lower`), the race emphasis, the slot's intent, the
    kit the runner owns for a load (and can load enough), variety between blocks, level, and (`any_kit`, for an
    accessory) any of the runner's kit over none."""
    ranked = []
    ranks = pattern_ranks(patterns)
    lifter = ctx.level != Level.novice  # a novice's drill leads until it tops out and climbs (ladder-climb)
    for index, e in enumerate(candidates):
        if e.id in avoid or e.pattern not in ranks:
            continue
        if unilateral and not e.unilateral and e.pattern not in (P.plyometric, P.landing):
            continue
        ranked.append(
            (
                # regress: spare a painful area, even in another pattern (what its ladder's rung holds spares it)
                bool(ctx.pain.intersection(e.loads)) and e.id not in ctx.within_rungs,
                e.drill and lifter,  # a technique drill is no main lift for a runner who has lifted
                ranks[e.pattern],
                first_hop_rank(e, ctx),  # a runner's first hops are two-legged and low (hops-two-legs-first)
                e.id in lower and e.id not in keep,  # a rung reached stays reached (progression-carries-over)
                e.id not in keep,  # a long phase's next block keeps each main lift (same-primaries-per-block)
                emphasis(e, ctx, p),
                intents.index(e.intent) if e.intent in intents else len(intents),
                e.id in ctx.outgrown,  # a lift the kit can load enough to progress, even on one leg (kit-fits-the-lift)
                bilateral and e.unilateral,  # the main hinge is a two-legged lift
                not (e.loadable and e.equipment),  # load it with the kit the runner owns
                heavy_kit and not p.heavy_equipment.intersection(e.equipment),  # main lifts can go heavy
                # a two-legged main lift goes on a bar before dumbbells (single-leg work keeps its bells)
                heavy_kit and not e.unilateral and not BAR_KIT_ITEMS.intersection(e.equipment),
                e.id in recent,  # variety between blocks, among equally good options
                -e.level.rank,  # the harder variant the level allows (the balance reach over a still stand)
                any_kit and not e.equipment,  # then an accessory uses the kit the runner owns: a banded clamshell
                index,
                e,
            )
        )
    return min(ranked)[-1] if ranked else None
