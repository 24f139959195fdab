"""Which easier variant replaces a lift: one that fits the kit and never loads a painful
area more than the lift it replaces (no added range or load where it hurts)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..library import Library
from ..model import AthleteProfile, Exercise, PainArea

# how much an exercise asks of an area: ruled out with pain there, loads it, leaves it alone
RULED_OUT, LOADS, FREE = 2, 1, 0


def load_on(e: Exercise, area: PainArea) -> int:
    """How much `e` asks of `area`, on the library's own scale (contraindications, loads)."""
    if area in e.contraindications:
        return RULED_OUT
    return LOADS if area in e.loads else FREE


def gentler_for(candidate: Exercise, original: Exercise, areas: Iterable[PainArea]) -> bool:
    """`candidate` may replace `original` with pain in `areas`: not ruled out there, and no
    more load on any of them than `original` puts there."""
    return all(load_on(candidate, a) < RULED_OUT and load_on(candidate, a) <= load_on(original, a) for a in areas)


def easier(
    library: Library,
    exercise_id: str,
    profile: AthleteProfile,
    new_pain: Iterable[PainArea],
    beside: frozenset[str] = frozenset(),
    allowed: Callable[[Exercise], bool] = lambda e: True,
) -> str | None:
    """The first regression that the runner's kit and pain allow (and `allowed`: within a
    painful area's ladder rung) and that is not already `beside` the lift in its session (it
    would only take the lift's place away); None lets the planner choose."""
    kit = profile.equipment_items
    pain = {*profile.pain_areas, *new_pain}
    original = library.get(exercise_id)
    for candidate in original.regressions:
        if candidate in library and candidate not in beside:
            e = library.get(candidate)
            if e.fits(kit) and gentler_for(e, original, pain) and allowed(e):
                return candidate
    return None
