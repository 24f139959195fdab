"""Stand-ins for a light day: gentler lifts for sore-making ones, calmer work for hops."""

from __future__ import annotations

from typing import Any

from .model import Exercise, Pattern, Role, why
from .selection import BlockSelection, Pick
from .vocab import Impact

CALMER = why("explosive-work-with-room", "In place of hops: this day sits between a hard run and a key run.")
# what a session says when its hops go with nothing in their place (a race-specific power element's)
HOPS_OUT = why("explosive-work-with-room", "No hops today: this day sits between a hard run and a key run.")
NEW_HOPS_OUT = why("taper", "Nothing new before the race: no loading week hopped, so the hops are left out.")


def low_hop(e: Exercise) -> bool:
    """Hops on both feet below high impact (line, pogo and ankle hops): brief, low-amplitude
    ankle work a light day between two key runs can keep (explosive-work-with-room)."""
    return e.pattern == Pattern.plyometric and not e.dose.per_side and not e.unilateral and e.impact != Impact.high


def stand_ins(
    roles: tuple[Role, ...], chosen: tuple[Pick, ...], selection: BlockSelection, p: Any
) -> tuple[tuple[tuple[int, Pick | None], ...], tuple[tuple[int, Pick | None], ...]]:
    """Where a light day swaps a sore-making lift for a gentler one, and where a day
    between a hard run and a key run swaps hops for a calmer single-leg exercise."""
    ids = {pk.exercise.id for pk in chosen}
    gentler: list[tuple[int, Pick | None]] = []
    calmer: list[tuple[int, Pick | None]] = []
    for i, (role, pk) in enumerate(zip(roles, chosen, strict=True)):
        if role not in (Role.primary, Role.accessory):
            continue
        if pk.exercise.id in p.soreness_exercises:  # a stand-in, else left out on a light day
            soft = selection.gentler.get(pk.exercise.id)
            gentler.append((i, soft if soft is not None and soft.exercise.id not in ids else None))
        calm = selection.alternatives.get(pk.exercise.id)
        if selection.power is not None and pk.exercise.id == selection.power.exercise.id:
            if pk.exercise.pattern == Pattern.plyometric:  # the power element's hops: out, nothing stands in
                calmer.append((i, None))
        elif pk.exercise.pattern == Pattern.plyometric and calm is not None and calm.exercise.id not in ids:
            reasons = tuple(r for r in calm.reasons if r.rule_id != "taper")  # a sandwiched day, not the race
            calmer.append((i, Pick(exercise=calm.exercise, reasons=(*reasons, CALMER))))
    return tuple(gentler), tuple(calmer)
