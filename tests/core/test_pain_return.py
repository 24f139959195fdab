"""Graded return: every pain area has a ladder from isometric to plyometric work, the
ladders are checked against the library, and the planner prescribes an area's rung
(a review moves it) instead of only sparing the area."""

from __future__ import annotations

import copy
import datetime as dt
import tomllib
from importlib import resources

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runstrong.core.model import AthleteProfile, Category, PainArea, Role
from runstrong.core.pain_return import STAGES, allowed_on_ladder, ladder_errors, rungs_for_week
from runstrong.core.planner import InfeasibleWeekError, build_plan
from runstrong.core.validate import check_plan
from runstrong.io.data_files import load_context
from tests.conftest import examples

from .strategies import profiles

CTX = load_context()
MONDAY = dt.date(2027, 1, 4)
RAW = tomllib.loads(resources.files("runstrong.data").joinpath("ladders.toml").read_text("utf-8"))


def runner(pain: list[str], rungs: dict[int, dict[str, int]] | None = None, **overrides) -> AthleteProfile:
    base = {
        "name": "Pain runner", "age": 35, "body_mass_kg": 65, "start_date": MONDAY,
        "strength_experience": "intermediate", "equipment": ["dumbbells"], "plan_weeks": 12, "pain_areas": pain,
        "running": {"weekly": [{"day": "tue", "type": "intervals", "minutes": 50},
                               {"day": "thu", "type": "easy", "minutes": 40},
                               {"day": "sun", "type": "long", "minutes": 90}]},
        "adjustments": [{"week_start": str(MONDAY + dt.timedelta(weeks=w - 1)), "pain_rungs": r}
                        for w, r in (rungs or {}).items()],
    }  # fmt: skip
    base.update(overrides)
    return AthleteProfile.model_validate(base)


def week_ids(plan, index: int, category: Category) -> set[str]:
    week = plan.weeks[index - 1]
    return {b.exercise_id for s in week.sessions for b in s.blocks if b.role == Role.primary and b.category == category}


def test_every_pain_area_has_a_ladder_from_isometric_to_plyometric():
    for area in PainArea:
        ladder = CTX.ladders.get(area)
        assert ladder is not None, area
        assert tuple(r.stage for r in ladder.rungs) == STAGES


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda d: d["ladder"][0]["rungs"][1].update(exercises=["no_such_lift"]), "unknown exercise 'no_such_lift'"),
        (lambda d: d["ladder"][0]["rungs"][1].update(exercises=["deficit_reverse_lunge"]), "ruled out for knee"),
        (lambda d: d["ladder"][0]["rungs"].reverse(), "rungs must run"),
        (lambda d: d["ladder"].pop(0), "no ladder for pain area knee"),
        (lambda d: d["ladder"][0]["rungs"][0].update(exercises=["glute_bridge"]), "is posterior_chain"),
        (lambda d: d["ladder"][0]["rungs"][0].update(exercises=["split_squat"]), "dosed in reps, not held"),
    ],
)
def test_a_bad_ladder_is_refused_naming_the_rung_and_why(change, said):
    raw = copy.deepcopy(RAW)
    change(raw)
    ladders, errors = ladder_errors(raw, CTX.library)
    assert ladders is None and any(said in e for e in errors), errors


def test_a_knee_runner_starts_on_isometric_holds_and_moves_up_the_ladder_as_reviews_say():
    plan = build_plan(runner(["knee"], {3: {"knee": 1}, 5: {"knee": 2}}), CTX, least_bad=True)
    slp = Category.single_leg_power
    assert "isometric_split_squat_hold" in week_ids(plan, 1, slp)
    assert "dumbbell_step_up" in week_ids(plan, 3, slp)
    assert "dumbbell_split_squat" in week_ids(plan, 5, slp)
    assert not week_ids(plan, 5, slp) & {"deficit_reverse_lunge", "dumbbell_walking_lunge", "skater_squat"}


