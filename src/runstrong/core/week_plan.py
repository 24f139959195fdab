"""One week of the plan: its sessions composed, placed, dated and trimmed to the cap.

Everything a week depends on is in `WeekInputs`, one frozen value; `plan_week` reads
nothing else, so the week is remembered under that value and cannot go stale.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from operator import attrgetter

from .carry import Carry, carry_of
from .compose import Planned, ReviewDosing, compose
from .context import PlanningContext
from .dosing import SETTLED, Stage
from .infeasible import InfeasibleWeekError, infeasible_message
from .model import Category, Phase, Reason, RunType, Session, Weekday, build
from .params import Params
from .phases import LOADING_PHASES, RACE_WEEK_REST_RULE, WeekFrame
from .placement import Previous, Week, best_option, in_place_of_hops, least_bad
from .runner import Runner, in_lifting_order
from .schedule import Ahead, DayInfo, Placement, explain_infeasible
from .selection import IN_PLACE_OF_HOPS, BlockSelection, Pick
from .timing import time_reason

_RULE_ID = attrgetter("rule_id")


@dataclass(frozen=True, slots=True)
class WeekInputs:
    runner: Runner
    frame: WeekFrame
    selection_key: tuple  # select_block's every input: (selection context, recent primaries, kept mains, done)
    days: tuple[DayInfo, ...]
    previous: Previous
    least_bad: bool
    review: ReviewDosing
    trim_levels: tuple[tuple[str, int], ...]  # (focus's value, trim steps): see plain_levels
    carry: Carry = ()  # each lift's dose in the last loading week (progression-carries-over)
    stage: Stage = SETTLED  # a novice ready for build dosing, a runner in their first weeks
    following: tuple[Ahead, ...] = ()  # the next weeks, which this week's last days can take days from
    meet: bool = False  # a dated race (not the goal race) falls in the week (tune-up-race)


@dataclass(frozen=True, slots=True)
class PlannedWeek:
    sessions: tuple[Session, ...]
    notes: tuple[Reason, ...]
    warnings: tuple[str, ...]
    landing: bool
    trim_levels: tuple[tuple[str, int], ...]
    carry: Carry  # what the next week steps from: this week's doses if it was a loading week
    focus_light: tuple[tuple[str, bool, int], ...] = ()  # (focus's value, kept light, weekday): `light_focuses`
    exercise_ids: frozenset[str] = frozenset()  # what the week's sessions do (a block's record of what it did)


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
    said = in_place_of_hops(w.days, ctx.params)
    planned = [x if said is None else stand_ins_said(x, said) for x in planned]
    levels = dict(w.trim_levels)
    sessions = []
    cap = w.runner.cap_minutes
    between = [_between_hard_runs(x, w.days[i]) for x, i in zip(planned, placement.days, strict=True)]
    hops_kept = any(x.plyo_ids and not b for x, b in zip(planned, between, strict=True))
    placed = zip(planned, placement.days, placement.reasons, between, strict=True)
    done = frozenset(exercise_id for (exercise_id, _), _ in w.carry)  # what the loading weeks did
    for session, day_index, reasons, sandwiched in placed:
        day, reasons = w.days[day_index], in_lifting_order(reasons, w.runner, ctx.params)
        if w.frame.phase == Phase.maintenance:  # keeps what was built: no new sore-making lift (maintenance-after-race)
            session = session.kept_to(done, _kept_built(ctx.params))
        elif w.frame.phase in (Phase.taper, Phase.race_week):  # nothing new before the race (taper)
            session = session.kept_to(done, _nothing_new(ctx.params), hops=True)
        if day.returning:  # the first days back after the race: nothing heavy for the legs (maintenance-after-race)
            session = session.returning
        if not session.spec.heavy and (day.before_key or (day.key and not w.runner.allow_double)):
            # fresh legs for the key run, the day before it or on its day (light-before-key-runs; a double
            # day's lift follows the run at full dose, no-heavy-near-speed); hops between two hard runs only
            # when no session of the week has room for them (explosive-work-with-room)
            session = (session.sandwiched if hops_kept else session.squeezed) if sandwiched else session.light
        elif day.key or day.before_key or day.key_in_clear_days:
            session = session.spared  # nothing that leaves the legs sore near a key run (soreness-counts-heavy)
        if not day.heavy_ok:
            session = session.race_close  # nothing heavy for the legs in the last days (taper)
        if RunType.long in day.runs:
            session = session.beside_long_run  # its dose, not topped up toward the cap (pair-with-easy-day)
        dated, level = dated_session(session, day.date, reasons, cap, levels.get(session.focus, 0))
        levels[session.focus] = level
        sessions.append(dated)
    sessions.sort(key=lambda s: s.date)
    loading = (w.frame.phase in LOADING_PHASES or w.frame.season) and not w.frame.deload
    return PlannedWeek(
        sessions=tuple(sessions),
        notes=tuple(notes),
        warnings=tuple(warnings),
        landing=any(x.has_landing for x in planned),
        trim_levels=plain_levels(levels),
        carry=carry_of(sessions, loading, w.carry, ctx, w.frame.season),
        focus_light=light_focuses(sessions),
        exercise_ids=frozenset(b.exercise_id for s in sessions for b in s.blocks),
    )


def stand_ins_said(session: Planned, said: Reason) -> Planned:
    """The session with its hop-free stand-ins saying why this week swapped the hops out
    (`said`), not the race: a stand-in the taper did not ease is loading work, so the next
    week steps from its dose (progression-carries-over, dose-plyometric) and it may be topped
    up toward the cap like any lift of a loading week."""
    chosen = tuple(_said(pk, said) for pk in session.chosen)
    if all(a is b for a, b in zip(chosen, session.chosen, strict=True)):
        return session
    return replace(session, chosen=chosen)  # the same exercises: placement flags (specs) still hold


def _said(pk: Pick, said: Reason) -> Pick:
    if not any(r.rule_id == "taper" and r.text == IN_PLACE_OF_HOPS for r in pk.reasons):
        return pk
    reasons = tuple(said if r.rule_id == "taper" and r.text == IN_PLACE_OF_HOPS else r for r in pk.reasons)
    return Pick(exercise=pk.exercise, reasons=reasons)


def _nothing_new(p: Params) -> Reason:
    return p.why("taper", "Nothing new before the race: no loading week did it, so its stand-in takes its place.")


def _kept_built(p: Params) -> Reason:
    return p.why("maintenance-after-race", "Maintenance keeps what you built: no eccentric-only work new to the plan.")


def light_focuses(sessions: Sequence[Session]) -> tuple[tuple[str, bool, int], ...]:
    """Each session's focus (its value), whether it was kept light for a key run, and its weekday."""
    return tuple(
        (
            s.focus.value,
            any(r.rule_id == "light-before-key-runs" for b in s.blocks for r in b.reasons),
            s.date.weekday(),
        )
        for s in sessions
    )


