"""How far a day's load may rise from one loading week to the next (linear-progression).

Shared by the planner's walk (`plan_loads`, which holds a load that would rise past it) and its
check (`validate`), so the two read one bound: a day's load (a lift on a day of one focus, as the
weekly reps bound reads it) rises at most `max_load_step_pct` over that day's last loading week;
where the kit's smallest step is more than that (a 2 kg dumbbell's next is 4 kg, +100%), at most
`max_kit_steps` steps of the kit, and only once the day's reps last loading week reached the top
of the range this week doses, its reps falling (double progression: reps, then the load); and
never while the day's reps rise (each day of a lift runs its own double progression).
"""

from __future__ import annotations

from typing import Any

from .model import Prescription

_EPS = 1e-6


def load_step_problem(before: Prescription, now: Prescription, top: int | None, step: float, p: Any) -> str | None:
    """What breaks the bound in the step from `before` to `now` (None: nothing): `top` is the top
    of the range `now` is dosed in (None: unknown, no kit step past the percentage then), `step`
    the kit's smallest step in kg."""
    was, kg = before.load_kg, now.load_kg
    if not was or kg is None or not before.reps or not now.reps:
        return None  # a carry's metres at a load are bounded by the lift's best so far (`validate_loads`)
    if kg > was + _EPS and now.reps > before.reps:
        step_said = f"{before.sets} x {before.reps} @ {was:g} -> {now.sets} x {now.reps} @ {kg:g} kg"
        return f"{step_said}: reps and load rise together"
    if kg <= was * (1 + p.max_load_step_pct / 100) + _EPS:
        return None
    if kg > was + p.max_kit_steps * step + _EPS:
        return f"load {was:g} -> {kg:g} kg in a week"
    if top is None or before.reps < top:
        return f"load {was:g} -> {kg:g} kg before the reps reached the range's top"
    if now.reps >= before.reps:
        return f"load {was:g} -> {kg:g} kg without fewer reps"
    return None
