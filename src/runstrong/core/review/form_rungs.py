"""A form swap within a pain ladder (S27, S41): a lift whose form broke down gives way to an
easier one, but never to one past the rung a painful area's ladder has reached. A lift that is
the area's rung work gives way only to an easier exercise of its own rung or to the rung below;
where there is none (a first rung's isometric hold), the rung's own work keeps its place and
the rung holds, as it does for a flare (`steps._flared_ladder_lifts`). Before, the Achilles
ladder's isometric calf hold gave way to "Calf raise instead", a lift beyond the Achilles
rung: next week held neither and said nothing (cr22b, the twenty-second session's Left).
"""

from __future__ import annotations

from ..model import Exercise, PainArea
from ..pain_return import Ladder, beyond_rungs, rung_exercise, rungs_for_week
from ..vocab import AREA_NAME
from .regress import gentler_for
from .state import ReviewInput, Verdict
from .values import ReviewDecision, Signal, decision

Rungs = tuple[tuple[PainArea, int], ...]


def next_rungs(r: ReviewInput, v: Verdict) -> Rungs:
    """Each laddered area's rung next week as far as the review knows it: the lower of where it
    stands and where the pain step moves it (a rung whose lift broke down holds)."""
    now = dict(rungs_for_week(r.profile, r.week_start, r.ladders))
    out = {a: min(rung, v.pain_rungs.get(a, rung)) for a, rung in now.items()}
    out |= {a: rung for a, rung in v.pain_rungs.items() if a not in now}
    return tuple(sorted(out.items(), key=lambda kv: kv[0].value))


def within(e: Exercise, rungs: Rungs, r: ReviewInput) -> bool:
    """`e` loads no laddered area past its rung."""
    return e.id not in beyond_rungs((e,), rungs, r.ladders)


def rung_work(r: ReviewInput, lift_id: str, rungs: Rungs) -> list[tuple[PainArea, Ladder, int]]:
    """The areas whose ladder `lift_id` is on, at or below the area's rung: it is their rung's
    work (or the gentler work below it), with the area's rung."""
    out = []
    for area, rung in rungs:
        lad = r.ladders.get(area)
        at = lad.rung_of(lift_id) if lad is not None and rung >= 0 else None
        if lad is not None and at is not None and at <= rung:
            out.append((area, lad, rung))
    return out


def easier_on_ladder(
    r: ReviewInput, lift: Exercise, bound: list[tuple[PainArea, Ladder, int]], rungs: Rungs, beside: frozenset[str]
) -> str | None:
    """An easier lift that keeps the area's rung work: one of `lift`'s regressions on its ladder
    at or below the area's rung (of each ladder it is on), else the exercise of the rung below
    the lift's; None when there is none (the first rung: the lift keeps its place)."""
    kit, level = r.profile.equipment_items, r.profile.strength_experience
    pain = frozenset(r.profile.pain_areas) | {a for a, _ in rungs}

    def fits(e: Exercise) -> bool:  # a lift the library rules out for the area goes in only as its ladder's own rung
        on = all((at := lad.rung_of(e.id)) is not None and at <= rung for _, lad, rung in bound)
        gentler = gentler_for(e, lift, pain)
        return (
            on and gentler and e.id not in beside and e.fits(kit) and e.level.rank <= level.rank and within(e, rungs, r)
        )

    for x in lift.regressions:
        if x in r.library and fits(r.library.get(x)):
            return x
    area, lad, _ = bound[0]
    at = lad.rung_of(lift.id) or 0
    if at == 0:
        return None
    found = rung_exercise(lad, at - 1, r.library, kit, level, pain - {area}, hops=True)
    return found[0].id if found is not None and fits(found[0]) else None


def keeps_rung(lift_id: str, broke: str, bound: list[tuple[PainArea, Ladder, int]], signal: Signal) -> ReviewDecision:
    """The decision for rung work with nothing easier within its ladder: it keeps its place at
    the same dose, the rung holds, and the runner is told how to keep the form."""
    names = " and ".join(AREA_NAME[a] for a, _, _ in bound)
    text = (
        f"{broke}; it is the return ladder's work for your {names}, with nothing easier on or below its rung that "
        "fits, so it stays, at the same dose, and the rung holds: go shorter or lighter within the sets to keep the "
        "form, and stop a set when the form goes."
    )
    return decision(lift_id, "hold", text, ["review-regress", "pain-graded-return"], [signal])
