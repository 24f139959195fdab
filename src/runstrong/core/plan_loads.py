"""Loads on a plan's loadable blocks: one walk through the weeks in date order.

Doses (sets, reps, effort) are worked out per week and shared between runners alike in
that week; a load in kilograms is the runner's own and depends on the weeks before it (a
week never rises more than one step above the last, a deload eases the last), so it is
set here, after the weeks are planned and before they are checked. Effort stays the
target: the load is where to start for those reps at that many reps in reserve.

Where a lift starts (the diary's last logged set of it, the loads of weeks already lived, a
known load, a converted lift, an estimate from body mass) is `load_starts`'.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import Any

from . import loads as ld
from .context import PlanningContext
from .cut_weeks import cut_from_delivered
from .dated_races import leg_work_capped
from .eased_day_loads import no_deload_rise, no_taper_rise
from .heavy_day import as_dosed_heavy
from .kit_progress import note_kits, undosed
from .kit_session import progressed, refit, retimed, room, taper_reps, with_kit_dose
from .library import Library
from .light_progress import light_progressed
from .load_effort import as_asked, as_dosed, honest_effort, lightened
from .load_limits import (
    LOADED_ROLES,
    copy_of,
    held_light_week,
    kit_top,
    light_day_load,
    light_step_words,
    light_under_full_days,
    no_harder_than_heavy,
    reps_fell,
    reviewed,
    unloaded_ceiling,
    within_capacity,
)
from .load_starts import start_of, starts
from .load_step_hold import held_to_step
from .load_walk import LiftState, LoadWalk, loadable
from .load_words import HARD_ONCE, load_reasons
from .log_loads import holding_rule
from .model import AthleteProfile, Block, Exercise, Phase, Prescription, Session, Week
from .pair_words import pair_worded
from .phases import LOADING_PHASES
from .plan_model import MAX_LOAD_KG
from .ramp import worked_up
from .rep_scheme import LEG_CATEGORIES
from .slow_heavy import slow_form
from .tune_up_walk import note_days, noted, taught
from .week_days import returning_after_race
from .week_notes import note_heaviest, note_light


def assign_loads(
    weeks: Sequence[Week], profile: AthleteProfile, ctx: PlanningContext, lived: frozenset, profile_key: str
) -> list[Week]:
    """The weeks with a load on every loadable block whose start is known; weeks whose
    start date is in `lived` are kept as they were and only teach the walk their loads.

    Remembered on the context: the planner shares session objects between plans, so the
    same sessions (by identity, kept alive by the entry) in the same weeks for the same
    runner give the same loads. `profile_key` is the profile's JSON (the whole profile: a key
    that named the fields loads read would go stale the day a field is added)."""
    sessions = tuple(s for w in weeks for s in w.sessions)
    key = (
        tuple(map(id, sessions)),
        tuple((w.start_date, w.deload, w.phase) for w in weeks),
        profile_key,
        lived,
    )
    hit = ctx.memo.loads.get(key)  # the entry holds the sessions: their ids name no other object
    if hit is None:
        walked = pair_worded(_assign(weeks, profile, ctx.library, ctx.params, lived), profile, ctx.library, ctx.params)
        hit = ctx.memo.loads.put(key, (sessions, walked))
    return [w if ss is None else copy_of(w, sessions=list(ss)) for w, ss in zip(weeks, hit[1], strict=True)]


def believed_e1rms(
    weeks: Sequence[Week], profile: AthleteProfile, ctx: PlanningContext
) -> list[dict[str, tuple[float, float, float]]]:
    """After each of a new plan's weeks, each lift's e1RM the next week's loads come from (a
    maintenance week's: at most what the load built stands for), the best load planned so far
    and the kit's step: what a property checks the e1RM bound on."""
    walk = LoadWalk(profile, ctx.library, ctx.params, {})
    starts(walk, logged=False)
    walk.started = True
    starts(walk, logged=True)
    out = []
    for week, after in zip(weeks, [*weeks[1:], None], strict=True):
        _loaded_sessions(walk, week)
        grown = 1 + walk.p.load_step_pct / 100
        kept = after is not None and after.phase == Phase.maintenance
        out.append({
            ex_id: (min(lift.e1rm * grown**lift.weeks, (kept and lift.built_e1rm) or math.inf), lift.last,
                    walk.kit(ctx.library.get(ex_id))[0])
            for ex_id, lift in walk.lifts.items()
            if lift.last is not None
        })  # fmt: skip
    return out


