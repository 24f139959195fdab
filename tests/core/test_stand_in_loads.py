"""A review's stand-in starts from a safe load for itself (cross-lift-start; holdfix's Left, the
twenty-third session's liftfall Left): Marcus's Romanian deadlift, swapped for the dumbbell RDL
after his form broke down, had the dumbbell RDL converted from whichever lift of the movement
came first with a load, his trap bar (180 kg x 5), not the lift it stood in for, and carried
across whole: 4 x 4 @ 50 kg, "RPE 8", the gym's heaviest dumbbell. It now converts from the lift
it replaces, at the registry's cautious share for a review's stand-in, and finds its weight."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from runstrong.core import loads as ld
from runstrong.core.load_calibration import implement_share
from runstrong.core.model import AthleteProfile, ExerciseSwap
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile
from tests.conftest import examples

from .strategies import profiles
from .test_starting_loads import plan_of

CTX = load_context()
P = CTX.params
MARCUS = load_profile(Path(__file__).parent / "runners" / "heavy_lifter_marathon.toml")
SETTINGS = settings(max_examples=examples(0.3), deadline=None, suppress_health_check=[HealthCheck.too_slow])
RDL, STAND_IN = "romanian_deadlift", "dumbbell_romanian_deadlift"


def _swapped(profile: AthleteProfile, since: dt.date) -> AthleteProfile:
    swap = ExerciseSwap(
        from_id=RDL,
        to_id=STAND_IN,
        since=since,
        rule_id="review-regress",
        reason="Romanian deadlift: form broke down in 3 of 3 sets; Dumbbell Romanian deadlift instead.",
    )
    return profile.model_copy(update={"exercise_swaps": [swap]})


def _first(plan, ex: str):
    return next((b for w in plan.weeks for s in w.sessions for b in s.blocks if b.exercise_id == ex), None)


def _ceiling(rdl_e1rm: float, presc) -> float:
    """The most a review's stand-in's first block may ask: the RDL's e1RM converted to the
    stand-in at the registry's share for a stand-in, for the block's reps and reserve."""
    lib, ratios = CTX.library, P.cross_lift_relative_pct
    src, e = lib.get(RDL), lib.get(STAND_IN)
    conv = rdl_e1rm / implement_share(src, P) * ratios[STAND_IN] / ratios[RDL] * implement_share(e, P)
    rir = ld.rir_of(presc.intensity.kind, presc.intensity.value, P.autoreg_assumed_rir)
    return ld.load_for(conv * P.cross_lift_stand_in_pct / 100, presc.reps, rir, P.e1rm_formula, P.e1rm_max_reps)


def test_marcuss_stand_in_converts_from_the_rdl_it_replaces_at_a_cautious_share():
    plan = plan_of(_swapped(MARCUS, MARCUS.start_date + dt.timedelta(days=14)))
    first = _first(plan, STAND_IN)
    assert first is not None
    presc = first.prescription
    rdl = ld.e1rm(140, 6, 2, P.e1rm_formula, P.e1rm_max_reps)  # his recent set: 6 x 140 kg @ RIR 2
    assert presc.load_kg <= _ceiling(rdl * (1 + P.load_step_pct / 100) ** 2, presc) + 1e-6, presc  # was 50 kg
    said = " ".join(r.text for r in first.reasons)
    assert "Romanian deadlift" in said and "Trap-bar" not in said and "find your weight" in said.lower(), said


@st.composite
def hinge_lifters(draw) -> AthleteProfile:
    """Generated gym runners who gave a Romanian deadlift and a trap-bar deadlift of their own
    (either may be the stronger for its ratio), whose RDL a review swapped from the start."""
    p = draw(profiles())
    rdl, trap = draw(st.floats(30, 140)), draw(st.floats(40, 220))
    sets = {RDL: f"6 x {rdl:.1f} kg @ RIR 2", "trap_bar_deadlift": f"5 x {trap:.1f} kg @ RIR 2"}
    data = {**p.model_dump(), "equipment": ["gym"], "recent_sets": sets, "plan_weeks": max(p.plan_weeks, 8)}
    return _swapped(AthleteProfile.model_validate(data), p.start_date)


@SETTINGS
@given(profile=hinge_lifters())
def test_a_reviews_stand_in_never_starts_above_its_cautious_share_of_the_lift_it_replaces(profile):
    plan = plan_of(profile)
    assume(plan is not None)
    first = _first(plan, STAND_IN)
    assume(first is not None and first.prescription.load_kg and first.prescription.reps)
    rdl = profile.recent_sets[RDL]
    e1rm = ld.e1rm(rdl.load_kg, rdl.reps, rdl.rir, P.e1rm_formula, P.e1rm_max_reps)
    step = ld.kit_of(ld.implement(CTX.library.get(STAND_IN).equipment), profile, P)
    floor = step.bar or step.step  # the lightest the kit makes stands, however light the share
    assert first.prescription.load_kg <= max(_ceiling(e1rm, first.prescription), floor) + 1e-6, first.prescription
    assert any(r.rule_id == "find-your-weight" for r in first.reasons), first.reasons
