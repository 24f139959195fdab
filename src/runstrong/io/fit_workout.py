"""Garmin FIT structured strength workouts: one `.fit` file per planned session.

A session becomes steps a watch walks through: the warm-up drills (intensity warmup),
the main and accessory work (active) and the mobility finisher (cooldown). Each set is a
step of reps (contacts count as reps), seconds (holds) or metres (carries), carrying the
library's Garmin exercise category and name, the target weight when the prescription is
a load in kg, and a note with the intensity, tempo and first cue; a rest step of the
prescribed rest follows each set, and a repeat step runs the set `sets` times.

Per-side work is written as one step per side (left, then right, then the rest), so the
watch counts the reps of each side against the prescription and the rest comes after
both sides, as a runner does it; an extra set for a weaker side is one more step for that
side after the repeat. An exercise without a Garmin pair gets a step with its name and
note only. fit-tool writes the files; tests read them back with garmin-fit-sdk.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from runstrong.core.library import Library
from runstrong.core.model import Block, Plan, Role, Session, Week
from runstrong.core.vocab import CATEGORY_NAME, SESSION_LETTER
from runstrong.io.data_files import load_library

from .labels import effort_label, planned_load_kg

# Garmin's own limit for workout and step names: the Training Center schema (TCX v2,
# `RestrictedToken_t`: 1-15 characters) that Garmin Connect and its watches were built on;
# a watch cuts a longer FIT name there. A step's exercise is also carried by its Garmin
# exercise category and name, which the watch shows in its own words.
NAME_CHARS = 15
SIDE_MARK = {"left": "L", "right": "R"}
# shorter words for step names, so the part a watch shows says which exercise it is
ABBREVIATIONS = (
    (r"\s*\([^)]*\)", ""),
    (r"\brear-foot-elevated\b", "RFE"),
    (r"\bsingle-leg\b", "SL"),
    (r"\bRomanian deadlift\b", "RDL"),
    (r"\b(Dumbbell|Kettlebell|Barbell|Band-assisted|Assisted)\s+", ""),  # the target weight says it
    (r"\bhalf-kneeling\b", "HK"),
    (r"\bCopenhagen\b", "Cph"),
    (r"\bisometric\b", "iso"),
)
SHORT_FOCUS = {"posterior chain": "P-chain", "core stability": "Core", "single-leg power": "SL power"}
NOTE_CHARS = 120
INTENSITY_OF_ROLE = {
    Role.warm_up: "warmup",
    Role.primary: "active",
    Role.accessory: "active",
    Role.finisher: "cooldown",
}


@dataclass(frozen=True, slots=True)
class Step:
    """One workout step, in the FIT SDK's vocabulary (what garmin-fit-sdk decodes)."""

    name: str | None
    intensity: str  # warmup | active | rest | cooldown
    duration: str  # reps | time | distance | repeat_until_steps_cmplt
    value: float  # reps, seconds, metres, or (repeat) how many times
    notes: str | None = None
    category: str | None = None  # Garmin exercise_category name
    exercise: str | None = None  # Garmin exercise name within the category
    weight_kg: float | None = None
    repeat_from: int | None = None  # for a repeat: the index of its first step


@dataclass(frozen=True, slots=True)
class WorkoutFile:
    filename: str  # W03-A-posterior-chain.fit
    title: str  # P-chain 18 Jan W3 A
    session: Session
    data: bytes


def session_letter(week: Week, session: Session) -> str:
    """A session's letter in its week, as plans and the diary name it (A, B, C)."""
    return SESSION_LETTER.get(session.focus, "ABCDEFG"[week.sessions.index(session)])


def workout_title(week: Week, session: Session) -> str:
    """Focus and date first ("P-chain 6 Jan W3 A"): the NAME_CHARS a watch shows still
    say what the session is and when (run import reads the date and letter back)."""
    focus = CATEGORY_NAME[session.focus]
    day, letter = session.date, session_letter(week, session)
    return f"{SHORT_FOCUS.get(focus, focus.capitalize())} {day.day} {day:%b} W{week.index} {letter}"


