"""FIT strength workouts, read back with Garmin's own garmin-fit-sdk: every example
profile's sessions in several weeks decode with no error and say what the plan says."""

from __future__ import annotations

import datetime as dt
import subprocess
import zipfile
from functools import cache
from pathlib import Path

import pytest
from garmin_fit_sdk import Decoder, Profile, Stream

from runstrong.core.model import Block, Plan, Role
from runstrong.core.planner import build_plan
from runstrong.io.data_files import load_context
from runstrong.io.fit_workout import (
    NAME_CHARS,
    encode_workout,
    session_steps,
    step_name,
    week_workouts,
)
from runstrong.io.profile_file import load_profile
from tests.cli.runner import run_cli as run_in_process
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
        assert len(name) <= NAME_CHARS, name
        mark, _, rest = name.partition(" · ")
        side = {"L": "left", "R": "right"}.get(mark) if rest else None
        base = rest if side else name
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
                "name": step_name(b.name, "left").partition(" · ")[2] if p.per_side else step_name(b.name),
                "sides": ["left", "right"] if p.per_side else [],
                "intensity": INTENSITY[b.role],
                "measure": p.reps or p.contacts or p.seconds or p.distance_m,
                "category": e.fit_category,
                "exercise": e.fit_name,
                "weight": p.load_kg,  # the planned working load is the step's target weight
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
        assert workout["wkt_name"] == f.title and f.title.endswith(f" W{week_index} {f.filename[4]}")
        assert f" {session.date.day} {session.date:%b} W" in f.title
        steps = messages["workout_step_mesgs"]
        assert workout["num_valid_steps"] == len(steps)
        assert _comparable(read_exercises(steps)) == expected_exercises(session.blocks, library)


def test_the_title_leads_with_focus_and_date_then_week_and_letter():
    plan = plan_of(EXAMPLES / "marathoner.toml")
    week = plan.weeks[2]
    titles = {f.title for f in week_workouts(plan, week)}
    day = next(s.date for s in week.sessions if s.focus.value == "posterior_chain")
    assert f"P-chain {day.day} {day:%b} W3 A" in titles
    assert all(len(t.split(" W")[0]) <= NAME_CHARS for t in titles)  # focus and date within what a watch shows
    assert {f.filename for f in week_workouts(plan, week)} >= {"W03-A-posterior-chain.fit"}


def test_a_workout_file_is_the_same_bytes_every_time():
    plan = plan_of(EXAMPLES / "novice.toml")
    week = plan.weeks[0]
    assert [f.data for f in week_workouts(plan, week)] == [f.data for f in week_workouts(plan, week)]


def test_every_library_exercise_carries_a_garmin_exercise_the_sdk_knows(library):
    for e in library.exercises:
        names = Profile["types"].get(f"{e.fit_category}_exercise_name", {}).values()
        assert e.fit_category and e.fit_name in names, e.id
    assert "ski" not in library.get("line_hops").fit_name  # hops over a line, not moguls


def test_an_exercise_without_a_garmin_pair_keeps_its_name_and_note(library):
    plan = plan_of(EXAMPLES / "5k-racer.toml")
    session = plan.weeks[0].sessions[0]
    block = session.blocks[0]
    bare = library.get(block.exercise_id).model_copy(update={"fit_category": None, "fit_name": None})
    stripped = type(library)(library.version, tuple(bare if e.id == bare.id else e for e in library.exercises))
    created = dt.datetime(2027, 1, 4, tzinfo=dt.UTC)
    steps = decode(encode_workout("t", session_steps(session, stripped), created=created, serial=7))
    first = next(s for s in steps["workout_step_mesgs"] if s.get("intensity") != "rest")
    assert first["wkt_step_name"].split(" · ")[-1] in step_name(block.name)
    assert "exercise_category" not in first and first.get("notes")


def test_a_load_in_kg_is_the_target_weight_and_an_extra_set_goes_to_the_weaker_side(library):
    plan = plan_of(EXAMPLES / "marathoner.toml")
    session = plan.weeks[0].sessions[0]
    block = next(b for b in session.blocks if b.role is Role.primary)
    p = block.prescription.model_copy(
        update={"load_kg": 42.5,
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
    assert steps[-2]["wkt_step_name"].startswith("L · ") and steps[-1]["intensity"] == "rest"


@pytest.mark.parametrize(
    ("name", "side", "shown"),
    [
        ("Dumbbell rear-foot-elevated split squat", "right", "R · RFE split"),
        ("Dumbbell rear-foot-elevated split squat", None, "RFE split squat"),
        ("Single-leg Romanian deadlift (bodyweight)", "left", "L · SL RDL"),
        ("Line hops", None, "Line hops"),
    ],
)
def test_step_names_put_the_side_first_and_fit_what_a_watch_shows(name, side, shown):
    assert step_name(name, side) == shown and len(shown) <= NAME_CHARS


# ----------------------------------------------------------------------------- CLI


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(cwd), "XDG_DATA_HOME": str(cwd / "data"), "COLUMNS": "120"}
    return run_in_process(args, cwd=cwd, env=env | {"RUNSTRONG_DB": str(cwd / "diary.db")})


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


def test_fit_all_writes_every_session_of_the_plan_in_one_zip_skipping_empty_weeks(tmp_path):
    profile = EXAMPLES / "marathoner.toml"
    plan = plan_of(profile)
    sessions = [(w.index, s) for w in plan.weeks for s in w.sessions]
    assert any(not w.sessions for w in plan.weeks)  # the example has weeks without a session
    done = run_cli("fit", str(profile), "--all", "-o", "plan.zip", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(tmp_path / "plan.zip") as z:
        names = z.namelist()
        assert len(names) == len(sessions) == len(set(names))
        for name in names:
            workout = decode(z.read(name))["workout_mesgs"][0]
            assert workout["wkt_name"].endswith(f" W{int(name[1:3])} {name[4]}")
    assert f"Wrote {len(sessions)} workouts" in done.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "--week: give the week to export"),
        (["--all", "--week", "3"], "--all: give --all alone"),
        (["--week", "99"], "--week: 99 is not in the plan"),
        (["--week", "3", "--session", "C"], "--session: week 3 has sessions"),
        (["--week", "7"], "--output: a .fit file holds one session"),
    ],
)
def test_fit_command_mistakes_exit_2_and_write_nothing(tmp_path, args, message):
    done = run_cli("fit", str(EXAMPLES / "marathoner.toml"), *args, "-o", "out.fit", cwd=tmp_path)
    assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "out.fit").exists()
