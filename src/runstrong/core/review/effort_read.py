"""A category's logged effort read against what its doses ask, whatever the kind of set.

Loaded lifts carry an effort target (RIR or RPE) and the review reads their mean against it.
Bodyweight, timed-hold and plyometric sets carry none (they are dosed by control, well short
of failure), so a week of skater squats and pogos logged at RIR 0 used to read "progress as
planned" beside a held hinge (cr24a F4, Priya). Any set logged at review-hold's near-failure
mark (RIR `near_failure_rir` or less, RPE 10 less that or more) is past every dose the plan
sets, so a category whose effort-rated sets were mostly there is above its target too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..diary import SessionLog, SetLog
from ..library import Library
from ..model import Category
from ..vocab import CATEGORY_NAME
from .metrics import CategoryWeek
from .params import ReviewParams
from .values import Signal

RPE_AT_FAILURE = 10.0


def set_rir(s: SetLog) -> float | None:
    """The reps a set left in reserve, an RPE read as 10 less it; None when no effort was logged."""
    if s.rir is not None:
        return float(s.rir)
    return RPE_AT_FAILURE - s.rpe if s.rpe is not None else None


def effort_by_category(
    sessions: Iterable[SessionLog], library: Library, near_failure_rir: float
) -> dict[Category, dict[str, int]]:
    """Per category, the sets logged with an effort and those at the near-failure mark or
    harder. A set logged side by side (left, then right) is one set, as the plan counts it,
    read at its harder side."""
    sides: dict[tuple[int, str, int, bool], list[float]] = defaultdict(list)
    for n, s in enumerate(sessions):
        for x in s.sets:
            if x.exercise_id in library and (rir := set_rir(x)) is not None:
                sides[(n, x.exercise_id, x.set_number, x.side is None)].append(rir)
    out: dict[Category, dict[str, int]] = defaultdict(lambda: {"effort_sets": 0, "near_failure_sets": 0})
    for (_, exercise_id, *_), rirs in sides.items():
        counts = out[library.get(exercise_id).category]
        counts["effort_sets"] += 1
        counts["near_failure_sets"] += min(rirs) <= near_failure_rir
    return dict(out)


def over_target(c: CategoryWeek, rp: ReviewParams) -> bool:
    """The category's readable effort averages more than review-hold's margin over its target."""
    return c.mean_rpe is not None and c.target_rpe is not None and c.mean_rpe > c.target_rpe + rp.rpe_over_target


def mostly_near_failure(c: CategoryWeek, rp: ReviewParams) -> bool:
    """At least review-hold's share of the category's effort-rated sets at the near-failure mark."""
    return c.effort_sets > 0 and 100 * c.near_failure_sets >= rp.near_failure_share_pct * c.effort_sets


def effort_over(c: CategoryWeek, rp: ReviewParams) -> bool:
    """Effort above the target (review-hold): over the loaded target, or mostly near failure."""
    return over_target(c, rp) or mostly_near_failure(c, rp)


def near_failure_text(c: CategoryWeek, rp: ReviewParams) -> str:
    """`9 of 9 sets at RIR 1 or less`: the words a hold for near-failure sets gives."""
    return f"{c.near_failure_sets} of {c.effort_sets} sets at RIR {rp.near_failure_rir:g} or less"


def effort_signal(c: CategoryWeek, rp: ReviewParams) -> Signal:
    """Why the category's effort is above its target, as one signal."""
    name = CATEGORY_NAME[c.category]
    if over_target(c, rp):
        return Signal(kind="effort", text=f"{name} effort RPE {c.mean_rpe:g} vs target {c.target_rpe:g}")
    mark = f"RPE {RPE_AT_FAILURE - rp.near_failure_rir:g}+"
    share = f"{rp.near_failure_share_pct:g}% of them holds"
    return Signal(kind="effort", text=f"{name}: {near_failure_text(c, rp)} ({mark}; {share}, whatever the kind of set)")


def listed(names: list[str]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
