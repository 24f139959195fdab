"""Which week's dose a review's hold repeats, when it is not the reviewed week's (review-hold).

A hold says "repeat this dose". After a deload the dose is the last loading week's (its targets
judge the deload: `WeekMetrics.targets_from`). After a week with nothing done it is the last
dose done: the week before the missed one that had a session logged, not the missed week's own
dose, which was never lifted, nor one under it (cr25a F5: Chloe's travel week, nothing logged,
came back "HOLD, repeat this dose" with her dumbbell RDL cut from 4 x 7 @ 18 kg to 3 x 4 @ 14 kg
and no rule saying why).
"""

from __future__ import annotations

import datetime as dt

from ..model import Plan
from .metrics import DiaryWindow


def held_from(plan: Plan | None, history: DiaryWindow, week_start: dt.date, done: int) -> dt.date | None:
    """Monday of the week whose dose a hold after the week of `week_start` repeats, when that week
    had no session `done`: the latest loading week before it (not a deload) with a session done in
    the diary the review reads. None: the week had a session done (its own dose, or after a deload
    the last loading week's), or no earlier week with one done is in reach."""
    if plan is None or done:
        return None
    logged = {s.planned_date or s.date for s in history.sessions}
    earlier = [w for w in plan.weeks if w.start_date < week_start and not w.deload and w.sessions]
    for w in reversed(earlier):
        if any(s.date in logged for s in w.sessions):
            return w.start_date
    return None


def dose_words(held: dt.date | None, targets: dt.date | None) -> str:
    """The dose a hold keeps, in words: this week's, the last done before a week with nothing
    done, or after a deload week the last loading week's."""
    if held is not None:
        return f"the dose of the week of {held:%d %b} (the last loading week you did)"
    if targets is not None:
        return f"the dose of the week of {targets:%d %b} (the last before the deload)"
    return "this week's dose"
