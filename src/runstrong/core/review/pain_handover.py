"""The end of a pain ladder (pain-ladder-handover): an area that held its top rung calm for
the rule's weeks is through its ladder, and the review hands its slot back to the area's usual
work (cr22b W1: an Achilles runner had no calf loading in weeks 6-12 of a marathon build, and a
hamstring runner's hinge never came back after many 0/10 weeks, the plyometric rung standing in
for them for good).

A week counts as calm on the top rung when the area was on it, the rung's own work was logged,
no pain during exercise passed the acceptable zone and no next morning passed the settled
mark. The weeks run back from the reviewed one, which the pain-monitoring rule has just judged
a progress week.
"""

from __future__ import annotations

import datetime as dt

from ..model import PainArea
from ..pain_days import pain_day
from ..pain_return import Ladder, rungs_for_week
from . import signals as sig
from .rung_words import rung_work
from .state import ReviewInput, category_name

RULE = "pain-ladder-handover"
WEEK = dt.timedelta(days=7)
_LOOK_BACK = 26  # weeks: more than any ladder's stay on its top rung
ENDS = "calm weeks on the top rung of its return ladder: through it"  # the handover decision's words


def calm_weeks(r: ReviewInput) -> int:
    """The calm weeks on the top rung that end a ladder (the rule's)."""
    return int(r.registry.param(RULE, "calm_weeks"))


def calm_top_weeks(r: ReviewInput, area: PainArea, lad: Ladder, acceptable: int, settled: int) -> int:
    """How many weeks in a row, the reviewed one last, `area` held its ladder's top rung calm."""
    top_work = rung_work(r, lad, lad.top)  # its own work, or the stand-in the plan gives it
    n = 0
    for back in range(_LOOK_BACK):
        start = r.week_start - back * WEEK
        if dict(rungs_for_week(r.profile, start, r.ladders)).get(area) != lad.top:
            break
        end = start + WEEK
        pains = [p for p in r.history.pains if p.area == area and start <= pain_day(p) < end]
        during = max((p.score for p in pains if p.when != "next_morning"), default=0)
        morning = max((p.score for p in pains if p.when == "next_morning"), default=0)
        logged = any(x.exercise_id in top_work for s in r.history.sessions if start <= s.date < end for x in s.sets)
        if during > acceptable or morning > settled or not logged:
            break
        n += 1
    return n


def handover_text(r: ReviewInput, area: PainArea, lad: Ladder, weeks: int, when: str) -> str:
    """The decision's words when the ladder ends: what comes back, how, and what would restart it."""
    name = sig.area_name(area).capitalize()
    work = category_name(lad.category)
    return (
        f"{name}: {weeks} {ENDS}. The ladder ends {when}, and "
        f"the usual {work} work that loads it comes back in its place, started lighter and stepping up "
        f"({RULE}); pain past the acceptable zone again puts it back on its ladder."
    )


def not_yet_text(area: PainArea, weeks: int, needed: int) -> str:
    """The decision's words on the top rung before the handover: how many calm weeks are still to come."""
    left = needed - weeks
    return (
        f"{sig.area_name(area).capitalize()}: calm on the top rung of its return ladder ({weeks} of {needed} calm "
        f"weeks): it stays there; {left} more calm week{'s' if left != 1 else ''} and its usual work comes back "
        f"({RULE})."
    )


def at_top(r: ReviewInput, area: PainArea, lad: Ladder, acceptable: int, settled: int, when: str) -> tuple[int, str]:
    """A progress week on the top rung: the rung next week (past the top: through the ladder)
    and the decision's words."""
    weeks, needed = calm_top_weeks(r, area, lad, acceptable, settled), calm_weeks(r)
    if weeks >= needed:
        return lad.top + 1, handover_text(r, area, lad, weeks, when)
    return lad.top, not_yet_text(area, weeks, needed)