def step_name(name: str, side: str | None = None) -> str:
    """A step name a watch shows whole: the side first ("R · RFE split squat"), common
    words shortened, cut at a word within NAME_CHARS."""
    short = name
    for pattern, replacement in ABBREVIATIONS:
        short = re.sub(pattern, replacement, short, flags=re.IGNORECASE)
    short = re.sub(r"\s+", " ", short).strip()
    short = short[:1].upper() + short[1:]
    if side is not None:
        short = f"{SIDE_MARK[side]} · {short[:1].upper()}{short[1:]}"
    if len(short) <= NAME_CHARS:
        return short
    cut = short[: NAME_CHARS + 1].rsplit(" ", 1)[0].rstrip(" ·-")
    return cut if len(cut) >= NAME_CHARS - 6 else short[:NAME_CHARS].rstrip()


def workout_filename(week: Week, session: Session) -> str:
    focus = re.sub(r"[^a-z0-9]+", "-", CATEGORY_NAME[session.focus].lower()).strip("-")
    return f"W{week.index:02d}-{session_letter(week, session)}-{focus}.fit"


# -------------------------------------------------------------------------- steps


def session_steps(session: Session, library: Library | None = None) -> list[Step]:
    """The session's steps, in order: warm-up, main work, accessory, finisher."""
    library = library or load_library()
    steps: list[Step] = []
    for block in session.blocks:
        steps.extend(block_steps(block, library, start=len(steps)))
    return steps


def block_steps(block: Block, library: Library, start: int = 0) -> list[Step]:
    """The steps of one exercise; `start` is the index its first step will have."""
    p = block.prescription
    exercise = library.get(block.exercise_id) if block.exercise_id in library else None
    category = exercise.fit_category if exercise else None
    fit_name = exercise.fit_name if exercise else None
    if p.reps:
        duration, value, unit = "reps", p.reps, None
    elif p.contacts:
        duration, value, unit = "reps", p.contacts, "contacts"
    elif p.seconds:
        duration, value, unit = "time", p.seconds, None
    else:
        duration, value, unit = "distance", p.distance_m or 0, None
    weight = planned_load_kg(p)
    cue = block.cues[0] if block.cues else (exercise.cues[0] if exercise else "")
    effort = effort_label(p.intensity) if block.role in (Role.primary, Role.accessory) else ""
    bits = [effort, f"tempo {p.tempo}" if p.tempo else "", unit or "", cue]
    notes = " · ".join(b for b in bits if b)[:NOTE_CHARS] or None
    intensity = INTENSITY_OF_ROLE[block.role]

    def work(side: str | None) -> Step:
        return Step(
            name=step_name(block.name, side),
            intensity=intensity,
            duration=duration,
            value=value,
            notes=notes,
            category=category,
            exercise=fit_name,
            weight_kg=weight,
        )

    one_set = [work("left"), work("right")] if p.per_side else [work(None)]
    if p.rest_seconds:
        one_set.append(Step(name="Rest", intensity="rest", duration="time", value=p.rest_seconds))
    steps = list(one_set)
    if p.sets > 1:
        steps.append(
            Step(name=None, intensity=intensity, duration="repeat_until_steps_cmplt", value=p.sets, repeat_from=start)
        )
    if p.extra_sets_side:
        steps.append(work(p.extra_sets_side))
        if p.rest_seconds:
            steps.append(one_set[-1])
    return steps


# ------------------------------------------------------------------------ encoding


@cache
def _garmin_numbers() -> tuple[dict[str, int], dict[str, dict[str, int]]]:
    """Garmin's exercise category and exercise name numbers, from garmin-fit-sdk's profile."""
    from garmin_fit_sdk import Profile

    types = Profile["types"]
    categories = {name: int(num) for num, name in types["exercise_category"].items()}
    names = {
        category: {name: int(num) for num, name in types.get(f"{category}_exercise_name", {}).items()}
        for category in categories
    }
    return categories, names