def test_a_hamstring_runner_starts_on_an_isometric_hamstring_hold_not_a_glute_bridge():
    plan = build_plan(runner(["hamstring"], {4: {"hamstring": 1}}), CTX, least_bad=True)
    pc = Category.posterior_chain
    first = week_ids(plan, 1, pc)
    assert "isometric_hamstring_bridge_hold" in first and "glute_bridge" not in first
    hold = CTX.library.get("isometric_hamstring_bridge_hold")
    assert hold.dose.measure == "seconds" and "hamstring" in hold.loads and "hamstring" not in hold.contraindications
    assert "isometric_hamstring_bridge_hold" not in week_ids(plan, 4, pc)  # the review moved it up a rung
    assert not check_plan(plan, CTX)


def test_the_plyometric_rung_is_prescribed_only_once_reached_and_the_plan_stays_valid():
    early = build_plan(runner(["achilles"]), CTX, least_bad=True)
    late = build_plan(runner(["achilles"], {4: {"achilles": 3}}), CTX, least_bad=True)
    slp = Category.single_leg_power
    assert "isometric_calf_hold" in week_ids(early, 4, slp) and "pogo_hops" not in week_ids(early, 4, slp)
    top = set(CTX.ladders.get(PainArea.achilles).rungs[-1].exercises)
    on_top = [w.index for w in late.weeks if week_ids(late, w.index, slp) & top]
    assert on_top and min(on_top) == 4, on_top
    hopping = [w.index for w in late.weeks if "pogo_hops" in week_ids(late, w.index, slp)]
    landing = [w.index for w in late.weeks if week_ids(late, w.index, slp) & {"snap_down", "drop_landing"}]
    assert hopping and landing and min(landing) < min(hopping)  # landings come first, then hops
    assert check_plan(late, CTX) == []


def test_no_hop_rung_lands_where_the_block_allows_no_hops():
    """A novice's foundation weeks hold landings, not hops: the plyometric rung waits."""
    plan = build_plan(runner(["achilles"], {1: {"achilles": 3}}, strength_experience="novice"), CTX, least_bad=True)
    foundation = [w for w in plan.weeks if w.phase.value == "foundation"]
    assert foundation and all("pogo_hops" not in week_ids(plan, w.index, Category.single_leg_power) for w in foundation)
    assert check_plan(plan, CTX) == []


def test_an_area_taken_off_its_ladder_is_only_spared():
    """Off its ladder (severe pain: a clinician first) nothing that loads the knee is given,
    its ladder's first rung (an isometric split-squat hold) included: the review says "only
    work that spares it stays", and so does the plan."""
    plan = build_plan(runner(["knee"], {2: {"knee": -1}}), CTX, least_bad=True)
    ladder = {e for r in CTX.ladders.get(PainArea.knee).rungs for e in r.exercises}
    assert not week_ids(plan, 2, Category.single_leg_power) & ladder
    given = {b.exercise_id for s in plan.weeks[1].sessions for b in s.blocks}
    assert not [x for x in given if PainArea.knee in CTX.library.get(x).loads], sorted(given)


def test_the_rung_of_a_week_is_the_latest_review_before_it_and_areas_start_on_the_first():
    profile = runner(["knee", "hip"], {2: {"knee": 2}, 4: {"knee": 1}})
    assert rungs_for_week(profile, MONDAY, CTX.ladders) == ((PainArea.hip, 0), (PainArea.knee, 0))
    assert dict(rungs_for_week(profile, MONDAY + dt.timedelta(weeks=2), CTX.ladders))[PainArea.knee] == 2
    assert dict(rungs_for_week(profile, MONDAY + dt.timedelta(weeks=5), CTX.ladders))[PainArea.knee] == 1
    assert (PainArea.knee, "drop_landing") not in allowed_on_ladder(((PainArea.knee, 2),), CTX.ladders)
    assert (PainArea.knee, "drop_landing") in allowed_on_ladder(((PainArea.knee, 3),), CTX.ladders)


