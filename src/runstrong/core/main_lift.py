"""A category's main lift across blocks: kept from block to block (same-primaries-per-block),
and when a new block's main lift is another one, the pick says which it replaces and why
(cr25a F13: Walter's hinge went RDL 55 kg -> trap bar 80 kg -> RDL 57.5 kg without a word).
"""

from __future__ import annotations

from collections.abc import Sequence

from .library import Library
from .model import Category, Exercise, Pattern, Reason
from .params import Params
from .slot_rank import pattern_ranks

RULE = "same-primaries-per-block"
CHANGES = "The main lift changes from"  # the start of the words a change says


def main_change(
    library: Library,
    category: Category,
    e: Exercise,
    keep: frozenset[str],
    pool: Sequence[Exercise],
    patterns: tuple[Pattern, ...],
    p: Params,
) -> Reason | None:
    """Why the block's main lift of `category` is `e` and not the last block's, if it changed."""
    old = next((library.get(x) for x in sorted(keep) if x in library and library.get(x).category == category), None)
    if old is None or old.id == e.id:
        return None
    if old.id not in {x.id for x in pool}:
        why = "it is out of reach this block (kit, level, pain, health or a screen)"
    elif old.pattern not in patterns or pattern_ranks(patterns)[e.pattern] < pattern_ranks(patterns)[old.pattern]:
        why = f"this block's slot asks for {e.pattern.value.replace('_', ' ')} work first"
    else:
        why = "another lift ranks ahead of it this block (pain, a ladder, the race's emphasis or a lift you gave)"
    return p.why(RULE, f"{CHANGES} {old.name} to {e.name}: {why}.")
