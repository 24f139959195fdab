"""What a block may choose from while painful areas are on their graded-return ladders
(pain-graded-return): the lifts within every area's rung, the lifts a ladder's rungs bring back
(ranked as sparing the area), and a category's last resort, which never goes past a rung.

A ladder's rung caps every lift that loads its area (`pain_return.beyond_rungs`); its own
exercises fill its slot (`pain_return.place_rungs`), and the lifts that belong with a rung
(`Rung.also`: a hip's loaded hinge, step-up and split squat with its slow heavy work) come back
in their own slots. Where nothing within the rungs trains a category, the category takes what
spares the areas, an area off its ladder its first rung at most, and otherwise waits: the
block says so, never filling it with a lift past a painful area's rung.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from .context import PlanningContext
from .model import Category, Exercise
from .pain_return import OFF, allowed_on_ladder, at_most_first_rung, beyond_rungs
from .params import Params
from .vocab import CATEGORY_NAME, areas_text

if TYPE_CHECKING:
    from .selection import Context


def within_ladders(
    usable: tuple[Exercise, ...], ctx: Context, planning: PlanningContext
) -> tuple[tuple[Exercise, ...], tuple[Exercise, ...]]:
    """The lifts a block may choose as primaries, then as accessories: none that loads a
    painful area past its ladder's rung (a knee on its isometric rung gets no step-ups in
    another session) or an area taken off its ladder (a clinician first: only work that
    spares it); no primary of a ladder's own (its slot places them)."""
    if not ctx.ladder:
        return usable, usable
    beyond = beyond_rungs(usable, ctx.ladder, planning.ladders)
    off = {area for area, rung in ctx.ladder if rung == OFF}
    # a ladder's exercises are its slot's: another slot taking one gives the session two step-ups
    owned = {x for area, rung in ctx.ladder if rung >= 0 and (lad := planning.ladders.get(area))
             for r in lad.rungs for x in r.exercises}  # fmt: skip
    spared = tuple(e for e in usable if e.id not in beyond and off.isdisjoint(e.loads))
    return tuple(e for e in spared if e.id not in owned), spared


def with_rung_lifts(ctx: Context, planning: PlanningContext) -> Context:
    """`ctx` with the lifts its painful areas' rungs bring back beside their own work
    (`within_rungs`: a rung's `also` at or below it) where every painful area such a lift loads
    has it within its rung, so the slot ranks it as sparing them (a hip in the zone keeps its
    dumbbell RDL before a broomstick drill). A rung's own work is its slot's, ranked as before."""
    allowed = allowed_on_ladder(ctx.ladder, planning.ladders)
    also = {x for area, rung in ctx.ladder if rung >= 0 and (lad := planning.ladders.get(area))
            for r in lad.rungs[: rung + 1] for x in r.also}  # fmt: skip
    if not also:
        return ctx
    library = planning.library
    within = frozenset(
        x for x in also if x in library and all((a, x) in allowed for a in ctx.pain.intersection(library.get(x).loads))
    )
    return replace(ctx, within_rungs=within)


def last_resort(usable: tuple[Exercise, ...], ctx: Context, planning: PlanningContext) -> tuple[Exercise, ...]:
    """A category's last resort when nothing within the ladders trains it: lifts that load an
    area taken off its ladder no higher than its first rung (`at_most_first_rung`), and none past
    a laddered area's rung (`beyond_rungs`): a first-rung hip's category gets no split squat."""
    gentlest = at_most_first_rung(usable, ctx.ladder, planning.ladders)
    on = tuple((area, rung) for area, rung in ctx.ladder if rung >= 0)
    beyond = beyond_rungs(gentlest, on, planning.ladders) if on else frozenset()
    return tuple(e for e in gentlest if e.id not in beyond)


def within_rung_lifts(fits: tuple[Exercise, ...], ctx: Context, allowed: frozenset) -> tuple[Exercise, ...]:
    """The lifts of `fits` no painful area's rung keeps out by the library's words (`allowed`:
    what the ladders hold at their rungs), for the words on a slot nothing fills: a kettlebell
    "would open" no swing for a first-rung hip."""
    if not ctx.ladder:
        return fits
    return tuple(e for e in fits if all((area, e.id) in allowed for area, _ in ctx.ladder if area in e.loads))


def left_out_for_pain(category: Category, ctx: Context) -> str:
    """Why a block leaves `category` out: every lift the runner's kit and level hold for it loads
    a painful area past its ladder's rung (pain-graded-return)."""
    areas = sorted({area for area, _ in ctx.ladder}, key=lambda a: a.value)
    many = len(areas) > 1
    return (
        f"No {CATEGORY_NAME[category]} lift spares your {areas_text(areas)} at {'their' if many else 'its'} "
        f"graded return's rung, so this block leaves it out until {'they settle' if many else 'it settles'} "
        "(pain-graded-return)."
    )


def short_words(
    primaries: dict, short: dict, pools: tuple, ctx: Context, p: Params, primary: Callable[[Exercise], bool]
) -> list[str]:
    """The words for each category a block holds fewer primaries of than it asks, read once the
    ladders' rungs are placed (a rung that fills the slot leaves nothing to say); a category left
    empty where the runner's kit and level hold a `primary` for it (`pools`: without pain, then
    the last resort) that pain keeps out says so (`left_out_for_pain`)."""
    calm, last = pools
    out: list[str] = []
    for category, said in short.items():
        held = len(primaries.get(category, ()))
        if held >= p.primaries_per_category:
            continue
        opened = any(e.category == category and primary(e) for e in calm)
        if not held and opened and not any(e.category == category and primary(e) for e in last):
            said = [left_out_for_pain(category, ctx)]
        out += said
    return out