def test_the_plan_of_a_runner_with_pain_says_what_pain_is_acceptable_and_when_to_see_a_clinician():
    p = CTX.params
    (note,) = [g for g in build_plan(runner(["knee"]), CTX, least_bad=True).guidance if g.topic == "pain"]
    assert f"up to {p.pain_monitor_acceptable_during}/10" in note.text and "next morning" in note.text
    assert f"{p.pain_monitor_severe_at}/10 or more" in note.text and "see a clinician" in note.text
    assert note.reasons[0].rule_id == "pain-monitoring"
    assert not [g for g in build_plan(runner([]), CTX, least_bad=True).guidance if g.topic == "pain"]


def test_the_pain_note_names_several_areas_as_a_sentence_does():
    (note,) = [
        g
        for g in build_plan(runner(["knee", "achilles", "lower_back"]), CTX, least_bad=True).guidance
        if g.topic == "pain"
    ]
    assert note.text.startswith("Your knee, Achilles and lower back are loaded back step by step."), note.text
    (one,) = [g for g in build_plan(runner(["achilles"]), CTX, least_bad=True).guidance if g.topic == "pain"]
    assert one.text.startswith("Your Achilles is loaded back"), one.text


@settings(max_examples=examples(), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profile=profiles(), data=st.data())
def test_any_ladder_state_gives_a_plan_that_passes_its_own_checks(profile, data):
    """Whatever rungs reviews set, the plan keeps every safety rule: a rung's exercise is
    prescribed only where the kit, level, other painful areas and the block's hops allow,
    and no accessory loads a painful area past the rung its ladder has reached."""
    areas = data.draw(st.lists(st.sampled_from(list(PainArea)), min_size=1, max_size=3, unique=True))
    start = profile.start_date - dt.timedelta(days=profile.start_date.weekday())
    moves = data.draw(st.lists(st.tuples(st.integers(0, 15), st.sampled_from(areas), st.integers(-1, 3)), max_size=4))
    adjustments = [{"week_start": str(start + dt.timedelta(weeks=w)), "pain_rungs": {a.value: r}} for w, a, r in moves]
    runner_ = AthleteProfile.model_validate(
        {**profile.model_dump(mode="json"), "pain_areas": [a.value for a in areas], "adjustments": adjustments}
    )
    try:
        plan = build_plan(runner_, CTX)
    except InfeasibleWeekError:
        return
    assert check_plan(plan, CTX) == []
    for w in plan.weeks:  # an accessory never loads a painful area past its ladder's rung that week
        rungs = rungs_for_week(runner_, w.start_date, CTX.ladders)
        allowed, laddered = allowed_on_ladder(rungs, CTX.ladders), {a for a, r in rungs if r >= 0}
        for s in w.sessions:
            for b in s.blocks:
                if b.role == Role.accessory:
                    loaded = laddered.intersection(CTX.library.get(b.exercise_id).loads)
                    loaded |= {a for a in laddered if b.exercise_id in _ladder_lifts(a)}  # its own ladder's
                    assert all((a, b.exercise_id) in allowed for a in loaded), (w.index, b.exercise_id, rungs)


def _ladder_lifts(area: PainArea) -> set[str]:
    return {x for r in CTX.ladders.get(area).rungs for x in r.exercises}


@pytest.mark.parametrize("kit", [["bands"], ["bodyweight"], ["dumbbells"]])
def test_a_foot_on_its_isometric_rung_gets_no_calf_raise_in_any_slot(kit):
    """A foot's ladder climbs from a calf hold to calf raises, then single-leg ones: a foot on
    its first rung gets none of them as a calf accessory either (a novice with a bench, a step
    and a sofa had single-leg calf raises every week beside "spared but never loaded back"), and
    a race-specific block's calf emphasis says the foot is why."""
    foot = runner(
        ["foot"], equipment=kit, strength_experience="novice", furniture=["bench", "step", "sofa"], plan_weeks=None,
        race={"distance": "marathon", "date": str(MONDAY + dt.timedelta(weeks=20, days=6))},
    )  # fmt: skip
    plan = build_plan(foot, CTX)
    first = set(CTX.ladders.get(PainArea.foot).rungs[0].exercises)
    for w in plan.weeks:
        given = {b.exercise_id for s in w.sessions for b in s.blocks}
        harder = [x for x in given if PainArea.foot in CTX.library.get(x).loads and x not in first]
        harder += [x for x in given if x in _ladder_lifts(PainArea.foot) - first]
        assert not harder, (w.index, sorted(harder))
    said = [r.text for w in plan.weeks for s in w.sessions for b in s.blocks for r in b.reasons]
    assert any("calf raise loads your foot" in t for t in said)


