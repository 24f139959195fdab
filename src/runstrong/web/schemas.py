"""The JSON API's request and response bodies (Pydantic), as its OpenAPI document shows them.

Request bodies reuse the diary's own field definitions (bounds and descriptions included),
so the API documents the same scales the CLI and the pages use; the diary's models then
check the rules that span fields (one measure per set, no future dates).
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, create_model, field_validator

from runstrong.core.diary import (
    LoggedSet,
    PainReport,
    PlannedRun,
    PlannedSession,
    RunLog,
    SetLog,
    Wellness,
)
from runstrong.core.model import Category, Exercise, Level, Pattern, Phase, Units
from runstrong.core.review import Change, Review
from runstrong.core.vocab import EquipmentSet
from runstrong.store.diary_days import DayLog, StoredSessionLog

__all__ = ["LoggedSet"]


def _kind(annotation: Any) -> type | None:
    """int, float or bool when a field holds that (optionally None), else None."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and len(args) == 1:
        annotation = args[0]
    if typing.get_origin(annotation) is Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation if annotation in (bool, int, float) else None


class _In(BaseModel):
    """A request body: unknown fields are refused, and JSON types are kept (no "8" or
    true where a number goes, no 0 where true/false goes), as the OpenAPI document says."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _json_types(cls, value: Any, info: ValidationInfo) -> Any:
        kind = _kind(cls.model_fields[info.field_name].annotation) if info.field_name else None
        if kind is bool and not isinstance(value, bool) and value is not None:
            raise ValueError("write true or false")
        if kind in (int, float) and isinstance(value, bool | str):
            raise ValueError("write a number, not text or true/false")
        return value


def _iso_date(value: Any) -> Any:
    """Dates are written YYYY-MM-DD: a number is not a date here (pydantic would read it as
    seconds since 1970)."""
    if value is None or isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("write a date as YYYY-MM-DD")
    if not 1900 <= int(value[:4]) <= 2200:
        raise ValueError("give a date between the years 1900 and 2200")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]


def _without(model: type[BaseModel], name: str, drop: tuple[str, ...], optional: tuple[str, ...] = ()) -> Any:
    """A request model with `model`'s fields (bounds and descriptions kept), minus `drop`,
    with `optional` fields defaulting to None (the server fills them: today's date)."""
    fields: dict[str, Any] = {}
    for field_name, info in model.model_fields.items():
        if field_name in drop:
            continue
        if field_name in optional:
            fields[field_name] = (IsoDate | None, Field(None, description="YYYY-MM-DD. Default: today."))
        else:
            fields[field_name] = (info.annotation, info)
    return create_model(name, __base__=_In, __doc__=model.__doc__, **fields)


SetIn = _without(SetLog, "SetIn", ("set_number",))
PainIn = _without(PainReport, "PainIn", ("date",))
WellnessIn = _without(Wellness, "WellnessIn", (), optional=("date",))
RunIn = _without(RunLog, "RunIn", ("started_at", "source"), optional=("date",))  # those two come from imports


class ValidationProblem(BaseModel):
    loc: list[str | int] = Field(description="Where the bad value is: body, then the field path.")
    msg: str
    type: str


class ValidationProblems(BaseModel):
    """422: each bad value, located by field."""

    detail: list[ValidationProblem]


class Message(BaseModel):
    """400, 404 or 409: what is wrong, starting with the field it is about."""

    detail: str


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Message, "description": "The request is not usable (bad JSON, or a choice that cannot be made)."},
    404: {"model": Message, "description": "No such exercise, week or check-in."},
    409: {"model": Message, "description": "The diary has no athlete or no plan yet."},
    422: {"model": ValidationProblems, "description": "A value is out of range or missing; each names its field."},
}


class AthleteOut(BaseModel):
    name: str
    units: Units
    profile_version: int | None
    plan_version: int | None
    plan_start: dt.date | None
    plan_end: dt.date | None
    diary_version: int = Field(0, description="Goes up with every change; send it back as `version` to be told "
                               "when the diary changed in between (409).")  # fmt: skip


class DayOut(BaseModel):
    """A day: the planned strength sessions and runs, and what was logged."""

    date: dt.date
    athlete: str
    plan_version: int | None
    sessions: list[PlannedSession]
    runs: list[PlannedRun]
    logged: list[StoredSessionLog]
    logged_sets: int
    runs_logged: list[RunLog]
    wellness: Wellness | None
    next_session: PlannedSession | None = Field(None, description="The next planned session, when none is today.")


class SessionSummary(BaseModel):
    date: dt.date
    label: str
    focus: Category
    heavy: bool
    estimated_minutes: int
    exercises: list[str]


class WeekOut(BaseModel):
    index: int
    start_date: dt.date
    phase: Phase
    deload: bool
    sessions: list[SessionSummary]
    runs: list[PlannedRun]
    logged: list[DayLog] = Field(description="What was logged on each day of the week that has anything.")


class PlanOut(BaseModel):
    athlete: str
    version: int
    start_date: dt.date
    end_date: dt.date
    warnings: list[str]
    weeks: list[WeekOut]


class SessionOut(BaseModel):
    date: dt.date
    planned: PlannedSession | None
    logged: list[StoredSessionLog]


