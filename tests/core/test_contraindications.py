"""An audit of the library's contraindications: a regression, a swap or a ladder rung
below never adds range or load to a painful area, for every area and every exercise
(a deficit reverse lunge is not a knee regression)."""

from __future__ import annotations

import datetime as dt

import pytest

from runstrong.core.model import AthleteProfile, Category, Level, PainArea, Pattern
from runstrong.core.review.regress import RULED_OUT, easier, load_on
from runstrong.core.swap import alternatives
from runstrong.io.data_files import load_context

CTX = load_context()
LIBRARY = CTX.library
AREAS = list(PainArea)
KNEE_DOMINANT = (Pattern.squat, Pattern.lunge, Pattern.step, Pattern.landing)


def runner(area: PainArea) -> AthleteProfile:
    return AthleteProfile.model_validate({
        "name": "Audit", "age": 35, "body_mass_kg": 65, "start_date": dt.date(2027, 1, 4), "plan_weeks": 8,
        "strength_experience": "advanced", "equipment": ["gym"], "pain_areas": [area.value],
    })  # fmt: skip


@pytest.mark.parametrize("area", AREAS)
def test_every_regression_loads_a_painful_area_no_more_than_the_lift_it_replaces(area):
    worse = [(e.id, r) for e in LIBRARY.exercises for r in e.regressions
             if load_on(LIBRARY.get(r), area) > load_on(e, area)]  # fmt: skip
    assert not worse, f"regressions that load the {area.value} more: {worse}"


@pytest.mark.parametrize("area", AREAS)
def test_the_reviews_regression_never_loads_a_painful_area_more_and_the_best_swap_spares_it(area):
    profile = runner(area)
    for e in LIBRARY.exercises:
        chosen = easier(LIBRARY, e.id, profile, [])
        if chosen is not None:
            assert load_on(LIBRARY.get(chosen), area) < RULED_OUT, (e.id, chosen)
            assert load_on(LIBRARY.get(chosen), area) <= load_on(e, area), (e.id, chosen)
        options = alternatives(LIBRARY, profile, e.id, CTX.params)
        assert all(load_on(o.exercise, area) < RULED_OUT for o in options), (e.id, [o.exercise.id for o in options])
        sparing = [o for o in options if load_on(o.exercise, area) <= load_on(e, area)]
        if sparing:  # the runner's choice; the best offered spares the area whenever any option does
            assert load_on(options[0].exercise, area) <= load_on(e, area), (e.id, options[0].exercise.id)


@pytest.mark.parametrize("area", AREAS)
def test_each_rung_down_a_ladder_loads_its_area_no_more(area):
    ladder = CTX.ladders.get(area)
    most = [max(load_on(LIBRARY.get(x), area) for x in rung.exercises) for rung in ladder.rungs]
    assert most == sorted(most), f"{area.value}: rung loads {most}"


def test_single_leg_knee_bending_work_past_the_easiest_level_names_the_knee():
    """Deeper or loaded single-leg knee flexion (deficits, pistols, walking lunges,
    landings) is ruled out or marked as loading for knee pain; only isometric holds are free."""
    silent = [e.id for e in LIBRARY.exercises
              if e.category == Category.single_leg_power and e.pattern in KNEE_DOMINANT
              and (e.level != Level.novice or e.loadable) and load_on(e, PainArea.knee) == 0]  # fmt: skip
    assert not silent, f"knee-bending work that does not name the knee: {silent}"
    assert load_on(LIBRARY.get("deficit_reverse_lunge"), PainArea.knee) == RULED_OUT


def test_every_romanian_deadlift_names_the_hamstring():
    silent = [e.id for e in LIBRARY.exercises if "romanian_deadlift" in e.id and load_on(e, PainArea.hamstring) == 0]
    assert not silent, f"Romanian deadlifts that do not name the hamstring: {silent}"


def test_a_warm_up_drill_that_lunges_deep_is_ruled_out_for_knee_pain():
    """Eleventh coach read: a runner with knee pain warmed up with walking lunges every session
    while the loaded walking lunge was ruled out for the same knee. A warm-up or finisher drill
    filed as a lunge names the knee like the lifts do, so a knee-pain week warms up without it."""
    drills = [e for e in LIBRARY.exercises if e.category in (Category.warm_up, Category.mobility)]
    assert drills
    silent = [e.id for e in drills if (e.fit_category == "lunge" or e.pattern == Pattern.lunge)
              and load_on(e, PainArea.knee) == 0]  # fmt: skip
    assert not silent, f"lunging drills that do not name the knee: {silent}"
