"""The planner keeps its own rules for any adjustment a review or a runner can write:
over generated adjustments (any day of a week, several on one week, kit changes, cuts up
to the 60% the model allows, session caps, holds, deloads) `build_plan` either plans with
no violation or refuses with a UserError that names the field.

Reproducers from issue 14 are kept as named tests below the property."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runstrong.core.model import AthleteProfile, Category, EquipmentSet, Item, PainArea
from runstrong.core.planner import build_plan
from runstrong.errors import UserError
from runstrong.io.data_files import load_context
from tests.conftest import examples

from .strategies import profiles

CTX = load_context()

EXAMPLES = examples(share=0.2)  # ci 200 (as before), dev 20, deep 2,000
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CATEGORIES = [Category.posterior_chain, Category.core, Category.single_leg_power]
KIT = [*EquipmentSet, *Item]


def adjustment(start: dt.date) -> st.SearchStrategy[dict]:
    """One adjustment as a profile file or a review could hold it, on any day near the plan."""
    return st.fixed_dictionaries(
        {"week_start": st.integers(-14, 30 * 7).map(lambda d: start + dt.timedelta(days=d))},
        optional={
            "deload": st.booleans(),
            "hold": st.lists(st.sampled_from(CATEGORIES), unique=True),
            "reduce": st.dictionaries(st.sampled_from(CATEGORIES), st.integers(0, 60)),
            "max_sessions": st.integers(0, 3),
            "equipment": st.lists(st.sampled_from(KIT), min_size=1, max_size=3, unique=True),
            "consistent": st.booleans(),
            "mobility": st.booleans(),
            "pain_added": st.lists(st.sampled_from(list(PainArea)), unique=True, max_size=2),
        },
    )


@st.composite
def adjusted_profiles(draw) -> dict:
    base = draw(profiles()).model_dump()
    start = base["start_date"]
    count = draw(st.integers(1, 6))
    listed = draw(st.lists(adjustment(start), min_size=count, max_size=count))
    # a second adjustment on the same week, on another day of it, as a hand-edited file may hold
    if draw(st.booleans()):
        again = listed[0]["week_start"] + dt.timedelta(days=draw(st.integers(0, 6)))
        listed.append(draw(adjustment(start)) | {"week_start": again})
    return base | {"adjustments": listed}


def plans_or_names_the_field(raw: dict) -> None:
    try:
        profile = AthleteProfile.model_validate(raw)
        build_plan(profile, CTX)
    except UserError as err:
        assert err.field, f"a refusal must name its field: {err}"
        assert "broke its own rules" not in str(err)
    except ValueError:  # pydantic's ValidationError: a field-located refusal by construction
        pass


@SETTINGS
@given(raw=adjusted_profiles())
def test_any_adjustment_plans_within_the_rules_or_is_refused_by_field(raw):
    plans_or_names_the_field(raw)


def _novice(adjustments: list[dict]) -> AthleteProfile:
    import tomllib

    from tests.conftest import EXAMPLES as FOLDER

    raw = tomllib.loads((FOLDER / "novice.toml").read_text(encoding="utf-8"))
    return AthleteProfile.model_validate(raw | {"start_date": dt.date(2027, 3, 1), "adjustments": adjustments})


def test_a_sixty_percent_cut_is_followed_by_the_blocks_dose_not_a_jump():
    plan = build_plan(_novice([{"week_start": dt.date(2027, 3, 8), "reduce": {"core": 60}}]), CTX)
    assert plan.weeks[1].start_date == dt.date(2027, 3, 8)


def test_two_adjustments_in_one_week_become_one_and_its_kit_is_respected():
    profile = _novice([{"week_start": dt.date(2027, 3, 8), "equipment": ["box"]}, {"week_start": dt.date(2027, 3, 10)}])
    assert [(a.week_start, a.equipment) for a in profile.adjustments] == [(dt.date(2027, 3, 8), [Item.box])]
    build_plan(profile, CTX)


def test_merged_adjustments_keep_the_stricter_of_each_change():
    profile = _novice(
        [
            {"week_start": dt.date(2027, 3, 9), "reduce": {"core": 20}, "max_sessions": 2, "hold": ["core"]},
            {"week_start": dt.date(2027, 3, 12), "reduce": {"core": 40}, "max_sessions": 1, "deload": True},
        ]
    )
    (merged,) = profile.adjustments
    assert merged.week_start == dt.date(2027, 3, 8)
    assert (merged.reduce, merged.max_sessions, merged.deload, merged.hold) == (
        {Category.core: 40},
        1,
        True,
        [Category.core],
    )
