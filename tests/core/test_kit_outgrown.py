"""A lift that has outgrown the runner's kit moves on, or climbs by reps, and says the kit is the limit
(kit-outgrown, ladder-climb, kit-double-progression).

Once a lift's strength, grown week by week, passed what the kit's heaviest gives at the heavy dose, the
plan kept the load at the kit's top and wrote the reserve it left: "3 x 6 @ 24 kg, RIR 9" on a heavy
Monday for weeks (a 16-year-old advanced runner, dumbbells to 24 kg). `kit_fit.at_kit_ceiling` judged the
kit from the starting strength only, so the single-leg RDL waited for ever; where no harder form exists
the reps stopped at the range's top. A coach moves such a lift on to its harder form, or adds reps, and
says plainly that the kit is the limit and what would fix it.
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runstrong.core import loads as ld
from runstrong.core.load_effort import LOAD_SAYS, outgrown_most
from runstrong.core.model import AthleteProfile, Item
from runstrong.core.planner import InfeasibleWeekError, build_plan
from runstrong.core.set_text import READABLE_RIR
from runstrong.io.data_files import load_context
from tests.conftest import examples

from .one_dumbbell import one_dumbbell_context
from .strategies import profiles

CTX = load_context()
P = CTX.params
RUNNERS = Path(__file__).parent / "runners"
LOADING = ("foundation", "build", "race_specific")
EXEMPT = ("light-before-key-runs", "review-hold", "review-reduce", "find-your-weight")


def _runner(name: str) -> AthleteProfile:
    return AthleteProfile.model_validate(json.loads((RUNNERS / name).read_text()))


def _rir(b) -> float:
    i = b.prescription.intensity
    return ld.rir_of(i.kind, i.value, P.autoreg_assumed_rir)


def _heavy_days(plan):
    """(week, session, block) for each loading week's heavy-dosed loaded primary on a full day."""
    for w in plan.weeks:
        if w.deload or w.phase.value not in LOADING:
            continue
        for s in w.sessions:
            for b in s.blocks:
                presc = b.prescription
                if b.role.value != "primary" or presc.load_kg is None or not presc.reps:
                    continue
                if "dose-heavy" not in b.rule_ids or set(b.rule_ids) & set(EXEMPT):
                    continue
                if presc.intensity.kind in ("rir", "rpe"):
                    yield w, s, b


def easy_heavy_days(plan) -> list[tuple]:
    """Heavy days of loading weeks whose load, at the kit's heaviest, writes an easy effort (6 or more
    in reserve) without saying the kit is the limit (kit-outgrown), or at no more reps than the same
    lift's heavy day the loading week before, also easy, while its reps are under kit-outgrown's most
    and the session's cap has room for two more reps in each set."""
    out, last = [], {}
    for w in (w for w in plan.weeks if not w.deload and w.phase.value in LOADING):
        now = {}
        for _, s, b in (x for x in _heavy_days(plan) if x[0] is w):
            said = any(LOAD_SAYS in r.text for r in b.reasons)  # the load wrote the effort (the kit's top)
            if not said or _rir(b) < READABLE_RIR + 1:
                continue
            presc = b.prescription
            where = (w.index, b.exercise_id, f"{presc.sets} x {presc.reps} @ {presc.load_kg:g} kg RIR {_rir(b):g}")
            if "kit-outgrown" not in b.rule_ids:
                out.append(("unexplained", *where))
            most = outgrown_most(P, plan.profile, True)
            cap = min(plan.profile.session_cap_minutes, P.max_session_minutes) * 60
            room = s.estimated_minutes * 60 + presc.sets * (2 if presc.per_side else 1) * 2 * 6 <= cap
            if presc.reps <= last.get(b.exercise_id, 0) and presc.reps < most and room:
                out.append(("stuck", *where))
            now[b.exercise_id] = presc.reps
        last = now
    return out


