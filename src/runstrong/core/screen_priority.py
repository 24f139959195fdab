"""A screen's priority outlives a pain ladder's rung: when a painful area's rung takes the
slot the screen's lift held (a sore lower back's bridge hold in the hinge drill's slot), the
screen's lift takes the category's other slot, so the plan does what its notes announce
("hinge patterning before loaded hinges"); where no slot is free, the plan says so."""

from __future__ import annotations

from .model import Category, Pattern, why
from .pick_reasons import Pick
from .vocab import CATEGORY_NAME

JUMPS = (Pattern.plyometric, Pattern.landing)  # a power slot's landings and hops stay (S14)


def _screens(pk: Pick) -> str | None:
    """The screen rule a pick was chosen for, if any."""
    return next((r.rule_id for r in pk.reasons if r.rule_id.startswith("screen-")), None)


def _free(pk: Pick) -> bool:
    """A slot the screen's lift may take: no ladder's rung, no landing or hop."""
    return pk.exercise.pattern not in JUMPS and all(r.rule_id != "pain-graded-return" for r in pk.reasons)


def keep_screen_priorities(
    before: dict[Category, tuple[Pick, ...]],
    after: dict[Category, tuple[Pick, ...]],
    taken: set[str],
    alternatives: dict[str, Pick],
) -> tuple[dict[Category, tuple[Pick, ...]], list[str]]:
    """`after` (the primaries once the pain ladders placed their rungs) with each screen pick
    of `before` that a rung displaced back in its category's other free slot (`taken` and
    `alternatives` follow), and a warning for each that found none."""
    out, warnings = dict(after), []
    for category, picks in before.items():
        for pk in picks:
            rule = _screens(pk)
            now = out.get(category, ())
            if rule is None or any(x.exercise.id == pk.exercise.id for x in now):
                continue
            free = [i for i, x in enumerate(now) if _free(x)]
            name = CATEGORY_NAME[category]
            if not free:
                warnings.append(
                    f"Your screen asked for {pk.exercise.name} ({rule}), but your pain ladders' rungs and "
                    f"landings hold every {name} slot: it waits until a rung moves up."
                )
                continue
            i = free[-1]
            taken.discard(now[i].exercise.id)
            alternatives.pop(now[i].exercise.id, None)
            taken.add(pk.exercise.id)
            text = f"Your pain ladder's rung took this lift's {name} slot; your screen's priority keeps the other."
            moved = why(rule, text)
            out[category] = (*now[:i], Pick(pk.exercise, (*pk.reasons, moved)), *now[i + 1 :])
    return out, warnings
