"""Fitting a session inside the runner's time cap.

When a session runs long, the least important volume goes first, one step at a time,
and each step taken is stated: accessory and finisher volume, then secondary sets and
short rests, then the extra warm-up drill, then whole secondary blocks, heavy sets' rests
down to their floor, then main sets. Blocks the
session keeps with its main lifts (a 5K/10K plan's hops: short-race-explosive) lose sets
with them, not before them; a kept accessory (the calf work that is the session's ankle
stiffness: ankle-foot-stiffness) goes only after the main lifts have lost a set.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from .dosing import estimate_seconds
from .effort_targets import heavy_set
from .model import Block, Category, Reason, Role
from .params import Params


class Lead(NamedTuple):
    """What a session is led by: its focus category, and blocks cut only with its lifts
    (an accessory among them is left out only after the main lifts lose a set)."""

    focus: Category
    kept: frozenset[str] = frozenset()


Step = Callable[[list[Block], Lead, Params], list[Block]]


def _with(block: Block, p: Params, **changes: object) -> Block:
    presc = block.prescription.model_copy(update=changes)
    return block.model_copy(update={"prescription": presc, "estimated_seconds": estimate_seconds(presc, block.role, p)})


def _is_main(b: Block, lead: Lead) -> bool:
    return b.role == Role.primary and (b.category == lead.focus or b.exercise_id in lead.kept)


def _is_secondary(b: Block, lead: Lead) -> bool:
    return b.role == Role.primary and not _is_main(b, lead)


def _heavy(b: Block, p: Params) -> bool:
    """Heavy sets (dose-heavy) and near-maximal lowering (eccentric-hamstring-cap) keep their long rests."""
    return heavy_set(b.prescription.intensity, p) or b.exercise_id in p.eccentric_exercises


def _accessory_one_set(blocks: list[Block], lead: Lead, p: Params) -> list[Block]:
    return [_with(b, p, sets=1) if b.role == Role.accessory else b for b in blocks]


def _halved(value: int | None, floor: int) -> int | None:
    """Half of a finisher drill's dose, never under the floor (mobility-finisher) nor over the dose."""
    return None if not value else min(value, max(value // 2, floor))


def _finisher_halved(blocks: list[Block], lead: Lead, p: Params) -> list[Block]:
    """Three 90/90 switches were once all a 25-minute session's finisher kept: halving stops at a floor."""
    out = []
    for b in blocks:
        if b.role == Role.finisher:
            pr = b.prescription
            b = _with(
                b, p, reps=_halved(pr.reps, p.finisher_min_reps), seconds=_halved(pr.seconds, p.finisher_min_seconds)
            )
        out.append(b)
    return out


def _secondary_minus_set(blocks: list[Block], lead: Lead, p: Params) -> list[Block]:
    return [
        _with(b, p, sets=b.prescription.sets - 1) if _is_secondary(b, lead) and b.prescription.sets > 1 else b
        for b in blocks
    ]


def _short_rests(blocks: list[Block], lead: Lead, p: Params) -> list[Block]:
    return [
        _with(b, p, rest_seconds=p.accessory_rest)
        if b.role == Role.primary and not _heavy(b, p) and b.prescription.rest_seconds > p.accessory_rest
        else b
        for b in blocks
    ]


def _heavy_rests_at_floor(blocks: list[Block], lead: Lead, p: Params) -> list[Block]:
    """Heavy sets rest the least near-failure sets may (dose-heavy) before a main set goes:
    with a short cap, a set is worth more than the third minute of rest."""
    floor = p.heavy_set_min_rest
    return [
        _with(b, p, rest_seconds=floor)
        if heavy_set(b.prescription.intensity, p) and b.prescription.rest_seconds > floor
        else b
        for b in blocks
    ]


def _fewer_warm_up_drills(blocks: list[Block], lead: Lead, p: Params) -> list[Block]:
    warm = [b for b in blocks if b.role == Role.warm_up]
    keep = {id(b) for b in warm[: p.warm_up_short_items]}
    return [b for b in blocks if b.role != Role.warm_up or id(b) in keep]


def _focus_minus_set(blocks: list[Block], lead: Lead, p: Params) -> list[Block]:
    return [
        _with(b, p, sets=b.prescription.sets - 1) if _is_main(b, lead) and b.prescription.sets > 1 else b
        for b in blocks
    ]


def _drop_accessory(blocks: list[Block], lead: Lead, p: Params) -> list[Block]:
    return [b for b in blocks if b.role != Role.accessory or b.exercise_id in lead.kept]


def _drop_kept_accessory(blocks: list[Block], lead: Lead, p: Params) -> list[Block]:
    return [b for b in blocks if b.role != Role.accessory]


def _drop_second_focus_lift(blocks: list[Block], lead: Lead, p: Params) -> list[Block]:
    """The focus category keeps its first primary; the others keep their only one, so the
    week still trains all three categories."""
    focus_lifts = [i for i, b in enumerate(blocks) if b.role == Role.primary and b.category == lead.focus]
    if len(focus_lifts) < 2:
        return blocks
    cut = focus_lifts[-1]
    return blocks[:cut] + blocks[cut + 1 :]


STEPS: tuple[tuple[Step, str], ...] = (
    (_accessory_one_set, "accessory cut to one set"),
    (_finisher_halved, "mobility finisher shortened"),
    (_secondary_minus_set, "one set fewer on the secondary lifts"),
    (_secondary_minus_set, "secondary lifts cut to one or two sets"),
    (_short_rests, "shorter rests on the lighter lifts"),
    (_fewer_warm_up_drills, "warm-up cut to the hip and thoracic drills"),
    (_drop_accessory, "accessory left out"),
    (_heavy_rests_at_floor, "heavy sets rest the least they may"),
    (_focus_minus_set, "one set fewer on the main lifts"),
    (_drop_kept_accessory, "calf work left out"),
    (_secondary_minus_set, "secondary lifts cut to one set"),
    (_focus_minus_set, "main lifts cut further"),
    (_drop_second_focus_lift, "second main lift left out"),
    (_focus_minus_set, "main lift cut to one set"),
)


def total_seconds(blocks: list[Block]) -> int:
    return sum(b.estimated_seconds for b in blocks)


def trim_to_cap(
    blocks: list[Block], cap_minutes: int, p: Params, lead: Lead, at_least: int = 0
) -> tuple[list[Block], list[Reason], int]:
    """Blocks that fit `cap_minutes`, a reason for the trims made, and how many steps ran.

    `at_least` replays the steps an earlier week of the block needed, so that trimming only
    grows through a block and volume never jumps back up from one week to the next.
    """
    limit = cap_minutes * 60
    taken: list[str] = []
    level = 0
    for step, label in STEPS:
        if level >= at_least and total_seconds(blocks) <= limit:
            break
        trimmed = step(blocks, lead, p)
        if trimmed != blocks:
            blocks = trimmed
            taken.append(label)
        level += 1
    if not taken:
        return blocks, [], level
    text = f"Trimmed to fit your {cap_minutes}-minute cap: " + "; ".join(dict.fromkeys(taken)) + "."
    return blocks, [p.why("session-time-cap", text=text)], level