def test_the_teens_heavy_rdl_moves_to_one_leg_once_his_grown_strength_outgrows_24_kg():
    """The 16-year-old advanced runner (dumbbells to 24 kg): Monday read "3 x 6 @ 24 kg, RIR 6" in week 11,
    then RIR 7 and RIR 9 from week 13 to week 19. Now the dumbbell RDL, at the top of its range with 24 kg
    leaving him 5 in reserve and growing, moves on to the single-leg RDL in week 11 at RPE 8."""
    plan = build_plan(_runner("other_day_stands_a_step_under_the_kit_top_advanced_dumbbells.json"), CTX)
    monday = {
        w.index: b
        for w in plan.weeks
        if not w.deload and w.phase.value in LOADING
        for s in w.sessions
        if s.weekday.value == "mon"
        for b in s.blocks
        if "dose-heavy" in b.rule_ids and "romanian" in b.exercise_id
    }
    assert monday[10].exercise_id == "dumbbell_romanian_deadlift"
    assert all(monday[i].exercise_id == "dumbbell_single_leg_romanian_deadlift" for i in monday if i >= 11)
    assert max(_rir(b) for b in monday.values()) < READABLE_RIR + 1  # was RIR 9 in weeks 14-19
    assert monday[11].prescription.intensity.kind == "rpe" and monday[11].prescription.intensity.value == 8
    climb = next(r.text for r in monday[11].reasons if r.rule_id == "ladder-climb")
    assert "reached the top of its range at your heaviest dumbbells" in climb and "single-leg Romanian" in climb
    assert easy_heavy_days(plan) == []


def test_a_hip_thrust_with_no_harder_form_climbs_by_reps_and_names_the_kit_that_would_fix_it():
    """A 43 kg 16-year-old whose dumbbells stop at 10 kg: the heavy hip thrust read 3 x 5 @ 10 kg "RIR 10",
    then 3 x 6 "RIR 9" twice (its lowering slowing). The hip thrust has no harder form his kit loads: its reps
    now climb two a week past the heavy 4-6 (6, 8, 10: RIR 9, 7, 5), and each such week says the kit is the
    limit and what load would give the dose asked (the nearest step of his kit above it)."""
    plan = build_plan(_runner("deload_heavy_day_at_a_10kg_kit_top_bounds_its_other_day.json"), CTX)
    monday = {w.index: b for w, s, b in _heavy_days(plan) if s.weekday.value == "mon"}
    doses = [(monday[i].prescription.reps, _rir(monday[i])) for i in (13, 14, 15)]
    assert doses == [(6, 9), (8, 7), (10, 5)], doses  # was (5, 10), (6, 9), (6, 9)
    said = next(r.text for r in monday[14].reasons if r.rule_id == "kit-outgrown")
    assert said.startswith("This lift has outgrown your dumbbells: about 22 kg would give the dose asked at 8 reps.")
    assert "Heavier kit is the fix" in said
    climbed = next(r.text for r in monday[14].reasons if r.rule_id == "kit-double-progression")
    assert "the reps climb past this phase's 4-6 instead, 6 -> 8" in climbed
    assert easy_heavy_days(plan) == []


@st.composite
def kit_lifters(draw) -> AthleteProfile:
    """Generated runners lifting with dumbbells or a kettlebell (a home's usual top, a stated heaviest,
    or a few owned weights), many of them strong for that kit."""
    profile = draw(profiles())
    kit = draw(st.sampled_from([Item.dumbbell, Item.kettlebell]))
    changes: dict = {
        "equipment": ["bodyweight", "dumbbells" if kit == Item.dumbbell else "kettlebell"],
        "strength_experience": draw(st.sampled_from([profile.strength_experience, "intermediate", "advanced"])),
        "heaviest_loads": {},
        "owned_weights": {},
        "load_increments": {},
    }
    how = draw(st.sampled_from(["home", "heaviest", "owned"]))
    if how == "heaviest":
        changes["heaviest_loads"] = {kit: draw(st.sampled_from([6.0, 8.0, 10.0, 12.0, 16.0, 20.0, 24.0]))}
    elif how == "owned":
        low, step = draw(st.sampled_from([4.0, 8.0, 12.0])), draw(st.sampled_from([2.0, 4.0]))
        changes["owned_weights"] = {kit: [low + i * step for i in range(draw(st.integers(1, 4)))]}
    return AthleteProfile.model_validate({**profile.model_dump(), **changes})


@settings(max_examples=examples(0.3), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kit_lifters())
def test_a_heavy_day_at_the_kits_top_says_an_easy_effort_only_saying_why_and_never_twice_at_the_same_reps(profile):
    """kit-outgrown: a loading week's heavy day whose load, the kit's heaviest, leaves an easy effort says
    the kit is the limit, and the lift's next loading week is never as easy at no more reps (it moves on to
    a harder form or climbs by reps), unless its reps are at the rule's most or the cap has no room."""
    try:
        plan = build_plan(profile, CTX)
    except InfeasibleWeekError:
        return
    assert easy_heavy_days(plan) == []


