"""Choosing the exercises of a block: two primaries per category, the accessories, the
warm-up and the mobility finisher, from what the runner owns, can do and can tolerate.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from .accessory_words import ACCESSORY_TEXT, SHIN_TEXT, push_off
from .block_swaps import apply_swaps, keep_regressions
from .bone_heavy import keep_bone_heavy
from .context import PlanningContext
from .furniture_advice import furniture_wanted
from .hash_once import hashed_once
from .health import Limits, held_back, hops_open, keeps_impact, within_limits
from .heavy_pair import heavy_kit_slot, squat_slot
from .kit_fit import kit_fit_note
from .ladder_climb import block_choices, climb_accessories, climb_ladders, climbers, climbs, lower_rungs
from .ladder_pools import last_resort, short_words, with_rung_lifts, within_ladders, within_rung_lifts
from .library import Library
from .main_lift import main_change
from .missing_kit import no_primary_words
from .model import (
    HOME_FURNITURE,
    TRAINING_CATEGORIES,
    Category,
    Exercise,
    Intent,
    Item,
    Level,
    PainArea,
    Pattern,
    Phase,
    RaceDistance,
    Reason,
)
from .nothing_new import new_if_none, only_known
from .pain_return import allowed_on_ladder, place_rungs, unreachable_ladders
from .params import Params
from .pick_reasons import (
    SINGLE_LEG_STRENGTH,
    Pick,
    cover_regions,
    ladder_rung,
    pain_note,
    pick_reasons,
    resisted_hinge,
    screen_reasons,
    screened,
)
from .power_element import power_element
from .screen_holds import screen_held
from .screen_priority import keep_screen_priorities, with_side_hold
from .slot_rank import best_for_slot

# a hop-free stand-in's reason as picked: the race is the first reason hops go; a week that swaps them
# for another (a long run's days, spacing) says so instead (`placement.in_place_of_hops`)
IN_PLACE_OF_HOPS = "In place of hops and jumps, too close to the race."


@hashed_once
@dataclass(frozen=True)
class Context:
    level: Level
    equipment: frozenset[Item]
    pain: frozenset[PainArea]
    phase: Phase
    race: RaceDistance | None
    plyo_ready: bool
    block: int
    hinge_patterning: bool = False  # the screen's hinge failed: the drill, no loaded hinges
    single_leg_rung: str = "level"  # the screen's single-leg squat: ladder_start, step_down or level
    short_holds: bool = False  # the screen's plank was short: hold work leads the core
    side_hold: int | None = None  # the screen's side plank was uneven: its weaker side's hold (s)
    swaps: tuple[tuple[str, str | None], ...] = ()  # (from id, to id or None: left out) in force this block
    ladder: tuple[tuple[PainArea, int], ...] = ()  # each painful area's graded-return rung (core/pain_return)
    regressed: tuple[tuple[str, str], ...] = ()  # (from id, to id) of swaps made because form broke down
    topped: frozenset[str] = frozenset()  # bodyweight lifts whose progression ran out so far (ladder-climb)
    outgrown: frozenset[str] = frozenset()  # loaded lifts the runner's kit cannot load enough (kit-fits-the-lift)
    handed_back: frozenset[PainArea] = frozenset()  # painful areas through their ladders (pain-ladder-handover)
    health: Limits | None = None  # what the runner's health conditions allow this week (core/health)
    first_hops: bool = False  # no earlier block hopped: two-legged hops before single-leg ones (hops-two-legs-first)
    # lifts that load painful areas only as far as their ladders' rungs allow: ranked as sparing them
    # (pain-graded-return: a hip in the zone keeps its loaded hinge before a broomstick drill); set by the block
    within_rungs: frozenset[str] = frozenset()
    known: frozenset[str] | None = None  # a week after a flare or hard week: only these (nothing-new-after-a-flare)


@dataclass(frozen=True)
class BlockSelection:
    primaries: dict[Category, tuple[Pick, ...]]
    accessories: tuple[Pick, ...]
    warm_up: tuple[Pick, ...]
    finisher: tuple[Pick, ...]
    alternatives: dict[str, Pick]  # plyometric id -> what replaces it when hops are off
    gentler: dict[str, Pick] = field(default_factory=dict)  # sore-making id -> its stand-in on light days
    climbed: tuple[tuple[str, str], ...] = ()  # (from id, to id): bodyweight lifts moved up their ladder
    climbers: tuple[Exercise, ...] = ()  # primaries that may climb their ladder when they top out
    power: Pick | None = None  # a half or longer's race-specific power element (marathon-durability)

    def primary_ids(self, mains: bool = True) -> frozenset[str]:
        """Every exercise of the block (primaries, warm-up and finisher), for variety next block;
        without each category's main lift (`mains=False`) for the next block of a long phase."""
        lifts = {pk.exercise.id for picks in self.primaries.values() for pk in picks[0 if mains else 1 :]}
        return frozenset(lifts | {pk.exercise.id for pk in (*self.warm_up, *self.finisher)})


