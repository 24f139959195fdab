"""Nothing new after a flare or a hard week (nothing-new-after-a-flare), as the planner applies it.

The review that held, cut or deloaded work, or read pain above the acceptable zone or not settled
by the next morning, notes it on next week's adjustment ("Nothing new next week: ...",
`review/nothing_new`). That week's block is chosen from the exercises the weeks before held (and
the targets of the swaps in force: a regression the review made is its own decision), so no new
lift and no first hops come in; the ladder rungs the review set place their own work as always.
The week after it is chosen as usual unless its own review says the same again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from .ladder_climb import block_choices
from .ladder_pools import last_resort, within_ladders
from .model import Adjustment, Exercise, Week

if TYPE_CHECKING:
    from .selection import Context

RULE = "nothing-new-after-a-flare"


def frozen(adjust: Adjustment | None) -> bool:
    """Whether a review said nothing new for this week (its note carries the rule)."""
    return adjust is not None and any(r.rule_id == RULE for r in adjust.reasons)


def done_before(weeks: Sequence[Week]) -> frozenset[str]:
    """Every exercise the weeks so far held."""
    return frozenset(b.exercise_id for w in weeks for s in w.sessions for b in s.blocks)


def known_lifts(
    adjust: Adjustment | None, weeks: Sequence[Week], swaps: Iterable[tuple[str, str | None]]
) -> frozenset[str] | None:
    """What a frozen week may choose from: the exercises done before and the swaps' targets; None
    when the week is not frozen, or no week before held any exercise (nothing to keep to)."""
    if not frozen(adjust):
        return None
    done = done_before(weeks)
    return done | {new for _, new in swaps if new} if done else None


def only_known(usable: tuple[Exercise, ...], known: frozenset[str] | None) -> tuple[Exercise, ...]:
    """The lifts a block may choose from in a frozen week: those already done."""
    return usable if known is None else tuple(e for e in usable if e.id in known)


def new_if_none(  # type: ignore[no-untyped-def]
    wider: tuple, spared: tuple[Exercise, ...], everything: tuple[Exercise, ...], ctx: Context, planning, done
) -> tuple[tuple, tuple[Exercise, ...]]:
    """(the pools a category tries in turn, the accessories' pool) in a frozen week: after the lifts
    done before, the usual pools, for a category no lift done before can train now (the review's
    pain rules them out: the review's own change) and accessories when none was done."""
    if ctx.known is None:
        return wider, spared
    trainable, spared_all = within_ladders(everything, ctx, planning)
    wider = (*wider, block_choices(trainable, done), spared_all, last_resort(everything, ctx, planning))
    return wider, spared if any("accessory" in e.roles for e in spared) else spared_all
