"""Two changes to one week's plan as one (a review's and the runner's, or two reviews'):
the stricter of each, so a later review never relaxes what an earlier one decided."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from .calm_merge import merged_calm

if TYPE_CHECKING:
    from .model import Adjustment


def merge_adjustments(first: Adjustment, then: Adjustment) -> Adjustment:
    """Two changes to one week as one: the stricter of each (a deload, every hold, the larger
    cut, the fewer sessions, the lower rung of each painful area, a week that did not count),
    the kit written last, all reasons. A later review never relaxes an earlier one's decision
    for a week it only notes (cr22a S1): it can only add to it."""
    caps = [m for m in (first.max_sessions, then.max_sessions) if m is not None]
    reduce = {c: max(first.reduce.get(c, 0), then.reduce.get(c, 0)) for c in {**first.reduce, **then.reduce}}
    return first.model_copy(
        update={
            "deload": first.deload or then.deload,
            "hold": list(dict.fromkeys([*first.hold, *then.hold])),
            "reduce": reduce,
            "max_sessions": min(caps) if caps else None,
            "equipment": then.equipment if then.equipment is not None else first.equipment,
            "consistent": first.consistent and then.consistent,
            "mobility": first.mobility or then.mobility,
            "reasons": [*first.reasons, *then.reasons],
            "review_of": then.review_of or first.review_of,
            "pain_added": list(dict.fromkeys([*first.pain_added, *then.pain_added])),
            "pain_rungs": {a: min(first.pain_rungs.get(a, r), r) for a, r in then.pain_rungs.items()}
            | {a: r for a, r in first.pain_rungs.items() if a not in then.pain_rungs},
            "pain_calm": merged_calm(first.pain_rungs, first.pain_calm, then.pain_rungs, then.pain_calm),
            "pain_sides": {**first.pain_sides, **then.pain_sides},
        }
    )


def merged_by_week(adjustments: list[Adjustment]) -> list[Adjustment]:
    """`adjustments` as one a week, sorted by week: those of one week merged in the order of
    the reviews that wrote them (the runner's own first), by `merge_adjustments`."""
    if len({a.week_start for a in adjustments}) == len(adjustments):
        return sorted(adjustments, key=lambda a: a.week_start)
    by_week: dict[dt.date, Adjustment] = {}
    for a in sorted(adjustments, key=lambda a: (a.week_start, a.review_of or dt.date.min)):
        by_week[a.week_start] = merge_adjustments(by_week[a.week_start], a) if a.week_start in by_week else a
    return list(by_week.values())
