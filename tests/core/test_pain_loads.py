"""The library's loads agree with the graded-return ladders and with sports medicine, so a
painful area's rung caps every exercise that works it (nineteenth coach read: a hamstring on
its isometric rung got maximal single-leg hops for distance, and a foot on its isometric rung
a loaded single-leg calf raise to RIR 2, because the library named neither area).

A rung caps only the exercises the library says load its area (`pain_return.beyond_rungs`)
and the go-easy cue follows the same words, so these tests hold the words to the ladders and
to the kinds of work, and the property checks the plans against what the ladders say, apart
from the library's words."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runstrong.core.model import AthleteProfile, Impact, PainArea, Pattern, Role
from runstrong.core.owned_cues import GO_EASY
from runstrong.core.planner import InfeasibleWeekError, build_plan
from runstrong.core.review.regress import LOADS, load_on
from runstrong.io.data_files import load_context
from tests.conftest import examples

from .movement_loads import ANKLE_FOOT, loaded_areas
from .strategies import profiles

CTX = load_context()
LIBRARY = CTX.library
LOWER_LIMB = tuple(a for a in PainArea if a != PainArea.lower_back)
ACCEPTABLE = int(CTX.registry.param("pain-monitoring", "acceptable_during"))


def harder_than_the_first_rung(area: PainArea) -> frozenset[str]:
    """The exercises an area's ladder puts above its first rung, and every progression of
    them: what a first-rung area must not be given anywhere in the week."""
    ladder = CTX.ladders.get(area)
    first = set(ladder.rungs[0].exercises)
    return frozenset({y for r in ladder.rungs[1:] for x in r.exercises for y in {x, *LIBRARY.above(x)}} - first)


def silent(exercises, areas) -> list[tuple[str, str]]:
    return [(e.id, a.value) for e in exercises for a in areas if load_on(e, a) < LOADS]


@pytest.mark.parametrize("area", list(PainArea))
def test_every_exercise_that_works_an_area_is_tagged_for_it(area):
    """Every area the profile accepts: a split squat, lunge, step-up, landing, hop or hinge
    that works the area loads it or is ruled out for it in the library, so a painful area's
    rung caps it (the hip was never checked for Chloe's split squat, snap-down and step-up)."""
    works = [e for e in LIBRARY.exercises if area in loaded_areas(e)]
    assert works or area == PainArea.shin
    assert not silent(works, [area]), f"{area.value}: works it but free for it: {silent(works, [area])}"


def test_the_hip_is_tagged_on_split_squats_lunges_step_ups_landings_hops_and_single_leg_hinges():
    """cr25a F1's four by name, and their kinds."""
    for x in ("dumbbell_rear_foot_elevated_split_squat", "snap_down", "dumbbell_step_up", "line_hops",
              "dumbbell_reverse_lunge", "single_leg_romanian_deadlift", "glute_bridge"):  # fmt: skip
        assert load_on(LIBRARY.get(x), PainArea.hip) >= LOADS, x


@pytest.mark.parametrize("area", list(PainArea))
def test_every_exercise_on_an_areas_ladder_loads_that_area(area):
    """The foot's ladder put calf raises on rungs 2 and 3 while the library said calf raises
    spare the foot: the rung capped nothing and the go-easy cue never came."""
    ladder = CTX.ladders.get(area)
    on = [LIBRARY.get(x) for r in ladder.rungs for x in r.exercises]
    assert not silent(on, [area]), f"{area.value}: on its ladder but free for it: {silent(on, [area])}"


@pytest.mark.parametrize("area", list(PainArea))
def test_every_progression_of_a_ladders_upper_rungs_loads_that_area(area):
    """A harder form of a rung's exercise (a dumbbell single-leg calf raise above the foot's
    calf raise) loads the area at least as much, so the rung caps it too."""
    harder = [LIBRARY.get(x) for x in harder_than_the_first_rung(area)]
    assert not silent(harder, [area]), f"{area.value}: harder than its first rung but free: {silent(harder, [area])}"


def test_high_impact_work_loads_or_rules_out_every_lower_limb_area():
    """Maximal hops, bounds and depth or box jumps load every joint and tendon of the leg
    (a hop for distance is hip-extension drive, then a stick the hamstrings decelerate)."""
    high = [e for e in LIBRARY.exercises if e.impact == Impact.high]
    assert high
    assert not silent(high, LOWER_LIMB), silent(high, LOWER_LIMB)


def test_every_explosive_single_leg_or_split_jump_rules_out_the_hamstring():
    jumps = [e for e in LIBRARY.exercises if e.pattern == Pattern.plyometric and e.impact != Impact.low
             and (e.unilateral or e.id in {"skater_hops", "split_squat_jump", "box_jump", "depth_jump"})
             and e.id != "single_leg_pogo"]  # fmt: skip
    assert {"single_leg_hop_and_stick", "skater_hops", "split_squat_jump", "box_jump", "depth_jump"} <= {
        e.id for e in jumps
    }
    assert all(PainArea.hamstring in e.contraindications for e in jumps), [e.id for e in jumps]


def test_every_hop_and_landing_loads_or_rules_out_the_ankle_and_foot():
    """Every contact is absorbed by the foot, the Achilles, the calf and the shin."""
    impact = [e for e in LIBRARY.exercises if e.pattern in (Pattern.plyometric, Pattern.landing)]
    assert not silent(impact, ANKLE_FOOT), silent(impact, ANKLE_FOOT)


def test_every_calf_raise_loads_the_foot_and_the_shin():
    """A heel raise winds the plantar fascia up (the windlass) and the soleus pulls on the
    tibia: it is the foot's and the shin's ladder work, not work that spares them."""
    raises = [e for e in LIBRARY.exercises if e.pattern == Pattern.calf_ankle and PainArea.achilles in e.loads]
    assert len(raises) >= 5
    assert not silent(raises, (PainArea.foot, PainArea.shin)), silent(raises, (PainArea.foot, PainArea.shin))


def test_every_loaded_hinge_loads_or_rules_out_the_low_back_and_the_hamstring():
    hinges = [e for e in LIBRARY.exercises if e.pattern == Pattern.hinge and (e.loadable or e.id.endswith("deadlift"))]
    both = (PainArea.lower_back, PainArea.hamstring)
    assert not silent(hinges, both), silent(hinges, both)


@settings(max_examples=examples(), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    profile=profiles(),
    area=st.sampled_from(list(PainArea)),
    side=st.sampled_from([None, "left", "right"]),
    score=st.one_of(st.none(), st.integers(ACCEPTABLE + 1, 10)),
)
def test_an_area_on_its_first_rung_gets_nothing_past_that_rung_and_go_easy_where_work_loads_it(
    profile, area, side, score
):
    """A painful area (unscored, or scored above the acceptable zone) stays on its first rung
    without a review, so no week gives it an exercise its ladder puts higher (or a
    progression of one), high-impact work, or work that loads it (by the library's words or
    by its kind of movement) but its first rung does not hold; single-leg work that loads a
    painful side says to go easy on it."""
    runner = AthleteProfile.model_validate({
        **profile.model_dump(mode="json"), "pain_areas": [area.value], "adjustments": [],
        "pain_sides": {area.value: side} if side else {},
        "pain_scores": {area.value: score} if score is not None else {},
    })  # fmt: skip
    try:
        plan = build_plan(runner, CTX)
    except InfeasibleWeekError:
        return
    first = set(CTX.ladders.get(area).rungs[0].exercises)
    harder = harder_than_the_first_rung(area)
    for w in plan.weeks:
        for s in w.sessions:
            for b in s.blocks:
                e = LIBRARY.get(b.exercise_id)
                where = (w.index, s.date.isoformat(), e.id, area.value)
                assert e.id not in harder, where
                assert e.impact != Impact.high or area == PainArea.lower_back, where
                assert load_on(e, area) < LOADS or e.id in first, where
                assert area not in loaded_areas(e) or e.id in first, where
                if side and b.role in (Role.primary, Role.accessory) and b.prescription.per_side and e.id in first:
                    assert any(c.startswith(GO_EASY) for c in b.cues), where


def test_sofias_hamstring_and_danas_foot_on_their_first_rungs_get_no_hops_for_distance_or_calf_raises():
    """Sofia (right hamstring on its isometric rung) had single-leg hops for distance in twelve
    weeks; Dana (right foot on its isometric rung) a dumbbell single-leg calf raise to RIR 2."""
    from pathlib import Path

    from runstrong.io.profile_file import load_profile

    runners = Path(__file__).parent / "runners"
    cases = (
        ("advanced_marathon_barbell_hamstring.toml", PainArea.hamstring, "single_leg_hop_and_stick"),
        ("gym_no_race_foot_right_pounds.toml", PainArea.foot, "dumbbell_single_leg_calf_raise"),
    )
    for name, area, was in cases:
        plan = build_plan(load_profile(runners / name), CTX)
        given_ = {b.exercise_id for w in plan.weeks for s in w.sessions for b in s.blocks}
        first = set(CTX.ladders.get(area).rungs[0].exercises)
        assert first & given_, name
        assert not {x for x in given_ if load_on(LIBRARY.get(x), area) >= LOADS} - first, name
        assert was not in given_, name


def test_chloes_hip_above_the_zone_gets_its_hold_every_week_and_no_split_squat_landing_step_up_or_hop():
    """cr25a F1: Chloe's right hip 4/10 started its ladder on the glute bridge hold, yet week 1
    had a rear-foot-elevated split squat and snap-downs, weeks 3-12 dumbbell step-ups and weeks
    6-11 line hops. Now every week holds the hold and nothing else that works the hip."""
    from pathlib import Path

    from runstrong.io.profile_file import load_profile

    chloe = load_profile(Path(__file__).parent / "runners" / "chloe_no_race_hip_right_dumbbells.toml")
    assert chloe.pain_scores[PainArea.hip] > ACCEPTABLE
    plan = build_plan(chloe, CTX)
    first = set(CTX.ladders.get(PainArea.hip).rungs[0].exercises)
    for w in plan.weeks:
        held = {b.exercise_id for s in w.sessions for b in s.blocks}
        assert "glute_bridge_hold" in held, w.index
        loading = {
            x
            for x in held
            if load_on(LIBRARY.get(x), PainArea.hip) >= LOADS or PainArea.hip in loaded_areas(LIBRARY.get(x))
        }
        assert loading <= first, (w.index, sorted(loading - first))
        gone = {"dumbbell_rear_foot_elevated_split_squat", "snap_down", "dumbbell_step_up", "line_hops"}
        assert not held & gone, (w.index, sorted(held & gone))
