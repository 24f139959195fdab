"""A logged set never moves a known lift more than a week's step over what the plan asked, however
far above the plan it is (load-autoregulation; cr21a S1: a pounds runner who logged "130kg" for
130 lb was asked 275 lb next Friday, and 3 x 80 reps for 3 x 8 moved 130 lb to 140 lb)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from runstrong.core import loads as ld
from runstrong.core.diary import asks_to_find_weight, planned_work
from runstrong.core.log_loads import HOLDING_RULES, followed_session, kit_ceilings
from runstrong.core.model import AthleteProfile, EquipmentSet, RecentSet
from runstrong.core.phases import LOADING_PHASES
from runstrong.core.planner import build_plan
from runstrong.io.data_files import load_context
from tests.conftest import examples

from .one_dumbbell import one_dumbbell_context
from .strategies import profiles
from .test_starting_loads import kit_of, plan_of

SETTINGS = settings(max_examples=examples(0.3), deadline=None, suppress_health_check=[HealthCheck.too_slow])
P = load_context().params
HOLDS = {*HOLDING_RULES, "light-before-key-runs"}  # eased doses: lighter by design


@st.composite
def known_lifters(draw) -> AthleteProfile:
    """Generated gym runners who give a working load of every lift the library loads."""
    p = draw(profiles())
    library = load_context().library
    kg = draw(st.floats(15, 90))
    known = {e.id: kg for e in map(library.get, library.ids()) if ld.implement(e.equipment) is not None}
    return AthleteProfile.model_validate(
        {**p.model_dump(), "equipment": ["gym"], "body_mass_kg": 75.0, "known_loads_kg": known}
    )


def first_known(plan, lift: str | None = None):
    """(session, block) of a known lift's (`lift`'s) first loaded block in week one."""
    for s in plan.weeks[0].sessions:
        for b in s.blocks:
            if (lift in (None, b.exercise_id) and b.prescription.load_kg is not None
                    and not asks_to_find_weight(b.rule_ids)):  # fmt: skip
                return s, b
    return None


def loads_of(plan, lift: str, weeks: slice) -> list[float]:
    return [b.prescription.load_kg for w in plan.weeks[weeks] for s in w.sessions for b in s.blocks
            if b.exercise_id == lift and b.prescription.load_kg is not None]  # fmt: skip


@SETTINGS
@given(profile=known_lifters(), share=st.floats(0.5, 3.0), reps=st.integers(1, 30), rir=st.integers(0, 5))
def test_a_log_however_far_above_a_known_load_moves_it_one_weeks_step_at_most(profile, share, reps, rir):
    plan = plan_of(profile)
    assume(plan is not None and len(plan.weeks) > 2)
    found = first_known(plan)
    assume(found is not None)
    s, b = found
    lift = b.exercise_id
    step = kit_of(lift, profile)[0]
    logged = RecentSet(reps=reps, load_kg=min(b.prescription.load_kg * share, 400.0), rir=rir, date=s.date)
    # the stored plan's next sessions, moved by the log (what `today` shows before a review): a step at most
    kits = kit_ceilings(profile.units, profile.heaviest_loads, EquipmentSet.gym in profile.equipment, P)
    for x in planned_work(plan)[0]:
        if s.date < x.date < plan.weeks[2].start_date:
            for old, c in zip(x.blocks, followed_session(x, {lift: logged}, profile.units, profile.load_increments,
                                                         load_context().library, P, None, kits,
                                                         profile.bar_weights).blocks, strict=True):  # fmt: skip
                if c.exercise_id == lift and old.prescription.load_kg:
                    ceiling = ld.step_ceiling(old.prescription.load_kg, P.max_load_step_pct, step)
                    assert c.prescription.load_kg <= ceiling + 1e-6, (logged, old.prescription, c.prescription)
    # ... and the plan made from it (a review's, a replan's): a step over the most the plan asked by then
    after = plan_of(profile.model_copy(update={"logged_sets": {lift: logged}}), fixed_weeks=plan.weeks[:1])
    assume(after is not None)
    asked = max(loads_of(plan, lift, slice(0, 2)))
    for kg in loads_of(after, lift, slice(1, 2)):
        assert kg <= ld.step_ceiling(asked, P.max_load_step_pct, step) + 1e-6, (logged, asked, kg)


def test_a_pounds_runners_log_in_kilograms_asks_one_step_up_next_not_twice_his_load():
    """Dale's RDL (cr21a S1): 3 x 8 @ 130 lb planned, logged "130kg" at RPE 8; the next Friday asked
    275 lb. A week's step over 130 lb in 5 lb plates is 135 lb."""
    lb = ld.KG_PER_LB
    profile = AthleteProfile.model_validate({
        "name": "Dale", "age": 45, "sex": "male", "body_mass_kg": 86, "units": "imperial",
        "strength_experience": "intermediate", "consistent_strength_weeks": 20, "start_date": "2027-01-04",
        "plan_weeks": 8, "available_days": ["mon", "wed", "fri"], "equipment": ["gym"],
        "session_cap_minutes": 60, "recent_sets": {"romanian_deadlift": {"reps": 8, "load_kg": 130 * lb, "rir": 2}},
    })  # fmt: skip
    plan = plan_of(profile)
    found = first_known(plan, "romanian_deadlift")
    assert found is not None
    s = found[0]
    logged = RecentSet(reps=8, load_kg=130.0, rpe=8, date=s.date)
    after = plan_of(profile.model_copy(update={"logged_sets": {"romanian_deadlift": logged}}),
                    fixed_weeks=plan.weeks[:1])  # fmt: skip
    asked = max(loads_of(plan, "romanian_deadlift", slice(0, 1)))
    step = kit_of("romanian_deadlift", profile)[0]
    assert max(loads_of(after, "romanian_deadlift", slice(1, 2))) <= ld.step_ceiling(asked, 5, step) + 1e-6
    next_day = next(x for x in planned_work(plan)[0] if x.date > s.date + dt.timedelta(days=5) and any(
        c.exercise_id == "romanian_deadlift" for c in x.blocks))  # fmt: skip
    moved = followed_session(next_day, {"romanian_deadlift": logged}, profile.units, profile.load_increments,
                             load_context().library, P)  # fmt: skip
    rdl = next(c for c in moved.blocks if c.exercise_id == "romanian_deadlift")
    planned = next(c for c in next_day.blocks if c.exercise_id == "romanian_deadlift").prescription.load_kg
    assert rdl.prescription.load_kg <= ld.step_ceiling(planned, P.max_load_step_pct, step) + 1e-6