P = Pattern
ACCESSORY_SLOTS: tuple[tuple[Pattern, ...], ...] = (
    (P.calf_ankle,),
    (P.balance,),
    (P.hip_abduction, P.hip_adduction, P.anti_lateral_flexion),
)
PLYO_PHASES = frozenset({Phase.build, Phase.race_specific, Phase.taper, Phase.maintenance})
ACCESSORY_RULES = ("ankle-foot-stiffness", "unstable-balance", "two-primaries-one-accessory")


def _slot_patterns(category: Category, slot: int, ctx: Context, p: Params) -> tuple[Pattern, ...]:
    foundation = ctx.phase == Phase.foundation
    if category == Category.posterior_chain:
        if slot == 0:  # a bridge when no hinge spares a painful area (a sore hamstring): knee-bent hip extension
            return (P.hinge, P.bridge)
        if foundation:
            return (P.bridge, P.knee_flexion, P.back_extension)
        later = (P.knee_flexion, P.bridge, P.back_extension, P.hinge)
        return (P.squat, *later) if squat_slot(ctx, p) else later  # a lifter's heavy pair (heavy-squat-and-hinge)
    if category == Category.core:
        if slot == 1:
            return (P.anti_rotation,)
        if foundation:
            return (P.carry, P.anti_extension)
        return (P.anti_extension,) if ctx.block % 2 == 0 else (P.anti_lateral_flexion, P.carry, P.anti_extension)
    if slot == 0:  # single-leg power
        return SINGLE_LEG_STRENGTH
    if ctx.phase == Phase.race_specific and ctx.race in p.durability_distances:  # calf capacity before jumps (S32)
        hops = (P.plyometric,) if _hops_allowed(ctx) else ()  # never before landings are drilled
        first, later = (hops, ()) if keeps_impact(ctx.health) else ((), hops)  # bone needs impact (bone-loading)
        return (*first, P.calf_ankle, *SINGLE_LEG_STRENGTH, *later, P.landing, P.balance)
    if _hops_allowed(ctx):
        return (P.plyometric, P.landing, *SINGLE_LEG_STRENGTH, P.balance)
    if ctx.phase == Phase.race_week:
        return (*SINGLE_LEG_STRENGTH, P.balance)
    return (P.landing, *SINGLE_LEG_STRENGTH, P.balance)


def _primary(e: Exercise) -> bool:
    """Landing drills and short hops count as single-leg power primaries: they are how a
    novice meets plyometrics (S12, S14), even where the library files them as accessories."""
    return "primary" in e.roles or e.pattern in (P.plyometric, P.landing)


_I = Intent
SLOT_INTENTS: dict[tuple[Category, int], tuple[Intent, ...]] = {
    (Category.posterior_chain, 0): (_I.strength, _I.capacity, _I.stability, _I.power),
    (Category.posterior_chain, 1): (_I.strength, _I.capacity, _I.stability, _I.power),
    (Category.core, 0): (_I.stability, _I.capacity, _I.strength, _I.power),
    (Category.core, 1): (_I.stability, _I.capacity, _I.strength, _I.power),
    (Category.single_leg_power, 0): (_I.strength, _I.stability, _I.capacity, _I.power),
    (Category.single_leg_power, 1): (_I.power, _I.stability, _I.strength, _I.capacity),
}


def _usable_for(
    planning: PlanningContext, level: Level, equipment: frozenset[Item], pain: frozenset[PainArea]
) -> tuple[Exercise, ...]:
    """What this runner can do: their kit, their level (high-skill drills only when
    advanced) and nothing contraindicated by their pain. Remembered on the context."""
    key = (level, equipment, pain)
    hit = planning.memo.usable.get(key)
    if hit is None:
        hit = planning.memo.usable.put(key, _usable(planning.library, level, equipment, pain, planning.params))
    return hit