def _assign(
    weeks: Sequence[Week], profile: AthleteProfile, library: Library, p: Any, lived: frozenset
) -> tuple[tuple[Session, ...] | None, ...]:
    """Each week's sessions with their loads (None: nothing to set). Weeks already lived are
    walked as they were planned (so a replan with nothing new gives the same loads) and keep
    their own loads; the diary's sets (dated recent sets) come in at the first week not lived."""
    walk = LoadWalk(profile, library, p, {})
    starts(walk, logged=False)
    out = []
    for week in weeks:
        if week.start_date in lived:
            _loaded_sessions(walk, week)  # the walk's state, as when the week was planned
            _learn(walk, week)
            out.append(None)
        else:
            if not walk.started:
                walk.started = True
                starts(walk, logged=True)
            loaded = _loaded_sessions(walk, week)
            out.append(None if all(a is b for a, b in zip(loaded, week.sessions, strict=True)) else loaded)
    return tuple(out)


def _learn(walk: LoadWalk, week: Week) -> None:
    """A lived week's own loads are where its lifts stand when an older plan gave other loads
    than the walk gives now; its light days' loads only in race week, as in the walk
    (light-before-key-runs). A week lived as the walk plans it leaves the walk as it is: its
    best so far stands through a taper's lighter loads, as when the week was planned. Its light
    days are where the next light days step from (cr24a F5's bound, read as `validate` reads it)."""
    if week.deload:
        return
    heaviest: dict[str, float] = {}
    light_days: dict[str, tuple[int, float]] = {}
    for s in week.sessions:
        for b in s.blocks:
            if week.phase in LOADING_PHASES:
                note_light(light_days, b)
            light = week.phase != Phase.race_week and any(r.rule_id == "light-before-key-runs" for r in b.reasons)
            if b.prescription.load_kg is not None and not light:
                heaviest[b.exercise_id] = max(heaviest.get(b.exercise_id, 0.0), b.prescription.load_kg)
    for ex_id, kg in heaviest.items():
        lift = walk.lifts.get(ex_id)
        if lift is not None and lift.week_kg != kg:
            lift.last = lift.week_kg = kg  # the week before as it stood: a deload eases from it
        if lift is not None and week.phase == Phase.race_week:
            lift.race_kg = kg  # as race week was lived: the days back after the race go no lighter
    for ex_id, light in light_days.items():
        if (lift := walk.lifts.get(ex_id)) is not None:
            lift.light = light


def _after_race(walk: LoadWalk, week: Week) -> bool:
    """Whether `week` starts after the goal race (maintenance, or a short runway's foundation)."""
    race = walk.profile.race
    return race is not None and week.start_date > race.date


def _race_close(walk: LoadWalk, week: Week, day: dt.date) -> bool:
    """Loads held well under the e1RM: the last days before a race, and the first back after the goal race."""
    if week.phase == Phase.race_week or returning_after_race(walk.profile, day, walk.p):
        return True
    return leg_work_capped(walk.profile, day, walk.p)


