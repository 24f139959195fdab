"""The plan's values: sessions of blocks of prescriptions, grouped in weeks, with the reasons.

Split from model.py (which re-exports every name here) to keep each module one size a person
can read. Import these names from runstrong.core.model: model.py is loaded first.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, computed_field

from .base import Frozen
from .loads import MAX_LOAD_KG
from .model import PLAN_SCHEMA_VERSION, AthleteProfile, DatedRun, Reason
from .vocab import Category, Weekday


class Intensity(Frozen):
    kind: Literal["rpe", "rir", "percent_1rm", "load_kg", "bodyweight"]
    value: float | None = None


class Prescription(Frozen):
    sets: Annotated[int, Field(ge=1, le=6)]
    reps: int | None = None
    seconds: int | None = None
    contacts: int | None = None
    distance_m: int | None = None
    per_side: bool = False
    extra_sets_side: Literal["left", "right"] | None = None
    intensity: Intensity
    tempo: str | None = None
    rest_seconds: Annotated[int, Field(ge=0, le=600)]
    ramp_sets: Annotated[int, Field(ge=0, le=6)] = Field(
        0, description="Lighter sets worked up through before the working sets (ramp-sets), counted in the time."
    )
    load_kg: Annotated[float | None, Field(gt=0, le=MAX_LOAD_KG)] = Field(
        None,
        description="Working load per set (each dumbbell or kettlebell), rounded to real kit; effort stays the target.",
    )


class Role(StrEnum):
    warm_up = "warm_up"
    primary = "primary"
    accessory = "accessory"
    finisher = "finisher"


class Block(Frozen):
    role: Role
    exercise_id: str
    name: str
    category: Category
    prescription: Prescription
    estimated_seconds: int
    cues: list[str]
    reasons: list[Reason]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def rule_ids(self) -> list[str]:
        return _ids(self.reasons)


class Phase(StrEnum):
    foundation = "foundation"
    build = "build"
    race_specific = "race_specific"
    taper = "taper"
    race_week = "race_week"
    maintenance = "maintenance"


class Session(Frozen):
    date: dt.date
    weekday: Weekday
    kind: Literal["strength"] = "strength"
    focus: Category
    heavy: bool
    plyometric: bool
    estimated_minutes: int
    trim_steps: int = Field(0, description="Steps of trimming the time cap needed (0: none); they carry on "
                            "through the block so that sessions stay alike.")  # fmt: skip
    blocks: list[Block]
    reasons: list[Reason]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def rule_ids(self) -> list[str]:
        return _ids(self.reasons)


class Suggestion(Frozen):
    date: dt.date
    kind: Literal["cross_train", "mobility"]
    text: str
    reasons: list[Reason]


class Week(Frozen):
    index: int
    start_date: dt.date
    phase: Phase
    deload: bool
    runs: list[DatedRun]
    sessions: list[Session]
    suggestions: list[Suggestion] = []
    reasons: list[Reason]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def rule_ids(self) -> list[str]:
        return _ids(self.reasons)


class Guidance(Frozen):
    topic: str
    text: str
    reasons: list[Reason]


class Plan(Frozen):
    schema_version: int = PLAN_SCHEMA_VERSION
    registry_version: str
    library_version: str
    data: str | None = None  # which data made it: "package" or an edited copy's directory, versions, rulebook hash
    profile: AthleteProfile
    start_date: dt.date
    end_date: dt.date
    weeks: list[Week]
    guidance: list[Guidance]
    warnings: list[str] = []


def _ids(reasons: list[Reason]) -> list[str]:
    seen: dict[str, None] = {}
    for r in reasons:
        seen.setdefault(r.rule_id, None)
    return list(seen)
