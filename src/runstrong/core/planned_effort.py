"""The effort a dose asks, as a set done as planned stores it and as the review reads it.

A loaded lift's dose names its effort (RIR 3, RPE 8) and a set logged as planned kept it. An
unloaded dose (bodyweight, a timed hold, hops) names none: it is dosed by control. So a
session logged as planned stored no effort for it and the review table showed no target for a
bodyweight category ("9", not "9 (8)"; effortread's Left). Both now read unloaded work at
effort-read-near-failure's `unloaded_rpe`, the hardest effort any dose asks.

Pure: the dose and the mark come in as values.
"""

from __future__ import annotations

from typing import Any

from .plan_model import Prescription

UNLOADED_RULE = "effort-read-near-failure"  # its `unloaded_rpe`: unloaded work's target


def planned_rpe(p: Prescription, unloaded_rpe: float | None) -> float | None:
    """The dose's effort target as an RPE (RIR r is RPE 10 - r), unloaded work's mark for a
    bodyweight dose; None for a target given as a load or a share of 1RM."""
    i = p.intensity
    if i.kind == "rpe":
        return i.value
    if i.kind == "rir" and i.value is not None:
        return 10.0 - i.value
    return unloaded_rpe if i.kind == "bodyweight" else None


def planned_effort(p: Prescription, unloaded_rpe: float | None) -> dict[str, Any]:
    """The load and effort fields of a set of this dose done as planned: its load, and its
    effort as the dose names it (RIR or RPE), unloaded work at `unloaded_rpe`."""
    effort: dict[str, Any] = {} if p.load_kg is None else {"load_kg": p.load_kg}  # the planned load, kept
    i = p.intensity
    if i.kind == "load_kg":
        effort["load_kg"] = i.value
    elif i.kind == "rir":
        effort["rir"] = int(i.value or 0)
    elif (rpe := planned_rpe(p, unloaded_rpe)) is not None:
        effort["rpe"] = rpe
    return effort
