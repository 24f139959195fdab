"""core/swap.py: what may replace an exercise, and the profile that keeps the choice."""

from __future__ import annotations

import datetime as dt

import pytest

from runstrong.core.diary import week_start
from runstrong.core.model import TRAINING_CATEGORIES, PainArea
from runstrong.core.planner import build_plan, replan
from runstrong.core.swap import alternatives, companions, sessions_with, with_swap
from runstrong.io.data_files import load_context, load_params
from runstrong.io.profile_file import load_profile
from tests.conftest import EXAMPLES, example_paths


@pytest.fixture(scope="module")
def marathoner():  # type: ignore[no-untyped-def]
    return load_profile(EXAMPLES / "marathoner.toml")


@pytest.mark.parametrize("path", example_paths(), ids=lambda p: p.stem)
def test_every_alternative_trains_the_same_thing_with_the_runners_kit_level_and_pain(library, path) -> None:
    profile = load_profile(path)
    p = load_params()
    kit, pain = profile.equipment_items, set(profile.pain_areas)
    for e in library.exercises:
        if e.category not in TRAINING_CATEGORIES:
            assert alternatives(library, profile, e.id, p) == []
            continue
        for a in alternatives(library, profile, e.id, p):
            x = a.exercise
            assert x.id != e.id and (x.category, x.pattern) == (e.category, e.pattern)
            assert x.fits(kit) and x.level.rank <= profile.strength_experience.rank
            assert not pain & set(x.contraindications)
            assert not e.roles or set(e.roles) & set(x.roles)
            assert a.notes


def test_exercises_already_in_the_sessions_are_not_offered(library, marathoner) -> None:
    p = load_params()
    offered = [a.exercise.id for a in alternatives(library, marathoner, "romanian_deadlift", p)]
    assert offered
    again = alternatives(library, marathoner, "romanian_deadlift", p, taken={offered[0]})
    assert offered[0] not in [a.exercise.id for a in again]


def test_an_exercise_sparing_a_painful_area_comes_first(library, marathoner) -> None:
    p = load_params()
    sore = marathoner.model_copy(update={"pain_areas": [PainArea.lower_back]})
    ranked = alternatives(library, sore, "romanian_deadlift", p)
    loads_back = [PainArea.lower_back in a.exercise.loads for a in ranked]
    assert loads_back == sorted(loads_back)


def test_swapping_a_replacement_again_names_the_exercise_the_planner_picked(marathoner) -> None:
    day = dt.date(2027, 1, 8)
    once = with_swap(marathoner, "romanian_deadlift", "trap_bar_deadlift", day, "no barbell")
    twice = with_swap(once, "trap_bar_deadlift", "kettlebell_deadlift", day + dt.timedelta(days=7))
    assert [(s.from_id, s.to_id) for s in twice.exercise_swaps] == [
        ("romanian_deadlift", "trap_bar_deadlift"),
        ("romanian_deadlift", "kettlebell_deadlift"),
    ]
    assert twice.exercise_swaps[0].rule_id == "exercise-swap" and twice.exercise_swaps[0].reason == "no barbell"


def test_a_swap_changes_the_plan_from_its_date_and_keeps_the_weeks_before(library, marathoner) -> None:
    plan = build_plan(marathoner, load_context(), least_bad=True)
    since = dt.date(2027, 1, 20)  # a Wednesday in week 3
    options = alternatives(library, marathoner, "romanian_deadlift", load_params(),
                           companions(plan, "romanian_deadlift", since))  # fmt: skip
    target = options[0].exercise.id
    new = replan(
        plan,
        with_swap(marathoner, "romanian_deadlift", target, since),
        week_start(since),
        load_context(),
        least_bad=True,
    )
    assert sessions_with(new, target, since)
    assert [w for w in new.weeks if w.start_date < week_start(since)] == [
        w for w in plan.weeks if w.start_date < week_start(since)
    ]
    this_week = next(w for w in new.weeks if w.start_date == week_start(since))
    swapped = [b for s in this_week.sessions for b in s.blocks if b.exercise_id == target]
    assert swapped and all("exercise-swap" in b.rule_ids for b in swapped)
