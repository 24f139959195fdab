"""The rep scheme of reps work: sets, the rep range, rest and the effort target an exercise
is dosed in this week, and the rule that sets them. Dosing steps reps inside the range;
ladder climbing reads where the range tops out (`rep_range`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from .model import Category, Exercise, Intent, Level, Pattern, Phase, Reason, Role
from .params import Params
from .stability import drill_reason, drill_rir, stability_drill
from .vocab import with_article

if TYPE_CHECKING:
    from .dosing import DoseContext

HEAVY_PHASES = frozenset({Phase.build, Phase.race_specific, Phase.taper, Phase.maintenance})
LEG_CATEGORIES = frozenset({Category.posterior_chain, Category.single_leg_power})
DURABILITY_REPS = "Higher reps for fatigue resistance late in a race."  # the durability scheme's words
CALF_REPS = "Calf work as strength work: its own rep range, never heavy low-rep sets."  # its scheme's words


class RepScheme(NamedTuple):
    sets: int
    reps: tuple[int, int]  # the range, bottom and top
    rest: int
    effort: tuple[str, float]  # ("rir" or "rpe", value)
    reason: Reason


def heavy_ready(e: Exercise, focus: bool, ctx: DoseContext, p: Params) -> bool:
    """Whether a focus lift may go heavy this week: loadable strength work for the legs on
    heavy kit, for a lifter of the level (or a graduated novice), in a phase that allows it."""
    return (
        focus
        and ctx.heavy_ok
        and not ctx.light
        and not ctx.race_close
        and e.loadable
        and e.intent == Intent.strength
        and bool(p.heavy_equipment.intersection(e.equipment))
        and e.category in LEG_CATEGORIES
        and e.pattern != Pattern.calf_ankle  # calf work keeps its rep floor (ankle-foot-stiffness)
        and not ctx.unaccustomed
        and (ctx.level.rank >= p.heavy_min_level.rank or ctx.graduated)
        and ctx.phase in HEAVY_PHASES
    )


def foundation_effort(ctx: DoseContext) -> bool:
    """Whether this week's lifts are dosed as the foundation's (foundation-two-sessions): in the
    foundation, in a runner's first weeks of strength work whatever the phase, and for a novice
    until they graduate."""
    return ctx.phase == Phase.foundation or ctx.unaccustomed or (ctx.level == Level.novice and not ctx.graduated)


def rep_scheme(e: Exercise, role: Role, ctx: DoseContext, heavy: bool, drill: bool, p: Params) -> RepScheme:
    """Sets, rep range, rest and effort target for reps work, with the rule that set them."""
    durability = (  # capacity for the legs (marathon-durability): core stays brief
        ctx.phase == Phase.race_specific and ctx.race in p.durability_distances and not heavy
    ) and e.category in LEG_CATEGORIES
    moderate = foundation_effort(ctx)
    if role == Role.accessory:
        rir = drill_rir(p) if drill else p.foundation_rir if moderate else p.strength_rir
        why = p.why("dose-accessory", text="Accessory: brief and controlled.")
        return RepScheme(p.accessory_sets, p.accessory_reps, p.accessory_rest, ("rir", rir), why)
    if drill:  # stability work, loaded or not: quality reps in a steady range in every phase
        return RepScheme(p.foundation_sets, p.foundation_reps, p.hold_rest, ("rir", drill_rir(p)), drill_reason(e, p))
    if heavy:
        text = f"Heavy: few reps near RPE {p.heavy_rpe}, long rests, for {with_article(ctx.level.value)} lifter."
        why = p.why("dose-heavy", text)
        return RepScheme(p.heavy_sets[ctx.level], p.heavy_reps, p.heavy_rest, ("rpe", p.heavy_rpe), why)
    if moderate:
        why = p.why("dose-foundation", text=f"Moderate: stop with {p.foundation_rir}+ reps in reserve.")
        return RepScheme(p.foundation_sets, p.foundation_reps, p.foundation_rest, ("rir", p.foundation_rir), why)
    if durability:
        why = p.why("marathon-durability", text=DURABILITY_REPS)
        return RepScheme(p.strength_sets, p.durability_capacity_reps, p.strength_rest, ("rir", p.strength_rir), why)
    if e.pattern == Pattern.calf_ankle:  # calf work keeps its own reps: never 4-rep soleus sets (cr25a F13)
        why = p.why("ankle-foot-stiffness", CALF_REPS)
        return RepScheme(p.strength_sets, p.calf_reps, p.strength_rest, ("rir", p.strength_rir), why)
    why = p.why("dose-strength", text=f"Strength: {p.strength_rir} reps in reserve.")
    reps = p.foundation_reps if keeps_foundation_reps(e, p) else p.strength_reps
    return RepScheme(p.strength_sets, reps, p.strength_rest, ("rir", p.strength_rir), why)


def keeps_foundation_reps(e: Exercise, p: Params) -> bool:
    """Whether an unloaded lift keeps the foundation's rep range after the foundation
    (dose-strength): nothing can be added to it, so fewer reps would only make it easier. A
    hard rung whose own dose is below that range (a pistol, a single-leg leg curl) keeps the
    strength range."""
    return not e.loadable and e.dose.reps is not None and e.dose.reps >= p.foundation_reps[0]


def rep_range(e: Exercise, ctx: DoseContext, p: Params) -> tuple[int, int]:
    """The rep range a primary is dosed in this week (`ctx`): where its reps start and stop rising."""
    return rep_scheme(e, Role.primary, ctx, heavy_ready(e, True, ctx, p), stability_drill(e), p).reps
