"""Words for a slot no exercise fills, naming the kit that would fill it."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .model import Category, Exercise, Item
from .vocab import CATEGORY_NAME


def no_primary_words(
    fits: Iterable[Exercise],
    category: Category,
    slot: int,
    equipment: frozenset[Item],
    chosen: set[str],
    primary: Callable[[Exercise], bool],
) -> str:
    """The warning for a primary slot nothing fills, in words (cr22a P5: "No single_leg_power
    primary 2 fits ..."), with the one piece of kit that would open the most lifts for it.
    `fits`: what the runner's level and pain allow with any kit."""
    which = "second " if slot else ""
    text = f"No {which}{CATEGORY_NAME[category]} lift fits your equipment, level and pain areas"
    missing: dict[Item, int] = {}
    for e in fits:
        if e.category != category or not primary(e) or e.id in chosen or e.fits(equipment):
            continue
        need = {i for i in e.equipment if i not in equipment}
        if not need and e.furniture:
            need = {min(e.furniture)}
        if len(need) == 1:
            (item,) = need
            missing[item] = missing.get(item, 0) + 1
    if not missing:
        return text + "."
    item = max(sorted(missing), key=missing.__getitem__)
    lifts = missing[item]
    return f"{text}: a {item.value} would open {lifts} lift{'s' if lifts > 1 else ''} for it (add it to equipment)."
