"""Planned sessions shown (and done as planned) at the loads the log points to: each lift's
next load moves with how its last logged sets went (`core.log_loads`, `load-autoregulation`).

The CLI's `today` and `log`, the web app's dashboard and session page and the log flow read
a day's planned sessions through `follow_diary`, so what is shown is what "done as planned"
stores. Replans take the same sets in through the profile (`store.logged_loads`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy.orm import Session

from runstrong.core.diary import PlannedSession
from runstrong.core.log_loads import followed_session, kit_ceilings, not_yet_planned
from runstrong.core.log_read import LivedDays, lived_days, lookback
from runstrong.core.model import AthleteProfile, EquipmentSet, RecentSet
from runstrong.core.owned_kit import kit_heaviest, kit_increments
from runstrong.store import logbook, repo
from runstrong.store.logged_loads import logged_sets


def follow_diary(s: Session, athlete_id: int, sessions: list[PlannedSession], day: dt.date) -> list[PlannedSession]:
    """`sessions` with each planned load moved by the best set of its lift's latest session
    logged with a load before `day` (two queries, for the loaded lifts only)."""
    if not _loaded(sessions):
        return sessions
    lifts = {b.exercise_id for x in sessions for b in x.blocks if b.prescription.load_kg is not None}  # the rest stay
    return _followed(s, athlete_id, sessions, logged_sets(s, athlete_id, day, _context().params, lifts))


def _loaded(sessions: list[PlannedSession]) -> bool:
    return any(b.prescription.load_kg for x in sessions for b in x.blocks)


def _context():  # type: ignore[no-untyped-def]
    from runstrong.io.data_files import load_context

    return load_context()


def _followed(
    s: Session, athlete_id: int, sessions: list[PlannedSession], logged: dict[str, RecentSet]
) -> list[PlannedSession]:
    profile = repo.latest_profile(s, athlete_id)
    if not logged or profile is None:
        return sessions
    return follow_logged(sessions, logged, profile, lived_on(s, athlete_id, logged))


def lived_on(s: Session, athlete_id: int, logged: dict[str, RecentSet]) -> LivedDays:
    """The current plan's blocks on the days `logged` was lifted and the weeks before them
    (`log_read.lookback`; one read for them all): a light day's set done as planned moves no load
    (`light-before-key-runs`), and a set is read against its day's dose as the replan reads it."""
    days = {d for r in logged.values() if r.date is not None for d in lookback(r.date)}
    if not days:
        return {}
    return lived_days(repo.planned_between(s, athlete_id, min(days), max(days))[1], days)


def follow_logged(
    sessions: list[PlannedSession],
    logged: dict[str, RecentSet],
    profile: AthleteProfile,
    light: LivedDays | None = None,
) -> list[PlannedSession]:
    """`sessions` at the loads `logged` points to, for a caller that read the sets, the
    profile and the lived days (`lived_on`) itself (the web's pages read them
    with the rest of the page)."""
    taken = {**profile.recent_sets, **profile.logged_sets}
    logged = not_yet_planned(logged, taken)  # a plan made from a set already follows it
    if not logged:
        return sessions
    ctx = _context()
    units, steps = profile.units, kit_increments(profile)
    kits = kit_ceilings(units, kit_heaviest(profile), EquipmentSet.gym in profile.equipment, ctx.params)
    bars = profile.bar_weights
    owned = profile.owned_weights
    return [
        followed_session(x, logged, units, steps, ctx.library, ctx.params, light, kits, bars, owned) for x in sessions
    ]


def followed_context(s: Session, context: logbook.DayContext, day: dt.date) -> logbook.DayContext:
    """The day's context with its planned session at the loads the log points to."""
    if context.planned is None:
        return context
    [planned] = follow_diary(s, context.athlete.id, [context.planned], day)
    return context if planned is context.planned else dataclasses.replace(context, planned=planned)