class SessionIn(_In):
    """A strength session as done. `as_planned` logs the planned sets as prescribed; `sets`
    adds (or, alone, gives) the sets as done. Sets are numbered by the server."""

    date: IsoDate | None = Field(None, description="The day it was done, YYYY-MM-DD. Default: today.")
    label: Annotated[str | None, Field(max_length=8)] = Field(
        None, description="Which planned session (A, B, C) when the day holds several."
    )
    as_planned: bool = False
    sets: Annotated[list[SetIn], Field(max_length=200)] = []  # type: ignore[valid-type]
    minutes: int | None = Field(None, description="How long it took, 1-300 minutes.")
    session_rpe: float | None = Field(None, description="Session RPE, 1-10 (Foster's CR-10).")
    note: str | None = None
    pains: Annotated[list[PainIn], Field(max_length=20)] = []  # type: ignore[valid-type]
    new_session: bool = Field(False, description="A second session that day instead of adding to the first.")
    confirm: bool = Field(
        False, description="Log a load far above your kit, your plan and the lift's history: it is true."
    )
    planned_on: IsoDate | None = Field(
        None, description="Done on another day than planned: the planned session's date (`date` is the day done)."
    )
    key: Annotated[str | None, Field(min_length=1, max_length=180)] = Field(
        None, description="An idempotency key (or the Idempotency-Key header): the same key again logs nothing."
    )
    version: Annotated[int | None, Field(ge=0, le=2**31 - 1)] = Field(
        None, description="The diary version the data was read at; a newer diary answers 409, nothing logged."
    )


class LoggedOut(BaseModel):
    id: int
    date: dt.date
    appended: bool = Field(description="True when the sets were added to a session already logged that day.")
    new_sets: int
    total_sets: int
    already_logged: bool = Field(False, description="True when this key was logged before: nothing was added.")
    set_ids: list[int] = Field([], description="The ids of the sets logged (to edit or delete one).")
    version: int = Field(0, description="The diary version after the log.")


class ChangedOut(BaseModel):
    summary: str = Field(description="What changed, in words.")
    version: int = Field(description="The diary version after the change.")


class SetEditIn(_In):
    """The fields of a logged set to change (a measure given replaces the set's measure)."""

    side: Literal["left", "right"] | None = None
    reps: int | None = None
    seconds: int | None = None
    contacts: int | None = None
    distance_m: float | None = None
    load_kg: float | None = None
    rpe: float | None = None
    rir: int | None = None
    form_quality: int | None = None
    form_note: str | None = None


class WellnessEditIn(_In):
    """The answers of a check-in to change (null clears one; at least one must stay)."""

    sleep_hours: float | None = None
    sleep_quality: int | None = None
    mood: int | None = None
    appetite: int | None = None
    soreness: int | None = None
    stress: int | None = None
    energy: int | None = None
    note: str | None = None


class PainsIn(_In):
    """Pain felt outside a logged session: after a run, the next morning, on the stairs."""

    date: IsoDate | None = Field(None, description="The day it was felt, YYYY-MM-DD. Default: today.")
    pains: Annotated[list[PainIn], Field(min_length=1, max_length=20)]  # type: ignore[valid-type]


class PainsOut(BaseModel):
    pains: list[PainReport]
    version: int = Field(description="The diary version after the report.")


class WellnessOut(BaseModel):
    wellness: Wellness
    replaced: list[str] = Field(description="Answers given earlier the same day that this check-in replaced.")


class RunOut(BaseModel):
    id: int
    run: RunLog
    already_logged: bool = Field(
        False, description="True when the same run (date, type, minutes, distance, RPE) was logged: nothing added."
    )


class ExerciseSummaryOut(BaseModel):
    id: str
    name: str
    category: Category
    pattern: Pattern
    level: Level
    equipment: list[str]
    unilateral: bool


class ExerciseOut(BaseModel):
    exercise: Exercise
    ladder: list[str] = Field(description="The progression ladder through it, easiest first (ids).")


class AlternativeOut(BaseModel):
    id: str
    name: str
    notes: list[str] = Field(description="Why it fits: pattern, kit, side, level, pain.")


class AlternativesOut(BaseModel):
    exercise_id: str
    sessions: list[dt.date] = Field(description="Sessions from today on that hold the exercise.")
    alternatives: list[AlternativeOut]


class SwapIn(_In):
    from_id: Annotated[str, Field(max_length=80)]
    to_id: Annotated[str, Field(max_length=80)]
    reason: Annotated[str | None, Field(max_length=300)] = None


class SwapOut(BaseModel):
    from_id: str
    to_id: str
    since: dt.date
    plan_version: int
    profile_version: int
    sessions: list[dt.date] = Field(description="Sessions from today on that now hold `to_id`.")


class ReviewIn(_In):
    """What the review should know besides the diary; all optional."""

    week: IsoDate | None = Field(None, description="A day in the week to review, YYYY-MM-DD. Default: last week.")
    ill: bool = Field(False, description="You were ill: next week becomes a deload, to return gently.")
    travel_start: IsoDate | None = Field(None, description="First day of a trip, YYYY-MM-DD (with kit).")
    travel_end: IsoDate | None = Field(None, description="Last day of the trip, YYYY-MM-DD. Default: travel_start.")
    kit: EquipmentSet | None = Field(None, description="The kit at hand while travelling.")
    race_date: IsoDate | None = Field(None, description="The race's new date, YYYY-MM-DD, when it moved.")


class ReviewOut(BaseModel):
    review: Review
    changes: list[Change] = Field(description="What the new plan version changes, from the review's next week on.")
    plan_version: int = Field(description="The plan version the review read.")
    new_plan_version: int | None = Field(None, description="The version written, when the review was accepted.")
