"""The sessions' own effort as a sign (session-effort-trend): the diary records how hard each
strength session felt (Foster's session RPE, CR-10); a week whose sessions felt clearly harder
than the weeks before, for no more work, is overreaching the sets alone cannot show (cr19b #3:
Rosa's session RPE 5 -> 7 -> 8 on fewer, lighter sets went unread)."""

from __future__ import annotations

import datetime as dt
import statistics
from typing import TYPE_CHECKING

from ..diary import SessionLog
from .metrics import DiaryWindow, SessionEffort
from .params import ReviewParams
from .values import Flag, Signal

if TYPE_CHECKING:  # state reads measure, which reads this module
    from .state import ReviewInput

DAY = dt.timedelta(days=1)
RULE = "session-effort-trend"


def session_effort(history: DiaryWindow, week_start: dt.date, rp: ReviewParams) -> SessionEffort | None:
    """This week's mean session RPE and sets a session against the sessions of the days
    before it, when both have sessions rated."""
    before = history.between(week_start - rp.srpe_baseline_days * DAY, week_start - DAY).sessions
    week = history.between(week_start, week_start + 6 * DAY).sessions
    now, then = [s for s in week if s.session_rpe], [s for s in before if s.session_rpe]
    if not now or not then:
        return None
    return SessionEffort(
        rpe=round(statistics.mean(s.session_rpe or 0 for s in now), 1),
        rpe_before=round(statistics.mean(s.session_rpe or 0 for s in then), 1),
        sets=_sets(now),
        sets_before=_sets(then),
    )


def _sets(sessions: list[SessionLog]) -> float:
    """Sets done a session (a set logged side by side counted once, as the plan counts it)."""
    return round(statistics.mean(len({(x.exercise_id, x.set_number) for x in s.sets}) for s in sessions), 1)


SESSION_RPE = "session RPE"  # how the trend's sign begins: the decision's words tell it from effort over a target


def effort_rising(r: ReviewInput) -> tuple[Flag, Signal] | None:
    """The flag and the sign when the sessions felt clearly harder for no more sets."""
    e, rp = r.metrics.session_effort, r.params
    if e is None or e.rpe - e.rpe_before < rp.srpe_rise_points or e.sets > e.sets_before:
        return None
    work = "less work" if e.sets < e.sets_before else "the same work"  # "less" only when it is less (cr24a F16)
    was = f"(was {e.sets_before:g})" if e.sets != e.sets_before else "as before"
    said = (
        f"{SESSION_RPE} {e.rpe:g} against {e.rpe_before:g} in the previous {rp.srpe_baseline_days} days, "
        f"for {e.sets:g} sets a session {was}"
    )
    flag = Flag(kind="session-effort", text=f"Sessions felt harder for {work}: {said}.", rule_id=RULE)
    return flag, Signal(kind="effort", text=said)
