"""A pounds runner's known loads are read in pounds (cr21a S3: `known_loads_kg` is the one load
field in kg in an imperial profile, and a runner's own 135 lb written there became a 275 lb first
Romanian deadlift): `known_loads` takes the profile's units, and `known_loads_kg` in an imperial
profile is named as kilograms where the plan is shown."""

from __future__ import annotations

import pytest

from runstrong.core.loads import KG_PER_LB
from runstrong.core.model import AthleteProfile
from runstrong.io.data_files import load_params
from runstrong.io.profile_file import body_mass_note, kilogram_loads_note

BASE = {"name": "Dale", "age": 45, "sex": "male", "body_mass_kg": 86, "start_date": "2027-01-04",
        "available_days": ["mon", "wed", "fri"], "equipment": ["gym"]}  # fmt: skip


def test_known_loads_in_an_imperial_profile_are_pounds():
    profile = AthleteProfile.model_validate({**BASE, "units": "imperial", "known_loads": {"romanian_deadlift": 135}})
    assert profile.known_loads_kg["romanian_deadlift"] == pytest.approx(135 * KG_PER_LB)


def test_known_loads_in_a_metric_profile_are_kilograms_and_known_loads_kg_still_reads():
    profile = AthleteProfile.model_validate({**BASE, "known_loads": {"romanian_deadlift": 60},
                                             "known_loads_kg": {"goblet_squat": 20}})  # fmt: skip
    assert profile.known_loads_kg == {"goblet_squat": 20, "romanian_deadlift": 60}


def test_a_lift_given_in_both_known_load_fields_is_refused():
    with pytest.raises(ValueError, match=r"known_loads\.romanian_deadlift: also in known_loads_kg"):
        AthleteProfile.model_validate({**BASE, "known_loads": {"romanian_deadlift": 60},
                                       "known_loads_kg": {"romanian_deadlift": 60}})  # fmt: skip


def test_known_loads_kg_in_an_imperial_profile_is_named_as_kilograms():
    note = kilogram_loads_note({**BASE, "units": "imperial", "known_loads_kg": {"romanian_deadlift": 135}}, "dale.toml")
    assert note is not None and "135 kg (298 lb)" in note and "known_loads" in note
    assert kilogram_loads_note({**BASE, "known_loads_kg": {"romanian_deadlift": 135}}, "x.toml") is None


def test_a_known_loads_start_is_named_in_the_runners_units_where_the_plan_shows_it():
    """60 written under known_loads_kg meaning pounds (cr21a S3): the plan says it read 132.3 lb."""
    from runstrong.core.planner import build_plan
    from runstrong.io.data_files import load_context

    known = {"dumbbell_hip_thrust": 60}  # 60 meant as lb: 132.3 lb read
    profile = AthleteProfile.model_validate({**BASE, "units": "imperial", "known_loads_kg": known})
    plan = build_plan(profile, load_context())
    texts = [r.text for s in plan.weeks[0].sessions for b in s.blocks if b.exercise_id == "dumbbell_hip_thrust"
             for r in b.reasons]  # fmt: skip
    assert any("132.3 lb you gave" in t for t in texts), texts


def test_body_mass_is_given_in_the_profiles_own_units_and_the_kg_field_in_pounds_is_named():
    """cr24a F15: a 150 lb woman wrote 150 into body_mass_kg and was planned at 331 lb. `body_mass`
    is in the profile's units; `body_mass_kg` in an imperial profile is said, with the fix; both is refused."""
    base = {"name": "Jo", "age": 40, "start_date": "2027-01-04", "units": "imperial"}
    assert AthleteProfile.model_validate(base | {"body_mass": 150}).body_mass_kg == 68.0
    assert AthleteProfile.model_validate(base | {"units": "metric", "body_mass": 61.5}).body_mass_kg == 61.5
    assert AthleteProfile.model_validate(base | {"body_mass_kg": 68}).body_mass_kg == 68  # old profiles stay valid

    def note(raw: dict) -> str | None:
        return body_mass_note(raw, AthleteProfile.model_validate(raw), "jo.toml", load_params())

    said = note(base | {"body_mass_kg": 150})
    assert said is not None and "150 kg is 331 lb" in said and "write body_mass = 150" in said
    assert note(base | {"units": "metric", "body_mass_kg": 68}) is None
    with pytest.raises(ValueError, match="give one of them"):
        AthleteProfile.model_validate(base | {"body_mass": 150, "body_mass_kg": 68})
