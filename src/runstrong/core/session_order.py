"""Where a session's explosive work sits: hops and landings first, while the legs are fresh
(power-before-strength), and a 5K/10K block's hops in its posterior-chain session too
(explosive-work-with-room)."""

from __future__ import annotations

from .model import Category, Pattern, Role, why
from .pick_reasons import Pick
from .selection import BlockSelection

# said before placement, so nothing of the day it lands on: the light day before a key run may be it
_SPREAD = why("explosive-work-with-room", "Hops here too: the 5K/10K emphasis does not rest on one session.")
_POWER = frozenset({Pattern.plyometric, Pattern.landing})


def power_first(picks: tuple[tuple[Role, Pick, bool], ...]) -> tuple[tuple[Role, Pick, bool], ...]:
    """Hops, jumps and landing drills lead the session's main work, while the legs are fresh
    (power-before-strength); the rest keep their order."""
    jumps = [x for x in picks if x[0] == Role.primary and x[1].exercise.pattern in _POWER]
    if not jumps or picks[: len(jumps)] == tuple(jumps):
        return picks
    reason = why("power-before-strength", "First after the warm-up, while your legs are fresh.")
    led = [(r, Pick(exercise=pk.exercise, reasons=(*pk.reasons, reason)), f) for r, pk, f in jumps]
    return (*led, *(x for x in picks if x not in jumps))


def with_explosive(
    picks: tuple[tuple[Role, Pick, bool], ...], selection: BlockSelection
) -> tuple[tuple[Role, Pick, bool], ...]:
    """The posterior-chain session with the block's single-leg hops added after its
    primaries (explosive-work-with-room): placement keeps this session off speed days and
    days before key runs, so the 5K/10K emphasis does not rest on one, often light, day."""
    power = selection.primaries.get(Category.single_leg_power, ())
    hops = [pk for pk in power if pk.exercise.pattern == Pattern.plyometric]
    if not hops or any(pk.exercise.id == hops[0].exercise.id for _, pk, _ in picks):
        return picks
    pick = Pick(exercise=hops[0].exercise, reasons=(*hops[0].reasons, _SPREAD))
    at = max((i + 1 for i, (role, _, _) in enumerate(picks) if role == Role.primary), default=0)
    return (*picks[:at], (Role.primary, pick, False), *picks[at:])
