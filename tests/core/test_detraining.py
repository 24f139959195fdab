"""A load given from before a break restarts lower and is found again (detraining-restart, cr30a F3).

Tom, 41, back after six months off running and lifting, gave his pre-break loads (trap bar 110,
RDL 80, hip thrust 100) with no consistent strength weeks: the plan started them at face value,
and his trap bar at 3 x 6 @ 110 kg RIR 2 on Monday and Friday of the week it first came. Given
as sets dated June, six months before the start, his RDL's first week was that very set, 80 kg,
called RIR 3. Named runners, then a property over generated returning runners.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from runstrong.core import loads as ld
from runstrong.core.detraining import aged
from runstrong.core.model import AthleteProfile
from runstrong.core.planner import InfeasibleWeekError, build_plan
from runstrong.errors import UserError
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile, read_profile_data, validate_profile
from tests.conftest import examples

from .strategies import profiles

RUNNERS = Path(__file__).parent / "runners"
CTX = load_context()
P, LIBRARY = CTX.params, CTX.library
TOM = load_profile(RUNNERS / "tom_back_after_six_months_known_loads.toml")
TOM_DATED = load_profile(RUNNERS / "tom_back_after_six_months_sets_dated_june.toml")
OLD = {"trap_bar_deadlift": 110.0, "romanian_deadlift": 80.0, "barbell_hip_thrust": 100.0}
SETTINGS = settings(max_examples=examples(), deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _with(profile: AthleteProfile, **changes) -> AthleteProfile:
    return AthleteProfile.model_validate({**profile.model_dump(), **changes})


def _loaded(plan, ex_id):
    """(week, session, block) of each loaded block of the lift, in order."""
    return [
        (w, s, b)
        for w in plan.weeks
        for s in w.sessions
        for b in s.blocks
        if b.exercise_id == ex_id and b.prescription.load_kg is not None
    ]


def _first_week(plan, ex_id):
    blocks = _loaded(plan, ex_id)
    if not blocks:
        return []
    first = blocks[0][0].index
    return [(w, s, b) for w, s, b in blocks if w.index == first]


def _ceiling(e1rm: float, block) -> float:
    """The load the block's reps and reserve allow at `e1rm` (a load rounds down to the kit)."""
    pr = block.prescription
    rir = ld.rir_of(pr.intensity.kind, pr.intensity.value, P.autoreg_assumed_rir)
    return ld.load_for(e1rm, pr.reps, rir, P.e1rm_formula, P.e1rm_max_reps)


def _old_e1rm(ex_id: str, kg: float) -> float:
    return ld.e1rm(kg, LIBRARY.get(ex_id).dose.reps, P.known_load_rir, P.e1rm_formula, P.e1rm_max_reps)


def test_toms_undated_loads_with_no_consistent_weeks_restart_lower_and_are_found_again():
    plan = build_plan(TOM, CTX)
    share = P.detrain_undated_share_pct / 100
    for ex_id, kg in OLD.items():
        first = _first_week(plan, ex_id)
        assert first, ex_id
        for _, _, b in first:
            assert b.prescription.load_kg <= _ceiling(_old_e1rm(ex_id, kg) * share, b) + 1e-9, (ex_id, b.prescription)
            assert b.prescription.load_kg < kg
        _, _, opening = first[0]
        said = [r.text for r in opening.reasons if r.rule_id == "detraining-restart"]
        assert said and f"The {kg:g} kg you gave" in said[0] and "consistent_strength_weeks" in said[0], said
        assert "find-your-weight" in opening.rule_ids


def test_toms_sets_dated_june_are_read_by_their_age_not_as_todays():
    plan = build_plan(TOM_DATED, CTX)
    rdl = _first_week(plan, "romanian_deadlift")[0][2]
    assert rdl.prescription.load_kg < 80 * 0.65, rdl.prescription  # was 80 kg "RIR 3": his RIR 2 set of June
    said = [r.text for r in rdl.reasons if r.rule_id == "detraining-restart"]
    assert said and "from June 2026" in said[0] and "28 weeks" in said[0], said


def test_known_loads_dated_by_known_loads_date_are_aged_as_dated_sets_are():
    dated = build_plan(_with(TOM, known_loads_date=dt.date(2026, 6, 20)), CTX)
    share = P.detrain_share_pct[-1] / 100  # 28 weeks: past the last band
    for ex_id, kg in OLD.items():
        for _, _, b in _first_week(dated, ex_id):
            assert b.prescription.load_kg <= _ceiling(_old_e1rm(ex_id, kg) * share, b) + 1e-9, ex_id