def _loaded_sessions(walk: LoadWalk, week: Week) -> tuple[Session, ...]:
    week_sessions = [cut_from_delivered(walk, week, s) for s in week.sessions]  # a cut week: from what was done
    heaviest: dict[str, tuple[float, Prescription, bool]] = {}  # exercise id -> (heaviest load, its dose, light)
    light_days: dict[str, tuple[int, float]] = {}  # exercise id -> its light days' reps and heaviest load
    close = [_race_close(walk, week, s.date) for s in week_sessions]
    loaded = []
    for s, c in zip(week_sessions, close, strict=True):
        walk.room, walk.focus = room(s, walk), s.focus
        load_block = lambda b, c=c: _loaded_block(walk, week, b, c)  # noqa: E731
        loaded.append(refit(walk, s, [load_block(b) for b in s.blocks], load_block))
    loaded = light_under_full_days(
        walk,
        no_harder_than_heavy(
            walk, loaded, week.phase in LOADING_PHASES and not week.deload, [s.focus for s in week_sessions]
        ),
    )
    sessions = []
    for s, blocks, c in zip(week_sessions, loaded, close, strict=True):
        for b in taught(walk, week, s.date, blocks):  # a tune-up's race-close leg work teaches nothing
            note_heaviest(heaviest, b)  # the target's dose: what the loads stand for
            note_light(light_days, b)
        walk.focus = s.focus  # a held day reads its effort against its own day's last loading week
        blocks = [worked_up(walk, honest_effort(walk, walk.lifts.get(b.exercise_id), week, b, c)) for b in blocks]
        if not walk.started:
            _remember_eased(walk, s, blocks)
        same = all(a is b for a, b in zip(blocks, s.blocks, strict=True))
        shared = s.blocks if same else walk.copies.share((s.blocks, *blocks), blocks)
        timed = s if same else copy_of(s, blocks=shared, **retimed(s, shared, walk))
        sessions.append(as_dosed_heavy(timed, shared, walk.p) or timed)  # shown by the dose it prescribes
    if not week.deload and noted(walk, week):
        note_days(walk, week, [as_asked(walk, s) for s in sessions])  # a rung's easy label is not its step
        for ex_id, light in light_days.items():
            walk.lifts[ex_id].light = light
    if not week.deload:
        paused = {b.exercise_id for blocks in loaded for b in blocks if reviewed(b)} if walk.reviewed else ()
        if week.phase in LOADING_PHASES:
            note_kits(walk, [taught(walk, week, s.date, bs) for s, bs in zip(week_sessions, loaded, strict=True)])
        for ex_id, (kg, presc, light) in heaviest.items():
            lift = walk.lifts[ex_id]
            if ex_id in paused and lift.last is not None and not lift.fresh_log:  # the block shifts back
                lift.week_kg, lift.easier = kg, False
                if not light:  # a held week lighter than the last (a new lift's gentler start) is the base
                    lift.last = min(lift.last, kg)
                continue
            lift.fresh_log = lift.hard_once = False
            held = light and lift.weeks and lift.last is not None and week.phase != Phase.race_week
            if held:  # light days only: the next step starts where it was (after the race: from its loads)
                held_light_week(lift, kg, presc.reps, week.phase in LOADING_PHASES, walk.p)
                continue
            if not light:
                if kg >= (lift.full_best or 0.0):  # what maintenance's effort is read against (maintenance-after-race)
                    lift.built_e1rm, lift.built_reps = walk.e1rm_of(kg, presc), presc.reps
                lift.full_best = lift.light_best = max(kg, lift.full_best or kg)
            # the plan's best so far: a week of light days only (next to key runs) does not lower where the
            # next step starts (the start from the profile or diary is not a planned load: the first week replaces it)
            kept = lift.weeks and lift.last is not None and week.phase != Phase.race_week  # after the race: its loads
            best = max(kg, lift.last) if kept else kg  # type: ignore[type-var]
            lift.last, lift.reps, lift.weeks, lift.easier = best, presc.reps, lift.weeks + 1, False
            lift.week_kg = kg
            lift.race_kg = kg if week.phase == Phase.race_week else lift.race_kg
            lift.last_e1rm = walk.e1rm_of(kg, presc)
            if week.phase in LOADING_PHASES:  # a taper's or race week's lighter sets teach it nothing
                _bound_e1rm(walk, ex_id, lift, presc)
    return tuple(sessions)


