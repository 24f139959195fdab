"""A review's cap on a week's sets by category: the week it plans never holds more sets of
a category than the plan it replaces had that week, whatever replaced what (a lift a painful
area took out replaced by another category's, a cut taken from the held week's doses)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..model import Block, Category, Prescription, Role, Session, Week
from .dose_cap import capped_block


def categories_capped(
    old: Week,
    sessions: list[tuple[Session, list[Block]]],
    params: Any,
    swapped: dict[str, str],
    repeated: frozenset = frozenset(),
) -> list[tuple[Session, list[Block]]]:
    """While a category has more sets than the old week gave it, the blocks the old week did
    not have in that session lose sets, then go (latest first): first those the review did not
    put there; then the old rung's lift a painful area moved up from, kept on as a stand-in
    (the new rung's lift is the one the review names for next week); then, if the category is
    still over, those the review put there (a lift its swap brought in for one whose form broke
    down, a painful area's new rung, a held day's last dose done: `repeated`, by session focus and
    lift, which a week kept to done lifts repeats where the old week had a new block's)."""
    before = _sets(b for s in old.sessions for b in s.blocks if b.role in (Role.primary, Role.accessory))
    old_keys = {(s.focus, b.exercise_id) for s in old.sessions for b in s.blocks}
    old_rungs = {b.exercise_id for s in old.sessions for b in s.blocks if _graded(b)}
    now = _sets(b for _, blocks in sessions for b in blocks if b.role in (Role.primary, Role.accessory))

    def placed_by_review(s: Session, b: Block) -> bool:
        swap = (s.focus, swapped.get(b.exercise_id, "")) in old_keys
        return swap or _graded(b) or (s.focus, b.exercise_id) in repeated

    def extra(s: Session, b: Block) -> bool:
        return (s.focus, b.exercise_id) not in old_keys

    def old_rung(s: Session, b: Block) -> bool:
        return b.exercise_id in old_rungs and not _graded(b)

    for cut, spared in ((extra, placed_by_review), (old_rung, None), (extra, None)):
        sessions = _extras_cut(sessions, before, now, cut, params, spared)
    return sessions


def _graded(b: Block) -> bool:
    """A pain ladder's rung (pain-graded-return)."""
    return any(r.rule_id == "pain-graded-return" for r in b.reasons)


def _extras_cut(
    sessions: list[tuple[Session, list[Block]]],
    before: dict[Category, int],
    now: dict[Category, int],
    cut: Callable[[Session, Block], bool],
    params: Any,
    spared: Callable[[Session, Block], bool] | None,
) -> list[tuple[Session, list[Block]]]:
    out = []
    for s, blocks in reversed(sessions):
        kept = []
        for b in reversed(blocks):
            over = now.get(b.category, 0) - before.get(b.category, 0)
            candidate = b.role in (Role.primary, Role.accessory) and cut(s, b)
            if candidate and over > 0 and not (spared and spared(s, b)):
                if b.prescription.sets - over < 1:
                    now[b.category] -= _set_count(b.prescription)
                    continue
                b = capped_block(b, b.prescription.model_copy(update={"sets": b.prescription.sets - over}), params)
                now[b.category] -= over
            kept.append(b)
        out.append((s, kept[::-1]))
    return out[::-1]


def _sets(blocks: Any) -> dict[Category, int]:
    out: dict[Category, int] = {}
    for b in blocks:
        out[b.category] = out.get(b.category, 0) + _set_count(b.prescription)
    return out


def _set_count(p: Prescription) -> int:
    return p.sets + (1 if p.extra_sets_side else 0)
