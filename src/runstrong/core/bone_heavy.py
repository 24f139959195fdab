"""Low bone density's heavy lift in every loading phase's selection (bone-loading).

A low-bone-density runner keeps one heavy, low-rep hinge or squat every loading week once heavy
work has begun (LIFTMOR, Watson et al. 2018: about 5 x 5 near the most they can lift). The usual
slots give one: the posterior chain's main hinge, or a lifter's heavy pair in the build
(heavy-squat-and-hinge). Pain can take both away: a lower back on its ladder's first rung holds
the main slot with a bridge hold and rules the loaded hinges out, and the race-specific block's
second slot goes to durability's hamstring curl, so a goblet squat the back allows vanished from
week 9 (bone27). Here, when a loading block's legs hold no lift that can go heavy, the posterior
chain's second primary becomes the best squat or hinge the runner's pain, ladders and kit still
allow; where none is left, the block says so (`PAIN_HOLDS_HEAVY`), as `health._no_heavy_kit`
does for kit that holds nothing heavy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .health import BONE, keeps_impact
from .model import Category, Exercise, Intent, Pattern, Phase, Role
from .pick_reasons import Pick, pick_reasons, resisted_hinge
from .rep_scheme import LEG_CATEGORIES
from .slot_rank import best_for_slot
from .vocab import AREA_NAME, spoken_list

if TYPE_CHECKING:
    from .params import Params
    from .selection import Context

LOADING = frozenset({Phase.build, Phase.race_specific, Phase.maintenance})  # where heavy work goes on
PAIN_HOLDS_HEAVY = "Your pain leaves no squat or hinge that can go heavy"  # the block's words when none is left
_SLOT = 1  # the posterior chain's second primary: the main slot stays the hinge or the pain ladder's rung


def heavy_able(e: Exercise, p: Params) -> bool:
    """A squat or hinge the heavy scheme can dose (`rep_scheme.heavy_ready`'s lift): loadable
    strength work for the legs on kit that can go heavy."""
    return (
        e.pattern in (Pattern.hinge, Pattern.squat)
        and e.loadable
        and e.intent == Intent.strength
        and e.category in LEG_CATEGORIES
        and Role.primary.value in e.roles
        and bool(p.heavy_equipment.intersection(e.equipment))
    )


def keep_bone_heavy(
    primaries: dict[Category, tuple[Pick, ...]],
    ctx: Context,
    pool: tuple[Exercise, ...],
    chosen: set[str],
    last: tuple[frozenset[str], list[str]],
    p: Params,
) -> dict[Category, tuple[Pick, ...]]:
    """The block's primaries with a squat or hinge that can go heavy for a low-bone-density
    runner in a loading phase whose legs hold none (in the posterior chain's second slot), and
    the block's warning when their pain leaves none, added to `last`'s warnings (`pool`: what the
    block may choose, within the pain ladders; `last`: the last block's primaries and the block's
    warnings). Kit that holds nothing heavy is the plan's note (`health._no_heavy_kit`)."""
    recent, warnings = last
    if not keeps_impact(ctx.health) or ctx.phase not in LOADING or not p.heavy_equipment.intersection(ctx.equipment):
        return primaries
    if any(heavy_able(pk.exercise, p) for c in LEG_CATEGORIES for pk in primaries.get(c, ())):
        return primaries
    picks = primaries.get(Category.posterior_chain, ())
    held = {pk.exercise.id for pk in picks}
    fits = [e for e in pool if e.category == Category.posterior_chain and heavy_able(e, p) and e.id not in held]
    fits = [e for e in fits if not (ctx.hinge_patterning and resisted_hinge(e))]
    squat = best_for_slot(fits, (Pattern.squat, Pattern.hinge), ctx, p, chosen - held, recent, heavy_kit=True)
    if squat is None and not ctx.pain:
        return primaries  # what took it is not pain: nothing to say here
    if squat is None:
        areas = spoken_list([AREA_NAME[a] for a in sorted(ctx.pain)])
        warnings.append(
            f"{PAIN_HOLDS_HEAVY} ({areas}), so no lift of these weeks reaches the heavy dose bone responds to "
            "(about 5 x 5 near the most you can lift, as in LIFTMOR): the lifts your pain allows go by reps "
            f"instead, and one heavy squat or hinge comes back once the pain lets it. Ask a physiotherapist "
            f"which heavy lift your {areas} will take ({BONE})."
        )
        return primaries
    rungs = [i for i, pk in enumerate(picks) if any(r.rule_id == "pain-graded-return" for r in pk.reasons)]
    # never in a ladder rung's place; where the rung holds the second slot, the main one (a hip thrust where
    # pain rules the hinges out), as a third primary would be the first a short session trims
    free = [i for i in (_SLOT, 0) if i < len(picks) and i not in rungs]
    at = free[0] if free else len(picks)
    name = picks[at].exercise.name if at < len(picks) else ""
    pain = f" with your {spoken_list([AREA_NAME[a] for a in sorted(ctx.pain)])} pain" if ctx.pain else ""
    instead = f", so it takes the place of the {name[:1].lower()}{name[1:]}" if name else ""
    text = (
        "Low bone density: one squat or hinge that can go heavy stays every loading week, as bone needs the load. "
        f"Nothing else of this block's could go heavy{pain}{instead}."
    )
    reasons = (*pick_reasons(squat, Category.posterior_chain, _SLOT, ctx, p), p.why(BONE, text))
    chosen.add(squat.id)
    kept = (*picks[:at], Pick(exercise=squat, reasons=reasons), *picks[at + 1 :])
    return {**primaries, Category.posterior_chain: kept}
