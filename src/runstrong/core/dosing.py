"""Dosing and progression: sets, reps or seconds or contacts, intensity, tempo and rest
for one exercise in one week, and how long that takes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

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
    why,
)
from .params import Params
from .review_cut import cut_prescription


@dataclass(frozen=True)
class DoseContext:
    level: Level
    phase: Phase
    deload: bool
    step: int  # loading weeks already done in this block
    heavy_ok: bool  # the session may carry heavy lower-body work
    race: RaceDistance | None
    volume_cut_pct: int  # deload or taper cut, 0 otherwise
    light: bool = False  # the day before a key run or on a speed day: leg work kept light
    short_holds: bool = False  # the screen's plank was short: shorter, more frequent holds
    weaker: tuple[tuple[Category, str], ...] = ()  # (category, side) pairs that get an extra set
    held: tuple[tuple[Category, int], ...] = ()  # a review held progression: weeks held back per category
    reduced: tuple[tuple[Category, int], ...] = ()  # a review cut volume: % per category this week


@dataclass(frozen=True)
class Dosed:
    prescription: Prescription
    reasons: tuple[Reason, ...]
    cues: tuple[str, ...]
    heavy: bool
    plyometric: bool


@lru_cache(maxsize=256)
def _intensity(kind: str, value: float | None = None) -> Intensity:
    return build(Intensity, kind=kind, value=value)


def _cut_sets(sets: int, cut_pct: int) -> int:
    return max(1, round(sets * (100 - cut_pct) / 100))


def _ramp(start: int, step: int, per_week: int, ceiling: int) -> int:
    return min(start + step * per_week, ceiling)


def _progressed_load(known: float, step: int, p: Params) -> tuple[float, int]:
    """Load after `step` weekly steps, and how many steps could not raise it (to go to reps).

    The target compounds `load_step_pct` a week from the known load and is rounded down to
    a loadable plate step; a single week never rises more than `max_load_step_pct`. When
    rounding leaves the load where it was, that week progresses reps instead.
    """
    unit = p.load_rounding_kg
    load = math.floor(known / unit) * unit
    stalled = 0
    for k in range(1, step + 1):
        target = math.floor(known * (1 + p.load_step_pct / 100) ** k / unit) * unit
        ceiling = math.floor(load * (1 + p.max_load_step_pct / 100) / unit) * unit
        nxt = min(target, ceiling)
        if nxt <= load:
            stalled += 1
        load = max(load, nxt)
    return load, stalled


HEAVY_PHASES = frozenset({Phase.build, Phase.race_specific, Phase.taper, Phase.maintenance})


def _heavy_ready(e: Exercise, focus: bool, ctx: DoseContext, p: Params) -> bool:
    return (
        focus
        and ctx.heavy_ok
        and not ctx.light
        and e.loadable
        and e.intent == Intent.strength
        and bool(p.heavy_equipment.intersection(e.equipment))
        and e.category in (Category.posterior_chain, Category.single_leg_power)
        and ctx.level.rank >= p.heavy_min_level.rank
        and ctx.phase in HEAVY_PHASES
    )


def is_heavy(e: Exercise, role: Role, focus: bool, ctx: DoseContext, p: Params) -> bool:
    """Whether `prescribe` will dose this heavy, known without dosing (placement needs it)."""
    return role == Role.primary and e.dose.measure == "reps" and not ctx.deload and _heavy_ready(e, focus, ctx, p)


_MEMO: dict[tuple, tuple[Exercise, Params, Dosed]] = {}


def prescribe(
    e: Exercise,
    role: Role,
    focus: bool,
    ctx: DoseContext,
    known_load: float | None,
    p: Params,
) -> Dosed:
    """The prescription for `e` in this week, with the rules that set it.

    Pure, so results are remembered: runners who share a level, phase and week of a block
    share doses (the key includes the exercise object's identity and the params object).
    """
    key = (id(e), role, focus, ctx, known_load, id(p))
    hit = _MEMO.get(key)
    if hit is None or hit[0] is not e or hit[1] is not p:  # the entry holds e and p: ids stay theirs
        if len(_MEMO) > 250_000:
            _MEMO.clear()
        hit = _MEMO[key] = (e, p, _prescribe(e, role, focus, ctx, known_load, p))
    return hit[2]


def _prescribe(
    e: Exercise,
    role: Role,
    focus: bool,
    ctx: DoseContext,
    known_load: float | None,
    p: Params,
) -> Dosed:
    dose = e.dose
    cues = list(e.cues)
    reasons: list[Reason] = []
    plyometric = e.pattern == Pattern.plyometric
    step = max(ctx.step - 1, 0) if ctx.deload else ctx.step
    if ctx.phase == Phase.maintenance:
        step = 0  # maintenance holds what was built; it does not progress
    held = dict(ctx.held).get(e.category, 0) if role in (Role.primary, Role.accessory) else 0
    if held:
        step = max(step - held, 0)
        reasons.append(why("review-hold", "Your review held progression here: the same dose as before."))
    if role in (Role.warm_up, Role.finisher):
        rule = "warm-up-hips-thoracic" if role == Role.warm_up else "mobility-finisher"
        presc = build(
            Prescription,
            sets=1,
            reps=dose.reps,
            seconds=dose.seconds,
            contacts=dose.contacts,
            distance_m=dose.distance_m,
            per_side=dose.per_side,
            intensity=_intensity(kind="bodyweight", value=None),
            tempo=e.tempo,
            rest_seconds=0,
        )
        reasons.append(why(rule, text="Each drill once, easy and unhurried."))
        return Dosed(presc, tuple(reasons), tuple(cues), False, False)

    accessory = role == Role.accessory
    heavy = False
    tempo = e.tempo
    measure = dose.measure
    reps = seconds = contacts = distance = None
    intensity = _intensity(kind="bodyweight", value=None)
    if measure == "reps":
        heavy_ready = _heavy_ready(e, focus, ctx, p)
        durability = ctx.phase == Phase.race_specific and ctx.race in p.durability_distances and not heavy_ready
        drill = not e.loadable and e.intent not in (Intent.strength, Intent.power)
        bodyweight = not e.loadable  # reps in reserve mean little when nothing can be added
        if accessory:
            sets, (lo, hi), rest = p.accessory_sets, p.accessory_reps, p.accessory_rest
            effort = ("rir", p.strength_rir)
            reasons.append(why("dose-accessory", text="Accessory: brief and controlled."))
        elif drill:  # unloaded stability work: quality reps in a steady range in every phase
            sets, (lo, hi), rest = p.foundation_sets, p.foundation_reps, p.hold_rest
            effort = ("rir", p.foundation_rir)
            reasons.append(why("brief-core-holds", text="Controlled quality reps; stop when form slips."))
        elif heavy_ready:
            sets, (lo, hi), rest = p.heavy_sets[ctx.level], p.heavy_reps, p.heavy_rest
            effort = ("rpe", p.heavy_rpe)
            reasons.append(
                Reason(
                    rule_id="dose-heavy",
                    text=f"Heavy: few reps near RPE {p.heavy_rpe}, long rests, for an {ctx.level.value} lifter.",
                )
            )
        elif ctx.phase == Phase.foundation or ctx.level == Level.novice:
            sets, (lo, hi), rest = p.foundation_sets, p.foundation_reps, p.foundation_rest
            effort = ("rir", p.foundation_rir)
            reasons.append(why("dose-foundation", text=f"Moderate: stop with {p.foundation_rir}+ reps in reserve."))
        elif durability:
            sets, (lo, hi), rest = p.strength_sets, p.durability_capacity_reps, p.strength_rest
            effort = ("rir", p.strength_rir)
            reasons.append(why("marathon-durability", text="Higher reps for fatigue resistance late in a race."))
        else:
            sets, (lo, hi), rest = p.strength_sets, p.strength_reps, p.strength_rest
            effort = ("rir", p.strength_rir)
            reasons.append(why("dose-strength", text=f"Strength: {p.strength_rir} reps in reserve."))
        if e.intent not in (Intent.strength, Intent.power) or bodyweight:
            rest = min(rest, p.hold_rest)  # stability, capacity and bodyweight work: short rests
        if known_load is not None and heavy_ready:  # a working load is for the heavy scheme
            load, stalled = _progressed_load(known_load, step, p)
            if ctx.deload:
                load = math.floor(load * p.deload_load_pct / 100 / p.load_rounding_kg) * p.load_rounding_kg
            reps = _ramp(lo, stalled, p.rep_step, hi)
            intensity = _intensity(kind="load_kg", value=load)
            reasons.append(
                Reason(
                    rule_id="linear-progression",
                    text=f"Load rises about {p.load_step_pct:g}% a week from your {known_load:g} kg; reps hold.",
                )
            )
        else:
            reps = _ramp(lo, step, p.rep_step, hi)
            if not bodyweight:  # unloaded work is dosed by quality, not by reps in reserve
                intensity = _intensity(kind=effort[0], value=float(effort[1]))
            elif not drill and not accessory:
                rule = reasons[-1].rule_id
                reasons[-1] = why(rule, "Unloaded: controlled reps, stopping well before form slips.")
            if step:
                reasons.append(why("linear-progression", text=f"Reps up {p.rep_step} a week, effort unchanged."))
        heavy = heavy_ready
    elif measure == "seconds":
        sets = p.accessory_sets if accessory else p.hold_sets
        rest = p.hold_rest
        seconds = _ramp(p.hold_start[ctx.level], step, p.hold_step, p.hold_max[ctx.level])
        if ctx.short_holds and e.category == Category.core:
            seconds = max(p.min_hold_seconds, round(seconds * p.short_hold_fraction))
            sets += p.short_hold_extra_sets
            reasons.append(why("screen-plank", "Your plank was short: shorter holds, one more set."))
        reasons.append(why("brief-core-holds", text="Short, high-quality holds rather than long ones."))
        reasons.append(why("dose-holds", text=f"Holds grow {p.hold_step} s a week to a ceiling."))
        cues.append(p.breathing_cue)
        reasons.append(why("breathing-in-holds", text="Breathe through the hold."))
    elif measure == "contacts":
        sets = p.accessory_sets if accessory else p.plyo_sets
        rest = p.plyo_rest
        factor = 1.0
        if ctx.phase == Phase.race_specific and ctx.race in p.explosive_distances:
            factor = p.explosive_contacts_factor
            reasons.append(why("short-race-explosive", text="More explosive contacts for a short race."))
        elif ctx.phase == Phase.race_specific and ctx.race in p.durability_distances:
            factor = p.durability_contacts_factor
            reasons.append(why("marathon-durability", text="Fewer jumps; durability comes first."))
        per_set = _ramp(p.plyo_start_contacts, step, p.plyo_contacts_step, 10**6)
        per_set = max(1, round(per_set * factor))
        sides = 2 if dose.per_side else 1
        ceiling = p.plyo_max_contacts[ctx.level] // (sets * sides)
        contacts = max(1, min(per_set, ceiling))
        reasons.append(
            Reason(
                rule_id="dose-plyometric",
                text=f"At most {p.plyo_max_contacts[ctx.level]} contacts a session for a {ctx.level.value}.",
            )
        )
    else:
        sets, distance, rest = dose.sets, dose.distance_m, p.hold_rest
        intensity = _intensity(kind="rpe", value=float(p.carry_rpe))
        reasons.append(why("foundation-posterior-emphasis", text="Slow, tall carry for core stiffness."))

    if plyometric or e.pattern == Pattern.landing:
        cues.append(p.landing_cue)
        reasons.append(why("landings-before-plyometrics", text="Every landing is soft and braced."))
    if e.intent == Intent.power:
        cues.append(p.gait_cue)
        reasons.append(why("gait-matched-cues", text="Quick ground contacts, as in your stride."))
    if tempo and measure == "reps":
        cues.append(p.tempo_cue)
        reasons.append(why("tempo-prescribed", "Each lift has a tempo (seconds down-pause-up-pause): never rushed."))

    if heavy:
        cues.append(p.ramp_up_cue)
    if ctx.phase == Phase.maintenance:
        sets = min(sets, p.maintenance_sets)
        reasons.append(why("maintenance-after-race", f"{sets} set(s) at the same dose: keep, don't build."))
    if ctx.volume_cut_pct:
        sets = _cut_sets(sets, ctx.volume_cut_pct)
        rule = "planned-deloads" if ctx.deload else "taper"
        reasons.append(why(rule, text=f"Volume cut about {ctx.volume_cut_pct}%."))
    leg_work = e.category in (Category.posterior_chain, Category.single_leg_power)
    if ctx.light and leg_work and role == Role.primary:
        sets = max(1, sets - p.light_set_cut)
        if intensity.kind == "rir":
            intensity = _intensity(kind="rir", value=intensity.value + p.light_rir_increase)  # type: ignore[operator]
        reasons.append(
            why("light-before-key-runs", "A key run is close: one set fewer, more in reserve, fresh legs first.")
        )
    cut = dict(ctx.reduced).get(e.category, 0)
    if cut:  # the review's cut, of the announced size in sets and reps, seconds or contacts (review_cut)
        steps = (p.max_set_step, p.max_rep_step, p.max_hold_step, p.max_contacts_step)
        sets, reps, seconds, contacts, distance = cut_prescription(sets, reps, seconds, contacts, distance, cut, steps)
        reasons.append(why("review-reduce", f"Your review asked for less: volume cut about {cut}% this week."))
    if ctx.deload:
        heavy = False
        if intensity.kind == "rir":
            intensity = _intensity(kind="rir", value=intensity.value + p.deload_rir_increase)  # type: ignore[operator]
        elif intensity.kind == "rpe":
            intensity = _intensity(kind="rpe", value=intensity.value - p.deload_rir_increase)  # type: ignore[operator]
    extra_side = None
    if dose.per_side and role in (Role.primary, Role.accessory):
        extra_side = next((side for category, side in ctx.weaker if category == e.category), None)
        if extra_side:
            reasons.append(why("weak-side-extra-set", f"One extra set on your {extra_side} side, the weaker one."))
    presc = build(
        Prescription,
        extra_sets_side=extra_side,
        sets=sets,
        reps=reps,
        seconds=seconds,
        contacts=contacts,
        distance_m=distance,
        per_side=dose.per_side,
        intensity=intensity,
        tempo=tempo,
        rest_seconds=rest,
    )
    return Dosed(presc, tuple(reasons), tuple(dict.fromkeys(cues)), heavy, plyometric)


def estimate_seconds(presc: Prescription, role: Role, p: Params) -> int:
    """Working time from reps x tempo (or hold, contacts, distance), plus rests and set-up."""
    sides = 2 if presc.per_side else 1
    if presc.reps:
        rep_s = _tempo_seconds(presc.tempo) or p.default_rep_seconds
        work = presc.reps * rep_s
    elif presc.seconds:
        work = presc.seconds
    elif presc.contacts:
        work = presc.contacts * p.contact_seconds
    else:
        work = (presc.distance_m or 0) / p.carry_metres_per_second
    total_sets = presc.sets + (1 if presc.extra_sets_side else 0)
    per_set = work * sides
    extra = -work if presc.extra_sets_side else 0  # the extra set is one side only
    rests = presc.rest_seconds * max(total_sets - 1, 0)
    transition = p.warm_up_transition_seconds if role in (Role.warm_up, Role.finisher) else p.transition_seconds
    return math.ceil(per_set * total_sets + extra + rests + transition)


@lru_cache(maxsize=512)
def _tempo_seconds(tempo: str | None) -> int:
    if not tempo:
        return 0
    return sum(1 if part == "X" else int(part) for part in tempo.split("-"))
