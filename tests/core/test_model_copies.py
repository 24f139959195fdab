"""The planner's cheap copies of plan values: equal to pydantic's, and sharing their sets of
field names so that the values the memo keeps give the garbage collector fewer objects."""

from __future__ import annotations

from runstrong.core.model import Block, Category, Intensity, Prescription, Role, build, changed


def _presc(**fields: object) -> Prescription:
    return build(
        Prescription, sets=3, reps=8, intensity=build(Intensity, kind="rir", value=2.0), rest_seconds=90, **fields
    )


def _block() -> Block:
    return build(
        Block,
        role=Role.primary,
        exercise_id="goblet_squat",
        name="Goblet squat",
        category=Category.posterior_chain,
        prescription=_presc(),
        estimated_seconds=300,
        cues=["Chest up."],
        reasons=[],
    )


def test_a_changed_value_dumps_as_model_copy_would():
    block = _block()
    presc = changed(block.prescription, sets=4)
    mine = changed(block, prescription=presc, estimated_seconds=360)
    theirs = block.model_copy(
        update={"prescription": block.prescription.model_copy(update={"sets": 4}), "estimated_seconds": 360}
    )
    assert mine == theirs
    assert mine.model_dump_json() == theirs.model_dump_json()
    assert mine.model_dump(exclude_unset=True) == theirs.model_dump(exclude_unset=True)
    assert block.prescription.sets == 3  # the original is left as it was


def test_a_changed_value_shares_its_set_of_field_names_with_the_original():
    presc = _presc()
    assert changed(presc, sets=5).__pydantic_fields_set__ is presc.__pydantic_fields_set__


def test_a_change_to_a_defaulted_field_adds_it_to_the_fields_set_as_pydantic_does():
    presc = _presc()
    assert "load_kg" not in presc.model_fields_set
    assert changed(presc, load_kg=20.0).model_fields_set == presc.model_copy(update={"load_kg": 20.0}).model_fields_set
    assert "load_kg" not in presc.model_fields_set  # the shared set itself is never changed


def test_values_built_with_the_same_names_share_one_set_of_them():
    first, second = _presc(), _presc(tempo="3-1-1")
    assert _presc().__pydantic_fields_set__ is first.__pydantic_fields_set__
    assert second.__pydantic_fields_set__ is not first.__pydantic_fields_set__
    assert second.model_fields_set == first.model_fields_set | {"tempo"}
