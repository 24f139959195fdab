"""How long a prescription takes: reps x tempo (or hold, contacts, distance), rests and
set-up, so sessions can be fitted to the runner's time cap."""

from __future__ import annotations

import math

from .model import Prescription, Role
from .params import Params


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
    ramp = presc.ramp_sets * p.ramp_set_seconds  # the lighter sets worked up through first (ramp-sets)
    return math.ceil(per_set * total_sets + extra + rests + transition + ramp)


def _tempo_seconds(tempo: str | None) -> int:
    if not tempo:
        return 0
    return sum(1 if part == "X" else int(part) for part in tempo.split("-"))
