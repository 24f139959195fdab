"""How long a prescription takes: reps x tempo (or hold, contacts, distance), rests and
set-up, so sessions can be fitted to the runner's time cap."""

from __future__ import annotations

import math

from .model import Block, Prescription, Reason, Role
from .params import Params

# why a short session is short, by the rule that cut it (most telling first)
SHORT_BECAUSE = (
    ("planned-deloads", "the deload week cuts every lift's sets"),
    ("taper", "the taper cuts volume and keeps intensity"),
    ("light-before-key-runs", "a key run is close, so the legs' work is light"),
    ("maintenance-after-race", "maintenance keeps what was built with fewer sets"),
)


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


def time_reason(minutes: int, cap: int, blocks: list[Block], p: Params) -> Reason:
    """The session's time against the cap; a session under the registry's short mark cut by a
    deload, the taper, a light day or maintenance says it is short on purpose (session-time-cap;
    cr25a F17: Sanjay's 9-minute deload Monday said only "~9 min")."""
    text = f"About {minutes} min, inside your {cap}-minute cap."
    if minutes < p.short_session_minutes:
        rules = {r.rule_id for b in blocks for r in b.reasons}
        because = next((words for rule_id, words in SHORT_BECAUSE if rule_id in rules), None)
        if because:
            text = f"About {minutes} min, inside your {cap}-minute cap: short on purpose, as {because}."
    return p.why("session-time-cap", text)