def _usable(
    library: Library, level: Level, equipment: frozenset[Item], pain: frozenset[PainArea], p: Params
) -> tuple[Exercise, ...]:
    return tuple(
        e
        for e in library.exercises
        if e.fits(equipment)
        and e.level.rank <= level.rank
        and not (e.high_skill and level.rank < p.high_skill_min_level.rank)
        and not pain.intersection(e.contraindications)
    )


def select_block(
    planning: PlanningContext,
    ctx: Context,
    recent: frozenset[str],
    keep: frozenset[str] = frozenset(),
    done: frozenset[str] = frozenset(),
) -> tuple[BlockSelection, tuple[str, ...]]:
    """The exercises of one block (avoiding the `recent` block's primaries where there is
    choice, keeping the main lifts in `keep` where they still fit, never back down a ladder
    below what the last block's weeks did, `done`: what they did, not what it chose), and
    warnings for any slot the library could not fill. Remembered on the planning context."""
    key = (ctx, recent, keep, done)
    hit = planning.memo.selections.get(key)
    if hit is None:
        hit = planning.memo.selections.put(key, _select_block(planning, ctx, recent, keep, done))
    return hit


def _select_block(
    planning: PlanningContext, ctx: Context, recent: frozenset[str], keep: frozenset[str], done: frozenset[str]
) -> tuple[BlockSelection, tuple[str, ...]]:
    library, p = planning.library, planning.params
    ctx = with_rung_lifts(ctx, planning)
    usable = within_limits(_usable_for(planning, ctx.level, ctx.equipment, ctx.pain), ctx.health)
    out = frozenset(old for old, new in ctx.swaps if new is None) | held_back(library, ctx.health)  # nor rungs
    usable = tuple(e for e in usable if e.id not in out) if out else usable
    trainable, spared = within_ladders(usable := only_known(everything := usable, ctx.known), ctx, planning)
    calm = _usable_for(planning, ctx.level, ctx.equipment, frozenset())
    laddered = allowed_on_ladder(ctx.ladder, planning.ladders)
    pools = _Pools(block_choices(trainable, done), block_choices(calm, done), laddered)  # a loaded form: climbed to
    warnings: list[str] = []
    chosen: set[str] = set()
    alternatives: dict[str, Pick] = {}
    lower = lower_rungs(library, trainable, done)  # the rungs the last block's weeks reached
    # no lift within the ladders: a ladder's lifts within its rung, an off-ladder area's first rung; else it waits
    wider = (pools.usable,) if trainable is usable else (pools.usable, spared, last_resort(usable, ctx, planning))
    wider, spared = new_if_none(wider, spared, everything, ctx, planning, done)  # no lift done before fits: new
    primaries, short = {}, {}
    for category in TRAINING_CATEGORIES:
        for pool in wider:
            said: list[str] = []
            primaries[category] = _primaries(library, category, ctx, replace(pools, usable=pool), chosen,
                                             (recent, lower, keep, done), alternatives, said, p)  # fmt: skip
            if primaries[category]:
                break
        short[category] = said
    if ctx.ladder:  # a painful area is loaded back on its ladder, not only spared
        hops = P.plyometric in _slot_patterns(Category.single_leg_power, 1, ctx, p) and hops_open(ctx.health, True)
        placed = place_rungs(library, planning.ladders, ctx.ladder, primaries, chosen, ctx.equipment, ctx.level,
                             ctx.pain, hops, out, p.pain_monitor_calm_weeks_per_rung)  # fmt: skip
        primaries, said = keep_screen_priorities(primaries, placed, chosen, alternatives)  # the screen's asks stay
        warnings += said
        warnings += unreachable_ladders(library, planning.ladders, ctx.ladder, ctx.equipment, ctx.level, ctx.pain)
    warnings = short_words(primaries, short, (pools.unfiltered, wider[-1]), ctx, p, _primary) + warnings  # rungs in
    if ctx.side_hold is not None:  # an uneven side plank is trained by a side plank, not only noted
        primaries = with_side_hold(primaries, ctx.side_hold, pools.usable, chosen, lower, p)
    primaries = keep_bone_heavy(primaries, ctx, pools.usable, chosen, (recent, warnings), p)  # bone: one heavy lift
    # main lifts climb before the accessories are chosen: no accessory holds a rung a main lift earned (nor a swap's)
    primaries, climbed = _climbed(primaries, ctx, library, trainable, chosen, p, lower)
    power = power_element(pools.usable, primaries, ctx, chosen, recent, _hops_allowed(ctx), p)
    accessories = _accessories(library, ctx, replace(pools, usable=spared), chosen, warnings, p)
    if ctx.topped:  # an accessory at its range top climbs too (a calf raise to one leg)
        accessories, moved = climb_accessories(accessories, ctx.topped, spared, chosen, ctx.pain, p)
        climbed = (*climbed, *moved)
    if not any(e.pattern == P.calf_ankle for e in usable):  # furniture keeps calf work away? (not a ladder)
        at_home = _usable(library, ctx.level, ctx.equipment | HOME_FURNITURE, ctx.pain, p)
        warnings += furniture_wanted(usable, at_home, ctx.equipment)
    warm_up = cover_regions(
        usable, Category.warm_up, p.warm_up_regions, p.warm_up_items, "warm-up-hips-thoracic", recent, p.warm_up_always
    )
    finisher = cover_regions(
        usable, Category.mobility, p.finisher_regions, p.finisher_items, "mobility-finisher", recent
    )
    if len(warm_up) < len(p.warm_up_regions) or len(finisher) < len(p.finisher_regions):
        warnings.append("The library has no warm-up or mobility drill for a required region.")
    if ctx.swaps:
        primaries, accessories, stuck = apply_swaps(library, ctx, everything, primaries, accessories)
        if stuck:  # the replacement is already in the block: leave the old exercise out instead
            swaps = tuple((old, None if old in stuck else new) for old, new in ctx.swaps)
            return select_block(planning, replace(ctx, swaps=swaps), recent, keep, done)
        primaries, accessories = keep_regressions(library, ctx, everything, primaries, accessories)
        held = {pk.exercise.id for picks in primaries.values() for pk in picks}
        climbed = tuple((old, new) for old, new in climbed if new in held)  # a regression kept its slot
    gentler = _gentler(primaries, ctx, pools, chosen, recent, p)
    return BlockSelection(
        primaries=primaries,
        accessories=tuple(accessories),
        warm_up=tuple(warm_up),
        finisher=tuple(finisher),
        alternatives=alternatives,
        gentler=gentler,
        climbed=climbed,
        power=power,
        climbers=(
            *climbers(primaries, library, ctx.level),
            *(pk.exercise for pk in gentler.values() if climbs(pk.exercise)),
        ),
    ), tuple(warnings)


