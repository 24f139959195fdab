"""What a week of the load walk notes of each lift for the weeks after it (`plan_loads`): its
heaviest load and dose, a full day's before a light day's, and its light days' reps and load."""

from __future__ import annotations

from .load_limits import LOADED_ROLES
from .model import Block


def note_heaviest(heaviest: dict, b: Block) -> None:
    """The week's heaviest load of each lift, and its dose: a full-dose day's, if the week
    has one, sets where the next step starts (a light day's only when the week has no other)."""
    kg = b.prescription.load_kg
    if kg is None or b.role not in LOADED_ROLES:
        return
    light = any(r.rule_id == "light-before-key-runs" for r in b.reasons)
    was = heaviest.get(b.exercise_id)
    if was is None or (was[2] and not light) or (was[2] == light and kg > was[0]):
        heaviest[b.exercise_id] = (kg, b.prescription, light)


def note_light(light_days: dict, b: Block) -> None:
    """A light day's reps and heaviest load this week: next week's light day holds that load
    if its reps rise (linear-progression, as a full day's does)."""
    presc = b.prescription
    if presc.load_kg is None or not presc.reps or b.role not in LOADED_ROLES:
        return
    if any(r.rule_id == "light-before-key-runs" for r in b.reasons):
        reps, kg = light_days.get(b.exercise_id, (presc.reps, presc.load_kg))
        light_days[b.exercise_id] = (max(reps, presc.reps), max(kg, presc.load_kg))
