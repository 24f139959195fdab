"""A logged set far above its planned load or reps, named in the review as `log` and `today`
name it (cr21a S1: "130kg" logged for 130 lb). The set stays in the diary and the next loads
step from the plan, not from it (`load-autoregulation`); the review says why, once."""

from __future__ import annotations

import datetime as dt

from ..log_slips import far_from_plan
from .measure import plan_week
from .state import ReviewInput, Verdict
from .values import Signal, decision


def slips_step(r: ReviewInput, v: Verdict) -> Verdict:
    """A note for each lift logged this week far above the session it fulfils."""
    week = plan_week(r.plan, r.week_start)
    if week is None:
        return v
    planned = {s.date: s for s in week.sessions}
    done = r.history.between(r.week_start, r.next_start - dt.timedelta(days=1)).sessions
    notes, p = [], r.registry.params
    for log in done:
        day = planned.get(log.planned_date or log.date)
        for text in far_from_plan(log.sets, day, r.profile.units, p):
            signal = Signal(kind="sets", text=f"{log.date:%a %d %b}: {text.split('. ')[0]}")
            notes.append(decision("week", "note", text, ["load-autoregulation"], [signal]))
    return v if not notes else v.add(decisions=(*v.decisions, *notes))
