"""The baseline screen: scoring against the registry's norms, and each result changing the plan."""

from __future__ import annotations

import datetime as dt

import pytest

from runstrong.core.assessment import SCORERS, _Scoring, score_screen
from runstrong.core.holds import hold_ceiling
from runstrong.core.model import AthleteProfile, Category, Pattern, Role, Sex
from runstrong.core.planner import build_plan
from runstrong.core.screen import Screen
from runstrong.io.data_files import load_context, load_params

P = load_params()
MONDAY = dt.date(2027, 1, 4)


def screen(**overrides) -> Screen:
    """A screen with nothing to find: every test passed comfortably."""
    base = {
        "date": MONDAY - dt.timedelta(days=2),
        "hip_hinge_pass": True,
        "plank_seconds": 150,
        "side_plank_left_seconds": 80,
        "side_plank_right_seconds": 80,
        "single_leg_squat_left": "good",
        "single_leg_squat_right": "good",
        "balance_open_left_seconds": 45,
        "balance_open_right_seconds": 45,
        "heel_raise_left": 35,
        "heel_raise_right": 35,
    }
    base.update(overrides)
    return Screen.model_validate(base)


def runner(*screens: Screen, **overrides) -> AthleteProfile:
    base = {
        "name": "Screened runner",
        "age": 35,
        "sex": "female",
        "body_mass_kg": 60,
        "start_date": MONDAY,
        "strength_experience": "intermediate",
        "equipment": ["gym"],
        "plan_weeks": 12,
        "running": {"weekly": [{"day": "tue", "type": "intervals"}, {"day": "sun", "type": "long"}]},
        "screens": [s.model_dump() for s in screens],
    }
    base.update(overrides)
    return AthleteProfile.model_validate(base)


def blocks(plan, category=None, role=Role.primary, weeks=None):
    return [
        b
        for w in plan.weeks
        if weeks is None or w.index in weeks
        for s in w.sessions
        for b in s.blocks
        if b.role == role and (category is None or b.category == category)
    ]


def test_a_clean_screen_finds_nothing_and_changes_nothing():
    result = score_screen(screen(), 35, Sex.female, P)
    assert not [f for f in result.findings if f.kind in ("deficit", "asymmetry")]
    sessions = [w.sessions for w in build_plan(runner(screen()), load_context()).weeks]
    assert sessions == [w.sessions for w in build_plan(runner(), load_context()).weeks]


def test_failed_hinge_means_patterning_first_and_no_loaded_hinges(library):
    plan = build_plan(runner(screen(hip_hinge_pass=False, hip_hinge_faults=["sacrum"])), load_context())
    first_block = blocks(plan, Category.posterior_chain, weeks={1, 2, 3})
    hinges = [library.get(b.exercise_id) for b in first_block if library.get(b.exercise_id).pattern == Pattern.hinge]
    assert hinges and all(not e.loadable for e in hinges)
    assert any(r.rule_id == "screen-hip-hinge" for b in first_block for r in b.reasons)
    assert "screen-hip-hinge" in plan.weeks[0].rule_ids


def test_poor_left_single_leg_squat_regresses_single_leg_work_and_adds_left_volume(library):
    plan = build_plan(runner(screen(single_leg_squat_left="poor", single_leg_squat_right="good")), load_context())
    normal = build_plan(runner(), load_context())
    first_rung = library.ladder("pistol_squat")[0].id
    sl_mains = [b for b in blocks(plan, Category.single_leg_power) if b.exercise_id == first_rung]
    assert sl_mains, "the single-leg work starts on the ladder's first rung"
    assert not [b for b in blocks(normal, Category.single_leg_power) if b.exercise_id == first_rung]
    extra = [b for b in blocks(plan, Category.single_leg_power) if b.prescription.extra_sets_side == "left"]
    assert extra and all(any(r.rule_id == "weak-side-extra-set" for r in b.reasons) for b in extra)
    assert not any(b.exercise_id for b in blocks(plan) if library.get(b.exercise_id).pattern == Pattern.plyometric)