@st.composite
def pounds_dumbbell_lifters(draw) -> AthleteProfile:
    """Generated runners in pounds with dumbbells (5 lb steps: 25-33% of a light dumbbell)."""
    p = draw(profiles())
    return AthleteProfile.model_validate({**p.model_dump(), "equipment": ["dumbbells"], "units": "imperial"})


def as_planned(block, day, harder: int = 0) -> RecentSet:
    """The block's first set, logged as planned (`harder`: so many reps less in reserve)."""
    presc = block.prescription
    rir = round(ld.rir_of(presc.intensity.kind, presc.intensity.value, P.autoreg_assumed_rir))
    return RecentSet(reps=min(presc.reps, 30), load_kg=presc.load_kg, rir=max(rir - harder, 0), date=day)


@st.composite
def kilo_coarse_kit_lifters(draw) -> AthleteProfile:
    """Generated runners in kilograms whose kit steps more than the drop's bound: 2 kg dumbbells
    under 20 kg, a 4 kg kettlebell's steps."""
    p = draw(profiles())
    kit = draw(st.sampled_from([["dumbbells"], ["bands", "kettlebell"]]))
    return AthleteProfile.model_validate({**p.model_dump(), "equipment": kit, "units": "metric"})


@SETTINGS
@given(profile=pounds_dumbbell_lifters(), harder=st.integers(0, 1))
def test_a_log_a_rep_harder_than_planned_never_drops_a_load_past_the_drop_bound_by_rounding_to_the_kit(profile, harder):
    """cr21a W4: 2 x 6 @ 15 lb logged one rep harder than planned became 10 lb (-33%): the bound is 10%."""
    never_drops_past_the_bound(profile, harder)


@SETTINGS
@given(profile=kilo_coarse_kit_lifters(), harder=st.integers(0, 1))
def test_a_log_a_rep_harder_than_planned_never_drops_a_kilo_kits_load_past_the_drop_bound_by_rounding(profile, harder):
    """The same on kilo kit whose step is coarser than the bound (a 12 kg kettlebell's next one down is 8 kg)."""
    never_drops_past_the_bound(profile, harder)


