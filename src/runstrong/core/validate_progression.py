"""A plan's step from one loading week to the next (linear-progression), checked on the finished
plan: reps, sets, holds, contacts and the load an effort implies within the registry's bounds,
a day's load in kilograms too (`load_steps`), light days against their own last light days.
Returns (rule id, where, message) for `validate` to make violations of."""

from __future__ import annotations

import datetime as dt
from operator import attrgetter

from . import loads as ld
from .dated_races import races_of
from .dated_races import window as tune_up_window
from .kit_progress import dosed_range
from .library import Library
from .load_limits import REVIEWED
from .load_steps import load_step_problem
from .model import Block, Plan, Prescription, Role
from .params import Params
from .phases import LOADING_PHASES
from .progression import load_rise_pct, rir_of
from .season import kept_in_season

_RULE_ID = attrgetter("rule_id")


class KitSteps:
    """Each loaded exercise's kit step in kg for this runner (None: no load), worked out once."""

    def __init__(self, plan: Plan, library: Library, p: Params) -> None:
        self.plan, self.library, self.p, self.steps = plan, library, p, {}

    def __call__(self, ex: str) -> float | None:
        if ex not in self.steps:
            e = self.library.get(ex) if ex in self.library else None
            kit = ld.implement(e.equipment) if e is not None and e.loadable else None
            self.steps[ex] = None if kit is None else ld.kit_of(kit, self.plan.profile, self.p).step
        return self.steps[ex]


def check_progression(
    plan: Plan, p: Params, kit_step: KitSteps, lived: frozenset[dt.date]
) -> list[tuple[str, str, str]]:
    """Each loading week's step from the last loading week stays within the registry's
    bounds, across phase changes and deloads (a deload or taper week is compared with
    nothing; the loading week after it with the one before it; a season's kept week is no step
    but the base of the week after it: in-season); a day's load in kilograms
    too (`load_steps`), except in a week lived or the first after one (the diary's sets lead).
    A light day's load steps from the last loading week's light day of its lift (cr24a F5: a light
    day held at 95 kg while its reps rose took 105 kg in one week)."""
    out: list[tuple[str, str, str]] = []
    last: dict[tuple[str, str], Prescription] = {}
    last_light: dict[str, tuple[int, float]] = {}  # exercise id -> its light days' most reps, heaviest load
    rules_of: dict[int, frozenset[str]] = {}  # weeks share blocks: each one's rule ids read once (the plan keeps them)
    races = races_of(plan.profile)  # a dated race's last days hold leg work far from failure, as a light day does
    was_lived = False
    for w in plan.weeks:
        kept = not w.deload and kept_in_season(w, plan.profile)  # the base for the week after it, not a step
        if (w.deload or w.phase not in LOADING_PHASES) and not kept:
            continue
        sink: list[tuple[str, str, str]] = [] if kept else out
        if "baseline-screen" in w.rule_ids:  # a new screen re-prescribes from what was measured
            last, last_light = {}, {}
        seen: dict[tuple[str, str], Prescription] = {}
        light: dict[str, tuple[int, float]] = {}
        kg_judged = not was_lived and w.start_date not in lived
        was_lived = w.start_date in lived
        for s in w.sessions:
            if races and not tune_up_window(races, s.date, p)[1]:
                continue  # neither a step up nor the base for one (tune-up-race)
            for b in s.blocks:
                if b.role not in (Role.primary, Role.accessory):
                    continue
                rules = rules_of.get(id(b))
                if rules is None:
                    rules = rules_of[id(b)] = frozenset(map(_RULE_ID, b.reasons))
                key = (b.exercise_id, s.focus.value)
                if "light-before-key-runs" in rules:  # no step up nor base for a full day; its own load bounded
                    _light_step(sink, w.index, b, rules, (last_light, light), kit_step if kg_judged else None, p)
                    continue
                if not rules.isdisjoint(REVIEWED):  # a week a review cut or held: the week
                    if key in last:  # after it is compared with the week before it, as if the cap were not there
                        seen[key] = last[key]
                    continue
                seen[key] = b.prescription
                if kept:  # a season's dose: the base of the week after it, no step (in-season)
                    continue
                if key in last:
                    where = f"week {w.index} {b.exercise_id}"
                    problems = step_problems(last[key], b.prescription, p)
                    step = kit_step(b.exercise_id) if kg_judged else None
                    if step is not None:
                        top = span[1] if (span := dosed_range(b, p)) else None
                        problems += filter(None, [load_step_problem(last[key], b.prescription, top, step, p)])
                    sink += [("linear-progression", where, m) for m in problems]
        last, last_light = seen, light  # compare with the last loading week only: a returning exercise starts afresh
    return out


