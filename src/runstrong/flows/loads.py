"""Planned sessions shown (and done as planned) at the loads the log points to: each lift's
next load moves with how its last logged sets went (`core.log_loads`, `load-autoregulation`).

The CLI's `today` and `log`, the web app's day and session pages and the log flow read a
day's planned sessions through `follow_log`, so what is shown is what "done as planned"
stores. Replans take the same sets in through the profile (`store.logged_loads.with_logged_sets`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy.orm import Session

from runstrong.core.diary import PlannedSession, SetLog
from runstrong.core.log_loads import best_set, followed_session
from runstrong.store import logbook, repo


def follow_log(
    s: Session, athlete_id: int, sessions: list[PlannedSession], last: dict[str, list[SetLog]], day: dt.date
) -> list[PlannedSession]:
    """`sessions` with each planned load moved by the last logged sets of its lift (`last`,
    the sets of each lift's latest session before `day`)."""
    if not last or not any(b.prescription.load_kg for x in sessions for b in x.blocks):
        return sessions
    from runstrong.io.data_files import load_context

    ctx = load_context()
    p = ctx.params
    logged = {ex: found for ex, sets in last.items() if (found := best_set(sets, day, p)) is not None}
    profile = repo.latest_profile(s, athlete_id)
    if not logged or profile is None:
        return sessions
    return [followed_session(x, logged, profile.units, profile.load_increments, ctx.library, p) for x in sessions]


def followed_context(s: Session, context: logbook.DayContext, day: dt.date) -> logbook.DayContext:
    """The day's context with its planned session at the loads the log points to."""
    if context.planned is None:
        return context
    [planned] = follow_log(s, context.athlete.id, [context.planned], context.last, day)
    return context if planned is context.planned else dataclasses.replace(context, planned=planned)
