"""FIT strength workouts, read back with Garmin's own garmin-fit-sdk: every example
profile's sessions in several weeks decode with no error and say what the plan says."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import zipfile
from functools import cache
from pathlib import Path

import pytest
from garmin_fit_sdk import Decoder, Profile, Stream

from runstrong.core.model import Block, Plan, Role
from runstrong.core.planner import build_plan
from runstrong.io.data_files import load_context
from runstrong.io.fit_workout import encode_workout, session_steps, session_workout, week_workouts
from runstrong.io.profile_file import load_profile
from tests.conftest import EXAMPLES, example_paths

INTENSITY = {Role.warm_up: "warmup", Role.primary: "active", Role.accessory: "active", Role.finisher: "cooldown"}


@cache
def plan_of(path: Path) -> Plan:
    return build_plan(load_profile(path), load_context(), least_bad=True)


def some_weeks(plan: Plan) -> list[int]:
    """The first week, one from the middle and the last week that has sessions."""
    with_sessions = [w.index for w in plan.weeks if w.sessions]
    return sorted({with_sessions[0], with_sessions[len(with_sessions) // 2], with_sessions[-1]})


def decode(data: bytes) -> dict:
    stream = Stream.from_byte_array(bytearray(data))
    decoder = Decoder(stream)
    assert decoder.is_fit() and decoder.check_integrity()
    stream.reset()  # check_integrity() leaves the stream at its end
    messages, errors = decoder.read()
    assert errors == []
    return messages


def exercise_name(category: str, number: int) -> str:
    return Profile["types"][f"{category}_exercise_name"][number]


def read_exercises(steps: list[dict]) -> list[dict]:
    """The decoded steps grouped back into exercises: sides, sets (from the repeat step),
    rest, the measure, Garmin's names and the weight."""
    out: list[dict] = []
    for i, step in enumerate(steps):
        assert step["message_index"] == i
        if step["duration_type"] == "repeat_until_steps_cmplt":
            assert step["duration_step"] == out[-1]["first"]
            out[-1]["sets"] = step["repeat_steps"]
            continue
        if step["intensity"] == "rest":
            out[-1]["rest"] = step["duration_time"]
            continue
        name = step["wkt_step_name"]
        side = next((s for s in ("left", "right") if name.endswith(f" ({s})")), None)
        base = name.removesuffix(f" ({side})") if side else name
        if out and side == "right" and out[-1]["name"] == base and out[-1]["sides"] == ["left"]:
            out[-1]["sides"].append("right")
            continue
        if out and out[-1]["name"] == base and out[-1]["sides"] == ["left", "right"] and side:
            out[-1]["extra"] = side  # one more set for the weaker side, after the repeat
            continue
        category = step.get("exercise_category")
        out.append(
            {
                "first": i,
                "name": base,
                "sides": [side] if side else [],
                "intensity": step["intensity"],
                "measure": {"reps": step.get("duration_reps"), "time": step.get("duration_time"),
                            "distance": step.get("duration_distance")}[step["duration_type"]],
                "category": category,
                "exercise": exercise_name(category, step["exercise_name"]) if category else None,
                "weight": step.get("exercise_weight"),
                "notes": step.get("notes"),
                "sets": 1,
                "rest": 0,
                "extra": None,
            }
        )  # fmt: skip
    return out


def expected_exercises(blocks: list[Block], library) -> list[dict]:
    out = []
    for b in blocks:
        p = b.prescription
        e = library.get(b.exercise_id)
        out.append(
            {
                "name": b.name,
                "sides": ["left", "right"] if p.per_side else [],
                "intensity": INTENSITY[b.role],
                "measure": p.reps or p.contacts or p.seconds or p.distance_m,
                "category": e.fit_category,
                "exercise": e.fit_name,
                "weight": p.intensity.value if p.intensity.kind == "load_kg" else None,
                "sets": p.sets,
                "rest": p.rest_seconds,
                "extra": p.extra_sets_side,
            }
        )
    return out


def _comparable(exercises: list[dict]) -> list[dict]:
    return [{k: v for k, v in e.items() if k not in ("first", "notes")} for e in exercises]


CASES = [(path, week) for path in example_paths() for week in some_weeks(plan_of(path))]


@pytest.mark.parametrize(("path", "week_index"), CASES, ids=[f"{p.stem}-w{w}" for p, w in CASES])
def test_every_session_decodes_cleanly_and_matches_the_plan(path, week_index, library):
    plan = plan_of(path)
    week = plan.weeks[week_index - 1]
    files = week_workouts(plan, week)
    assert len(files) == len(week.sessions) > 0
    for f, session in zip(files, week.sessions, strict=True):
        messages = decode(f.data)
        assert messages["file_id_mesgs"][0]["type"] == "workout"
        workout = messages["workout_mesgs"][0]
        assert (workout["sport"], workout["sub_sport"]) == ("training", "strength_training")
        assert workout["wkt_name"] == f.title and f.title.startswith(f"runstrong W{week_index} ")
        steps = messages["workout_step_mesgs"]
        assert workout["num_valid_steps"] == len(steps)
        assert _comparable(read_exercises(steps)) == expected_exercises(session.blocks, library)


