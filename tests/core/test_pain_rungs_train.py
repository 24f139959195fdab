"""A painful area's ladder holds enough trainable work at each rung that the plan stays a plan
(hipsafe2). The hip audit (cr25a F1) tagged nearly every leg lift for the hip, and a hip's
ladder named only bridges: a hip within the acceptable zone (2/10, settled by the morning) lost
its loaded hinge, its split squat and its step-up for good, and a technique drill led its
posterior chain. Each ladder's rungs now also name the other lifts that load the area and come
back with that rung (`Rung.also`), so in the zone the hip trains loaded hinges, bridges, step-ups
and split squats, while above it only the hold loads it; and a category's last resort never
reaches past a painful area's rung.

The oracles read the ladders' data (which lift a rung holds) and the kinds of movement written
apart from the library (`test_pain_loads.loaded_areas`), not the planner's choices."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runstrong.core.ladder_pools import last_resort
from runstrong.core.model import AthleteProfile, Category, EquipmentSet, Level, PainArea, Pattern, Phase, Role
from runstrong.core.pain_return import OFF
from runstrong.core.planner import InfeasibleWeekError, build_plan
from runstrong.core.review.regress import LOADS, load_on
from runstrong.core.selection import Context, _usable
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile
from tests.conftest import examples

from .movement_loads import loaded_areas
from .strategies import profiles

CTX = load_context()
LIBRARY = CTX.library
LADDERS = CTX.ladders
ACCEPTABLE = int(CTX.registry.param("pain-monitoring", "acceptable_during"))
IN_ZONE_RUNG = int(CTX.registry.param("pain-graded-return", "start_rung_in_zone")) - 1  # the rule counts from 1
LOADING = (Phase.foundation, Phase.build, Phase.race_specific)
RUNNERS = Path(__file__).parent / "runners"
CHLOE = load_profile(RUNNERS / "chloe_no_race_hip_right_dumbbells.toml")
CHLOE_IN_ZONE = load_profile(RUNNERS / "chloe_hip_in_the_zone_2_of_10.toml")
SETTINGS = settings(max_examples=examples(), deadline=None, suppress_health_check=[HealthCheck.too_slow])


def start_rung(area: PainArea, score: int | None) -> int:
    """The rung the rule starts a scored area on, read from the rulebook: slow heavy work in the
    zone, the first rung above it or unscored (never the plyometric rung)."""
    if score is None or score > ACCEPTABLE:
        return 0
    return min(IN_ZONE_RUNG, len(LADDERS.get(area).rungs) - 2)


def rung_lifts(area: PainArea, rung: int) -> frozenset[str]:
    """Every lift the area's ladder data puts at or below `rung` (its own work and `also`)."""
    ladder = LADDERS.get(area)
    return frozenset(x for r in ladder.rungs[: rung + 1] for x in (*r.exercises, *r.also))


def works(e, area: PainArea) -> bool:  # type: ignore[no-untyped-def]
    """`e` works `area`, by the library's words or by its kind of movement."""
    return load_on(e, area) >= LOADS or area in loaded_areas(e)


def with_pain(profile: AthleteProfile, area: PainArea, score: int | None) -> AthleteProfile:
    return AthleteProfile.model_validate({
        **profile.model_dump(mode="json"), "pain_areas": [area.value], "adjustments": [],
        "pain_scores": {area.value: score} if score is not None else {}, "pain_sides": {},
    })  # fmt: skip


def plan_or_none(runner: AthleteProfile):  # type: ignore[no-untyped-def]
    try:
        return build_plan(runner, CTX)
    except InfeasibleWeekError:
        return None


@SETTINGS
@given(
    profile=profiles(),
    area=st.sampled_from(list(PainArea)),
    score=st.one_of(st.none(), st.integers(0, 10)),
)
def test_every_lift_that_works_a_painful_area_is_at_or_below_its_rung_whatever_the_score(profile, area, score):
    """Above the zone (or unscored) only the first rung's work loads the area; in the zone only
    the lifts its starting rung holds. No week gives a lift that works the area (by the library
    or by its kind of movement) that the ladder's data does not hold at that rung."""
    plan = plan_or_none(with_pain(profile, area, score))
    if plan is None:
        return
    allowed = rung_lifts(area, start_rung(area, score))
    for w in plan.weeks:
        for s in w.sessions:
            for b in s.blocks:
                e = LIBRARY.get(b.exercise_id)
                assert not works(e, area) or e.id in allowed, (w.index, s.date.isoformat(), e.id, area.value, score)


