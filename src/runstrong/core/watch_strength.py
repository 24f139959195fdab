"""A strength workout recorded by a watch, turned into the sets of a diary session.

A Garmin watch records each set of a strength activity as a FIT `set` message: the
exercise (category and name numbers, as the workout step carried them), reps or time,
the weight in kg, and rest sets between. `diary_sets` matches each work set to an
exercise: first the planned session's exercises with that Garmin pair (the pair the
runstrong export wrote), then any library exercise with it; a set that matches none is
kept under a `garmin_<category>_<name>` id so nothing the runner did is lost.

Pure: `runstrong.io.fit_strength` reads the file, the store logs the result.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .diary import PlannedSession, SetLog
from .library import Library

# a watch writes a weight of 0 for a bodyweight set; loads are kept to the 0.1 kg the diary shows
LOAD_DECIMALS = 1


@dataclass(frozen=True, slots=True)
class WatchSet:
    """One set as the watch recorded it (rest sets included: `active` False)."""

    active: bool
    category: str | None = None  # Garmin exercise_category name ("squat")
    exercise: str | None = None  # Garmin exercise name in that category ("back_squats"), or its number
    reps: int | None = None
    seconds: float | None = None
    weight_kg: float | None = None
    step_name: str | None = None  # the workout step's name, when the file carries the workout
    side: str | None = None  # left | right, from the step name


@dataclass(frozen=True, slots=True)
class WatchWorkout:
    """A strength activity: when, how long, what it was sent as, and its sets."""

    day: dt.date
    started_at: dt.datetime
    seconds: float
    sets: tuple[WatchSet, ...]
    workout_name: str | None = None


_SIDE = re.compile(r"^\s*(?P<short>[LR])\s*·|\((?P<long>left|right)\)\s*$", re.IGNORECASE)


def step_side(name: str | None) -> str | None:
    """The side a step name states: "R · RFE split squat" or "... (right)"."""
    match = _SIDE.search(name or "")
    if not match:
        return None
    word = (match.group("short") or match.group("long")).lower()
    return {"l": "left", "r": "right"}.get(word, word)


def unmatched_id(category: str | None, exercise: str | None) -> str:
    """The id a set no exercise matches is kept under: garmin_squat_back_squats."""
    parts = [p for p in (category, exercise) if p] or ["unknown"]
    return "garmin_" + re.sub(r"[^a-z0-9]+", "_", "_".join(parts).lower()).strip("_")


def match_exercise(item: WatchSet, planned: PlannedSession | None, library: Library) -> str:
    """The exercise id of a set: the planned exercise with its Garmin pair, else the library's
    first exercise with it, else a `garmin_...` id naming what the watch recorded."""
    pair = (item.category, item.exercise)
    if item.category is None or item.exercise is None:
        return unmatched_id(*pair)
    for block in planned.blocks if planned else ():
        if block.exercise_id in library and _pair(library, block.exercise_id) == pair:
            return block.exercise_id
    return next((e.id for e in library.exercises if (e.fit_category, e.fit_name) == pair), unmatched_id(*pair))


def _pair(library: Library, exercise_id: str) -> tuple[str | None, str | None]:
    exercise = library.get(exercise_id)
    return exercise.fit_category, exercise.fit_name


def diary_sets(workout: WatchWorkout, planned: PlannedSession | None, library: Library) -> list[SetLog]:
    """The work sets as diary sets (rest sets dropped), each in the measure its exercise is
    prescribed in (reps, contacts, seconds or metres), loads in kg."""
    prescriptions = {b.exercise_id: b.prescription for b in planned.blocks} if planned else {}
    out = []
    for item in workout.sets:
        if not item.active or (not item.reps and not item.seconds):
            continue
        exercise_id = match_exercise(item, planned, library)
        measure = _measure(item, prescriptions.get(exercise_id))
        load = round(item.weight_kg, LOAD_DECIMALS) if item.weight_kg else None
        out.append(SetLog(exercise_id=exercise_id, set_number=1, side=item.side, load_kg=load, **measure))
    return out


def _measure(item: WatchSet, prescription) -> dict[str, float | int]:  # type: ignore[no-untyped-def]
    if prescription is not None and prescription.contacts and item.reps:
        return {"contacts": item.reps}
    if prescription is not None and prescription.distance_m and not prescription.reps:
        return {"distance_m": float(prescription.distance_m)}  # the step ran to its distance
    if prescription is not None and prescription.seconds and item.seconds:
        return {"seconds": round(item.seconds)}
    if item.reps:
        return {"reps": item.reps}
    return {"seconds": round(item.seconds or 0)}


MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = {m: n for n, m in enumerate(MONTHS, start=1)}
_SENT_DAY = re.compile(r"\b(?P<day>\d{1,2}) (?P<month>[A-Za-z]{3})\b")
_SENT_LETTER = re.compile(r"\bW\d+ ?(?P<letter>[A-G])\b")


def sent_as(workout_name: str | None, day: dt.date) -> tuple[dt.date, str | None] | None:
    """The planned session a workout file was sent as, from the name runstrong gave it
    ("P-chain 6 Jan W3 A"): its date (the year that puts it nearest the day
    it was done) and letter; None for a workout named otherwise."""
    letter = _SENT_LETTER.search(workout_name or "")
    when = _SENT_DAY.search(workout_name or "")
    if letter is None:
        return None
    month = _MONTHS.get(when.group("month").lower()) if when else None
    if when is None or month is None:
        return day, letter.group("letter")
    candidates = []
    for year in (day.year - 1, day.year, day.year + 1):
        try:
            candidates.append(dt.date(year, month, int(when.group("day"))))
        except ValueError:
            continue
    if not candidates:
        return day, letter.group("letter")
    return min(candidates, key=lambda d: abs((d - day).days)), letter.group("letter")
