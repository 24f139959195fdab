"""How strong the runner is against the body-mass table (starting-load-estimate).

The table is cautious for everyone alike; a runner who gave a load for some lifts (a known
load or a recent set in the profile) has shown where they stand. Each given lift's e1RM over
the table's for it is a ratio; their median, within the registry's bounds, scales the
estimates of the lifts they gave nothing for. A 54 kg advanced woman who Romanian-deadlifts
75 kg is not started on a 35 kg hip thrust. The diary's sets do not count: a set of an
estimated lift done as planned only repeats the estimate."""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from typing import Any

from . import loads as ld
from .model import AthleteProfile, Exercise


def table_e1rm(e: Exercise, profile: AthleteProfile, p: Any) -> float | None:
    """The table's e1RM for the lift, before its cautious cut (what a shown load is weighed
    against), or None when the lift takes no load or the table has no ratio for its movement."""
    kit = ld.implement(e.equipment)
    if kit is None:
        return None
    level = profile.strength_experience
    est = ld.estimated_e1rm(profile.body_mass_kg, profile.sex, level, e.pattern, kit, p, e.both_hands)  # type: ignore[arg-type]
    if est is None:
        return None
    return est * relative_share(e, p) * 100 / p.start_cautious_pct


def implement_share(e: Exercise, p: Any) -> float:
    """The share of the movement's total load one implement of `e` carries (a dumbbell or
    kettlebell carries the handheld share, twice that held in both hands; a bar, all of it)."""
    return ld.handheld_share(ld.implement(e.equipment), e.both_hands, p)


def relative_share(e: Exercise, p: Any) -> float:
    """The lift's e1RM as a share of its movement's usual lift (cross-lift-start)."""
    return p.cross_lift_relative_pct.get(e.id, p.cross_lift_reference_pct) / p.cross_lift_reference_pct


def strength_scale(shown: Iterable[tuple[Exercise, float]], profile: AthleteProfile, p: Any) -> float:
    """The median of each shown lift's e1RM over the table's, within the registry's bounds;
    1 when no lift was shown."""
    ratios = []
    for e, e1rm in shown:
        table = table_e1rm(e, profile, p)
        if table:
            ratios.append(e1rm / table)
    return clamp_scale(ratios, p)


def clamp_scale(ratios: list[float], p: Any) -> float:
    """The median ratio within the registry's bounds, 1 with none.

    >>> from types import SimpleNamespace as NS
    >>> p = NS(start_calibrate_min_pct=50, start_calibrate_max_pct=150)
    >>> clamp_scale([1.2, 2.0, 1.4], p), clamp_scale([3.0], p), clamp_scale([0.2], p), clamp_scale([], p)
    (1.4, 1.5, 0.5, 1.0)
    """
    if not ratios:
        return 1.0
    low, high = p.start_calibrate_min_pct / 100, p.start_calibrate_max_pct / 100
    return min(max(statistics.median(ratios), low), high)


def scales_up(e: Exercise) -> bool:
    """Whether a lift's start may be scaled up from the runner's lift of its family: not a
    ballistic one (`intent` power: a swing's load is not read from an e1RM; cr22b S2)."""
    return e.intent != "power"


def family_ratio(src: Exercise, e: Exercise, p: Any) -> float | None:
    """What `e`'s e1RM is over `src`'s, one implement against the other, when `src` is of
    its movement family (cross-lift-start): a lift of the same movement by the registry's
    ratio between the two (an unlisted lift at the movement's reference), a split squat, lunge or
    step-up from a squat by its `from_squat_pct`; None for another movement."""
    ratios, ref = p.cross_lift_relative_pct, p.cross_lift_reference_pct
    if src.pattern == e.pattern:
        ratio = ratios.get(e.id, ref) / ratios.get(src.id, ref)
    elif src.pattern == "squat" and e.pattern in p.cross_lift_from_squat_pct:
        ratio = p.cross_lift_from_squat_pct[e.pattern] / 100 * ref / ratios.get(src.id, ref)
    else:
        return None
    return ratio * implement_share(e, p) / implement_share(src, p)