# A main lift by kind of movement, written here: the posterior chain's strength patterns, and
# single-leg strength (squats, lunges, steps), not calf raises or a balance drill in its place.
MAIN_PATTERNS = {
    Category.posterior_chain: {
        Pattern.hinge,
        Pattern.bridge,
        Pattern.squat,
        Pattern.knee_flexion,
        Pattern.back_extension,
    },
    Category.single_leg_power: {Pattern.squat, Pattern.lunge, Pattern.step},
}


def main_lifts(week, category: Category) -> set[str]:  # type: ignore[no-untyped-def]
    """The week's primaries of `category` that train its strength: its main patterns, no drill."""
    out = set()
    for s in week.sessions:
        for b in s.blocks:
            e = LIBRARY.get(b.exercise_id)
            if (
                b.role == Role.primary
                and e.category == category
                and e.pattern in MAIN_PATTERNS[category]
                and not e.drill
            ):
                out.add(e.id)
    return out


@SETTINGS
@given(profile=profiles(), area=st.sampled_from(list(PainArea)), score=st.integers(0, ACCEPTABLE))
def test_an_area_in_the_zone_leaves_a_main_lift_in_the_posterior_chain_and_single_leg_work_every_loading_week(
    profile, area, score
):
    """In the zone the plan stays a plan: every loading week in which the same runner without
    pain gets a main lift for the posterior chain or for single-leg power (a strength lift of its
    kind, not a broomstick drill, calf raise or balance drill) gets one too. cr25a's hip audit
    left a hip at 2/10 a drill and calf raises there for the whole plan."""
    plan = plan_or_none(with_pain(profile, area, score))
    calm = plan_or_none(AthleteProfile.model_validate({**profile.model_dump(mode="json"), "pain_areas": []}))
    if plan is None or calm is None:
        return
    calm_weeks = {w.index: w for w in calm.weeks}
    for w in plan.weeks:
        was = calm_weeks.get(w.index)
        if w.phase not in LOADING or not w.sessions or was is None or was.phase != w.phase:
            continue
        for category in (Category.posterior_chain, Category.single_leg_power):
            if main_lifts(was, category):
                assert main_lifts(w, category), (w.index, w.phase.value, category.value, area.value, score)


KITS = st.sampled_from(list(EquipmentSet))
LEVELS = st.sampled_from(list(Level))


@SETTINGS
@given(
    kit=KITS,
    level=LEVELS,
    areas=st.lists(st.sampled_from(list(PainArea)), min_size=1, max_size=3, unique=True),
    rungs=st.lists(st.sampled_from([OFF, 0, 1, 2, 3]), min_size=3, max_size=3),
)
def test_a_categorys_last_resort_never_reaches_past_a_painful_areas_rung(kit, level, areas, rungs):
    """Where nothing within the ladders trains a category, its last resort holds nothing that
    works a painful area past its rung (off its ladder: past its first rung): the block is left
    out and says so rather than fill it with a split squat for a first-rung hip."""
    from runstrong.core.model import EQUIPMENT_SETS

    equipment = frozenset(EQUIPMENT_SETS[kit])
    pain = frozenset(areas)
    ladder = tuple(sorted(zip(areas, rungs, strict=False), key=lambda ar: ar[0].value))
    usable = _usable(LIBRARY, level, equipment, pain, CTX.params)
    ctx = Context(level=level, equipment=equipment, pain=pain, phase=Phase.build, race=None, plyo_ready=True,
                  block=0, ladder=ladder)  # fmt: skip
    for e in last_resort(usable, ctx, CTX):
        for area, rung in ladder:
            held = rung_lifts(area, max(rung, 0))
            assert not works(e, area) or e.id in held, (e.id, area.value, rung)


def weeks_lifts(plan, weeks=(1, 4, 8)) -> dict[int, set[str]]:  # type: ignore[no-untyped-def]
    return {w.index: {b.exercise_id for s in w.sessions for b in s.blocks} for w in plan.weeks if w.index in weeks}


