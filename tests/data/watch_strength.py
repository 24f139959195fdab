"""Completed strength activities as a Garmin watch records them, for the import tests.

`completed_workout` plays a FIT workout file the way a watch walks through it: each step
in order, repeats repeated, a `set` message per work step (its exercise category and name,
reps or time, the weight) and per rest step (`set_type` rest), the workout and its steps
copied into the activity, then a lap, a session of sport `training` / `strength_training`
and the activity message. The runner may change a set's weight or reps on the watch
(`changes`). `free_strength` writes sets with no workout behind them, as a "Strength"
activity started on the watch, including exercises no library holds.

garmin-fit-sdk's own Encoder writes the files (sub-field names such as `duration_reps` are
dropped by it, so the main fields are used, times in seconds as the profile scales them).
Run as a script to write an example: python -m tests.data.watch_strength OUT.fit
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

SECONDS_PER_REP = 3.0
FENIX_7 = 3906  # a Garmin product id, as file_id.product


@dataclass(frozen=True)
class Change:
    """What the runner changed on the watch for the `set_index`-th work set (0-based)."""

    set_index: int
    weight_kg: float | None = None
    reps: int | None = None


def _decode(data: bytes) -> dict:
    from garmin_fit_sdk import Decoder, Stream

    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
    assert errors == [], errors
    return messages


def _walk(steps: list[dict]) -> list[dict]:
    """The steps in the order a watch runs them (repeat steps send it back)."""
    done: dict[int, int] = {}
    out, i = [], 0
    while i < len(steps):
        step = steps[i]
        if step.get("duration_type") == "repeat_until_steps_cmplt":
            count = done.get(i, 1)
            if count < step["repeat_steps"]:
                done[i] = count + 1
                i = step["duration_step"]
            else:
                i += 1
            continue
        out.append(step)
        i += 1
    return out


def completed_workout(
    workout_fit: bytes,
    start: dt.datetime,
    *,
    changes: tuple[Change, ...] = (),
    utc_offset_hours: float = 1,
) -> bytes:
    """The activity a watch writes after the runner did `workout_fit` from `start` (aware)."""
    from garmin_fit_sdk import Encoder, Profile

    num = Profile["mesg_num"]
    source = _decode(workout_fit)
    steps = source["workout_step_mesgs"]
    workout = source["workout_mesgs"][0]
    enc = Encoder()
    enc.write_mesg({"mesg_num": num["FILE_ID"], "type": "activity", "manufacturer": "garmin", "product": FENIX_7,
                    "serial_number": 3_412_345_678, "time_created": start})  # fmt: skip
    enc.write_mesg({"mesg_num": num["EVENT"], "timestamp": start, "event": "timer", "event_type": "start"})
    enc.write_mesg({"mesg_num": num["WORKOUT"], "wkt_name": workout["wkt_name"], "sport": "training",
                    "sub_sport": "strength_training", "num_valid_steps": len(steps)})  # fmt: skip
    for step in steps:
        enc.write_mesg({"mesg_num": num["WORKOUT_STEP"], **_step_fields(step)})
    clock, work_index = start, 0
    by_work = {c.set_index: c for c in changes}
    for set_index, step in enumerate(_walk(steps)):
        if step.get("intensity") == "rest":
            seconds = float(step.get("duration_time") or 60) + 7  # runners rest a little longer
            mesg = {"set_type": "rest", "duration": seconds}
        else:
            change = by_work.get(work_index, Change(work_index))
            reps = change.reps or step.get("duration_reps")
            seconds = reps * SECONDS_PER_REP if reps else float(step.get("duration_time") or 30)
            weight = change.weight_kg if change.weight_kg is not None else step.get("exercise_weight")
            mesg = {"set_type": "active", "duration": seconds, "repetitions": reps,
                    "category": [step["exercise_category"]] if step.get("exercise_category") else None,
                    "category_subtype": [step["exercise_name"]] if step.get("exercise_category") else None,
                    "weight": weight, "weight_display_unit": step.get("weight_display_unit")}  # fmt: skip
            work_index += 1
        mesg |= {"start_time": clock, "timestamp": clock + dt.timedelta(seconds=seconds),
                 "message_index": set_index, "wkt_step_index": step["message_index"]}  # fmt: skip
        enc.write_mesg({"mesg_num": num["SET"], **{k: v for k, v in mesg.items() if v is not None}})
        clock += dt.timedelta(seconds=seconds)
    _finish(enc, num, start, clock, utc_offset_hours)
    return enc.close()


def _step_fields(step: dict) -> dict:
    keep = ("message_index", "wkt_step_name", "duration_type", "intensity", "target_type", "exercise_category",
            "exercise_name", "exercise_weight", "weight_display_unit", "notes", "duration_step",
            "repeat_steps")  # fmt: skip
    out = {k: step[k] for k in keep if step.get(k) is not None}
    if "repeat_steps" in out:
        out["target_value"] = out.pop("repeat_steps")
    if step.get("duration_type") == "time":
        out["duration_value"] = round(step["duration_time"] * 1000)
    elif step.get("duration_type") == "reps":
        out["duration_value"] = step["duration_reps"]
    elif step.get("duration_type") == "repeat_until_steps_cmplt":
        out["duration_value"] = out.pop("duration_step")
    return out


def _finish(enc, num: dict, start: dt.datetime, end: dt.datetime, utc_offset_hours: float) -> None:  # type: ignore[no-untyped-def]
    seconds = (end - start).total_seconds()
    enc.write_mesg({"mesg_num": num["EVENT"], "timestamp": end, "event": "timer", "event_type": "stop_all"})
    common = {"timestamp": end, "start_time": start, "total_elapsed_time": seconds, "total_timer_time": seconds,
              "sport": "training", "sub_sport": "strength_training", "avg_heart_rate": 104,
              "max_heart_rate": 141}  # fmt: skip
    enc.write_mesg({"mesg_num": num["LAP"], "event": "lap", "event_type": "stop", **common})
    enc.write_mesg({"mesg_num": num["SESSION"], "event": "session", "event_type": "stop", "num_laps": 1, **common})
    fit_epoch = dt.datetime(1989, 12, 31, tzinfo=dt.UTC)
    local = round((end - fit_epoch).total_seconds() + utc_offset_hours * 3600)
    enc.write_mesg({"mesg_num": num["ACTIVITY"], "timestamp": end, "total_timer_time": seconds, "num_sessions": 1,
                    "type": "manual", "event": "activity", "event_type": "stop", "local_timestamp": local})  # fmt: skip


def free_strength(start: dt.datetime, sets: list[dict], *, utc_offset_hours: float = 1) -> bytes:
    """A strength activity started on the watch without a workout: `sets` are dicts of
    category, name (numbers or names), reps, seconds, weight; a rest set follows each."""
    from garmin_fit_sdk import Encoder, Profile

    num = Profile["mesg_num"]
    names = {v: int(k) for c in sets for k, v in Profile["types"][f"{c['category']}_exercise_name"].items()}
    enc = Encoder()
    enc.write_mesg({"mesg_num": num["FILE_ID"], "type": "activity", "manufacturer": "garmin", "product": FENIX_7,
                    "serial_number": 3_412_345_678, "time_created": start})  # fmt: skip
    clock, index = start, 0
    for item in sets:
        seconds = item.get("seconds") or item["reps"] * SECONDS_PER_REP
        work = {"set_type": "active", "duration": seconds, "repetitions": item.get("reps"),
                "category": [item["category"]], "category_subtype": [names.get(item["name"], item["name"])],
                "weight": item.get("weight"), "weight_display_unit": item.get("unit", "kilogram")}  # fmt: skip
        for mesg in (work, {"set_type": "rest", "duration": 75.0}):
            end = clock + dt.timedelta(seconds=mesg["duration"])
            body = {k: v for k, v in mesg.items() if v is not None}
            enc.write_mesg(
                {"mesg_num": num["SET"], "start_time": clock, "timestamp": end, "message_index": index, **body}
            )
            clock, index = end, index + 1
    _finish(enc, num, start, clock, utc_offset_hours)
    return enc.close()


if __name__ == "__main__":  # an example file: three sets of squats with rests, one set edited
    example = free_strength(
        dt.datetime(2025, 3, 3, 17, tzinfo=dt.UTC),
        [{"category": "squat", "name": "goblet_squat", "reps": 10, "weight": 16.0},
         {"category": "squat", "name": "goblet_squat", "reps": 10, "weight": 20.0},
         {"category": "bench_press", "name": "barbell_bench_press", "reps": 8, "weight": 40.0}],
    )  # fmt: skip
    Path(sys.argv[1] if len(sys.argv) > 1 else "strength.fit").write_bytes(example)


def work_steps(workout_fit: bytes) -> list[dict]:
    """The work steps (no rests) in the order the watch runs them: the sets it records."""
    return [s for s in _walk(_decode(workout_fit)["workout_step_mesgs"]) if s.get("intensity") != "rest"]