def test_a_sore_lower_back_or_hip_starts_on_a_held_bridge_as_the_plan_says():
    """The plan calls the first rung isometric holds: the lower back's and the hip's first
    rung is the glute bridge hold, dosed in seconds (it was the moving glute bridge, 3 x 8)."""
    for area in (PainArea.lower_back, PainArea.hip):
        plan = build_plan(runner([area.value]), CTX)
        held = [b for s in plan.weeks[0].sessions for b in s.blocks if b.exercise_id == "glute_bridge_hold"]
        assert held, area
        assert all(b.prescription.seconds and not b.prescription.reps for b in held), held
        assert any("isometric holds" in r.text for b in held for r in b.reasons)


def test_a_sore_hip_on_its_early_rungs_gets_no_single_leg_landings_hops_or_deep_single_leg_squats():
    """Landings, hops and deep single-leg squats load the hip (the library says so): a hip on
    its isometric rung gets none of them, though the same 10K runner without pain does. Hops
    bounced from stiff ankles with the hips quiet (pogo, ankle, line and single-leg pogo hops)
    load the ankle and calf, not the hip, and the library rules them out for those areas only:
    the hip runner keeps them, as her single-leg pogo always was; since her first hops are
    two-legged (hops-two-legs-first) that is line hops the week before."""
    ten_k = {"race": {"distance": "10k", "date": str(MONDAY + dt.timedelta(weeks=11, days=6))},
             "equipment": ["bodyweight"], "plan_weeks": None}  # fmt: skip
    hip = build_plan(runner(["hip"], **ten_k), CTX)
    free = build_plan(runner([], **ten_k), CTX)

    ankle_hops = {"pogo_hops", "ankle_hops", "line_hops", "single_leg_pogo"}

    def hip_loading(plan):  # named here, apart from the library's own words, so a slip there shows
        return {b.exercise_id for w in plan.weeks for s in w.sessions for b in s.blocks
                if ("landing" in b.exercise_id or "hop" in b.exercise_id or "jump" in b.exercise_id
                    or "pistol" in b.exercise_id or "skater" in b.exercise_id)
                and b.exercise_id not in ankle_hops}  # fmt: skip

    allowed = {e for area, e in allowed_on_ladder(((PainArea.hip, 0),), CTX.ladders)}
    assert hip_loading(free) - allowed  # the pain-free runner lands, hops or squats on one leg
    assert not hip_loading(hip) - allowed, sorted(hip_loading(hip) - allowed)


@pytest.mark.parametrize("kit", [["bands"], ["dumbbells"], ["gym"]])
def test_a_knee_on_its_isometric_rung_gets_nothing_that_loads_it_harder_in_any_slot(kit):
    """Rung 1 of 4 is isometric holds: no step-up, split squat or lunge in another session's
    single-leg slot either (Bob, on bands, had Monday step-ups beside Thursday's hold)."""
    from pathlib import Path

    from runstrong.io.profile_file import load_profile

    bob = load_profile(Path(__file__).parent / "runners" / "bands_marathon_knee_novice.toml")
    plan = build_plan(AthleteProfile.model_validate({**bob.model_dump(mode="json"), "equipment": kit}), CTX)
    first = set(CTX.ladders.get(PainArea.knee).rungs[0].exercises)
    for w in plan.weeks[:3]:
        given = {b.exercise_id for s in w.sessions for b in s.blocks}
        e_of = CTX.library.get
        harder = [x for x in given if PainArea.knee in (*e_of(x).loads, *e_of(x).contraindications) and x not in first]
        assert not harder, (w.index, harder)
        assert given & first, (w.index, sorted(given))