def test_a_climb_at_the_kits_heaviest_trades_no_set_for_its_reps_under_a_short_cap():
    """A 16-year-old advanced lifter, dumbbells to 24 kg, hamstring pain, 20-minute sessions: week 3's hip
    thrust climbed a rep at 24 kg and gave up a set to fit the cap (3 x 10 -> 2 x 11), then the race-specific
    week 4 asked 4 x 11, and the planner refused its own plan ("sets jump"; the closing CI's draw after the
    merge). A climb the kit's easy effort makes waits when the cap has no time for it."""
    runner = AthleteProfile.model_validate_json(
        (RUNNERS / "kit_outgrown_sets_jump_advanced_teen_dumbbells_20min.json").read_text()
    )
    plan = build_plan(runner, CTX)  # the planner checks its own plan and raises on a broken rule
    thrust = [
        (w.index, b.prescription.sets)
        for w in plan.weeks
        if not w.deload
        for s in w.sessions
        if s.focus.value == "posterior_chain"
        for b in s.blocks
        if b.exercise_id == "dumbbell_hip_thrust"
    ]
    assert dict(thrust)[3] == 3 and dict(thrust)[4] == 4, thrust


def _main_days(plan, ex_id: str, focus: str) -> dict:
    return {
        w.index: b
        for w in plan.weeks
        if not w.deload
        for s in w.sessions
        if s.focus.value == focus
        for b in s.blocks
        if b.exercise_id == ex_id
    }


def test_a_climb_the_cap_has_no_time_for_never_drops_to_the_plain_doses_fewer_reps():
    """A 16-year-old novice, dumbbells (24 kg the heaviest), Monday and Wednesday, 20-minute sessions: week
    9's heavy hip thrust held 3 x 9 @ 24 kg, and week 10's kit-outgrown climb to 11 had no time under the cap.
    The climb trades no set, so it waited, but waiting fell to the plain dose: 3 x 6 @ 24 kg, "RIR 9", the
    reps falling while the load held (CI's draw of the kit-heaviest property). Last week's 3 x 9 does not fit
    this week's cap either, so a set goes whatever: it goes to the climb, 2 x 11, not to a slower lowering.
    (On one dumbbell across the hips: the shipped hip thrust now takes the pair past 24 kg.)"""
    plan = build_plan(_runner("kit_outgrown_climb_no_time_novice_teen_dumbbells_20min.json"), one_dumbbell_context())
    thrust = _main_days(plan, "dumbbell_hip_thrust", "posterior_chain")
    doses = [
        (thrust[i].prescription.sets, thrust[i].prescription.reps, thrust[i].prescription.load_kg) for i in (9, 10)
    ]
    assert doses == [(3, 9, 24.0), (2, 11, 24.0)], doses  # was 3 x 6 @ 24 kg in week 10
    said = [r.text for r in thrust[10].reasons]
    assert "One set fewer than the week's 3 to fit your cap with these reps." in said, said
    assert any("9 -> 11" in t and "(kit-outgrown)" in t for t in said), said
    assert thrust[10].estimated_seconds <= 20 * 60


def test_a_set_the_cap_takes_anyway_goes_to_the_climb_not_to_a_slower_lowering():
    """A 40 kg 16-year-old, dumbbells to 6 kg, 43-minute sessions: her heavy single-leg RDL held 3 x 7 @ 6 kg
    at RIR 8 in week 8, and week 9 had time for neither the climb nor last week's dose (kittop28 gave her the
    plain 3 x 6, RIR 9, in both weeks). Holding the reps traded a set for a slower lowering, 2 x 7 at 4-1-1-0
    (still RIR 8; CI's draw of the kit-outgrown property), and her later lifts slowed theirs in the time it
    gave back. The set the cap takes now goes to the climb: 2 x 9 at her own 3-1-1-0, RIR 6."""
    plan = build_plan(_runner("kit_outgrown_climb_takes_the_sets_left_teen_6kg_43min.json"), CTX)
    rdl = _main_days(plan, "dumbbell_single_leg_romanian_deadlift", "posterior_chain")
    p8, p9 = rdl[8].prescription, rdl[9].prescription
    assert (p8.sets, p8.reps, p8.tempo) == (3, 7, "3-1-1-0")
    assert (p9.sets, p9.reps, p9.load_kg, p9.tempo) == (2, 9, 6.0, "3-1-1-0"), p9  # was 2 x 7 at 4-1-1-0
    assert _rir(rdl[9]) < _rir(rdl[8])
    assert easy_heavy_days(plan) == []
