"""One week of the plan: its sessions composed, placed, dated and trimmed to the cap.

Everything a week depends on is in `WeekInputs`, one frozen value; `plan_week` reads
nothing else, so the week is remembered under that value and cannot go stale.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .compose import Planned, ReviewDosing, Runner, compose
from .context import PlanningContext
from .infeasible import InfeasibleWeekError, infeasible_message
from .model import Category, Reason, Session, Weekday, build, why
from .phases import WeekFrame
from .placement import Previous, Week, best_option, least_bad
from .schedule import DayInfo, explain_infeasible
from .selection import BlockSelection


@dataclass(frozen=True, slots=True)
class WeekInputs:
    runner: Runner
    frame: WeekFrame
    selection_key: tuple  # what chose the block's exercises: (selection context, recent primaries)
    days: tuple[DayInfo, ...]
    previous: Previous
    least_bad: bool
    review: ReviewDosing
    trim_levels: tuple[tuple[Category, int], ...]


@dataclass(frozen=True, slots=True)
class PlannedWeek:
    sessions: tuple[Session, ...]
    notes: tuple[Reason, ...]
    warnings: tuple[str, ...]
    landing: bool
    trim_levels: tuple[tuple[Category, int], ...]


def plan_week(ctx: PlanningContext, selection: BlockSelection, inputs: WeekInputs) -> PlannedWeek:
    """One week's sessions, placed and dated; remembered on the context under `inputs`
    (`selection` is the one `inputs.selection_key` names)."""
    hit = ctx.memo.weeks.get(inputs)
    if hit is None:
        hit = ctx.memo.weeks.put(inputs, _plan_week(ctx, selection, inputs))
    return hit


def _plan_week(ctx: PlanningContext, selection: BlockSelection, w: WeekInputs) -> PlannedWeek:
    warnings: list[str] = []
    planned, placement, notes = _place(ctx, selection, w, warnings)
    levels = dict(w.trim_levels)
    sessions = []
    for session, day_index, reasons in zip(planned, placement.days, placement.reasons, strict=True):
        day = w.days[day_index]
        if not session.spec.heavy and (day.before_key or day.speed):
            session = session.light  # fresh legs for the key run (light-before-key-runs)
        if not day.heavy_ok:
            session = session.race_close  # nothing heavy for the legs in the last days (taper)
        dated, level = dated_session(session, day.date, reasons, w.runner.cap_minutes, levels.get(session.focus, 0))
        levels[session.focus] = level
        sessions.append(dated)
    sessions.sort(key=lambda s: s.date)
    return PlannedWeek(
        sessions=tuple(sessions),
        notes=tuple(notes),
        warnings=tuple(warnings),
        landing=any(x.has_landing for x in planned),
        trim_levels=tuple(sorted(levels.items())),
    )


def _place(
    ctx: PlanningContext, selection: BlockSelection, w: WeekInputs, warnings: list[str]
) -> tuple[list[Planned], object, list[Reason]]:
    cache: dict[tuple[int, frozenset[Category], bool], list[Planned]] = {}

    def composed(n: int, heavy: frozenset[Category], plyo_ok: bool) -> list[Planned]:
        key = (n, heavy, plyo_ok)
        if key not in cache:
            cache[key] = compose(ctx, selection, w.selection_key, w.runner, w.frame, w.review, n, heavy, plyo_ok)
        return cache[key]

    week = Week(days=w.days, previous=w.previous, sessions=w.frame.sessions, allow_double=w.runner.allow_double)
    best = best_option(ctx, week, composed)
    if best is not None:
        if len(best.planned) < w.frame.sessions:
            warnings.append(f"only {len(best.planned)} of {w.frame.sessions} sessions fit around the runs.")
        return best.planned, best.placement, list(best.notes)
    p = ctx.params
    n = w.frame.sessions if w.frame.sessions <= p.foundation_sessions else p.foundation_sessions
    if w.least_bad:
        return least_bad(ctx, week, composed, n, warnings)
    roster = tuple(x.spec for x in composed(n, frozenset(), False))
    blocked = explain_infeasible(w.days, roster, w.runner.allow_double)
    raise InfeasibleWeekError(
        infeasible_message(w.frame, n, blocked, w.runner.allow_double, w.days, p.min_days_between)
    )


def dated_session(
    planned: Planned, date: dt.date, placement_reasons: tuple[Reason, ...], cap: int, trim_level: int
) -> tuple[Session, int]:
    """The session on its day, trimmed to the cap, with every reason it carries."""
    blocks, trim_reasons, trim_level, minutes = planned.content(cap, trim_level)
    session = build(
        Session,
        date=date,
        weekday=Weekday.of(date),
        kind="strength",
        focus=planned.focus,
        heavy=planned.spec.heavy,
        plyometric=any(b.exercise_id in planned.plyo_ids for b in blocks),
        estimated_minutes=minutes,
        trim_steps=trim_level,
        blocks=blocks,
        reasons=[
            *planned.reasons,
            *placement_reasons,
            why("session-time-cap", f"About {minutes} min, inside your {cap}-minute cap."),
            *trim_reasons,
        ],
    )
    return session, trim_level
