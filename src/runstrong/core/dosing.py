"""Dosing and progression: sets, reps or seconds or contacts, intensity, tempo and rest
for one exercise in one week, and how long that takes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from .context import Memo, PlanMemo, PlanningContext
from .effort_targets import eased, effort_target, heavy_set, race_close_intensity
from .holds import hold_dose
from .lift_kind import trains_weaker
from .load_effort import restated
from .model import (
    Category,
    Exercise,
    Intensity,
    Intent,
    Level,
    Pattern,
    Phase,
    Prescription,
    RaceDistance,
    Reason,
    Role,
    build,
)
from .params import Params
from .phases import LOADING_PHASES
from .progression import (
    CLIMB_EASED,
    RPE_AT_FAILURE,
    Carried,
    carried_contacts,
    carried_reps,
    climbed_effort,
    is_new_rung,
    ramp,
    returning_reps,
    rir_of,
    step_text,
)
from .ramp import ramp_count
from .rep_scheme import LEG_CATEGORIES, heavy_ready, keeps_foundation_reps, rep_scheme
from .review_cut import cut_prescription, cut_sets
from .slow_heavy import SLOW, slow_dose
from .stability import stability_drill
from .timing import estimate_seconds as estimate_seconds  # re-exported: the review imports it here
from .vocab import with_article


class DoseContext(NamedTuple):
    """What of the week a dose depends on. A tuple: every dose is remembered under it, so
    it is hashed very often (in C, not in a Python `__hash__`)."""

    level: Level
    phase: Phase
    deload: bool
    step: int  # loading weeks already done in this block (for a lift with no dose to carry on from)
    heavy_ok: bool  # the session may carry heavy lower-body work
    race: RaceDistance | None
    volume_cut_pct: int  # deload or taper cut, 0 otherwise
    light: bool = False  # the day before a key run or on a speed day: leg work kept light
    race_close: bool = False  # inside the last heavy days before the race: leg work kept far from failure
    returning: bool = False  # the first days back after the race: kept as far from failure (maintenance-after-race)
    short_holds: bool = False  # the screen's plank was short: shorter, more frequent holds
    hold_ceilings: tuple[int, int] | None = None  # (front, side) core-hold ceilings from the screen's own holds
    weaker: tuple[tuple[Category, str], ...] = ()  # (category, side) pairs that get an extra set
    held: tuple[tuple[Category, int], ...] = ()  # a review held progression this week, per category
    held_before: tuple[tuple[Category, int], ...] = ()  # weeks of this block held before it, per category
    reduced: tuple[tuple[Category, int], ...] = ()  # a review cut volume: % per category this week
    graduated: bool = False  # a novice past the foundation whose weeks were consistent: build dosing
    unaccustomed: bool = False  # the runner's first weeks of strength work: foundation dosing in any phase


class Stage(NamedTuple):
    """Where the runner's strength work is this week, beyond the phase (foundation-two-sessions,
    dose-heavy): both move the week off or onto foundation dosing."""

    graduated: bool = False  # a novice past the foundation whose weeks were consistent
    unaccustomed: bool = False  # inside the runner's first weeks of strength work
    heavy_waits: bool = False  # the week starts the third session: the heavy scheme waits a week (one-new-thing-a-week)


SETTLED = Stage()  # neither: the phase alone sets the dosing


@dataclass(frozen=True)
class Dosed:
    prescription: Prescription
    reasons: tuple[Reason, ...]
    cues: list[str]  # shared by every block dosed from this (blocks are frozen: never changed)
    heavy: bool
    plyometric: bool
    carry: tuple | None = None  # a Carried's fields: the dose the next loading week steps from
    blocks: dict = field(default_factory=dict, compare=False, repr=False)  # the block of each pick, made once
    picks: dict = field(default_factory=dict, compare=False, repr=False)  # the pick each block was made for


def is_heavy(e: Exercise, role: Role, focus: bool, ctx: DoseContext, p: Params) -> bool:
    """Whether `prescribe` will dose this heavy, known without dosing (placement needs it)."""
    return role == Role.primary and e.dose.measure == "reps" and not ctx.deload and heavy_ready(e, focus, ctx, p)


def prescribe(
    planning: PlanningContext,
    e: Exercise,
    role: Role,
    focus: bool,
    ctx: DoseContext,
    carried: tuple | None = None,
    rung: bool | str = False,
) -> Dosed:
    """The prescription for `e` in this week, with the rules that set it; `carried` is its
    dose in the last loading week, which this week steps from (progression-carries-over); a
    `rung` lift's sets a light day does not cut (pain-monitoring). Its load: `plan_loads`. Pure, so
    remembered on the planning context: runners who share a level, phase and week of a block share
    doses (the library is the context's: the exercise id names it)."""
    if carried is not None:  # a carried dose reads the lift's reps, holds, effort and load, not its sets nor
        if not (ctx.hold_ceilings and e.dose.measure == "seconds"):  # (a hold a screen stops grows by sets)
            carried = (0, *carried[1:])  # the block's week (jumps still do); a plain tuple in the memo's key
        ctx = ctx if e.dose.measure == "contacts" else stepless(ctx, planning.memo)
    mobility = role in (Role.warm_up, Role.finisher)  # a drill's dose reads nothing of the week
    key = (e.id, role) if mobility else (e.id, role, focus, ctx, carried, rung)
    memo = planning.memo.doses
    hit = memo.get(key)
    if hit is None:
        dose = carried and Carried._make(carried)
        hit = memo.put(key, _prescribe(e, role, focus, ctx, dose, planning.params, planning.memo.steps, rung))
    return hit


def stepless(ctx: DoseContext, memo: PlanMemo) -> DoseContext:
    """The context without the block's week (a carried dose does not read it), kept once on the memo."""
    return memo.one_copy(ctx._replace(step=0)) if ctx.step else ctx


@dataclass
class _Draft:
    """A prescription being worked out: each step below reads and refines it."""

    e: Exercise
    role: Role
    ctx: DoseContext
    step: int
    steps: Memo  # the planning context's rep steps (`carried_reps` by its arguments): plans share most
    carried: Carried | None = None
    sets: int = 1
    reps: int | None = None
    seconds: int | None = None
    contacts: int | None = None
    distance: float | None = None
    rest: int = 0
    intensity: Intensity = field(default_factory=lambda: effort_target(kind="bodyweight", value=None))
    heavy: bool = False
    reasons: list[Reason] = field(default_factory=list)
    cues: list[str] = field(default_factory=list)
    carry: Carried | None = None  # this week's dose before a light day or a cut: the next week's base
    rung: bool | str = False  # a pain ladder's rung lift (SLOW: a slow heavy rung's): its sets are the ladder's

    @property
    def accessory(self) -> bool:
        return self.role == Role.accessory


def _prescribe(
    e: Exercise,
    role: Role,
    focus: bool,
    ctx: DoseContext,
    carried: Carried | None,
    p: Params,
    steps: Memo,
    rung: bool | str,
) -> Dosed:
    step = carry_step(ctx, e, role) if carried is not None else week_step(ctx, e, role)
    d = _Draft(e, role, ctx, step, steps, carried, cues=list(e.cues), rung=rung)
    if role in (Role.primary, Role.accessory) and dict(ctx.held).get(e.category):
        d.reasons.append(p.why("review-hold", "Your review held progression here: the same dose as before."))
    if role in (Role.warm_up, Role.finisher):
        return _mobility_dose(d, p)
    measure = e.dose.measure
    if measure == "reps":
        _reps_dose(d, focus, p)
    elif measure == "seconds":
        _seconds_dose(d, p)
    elif measure == "contacts":
        _contacts_dose(d, p)
    else:
        d.sets, d.distance, d.rest = e.dose.sets, e.dose.distance_m, p.hold_rest
        d.intensity = effort_target(kind="rpe", value=float(p.carry_rpe))
        d.reasons.append(p.why("foundation-posterior-emphasis", text="Slow, tall carry for core stiffness."))
    _movement_cues(d, p)
    _eccentric_cap(d, p)
    slow_dose(d, p)  # a slow heavy rung: heavy and slow whatever the day (slow-heavy-rung)
    if d.carry is None:
        d.carry = Carried(d.sets, d.reps, d.seconds, d.contacts)
    _cuts(d, p)
    return _dosed(d, p)


def _plain_step(ctx: DoseContext) -> int:
    """The week's step in its block before any review hold."""
    if ctx.phase == Phase.maintenance:
        return 0  # maintenance holds what was built; it does not progress
    return max(ctx.step - 1, 0) if ctx.deload else ctx.step


def carry_step(ctx: DoseContext, e: Exercise, role: Role) -> int:
    """Steps on from the last loading week's dose: one in a loading week, none in a deload,
    taper, race week or maintenance week, or when a review holds the category this week."""
    if ctx.deload or ctx.phase not in LOADING_PHASES:
        return 0
    held = role in (Role.primary, Role.accessory) and dict(ctx.held).get(e.category, 0)
    return 0 if held else 1


def week_step(ctx: DoseContext, e: Exercise, role: Role) -> int:
    """How many weekly steps this exercise has progressed: a deload repeats the week before,
    maintenance does not progress, and each review hold on its category, this week or
    earlier in the block, holds one back."""
    step = _plain_step(ctx)
    if role not in (Role.primary, Role.accessory) or not (ctx.held or ctx.held_before):
        return step
    held = dict(ctx.held).get(e.category, 0) + dict(ctx.held_before).get(e.category, 0)
    return max(step - held, 0)


def _mobility_dose(d: _Draft, p: Params) -> Dosed:
    dose = d.e.dose
    rule = "warm-up-hips-thoracic" if d.role == Role.warm_up else "mobility-finisher"
    presc = build(
        Prescription,
        sets=1,
        reps=dose.reps,
        seconds=dose.seconds,
        contacts=dose.contacts,
        distance_m=dose.distance_m,
        per_side=dose.per_side,
        intensity=effort_target(kind="bodyweight", value=None),
        tempo=d.e.tempo,
        rest_seconds=0,
    )
    d.reasons.append(p.why(rule, text="Each drill once, easy and unhurried."))
    return Dosed(presc, tuple(d.reasons), d.cues, False, False)


def _reps_dose(d: _Draft, focus: bool, p: Params) -> None:
    e = d.e
    ctx = d.ctx
    # a lift new to the plan in a block's first week a review held starts at the foundation's
    # effort: a hold never starts harder work, and the block's heavier intent waits a week
    new_in_hold = d.carried is None and ctx.step == 0 and ctx.held and dict(ctx.held).get(e.category)
    if new_in_hold:
        ctx = ctx._replace(unaccustomed=True)
    heavy = heavy_ready(e, focus, ctx, p)
    drill = stability_drill(e)
    bodyweight = not e.loadable  # reps in reserve mean little when nothing can be added
    d.sets, (lo, hi), d.rest, effort, why = rep_scheme(e, d.role, ctx, heavy, drill, p)
    d.reasons.append(why)
    if new_in_hold and not bodyweight:
        text = "New this week, which your review held: it starts at the foundation's effort; heavier work waits a week."
        d.reasons.append(p.why("review-hold", text))
    if e.intent not in (Intent.strength, Intent.power) or bodyweight:
        d.rest = min(d.rest, p.hold_rest)  # stability, capacity and bodyweight work: short rests
    rir = None if bodyweight else rir_of(*effort)  # the load in kg comes later (plan_loads): effort is the target
    d.reps, rir = _reps(d, lo, hi, rir, p)
    if rir is not None and d.carried is not None and d.carried.rir is not None and dict(ctx.held).get(e.category):
        rir = max(rir, d.carried.rir)  # a held week never comes nearer failure than the dose it holds
    d.carry = Carried(d.sets, d.reps, rir=rir, load=d.carried.load if d.carried else None)
    if not bodyweight:  # unloaded work is dosed by quality, not by reps in reserve
        d.intensity = _effort(effort[0], rir)
        if is_new_rung(d.carried) and rir != rir_of(*effort):  # a harder form's eased first week says so
            d.reasons = restated(d.reasons, d.intensity, p.why)
    elif not drill and not d.accessory:
        rule = d.reasons[-1].rule_id
        text = "Unloaded: controlled reps, stopping well before form slips."
        if rule == "dose-strength" and keeps_foundation_reps(e, p):
            text = f"Unloaded: {lo}-{hi} controlled reps, as in the foundation (fewer would only make it easier)."
        d.reasons[-1] = p.why(rule, text)
    if d.step and not is_new_rung(d.carried):
        d.reasons.append(p.why("linear-progression", text=step_text(d.carried, d.sets, d.reps, rir, p.rep_step)))
    d.heavy = heavy


def _eased_step(d: _Draft, p: Params) -> None:
    """A light day's step names the reps alone: its sets and effort are the easing's."""
    for i, r in enumerate(d.reasons):
        if r.rule_id == "linear-progression":
            d.reasons[i] = p.why(
                "linear-progression", text=step_text(d.carried, d.sets, d.reps, None, p.rep_step, True)
            )


def _effort(kind: str, rir: float | None) -> Intensity:
    """An effort target of `kind` (RIR or RPE) that leaves `rir` reps in reserve."""
    value = rir if kind == "rir" else RPE_AT_FAILURE - (rir or 0)
    return effort_target(kind=kind, value=float(value))  # type: ignore[arg-type]


def _reps(d: _Draft, lo: int, hi: int, rir: float | None, p: Params) -> tuple[int, float | None]:
    """Reps (and reps in reserve): a ramp up the range from its bottom for a lift new to
    the plan, else carried on from its last loading week (progression-carries-over)."""
    c = d.carried
    if is_new_rung(c):
        if rir is not None and c.below is not None and (eased := climbed_effort(c.below, lo, rir, p)) > rir:
            d.reasons.append(p.why("ladder-climb", CLIMB_EASED.format(lo=lo, rir=f"{eased:g}", was=c.below[0])))
            return lo, eased
        d.reasons.append(p.why("ladder-climb", "A harder rung: reps start again at the bottom of the range."))
        return lo, rir
    if c is None or c.reps is None:
        return ramp(lo, d.step, p.rep_step, hi), rir
    if c.away:
        d.reasons.append(p.why("progression-carries-over", "Back from its last loading week's reps, in this range."))
        return returning_reps(c.reps, lo, hi, d.step, p), rir
    if d.ctx.phase == Phase.taper:  # intensity kept (Bosquet 2007), whatever this session's scheme would start
        d.reasons.append(p.why("taper", "The last loading week's reps and effort: the taper cuts sets, not intensity."))
        return c.reps, c.rir if rir is not None and c.rir is not None else rir
    key = ((c.reps, c.rir), lo, hi, rir, d.step)  # the params are the context's, as the memo is
    reps, rir = d.steps.remember(key, lambda: carried_reps(*key, p))
    if d.step or reps != c.reps:
        d.reasons.append(p.why("progression-carries-over", "Carried on from this lift's last loading week."))
    return reps, rir


def _seconds_dose(d: _Draft, p: Params) -> None:
    c, core = d.carried, d.e.category == Category.core
    carried = c.seconds if c is not None else None  # None: new to the plan, or a rung just climbed to (ladder-climb)
    ceilings = d.ctx.hold_ceilings
    screened = ceilings[d.e.pattern == Pattern.anti_lateral_flexion] if ceilings else None
    ctx = d.ctx
    sets = c.sets if c is not None and c.seconds is not None else None
    dose = hold_dose(
        carried, d.step, 0 if c else d.step, ctx.level, d.accessory, core, ctx.short_holds, p, screened, sets
    )
    d.sets, d.seconds, d.rest = dose.sets, dose.seconds, p.hold_rest
    d.carry = Carried(d.sets, seconds=d.seconds)
    d.reasons.extend(dose.reasons)
    d.cues.append(p.breathing_cue)
    d.reasons.append(p.why("breathing-in-holds", text="Breathe through the hold."))


def _contacts_dose(d: _Draft, p: Params) -> None:
    ctx = d.ctx
    d.sets = p.accessory_sets if d.accessory else p.plyo_sets
    d.rest = p.plyo_rest
    factor = 1.0
    if ctx.phase == Phase.race_specific and ctx.race in p.explosive_distances:
        factor = p.explosive_contacts_factor
        d.reasons.append(p.why("short-race-explosive", text="More explosive contacts for a short race."))
    elif ctx.phase == Phase.race_specific and ctx.race in p.durability_distances:
        factor = p.durability_contacts_factor
        d.reasons.append(p.why("marathon-durability", text="Fewer jumps; durability comes first."))
    c = d.carried
    ceiling = p.plyo_max_contacts[ctx.level]
    sides = 2 if d.e.dose.per_side else 1
    fresh = max(1, round(ramp(p.plyo_start_contacts, ctx.step, p.plyo_contacts_step, 10**6) * factor))
    if c is None or c.contacts is None:  # new to the plan: the starting count (not the block's step: a jump
        # that waited a week, or came in mid-block, starts where any new jump starts), room to progress
        room = contacts_per_set(10**6, ceiling, d.sets, sides) - p.plyo_room_steps * p.plyo_contacts_step
        per_set = max(1, min(round(p.plyo_start_contacts * factor), room))
    elif ctx.deload or ctx.phase not in LOADING_PHASES:  # the taper's "intensity kept": no more a set
        per_set = c.contacts
    elif ctx.step == 0 or factor < 1:  # a new block or phase may ask for its own count at once
        per_set = carried_contacts(c.contacts, d.step, fresh, factor, p)
    else:  # within a block: one step a loading week
        per_set = c.contacts + d.step * p.plyo_contacts_step
    d.contacts = contacts_per_set(per_set, ceiling, d.sets, sides)
    d.carry = Carried(d.sets, contacts=d.contacts)
    text = f"At most {ceiling} contacts a session for {with_article(ctx.level.value)} lifter."
    d.reasons.append(p.why("dose-plyometric", text))


def contacts_per_set(wanted: int, session_ceiling: int, sets: int, sides: int) -> int:
    """Contacts per set: as wanted, within the session's ceiling, and at least one.

    >>> contacts_per_set(12, 40, 3, 2)
    6
    >>> contacts_per_set(8, 80, 3, 1)
    8
    """
    return max(1, min(wanted, session_ceiling // (sets * sides)))


def _eccentric_cap(d: _Draft, p: Params) -> None:
    """Eccentric-only hamstring work stays at the library's dose and rests as heavy sets do
    (eccentric-hamstring-cap): bodyweight work otherwise gets short rests."""
    dose = d.e.dose
    if d.e.id not in p.eccentric_exercises or d.role not in (Role.primary, Role.accessory):
        return
    if d.rest < p.eccentric_rest_seconds:
        d.rest = p.eccentric_rest_seconds
        d.reasons.append(p.why("eccentric-hamstring-cap", f"Near-maximal lowering: rest {d.rest} s between sets."))
    if (dose.reps and d.reps and d.reps > dose.reps) or d.sets > dose.sets:
        d.reps = min(d.reps, dose.reps) if d.reps and dose.reps else d.reps
        d.sets = min(d.sets, dose.sets)
        if d.carry is not None:
            d.carry = d.carry._replace(sets=d.sets, reps=d.reps)
        d.reasons.append(p.why("eccentric-hamstring-cap", f"Slow lowering: at most {dose.sets} x {dose.reps}."))


def _movement_cues(d: _Draft, p: Params) -> None:
    e = d.e
    if e.pattern in (Pattern.plyometric, Pattern.landing):
        d.cues.append(p.landing_cue)
        d.reasons.append(p.why("landings-before-plyometrics", text="Every landing is soft and braced."))
    if e.intent == Intent.power:
        d.cues.append(p.gait_cue)
        d.reasons.append(p.why("gait-matched-cues", text="Quick ground contacts, as in your stride."))
    if e.tempo and e.dose.measure == "reps":
        d.cues.append(p.tempo_cue)
        d.reasons.append(
            p.why("tempo-prescribed", "Each lift has a tempo (seconds down-pause-up-pause): never rushed.")
        )
    if d.heavy:  # a bar lift's ramp replaces it once its load is known (ramp.worked_up)
        d.cues.append(p.ramp_up_cue)


def _cuts(d: _Draft, p: Params) -> None:
    """What the week takes off: maintenance, a deload or taper, a review's cut, a light day."""
    ctx, add, effort = d.ctx, d.reasons.append, d.intensity
    if ctx.phase == Phase.maintenance:
        d.sets = min(d.sets, p.maintenance_sets)
        add(p.why("maintenance-after-race", f"{d.sets} set(s) at the same dose: keep, don't build."))
    leg_work = d.e.category in LEG_CATEGORIES and d.role in (Role.primary, Role.accessory)
    light, full = ctx.light and leg_work and d.rung != SLOW, d.sets  # a rung's sets are the ladder's
    if light and not d.rung and not (ctx.volume_cut_pct and not ctx.deload):  # a taper's cut: no second cut
        d.sets = max(1, d.sets - p.light_set_cut)  # a deload cuts from the light day's dose (cr21a W2)
    fewer = d.sets < full
    if ctx.volume_cut_pct:
        before, d.sets = d.sets, cut_sets(d.sets, ctx.volume_cut_pct)
        said = f"Volume cut about {ctx.volume_cut_pct}%." if d.sets < before else "One set already: kept, eased."
        add(p.why("planned-deloads" if ctx.deload else "taper", text=said))
    if light:
        d.intensity = eased(d.intensity, p.light_rir_increase, rir_only=True)
        said = "one set fewer, " if fewer else ""
        add(p.why("light-before-key-runs", f"A key run is close: {said}more in reserve, fresh legs first."))
        _eased_step(d, p)
    if ctx.race_close and leg_work:
        d.intensity = race_close_intensity(d.intensity, p)
        if ctx.returning:
            text = (  # the days, not a week: they can run into a second maintenance week (cr20a #9)
                f"The first {p.maintenance_easy_return_days} days back after the race: legs stay at least "
                f"{p.race_close_min_rir} reps from failure."
            )
            add(p.why("maintenance-after-race", text))
        else:
            add(p.why("taper", f"The race is close: legs stay at least {p.race_close_min_rir} reps from failure."))
    cut = dict(ctx.reduced).get(d.e.category, 0)
    if cut:  # the review's cut, of the announced size in sets and reps, seconds or contacts (review_cut)
        # of the announced size, however many steps that is: the week after a cut steps on from the week
        # before it (progression-carries-over, and validate reads a cut week as if the cut were not there)
        reps = d.reps
        d.sets, d.reps, d.seconds, d.contacts, d.distance = cut_prescription(
            d.sets, d.reps, d.seconds, d.contacts, d.distance, cut
        )
        text = f"Your review asked for less: volume cut about {cut}% this week."
        if reps and d.reps and d.reps < reps:
            # the reps taken off stay in reserve: fewer reps at the same effort would be a heavier load,
            # which the applied cut never gives (apply.cut_from_held), and the week after steps from it
            d.intensity = eased(d.intensity, reps - d.reps)
            text = f"{text[:-1]}, the reps taken off left in reserve (the same load, fewer reps)."
        add(p.why("review-reduce", text))
    if ctx.deload:
        d.heavy = False
        d.intensity = eased(d.intensity, p.deload_rir_increase)
    if d.intensity != effort:  # one effort said: the dose's sentence at the eased one
        d.reasons = restated(d.reasons, d.intensity, p.why)
    if heavy_set(d.intensity, p) and d.rest < p.heavy_set_min_rest:
        d.rest = p.heavy_set_min_rest
        add(p.why("dose-heavy", f"Near failure: rest at least {p.heavy_set_min_rest} s between sets."))


def _dosed(d: _Draft, p: Params) -> Dosed:
    dose, e = d.e.dose, d.e
    extra_side = None
    if dose.per_side and d.role in (Role.primary, Role.accessory) and trains_weaker(e):
        extra_side = next((side for category, side in d.ctx.weaker if category == e.category), None)
        if extra_side:
            d.reasons.append(p.why("weak-side-extra-set", f"One extra set on your {extra_side} side, the weaker one."))
    presc = build(
        Prescription,
        extra_sets_side=extra_side,
        sets=d.sets,
        reps=d.reps,
        seconds=d.seconds,
        contacts=d.contacts,
        distance_m=d.distance,
        per_side=dose.per_side,
        intensity=d.intensity,
        tempo=p.slow_heavy_tempo if d.rung == SLOW and d.reps else e.tempo,
        rest_seconds=d.rest,
        ramp_sets=ramp_count(e, d.role, d.heavy, p),
    )
    carry = d.carry and tuple(d.carry)  # plain, like compose.Carry's doses
    return Dosed(presc, tuple(d.reasons), list(dict.fromkeys(d.cues)), d.heavy, e.pattern == Pattern.plyometric, carry)