def test_the_title_names_week_letter_and_focus():
    plan = plan_of(EXAMPLES / "marathoner.toml")
    week = plan.weeks[2]
    titles = {f.title for f in week_workouts(plan, week)}
    assert "runstrong W3 A posterior chain" in titles
    assert {f.filename for f in week_workouts(plan, week)} >= {"W03-A-posterior-chain.fit"}


def test_a_workout_file_is_the_same_bytes_every_time():
    plan = plan_of(EXAMPLES / "novice.toml")
    week = plan.weeks[0]
    assert [f.data for f in week_workouts(plan, week)] == [f.data for f in week_workouts(plan, week)]


def test_an_exercise_without_a_garmin_name_keeps_its_name_and_note(library):
    plan = plan_of(EXAMPLES / "5k-racer.toml")
    found = [
        (week, session, block)
        for week in plan.weeks
        for session in week.sessions
        for block in session.blocks
        if library.get(block.exercise_id).fit_category is None
    ]
    assert found, "the example plans should hold an exercise without a Garmin pair"
    week, session, block = found[0]
    steps = decode(session_workout(plan, week, session).data)["workout_step_mesgs"]
    named = [s for s in steps if s.get("wkt_step_name", "").startswith(block.name)]
    assert named and all("exercise_category" not in s and s.get("notes") for s in named)


def test_a_load_in_kg_is_the_target_weight_and_an_extra_set_goes_to_the_weaker_side(library):
    plan = plan_of(EXAMPLES / "marathoner.toml")
    session = plan.weeks[0].sessions[0]
    block = next(b for b in session.blocks if b.role is Role.primary)
    p = block.prescription.model_copy(
        update={"intensity": block.prescription.intensity.model_copy(update={"kind": "load_kg", "value": 42.5}),
                "per_side": True, "extra_sets_side": "left", "sets": 3, "rest_seconds": 90}
    )  # fmt: skip
    changed = block.model_copy(update={"prescription": p})
    session = session.model_copy(update={"blocks": [changed]})
    data = encode_workout(
        "t", session_steps(session, library), created=dt.datetime(2027, 1, 4, tzinfo=dt.UTC), serial=7, units="imperial"
    )
    steps = decode(data)["workout_step_mesgs"]
    [exercise] = read_exercises(steps)
    assert (exercise["weight"], exercise["sets"], exercise["rest"], exercise["sides"], exercise["extra"]) == (
        42.5, 3, 90.0, ["left", "right"], "left"
    )  # fmt: skip
    assert {s.get("weight_display_unit") for s in steps if s.get("exercise_weight")} == {"pound"}
    assert steps[-2]["wkt_step_name"].endswith("(left)") and steps[-1]["intensity"] == "rest"


# ----------------------------------------------------------------------------- CLI


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(cwd), "XDG_DATA_HOME": str(cwd / "data"), "COLUMNS": "120"}
    return subprocess.run(
        [sys.executable, "-m", "runstrong", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env | {"RUNSTRONG_DB": str(cwd / "diary.db")},
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_fit_command_writes_a_week_as_a_folder_a_zip_and_one_session(tmp_path):
    profile = str(EXAMPLES / "marathoner.toml")
    done = run_cli("fit", profile, "--week", "7", "-o", "week7", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in (tmp_path / "week7").iterdir())
    assert names == ["W07-A-posterior-chain.fit", "W07-B-core-stability.fit", "W07-C-single-leg-power.fit"]
    assert all(decode(p.read_bytes())["workout_step_mesgs"] for p in (tmp_path / "week7").iterdir())
    done = run_cli("fit", profile, "--week", "7", "--zip", "-o", "week7.zip", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(tmp_path / "week7.zip") as z:
        assert sorted(z.namelist()) == names
        assert z.read(names[0]) == (tmp_path / "week7" / names[0]).read_bytes()
    done = run_cli("fit", profile, "-w", "7", "-s", "c", "-o", "monday.fit", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "monday.fit").read_bytes() == (tmp_path / "week7" / names[2]).read_bytes()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--week", "99"], "--week: 99 is not in the plan"),
        (["--week", "3", "--session", "C"], "--session: week 3 has sessions"),
        (["--week", "7"], "--output: a .fit file holds one session"),
    ],
)
def test_fit_command_mistakes_exit_2_and_write_nothing(tmp_path, args, message):
    done = run_cli("fit", str(EXAMPLES / "marathoner.toml"), *args, "-o", "out.fit", cwd=tmp_path)
    assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "out.fit").exists()
