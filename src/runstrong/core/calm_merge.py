"""How two changes to one week merge a painful area's calm weeks on its rung (rule
pain-monitoring): kept apart from the model so it stays one concept a module."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

K = TypeVar("K")


def merged_calm(
    first_rungs: Mapping[K, int], first_calm: Mapping[K, int], then_rungs: Mapping[K, int], then_calm: Mapping[K, int]
) -> dict[K, int]:
    """The calm weeks of each area two changes to one week set: those of the lower rung the
    merge keeps, the fewer where both set the same rung (the stricter never climbs sooner)."""
    out: dict[K, int] = {}
    for area in {*first_rungs, *then_rungs}:
        both = ((first_rungs, first_calm), (then_rungs, then_calm))
        found = [(rungs[area], calm.get(area, 0)) for rungs, calm in both if area in rungs]
        low = min(r for r, _ in found)
        out[area] = min(c for r, c in found if r == low)
    return out
