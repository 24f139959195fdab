"""Short human labels shared by the terminal, Markdown and later renderers."""

from __future__ import annotations

from runstrong.core.model import (
    Block,
    Dose,
    Exercise,
    Intensity,
    Phase,
    Prescription,
    RunType,
    Session,
    Units,
    Week,
)
from runstrong.core.vocab import CATEGORY_NAME

CATEGORY_SHORT = CATEGORY_NAME

PHASE_LABEL = {
    Phase.foundation: "Foundation",
    Phase.build: "Build",
    Phase.race_specific: "Race-specific",
    Phase.taper: "Taper",
    Phase.race_week: "Race week",
    Phase.maintenance: "Maintenance",
}

PHASE_LETTER = {
    Phase.foundation: "F",
    Phase.build: "B",
    Phase.race_specific: "R",
    Phase.taper: "T",
    Phase.race_week: "★",
    Phase.maintenance: "M",
}

RUN_SHORT = {
    RunType.easy: "easy",
    RunType.long: "long",
    RunType.tempo: "tempo",
    RunType.intervals: "intervals",
    RunType.race: "RACE",
    RunType.cross_train: "x-train",
    RunType.rest: "rest",
}

KG_PER_LB = 0.45359237
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


def effort_label(i: Intensity) -> str:
    """An effort target as a runner reads it: `RIR 3`, `RPE 7`, `75% 1RM`, `60 kg`, `bodyweight`."""
    match i.kind:
        case "rpe":
            return f"RPE {i.value:g}"
        case "rir":
            return f"RIR {i.value:g}"
        case "percent_1rm":
            return f"{i.value:g}% 1RM"
        case "load_kg":
            return f"{i.value:g} kg"
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


FIND_WEIGHT = "find-your-weight"


def find_weight_note(block: Block) -> str:
    """`find your weight [find-your-weight]` on the first session of a lift with no load known."""
    if any(r.rule_id == FIND_WEIGHT for r in block.reasons):
        return f"find your weight [{FIND_WEIGHT}]"
    return ""


def block_dose_text(block: Block, units: Units = Units.metric) -> str:
    """The dose, and `· find your weight [find-your-weight]` on a lift's first session."""
    note = find_weight_note(block)
    return f"{dose_text(block.prescription, units)} · {note}" if note else dose_text(block.prescription, units)


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


def dose_label(e: Exercise) -> str:
    """`3 × 8/side`: the library's starting dose of an exercise."""
    return f"{e.dose.sets} × {amount_label(e.dose)}"


def rest_text(seconds: int) -> str:
    if seconds <= 0:
        return "-"
    if seconds % 60 == 0:
        return f"{seconds // 60} min"
    if seconds > 60:
        return f"{seconds // 60}:{seconds % 60:02d}"
    return f"{seconds} s"


RACE_NAME = {"5k": "5K", "10k": "10K", "half": "Half marathon", "marathon": "Marathon", "ultra": "Ultra"}


def plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def session_load(session: Session, week: Week) -> str:
    """heavy, moderate or light, as a runner would say it."""
    if session.heavy:
        return "heavy"
    light = (
        week.deload
        or week.phase in (Phase.race_week, Phase.taper)
        or any(r.rule_id == "light-before-key-runs" for b in session.blocks for r in b.reasons)
    )
    return "light" if light else "moderate"
