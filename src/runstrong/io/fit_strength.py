"""The sets of a strength activity in a FIT file, as a Garmin watch records them.

A watch doing a strength workout writes a session of sport `training` (sub-sport
`strength_training`) and one `set` message per set: the exercise as category and name
numbers (arrays, of which the first entry counts), reps, duration, weight in kg and
`set_type` active or rest. When the workout came from a file, the activity also holds the
workout and its steps, so a set's `wkt_step_index` gives the step name (and its side).
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from runstrong.core.watch_strength import WatchSet, WatchWorkout, step_side

SET_MESSAGE = 225
WORKOUT_STEP_MESSAGE = 27
STRENGTH_SPORTS = frozenset({"training", "fitness_equipment"})
STRENGTH_SUB_SPORTS = frozenset({"strength_training"})
INVALID_UINT16 = 0xFFFF  # "no value" in a FIT uint16 field (an unknown exercise name reads as 65534 too)


def is_strength(summary: dict[str, Any], messages: dict[str, list[dict[str, Any]]]) -> bool:
    """A strength activity: the session says so, or it is a training session with sets."""
    if summary.get("sub_sport") in STRENGTH_SUB_SPORTS:
        return True
    return summary.get("sport") in STRENGTH_SPORTS and bool(messages.get("set_mesgs"))


@cache
def _exercise_names() -> dict[str, dict[int, str]]:
    from garmin_fit_sdk import Profile

    types = Profile["types"]
    return {
        name: {int(k): v for k, v in types.get(f"{name}_exercise_name", {}).items()}
        for name in types["exercise_category"].values()
    }


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list | tuple) and value else value


def watch_set(message: dict[str, Any], steps: dict[int, str]) -> WatchSet:
    """One `set` message as a WatchSet (the exercise name resolved from Garmin's profile)."""
    category = _first(message.get("category"))
    number = _first(message.get("category_subtype"))
    category = category if isinstance(category, str) and category != "unknown" else None
    exercise = None
    if category is not None and isinstance(number, int) and number < INVALID_UINT16 - 1:
        exercise = _exercise_names().get(category, {}).get(number, str(number))
    step = steps.get(message.get("wkt_step_index"))  # type: ignore[arg-type]
    reps, weight, seconds = message.get("repetitions"), message.get("weight"), message.get("duration")
    return WatchSet(
        active=message.get("set_type") != "rest",
        category=category,
        exercise=exercise,
        reps=reps if isinstance(reps, int) and 0 < reps < INVALID_UINT16 else None,
        seconds=float(seconds) if isinstance(seconds, int | float) and seconds > 0 else None,
        weight_kg=float(weight) if isinstance(weight, int | float) and 0 < weight < INVALID_UINT16 / 16 else None,
        step_name=step,
        side=step_side(step),
    )


def watch_workout(
    summary: dict[str, Any], messages: dict[str, list[dict[str, Any]]], day: dt.date, workout_name: str | None
) -> WatchWorkout:
    """The strength session of a FIT activity: its day, length, the workout it followed, its sets."""
    steps = {
        m["message_index"]: m["wkt_step_name"]
        for m in messages.get("workout_step_mesgs", [])
        if isinstance(m.get("message_index"), int) and m.get("wkt_step_name")
    }
    ordered = sorted(
        messages.get("set_mesgs", []),
        key=lambda m: m.get("start_time") or m.get("timestamp") or dt.datetime.min.replace(tzinfo=dt.UTC),
    )
    return WatchWorkout(
        day=day,
        started_at=summary["start_time"],
        seconds=float(summary.get("total_timer_time") or summary.get("total_elapsed_time") or 0),
        sets=tuple(watch_set(m, steps) for m in ordered),
        workout_name=workout_name,
    )
