"""A review's cap on one lift's dose: no number above the plan it replaces (sets, reps,
seconds, contacts, distance, the extra set, effort and, for the same lift, load), with the
`review-hold` reason said once when a cap took something off."""

from __future__ import annotations

from typing import Any

from ..dosing import estimate_seconds
from ..model import Block, Prescription, why

CAP_SAID = why("review-hold", "Never more than the plan gave this week.")


def capped_block(b: Block, cap: Prescription, params: Any, same_lift: bool = True, held: bool = False) -> Block:
    logged = any(r.rule_id == "load-autoregulation" for r in b.reasons)
    if logged and not held and any(r.rule_id == "slow-heavy-rung" for r in b.reasons):
        return b  # a slow heavy rung grows from its log within its rung (slow-heavy-rung, pain-monitoring)
    presc = capped(b.prescription, cap, same_lift, follows_log=logged, held=held)
    if presc is b.prescription:
        return b
    reason = CAP_SAID
    # said once however many caps apply: a review applied again gives the very same plan
    reasons = b.reasons if reason in b.reasons else [*b.reasons, reason]
    return b.model_copy(
        update={"prescription": presc, "estimated_seconds": estimate_seconds(presc, b.role, params), "reasons": reasons}
    )


def capped(
    presc: Prescription, cap: Prescription, same_lift: bool = True, follows_log: bool = False, held: bool = False
) -> Prescription:
    """`presc` with no number above `cap`'s: sets, reps, seconds, contacts, distance, the
    extra set, effort (fewer reps in reserve or a higher RPE count as more) and, when `cap`
    is the same lift's dose, load. A load that follows the diary's last set of the lift
    (`follows_log`) is that set's answer for the same effort: only an eased effort lowers it.
    A `held` cap (the dose a hold or cut keeps) is stricter: never a heavier load, and never
    nearer failure, RIR and RPE read on one scale (cr19b #11: a cut's words over a new block's
    fewer reps at 30 lb for this week's 25 lb)."""
    update: dict[str, object] = {}
    for field in ("sets", "reps", "seconds", "contacts", "distance_m"):
        value, limit = getattr(presc, field), getattr(cap, field)
        if value is not None and limit is not None and value > limit:
            update[field] = limit
    if presc.extra_sets_side and not cap.extra_sets_side:
        update["extra_sets_side"] = None
    eased = harder_effort(presc, cap) or (held and nearer_failure(presc, cap))
    if eased:
        update["intensity"] = cap.intensity
    # a load chosen for the harder effort, or for as many reps, would keep the rise: it is held
    # to the cap's (fewer reps at the same effort may keep their heavier load)
    reps = update.get("reps", presc.reps)
    as_many = not follows_log and reps is not None and cap.reps is not None and reps >= cap.reps
    if same_lift and presc.load_kg and cap.load_kg and presc.load_kg > cap.load_kg and (eased or as_many or held):
        update["load_kg"] = cap.load_kg
    return presc.model_copy(update=update) if update else presc


def harder_effort(a: Prescription, b: Prescription) -> bool:
    """`a` asks more effort than `b`: fewer reps in reserve, a higher RPE, load or %1RM."""
    x, y = a.intensity, b.intensity
    if x.kind != y.kind or x.value is None or y.value is None or x.kind not in ("rir", "rpe", "load_kg", "percent_1rm"):
        return False
    return x.value < y.value if x.kind == "rir" else x.value > y.value


def nearer_failure(a: Prescription, b: Prescription) -> bool:
    """`a` leaves fewer reps in reserve than `b`, one an RIR and the other an RPE (RPE = 10 - RIR)."""
    x, y = a.intensity, b.intensity
    if {x.kind, y.kind} != {"rir", "rpe"} or x.value is None or y.value is None:
        return False
    return (10 - x.value if x.kind == "rpe" else x.value) < (10 - y.value if y.kind == "rpe" else y.value)
