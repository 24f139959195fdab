"""What a runner records in the baseline screen (S35): a dated value with no logic.

Kept apart from the scoring (`core.assessment`) so that the profile can hold screens.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import Field, model_validator

from .base import Frozen

Seconds = Annotated[int, Field(ge=0, le=600, description="Seconds held, to form failure.")]
Reps = Annotated[int, Field(ge=0, le=200)]


class SquatQuality(StrEnum):
    """Crossley et al. 2011's overall rating of five single-leg squats."""

    good = "good"
    fair = "fair"
    poor = "poor"


class SquatFault(StrEnum):
    trunk = "trunk"  # trunk leans or rotates
    pelvis = "pelvis"  # pelvis drops or shifts
    hip = "hip"  # hip drops in (adduction / internal rotation)
    knee_valgus = "knee_valgus"  # knee caves past the foot
    depth = "depth"  # shallow, jerky or loses balance


class HingeFault(StrEnum):
    head = "head"  # the dowel leaves the back of the head
    upper_back = "upper_back"  # ... the upper back (rounding)
    sacrum = "sacrum"  # ... the sacrum (lumbar flexion)
    knees = "knees"  # squats the movement instead of hinging
    depth = "depth"  # cannot reach about 90 degrees of hip flexion


class Side(StrEnum):
    left = "left"
    right = "right"


class Screen(Frozen):
    """One baseline screen (S35), as recorded by `runstrong assess`."""

    date: dt.date
    hip_hinge_pass: bool = Field(description="All three dowel contacts kept through the hinge.")
    hip_hinge_faults: list[HingeFault] = []
    plank_seconds: Seconds
    side_plank_left_seconds: Seconds
    side_plank_right_seconds: Seconds
    single_leg_squat_left: SquatQuality
    single_leg_squat_right: SquatQuality
    single_leg_squat_faults_left: list[SquatFault] = []
    single_leg_squat_faults_right: list[SquatFault] = []
    balance_open_left_seconds: Seconds
    balance_open_right_seconds: Seconds
    balance_closed_left_seconds: Seconds | None = None
    balance_closed_right_seconds: Seconds | None = None
    heel_raise_left: Reps
    heel_raise_right: Reps
    biering_sorensen_seconds: Seconds | None = None
    hop_left_cm: Annotated[int, Field(ge=0, le=400)] | None = None
    hop_right_cm: Annotated[int, Field(ge=0, le=400)] | None = None
    notes: str | None = None

    @model_validator(mode="after")
    def _faults_match(self) -> Screen:
        if self.hip_hinge_pass and self.hip_hinge_faults:
            raise ValueError("hip_hinge_faults: a passed hinge has no faults; set hip_hinge_pass = false")
        if (self.hop_left_cm is None) != (self.hop_right_cm is None):
            raise ValueError("hop_left_cm: record both legs' hops, or neither")
        return self