def test_a_lift_back_after_a_break_never_has_its_old_top_set_in_the_week_it_first_comes():
    for profile in (TOM, TOM_DATED):
        trap = _first_week(build_plan(profile, CTX), "trap_bar_deadlift")
        assert len(trap) >= 1
        assert all(b.prescription.load_kg < 110 * 0.75 for _, _, b in trap), [b.prescription for _, _, b in trap]


def test_loads_of_a_runner_who_trains_now_start_at_face_value():
    """Consistent strength weeks cover the load's age, or a set from last week: today's strength."""
    now = build_plan(_with(TOM, consistent_strength_weeks=30), CTX)
    rdl = _first_week(now, "romanian_deadlift")[0][2]
    assert rdl.prescription.load_kg >= 70 and "detraining-restart" not in rdl.rule_ids
    recent = {k: {**v.model_dump(mode="json"), "date": "2026-12-28"} for k, v in TOM_DATED.recent_sets.items()}
    fresh = build_plan(_with(TOM_DATED, recent_sets=recent), CTX)
    assert "detraining-restart" not in {r for _, _, b in _loaded(fresh, "romanian_deadlift") for r in b.rule_ids}


# ------------------------------------------------------------------ generated runners

LIFTS = sorted(OLD)


@st.composite
def returning_runners(draw) -> AthleteProfile:
    """A runner with gym kit and a known load or a dated set of a barbell hinge or hip thrust,
    from one day to two years before the start, training since or not."""
    base = draw(profiles())
    ex_id = draw(st.sampled_from(LIFTS))
    kg = round(base.body_mass_kg * draw(st.floats(0.3, 1.2)) / 2.5) * 2.5 or 20.0
    day = base.start_date - dt.timedelta(days=draw(st.integers(1, 730)))
    changes: dict = {
        "equipment": ["gym"],
        "consistent_strength_weeks": draw(st.sampled_from([0, 0, 2, 8, 60])),
        "strength_experience": draw(st.sampled_from(["intermediate", "advanced"])),
        "pain_areas": [],
        "pain_scores": {},
        "pain_sides": {},
        "screens": [],
    }
    if draw(st.booleans()):
        changes |= {"known_loads_kg": {ex_id: kg}, "known_loads_date": draw(st.sampled_from([day, None]))}
    else:
        changes |= {
            "recent_sets": {ex_id: {"reps": 8, "load_kg": kg, "rir": 2, "date": draw(st.sampled_from([day, None]))}}
        }
    return _with(base, **changes)


@SETTINGS
@given(profile=returning_runners())
def test_a_returning_runners_first_week_load_is_never_above_the_discounted_load(profile):
    try:
        plan = build_plan(profile, CTX)
    except InfeasibleWeekError:
        return
    for ex_id, kg in profile.known_loads_kg.items():
        e1rm, day = _old_e1rm(ex_id, kg), profile.known_loads_date
        break
    else:
        ((ex_id, s),) = profile.recent_sets.items()
        e1rm, day = ld.e1rm(s.load_kg, s.reps, s.rir, P.e1rm_formula, P.e1rm_max_reps), s.date
    taken = aged(profile, day, P)
    first = _first_week(plan, ex_id)
    event("aged and planned" if taken is not None and first else "not aged or not planned")
    if taken is None or not first:
        return
    kit = ld.implement(LIBRARY.get(ex_id).equipment)
    bar = ld.lightest_kg(kit, profile.units, profile.bar_weights, P)  # an empty bar is as light as it goes
    for _, _, b in first:
        top = max(_ceiling(e1rm * taken.share, b), bar)
        assert b.prescription.load_kg <= top + 1e-6, (ex_id, taken, b.prescription)
    assert "detraining-restart" in first[0][2].rule_ids


def test_a_known_loads_date_with_no_known_loads_is_refused_naming_the_fix():
    raw = read_profile_data(RUNNERS / "tom_back_after_six_months_sets_dated_june.toml")
    with pytest.raises(UserError, match=r"known_loads_date: dates your known loads, and you gave none"):
        validate_profile({**raw, "known_loads_date": "2026-06-20"})