def _bound_e1rm(walk: LoadWalk, ex_id: str, lift: LiftState, presc: Prescription) -> None:
    """Keep the e1RM the walk believes in within a week's load bound of the best planned load
    so far, for the dose that set it: the heavy set is capped at a step a week, and an e1RM
    that went on growing past it (after a change to fewer reps) would have light days, starts
    converted to another lift and a log's expected effort answer to loads never planned."""
    step, _ = walk.kit(walk.library.get(ex_id))
    cap = walk.e1rm_of(ld.step_ceiling(lift.last, walk.p.max_load_step_pct, step), presc)  # type: ignore[arg-type]
    lift.e1rm = min(lift.e1rm, cap / (1 + walk.p.load_step_pct / 100) ** lift.weeks)


def _remember_eased(walk: LoadWalk, s: Session, blocks: list[Block]) -> None:
    """The eased doses (a light day, a deload, the taper: `log_loads.HOLDING_RULES`) of a lived
    session, at the lower of the load planned then and now."""
    for old, b in zip(s.blocks, blocks, strict=True):
        kg = b.prescription.load_kg
        if kg is not None and holding_rule(r.rule_id for r in b.reasons) is not None:
            was = old.prescription.load_kg
            presc = b.prescription if was is None or was >= kg else old.prescription
            walk.eased_days[b.exercise_id, s.date] = presc
            walk.cut_days |= {(b.exercise_id, s.date)} if holding_rule(b.rule_ids) == "review-reduce" else set()
        elif kg is not None:  # what the runner was asked: the stored dose (a replay may walk it otherwise)
            walk.full_days[b.exercise_id, s.date] = old.prescription if old.prescription.load_kg else b.prescription
            if any(r.text.startswith(HARD_ONCE) for r in old.reasons):  # held after one hard week (cr23a F12)
                walk.hard_held.add((b.exercise_id, s.date))


def _loaded_block(walk: LoadWalk, week: Week, block: Block, close: bool) -> Block:
    library, walk.planned = walk.library, block
    block = undosed(walk, as_dosed(walk, block))  # a lived week's block walks at its dose's effort and reps
    block = taper_reps(walk, week, block)
    if block.role not in LOADED_ROLES or block.exercise_id not in library:
        return block
    e = library.get(block.exercise_id)
    if not loadable(e, block):
        return block
    e = slow_form(e, block, walk.p)  # a slow heavy rung's kit steps from its slow tempo (slow-heavy-rung)
    lift = start_of(walk, e, block)
    if lift is None:
        return block
    legs = close and e.category in LEG_CATEGORIES  # the taper's load ceiling is for lower-body work, as its effort is
    kg = _load(walk, week, block, lift, legs, *walk.kit(e))
    light = any(r.rule_id == "light-before-key-runs" for r in block.reasons)
    if light:
        kg = light_day_load(walk, lift, kg, block.prescription.reps, *walk.kit(e))
    if week.deload:
        kg = no_deload_rise(walk, lift, e, kg, light)
    elif week.phase == Phase.taper:
        kg = no_taper_rise(walk, lift, e, kg, light)
    kg, full = within_capacity(walk, e, kg)  # an estimate stopped there is still found (cr20a #4)
    kit = None
    if not light:
        load_at = lambda presc: _load_within(walk, week, copy_of(block, prescription=presc), lift, e, legs)  # noqa: E731
        kit = progressed(walk, week, block, lift, e, kg, (close, legs), load_at)
        if not lift.fresh_log:  # a day's load never jumps (linear-progression); a log leads where it lifted
            kit = held_to_step(walk, week, block, e, kit, kg, load_at)
    else:  # a lift with no full day this week progresses on its light days (cr23a F6)
        load_at = lambda presc: _light_within(walk, week, copy_of(block, prescription=presc), lift, e, legs)  # noqa: E731
        kit = light_progressed(walk, week, block, lift, e, kg, close, load_at)
    if kit is not None and kit.kg < kg - 1e-9:
        full = []  # the kit's dose holds it under the kit's heaviest: that ceiling's words no longer apply
    reps = (kit.presc if kit is not None else block.prescription).reps
    if full and reps and lift.reps and reps < lift.reps:  # its reps fell: the words do not say they never do
        full = reps_fell(walk, full)
    stepped = light_step_words(walk, lift, light, kg) if kit is None else []  # a kit dose says its own step
    added = load_reasons(walk, lift, e) + full + stepped
    lift.find = False  # one find-your-weight session; later ones use its log
    lift.shown = True
    kg, added = (kg, added) if kit is None else (kit.kg, [*added, *kit.reasons])

    def loaded() -> Block:
        base = block if kit is None else with_kit_dose(walk, block, kit)
        presc = copy_of(base.prescription, load_kg=kg)
        return copy_of(base, prescription=presc, reasons=[*base.reasons, *added])

    return walk.copies.of((block, *added), (kg, kit and kit.presc), loaded)  # `why` returns one object per sentence