@dataclass(frozen=True)
class _Pools:
    usable: tuple[Exercise, ...]  # what the runner can do
    unfiltered: tuple[Exercise, ...]  # what they could do without their pain (to explain regressions)
    laddered: frozenset = frozenset()  # (area, lift) their ladders allow: at or below each area's rung


def _primaries(
    library: Library,
    category: Category,
    ctx: Context,
    pools: _Pools,
    chosen: set[str],
    last: tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]],
    alternatives: dict[str, Pick],
    warnings: list[str],
    p: Params,
) -> tuple[Pick, ...]:
    """The category's primaries, slot by slot, each with a calmer alternative for hops. `last`
    holds the last block's primaries, the lower rungs of what its weeks did, the main lifts
    kept and what its weeks did."""
    recent, lower, keep, done = last
    # short hops count as primaries of single-leg power: they are how novices meet plyometrics
    pool = [e for e in pools.usable if e.category == category and _primary(e)]
    if ctx.hinge_patterning:  # loaded hinges wait until the hinge passes a screen
        pool = [e for e in pool if not resisted_hinge(e)]
    uncapped = pool  # what a runner with a good single-leg squat would choose from
    if category == Category.single_leg_power and ctx.single_leg_rung != "level":
        pool = [e for e in pool if e.level == Level.novice]  # a shaky single-leg squat: the easy end
    pool_all = [e for e in pools.unfiltered if e.category == category and _primary(e)]
    calm_ctx = replace(ctx, pain=frozenset())  # the same runner without pain, to explain regressions
    picks: list[Pick] = []
    for slot in range(p.primaries_per_category):
        patterns = _slot_patterns(category, slot, ctx, p)
        intents = SLOT_INTENTS[(category, slot)]
        prefs = {
            "unilateral": category == Category.single_leg_power,
            "intents": intents,
            "bilateral": category == Category.posterior_chain and slot == 0,
            "heavy_kit": heavy_kit_slot(category, slot, ctx, p),
        }
        e = screened(library, category, slot, ctx, pools.usable, chosen, p, done)
        if e is not None and category == Category.single_leg_power:
            usual = best_for_slot(uncapped, patterns, ctx, p, chosen, recent, lower=lower, **prefs)
            e = _below_ceiling(library, e, usual, lower)
        kept, kit_said = None, []
        if e is None:
            keep_now = keep if slot == 0 else frozenset()
            e = best_for_slot(pool, patterns, ctx, p, chosen, recent, lower=lower, keep=keep_now, **prefs)
            kept = _kept_rung(e, pool, patterns, ctx, p, chosen, recent, lower, prefs)
            if e is not None and ctx.outgrown:
                fit_free = replace(ctx, outgrown=frozenset())
                unfit = best_for_slot(pool, patterns, fit_free, p, chosen, recent, lower=lower, keep=keep_now, **prefs)
                kit_said = kit_fit_note(e, unfit, p)
        if e is None:  # any other primary of the category (hops only where the slot may have them)
            e = best_for_slot(pool, _any_pattern(ctx), ctx, p, chosen, recent, intents=intents)
        if e is None:
            fits = _usable(library, ctx.level, frozenset(Item), ctx.pain, p)  # any kit: what more would open
            fits = within_rung_lifts(fits, ctx, pools.laddered)  # never a lift a painful area's rung keeps out
            warnings.append(no_primary_words(fits, category, slot, ctx.equipment, chosen, _primary))
            continue
        ideal = best_for_slot(pool_all, patterns, calm_ctx, p, chosen, recent, **prefs)
        changed = main_change(library, category, e, keep, pool, patterns, p) if slot == 0 else None
        kit_said = [*kit_said, changed] if changed else kit_said
        chosen.add(e.id)
        reasons = pick_reasons(e, category, slot, ctx, p) + list(pain_note(e, ideal, ctx, library, pools.laddered))
        reasons += screen_reasons(library, e, category, slot, ctx) + ([kept] if kept else []) + kit_said
        picks.append(Pick(exercise=e, reasons=tuple(reasons)))
        if e.pattern == P.plyometric:
            calm = tuple(x for x in patterns if x != P.plyometric)
            unilateral = bool(prefs["unilateral"])
            alt = best_for_slot(pool, calm, ctx, p, chosen, recent, unilateral=unilateral, intents=intents)
            if alt is not None:
                chosen.add(alt.id)
                instead = p.why("taper", text=IN_PLACE_OF_HOPS)  # the week says why (placement.in_place_of_hops)
                alternatives[e.id] = Pick(exercise=alt, reasons=(*pick_reasons(alt, category, slot, ctx, p), instead))
    return tuple(picks)


