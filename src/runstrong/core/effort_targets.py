"""Effort targets: which count as heavy, the ceiling the last days before a race hold, and
the same target made easier. Placement, trimming, the checker and dosing all ask these."""

from __future__ import annotations

from .model import Intensity, build
from .params import Params


def effort_target(kind: str, value: float | None = None) -> Intensity:
    return build(Intensity, kind=kind, value=value)


def heavy_set(intensity: Intensity, p: Params) -> bool:
    """Whether a set at this effort is heavy (near failure or a high share of 1RM), whatever its category."""
    v = intensity.value
    match intensity.kind:
        case "rir":
            return v <= p.heavy_set_max_rir  # type: ignore[operator]
        case "rpe":
            return v >= p.heavy_min_rpe  # type: ignore[operator]
        case "percent_1rm":
            return v >= p.heavy_set_min_pct_1rm  # type: ignore[operator]
        case "load_kg":
            return True  # a working load is only set for the heavy scheme
    return False


def harder_than_race_close(intensity: Intensity, p: Params) -> bool:
    """Whether a lower-body block's effort is harder than the taper allows in the last days
    before a race (bodyweight always fits)."""
    if intensity.kind == "rir":
        return intensity.value < p.race_close_min_rir  # type: ignore[operator]
    if intensity.kind == "percent_1rm":
        return intensity.value > p.race_close_max_pct_1rm  # type: ignore[operator]
    return intensity.kind != "bodyweight"


def race_close_intensity(intensity: Intensity, p: Params) -> Intensity:
    """Lower-body effort in the last days before the race: never nearer failure than the taper allows."""
    floor = p.race_close_min_rir
    if intensity.kind == "rir" and intensity.value < floor:  # type: ignore[operator]
        return effort_target(kind="rir", value=float(floor))
    if intensity.kind in ("rpe", "load_kg") or (
        intensity.kind == "percent_1rm" and intensity.value > p.race_close_max_pct_1rm  # type: ignore[operator]
    ):
        return effort_target(kind="rir", value=float(floor))
    return intensity


def eased(intensity: Intensity, by: int, rir_only: bool = False) -> Intensity:
    """The same effort target made easier: more reps in reserve, or a lower RPE."""
    if intensity.kind == "rir":
        return effort_target(kind="rir", value=intensity.value + by)  # type: ignore[operator]
    if intensity.kind == "rpe" and not rir_only:
        return effort_target(kind="rpe", value=intensity.value - by)  # type: ignore[operator]
    return intensity