def _load_within(walk: LoadWalk, week: Week, block: Block, lift: LiftState, e: Exercise, legs: bool) -> float:
    """The load `_load` gives `block`, within what the kit makes (without the words)."""
    return within_capacity(walk, e, _load(walk, week, block, lift, legs, *walk.kit(e)))[0]


def _light_within(walk: LoadWalk, week: Week, block: Block, lift: LiftState, e: Exercise, legs: bool) -> float:
    """The load a light day's `block` takes (`_load_within` under the light day's ceilings)."""
    kg = light_day_load(
        walk, lift, _load(walk, week, block, lift, legs, *walk.kit(e)), block.prescription.reps, *walk.kit(e)
    )
    return within_capacity(walk, e, kg)[0]


def _load(walk: LoadWalk, week: Week, block: Block, lift: LiftState, close: bool, step: float, bar: float) -> float:
    """This block's load, at most the heaviest a plan holds; a lift a review held or cut stays
    at most where its last loading week left it (the review holds the load as it holds reps)."""
    free = _free_at_kit_top(walk, week, block, lift)
    kg = min(
        _target_load(walk, week, block.prescription, lift, close, step, bar, free),
        ld.round_down(MAX_LOAD_KG, step, bar),
    )
    if walk.reviewed and reviewed(block) and lift.last is not None and not lift.fresh_log:  # a log is newer
        kg = min(kg, ld.round_down(min(lift.last, lift.week_kg or lift.last), step, bar))
    return kg


def _free_at_kit_top(walk: LoadWalk, week: Week, block: Block, lift: LiftState) -> bool:
    """Whether a loading week's `block` reads its lift's own e1RM (`LiftState.free_e1rm`) rather than
    the one bound to its planned loads: the lift's best load so far is the kit's heaviest, so its
    planned loads stopped growing while the lift did not, and its heaviest day's effort already says
    the reserve that load leaves (`load_effort.honest_effort`). Its other days climb to that load in
    turn instead of standing a step under it for the rest of the plan (a dumbbell RDL 1 x 10 @ 22 kg
    for eleven weeks beside 3 x 6 @ 24 kg, "RIR 9")."""
    if week.deload or week.phase not in LOADING_PHASES or lift.last is None or lift.free_e1rm is None:
        return False
    top = kit_top(walk, walk.library.get(block.exercise_id))
    return top is not None and lift.last >= top - 1e-9