def never_drops_past_the_bound(profile: AthleteProfile, harder: int) -> None:
    """Week one's first loaded lift logged as planned (`harder`: a rep less in reserve): the sessions
    `today` shows until week three, and the replan's next loading week, drop it by the bound at most."""
    plan = plan_of(profile)
    assume(plan is not None and len(plan.weeks) > 2)
    first = next(((s, b) for s in plan.weeks[0].sessions for b in s.blocks
                  if b.prescription.load_kg and b.prescription.reps), None)  # fmt: skip
    assume(first is not None)
    s, b = first
    logged = as_planned(b, s.date, harder)
    floor = b.prescription.load_kg * (1 - P.autoreg_max_drop_pct / 100)
    for x in planned_work(plan)[0]:
        if s.date < x.date < plan.weeks[2].start_date:
            moved = followed_session(x, {b.exercise_id: logged}, profile.units, profile.load_increments,
                                     one_dumbbell_context().library, P, None, None, profile.bar_weights)  # fmt: skip
            for old, c in zip(x.blocks, moved.blocks, strict=True):
                if c.exercise_id == b.exercise_id and old.prescription.load_kg and old.held_by is None:
                    was = min(old.prescription.load_kg, b.prescription.load_kg)  # as planned, or its plan's own drop
                    assert c.prescription.load_kg >= min(was, floor) - 1e-6, (b.prescription, old.prescription,
                                                                               c.prescription)  # fmt: skip
    # ... and the plan made from it (a review's, a replan's): its next loading week holds or drops within the bound
    after = plan_of(profile.model_copy(update={"logged_sets": {b.exercise_id: logged}}), fixed_weeks=plan.weeks[:1])
    assume(after is not None)
    week = after.weeks[1]
    assume(week.phase in LOADING_PHASES and not week.deload)
    for x, old in zip(week.sessions, plan.weeks[1].sessions, strict=False):
        for c in x.blocks:
            if c.exercise_id == b.exercise_id and c.prescription.load_kg and not set(c.rule_ids) & HOLDS:
                was = min([o.prescription.load_kg for o in old.blocks if o.exercise_id == c.exercise_id
                           and o.prescription.load_kg] or [b.prescription.load_kg])  # fmt: skip
                assert c.prescription.load_kg >= min(was, floor) - 1e-6, (b.prescription, c.prescription)


RUNNERS = Path(__file__).parent / "runners"


def test_a_40_lb_hip_thrust_logged_a_rep_harder_holds_at_40_lb_with_fewer_reps_not_35_lb():
    """CI's draw (runners/logcaps_40lb_hip_thrust_a_rep_harder_pound_dumbbells.json): a 16-year-old's
    light-day 2 x 8 @ 40 lb at RIR 5, logged at RIR 4. The next days' 9 reps at RIR 6 call for 38 lb;
    the 5 lb kit's next load down, 35 lb, is 12.5% under the 40 lb she lifted (the bound is 10%), so
    the load holds at 40 lb and the reps ease to the 7 that 40 lb allows at RIR 6. (On one dumbbell
    across the hips, her heaviest: the shipped hip thrust now takes both past it.)"""
    profile = AthleteProfile.model_validate_json(
        (RUNNERS / "logcaps_40lb_hip_thrust_a_rep_harder_pound_dumbbells.json").read_text()
    )
    plan = build_plan(profile, one_dumbbell_context())
    s, b = next((s, b) for s in plan.weeks[0].sessions for b in s.blocks if b.exercise_id == "dumbbell_hip_thrust")
    assert round(b.prescription.load_kg / ld.KG_PER_LB, 3) == 40 and b.prescription.reps == 8
    logged = as_planned(b, s.date, harder=1)
    shown = []
    for x in planned_work(plan)[0]:
        if s.date < x.date < plan.weeks[2].start_date:
            moved = followed_session(x, {b.exercise_id: logged}, profile.units, profile.load_increments,
                                     load_context().library, P, None, None, profile.bar_weights)  # fmt: skip
            for c in moved.blocks:
                if c.exercise_id == b.exercise_id:
                    dose = c.prescription
                    shown.append((round(dose.load_kg / ld.KG_PER_LB, 3), dose.reps, dose.intensity.value))
    # was 35 lb x 8, 35 lb x 9, 35 lb x 9; the second day's plan is now 2 x 10 @ 50 lb at RIR 5, not 2 x 9 at
    # RIR 6 (kit-outgrown: an easy effort at the kit's heaviest climbs two reps a week), so 40 lb allows 8 at RIR 5
    assert shown == [(40, 8, 6), (40, 8, 5), (40, 7, 6)], shown