def _kept_rung(
    e: Exercise | None,
    pool: Sequence[Exercise],
    patterns: tuple[Pattern, ...],
    ctx: Context,
    p: Params,
    chosen: set[str],
    recent: frozenset[str],
    lower: frozenset[str],
    prefs: dict,
) -> Reason | None:
    """Why `e` and not the easier rung the slot would otherwise have gone back to, if any."""
    if e is None or not lower:
        return None
    easier = best_for_slot(pool, patterns, ctx, p, chosen, recent, **prefs)
    if easier is None or easier.id == e.id or easier.id not in lower:
        return None
    text = f"Not back down to {easier.name}: the last block already climbed past it."
    return p.why("progression-carries-over", text)


def _gentler(
    primaries: dict[Category, tuple[Pick, ...]],
    ctx: Context,
    pools: _Pools,
    chosen: set[str],
    recent: frozenset[str],
    p: Params,
) -> dict[str, Pick]:
    """For each primary that leaves the legs sore for days (soreness-counts-heavy), the
    exercise of its category and slot that stands in on a light day or near the race."""
    out: dict[str, Pick] = {}
    for category, picks in primaries.items():
        for slot, pk in enumerate(picks):
            if pk.exercise.id not in p.soreness_exercises:
                continue
            pool = [
                e for e in pools.usable if e.category == category and _primary(e) and e.id not in p.soreness_exercises
            ]
            patterns = _slot_patterns(category, slot, ctx, p)
            alt = best_for_slot(pool, patterns, ctx, p, chosen, recent)
            alt = alt or best_for_slot(pool, _any_pattern(ctx), ctx, p, chosen, recent)
            if alt is None:
                continue
            chosen.add(alt.id)
            instead = p.why("soreness-counts-heavy", f"In place of {pk.exercise.name}: nothing to leave the legs sore.")
            if alt.id in ctx.topped:  # a stand-in does not climb: its place is the sore-making lift's
                text = f"{alt.name} is at the top of its range: as a stand-in for {pk.exercise.name} it holds there."
                instead = (instead, p.why("soreness-counts-heavy", text))
            else:
                instead = (instead,)
            out[pk.exercise.id] = Pick(exercise=alt, reasons=(*pick_reasons(alt, category, slot, ctx, p), *instead))
    return out


