"""A name typed for a set means the lift of the day's session it names (coach read 18):
"side plank 3x8" on a day of Side plank with top-leg lift is eight reps of that lift, not
eight seconds of the library's plain side plank; a library lift the session holds a close
variant of is asked about, never logged in its place."""

from __future__ import annotations

import pytest

from runstrong.core.setline import SessionLifts, exercise_suggestions, parse_set_line, resolve_exercise
from runstrong.errors import UserError
from runstrong.io.data_files import load_library


@pytest.fixture(scope="module")
def library():
    return load_library()


def day(*ids: str) -> tuple:
    return (SessionLifts(ids),)


@pytest.mark.parametrize(
    ("typed", "session", "expected"),
    [
        ("side plank 3x8 left", ("side_plank_leg_lift", "dumbbell_romanian_deadlift"), "side_plank_leg_lift"),
        ("calf raise 2x11@15", ("dumbbell_single_leg_calf_raise",), "dumbbell_single_leg_calf_raise"),
        ("single leg calf raise 2x10@15lb", ("dumbbell_single_leg_calf_raise",), "dumbbell_single_leg_calf_raise"),
        ("lateral lunge 2x6@20 left", ("goblet_lateral_lunge", "side_plank"), "goblet_lateral_lunge"),
        (
            "split squat 3x8 @10lb",
            ("dumbbell_rear_foot_elevated_split_squat",),
            "dumbbell_rear_foot_elevated_split_squat",
        ),
        ("step up 3x8", ("dumbbell_step_up",), "dumbbell_step_up"),
        (
            "iso split squat 3x20s left",
            ("isometric_split_squat_hold", "kettlebell_deadlift"),
            "isometric_split_squat_hold",
        ),
    ],
)
def test_a_name_inside_one_lift_of_the_days_session_is_that_lift(library, typed, session, expected):
    parsed = parse_set_line(typed, library, prefer=day(*session))
    assert parsed.exercise.id == expected
    measure = library.get(expected).dose.measure
    assert all(measure in s for s in parsed.sets)  # counted as the session's lift counts: reps stay reps


def test_side_plank_in_reps_on_a_day_of_the_top_leg_lift_keeps_its_reps_and_seconds_name_the_plain_one(library):
    (first, *_) = parse_set_line("side plank 3x8 left", library, prefer=day("side_plank_leg_lift")).sets
    assert first["exercise_id"] == "side_plank_leg_lift" and first["reps"] == 8 and "seconds" not in first
    held = parse_set_line("side plank 2x30s left", library, prefer=day("side_plank_leg_lift"))  # seconds: not that lift
    assert held.exercise.id == "side_plank" and held.sets[0]["seconds"] == 30


def test_a_library_lift_the_session_holds_a_close_variant_of_is_asked_about(library):
    with pytest.raises(UserError) as err:
        parse_set_line("reverse lunge 3x8", library, prefer=day("split_squat"))
    said = str(err.value)
    assert "Reverse lunge is not in the day's session; did you mean Split squat?" in said
    assert "'reverse_lunge'" in said  # the way to log it anyway
    assert parse_set_line("reverse_lunge 3x8", library, prefer=day("split_squat")).exercise.id == "reverse_lunge"
    assert resolve_exercise("reverse lunge", library).id == "reverse_lunge"  # no session: the library's lift


def test_a_typo_of_an_abbreviation_suggests_it(library):
    assert exercise_suggestions("rdll", library)[0] == "rdl"
    with pytest.raises(UserError, match=r"Did you mean: rdl"):
        resolve_exercise("rdll", library)


def test_word_starts_name_the_one_library_lift_they_start_when_the_session_does_not_hold_it(library):
    assert resolve_exercise("iso split squat", library).id == "isometric_split_squat_hold"  # no session: the library
    assert (
        resolve_exercise("iso split squat", library, prefer=day("dumbbell_step_up")).id == "isometric_split_squat_hold"
    )
