"""The load invariants a finished plan must keep (part of `validate.check_plan`).

Every loadable block has a load once its start is known, each load sits on a step the
runner's kit can make and at most the heaviest it makes, no lift's heaviest load rises more than a week's step from one
loading week to the next, and a deload eases it. Checked on the plan's blocks, not on
`plan_loads`' working, so a slip in the walk is caught.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from . import loads as ld
from .library import Library
from .load_walk import loadable_exercise, loaded_dose
from .model import Phase, Plan

_EPS = 1e-6
_LIGHT = "light-before-key-runs"
_Week = tuple[int, bool, float, bool, bool, bool]  # index, deload, heaviest kg, lived, light days only, maintenance


def check_loads(plan: Plan, library: Library, p: Any, lived: frozenset[dt.date]) -> list[tuple[str, str, str]]:
    """(rule id, where, message) for each broken load invariant; weeks in `lived` (their
    Mondays) are kept as they were lived and only start the comparison after them."""
    out: list[tuple[str, str, str]] = []
    heaviest: dict[str, list[_Week]] = {}  # id -> (week, deload, kg, lived, light days only)
    started: set[str] = set()
    kits: dict[str, ld.Kit | None] = {}  # each exercise's kit, worked out once
    on_step: dict[tuple[float, str], bool] = {}  # a plan repeats its loads: each (kg, exercise) judged once
    for w in plan.weeks:
        was_lived = w.start_date in lived
        week_max: dict[str, float] = {}
        full: set[str] = set()  # lifts with a full-dose (not light) load this week
        for s in w.sessions:
            for b in s.blocks:
                if not loaded_dose(b):
                    continue
                ex = b.exercise_id
                kit = kits[ex] if ex in kits else kits.setdefault(ex, _exercise_kit(ex, library, plan, p))
                if kit is None:
                    continue
                kg = b.prescription.load_kg
                if kg is None:
                    if ex in started and not was_lived:
                        out.append(("starting-load-estimate", f"week {w.index} {ex}", "no load once started"))
                    continue
                started.add(ex)
                if not was_lived:
                    fits = on_step.get((kg, ex))
                    if fits is None:
                        fits = on_step[kg, ex] = _on_step(kg, kit.step, kit.bar)
                    if not fits:
                        out.append(("load-rounding", f"week {w.index} {ex}", f"{kg:g} kg is off the kit's steps"))
                    if kg > kit.heaviest + _EPS:
                        past = f"{kg:g} kg is past the kit's {kit.heaviest:g}"
                        out.append(("kit-heaviest", f"week {w.index} {ex}", past))
                week_max[ex] = max(week_max.get(ex, 0.0), kg)
                if w.phase == Phase.race_week or not any(r.rule_id == _LIGHT for r in b.reasons):
                    full.add(ex)  # race week's light days are its loads (the walk steps on from them)
        for ex, kg in week_max.items():
            heaviest.setdefault(ex, []).append(
                (w.index, w.deload, kg, was_lived, ex not in full, w.phase == Phase.maintenance)
            )
    logged = {ex for ex, s in plan.profile.recent_sets.items() if s.date is not None} | set(plan.profile.logged_sets)
    for ex, weeks in heaviest.items():
        out += _steps(ex, weeks, kits[ex], p, ex in logged)  # type: ignore[arg-type]  # a lift with loads has a kit
    return out


def _exercise_kit(ex: str, library: Library, plan: Plan, p: Any) -> ld.Kit | None:
    """The kit of a library exercise that takes a load, else None."""
    if ex not in library:
        return None
    e = library.get(ex)
    return ld.kit_of(ld.implement(e.equipment), plan.profile, p, e.pair_load) if loadable_exercise(e) else None  # type: ignore[arg-type]


def _on_step(kg: float, step: float, bar: float) -> bool:
    """Whether `kg` is a load the kit makes: the bar (or where a runner's bells start) plus
    whole steps, at least one step when the steps start from nothing."""
    if kg < (bar or step) - _EPS:
        return False
    steps = (kg - bar) / step
    return math.isclose(steps, round(steps), abs_tol=1e-4)


def _steps(ex: str, weeks: list[_Week], kit: ld.Kit, p: Any, logged: bool) -> list[tuple[str, str, str]]:
    """A lift's heaviest load never rises more than a week's step above the most it has
    been given (linear-progression), and a deload eases it below that (planned-deloads).
    Compared with its best so far, not only last week's: a missed session dropped from a
    week (reschedule) lowers that week's heaviest without lowering what the lift can do;
    nor does a week of light days only (light-before-key-runs), which is checked but sets
    no base once the lift has had a full day (one that never had one lives on its light days:
    they are its base, as in the walk). A lift the diary logged starts afresh at the first
    week after lived ones that has it (`logged`: the diary's set takes over, as in the walk);
    any other carries its best on through lived weeks, a taper's lighter ones too. A deload
    eases below light weeks that climbed past that base too (a lift living on light days whose
    one full day was a race week's lighter one), as the walk's deload does. Maintenance after the
    race may come back to the load built before it (`built`: the best full day's, lived weeks
    included), however light race week was (maintenance-after-race)."""
    step, bar = kit.step, kit.bar
    out: list[tuple[str, str, str]] = []
    best: float | None = None
    light_top = 0.0  # the heaviest light-only week set no base, but a deload eases below it too
    built = 0.0  # the heaviest full day's load so far, lived or planned
    after_lived = False  # a logged lift's diary set takes over in the first week after lived ones
    had_full = False  # a full day's load so far (until then, its light days are its base)
    for i, deload, kg, lived, light_only, kept in weeks:
        judged = best is not None and not lived and not after_lived
        if deload:
            top = max(best or 0.0, light_top)
            if judged and kg >= top - _EPS and ld.can_ease(top, step, bar, p.deload_min_load_pct):
                out.append(("planned-deloads", f"week {i} {ex}", f"deload load {kg:g} kg not below {top:g} kg"))
            continue
        ceiling = ld.step_ceiling(best, p.max_load_step_pct, step) if judged else math.inf  # type: ignore[arg-type]
        if judged and kg > max(ceiling, built if kept else 0.0) + _EPS:
            out.append(("linear-progression", f"week {i} {ex}", f"load {best:g} -> {kg:g} kg in a week"))
        built = built if light_only or deload else max(built, kg)
        if light_only and best is not None and not lived and had_full:
            light_top = max(light_top, kg)
            continue
        had_full = had_full or not light_only
        best = kg if best is None or after_lived else max(best, kg)
        after_lived = lived and logged
    return out
