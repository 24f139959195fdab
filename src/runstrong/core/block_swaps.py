"""A block's swaps: the replacements a runner (or a review) chose, put in the slot of the
exercise they replace; and the easier rung a review chose when form broke down, kept in its
slot when a later block would otherwise choose something harder (until the swap is lifted).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .library import Library
from .model import Category, Exercise, Pattern, Reason, why
from .pain_return import RULE as GRADED_RETURN
from .pick_reasons import Pick

if TYPE_CHECKING:
    from .selection import Context


def apply_swaps(
    library: Library,
    ctx: Context,
    usable: tuple[Exercise, ...],
    primaries: dict[Category, tuple[Pick, ...]],
    accessories: list[Pick],
) -> tuple[dict[Category, tuple[Pick, ...]], list[Pick], frozenset[str]]:
    """Put each replacement the runner chose in the slot of the exercise it replaces, when
    it fits their kit, level and pain and is not already in the block; also say which
    swapped-out exercises are still in the block because their replacement could not go in."""
    usable_ids = {e.id for e in usable}
    primaries = _to_the_accessory_slot(ctx, primaries, accessories)
    main = {pk.exercise.id for picks in primaries.values() for pk in picks}
    # a regression for broken form that is already the block's accessory moves up into the
    # lift's slot (where the time cap cannot trim it away); its accessory slot stays empty
    promoted = {new for old, new in ctx.regressed if old in main and new in {pk.exercise.id for pk in accessories}}
    accessories = [pk for pk in accessories if pk.exercise.id not in promoted]
    taken = main | {pk.exercise.id for pk in accessories}
    present, wanted = frozenset(taken), dict[str, str]()
    for old, new in ctx.swaps:  # one replacement per exercise: two lifts regressed to the same one do not both get it
        if new is not None and old in present and new in usable_ids and new not in taken:
            wanted[old] = new
            taken.add(new)
    stuck = frozenset(old for old, new in ctx.swaps if new is not None and old in taken and old not in wanted)

    def swap(pk: Pick) -> Pick:
        new = wanted.get(pk.exercise.id)
        if new is None:
            return pk
        e = library.get(new)
        if (pk.exercise.id, new) in ctx.regressed:  # the review's regression (form, or pain it brought on), not theirs
            said = f"In place of {pk.exercise.name}, as your weekly review chose: an easier exercise for now."
            return Pick(exercise=e, reasons=(why("review-regress", said), *rung_reasons(pk)))
        return Pick(exercise=e, reasons=(why("exercise-swap", f"Your choice, in place of {pk.exercise.name}."),))

    new_primaries = {c: tuple(swap(pk) for pk in picks) for c, picks in primaries.items()}
    return new_primaries, [swap(pk) for pk in accessories], stuck


def rung_reasons(replaced: Pick) -> tuple[Reason, ...]:
    """The pain ladder's reason of a rung lift a regression replaces: the easier lift takes the
    rung's place (pain-graded-return), so every session that must hold the rung's work (race
    week's one session too) still finds it. Without it a single-leg calf raise on an Achilles
    ladder, swapped for the two-legged calf raise when its form broke down in the taper, left
    race week with no calf work at all."""
    return tuple(r for r in replaced.reasons if r.rule_id == GRADED_RETURN)


def _to_the_accessory_slot(
    ctx: Context, primaries: dict[Category, tuple[Pick, ...]], accessories: list[Pick]
) -> dict[Category, tuple[Pick, ...]]:
    """A regression for broken form of the block's accessory that is already one of the block's
    later primaries leaves that primary for the accessory's slot, where the swap puts it. Left as
    a later primary, race week's one session (which holds only each category's first primary)
    would have none of it, and the accessory's slot would take a calf lift never done before."""
    extra = {pk.exercise.id for pk in accessories}
    later = {pk.exercise.id for picks in primaries.values() for pk in picks[1:]}
    moving = {new for old, new in ctx.regressed if old in extra and new in later}
    if not moving:
        return primaries
    return {
        c: picks[:1] + tuple(pk for pk in picks[1:] if pk.exercise.id not in moving) for c, picks in primaries.items()
    }


