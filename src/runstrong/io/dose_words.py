"""A dose in words (`3 × 8/side @ 20 kg, RIR 3`), rest and run labels.

Plain functions over any object with a prescription's fields, importing no Pydantic model,
so `runstrong today`'s light read path (store/light_read) words a dose the same way as
every other renderer (`io/labels` re-exports these).
"""

from __future__ import annotations

from typing import Any

from runstrong.core.set_text import EASY_EFFORT, KG_PER_LB, easy_effort
from runstrong.core.vocab import RunType, Units

Prescription = Any  # a core.model.Prescription, or the light read path's view of one
Dose = Any

RUN_SHORT = {
    RunType.easy: "easy",
    RunType.long: "long",
    RunType.tempo: "tempo",
    RunType.intervals: "intervals",
    RunType.race: "RACE",
    RunType.cross_train: "x-train",
    RunType.rest: "rest",
}

METRES_PER_YARD = 0.9144


def load_text(kg: float, units: Units) -> str:
    """A load in the runner's units: `62.5 kg`, `140 lb` (loads are rounded in those units)."""
    if units == Units.imperial:
        return f"{kg / KG_PER_LB:.0f} lb"
    return f"{round(kg, 2):g} kg"


def planned_load_kg(presc: Prescription) -> float | None:
    """The load a block prescribes: its working load, or (plans made before loads were a
    field of their own) an effort given as a load."""
    if presc.load_kg is not None:
        return presc.load_kg
    return presc.intensity.value if presc.intensity.kind == "load_kg" else None


def effort_label(intensity: Any) -> str:
    """An effort target as a runner reads it: `RIR 3`, `RPE 7`, `75% 1RM`, `60 kg`, `bodyweight`;
    one further from failure than reps in reserve read true (a light hold, a cut, a deload's
    load: `RIR 9`) as `easy (RIR 6+)` (`set_text.easy_effort`)."""
    if easy_effort(intensity.kind, intensity.value):
        return EASY_EFFORT
    match intensity.kind:
        case "rpe":
            return f"RPE {intensity.value:g}"
        case "rir":
            return f"RIR {intensity.value:g}"
        case "percent_1rm":
            return f"{intensity.value:g}% 1RM"
        case "load_kg":
            return f"{intensity.value:g} kg"
    return "bodyweight"


def intensity_text(presc: Prescription, units: Units = Units.metric) -> str:
    """The effort target, with the load in front when there is one: `60 kg, RIR 3`."""
    i = presc.intensity
    if i.kind == "load_kg" and i.value is not None:
        return load_text(i.value, units)
    if presc.load_kg is not None:
        return (
            f"{load_text(presc.load_kg, units)}, {effort_label(i)}"
            if i.kind != "bodyweight"
            else load_text(presc.load_kg, units)
        )
    return effort_label(i)


def amount_label(dose: Prescription | Dose) -> str:
    """`8/side`, `30s`, `20 contacts` or `40 m`: one set's reps, seconds, contacts or metres."""
    side = "/side" if dose.per_side else ""
    if dose.reps:
        return f"{dose.reps}{side}"
    if dose.seconds:
        return f"{dose.seconds}s{side}"
    if dose.contacts:
        return f"{dose.contacts} contacts{side}"
    return f"{dose.distance_m} m{side}"


def volume_label(presc: Prescription) -> str:
    """`3 × 8/side (+1 set left)`: sets times reps, seconds, contacts or metres."""
    extra = f" (+1 set {presc.extra_sets_side})" if presc.extra_sets_side else ""
    return f"{presc.sets} × {amount_label(presc)}{extra}"


def dose_text(presc: Prescription, units: Units = Units.metric) -> str:
    """`3 × 8/side @ 20 kg, RIR 3`, the way a coach writes a dose."""
    text = volume_label(presc)
    if presc.distance_m and units == Units.imperial:
        text = text.replace(f"{presc.distance_m} m", f"{round(presc.distance_m / METRES_PER_YARD)} yd")
    if presc.intensity.kind != "bodyweight" or presc.load_kg is not None:
        text += f" @ {intensity_text(presc, units)}"
    return text


def rest_text(seconds: int) -> str:
    if seconds <= 0:
        return "-"
    if seconds % 60 == 0:
        return f"{seconds // 60} min"
    if seconds > 60:
        return f"{seconds // 60}:{seconds % 60:02d}"
    return f"{seconds} s"