def _target_load(
    walk: LoadWalk,
    week: Week,
    presc: Prescription,
    lift: LiftState,
    close: bool,
    step: float,
    bar: float,
    free: bool = False,
) -> float:
    """The target from the lift's e1RM for these reps and reserve, never more than a step
    above its last loading week nor rising with its reps, eased on a deload, light near the
    race; `free`: from the lift's own e1RM, at the kit's top (`_free_at_kit_top`)."""
    p = walk.p
    e1rm = max(lift.e1rm, (lift.free_e1rm or 0.0) if free else 0.0) * (1 + p.load_step_pct / 100) ** lift.weeks
    if week.phase == Phase.maintenance and not close and lift.built_e1rm:
        e1rm = min(e1rm, lift.built_e1rm)  # maintenance keeps what was built: it grows nothing (maintenance-after-race)
    if presc.reps:
        target = ld.load_for(e1rm, presc.reps, walk.rir(presc), p.e1rm_formula, p.e1rm_max_reps)
    else:
        target = e1rm * p.carry_load_pct / 100
    reps_load = target  # what these reps and reserve call for, before the race's cap
    if close:  # a share of the 1RM the plan believes in, or that the last loads stand for if lower
        target = min(target, min(e1rm, lift.last_e1rm or e1rm) * p.race_close_max_pct_1rm / 100)
    kg = ld.round_down(target, step, bar)
    raced = lift.race_kg or lift.week_kg  # race week's load: a light day back since (its week_kg) is no floor
    if close and raced and _after_race(walk, week):
        # as light as race week, no lighter (its light set's e1RM had taken a 4 kg RDL to 2 kg), in maintenance or
        # a short runway's foundation after the race (cr22a W5: 12.5 -> 7.5 kg), within what these reps call for;
        # a light day back before it does not lower it (a kettlebell deadlift 20 kg in race week, 16 kg the
        # light Wednesday after, then 16 kg on the first full day)
        kg = max(kg, ld.round_down(min(raced, reps_load), step, bar))
    if lift.last is None:
        return kg
    drop = 1 - p.autoreg_max_drop_pct / 100
    logged = lift.rule == "load-autoregulation"  # the drop bound is a log's (a review's hold, a harder log)
    if logged and not close and not week.deload and week.phase in LOADING_PHASES:  # not past it by rounding (W4)
        kg = ld.within_drop(kg, target * drop, ld.round_down(lift.last, step, bar), step, bar)
    if week.deload:  # eased from the week before it (its best so far may be a lived week's, in other units)
        last = min(lift.last, lift.week_kg or lift.last)
        kg = min(kg, ld.eased(last, p.deload_load_pct, step, bar, p.deload_min_load_pct))
        # never under the floor of the week before as it stood (a lived week's own load, which a
        # review's replan keeps; the target for the deload's reserve, 15 lb x 12 at two more reps
        # in reserve, is 10 lb): the deload eases from it instead (planned-deloads min_load_pct)
        if kg < last * p.deload_min_load_pct / 100 - 1e-9:
            kg = ld.eased(last, p.deload_load_pct, step, bar, p.deload_min_load_pct)
        return kg
    if week.phase not in LOADING_PHASES:
        return min(kg, unloaded_ceiling(week.phase, lift.last, lift.week_kg, lift.full_best, step, bar, close))
    kg = _day_reps_hold(walk, presc, lift, kg, step, bar)
    if presc.reps and lift.reps and presc.reps > lift.reps:
        # reps rise this week: the load holds (never both together, even after a log easier
        # than planned: then at the load lifted), on this kit's steps (a lived week's load may
        # be in other units or kit)
        held = ld.round_down(lift.last, step, bar)
        if logged and not close:  # a hold: a harder log lowers it by the drop bound at most, rounding included (W4)
            kg = ld.within_drop(kg, held * drop, held, step, bar)
        return held if lift.easier and not close else min(kg, held)
    if lift.easier and not close:
        kg = max(kg, ld.round_down(lift.last + step, step, bar))  # the kit's smallest step, at least
    return min(kg, ld.round_down(ld.step_ceiling(lift.last, p.max_load_step_pct, step), step, bar))


def _day_reps_hold(walk: LoadWalk, presc: Prescription, lift: LiftState, kg: float, step: float, bar: float) -> float:
    """`kg` held at the day's own last loading-week load where this day's reps rise: double
    progression runs day by day, and a lift's other day reads its own reps, not its heaviest day's
    (`lift.reps`): a Friday RDL 3 x 10 @ 117.5 kg went on to 3 x 11 @ 120 and 3 x 12 @ 122.5 beside
    Monday's heavy 5 x 6. A light day's load is its own (`light_day_load`), and a set the diary
    logged since leads where it was lifted."""
    block = walk.planned
    if block is None or lift.fresh_log or not presc.reps or lightened(block):
        return kg
    day = walk.day_last.get((block.exercise_id, walk.focus))
    if day is None or day.load_kg is None or not day.reps or presc.reps <= day.reps:
        return kg
    return min(kg, ld.round_down(day.load_kg, step, bar))
