"""Using the time the runner gave: in a loading week a session grows toward the registry's
share of its cap, one set a week on its main lifts (the focus lifts first, then the other
categories' primaries), before any exercise is added (session-time-cap).

Each lift gains at most the registry's weekly set step over its last loading week, so the
session grows over weeks, never in a jump; light days, held or cut lifts and capped
eccentrics are left as dosed.
"""

from __future__ import annotations

from collections.abc import Mapping
from operator import attrgetter

from .model import Block, Category, Reason, Role
from .params import Params
from .timing import estimate_seconds

_FIXED_RULES = frozenset({"light-before-key-runs", "review-hold", "review-reduce", "eccentric-hamstring-cap"})
_LIGHTENED = frozenset({"light-before-key-runs", "taper"})
_RULE_ID = attrgetter("rule_id")


def _one_more_set(block: Block, p: Params) -> Block:
    presc = block.prescription.model_copy(update={"sets": block.prescription.sets + 1})
    return block.model_copy(update={"prescription": presc, "estimated_seconds": estimate_seconds(presc, block.role, p)})


def _room(block: Block, carried: Mapping[str, int], ceiling: int, p: Params) -> int:
    """The most sets this lift may have this week: a set step over its last loading week,
    within the ceiling; a lift new to the plan, or one kept as dosed, stays as it is."""
    before = carried.get(block.exercise_id)
    fixed = block.prescription.contacts is not None  # jumps keep their own session ceiling (dose-plyometric)
    if before is None or fixed or not _FIXED_RULES.isdisjoint(map(_RULE_ID, block.reasons)):
        return block.prescription.sets
    if block.category == Category.core:  # core drills stay brief: time goes to the lifts (core-drills-by-control)
        ceiling = min(ceiling, p.core_drill_max_sets)
    return max(block.prescription.sets, min(ceiling, before + p.max_set_step))


def fill_to_share(
    blocks: list[Block],
    cap_minutes: int,
    focus: Category,
    ceiling: int,
    carried: Mapping[str, int],
    p: Params,
    kept: Mapping[int, Reason] | None = None,
) -> tuple[list[Block], list[Reason]]:
    """`blocks` with sets added, focus lifts first, until the session reaches the registry's
    share of `cap_minutes` (never past the cap); `carried` is each lift's sets in its last
    loading week, `ceiling` the most sets a lift may have. The blocks at `kept`'s positions
    keep their dose (a lift's second day, a phase whose emphasis is not volume): each says why
    once, where the session had room to grow."""
    target, limit = cap_minutes * 60 * p.loading_share_pct / 100, cap_minutes * 60
    total = sum(b.estimated_seconds for b in blocks)
    if total >= target:
        return blocks, []
    kept = kept or {}
    said = list(dict.fromkeys(kept.values()))
    primaries = [i for i, b in enumerate(blocks) if b.role == Role.primary and i not in kept]
    order = [i for i in primaries if blocks[i].category == focus] + [
        i for i in primaries if blocks[i].category != focus
    ]
    room = {i: _room(blocks[i], carried, ceiling, p) for i in order}
    blocks, added = list(blocks), 0
    grew = True
    while grew and total < target:
        grew = False
        for i in order:
            if total >= target or blocks[i].prescription.sets >= room[i]:
                continue
            bigger = _one_more_set(blocks[i], p)
            if total - blocks[i].estimated_seconds + bigger.estimated_seconds > limit:
                continue
            total += bigger.estimated_seconds - blocks[i].estimated_seconds
            blocks[i], grew, added = bigger, True, added + 1
    if not added:
        return blocks, said
    text = f"{added} more set(s) on the main lifts, to use about {p.loading_share_pct}% of your {cap_minutes} minutes."
    return blocks, [p.why("session-time-cap", text), *said]


def capped_sets(blocks: list[Block], carried: Mapping[str, int], p: Params) -> list[Block]:
    """No lift more than the weekly set step above its last loading week (a new phase's
    scheme can ask for more sets than a trimmed or accessory lift had)."""
    out = []
    for b in blocks:
        before = carried.get(b.exercise_id)
        most = None if before is None else before + p.max_set_step
        if most is not None and b.role in (Role.primary, Role.accessory) and b.prescription.sets > most:
            presc = b.prescription.model_copy(update={"sets": most})
            b = b.model_copy(update={"prescription": presc, "estimated_seconds": estimate_seconds(presc, b.role, p)})
        out.append(b)
    return out


def like_base(
    blocks: list[Block], base: list[Block], reasons: list[Reason], p: Params
) -> tuple[list[Block], list[Reason]]:
    """A light or race-close session with its full-dose session's sets on every lift it
    does not lighten (a light lift keeps its own, fewer, sets)."""
    sets = {b.exercise_id: b.prescription.sets for b in base}
    out = []
    for b in blocks:
        want = sets.get(b.exercise_id)
        lightened = not _LIGHTENED.isdisjoint(map(_RULE_ID, b.reasons))
        if want is not None and want > b.prescription.sets and not lightened:
            presc = b.prescription.model_copy(update={"sets": want})
            b = b.model_copy(update={"prescription": presc, "estimated_seconds": estimate_seconds(presc, b.role, p)})
        out.append(b)
    return out, (reasons if out != blocks else [])
