"""Diary values: their scales, their checks, and the planned work they come from."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from runstrong.core.diary import (
    RunLog,
    SessionLog,
    SetLog,
    Wellness,
    number_sets,
    planned_work,
    sets_as_planned,
    validate_entry,
    week_start,
)
from runstrong.core.model import Role
from runstrong.io.data_files import load_context

TODAY = dt.date(2027, 3, 1)


def test_a_date_after_today_is_refused_naming_the_date():
    with pytest.raises(ValidationError) as err:
        validate_entry(RunLog, {"date": "2027-03-02", "type": "easy", "minutes": 30}, TODAY)
    assert err.value.errors()[0]["loc"] == ("date",)
    assert "future" in str(err.value)


def test_today_itself_is_fine():
    assert validate_entry(RunLog, {"date": TODAY, "type": "easy", "minutes": 30}, TODAY).date == TODAY


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"reps": -1}, "reps"),
        ({"reps": 5, "rpe": 11}, "rpe"),
        ({"reps": 5, "rpe": 7.3}, "rpe"),
        ({"reps": 5, "rir": -1}, "rir"),
        ({"reps": 5, "form_quality": 0}, "form_quality"),
        ({"reps": 5, "load_kg": -2.5}, "load_kg"),
    ],
)
def test_set_fields_keep_to_their_scales(data, field):
    with pytest.raises(ValidationError) as err:
        SetLog(exercise_id="romanian_deadlift", set_number=1, **data)
    assert err.value.errors()[0]["loc"] == (field,)


def test_a_set_has_exactly_one_measure_and_one_kind_of_effort():
    with pytest.raises(ValidationError, match="exactly one of reps"):
        SetLog(exercise_id="plank", set_number=1, reps=5, seconds=30)
    with pytest.raises(ValidationError, match="RPE or RIR"):
        SetLog(exercise_id="plank", set_number=1, reps=5, rpe=7, rir=2)


@pytest.mark.parametrize("field", ["sleep_quality", "mood", "appetite", "soreness", "stress", "energy"])
def test_wellness_scales_run_from_1_to_5_and_say_so(field):
    for bad in (0, 6):
        with pytest.raises(ValidationError):
            Wellness(date=TODAY, **{field: bad})
    description = Wellness.model_fields[field].description
    assert "1 =" in description and "5 =" in description


def test_an_empty_check_in_is_refused():
    with pytest.raises(ValidationError, match="at least one"):
        Wellness(date=TODAY)


def test_sleep_hours_are_0_to_16():
    Wellness(date=TODAY, sleep_hours=0)
    with pytest.raises(ValidationError):
        Wellness(date=TODAY, sleep_hours=16.5)


def test_text_with_a_nul_character_is_refused():
    with pytest.raises(ValidationError, match="NUL"):
        SessionLog(date=TODAY, note="a\x00b")


@pytest.fixture(scope="module")
def plan():
    from runstrong.core.planner import build_plan
    from runstrong.io.profile_file import load_profile
    from tests.conftest import EXAMPLES

    return build_plan(load_profile(EXAMPLES / "marathoner.toml"), load_context())


def test_planned_work_labels_sessions_as_the_plan_does(plan):
    from runstrong.core.vocab import SESSION_LETTER

    sessions, runs = planned_work(plan)
    assert len(sessions) == sum(len(w.sessions) for w in plan.weeks)
    assert runs and all(r.minutes > 0 for r in runs)
    for week in plan.weeks:
        labels = [s.label for s in sessions if s.week == week.index]
        assert labels == [SESSION_LETTER[s.focus] for s in week.sessions]
        assert len(set(labels)) == len(labels)


def test_as_planned_gives_every_main_and_accessory_set(plan):
    session = planned_work(plan)[0][0]
    sets = sets_as_planned(session)
    logged = [b for b in session.blocks if b.role in (Role.primary, Role.accessory)]
    expected = sum(b.prescription.sets + (1 if b.prescription.extra_sets_side else 0) for b in logged)
    assert len(sets) == expected
    assert {s.exercise_id for s in sets} == {b.exercise_id for b in logged}
    assert not any(s.exercise_id == b.exercise_id for b in session.blocks if b.role == Role.warm_up for s in sets)


def test_new_sets_are_numbered_after_those_already_logged():
    sets = [SetLog(exercise_id="rdl", set_number=1, reps=8), SetLog(exercise_id="rdl", set_number=2, reps=8)]
    numbered = number_sets({("rdl", None): 3}, sets)
    assert [s.set_number for s in numbered] == [4, 5]
    left = number_sets({("rdl", None): 3}, [SetLog(exercise_id="rdl", set_number=1, reps=8, side="left")])
    assert left[0].set_number == 1


def test_weeks_start_on_monday():
    assert week_start(dt.date(2027, 3, 7)) == dt.date(2027, 3, 1)
    assert week_start(dt.date(2027, 3, 1)) == dt.date(2027, 3, 1)