def plain_levels(levels: dict) -> tuple[tuple[str, int], ...]:
    """Trim levels by the focus's value (a Category still looks them up): tuples of plain
    strings and ints, which the garbage collector stops tracking (weeks are kept by them)."""
    return tuple(sorted((str(focus), n) for focus, n in levels.items()))


def _between_hard_runs(session: Planned, day: DayInfo) -> bool:
    """A light session the day after a key run and the day before another."""
    return not session.spec.heavy and day.before_key and day.after_key


def _place(
    ctx: PlanningContext, selection: BlockSelection, w: WeekInputs, warnings: list[str]
) -> tuple[list[Planned], object, list[Reason]]:
    cache: dict[tuple[int, frozenset[Category], bool], list[Planned]] = {}

    def composed(n: int, heavy: frozenset[Category], plyo_ok: bool) -> list[Planned]:
        key = (n, heavy, plyo_ok)
        if key not in cache:
            cache[key] = compose(
                ctx, selection, w.selection_key, w.runner, w.frame, w.review, n, heavy, plyo_ok, w.carry, w.stage
            )
        return cache[key]

    week = Week(
        days=w.days,
        previous=w.previous,
        sessions=w.frame.sessions,
        allow_double=w.runner.allow_double,
        following=w.following,
    )
    best = best_option(ctx, week, composed)
    if best is not None:
        if best.warning:
            warnings.append(best.warning)
        elif len(best.planned) < w.frame.sessions:
            fit = f"only {len(best.planned)} of {w.frame.sessions} sessions"
            warnings.append(f"{fit} fit a day apart on the training days.")
        return best.planned, best.placement, list(best.notes)
    p = ctx.params
    n = w.frame.sessions if w.frame.sessions <= p.foundation_sessions else p.foundation_sessions
    roster = tuple(x.spec for x in composed(n, frozenset(), False))
    if w.frame.phase == Phase.race_week:  # its one light session is not worth refusing a plan for: rest and race
        return [], Placement(days=(), score=0.0, reasons=()), [_race_week_rest(w, roster, p)]
    blocked = explain_infeasible(w.days, roster, w.runner.allow_double, w.previous, p)
    if w.least_bad:
        return least_bad(ctx, week, composed, n, warnings)
    if w.meet:  # a dated race's week (a meet, a tune-up): fewer sessions, said, with no flag asked
        planned, placement, notes = least_bad(ctx, week, composed, n, warnings)
        return planned, placement, [*notes, p.why("tune-up-race", MEET_WEEK_TEXT)]
    raise InfeasibleWeekError(
        infeasible_message(w.frame, n, blocked, w.runner.allow_double, w.days, p.min_days_between)
    )


MEET_WEEK_TEXT = "A race this week: its days before and after it hold no strength, so the week has fewer sessions."


def _race_week_rest(w: WeekInputs, roster: tuple, p: Params) -> Reason:
    """Why a race week has no session after all: its days far enough out from the race are
    closed by the hard rules (last week's last session, most often)."""
    open_days = tuple(d for d in w.days if d.available and d.strength_ok)
    closed = "; ".join(line for line, _ in explain_infeasible(open_days, roster, w.runner.allow_double, w.previous, p))
    said = f" {closed}." if closed else ""
    return p.why(RACE_WEEK_REST_RULE, f"Race week: no day fits the light session.{said} Rest and race.")


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
            time_reason(minutes, cap, blocks, planned.ctx.params),
            *trim_reasons,
        ],
    )
    return session, trim_level
