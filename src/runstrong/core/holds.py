"""How long a hold lasts this week (dose-holds, brief-core-holds, screen-plank), and the
words that say what it does.

A hold new to the plan starts at the level's start; one carried from its last loading week
steps on from the seconds that week asked for, `hold_step` a loading week, to the level's
ceiling (a deload, the taper and maintenance keep it). A screen's short plank starts the
core holds at a fraction of the start, with one more set, and they grow from there on the
same path: the seconds carried are the seconds asked for, so the fraction is taken once, when
the hold starts, never again on a hold already shortened (which kept a 62-year-old's plank
at 10 s for ten weeks under a reason that said holds grow).
"""

from __future__ import annotations

from typing import NamedTuple

from .model import Level, Reason
from .params import Params
from .progression import carried_seconds, ramp


class HoldDose(NamedTuple):
    sets: int
    seconds: int
    reasons: tuple[Reason, ...]


def short_plank_seconds(p: Params) -> float:
    """The screen's cut-off for a short plank: `deficit_z` standard deviations from the mean.

    >>> from runstrong.io.data_files import load_params
    >>> round(short_plank_seconds(load_params()))
    74
    """
    return p.plank_mean + p.plank_deficit_z * p.plank_sd


def short_plank_words(p: Params) -> str:
    """The cut-off in words, with the reference it comes from and what that reference is."""
    return (
        f"under {short_plank_seconds(p):.0f} s, one standard deviation below the adult reference of "
        f"{p.plank_mean:g} ± {p.plank_sd:g} s (ages 20-35 and 60-79 pooled: no norms by age are on file)"
    )


def hold_ceiling(screened: float, p: Params) -> int:
    """The longest core hold a screened hold allows: a share of it, never under the shortest hold.

    >>> from runstrong.io.data_files import load_params
    >>> hold_ceiling(45, load_params()), hold_ceiling(12, load_params())
    (22, 10)
    """
    return max(p.min_hold_seconds, int(screened * p.plank_hold_ceiling_pct / 100))


def hold_start(level: Level, short: bool, p: Params) -> int:
    """Where a new hold starts: the level's start, or a fraction of it after a short plank."""
    start = p.hold_start[level]
    return max(p.min_hold_seconds, round(start * p.short_hold_fraction)) if short else start


def hold_dose(
    carried: int | None,
    step: int,
    fresh_step: int,
    level: Level,
    accessory: bool,
    core: bool,
    short: bool,
    p: Params,
    screened: int | None = None,
    carried_sets: int | None = None,
) -> HoldDose:
    """Sets and seconds of a hold this week, with its reasons.

    `carried` is the seconds its last loading week asked for (None for a hold new to the
    plan or a rung just climbed to), `step` the loading steps on from it, `fresh_step` the
    block's steps for a new hold; `core` a core hold (brief-core-holds: a calf or balance
    hold is dosed by dose-holds alone), `short` after a short plank on the screen;
    `screened` the ceiling the runner's own screened hold sets (screen-plank), where one is on file:
    a 45 s plank made 4 x 40 s holds on 45 s rest before it, near-maximal sets the rule calls brief.
    `carried_sets` the sets its last loading week asked for: a hold the screen's ceiling stops
    grows by a set a loading week instead (`ceiling_sets`)."""
    short = short and core
    ceiling, start = p.hold_max[level], hold_start(level, short, p)
    own = core and screened is not None and screened < ceiling
    if own:
        ceiling = screened  # type: ignore[assignment]
        start = min(start, ceiling)
    if carried is not None:
        seconds = carried_seconds(carried, step, ceiling, p)
    else:
        seconds = ramp(start, fresh_step, p.hold_step, ceiling)
    base = (p.accessory_sets if accessory else p.hold_sets) + (p.short_hold_extra_sets if short else 0)
    at_ceiling = own and carried is not None and carried >= ceiling
    sets = ceiling_sets(base, carried_sets, step, p) if at_ceiling else base
    reasons = []
    if short:  # growth promised only where the screen's ceiling leaves room for it
        then = (
            "grow from there"
            if start < ceiling
            else "stay there, with a set more each loading week, until a new screen's longer plank raises the ceiling"
        )
        text = (
            f"Your plank on the screen was short, {short_plank_words(p)}: core holds start at {start} s instead "
            f"of {p.hold_start[level]} s, with one more set, and {then}."
        )
        reasons.append(p.why("screen-plank", text))
    if core:
        reasons.append(p.why("brief-core-holds", text="Short, high-quality holds rather than long ones."))
    whose = "your screen" if own else "your level"
    if seconds >= ceiling and own:  # the runner's own plank sets it: a longer one on a new screen raises it
        grow = (
            f"At the {ceiling} s ceiling for your screen: a set more each loading week instead, up to "
            f"{base + p.plank_ceiling_extra_sets} sets; repeat the plank screen, a longer plank lets the hold grow."
        )
    elif seconds >= ceiling:
        grow = f"At the {ceiling} s ceiling for {whose}: the hold grows no further."
    else:
        grow = f"Holds grow {p.hold_step} s a loading week, up to {ceiling} s for {whose}."
    reasons.append(p.why("dose-holds", text=grow))
    if own:
        seconds = min(seconds, ceiling)  # a hold carried from before the screen comes down to it
        text = f"No hold past {p.plank_hold_ceiling_pct}% of your screened hold: every set stays well short of failure."
        reasons.append(p.why("screen-plank", text=text))
    return HoldDose(sets, seconds, tuple(reasons))


def ceiling_sets(base: int, carried: int | None, step: int, p: Params) -> int:
    """The sets of a hold that stayed at the screen's ceiling: `max_set_step` more than its last
    loading week's for a loading step (none in a deload, the taper or maintenance), at most
    `ceiling_extra_sets` over its usual count, so a runner whose short plank stops the seconds
    still progresses, by volume, until a new screen lets the seconds grow (screen-plank).

    >>> from runstrong.io.data_files import load_params
    >>> p = load_params()
    >>> ceiling_sets(4, 4, 1, p), ceiling_sets(4, 5, 1, p), ceiling_sets(4, 6, 1, p), ceiling_sets(4, 5, 0, p)
    (5, 6, 6, 5)
    """
    if carried is None:
        return base
    grown = p.max_set_step if step else 0  # a loading step adds the weekly set step (linear-progression)
    return min(max(carried, base) + grown, base + p.plank_ceiling_extra_sets)