def keep_regressions(
    library: Library,
    ctx: Context,
    usable: tuple[Exercise, ...],
    primaries: dict[Category, tuple[Pick, ...]],
    accessories: list[Pick],
) -> tuple[dict[Category, tuple[Pick, ...]], list[Pick]]:
    """A lift regressed for broken form caps its slot until the swap ends (`swap_ends`): when a
    later selection (a new block, or hops held back) puts a harder form of the lift in, the
    regression the review chose takes its place (a primary's slot, else an accessory's; for a
    landing or hop, the category's second slot, where hops live). Another lift of its pattern
    is left alone."""
    usable_ids = {e.id for e in usable}
    out, extra = dict(primaries), list(accessories)
    for old_id, new_id in ctx.regressed:
        taken = {pk.exercise.id for picks in out.values() for pk in picks} | {pk.exercise.id for pk in extra}
        if old_id in taken or new_id in taken or new_id not in usable_ids or old_id not in library:
            continue
        old, new = library.get(old_id), library.get(new_id)
        pick = Pick(exercise=new, reasons=(why("review-regress", regressed_words(library, old, new)),))
        picks = out.get(new.category, ())
        at = _harder_of(library, picks, old, ctx.topped)
        if at is not None:
            said = _not_back_down(library, old, new, picks[at].exercise) or pick.reasons
            pick = Pick(exercise=new, reasons=(*said, *rung_reasons(picks[at])))
            out[new.category] = (*picks[:at], pick, *picks[at + 1 :])
            continue
        at = _harder_of(library, tuple(extra), old, ctx.topped)
        if at is not None:
            extra[at] = Pick(
                exercise=new, reasons=_not_back_down(library, old, new, extra[at].exercise) or pick.reasons
            )
        elif picks and new.category == old.category and old.pattern in _JUMPS:  # hops held back: their slot
            out[new.category] = (*picks[:-1], pick)
    return out, extra


def regressed_words(library: Library, old: Exercise, new: Exercise) -> str:
    """What a lift regressed for broken form became: its easier rung when `new` is a gentler
    form of the same movement, else another exercise that takes its place."""
    if new.id in library.gentler_forms(old.id):
        return f"In place of {old.name}, whose form broke down: the easier rung{_BACK}"
    return f"In place of {old.name}, whose form broke down: an easier exercise takes its place{_BACK}"


def _not_back_down(library: Library, old: Exercise, new: Exercise, below: Exercise) -> tuple[Reason, ...]:
    """The words for a regression that takes the slot of the rung `old` was climbed to from
    (`below`): the easier form of the same movement first, not the step back down the climb
    (empty where `below` is a harder form of `old`, not the climb's start)."""
    if old.id not in below.progressions or new.id not in library.gentler_forms(old.id):
        return ()
    text = (
        f"In place of {old.name}, whose form broke down: its easier rung, {new.name}, keeps the same movement "
        f"with less to control, before a step back down to {below.name}{_BACK}"
    )
    return (why("review-regress", text),)


# when a swap for broken form ends (review-regress, core/swap_ends): said where the stand-in is
_BACK = ", until your weekly reviews see its form clean for the weeks review-regress asks (rate each set's form)."


def _harder_of(
    library: Library, picks: tuple[Pick, ...], old: Exercise, topped: frozenset[str] = frozenset()
) -> int | None:
    """The slot a later selection filled with a harder form of `old` (one whose gentler forms
    include it), or with the rung `old` was climbed to from (a lift at its ladder's top, `topped`,
    whose next rung is `old`: the climb waits while `old` is regressed, and going back down the
    climb would trade the single-leg demand for a two-legged lift before the gentler single-leg
    forms; a coach regresses within the pattern first): the regression keeps that one out. Another
    lift of the pattern stays: the form broke down on `old`, not on every hinge (cr22a W1: one
    grinding set of Romanian deadlifts took an advanced lifter's trap-bar deadlift for the rest of
    his plan)."""
    return next(
        (
            i
            for i, pk in enumerate(picks)
            if old.id in library.gentler_forms(pk.exercise.id)
            or (pk.exercise.id in topped and old.id in pk.exercise.progressions)
        ),
        None,
    )


_JUMPS = (Pattern.landing, Pattern.plyometric)


def landing_swapped_out(library: Library, swaps: tuple[tuple[str, str | None], ...]) -> bool:
    """A landing or hop was swapped for something that is not a hop (its form broke down):
    hops wait until the landings are drilled again, rather than replacing the landing they
    build on. A hop swapped for an easier hop keeps hops, at that easier rung."""
    return any(
        old in library
        and library.get(old).pattern in _JUMPS
        and not (new in library and library.get(new).pattern == Pattern.plyometric)
        for old, new in swaps
    )
