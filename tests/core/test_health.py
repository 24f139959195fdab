"""Health conditions a coach asks about (cr21a W1): a recent birth, pelvic floor symptoms, low
bone density. The plan holds hops back after a birth and brings them back easiest first, holds
them while pelvic floor symptoms are reported, keeps heavy lifts and gentle impact for low bone
density with nothing that loads the spine bent or twisted, and says so and whom to see.

The property checks are written against the library's `impact` field here, not through
`core.health`, so that a bug in the rule's own code cannot hide a bug in the plan."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from runstrong.core.health import allowed, loads_spine_bent, week_limits, within_limits
from runstrong.core.model import AthleteProfile, Health, Impact, Pattern, Role
from runstrong.core.planner import InfeasibleWeekError, build_plan
from runstrong.core.validate import check_plan
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile
from tests.conftest import examples

from .strategies import profiles_with_health

CTX = load_context()
LIBRARY = CTX.library
P = CTX.params
RUNNERS = Path(__file__).parent / "runners"
SETTINGS = settings(max_examples=examples(0.3), deadline=None, suppress_health_check=[HealthCheck.too_slow])
ABOVE_LOW = {Impact.moderate, Impact.high}


def nina() -> AthleteProfile:
    """Nina: gave birth on 9 Nov 2026, her plan starts 8 weeks later (4 Jan 2027), a 10K in May."""
    return load_profile(RUNNERS / "postnatal_eight_weeks_10k.toml")


def impact_blocks(plan):
    """(week start, session date, exercise) of every block above low impact."""
    return [
        (w.start_date, s.date, LIBRARY.get(b.exercise_id))
        for w in plan.weeks
        for s in w.sessions
        for b in s.blocks
        if LIBRARY.get(b.exercise_id).impact in ABOVE_LOW
    ]


def as_runner(profile: AthleteProfile, **update) -> AthleteProfile:
    return AthleteProfile.model_validate({**profile.model_dump(), **update})


def test_a_postnatal_runner_eight_weeks_after_the_birth_gets_no_hops_until_twelve_weeks_then_the_easiest_first():
    """Before: Nina got single-leg landing sticks (moderate impact) from week 1 and single-leg
    pogo hops from week 3, ten weeks after the birth. After: landing drills of low impact only
    until 12 weeks after the birth, then ankle or pogo hops on both feet at the starting dose;
    single-leg hops 4 weeks later, high-impact jumps 4 weeks after that."""
    profile = nina()
    plan = build_plan(profile, CTX)
    birth = profile.postnatal_since
    twelve = birth + dt.timedelta(weeks=P.postnatal_impact_weeks)
    jumps = impact_blocks(plan)
    assert jumps, "hops come back in the build"
    assert all(week >= twelve for week, _, _ in jumps)
    first_week = min(week for week, _, _ in jumps)
    first = [e for week, _, e in jumps if week == first_week]
    assert all(e.pattern == Pattern.plyometric and not e.unilateral and e.impact != Impact.high for e in first)
    assert all(e.level.value == "novice" for e in first)  # the easiest: ankle or pogo hops
    single_leg = twelve + dt.timedelta(weeks=P.postnatal_gentle_weeks)
    assert all(not e.unilateral and not e.dose.per_side for week, _, e in jumps if week < single_leg)
    high = single_leg + dt.timedelta(weeks=P.postnatal_gentle_weeks)
    assert all(e.impact != Impact.high for week, _, e in jumps if week < high)
    hop_weeks = sorted({week for week, _, e in jumps if e.pattern == Pattern.plyometric})
    contacts = [b.prescription.contacts for w in plan.weeks if w.start_date == hop_weeks[0]
                for s in w.sessions for b in s.blocks if b.prescription.contacts and
                LIBRARY.get(b.exercise_id).pattern == Pattern.plyometric]  # fmt: skip
    assert contacts and max(contacts) <= P.plyo_start_contacts  # not at full dose: the starting one


def test_a_postnatal_runner_keeps_her_strength_work_and_is_told_why_and_whom_to_see():
    plan = build_plan(nina(), CTX)
    first = plan.weeks[0]
    loaded = [b for s in first.sessions for b in s.blocks if b.role == Role.primary and b.prescription.load_kg]
    assert loaded, "strength work goes on"
    assert any(r.rule_id == "postnatal-impact-return" and "8 weeks after the birth" in r.text for r in first.reasons)
    note = next(n for n in plan.warnings if "After the birth" in n)
    assert "pelvic health physiotherapist" in note and "12 weeks (01 Feb 2027)" in note
    assert check_plan(plan, CTX) == []


def test_a_runner_with_pelvic_floor_symptoms_gets_no_hops_and_breathes_out_on_heavy_lifts():
    profile = as_runner(nina(), health=[Health.pelvic_floor], postnatal_since=None)
    plan = build_plan(profile, CTX)
    assert impact_blocks(plan) == []
    heavy = [b for w in plan.weeks for s in w.sessions for b in s.blocks
             if b.role == Role.primary and b.prescription.reps and LIBRARY.get(b.exercise_id).loadable]  # fmt: skip
    assert heavy and all(P.pelvic_floor_cue in b.cues for b in heavy)
    assert all("pelvic-floor-symptoms" in b.rule_ids for b in heavy)
    assert any("take pelvic_floor off your profile" in n for n in plan.warnings)


def test_a_low_bone_density_runner_keeps_heavy_lifts_and_gentle_impact_and_no_loaded_spinal_flexion_or_twist():
    profile = as_runner(nina(), health=[Health.low_bone_density], postnatal_since=None,
                        equipment=["gym"], strength_experience="advanced")  # fmt: skip
    plan = build_plan(profile, CTX)
    heavy = [
        b for w in plan.weeks for s in w.sessions for b in s.blocks if b.role == Role.primary and b.prescription.load_kg
    ]
    assert len(heavy) > 20  # heavy lifts stay
    jumps = impact_blocks(plan)
    assert jumps  # impact stays
    gentle_until = profile.start_date + dt.timedelta(weeks=P.bone_gentle_weeks)
    assert all(not e.unilateral and e.level.value == "novice" for week, _, e in jumps if week < gentle_until)
    assert not any(
        loads_spine_bent(LIBRARY.get(b.exercise_id)) for w in plan.weeks for s in w.sessions for b in s.blocks
    )
    assert any("fracture risk" in n and "doctor" in n for n in plan.warnings)
    said = [r.text for w in plan.weeks for r in w.reasons]
    # a sentence after a full stop starts with a capital (cr24a F16, Margaret's week note)
    assert any("no loaded bending or twisting. The easiest hops on both feet come first" in t for t in said)


def test_no_exercise_in_the_library_loads_the_spine_bent_or_twisted():
    """The bone-loading rule says so in the plan: keep it true (a loaded twist added to the
    library must be marked with its `spine`, and the rule then keeps it from such runners)."""
    assert [e.id for e in LIBRARY.exercises if loads_spine_bent(e)] == []
    assert {e.id for e in LIBRARY.exercises if e.spine} >= {"cat_cow", "open_book", "supine_lumbar_rotation"}


def test_the_bone_rule_keeps_a_loaded_twist_out_and_an_unloaded_mobility_twist_in():
    twist = LIBRARY.get("cable_half_kneeling_chop").model_copy(update={"spine": ["rotation"]})
    limits = week_limits(
        as_runner(nina(), health=[Health.low_bone_density], postnatal_since=None), dt.date(2027, 1, 4), P
    )
    assert loads_spine_bent(twist) and not allowed(twist, limits)
    assert allowed(LIBRARY.get("open_book"), limits)
    assert within_limits((twist,), None) == (twist,)


@SETTINGS
@given(profile=profiles_with_health())
def test_no_impact_above_low_before_the_wait_after_a_birth_nor_with_pelvic_floor_symptoms(profile):
    try:
        plan = build_plan(profile, CTX)  # the planner's own checks (validate.check_plan) pass, or it raises
    except InfeasibleWeekError:
        return
    back = None
    if Health.postnatal in profile.health:
        back = profile.postnatal_since + dt.timedelta(weeks=P.postnatal_impact_weeks)
    for week, day, e in impact_blocks(plan):
        assert Health.pelvic_floor not in profile.health, f"{day}: {e.id} with pelvic floor symptoms"
        assert back is None or week >= back, f"{day}: {e.id} before {back}"
        if Health.low_bone_density in profile.health:
            assert not loads_spine_bent(e)
    assert check_plan(plan, CTX) == []
    for text in (r.text for w in plan.weeks for r in w.reasons):
        assert not re.search(r"[.!?] [a-z]", text), f"a sentence begun in lower case: {text}"


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        ('health = ["asthma"]', "health[0]: unknown value 'asthma'"),
        ('health = ["pregnant"]', "due_date: give your due date"),
        ('health = ["postnatal"]', "postnatal_since: give the date of the birth"),
        ('health = ["postnatal"]\npostnatal_since = 2099-01-01', "postnatal_since: 2099-01-01 is after today"),
        ("postnatal_since = 2026-10-01", "postnatal_since: a birth date goes with health = postnatal"),
    ],
    ids=["unknown", "pregnant-no-due-date", "no-date", "future", "date-alone"],
)
def test_bad_health_input_is_refused_with_its_field_named(tmp_path, extra, said):
    from tests.cli.test_profile_errors import refused, toml

    out = refused(tmp_path, toml(extra + "\n"))
    assert said in out
    if "unknown" in said:
        assert "postnatal, pelvic_floor, low_bone_density" in out


RUTH = RUNNERS / "ruth_58_postmenopausal_novice_dumbbells_half.toml"


def test_a_woman_past_menopause_keeps_a_heavy_lift_and_gentle_impact_as_for_bone_without_a_diagnosis():
    """cr30a F8: Ruth, 58, past menopause and new to lifting, was asked nothing about it and her plan
    said nothing of bone. With menopause in her health her weeks follow bone-loading (heavy lifts and
    impact, impact gentle first), the spine's caution stays low bone density's alone, and her notes say
    why and when to ask a doctor."""
    profile = as_runner(load_profile(RUTH), health=[Health.menopause])
    limits = week_limits(profile, profile.start_date, P)
    assert limits is not None and "bone-loading" in limits.rules and limits.spine_loaded and limits.gentle
    plan = build_plan(profile, CTX)
    said = [r.text for w in plan.weeks for r in w.reasons if r.rule_id == "bone-loading"]
    assert said and all(t.startswith("Menopause: heavy lifts and impact stay") for t in said), said[:2]
    notes = [n for n in plan.warnings if n.startswith("Menopause:")]
    assert len(notes) == 1 and "fracture" in notes[0] and "doctor" in notes[0], plan.warnings
    assert not any(n.startswith("At 58, if you are in or past menopause") for n in plan.warnings)


@pytest.mark.parametrize(
    ("sex", "age", "health", "told"),
    [
        ("female", 58, [], True),
        ("female", 45, [], True),
        ("female", 44, [], False),
        ("male", 58, [], False),
        ("female", 58, [Health.low_bone_density], False),
        ("female", 58, [Health.menopause], False),
    ],
    ids=["58", "45", "44", "a-man", "low-bone-density-said", "menopause-said"],
)
def test_a_woman_from_the_age_of_menopause_who_said_nothing_is_told_how_to_say_it(sex, age, health, told):
    """A coach asks a woman of that age about menopause; a plan that cannot ask tells her how to say it."""
    profile = as_runner(load_profile(RUTH), sex=sex, age=age, health=health)
    from runstrong.core.health import health_notes

    nudge = [n for n in health_notes(profile, P) if "if you are in or past menopause, add menopause" in n]
    assert bool(nudge) == told, health_notes(profile, P)
    assert P.bone_ask_from_age == 45