def encode_workout(title: str, steps: list[Step], *, created: dt.datetime, serial: int, units: str = "metric") -> bytes:
    """The FIT file of one workout (file_id, workout, steps, exercise titles)."""
    from fit_tool.fit_file_builder import FitFileBuilder
    from fit_tool.profile.messages.exercise_title_message import ExerciseTitleMessage
    from fit_tool.profile.messages.file_id_message import FileIdMessage
    from fit_tool.profile.messages.workout_message import WorkoutMessage
    from fit_tool.profile.messages.workout_step_message import WorkoutStepMessage
    from fit_tool.profile.profile_type import (
        FileType,
        FitBaseUnit,
        Intensity,
        Manufacturer,
        Sport,
        SubSport,
        WorkoutStepDuration,
        WorkoutStepTarget,
    )

    categories, exercise_names = _garmin_numbers()
    intensities = {
        "warmup": Intensity.WARMUP,
        "active": Intensity.ACTIVE,
        "rest": Intensity.REST,
        "cooldown": Intensity.COOLDOWN,
    }
    file_id = FileIdMessage()
    file_id.type = FileType.WORKOUT
    file_id.manufacturer = Manufacturer.DEVELOPMENT.value
    file_id.product = 0
    file_id.serial_number = serial
    file_id.time_created = round(created.timestamp() * 1000)
    workout = WorkoutMessage()
    workout.workout_name = title
    workout.sport = Sport.TRAINING
    workout.sub_sport = SubSport.STRENGTH_TRAINING
    workout.num_valid_steps = len(steps)
    messages: list[Any] = [file_id, workout]
    titles: dict[tuple[int, int], str] = {}
    for index, step in enumerate(steps):
        m = WorkoutStepMessage()
        m.message_index = index
        if step.duration == "repeat_until_steps_cmplt":
            m.duration_type = WorkoutStepDuration.REPEAT_UNTIL_STEPS_CMPLT
            m.duration_step = step.repeat_from
            m.target_repeat_steps = int(step.value)
            messages.append(m)
            continue
        if step.name:
            m.workout_step_name = step.name
        m.intensity = intensities[step.intensity]
        m.target_type = WorkoutStepTarget.OPEN
        if step.duration == "reps":
            m.duration_type = WorkoutStepDuration.REPS
            m.duration_reps = int(step.value)
        elif step.duration == "time":
            m.duration_type = WorkoutStepDuration.TIME
            m.duration_time = float(step.value)
        else:
            m.duration_type = WorkoutStepDuration.DISTANCE
            m.duration_distance = float(step.value)
        if step.notes:
            m.notes = step.notes
        if step.category is not None and step.exercise is not None:
            m.exercise_category = categories[step.category]
            m.exercise_name = exercise_names[step.category][step.exercise]
            titles.setdefault((m.exercise_category, m.exercise_name), (step.name or "").split(" · ")[-1])
        if step.weight_kg is not None:
            m.exercise_weight = float(step.weight_kg)
            m.weight_display_unit = FitBaseUnit.POUND if units == "imperial" else FitBaseUnit.KILOGRAM
        messages.append(m)
    for index, ((category, name), text) in enumerate(titles.items()):
        t = ExerciseTitleMessage()
        t.message_index = index
        t.exercise_category = category
        t.exercise_name = name
        t.workout_step_name = text or None
        messages.append(t)
    builder = FitFileBuilder(auto_define=True, min_string_size=16)
    builder.add_all(messages)
    return builder.build().to_bytes()


def session_workout(plan: Plan, week: Week, session: Session, library: Library | None = None) -> WorkoutFile:
    """One session as a FIT workout file, byte-identical for the same plan."""
    title = workout_title(week, session)
    key = f"{plan.profile.name}|{week.index}|{session_letter(week, session)}|{session.date}"
    serial = int.from_bytes(hashlib.sha256(key.encode()).digest()[:4], "big") or 1
    created = dt.datetime.combine(session.date, dt.time(), dt.UTC)
    data = encode_workout(
        title,
        session_steps(session, library),
        created=created,
        serial=serial,
        units=plan.profile.units.value,
    )
    return WorkoutFile(filename=workout_filename(week, session), title=title, session=session, data=data)


def week_workouts(plan: Plan, week: Week, library: Library | None = None) -> list[WorkoutFile]:
    """Every session of a week as a FIT workout file."""
    return [session_workout(plan, week, s, library) for s in week.sessions]