def test_chloes_hip_at_2_of_10_trains_a_loaded_hinge_a_hip_thrust_a_step_up_and_a_split_squat_in_weeks_1_4_and_8():
    """hipsafe's Left: with the hip tagged, Chloe's hip at 2/10 (in the zone) got the hip thrust
    and a broomstick hinge drill, calf raises for single-leg power, and no RDL, step-up or split
    squat in 12 weeks. Her ladder's slow heavy rung now holds them; its functional and plyometric
    work (reverse lunges, rear-foot-elevated split squats, landings, hops) waits."""
    assert CHLOE_IN_ZONE.pain_scores[PainArea.hip] <= ACCEPTABLE
    given_ = weeks_lifts(build_plan(CHLOE_IN_ZONE, CTX))
    later = rung_lifts(PainArea.hip, 3) - rung_lifts(PainArea.hip, IN_ZONE_RUNG)
    for week, lifts in given_.items():
        assert "dumbbell_romanian_deadlift" in lifts, (week, sorted(lifts))
        assert "dumbbell_hip_thrust" in lifts, (week, sorted(lifts))
        assert lifts & {"dumbbell_step_up", "dumbbell_split_squat"}, (week, sorted(lifts))
        assert "hip_hinge_drill" not in lifts, (week, sorted(lifts))
        assert not lifts & later, (week, sorted(lifts & later))


def test_chloes_hip_at_4_of_10_keeps_only_its_hold_of_the_work_that_loads_it_in_weeks_1_4_and_8():
    """Above the zone the rungs' other lifts stay out: the hold is the hip's one loading lift."""
    given_ = weeks_lifts(build_plan(CHLOE, CTX))
    for week, lifts in given_.items():
        loading = {x for x in lifts if works(LIBRARY.get(x), PainArea.hip)}
        assert loading == {"glute_bridge_hold"}, (week, sorted(loading))


@pytest.mark.parametrize("area", list(PainArea))
def test_every_lift_a_rung_brings_back_loads_its_area_and_sits_on_one_rung(area):
    """A rung's other lifts (`also`) load the area by the library's words, so the rung caps
    them; none is listed twice or is a rung's own work."""
    ladder = LADDERS.get(area)
    listed = [x for r in ladder.rungs for x in (*r.exercises, *r.also)]
    also = [x for r in ladder.rungs for x in r.also]
    assert len(set(also)) == len(also) and not set(also) & {x for r in ladder.rungs for x in r.exercises}
    assert all(load_on(LIBRARY.get(x), area) >= LOADS for x in also), area.value
    assert listed


def test_every_leg_lift_that_works_the_hip_has_a_rung_on_its_ladder():
    """A hip lift on no rung would wait until the hip is through its ladder: every primary or
    accessory that works the hip and is not ruled out for it has its rung."""
    held = rung_lifts(PainArea.hip, 3)
    missing = sorted(
        e.id
        for e in LIBRARY.exercises
        if works(e, PainArea.hip) and PainArea.hip not in e.contraindications and e.roles and e.id not in held
    )
    assert not missing, missing


def test_a_category_every_lift_of_which_passes_a_rung_waits_and_the_plan_says_why():
    """Tomas (novice, bands, no furniture, hip and foot unscored: both on their first rungs):
    every single-leg power lift his kit holds loads one of them past its first rung. The last
    resort gave an isometric split-squat hold (it loads the hip); now the category waits, the
    plan says so with the rule, and the validator accepts it (three-categories gives way)."""
    tomas = load_profile(RUNNERS / "novice_bands_no_furniture_hip_and_foot_first_rungs.toml")
    plan = build_plan(tomas, CTX)
    weeks = [w for w in plan.weeks if w.sessions and w.phase != Phase.race_week]  # his race, then maintenance
    assert weeks
    for w in weeks:
        lifts = {b.exercise_id for s in w.sessions for b in s.blocks}
        assert "isometric_split_squat_hold" not in lifts, w.index
        for area in (PainArea.hip, PainArea.foot):
            assert not {x for x in lifts if works(LIBRARY.get(x), area)} - rung_lifts(area, 0), (w.index, area)
        assert not [b for s in w.sessions for b in s.blocks
                    if b.role == Role.primary and b.category == Category.single_leg_power], w.index  # fmt: skip
    said = " ".join(plan.warnings)
    assert "No single-leg power lift spares your foot and hip at their graded return's rung" in said
    assert "(pain-graded-return)" in said


def test_a_slot_a_rung_fills_says_nothing_and_kit_advice_names_no_lift_a_rung_keeps_out():
    """Chloe at 4/10 was told "No second posterior chain lift fits your equipment, level and pain
    areas: a kettlebell would open 4 lifts for it": the hold filled that slot, and every
    kettlebell lift loads her hip past its first rung."""
    for runner in (CHLOE, CHLOE_IN_ZONE):
        said = " ".join(build_plan(runner, CTX).warnings)
        assert "posterior chain lift fits" not in said, said
        assert "would open" not in said, said