def test_short_plank_means_shorter_more_frequent_core_holds():
    plan = build_plan(runner(screen(plank_seconds=30)), load_context())
    level = plan.profile.strength_experience
    for w in plan.weeks[:3]:  # the first block, before holds grow
        for s in w.sessions:
            holds = [
                b for b in s.blocks if b.role == Role.primary and b.category == Category.core and b.prescription.seconds
            ]
            assert holds, "a short plank puts a brief hold in every session"
            for b in holds:
                assert b.prescription.seconds < P.hold_start[level] + w.index * P.hold_step
                base = P.hold_sets + P.short_hold_extra_sets  # then a set a week at the screen's ceiling
                most = base if b.prescription.seconds < hold_ceiling(30, P) else base + P.plank_ceiling_extra_sets
                assert base <= b.prescription.sets <= most
                assert any(r.rule_id == "screen-plank" for r in b.reasons)


def test_side_plank_asymmetry_gives_the_weaker_side_an_extra_core_set():
    result = score_screen(screen(side_plank_left_seconds=40, side_plank_right_seconds=70), 35, Sex.female, P)
    assert result.effects.weaker_side == {Category.core: "left"}


@pytest.mark.parametrize(("left", "right", "flagged"), [(100, 90, False), (100, 80, True)])
def test_hop_symmetry_under_the_threshold_is_an_asymmetry(left, right, flagged):
    result = score_screen(screen(hop_left_cm=left, hop_right_cm=right), 35, Sex.female, P)
    assert any(f.test == "single-leg hop" for f in result.findings) == flagged


def test_heel_raise_norms_depend_on_age_and_sex():
    young_man = score_screen(screen(heel_raise_left=28, heel_raise_right=28), 25, Sex.male, P)
    older_woman = score_screen(screen(heel_raise_left=28, heel_raise_right=28), 55, Sex.female, P)
    assert any(f.test == "heel raises" and f.kind == "deficit" for f in young_man.findings)
    assert not any(f.test == "heel raises" and f.kind == "deficit" for f in older_woman.findings)


def test_a_new_screen_updates_the_coming_weeks_only(library):
    baseline = screen(single_leg_squat_left="poor", single_leg_squat_right="poor")
    retest = screen(date=MONDAY + dt.timedelta(weeks=5, days=2))  # all good, taken in week 6
    plan = build_plan(runner(baseline, retest), load_context())
    first_rung = library.ladder("pistol_squat")[0].id
    early = {b.exercise_id for b in blocks(plan, Category.single_leg_power, weeks=set(range(1, 7)))}
    late = {b.exercise_id for b in blocks(plan, Category.single_leg_power, weeks=set(range(8, 13)))}
    assert first_rung in early and first_rung not in late
    week7 = plan.weeks[6]
    assert any("screen of" in r.text for r in week7.reasons)


def test_findings_cite_rules_that_exist(registry):
    result = score_screen(
        screen(
            hip_hinge_pass=False,
            plank_seconds=20,
            single_leg_squat_left="fair",
            heel_raise_left=5,
            hop_left_cm=50,
            hop_right_cm=100,
            balance_open_left_seconds=5,
        ),
        70,
        Sex.male,
        P,
    )
    assert len(result.findings) >= 6 and result.priorities
    assert all(f.rule_id in registry for f in result.findings)


def test_a_screen_with_hops_for_one_leg_only_is_refused():
    with pytest.raises(ValueError, match="hop_left_cm"):
        screen(hop_left_cm=100)


FAULTY = screen(hip_hinge_pass=False, plank_seconds=20, side_plank_left_seconds=40, side_plank_right_seconds=80,
                biering_sorensen_seconds=30, single_leg_squat_left="poor", balance_open_left_seconds=5,
                heel_raise_left=8, hop_left_cm=100, hop_right_cm=150)  # fmt: skip


@pytest.mark.parametrize("name", [name for name, _ in SCORERS])
def test_each_scorer_alone_reports_only_its_own_test(name):
    scorer = dict(SCORERS)[name]
    sc = _Scoring(FAULTY, 40, Sex.female, P)
    scorer(sc)
    own = {name, "landings"} if name == "single-leg balance" else {name}
    assert sc.findings and {f.test for f in sc.findings} <= own, sc.findings


def test_the_table_of_scorers_gives_the_findings_of_the_whole_screen_in_order():
    whole = score_screen(FAULTY, 40, Sex.female, P).findings
    sc = _Scoring(FAULTY, 40, Sex.female, P)
    for _, scorer in SCORERS:
        scorer(sc)
    assert sc.findings == whole
    assert [f.test for f in whole][:2] == ["hip hinge", "plank"]
