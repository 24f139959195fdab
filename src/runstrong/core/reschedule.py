"""Missed sessions: moved to a later day of the same week when every placement rule still
holds, otherwise dropped. Never doubled up, never carried into the next week (S30, S16).

Pure: the plan, the days already logged and today come in as values.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .base import Frozen
from .context import PlanningContext
from .model import KEY_RUN_TYPES, SPEED_RUN_TYPES, AthleteProfile, Category, Plan, Session, Weekday, why
from .validate import check_plan
from .vocab import CATEGORY_NAME

DAY = dt.timedelta(days=1)


class Move(Frozen):
    missed: dt.date
    moved_to: dt.date | None = Field(description="The new day; None when no day this week keeps the rules.")
    focus: Category
    text: str


def shift_missed(
    plan: Plan,
    profile: AthleteProfile,
    logged: set[dt.date],
    today: dt.date,
    ctx: PlanningContext,
) -> tuple[Plan, list[Move]]:
    """The plan with this week's missed sessions (planned before `today`, nothing logged on
    their day) moved to the first later day of the week where the plan still passes every
    safety check, or removed when there is none."""
    week = next((w for w in plan.weeks if w.start_date <= today <= w.start_date + 6 * DAY), None)
    if week is None:
        return plan, []
    missed = [s for s in week.sessions if s.date < today and s.date not in logged]
    moves: list[Move] = []
    current = plan
    for session in missed:
        known = {str(v) for v in check_plan(current, ctx)}  # a least-bad plan may carry some
        chosen = None
        for offset in range((week.start_date + 6 * DAY - today).days + 1):
            day = today + offset * DAY
            if not _day_fits(session, day, week.runs, profile):
                continue
            candidate = _with_session_moved(current, week.index, session, day)
            if {str(v) for v in check_plan(candidate, ctx)} <= known:
                chosen, current = day, candidate
                break
        name = CATEGORY_NAME[session.focus]
        if chosen is not None:
            text = f"The {name} session missed on {session.date:%a} moves to {chosen:%a %d %b}: the spacing rules hold."
        else:
            current = _with_session_moved(current, week.index, session, None)
            text = (
                f"The {name} session missed on {session.date:%a} is dropped: no later day this week keeps the "
                "rules, and sessions are not doubled up."
            )
        moves.append(Move(missed=session.date, moved_to=chosen, focus=session.focus, text=text))
    return current, moves


def _day_fits(session: Session, day: dt.date, runs: list, profile: AthleteProfile) -> bool:
    if Weekday.of(day) not in profile.available_days:
        return False
    if session.focus == Category.core:
        return True
    today_runs = {r.type for r in runs if r.date == day}
    tomorrow_runs = {r.type for r in runs if r.date == day + DAY}
    # leg work stays off speed days and the day before a key run (the planner would lighten it there)
    return not (today_runs & SPEED_RUN_TYPES) and not (tomorrow_runs & KEY_RUN_TYPES)


def _with_session_moved(plan: Plan, week_index: int, session: Session, day: dt.date | None) -> Plan:
    weeks = []
    for w in plan.weeks:
        if w.index != week_index:
            weeks.append(w)
            continue
        sessions = [s for s in w.sessions if s.date != session.date]
        if day is not None:
            note = why("review-missed-sessions", f"Moved from {session.date:%a %d %b}, when it was missed.")
            update = {"date": day, "weekday": Weekday.of(day), "reasons": [*session.reasons, note]}
            sessions.append(session.model_copy(update=update))
        sessions.sort(key=lambda s: s.date)
        weeks.append(w.model_copy(update={"sessions": sessions}))
    return plan.model_copy(update={"weeks": weeks})
