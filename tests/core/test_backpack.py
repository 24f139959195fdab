"""A backpack filled with books or water bottles loads a two-legged hinge for a runner with no
weights: the backpack Romanian deadlift, its load in kg like a dumbbell's, in steps the
runner can set."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from pydantic import ValidationError

from runstrong.core.model import AthleteProfile, Role
from runstrong.core.planner import InfeasibleWeekError, build_plan
from runstrong.core.vocab import EQUIPMENT_SETS, EquipmentSet, Item
from runstrong.io.data_files import load_context
from runstrong.io.figures import figure_svg
from runstrong.io.profile_file import load_profile
from tests.conftest import examples

from .strategies import profiles

CTX = load_context()
JO = load_profile(Path(__file__).parent / "runners" / "bodyweight_only.toml")  # novice 5K, no kit


def with_(**changes) -> AthleteProfile:
    return AthleteProfile.model_validate({**JO.model_dump(), **changes})


def hinge_blocks(plan):
    return [
        b
        for w in plan.weeks
        for s in w.sessions
        for b in s.blocks
        if b.role == Role.primary and b.exercise_id == "backpack_romanian_deadlift"
    ]


def test_a_runner_with_no_kit_but_a_backpack_gets_a_loaded_two_legged_hinge():
    blocks = hinge_blocks(build_plan(with_(equipment=["bodyweight", "backpack"]), CTX))
    assert blocks
    loads = [b.prescription.load_kg for b in blocks]
    assert all(kg is not None and kg > 0 for kg in loads)
    assert all(kg == int(kg) for kg in loads)  # the registry's step for a backpack: whole kilograms (a bottle)
    assert "hip_hinge_drill" not in {b.exercise_id for b in hinge_blocks(build_plan(JO, CTX))}


def test_a_backpack_loads_in_the_runners_own_steps():
    light = with_(equipment=["bodyweight", "backpack"], load_increments={"backpack": 0.5}, body_mass_kg=45)
    plan = build_plan(light, CTX)  # a light runner: her loads stay under a full backpack's
    loads = {b.prescription.load_kg for b in hinge_blocks(plan)}
    assert loads and all((kg * 2) == int(kg * 2) for kg in loads), loads
    assert any(kg != int(kg) for kg in loads), loads  # half-kilogram steps are used


def test_a_backpack_load_stops_where_the_backpack_is_full_and_says_so():
    """A backpack Romanian deadlift is one bag held in both hands: it carries what a pair of
    dumbbells would, which for a 90 kg intermediate lifter came to a 42 kg bag rising to
    47 kg. No daypack holds that: the load stops at a full backpack, and the plan says why."""
    full = CTX.params.heaviest_home_kg[Item.backpack]
    strong = with_(
        equipment=["bodyweight", "backpack"], body_mass_kg=90, sex="male", strength_experience="intermediate"
    )
    blocks = hinge_blocks(build_plan(strong, CTX))
    assert blocks and max(b.prescription.load_kg for b in blocks) == full
    assert all(b.prescription.load_kg <= full for b in blocks)
    said = {r.text for b in blocks for r in b.reasons if r.rule_id == "kit-heaviest"}
    assert (
        f"Your backpack is full at {full:g} kg: the load stops there (dumbbells or a kettlebell would let it grow)."
        in said
    )


def test_the_backpack_is_the_runners_to_name_not_part_of_a_kit_set():
    assert all(Item.backpack not in items for items in EQUIPMENT_SETS.values())
    assert Item.backpack not in EQUIPMENT_SETS[EquipmentSet.gym]  # the gym's own weights do its job


def test_load_steps_name_the_backpack_among_the_kit_that_takes_them():
    with pytest.raises(ValidationError, match="backpack"):
        with_(load_increments={"chair": 1})


def test_the_backpack_hinge_is_drawn_with_its_bag_and_says_how_to_fill_it():
    e = CTX.library.get("backpack_romanian_deadlift")
    assert any("bottle" in cue for cue in e.cues)
    assert "<rect" in figure_svg(e.id, animated=False)


@settings(max_examples=examples(share=0.2), deadline=None, suppress_health_check=list(HealthCheck))
@given(profile=profiles())
def test_every_backpack_hinge_carries_a_load_in_the_backpacks_steps(profile):
    """Over generated runners who add a backpack to their kit: the plan keeps its own rules
    (build_plan checks them) and each backpack hinge has a load in the backpack's steps
    (the generated runners use kilograms)."""
    runner = AthleteProfile.model_validate({**profile.model_dump(), "equipment": [*profile.equipment, "backpack"]})
    try:
        plan = build_plan(runner, CTX)
    except InfeasibleWeekError:
        return
    for b in hinge_blocks(plan):
        kg = b.prescription.load_kg
        assert kg is not None and kg > 0, b
        step = CTX.params.rounding_metric_kg[Item.backpack]
        assert abs(kg / step - round(kg / step)) < 1e-6, kg
