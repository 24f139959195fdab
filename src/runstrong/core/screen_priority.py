"""A screen's priority outlives a pain ladder's rung: when a painful area's rung takes the
slot the screen's lift held (a sore lower back's bridge hold in the hinge drill's slot), the
screen's lift takes the category's other slot, so the plan does what its notes announce
("hinge patterning before loaded hinges"); where no slot is free, the plan says so."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import Category, Exercise, Pattern, why
from .pick_reasons import Pick
from .vocab import CATEGORY_NAME

if TYPE_CHECKING:
    from .assessment import ScreenEffects
    from .params import Params

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


def side_hold(effects: ScreenEffects | None, waits: bool = False) -> int | None:
    """The weaker side's hold (s) when the screen's side plank was uneven, else None: the plan
    then trains the side plank. `waits`: a deload whose block trained none, which keeps its
    block's exercises (planned-deloads): a re-screen's side plank comes with the next loading week."""
    return None if effects is None or waits else effects.side_plank_weaker


def side_plank_rung(
    usable: tuple[Exercise, ...], seconds: int, taken: set[str], lower: frozenset[str]
) -> Exercise | None:
    """The side plank's rung for a weaker side that held `seconds`: the hardest hold of the
    pattern whose usual hold it reached, else the easiest (a short-lever, kneeling side plank
    before the full one); never a rung below one the last block's weeks reached (`lower`):
    past every hold, the easiest of the harder forms (a side plank with a leg lift)."""
    rungs = [
        e
        for e in usable
        if e.category == Category.core and e.pattern == Pattern.anti_lateral_flexion
        if "primary" in e.roles and e.id not in taken
    ]
    ahead = [e for e in rungs if e.id not in lower]
    holds = [e for e in ahead if e.dose.seconds] if ahead else [e for e in rungs if e.dose.seconds]
    if not holds:
        return min(ahead, key=_rung, default=None)
    fits = [e for e in holds if (e.dose.seconds or 0) <= seconds]
    return max(fits, key=_rung) if fits else min(holds, key=_rung, default=None)


def _rung(e: Exercise) -> tuple[int, int]:
    return e.level.rank, e.dose.seconds or 0


def _anti_rotation(pk: Pick) -> bool:
    return pk.exercise.pattern == Pattern.anti_rotation  # anti-rotation-weekly: it stays


def with_side_hold(
    primaries: dict[Category, tuple[Pick, ...]],
    seconds: int,
    usable: tuple[Exercise, ...],
    taken: set[str],
    lower: frozenset[str],
    p: Params,
) -> dict[Category, tuple[Pick, ...]]:
    """The core primaries with a side plank rung when the screen found the side plank uneven
    (screen-side-plank): in the first core slot no other screen finding or ladder holds, else
    beside them as one more primary (a short plank's hold and the weekly anti-rotation work
    stay), so the weakness the screen measured is trained by its own pattern."""
    core = primaries.get(Category.core, ())
    if any(pk.exercise.pattern == Pattern.anti_lateral_flexion for pk in core):
        return primaries
    e = side_plank_rung(usable, seconds, taken, lower)
    if e is None:
        return primaries
    taken.add(e.id)
    text = "Your side plank was uneven: this rung of it trains that, with the extra set on your weaker side."
    trains = p.why("screen-side-plank", text)
    free = [i for i, pk in enumerate(core) if _free(pk) and _screens(pk) is None and not _anti_rotation(pk)]
    if free:
        i = free[0]
        taken.discard(core[i].exercise.id)
        pick = Pick(e, (*core[i].reasons[:1], trains))
        return {**primaries, Category.core: (*core[:i], pick, *core[i + 1 :])}
    beside = "A third core primary: your screen's other findings and the weekly anti-rotation work hold the two."
    pick = Pick(e, (p.why("two-primaries-one-accessory", beside), trains))
    return {**primaries, Category.core: (*core, pick)}
