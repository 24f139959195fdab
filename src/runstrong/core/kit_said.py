"""Kit a profile speaks of but does not list: a weight given for a dumbbell, kettlebell or
backpack (`owned_weights`, `heaviest_loads`, `load_increments`), or sets of a lift on it
(`known_loads_kg`, `recent_sets`, the diary's `logged_sets`), whose item the runner's equipment
does not hold. Planning uses only the equipment listed, so such kit gets no lift;
the plan says so once, first, with the fix (kitbone Left: a stored profile saying `dumbbells`,
which held a kettlebell until rules 2026.12.77, lost its kettlebell lifts without a word)."""

from __future__ import annotations

from typing import Any

from .loads import implement
from .model import AthleteProfile, EquipmentSet
from .vocab import Item, kit_items

_FIELDS = ("owned_weights", "heaviest_loads", "load_increments")
_LIFTS = ("known_loads_kg", "recent_sets", "logged_sets")  # keyed by exercise id
_NAME = {Item.dumbbell: "dumbbells", Item.kettlebell: "a kettlebell", Item.backpack: "a backpack"}


def unlisted_kit(profile: AthleteProfile, library: Any) -> list[str]:
    """One warning per item the profile gives a weight for but its equipment lacks (kit-heaviest).

    A gym holds dumbbells and kettlebells: nothing is missing there."""
    if EquipmentSet.gym in profile.equipment:
        return []
    have = kit_items(profile.equipment)
    out = []
    for item, name in _NAME.items():
        fields = [f for f in _FIELDS if item in getattr(profile, f)]
        fields += [f"{f}.{ex}" for f in _LIFTS for ex in getattr(profile, f) if _on(library, ex, item)][:2]
        if not fields or item in have:
            continue
        said = " and ".join(f if "." in f else f"{f}.{item.value}" for f in fields)
        out.append(
            f"Your profile gives a weight for {name} ({said}) but your equipment does not list "
            f"{'them' if item == Item.dumbbell else 'it'}, so no lift in this plan uses {name}. Add "
            f'"{item.value}" to equipment (or answer the kit question of runstrong init again) and plan '
            "again to have its lifts; the dumbbells set holds dumbbells and bands only (kit-heaviest)."
        )
    return out


def _on(library: Any, exercise_id: str, item: Item) -> bool:
    """Whether the library's exercise `exercise_id` is loaded on `item`."""
    return exercise_id in library and implement(library.get(exercise_id).equipment) == item
