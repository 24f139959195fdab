"""A deload's and a taper's load on a day, never above the same day's in the last loading week:
both ease a lift from where its days stood, day by day, and neither raises one (planned-deloads,
taper). Read by `plan_loads` after a block's own target is set."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import loads as ld
from .model import Exercise

if TYPE_CHECKING:
    from .load_walk import LiftState, LoadWalk


def no_taper_rise(walk: LoadWalk, lift: LiftState, e: Exercise, kg: float, light: bool) -> float:
    """A taper day's load, never above the same day's in the last loading week (taper: volume
    cut, intensity kept, not raised; cr22b W3: a light Monday's hip thrust, 2 x 14 @ 26 kg the day
    before a tempo, came to 1 x 14 @ 28 kg in the taper, above the lift's taper Friday at 26 kg)."""
    if light:
        was = lift.light[1] if lift.light is not None else None
    else:
        day = walk.day_last.get((e.id, walk.focus))
        was = day.load_kg if day is not None else None
    return kg if was is None else min(kg, ld.round_down(was, *walk.kit(e)))


def no_deload_rise(walk: LoadWalk, lift: LiftState, e: Exercise, kg: float, light: bool) -> float:
    """A deload's load, never above the same day's in the last loading week (cr21a W2: a light
    day's trap bar went 155 -> 160 lb; a kit-held day 4 -> 6 kg, at its other day's load). The
    deload's floor is the week before as it stood (a lived week's own loads), for this day: a day
    lighter than the lift's heaviest (a dead bug's 2 kg core day beside its 4 kg posterior-chain
    day) keeps its share of it, and is not lifted to the heavier day's load."""
    if light:
        was = lift.light[1] if lift.light is not None else None
    else:
        day = walk.day_last.get((e.id, walk.focus))
        was = day.load_kg if day is not None else None
    if was is None or lift.last is None:
        return kg
    capped = ld.round_down(was, *walk.kit(e))
    heaviest = max((d.load_kg or 0.0 for (x, _), d in walk.day_last.items() if x == e.id), default=0.0)
    share = min(1.0, was / heaviest) if heaviest > 0 else 1.0  # this day's share of the week's heaviest
    floor = min(lift.last, lift.week_kg or lift.last) * share * walk.p.deload_min_load_pct / 100
    return kg if capped < floor - 1e-9 else min(kg, capped)  # never under the deload's floor (planned-deloads)