def _below_ceiling(library: Library, capped: Exercise, usual: Exercise | None, lower: frozenset[str]) -> Exercise:
    """The screen's rung is a ceiling: the exercise a good single-leg squat would get when it
    stands lower on the ladder, else the screen's rung (a worse screen never starts harder);
    never one below a rung the last block's weeks reached (`lower`)."""
    if usual is None or usual.id in lower:
        return capped
    rung, usual_rung = ladder_rung(library, capped), ladder_rung(library, usual)
    return usual if rung is not None and usual_rung is not None and usual_rung < rung else capped


def _climbed(
    primaries: dict,
    ctx: Context,
    library: Library,
    usable: tuple[Exercise, ...],
    chosen: set[str],
    p: Params,
    lower: frozenset[str],
) -> tuple[dict[Category, tuple[Pick, ...]], tuple[tuple[str, str], ...]]:
    """The primaries moved up their ladders (ladder-climb), never onto or past what a swap or
    a review's regression took out, nor from a lift a swap is about to replace, nor past what the
    screen in force unlocks (`screen_held`)."""
    if not ctx.topped:
        return primaries, ()
    moves = (*ctx.swaps, *ctx.regressed)
    away, placed = {old for old, _ in moves}, frozenset(new for _, new in moves if new)
    held, locked = screen_held(primaries, ctx, library, p)
    pool = tuple(e for e in usable if e.id not in away and e.id not in locked)
    return climb_ladders(primaries, ctx.topped, placed | away, held, ctx.pain, pool, chosen, p, lower)


def _hops_allowed(ctx: Context) -> bool:
    """Hops and jumps only in their phases, once landings are drilled, the screen and the runner's health allow them."""
    return ctx.plyo_ready and ctx.phase in PLYO_PHASES and hops_open(ctx.health)


def _any_pattern(ctx: Context) -> tuple[Pattern, ...]:
    """Every pattern, for a slot nothing better fits; never hops where they are not allowed."""
    return tuple(Pattern) if _hops_allowed(ctx) else tuple(x for x in Pattern if x != P.plyometric)


def _accessories(
    library: Library, ctx: Context, pools: _Pools, chosen: set[str], warnings: list[str], p: Params
) -> list[Pick]:
    """One accessory per slot, each slot with its own rule; any accessory when none fits."""
    accessories: list[Pick] = []
    pool = [e for e in pools.usable if "accessory" in e.roles]
    if ctx.hinge_patterning:  # a band's pull on a hinge that failed the screen waits too
        pool = [e for e in pool if not resisted_hinge(e)]
    pool_all = [e for e in pools.unfiltered if "accessory" in e.roles]
    calm_ctx = replace(ctx, pain=frozenset())
    for slot, patterns in enumerate(ACCESSORY_SLOTS):
        e = best_for_slot(pool, patterns, ctx, p, chosen, frozenset(), any_kit=True)
        ideal = best_for_slot(pool_all, patterns, calm_ctx, p, chosen, frozenset(), any_kit=True)
        rule_id = ACCESSORY_RULES[slot]
        if e is None:
            e = best_for_slot(pool, _any_pattern(ctx), ctx, p, chosen, frozenset(), any_kit=True)
            rule_id = "two-primaries-one-accessory"
        if e is None:
            warnings.append("No accessory fits your equipment, level and pain areas.")
            continue
        chosen.add(e.id)
        text = ACCESSORY_TEXT[rule_id] if rule_id != ACCESSORY_RULES[0] or push_off(e) else SHIN_TEXT
        reasons = [p.why(rule_id, text=text), *list(pain_note(e, ideal, ctx, library, pools.laddered))]
        accessories.append(Pick(exercise=e, reasons=tuple(reasons)))
    return accessories