def _light_step(
    out: list[tuple[str, str, str]],
    week: int,
    b: Block,
    rules: frozenset[str],
    days: tuple[dict[str, tuple[int, float]], dict[str, tuple[int, float]]],
    kit_step: KitSteps | None,
    p: Params,
) -> None:
    """A light day's load rises at most the weekly step over the light days of its lift in the
    last loading week (their most reps and heaviest load, as the walk's `note_light` keeps them),
    or the kit's next step where the kit makes none smaller (`light_day_load`); a week a review
    cut or held carries the week before it, as a full day's does."""
    last, now = days
    ex, presc = b.exercise_id, b.prescription
    if not rules.isdisjoint(REVIEWED):
        now.update({ex: last[ex]} if ex in last else {})
        return
    if presc.load_kg is None or not presc.reps:
        return
    reps, heaviest = now.get(ex, (presc.reps, presc.load_kg))
    now[ex] = (max(reps, presc.reps), max(heaviest, presc.load_kg))
    if kit_step is None or ex not in last or (step := kit_step(ex)) is None:
        return
    was, kg = last[ex][1], presc.load_kg
    if kg <= was * (1 + p.max_load_step_pct / 100) + 1e-6:
        return
    if kg > was + step + 1e-6:  # (a session's top-up may add a light day's rep after its load is set)
        out.append(("linear-progression", f"week {week} {ex} (light day)", f"load {was:g} -> {kg:g} kg"))


def step_problems(before: Prescription, now: Prescription, p: Params) -> list[str]:
    """What in the step from `before` to `now` (one loading week to the next) breaks the
    registry's bounds: reps, holds, contacts, sets, load, and the load an effort implies."""
    problems = []
    reps_up = (now.reps or 0) - (before.reps or 0)
    if reps_up > p.max_rep_step:
        problems.append(f"reps up {reps_up}")
    if (now.seconds or 0) - (before.seconds or 0) > p.max_hold_step:
        problems.append("hold jumps")
    if (now.contacts or 0) - (before.contacts or 0) > p.max_contacts_step:
        problems.append("contacts jump")
    if now.sets - before.sets > p.max_set_step:
        problems.append("sets jump")
    bi, ni = before.intensity, now.intensity
    rise, lighter = None, bool(before.load_kg and now.load_kg and now.load_kg < before.load_kg)
    if bi.kind == ni.kind == "load_kg" and bi.value and ni.value:
        rise, most = (ni.value - bi.value) / bi.value * 100, p.max_load_step_pct
    elif before.reps and now.reps and (q0 := rir_of(bi.kind, bi.value)) is not None:
        q1 = rir_of(ni.kind, ni.value)
        if q1 is not None:
            rise = load_rise_pct((before.reps, q0), (now.reps, q1), p.e1rm_divisor)
            most = p.max_implied_load_step_pct
            if lighter:
                # with both loads written, the strength asked is the e1RM the load and its effort stand
                # for: a lighter load at a nearer effort can ask less (a day at the kit's heaviest says
                # the reserve it leaves, kit-heaviest: 3 x 9 @ 12 kg at RIR 6 asks an e1RM of 18 kg,
                # then 3 x 11 @ 10 kg at RIR 2 one of 14.3 kg); and a lighter load never rises with
                # the reps (double progression: 1 x 8 @ 31.25 kg then 1 x 10 @ 30 kg, both RIR 2)
                rise = (now.load_kg / before.load_kg / (1 + rise / 100) - 1) * 100
    if rise is not None and rise > most + 1e-9:
        problems.append(f"load jumps {rise:.0f}%")
    if rise is not None and rise > 1e-9 and reps_up > 0 and not lighter:
        problems.append("reps and load rise together")
    return problems
